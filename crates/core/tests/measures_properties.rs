//! Properties every population measure must have (proptest): invariance to scale, row order
//! and replication; bounds; Theil additivity; finite output over the whole `Sample` domain.

use junheng_core::measures::prec::{close, ABS_FLOOR, STABLE_REL};
use junheng_core::measures::{
    atkinson, cv, cv_without_each, decompose, gini, hoover, mld, summarize, theil, variance_shares,
    Dimension, Measure, MedianRule, Options, Sample, Summary, MEASURES,
};
use proptest::prelude::*;

/// Positive values over 9 decades, weights from 1 to 2000 pupils (or fractional).
fn rows() -> impl Strategy<Value = Vec<(f64, f64)>> {
    let value = (-3.0f64..6.0).prop_map(|e| 10f64.powf(e));
    let weight = prop_oneof![(1u32..2000).prop_map(f64::from), 0.01f64..100.0];
    prop::collection::vec((value, weight), 1..40)
}

fn sample(rows: &[(f64, f64)]) -> Sample {
    let (x, w): (Vec<f64>, Vec<f64>) = rows.iter().copied().unzip();
    Sample::new(x, w).unwrap()
}

/// The scale-free measures of a summary (the table's pure numbers), by name.
fn scale_free(s: &Summary) -> Vec<(&'static str, Option<f64>)> {
    MEASURES
        .iter()
        .filter(|m| m.dimension == Dimension::Ratio)
        .map(|m| (m.id, s[m.measure]))
        .collect()
}

fn assert_same(a: &[(&str, Option<f64>)], b: &[(&str, Option<f64>)], rel: f64) {
    for ((name, x), (_, y)) in a.iter().zip(b) {
        match (x, y) {
            (Some(x), Some(y)) => assert!(close(*x, *y, rel, ABS_FLOOR), "{name}: {x} vs {y}"),
            _ => assert_eq!(x, y, "{name}"),
        }
    }
}

proptest! {
    #[test]
    fn invariant_to_scaling(rows in rows(), exponent in -6.0f64..6.0) {
        let k = 10f64.powf(exponent);
        let scaled: Vec<(f64, f64)> = rows.iter().map(|(x, w)| (x * k, *w)).collect();
        let options = Options::default();
        let (a, b) = (summarize(&sample(&rows), &options), summarize(&sample(&scaled), &options));
        // Each scaled value carries one rounding (relative 1.1e-16); allow for it.
        assert_same(&scale_free(&a), &scale_free(&b), 1e-11);
        let mean = |s: &Summary| s[Measure::Mean].unwrap();
        prop_assert!(close(mean(&a) * k, mean(&b), 1e-14, 0.0));
        // Scaling by a power of two is exact, so nothing may change at all.
        let exact: Vec<(f64, f64)> = rows.iter().map(|(x, w)| (x * 1024.0, *w)).collect();
        let c = summarize(&sample(&exact), &options);
        prop_assert_eq!(scale_free(&a), scale_free(&c));
    }

    #[test]
    fn invariant_to_row_order(rows in rows(), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        // Fisher–Yates with a seeded LCG.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let (a, b) = (sample(&rows), sample(&shuffled));
        for rule in [MedianRule::AtOrBelow, MedianRule::Strict] {
            let options = Options { median_rule: rule };
            // summarize sorts first: identical bit for bit.
            prop_assert_eq!(summarize(&a, &options), summarize(&b, &options));
        }
        // The O(n) functions work in row order: equal to 1e-12.
        let plain = |s: &Sample| vec![
            ("cv", cv(s)), ("theil", theil(s)), ("mld", mld(s)), ("hoover", hoover(s)),
            ("atkinson 0.5", atkinson(s, 0.5)), ("atkinson 2", atkinson(s, 2.0)),
            ("gini", gini(s)),
        ];
        assert_same(&plain(&a), &plain(&b), STABLE_REL);
    }

    #[test]
    fn invariant_to_replication(rows in rows(), copies in 2usize..5) {
        let replicated: Vec<(f64, f64)> =
            rows.iter().flat_map(|r| std::iter::repeat_n(*r, copies)).collect();
        let options = Options::default();
        let (a, b) = (summarize(&sample(&rows), &options), summarize(&sample(&replicated), &options));
        assert_same(&scale_free(&a), &scale_free(&b), STABLE_REL);
        for m in [Measure::Median, Measure::P05, Measure::P95] {
            prop_assert_eq!(a[m], b[m]);
        }
        prop_assert!(close(a[Measure::Mean].unwrap(), b[Measure::Mean].unwrap(), STABLE_REL, 0.0));
    }

    #[test]
    fn bounds(rows in rows()) {
        let s = sample(&rows);
        for rule in [MedianRule::AtOrBelow, MedianRule::Strict] {
            let m = summarize(&s, &Options { median_rule: rule });
            let g = m[Measure::Gini].unwrap();
            prop_assert!((0.0..1.0).contains(&g), "gini {}", g);
            prop_assert!(m[Measure::McLoone].unwrap() <= 1.0);
            prop_assert!(m[Measure::Verstegen].unwrap() >= 1.0);
            prop_assert!(m[Measure::McLoone].unwrap() > 0.0);
            for a in [m[Measure::Atkinson05], m[Measure::Atkinson1], m[Measure::Atkinson2]] {
                prop_assert!((0.0..1.0).contains(&a.unwrap()));
            }
            prop_assert!(m[Measure::Atkinson05] <= m[Measure::Atkinson1] && m[Measure::Atkinson1] <= m[Measure::Atkinson2]);
            prop_assert!(m[Measure::Theil].unwrap() >= 0.0 && m[Measure::Mld].unwrap() >= 0.0 && m[Measure::Cv].unwrap() >= 0.0);
            prop_assert!((0.0..1.0).contains(&m[Measure::Hoover].unwrap()));
            let v = |measure: Measure| m[measure].unwrap();
            let ordered = [Measure::Min, Measure::P05, Measure::Median, Measure::P95, Measure::Max];
            prop_assert!(ordered.windows(2).all(|p| v(p[0]) <= v(p[1])));
            prop_assert!(v(Measure::Min) <= v(Measure::Mean) && v(Measure::Mean) <= v(Measure::Max));
        }
    }

    #[test]
    fn theil_is_additive(rows in rows(), labels in prop::collection::vec(0usize..4, 40)) {
        let mut groups: Vec<(String, Vec<(f64, f64)>)> =
            (0..4).map(|g| (format!("g{g}"), Vec::new())).collect();
        for (row, label) in rows.iter().zip(&labels) {
            groups[*label].1.push(*row);
        }
        let groups: Vec<(String, Sample)> = groups
            .into_iter()
            .filter(|(_, r)| !r.is_empty())
            .map(|(label, r)| (label, sample(&r)))
            .collect();
        let d = decompose(&groups);
        let pooled = sample(&rows);
        let t = theil(&pooled).unwrap();
        let l = mld(&pooled).unwrap();
        let (tb, tw) = (d.theil_between.unwrap(), d.theil_within.unwrap());
        let (lb, lw) = (d.mld_between.unwrap(), d.mld_within.unwrap());
        prop_assert!(tb >= 0.0 && tw >= 0.0 && lb >= 0.0 && lw >= 0.0);
        prop_assert!(close(tb + tw, t, 1e-12, ABS_FLOOR), "T {} + {} vs {}", tb, tw, t);
        prop_assert!(close(lb + lw, l, 1e-12, ABS_FLOOR), "L {} + {} vs {}", lb, lw, l);
    }

    #[test]
    fn finite_over_the_whole_domain(
        rows in prop::collection::vec(
            (
                prop_oneof![
                    Just(0.0),
                    (-100.0f64..=100.0).prop_map(|e| 10f64.powf(e).clamp(1e-100, 1e100)),
                    (-100.0f64..=100.0).prop_map(|e| -(10f64.powf(e).clamp(1e-100, 1e100))),
                    (-1.0f64..1.0),
                ],
                (-100.0f64..=100.0).prop_map(|e| 10f64.powf(e).clamp(1e-100, 1e100)),
            ),
            1..30,
        ),
        strict in any::<bool>(),
    ) {
        let s = sample(&rows);
        let rule = if strict { MedianRule::Strict } else { MedianRule::AtOrBelow };
        let m = summarize(&s, &Options { median_rule: rule });
        // Measures in the unit of the values or of the weights are always defined.
        let plain = MEASURES.iter().filter(|d| d.dimension != Dimension::Ratio).map(|d| m[d.measure]);
        prop_assert!(plain.into_iter().all(|v| v.is_some_and(f64::is_finite)), "{:?}", m);
        for (name, v) in scale_free(&m) {
            prop_assert!(v.is_none_or(f64::is_finite), "{}: {:?}", name, v);
        }
        // G < 1 in exact arithmetic, but 1 − 1e-25 (one school with 1e25 times the pupils of
        // the other, holding nothing) rounds to 1.
        prop_assert!(m[Measure::Gini].is_none_or(|g| (0.0..=1.0).contains(&g)));
        let d = decompose(&[("all".to_string(), s.clone()), ("again".to_string(), s.clone())]);
        for v in [d.theil_between, d.theil_within, d.mld_between, d.mld_within] {
            prop_assert!(v.is_none_or(f64::is_finite));
        }
        if let Some(shares) = variance_shares(&s) {
            prop_assert!(shares.iter().all(|v| v.is_finite() && *v >= 0.0));
        }
        prop_assert!(cv_without_each(&s).iter().all(|v| v.is_none_or(f64::is_finite)));
    }
}
