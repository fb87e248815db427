//! The analysis and the standards leave out the same schools, so they give the same n and CV
//! for the same rows (issue 16). Before, one cell of 1e-300 pupils turned the standard's CV of
//! that indicator into null ("no data") while the analysis left the one school out.

use junheng_core::analysis::{run, AnalysisConfig, Filter, StandardChoice};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::measures::Measure;

const CSV: &str = "学校名称,学段,在校学生数,教学及辅助用房面积（平方米）,专任教师数
一小,小学,100,500,8
二小,小学,200,1200,12
三小,小学,400,3000,25
四小,小学,300,2400,18
五小,小学,1e-300,500,3
六小,小学,150,9e307,9
七小,小学,0,800,4
";

#[test]
fn analysis_and_standards_count_the_same_schools() {
    let ingested = read(CSV.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
    let config = AnalysisConfig {
        filters: vec![Filter {
            column: "学段".into(),
            value: "小学".into(),
        }],
        standard: Some(StandardChoice::Builtin("basic-2012".into())),
        ..AnalysisConfig::new()
    };
    let report = run(&ingested, &config).unwrap();
    let section = report.standard.as_ref().unwrap();
    let primary = &section.evaluation.levels[0];
    for (analysis_id, standard_id) in [
        ("teaching_area_per_student", "teaching_area_per_student"),
        ("teacher_student_ratio", "teacher_student_ratio"),
    ] {
        let a = report
            .indicators
            .iter()
            .find(|i| i.name == analysis_id)
            .unwrap();
        let s = primary
            .indicators
            .iter()
            .find(|i| i.id == standard_id)
            .unwrap_or_else(|| panic!("{standard_id} in {:?}", primary.indicators));
        assert_eq!(a.n, s.n, "{analysis_id}");
        let (a_cv, s_cv) = (a[Measure::Cv].unwrap(), s.cv.unwrap());
        assert!(
            (a_cv - s_cv).abs() <= 1e-12 * a_cv,
            "{analysis_id}: {a_cv} != {s_cv}"
        );
    }
    // 五小 (1e-300 pupils), 六小 (9e307 m²) and 七小 (0 pupils) are named, not only listed.
    let area = report
        .warnings
        .iter()
        .find(|w| {
            w.code == "rows_left_out" && w.indicator.as_deref() == Some("teaching_area_per_student")
        })
        .unwrap();
    assert_eq!(area.line, Some(6));
    assert!(
        area.en.contains("3 school(s) left out: line 6 (weight beyond the range computed), line 7 (value beyond the range computed (above 1e100 or below 1e-100)), line 8 (a divisor is 0)"),
        "{}",
        area.en
    );
}
