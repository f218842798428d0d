//! An id keeps its text's hash beside it: ids are equal, ordered and
//! hashed exactly as their texts are, and read and written as their text.

use okrplan::model::Id;
use proptest::prelude::*;
use rustc_hash::FxHashSet;
use std::collections::BTreeSet;

/// Texts that often share a length, a prefix or all but their last letter,
/// as minted ids do, and sometimes are the same; some with quotes and
/// backslashes, which JSON writes escaped.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(o|kr|ci)-[0-9a-f]{3}",
        "[a-zA-Z0-9 _é€\"\\\\-]{0,12}",
        Just("kr-00f".to_owned()),
    ]
}

proptest! {
    #[test]
    fn ids_compare_as_their_texts(a in text(), b in text()) {
        let (x, y) = (Id::from(a.as_str()), Id::from(b.as_str()));
        prop_assert_eq!(x == y, a == b);
        prop_assert_eq!(x.cmp(&y), a.cmp(&b));
        prop_assert_eq!(x.as_str(), a.as_str());
    }

    #[test]
    fn a_set_of_ids_holds_what_a_set_of_texts_does(texts in prop::collection::vec(text(), 0..40)) {
        let ids: FxHashSet<Id> = texts.iter().map(|t| Id::from(t.as_str())).collect();
        let distinct: BTreeSet<&String> = texts.iter().collect();
        prop_assert_eq!(ids.len(), distinct.len());
        for t in &texts {
            prop_assert!(ids.contains(&Id::from(t.as_str())));
        }
        let sorted: Vec<&str> = ids.iter().collect::<BTreeSet<_>>().into_iter().map(Id::as_str).collect();
        prop_assert_eq!(sorted, distinct.into_iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn an_id_is_written_and_read_as_its_text(a in text()) {
        let id = Id::from(a.as_str());
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&a).unwrap());
        let read: Id = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(read.as_str(), a.as_str());
        prop_assert_eq!(read, id);
    }
}

#[test]
fn an_id_that_is_not_text_is_refused_with_what_was_expected() {
    let error = serde_json::from_str::<Id>("42").unwrap_err().to_string();
    assert!(error.contains("expected a string"), "{error}");
}

#[test]
fn a_minted_id_is_its_prefix_and_sixteen_hex_digits() {
    let id = Id::mint("kr", 0xab);
    assert_eq!(id.as_str(), "kr-00000000000000ab");
    assert_eq!(id, Id::from("kr-00000000000000ab"));
    assert_ne!(id, Id::mint("kr", 0xac));
    assert_eq!(format!("{id:?}"), "Id(\"kr-00000000000000ab\")");
}
