//! The keyboard shortcuts, shown on "?".

use crate::ui::widgets::Modal;
use leptos::prelude::*;

const SHORTCUTS: [(&str, &str); 8] = [
    ("?", "Show these shortcuts"),
    ("Ctrl+Z", "Undo (outside text fields)"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("Escape", "Close a dialog"),
    ("Tab / Shift+Tab", "Move between controls"),
    (
        "Enter",
        "In a key result's “New value”: check in and go to the next",
    ),
    (
        "Shift+Enter",
        "In a key result's “New value”: go to the previous",
    ),
    ("Enter or Space on a unit", "Select it in the cascade"),
];

#[component]
pub fn ShortcutHelp(on_close: Callback<()>) -> impl IntoView {
    view! {
        <Modal title="Keyboard shortcuts".to_owned() on_close>
            <table class="shortcuts">
                <caption class="visually-hidden">"Keyboard shortcuts"</caption>
                <tbody>
                    {SHORTCUTS.map(|(keys, what)| view! { <tr><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <div class="actions"><button class="primary" on:click=move |_| on_close.run(())>"Close"</button></div>
        </Modal>
    }
}
