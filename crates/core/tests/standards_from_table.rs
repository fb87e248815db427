//! The glue from a file to the standards engine: `ingest::read` → `schools_from_table` →
//! `evaluate`, and the standard inside `analysis::run`. Table-driven.

use std::path::PathBuf;

use junheng_core::analysis::{self, AnalysisConfig, Filter, StandardChoice};
use junheng_core::fields::Field;
use junheng_core::ingest::{Ingested, ReadOptions};
use junheng_core::standards::{
    evaluate, prepare, schools_from_table, Level, Options, SchoolType, Split, Standard,
};
use junheng_core::Error;
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/ingest")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Text through the core, workbooks through the reader (`junheng-sheets`, a dev-dependency).
fn read(name: &str, bytes: &[u8]) -> Ingested {
    junheng_sheets::read(bytes, &ReadOptions::new(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text(csv: &str) -> Ingested {
    read("t.csv", csv.as_bytes())
}

/// The report as JSON without line numbers, notes and reasons (which name lines), for comparing files
/// whose rows sit on different lines.
fn comparable(report: &impl serde::Serialize) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("line");
                map.remove("notes");
                // Reasons name schools with their lines; the verdicts are compared.
                map.remove("reasons");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(report).unwrap();
    strip(&mut v);
    v
}

/// Equal up to 1e-9 relative in every number.
fn same(got: &Value, expected: &Value, path: &str) {
    match (got, expected) {
        (Value::Object(g), Value::Object(e)) => {
            assert_eq!(
                g.keys().collect::<Vec<_>>(),
                e.keys().collect::<Vec<_>>(),
                "{path}"
            );
            for (k, v) in e {
                same(&g[k], v, &format!("{path}.{k}"));
            }
        }
        (Value::Array(g), Value::Array(e)) => {
            assert_eq!(g.len(), e.len(), "{path}");
            for (i, (g, e)) in g.iter().zip(e).enumerate() {
                same(g, e, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(g), Value::Number(e)) => {
            let (g, e) = (g.as_f64().unwrap(), e.as_f64().unwrap());
            assert!(
                (g - e).abs() <= 1e-9 * e.abs().max(1.0),
                "{path}: {g} vs {e}"
            );
        }
        _ => assert_eq!(got, expected, "{path}"),
    }
}

#[test]
fn twins_give_the_same_standard_reports() {
    // 万元 vs 元, 万册 vs 册, encodings, layouts and workbooks of the same eight schools.
    let twins = [
        "wanyuan.csv",
        "utf8_bom.csv",
        "gbk_crlf.csv",
        "fullwidth.csv",
        "title_rows.csv",
        "two_row_header.csv",
        "twin.xlsx",
        "twin.xls",
        "twin.ods",
    ];
    let clean = read("clean.csv", &fixture("clean.csv"));
    let clean_schools = schools_from_table(&clean, None).unwrap();
    assert_eq!(clean_schools.schools.len(), 8);
    for id in ["basic-2012", "quality-2017"] {
        let standard = Standard::builtin(id).unwrap();
        let options = Options::national();
        let expected = comparable(&evaluate(&standard, &clean_schools.schools, &options));
        for name in twins {
            let ingested = read(name, &fixture(name));
            let schools = schools_from_table(&ingested, None).unwrap();
            let got = comparable(&evaluate(&standard, &schools.schools, &options));
            same(&got, &expected, &format!("{name} {id}"));
        }
    }
    // The 万元 twin really is scaled: equipment of 城关第一小学 is 578.43 万元 = 5 784 300 元.
    let wanyuan = read("wanyuan.csv", &fixture("wanyuan.csv"));
    let first = &schools_from_table(&wanyuan, None).unwrap().schools[0];
    let equipment = first.values[&Field::EquipmentValue];
    assert!((equipment - 5_784_300.0).abs() < 1e-6, "{equipment}");
}

#[test]
fn missing_cells_are_missing_keys_and_rows_are_listed() {
    let ingested = text(
        "学校名称,学段,在校学生数,图书册数,计算机台数\n\
         一小,小学,500,1000,\n\
         二小,小学,,2000,50\n\
         幼儿园,幼儿园,100,300,5\n\
         三小,小学,0,100,5\n\
         一中,初中,800,—,60\n",
    );
    let got = schools_from_table(&ingested, None).unwrap();
    let names: Vec<&str> = got.schools.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["一小", "二小", "三小", "一中"]);
    // An empty cell and a placeholder are absent, not 0.
    assert!(!got.schools[0].values.contains_key(&Field::Computers));
    assert!(!got.schools[3].values.contains_key(&Field::Books));
    assert_eq!(got.schools[1].students, None);
    let codes: Vec<(&str, Vec<u64>)> = got
        .warnings
        .iter()
        .map(|w| (w.code, w.lines.clone()))
        .collect();
    assert_eq!(
        codes,
        [
            ("standard_unknown_level", vec![4]),
            ("standard_no_students", vec![3, 5]),
        ]
    );
    for w in &got.warnings {
        let first = w.lines[0];
        assert!(
            w.text.zh.contains(&format!("第 {first}"))
                && w.text.en.contains(&format!("line {first}")),
            "{w:?}"
        );
    }
}

#[test]
fn spanning_schools_are_split() {
    // docs/domain.md §2.3 worked example: A = 166 primary, B = 210 junior pupils, 23 226 books.
    let ingested = text(
        "学校名称,学段,在校学生数,小学部学生数,初中部学生数,图书册数\n\
         一贯制学校,九年一贯制学校,376,166,210,23226\n",
    );
    let schools = schools_from_table(&ingested, None).unwrap().schools;
    assert_eq!(schools[0].school_type, SchoolType::NineYear);
    assert_eq!(
        (schools[0].students_primary, schools[0].students_junior),
        (Some(166.0), Some(210.0))
    );
    let cases = [
        (Split::GUIDANCE, 23226.0 * 166.0 / 397.0),
        (Split::PupilProportional, 23226.0 * 166.0 / 376.0),
    ];
    for (split, primary_books) in cases {
        let options = Options {
            split,
            ..Options::national()
        };
        let prepared = prepare(&schools, &options);
        let books: Vec<(Level, f64)> = prepared
            .sections
            .iter()
            .map(|s| (s.level, s.values[&Field::Books]))
            .collect();
        assert_eq!(books.len(), 2, "{split:?}");
        assert_eq!(books[0].0, Level::Primary);
        assert!(
            (books[0].1 - primary_books).abs() < 1e-9,
            "{split:?} {books:?}"
        );
        assert!((books[0].1 + books[1].1 - 23226.0).abs() < 1e-9);
    }
    // Already split: a whole spanning row is not evaluated; its sections are.
    let options = Options {
        split: Split::AlreadySplit,
        ..Options::national()
    };
    assert!(prepare(&schools, &options).sections.is_empty());
    let sections = text(
        "学校名称,学段,在校学生数,图书册数\n\
         一贯制学校,小学部,166,9711\n\
         一贯制学校,初中部,210,13515\n",
    );
    let schools = schools_from_table(&sections, None).unwrap().schools;
    let levels: Vec<Level> = prepare(&schools, &options)
        .sections
        .iter()
        .map(|s| s.level)
        .collect();
    assert_eq!(levels, [Level::Primary, Level::Junior]);
}

#[test]
fn scope_of_private_schools_and_teaching_points() {
    let ingested = text(
        "学校名称,学段,举办者,在校学生数,图书册数\n\
         一小,小学,公办,500,1000\n\
         二小,小学,民办,400,900\n\
         甲村教学点,教学点,公办,30,60\n\
         一中,初中,,800,2000\n",
    );
    let schools = schools_from_table(&ingested, None).unwrap().schools;
    let private: Vec<bool> = schools.iter().map(|s| s.private).collect();
    assert_eq!(private, [false, true, false, false]);
    let standard = Standard::builtin("basic-2012").unwrap();
    // (include teaching points, include private) → primary schools evaluated.
    let cases = [
        (false, false, 1),
        (true, false, 2),
        (false, true, 2),
        (true, true, 3),
    ];
    for (points, private, primary) in cases {
        let options = Options {
            include_teaching_points: points,
            include_private: private,
            ..Options::national()
        };
        let report = evaluate(&standard, &schools, &options);
        assert_eq!(report.levels[0].level, "primary");
        assert_eq!(report.levels[0].schools, primary, "{points} {private}");
        assert_eq!(report.levels[1].schools, 1);
    }
}

/// The teaching-point and 民办 rules (docs/domain.md §2.3, §6): a row is a 教学点 when its level
/// says so, or when its level says 小学 and its name ends in 教学点; 民办 by the operator column
/// or the name. One line per case: (level, name, operator) → (type, private, by name: point,
/// private).
#[test]
fn teaching_points_and_private_schools_by_level_operator_or_name() {
    // (type, private, teaching point by name, private by name)
    type Expected = (SchoolType, bool, bool, bool);
    let cases: [(&str, &str, &str, Expected); 12] = [
        (
            "小学",
            "城关一小",
            "公办",
            (SchoolType::Primary, false, false, false),
        ),
        (
            "教学点",
            "甲村小学",
            "公办",
            (SchoolType::TeachingPoint, false, false, false),
        ),
        (
            "小学教学点",
            "乙村点",
            "",
            (SchoolType::TeachingPoint, false, false, false),
        ),
        (
            "小学",
            "龙潭第一教学点",
            "公办",
            (SchoolType::TeachingPoint, false, true, false),
        ),
        (
            "小学",
            "石门村（教学点）",
            "",
            (SchoolType::TeachingPoint, false, true, false),
        ),
        (
            "完全小学",
            "桃源教学点",
            "",
            (SchoolType::TeachingPoint, false, true, false),
        ),
        // The level says otherwise: the name does not decide.
        (
            "初中",
            "双溪教学点",
            "",
            (SchoolType::Junior, false, false, false),
        ),
        (
            "九年一贯制学校",
            "白杨教学点",
            "",
            (SchoolType::NineYear, false, false, false),
        ),
        (
            "小学",
            "育才小学",
            "民办",
            (SchoolType::Primary, true, false, false),
        ),
        (
            "初中",
            "启明民办中学",
            "",
            (SchoolType::Junior, true, false, true),
        ),
        (
            "小学",
            "光华私立小学",
            "公办",
            (SchoolType::Primary, true, false, true),
        ),
        // Both: a 民办 teaching point, by its operator column.
        (
            "小学",
            "柳河教学点",
            "民办",
            (SchoolType::TeachingPoint, true, true, false),
        ),
    ];
    let mut csv = String::from("学校名称,学段,办学性质,在校学生数,图书册数\n");
    for (level, name, operator, _) in &cases {
        csv.push_str(&format!("{name},{level},{operator},100,1000\n"));
    }
    let schools = schools_from_table(&text(&csv), None).unwrap().schools;
    assert_eq!(schools.len(), cases.len());
    for (school, (level, name, operator, expected)) in schools.iter().zip(&cases) {
        let got = (
            school.school_type,
            school.private,
            school.evidence.teaching_point_by_name,
            school.evidence.private_by_name,
        );
        assert_eq!(got, *expected, "{name} ({level}, {operator})");
    }
}

/// A county file whose teaching points are named only by their suffix (level 小学): evaluated
/// without them by default, each listed in `standard.excluded` with its line and reason; the
/// 口径 line says how many were left out; with the option they are counted and said so.
#[test]
fn teaching_points_named_only_by_their_suffix() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/dossier/teaching_points_by_name.csv"),
    )
    .unwrap();
    let ingested = read("teaching_points_by_name.csv", &bytes);
    for standard in ["basic-2012", "quality-2017"] {
        let config = with_standard(StandardChoice::Builtin(standard.into()));
        let report = analysis::run(&ingested, &config).unwrap();
        let json: Value = serde_json::from_str(&report.to_json()).unwrap();
        let section = &json["standard"];
        let excluded: Vec<(String, u64, String, String)> = section["excluded"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["name"].as_str().unwrap().to_string(),
                    e["line"].as_u64().unwrap(),
                    e["reason"].as_str().unwrap().to_string(),
                    e["basis"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let row = |name: &str, line: u64, reason: &str, basis: &str| {
            (
                name.to_string(),
                line,
                reason.to_string(),
                basis.to_string(),
            )
        };
        assert_eq!(
            excluded,
            [
                row("龙潭第一教学点", 6, "teaching_point", "name"),
                row("龙潭第二教学点", 7, "teaching_point", "name"),
                row("石门村（教学点）", 8, "teaching_point", "name"),
                row("育才民办学校", 9, "private", "name"),
            ],
            "{standard}"
        );
        // 6 primary schools in the file, 3 of them teaching points: 3 evaluated.
        assert_eq!(section["levels"][0]["level"], "primary");
        assert_eq!(section["levels"][0]["schools"], 3, "{standard}");
        assert_eq!(section["levels"][0]["students"], 1500.0, "{standard}");
        let scope = section["scope"]["zh"].as_str().unwrap();
        assert!(
            scope.contains("纳入评估的小学 3 所，初中 2 所")
                && scope.contains("未纳入 4 所：教学点 3 所、民办学校 1 所，其中 4 所按校名识别"),
            "{scope}"
        );
        // The books CV is that of the three primary schools alone: 2000/500, 1500/400,
        // 2400/600 books per pupil (4, 3.75, 4), pupil-weighted mean 5900/1500.
        let books = section["levels"][0]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "books_per_student");
        if let Some(books) = books {
            let mean = 5900.0 / 1500.0;
            let var = (500.0 * (4.0 - mean) * (4.0f64 - mean)
                + 400.0 * (3.75 - mean) * (3.75f64 - mean)
                + 600.0 * (4.0 - mean) * (4.0f64 - mean))
                / 1500.0;
            let cv = books["cv"].as_f64().unwrap();
            assert!((cv - var.sqrt() / mean).abs() < 1e-12, "{cv}");
        }
    }
    let mut config = with_standard(StandardChoice::Builtin("basic-2012".into()));
    config.standard_options.include_teaching_points = true;
    let report = analysis::run(&ingested, &config).unwrap();
    let section = report.standard.unwrap().evaluation;
    assert_eq!(section.levels[0].schools, 6);
    assert_eq!(section.excluded.len(), 1);
    assert!(
        section.scope.zh.contains("小学 6 所（含教学点 3 所）"),
        "{}",
        section.scope.zh
    );
}

/// Cells read as missing (blank, "—") are listed with school, column and line, for the schools
/// evaluated and the columns the standard reads; a school left out of scope is not listed, nor
/// a column the standard does not read.
#[test]
fn missing_cells_are_listed_with_school_column_and_line() {
    let ingested = text(
        "学校名称,学段,在校学生数,图书册数,教学及辅助用房面积,占地面积\n\
         一小,小学,500,—,2400,\n\
         二小,小学,400,1500,,900\n\
         甲村教学点,小学,30,,,\n\
         一中,初中,800,2000,5000,/\n",
    );
    let report = analysis::run(
        &ingested,
        &with_standard(StandardChoice::Builtin("basic-2012".into())),
    )
    .unwrap();
    let cells: Vec<(String, u64, String, String, String)> = report
        .standard
        .unwrap()
        .missing_cells
        .into_iter()
        .map(|c| (c.name, c.line, c.column, c.field, c.cell))
        .collect();
    let cell = |name: &str, line: u64, column: &str, field: &str, text: &str| {
        (
            name.to_string(),
            line,
            column.to_string(),
            field.to_string(),
            text.to_string(),
        )
    };
    assert_eq!(
        cells,
        [
            cell("一小", 2, "图书册数", "books", "—"),
            cell("二小", 3, "教学及辅助用房面积", "teaching_area", ""),
        ]
    );
}

#[test]
fn no_level_column_needs_a_level() {
    let ingested = text("学校名称,在校学生数,图书册数\n一小,500,1000\n二小,400,900\n");
    assert_eq!(
        schools_from_table(&ingested, None),
        Err(Error::StandardNeedsLevel)
    );
    let message = Error::StandardNeedsLevel.message(junheng_core::Lang::Zh);
    assert!(
        message.contains("学段") && message.contains("--level"),
        "{message}"
    );
    let got = schools_from_table(&ingested, Some(Level::Junior)).unwrap();
    assert!(got
        .schools
        .iter()
        .all(|s| s.school_type == SchoolType::Junior));
    // With a level column the column decides, and a warning says the default was not used.
    let with_column = text("学校名称,学段,在校学生数\n一小,小学,500\n");
    let got = schools_from_table(&with_column, Some(Level::Junior)).unwrap();
    assert_eq!(got.schools[0].school_type, SchoolType::Primary);
    assert_eq!(got.warnings[0].code, "standard_level_default");
    // No students column at all.
    let no_students = text("学校名称,学段,图书册数\n一小,小学,1000\n");
    assert_eq!(
        schools_from_table(&no_students, None),
        Err(Error::StandardNeedsStudents)
    );
}

fn sample() -> Ingested {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/sample/county.csv"),
    )
    .unwrap();
    read("county.csv", &bytes)
}

fn with_standard(choice: StandardChoice) -> AnalysisConfig {
    AnalysisConfig {
        standard: Some(choice),
        ..AnalysisConfig::new()
    }
}

#[test]
fn the_standard_in_the_analysis() {
    let ingested = sample();
    let none = analysis::run(&ingested, &AnalysisConfig::new()).unwrap();
    assert!(none.standard.is_none());
    assert!(none.to_json().contains("\"standard\": null"));

    // (standard, verdicts, gaps in the plan)
    let cases = [
        ("basic-2012", [true, true], false),
        ("quality-2017", [false, false], true),
    ];
    for (id, verdicts, gaps) in cases {
        let config = with_standard(StandardChoice::Builtin(id.into()));
        let report = analysis::run(&ingested, &config).unwrap();
        let section = report.standard.as_ref().unwrap();
        let got: Vec<bool> = section
            .evaluation
            .levels
            .iter()
            .map(|l| l.verdict)
            .collect();
        assert_eq!(got, verdicts, "{id}");
        assert_eq!(!section.plan.gaps.is_empty(), gaps, "{id}");
        let json: Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["standard"]["id"], id);
        assert_eq!(json["standard"]["levels"][0]["verdict"], verdicts[0]);
        assert!(json["standard"]["plan"]["totals"].is_array());
    }

    // Filters apply to the standard too.
    let mut config = with_standard(StandardChoice::Builtin("basic-2012".into()));
    config.filters.push(Filter {
        column: "学段".into(),
        value: "小学".into(),
    });
    let report = analysis::run(&ingested, &config).unwrap();
    let levels: Vec<&str> = report
        .standard
        .as_ref()
        .unwrap()
        .evaluation
        .levels
        .iter()
        .map(|l| l.level.as_str())
        .collect();
    assert_eq!(levels, ["primary"]);

    // A province's values from CSV: lower per-school standards let every primary school pass.
    let csv = "indicator,primary,junior\n\
               above_qual_teachers_per_100,0.1,0.1\nbackbone_teachers_per_100,0.1,0.1\n\
               pe_arts_teachers_per_100,0.1,0.1\nteaching_area_per_student,0.1,0.1\n\
               sports_area_per_student,0.1,0.1\nequipment_value_per_student,1,1\n\
               multimedia_rooms_per_100,0.1,0.1\n";
    let config = with_standard(StandardChoice::BuiltinWithValues {
        id: "quality-2017".into(),
        csv: csv.into(),
    });
    let report = analysis::run(&ingested, &config).unwrap();
    let section = report.standard.unwrap();
    assert!(section.evaluation.levels.iter().all(|l| l.verdict));
    assert!(section.plan.gaps.is_empty());
}

#[test]
fn standard_options_are_validated() {
    let ingested = sample();
    let mut config = with_standard(StandardChoice::Builtin("basic-2012".into()));
    config.standard_options.split = Split::Weighted {
        junior: 0.0,
        senior: 1.32,
    };
    assert!(matches!(
        analysis::run(&ingested, &config),
        Err(Error::BadOption { .. })
    ));
    let config = with_standard(StandardChoice::Json("{ not json".into()));
    assert!(matches!(
        analysis::run(&ingested, &config),
        Err(Error::Standard(_))
    ));
    let config = with_standard(StandardChoice::Builtin("basic-2099".into()));
    assert!(matches!(
        analysis::run(&ingested, &config),
        Err(Error::Standard(_))
    ));
    // No level column: an error without `level`, one level with it.
    let ingested = text("学校名称,在校学生数,图书册数\n一小,500,1000\n二小,400,900\n");
    let mut config = with_standard(StandardChoice::Builtin("basic-2012".into()));
    assert_eq!(
        analysis::run(&ingested, &config),
        Err(Error::StandardNeedsLevel)
    );
    config.level = Some(Level::Primary);
    let report = analysis::run(&ingested, &config).unwrap();
    assert_eq!(
        report.standard.unwrap().evaluation.levels[0].level,
        "primary"
    );
}
