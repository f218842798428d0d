//! Small building blocks shared by every view.

use leptos::ev;
use leptos::html;
use leptos::portal::Portal;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A modal dialog: focus moves into it, Escape closes it, and focus returns
/// to where it was.
#[component]
pub fn Modal(
    /// The dialog's accessible name and heading.
    title: String,
    /// `alertdialog` for errors, `dialog` otherwise.
    #[prop(default = "dialog")]
    role: &'static str,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    // Closed, it gives focus back to where it was: the button that opened it.
    let opener = StoredValue::new_local(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    on_cleanup(move || {
        if let Some(Some(opener)) = opener.try_get_value() {
            let _ = opener.focus();
        }
    });
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
        }
    };
    // Drawn once: the portal asks for its children as a function.
    let children = StoredValue::new_local(Some(children));
    view! {
        // In <body>, not where it is opened: a card that the browser may skip
        // drawing (`content-visibility`) would clip it.
        <Portal>
            <div class="backdrop">
                <div
                    class="modal"
                    role=role
                    aria-modal="true"
                    aria-labelledby="modal-title"
                    tabindex="-1"
                    node_ref=panel
                    on:keydown=on_keydown
                >
                    <h2 id="modal-title">{title.clone()}</h2>
                    {children.try_update_value(Option::take).flatten().map(|draw| draw())}
                </div>
            </div>
        </Portal>
    }
}

/// Fields in a form of their own, never submitted and laid out as if it were
/// not there: Chromium's autofill looks over every field outside a form
/// whenever one gets focus or changes (2–5 ms with a page of key results).
#[component]
pub fn FieldGroup(children: Children) -> impl IntoView {
    view! { <form class="fields" on:submit=|ev| ev.prevent_default()>{children()}</form> }
}

/// Objectives or units drawn at first, and added by each "Show more":
/// thousands of cards take seconds to draw, so long lists are drawn a page at a time.
pub const PAGE: usize = 50;

/// "Showing 50 of 9,156 objectives. Show 50 more", while fewer than `total` are
/// drawn: the first `shown`, or `drawn` where a list draws a few more.
#[component]
pub fn ShowMore(
    #[prop(into)] total: Signal<usize>,
    shown: RwSignal<usize>,
    #[prop(optional, into)] drawn: Option<Signal<usize>>,
    /// What the list holds, plural.
    #[prop(default = "objectives")]
    noun: &'static str,
    /// Whose list it is ("of Sales"), where several are on the page.
    #[prop(optional, into)]
    whose: Signal<String>,
) -> impl IntoView {
    move || {
        let total = total.get();
        let drawn = drawn.map_or_else(|| shown.get().min(total), |d| d.get());
        (drawn < total).then(|| {
            let more = PAGE.min(total - drawn);
            let whose = whose.with(|w| if w.is_empty() { String::new() } else { format!(" {w}") });
            view! {
                <p class="more">
                    {format!("Showing {} of {} {noun}. ", thousands(drawn), thousands(total))}
                    // Named in full: an outline shows many such lists, a unit two of them.
                    <button aria-label=format!("Show {more} more {noun}{whose}") on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("Show {more} more")}
                    </button>
                </p>
            }
        })
    }
}

/// The first `count` of `items`: the part of a long list that is drawn.
pub fn first_page<T: Clone>(items: &[T], count: usize) -> Vec<T> {
    items.iter().take(count).cloned().collect()
}

/// A count with thousands separated, as people read it ("9,156").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}
