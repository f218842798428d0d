//! Fuzz target for share links: arbitrary and mutated fragments never panic,
//! and whatever decodes is a valid plan.

use okrplan::io::link::{decode, encode, LINK_PREFIX};
use okrplan::model::{sample_plan, validate};
use proptest::prelude::*;

fn sample_link() -> String {
    encode(&sample_plan()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_fragments_never_panic(data in "[A-Za-z0-9_$-]{0,200}") {
        if let Ok(plan) = decode(&format!("{LINK_PREFIX}{data}")) {
            prop_assert!(validate(&plan).is_empty());
        }
    }

    #[test]
    fn mutated_links_never_panic(at in any::<prop::sample::Index>(), cut in 0usize..40, insert in "[A-Za-z0-9_-]{0,8}") {
        let link = sample_link();
        let start = LINK_PREFIX.len() + at.index(link.len() - LINK_PREFIX.len());
        let end = (start + cut).min(link.len());
        let mutated = format!("{}{insert}{}", &link[..start], &link[end..]);
        if let Ok(plan) = decode(&mutated) {
            prop_assert!(validate(&plan).is_empty());
        }
    }
}
