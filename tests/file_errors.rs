//! A file that cannot be opened says exactly why, with JSON paths.

use okrplan::io::json::{file_name, read_plan, to_file_text, MAX_FILE_BYTES};
use okrplan::model::sample_plan;

fn paths(text: &str) -> Vec<String> {
    read_plan(text)
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| p.path)
        .collect()
}

#[test]
fn broken_json_reports_line_and_column() {
    let failure = read_plan("{\n  \"format\": \"okrplan\",\n  oops\n}").unwrap_err();
    assert_eq!(failure.headline, "The file is not valid JSON.");
    assert_eq!(failure.problems[0].path, "(line 3, column 3)");
}

#[test]
fn a_json_file_of_another_kind_is_not_a_plan() {
    let failure = read_plan("[1, 2, 3]").unwrap_err();
    assert_eq!(failure.headline, "The file is not an okrplan plan.");
    let failure = read_plan(r#"{"format": "other", "schema_version": 1}"#).unwrap_err();
    assert_eq!(failure.problems[0].path, "format");
}

#[test]
fn a_newer_schema_version_is_named_as_such() {
    let text =
        to_file_text(&sample_plan()).replace("\"schema_version\": 2", "\"schema_version\": 7");
    let failure = read_plan(&text).unwrap_err();
    assert_eq!(
        failure.headline,
        "The file was written by a newer version of okrplan."
    );
    assert!(failure.problems[0].message.contains("schema version 7"));
}

#[test]
fn a_wrong_type_deep_inside_reports_its_path() {
    let text = to_file_text(&sample_plan()).replacen("\"weight\": 1.0", "\"weight\": \"heavy\"", 1);
    assert_eq!(paths(&text), vec!["objectives[0].key_results[0].weight"]);
}

#[test]
fn every_validation_problem_is_reported_not_just_the_first() {
    let text = to_file_text(&sample_plan())
        .replacen(
            "\"title\": \"Raise NPS from 32 to 50\"",
            "\"title\": \"  \"",
            1,
        )
        .replacen("\"cycle\": \"q4-2026\"", "\"cycle\": \"q9-2099\"", 1);
    let failure = read_plan(&text).unwrap_err();
    assert_eq!(failure.headline, "The plan in the file has 2 problems.");
    assert_eq!(
        paths(&text),
        vec!["objectives[0].cycle", "objectives[0].key_results[0].title"]
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let text = " ".repeat(MAX_FILE_BYTES + 1);
    let failure = read_plan(&text).unwrap_err();
    assert_eq!(failure.headline, "The file is too large.");
}

#[test]
fn file_names_are_safe_everywhere() {
    let mut plan = sample_plan();
    assert_eq!(
        file_name(&plan),
        "fernhill-cycles-okrs-2026-27.okrplan.json"
    );
    plan.meta.name = "../../etc".into();
    assert_eq!(file_name(&plan), "etc.okrplan.json");
    plan.meta.name = "///".into();
    assert_eq!(file_name(&plan), "plan.okrplan.json");
}

#[test]
fn a_missing_field_reports_the_object_that_lacks_it() {
    let text =
        to_file_text(&sample_plan()).replacen("\"title\": \"Raise NPS from 32 to 50\",", "", 1);
    let failure = read_plan(&text).unwrap_err();
    assert_eq!(failure.problems[0].path, "objectives[0].key_results[0]");
    assert_eq!(failure.problems[0].message, "missing field `title`");
}

#[test]
fn an_unknown_choice_reports_its_field() {
    let text = to_file_text(&sample_plan()).replacen("\"kind\": \"team\"", "\"kind\": 7", 1);
    let failure = read_plan(&text).unwrap_err();
    assert!(
        failure.problems[0].path.starts_with("units["),
        "{:?}",
        failure.problems
    );
    assert!(
        failure.problems[0].path.ends_with("].kind"),
        "{:?}",
        failure.problems
    );
}

#[test]
fn a_date_in_another_format_says_how_dates_are_written() {
    let plan = sample_plan();
    let start = plan.cycles[0].start.to_string();
    let text = to_file_text(&plan).replacen(
        &format!("\"start\": \"{start}\""),
        "\"start\": \"31/03/2026\"",
        1,
    );
    let failure = read_plan(&text).unwrap_err();
    assert_eq!(failure.problems[0].path, "cycles[0].start");
    assert!(
        failure.problems[0]
            .message
            .contains("\"31/03/2026\", expected a date written as YYYY-MM-DD"),
        "{:?}",
        failure.problems
    );
}
