//! Every balance measure of one sample at once, sorting once.
//!
//! `summarize` is what the page and the CLI show: each field is computed by the function of
//! the same name in its own module (formula, source and edge cases documented there), on the
//! rows sorted by value, so the result does not depend on row order at all, bit for bit.
//! Measures that are undefined for the data are `None`, and [`Note`]s say why.
//! Complexity O(n log n): one sort, then O(n) passes.

use super::atkinson::atkinson_of;
use super::dispersion::{cv_from_std, std_dev_of};
use super::gini::gini_sorted;
use super::halves::MedianRule;
use super::hoover::hoover_of;
use super::mcloone::mcloone_of;
use super::percentile::{federal_range_ratio_of, percentile_sorted_of_total};
use super::range::range_ratio_of;
use super::theil::{mld_of, theil_of};
use super::verstegen::verstegen_of;
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
    /// n = 1: dispersion is 0 by arithmetic but meaningless (DOMAIN.md §3.3).
    SingleValue,
    /// μ ≤ 0: CV and every mean-relative measure are `None`.
    NonPositiveMean,
}

/// All measures of one sample. Every `f64` is finite; undefined measures are `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Number of rows (schools).
    pub n: usize,
    /// W = Σ w (pupils).
    pub weight_total: f64,
    /// Weighted mean μ (dispersion.rs).
    pub mean: f64,
    /// Weighted population standard deviation S.
    pub std: f64,
    /// S / μ, the 差异系数.
    pub cv: Option<f64>,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// max − min.
    pub range: f64,
    /// max / min (极差率).
    pub range_ratio: Option<f64>,
    /// Weighted median P50 (percentile.rs).
    pub median: f64,
    /// Weighted P5.
    pub p05: f64,
    /// Weighted P95.
    pub p95: f64,
    /// (P95 − P5)/P5.
    pub federal_range_ratio: Option<f64>,
    /// McLoone index under `Options::median_rule`.
    pub mcloone: Option<f64>,
    /// Verstegen index under `Options::median_rule`.
    pub verstegen: Option<f64>,
    /// Gini coefficient, population form.
    pub gini: Option<f64>,
    /// Theil T.
    pub theil: Option<f64>,
    /// Mean log deviation (Theil L).
    pub mld: Option<f64>,
    /// Atkinson ε = 0.5.
    pub atkinson_0_5: Option<f64>,
    /// Atkinson ε = 1.
    pub atkinson_1: Option<f64>,
    /// Atkinson ε = 2.
    pub atkinson_2: Option<f64>,
    /// Hoover (Robin Hood) index.
    pub hoover: Option<f64>,
    /// Why measures are missing or meaningless, in the order of [`Note`]'s variants.
    pub notes: Vec<Note>,
}

/// Computes every measure of `sample`. O(n log n).
///
/// ```
/// use junheng_core::measures::{summarize, Options, Sample};
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// let summary = summarize(&s, &Options::default());
/// assert_eq!(summary.mean, 2.5);
/// assert_eq!(summary.gini, Some(0.25));
/// assert_eq!(summary.median, 2.0);
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
    let (median, p05, p95) = (percentile(0.5), percentile(0.05), percentile(0.95));
    let std = std_dev_of(&view);
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
    Summary {
        n: view.len(),
        weight_total: view.weight_total,
        mean: view.mean,
        std,
        cv: cv_from_std(&view, std),
        min: view.min,
        max: view.max,
        range: view.max - view.min,
        range_ratio: range_ratio_of(view.min, view.max),
        median,
        p05,
        p95,
        federal_range_ratio: federal_range_ratio_of(p05, p95),
        mcloone: mcloone_of(x, w, median, options.median_rule),
        verstegen: verstegen_of(x, w, median, options.median_rule),
        gini: gini_sorted(x, w),
        theil: theil_of(&view),
        mld: mld_of(&view),
        atkinson_0_5: atkinson_of(&view, 0.5),
        atkinson_1: atkinson_of(&view, 1.0),
        atkinson_2: atkinson_of(&view, 2.0),
        hoover: hoover_of(&view),
        notes,
    }
}
