//! Every balance measure of one sample at once, sorting once.
//!
//! `summarize` is what the page and the CLI show: each measure of the table of measures
//! (`catalog.rs`) is computed by its own module (formula, source and edge cases documented
//! there), on the rows sorted by value, so the result does not depend on row order at all, bit
//! for bit.
//! Measures that are undefined for the data are `None`, and [`Note`]s say why.
//! Complexity O(n log n): one sort, then O(n) passes.

use std::ops::Index;

use super::catalog::{Measure, MeasureValues, Parts};
use super::dispersion::std_dev_of;
use super::halves::MedianRule;
use super::percentile::percentile_sorted_of_total;
use super::view::{sorted, View};
use super::Sample;

/// Definition choices for [`summarize`].
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Options {
    /// McLoone/Verstegen treatment of the median.
    pub median_rule: MedianRule,
}

/// Why some measures are `None` or not meaningful.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// Some x < 0: Gini, Theil, MLD, Atkinson and Hoover are `None`; the range ratio too.
    NegativeValues,
    /// Some x = 0: MLD and Atkinson ε = 1, 2 are `None` (ln 0); range ratio too.
    ZeroValues,
    /// n = 1: dispersion is 0 by arithmetic but meaningless (docs/domain.md §3.3).
    SingleValue,
    /// μ ≤ 0: CV and every mean-relative measure are `None`.
    NonPositiveMean,
}

/// All measures of one sample: `summary[Measure::Gini]`. Every value is finite; undefined
/// measures are `None`, and [`Note`]s say why.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Number of rows (schools).
    pub n: usize,
    /// Every measure of [`MEASURES`](super::MEASURES).
    pub values: MeasureValues,
    /// Why measures are missing or meaningless, in the order of [`Note`]'s variants.
    pub notes: Vec<Note>,
}

impl Index<Measure> for Summary {
    type Output = Option<f64>;

    fn index(&self, measure: Measure) -> &Option<f64> {
        &self.values[measure]
    }
}

/// Computes every measure of `sample`. O(n log n).
///
/// ```
/// use junheng_core::measures::{summarize, Measure, Options, Sample};
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// let summary = summarize(&s, &Options::default());
/// assert_eq!(summary[Measure::Mean], Some(2.5));
/// assert_eq!(summary[Measure::Gini], Some(0.25));
/// assert_eq!(summary[Measure::Median], Some(2.0));
/// assert!(summary.notes.is_empty());
/// ```
pub fn summarize(sample: &Sample, options: &Options) -> Summary {
    let (x, w) = sorted(sample);
    summarize_sorted(&x, &w, options)
}

/// [`summarize`] of values already sorted by (x, w) ascending (as `view::sorted` sorts), with
/// their weights: for a caller that sorted once and needs the order for more (the groups' Gini
/// in `analysis`). Complexity O(n): no sort, one pass per measure.
pub(crate) fn summarize_sorted(x: &[f64], w: &[f64], options: &Options) -> Summary {
    let view = View::new(x, w);
    // W, σ and the ratio sums (`View::ratio_sums`) are each computed once for every measure.
    let percentile = |q| percentile_sorted_of_total(x, w, view.weight_total, q);
    let mut notes = Vec::new();
    if view.has_negative {
        notes.push(Note::NegativeValues);
    }
    if view.has_zero {
        notes.push(Note::ZeroValues);
    }
    if view.len() == 1 {
        notes.push(Note::SingleValue);
    }
    if view.mean <= 0.0 {
        notes.push(Note::NonPositiveMean);
    }
    let parts = Parts {
        x,
        w,
        std: std_dev_of(&view),
        median: percentile(0.5),
        p05: percentile(0.05),
        p95: percentile(0.95),
        median_rule: options.median_rule,
        view,
    };
    Summary {
        n: parts.view.len(),
        values: MeasureValues::compute(&parts),
        notes,
    }
}
