//! The CSV import: rows edit and add objectives and key results, every
//! problem is reported at its row and column, and an export comes back as it was.

mod common;

use chrono::NaiveDate;
use okrplan::io::csv::{read_csv, to_csv, CsvFailure, CsvProblem};
use okrplan::io::items::mark_synced;
use okrplan::io::json::MAX_FILE_BYTES;
use okrplan::io::merge::{preview, ChangeKind};
use okrplan::model::*;
use proptest::prelude::*;

const HEADER: &str =
    "id,parent id,type,title,unit,cycle,start,target,current,unit of measure,weight,score\r\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// Imports with ids minted from a counter, in order: "o-0000000000000001", "kr-0000000000000002", …
fn import(text: &str, plan: &Plan) -> Result<Plan, CsvFailure> {
    let mut serial = 0;
    read_csv(text, plan, today(), &mut |prefix: &str| {
        serial += 1;
        Id::mint(prefix, serial)
    })
}

fn problems(text: &str) -> Vec<CsvProblem> {
    import(text, &sample_plan()).unwrap_err().problems
}

fn problem(row: usize, column: &str, message: &str) -> CsvProblem {
    CsvProblem {
        row,
        column: column.into(),
        message: message.into(),
    }
}

/// The plan as an import starts from: marked as synced, so edits show as changes.
fn synced(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    mark_synced(&mut plan);
    plan
}

fn objective<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Objective {
    plan.objectives
        .iter_mut()
        .find(|o| o.id.as_str() == id)
        .unwrap()
}

fn key_result<'a>(plan: &'a mut Plan, id: &str) -> &'a mut KeyResult {
    plan.objectives
        .iter_mut()
        .flat_map(|o| o.key_results.iter_mut())
        .find(|k| k.id.as_str() == id)
        .unwrap()
}

fn new_key_result(id: Id, title: &str, target: f64) -> KeyResult {
    KeyResult {
        id,
        title: title.into(),
        measure: MeasureKind::Number,
        start: 0.0,
        target,
        unit_of_measure: String::new(),
        weight: 1.0,
        check_ins: Vec::new(),
        score_override: None,
    }
}

fn check_in_today(id: Id, value: f64) -> CheckIn {
    CheckIn {
        id,
        date: today(),
        value,
        confidence: None,
        comment: String::new(),
    }
}

#[test]
fn the_exported_sample_comes_back_unchanged() {
    let plan = sample_plan();
    let back = import(&to_csv(&plan), &plan).unwrap();
    assert_eq!(back.objectives, plan.objectives);
    assert_eq!(back, synced(&plan));
    assert_eq!(preview(&plan, &back).changes, vec![]);
}

#[test]
fn an_edited_title_target_and_current_value_are_exactly_the_changes() {
    let plan = sample_plan();
    let text = to_csv(&plan)
        .replace(
            "Open the Nordic market",
            "Open the Nordic and Baltic markets",
        )
        .replace(",0,12,5,dealers,", ",0,15,7,dealers,");
    let back = import(&text, &plan).unwrap();

    let mut expected = synced(&plan);
    objective(&mut expected, "o-sales").title = "Open the Nordic and Baltic markets".into();
    let dealers = key_result(&mut expected, "kr-dealers");
    dealers.target = 15.0;
    dealers
        .check_ins
        .push(check_in_today(Id::mint("ci", 1), 7.0));
    assert_eq!(back, expected);

    // A merge preview against the open plan shows the file's edits as changes.
    let changes: Vec<(ChangeKind, String)> = preview(&plan, &back)
        .changes
        .into_iter()
        .map(|c| (c.kind, c.key))
        .collect();
    assert_eq!(
        changes,
        [
            (ChangeKind::Changed, "objective:o-sales".to_string()),
            (ChangeKind::Changed, "key_result:kr-dealers".to_string()),
        ]
    );
}

#[test]
fn new_rows_get_minted_ids_and_their_unit_cycle_and_alignment() {
    let plan = sample_plan();
    // Columns in another order, in other cases, and only some of them.
    let text = "Title,TYPE,Parent ID,Unit,Cycle,Target,Current,ID\n\
                Win back lapsed riders,Objective,kr-nps,Customer success,Q1 2027,,,\n\
                Call 200 lapsed riders,key result,,,,200,,\n\
                Reactivate 50 riders,KR,,,,50,5,\n\
                Shoot three rider films,key_result,o-story,,,3,,kr-films\n\
                Tell the brand story,objective,o-loved,Fernhill Cycles › Marketing › Brand team,q4-2026,,,o-story\n";
    let back = import(text, &plan).unwrap();

    assert_eq!(back.objectives[..12], plan.objectives[..]);
    let new =
        |id: Id, title: &str, (unit, cycle): (&str, &str), aligned_to, key_results| Objective {
            id,
            title: String::from(title),
            description: String::new(),
            unit: unit.into(),
            cycle: cycle.into(),
            commitment: Commitment::Committed,
            aligned_to: Some(aligned_to),
            key_results,
            review: Review::default(),
        };
    let reactivate = KeyResult {
        check_ins: vec![check_in_today(Id::mint("ci", 4), 5.0)],
        ..new_key_result(Id::mint("kr", 3), "Reactivate 50 riders", 50.0)
    };
    assert_eq!(
        back.objectives[12..],
        [
            new(
                Id::mint("o", 1),
                "Win back lapsed riders",
                ("u-cs", "q1-2027"),
                Alignment::KeyResult("kr-nps".into()),
                vec![
                    new_key_result(Id::mint("kr", 2), "Call 200 lapsed riders", 200.0),
                    reactivate,
                ],
            ),
            new(
                "o-story".into(),
                "Tell the brand story",
                ("u-brand", "q4-2026"),
                Alignment::Objective("o-loved".into()),
                vec![new_key_result(
                    "kr-films".into(),
                    "Shoot three rider films",
                    3.0
                )],
            ),
        ]
    );
    assert_eq!(validate(&back), vec![]);
}

#[test]
fn empty_cells_keep_what_is_there_but_an_empty_parent_removes_the_alignment() {
    let plan = sample_plan();
    let text = format!(
        "{HEADER}o-sales,,objective,Open the Nordic market,,,,,,,,\r\n\
         kr-dealers,,key result,Sign 12 dealers in the Nordics,,,,,,dealers,,\r\n"
    );
    let mut expected = synced(&plan);
    objective(&mut expected, "o-sales").aligned_to = None;
    assert_eq!(import(&text, &plan).unwrap(), expected);

    // Without a "parent id" column at all, the alignment stays.
    let text = "id,type,title\r\no-emea,objective,Win the first Nordic dealers\r\n";
    assert_eq!(import(text, &plan).unwrap(), synced(&plan));
}

#[test]
fn a_key_result_moves_to_the_objective_its_parent_id_names() {
    let plan = sample_plan();
    let text = format!(
        "{HEADER}kr-dealers,o-loved,key result,Sign 12 dealers in the Nordics,,,0,12,5,dealers,1,\r\n"
    );
    let back = import(&text, &plan).unwrap();
    let mut expected = synced(&plan);
    let dealers = objective(&mut expected, "o-sales").key_results.remove(0);
    objective(&mut expected, "o-loved")
        .key_results
        .push(dealers);
    assert_eq!(back, expected);
}

#[test]
fn a_header_is_matched_whatever_its_case_spacing_and_order() {
    let plan = sample_plan();
    let text = " TITLE ,Owner,Parent_ID, iD ,Type\n\
                Open the Nordic markets,Someone,o-profit,o-sales,objective\n";
    let mut expected = synced(&plan);
    objective(&mut expected, "o-sales").title = "Open the Nordic markets".into();
    assert_eq!(import(text, &plan).unwrap(), expected);
    // A file with just the header changes nothing.
    assert_eq!(import(HEADER, &plan).unwrap(), synced(&plan));
}

#[test]
fn each_kind_of_problem_is_reported_at_its_row_and_column() {
    let text = format!(
        "{HEADER}\
         kr-dealers,o-sales,key result,Sign 12 dealers,Sales,Q4 2026,0,twelve,5,dealers,1,\r\n\
         o-sales,o-profit,objective,Open the Nordic market,Narnia,Q4 2026,,,,,,\r\n\
         o-emea,o-nowhere,objective,Win the first Nordic dealers,EMEA sales,Q4 2026,,,,,,\r\n\
         kr-new,o-nowhere,key result,Something,,,0,1,,,1,\r\n\
         o-x,,goal,Something,Sales,Q4 2026,,,,,,\r\n\
         kr-dealers,o-sales,key result,Sign 12 dealers,Sales,Q4 2026,0,12,5,dealers,1,\r\n\
         o-new,,objective,Brand new,,Q5 2030,,,,,,\r\n\
         kr-nps,o-loved,key result,Raise NPS,,,0,50,41,NPS,-1,\r\n\
         kr-repeat,o-loved,key result,Grow repeat purchases,,,18,250,,%,1,\r\n\
         o-loved,,key result,Oops,,,,1,,,,\r\n\
         ph-1,o-loved,key result,Clashes with a phase,,,,1,,,,\r\n\
         ,,key result,No target,,,,,,,,\r\n\
         kr-rating,o-loved,key result,Reach a 4.6 rating,,,4.2,4.6,4.3,stars,1,,extra\r\n\
         kr-kits,o-people,key result,Publish kits,,,0,1,2,,1,\r\n\
         ,,objective,  ,Sales,Q4 2026,,,,,,\r\n\
         kr-engage,o-sales,key result,Raise engagement,,,1e3,8,,points,1,\r\n\
         kr-hire,kr-nps,key result,Cut time to hire,,,60,40,52,days,1,\r\n"
    );
    let failure = import(&text, &sample_plan()).unwrap_err();
    assert_eq!(
        failure.problems,
        [
            problem(2, "target", "\"twelve\" is not a number"),
            problem(3, "unit", "no unit is called \"Narnia\""),
            problem(
                4,
                "parent id",
                "no objective or key result has the id \"o-nowhere\""
            ),
            problem(
                5,
                "parent id",
                "no objective in the plan has the id \"o-nowhere\""
            ),
            problem(
                6,
                "type",
                "\"goal\" is not a type: use \"objective\" or \"key result\""
            ),
            problem(7, "id", "id \"kr-dealers\" is already used in row 2"),
            problem(8, "unit", "a new objective needs a unit"),
            problem(8, "cycle", "no cycle is called \"Q5 2030\""),
            problem(9, "weight", "-1 is outside the range: use 0 or more"),
            problem(
                10,
                "target",
                "250 is outside the range: use a percentage from 0 to 100"
            ),
            problem(
                11,
                "id",
                "id \"o-loved\" is an objective's id, but the row is a key result"
            ),
            problem(12, "id", "id \"ph-1\" is already used in the plan"),
            problem(13, "target", "a new key result needs a target"),
            problem(
                14,
                "",
                "the row has more cells than the header has columns \
                 (is a comma in a cell missing its quotes?)"
            ),
            problem(
                15,
                "current",
                "2 is outside the range: use a value from 0 (not done) to 1 (done)"
            ),
            problem(16, "title", "the title is empty"),
            problem(17, "start", "\"1e3\" is not a number"),
            problem(
                18,
                "parent id",
                "\"kr-nps\" is a key result, not an objective"
            ),
        ]
    );
    assert_eq!(
        failure.problems[0].to_string(),
        "Row 2, column \"target\": \"twelve\" is not a number"
    );
    assert_eq!(
        failure.problems[13].to_string(),
        "Row 14: the row has more cells than the header has columns \
         (is a comma in a cell missing its quotes?)"
    );
}

#[test]
fn a_header_without_type_or_title_is_refused_at_row_one() {
    assert_eq!(
        problems("id,type,name\r\no-sales,objective,Open the Nordic market\r\n"),
        [problem(1, "title", "the header has no \"title\" column")]
    );
    assert_eq!(
        problems("ID,Kind\r\n"),
        [
            problem(1, "type", "the header has no \"type\" column"),
            problem(1, "title", "the header has no \"title\" column"),
        ]
    );
    assert_eq!(
        problems("id,type,title,Title\r\n"),
        [problem(
            1,
            "title",
            "the column appears twice in the header"
        )]
    );
    assert_eq!(
        problems(""),
        [problem(
            1,
            "",
            "the file is empty: it needs a header row naming the columns"
        )]
    );
}

#[test]
fn an_unterminated_quote_is_reported_at_the_row_it_opens_in() {
    let text = format!(
        "{HEADER}kr-dealers,o-sales,key result,Sign dealers,,,0,many,5,dealers,1,\r\n\
         o-sales,o-profit,objective,\"Open the Nordic market,Sales,Q4 2026,,,,,,\r\n\
         kr-nordic-rev,o-sales,key result,Book revenue,,,0,1.2,0.3,€M,1,\r\n"
    );
    assert_eq!(
        problems(&text),
        [
            problem(2, "target", "\"many\" is not a number"),
            problem(3, "", "a quoted cell is never closed (a \" is missing)"),
        ]
    );
    assert_eq!(
        problems(&text)[1].to_string(),
        "Row 3: a quoted cell is never closed (a \" is missing)"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let failure = import(&"a".repeat(MAX_FILE_BYTES + 1), &sample_plan()).unwrap_err();
    assert_eq!(failure.headline, "The file is too large.");
    assert_eq!(
        failure.problems,
        [problem(0, "", "33.6 MB is more than the 32 MB limit")]
    );
    assert_eq!(
        failure.problems[0].to_string(),
        "33.6 MB is more than the 32 MB limit"
    );
}

#[test]
fn an_alignment_loop_is_reported_at_the_rows_that_made_it() {
    let plan = sample_plan();
    // o-emea already aligns to a key result of o-sales.
    let text = format!("{HEADER}o-sales,kr-demos,objective,Open the Nordic market,,,,,,,,\r\n");
    let emea = plan.objective_index(&"o-emea".into()).unwrap();
    let failure = import(&text, &plan).unwrap_err();
    assert_eq!(failure.headline, "The CSV file has 2 problems.");
    assert_eq!(
        failure.problems,
        [
            problem(
                0,
                "",
                &format!(
                    "objectives[{emea}].aligned_to: objective \"Win the first Nordic dealers\" \
                     supports itself through its alignment links"
                )
            ),
            problem(
                2,
                "parent id",
                "objective \"Open the Nordic market\" supports itself through its alignment links"
            ),
        ]
    );
}

#[test]
fn quoted_cells_keep_commas_quotes_and_line_breaks() {
    let mut plan = sample_plan();
    objective(&mut plan, "o-loved").title = "Grow, \"fast\"\nand well".into();
    key_result(&mut plan, "kr-nps").unit_of_measure = "points, \"net\"".into();
    assert_eq!(import(&to_csv(&plan), &plan).unwrap(), synced(&plan));

    // Written by hand: the row after a cell with a line break is still row 3.
    let plan = sample_plan();
    let text = format!(
        "{HEADER}o-sales,o-profit,objective,\"Open the \"\"Nordic\"\" market,\r\nfast\",Sales,,,,,,,\r\n\
         kr-dealers,o-sales,key result,Sign dealers,,,0,12,five,dealers,1,\r\n"
    );
    assert_eq!(
        problems(&text),
        [problem(3, "current", "\"five\" is not a number")]
    );
    let back = import(&text.replace("five", "5"), &plan).unwrap();
    let mut expected = synced(&plan);
    objective(&mut expected, "o-sales").title = "Open the \"Nordic\" market,\r\nfast".into();
    key_result(&mut expected, "kr-dealers").title = "Sign dealers".into();
    assert_eq!(back, expected);
}

#[test]
fn a_byte_order_mark_lf_line_ends_and_blank_lines_are_fine() {
    let plan = sample_plan();
    let lf = to_csv(&plan).replace("\r\n", "\n");
    let text = format!(
        "\u{feff}{}",
        lf.trim_end()
            .replacen("\no-profit", "\n\n  \n,,,\no-profit", 1)
    );
    assert_eq!(import(&text, &plan).unwrap(), synced(&plan));
    // Blank lines count as rows, as a spreadsheet shows them.
    assert_eq!(
        problems("\u{feff}id,type,title\n\nkr-dealers,kr,\n"),
        [problem(3, "title", "the title is empty")]
    );
}

#[test]
fn the_formula_guard_round_trips() {
    let mut plan = sample_plan();
    objective(&mut plan, "o-loved").title = "=SUM(A1:A3)".into();
    objective(&mut plan, "o-profit").title = "'=typed with its apostrophe".into();
    key_result(&mut plan, "kr-nps").title = "+1 dealer".into();
    key_result(&mut plan, "kr-repeat").title = "-5% churn".into();
    key_result(&mut plan, "kr-rating").title = "@sales".into();
    key_result(&mut plan, "kr-rating").unit_of_measure = "-".into();
    let text = to_csv(&plan);
    assert!(text.contains(",'=SUM(A1:A3),"));
    assert!(text.contains(",'-5% churn,"));
    assert_eq!(import(&text, &plan).unwrap(), synced(&plan));

    // New rows lose the guard too; an apostrophe before anything else stays.
    let text = "type,title,unit,cycle\n\
                objective,'=1+1,Sales,Q4 2026\n\
                objective,'tis the season,Sales,Q4 2026\n";
    let back = import(text, &plan).unwrap();
    let titles: Vec<&str> = back.objectives[12..]
        .iter()
        .map(|o| o.title.as_str())
        .collect();
    assert_eq!(titles, ["=1+1", "'tis the season"]);
}

#[test]
fn an_ambiguous_unit_name_asks_for_the_full_path() {
    let mut plan = sample_plan();
    let emea = plan.unit_index(&"u-emea".into()).unwrap();
    plan.units[emea].name = "Brand team".into();
    // The exported name still finds each objective's own unit.
    assert_eq!(import(&to_csv(&plan), &plan).unwrap(), synced(&plan));
    let text = "type,title,unit,cycle\n\
                objective,New,brand team,Q4 2026\n\
                objective,Newer,Fernhill Cycles › Marketing › Brand team,Q4 2026\n";
    assert_eq!(
        import(text, &plan).unwrap_err().problems,
        [problem(
            2,
            "unit",
            "2 units are called \"brand team\": give the full path, \
             such as \"Fernhill Cycles › Sales › Brand team\""
        )]
    );
    let text = text.replace("objective,New,brand team,Q4 2026\n", "");
    let back = import(&text, &plan).unwrap();
    assert_eq!(back.objectives[12].unit.as_str(), "u-brand");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_valid_plan_survives_a_csv_round_trip(plan in common::valid_plan()) {
        let back = import(&to_csv(&plan), &plan);
        prop_assert_eq!(back, Ok(synced(&plan)));
    }
}
