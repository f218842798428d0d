//! Objectives and key results as CSV, in the columns other OKR tools' import
//! templates share, so a plan opens in any spreadsheet and comes back from it.
//!
//! This module holds what export and import share: the columns, RFC 4180
//! quoting and splitting, the formula guard and the number format.

mod read;
mod write;

pub use read::{read_csv, CsvFailure, CsvProblem};
pub use write::to_csv;

pub const COLUMNS: [&str; 12] = [
    "id",
    "parent id",
    "type",
    "title",
    "unit",
    "cycle",
    "start",
    "target",
    "current",
    "unit of measure",
    "weight",
    "score",
];

/// A number as exported: rounded to three decimals, never in exponent notation.
fn number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    rounded.to_string()
}

/// Text a spreadsheet must not run as a formula: a leading = + - @ gets an apostrophe.
fn guard(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Undoes [`guard`]: an apostrophe before a leading = + - @ is dropped.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// One record of a CSV file and the spreadsheet row it shows as (1-based).
struct Record {
    row: usize,
    cells: Vec<String>,
}

/// Splits text into records the RFC 4180 way: a field starting with a quote
/// may hold commas, line breaks and doubled quotes; records end with CRLF or
/// LF, the last one optionally. Blank records are dropped but still count as
/// rows, as a spreadsheet shows them. Returns the records and, when the text
/// ends inside a quoted field, the row where that record started.
///
/// Lenient where spreadsheets are: a quote inside an unquoted field is kept
/// as it is, and text after a closing quote joins the field.
fn records(text: &str) -> (Vec<Record>, Option<usize>) {
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut row = 1;
    // Nothing of the current field read yet, so a quote opens a quoted field.
    let mut fresh = true;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if fresh => quoted = true,
            ',' => cells.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                cells.push(std::mem::take(&mut cell));
                keep_unless_blank(&mut records, row, std::mem::take(&mut cells));
                row += 1;
            }
            _ => cell.push(c),
        }
        fresh = matches!(c, ',' | '\n');
    }
    if quoted {
        return (records, Some(row));
    }
    cells.push(cell);
    keep_unless_blank(&mut records, row, cells);
    (records, None)
}

fn keep_unless_blank(records: &mut Vec<Record>, row: usize, cells: Vec<String>) {
    if cells.iter().any(|cell| !cell.trim().is_empty()) {
        records.push(Record { row, cells });
    }
}
