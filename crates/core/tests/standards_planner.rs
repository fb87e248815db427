//! Gap-to-standard planner: floors are exact, plans fix what they claim, CSV export.

use junheng_core::fields::Field;
use junheng_core::measures::{cv, Sample};
use junheng_core::standards::planner::{Change, CompositePlan};
use junheng_core::standards::{
    apply, cv_with_floor, evaluate_prepared, floor_level, plan, plan_csv, prepare, Level, Options,
    SchoolInput, SchoolType, Standard,
};
use proptest::prelude::*;

fn primary(name: &str, line: u64, pupils: f64) -> SchoolInput {
    SchoolInput::new(name, line, SchoolType::Primary, pupils)
}

/// Five primary schools that reach every 2017 standard except the sports-area CV (0.5 max).
fn county_2017() -> Vec<SchoolInput> {
    let sports = [3000.0, 2000.0, 12000.0, 9000.0, 900.0];
    let pupils = [400.0, 250.0, 600.0, 300.0, 120.0];
    let standard = Standard::builtin("quality-2017").unwrap();
    (0..5)
        .map(|k| {
            let p = pupils[k];
            let mut s = primary(&format!("第{k}小学"), k as u64 + 2, p);
            for i in standard.indicators() {
                let std = i.standard.get(Level::Primary).unwrap();
                s.values.insert(i.numerator, 1.2 * std * p / i.factor);
            }
            s.values.insert(Field::SportsArea, sports[k]);
            s
        })
        .collect()
}

#[test]
fn floor_and_top_k_fix_a_failing_2017_cv() {
    let standard = Standard::builtin("quality-2017").unwrap();
    let options = Options::national();
    let prepared = prepare(&county_2017(), &options);
    let before = evaluate_prepared(&standard, &prepared, &options);
    let sports = &before.levels[0].indicators[4];
    assert_eq!(sports.cv_ok, Some(false), "cv {:?}", sports.cv);
    let p = plan(&standard, &prepared, &options);
    assert_eq!(p.floors.len(), 1);
    let floor = &p.floors[0];
    assert_eq!(floor.indicator, "sports_area_per_student");
    assert!(floor.cv_after <= 0.5 && floor.cv_before > 0.5);
    assert_eq!(floor.unit, "m2");
    let cost: f64 = floor.changes.iter().map(|c| c.delta).sum();
    assert!((cost - floor.cost).abs() < 1e-6);
    assert!(floor
        .changes
        .iter()
        .all(|c| c.delta > 0.0 && c.to_value == floor.floor));
    let after = evaluate_prepared(&standard, &apply(&prepared, &floor.changes), &options);
    assert!(after.levels[0].verdict, "{:?}", after.levels[0].reasons);

    let top = &p.top_k[0];
    assert!(top.k >= 1 && top.cv_after <= 0.5);
    let after = evaluate_prepared(&standard, &apply(&prepared, &top.changes), &options);
    assert_eq!(after.levels[0].indicators[4].cv_ok, Some(true));
    // k is the smallest: with one school fewer the CV is still above.
    if top.k > 1 {
        let fewer: Vec<Change> = top.changes[..top.k - 1].to_vec();
        let after = evaluate_prepared(&standard, &apply(&prepared, &fewer), &options);
        assert_eq!(after.levels[0].indicators[4].cv_ok, Some(false));
    }
}

#[test]
fn shortfall_totals_and_csv() {
    let standard = Standard::builtin("quality-2017").unwrap();
    let options = Options::national();
    let mut schools = county_2017();
    schools[0].values.insert(Field::TeachingArea, 1700.0); // needs 1800 m², above 85 %: passes
    schools[1].values.insert(Field::TeachersBackbone, 1.0); // needs 3 for 250 pupils
    schools[1].values.insert(Field::TeachingArea, 1000.0); // needs 1125 m²
    let prepared = prepare(&schools, &options);
    let p = plan(&standard, &prepared, &options);
    let backbone = p
        .totals
        .iter()
        .find(|t| t.indicator == "backbone_teachers_per_100")
        .unwrap();
    assert_eq!(
        (backbone.schools, backbone.total, backbone.unit.as_str()),
        (1, 2.0, "teachers")
    );
    let area = p
        .totals
        .iter()
        .find(|t| t.indicator == "teaching_area_per_student")
        .unwrap();
    assert_eq!((area.schools, area.unit.as_str()), (2, "m2"));
    assert!((area.total - 225.0).abs() < 1e-9);
    assert!(
        (area.total_failing - 125.0).abs() < 1e-9,
        "only 第1小学 fails (two items short)"
    );
    assert!(p.gaps.iter().find(|g| g.line == 2).unwrap().passes);
    let gap = p.gaps.iter().find(|g| g.line == 3).unwrap();
    assert!(!gap.passes);
    let csv = plan_csv(&p);
    assert!(csv.starts_with('\u{feff}'));
    let first = csv.lines().next().unwrap();
    assert!(first.contains("学段 level") && first.contains("资源变化 change"));
    assert!(
        csv.contains("shortfall,teaching_area_per_student,第1小学,3,4,4.5,125,m2"),
        "{csv}"
    );
    assert!(csv.contains("total,backbone_teachers_per_100,全县合计 county total,,,,2,teachers"));
    assert!(csv.contains(",floor,sports_area_per_student,"));
}

#[test]
fn composite_plan_brings_2012_under_threshold() {
    let standard = Standard::builtin("basic-2012").unwrap();
    let options = Options::national();
    // Three schools; every indicator spread wide, composite above 0.65.
    let factors = [1.0, 1.0, 1.0, 100.0, 1.0, 1.0, 1.0, 1.0];
    let spread = [
        [1.0, 3.0, 9.0],
        [1.0, 2.0, 8.0],
        [0.5, 3.0, 6.0],
        [1.0, 2.0, 3.0],
    ];
    let pupils = [300.0, 500.0, 200.0];
    let schools: Vec<SchoolInput> = (0..3)
        .map(|k| {
            let mut s = primary(&format!("校{k}"), k as u64 + 2, pupils[k]);
            for (j, i) in standard.indicators().iter().enumerate() {
                s.values
                    .insert(i.numerator, spread[j % 4][k] * pupils[k] / factors[j]);
            }
            s
        })
        .collect();
    let prepared = prepare(&schools, &options);
    let before = evaluate_prepared(&standard, &prepared, &options);
    assert!(!before.levels[0].verdict);
    let p = plan(&standard, &prepared, &options);
    assert!(p.floors.is_empty() && p.top_k.is_empty());
    let [CompositePlan {
        composite_before,
        composite_after,
        cap,
        floors,
        ..
    }] = p.composite.as_slice()
    else {
        panic!("one composite plan expected: {:?}", p.composite)
    };
    assert!(*composite_before > 0.65 && *composite_after <= 0.65);
    assert!(floors
        .iter()
        .all(|f| f.cv_after <= *cap && f.cv_before > *cap));
    let changes: Vec<Change> = floors.iter().flat_map(|f| f.changes.clone()).collect();
    let after = evaluate_prepared(&standard, &apply(&prepared, &changes), &options);
    assert!(after.levels[0].verdict, "{:?}", after.levels[0].reasons);
    assert!(plan_csv(&p).contains(",composite_floor,"));
}

#[test]
fn floor_level_when_already_within_target() {
    let values = [2.0, 3.0, 4.0];
    let pupils = [1.0, 1.0, 1.0];
    assert_eq!(floor_level(&values, &pupils, 0.9), Some(2.0));
    assert_eq!(floor_level(&values, &pupils, 0.0), None);
    assert_eq!(floor_level(&[], &[], 0.5), None);
}

#[test]
fn floor_level_with_zero_values() {
    // Two of four schools have no backbone teacher at all.
    let values = [0.0, 0.0, 1.2, 2.5];
    let pupils = [100.0, 300.0, 500.0, 800.0];
    let l = floor_level(&values, &pupils, 0.5).unwrap();
    assert!(l > 0.0 && cv_with_floor(&values, &pupils, l).unwrap() <= 0.5);
    assert!(cv_with_floor(&values, &pupils, f64::from_bits(l.to_bits() - 1)).unwrap() > 0.5);
}

fn weighted_cv(values: &[f64], pupils: &[f64]) -> f64 {
    cv(&Sample::new(values.to_vec(), pupils.to_vec()).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The floor L is exact: at L the CV is within the target; at the float just below L, and at
    /// L·(1 − 1e-9), it is not.
    #[test]
    fn floor_level_is_exact(
        schools in prop::collection::vec((prop_oneof![1 => Just(0.0), 6 => 0.05f64..200.0], 1.0f64..3000.0), 2..40),
        target in 0.02f64..0.9,
    ) {
        let values: Vec<f64> = schools.iter().map(|s| s.0).collect();
        let pupils: Vec<f64> = schools.iter().map(|s| s.1.round()).collect();
        // With every value 0 the mean is 0 and the CV undefined: documented as None.
        if values.iter().all(|&v| v == 0.0) {
            prop_assert_eq!(floor_level(&values, &pupils, target), None);
            return Ok(());
        }
        let l = floor_level(&values, &pupils, target).unwrap();
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        if weighted_cv(&values, &pupils) <= target {
            prop_assert_eq!(l, min);
        } else {
            prop_assert!(cv_with_floor(&values, &pupils, l).unwrap() <= target);
            // Zeros (schools without any backbone teacher) are valid values (docs/domain.md §3.3).
            let previous = f64::from_bits(l.to_bits() - 1);
            prop_assert!(cv_with_floor(&values, &pupils, previous).unwrap() > target);
            prop_assert!(cv_with_floor(&values, &pupils, l * (1.0 - 1e-9)).unwrap() > target);
            // Applying the floor by hand gives the same CV.
            let raised: Vec<f64> = values.iter().map(|&x| x.max(l)).collect();
            prop_assert!(weighted_cv(&raised, &pupils) <= target);
        }
    }
}

#[test]
fn variance_shares_of_the_official_example() {
    // docs/domain.md §3.5: pupils 45, 37, 89, 76, 55; books 279, 137, 935, 160, 402.
    let pupils = [45.0, 37.0, 89.0, 76.0, 55.0];
    let books = [279.0, 137.0, 935.0, 160.0, 402.0];
    let values: Vec<f64> = books.iter().zip(&pupils).map(|(b, p)| b / p).collect();
    let shares = junheng_core::standards::variance_shares(&values, &pupils).unwrap();
    let printed: Vec<String> = shares.iter().map(|s| format!("{s:.3}")).collect();
    assert_eq!(printed, ["0.000", "0.080", "0.481", "0.423", "0.016"]);
    assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!((weighted_cv(&values, &pupils) - 0.5153).abs() < 5e-5);
}
