//! Typed searches find what lower-casing every title would find, in outline order.

mod common;

use okrplan::model::search::{objectives_matching, SearchText, LOWER_CASE_TO_ASCII};
use okrplan::model::{CascadeIndex, Id};
use proptest::prelude::*;

fn found_by_lower_casing(text: &str, typed: &str) -> bool {
    text.to_lowercase().contains(&typed.trim().to_lowercase())
}

/// A piece of `text` with its letters' case flipped at random, padded with spaces.
fn piece_of(text: String) -> impl Strategy<Value = (String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    (0..=len, 0..=len, prop::collection::vec(any::<bool>(), len)).prop_map(move |(a, b, flips)| {
        let (from, to) = (a.min(b), a.max(b));
        let piece: String = chars[from..to]
            .iter()
            .zip(&flips[from..to])
            .map(|(c, &flip)| {
                if flip {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        (text.clone(), format!(" {piece} "))
    })
}

fn text_and_typed() -> impl Strategy<Value = (String, String)> {
    let text = prop_oneof![common::text(), "[a-zA-Z ]{0,30}", "\\PC{0,20}"];
    prop_oneof![
        text.clone().prop_flat_map(piece_of),
        (text, prop_oneof!["[a-zA-Z ]{0,4}", "\\PC{0,4}"]),
    ]
}

proptest! {
    #[test]
    fn finding_agrees_with_lower_casing((text, typed) in text_and_typed()) {
        prop_assert_eq!(SearchText::new(&typed).found_in(&text), found_by_lower_casing(&text, &typed));
    }

    #[test]
    fn objectives_are_found_in_outline_order(plan in common::valid_plan(), pick in any::<prop::sample::Index>(), cut in 0usize..4) {
        let cycle = plan.cycles.first().map(|c| c.id.clone());
        let index = CascadeIndex::new(&plan, cycle.as_ref());
        // Text that some title holds, when there is a title to take it from.
        let titles: Vec<&str> = plan.objectives.iter().flat_map(|o| {
            std::iter::once(o.title.as_str()).chain(o.key_results.iter().map(|k| k.title.as_str()))
        }).collect();
        let typed: String = if titles.is_empty() { "x".into() } else { titles[pick.index(titles.len())].chars().skip(cut).take(3).collect() };

        let mut outline = Vec::new();
        fn walk(index: &CascadeIndex, unit: usize, out: &mut Vec<usize>) {
            out.extend_from_slice(index.objectives_of(unit));
            for &child in index.children(unit) {
                walk(index, child, out);
            }
        }
        for &root in index.roots() {
            walk(&index, root, &mut outline);
        }
        let expected: Vec<Id> = outline.into_iter().map(|o| &plan.objectives[o]).filter(|o| {
            found_by_lower_casing(&o.title, &typed) || o.key_results.iter().any(|k| found_by_lower_casing(&k.title, &typed))
        }).map(|o| o.id.clone()).collect();
        prop_assert_eq!(objectives_matching(&plan, &index, index.roots(), &SearchText::new(&typed)), expected);
    }
}

#[test]
fn only_two_letters_outside_ascii_lower_case_to_ascii() {
    // What lets ASCII typed text be compared in place with other text.
    let found: Vec<char> = (char::MIN..=char::MAX)
        .filter(|c| !c.is_ascii() && c.to_lowercase().any(|l| l.is_ascii()))
        .collect();
    assert_eq!(found, LOWER_CASE_TO_ASCII);
}

#[test]
fn letters_that_lower_case_to_ascii_are_found() {
    // The Kelvin sign lower-cases to an ASCII "k": such titles take the slow path.
    assert!(SearchText::new("kpi").found_in("\u{212A}PI review"));
    assert!(SearchText::new("i").found_in("\u{130}stanbul"));
    assert!(SearchText::new("sales").found_in("Company › Sales › EMEA"));
    assert!(!SearchText::new("ä").found_in("plain ascii"));
    assert!(SearchText::new("ÄRGER").found_in("Weniger Ärger"));
    assert!(SearchText::new("  nps ").found_in("Raise NPS from 32 to 50"));
    assert!(!SearchText::new("npx").found_in("Raise NPS from 32 to 50"));
    assert!(SearchText::new("").found_in("anything"));
}
