//! Form fields that commit to the model on change and show the model's value
//! again when an edit is refused.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Fields of a shared plan are shown read-only (edits would be refused anyway).
fn read_only() -> bool {
    use_context::<crate::ui::state::AppState>().is_some_and(|s| s.read_only)
}

/// The text input an event happened on.
pub fn input_of(ev: &ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target().and_then(|t| t.dyn_into().ok())
}

/// A text input bound to `value`; `commit` returns whether the edit applied.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    commit: impl Fn(String) -> bool + 'static,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let on_change = move |ev: ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        let text = input.value();
        if text != value.get_untracked() && !commit(text) {
            input.set_value(&value.get_untracked());
        }
    };
    let readonly = read_only();
    view! { <input class=class aria-label=label readonly=readonly prop:value=move || value.get() on:change=on_change /> }
}

/// A number input; text that is not a number is refused and reset.
#[component]
pub fn NumberField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<f64>,
    commit: impl Fn(f64) -> bool + 'static,
    #[prop(optional)] step: Option<&'static str>,
) -> impl IntoView {
    let on_change = move |ev: ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        let applied = match input.value().trim().replace(',', ".").parse::<f64>() {
            Ok(number) if number.is_finite() => number == value.get_untracked() || commit(number),
            _ => false,
        };
        if !applied {
            input.set_value(&value.get_untracked().to_string());
        }
    };
    let readonly = read_only();
    view! {
        <input
            readonly=readonly
            type="number"
            step=step.unwrap_or("any")
            aria-label=label
            prop:value=move || value.get().to_string()
            on:change=on_change
        />
    }
}

/// A multi-line text field bound to `value`, committed when it loses focus.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    commit: impl Fn(String) -> bool + 'static,
) -> impl IntoView {
    let on_change = move |ev: ev::Event| {
        let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let text = area.value();
        if text != value.get_untracked() && !commit(text) {
            area.set_value(&value.get_untracked());
        }
    };
    let readonly = read_only();
    view! { <textarea aria-label=label readonly=readonly rows="2" prop:value=move || value.get() on:change=on_change></textarea> }
}
