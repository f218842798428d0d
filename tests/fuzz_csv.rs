//! Fuzz targets for the CSV import, run as property tests: no input makes it
//! panic, every problem points at a row the file has, and whatever it
//! accepts is a plan `validate` finds clean.

use chrono::NaiveDate;
use okrplan::io::csv::{read_csv, to_csv, COLUMNS};
use okrplan::model::{sample_plan, validate, Id};
use proptest::prelude::*;
use proptest::sample::{select, Index};

/// Imports `text` into the sample and checks the outcome either way.
fn check(text: &str) -> Result<(), TestCaseError> {
    let plan = sample_plan();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let mut serial = 0;
    let outcome = read_csv(text, &plan, today, &mut |prefix: &str| {
        serial += 1;
        Id::mint(prefix, serial)
    });
    let lines = text.matches('\n').count() + 1;
    match outcome {
        Ok(result) => prop_assert_eq!(validate(&result), vec![]),
        Err(failure) => {
            prop_assert!(!failure.problems.is_empty());
            for problem in &failure.problems {
                prop_assert!(
                    problem.row <= lines,
                    "row {} of {} lines: {}",
                    problem.row,
                    lines,
                    problem
                );
            }
        }
    }
    prop_assert_eq!(plan, sample_plan());
    Ok(())
}

/// Cells a plan's CSV is made of, and some that break it.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "",
            "objective",
            "key result",
            "KR",
            "goal",
            "o-sales",
            "o-emea",
            "kr-dealers",
            "kr-demos",
            "o-loved",
            "kr-nps",
            "ph-1",
            "u-sales",
            "Sales",
            "EMEA sales",
            "Fernhill Cycles › Marketing",
            "Q4 2026",
            "q1-2027",
            "0",
            "1",
            "-1",
            "12.5",
            "1e3",
            "NaN",
            "inf",
            "250",
            "'=SUM(A1)",
            "\"a, \"\"b\"\"\"",
            "\"",
            "\"\r\n\"",
            " ",
        ])
        .prop_map(String::from),
        "[a-z0-9 .'\"=-]{0,8}",
    ]
}

/// A header (some known columns, some not, in any order) and rows of cells.
fn csv_like() -> impl Strategy<Value = String> {
    let name = select(vec![
        "id",
        "parent id",
        "Type",
        "TITLE",
        "unit",
        "cycle",
        "start",
        "target",
        "current",
        "unit_of_measure",
        "weight",
        "score",
        "owner",
    ]);
    (
        prop::collection::vec(name, 0..14),
        prop::collection::vec(prop::collection::vec(cell(), 0..14), 0..10),
        select(vec!["\r\n", "\n"]),
    )
        .prop_map(|(header, rows, end)| {
            let mut text = header.join(",");
            for row in rows {
                text.push_str(end);
                text.push_str(&row.join(","));
            }
            text
        })
}

/// A plausible cell for a column: mostly values the import accepts, so that
/// files with new rows, moved key results and alignments get through to `validate`.
fn cell_for(column: &str) -> BoxedStrategy<String> {
    let pick = |values: Vec<&'static str>| select(values).prop_map(String::from).boxed();
    match column {
        "id" => pick(vec![
            "",
            "",
            "",
            "",
            "",
            "",
            "o-sales",
            "o-emea",
            "kr-dealers",
            "kr-demos",
            "o-new",
            "kr-new",
        ]),
        "parent id" => pick(vec![
            "",
            "",
            "o-sales",
            "o-emea",
            "o-loved",
            "kr-dealers",
            "kr-demos",
            "kr-nps",
            "o-new",
            "kr-new",
        ]),
        "type" => pick(vec!["objective", "key result", "kr"]),
        "title" => "[A-Za-z=][a-z ,\"'\n]{0,8}".boxed(),
        "unit" => pick(vec!["Sales", "EMEA sales", "Fernhill Cycles › Marketing"]),
        "cycle" => pick(vec!["Q4 2026", "q1-2027"]),
        "start" | "target" | "current" | "weight" => pick(vec!["0", "1", "0.5", "12", ""]),
        "unit of measure" => "[a-z%]{0,3}".boxed(),
        _ => cell().boxed(),
    }
}

/// The columns new rows need and some others, in any order, and rows of
/// plausible cells, all quoted.
fn plan_like() -> impl Strategy<Value = String> {
    let needed = ["type", "title", "parent id", "unit", "cycle", "target"];
    let others: Vec<&str> = COLUMNS
        .into_iter()
        .filter(|c| !needed.contains(c))
        .chain(["owner"])
        .collect();
    let columns = proptest::sample::subsequence(others, 0..=7).prop_map(move |mut columns| {
        columns.extend(needed);
        columns
    });
    columns.prop_shuffle().prop_flat_map(|header| {
        let row: Vec<BoxedStrategy<String>> = header.iter().map(|c| cell_for(c)).collect();
        (Just(header), prop::collection::vec(row, 1..5)).prop_map(|(header, rows)| {
            let mut text = header.join(",");
            for row in rows {
                let cells: Vec<String> = row
                    .iter()
                    .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                    .collect();
                text.push_str("\r\n");
                text.push_str(&cells.join(","));
            }
            text
        })
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Removes up to this many bytes from a place.
    Delete(Index, usize),
    Insert(Index, Vec<u8>),
    /// Copies a line to another place.
    DuplicateLine(Index, Index),
    /// Sets a line's second cell (the parent id) to an id, which may make loops.
    Relink(Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let piece = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..4),
        select(vec![
            ",",
            "\"",
            "\"\"",
            "\r\n",
            "\n",
            "\r",
            "'=",
            "›",
            "€",
            "-1",
            "x",
            "objective",
            "key result",
            "o-sales",
            "kr-dealers",
            "\u{feff}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ];
    let id = select(vec![
        "",
        "o-sales",
        "o-emea",
        "o-loved",
        "kr-dealers",
        "kr-demos",
        "kr-nps",
        "o-q3-quality",
        "nowhere",
    ]);
    prop_oneof![
        (any::<Index>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (any::<Index>(), piece).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::DuplicateLine(a, b)),
        (any::<Index>(), id).prop_map(|(line, id)| Mutation::Relink(line, id)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    match mutation {
        Mutation::Delete(at, len) if !bytes.is_empty() => {
            let start = at.index(bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Delete(..) => {}
        Mutation::Insert(at, piece) => {
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, piece.iter().copied());
        }
        Mutation::DuplicateLine(from, to) => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let line = lines[from.index(lines.len())].clone();
            let to = to.index(lines.len() + 1);
            lines.insert(to, line);
            *bytes = lines.join(&b'\n');
        }
        Mutation::Relink(line, id) => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let at = line.index(lines.len());
            let mut cells: Vec<Vec<u8>> = lines[at]
                .split(|&b| b == b',')
                .map(<[u8]>::to_vec)
                .collect();
            if cells.len() > 1 {
                cells[1] = id.as_bytes().to_vec();
                lines[at] = cells.join(&b',');
                *bytes = lines.join(&b'\n');
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn csv_like_text_never_panics(text in csv_like()) {
        check(&text)?;
    }

    #[test]
    fn plausible_files_never_panic(text in plan_like()) {
        check(&text)?;
    }

    #[test]
    fn mutated_exports_never_panic(mutations in prop::collection::vec(mutation(), 1..8)) {
        let mut bytes = to_csv(&sample_plan()).into_bytes();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        check(&String::from_utf8_lossy(&bytes))?;
    }
}
