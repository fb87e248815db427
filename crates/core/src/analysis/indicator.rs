//! Step 5, one indicator: its value and weight at every kept row, the rows left out, every
//! measure of the table of measures, and with a group column each group's figures and the
//! Theil decomposition.

use crate::expr::Op;
use crate::left_out;
use crate::measures::{self, Note, Options, Sample};
use crate::quote::quote;
use crate::report::{finite, GroupResult, IndicatorResult, Warning};
use crate::{Error, Lang};

use super::plan::{PlannedIndicator, Term};

/// Each school's value of one indicator, for the page's per-school table and charts.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorValues {
    /// The indicator's name, as in the report.
    pub name: String,
    /// Line of each school in the sample, in file order.
    pub lines: Vec<u64>,
    /// Its value xᵢ.
    pub values: Vec<f64>,
    /// Its weight wᵢ.
    pub weights: Vec<f64>,
}

/// The rows kept by the filters, read once and shared by every indicator.
pub(super) struct Rows<'a> {
    /// Line of each kept row.
    pub(super) lines: &'a [u64],
    /// Cells of each used column by column index, as read before scaling (empty for a column
    /// no indicator uses); NaN where not a number.
    pub(super) columns: &'a [Vec<f64>],
    /// Weight of each kept row; NaN or ≤ 0 where unusable.
    pub(super) weights: &'a [f64],
    /// Group index of each kept row and the group labels, with a group column.
    pub(super) groups: Option<(&'a [usize], &'a [String])>,
    pub(super) options: &'a Options,
}

/// A [`Term`] with its column's values at hand: a number, or a column's values (by kept
/// row) and the factor to its base unit.
#[derive(Clone, Copy)]
enum Resolved<'a> {
    Number(f64),
    Column(&'a [f64], f64),
}

/// One indicator: its values, exclusions, measures and decomposition, the warnings of its
/// measures, and the values themselves.
pub(super) fn analyze_one(
    planned: &PlannedIndicator,
    rows: &Rows,
) -> Result<(IndicatorResult, Vec<Warning>, IndicatorValues), Error> {
    // Each term's column found once, not once per row.
    let resolve = |term: &Term| match term {
        Term::Number(v) => Resolved::Number(*v),
        Term::Column(c) => Resolved::Column(&rows.columns[c.index], c.scale),
    };
    let value_of = |term: Resolved, row: usize| match term {
        Resolved::Number(v) => v,
        Resolved::Column(values, scale) => values[row] * scale,
    };
    let first = resolve(&planned.first);
    let rest: Vec<(Op, Resolved)> = planned
        .rest
        .iter()
        .map(|(op, term)| (*op, resolve(term)))
        .collect();
    let n_rows = rows.lines.len();
    let mut xs = Vec::with_capacity(n_rows);
    let mut ws = Vec::with_capacity(n_rows);
    let mut rows_used = Vec::with_capacity(n_rows);
    let mut missing_lines = Vec::new();
    let mut left_out = Vec::new();
    for (row, &line) in rows.lines.iter().enumerate() {
        let w = rows.weights[row];
        let mut x = value_of(first, row);
        let (mut cells_missing, mut divided_by_zero) = (x.is_nan(), false);
        for &(op, term) in &rest {
            let t = value_of(term, row);
            cells_missing |= t.is_nan();
            match op {
                Op::Mul => x *= t,
                // A zero divisor makes x NaN, so the row is left out below.
                Op::Div if t == 0.0 => {
                    x = f64::NAN;
                    divided_by_zero = true;
                }
                Op::Div => x /= t,
            }
        }
        // `w > 0` is false for NaN, so a missing weight is caught here too.
        // A negative value of a national indicator is left out (docs/domain.md §3.3: reject
        // it), so its CV sees the same schools as the standards engine.
        let negative = planned.national && x < 0.0;
        if in_sample_range(x) && !negative && w > 0.0 && in_sample_range(w) {
            xs.push(x);
            ws.push(w);
            rows_used.push(row);
        } else {
            missing_lines.push(line);
            let reason = if negative && w > 0.0 && in_sample_range(w) && in_sample_range(x) {
                Some(left_out::Reason::NegativeValue)
            } else {
                left_out::Reason::of(x, w, cells_missing, divided_by_zero)
            };
            if let Some(reason) = reason {
                left_out.push((line, reason));
            }
        }
    }
    if xs.is_empty() {
        return Err(Error::NoValues {
            indicator: planned.display_name(Lang::Zh).to_string(),
            indicator_en: planned.display_name(Lang::En).to_string(),
        });
    }

    // One sort per indicator, by (x, w) as every sorting measure wants: the whole sample's
    // measures and each group's Gini read this order; nothing is sorted again.
    // Sorted as contiguous (x, w, group) triples: no indirection in the comparisons.
    let group_of = |i: usize| rows.groups.map_or(0, |(ids, _)| ids[rows_used[i]] as u32);
    let mut triples: Vec<(f64, f64, u32)> =
        (0..xs.len()).map(|i| (xs[i], ws[i], group_of(i))).collect();
    triples.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let x_sorted: Vec<f64> = triples.iter().map(|t| t.0).collect();
    let w_sorted: Vec<f64> = triples.iter().map(|t| t.1).collect();

    let (groups, decomposition) = if let Some((group_ids, labels)) = rows.groups {
        // Group statistics in one pass over the rows (file order, as the sums always were),
        // and one pass over the sorted order for each group's sorted values.
        let mut buckets: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); labels.len()];
        for ((x, w), row) in xs.iter().zip(&ws).zip(&rows_used) {
            let bucket = &mut buckets[group_ids[*row]];
            bucket.0.push(*x);
            bucket.1.push(*w);
        }
        let mut sorted_buckets: Vec<(Vec<f64>, Vec<f64>)> = buckets
            .iter()
            .map(|(x, _)| (Vec::with_capacity(x.len()), Vec::with_capacity(x.len())))
            .collect();
        for &(x, w, group) in &triples {
            let bucket = &mut sorted_buckets[group as usize];
            bucket.0.push(x);
            bucket.1.push(w);
        }
        let (samples, ginis): (Vec<(String, Sample)>, Vec<Option<f64>>) = buckets
            .into_iter()
            .zip(sorted_buckets)
            .zip(labels)
            .filter(|(((x, _), _), _)| !x.is_empty())
            .map(|(((x, w), (sx, sw)), label)| {
                let sample = Sample::new(x, w).expect("finite values, positive weights");
                ((label.clone(), sample), measures::gini_sorted(&sx, &sw))
            })
            .unzip();
        let d = measures::decompose_with_gini(&samples, ginis);
        let groups = d
            .groups
            .iter()
            .map(|g| GroupResult {
                group: g.label.clone(),
                n: g.n,
                weight_total: finite(g.weight_total),
                mean: finite(g.mean),
                cv: g.cv.and_then(finite),
                gini: g.gini.and_then(finite),
                theil: g.theil.and_then(finite),
            })
            .collect();
        (groups, Some(d))
    } else {
        (Vec::new(), None)
    };

    let s = measures::summarize_sorted(&x_sorted, &w_sorted, rows.options);
    let indicator_values = IndicatorValues {
        name: planned.name.clone(),
        lines: rows_used.iter().map(|&row| rows.lines[row]).collect(),
        values: xs,
        weights: ws,
    };
    let notes = s
        .notes
        .iter()
        .map(|note| note_warning(*note, planned))
        .chain(left_out::warning(
            &planned.name,
            planned.display_name(Lang::Zh),
            planned.display_name(Lang::En),
            &left_out,
        ))
        .collect();
    let opt = |x: Option<f64>| x.and_then(finite);
    let indicator = IndicatorResult {
        name: planned.name.clone(),
        label_zh: planned.label_zh.map(str::to_string),
        label_en: planned.label_en.map(str::to_string),
        expr: planned.expr.clone(),
        formula: planned.formula.clone(),
        n: s.n,
        missing: missing_lines.len(),
        missing_lines,
        measures: s.values.map(|x| x.and_then(finite)),
        groups,
        theil_between: decomposition.as_ref().and_then(|d| opt(d.theil_between)),
        theil_within: decomposition.as_ref().and_then(|d| opt(d.theil_within)),
        mld_between: decomposition.as_ref().and_then(|d| opt(d.mld_between)),
        mld_within: decomposition.as_ref().and_then(|d| opt(d.mld_within)),
    };
    Ok((indicator, notes, indicator_values))
}

/// True when `v` can enter a [`Sample`]: finite, and zero or of magnitude within
/// [1/MAX_MAGNITUDE, MAX_MAGNITUDE] (NaN, ±∞ and absurd magnitudes are false).
fn in_sample_range(v: f64) -> bool {
    measures::in_range(v)
}

/// The warning for a measure note of one indicator, naming it as people know it.
fn note_warning(note: Note, planned: &PlannedIndicator) -> Warning {
    let (indicator, indicator_en) = (
        quote(planned.display_name(Lang::Zh)),
        quote(planned.display_name(Lang::En)),
    );
    let (code, zh, en) = match note {
        Note::NegativeValues => (
            "negative_values",
            format!("“{indicator}”有负值：要求非负的测度（基尼、泰尔、阿特金森、胡佛、极差率）为空（null）。请检查数据。"),
            format!("“{indicator_en}” has negative values: measures that need x ≥ 0 (Gini, Theil, Atkinson, Hoover, range ratio) are null. Check the data."),
        ),
        Note::ZeroValues => (
            "zero_values",
            format!("“{indicator}”有值为 0 的学校：泰尔 L（MLD）和阿特金森 ε ≥ 1 无定义，为空（null）。"),
            format!("“{indicator_en}” has schools with 0: Theil L (MLD) and Atkinson ε ≥ 1 are undefined (null)."),
        ),
        Note::SingleValue => (
            "single_value",
            format!("“{indicator}”只有一所学校：离散程度无意义。"),
            format!("“{indicator_en}” has a single school: dispersion is meaningless."),
        ),
        Note::NonPositiveMean => (
            "non_positive_mean",
            format!("“{indicator}”的均值不大于 0：差异系数无定义，为空（null）。"),
            format!("“{indicator_en}” has a mean ≤ 0: the CV is undefined (null)."),
        ),
    };
    Warning {
        code,
        indicator: Some(planned.name.clone()),
        line: None,
        zh,
        en,
    }
}
