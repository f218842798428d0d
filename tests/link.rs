//! Share links: round trips, the length limit, and damaged links.

use okrplan::io::link::{decode, encode, is_link, LinkError, LINK_PREFIX, MAX_LINK_CHARS};
use okrplan::io::part::export_part;
use okrplan::model::*;

#[test]
fn the_sample_plan_travels_in_a_link_and_comes_back_the_same() {
    let plan = sample_plan();
    let link = encode(&plan).expect("the sample fits a link");
    println!("sample link: {} characters", link.len());
    assert!(link.starts_with(LINK_PREFIX) && is_link(&link));
    assert!(link.len() <= MAX_LINK_CHARS);
    assert!(link[LINK_PREFIX.len()..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(decode(&link), Ok(plan));
}

#[test]
fn one_units_part_travels_in_a_link() {
    let part = export_part(&sample_plan(), &"u-sales".into()).unwrap();
    let link = encode(&part).unwrap();
    assert_eq!(decode(&link), Ok(part));
}

#[test]
fn a_plan_too_large_for_a_link_is_refused() {
    let mut plan = sample_plan();
    // Distinct titles, so compression cannot hide the size.
    for (i, objective) in plan.objectives.iter_mut().enumerate() {
        objective.description = (0..400)
            .map(|j| format!("{:x}", (i * 7919 + j * 104_729) % 65_521))
            .collect();
    }
    match encode(&plan) {
        Err(LinkError::TooLong) => {}
        other => panic!("expected too long, got {other:?}"),
    }
}

#[test]
fn a_cut_link_is_reported_as_damaged() {
    let link = encode(&sample_plan()).unwrap();
    let cut = &link[..link.len() / 2];
    let failure = decode(cut).unwrap_err();
    assert_eq!(failure.headline, "The link is damaged or incomplete.");
    assert_eq!(failure.problems[0].path, "(link)");
}

#[test]
fn a_link_in_another_format_or_alphabet_is_refused() {
    assert!(decode("#/shared/q123").is_err());
    assert!(decode(&format!("{LINK_PREFIX}abc$def")).is_err());
    assert!(!is_link("#/cascade"));
}

#[test]
fn a_link_is_the_plans_compact_json_deflated_then_base64url() {
    use okrplan::io::json::to_compact_text;
    use okrplan::io::packed::{base64url, deflate};
    let plan = sample_plan();
    let whole = deflate(to_compact_text(&plan).as_bytes(), 9);
    assert_eq!(
        encode(&plan).expect("the sample fits a link"),
        format!("{LINK_PREFIX}{}", base64url(&whole))
    );
}

/// `text` written to a [`DeflateWithin`] in pieces cut at `cuts`.
fn deflated_within(text: &[u8], cuts: &[usize], limit: usize) -> Option<Vec<u8>> {
    use okrplan::io::packed::DeflateWithin;
    use std::io::Write;
    let mut deflater = DeflateWithin::new(9, limit);
    let mut from = 0;
    for &cut in cuts.iter().chain([&text.len()]) {
        let to = cut.clamp(from, text.len());
        deflater.write_all(&text[from..to]).ok()?;
        from = to;
    }
    deflater.finish()
}

proptest::proptest! {
    /// Deflating within a limit, in whatever pieces the text is written,
    /// gives what deflating gives, up to the limit exactly.
    #[test]
    fn deflating_within_a_limit_stops_just_past_it(
        text in "[a-z0-9 ,.{}\":]{0,3000}",
        mut cuts in proptest::collection::vec(0usize..3000, 0..8),
    ) {
        use okrplan::io::packed::deflate;
        cuts.sort_unstable();
        let whole = deflate(text.as_bytes(), 9);
        proptest::prop_assert_eq!(deflated_within(text.as_bytes(), &cuts, whole.len()), Some(whole.clone()));
        proptest::prop_assert_eq!(deflated_within(text.as_bytes(), &cuts, whole.len() - 1), None);
    }
}
