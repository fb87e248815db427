//! Arbitrary finite values and positive weights, in groups, through `Sample::new`, `summarize`
//! and `decompose`: no panic, no NaN or infinity in any output, and the invariants
//! 0 ≤ Gini ≤ 1, McLoone ≤ 1 ≤ Verstegen, Theil between + within = Theil pooled.
#![no_main]

use junheng_core::measures::{
    decompose, prec, summarize, theil, Dimension, Measure, MedianRule, Options, Sample, Summary,
    MEASURES,
};
use libfuzzer_sys::fuzz_target;

/// One observation per 11 bytes: a tag byte (group and how to read the value), 8 bytes of
/// value, 2 bytes of weight. Most values are small integers or decimals, as in real tables;
/// some are raw f64 bits, to reach the extremes.
fn observations(data: &[u8]) -> Vec<(u8, f64, f64)> {
    data.chunks_exact(11)
        .map(|c| {
            let tag = c[0];
            let raw = u64::from_le_bytes(c[1..9].try_into().unwrap());
            let value = match tag >> 6 {
                0 => (raw % 1000) as f64,
                1 => (raw % 100_000) as f64 / 100.0,
                2 => f64::from_bits(raw),
                _ => (raw % 10) as f64 * 10f64.powi((raw >> 8) as i32 % 40 - 20),
            };
            let w = u16::from_le_bytes([c[9], c[10]]);
            let weight = if tag & 0x20 != 0 {
                1.0
            } else {
                f64::from(w) + 1.0
            };
            (tag & 0x3, value, weight)
        })
        .filter(|(_, v, _)| v.is_finite())
        .collect()
}

fn finite(name: &str, x: Option<f64>) {
    if let Some(v) = x {
        assert!(v.is_finite(), "{name} = {v}");
    }
}

fn check_summary(s: &Summary) {
    for measure in MEASURES {
        let v = s[measure.measure];
        // Measures in a unit (of the values or of the weights) are always defined.
        if measure.dimension != Dimension::Ratio {
            assert!(v.is_some(), "{} = None", measure.id);
        }
        finite(measure.id, v);
    }
    if let Some(g) = s[Measure::Gini] {
        assert!((0.0..=1.0).contains(&g), "gini = {g}");
    }
    if let Some(m) = s[Measure::McLoone] {
        assert!(m <= 1.0 + 1e-12, "mcloone = {m}");
    }
    if let Some(v) = s[Measure::Verstegen] {
        assert!(v >= 1.0 - 1e-12, "verstegen = {v}");
    }
}

fuzz_target!(|data: &[u8]| {
    let obs = observations(data);
    let (values, weights): (Vec<f64>, Vec<f64>) = obs.iter().map(|(_, v, w)| (*v, *w)).unzip();
    let Ok(pooled) = Sample::new(values, weights) else {
        return;
    };
    for median_rule in [MedianRule::AtOrBelow, MedianRule::Strict] {
        check_summary(&summarize(&pooled, &Options { median_rule }));
    }
    let mut groups: Vec<(String, Sample)> = Vec::new();
    for g in 0..4u8 {
        let (values, weights): (Vec<f64>, Vec<f64>) = obs
            .iter()
            .filter(|(group, _, _)| *group == g)
            .map(|(_, v, w)| (*v, *w))
            .unzip();
        if let Ok(sample) = Sample::new(values, weights) {
            groups.push((g.to_string(), sample));
        }
    }
    let d = decompose(&groups);
    for (name, v) in [
        ("theil_between", d.theil_between),
        ("theil_within", d.theil_within),
        ("mld_between", d.mld_between),
        ("mld_within", d.mld_within),
    ] {
        finite(name, v);
    }
    for group in &d.groups {
        assert!(group.weight_total.is_finite() && group.mean.is_finite());
        finite("group cv", group.cv);
        finite("group gini", group.gini);
        finite("group theil", group.theil);
    }
    if let (Some(between), Some(within), Some(total)) =
        (d.theil_between, d.theil_within, theil(&pooled))
    {
        assert!(
            prec::close(between + within, total, 1e-9, 1e-12),
            "between {between} + within {within} != theil {total}"
        );
    }
});
