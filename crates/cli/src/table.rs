//! Aligned plain-text tables for `--format text` (`text.rs`, `verdict.rs`): the first column
//! left-aligned, the others right-aligned, wide (CJK) characters counted as two columns.

/// Columns separated by two spaces: the first left-aligned, the others right-aligned.
pub fn table(first: &str, headers: &[&str], rows: &[Vec<String>]) -> String {
    let head: Vec<String> = std::iter::once(first)
        .chain(headers.iter().copied())
        .map(str::to_string)
        .collect();
    // A name's line feed or ESC must not break the table or reach the terminal.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::terminal::escape_controls(c, false).into_owned())
                .collect()
        })
        .collect();
    let rows = rows.as_slice();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&head).chain(rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - width(cell));
            if i == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Terminal width of a string: East Asian wide and full-width characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_wide_characters() {
        let t = table("指标", &["n"], &[vec!["ab".into(), "12".into()]]);
        assert_eq!(t, "指标   n\nab    12\n");
        assert_eq!(width("城区a"), 5);
    }
}
