//! Acceptance tests of the national standards on small hand-built counties.
//!
//! Counties of two equal schools make CVs exact by construction: values b(1 − c) and b(1 + c)
//! with equal pupils have mean b, S = bc and CV = c.

use junheng_core::fields::Field;
use junheng_core::standards::report::StandardReport;
use junheng_core::standards::{evaluate, Level, Options, SchoolInput, SchoolType, Standard};

const PUPILS: f64 = 400.0;

fn basic() -> Standard {
    Standard::builtin("basic-2012").unwrap()
}

fn quality() -> Standard {
    Standard::builtin("quality-2017").unwrap()
}

fn kind(level: Level) -> SchoolType {
    match level {
        Level::Primary => SchoolType::Primary,
        Level::Junior => SchoolType::Junior,
    }
}

/// A school whose value on indicator k of `standard` is `values[k]` (in value units).
fn school(
    standard: &Standard,
    level: Level,
    name: &str,
    line: u64,
    pupils: f64,
    values: &[f64],
) -> SchoolInput {
    let mut s = SchoolInput::new(name, line, kind(level), pupils);
    for (indicator, x) in standard.indicators().iter().zip(values) {
        s.values
            .insert(indicator.numerator, x * pupils / indicator.factor);
    }
    s
}

/// Two equal schools; indicator k has CV `cvs[k]` around base value `bases[k]`.
fn two_schools(standard: &Standard, level: Level, bases: &[f64], cvs: &[f64]) -> Vec<SchoolInput> {
    let low: Vec<f64> = bases.iter().zip(cvs).map(|(b, c)| b * (1.0 - c)).collect();
    let high: Vec<f64> = bases.iter().zip(cvs).map(|(b, c)| b * (1.0 + c)).collect();
    vec![
        school(standard, level, "甲校", 2, PUPILS, &low),
        school(standard, level, "乙校", 3, PUPILS, &high),
    ]
}

const BASES_2012: [f64; 8] = [5.0, 8.0, 2000.0, 10.0, 30.0, 0.07, 0.065, 0.04];

fn county_2012(level: Level, cvs: [f64; 8]) -> StandardReport {
    let standard = basic();
    evaluate(
        &standard,
        &two_schools(&standard, level, &BASES_2012, &cvs),
        &Options::national(),
    )
}

/// Standards of the 2017 table for a level, in table order.
fn standards_2017(level: Level) -> Vec<f64> {
    quality()
        .indicators()
        .iter()
        .map(|i| i.standard.get(level).unwrap())
        .collect()
}

/// A 2017 school whose value on indicator k is `ratios[k]` × the standard.
fn school_2017(level: Level, name: &str, line: u64, pupils: f64, ratios: [f64; 7]) -> SchoolInput {
    let values: Vec<f64> = standards_2017(level)
        .iter()
        .zip(ratios)
        .map(|(s, r)| s * r)
        .collect();
    school(&quality(), level, name, line, pupils, &values)
}

fn evaluate_2017(schools: &[SchoolInput]) -> StandardReport {
    evaluate(&quality(), schools, &Options::national())
}

fn check_cv(report: &StandardReport, level: usize, indicator: usize, expected: f64) {
    let cv = report.levels[level].indicators[indicator].cv.unwrap();
    assert!((cv - expected).abs() < 1e-12, "cv {cv} expected {expected}");
}

// ---- 2012 basic balance ------------------------------------------------------------------

#[test]
fn basic_2012_passes() {
    let r = county_2012(Level::Primary, [0.3; 8]);
    assert_eq!(r.id, "basic-2012");
    let level = &r.levels[0];
    assert_eq!(level.level, "primary");
    assert_eq!(level.schools, 2);
    assert!(level.verdict, "{:?}", level.reasons);
    assert!((level.composite_cv.unwrap() - 0.3).abs() < 1e-12);
    assert_eq!(level.composite_cv_max, Some(0.65));
    for (k, i) in level.indicators.iter().enumerate() {
        check_cv(&r, 0, k, 0.3);
        assert_eq!(i.cv_max, None);
        assert_eq!(i.cv_ok, None);
        assert_eq!(i.n, 2);
        assert!((i.mean.unwrap() - BASES_2012[k]).abs() < 1e-9 * BASES_2012[k]);
    }
    assert!(r
        .schools
        .iter()
        .all(|s| s.passes.is_none() && s.met.is_none()));
}

#[test]
fn basic_2012_fails_on_composite_only() {
    let r = county_2012(Level::Primary, [0.7; 8]);
    let level = &r.levels[0];
    assert!(!level.verdict);
    assert_eq!(level.reasons.len(), 1);
    assert!(
        level.reasons[0].zh.contains("综合差异系数"),
        "{}",
        level.reasons[0].zh
    );
    assert!(level.reasons[0].en.contains("composite CV 0.700"));
}

#[test]
fn basic_2012_one_indicator_above_threshold_composite_below_passes() {
    // Like 庐阳区: sports-area CV far above 0.65, composite below it.
    let r = county_2012(Level::Primary, [0.3, 0.9, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
    let level = &r.levels[0];
    check_cv(&r, 0, 1, 0.9);
    assert!((level.composite_cv.unwrap() - 0.375).abs() < 1e-12);
    assert!(level.verdict);
}

#[test]
fn basic_2012_exactly_on_thresholds_pass_and_are_borderline() {
    for (level, max) in [(Level::Primary, 0.65), (Level::Junior, 0.55)] {
        let r = county_2012(level, [max; 8]);
        let l = &r.levels[0];
        assert_eq!(l.level, level.id());
        assert_eq!(l.composite_cv_max, Some(max));
        assert!(l.verdict, "{level:?} exactly at {max} passes (≤)");
        assert!(l.composite_borderline);
        let above = county_2012(level, [max + 0.001; 8]);
        assert!(!above.levels[0].verdict, "{level:?} above {max} fails");
        assert!(above.levels[0].composite_borderline);
        let clear = county_2012(level, [max - 0.01; 8]);
        assert!(clear.levels[0].verdict && !clear.levels[0].composite_borderline);
    }
}

#[test]
fn basic_2012_junior_threshold_is_stricter() {
    let r = county_2012(Level::Junior, [0.6; 8]);
    assert!(!r.levels[0].verdict, "0.6 > 0.55 fails for 初中");
    let r = county_2012(Level::Primary, [0.6; 8]);
    assert!(r.levels[0].verdict, "0.6 ≤ 0.65 passes for 小学");
}

#[test]
fn basic_2012_needs_every_cv() {
    let standard = basic();
    let mut schools = two_schools(&standard, Level::Primary, &BASES_2012, &[0.3; 8]);
    for s in &mut schools {
        s.values.remove(&Field::Books);
    }
    let r = evaluate(&standard, &schools, &Options::national());
    let l = &r.levels[0];
    assert_eq!(l.indicators[4].n, 0);
    assert_eq!(l.indicators[4].cv, None);
    assert_eq!(l.composite_cv, None);
    assert!(!l.verdict);
    assert_eq!(r.schools[0].missing, vec!["books_per_student".to_string()]);
}

// ---- 2017 high-quality balance ------------------------------------------------------------

#[test]
fn quality_2017_passes() {
    let r = evaluate_2017(&[
        school_2017(
            Level::Primary,
            "甲校",
            2,
            500.0,
            [1.0, 1.2, 1.1, 1.3, 1.0, 1.5, 1.2],
        ),
        school_2017(
            Level::Primary,
            "乙校",
            3,
            300.0,
            [1.2, 1.0, 1.0, 1.0, 1.1, 1.0, 1.0],
        ),
    ]);
    let l = &r.levels[0];
    assert!(l.verdict, "{:?}", l.reasons);
    assert_eq!(l.composite_cv_max, None);
    assert!(l.composite_cv.is_some());
    for i in &l.indicators {
        assert_eq!(i.cv_max, Some(0.5));
        assert_eq!(i.cv_ok, Some(true));
        assert_eq!(i.schools_meeting, Some(2));
        assert!(i.standard.is_some());
    }
    for s in &r.schools {
        assert_eq!(s.met, Some(7));
        assert_eq!(s.passes, Some(true));
        assert!(s.shortfalls.is_empty());
    }
}

#[test]
fn quality_2017_fails_on_one_cv_only() {
    // Both schools reach every standard; the backbone-teacher values 1 and 4 × standard give
    // CV 3/5 = 0.6 > 0.50.
    let r = evaluate_2017(&[
        school_2017(
            Level::Primary,
            "甲校",
            2,
            400.0,
            [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        ),
        school_2017(
            Level::Primary,
            "乙校",
            3,
            400.0,
            [1.0, 4.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        ),
    ]);
    let l = &r.levels[0];
    assert!(!l.verdict);
    assert!(r.schools.iter().all(|s| s.passes == Some(true)));
    check_cv(&r, 0, 1, 0.6);
    assert_eq!(l.indicators[1].cv_ok, Some(false));
    assert_eq!(
        l.indicators
            .iter()
            .filter(|i| i.cv_ok == Some(false))
            .count(),
        1
    );
    assert_eq!(l.reasons.len(), 1);
    assert!(
        l.reasons[0].en.contains("CV 0.600 is above 0.5"),
        "{}",
        l.reasons[0].en
    );
}

#[test]
fn quality_2017_fails_on_attainment_only() {
    // 乙校 misses two standards (both above 85 %): 6-of-7 fails; every CV is small.
    let r = evaluate_2017(&[
        school_2017(Level::Junior, "甲校", 2, 400.0, [1.0; 7]),
        school_2017(
            Level::Junior,
            "乙校",
            3,
            400.0,
            [1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0],
        ),
    ]);
    let l = &r.levels[0];
    assert!(l.indicators.iter().all(|i| i.cv_ok == Some(true)));
    assert!(!l.verdict);
    assert_eq!(r.schools[1].met, Some(5));
    assert_eq!(r.schools[1].passes, Some(false));
    assert!(l.reasons[0].zh.contains("乙校"));
    assert_eq!(r.schools[1].shortfalls.len(), 2);
}

#[test]
fn quality_2017_exactly_on_cv_thresholds() {
    // Values 1 and 3 × standard: CV 0.5 exactly; 1.1 and 2.9 × b around 2: CV 0.45.
    let primary = evaluate_2017(&[
        school_2017(Level::Primary, "甲校", 2, 400.0, [1.0; 7]),
        school_2017(Level::Primary, "乙校", 3, 400.0, [3.0; 7]),
    ]);
    let l = &primary.levels[0];
    for k in 0..7 {
        check_cv(&primary, 0, k, 0.5);
        assert_eq!(l.indicators[k].cv_ok, Some(true));
        assert!(l.indicators[k].borderline);
    }
    assert!(l.verdict, "{:?}", l.reasons);
    let junior = evaluate_2017(&[
        school_2017(Level::Junior, "甲校", 2, 400.0, [1.1; 7]),
        school_2017(Level::Junior, "乙校", 3, 400.0, [2.9; 7]),
    ]);
    assert!(junior.levels[0].verdict, "{:?}", junior.levels[0].reasons);
    assert!(junior.levels[0]
        .indicators
        .iter()
        .all(|i| i.borderline && i.cv_max == Some(0.45)));
    let above = evaluate_2017(&[
        school_2017(Level::Junior, "甲校", 2, 400.0, [1.1; 7]),
        school_2017(Level::Junior, "乙校", 3, 400.0, [2.91; 7]),
    ]);
    assert!(!above.levels[0].verdict);
}

#[test]
fn quality_2017_equal_to_standard_counts_as_reached() {
    // 21 teachers for 500 pupils is exactly 4.2 per 100.
    let mut s = school_2017(Level::Primary, "甲校", 2, 500.0, [1.0; 7]);
    s.values.insert(Field::TeachersAboveQual, 21.0);
    let r = evaluate_2017(&[s.clone(), s]);
    assert_eq!(r.schools[0].met, Some(7));
    assert!(r.options.equal_counts_as_reached);
}

#[test]
fn quality_2017_85_percent_rule_at_its_boundary() {
    let at = evaluate_2017(&[school_2017(
        Level::Primary,
        "甲校",
        2,
        400.0,
        [1.0, 1.0, 1.0, 0.85, 1.0, 1.0, 1.0],
    )]);
    assert_eq!(at.schools[0].met, Some(6));
    assert_eq!(at.schools[0].passes, Some(true), "exactly 85 % passes");
    let below = evaluate_2017(&[school_2017(
        Level::Primary,
        "甲校",
        2,
        400.0,
        [1.0, 1.0, 1.0, 0.8499, 1.0, 1.0, 1.0],
    )]);
    assert_eq!(below.schools[0].met, Some(6));
    assert_eq!(below.schools[0].passes, Some(false), "below 85 % fails");
    let s = &below.schools[0].shortfalls[0];
    assert_eq!(s.indicator, "teaching_area_per_student");
    assert!((s.floor - 0.85 * 4.5).abs() < 1e-12);
}

#[test]
fn quality_2017_six_of_seven_rule_at_its_boundary() {
    let six = evaluate_2017(&[school_2017(
        Level::Junior,
        "甲校",
        2,
        400.0,
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.99],
    )]);
    assert_eq!(six.schools[0].met, Some(6));
    assert_eq!(six.schools[0].passes, Some(true));
    let five = evaluate_2017(&[school_2017(
        Level::Junior,
        "甲校",
        2,
        400.0,
        [1.0, 1.0, 1.0, 1.0, 1.0, 0.99, 0.99],
    )]);
    assert_eq!(five.schools[0].met, Some(5));
    assert_eq!(five.schools[0].passes, Some(false));
}

#[test]
fn quality_2017_missing_value_is_not_reached() {
    let mut s = school_2017(Level::Primary, "甲校", 2, 400.0, [1.0; 7]);
    s.values.remove(&Field::MultimediaRooms);
    let r = evaluate_2017(&[s]);
    assert_eq!(r.schools[0].met, Some(6));
    assert_eq!(
        r.schools[0].passes,
        Some(false),
        "a missing value cannot be certified"
    );
    assert_eq!(
        r.schools[0].missing,
        vec!["multimedia_rooms_per_100".to_string()]
    );
}

#[test]
fn shortfalls_in_natural_units() {
    // 510 pupils: 4.2 per 100 needs ⌈21.42⌉ = 22 teachers; the school has 20.
    // Teaching area 4.5 m² × 510 = 2295 m²; the school has 2000.
    let mut s = school_2017(Level::Primary, "甲校", 2, 510.0, [1.0; 7]);
    s.values.insert(Field::TeachersAboveQual, 20.0);
    s.values.insert(Field::TeachingArea, 2000.0);
    let r = evaluate_2017(&[s]);
    let f = &r.schools[0].shortfalls;
    assert_eq!(f.len(), 2);
    assert_eq!(
        (f[0].indicator.as_str(), f[0].shortfall, f[0].unit.as_str()),
        ("above_qual_teachers_per_100", 2.0, "teachers")
    );
    assert_eq!(f[1].indicator, "teaching_area_per_student");
    assert!((f[1].shortfall - 295.0).abs() < 1e-9);
    assert_eq!(f[1].unit, "m2");
    // Exactly 21 needed for 500 pupils: 20 present → 1, not 2 (no float ceiling slip).
    let mut s = school_2017(Level::Primary, "乙校", 2, 500.0, [1.0; 7]);
    s.values.insert(Field::TeachersAboveQual, 20.0);
    let r = evaluate_2017(&[s]);
    assert_eq!(r.schools[0].shortfalls[0].shortfall, 1.0);
}

#[test]
fn size_and_class_checks() {
    let mut big = school_2017(Level::Primary, "大校", 2, 2100.0, [1.0; 7]);
    big.max_class_size = Some(46.0);
    let mut nine = SchoolInput::new("一贯制", 3, SchoolType::NineYear, 2400.0);
    nine.students_primary = Some(1400.0);
    nine.students_junior = Some(1000.0);
    nine.max_class_size = Some(48.0);
    nine.values = big.values.clone();
    let mut junior = school_2017(Level::Junior, "初中", 4, 1500.0, [1.0; 7]);
    junior.max_class_size = Some(50.0);
    let r = evaluate_2017(&[big, nine, junior]);
    let find = |check: &str, name: &str| {
        r.other_checks
            .iter()
            .find(|c| c.check == check && c.name == name)
            .unwrap()
    };
    assert_eq!(find("school_size", "大校").ok, Some(false));
    assert_eq!(find("school_size", "大校").limit, 2000.0);
    assert_eq!(find("class_size", "大校").ok, Some(false));
    assert_eq!(find("school_size", "一贯制").ok, Some(true));
    assert_eq!(find("school_size", "一贯制").limit, 2500.0);
    assert_eq!(
        find("class_size", "一贯制").ok,
        None,
        "48 is fine for 初中, not for 小学"
    );
    assert_eq!(
        find("class_size", "初中").ok,
        Some(true),
        "50 is within ≤ 50"
    );
    let basic_report = evaluate(
        &basic(),
        &[school_2017(Level::Primary, "大校", 2, 2100.0, [1.0; 7])],
        &Options::national(),
    );
    assert!(
        basic_report.other_checks.is_empty(),
        "2012 has no size checks"
    );
}

// ---- scope and options --------------------------------------------------------------------

#[test]
fn scope_options_are_applied_and_printed() {
    let mut point = school_2017(Level::Primary, "教学点", 4, 30.0, [1.0; 7]);
    point.school_type = SchoolType::TeachingPoint;
    let mut private = school_2017(Level::Primary, "民办校", 5, 800.0, [1.0; 7]);
    private.private = true;
    let schools = vec![
        school_2017(Level::Primary, "甲校", 2, 400.0, [1.0; 7]),
        point,
        private,
    ];
    let national = evaluate_2017(&schools);
    assert_eq!(national.levels[0].schools, 1);
    assert!(!national.options.include_private && !national.options.include_teaching_points);
    assert!(national.notes.iter().any(|n| n.zh.contains("1 所教学点")));
    assert!(national
        .notes
        .iter()
        .any(|n| n.zh.contains("民办校（第 5 行）")));
    let excluded: Vec<(&str, u64, &str, Option<&str>)> = national
        .excluded
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.line,
                e.reason.as_str(),
                e.basis.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        excluded,
        [
            ("教学点", 4, "teaching_point", Some("level")),
            ("民办校", 5, "private", Some("operator"))
        ]
    );
    assert_eq!(
        national.scope.zh,
        "口径：纳入评估的小学 1 所；未纳入 2 所：教学点 1 所、民办学校 1 所（名单见“未纳入评估的学校”）；差异系数按学生数加权。"
    );
    let mut options = Options::national();
    options.include_private = true;
    options.include_teaching_points = true;
    let all = evaluate(&quality(), &schools, &options);
    assert_eq!(all.levels[0].schools, 3);
    assert!(all.options.include_private && all.options.include_teaching_points);
    assert!(all.excluded.is_empty());
    assert_eq!(
        all.scope.zh, "口径：纳入评估的小学 3 所（含教学点 1 所）；差异系数按学生数加权。",
        "the scope line says what was counted, never 不含教学点 while counting one"
    );
    let json = serde_json::to_value(&all).unwrap();
    assert_eq!(json["options"]["split"], "weighted");
    assert_eq!(json["options"]["junior_weight"], 1.1);
    assert_eq!(
        json["levels"][0]["indicators"][0]["id"],
        "above_qual_teachers_per_100"
    );
}

#[test]
fn gym_option_moves_the_gym_to_sports() {
    let mut s = SchoolInput::new("甲校", 2, SchoolType::Primary, 100.0);
    s.values.insert(Field::TeachingArea, 600.0);
    s.values.insert(Field::SportsArea, 700.0);
    s.values.insert(Field::GymArea, 100.0);
    let plain = evaluate(&quality(), &[s.clone()], &Options::national());
    assert_eq!(plain.schools[0].values["teaching_area_per_student"], 6.0);
    assert_eq!(plain.schools[0].values["sports_area_per_student"], 7.0);
    let mut options = Options::national();
    options.gym_in_sports = true;
    let moved = evaluate(&quality(), &[s], &options);
    assert_eq!(moved.schools[0].values["teaching_area_per_student"], 5.0);
    assert_eq!(moved.schools[0].values["sports_area_per_student"], 8.0);
    assert!(moved.options.gym_in_sports);
}

#[test]
fn zero_pupils_are_excluded_with_a_note() {
    let mut s = school_2017(Level::Primary, "空校", 7, 400.0, [1.0; 7]);
    s.students = Some(0.0);
    let r = evaluate_2017(&[school_2017(Level::Primary, "甲校", 2, 400.0, [1.0; 7]), s]);
    assert_eq!(r.levels[0].schools, 1);
    assert!(r
        .notes
        .iter()
        .any(|n| n.zh.contains("空校") && n.en.contains("line 7")));
}
