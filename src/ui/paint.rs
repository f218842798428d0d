//! Letting the browser paint before long work, so a message such as
//! "Opening plan.json…" is on screen while a large file is read, and
//! between the slices of work that would otherwise hold the page.

use crate::model::{Editor, Plan};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Objectives a slice of work on the whole plan (a save, an export, a
/// merge) goes through per task: about 10 ms of work at most.
pub const OBJECTIVES_PER_TASK: usize = 500;

/// Resolves once the browser has painted the current state of the page.
pub async fn after_paint() {
    let window = leptos::prelude::window();
    // The frame callback runs just before the paint; a task queued then runs after it.
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = JsFuture::from(frame).await;
    next_task().await;
}

/// Resolves in a task of its own, after the browser has handled what waits
/// (input, a paint). Unlike a frame callback, it also runs in a hidden tab.
pub async fn next_task() {
    let next = js_sys::Promise::new(&mut |resolve, _| {
        // A message rather than a zero timeout: timeouts set from timeouts
        // wait 4 ms at least from the fifth on, which every slice of a save
        // or an export would pay (40 slices at 10,000 objectives).
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = window().set_timeout_with_callback(&resolve);
            return;
        };
        let (receiver, sender) = (channel.port1(), channel.port2());
        // The handler holds the channel until the message arrives.
        let on_message = Closure::once_into_js(move || {
            drop(channel);
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        receiver.set_onmessage(Some(on_message.unchecked_ref()));
        let _ = sender.post_message(&JsValue::UNDEFINED);
    });
    let _ = JsFuture::from(next).await;
}

/// Work on the whole plan a slice per task, as [`in_slices`], begun again
/// with `start` on the plan as it is whenever an edit lands meanwhile. Ends
/// in the task of the last slice, so the plan is still the one worked on;
/// `None` if the editor is gone.
pub async fn in_slices_until_done<W>(
    editor: ReadSignal<Editor>,
    mut start: impl FnMut(&Plan) -> W,
    mut slice: impl FnMut(&mut W, &Plan) -> bool,
) -> Option<W> {
    loop {
        let (revision, mut work) =
            editor.try_with_untracked(|e| (e.revision(), start(e.plan())))?;
        if in_slices(editor, revision, |plan| slice(&mut work, plan))
            .await
            .is_some()
        {
            return Some(work);
        }
    }
}

/// Calls `slice` with the plan once per task until it returns true; `None`
/// if the plan changed meanwhile (its revision tells), and the work is void.
pub async fn in_slices(
    editor: ReadSignal<Editor>,
    revision: u64,
    mut slice: impl FnMut(&Plan) -> bool,
) -> Option<()> {
    loop {
        next_task().await;
        let done = editor
            .try_with_untracked(|e| (e.revision() == revision).then(|| slice(e.plan())))
            .flatten()?;
        if done {
            return Some(());
        }
    }
}
