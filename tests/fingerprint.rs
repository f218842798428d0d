//! Fingerprints are FNV-1a over a value's canonical JSON: compact, object keys
//! sorted, as a `serde_json::Value` writes it. They are written straight from
//! the fields; every shape serde has must give the bytes the `Value` would.

mod common;

use common::valid_plan;
use okrplan::io::fingerprint::fingerprint;
use okrplan::io::items::{items, mark_synced};
use okrplan::model::sample_plan;
use proptest::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The definition: FNV-1a 64 over the compact JSON of the value as a `Value`.
fn by_definition(content: &impl Serialize) -> String {
    fnv(&serde_json::to_value(content)
        .expect("plain data")
        .to_string())
}

fn fnv(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Shape {
    Plain,
    Wrapped(f64),
    Pair(u8, String),
    Fields { zeta: i64, alpha: Option<bool> },
}

#[derive(Serialize)]
struct Unsorted {
    zulu: Vec<Shape>,
    alpha: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u32>,
    mike: (char, f32, ()),
    #[serde(with = "serde_bytes_as_seq")]
    bytes: Vec<u8>,
    nested: BTreeMap<String, Unsorted>,
    by_number: HashMap<u32, &'static str>,
    #[serde(flatten)]
    flattened: Inner,
}

#[derive(Serialize)]
struct Inner {
    yankee: i32,
    bravo: &'static str,
}

mod serde_bytes_as_seq {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }
}

fn leaf(name: &str) -> Unsorted {
    Unsorted {
        zulu: vec![
            Shape::Plain,
            Shape::Wrapped(0.1),
            Shape::Wrapped(f64::NAN),
            Shape::Pair(7, "tab\tquote\"é€".into()),
            Shape::Fields {
                zeta: -3,
                alpha: None,
            },
        ],
        alpha: Some(name.into()),
        skipped: None,
        mike: ('ß', 0.1, ()),
        bytes: vec![0, 255],
        nested: BTreeMap::new(),
        by_number: HashMap::from([(10, "ten"), (2, "two")]),
        flattened: Inner {
            yankee: 1,
            bravo: "b",
        },
    }
}

#[test]
fn every_shape_serde_has_is_written_as_its_json_value_is() {
    let mut outer = leaf("outer");
    outer.skipped = Some(4);
    outer.nested = BTreeMap::from([
        ("b".into(), leaf("b")),
        ("a".into(), leaf("a")),
        ("quoted \"key\"\n".into(), leaf("c")),
    ]);
    assert_eq!(fingerprint(&outer), by_definition(&outer));
    let value = serde_json::to_value(&outer).expect("plain data");
    assert_eq!(fingerprint(&value), by_definition(&value));
    assert_eq!(fingerprint(&"plain"), by_definition(&"plain"));
}

#[test]
fn a_map_with_a_key_written_twice_keeps_the_last_as_a_value_does() {
    struct Twice;
    impl Serialize for Twice {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(None)?;
            map.serialize_entry("b", &1)?;
            map.serialize_key("a")?;
            map.serialize_value(&2)?;
            map.serialize_entry("b", &3)?;
            map.end()
        }
    }
    assert_eq!(
        serde_json::to_value(Twice).expect("plain data").to_string(),
        r#"{"a":2,"b":3}"#
    );
    assert_eq!(fingerprint(&Twice), by_definition(&Twice));
}

/// Files exchanged before carry these stamps: they must keep their value.
#[test]
fn the_sample_plans_stamps_are_those_earlier_versions_wrote() {
    let mut plan = sample_plan();
    mark_synced(&mut plan);
    assert_eq!(plan.synced.len(), 104);
    let stamp = |key: &str| plan.synced.get(key).map(String::as_str);
    assert_eq!(stamp("details:plan"), Some("ae793eaf3a2e7e11"));
    assert_eq!(stamp("programme:plan"), Some("b4b2b231a7ca67b9"));
    assert_eq!(stamp("objective:o-emea"), Some("f6ec4cf1962292a8"));
    assert_eq!(stamp("key_result:kr-nps"), Some("5769555b00dcc91c"));
    assert_eq!(
        stamp("participation:u-sales@ph-2"),
        Some("ad70621037dc2911")
    );
    // Every stamp, one "key=stamp" line each.
    let all: String = plan
        .synced
        .iter()
        .map(|(k, v)| format!("{k}={v}\n"))
        .collect();
    assert_eq!(fnv(&all), "76fadfd8457cae16");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_item_of_any_plan_is_fingerprinted_by_definition(plan in valid_plan()) {
        for item in items(&plan) {
            prop_assert_eq!(item.part.fingerprint(), by_definition(&item.part.content()), "{}", item.key);
        }
    }
}
