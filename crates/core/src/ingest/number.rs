//! Reading a number out of a cell's text.
//!
//! Cells arrive as typed by a person or exported by Excel: `1,234`, `1 234`, `１２３．５`,
//! `85%`, `12万元`, `—`, `#DIV/0!`. Placeholders are [`Number::Missing`], never 0.

/// What a cell holds, read as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A finite number.
    Value(f64),
    /// Empty or a placeholder meaning "no data" (—, -, /, 无, N/A, #DIV/0!, ...).
    Missing,
    /// Text that is not a number.
    Invalid,
}

/// A number read from a cell together with the unit written in the cell itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    /// The number as written, before any unit scaling.
    pub number: Number,
    /// Scale given by a unit suffix in the cell (`万元` → 10 000, `元` → 1), if any.
    pub cell_scale: Option<f64>,
}

/// Longest cell read as a number, in bytes: room for every digit of `f64::MAX`, separators,
/// spaces and a unit.
pub const MAX_NUMBER_BYTES: usize = 400;

/// Placeholders meaning "no data". Compared after trimming and full-width folding.
const PLACEHOLDERS: &[&str] = &[
    "—", "——", "–", "-", "--", "/", "\\", "无", "空", "暂无", "缺", "n/a", "na", "null", "none",
    "#div/0!", "#n/a", "#value!", "#ref!", "#num!", "#name?", "#null!", "…", "...",
];

/// Unit suffixes allowed in a cell and their scale to the base unit. Longest first.
const CELL_UNITS: &[(&str, f64)] = &[
    ("万平方米", 10_000.0),
    ("平方米", 1.0),
    ("万元", 10_000.0),
    ("千元", 1_000.0),
    ("万册", 10_000.0),
    ("平米", 1.0),
    ("m²", 1.0),
    ("m2", 1.0),
    ("㎡", 1.0),
    ("元", 1.0),
    ("册", 1.0),
    ("台", 1.0),
    ("间", 1.0),
    ("人", 1.0),
    ("个", 1.0),
    ("名", 1.0),
    ("所", 1.0),
];

/// The unit suffix of a cell (`万元` of `12万元`, longest suffix first) and the text before it.
pub(super) fn cell_unit_suffix(text: &str) -> Option<(&'static str, &str)> {
    CELL_UNITS.iter().find_map(|(suffix, _)| {
        text.strip_suffix(suffix)
            .map(|rest| (*suffix, rest.trim_end_matches(is_space)))
    })
}

/// Folds full-width ASCII (`１２３．５`, `，`, `％`) and the ideographic space to ASCII.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// [`fold_width`] of one character: for checks on a cell's first character that need not
/// fold (and allocate) the whole cell.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{3002}' => '.',
        _ => c,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{200B}')
}

/// Reads a cell with a decimal point: see [`parse_quantity`]. A unit suffix in the cell is
/// applied (`12万元` → 120000); a value that the unit makes overflow (`1e305万元`) is no finite
/// number and is [`Number::Invalid`].
pub fn parse_number(text: &str) -> Number {
    let q = parse_quantity(text, false);
    match (q.number, q.cell_scale) {
        (Number::Value(v), Some(scale)) => finite(v * scale),
        (number, _) => number,
    }
}

/// A computed value as a [`Number`]: [`Number::Invalid`] unless finite.
fn finite(v: f64) -> Number {
    if v.is_finite() {
        Number::Value(v)
    } else {
        Number::Invalid
    }
}

/// Reads a cell. Surrounding spaces, thousands separators (`1,234`, `1 234`, thin and no-break
/// spaces), full-width digits, a trailing `%` (÷ 100) and a unit suffix (`元`, `万元`, `㎡`,
/// `册`, ...) are allowed. With `decimal_comma`, `1.234,5` is 1234.5.
pub fn parse_quantity(text: &str, decimal_comma: bool) -> Quantity {
    // No number is written in hundreds of characters: a long cell (a pasted paragraph, a 10 MB
    // field) is not a number, and is not folded and scanned to find that out.
    if text.len() > MAX_NUMBER_BYTES {
        return Quantity {
            number: Number::Invalid,
            cell_scale: None,
        };
    }
    // Fast path, no allocation: plain ASCII digits as most cells are. Spaces are trimmed
    // byte by byte (a space byte is always a whole character), digits checked in one pass.
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| *b != b' ').unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| *b != b' ')
        .map_or(start, |i| i + 1);
    let plain = &text[start..end];
    let (mut digits, mut others) = (false, false);
    for b in plain.bytes() {
        if b.is_ascii_digit() {
            digits = true;
        } else if b != b'.' || decimal_comma {
            others = true;
            break;
        }
    }
    if digits && !others {
        if let Ok(v) = plain.parse::<f64>() {
            if v.is_finite() {
                return Quantity {
                    number: Number::Value(v),
                    cell_scale: None,
                };
            }
        }
    }
    let folded = fold_width(text);
    let trimmed = folded.trim_matches(is_space);
    let missing = Quantity {
        number: Number::Missing,
        cell_scale: None,
    };
    if trimmed.is_empty() {
        return missing;
    }
    let lower = trimmed.to_lowercase();
    if PLACEHOLDERS.contains(&lower.as_str()) {
        return missing;
    }
    let mut body = lower.as_str();
    let mut cell_scale = None;
    for (suffix, scale) in CELL_UNITS {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end_matches(is_space);
            cell_scale = Some(*scale);
            break;
        }
    }
    let mut percent = false;
    if let Some(rest) = body.strip_suffix('%') {
        body = rest.trim_end_matches(is_space);
        percent = true;
    }
    let body = body.strip_prefix('¥').unwrap_or(body);
    let body = body.strip_prefix('￥').unwrap_or(body);
    let number = match clean_digits(body, decimal_comma) {
        Some(cleaned) => match cleaned.parse::<f64>() {
            Ok(v) if v.is_finite() => Number::Value(if percent { v / 100.0 } else { v }),
            _ => Number::Invalid,
        },
        None => Number::Invalid,
    };
    Quantity { number, cell_scale }
}

/// Removes separators and keeps only what `f64::from_str` should see; `None` when a character
/// has no place in a number (so `inf`, `NaN` and `1,2O4` are invalid).
fn clean_digits(body: &str, decimal_comma: bool) -> Option<String> {
    let (thousands, decimal) = if decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let mut out = String::with_capacity(body.len());
    let mut digits = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => {
                digits += 1;
                out.push(c);
            }
            '+' | '-' | 'e' | 'E' => out.push(c),
            c if c == decimal => out.push('.'),
            c if c == thousands || is_space(c) || c == '\'' => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(out)
}

/// Reads a ratio written `1:17`, `1∶17` (U+2236) or `1：17` as 1/17; a plain number is read as
/// itself. For columns where a ratio is expected (师生比).
pub fn parse_ratio(text: &str) -> Number {
    let folded = fold_width(text).replace('∶', ":");
    let Some((left, right)) = folded.split_once(':') else {
        return parse_number(text);
    };
    match (parse_number(left), parse_number(right)) {
        // 1e300:1e-300 overflows: no finite ratio.
        (Number::Value(a), Number::Value(b)) if b != 0.0 => finite(a / b),
        _ => Number::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, decimal_comma: bool, expected: Number) {
        let got = parse_number_with(text, decimal_comma);
        match (got, expected) {
            (Number::Value(a), Number::Value(b)) => {
                assert!(
                    (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                    "{text:?}: {a} != {b}"
                )
            }
            _ => assert_eq!(got, expected, "{text:?}"),
        }
    }

    fn parse_number_with(text: &str, decimal_comma: bool) -> Number {
        let q = parse_quantity(text, decimal_comma);
        match (q.number, q.cell_scale) {
            (Number::Value(v), Some(s)) => Number::Value(v * s),
            (n, _) => n,
        }
    }

    #[test]
    fn reads_cells() {
        use Number::*;
        let cases = [
            ("12", false, Value(12.0)),
            (" 1,234.5 ", false, Value(1234.5)),
            ("1 234", false, Value(1234.0)),
            ("1\u{2009}234", false, Value(1234.0)),
            ("1\u{00A0}234,5", true, Value(1234.5)),
            ("1.234,5", true, Value(1234.5)),
            ("12,5", true, Value(12.5)),
            ("１２３．５", false, Value(123.5)),
            ("１，２３４", false, Value(1234.0)),
            ("\u{3000}42\u{3000}", false, Value(42.0)),
            ("85%", false, Value(0.85)),
            ("８５％", false, Value(0.85)),
            ("-3", false, Value(-3.0)),
            ("1.5e3", false, Value(1500.0)),
            ("506.54万元", false, Value(5_065_400.0)),
            ("1200元", false, Value(1200.0)),
            ("¥1,200", false, Value(1200.0)),
            ("3200㎡", false, Value(3200.0)),
            ("3200 平方米", false, Value(3200.0)),
            ("3200m²", false, Value(3200.0)),
            ("3200 m2", false, Value(3200.0)),
            ("1.2万册", false, Value(12_000.0)),
            ("5000册", false, Value(5000.0)),
            ("40台", false, Value(40.0)),
            ("12间", false, Value(12.0)),
            ("35人", false, Value(35.0)),
            ("", false, Missing),
            ("   ", false, Missing),
            ("—", false, Missing),
            ("——", false, Missing),
            ("-", false, Missing),
            ("－", false, Missing),
            ("/", false, Missing),
            ("／", false, Missing),
            ("无", false, Missing),
            ("空", false, Missing),
            ("N/A", false, Missing),
            ("n/a", false, Missing),
            ("#DIV/0!", false, Missing),
            ("#N/A", false, Missing),
            ("#VALUE!", false, Missing),
            ("三百", false, Invalid),
            ("1,2O4", false, Invalid),
            ("inf", false, Invalid),
            ("NaN", false, Invalid),
            ("1e999", false, Invalid),
            ("%", false, Invalid),
            ("万元", false, Invalid),
            ("12abc", false, Invalid),
        ];
        for (text, decimal_comma, expected) in cases {
            check(text, decimal_comma, expected);
        }
    }

    #[test]
    fn reads_ratios() {
        let cases = [
            ("1:17", Number::Value(1.0 / 17.0)),
            ("1∶17", Number::Value(1.0 / 17.0)),
            ("1：20", Number::Value(0.05)),
            ("0.0588", Number::Value(0.0588)),
            ("1:0", Number::Invalid),
            ("a:b", Number::Invalid),
            ("—", Number::Missing),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_ratio(text), expected, "{text:?}");
        }
    }

    #[test]
    fn cell_scale_is_reported_separately() {
        let q = parse_quantity("506.54万元", false);
        assert_eq!(q.number, Number::Value(506.54));
        assert_eq!(q.cell_scale, Some(10_000.0));
        assert_eq!(parse_quantity("506.54", false).cell_scale, None);
    }

    #[test]
    fn a_unit_or_a_ratio_that_overflows_is_no_number() {
        // Each was a non-finite Value (inf) before the audit (docs/robustness-audit.md).
        assert_eq!(parse_number("1e305万元"), Number::Invalid);
        assert_eq!(parse_number("1.7e308万平方米"), Number::Invalid);
        assert_eq!(parse_ratio("1e300:1e-300"), Number::Invalid);
        assert_eq!(parse_number("2e300万元"), Number::Value(2e300 * 10_000.0));
    }
}
