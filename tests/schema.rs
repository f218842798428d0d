//! The published JSON Schema (public/okrplan.schema.json) keeps up with the format:
//! every field an exported plan can contain is described in it.

use okrplan::io::json::to_file_text;
use okrplan::model::*;
use serde_json::Value;
use std::collections::BTreeSet;

fn keys(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                found.insert(key.clone());
                // `synced` is a map whose keys are item keys, not field names.
                if key != "synced" {
                    keys(inner, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys(item, found)),
        _ => {}
    }
}

fn schema() -> Value {
    serde_json::from_str(include_str!("../public/okrplan.schema.json")).expect("the schema is JSON")
}

#[test]
fn every_field_of_a_full_plan_is_in_the_schema() {
    // The sample, plus the optional parts it leaves out.
    let mut plan = sample_plan();
    plan.settings.roll_up_aligned = true;
    let kr = &mut plan.objectives[0].key_results[0];
    kr.score_override = Some(ScoreOverride {
        score: 0.5,
        reason: "late survey".into(),
    });
    kr.check_ins[0].comment = "on track".into();
    plan.objectives[0].description = "why it matters".into();
    plan.objectives[0].review = Review {
        explanation: "x".into(),
        wins: "x".into(),
        misses: "x".into(),
        lessons: "x".into(),
    };
    plan.meta.description = "x".into();
    plan.rollout.events.push(ProgrammeEvent {
        id: "ev-1".into(),
        date: plan.cycles[0].start,
        kind: ProgrammeEventKind::Pause,
        note: "buy-in first".into(),
    });
    // A partial file, remembering what was exchanged, has every field there is.
    okrplan::io::items::mark_synced(&mut plan);
    let part = okrplan::io::part::export_part(&plan, &"u-sales".into()).unwrap();
    assert!(part.scope.is_some() && !part.references.is_empty() && !part.synced.is_empty());
    let exported: Value = serde_json::from_str(&to_file_text(&plan)).unwrap();
    let exported_part: Value = serde_json::from_str(&to_file_text(&part)).unwrap();
    let mut used = BTreeSet::new();
    keys(&exported, &mut used);
    keys(&exported_part, &mut used);
    let described = schema().to_string();
    let missing: Vec<_> = used
        .iter()
        .filter(|k| !described.contains(&format!("\"{k}\":")))
        .collect();
    assert!(
        missing.is_empty(),
        "fields missing from the schema: {missing:?}"
    );
}

#[test]
fn the_schema_names_this_format_and_version() {
    let schema = schema();
    assert_eq!(schema["properties"]["format"]["const"], FORMAT_NAME);
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        SCHEMA_VERSION
    );
}
