//! Small building blocks shared by every view.

use crate::ui::paint::after_paint;
use leptos::ev;
use leptos::html;
use leptos::portal::Portal;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::VecDeque;
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
        // In <body>, not where it is opened: a score card's paint
        // containment would clip it.
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
/// Not one per field where many are drawn: autofill also reads every form of
/// the page again as forms come (a page of 350 score cards took half a
/// second more to draw with one form per key result than with one per card).
/// With an `id` and no children, fields elsewhere join it by their `form`
/// attribute (forms do not nest).
#[component]
pub fn FieldGroup(
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! { <form id=id class="fields" on:submit=|ev| ev.prevent_default()>{children.map(|c| c())}</form> }
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

/// Items [`drawn_in_steps`] adds after each paint.
const STEP: usize = 10;

/// Score cards that fill a screen (one is 300–400 pixels tall): the first
/// step of a list of them.
pub const CARDS_ON_A_SCREEN: usize = 4;

/// How many of a list's first `shown` items to draw now: `first` at once,
/// then [`STEP`] more after each paint, and from `first` again whenever
/// `list` changes (another order, filter or search). Fifty score cards take a
/// tenth of a second to build; the first few fill the screen, and the page
/// answers input between steps.
pub fn drawn_in_steps<K: PartialEq + Send + Sync + 'static>(
    shown: Signal<usize>,
    first: usize,
    list: impl Fn() -> K + Send + Sync + 'static,
) -> Signal<usize> {
    let steps = RwSignal::new(0_usize);
    // The step the current list started at: read as the list changes, not
    // after, so a new order is never drawn with the old one's count.
    let started = Memo::new(move |previous: Option<&(K, usize)>| {
        let now = list();
        match previous {
            Some((before, at)) if *before == now => (now, *at),
            _ => (now, steps.get_untracked()),
        }
    });
    let drawn =
        Memo::new(move |_| (first + STEP * (steps.get() - started.with(|s| s.1))).min(shown.get()));
    let stepping = StoredValue::new(false);
    Effect::new(move || {
        if drawn.get() >= shown.get() || stepping.get_value() {
            return;
        }
        stepping.set_value(true);
        spawn_local(async move {
            after_paint().await;
            // Gone with its list if that was closed meanwhile.
            stepping.try_set_value(false);
            steps.try_update(|n| *n += 1);
        });
    });
    drawn.into()
}

/// Parts of a view that take turns to be drawn, in the order they ask,
/// about `per_paint` items' worth per paint. Unlike [`drawn_in_steps`] it
/// spans many lists: a small plan's outline opens with every unit open, and
/// building all its objective cards in one task kept anything from showing
/// until the last was built. Parts that ask while no one waits and the
/// paint's share is not used up are drawn at once.
#[derive(Clone, Copy)]
pub struct PaintQueue {
    per_paint: usize,
    /// Items that may still be drawn before the next paint.
    left: StoredValue<usize>,
    /// Each waiting part: its items, and its turn to set.
    waiting: StoredValue<VecDeque<(usize, RwSignal<bool>)>>,
    /// Whether a paint is awaited to hand out the next share.
    refilling: StoredValue<bool>,
}

impl PaintQueue {
    pub fn new(per_paint: usize) -> Self {
        PaintQueue {
            per_paint,
            left: StoredValue::new(per_paint),
            waiting: StoredValue::new(VecDeque::new()),
            refilling: StoredValue::new(false),
        }
    }

    /// Whether a part of `items` items may be drawn: at once, or on its turn.
    pub fn ask(self, items: usize) -> Signal<bool> {
        let turn = RwSignal::new(false);
        self.waiting.update_value(|w| w.push_back((items, turn)));
        self.serve();
        turn.into()
    }

    /// Gives their turn to the parts at the front of the queue while this
    /// paint's share lasts; the next paint renews the share and serves again.
    fn serve(self) {
        // `None`: gone with its view meanwhile.
        let Some(turns) = self.waiting.try_update_value(|waiting| {
            let mut turns = Vec::new();
            while self.left.get_value() > 0 {
                let Some((items, turn)) = waiting.pop_front() else {
                    break;
                };
                self.left
                    .update_value(|left| *left = left.saturating_sub(items));
                turns.push(turn);
            }
            turns
        }) else {
            return;
        };
        for turn in turns {
            // A part gone meanwhile (its unit closed) has nothing to draw.
            turn.try_set(true);
        }
        // A share untouched since the last paint needs no renewing: an idle
        // queue asks for no frames.
        if self.refilling.get_value() || self.left.get_value() == self.per_paint {
            return;
        }
        self.refilling.set_value(true);
        spawn_local(async move {
            after_paint().await;
            if self.refilling.try_set_value(false).is_none() {
                self.left.set_value(self.per_paint);
                self.serve();
            }
        });
    }
}

/// Whether the view being built has been painted once: parts below the fold
/// wait for it rather than lengthen the task that opens the view.
pub fn painted() -> Signal<bool> {
    let ready = RwSignal::new(false);
    spawn_local(async move {
        after_paint().await;
        // Gone with its view if that was left meanwhile.
        ready.try_set(true);
    });
    ready.into()
}

/// Draws its children a paint after the rest of the view (see [`painted`]).
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let painted = painted();
    move || painted.get().then(|| children())
}

/// Whether the work of a [`BusyButton`] is no longer wanted: its dialog
/// was closed (the button's state is gone with it).
#[derive(Clone, Copy)]
pub struct Cancelled(RwSignal<bool>);

impl Cancelled {
    pub fn get(self) -> bool {
        self.0.try_get_untracked() != Some(true)
    }
}

/// A dialog's main button for work that takes a moment on a large plan:
/// once clicked it says `busy_label` and ignores clicks, and the work starts
/// after that is painted. `work` is called on the click (to read what the
/// dialog holds) and its future runs after the paint; it ends with whether
/// it is done, and if not (the plan refused it) the button comes back.
#[component]
pub fn BusyButton<W, F>(label: Signal<String>, busy_label: Signal<String>, work: W) -> impl IntoView
where
    W: Fn(Cancelled) -> F + 'static,
    F: std::future::Future<Output = bool> + 'static,
{
    let busy = RwSignal::new(false);
    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let cancelled = Cancelled(busy);
        let work = work(cancelled);
        spawn_local(async move {
            after_paint().await;
            if !cancelled.get() && !work.await {
                busy.try_set(false);
            }
        });
    };
    view! {
        // aria-disabled, not disabled: a disabled button loses focus to the page.
        <button class="primary" aria-disabled=move || busy.get().to_string() on:click=start>
            {move || if busy.get() { busy_label.get() } else { label.get() }}
        </button>
    }
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

/// "1 unit", "2,000 units": a count and its noun, as people read them.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(count))
    }
}
