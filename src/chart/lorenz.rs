//! Lorenz curve points from values and weights (pupils).
//!
//! # Method
//!
//! ```text
//! x₍₁₎ ≤ … ≤ x₍ₙ₎ sorted ascending, w₍ᵢ₎ their weights, W = Σ w, T = Σ w·x
//! point k = (pₖ, Lₖ) = (Σ_{i≤k} w₍ᵢ₎ / W,  Σ_{i≤k} w₍ᵢ₎x₍ᵢ₎ / T),   k = 0 … n
//! ```
//!
//! pₖ is the share of pupils in the k poorest schools, Lₖ their share of the resource. The
//! curve starts at (0, 0), ends at (1, 1), and is convex: each segment's slope is x₍ₖ₎ / μ, which
//! grows with k. Both shares are summed from the bottom with the last point set to exactly 1.
//! The Gini shown with the curve is the engine's (`junheng_core::measures::gini`), not
//! recomputed here; 1 − 2 × the area under the curve equals it (tested to 1e-12).
//!
//! A national file gives 100 000+ points, far more than the plot has pixels: [`thin`] keeps at
//! most [`MAX_POINTS`] of them for drawing.

use crate::chart::MAX_DRAWN_SCHOOLS;

/// One point of the curve, with the school that ends it.
#[derive(Clone, Debug, PartialEq)]
pub struct LorenzPoint {
    /// Cumulative share of pupils, 0 … 1.
    pub pupils: f64,
    /// Cumulative share of the resource, 0 … 1.
    pub resource: f64,
    /// Index in the input of the school whose segment ends here; `None` for (0, 0).
    pub index: Option<usize>,
}

/// The Lorenz curve of `values` weighted by `weights`: n + 1 points from (0, 0) to (1, 1).
///
/// `None` when the lengths differ, there is no value, a value is negative or not finite, a
/// weight is not positive and finite, or the total Σ w·x is not positive.
///
/// ```
/// use junheng_app::chart::lorenz::lorenz_points;
/// let points = lorenz_points(&[3.0, 1.0], &[1.0, 1.0]).unwrap();
/// let pairs: Vec<(f64, f64)> = points.iter().map(|p| (p.pupils, p.resource)).collect();
/// assert_eq!(pairs, [(0.0, 0.0), (0.5, 0.25), (1.0, 1.0)]);
/// ```
pub fn lorenz_points(values: &[f64], weights: &[f64]) -> Option<Vec<LorenzPoint>> {
    if values.is_empty() || values.len() != weights.len() {
        return None;
    }
    if values.iter().any(|x| !(x.is_finite() && *x >= 0.0))
        || weights.iter().any(|w| !(w.is_finite() && *w > 0.0))
    {
        return None;
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let weight_total: f64 = weights.iter().sum();
    let amount_total: f64 = values.iter().zip(weights).map(|(x, w)| x * w).sum();
    if !(amount_total > 0.0 && amount_total.is_finite()) {
        return None;
    }
    let mut points = Vec::with_capacity(values.len() + 1);
    points.push(LorenzPoint {
        pupils: 0.0,
        resource: 0.0,
        index: None,
    });
    let (mut pupils, mut amount) = (0.0, 0.0);
    for (k, &i) in order.iter().enumerate() {
        pupils += weights[i];
        amount += weights[i] * values[i];
        let last = k + 1 == order.len();
        points.push(LorenzPoint {
            pupils: if last { 1.0 } else { pupils / weight_total },
            resource: if last { 1.0 } else { amount / amount_total },
            index: Some(i),
        });
    }
    Some(points)
}

/// Most points a drawn curve keeps; [`thin`] reduces a longer one. The curve of
/// [`MAX_DRAWN_SCHOOLS`] schools (a county) has one more point than it has schools and is
/// drawn whole; the widest plot is 440 px square, so 501 vertices are still more than one per
/// pixel along the pupil axis.
pub const MAX_POINTS: usize = MAX_DRAWN_SCHOOLS + 1;

/// Indices of at most `max` points of `points` to draw: for each of `max` evenly spaced pupil
/// shares k / (max − 1), the first point at or after it. The first and the last point are
/// always kept; with `max` < 2 or `points.len()` ≤ `max`, every index is kept.
///
/// Why this is faithful: the kept points are vertices of the curve taken in order, so the
/// thinned curve is increasing and convex like the full one, and on or above it (a chord of a
/// convex curve lies above the curve). The points dropped between two kept ones all lie within
/// one share step 1 / (max − 1) on the pupil axis after the first of them, except where one
/// school's own segment is longer than a step, and that segment is kept exactly. The
/// vertical gap is largest at the top end, where the slope changes fastest; on 100 000
/// schools it is about 1e-6 of the axis, and 3e-5 with values spread over three orders of
/// magnitude, against 2.3e-3 for one pixel (tested).
///
/// ```
/// use junheng_app::chart::lorenz::{lorenz_points, thin};
/// let values: Vec<f64> = (1..=1000).map(f64::from).collect();
/// let points = lorenz_points(&values, &vec![1.0; 1000]).unwrap();
/// let kept = thin(&points, 11);
/// assert_eq!(kept, [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
/// ```
pub fn thin(points: &[LorenzPoint], max: usize) -> Vec<usize> {
    if points.len() <= max || max < 2 {
        return (0..points.len()).collect();
    }
    let last = points.len() - 1;
    let mut kept: Vec<usize> = Vec::with_capacity(max);
    for k in 0..max {
        let index = if k + 1 == max {
            last
        } else {
            let share = k as f64 / (max - 1) as f64;
            points.partition_point(|p| p.pupils < share).min(last)
        };
        if kept.last() != Some(&index) {
            kept.push(index);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use junheng_core::measures::{gini, Sample};

    /// The area under the curve by trapezoids, A: 1 − 2A is the Gini, which the tests hold
    /// against the engine's.
    fn area_under(points: &[LorenzPoint]) -> f64 {
        points
            .windows(2)
            .map(|pair| {
                (pair[1].pupils - pair[0].pupils) * (pair[1].resource + pair[0].resource) / 2.0
            })
            .sum()
    }

    fn pairs(values: &[f64], weights: &[f64]) -> Vec<(f64, f64)> {
        lorenz_points(values, weights)
            .unwrap()
            .iter()
            .map(|p| (p.pupils, p.resource))
            .collect()
    }

    #[test]
    fn hand_examples() {
        // 1, 2, 3, 4 unweighted: shares 1/10, 3/10, 6/10, 1; A = 0.375, Gini 0.25.
        assert_eq!(
            pairs(&[4.0, 2.0, 1.0, 3.0], &[1.0; 4]),
            [(0.0, 0.0), (0.25, 0.1), (0.5, 0.3), (0.75, 0.6), (1.0, 1.0)]
        );
        let points = lorenz_points(&[1.0, 2.0, 3.0, 4.0], &[1.0; 4]).unwrap();
        assert!((1.0 - 2.0 * area_under(&points) - 0.25).abs() < 1e-15);
        // Weights move the pupil axis: 10 pupils at 1, 30 at 2: T = 70.
        assert_eq!(
            pairs(&[2.0, 1.0], &[30.0, 10.0]),
            [(0.0, 0.0), (0.25, 1.0 / 7.0), (1.0, 1.0)]
        );
        // Indices name the input rows in sorted order.
        let indices: Vec<_> = lorenz_points(&[2.0, 1.0], &[30.0, 10.0])
            .unwrap()
            .iter()
            .map(|p| p.index)
            .collect();
        assert_eq!(indices, [None, Some(1), Some(0)]);
        // Equal values: the diagonal, Gini 0.
        let points = lorenz_points(&[5.0; 3], &[1.0, 2.0, 3.0]).unwrap();
        assert!((1.0 - 2.0 * area_under(&points)).abs() < 1e-15);
    }

    #[test]
    fn refuses_bad_input() {
        assert!(lorenz_points(&[], &[]).is_none());
        assert!(lorenz_points(&[1.0], &[1.0, 2.0]).is_none());
        assert!(lorenz_points(&[-1.0, 2.0], &[1.0, 1.0]).is_none());
        assert!(lorenz_points(&[1.0, 2.0], &[0.0, 1.0]).is_none());
        assert!(lorenz_points(&[0.0, 0.0], &[1.0, 1.0]).is_none());
        assert!(lorenz_points(&[f64::NAN], &[1.0]).is_none());
    }

    /// A deterministic spread of values and weights (a linear congruential generator).
    fn data(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let values = (0..n).map(|_| (next() * 9000.0 + 500.0).round()).collect();
        let weights = (0..n).map(|_| (next() * 2000.0 + 20.0).round()).collect();
        (values, weights)
    }

    #[test]
    fn endpoints_convexity_and_gini_match_the_engine() {
        for (n, seed) in [(1, 1), (2, 2), (7, 3), (92, 4), (500, 5)] {
            let (values, weights) = data(n, seed);
            let points = lorenz_points(&values, &weights).unwrap();
            assert_eq!(points.len(), n + 1);
            assert_eq!((points[0].pupils, points[0].resource), (0.0, 0.0));
            assert_eq!((points[n].pupils, points[n].resource), (1.0, 1.0));
            // Convex: the slopes of successive segments do not decrease, and the curve stays
            // on or below the diagonal.
            let slopes: Vec<f64> = points
                .windows(2)
                .map(|p| (p[1].resource - p[0].resource) / (p[1].pupils - p[0].pupils))
                .collect();
            assert!(slopes.windows(2).all(|s| s[1] >= s[0] - 1e-9), "n = {n}");
            assert!(points.iter().all(|p| p.resource <= p.pupils + 1e-12));
            let engine = gini(&Sample::new(values.clone(), weights.clone()).unwrap()).unwrap();
            let from_area = 1.0 - 2.0 * area_under(&points);
            assert!(
                (from_area - engine).abs() < 1e-12,
                "n = {n}: {from_area} vs {engine}"
            );
        }
    }

    /// The height of the polyline through `points` at pupil share `p` (linear interpolation).
    fn height_at(points: &[&LorenzPoint], p: f64) -> f64 {
        let after = points
            .partition_point(|q| q.pupils < p)
            .min(points.len() - 1);
        if after == 0 {
            return points[0].resource;
        }
        let (a, b) = (points[after - 1], points[after]);
        a.resource + (p - a.pupils) / (b.pupils - a.pupils) * (b.resource - a.resource)
    }

    /// Thins the curve of `values` and `weights` to `MAX_POINTS` and checks it: endpoints kept,
    /// increasing and convex, never below the full curve. Returns the largest vertical gap at
    /// any school's point.
    fn thinned_gap(values: &[f64], weights: &[f64]) -> f64 {
        let points = lorenz_points(values, weights).unwrap();
        let kept = thin(&points, MAX_POINTS);
        assert!(kept.len() <= MAX_POINTS && kept.len() > MAX_POINTS / 2);
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&(points.len() - 1)));
        assert!(kept.windows(2).all(|k| k[0] < k[1]), "in curve order");
        let drawn: Vec<&LorenzPoint> = kept.iter().map(|&i| &points[i]).collect();
        assert!(drawn
            .windows(2)
            .all(|p| p[1].pupils > p[0].pupils && p[1].resource >= p[0].resource));
        let slopes: Vec<f64> = drawn
            .windows(2)
            .map(|p| (p[1].resource - p[0].resource) / (p[1].pupils - p[0].pupils))
            .collect();
        assert!(slopes.windows(2).all(|s| s[1] >= s[0] - 1e-9), "convex");
        points
            .iter()
            .map(|p| {
                let gap = height_at(&drawn, p.pupils) - p.resource;
                assert!(gap >= -1e-12, "the chord is above the curve: {gap}");
                gap
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn thinning_keeps_the_shape_of_100_000_schools() {
        let (values, weights) = data(100_000, 7);
        let gap = thinned_gap(&values, &weights);
        // One pixel of the widest plot (440 px) is 2.3e-3; the gap is about 1e-6.
        assert!(gap < 1e-5, "{gap}");
        // A long upper tail: values spread over three orders of magnitude (x = e^(7u)).
        let skewed: Vec<f64> = values
            .iter()
            .map(|v| ((v - 500.0) / 9000.0 * 7.0).exp())
            .collect();
        let gap = thinned_gap(&skewed, &weights);
        // About 3e-5: the top end bends more, still a hundredth of a pixel.
        assert!(gap < 1e-4, "{gap}");
        // The area, hence the Gini, of the thinned curve is close to the full one but the
        // figure takes the Gini from the engine, not from it.
        let points = lorenz_points(&values, &weights).unwrap();
        let drawn: Vec<LorenzPoint> = thin(&points, MAX_POINTS)
            .into_iter()
            .map(|i| points[i].clone())
            .collect();
        assert!((area_under(&drawn) - area_under(&points)).abs() < 1e-5);
    }

    #[test]
    fn thinning_small_curves_keeps_every_point() {
        let (values, weights) = data(MAX_POINTS - 1, 8);
        let points = lorenz_points(&values, &weights).unwrap();
        assert_eq!(points.len(), MAX_POINTS);
        assert_eq!(
            thin(&points, MAX_POINTS),
            (0..MAX_POINTS).collect::<Vec<_>>()
        );
        assert_eq!(thin(&points, 1).len(), MAX_POINTS);
        // One school holding most pupils: its long segment is kept whole, and the thinned
        // curve has fewer points than asked (several shares fall inside that segment).
        let mut weights = vec![1.0; 2000];
        weights[0] = 1e6;
        let values: Vec<f64> = (0..2000).map(|i| 1.0 + i as f64).collect();
        let points = lorenz_points(&values, &weights).unwrap();
        let kept = thin(&points, MAX_POINTS);
        assert!(kept.len() < MAX_POINTS);
        assert_eq!(&kept[..2], [0, 1]);
        assert_eq!(kept.last(), Some(&2000));
    }
}
