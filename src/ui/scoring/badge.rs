//! A score as a number, a band shape and a band name: never colour alone.

use crate::model::scoring::{band, Band};
use leptos::prelude::*;

fn shape(band: Band) -> &'static str {
    match band {
        Band::Red => "■",
        Band::Yellow => "▲",
        Band::Green => "●",
    }
}

fn class(band: Band) -> &'static str {
    match band {
        Band::Red => "score red",
        Band::Yellow => "score yellow",
        Band::Green => "score green",
    }
}

#[component]
pub fn ScoreBadge(#[prop(into)] score: Signal<Option<f64>>) -> impl IntoView {
    move || match score.get() {
        Some(value) => {
            let band = band(value);
            view! {
                <span class=class(band) title=band.label() aria-label=format!("score {value:.1}, {}", band.label())>
                    <span aria-hidden="true">{shape(band)} " "</span>
                    {format!("{value:.1}")}
                </span>
            }
            .into_any()
        }
        None => view! { <span class="score none">"not scored"</span> }.into_any(),
    }
}
