//! Schools left out of an indicator for a reason other than a missing cell: no pupils (a
//! weight of 0 or below), a divisor of 0, a negative value of a national indicator (a resource
//! count cannot be below 0: docs/domain.md §3.3 rejects it), a value or weight beyond what a
//! [`crate::measures::Sample`] accepts (9e307, or 1e-300 pupils as a divisor). A missing cell
//! is already visible (an empty cell, a placeholder, or a `not_a_number` warning); these were
//! only in `missing_lines`. One [`Warning`] per indicator names each school and its reason.

use crate::measures::in_range;
use crate::quote::quote;
use crate::report::Warning;

/// Lines named in the warning; the count says how many there are.
const SHOWN: usize = 10;

/// Why a row with every cell present is left out of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A divisor of the expression is 0 (0 pupils for a per-pupil value).
    ZeroDivisor,
    /// The weight (pupils) is 0 or negative.
    NonPositiveWeight,
    /// The weight is beyond the accepted magnitudes.
    WeightOutOfRange,
    /// A national indicator's value is negative: a count of books, m² or teachers below 0 is an
    /// error in the data (the analysis decides; [`Reason::of`] never gives it).
    NegativeValue,
    /// The value is beyond the accepted magnitudes (or not finite).
    ValueOutOfRange,
}

impl Reason {
    /// Why the row with value `x` and weight `w` is left out, or `None` when it is in, or out
    /// for a missing cell (`cells_missing`, or a weight that is NaN).
    pub fn of(x: f64, w: f64, cells_missing: bool, divided_by_zero: bool) -> Option<Reason> {
        if in_range(x) && w > 0.0 && in_range(w) {
            return None;
        }
        if cells_missing || w.is_nan() {
            return None;
        }
        Some(if divided_by_zero {
            Reason::ZeroDivisor
        } else if w <= 0.0 {
            Reason::NonPositiveWeight
        } else if !in_range(w) {
            Reason::WeightOutOfRange
        } else {
            Reason::ValueOutOfRange
        })
    }

    fn text(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Reason::ZeroDivisor, true) => "除数为 0",
            (Reason::ZeroDivisor, false) => "a divisor is 0",
            (Reason::NonPositiveWeight, true) => "权重（学生数）为 0 或负数",
            (Reason::NonPositiveWeight, false) => "weight (pupils) 0 or negative",
            (Reason::WeightOutOfRange, true) => "权重超出可计算的范围",
            (Reason::WeightOutOfRange, false) => "weight beyond the range computed",
            (Reason::NegativeValue, true) => "数值为负",
            (Reason::NegativeValue, false) => "negative value",
            (Reason::ValueOutOfRange, true) => {
                "数值超出可计算的范围（绝对值大于 1e100 或小于 1e-100）"
            }
            (Reason::ValueOutOfRange, false) => {
                "value beyond the range computed (above 1e100 or below 1e-100)"
            }
        }
    }
}

/// The warning `rows_left_out` of one indicator, `None` when no row was left out this way.
/// `name`: the indicator's name in the report; `label_zh`, `label_en`: its display names.
pub fn warning(
    name: &str,
    label_zh: &str,
    label_en: &str,
    rows: &[(u64, Reason)],
) -> Option<Warning> {
    let first = rows.first()?;
    let (label_zh, label_en) = (quote(label_zh), quote(label_en));
    let list = |zh: bool| {
        let mut items: Vec<String> = rows
            .iter()
            .take(SHOWN)
            .map(|(line, reason)| {
                if zh {
                    format!("第 {line} 行（{}）", reason.text(true))
                } else {
                    format!("line {line} ({})", reason.text(false))
                }
            })
            .collect();
        if rows.len() > SHOWN {
            items.push("…".into());
        }
        items.join(if zh { "、" } else { ", " })
    };
    let n = rows.len();
    Some(Warning {
        code: "rows_left_out",
        indicator: Some(name.to_string()),
        line: Some(first.0),
        zh: format!(
            "“{label_zh}”未计入 {n} 所学校：{}。这些学校的数据都已填写，但无法用于计算；请核对这些单元格。",
            list(true)
        ),
        en: format!(
            "“{label_en}”: {n} school(s) left out: {}. Their cells are filled in but cannot be used; check them.",
            list(false)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons() {
        assert_eq!(Reason::of(5.0, 100.0, false, false), None);
        assert_eq!(Reason::of(f64::NAN, 100.0, true, false), None);
        assert_eq!(Reason::of(5.0, f64::NAN, false, false), None);
        assert_eq!(
            Reason::of(f64::NAN, 0.0, false, true),
            Some(Reason::ZeroDivisor)
        );
        assert_eq!(
            Reason::of(-16.0, -50.0, false, false),
            Some(Reason::NonPositiveWeight)
        );
        assert_eq!(Reason::of(0.0, 120.0, false, false), None);
        assert_eq!(
            Reason::of(5e302, 1e-300, false, false),
            Some(Reason::WeightOutOfRange)
        );
        assert_eq!(
            Reason::of(9e305, 100.0, false, false),
            Some(Reason::ValueOutOfRange)
        );
        let w = warning("x", "生均", "per pupil", &[(6, Reason::NonPositiveWeight)]).unwrap();
        assert_eq!(w.line, Some(6));
        assert!(
            w.zh.contains("第 6 行（权重（学生数）为 0 或负数）"),
            "{}",
            w.zh
        );
        assert!(warning("x", "生均", "per pupil", &[]).is_none());
    }
}
