//! The engine over the sample county (`data/sample/county.csv`), read minimally here; the glue
//! through ingestion comes later. Checks that the numbers look sane, and pins the verdicts.

use std::collections::BTreeMap;

use junheng_core::fields::Field;
use junheng_core::standards::report::StandardReport;
use junheng_core::standards::{
    evaluate, plan, prepare, Options, SchoolInput, SchoolType, Standard,
};

const SAMPLE: &str = include_str!("../../../data/sample/county.csv");

/// Header → field and scale (教学仪器设备值 is in 万元).
const COLUMNS: [(&str, Field, f64); 13] = [
    ("专任教师数", Field::Teachers, 1.0),
    ("高于规定学历教师数", Field::TeachersAboveQual, 1.0),
    ("县级及以上骨干教师数", Field::TeachersBackbone, 1.0),
    ("体育、艺术专任教师数", Field::TeachersPeArts, 1.0),
    ("中级及以上职称教师数", Field::TeachersMidTitle, 1.0),
    ("教学及辅助用房面积（平方米）", Field::TeachingArea, 1.0),
    ("室内体育用房面积（平方米）", Field::GymArea, 1.0),
    ("体育运动场馆面积（平方米）", Field::SportsArea, 1.0),
    ("教学仪器设备值（万元）", Field::EquipmentValue, 10000.0),
    ("图书册数", Field::Books, 1.0),
    ("计算机台数", Field::Computers, 1.0),
    ("网络多媒体教室数（间）", Field::MultimediaRooms, 1.0),
    ("校舍建筑面积（平方米）", Field::BuildingArea, 1.0),
];

fn schools() -> Vec<SchoolInput> {
    let mut reader = csv::Reader::from_reader(SAMPLE.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let number =
        |record: &csv::StringRecord, name: &str| -> Option<f64> { record[col(name)].parse().ok() };
    let mut out = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let school_type = SchoolType::parse(&record[col("学段")]).unwrap();
        let mut values = BTreeMap::new();
        for (header, field, scale) in COLUMNS {
            if let Some(v) = number(&record, header) {
                values.insert(field, v * scale);
            }
        }
        out.push(SchoolInput {
            name: record[col("学校名称")].to_string(),
            line: k as u64 + 2,
            school_type,
            private: &record[col("举办者")] == "民办",
            students: number(&record, "在校学生数"),
            students_primary: number(&record, "小学部学生数"),
            students_junior: number(&record, "初中部学生数"),
            students_senior: None,
            values,
            section_values: BTreeMap::new(),
            classes: number(&record, "班级数"),
            max_class_size: number(&record, "最大班额"),
        });
    }
    out
}

fn summary(r: &StandardReport) -> String {
    let mut s = String::new();
    for l in &r.levels {
        let cvs: Vec<String> = l
            .indicators
            .iter()
            .map(|i| format!("{}={:.3}", i.id, i.cv.unwrap()))
            .collect();
        s += &format!(
            "{} schools={} verdict={} composite={:.3}\n  {}\n  reasons: {}\n",
            l.level,
            l.schools,
            l.verdict,
            l.composite_cv.unwrap(),
            cvs.join(" "),
            l.reasons
                .iter()
                .map(|r| r.en.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    s
}

#[test]
fn sample_county_is_sane() {
    let schools = schools();
    assert_eq!(schools.len(), 92);
    let options = Options::national();
    let prepared = prepare(&schools, &options);
    // 2 teaching points and 2 private schools out; 7 nine-year schools give two sections each.
    assert_eq!(prepared.sections.len(), 92 - 4 + 7);
    for id in ["basic-2012", "quality-2017"] {
        let standard = Standard::builtin(id).unwrap();
        let report = evaluate(&standard, &schools, &options);
        println!("{id}\n{}", summary(&report));
        assert_eq!(report.levels.len(), 2);
        assert_eq!(
            report.levels[0].schools + report.levels[1].schools,
            prepared.sections.len()
        );
        for level in &report.levels {
            for i in &level.indicators {
                let cv = i.cv.unwrap();
                assert!(
                    (0.05..1.0).contains(&cv),
                    "{id} {} {}: cv {cv}",
                    level.level,
                    i.id
                );
                assert_eq!(i.n, level.schools);
            }
        }
        // Pinned: the sample passes basic balance and fails high-quality balance (schools short of
        // the per-school standards).
        let verdicts: Vec<bool> = report.levels.iter().map(|l| l.verdict).collect();
        assert_eq!(
            verdicts,
            if id == "basic-2012" {
                [true, true]
            } else {
                [false, false]
            }
        );
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("NaN") && !json.contains("null,\"mean\""));
        let p = plan(&standard, &prepared, &options);
        if id == "basic-2012" {
            let composite: Vec<f64> = report
                .levels
                .iter()
                .map(|l| l.composite_cv.unwrap())
                .collect();
            assert!(
                (composite[0] - 0.215).abs() < 0.0005 && (composite[1] - 0.200).abs() < 0.0005,
                "{composite:?}"
            );
        } else {
            let failing: Vec<&str> = report.levels[0]
                .indicators
                .iter()
                .filter(|i| i.cv_ok == Some(false))
                .map(|i| i.id.as_str())
                .collect();
            // Every 2017 CV is under its threshold; the county fails on per-school attainment.
            assert_eq!(failing, Vec::<&str>::new());
            assert!(p.floors.is_empty());
            assert!(!p.gaps.is_empty());
        }
        println!(
            "{id}: {} gaps, {} floors, {} top-k, {} composite",
            p.gaps.len(),
            p.floors.len(),
            p.top_k.len(),
            p.composite.len()
        );
    }
}
