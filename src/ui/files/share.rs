//! Sharing without a file: a button that puts a plan (or one unit's part)
//! into a link, or says plainly why it does not fit.

use crate::io::link::{encode, LinkError, MAX_LINK_CHARS};
use crate::model::Plan;
use crate::ui::widgets::{thousands, Modal};
use leptos::prelude::*;

/// The address of this page with `fragment` as its hash.
fn page_url(fragment: &str) -> String {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}

/// "Share link…": opens a dialog with a link to what `plan` returns when
/// clicked (nothing, if what it shared is gone).
#[component]
pub fn ShareLinkButton(
    /// What is shared, for the dialog title ("the plan", "Sales").
    #[prop(into)]
    what: String,
    plan: impl Fn() -> Option<Plan> + 'static,
) -> impl IntoView {
    let link = RwSignal::new(None::<Result<String, LinkError>>);
    let open = move |_| {
        if let Some(plan) = plan() {
            link.set(Some(encode(&plan).map(|fragment| page_url(&fragment))));
        }
    };
    let close = Callback::new(move |()| link.set(None));
    let title = format!("Share {what} by link");
    view! {
        <button on:click=open>"Share link…"</button>
        {move || link.get().map(|result| view! {
            <Modal title=title.clone() on_close=close>
                {match result {
                    Ok(url) => view! {
                        <p>"Anyone who opens this link sees the plan read-only and can save a copy. It holds the plan itself: nothing is uploaded."</p>
                        <input class="share-link" readonly aria-label="Share link" prop:value=url.clone()
                            on:focus=|ev| { if let Some(input) = crate::ui::fields::input_of(&ev) { input.select(); } } />
                        <p class="hint">{format!("{} characters.", url.len())}</p>
                        <div class="actions">
                            <button class="primary" on:click=move |_| copy(&url)>"Copy link"</button>
                            <button on:click=move |_| close.run(())>"Close"</button>
                        </div>
                    }.into_any(),
                    Err(LinkError::TooLong) => view! {
                        <p role="alert">{format!(
                            "Too large for a link: it would be longer than {} characters, the most mail and chat programs keep whole. Export a file instead, or share one unit's part.",
                            thousands(MAX_LINK_CHARS)
                        )}</p>
                        <div class="actions"><button class="primary" on:click=move |_| close.run(())>"Close"</button></div>
                    }.into_any(),
                }}
            </Modal>
        })}
    }
}

fn copy(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
    if let Some(state) = use_context::<crate::ui::state::AppState>() {
        state.status.set("Link copied.".into());
    }
}
