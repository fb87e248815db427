//! `analysis::run` on small hand-built tables. Each case gives a CSV, a configuration and the
//! part of the report JSON it must contain (a subset: other keys are not compared), so the
//! report can grow without rewriting these tests.

use junheng_core::analysis::{run, AnalysisConfig, Filter, IndicatorSpec, WeightSpec};
use junheng_core::ingest::{read, Ingested, ReadOptions};
use junheng_core::measures::{Measure, MedianRule};
use junheng_core::Lang;
use serde_json::{json, Value};

/// A configuration: indicators as `(name, expr)`, weight, group and filters as `(column, value)`.
fn config(
    indicators: &[(&str, &str)],
    weight: WeightSpec,
    group: Option<&str>,
    filters: &[(&str, &str)],
) -> AnalysisConfig {
    AnalysisConfig {
        indicators: indicators
            .iter()
            .map(|(name, expr)| IndicatorSpec {
                name: name.to_string(),
                expr: expr.to_string(),
            })
            .collect(),
        weight,
        group: group.map(str::to_string),
        filters: filters
            .iter()
            .map(|(column, value)| Filter {
                column: column.to_string(),
                value: value.to_string(),
            })
            .collect(),
        extra: Vec::new(),
        median_rule: MedianRule::AtOrBelow,
        ..AnalysisConfig::new()
    }
}

/// Runs the analysis and checks that the report JSON contains `expected`: objects by key,
/// arrays element by element (same length), numbers within 1e-12 relative.
/// The CSV as the page and the CLI read it.
fn ingest(csv: &str) -> Ingested {
    read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap()
}

fn check(csv: &str, config: AnalysisConfig, expected: Value) {
    let report = run(&ingest(csv), &config).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let got: Value = serde_json::from_str(&report.to_json()).unwrap();
    contains(&got, &expected, "$");
}

/// Runs the analysis and checks that it fails with exactly this English message.
fn check_err(csv: &str, config: AnalysisConfig, expected_en: &str) {
    match run(&ingest(csv), &config) {
        Ok(report) => panic!("expected an error, got {}", report.to_json()),
        Err(e) => assert_eq!(e.message(Lang::En), expected_en),
    }
}

fn contains(got: &Value, expected: &Value, path: &str) {
    match (got, expected) {
        (Value::Object(g), Value::Object(e)) => {
            for (key, value) in e {
                let Some(g) = g.get(key) else {
                    panic!("{path}.{key} missing in {got}");
                };
                contains(g, value, &format!("{path}.{key}"));
            }
        }
        (Value::Array(g), Value::Array(e)) => {
            assert_eq!(g.len(), e.len(), "{path}: length of {got}");
            for (i, (g, e)) in g.iter().zip(e).enumerate() {
                contains(g, e, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(g), Value::Number(e)) => {
            let (g, e) = (g.as_f64().unwrap(), e.as_f64().unwrap());
            assert!(
                (g - e).abs() <= 1e-12 * e.abs().max(1.0),
                "{path}: got {g}, expected {e}"
            );
        }
        _ => assert_eq!(got, expected, "{path}"),
    }
}

const BOOKS: &str = "\
学校,乡镇,学段,在校学生数,图书册数
A,东,小学,45,279
B,西,小学,37,137
C,东,小学,89,935
D,西,小学,76,160
E,西,小学,55,402
";

#[test]
fn official_worked_example_weighted_by_pupils() {
    // docs/domain.md §3.5: weighted mean 1913/302, CV 0.5153.
    check(
        BOOKS,
        config(
            &[("books", "图书册数/在校学生数")],
            WeightSpec::Column("在校学生数".into()),
            None,
            &[],
        ),
        json!({
            "schema": "junheng.report/1",
            "weight": "在校学生数",
            "options": { "weight_source": "given", "indicator_source": "given" },
            "indicators": [{
                "name": "books", "expr": "图书册数/在校学生数",
                "formula": "[图书册数]/[在校学生数]",
                "n": 5, "missing": 0, "missing_lines": [],
                "weight_total": 302.0, "mean": 1913.0 / 302.0,
                "groups": [], "theil_between": null
            }],
            "warnings": [],
            "standard": null
        }),
    );
    let table = ingest(BOOKS);
    let report = run(
        &table,
        &config(
            &[("books", "books/students")],
            WeightSpec::Column("students".into()),
            None,
            &[],
        ),
    )
    .unwrap();
    assert!((report.indicators[0][Measure::Cv].unwrap() - 0.5153).abs() < 5e-5);
}

#[test]
fn missing_cells_and_zero_denominators_are_left_out_with_their_lines() {
    let csv = "\
学校,在校学生数,图书册数
A,10,100
B,0,50
C,20,
D,x,30
E,40,abc
F,30,—
G,50,500
";
    check(
        csv,
        config(
            &[("books", "图书册数/在校学生数")],
            WeightSpec::Unweighted,
            None,
            &[],
        ),
        json!({
            "weight": null,
            "indicators": [{
                "n": 2, "missing": 5, "missing_lines": [3, 4, 5, 6, 7],
                "mean": 10.0, "cv": 0.0, "gini": 0.0, "mcloone": 1.0
            }],
            "warnings": [
                { "code": "not_a_number", "indicator": null,
                  "en": "Column “图书册数” (C) has 1 cells that are not numbers (line 6 “abc”); those schools are left out of the indicators using it. Write numbers such as 1204." },
                { "code": "not_a_number",
                  "en": "Column “在校学生数” (B) has 1 cells that are not numbers (line 5 “x”); those schools are left out of the indicators using it. Write numbers such as 1204.",
                  "zh": "“在校学生数”列（B）有 1 个单元格不是数字（第 5 行“x”），这些学校未计入用到该列的指标。请改为数字，如 1204。" },
                // B has every cell but 0 pupils: named, not only in missing_lines (issue 16).
                { "code": "rows_left_out", "indicator": "books", "line": 3,
                  "en": "“books”: 1 school(s) left out: line 3 (a divisor is 0). Their cells are filled in but cannot be used; check them.",
                  "zh": "“books”未计入 1 所学校：第 3 行（除数为 0）。这些学校的数据都已填写，但无法用于计算；请核对这些单元格。" }
            ]
        }),
    );
}

#[test]
fn weights_at_or_below_zero_are_left_out_and_weight_the_mean() {
    let csv = "\
学校,学生数,经费
A,1,10
B,3,20
C,0,1000
D,-2,1000
E,,1000
";
    check(
        csv,
        config(
            &[("funds", "经费")],
            WeightSpec::Column("学生数".into()),
            None,
            &[],
        ),
        json!({
            "weight": "学生数",
            "indicators": [{ "n": 2, "missing_lines": [4, 5, 6], "weight_total": 4.0, "mean": 17.5 }]
        }),
    );
    // Unweighted, the same rows all count.
    check(
        csv,
        config(&[("funds", "经费")], WeightSpec::Unweighted, None, &[]),
        json!({ "indicators": [{ "n": 5, "missing": 0, "mean": 606.0 }] }),
    );
}

#[test]
fn constant_factors_and_left_to_right_order() {
    check(
        "s,c\n50,10\n200,10\n",
        config(
            &[("per100", "c/s*100"), ("k", "2*c/s/4")],
            WeightSpec::Unweighted,
            None,
            &[],
        ),
        json!({ "indicators": [
            { "name": "per100", "min": 5.0, "max": 20.0, "range_ratio": 4.0 },
            { "name": "k", "min": 0.025, "max": 0.1 }
        ]}),
    );
}

#[test]
fn group_decomposition_sums_to_the_total() {
    let table = ingest(BOOKS);
    let report = run(
        &table,
        &config(
            &[("books", "图书册数/在校学生数")],
            WeightSpec::Column("在校学生数".into()),
            Some("乡镇"),
            &[],
        ),
    )
    .unwrap();
    let books = &report.indicators[0];
    let groups: Vec<(&str, usize)> = books
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g.n))
        .collect();
    assert_eq!(groups, [("东", 2), ("西", 3)]);
    assert_eq!(report.group.as_deref(), Some("乡镇"));
    let theil = books[Measure::Theil].unwrap();
    let sum = books.theil_between.unwrap() + books.theil_within.unwrap();
    assert!((theil - sum).abs() < 1e-12, "{theil} vs {sum}");
    let mld = books[Measure::Mld].unwrap();
    let sum = books.mld_between.unwrap() + books.mld_within.unwrap();
    assert!((mld - sum).abs() < 1e-12, "{mld} vs {sum}");
    // docs/domain.md §3.5 groups {1,3} vs {2,4,5}: T within 0.0701 + between 0.0735.
    assert!((books.theil_within.unwrap() - 0.0701).abs() < 5e-5);
    assert!((books.theil_between.unwrap() - 0.0735).abs() < 5e-5);
    assert!((books.groups[0].mean.unwrap() - (279.0 + 935.0) / (45.0 + 89.0)).abs() < 1e-12);
}

#[test]
fn filters_and_on_columns_or_on_values() {
    let csv = "\
学段,城乡,x
小学,城区,1
小学,乡村,2
初中,城区,4
初中,乡村,8
教学点,乡村,16
";
    let x = [("x", "x")];
    check(
        csv,
        config(&x, WeightSpec::Unweighted, None, &[("学段", "小学")]),
        json!({ "filters": [{ "column": "学段", "value": "小学" }],
                "indicators": [{ "n": 2, "missing": 0, "mean": 1.5 }] }),
    );
    check(
        csv,
        config(
            &x,
            WeightSpec::Unweighted,
            None,
            &[("学段", "小学"), ("学段", " 初中 "), ("城乡", "乡村")],
        ),
        json!({ "indicators": [{ "n": 2, "mean": 5.0 }] }),
    );
    check_err(
        csv,
        config(&x, WeightSpec::Unweighted, None, &[("学段", "高中")]),
        "Filter 学段=高中: column “学段” (A) never holds “高中”. It holds: 小学, 初中, 教学点. Use one of these values.",
    );
}

#[test]
fn standard_indicators_scale_units_and_weight_by_students() {
    let csv = "\
学校名称,在校学生数,教学仪器设备值（万元）,计算机台数,图书册数
A,100,20,10,3000
B,300,30,15,6000
";
    check(
        csv,
        config(&[], WeightSpec::Auto, None, &[]),
        json!({
            "weight": "在校学生数",
            "options": { "weight_source": "students_default", "indicator_source": "standard" },
            "indicators": [
                { "name": "equipment_value_per_student", "label_zh": "生均教学仪器设备值",
                  "expr": "equipment_value/students",
                  "formula": "[教学仪器设备值（万元）]*10000/[在校学生数]",
                  "mean": 500000.0 / 400.0, "min": 1000.0, "max": 2000.0 },
                { "name": "computers_per_100", "expr": "computers/students*100", "mean": 6.25 },
                { "name": "books_per_student", "mean": 22.5 }
            ],
            "warnings": [
                { "code": "standard_indicator_unavailable", "indicator": "teaching_area_per_student",
                  "en": "“Teaching and auxiliary floor area per student” not computed: no column for Teaching and auxiliary floor area (教学及辅助用房面积).",
                  "zh": "未计算“生均教学及辅助用房面积”：表头中没有“教学及辅助用房面积”列。" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "standard_indicator_unavailable" },
                { "code": "weight_default",
                  "en": "Weighted by “在校学生数”: standard indicators are pupil-weighted by default, as in the national CV formula." }
            ]
        }),
    );
    // Field ids work in expressions too, with the same unit factor.
    check(
        csv,
        config(
            &[("e", "equipment_value / students")],
            WeightSpec::Column("students".into()),
            None,
            &[],
        ),
        json!({ "options": { "weight_source": "given" },
                "indicators": [{ "mean": 1250.0 }], "warnings": [] }),
    );
}

#[test]
fn without_standard_fields_every_numeric_column_but_weight_group_and_code() {
    let csv = "\
学校标识码,name,region,pupils,rooms,note
2136000001,A,1,10,3,ok
2136000002,B,2,20,5,
";
    check(
        csv,
        config(
            &[],
            WeightSpec::Column("pupils".into()),
            Some("region"),
            &[],
        ),
        json!({
            "options": { "indicator_source": "numeric_columns", "weight_source": "given" },
            "indicators": [{ "name": "rooms", "expr": "[rooms]", "n": 2, "mean": 13.0 / 3.0,
                             "groups": [{ "group": "1", "n": 1 }, { "group": "2", "n": 1 }] }]
        }),
    );
    check(
        csv,
        config(&[], WeightSpec::Auto, None, &[]),
        json!({ "weight": null, "options": { "weight_source": "none" },
                "indicators": [{ "name": "region" }, { "name": "pupils" }, { "name": "rooms" }] }),
    );
}

#[test]
fn edge_cases_give_null_and_warnings_never_nan() {
    // Negative values: measures needing x ≥ 0 are null.
    check(
        "school,x\nA,-1\nB,2\nC,3\n",
        config(&[("x", "x")], WeightSpec::Unweighted, None, &[]),
        json!({ "indicators": [{ "n": 3, "mean": 4.0 / 3.0, "gini": null, "theil": null, "hoover": null }],
                "warnings": [{ "code": "negative_values", "indicator": "x" }] }),
    );
    // One school.
    check(
        "school,x\nA,5\n",
        config(&[("x", "x")], WeightSpec::Unweighted, None, &[]),
        json!({ "indicators": [{ "n": 1, "mean": 5.0, "std": 0.0 }],
                "warnings": [{ "code": "single_value",
                  "en": "“x” has a single school: dispersion is meaningless." }] }),
    );
    // All equal.
    check(
        "school,x\nA,2\nB,2\nC,2\n",
        config(&[("x", "x")], WeightSpec::Unweighted, None, &[]),
        json!({ "indicators": [{ "cv": 0.0, "gini": 0.0, "theil": 0.0, "mcloone": 1.0, "range_ratio": 1.0 }],
                "warnings": [] }),
    );
    // Zeros: MLD and Atkinson ε ≥ 1 undefined; mean 0: CV undefined.
    check(
        "school,x,y\nA,0,0\nB,4,0\n",
        config(&[("x", "x"), ("y", "y")], WeightSpec::Unweighted, None, &[]),
        json!({ "indicators": [
                    { "mld": null, "atkinson_1": null, "gini": 0.5 },
                    { "mean": 0.0, "cv": null }
                ],
                "warnings": [
                    { "code": "zero_values", "indicator": "x" },
                    { "code": "zero_values", "indicator": "y" },
                    { "code": "non_positive_mean", "indicator": "y" }
                ] }),
    );
    // Overflow (1e308 × 100) and magnitudes a Sample rejects are left out, never inf.
    check(
        "school,x\nA,1e308\nB,1e200\nC,3\n",
        config(&[("x", "x*100")], WeightSpec::Unweighted, None, &[]),
        json!({ "indicators": [{ "n": 1, "missing_lines": [2, 3], "mean": 300.0 }] }),
    );
}

#[test]
fn errors_name_the_indicator_column_and_position() {
    let csv = "学校,在校学生数,图书册数\nA,0,\nB,0,5\n";
    check_err(
        csv,
        config(&[("books", "图书册数/在校学生数")], WeightSpec::Unweighted, None, &[]),
        "Indicator “books” has no usable value: every row is missing data or has 0 students. Check its columns.",
    );
    check_err(
        csv,
        config(&[("books", "图书/在校学生数")], WeightSpec::Unweighted, None, &[]),
        "Column “图书” in indicator “books” is not in the header row (line 1). Did you mean “图书册数”? Use a header text (without surrounding spaces) or a field id such as students; put a header containing * or / in [ ].",
    );
    check_err(
        csv,
        config(&[("books", "图书册数/")], WeightSpec::Unweighted, None, &[]),
        "The expression “图书册数/” of indicator “books” is wrong: Character 6: a column name or number is missing. Put a column name or number on both sides of each * and /.",
    );
    check_err(
        csv,
        config(
            &[("a", "图书册数"), ("a", "在校学生数")],
            WeightSpec::Unweighted,
            None,
            &[],
        ),
        "Indicator name “a” is used twice. Give each indicator its own NAME in NAME=EXPR.",
    );
    check_err(
        csv,
        config(&[], WeightSpec::Column("pupils".into()), None, &[]),
        "Column “pupils” in the weight is not in the header row (line 1). Use a header text (without surrounding spaces) or a field id such as students; put a header containing * or / in [ ].",
    );
    check_err(
        "学校标识码,学校名称,pupils\n2136000001,A,10\n2136000002,B,20\n",
        config(&[], WeightSpec::Column("pupils".into()), None, &[]),
        "Nothing to analyze: no column holds numbers and no indicator was given. Check the data under the header row, or name an indicator.",
    );
}

#[test]
fn mixed_levels_are_flagged_unless_filtered() {
    let csv = "学段,在校学生数,图书册数\n小学,10,100\n初中,20,400\n";
    check(
        csv,
        config(&[], WeightSpec::Auto, None, &[]),
        json!({ "warnings": [
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "standard_indicator_unavailable" },
            { "code": "weight_default" },
            { "code": "mixed_levels",
              "en": "The table mixes levels (小学, 初中). The national CV is computed separately for 小学 (primary) and 初中 (junior): filter one level, e.g. 学段=小学." }
        ] }),
    );
    check(
        csv,
        config(&[], WeightSpec::Auto, None, &[("level", "初中")]),
        json!({ "filters": [{ "column": "学段", "value": "初中" }],
                "indicators": [{ "name": "books_per_student", "n": 1, "mean": 20.0 }] }),
    );
}

#[test]
fn run_is_deterministic() {
    let table = ingest(BOOKS);
    let c = config(&[], WeightSpec::Auto, Some("乡镇"), &[]);
    assert_eq!(
        run(&table, &c).unwrap().to_json(),
        run(&table, &c).unwrap().to_json()
    );
}

#[test]
fn detailed_run_keeps_each_schools_value() {
    let csv = "学校,在校学生数,图书册数\nA,10,100\nB,0,50\nC,20,—\nD,40,200\n";
    let config = config(
        &[("books", "图书册数/在校学生数")],
        WeightSpec::Column("在校学生数".into()),
        None,
        &[],
    );
    let analysis = junheng_core::analysis::run_detailed(&ingest(csv), &config).unwrap();
    let values = &analysis.values[0];
    assert_eq!(values.name, "books");
    // B has no pupils and C no books: both left out, as in the report's missing_lines.
    assert_eq!(values.lines, [2, 5]);
    assert_eq!(values.values, [10.0, 5.0]);
    assert_eq!(values.weights, [10.0, 40.0]);
    assert_eq!(analysis.report.indicators[0].missing_lines, [3, 4]);
    assert_eq!(analysis.report, run(&ingest(csv), &config).unwrap());
}

#[test]
fn extra_indicators_follow_the_defaults() {
    let csv = "学校名称,在校学生数,图书册数,计算机台数\nA,10,100,2\nB,40,200,4\n";
    let mut config = config(&[], WeightSpec::Auto, None, &[]);
    config.extra = vec![IndicatorSpec {
        name: "书机比".into(),
        expr: "图书册数/计算机台数".into(),
    }];
    let report = run(&ingest(csv), &config).unwrap();
    let names: Vec<&str> = report.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["computers_per_100", "books_per_student", "书机比"]);
    assert_eq!(report.indicators[2].n, 2);
    config.extra.push(IndicatorSpec {
        name: "books_per_student".into(),
        expr: "图书册数".into(),
    });
    let err = run(&ingest(csv), &config).unwrap_err();
    assert!(
        err.message(Lang::En).contains("books_per_student"),
        "{}",
        err.message(Lang::En)
    );
}
