//! What a visit finds in storage, and what happens when saving fails.

use okrplan::io::json::{to_file_text, MAX_FILE_BYTES};
use okrplan::model::{sample_plan, Plan};
use okrplan::storage::{
    load, save_checked, saved_text, set_aside, stamp, KeyValueStore, MemoryStore, SaveError, Saved,
    StoreError, PLAN_KEY, SET_ASIDE_KEY,
};

/// Saves as autosave does, as the tab that saved last.
fn save(store: &MemoryStore, plan: &Plan) -> Result<(), SaveError> {
    let text = saved_text(plan).map_err(SaveError::Store)?;
    save_checked(store, &text, stamp(store).as_deref(), "tab:1")
}

#[test]
fn a_first_visit_finds_nothing() {
    assert!(matches!(load(&MemoryStore::default()), Saved::Nothing));
}

#[test]
fn a_saved_plan_comes_back() {
    let store = MemoryStore::default();
    save(&store, &sample_plan()).unwrap();
    match load(&store) {
        Saved::Plan(plan) => assert_eq!(*plan, sample_plan()),
        other => panic!("expected the plan, got {other:?}"),
    }
}

#[test]
fn corrupt_text_is_unreadable_and_kept_verbatim() {
    let store = MemoryStore::default();
    store
        .set(PLAN_KEY, "{\"format\": \"okrplan\", trunc")
        .unwrap();
    match load(&store) {
        Saved::Unreadable { raw, failure } => {
            assert_eq!(raw, "{\"format\": \"okrplan\", trunc");
            assert_eq!(failure.headline, "The file is not valid JSON.");
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
    // Loading never writes: the text is still there.
    assert_eq!(
        store.get(PLAN_KEY).unwrap().as_deref(),
        Some("{\"format\": \"okrplan\", trunc")
    );
}

#[test]
fn a_plan_from_a_newer_version_is_unreadable_not_lost() {
    let store = MemoryStore::default();
    let newer =
        to_file_text(&sample_plan()).replace("\"schema_version\": 2", "\"schema_version\": 3");
    store.set(PLAN_KEY, &newer).unwrap();
    match load(&store) {
        Saved::Unreadable { failure, .. } => {
            assert_eq!(
                failure.headline,
                "The file was written by a newer version of okrplan."
            )
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
}

#[test]
fn a_full_store_reports_quota_and_keeps_the_previous_save() {
    let store = MemoryStore::default();
    save(&store, &sample_plan()).unwrap();
    let before = store.get(PLAN_KEY).unwrap();
    store.set_full(true);
    let mut renamed = sample_plan();
    renamed.meta.name = "Renamed".into();
    assert_eq!(
        save(&store, &renamed),
        Err(SaveError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(store.get(PLAN_KEY).unwrap(), before);
}

#[test]
fn a_plan_too_large_to_open_again_is_not_saved_and_the_previous_save_stays() {
    let store = MemoryStore::default();
    save(&store, &sample_plan()).unwrap();
    let before = store.get(PLAN_KEY).unwrap();
    let mut huge = sample_plan();
    huge.meta.name = "x".repeat(MAX_FILE_BYTES);
    let refused = save(&store, &huge).unwrap_err();
    let SaveError::Store(StoreError::TooLarge(bytes)) = refused else {
        panic!("expected too large, got {refused:?}");
    };
    assert!(bytes > MAX_FILE_BYTES);
    let message = StoreError::TooLarge(bytes).to_string();
    assert!(
        message.ends_with("MB, more than the 32 MB the app can open"),
        "{message}"
    );
    assert_eq!(store.get(PLAN_KEY).unwrap(), before);
}

#[test]
fn unreadable_text_can_be_set_aside() {
    let store = MemoryStore::default();
    set_aside(&store, "garbage").unwrap();
    assert_eq!(
        store.get(SET_ASIDE_KEY).unwrap().as_deref(),
        Some("garbage")
    );
}

#[test]
fn a_save_never_overwrites_what_another_tab_saved_meanwhile() {
    use okrplan::storage::{save_checked, saved_text, stamp, SaveError};
    let store = MemoryStore::default();
    // Both tabs open on an empty store; tab B saves first.
    save_checked(&store, &saved_text(&sample_plan()).unwrap(), None, "b:1").unwrap();
    assert_eq!(stamp(&store).as_deref(), Some("b:1"));
    let mut mine = sample_plan();
    mine.meta.name = "Tab A's plan".into();
    assert_eq!(
        save_checked(&store, &saved_text(&mine).unwrap(), None, "a:1"),
        Err(SaveError::ChangedElsewhere)
    );
    match load(&store) {
        Saved::Plan(plan) => assert_eq!(plan.meta.name, sample_plan().meta.name),
        other => panic!("expected B's plan, got {other:?}"),
    }
    // Once tab A knows B's stamp, it may save.
    save_checked(&store, &saved_text(&mine).unwrap(), Some("b:1"), "a:1").unwrap();
    assert_eq!(stamp(&store).as_deref(), Some("a:1"));
}

#[test]
fn replacing_from_outside_drops_the_history() {
    use okrplan::model::{Command, Editor};
    let mut editor = Editor::new(sample_plan());
    editor.apply(Command::RenamePlan("Mine".into())).unwrap();
    let mut theirs = sample_plan();
    theirs.meta.name = "Theirs".into();
    editor.replace_from_outside(theirs.clone());
    assert_eq!(editor.plan(), &theirs);
    assert!(editor.undo().is_none());
    assert_eq!(editor.revision(), 2);
}

/// The sample, grown past the size at which saved plans are packed.
fn large_plan() -> okrplan::model::Plan {
    let mut plan = sample_plan();
    let template = plan.objectives.clone();
    let mut copy = 0;
    while okrplan::io::json::to_compact_text(&plan).len() <= okrplan::storage::PACK_ABOVE_BYTES {
        for objective in &template {
            let mut objective = objective.clone();
            objective.id = format!("{}-{copy}", objective.id).as_str().into();
            objective.aligned_to = None;
            for kr in &mut objective.key_results {
                kr.id = format!("{}-{copy}", kr.id).as_str().into();
                for c in &mut kr.check_ins {
                    c.id = format!("{}-{copy}", c.id).as_str().into();
                }
            }
            plan.objectives.push(objective);
        }
        copy += 1;
    }
    plan
}

#[test]
fn a_large_plan_is_saved_packed_and_comes_back() {
    let store = MemoryStore::default();
    let plan = large_plan();
    assert!(okrplan::model::validate(&plan).is_empty());
    save(&store, &plan).unwrap();
    let raw = store.get(PLAN_KEY).unwrap().unwrap();
    assert!(raw.starts_with("deflate:"));
    let plain = okrplan::io::json::to_compact_text(&plan).len();
    assert!(
        raw.len() * 4 < plain,
        "packed {} of {plain} bytes",
        raw.len()
    );
    match load(&store) {
        Saved::Plan(loaded) => assert_eq!(*loaded, plan),
        other => panic!("expected the plan, got {other:?}"),
    }
}

#[test]
fn a_damaged_packed_plan_is_unreadable_and_kept() {
    let store = MemoryStore::default();
    save(&store, &large_plan()).unwrap();
    let raw = store.get(PLAN_KEY).unwrap().unwrap();
    let cut = &raw[..raw.len() / 2];
    store.set(PLAN_KEY, cut).unwrap();
    match load(&store) {
        Saved::Unreadable { raw, failure } => {
            assert_eq!(raw, cut);
            assert_eq!(failure.headline, "The saved plan is damaged.");
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
}
