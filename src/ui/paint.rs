//! Letting the browser paint before long work, so a message such as
//! "Opening plan.json…" is on screen while a large file is read.

use wasm_bindgen_futures::JsFuture;

/// Resolves once the browser has painted the current state of the page.
pub async fn after_paint() {
    let window = leptos::prelude::window();
    // The frame callback runs just before the paint; a zero timeout set then runs after it.
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = JsFuture::from(frame).await;
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(painted).await;
}
