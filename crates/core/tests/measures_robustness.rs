//! Numerical robustness: extreme magnitudes, large offsets (NIST StRD NumAcc), nearly equal
//! values, orderings that defeat naive summation, many equal values, permutation stability.

use junheng_core::measures::prec::{close, STABLE_REL};
use junheng_core::measures::{
    atkinson, cv, cv_without_each, gini, hoover, mean, mld, std_dev, std_dev_unweighted_sample,
    summarize, theil, variance_shares, Measure, Options, Sample,
};

fn rel(name: &str, actual: Option<f64>, expected: f64, tolerance: f64) {
    let actual = actual.unwrap_or_else(|| panic!("{name}: None"));
    assert!(
        close(actual, expected, tolerance, 0.0),
        "{name}: {actual} vs {expected}"
    );
}

#[test]
fn magnitudes_from_1e_minus_9_to_1e12() {
    for scale in [1e-9, 1e-3, 1.0, 1e6, 1e12] {
        let s = Sample::unweighted(vec![scale, 2.0 * scale, 3.0 * scale, 4.0 * scale]).unwrap();
        let m = summarize(&s, &Options::default());
        rel("gini", m[Measure::Gini], 0.25, 1e-15);
        rel("cv", m[Measure::Cv], 1.0 / 5f64.sqrt(), 1e-15);
        // ¼ Σ r ln r over r = 0.4, 0.8, 1.2, 1.6 (Python, double precision).
        rel("theil", m[Measure::Theil], 0.10644013528622318, 1e-14);
        rel("mean", m[Measure::Mean], 2.5 * scale, 1e-15);
        rel("hoover", m[Measure::Hoover], 0.2, 1e-15);
    }
    // Both ends in one sample: schools with 1e-9 and 1e12 per pupil.
    let s = Sample::new(vec![1e-9, 1e12], vec![1.0, 1.0]).unwrap();
    let m = summarize(&s, &Options::default());
    rel(
        "gini",
        m[Measure::Gini],
        0.5 * (1e12 - 1e-9) / (1e12 + 1e-9),
        1e-15,
    );
    rel("range ratio", m[Measure::RangeRatio], 1e21, 1e-15);
    // MLD = ln(μ / geometric mean) = ln((1e12 + 1e-9)/2 / sqrt(1e3)).
    rel(
        "mld",
        m[Measure::Mld],
        ((1e12 + 1e-9) / 2.0 / 1e3f64.sqrt()).ln(),
        1e-14,
    );
}

#[test]
fn nist_numacc_large_offsets() {
    // NIST StRD NumAcc3 and NumAcc4: 1000000.2 (resp. 10000000.2), then 500 pairs of
    // …0.1 and …0.3; certified mean …0.2, certified sample SD 0.1. A one-pass Σx² − (Σx)²/n
    // loses every digit here. The data are decimal, so the binary values already differ from
    // them by up to 1e-10 (NumAcc3) and 1e-9 (NumAcc4); tolerances allow for that.
    for (offset, tolerance) in [(1_000_000.0, 1e-9), (10_000_000.0, 1e-8)] {
        let mut x = vec![offset + 0.2];
        for _ in 0..500 {
            x.push(offset + 0.1);
            x.push(offset + 0.3);
        }
        let s = Sample::unweighted(x).unwrap();
        rel("mean", Some(mean(&s)), offset + 0.2, 1e-15);
        rel("sample SD", std_dev_unweighted_sample(&s), 0.1, tolerance);
        rel(
            "population SD",
            Some(std_dev(&s)),
            0.1 * (1000.0f64 / 1001.0).sqrt(),
            tolerance,
        );
    }
}

#[test]
fn nearly_equal_values_keep_their_small_indices() {
    // x = c(1 − e), c(1 + e) with c = 1e12, e = 1e-6, both exact in binary. Closed forms:
    // CV = e, Gini = Hoover = e/2, T = Σ_k e^(2k)/(2k(2k − 1)), L = −½ ln(1 − e²),
    // A(0.5) = (1 − √(1 − e²))/2, A(1) = 1 − √(1 − e²), A(2) = e².
    // A naive Σ r ln r loses about 4 of 16 digits here (terms ±1e-6, result 5e-13).
    let e: f64 = 1e-6;
    let s = Sample::unweighted(vec![1e12 - 1e6, 1e12 + 1e6]).unwrap();
    let m = summarize(&s, &Options::default());
    let root = (-e * e).ln_1p() / 2.0; // ln √(1 − e²)
    rel("cv", m[Measure::Cv], e, 1e-12);
    rel("gini", m[Measure::Gini], e / 2.0, 1e-12);
    rel("hoover", m[Measure::Hoover], e / 2.0, 1e-12);
    rel(
        "theil",
        m[Measure::Theil],
        e * e / 2.0 + e.powi(4) / 12.0,
        1e-9,
    );
    rel("mld", m[Measure::Mld], -root, 1e-9);
    rel(
        "atkinson 0.5",
        m[Measure::Atkinson05],
        -root.exp_m1() / 2.0,
        1e-9,
    );
    rel("atkinson 1", m[Measure::Atkinson1], -root.exp_m1(), 1e-9);
    rel("atkinson 2", m[Measure::Atkinson2], e * e, 1e-9);
}

#[test]
fn orderings_that_defeat_naive_summation() {
    // Left to right, 1e16 + 1 = 1e16: a naive sum loses every 1 and then cancels to 0.
    let mut x = vec![1e16];
    x.extend(std::iter::repeat_n(1.0, 1000));
    x.push(-1e16);
    let s = Sample::unweighted(x).unwrap();
    rel("mean", Some(mean(&s)), 1000.0 / 1002.0, 1e-15);
    let s = Sample::unweighted(vec![1.0, 1e100, 1.0, -1e100]).unwrap();
    rel("mean", Some(mean(&s)), 0.5, 1e-15);
    // One big school then many small ones, and the reverse: same mean and CV.
    let mut x = vec![1e9];
    x.extend((0..100_000).map(|i| 1.0 + f64::from(i % 7) * 1e-3));
    let w: Vec<f64> = std::iter::once(1e6)
        .chain(std::iter::repeat_n(1.0, 100_000))
        .collect();
    let forward = Sample::new(x.clone(), w.clone()).unwrap();
    let (mut xr, mut wr) = (x, w);
    xr.reverse();
    wr.reverse();
    let backward = Sample::new(xr, wr).unwrap();
    rel("mean", Some(mean(&forward)), mean(&backward), STABLE_REL);
    rel("cv", cv(&forward), cv(&backward).unwrap(), STABLE_REL);
    rel(
        "theil",
        theil(&forward),
        theil(&backward).unwrap(),
        STABLE_REL,
    );
}

#[test]
fn stable_under_adversarial_permutations() {
    // Skewed values over 8 decades, 20 000 rows: ascending, descending and interleaved orders.
    let n = 20_000;
    let rows: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = f64::from(i) / f64::from(n);
            (10f64.powf(8.0 * t - 2.0), 1.0 + f64::from(i % 97))
        })
        .collect();
    let ascending = rows.clone();
    let descending: Vec<_> = rows.iter().rev().copied().collect();
    let interleaved: Vec<_> = (0..n as usize / 2)
        .flat_map(|i| [rows[i], rows[n as usize - 1 - i]])
        .collect();
    let measures = |rows: &[(f64, f64)]| {
        let (x, w): (Vec<f64>, Vec<f64>) = rows.iter().copied().unzip();
        let s = Sample::new(x, w).unwrap();
        [
            Some(mean(&s)),
            cv(&s),
            gini(&s),
            theil(&s),
            mld(&s),
            hoover(&s),
            atkinson(&s, 0.5),
            atkinson(&s, 1.0),
            atkinson(&s, 2.0),
        ]
    };
    let reference = measures(&ascending);
    for other in [measures(&descending), measures(&interleaved)] {
        for (a, b) in reference.iter().zip(&other) {
            rel("permuted", *a, b.unwrap(), STABLE_REL);
        }
    }
}

#[test]
fn many_equal_values_and_one_other() {
    // n − 1 schools at 1 and one at 2, unweighted: μ = (n + 1)/n, one gap crossed by
    // (n − 1)·1 pairs, so G = (n − 1)/(n(n + 1)); CV = √(n − 1)/(n + 1).
    let n = 100_000usize;
    let mut x = vec![1.0; n - 1];
    x.push(2.0);
    let s = Sample::unweighted(x).unwrap();
    let nf = n as f64;
    let m = summarize(&s, &Options::default());
    rel(
        "gini",
        m[Measure::Gini],
        (nf - 1.0) / (nf * (nf + 1.0)),
        1e-12,
    );
    rel("cv", m[Measure::Cv], (nf - 1.0).sqrt() / (nf + 1.0), 1e-12);
    assert_eq!(
        (
            m[Measure::Median].unwrap(),
            m[Measure::P05].unwrap(),
            m[Measure::P95].unwrap()
        ),
        (1.0, 1.0, 1.0)
    );
    assert_eq!(m[Measure::McLoone], Some(1.0));
    // Verstegen ≥: all rows are at or above the median 1: mean (n + 1)/n over 1.
    rel("verstegen", m[Measure::Verstegen], (nf + 1.0) / nf, 1e-12);
    // Without the 2, the rest are all equal.
    let loo = cv_without_each(&s);
    assert_eq!(loo[n - 1], Some(0.0));
    let shares = variance_shares(&s).unwrap();
    rel("share of the 2", Some(shares[n - 1]), 1.0 - 1.0 / nf, 1e-12);
}

#[test]
fn leave_one_out_when_one_school_holds_the_variance() {
    // Subtracting the outlier from running sums would cancel catastrophically: Σ(x − μ)² is
    // ~1e18 with the outlier, ~1e-8 without it.
    let mut x: Vec<f64> = (0..1000).map(|i| 1.0 + 1e-6 * f64::from(i % 10)).collect();
    x.push(1e9);
    let s = Sample::unweighted(x.clone()).unwrap();
    let loo = cv_without_each(&s);
    let rest = Sample::unweighted(x[..1000].to_vec()).unwrap();
    rel("cv without outlier", loo[1000], cv(&rest).unwrap(), 1e-9);
    for i in [0, 7, 999] {
        let mut without = x.clone();
        without.remove(i);
        let expected = cv(&Sample::unweighted(without).unwrap()).unwrap();
        rel("cv without a small school", loo[i], expected, 1e-12);
    }
}
