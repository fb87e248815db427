//! Theil T (GE(1)), mean log deviation L (Theil L, GE(0)), and their decomposition into
//! groups (城区/镇区/乡村, townships).
//!
//! # Formula
//!
//! ```text
//! T = Σ pᵢ (xᵢ/μ) ln(xᵢ/μ)            with 0·ln 0 = 0
//! L = Σ pᵢ ln(μ/xᵢ)
//!
//! T = T_between + T_within,  T_between = Σ_g s_g ln(μ_g/μ),  T_within = Σ_g s_g T_g
//! L = L_between + L_within,  L_between = Σ_g P_g ln(μ/μ_g),  L_within = Σ_g P_g L_g
//! ```
//!
//! pᵢ = wᵢ/W (pupil share), μ = weighted mean; for group g: P_g = W_g/W its pupil share,
//! μ_g its mean, s_g = W_g μ_g/(W μ) its resource share, T_g and L_g its own indices. In
//! docs/domain.md §4's notation (resource share W_g there): Σ s_g ln(s_g/P_g) and Σ P_g ln(P_g/s_g)
//! are the same between terms. Range: 0 = equal; T ≤ ln(W/wₘᵢₙ), L unbounded.
//! Sources: Theil (1967); Conceição & Ferreira (2000), UTIP WP 14; Cowell (2011); docs/domain.md §4.
//!
//! Numerics: written in rᵢ = xᵢ/μ = 1 + dᵢ, with δ = Σ pᵢdᵢ (the rounding of μ, ≈ 0):
//!
//! ```text
//! h(d) = (1 + d) ln(1 + d) − d ≥ 0,   T = ( Σ pᵢ h(dᵢ) − h(δ) ) / (1 + δ)
//! g(d) = d − ln(1 + d) ≥ 0,           L =   Σ pᵢ g(dᵢ) − g(δ)
//! (evaluated as r ln r − d and d − ln r with r = x/μ computed directly, away from d = 0)
//! ```
//!
//! (exact identities, since Σ pᵢdᵢ = δ). Every summed term is ≥ 0, and h, g use their Taylor
//! series for |d| ≤ 1/8, so nearly equal data give accurate small indices instead of the
//! difference of two nearly equal sums. The between terms are computed the same way, as T and
//! L of the group means weighted by group pupils.
//!
//! Edge cases: T is `None` when any x < 0 or μ ≤ 0; L also when any x = 0 (ln 0; docs/domain.md
//! §3.3 "n/a (zero values)"). In a decomposition a group whose values are all 0 has no T of
//! its own but contributes 0 to both T terms (s_g = 0). Complexity O(n).

use super::dispersion::cv_of;
use super::gini::gini;
use super::sum::Sum;
use super::terms::{mld_term, theil_term};
use super::view::{finite, View};
use super::Sample;

/// Theil T index (GE(1)), pupil-weighted.
///
/// ```
/// use junheng_core::measures::{theil, Sample};
/// // 1 and 3: μ = 2, T = ½(½ ln ½ + 3/2 ln 3/2) = ¾ ln 3 − ln 2.
/// let s = Sample::unweighted(vec![1.0, 3.0]).unwrap();
/// assert!((theil(&s).unwrap() - (0.75 * 3f64.ln() - 2f64.ln())).abs() < 1e-15);
/// ```
pub fn theil(sample: &Sample) -> Option<f64> {
    theil_of(&View::of(sample))
}

/// Mean log deviation L (Theil L, GE(0)), pupil-weighted. `None` when any x = 0.
///
/// ```
/// use junheng_core::measures::{mld, Sample};
/// // 1 and 4: μ = 2.5, geometric mean 2, L = ln(2.5/2).
/// let s = Sample::unweighted(vec![1.0, 4.0]).unwrap();
/// assert!((mld(&s).unwrap() - 1.25f64.ln()).abs() < 1e-15);
/// ```
pub fn mld(sample: &Sample) -> Option<f64> {
    mld_of(&View::of(sample))
}

/// Statistics of one group in a [`Decomposition`].
#[derive(Clone, Debug, PartialEq)]
pub struct GroupStats {
    /// The group's label as given (城区, a township, …).
    pub label: String,
    /// Number of schools.
    pub n: usize,
    /// W_g = Σ w over the group (pupils).
    pub weight_total: f64,
    /// μ_g, the group's weighted mean.
    pub mean: f64,
    /// The group's CV (dispersion.rs); `None` when μ_g ≤ 0.
    pub cv: Option<f64>,
    /// The group's Gini (gini.rs).
    pub gini: Option<f64>,
    /// The group's Theil T.
    pub theil: Option<f64>,
}

/// Between/within decomposition of Theil T and L over groups (see the module formula).
#[derive(Clone, Debug, PartialEq)]
pub struct Decomposition {
    /// One entry per input group, in input order.
    pub groups: Vec<GroupStats>,
    /// Σ_g s_g ln(μ_g/μ): inequality between group means (组间).
    pub theil_between: Option<f64>,
    /// Σ_g s_g T_g: inequality inside groups (组内).
    pub theil_within: Option<f64>,
    /// Σ_g P_g ln(μ/μ_g).
    pub mld_between: Option<f64>,
    /// Σ_g P_g L_g.
    pub mld_within: Option<f64>,
}

/// Decomposes Theil T and L of the pooled groups into between and within parts.
///
/// theil_between + theil_within equals [`theil`] of all rows pooled (likewise for L), up to
/// rounding. All four parts are `None` when the pooled index is; with no group at all, too.
/// Complexity O(n log n) (each group's Gini sorts).
///
/// ```
/// use junheng_core::measures::{decompose, theil, Sample};
/// // Two groups, each internally equal: everything is between groups.
/// let a = Sample::unweighted(vec![1.0, 1.0]).unwrap();
/// let b = Sample::unweighted(vec![3.0, 3.0]).unwrap();
/// let d = decompose(&[("a".to_string(), a), ("b".to_string(), b)]);
/// let pooled = theil(&Sample::unweighted(vec![1.0, 1.0, 3.0, 3.0]).unwrap()).unwrap();
/// assert_eq!(d.theil_within, Some(0.0));
/// assert!((d.theil_between.unwrap() - pooled).abs() < 1e-15);
/// ```
pub fn decompose(groups: &[(String, Sample)]) -> Decomposition {
    let ginis: Vec<Option<f64>> = groups.iter().map(|(_, sample)| gini(sample)).collect();
    decompose_with_gini(groups, ginis)
}

/// [`decompose`] with each group's Gini already computed (by the caller, from values it has
/// sorted once for the whole indicator: see `analysis::analyze_one`), so no group is sorted
/// again. `ginis[g]` belongs to `groups[g]`. Complexity O(n): one pass per group for its
/// view, T and L (each computed once), then O(k) for the k groups.
pub fn decompose_with_gini(groups: &[(String, Sample)], ginis: Vec<Option<f64>>) -> Decomposition {
    let views: Vec<View> = groups.iter().map(|(_, sample)| View::of(sample)).collect();
    let theils: Vec<Option<f64>> = views.iter().map(theil_of).collect();
    let stats = groups
        .iter()
        .zip(&views)
        .zip(ginis)
        .zip(&theils)
        .map(|((((label, sample), view), gini), theil)| GroupStats {
            label: label.clone(),
            n: sample.len(),
            weight_total: view.weight_total,
            mean: view.mean,
            cv: cv_of(view),
            gini,
            theil: *theil,
        })
        .collect();
    let mut decomposition = Decomposition {
        groups: stats,
        theil_between: None,
        theil_within: None,
        mld_between: None,
        mld_within: None,
    };
    if groups.is_empty() {
        return decomposition;
    }
    // The groups' means weighted by their pupils: a sample whose mean is the pooled μ.
    let means: Vec<f64> = views.iter().map(|v| v.mean).collect();
    let weights: Vec<f64> = views.iter().map(|v| v.weight_total).collect();
    let between = View::new(&means, &weights);
    let any_negative = views.iter().any(|v| v.has_negative);
    let any_zero = views.iter().any(|v| v.has_zero);
    let (mu, weight_total) = (between.mean, between.weight_total);
    if any_negative || mu <= 0.0 {
        return decomposition;
    }
    let mut theil_within = Sum::default();
    for (view, theil) in views.iter().zip(&theils) {
        let resource_share = view.weight_total / weight_total * (view.mean / mu);
        if resource_share > 0.0 {
            match theil {
                Some(t) => theil_within.add(resource_share * t),
                None => return decomposition,
            }
        }
    }
    decomposition.theil_between = theil_of(&between);
    decomposition.theil_within = finite(Some(theil_within.value()));
    if any_zero {
        return decomposition;
    }
    let mut mld_within = Sum::default();
    for view in &views {
        match mld_of(view) {
            Some(l) => mld_within.add(view.weight_total / weight_total * l),
            None => return decomposition,
        }
    }
    decomposition.mld_between = mld_of(&between);
    decomposition.mld_within = finite(Some(mld_within.value()));
    decomposition
}

pub(crate) fn theil_of(view: &View) -> Option<f64> {
    if view.has_negative || view.mean <= 0.0 {
        return None;
    }
    let sums = view.ratio_sums();
    let (delta, h) = (sums.delta, sums.theil);
    let t = (h - theil_term(1.0 + delta, delta)) / (1.0 + delta);
    finite(Some(t.max(0.0)))
}

pub(crate) fn mld_of(view: &View) -> Option<f64> {
    if view.has_negative || view.has_zero || view.mean <= 0.0 {
        return None;
    }
    let sums = view.ratio_sums();
    let (delta, g) = (sums.delta, sums.mld);
    finite(Some((g - mld_term(1.0 + delta, delta)).max(0.0)))
}
