//! TEMPORARY stand-in for the `measures` branch's summary API, so that the analysis layer
//! compiles and is tested before that branch lands. Replaced wholesale on merge.

use super::{cv, mean, std_dev, Sample};

/// How McLoone and Verstegen treat values equal to the median.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MedianRule {
    /// Values at the median count with those below (and above).
    #[default]
    AtOrBelow,
    /// Only values strictly below (above) the median.
    Strict,
}

/// Choices of definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Options {
    /// McLoone/Verstegen median rule.
    pub median_rule: MedianRule,
}

/// Why some measures are null.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// Some x < 0.
    NegativeValues,
    /// Some x = 0.
    ZeroValues,
    /// n = 1.
    SingleValue,
    /// μ ≤ 0.
    NonPositiveMean,
}

/// Every measure of one sample.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub struct Summary {
    pub n: usize,
    pub weight_total: f64,
    pub mean: f64,
    pub std: f64,
    pub cv: Option<f64>,
    pub min: f64,
    pub max: f64,
    pub range: f64,
    pub range_ratio: Option<f64>,
    pub median: f64,
    pub p05: f64,
    pub p95: f64,
    pub federal_range_ratio: Option<f64>,
    pub mcloone: Option<f64>,
    pub verstegen: Option<f64>,
    pub gini: Option<f64>,
    pub theil: Option<f64>,
    pub mld: Option<f64>,
    pub atkinson_0_5: Option<f64>,
    pub atkinson_1: Option<f64>,
    pub atkinson_2: Option<f64>,
    pub hoover: Option<f64>,
    pub notes: Vec<Note>,
}

fn sorted(sample: &Sample) -> Vec<(f64, f64)> {
    let mut v: Vec<(f64, f64)> = sample
        .values()
        .iter()
        .copied()
        .zip(sample.weights().iter().copied())
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

fn quantile(sorted: &[(f64, f64)], total: f64, q: f64) -> f64 {
    let mut cum = 0.0;
    for &(x, w) in sorted {
        cum += w;
        if cum >= q * total {
            return x;
        }
    }
    sorted[sorted.len() - 1].0
}

fn theil_of(sample: &Sample) -> Option<f64> {
    let mu = mean(sample);
    if mu <= 0.0 || sample.values().iter().any(|x| *x < 0.0) {
        return None;
    }
    let w: f64 = sample.weights().iter().sum();
    Some(
        sample
            .values()
            .iter()
            .zip(sample.weights())
            .map(|(x, p)| {
                let r = x / mu;
                if r > 0.0 {
                    p / w * r * r.ln()
                } else {
                    0.0
                }
            })
            .sum(),
    )
}

fn gini_of(sorted: &[(f64, f64)], total: f64, mu: f64) -> Option<f64> {
    if mu <= 0.0 || sorted[0].0 < 0.0 {
        return None;
    }
    let total_x: f64 = sorted.iter().map(|(x, w)| x * w).sum();
    let mut cum = 0.0;
    let mut g = 0.0;
    for &(x, w) in sorted {
        let share = x * w / total_x;
        g += w / total * (2.0 * cum + share);
        cum += share;
    }
    Some(1.0 - g)
}

/// All measures of a sample.
pub fn summarize(sample: &Sample, options: &Options) -> Summary {
    let s = sorted(sample);
    let total: f64 = sample.weights().iter().sum();
    let mu = mean(sample);
    let min = s[0].0;
    let max = s[s.len() - 1].0;
    let median = quantile(&s, total, 0.5);
    let p05 = quantile(&s, total, 0.05);
    let p95 = quantile(&s, total, 0.95);
    let mut notes = Vec::new();
    if min < 0.0 {
        notes.push(Note::NegativeValues);
    }
    if s.iter().any(|(x, _)| *x == 0.0) {
        notes.push(Note::ZeroValues);
    }
    if s.len() == 1 {
        notes.push(Note::SingleValue);
    }
    if mu <= 0.0 {
        notes.push(Note::NonPositiveMean);
    }
    let positive = min > 0.0;
    let mld = positive.then(|| {
        s.iter()
            .map(|(x, w)| w / total * (mu / x).ln())
            .sum::<f64>()
    });
    let (below, at_or_below) = match options.median_rule {
        MedianRule::Strict => (true, false),
        MedianRule::AtOrBelow => (false, true),
    };
    let _ = below;
    let low: Vec<_> = s
        .iter()
        .filter(|(x, _)| *x < median || (at_or_below && *x == median))
        .collect();
    let high: Vec<_> = s
        .iter()
        .filter(|(x, _)| *x > median || (at_or_below && *x == median))
        .collect();
    let ratio = |part: &[&(f64, f64)]| {
        let w: f64 = part.iter().map(|(_, w)| w).sum();
        let wx: f64 = part.iter().map(|(x, w)| x * w).sum();
        (w > 0.0 && median > 0.0 && min >= 0.0).then(|| wx / (median * w))
    };
    let total_x: f64 = s.iter().map(|(x, w)| x * w).sum();
    Summary {
        n: sample.len(),
        weight_total: total,
        mean: mu,
        std: std_dev(sample),
        cv: cv(sample),
        min,
        max,
        range: max - min,
        range_ratio: (min > 0.0).then(|| max / min),
        median,
        p05,
        p95,
        federal_range_ratio: (p05 > 0.0).then(|| (p95 - p05) / p05),
        mcloone: ratio(&low),
        verstegen: ratio(&high),
        gini: gini_of(&s, total, mu),
        theil: theil_of(sample),
        mld,
        atkinson_0_5: (min >= 0.0 && mu > 0.0).then(|| {
            1.0 - s
                .iter()
                .map(|(x, w)| w / total * x.sqrt())
                .sum::<f64>()
                .powi(2)
                / mu
        }),
        atkinson_1: positive
            .then(|| 1.0 - s.iter().map(|(x, w)| w / total * x.ln()).sum::<f64>().exp() / mu),
        atkinson_2: positive
            .then(|| 1.0 - 1.0 / s.iter().map(|(x, w)| w / total / x).sum::<f64>() / mu),
        hoover: (min >= 0.0 && mu > 0.0).then(|| {
            0.5 * s
                .iter()
                .map(|(x, w)| (x * w / total_x - w / total).abs())
                .sum::<f64>()
        }),
        notes,
    }
}

/// Measures of one group.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub struct GroupStats {
    pub label: String,
    pub n: usize,
    pub weight_total: f64,
    pub mean: f64,
    pub cv: Option<f64>,
    pub gini: Option<f64>,
    pub theil: Option<f64>,
}

/// Between/within decomposition.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub struct Decomposition {
    pub groups: Vec<GroupStats>,
    pub theil_between: Option<f64>,
    pub theil_within: Option<f64>,
    pub mld_between: Option<f64>,
    pub mld_within: Option<f64>,
}

/// Decomposes Theil T and L over groups.
pub fn decompose(groups: &[(String, Sample)]) -> Decomposition {
    let total_w: f64 = groups
        .iter()
        .map(|(_, s)| s.weights().iter().sum::<f64>())
        .sum();
    let total_x: f64 = groups
        .iter()
        .map(|(_, s)| {
            s.values()
                .iter()
                .zip(s.weights())
                .map(|(x, w)| x * w)
                .sum::<f64>()
        })
        .sum();
    let stats: Vec<GroupStats> = groups
        .iter()
        .map(|(label, s)| {
            let sorted = sorted(s);
            let w: f64 = s.weights().iter().sum();
            GroupStats {
                label: label.clone(),
                n: s.len(),
                weight_total: w,
                mean: mean(s),
                cv: cv(s),
                gini: gini_of(&sorted, w, mean(s)),
                theil: theil_of(s),
            }
        })
        .collect();
    let nonneg = groups
        .iter()
        .all(|(_, s)| s.values().iter().all(|x| *x >= 0.0));
    let ok = nonneg && total_x > 0.0 && stats.iter().all(|g| g.mean > 0.0);
    let (mut tb, mut tw) = (0.0, 0.0);
    for g in &stats {
        let pw = g.weight_total / total_w;
        let sw = g.mean * g.weight_total / total_x;
        tb += sw * (sw / pw).ln();
        tw += sw * g.theil.unwrap_or(0.0);
    }
    Decomposition {
        groups: stats,
        theil_between: ok.then_some(tb),
        theil_within: ok.then_some(tw),
        mld_between: None,
        mld_within: None,
    }
}
