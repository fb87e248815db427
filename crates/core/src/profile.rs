//! A first look at a table: which columns are numeric, and the weighted CV of each.
//!
//! This is what the page shows right after loading, before any mapping: every numeric column,
//! its count, mean and coefficient of variation weighted by enrollment.

use crate::ingest::{parse_number, Number, Table};
use crate::measures::{self, Sample};

/// Header texts recognised as the enrollment column, used as the default weight.
const WEIGHT_HEADERS: &[&str] = &[
    "在校学生数",
    "在校生数",
    "学生数",
    "学生总数",
    "学生人数",
    "在籍学生数",
    "students",
    "enrollment",
    "enrolment",
    "pupils",
];

/// Summary of one numeric column.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnProfile {
    /// Column index.
    pub column: usize,
    /// Header text.
    pub header: String,
    /// Rows with a usable value and a positive weight.
    pub n: usize,
    /// Rows left out: missing or non-numeric value or weight, or weight ≤ 0.
    pub missing: usize,
    /// Weighted mean, `None` when n = 0.
    pub mean: Option<f64>,
    /// Weighted coefficient of variation, `None` when n = 0 or the mean is ≤ 0.
    pub cv: Option<f64>,
}

/// The enrollment column among the headers, if one is recognised.
pub fn detect_weight(table: &Table) -> Option<usize> {
    table.headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        WEIGHT_HEADERS
            .iter()
            .any(|w| h == *w || h.starts_with(&format!("{w}(")) || h.starts_with(&format!("{w}（")))
    })
}

/// A column is numeric when at least half of its non-empty cells are numbers and one is.
pub(crate) fn is_numeric(table: &Table, column: usize) -> bool {
    let (mut numbers, mut texts) = (0usize, 0usize);
    for (_, cell) in table.cells(column) {
        match parse_number(cell) {
            Number::Value(_) => numbers += 1,
            Number::Invalid => texts += 1,
            Number::Missing => {}
        }
    }
    numbers > 0 && numbers >= texts
}

/// Profiles every numeric column except the weight itself, weighted by `weight` (or by 1).
pub fn profile(table: &Table, weight: Option<usize>) -> Vec<ColumnProfile> {
    let weights: Vec<Option<f64>> = match weight {
        Some(w) => table
            .cells(w)
            .map(|(_, c)| match parse_number(c) {
                Number::Value(v) if v > 0.0 => Some(v),
                _ => None,
            })
            .collect(),
        None => vec![Some(1.0); table.rows.len()],
    };
    (0..table.headers.len())
        .filter(|&c| Some(c) != weight && is_numeric(table, c))
        .map(|column| {
            let (mut xs, mut ws) = (Vec::new(), Vec::new());
            for ((_, cell), w) in table.cells(column).zip(&weights) {
                if let (Number::Value(x), Some(w)) = (parse_number(cell), w) {
                    xs.push(x);
                    ws.push(*w);
                }
            }
            let missing = table.rows.len() - xs.len();
            let sample = Sample::new(xs, ws).ok();
            ColumnProfile {
                column,
                header: table.headers[column].clone(),
                n: sample.as_ref().map_or(0, Sample::len),
                missing,
                mean: sample.as_ref().map(measures::mean),
                cv: sample.as_ref().and_then(measures::cv),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_csv;

    #[test]
    fn weighted_cv_of_each_numeric_column() {
        let csv = "学校,在校学生数,图书册数,备注\nA,45,279,x\nB,37,137,\nC,89,935,\nD,76,160,\nE,55,402,\nF,0,100,\n";
        let table = read_csv(csv.as_bytes(), "t.csv").unwrap();
        let weight = detect_weight(&table);
        assert_eq!(weight, Some(1));
        let profiles = profile(&table, weight);
        assert_eq!(
            profiles.len(),
            1,
            "only 图书册数 is numeric besides the weight"
        );
        let books = &profiles[0];
        assert_eq!(
            (books.header.as_str(), books.n, books.missing),
            ("图书册数", 5, 1)
        );
        // Per-row raw counts weighted by pupils (not per-pupil values): checked by hand.
        let x = [279.0, 137.0, 935.0, 160.0, 402.0];
        let w = [45.0, 37.0, 89.0, 76.0, 55.0];
        let mu: f64 = x.iter().zip(&w).map(|(x, w)| x * w).sum::<f64>() / 302.0;
        let var: f64 = x
            .iter()
            .zip(&w)
            .map(|(x, w)| w * (x - mu).powi(2))
            .sum::<f64>()
            / 302.0;
        assert!((books.cv.unwrap() - var.sqrt() / mu).abs() < 1e-12);
    }
}
