//! The last line of defence: a panic shows a message instead of a blank page.

use wasm_bindgen::JsCast;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_message();
    }));
}

/// Written with plain DOM calls: after a panic the reactive system cannot be trusted.
fn show_fatal_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(element) = document.create_element("div") else {
        return;
    };
    element.set_class_name("fatal");
    let _ = element.set_attribute("role", "alert");
    element.set_text_content(Some(
        "okrplan stopped because of an internal error. Your plan was autosaved \
         up to the last change before it; reload the page to continue.",
    ));
    if let Some(body) = document.body() {
        let _ = body.append_child(element.unchecked_ref());
    }
}
