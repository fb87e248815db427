//! Spanning schools (docs/domain.md §2.3): split by weighted pupils, exactly, never counted twice.

use std::collections::BTreeMap;

use junheng_core::fields::Field;
use junheng_core::standards::{
    evaluate, prepare, Level, Options, SchoolInput, SchoolType, Split, Standard,
};

fn nine_year(primary: f64, junior: f64) -> SchoolInput {
    let mut s = SchoolInput::new("九年一贯制学校", 9, SchoolType::NineYear, primary + junior);
    s.students_primary = Some(primary);
    s.students_junior = Some(junior);
    s
}

#[test]
fn worked_example_of_the_guidance() {
    // A = 166 primary, B = 210 junior pupils, 23,226 books; weights 1 and 1.1.
    let s = nine_year(166.0, 210.0).with(Field::Books, 23226.0);
    let prepared = prepare(&[s], &Options::national());
    let [p, j] = prepared.sections.as_slice() else {
        panic!("two sections expected")
    };
    assert_eq!((p.level, j.level), (Level::Primary, Level::Junior));
    assert_eq!((p.students, j.students), (166.0, 210.0));
    let (bp, bj) = (p.values[&Field::Books], j.values[&Field::Books]);
    // Exact: 23226 × 166 / 397 and 23226 × 231 / 397.
    assert!((bp - 23226.0 * 166.0 / 397.0).abs() < 1e-9);
    assert!((bj - 23226.0 * 231.0 / 397.0).abs() < 1e-9);
    assert_eq!(format!("{bp:.2} / {bj:.2}"), "9711.63 / 13514.37");
    // The source's 9,711 / 13,515 comes from rounding 58.50 first: 58.5 × 166 = 9,711.
    assert_eq!((58.5f64 * 166.0).floor(), 9711.0);
    assert!((bp + bj - 23226.0).abs() < 1e-9, "never counted twice");
    assert!((p.share.unwrap() - 166.0 / 397.0).abs() < 1e-15);
}

#[test]
fn only_the_guidance_resources_are_apportioned_and_teachers_by_section() {
    let mut s = nine_year(300.0, 200.0)
        .with(Field::TeachingArea, 2000.0)
        .with(Field::Teachers, 40.0)
        .with(Field::TeachersBackbone, 4.0)
        .with(Field::BuildingArea, 5000.0);
    let mut junior = BTreeMap::new();
    junior.insert(Field::Teachers, 18.0);
    let mut primary = BTreeMap::new();
    primary.insert(Field::Teachers, 22.0);
    s.section_values.insert(Level::Junior, junior);
    s.section_values.insert(Level::Primary, primary);
    let prepared = prepare(&[s], &Options::national());
    let [p, j] = prepared.sections.as_slice() else {
        panic!("two sections expected")
    };
    assert_eq!(
        p.values[&Field::Teachers],
        22.0,
        "per-section teachers taken as is"
    );
    assert_eq!(j.values[&Field::Teachers], 18.0);
    let share_p = 300.0 / (300.0 + 1.1 * 200.0);
    assert!((p.values[&Field::TeachingArea] - 2000.0 * share_p).abs() < 1e-9);
    assert!((p.values[&Field::TeachersBackbone] - 4.0 * share_p).abs() < 1e-12);
    assert!(
        !p.values.contains_key(&Field::BuildingArea),
        "not a resource the guidance apportions"
    );
    assert!(
        prepared
            .notes
            .iter()
            .any(|n| n.zh.contains("县级及以上骨干教师数") && n.en.contains("apportioned")),
        "{:?}",
        prepared.notes
    );
}

#[test]
fn complete_and_twelve_year_schools_drop_the_senior_part() {
    let mut complete =
        SchoolInput::new("完全中学", 3, SchoolType::Complete, 1000.0).with(Field::Books, 10000.0);
    complete.students_junior = Some(600.0);
    complete.students_senior = Some(400.0);
    let mut twelve = SchoolInput::new("十二年一贯制", 4, SchoolType::TwelveYear, 1000.0)
        .with(Field::Books, 10000.0);
    twelve.students_primary = Some(500.0);
    twelve.students_junior = Some(300.0);
    twelve.students_senior = None; // derived from the total: 200
    let prepared = prepare(&[complete, twelve], &Options::national());
    let s = &prepared.sections;
    assert_eq!(s.len(), 3);
    // 完全中学: junior share B / (B + 1.2 C) = 600 / 1080.
    assert_eq!((s[0].level, s[0].students), (Level::Junior, 600.0));
    assert!((s[0].values[&Field::Books] - 10000.0 * 600.0 / 1080.0).abs() < 1e-9);
    // 十二年一贯制: A / (A + 1.1 B + 1.32 C) = 500 / 1094.
    let total = 500.0 + 1.1 * 300.0 + 1.32 * 200.0;
    assert!((s[1].values[&Field::Books] - 10000.0 * 500.0 / total).abs() < 1e-9);
    assert!((s[2].values[&Field::Books] - 10000.0 * 330.0 / total).abs() < 1e-9);
    assert!(prepared.notes.iter().any(|n| n.en.contains("derived")));
}

#[test]
fn pupil_proportional_and_already_split() {
    let s = nine_year(166.0, 210.0).with(Field::Books, 23226.0);
    let mut options = Options::national();
    options.split = Split::PupilProportional;
    let prepared = prepare(std::slice::from_ref(&s), &options);
    assert!((prepared.sections[0].values[&Field::Books] - 23226.0 * 166.0 / 376.0).abs() < 1e-9);

    options.split = Split::AlreadySplit;
    let mut primary = SchoolInput::new("某校（小学部）", 10, SchoolType::PrimarySection, 166.0);
    primary.values.insert(Field::Books, 9000.0);
    let mut junior = SchoolInput::new("某校（初中部）", 11, SchoolType::JuniorSection, 210.0);
    junior.values.insert(Field::Books, 14226.0);
    let prepared = prepare(&[s, primary, junior], &options);
    assert_eq!(
        prepared.sections.len(),
        2,
        "the whole spanning row is left out, with a note"
    );
    assert_eq!(prepared.sections[0].level, Level::Primary);
    assert_eq!(prepared.sections[1].values[&Field::Books], 14226.0);
    assert!(prepared
        .notes
        .iter()
        .any(|n| n.zh.contains("九年一贯制学校")));
    let report = evaluate(&Standard::builtin("basic-2012").unwrap(), &[], &options);
    assert_eq!(report.options.split, "already_split");
}

#[test]
fn spanning_school_without_section_pupils_is_left_out() {
    let s = SchoolInput::new("一贯制", 5, SchoolType::NineYear, 500.0).with(Field::Books, 100.0);
    let prepared = prepare(&[s], &Options::national());
    assert!(prepared.sections.is_empty());
    assert!(prepared.notes[0].en.contains("cannot be split"));
}
