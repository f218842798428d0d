//! The CSV export: common columns, spreadsheet-safe text.

use okrplan::io::csv::to_csv;
use okrplan::model::*;

#[test]
fn objectives_and_key_results_export_with_the_common_columns() {
    let mut plan = sample_plan();
    plan.objectives
        .retain(|o| o.id.as_str() == "o-emea" || o.id.as_str() == "o-sales");
    let csv = to_csv(&plan);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "id,parent id,type,title,unit,cycle,start,target,current,unit of measure,weight,score",
            "o-sales,o-profit,objective,Open the Nordic market,Sales,Q4 2026,,,,,,0.333",
            "kr-dealers,o-sales,key result,Sign 12 dealers in the Nordics,Sales,Q4 2026,0,12,5,dealers,1,0.417",
            "kr-nordic-rev,o-sales,key result,Book €1.2M Nordic revenue,Sales,Q4 2026,0,1.2,0.3,€M,1,0.25",
            "o-emea,kr-dealers,objective,Win the first Nordic dealers,EMEA sales,Q4 2026,,,,,,0.567",
            "kr-demos,o-emea,key result,Run 30 dealer demos,EMEA sales,Q4 2026,0,30,17,demos,1,0.567",
            "",
        ]
    );
}

#[test]
fn text_is_quoted_and_never_read_as_a_formula() {
    let mut plan = sample_plan();
    plan.objectives.truncate(1);
    plan.objectives[0].key_results.truncate(1);
    plan.objectives[0].title = "Grow, \"fast\"\nand well".into();
    plan.objectives[0].key_results[0].title = "=HYPERLINK(\"http://x\")".into();
    let csv = to_csv(&plan);
    assert!(csv.contains("\"Grow, \"\"fast\"\"\nand well\""));
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
}
