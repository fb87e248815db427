//! A cell of a CSV export, safe to open in a spreadsheet.
//!
//! Excel, WPS and LibreOffice run a cell that starts with `=`, `+`, `-` or `@` (or a tab or
//! a carriage return before one) as a formula: a school named `=HYPERLINK("http://…")` in an
//! exported file becomes a link that sends data away when clicked. Every CSV writer of junheng
//! (the report's CSV, the plan's CSV, and through them the page's exports) passes its text cells
//! through [`csv_cell`], which prefixes such a cell with a single quote, as OWASP advises
//! ("CSV Injection"). A plain number (`-3.5`, `+12`) is written as it is, so numbers stay
//! numbers.

use std::borrow::Cow;

/// `text`, prefixed with `'` when a spreadsheet would run it as a formula.
///
/// ```
/// use junheng_core::csv_cell::csv_cell;
/// assert_eq!(csv_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(csv_cell("-3.5"), "-3.5");
/// assert_eq!(csv_cell("城关一小"), "城关一小");
/// ```
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A number as a spreadsheet reads one: sign, digits, one point, an exponent.
fn is_plain_number(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && text.parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_numbers_and_names_are_not() {
        for (text, expected) in [
            ("=1+1", "'=1+1"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-3.5", "-3.5"),
            ("+12", "+12"),
            ("-1e5", "-1e5"),
            ("0.25", "0.25"),
            ("一小", "一小"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_cell(text), expected, "{text:?}");
        }
    }
}
