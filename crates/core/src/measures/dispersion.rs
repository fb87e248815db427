//! Mean, standard deviation and coefficient of variation (差异系数).

use super::sum::sum;
use super::Sample;

/// Weighted mean μ = Σ wᵢxᵢ / Σ wᵢ.
///
/// With pupil weights and xᵢ = Rᵢ/Pᵢ this is total resource over total pupils, the county mean
/// of the national formula (DOMAIN.md §3.2). Complexity O(n).
pub fn mean(sample: &Sample) -> f64 {
    let w = sum(sample.weights().iter().copied());
    let wx = sum(sample
        .values()
        .iter()
        .zip(sample.weights())
        .map(|(x, w)| x * w));
    wx / w
}

/// Population standard deviation S = sqrt(Σ wᵢ(xᵢ − μ)² / Σ wᵢ), two passes.
///
/// The population form (divisor W, not W − 1) is the one of the national 差异系数 formula
/// (教督〔2012〕3号 annex; DOMAIN.md §3.2). Complexity O(n).
pub fn std_dev(sample: &Sample) -> f64 {
    let mu = mean(sample);
    let w = sum(sample.weights().iter().copied());
    let ss = sum(sample
        .values()
        .iter()
        .zip(sample.weights())
        .map(|(x, w)| w * (x - mu) * (x - mu)));
    (ss / w).sqrt()
}

/// Coefficient of variation CV = S / μ, the national 差异系数 when weighted by pupils.
///
/// `None` when μ ≤ 0 (undefined). Source: 教督〔2012〕3号 annex, DOMAIN.md §3.2; the official
/// worked example (books per pupil, 5 schools) gives 0.5153. Complexity O(n).
pub fn cv(sample: &Sample) -> Option<f64> {
    let mu = mean(sample);
    (mu > 0.0).then(|| std_dev(sample) / mu)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_worked_example() {
        // DOMAIN.md §3.5: pupils 45, 37, 89, 76, 55; books 279, 137, 935, 160, 402.
        let pupils = [45.0, 37.0, 89.0, 76.0, 55.0];
        let books = [279.0, 137.0, 935.0, 160.0, 402.0];
        let x: Vec<f64> = books.iter().zip(&pupils).map(|(b, p)| b / p).collect();
        let s = Sample::new(x, pupils.to_vec()).unwrap();
        assert!((mean(&s) - 1913.0 / 302.0).abs() < 1e-12);
        assert!((std_dev(&s) - 3.2639).abs() < 5e-5);
        assert!((cv(&s).unwrap() - 0.5153).abs() < 5e-5);
    }

    #[test]
    fn unweighted_one_to_four() {
        let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((cv(&s).unwrap() - 1.0 / 5f64.sqrt()).abs() < 1e-15);
    }
}
