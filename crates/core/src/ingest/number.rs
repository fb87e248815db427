//! Reading a number out of a cell's text.

/// What a cell holds, read as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A finite number.
    Value(f64),
    /// Empty or a placeholder meaning "no data" (—, -, /, 无, N/A, ...).
    Missing,
    /// Text that is not a number.
    Invalid,
}

/// Reads a cell: surrounding spaces and thousands separators (`1,234`) are allowed.
pub fn parse_number(text: &str) -> Number {
    let text = text.trim();
    if text.is_empty() || matches!(text, "—" | "-" | "/" | "无" | "空" | "N/A" | "n/a" | "NA") {
        return Number::Missing;
    }
    let cleaned: String = text.chars().filter(|c| *c != ',').collect();
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Number::Value(v),
        _ => Number::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells() {
        let cases = [
            ("12", Number::Value(12.0)),
            (" 1,234.5 ", Number::Value(1234.5)),
            ("", Number::Missing),
            ("—", Number::Missing),
            ("三百", Number::Invalid),
            ("inf", Number::Invalid),
            ("NaN", Number::Invalid),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_number(text), expected, "{text:?}");
        }
    }
}
