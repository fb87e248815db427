//! Minimum, maximum, range and range ratio (极差率).
//!
//! # Formula
//!
//! ```text
//! range       = max xᵢ − min xᵢ
//! range ratio = max xᵢ / min xᵢ          (极差率)
//! ```
//!
//! Weights play no part: only two schools matter, whatever their size. Source: Berne &
//! Stiefel; Picus, "Understanding Equity Statistics" (docs/domain.md §4). No benchmark.
//! Edge cases: the range ratio is `None` when min ≤ 0. Complexity O(n).

use super::view::{finite, View};
use super::Sample;

/// Smallest value. O(n).
///
/// ```
/// use junheng_core::measures::{min, Sample};
/// assert_eq!(min(&Sample::unweighted(vec![3.0, 1.0, 2.0]).unwrap()), 1.0);
/// ```
pub fn min(sample: &Sample) -> f64 {
    View::of(sample).min
}

/// Largest value. O(n).
///
/// ```
/// use junheng_core::measures::{max, Sample};
/// assert_eq!(max(&Sample::unweighted(vec![3.0, 1.0, 2.0]).unwrap()), 3.0);
/// ```
pub fn max(sample: &Sample) -> f64 {
    View::of(sample).max
}

/// Range max − min. O(n).
///
/// ```
/// use junheng_core::measures::{range, Sample};
/// assert_eq!(range(&Sample::unweighted(vec![3.0, 1.0, 2.0]).unwrap()), 2.0);
/// ```
pub fn range(sample: &Sample) -> f64 {
    let view = View::of(sample);
    view.max - view.min
}

/// Range ratio max / min (极差率); `None` when min ≤ 0. O(n).
///
/// ```
/// use junheng_core::measures::{range_ratio, Sample};
/// assert_eq!(range_ratio(&Sample::unweighted(vec![3.0, 1.5, 2.0]).unwrap()), Some(2.0));
/// assert_eq!(range_ratio(&Sample::unweighted(vec![3.0, 0.0]).unwrap()), None);
/// ```
pub fn range_ratio(sample: &Sample) -> Option<f64> {
    let view = View::of(sample);
    range_ratio_of(view.min, view.max)
}

pub(crate) fn range_ratio_of(min: f64, max: f64) -> Option<f64> {
    if min <= 0.0 {
        return None;
    }
    finite(Some(max / min))
}
