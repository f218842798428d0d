//! What a visit finds in storage, and what happens when saving fails.

use okrplan::io::json::to_file_text;
use okrplan::model::sample_plan;
use okrplan::storage::{
    load, save, set_aside, KeyValueStore, MemoryStore, Saved, StoreError, PLAN_KEY, SET_ASIDE_KEY,
};

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
        to_file_text(&sample_plan()).replace("\"schema_version\": 1", "\"schema_version\": 2");
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
    assert_eq!(save(&store, &renamed), Err(StoreError::QuotaExceeded));
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
