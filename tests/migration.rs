//! Files of every earlier schema version open, migrated to the current one.
//! `tests/fixtures/` keeps one committed sample per version.

use okrplan::io::json::{read_plan, to_file_text};
use okrplan::model::{sample_plan, SCHEMA_VERSION};

#[test]
fn a_version_1_file_opens_as_the_current_version_with_nothing_lost() {
    let text = include_str!("fixtures/fernhill-v1.okrplan.json");
    assert!(text.contains("\"schema_version\": 1"));
    let plan = read_plan(text).expect("a version 1 file opens");
    assert_eq!(plan.schema_version, SCHEMA_VERSION);
    // Version 1 had no partial files: the migrated plan is the whole sample it was written from.
    assert_eq!(plan, sample_plan());
    assert!(to_file_text(&plan).contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
}

#[test]
fn the_current_version_sample_opens_unchanged() {
    let text = include_str!("fixtures/sales-part-v2.okrplan.json");
    let plan = read_plan(text).expect("the version 2 sample (a partial file) opens");
    assert_eq!(to_file_text(&plan), text);
}

#[test]
fn a_version_0_file_is_refused_with_the_versions_that_are_read() {
    let text = include_str!("fixtures/fernhill-v1.okrplan.json")
        .replace("\"schema_version\": 1", "\"schema_version\": 0");
    let failure = read_plan(&text).unwrap_err();
    assert_eq!(failure.problems[0].path, "schema_version");
    assert!(failure.problems[0].message.contains("from 1 to"));
}
