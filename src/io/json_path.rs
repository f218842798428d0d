//! The JSON path (`objectives[3].key_results[0].weight`) at a place in a
//! file, found by a scan that tracks only which object keys and array
//! indexes lead there. Used to explain a file whose values have the wrong
//! shape: the parser says where it stopped, this says what is there.
//! (A path-tracking deserializer would do it too, at the cost of a second
//! copy of every type's decoding code in the shipped app.)

/// One level of nesting on the way to the place.
enum Level {
    /// In an object, under the last key read (if any yet).
    Object(Option<String>),
    /// In an array, at the index of the current element.
    Array(usize),
}

/// The path of the value that ends at byte `end` of `text` (exclusive): the
/// value being read when a parser stopped there. A place just after an
/// object or array closed is that object's or array's own path (a missing
/// field is reported where its object ends). `(file)` for the top level.
pub fn path_at(text: &str, end: usize) -> String {
    let bytes = &text.as_bytes()[..end.min(text.len())];
    let mut levels: Vec<Level> = Vec::new();
    let mut closed: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        closed = None;
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = string_end(bytes, start);
                // A string right before a colon is a key.
                let rest = &bytes[(i + 1).min(bytes.len())..];
                let is_key = rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':');
                if let (true, Some(Level::Object(key))) = (is_key, levels.last_mut()) {
                    *key = Some(unescape(&text[start..i.min(text.len())]));
                }
            }
            b'{' => levels.push(Level::Object(None)),
            b'[' => levels.push(Level::Array(0)),
            b'}' | b']' => {
                levels.pop();
                closed = Some(render(&levels));
            }
            b',' => {
                if let Some(Level::Array(index)) = levels.last_mut() {
                    *index += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let path = closed.unwrap_or_else(|| render(&levels));
    if path.is_empty() {
        "(file)".into()
    } else {
        path
    }
}

/// The byte offset of a 1-based line and column as serde_json reports them
/// (the column counts bytes and points at the last byte read).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + column
}

/// The index of the closing quote of a string whose contents start at `start`
/// (or the end of the bytes when it is cut off).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Keys are shown as written, with the two common escapes resolved.
fn unescape(raw: &str) -> String {
    raw.replace("\\\"", "\"").replace("\\\\", "\\")
}

fn render(levels: &[Level]) -> String {
    let mut path = String::new();
    for level in levels {
        match level {
            Level::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Object(None) => {}
            Level::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn finds_keys_and_indexes_on_the_way() {
        let text = r#"{"a": [{"b": 1}, {"c": {"d": "x"}}], "e": 2}"#;
        assert_eq!(at(text, r#""x""#), "a[1].c.d");
        assert_eq!(at(text, "2"), "e");
        assert_eq!(
            at(text, r#"{"b": 1}"#),
            "a[0]",
            "just after an object: that object"
        );
        assert_eq!(path_at(text, 1), "(file)");
    }

    #[test]
    fn strings_with_brackets_commas_and_escapes_do_not_confuse_it() {
        let text = r#"{"t": "a, [b] {c} \"d\"", "list": [1, 2, "3"]}"#;
        assert_eq!(at(text, r#""3""#), "list[2]");
    }

    #[test]
    fn offsets_follow_serde_json_lines_and_columns() {
        let text = "{\n  \"a\": 1,\n  \"b\": true\n}";
        assert_eq!(
            &text[..offset_of(text, 3, 11)],
            "{\n  \"a\": 1,\n  \"b\": true"
        );
    }
}
