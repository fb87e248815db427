//! Hoover (Robin Hood) index: the share of resources that would have to move for every pupil
//! to get the same amount.
//!
//! # Formula
//!
//! ```text
//! H = ½ Σ | wᵢxᵢ/Σwx − wᵢ/W |          (resource share − pupil share)
//!   = ½ Σ pᵢ |xᵢ − μ| / μ               (the form computed; pᵢ = wᵢ/W)
//! ```
//!
//! Range [0, 1 − wₘᵢₙ/W]; 0 = equal. Source: Hoover (1936); Cowell, *Measuring Inequality*;
//! docs/domain.md §4. Edge cases: `None` when any x < 0 or μ ≤ 0. Complexity O(n).

use super::view::{finite, View};
use super::Sample;

/// Hoover index H.
///
/// ```
/// use junheng_core::measures::{hoover, Sample};
/// // 1, 3: shares of resources 1/4, 3/4 against 1/2, 1/2: H = ½(1/4 + 1/4) = 0.25.
/// let s = Sample::unweighted(vec![1.0, 3.0]).unwrap();
/// assert_eq!(hoover(&s), Some(0.25));
/// ```
pub fn hoover(sample: &Sample) -> Option<f64> {
    hoover_of(&View::of(sample))
}

pub(crate) fn hoover_of(view: &View) -> Option<f64> {
    if view.has_negative || view.mean <= 0.0 {
        return None;
    }
    let h = view.ratio_sums().abs_deviation / 2.0;
    finite(Some(h.clamp(0.0, 1.0)))
}
