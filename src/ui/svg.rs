//! Helpers shared by the drawn charts and maps.

/// Splits text into at most `lines` lines of about `width` characters, with an
/// ellipsis when it does not fit.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits = current.chars().count() + word.chars().count() < width;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            out.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            let keep: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{keep}…");
        }
    }
    out.iter_mut().for_each(|line| {
        if line.chars().count() > width {
            *line = format!("{}…", line.chars().take(width - 1).collect::<String>());
        }
    });
    out
}

/// The markup of a drawn SVG element, ready to save as a standalone file.
pub fn svg_markup(element: &web_sys::Element) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        element.outer_html()
    )
}
