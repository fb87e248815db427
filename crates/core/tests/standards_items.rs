//! The 2017 items a school table settles (docs/domain.md §2.2: G3, G4, G5, G6, G12, Q4), each on
//! a county file built for it: schools at, above and below each threshold, failing schools named
//! with their line, missing columns giving unknown (never met). Then whether the county can be
//! recognised: true, false, null.

use std::path::PathBuf;

use junheng_core::analysis::{self, AnalysisConfig, CountyInput, StandardChoice};
use junheng_core::ingest::{self, ReadOptions};
use junheng_core::standards::items::{CountyEntry, ItemResult, ItemsReport};
use junheng_core::standards::CountySheet;

/// The items of `junheng analyze --standard quality-2017` on `csv`, with a county sheet.
fn items(csv: &str, county: Option<&str>) -> ItemsReport {
    let ingested = ingest::read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
    let config = AnalysisConfig {
        standard: Some(StandardChoice::Builtin("quality-2017".into())),
        county_values: county.map(|c| {
            CountyInput::Sheet(CountySheet::from_csv(c.as_bytes(), "县级指标.csv").unwrap())
        }),
        ..AnalysisConfig::new()
    };
    let report = analysis::run(&ingested, &config).unwrap();
    report.standard.unwrap().evaluation.items
}

fn item<'a>(items: &'a ItemsReport, id: &str) -> &'a ItemResult {
    items.items.iter().find(|i| i.id == id).unwrap()
}

/// The failing schools of an item: (check, name, line, value, limit).
fn failing(item: &ItemResult) -> Vec<(String, String, u64, f64, f64)> {
    item.failing_schools
        .iter()
        .map(|c| (c.check.clone(), c.name.clone(), c.line, c.value, c.limit))
        .collect()
}

/// The schools an item cannot judge: (name, line, missing fields).
fn unknown(item: &ItemResult) -> Vec<(String, u64, Vec<String>)> {
    item.unknown_schools
        .iter()
        .map(|s| (s.name.clone(), s.line, s.missing.clone()))
        .collect()
}

fn row(
    check: &str,
    name: &str,
    line: u64,
    value: f64,
    limit: f64,
) -> (String, String, u64, f64, f64) {
    (check.into(), name.into(), line, value, limit)
}

#[test]
fn g3_music_and_art_rooms_per_12_classes_and_their_area() {
    let r = items(
        "学校名称,学段,在校学生数,班级数,音乐专用教室,音乐专用教室面积,美术专用教室,美术专用教室面积\n\
         刚好小学,小学,500,12,1,96,1,90\n\
         缺室小学,小学,560,13,1,100,2,200\n\
         小室小学,小学,1000,24,2,190,2,180\n\
         缺面积小学,小学,400,10,1,,1,95\n",
        None,
    );
    let g3 = item(&r, "G3");
    assert_eq!(g3.met, Some(false));
    assert_eq!(g3.decided_by.as_deref(), Some("table"));
    assert_eq!(g3.schools_checked, Some(4));
    assert_eq!(
        failing(g3),
        [
            // 13 classes need 2 rooms of each.
            row("music_rooms", "缺室小学", 3, 1.0, 2.0),
            // 190 m² over 2 rooms is 95 m² a room, under 96.
            row("music_room_area", "小室小学", 4, 95.0, 96.0),
        ]
    );
    assert_eq!(
        unknown(g3),
        [("缺面积小学".into(), 5, vec!["music_room_area".into()])]
    );
    assert!(g3
        .reasons
        .iter()
        .any(|t| t.zh.contains("缺室小学（第 3 行）")));

    // Without the room columns the item is unknown, never met.
    let r = items("学校名称,学段,在校学生数,班级数\n一小,小学,500,12\n", None);
    assert_eq!(item(&r, "G3").met, None);
    assert!(r.unknown_items.contains(&"G3".to_string()));
}

#[test]
fn g4_school_size_with_spanning_schools_counting_their_compulsory_pupils() {
    let r = items(
        "学校名称,学段,在校学生数,小学部学生数,初中部学生数\n\
         大小学,小学,2000,,\n\
         超大小学,小学,2001,,\n\
         大初中,初中,2150,,\n\
         一贯制甲,九年一贯制学校,2500,1600,900\n\
         一贯制乙,九年一贯制学校,2600,1700,900\n\
         十二年丙,十二年一贯制学校,3200,1500,900\n",
        None,
    );
    let g4 = item(&r, "G4");
    assert_eq!(g4.met, Some(false));
    assert_eq!(
        failing(g4),
        [
            row("school_size", "超大小学", 3, 2001.0, 2000.0),
            row("school_size", "大初中", 4, 2150.0, 2000.0),
            row("school_size", "一贯制乙", 6, 2600.0, 2500.0),
        ]
    );
    // 十二年一贯制: 2400 compulsory pupils of 3200, within 2500.
    assert!(g4.unknown_schools.is_empty());

    let r = items(
        "学校名称,学段,在校学生数\n一小,小学,1900\n一中,初中,2000\n",
        None,
    );
    assert_eq!(item(&r, "G4").met, Some(true));
}

#[test]
fn g5_class_size_from_the_largest_class_or_the_bands() {
    let r = items(
        "学校名称,学段,在校学生数,最大班额\n\
         满额小学,小学,500,45\n\
         超额小学,小学,500,46\n\
         满额初中,初中,600,50\n\
         超额初中,初中,600,51\n\
         无班额小学,小学,300,\n",
        None,
    );
    let g5 = item(&r, "G5");
    assert_eq!(g5.met, Some(false));
    assert_eq!(
        failing(g5),
        [
            row("class_size", "超额小学", 3, 46.0, 45.0),
            row("class_size", "超额初中", 5, 51.0, 50.0),
        ]
    );
    assert_eq!(unknown(g5).len(), 1);
    assert_eq!(unknown(g5)[0].0, "无班额小学");

    // Bands: classes above 45 (小学) or 50 (初中) counted in “46人以上班级数” and the like.
    let r = items(
        "学校名称,学段,在校学生数,46人以上班级数,51人以上班级数\n\
         好小学,小学,500,0,0\n\
         挤小学,小学,500,2,0\n\
         好初中,初中,600,3,0\n\
         挤初中,初中,600,4,1\n",
        None,
    );
    let g5 = item(&r, "G5");
    assert_eq!(g5.met, Some(false));
    let names: Vec<(String, u64)> = failing(g5).into_iter().map(|f| (f.1, f.2)).collect();
    assert_eq!(names, [("挤小学".into(), 3), ("挤初中".into(), 5)]);

    // Neither the largest class nor a band: unknown.
    let r = items("学校名称,学段,在校学生数\n一小,小学,500\n", None);
    assert_eq!(item(&r, "G5").met, None);
}

#[test]
fn g6_small_schools_funded_as_100_pupils_with_the_county_benchmark() {
    let table = "学校名称,学段,在校学生数,公用经费（元）\n\
                 大村小,小学,300,216000\n\
                 够数村小,小学,80,72000\n\
                 少拨村小,小学,70,60000\n\
                 少拨初中,初中,90,84600\n";
    let county =
        "指标,值\nG6 生均公用经费基准定额（小学）,720\nG6 生均公用经费基准定额（初中）,940\n";
    let r = items(table, Some(county));
    let g6 = item(&r, "G6");
    assert_eq!(g6.met, Some(false));
    // Funds over the benchmark: 60000 / 720 = 83.33 pupils' worth; 84600 / 940 = 90.
    let f = failing(g6);
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].1.as_str(), f[0].2, f[0].4), ("少拨村小", 4, 100.0));
    assert!((f[0].3 - 60000.0 / 720.0).abs() < 1e-9);
    assert_eq!((f[1].1.as_str(), f[1].2), ("少拨初中", 5));
    assert!((f[1].3 - 90.0).abs() < 1e-9);
    // Only the schools under 100 pupils are concerned.
    assert_eq!(g6.schools_checked, Some(3));

    // Without the county's benchmark: unknown, the schools named with what they lack.
    let r = items(table, None);
    let g6 = item(&r, "G6");
    assert_eq!(g6.met, None);
    assert_eq!(
        unknown(g6)[0],
        ("够数村小".into(), 3, vec!["benchmark".to_string()])
    );
    // Without the funds column either.
    let r = items("学校名称,学段,在校学生数\n村小,小学,60\n", Some(county));
    assert_eq!(unknown(item(&r, "G6"))[0].2, ["public_funds"]);
}

#[test]
fn g12_every_teacher_certified_and_q4_training_funds_five_percent() {
    let r = items(
        "学校名称,学段,在校学生数,专任教师数,持教师资格证专任教师数,公用经费（元）,教师培训经费（元）\n\
         全持证,小学,500,40,40,100000,5000\n\
         缺一证,小学,500,40,39,100000,4999\n\
         无培训列,初中,600,50,50,200000,\n",
        None,
    );
    let g12 = item(&r, "G12");
    assert_eq!(g12.met, Some(false));
    assert_eq!(
        failing(g12),
        [row("certified_teachers", "缺一证", 3, 39.0 / 40.0, 1.0)]
    );
    let q4 = item(&r, "Q4");
    assert_eq!(q4.met, Some(false));
    assert_eq!(
        failing(q4),
        [row("training_funds_share", "缺一证", 3, 0.04999, 0.05)]
    );
    assert_eq!(
        unknown(q4),
        [("无培训列".into(), 4, vec!["training_funds".into()])]
    );

    // Missing columns: unknown.
    let r = items(
        "学校名称,学段,在校学生数,专任教师数\n一小,小学,500,40\n",
        None,
    );
    assert_eq!(item(&r, "G12").met, None);
    assert_eq!(item(&r, "Q4").met, None);
}

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/items")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture county (tools/gen_items_county.py) with its county sheet edited as the page's
/// form would: `CountyInput::Values`.
fn recognized(edit: impl FnOnce(&mut junheng_core::standards::CountyValues)) -> ItemsReport {
    let standard = junheng_core::standards::Standard::builtin("quality-2017").unwrap();
    let mut values = CountySheet::from_csv(&fixture("county_values.csv"), "county_values.csv")
        .unwrap()
        .resolve(&standard)
        .unwrap()
        .values;
    edit(&mut values);
    let ingested = ingest::read(&fixture("schools.csv"), &ReadOptions::new("schools.csv")).unwrap();
    let config = AnalysisConfig {
        standard: Some(StandardChoice::Builtin("quality-2017".into())),
        county_values: Some(CountyInput::Values(values)),
        ..AnalysisConfig::new()
    };
    analysis::run(&ingested, &config)
        .unwrap()
        .standard
        .unwrap()
        .evaluation
        .items
}

fn answer(id: &str, yes: Option<bool>) -> CountyEntry {
    CountyEntry {
        id: id.into(),
        key: None,
        level: None,
        value: None,
        answer: yes,
        note: String::new(),
        evidence: String::new(),
        line: None,
    }
}

#[test]
fn recognized_true_false_and_null() {
    let r = recognized(|_| {});
    assert_eq!(r.recognized, Some(true));
    assert!(r.parts.iter().all(|p| p.met == Some(true)));
    assert!(r.unknown_items.is_empty());

    // A condition of non-recognition declared: refused, whatever else holds.
    let r = recognized(|v| v.set(answer("V4", Some(true))));
    assert_eq!(r.recognized, Some(false));
    assert_eq!(item(&r, "V4").met, Some(false));

    // A judgement answered 否: its part is not met.
    let r = recognized(|v| v.set(answer("Q6", Some(false))));
    assert_eq!(r.recognized, Some(false));
    let quality = r.parts.iter().find(|p| p.part == "quality").unwrap();
    assert_eq!((quality.met, quality.not_met), (Some(false), 1));

    // An answer cleared: not decided yet.
    let r = recognized(|v| v.entries.retain(|e| e.id != "G10"));
    assert_eq!(r.recognized, None);
    assert_eq!(r.unknown_items, ["G10"]);

    // Unknown and refused at once: refused (a failing item decides).
    let r = recognized(|v| {
        v.entries.retain(|e| e.id != "G10");
        v.set(answer("V1", Some(true)));
    });
    assert_eq!(r.recognized, Some(false));
}
