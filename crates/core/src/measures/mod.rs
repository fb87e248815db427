//! Balance measures over a [`Sample`]. One module per measure or family; each module's doc
//! gives the formula (symbols explained), its source, edge cases and complexity.
//!
//! [`MEASURES`] is the one table of them (report key, text header, page digits, dimension);
//! [`summarize`] computes all of them at once; [`decompose`] splits Theil T and L into
//! between- and within-group parts; [`variance_shares`] and [`cv_without_each`] show which
//! schools drive the CV. Tolerances live in [`prec`].
//!
//! Conventions: weights are pupils (or 1 each); every measure is the population form unless
//! its name says otherwise (`*_unweighted_sample`, `gini_small_sample`); a measure that is
//! undefined for the data returns `None`, never NaN or infinity.

pub mod atkinson;
pub mod catalog;
pub mod dispersion;
pub mod drivers;
pub mod gini;
mod halves;
pub mod hoover;
mod math;
pub mod mcloone;
pub mod percentile;
pub mod prec;
pub mod range;
pub mod sample;
pub mod sum;
pub mod summary;
mod terms;
pub mod theil;
pub mod verstegen;
mod view;

pub use atkinson::atkinson;
pub use catalog::{Dimension, Measure, MeasureDef, MeasureValues, TextTable, MEASURES};
pub use dispersion::{cv, cv_unweighted_sample, mean, std_dev, std_dev_unweighted_sample};
pub use drivers::{cv_without_each, variance_shares};
pub(crate) use gini::gini_sorted;
pub use gini::{gini, gini_small_sample};
pub use halves::MedianRule;
pub use hoover::hoover;
pub use mcloone::mcloone;
pub use percentile::{federal_range_ratio, median, percentile};
pub use range::{max, min, range, range_ratio};
pub use sample::{in_range, Sample, SampleError, MAX_MAGNITUDE};
pub(crate) use summary::summarize_sorted;
pub use summary::{summarize, Note, Options, Summary};
pub use theil::{decompose, decompose_with_gini, mld, theil, Decomposition, GroupStats};
pub use verstegen::verstegen;
