//! The one number formatter of every table junheng prints: the dossier (HTML, and the display
//! formats of its workbook), the CLI's text, and the page.
//!
//! What a number *is* decides how it is shown ([`Kind`]), in one place: [`Kind::of_field`] for
//! a column of the table, [`Kind::of_indicator`] for an indicator's value, [`Kind::of_unit`] for
//! a shortfall. Counts are whole numbers (pupils print as "54", never "54.000"), areas and money
//! have 2 decimals, CVs 3, percentages 1, all with thousands separators.
//!
//! Rounding is half away from zero on the number's shortest decimal form (the digits that read
//! back to the same `f64`, as Excel and WPS show a cell): 0.5625 → "0.563", 2.675 → "2.68".
//! Ties-to-even on the binary value (Rust's `{:.3}`) would print 0.562 and 2.67, which a
//! reader checking by hand (四舍五入) would call wrong.

use crate::fields::{Field, Unit};

/// What a number is, which decides how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Things counted whole: pupils, teachers, classes, rooms, books, computers. `12,345`.
    /// A fractional count (a spanning school's apportioned teachers) is rounded to whole.
    Count,
    /// Square metres, 2 decimals: `12,005.10`.
    Area,
    /// Yuan, 2 decimals: `2,345.60`.
    Money,
    /// An indicator's value (per pupil or per 100 pupils) with this many decimals.
    Value(u8),
    /// A coefficient of variation (差异系数), 3 decimals as the published tables print it
    /// (docs/domain.md §3.2).
    Cv,
    /// A share stored as a fraction (0.853), shown as a percentage with 1 decimal: `85.3%`.
    Percent,
}

impl Kind {
    /// The kind of a column's values in base units (pupils, m², 元, ...). Text fields are
    /// counts only if someone asks to format them as numbers.
    pub fn of_field(field: Field) -> Kind {
        match field.unit() {
            Unit::SquareMetres => Kind::Area,
            Unit::Yuan => Kind::Money,
            Unit::Persons | Unit::Count | Unit::Text => Kind::Count,
        }
    }

    /// The kind of an indicator's value, X = factor · R / P: 4 decimals for teachers per pupil
    /// (师生比 and the other 2012 teacher ratios are 0.04–0.14, docs/domain.md §2.1), 2 for
    /// everything else (m² and 元 per pupil, things per 100 pupils).
    pub fn of_indicator(numerator: Field, factor: f64) -> Kind {
        if numerator.unit() == Unit::Persons && factor == 1.0 {
            Kind::Value(4)
        } else {
            Kind::Value(2)
        }
    }

    /// The kind of a resource amount by its unit id (`m2`, `yuan`, `teachers`, `rooms`,
    /// `computers`, `volumes`, `units`), as shortfalls and plans carry it.
    pub fn of_unit(unit: &str) -> Kind {
        match unit {
            "m2" => Kind::Area,
            "yuan" => Kind::Money,
            _ => Kind::Count,
        }
    }

    /// The kind of an amount of resource in `unit` (see [`Kind::of_unit`]). A count that is
    /// not whole (a spanning school's apportioned teachers make a shortfall of 0.35 of a
    /// teacher) is shown with 2 decimals, never rounded to a whole number that would hide it.
    pub fn of_amount(unit: &str, value: f64) -> Kind {
        match Kind::of_unit(unit) {
            Kind::Count if (value - value.round()).abs() > 1e-9 => Kind::Value(2),
            kind => kind,
        }
    }

    /// Digits after the decimal point.
    pub fn decimals(self) -> usize {
        match self {
            Kind::Count => 0,
            Kind::Area | Kind::Money => 2,
            Kind::Value(d) => usize::from(d),
            Kind::Cv => 3,
            Kind::Percent => 1,
        }
    }

    /// The number format of a workbook cell showing the same digits (ECMA-376 §18.8.31).
    /// Values with more than 6 decimals are shown with 6.
    pub fn excel_format(self) -> &'static str {
        const GROUPED: [&str; 7] = [
            "#,##0",
            "#,##0.0",
            "#,##0.00",
            "#,##0.000",
            "#,##0.0000",
            "#,##0.00000",
            "#,##0.000000",
        ];
        match self {
            Kind::Percent => "0.0%",
            Kind::Cv => "0.000",
            other => GROUPED[other.decimals().min(6)],
        }
    }
}

/// `value` as `kind` says; "—" when it is not finite.
///
/// ```
/// use junheng_core::format::{number, Kind};
/// assert_eq!(number(54.0, Kind::Count), "54");
/// assert_eq!(number(12005.1, Kind::Area), "12,005.10");
/// assert_eq!(number(0.5625, Kind::Cv), "0.563");
/// assert_eq!(number(0.8534, Kind::Percent), "85.3%");
/// ```
pub fn number(value: f64, kind: Kind) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let (digits, exponent) = decimal_digits(value.abs());
    // Percentages: the same digits, the point two places to the right.
    let exponent = if kind == Kind::Percent {
        exponent + 2
    } else {
        exponent
    };
    let decimals = kind.decimals();
    let (int_part, frac_part) = round_half_up(&digits, exponent, decimals);
    let zero = int_part == "0" && frac_part.bytes().all(|b| b == b'0');
    let mut out = String::new();
    if value < 0.0 && !zero {
        out.push('-');
    }
    out.push_str(&group_thousands(&int_part));
    if decimals > 0 {
        out.push('.');
        out.push_str(&frac_part);
    }
    if kind == Kind::Percent {
        out.push('%');
    }
    out
}

/// [`number`] of `value`, with more decimals (up to 6) when it would print the same as
/// `other` without being equal to it: a value of 2.397 below a standard of 2.4 prints as
/// "2.397", not "2.40", next to "2.40".
pub fn number_apart(value: f64, other: f64, kind: Kind) -> String {
    let shown = number(value, kind);
    if value == other || shown != number(other, kind) {
        return shown;
    }
    for decimals in kind.decimals() + 1..=6 {
        let finer = Kind::Value(decimals as u8);
        let shown = number(value, finer);
        if shown != number(other, finer) {
            return shown;
        }
    }
    shown
}

/// [`number`] of an optional value; "—" for `None`.
pub fn optional(value: Option<f64>, kind: Kind) -> String {
    value.map_or_else(|| "—".to_string(), |v| number(v, kind))
}

/// [`number`] without thousands separators or "%", for files a program reads back (CSV):
/// the same digits and rounding, a percentage as its number of per cent (85.3); "" when the
/// value is not finite, as an empty cell.
///
/// ```
/// use junheng_core::format::{plain, Kind};
/// assert_eq!(plain(12005.1, Kind::Area), "12005.10");
/// assert_eq!(plain(0.8534, Kind::Percent), "85.3");
/// ```
pub fn plain(value: f64, kind: Kind) -> String {
    if !value.is_finite() {
        return String::new();
    }
    number(value, kind).replace([',', '%'], "")
}

/// Thousands separators in a number already written with its decimals ("-12345.60" →
/// "-12,345.60"), for labels whose decimals are chosen elsewhere (a chart axis's step).
/// "-0" and "-0.00" lose their sign. Text that is not a plain decimal number is returned as is.
pub fn grouped(text: &str) -> String {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int_part, fraction) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() || !digits(int_part) || !fraction.is_none_or(digits) {
        return text.to_string();
    }
    let zero = unsigned.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::with_capacity(text.len() + int_part.len() / 3);
    if negative && !zero {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part));
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The significant digits of a finite non-negative `value` in shortest round-trip form, and the
/// exponent e such that value = 0.d₁d₂d₃… × 10^e. Zero gives ("0", 1).
fn decimal_digits(value: f64) -> (Vec<u8>, i32) {
    // `{:e}` prints the shortest digits that read back to the same f64: "5.625e-1".
    let text = format!("{value:e}");
    let (mantissa, exponent) = text.split_once('e').expect("{:e} always has an exponent");
    let exponent: i32 = exponent.parse().expect("{:e} exponent is an integer");
    let digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if digits.iter().all(|d| *d == 0) {
        return (vec![0], 1);
    }
    (digits, exponent + 1)
}

/// Rounds 0.d₁d₂… × 10^exponent half away from zero to `decimals` places; returns the integer
/// part (at least "0") and exactly `decimals` fraction digits.
fn round_half_up(digits: &[u8], exponent: i32, decimals: usize) -> (String, String) {
    // Position of each digit relative to the point: digit k has place value 10^(exponent-1-k).
    // Keep the digits with place ≥ 10^-decimals, in a buffer that starts at the units' place
    // or higher, so a carry can add a leading digit.
    let int_len = exponent.max(0) as usize;
    let total = int_len + decimals;
    // kept[i] holds the digit of place 10^(int_len-1-i).
    let mut kept = vec![0u8; total];
    let mut next_digit = 0u8;
    for (k, &d) in digits.iter().enumerate() {
        // Index in `kept` of digit k: its place is exponent-1-k, and kept[i] has int_len-1-i.
        let index = int_len as i64 - exponent as i64 + k as i64;
        if index < 0 {
            continue;
        }
        let index = index as usize;
        if index < total {
            kept[index] = d;
        } else if index == total {
            next_digit = d;
        }
    }
    if next_digit >= 5 {
        // Carry from the last kept place up.
        let mut i = total;
        loop {
            if i == 0 {
                kept.insert(0, 1);
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let split = kept.len() - decimals;
    let to_text = |ds: &[u8]| ds.iter().map(|d| char::from(b'0' + d)).collect::<String>();
    let int_text = to_text(&kept[..split]);
    let int_text = int_text.trim_start_matches('0');
    let int_text = if int_text.is_empty() { "0" } else { int_text };
    (int_text.to_string(), to_text(&kept[split..]))
}

/// `1234567` → `1,234,567`.
fn group_thousands(int_part: &str) -> String {
    let n = int_part.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: f64, kind: Kind, expected: &str) {
        assert_eq!(number(value, kind), expected, "{value} as {kind:?}");
    }

    #[test]
    fn counts_are_whole_with_separators() {
        check(54.0, Kind::Count, "54");
        check(0.0, Kind::Count, "0");
        check(12345.0, Kind::Count, "12,345");
        check(1234567.0, Kind::Count, "1,234,567");
        check(999.0, Kind::Count, "999");
        check(1000.0, Kind::Count, "1,000");
        // An apportioned count: rounded, half away from zero.
        check(9711.63, Kind::Count, "9,712");
        check(2.5, Kind::Count, "3");
        check(0.4, Kind::Count, "0");
        check(-1234.0, Kind::Count, "-1,234");
    }

    #[test]
    fn areas_and_money_have_two_decimals() {
        check(12005.1, Kind::Area, "12,005.10");
        check(1234567.891, Kind::Area, "1,234,567.89");
        check(597.36 * 10000.0, Kind::Money, "5,973,600.00");
        check(-1234.5, Kind::Money, "-1,234.50");
        check(999.995, Kind::Money, "1,000.00");
        check(2.675, Kind::Money, "2.68");
        check(-0.0001, Kind::Area, "0.00");
        check(0.005, Kind::Area, "0.01");
    }

    #[test]
    fn cvs_values_and_percentages() {
        check(0.515_34, Kind::Cv, "0.515");
        check(0.5625, Kind::Cv, "0.563");
        check(0.0, Kind::Cv, "0.000");
        check(1.299, Kind::Cv, "1.299");
        check(9.9996, Kind::Cv, "10.000");
        check(0.061_234_5, Kind::Value(4), "0.0612");
        check(4.2, Kind::Value(2), "4.20");
        check(2345.6, Kind::Value(2), "2,345.60");
        check(0.8534, Kind::Percent, "85.3%");
        check(0.285, Kind::Percent, "28.5%");
        check(1.0, Kind::Percent, "100.0%");
        check(0.0, Kind::Percent, "0.0%");
        check(1e-9, Kind::Cv, "0.000");
        check(1e20, Kind::Count, "100,000,000,000,000,000,000");
    }

    #[test]
    fn apart_from_a_neighbour() {
        assert_eq!(number_apart(2.397, 2.4, Kind::Value(2)), "2.397");
        assert_eq!(number_apart(2.3999, 2.4, Kind::Value(2)), "2.3999");
        assert_eq!(number_apart(2.3, 2.4, Kind::Value(2)), "2.30");
        assert_eq!(number_apart(2.4, 2.4, Kind::Value(2)), "2.40");
        assert_eq!(Kind::of_amount("teachers", 2.0), Kind::Count);
        assert_eq!(Kind::of_amount("teachers", 0.354), Kind::Value(2));
        assert_eq!(number(0.354, Kind::of_amount("teachers", 0.354)), "0.35");
        assert_eq!(Kind::of_amount("m2", 12.5), Kind::Area);
    }

    #[test]
    fn plain_is_number_without_separators() {
        assert_eq!(plain(1234567.0, Kind::Count), "1234567");
        assert_eq!(plain(54.0, Kind::Count), "54");
        assert_eq!(plain(-12005.105, Kind::Area), "-12005.11");
        assert_eq!(plain(0.5625, Kind::Cv), "0.563");
        assert_eq!(plain(0.8534, Kind::Percent), "85.3");
        assert_eq!(plain(f64::NAN, Kind::Cv), "");
    }

    #[test]
    fn grouped_text() {
        assert_eq!(grouped("0"), "0");
        assert_eq!(grouped("999"), "999");
        assert_eq!(grouped("1000"), "1,000");
        assert_eq!(grouped("-1234567.125"), "-1,234,567.125");
        assert_eq!(grouped("12345.6"), "12,345.6");
        assert_eq!(grouped("-0"), "0");
        assert_eq!(grouped("-0.00"), "0.00");
        assert_eq!(grouped("1.5e12"), "1.5e12");
        assert_eq!(grouped("—"), "—");
    }

    #[test]
    fn undefined_is_a_dash() {
        check(f64::NAN, Kind::Cv, "—");
        check(f64::INFINITY, Kind::Count, "—");
        assert_eq!(optional(None, Kind::Area), "—");
        assert_eq!(optional(Some(3.0), Kind::Count), "3");
    }

    #[test]
    fn kinds_in_one_place() {
        assert_eq!(Kind::of_field(Field::Students), Kind::Count);
        assert_eq!(Kind::of_field(Field::Books), Kind::Count);
        assert_eq!(Kind::of_field(Field::Classes), Kind::Count);
        assert_eq!(Kind::of_field(Field::MultimediaRooms), Kind::Count);
        assert_eq!(Kind::of_field(Field::TeachingArea), Kind::Area);
        assert_eq!(Kind::of_field(Field::EquipmentValue), Kind::Money);
        assert_eq!(
            Kind::of_indicator(Field::Teachers, 1.0),
            Kind::Value(4),
            "师生比"
        );
        assert_eq!(
            Kind::of_indicator(Field::TeachersBackbone, 100.0),
            Kind::Value(2)
        );
        assert_eq!(
            Kind::of_indicator(Field::EquipmentValue, 1.0),
            Kind::Value(2)
        );
        assert_eq!(Kind::of_unit("m2"), Kind::Area);
        assert_eq!(Kind::of_unit("teachers"), Kind::Count);
        assert_eq!(Kind::Count.excel_format(), "#,##0");
        assert_eq!(Kind::Area.excel_format(), "#,##0.00");
        assert_eq!(Kind::Value(4).excel_format(), "#,##0.0000");
        assert_eq!(Kind::Cv.excel_format(), "0.000");
        assert_eq!(Kind::Percent.excel_format(), "0.0%");
    }
}
