//! Hand-checked and published values: docs/domain.md §3.5, x = 1..4, R `ineq` documentation, and
//! the edge cases of docs/domain.md §3.3. One `check` per area, one line per case.

use junheng_core::measures::prec::{close, PRINTED_3, PRINTED_4, PRINTED_7};
use junheng_core::measures::{
    atkinson, cv, cv_unweighted_sample, cv_without_each, decompose, federal_range_ratio, gini,
    gini_small_sample, hoover, mcloone, mean, median, mld, percentile, std_dev,
    std_dev_unweighted_sample, summarize, theil, variance_shares, verstegen, Measure, MedianRule,
    Note, Options, Sample, SampleError, Summary,
};

/// Asserts |actual − expected| ≤ tolerance, naming the case.
fn check(name: &str, actual: Option<f64>, expected: f64, tolerance: f64) {
    let actual = actual.unwrap_or_else(|| panic!("{name}: None, expected {expected}"));
    assert!(
        (actual - expected).abs() <= tolerance,
        "{name}: {actual} vs {expected} (±{tolerance})"
    );
}

const PUPILS: [f64; 5] = [45.0, 37.0, 89.0, 76.0, 55.0];
const BOOKS: [f64; 5] = [279.0, 137.0, 935.0, 160.0, 402.0];

/// docs/domain.md §3.5: books per pupil of 5 primary schools, weighted by pupils.
fn worked_example() -> Sample {
    let x = BOOKS.iter().zip(&PUPILS).map(|(b, p)| b / p).collect();
    Sample::new(x, PUPILS.to_vec()).unwrap()
}

fn worked_example_unweighted() -> Sample {
    Sample::unweighted(worked_example().values().to_vec()).unwrap()
}

fn summary(sample: &Sample, median_rule: MedianRule) -> Summary {
    summarize(sample, &Options { median_rule })
}

#[test]
fn domain_test_vector_printed_figures() {
    let s = worked_example();
    let u = worked_example_unweighted();
    let at = summary(&s, MedianRule::AtOrBelow);
    let strict = summary(&s, MedianRule::Strict);
    let cases: &[(&str, Option<f64>, f64, f64)] = &[
        ("mean", at[Measure::Mean], 6.3344, PRINTED_4),
        ("S", at[Measure::Std], 3.2639, PRINTED_4),
        ("CV weighted", at[Measure::Cv], 0.5153, PRINTED_4),
        ("CV unweighted population", cv(&u), 0.4888, PRINTED_4),
        (
            "CV unweighted sample",
            cv_unweighted_sample(&s),
            0.5465,
            PRINTED_4,
        ),
        ("Gini weighted", at[Measure::Gini], 0.2884, PRINTED_4),
        ("Gini unweighted", gini(&u), 0.2737, PRINTED_4),
        ("Theil T", at[Measure::Theil], 0.1436, PRINTED_4),
        ("Theil L", at[Measure::Mld], 0.1710, PRINTED_4),
        ("Atkinson 0.5", at[Measure::Atkinson05], 0.0759, PRINTED_4),
        ("Atkinson 1", at[Measure::Atkinson1], 0.1572, PRINTED_4),
        ("Atkinson 2", at[Measure::Atkinson2], 0.3125, PRINTED_4),
        ("Hoover", at[Measure::Hoover], 0.2221, PRINTED_4),
        ("median", at[Measure::Median], 6.20, 1e-15),
        (
            "McLoone strict",
            strict[Measure::McLoone],
            0.4239,
            PRINTED_4,
        ),
        (
            "McLoone at or below",
            at[Measure::McLoone],
            0.5880,
            PRINTED_4,
        ),
        (
            "Verstegen strict",
            strict[Measure::Verstegen],
            1.4975,
            PRINTED_4,
        ),
        (
            "Verstegen at or above",
            at[Measure::Verstegen],
            1.3791,
            PRINTED_4,
        ),
        ("P5", at[Measure::P05], 2.105, PRINTED_3),
        ("P95", at[Measure::P95], 10.506, PRINTED_3),
        ("FRR", at[Measure::FederalRangeRatio], 3.990, PRINTED_3),
    ];
    for (name, actual, expected, tolerance) in cases {
        check(name, *actual, *expected, *tolerance);
    }
    let shares = variance_shares(&s).unwrap();
    for (i, (share, printed)) in shares
        .iter()
        .zip([0.000, 0.080, 0.481, 0.423, 0.016])
        .enumerate()
    {
        check(
            &format!("variance share {i}"),
            Some(*share),
            printed,
            PRINTED_3,
        );
    }
}

#[test]
fn domain_test_vector_exact_values() {
    // Exact where the arithmetic is exact by hand: the mean is total books / total pupils, the
    // percentiles are schools' own values (135 ≥ 0.5·302 at the 1st school, 6.2 = 279/45).
    let s = worked_example();
    let at = summary(&s, MedianRule::AtOrBelow);
    check("mean", at[Measure::Mean], 1913.0 / 302.0, 1e-15);
    assert_eq!(at[Measure::Median].unwrap(), 279.0 / 45.0);
    assert_eq!(at[Measure::P05].unwrap(), 160.0 / 76.0);
    assert_eq!(at[Measure::P95].unwrap(), 935.0 / 89.0);
    // McLoone at or below: schools 4, 2, 1 (x ≤ 6.2): (160 + 137 + 279)/(76 + 37 + 45)/6.2.
    check(
        "McLoone ≤",
        at[Measure::McLoone],
        576.0 / 158.0 / 6.2,
        1e-15,
    );
    check(
        "McLoone <",
        mcloone(&s, MedianRule::Strict),
        297.0 / 113.0 / 6.2,
        1e-15,
    );
    check(
        "Verstegen ≥",
        at[Measure::Verstegen],
        1616.0 / 189.0 / 6.2,
        1e-15,
    );
    check(
        "Verstegen >",
        verstegen(&s, MedianRule::Strict),
        1337.0 / 144.0 / 6.2,
        1e-15,
    );
    // Reference values from an independent double-precision naive implementation (Python,
    // O(n²) Gini, direct sums), agreeing to ≈ 1e-16.
    let reference: &[(&str, Option<f64>, f64)] = &[
        ("S", at[Measure::Std], 3.263860705195375),
        ("CV", at[Measure::Cv], 0.5152566298844764),
        ("Gini", at[Measure::Gini], 0.2883771891865694),
        ("Theil T", at[Measure::Theil], 0.14362955479650918),
        ("Theil L", at[Measure::Mld], 0.17103714540013817),
        ("Atkinson 0.5", at[Measure::Atkinson05], 0.07586402918465596),
        ("Atkinson 1", at[Measure::Atkinson1], 0.1572097328915244),
        ("Atkinson 2", at[Measure::Atkinson2], 0.31250527890146695),
        ("Hoover", at[Measure::Hoover], 0.22208105572537845),
        ("FRR", at[Measure::FederalRangeRatio], 3.990168539325843),
        (
            "Gini unweighted",
            gini(&worked_example_unweighted()),
            0.27371250927195456,
        ),
        (
            "CV unweighted sample",
            cv_unweighted_sample(&s),
            0.5464622347388621,
        ),
    ];
    for (name, actual, expected) in reference {
        check(name, *actual, *expected, 1e-12 * expected);
    }
}

#[test]
fn domain_test_vector_decomposition() {
    // Groups {1, 3} and {2, 4, 5} (schools numbered from 1).
    let s = worked_example();
    let group = |rows: &[usize]| {
        let x = rows.iter().map(|&i| s.values()[i]).collect();
        let w = rows.iter().map(|&i| s.weights()[i]).collect();
        Sample::new(x, w).unwrap()
    };
    let d = decompose(&[
        ("A".to_string(), group(&[0, 2])),
        ("B".to_string(), group(&[1, 3, 4])),
    ]);
    check("T within", d.theil_within, 0.0701, PRINTED_4);
    check("T between", d.theil_between, 0.0735, PRINTED_4);
    check("L within", d.mld_within, 0.0960, PRINTED_4);
    check("L between", d.mld_between, 0.0750, PRINTED_4);
    check(
        "T total",
        Some(d.theil_within.unwrap() + d.theil_between.unwrap()),
        theil(&s).unwrap(),
        1e-15,
    );
    check(
        "L total",
        Some(d.mld_within.unwrap() + d.mld_between.unwrap()),
        mld(&s).unwrap(),
        1e-15,
    );
    assert_eq!(d.groups[0].n, 2);
    assert_eq!(d.groups[0].weight_total, 134.0);
    check(
        "group A mean",
        Some(d.groups[0].mean),
        (279.0 + 935.0) / 134.0,
        1e-15,
    );
    check(
        "group B mean",
        Some(d.groups[1].mean),
        (137.0 + 160.0 + 402.0) / 168.0,
        1e-15,
    );
    assert_eq!(d.groups[1].label, "B");
}

#[test]
fn one_to_four() {
    let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    check("Gini", gini(&s), 0.25, 1e-15);
    check("CV", cv(&s), 1.0 / 5f64.sqrt(), 1e-15);
    check("Theil T", theil(&s), 0.1064401, PRINTED_7);
    // By hand: T = ¼ Σ rᵢ ln rᵢ with r = 0.4, 0.8, 1.2, 1.6.
    let by_hand = [0.4f64, 0.8, 1.2, 1.6]
        .iter()
        .map(|r| r * r.ln())
        .sum::<f64>()
        / 4.0;
    check("Theil T by hand", theil(&s), by_hand, 1e-15);
    check(
        "MLD",
        mld(&s),
        (2.5f64.ln() * 4.0 - 24f64.ln()) / 4.0,
        1e-15,
    );
    check("Hoover", hoover(&s), 0.2, 1e-15); // ½ Σ |x − 2.5| / 4 / 2.5 = 0.2
    check(
        "sample SD",
        std_dev_unweighted_sample(&s),
        (5.0f64 / 3.0).sqrt(),
        1e-15,
    );
    check("std", Some(std_dev(&s)), 1.25f64.sqrt(), 1e-15);
    assert_eq!(median(&s), 2.0);
}

#[test]
fn r_ineq_documentation() {
    // ineq::Gini help page: x <- c(541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261)
    let income = [
        541.0, 1463.0, 2445.0, 3438.0, 4437.0, 5401.0, 6392.0, 8304.0, 11904.0, 22261.0,
    ];
    let s = Sample::unweighted(income.to_vec()).unwrap();
    check("ineq Gini", gini(&s), 0.4620911, PRINTED_7);
    check(
        "ineq Gini corr = TRUE",
        gini_small_sample(&s),
        0.5134346,
        PRINTED_7,
    );
    // ineq::ineq help page example: 1, 3, 2, 1, 1, 1, 4 (as weights-free counts).
    let s = Sample::unweighted(vec![1.0, 3.0, 2.0, 1.0, 1.0, 1.0, 4.0]).unwrap();
    check("ineq example Gini", gini(&s), 0.3076923, PRINTED_7);
    check("ineq example Gini exact", gini(&s), 4.0 / 13.0, 1e-15);
}

#[test]
fn all_equal_values() {
    for (x, w) in [(7.25, 1.0), (0.1, 3.0), (1e-9, 45.0), (1e12, 0.1)] {
        let s = Sample::new(vec![x; 6], vec![w; 6]).unwrap();
        for rule in [MedianRule::AtOrBelow, MedianRule::Strict] {
            let m = summary(&s, rule);
            assert_eq!(m[Measure::Mean].unwrap(), x);
            assert_eq!(m[Measure::Std].unwrap(), 0.0);
            assert_eq!(m[Measure::Cv], Some(0.0));
            assert_eq!(m[Measure::Gini], Some(0.0));
            assert_eq!(m[Measure::Theil], Some(0.0));
            assert_eq!(m[Measure::Mld], Some(0.0));
            assert_eq!(m[Measure::Atkinson05], Some(0.0));
            assert_eq!(m[Measure::Atkinson1], Some(0.0));
            assert_eq!(m[Measure::Atkinson2], Some(0.0));
            assert_eq!(m[Measure::Hoover], Some(0.0));
            // Strict: nothing below or above the median, so both indices are 1 (documented).
            assert_eq!(m[Measure::McLoone], Some(1.0));
            assert_eq!(m[Measure::Verstegen], Some(1.0));
            assert_eq!(m[Measure::RangeRatio], Some(1.0));
            assert_eq!(m[Measure::FederalRangeRatio], Some(0.0));
            assert!(m.notes.is_empty());
        }
        assert_eq!(variance_shares(&s), None);
        assert!(cv_without_each(&s).iter().all(|c| *c == Some(0.0)));
    }
}

#[test]
fn strict_rule_with_nothing_below_the_median() {
    // Pupil median is the minimum 2 (weight 10 of 14): nothing strictly below it.
    let s = Sample::new(vec![2.0, 3.0, 5.0], vec![10.0, 2.0, 2.0]).unwrap();
    assert_eq!(median(&s), 2.0);
    assert_eq!(mcloone(&s, MedianRule::Strict), Some(1.0));
    assert_eq!(mcloone(&s, MedianRule::AtOrBelow), Some(1.0));
    check(
        "Verstegen >",
        verstegen(&s, MedianRule::Strict),
        4.0 / 2.0,
        1e-15,
    );
    check(
        "Verstegen ≥",
        verstegen(&s, MedianRule::AtOrBelow),
        36.0 / 14.0 / 2.0,
        1e-15,
    );
}

#[test]
fn single_school() {
    let s = Sample::new(vec![6.2], vec![45.0]).unwrap();
    let m = summary(&s, MedianRule::AtOrBelow);
    assert_eq!(m.notes, vec![Note::SingleValue]);
    assert_eq!(
        (
            m.n,
            m[Measure::WeightTotal].unwrap(),
            m[Measure::Mean].unwrap(),
            m[Measure::Std].unwrap()
        ),
        (1, 45.0, 6.2, 0.0)
    );
    assert_eq!(
        (
            m[Measure::Median].unwrap(),
            m[Measure::P05].unwrap(),
            m[Measure::P95].unwrap(),
            m[Measure::Range].unwrap()
        ),
        (6.2, 6.2, 6.2, 0.0)
    );
    assert_eq!(m[Measure::Cv], Some(0.0));
    assert_eq!(m[Measure::Gini], Some(0.0));
    assert_eq!(std_dev_unweighted_sample(&s), None);
    assert_eq!(cv_unweighted_sample(&s), None);
    assert_eq!(gini_small_sample(&s), None);
    assert_eq!(cv_without_each(&s), vec![None]);
    assert_eq!(variance_shares(&s), None);
}

#[test]
fn two_schools() {
    // 1 with 3 pupils, 5 with 1 pupil: μ = 2, S² = (3·1 + 9)/4 = 3.
    let s = Sample::new(vec![5.0, 1.0], vec![1.0, 3.0]).unwrap();
    let m = summary(&s, MedianRule::AtOrBelow);
    check("mean", m[Measure::Mean], 2.0, 1e-15);
    check("CV", m[Measure::Cv], 3f64.sqrt() / 2.0, 1e-15);
    // Gini: one gap 4 crossed by 3·1 pupil pairs: 4·(3/4)(1/4)/2 = 0.375.
    check("Gini", m[Measure::Gini], 0.375, 1e-15);
    check("Hoover", m[Measure::Hoover], 0.375, 1e-15); // ½(3/4·½ + 1/4·3/2)
    assert_eq!(
        (
            m[Measure::Median].unwrap(),
            m[Measure::P05].unwrap(),
            m[Measure::P95].unwrap()
        ),
        (1.0, 1.0, 5.0)
    );
    assert_eq!(m[Measure::RangeRatio], Some(5.0));
    assert_eq!(cv_without_each(&s), vec![Some(0.0), Some(0.0)]);
    assert_eq!(variance_shares(&s), Some(vec![0.75, 0.25]));
}

#[test]
fn zeros_and_negatives_are_noted_not_nan() {
    // A school with no backbone teacher: 0 is valid (docs/domain.md §3.3).
    let s = Sample::new(vec![0.0, 1.0, 2.0], vec![10.0, 20.0, 10.0]).unwrap();
    let m = summary(&s, MedianRule::AtOrBelow);
    assert_eq!(m.notes, vec![Note::ZeroValues]);
    assert!(
        m[Measure::Cv].is_some()
            && m[Measure::Gini].is_some()
            && m[Measure::Theil].is_some()
            && m[Measure::Hoover].is_some()
    );
    assert!(m[Measure::Atkinson05].is_some());
    assert_eq!(
        (
            m[Measure::Mld],
            m[Measure::Atkinson1],
            m[Measure::Atkinson2],
            m[Measure::RangeRatio]
        ),
        (None, None, None, None)
    );
    // Theil with 0·ln 0 = 0: μ = 1, T = ¼·2 ln 2.
    check(
        "Theil with a zero",
        m[Measure::Theil],
        0.5 * 2f64.ln(),
        1e-15,
    );
    // Pairs (0,1), (0,2), (1,2) give 200 each: 600 / (40²·1).
    check("Gini with a zero", m[Measure::Gini], 0.375, 1e-15);

    let s = Sample::unweighted(vec![-1.0, 2.0, 5.0]).unwrap();
    let m = summary(&s, MedianRule::AtOrBelow);
    assert_eq!(m.notes, vec![Note::NegativeValues]);
    assert!(m[Measure::Cv].is_some());
    assert_eq!(
        (
            m[Measure::Gini],
            m[Measure::Theil],
            m[Measure::Mld],
            m[Measure::Hoover]
        ),
        (None, None, None, None)
    );
    assert_eq!(
        (
            m[Measure::Atkinson05],
            m[Measure::Atkinson1],
            m[Measure::Atkinson2]
        ),
        (None, None, None)
    );

    let s = Sample::unweighted(vec![-3.0, 0.0, 1.0]).unwrap();
    let m = summary(&s, MedianRule::AtOrBelow);
    assert_eq!(
        m.notes,
        vec![
            Note::NegativeValues,
            Note::ZeroValues,
            Note::NonPositiveMean
        ]
    );
    assert_eq!(
        (
            m[Measure::Cv],
            m[Measure::McLoone],
            m[Measure::Verstegen],
            m[Measure::FederalRangeRatio]
        ),
        (None, None, None, None)
    );

    let s = Sample::unweighted(vec![0.0, 0.0]).unwrap();
    let m = summary(&s, MedianRule::AtOrBelow);
    assert_eq!(m.notes, vec![Note::ZeroValues, Note::NonPositiveMean]);
    assert_eq!(
        (
            m[Measure::Mean].unwrap(),
            m[Measure::Std].unwrap(),
            m[Measure::Cv],
            m[Measure::Gini],
            m[Measure::Theil]
        ),
        (0.0, 0.0, None, None, None)
    );
}

#[test]
fn atkinson_parameters() {
    let s = Sample::unweighted(vec![1.0, 4.0]).unwrap();
    assert_eq!(atkinson(&s, 0.0), Some(0.0));
    assert_eq!(atkinson(&s, -1.0), None);
    assert_eq!(atkinson(&s, f64::NAN), None);
    // ε = 3: 1 − (mean of x⁻²)^(−1/2)/μ = 1 − (1/((1 + 1/16)/2))^½ / 2.5.
    check(
        "Atkinson 3",
        atkinson(&s, 3.0),
        1.0 - (32.0f64 / 17.0).sqrt() / 2.5,
        1e-15,
    );
    // ε = 1.5 generic path lies between ε = 1 and ε = 2.
    let (a1, a15, a2) = (
        atkinson(&s, 1.0).unwrap(),
        atkinson(&s, 1.5).unwrap(),
        atkinson(&s, 2.0).unwrap(),
    );
    assert!(a1 < a15 && a15 < a2);
}

#[test]
fn percentile_ties_and_bounds() {
    // Equal weights 0.1: cumulative 0.1, 0.2, 0.30000000000000004, 0.4: P50 is the 2nd value.
    let s = Sample::new(vec![1.0, 2.0, 3.0, 4.0], vec![0.1; 4]).unwrap();
    assert_eq!(median(&s), 2.0);
    let s = Sample::new((1..=10).map(f64::from).collect(), vec![0.1; 10]).unwrap();
    assert_eq!(percentile(&s, 0.3), Some(3.0));
    assert_eq!(percentile(&s, 0.7), Some(7.0));
    assert_eq!(percentile(&s, 0.0), Some(1.0));
    assert_eq!(percentile(&s, 1.0), Some(10.0));
    assert_eq!(percentile(&s, -0.1), None);
    assert_eq!(percentile(&s, f64::NAN), None);
    assert_eq!(federal_range_ratio(&s), Some(9.0));
}

#[test]
fn sample_rejects_what_measures_cannot_use() {
    assert_eq!(Sample::unweighted(vec![]), Err(SampleError::Empty));
    assert_eq!(
        Sample::new(vec![1.0], vec![1.0, 2.0]),
        Err(SampleError::LengthMismatch)
    );
    assert_eq!(
        Sample::unweighted(vec![f64::NAN]),
        Err(SampleError::NotFinite)
    );
    assert_eq!(
        Sample::new(vec![1.0], vec![-1.0]),
        Err(SampleError::NonPositiveWeight)
    );
    assert_eq!(
        Sample::unweighted(vec![1e101]),
        Err(SampleError::OutOfRange)
    );
    assert_eq!(
        Sample::unweighted(vec![-1e-101]),
        Err(SampleError::OutOfRange)
    );
    assert_eq!(
        Sample::new(vec![1.0], vec![1e-101]),
        Err(SampleError::OutOfRange)
    );
    assert!(Sample::unweighted(vec![0.0, 1e100, -1e100, 1e-100]).is_ok());
}

#[test]
fn plain_functions_agree_with_summary() {
    let s = worked_example();
    let m = summary(&s, MedianRule::AtOrBelow);
    let same = |name: &str, a: Option<f64>, b: Option<f64>| {
        assert!(
            close(a.unwrap(), b.unwrap(), 1e-14, 0.0),
            "{name}: {a:?} vs {b:?}"
        );
    };
    same("mean", Some(mean(&s)), m[Measure::Mean]);
    same("cv", cv(&s), m[Measure::Cv]);
    same("gini", gini(&s), m[Measure::Gini]);
    same("theil", theil(&s), m[Measure::Theil]);
    same("mld", mld(&s), m[Measure::Mld]);
    same("hoover", hoover(&s), m[Measure::Hoover]);
    same("atkinson", atkinson(&s, 2.0), m[Measure::Atkinson2]);
    same(
        "mcloone",
        mcloone(&s, MedianRule::AtOrBelow),
        m[Measure::McLoone],
    );
    same(
        "frr",
        federal_range_ratio(&s),
        m[Measure::FederalRangeRatio],
    );
}
