//! Every measure against its O(n²) or textbook definition on seeded random data.

use junheng_core::measures::prec::{close, ABS_FLOOR, NAIVE_REL};
use junheng_core::measures::{
    cv_without_each, decompose, mld, summarize, theil, variance_shares, Measure, MedianRule,
    Options, Sample,
};

/// SplitMix64: a seeded generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Random samples of several shapes: skewed, tied, with zeros, tiny, unweighted.
fn samples() -> Vec<Sample> {
    let mut rng = Rng(20240901);
    let mut out = Vec::new();
    for round in 0..40 {
        let n = 1 + (rng.next_u64() % 60) as usize;
        let mut x = Vec::with_capacity(n);
        let mut w = Vec::with_capacity(n);
        for _ in 0..n {
            let value = match round % 5 {
                0 => 1.0 + 99.0 * rng.unit(),
                1 => (4.0 * rng.unit()).exp() * 1000.0,
                2 => (10.0 * rng.unit()).round() / 2.0, // ties and zeros
                3 => 1e-6 * (1.0 + rng.unit()),
                _ => (rng.next_u64() % 7) as f64 + 1.0,
            };
            let weight = if round % 5 == 4 {
                1.0
            } else {
                1.0 + (rng.next_u64() % 2000) as f64
            };
            x.push(value);
            w.push(weight);
        }
        out.push(Sample::new(x, w).unwrap());
    }
    out
}

struct Naive {
    w_total: f64,
    mean: f64,
}

fn naive(s: &Sample) -> Naive {
    let w_total: f64 = s.weights().iter().sum();
    let wx: f64 = s.values().iter().zip(s.weights()).map(|(x, w)| x * w).sum();
    Naive {
        w_total,
        mean: wx / w_total,
    }
}

fn pairs(s: &Sample) -> impl Iterator<Item = (f64, f64)> + '_ {
    s.values().iter().copied().zip(s.weights().iter().copied())
}

fn naive_std(s: &Sample) -> f64 {
    let n = naive(s);
    (pairs(s).map(|(x, w)| w * (x - n.mean).powi(2)).sum::<f64>() / n.w_total).sqrt()
}

fn naive_gini(s: &Sample) -> f64 {
    let n = naive(s);
    let mut total = 0.0;
    for (xi, wi) in pairs(s) {
        for (xj, wj) in pairs(s) {
            total += wi * wj * (xi - xj).abs();
        }
    }
    total / (2.0 * n.w_total * n.w_total * n.mean)
}

fn naive_theil(s: &Sample) -> f64 {
    let n = naive(s);
    pairs(s)
        .map(|(x, w)| {
            let r = x / n.mean;
            if r == 0.0 {
                0.0
            } else {
                w * r * r.ln()
            }
        })
        .sum::<f64>()
        / n.w_total
}

fn naive_mld(s: &Sample) -> f64 {
    let n = naive(s);
    pairs(s).map(|(x, w)| w * (n.mean / x).ln()).sum::<f64>() / n.w_total
}

fn naive_atkinson(s: &Sample, epsilon: f64) -> f64 {
    let n = naive(s);
    if epsilon == 1.0 {
        let log_mean = pairs(s).map(|(x, w)| w * x.ln()).sum::<f64>() / n.w_total;
        return 1.0 - log_mean.exp() / n.mean;
    }
    let a = 1.0 - epsilon;
    let m = pairs(s).map(|(x, w)| w * (x / n.mean).powf(a)).sum::<f64>() / n.w_total;
    1.0 - m.powf(1.0 / a)
}

fn naive_hoover(s: &Sample) -> f64 {
    let n = naive(s);
    let wx: f64 = pairs(s).map(|(x, w)| w * x).sum();
    pairs(s)
        .map(|(x, w)| (w * x / wx - w / n.w_total).abs())
        .sum::<f64>()
        / 2.0
}

/// The smallest value whose cumulative weight (all rows ≤ it, summed afresh) reaches q·W.
fn naive_percentile(s: &Sample, q: f64) -> f64 {
    let n = naive(s);
    let mut candidates = s.values().to_vec();
    candidates.sort_by(f64::total_cmp);
    for c in candidates {
        let below: f64 = pairs(s).filter(|(x, _)| *x <= c).map(|(_, w)| w).sum();
        if below >= q * n.w_total * (1.0 - 1e-12) {
            return c;
        }
    }
    unreachable!()
}

fn naive_half(s: &Sample, m: f64, keep: impl Fn(f64) -> bool) -> f64 {
    let (mut wx, mut w_sum) = (0.0, 0.0);
    for (x, w) in pairs(s).filter(|(x, _)| keep(*x)) {
        wx += w * x;
        w_sum += w;
    }
    if w_sum == 0.0 {
        1.0
    } else {
        wx / (m * w_sum)
    }
}

fn agree(name: &str, actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("{name}: None, expected {expected}"));
    assert!(
        close(actual, expected, NAIVE_REL, ABS_FLOOR),
        "{name}: {actual} vs naive {expected}"
    );
}

#[test]
fn summary_matches_naive_definitions() {
    for (k, s) in samples().iter().enumerate() {
        let n = naive(s);
        let at = summarize(s, &Options::default());
        let strict = summarize(
            s,
            &Options {
                median_rule: MedianRule::Strict,
            },
        );
        let name = |m: &str| format!("sample {k}, {m}");
        agree(&name("weight"), at[Measure::WeightTotal], n.w_total);
        agree(&name("mean"), at[Measure::Mean], n.mean);
        agree(&name("std"), at[Measure::Std], naive_std(s));
        agree(&name("cv"), at[Measure::Cv], naive_std(s) / n.mean);
        agree(&name("gini"), at[Measure::Gini], naive_gini(s));
        agree(&name("theil"), at[Measure::Theil], naive_theil(s));
        agree(&name("hoover"), at[Measure::Hoover], naive_hoover(s));
        agree(
            &name("atkinson 0.5"),
            at[Measure::Atkinson05],
            naive_atkinson(s, 0.5),
        );
        if !s.values().contains(&0.0) {
            agree(&name("mld"), at[Measure::Mld], naive_mld(s));
            agree(
                &name("atkinson 1"),
                at[Measure::Atkinson1],
                naive_atkinson(s, 1.0),
            );
            agree(
                &name("atkinson 2"),
                at[Measure::Atkinson2],
                naive_atkinson(s, 2.0),
            );
        }
        let min = s.values().iter().copied().fold(f64::INFINITY, f64::min);
        let max = s.values().iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(
            (
                at[Measure::Min].unwrap(),
                at[Measure::Max].unwrap(),
                at[Measure::Range].unwrap()
            ),
            (min, max, max - min)
        );
        assert_eq!(
            at[Measure::Median].unwrap(),
            naive_percentile(s, 0.5),
            "{}",
            name("median")
        );
        assert_eq!(
            at[Measure::P05].unwrap(),
            naive_percentile(s, 0.05),
            "{}",
            name("p05")
        );
        assert_eq!(
            at[Measure::P95].unwrap(),
            naive_percentile(s, 0.95),
            "{}",
            name("p95")
        );
        let m = at[Measure::Median].unwrap();
        if m > 0.0 {
            agree(
                &name("mcloone ≤"),
                at[Measure::McLoone],
                naive_half(s, m, |x| x <= m),
            );
            agree(
                &name("mcloone <"),
                strict[Measure::McLoone],
                naive_half(s, m, |x| x < m),
            );
            agree(
                &name("verstegen ≥"),
                at[Measure::Verstegen],
                naive_half(s, m, |x| x >= m),
            );
            agree(
                &name("verstegen >"),
                strict[Measure::Verstegen],
                naive_half(s, m, |x| x > m),
            );
        }
    }
}

#[test]
fn drivers_match_recomputation() {
    for (k, s) in samples().iter().enumerate() {
        let n = naive(s);
        let ss: f64 = pairs(s)
            .map(|(x, w)| w / n.w_total * (x - n.mean).powi(2))
            .sum();
        if let Some(shares) = variance_shares(s) {
            for (i, (x, w)) in pairs(s).enumerate() {
                let expected = w / n.w_total * (x - n.mean).powi(2) / ss;
                agree(&format!("sample {k}, share {i}"), Some(shares[i]), expected);
            }
        }
        let loo = cv_without_each(s);
        assert_eq!(loo.len(), s.len());
        for (i, without_i) in loo.iter().enumerate() {
            let x: Vec<f64> = (0..s.len())
                .filter(|&j| j != i)
                .map(|j| s.values()[j])
                .collect();
            let w: Vec<f64> = (0..s.len())
                .filter(|&j| j != i)
                .map(|j| s.weights()[j])
                .collect();
            match Sample::new(x, w) {
                Ok(rest) => agree(
                    &format!("sample {k}, CV without {i}"),
                    *without_i,
                    naive_std(&rest) / naive(&rest).mean,
                ),
                Err(_) => assert_eq!(*without_i, None),
            }
        }
    }
}

#[test]
fn decomposition_matches_definition() {
    let all = samples();
    for (k, chunk) in all.chunks(3).enumerate() {
        let groups: Vec<(String, Sample)> = chunk
            .iter()
            .enumerate()
            .map(|(g, s)| (format!("g{g}"), s.clone()))
            .collect();
        let d = decompose(&groups);
        let pooled_x: Vec<f64> = chunk.iter().flat_map(|s| s.values().to_vec()).collect();
        let pooled_w: Vec<f64> = chunk.iter().flat_map(|s| s.weights().to_vec()).collect();
        let pooled = Sample::new(pooled_x, pooled_w).unwrap();
        let p = naive(&pooled);
        let (mut between, mut within, mut l_between, mut l_within) = (0.0, 0.0, 0.0, 0.0);
        for s in chunk {
            let g = naive(s);
            let share = g.w_total * g.mean / (p.w_total * p.mean);
            between += share * (g.mean / p.mean).ln();
            within += share * naive_theil(s);
            l_between += g.w_total / p.w_total * (p.mean / g.mean).ln();
            if !s.values().contains(&0.0) {
                l_within += g.w_total / p.w_total * naive_mld(s);
            }
        }
        agree(&format!("chunk {k}, T between"), d.theil_between, between);
        agree(&format!("chunk {k}, T within"), d.theil_within, within);
        agree(
            &format!("chunk {k}, T total"),
            theil(&pooled),
            between + within,
        );
        if pooled.values().contains(&0.0) {
            assert_eq!((d.mld_between, d.mld_within), (None, None));
        } else {
            agree(&format!("chunk {k}, L between"), d.mld_between, l_between);
            agree(&format!("chunk {k}, L within"), d.mld_within, l_within);
            agree(
                &format!("chunk {k}, L total"),
                mld(&pooled),
                l_between + l_within,
            );
        }
        for (stats, s) in d.groups.iter().zip(chunk) {
            agree(
                &format!("chunk {k}, group mean"),
                Some(stats.mean),
                naive(s).mean,
            );
            agree(&format!("chunk {k}, group gini"), stats.gini, naive_gini(s));
            assert_eq!(stats.n, s.len());
        }
    }
}
