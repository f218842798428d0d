//! Light, dark, or following the system: the choice is kept in this browser.

use crate::storage::{KeyValueStore, LocalStore};
use leptos::prelude::*;

const THEME_KEY: &str = "okrplan.theme";
const CHOICES: [(&str, &str); 3] = [("system", "System"), ("light", "Light"), ("dark", "Dark")];

fn apply(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = if theme == "system" {
            root.remove_attribute("data-theme")
        } else {
            root.set_attribute("data-theme", theme)
        };
    }
}

/// Applies the saved theme; call once at start so the first paint is right.
pub fn restore() {
    if let Ok(Some(theme)) = LocalStore.get(THEME_KEY) {
        apply(&theme);
    }
}

#[component]
pub fn ThemeSelect() -> impl IntoView {
    let current = LocalStore
        .get(THEME_KEY)
        .ok()
        .flatten()
        .unwrap_or_else(|| "system".into());
    let choose = move |ev| {
        let theme = event_target_value(&ev);
        apply(&theme);
        // Not being able to remember the theme is not worth a message.
        let _ = LocalStore.set(THEME_KEY, &theme);
    };
    view! {
        <select class="theme" aria-label="Theme" on:change=choose>
            {CHOICES.map(|(value, label)| view! { <option value=value selected=current == value>{label}</option> }).collect_view()}
        </select>
    }
}
