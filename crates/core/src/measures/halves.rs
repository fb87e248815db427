//! Internal to McLoone and Verstegen, which mirror each other: the schools on one side of the
//! pupil-weighted median M ([`MedianRule`] says whether those at M count) and that half's
//! index, its pupil-weighted mean over M. Below both measures, so neither imports the other.

use super::sum::Sum;
use super::view::finite;

/// Which values count as "below" and "above" the median in McLoone and Verstegen
/// (docs/domain.md §4 choice 2; mcloone.rs, verstegen.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MedianRule {
    /// McLoone sums x ≤ M, Verstegen x ≥ M: the project's issue spec, the default.
    #[default]
    AtOrBelow,
    /// McLoone sums x < M, Verstegen x > M (docs/domain.md §4 "below"/"above"). With no value on
    /// the strict side, the index is 1.
    Strict,
}

/// 1 + Σ_{selected} wᵢ(xᵢ − M) / (M Σ_{selected} wᵢ); 1 when nothing is selected.
pub(crate) fn half_index(
    x: &[f64],
    w: &[f64],
    m: f64,
    selected: impl Fn(f64) -> bool,
) -> Option<f64> {
    if m <= 0.0 {
        return None;
    }
    let (mut deviation, mut weight) = (Sum::default(), Sum::default());
    for (value, wi) in x.iter().zip(w) {
        if selected(*value) {
            deviation.add(wi * (value - m));
            weight.add(*wi);
        }
    }
    if weight.value() == 0.0 {
        return Some(1.0);
    }
    finite(Some(1.0 + deviation.value() / weight.value() / m))
}
