//! Standards as data: the built-in tables and the validation of provincial files.

use junheng_core::standards::{CountyRule, Error, Level, Standard};
use junheng_core::{Field, Lang};

#[test]
fn builtin_tables() {
    let basic = Standard::builtin("basic-2012").unwrap();
    assert_eq!(basic.indicators().len(), 8);
    assert!(basic.source().contains("教督〔2012〕3号"));
    assert_eq!(
        basic.county_rule(),
        CountyRule::Composite {
            max: junheng_core::standards::ByLevel {
                primary: 0.65,
                junior: 0.55
            }
        }
    );
    assert!(basic.school_rule().is_none());
    assert_eq!(basic.indicators()[3].id, "computers_per_100");
    assert_eq!(basic.indicators()[3].factor, 100.0);
    assert_eq!(basic.indicators()[5].numerator, Field::Teachers);

    let quality = Standard::builtin("quality-2017").unwrap();
    assert!(quality.source().contains("教督〔2017〕6号"));
    let expected = [
        ("above_qual_teachers_per_100", 4.2, 5.3),
        ("backbone_teachers_per_100", 1.0, 1.0),
        ("pe_arts_teachers_per_100", 0.9, 0.9),
        ("teaching_area_per_student", 4.5, 5.8),
        ("sports_area_per_student", 7.5, 10.2),
        ("equipment_value_per_student", 2000.0, 2500.0),
        ("multimedia_rooms_per_100", 2.3, 2.4),
    ];
    for (indicator, (id, p, j)) in quality.indicators().iter().zip(expected) {
        assert_eq!(indicator.id, id);
        assert_eq!(indicator.standard.get(Level::Primary), Some(p));
        assert_eq!(indicator.standard.get(Level::Junior), Some(j));
        assert_eq!(indicator.cv_max.get(Level::Primary), Some(0.5));
        assert_eq!(indicator.cv_max.get(Level::Junior), Some(0.45));
    }
    let rule = quality.school_rule().unwrap();
    assert_eq!((rule.max_unreached, rule.floor_ratio), (1, 0.85));
    assert_eq!(quality.size_limits().unwrap().spanning_students, 2500.0);
    assert!(matches!(
        Standard::builtin("basic-2013"),
        Err(Error::UnknownBuiltin { .. })
    ));
}

const PROVINCE: &str = r#"{
  "id": "basic-2012-province",
  "name_zh": "某省义务教育学校办学基本标准",
  "name_en": "A province's basic school-running standard",
  "county_rule": { "kind": "composite", "composite_cv_max": { "primary": 0.65, "junior": 0.55 } },
  "school_rule": { "max_unreached": 2, "floor_ratio": 0 },
  "indicators": [
    { "id": "teaching_area_per_student", "name_zh": "生均教学及辅助用房面积", "name_en": "Teaching area per student",
      "numerator": "teaching_area", "denominator": "students", "factor": 1, "unit_zh": "平方米/生", "unit_en": "m² per student",
      "standard": { "primary": 3.5, "junior": 4.5 } },
    { "id": "books_per_student", "name_zh": "生均图书册数", "name_en": "Books per student",
      "numerator": "books", "denominator": "students", "factor": 1, "unit_zh": "册/生", "unit_en": "volumes per student",
      "standard": { "primary": 20, "junior": 30 } }
  ]
}"#;

#[test]
fn provincial_table_loads() {
    let s = Standard::from_json(PROVINCE).unwrap();
    assert_eq!(s.id(), "basic-2012-province");
    assert!(s.school_rule().unwrap().all_schools_must_pass);
    assert_eq!(s.indicators()[1].standard.get(Level::Junior), Some(30.0));
}

/// Which error a broken file should give.
type Expect = fn(&Error) -> bool;

/// One line per broken file: the edit applied to the provincial example and the error expected.
#[test]
fn validation_messages() {
    let cases: [(&str, &str, Expect); 8] = [
        ("\"books\",", "\"bookz\",", |e| {
            matches!(e, Error::UnknownField { .. })
        }),
        (
            "\"factor\": 1, \"unit_zh\": \"册/生\"",
            "\"factor\": 10, \"unit_zh\": \"册/生\"",
            |e| matches!(e, Error::BadFactor { .. }),
        ),
        (
            "\"denominator\": \"students\", \"factor\": 1, \"unit_zh\": \"册",
            "\"denominator\": \"teachers\", \"factor\": 1, \"unit_zh\": \"册",
            |e| matches!(e, Error::BadDenominator { .. }),
        ),
        (
            "\"id\": \"books_per_student\"",
            "\"id\": \"teaching_area_per_student\"",
            |e| matches!(e, Error::DuplicateIndicator { .. }),
        ),
        ("\"kind\": \"composite\"", "\"kind\": \"every_cv\"", |e| {
            matches!(e, Error::Missing { .. })
        }),
        ("\"kind\": \"composite\"", "\"kind\": \"mean\"", |e| {
            matches!(e, Error::UnknownRule { .. })
        }),
        ("\"floor_ratio\": 0", "\"floor_ratio\": 85", |e| {
            matches!(e, Error::BadFloorRatio { .. })
        }),
        ("\"junior\": 30", "\"junior\": -30", |e| {
            matches!(e, Error::NotPositive { .. })
        }),
    ];
    for (from, to, expected) in cases {
        assert!(PROVINCE.contains(from), "{from}");
        let text = PROVINCE.replacen(from, to, 1);
        let err = Standard::from_json(&text).unwrap_err();
        assert!(expected(&err), "{from} → {to}: {err:?}");
        assert!(!err.message(Lang::Zh).is_empty() && !err.message(Lang::En).is_empty());
    }
    let err = Standard::from_json("{ \"id\": 1 ").unwrap_err();
    let Error::Json { line, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*line, 1);
    assert!(err.message(Lang::Zh).contains("第 1 行"));
    let err = Standard::from_json(
        &PROVINCE.replace("\"numerator\": \"books\"", "\"numerator\": \"school_name\""),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotAResource { .. }), "{err:?}");
}

#[test]
fn values_from_csv() {
    let quality = Standard::builtin("quality-2017").unwrap();
    let csv =
        "\u{feff}indicator,primary,junior,cv_max_primary\nteaching_area_per_student,5,6.5,0.4\n";
    let s = quality.with_values_csv(csv).unwrap();
    assert_eq!(s.indicators()[3].standard.get(Level::Primary), Some(5.0));
    assert_eq!(s.indicators()[3].standard.get(Level::Junior), Some(6.5));
    assert_eq!(s.indicators()[3].cv_max.get(Level::Primary), Some(0.4));
    assert_eq!(s.indicators()[3].cv_max.get(Level::Junior), Some(0.45));
    let err = quality
        .with_values_csv("indicator,primary\nlibrary,3\n")
        .unwrap_err();
    assert!(
        matches!(err, Error::UnknownIndicator { line: 2, .. }),
        "{err:?}"
    );
    let err = quality
        .with_values_csv("indicator,primary\nteaching_area_per_student,abc\n")
        .unwrap_err();
    assert!(matches!(err, Error::Csv { line: 2, .. }), "{err:?}");
    // An empty cv_max under the every-CV rule is refused.
    let err = quality
        .with_values_csv("indicator,cv_max_junior\nteaching_area_per_student,\n")
        .unwrap_err();
    assert!(matches!(err, Error::Missing { .. }), "{err:?}");
}
