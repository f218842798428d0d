//! The risks computed from the plan, each with the source text behind it.

use super::context::Rollout;
use leptos::prelude::*;

#[component]
pub fn Risks() -> impl IntoView {
    let rollout = Rollout::expect();
    let count = move || rollout.risks.with(|r| r.len());
    view! {
        <section class="risks" aria-labelledby="risks-title">
            <h2 id="risks-title">"Risks (" {count} ")"</h2>
            <Show when=move || count() != 0 fallback=|| view! { <p>"✓ No known risks in this plan."</p> }>
                <ul aria-label="Risks">
                    {move || rollout.risks.with(|risks| risks.iter().map(|r| view! {
                        <li class="risk">
                            <p><span aria-hidden="true">"⚠ "</span>{r.message.clone()}</p>
                            <p class="source">{r.source}</p>
                        </li>
                    }).collect_view())}
                </ul>
            </Show>
        </section>
    }
}
