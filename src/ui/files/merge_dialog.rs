//! The merge preview: what a file would add, change, conflict with or leave
//! out, item by item, applied as one undoable step.

use super::FileImport;
use crate::io::merge::{Change, ChangeKind, Merging, Preview};
use crate::model::{Command, Plan};
use crate::ui::paint::{in_slices_until_done, OBJECTIVES_PER_TASK};
use crate::ui::state::AppState;
use crate::ui::widgets::{plural, thousands, BusyButton, Cancelled, Modal};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Each group shows this many items; the rest follow "Accept all".
const SHOWN_PER_GROUP: usize = 200;

const GROUPS: [(ChangeKind, &str, &str); 4] = [
    (ChangeKind::Added, "New in the file", ""),
    (ChangeKind::Changed, "Changed in the file", ""),
    (
        ChangeKind::Conflict,
        "Changed here and in the file",
        "Ticked takes the file's version; unticked keeps yours.",
    ),
    (
        ChangeKind::Missing,
        "Here but not in the file",
        "Ticked removes them from this plan.",
    ),
];

fn verb(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "Add",
        ChangeKind::Changed => "Take",
        ChangeKind::Conflict => "Take theirs for",
        ChangeKind::Missing => "Remove",
    }
}

fn summary(preview: &Preview) -> String {
    let mut parts: Vec<String> = GROUPS
        .iter()
        .map(|(kind, _, _)| (kind, preview.count(*kind)))
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| {
            let n = thousands(n);
            match kind {
                ChangeKind::Added => format!("{n} new"),
                ChangeKind::Changed => format!("{n} changed"),
                ChangeKind::Conflict => format!("{n} changed on both sides"),
                ChangeKind::Missing => format!("{n} not in the file"),
            }
        })
        .collect();
    if parts.is_empty() {
        parts.push("Nothing differs".into());
    }
    let mut text = parts.join(", ");
    text.push_str(&format!("; {} the same", thousands(preview.unchanged)));
    if preview.newer_here > 0 {
        text.push_str(&format!(
            "; {} newer here, kept as they are",
            thousands(preview.newer_here)
        ));
    }
    text.push('.');
    text
}

#[component]
pub fn MergeDialog(
    file: String,
    incoming: Arc<Plan>,
    preview: Arc<Preview>,
    state: AppState,
    import: FileImport,
) -> impl IntoView {
    let close = Callback::new(move |()| import.outcome.set(None));
    let selected = RwSignal::new(preview.default_selection());
    let chosen = {
        let preview = preview.clone();
        Memo::new(move |_| selected.with(|s| preview.with_needs(s)))
    };
    let problems = RwSignal::new(Vec::<String>::new());
    let everything: BTreeSet<String> = preview.changes.iter().map(|c| c.key.clone()).collect();

    let merge = {
        let (file, preview, incoming) = (file.clone(), preview.clone(), incoming.clone());
        move |cancelled: Cancelled| {
            let picked = chosen.get_untracked();
            let (file, preview, incoming) = (file.clone(), preview.clone(), incoming.clone());
            async move {
                // Checked, then what is exchanged recorded, a part per task;
                // a slice of a cancelled merge ends it.
                let mut refused = None;
                let work = in_slices_until_done(
                    state.editor,
                    |plan| Merging::start(plan, &incoming, &preview, &picked),
                    |work, _| {
                        cancelled.get()
                            || work.advance(&incoming, OBJECTIVES_PER_TASK).unwrap_or_else(
                                |problems| {
                                    refused = Some(problems);
                                    true
                                },
                            )
                    },
                )
                .await;
                let Some(work) = work.filter(|_| !cancelled.get()) else {
                    return true;
                };
                let merged = match refused {
                    Some(problems) => Err(problems),
                    None => Ok(work.finish()),
                };
                match merged {
                    Ok(plan) if state.editor.with_untracked(|e| plan == *e.plan()) => {
                        state.status.set(format!(
                            "Nothing to change: the plan already has what {file} holds."
                        ));
                        close.run(());
                        true
                    }
                    Ok(plan) => {
                        let merge = Command::Batch {
                            label: format!("merge {file}"),
                            steps: vec![Command::ReplacePlan(Box::new(plan))],
                        };
                        if state.edit(|_| Ok(merge)) {
                            state.status.set(format!(
                                "Merged {} from {file}. Undo takes the merge back.",
                                plural(picked.len(), "change")
                            ));
                        }
                        close.run(());
                        true
                    }
                    Err(found) => {
                        problems.set(found);
                        false
                    }
                }
            }
        }
    };

    let groups = GROUPS
        .iter()
        .filter(|(kind, _, _)| preview.count(*kind) > 0)
        .map(|&(kind, title, note)| {
            let changes: Vec<Change> = preview.changes.iter().filter(|c| c.kind == kind).cloned().collect();
            let hidden = changes.len().saturating_sub(SHOWN_PER_GROUP);
            view! {
                <fieldset class="merge-group">
                    <legend>{format!("{title} ({})", changes.len())}</legend>
                    {(!note.is_empty()).then(|| view! { <p class="hint">{note}</p> })}
                    <ul>
                        {changes.into_iter().take(SHOWN_PER_GROUP).map(|change| change_row(change, selected, chosen)).collect_view()}
                    </ul>
                    {(hidden > 0).then(|| view! { <p class="hint">{format!("… and {hidden} more, chosen with “Accept all”.")}</p> })}
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <Modal title=format!("Merge {file}") on_close=close>
            <p>{summary(&preview)}</p>
            {incoming.scope.as_ref().map(|_| view! {
                <p class="hint">"The file holds one unit's part: only that part is compared."</p>
            })}
            <div class="actions">
                <button on:click=move |_| selected.set(everything.clone())>"Accept all"</button>
                <button on:click=move |_| selected.set(BTreeSet::new())>"Accept none"</button>
            </div>
            <div class="merge-list">{groups}</div>
            <Show when=move || !problems.with(Vec::is_empty)>
                <div role="alert" class="banner warning">
                    <p>"These choices would leave the plan inconsistent:"</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <div class="actions">
                <BusyButton
                    label=Signal::derive(move || format!("Merge {}", plural(chosen.with(BTreeSet::len), "change")))
                    busy_label=Signal::stored("Merging…".to_owned())
                    work=merge
                />
                <button on:click=move |_| close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
}

fn change_row(
    change: Change,
    selected: RwSignal<BTreeSet<String>>,
    chosen: Memo<BTreeSet<String>>,
) -> impl IntoView {
    let key = Arc::new(change.key.clone());
    let fields = (!change.fields.is_empty()).then(|| format!(" ({})", change.fields.join(", ")));
    let checked = {
        let key = key.clone();
        move || chosen.with(|c| c.contains(key.as_str()))
    };
    let needed = {
        let key = key.clone();
        move || {
            (chosen.with(|c| c.contains(key.as_str()))
                && !selected.with(|s| s.contains(key.as_str())))
            .then_some(" — needed by a chosen item")
        }
    };
    let toggle = move |_| {
        selected.update(|s| {
            if !s.remove(key.as_str()) {
                s.insert(key.to_string());
            }
        })
    };
    view! {
        <li>
            <label>
                <input type="checkbox" prop:checked=checked on:change=toggle />
                {format!("{} {} “{}”", verb(change.kind), change.item.label().to_lowercase(), change.name)}
                {fields}
                <span class="hint">{needed}</span>
            </label>
        </li>
    }
}
