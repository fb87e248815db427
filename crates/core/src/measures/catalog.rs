//! The one table of measures: every measure of a [`Summary`](super::Summary), in report order,
//! with its report key, its column header in the CLI's text tables, the digits the page shows,
//! its dimension and how it is computed.
//!
//! The summary, the report's indicators and their JSON and CSV keys, the per-indicator
//! analysis, the page's indicator table, the CLI's text tables and the tests' lists all read
//! [`MEASURES`]. Adding a measure: its module (formula, source, edge cases, tests), its
//! [`Measure`] variant and its row here.

use std::ops::Index;

use super::atkinson::atkinson_of;
use super::dispersion::cv_from_std;
use super::gini::gini_sorted;
use super::halves::MedianRule;
use super::hoover::hoover_of;
use super::mcloone::mcloone_of;
use super::percentile::federal_range_ratio_of;
use super::range::range_ratio_of;
use super::theil::{mld_of, theil_of};
use super::verstegen::verstegen_of;
use super::view::View;

/// A measure of one sample, by name: `summary[Measure::Gini]`. In report order; its row of
/// [`MEASURES`] is [`Measure::def`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// W = Σ w (pupils).
    WeightTotal,
    /// Weighted mean μ (dispersion.rs).
    Mean,
    /// Weighted population standard deviation S.
    Std,
    /// S / μ, the 差异系数.
    Cv,
    /// Smallest value.
    Min,
    /// Largest value.
    Max,
    /// max − min.
    Range,
    /// max / min (极差率).
    RangeRatio,
    /// Weighted median P50 (percentile.rs).
    Median,
    /// Weighted P5.
    P05,
    /// Weighted P95.
    P95,
    /// (P95 − P5)/P5.
    FederalRangeRatio,
    /// McLoone index under the chosen [`MedianRule`].
    McLoone,
    /// Verstegen index under the chosen [`MedianRule`].
    Verstegen,
    /// Gini coefficient, population form.
    Gini,
    /// Theil T.
    Theil,
    /// Mean log deviation (Theil L).
    Mld,
    /// Atkinson ε = 0.5.
    Atkinson05,
    /// Atkinson ε = 1.
    Atkinson1,
    /// Atkinson ε = 2.
    Atkinson2,
    /// Hoover (Robin Hood) index.
    Hoover,
}

/// What a measure is measured in (its dimension), so that tests know how it moves when the
/// data do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// The unit of the values (m² per pupil, …): multiplied by k when every value is.
    Values,
    /// The unit of the weights (pupils): unchanged when the values are multiplied.
    Weights,
    /// A pure number (CV, ratios, indices): unchanged when the values are multiplied.
    Ratio,
}

/// The CLI's two text tables (`--format text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTable {
    /// Counts, mean, spread and range.
    Dispersion,
    /// Percentiles and the equity indices.
    Equity,
}

/// One row of [`MEASURES`].
pub struct MeasureDef {
    /// The measure this row defines.
    pub measure: Measure,
    /// Its key in the report's JSON and CSV (`docs/report-schema.md`): stable, never renamed.
    pub id: &'static str,
    /// Its column header in the CLI's text table.
    pub header: &'static str,
    /// The text table that shows it; `None`: only the JSON and CSV.
    pub text_table: Option<TextTable>,
    /// Digits after the decimal point where the page shows it.
    pub decimals: u8,
    /// What it is measured in.
    pub dimension: Dimension,
    /// Its value, from the parts every measure shares.
    compute: fn(&Parts) -> Option<f64>,
}

/// What the measures of one sample are computed from, each computed once (`summary.rs`).
pub(crate) struct Parts<'a> {
    /// Values sorted by (x, w) ascending, and their weights.
    pub x: &'a [f64],
    /// Weights, in the order of `x`.
    pub w: &'a [f64],
    /// W, μ, min, max and the ratio sums.
    pub view: View<'a>,
    /// The weighted standard deviation.
    pub std: f64,
    /// Weighted median P50.
    pub median: f64,
    /// Weighted P5.
    pub p05: f64,
    /// Weighted P95.
    pub p95: f64,
    /// Which schools McLoone and Verstegen count at the median.
    pub median_rule: MedianRule,
}

/// Every measure, in report order: the order of [`Measure`]'s variants (checked at compile
/// time below), of the report's keys and of the CSV's columns.
pub const MEASURES: &[MeasureDef] = &[
    MeasureDef {
        measure: Measure::WeightTotal,
        id: "weight_total",
        header: "weight_total",
        text_table: None,
        decimals: 0,
        dimension: Dimension::Weights,
        compute: |p| Some(p.view.weight_total),
    },
    MeasureDef {
        measure: Measure::Mean,
        id: "mean",
        header: "mean",
        text_table: Some(TextTable::Dispersion),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.view.mean),
    },
    MeasureDef {
        measure: Measure::Std,
        id: "std",
        header: "std",
        text_table: Some(TextTable::Dispersion),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.std),
    },
    MeasureDef {
        measure: Measure::Cv,
        id: "cv",
        header: "cv",
        text_table: Some(TextTable::Dispersion),
        decimals: 3,
        dimension: Dimension::Ratio,
        compute: |p| cv_from_std(&p.view, p.std),
    },
    MeasureDef {
        measure: Measure::Min,
        id: "min",
        header: "min",
        text_table: Some(TextTable::Dispersion),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.view.min),
    },
    MeasureDef {
        measure: Measure::Max,
        id: "max",
        header: "max",
        text_table: Some(TextTable::Dispersion),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.view.max),
    },
    MeasureDef {
        measure: Measure::Range,
        id: "range",
        header: "range",
        text_table: Some(TextTable::Dispersion),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.view.max - p.view.min),
    },
    MeasureDef {
        measure: Measure::RangeRatio,
        id: "range_ratio",
        header: "range_ratio",
        text_table: Some(TextTable::Dispersion),
        decimals: 2,
        dimension: Dimension::Ratio,
        compute: |p| range_ratio_of(p.view.min, p.view.max),
    },
    MeasureDef {
        measure: Measure::Median,
        id: "median",
        header: "median",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.median),
    },
    MeasureDef {
        measure: Measure::P05,
        id: "p05",
        header: "p05",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.p05),
    },
    MeasureDef {
        measure: Measure::P95,
        id: "p95",
        header: "p95",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Values,
        compute: |p| Some(p.p95),
    },
    MeasureDef {
        measure: Measure::FederalRangeRatio,
        id: "federal_range_ratio",
        header: "frr",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Ratio,
        compute: |p| federal_range_ratio_of(p.p05, p.p95),
    },
    MeasureDef {
        measure: Measure::McLoone,
        id: "mcloone",
        header: "mcloone",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Ratio,
        compute: |p| mcloone_of(p.x, p.w, p.median, p.median_rule),
    },
    MeasureDef {
        measure: Measure::Verstegen,
        id: "verstegen",
        header: "verstegen",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Ratio,
        compute: |p| verstegen_of(p.x, p.w, p.median, p.median_rule),
    },
    MeasureDef {
        measure: Measure::Gini,
        id: "gini",
        header: "gini",
        text_table: Some(TextTable::Equity),
        decimals: 3,
        dimension: Dimension::Ratio,
        compute: |p| gini_sorted(p.x, p.w),
    },
    MeasureDef {
        measure: Measure::Theil,
        id: "theil",
        header: "theil",
        text_table: Some(TextTable::Equity),
        decimals: 4,
        dimension: Dimension::Ratio,
        compute: |p| theil_of(&p.view),
    },
    MeasureDef {
        measure: Measure::Mld,
        id: "mld",
        header: "mld",
        text_table: Some(TextTable::Equity),
        decimals: 4,
        dimension: Dimension::Ratio,
        compute: |p| mld_of(&p.view),
    },
    MeasureDef {
        measure: Measure::Atkinson05,
        id: "atkinson_0_5",
        header: "atk0.5",
        text_table: Some(TextTable::Equity),
        decimals: 4,
        dimension: Dimension::Ratio,
        compute: |p| atkinson_of(&p.view, 0.5),
    },
    MeasureDef {
        measure: Measure::Atkinson1,
        id: "atkinson_1",
        header: "atk1",
        text_table: Some(TextTable::Equity),
        decimals: 4,
        dimension: Dimension::Ratio,
        compute: |p| atkinson_of(&p.view, 1.0),
    },
    MeasureDef {
        measure: Measure::Atkinson2,
        id: "atkinson_2",
        header: "atk2",
        text_table: Some(TextTable::Equity),
        decimals: 4,
        dimension: Dimension::Ratio,
        compute: |p| atkinson_of(&p.view, 2.0),
    },
    MeasureDef {
        measure: Measure::Hoover,
        id: "hoover",
        header: "hoover",
        text_table: Some(TextTable::Equity),
        decimals: 4,
        dimension: Dimension::Ratio,
        compute: |p| hoover_of(&p.view),
    },
];

/// The number of measures.
pub const COUNT: usize = MEASURES.len();

// Each row sits at its measure's index, so `Measure::def` is an index, not a search.
const _: () = {
    let mut i = 0;
    while i < COUNT {
        assert!(
            MEASURES[i].measure as usize == i,
            "MEASURES is in Measure's order"
        );
        i += 1;
    }
};

impl Measure {
    /// Its row of [`MEASURES`].
    pub fn def(self) -> &'static MeasureDef {
        &MEASURES[self as usize]
    }

    /// Its key in the report (`cv`, `gini`, …).
    pub fn id(self) -> &'static str {
        self.def().id
    }

    /// Every measure, in report order.
    pub fn all() -> impl Iterator<Item = Measure> {
        MEASURES.iter().map(|def| def.measure)
    }

    /// The measure whose report key is `id`.
    pub fn from_id(id: &str) -> Option<Measure> {
        MEASURES
            .iter()
            .find(|def| def.id == id)
            .map(|def| def.measure)
    }
}

/// A value of every measure, `None` where it is undefined: `values[Measure::Cv]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureValues([Option<f64>; COUNT]);

impl MeasureValues {
    /// Every measure computed from `parts`, in report order.
    pub(crate) fn compute(parts: &Parts) -> MeasureValues {
        MeasureValues(std::array::from_fn(|i| (MEASURES[i].compute)(parts)))
    }

    /// `f` applied to every value.
    pub fn map(self, f: impl Fn(Option<f64>) -> Option<f64>) -> MeasureValues {
        MeasureValues(self.0.map(f))
    }

    /// Each measure with its value, in report order.
    pub fn iter(&self) -> impl Iterator<Item = (Measure, Option<f64>)> + '_ {
        Measure::all().zip(self.0.iter().copied())
    }

    /// The values, in report order (the order of [`MEASURES`]).
    pub fn values(&self) -> &[Option<f64>; COUNT] {
        &self.0
    }
}

impl Index<Measure> for MeasureValues {
    type Output = Option<f64>;

    fn index(&self, measure: Measure) -> &Option<f64> {
        &self.0[measure as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_headers_are_unique() {
        for (i, a) in MEASURES.iter().enumerate() {
            for b in &MEASURES[..i] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.header, b.header);
            }
            assert_eq!(Measure::from_id(a.id), Some(a.measure));
            assert_eq!(a.measure.id(), a.id);
        }
        assert_eq!(Measure::all().count(), COUNT);
    }
}
