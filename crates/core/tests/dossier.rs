//! The acceptance dossier (issue 17): built from a county file, both standards evaluated
//! together, its numbers the JSON report's numbers, its workbook read back by the workbook
//! reader (`junheng-sheets`) giving the same CVs, its printable page self-contained.

use std::path::PathBuf;

use junheng_core::analysis::{self, AnalysisConfig, StandardChoice};
use junheng_core::county::Origin;
use junheng_core::dossier::{self, html, xlsx, Dossier, DossierConfig};
use junheng_core::format::{number, Kind};
use junheng_core::ingest::{Ingested, ReadOptions};
use junheng_core::report::Report;
use junheng_core::standards::Level;
use junheng_core::Lang;

fn fixture(path: &str) -> Ingested {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    junheng_sheets::read(&bytes, &ReadOptions::new(&name)).unwrap()
}

fn county85() -> Ingested {
    fixture("tests/fixtures/dossier/county85.csv")
}

fn config() -> DossierConfig {
    DossierConfig {
        analysis: AnalysisConfig::new(),
        research: false,
    }
}

/// The JSON report of one standard, as `junheng analyze --standard ID` writes it.
fn report(ingested: &Ingested, standard: &str) -> Report {
    let config = AnalysisConfig {
        standard: Some(StandardChoice::Builtin(standard.into())),
        ..AnalysisConfig::new()
    };
    let json = analysis::run(ingested, &config).unwrap().to_json();
    // Through the JSON text, as a reader of the report would see it.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "junheng.report/1");
    analysis::run(ingested, &config).unwrap()
}

#[test]
fn county_scope_and_verdicts_of_the_85_school_county() {
    let d = dossier::build(&county85(), &config()).unwrap();
    // The county from the title row and the 填报单位 line.
    let name = d.county.name.as_ref().unwrap();
    assert_eq!((name.value.as_str(), name.from), ("青山县", Origin::Title));
    assert_eq!(d.county.year.as_ref().unwrap().value, 2023);
    assert_eq!(d.county.unit.as_ref().unwrap().value, "青山县教育局");
    assert_eq!(d.source.encoding, "gb18030");
    assert_eq!(d.source.data_rows, 85);
    // Eleven teaching points named only by their suffix and two 民办 schools left out, listed.
    let excluded = &d.overview.excluded;
    assert_eq!(excluded.len(), 13);
    let by_name = excluded
        .iter()
        .filter(|e| e.reason == "teaching_point" && e.basis.as_deref() == Some("name"))
        .count();
    assert_eq!(by_name, 11);
    assert_eq!(excluded.iter().filter(|e| e.reason == "private").count(), 2);
    assert!(
        d.scope
            .zh
            .contains("未纳入 13 所：教学点 11 所、民办学校 2 所"),
        "{}",
        d.scope.zh
    );
    // 表1 counts every evaluated school row once; the totals add up.
    assert_eq!(d.overview.total.schools, 85 - 13);
    let by_type: usize = d.overview.rows.iter().map(|r| r.schools).sum();
    assert_eq!(by_type, d.overview.total.schools);
    // Both levels, both verdicts.
    assert_eq!(d.levels.len(), 2);
    for level in &d.levels {
        assert!(level.basic.is_some() && level.quality.is_some());
        let primary_pupils: f64 = d.overview.rows.iter().map(|r| r.students_primary).sum();
        if level.level == Level::Primary {
            assert_eq!(level.students, primary_pupils);
        }
    }
    // 表2: 2 standards × 2 levels; 表3 and 表4 per level.
    assert_eq!(d.cv_tables.len(), 4);
    assert_eq!(d.school_tables.len(), 2);
    assert_eq!(d.shortfalls.len(), 2);
    assert!(d.research.is_none());
}

#[test]
fn every_number_is_the_json_reports_number() {
    let ingested = county85();
    let d = dossier::build(&ingested, &config()).unwrap();
    for standard in dossier::STANDARDS {
        let report = report(&ingested, standard);
        let section = report.standard.as_ref().unwrap();
        for level in &section.evaluation.levels {
            let table = d
                .cv_tables
                .iter()
                .find(|t| t.standard == standard && t.level.id() == level.level)
                .unwrap();
            assert_eq!(table.schools, level.schools);
            assert_eq!(table.composite.cv, level.composite_cv);
            assert_eq!(table.pass, level.verdict);
            for (row, indicator) in table.rows.iter().zip(&level.indicators) {
                assert_eq!(row.indicator.id, indicator.id);
                // Bit for bit: the same function made both.
                assert_eq!(row.cv, indicator.cv, "{standard} {}", indicator.id);
                assert_eq!(row.mean, indicator.mean);
                assert_eq!(row.std, indicator.std);
            }
        }
    }
    // 表3 and the 2017 report agree school by school.
    let quality = report(&ingested, "quality-2017");
    let schools = &quality.standard.as_ref().unwrap().evaluation.schools;
    let rows: Vec<_> = d.school_tables.iter().flat_map(|t| t.rows.iter()).collect();
    assert_eq!(rows.len(), schools.len());
    for (row, school) in rows.iter().zip(schools) {
        assert_eq!(
            (row.line, row.passes),
            (school.line, school.passes.unwrap())
        );
        assert_eq!(Some(row.met), school.met);
    }
}

/// Rows of one sheet of the workbook, as text, read by calamine through `junheng-sheets`.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    junheng_sheets::read_grid(bytes, Some(name)).unwrap().rows
}

#[test]
fn the_workbook_read_back_gives_the_json_reports_cvs() {
    let ingested = county85();
    let d = dossier::build(&ingested, &config()).unwrap();
    let bytes = xlsx::workbook(&d, Lang::Zh);
    let names = junheng_sheets::sheet_names(&bytes).unwrap();
    assert_eq!(
        names,
        [
            "封面与结论",
            "表1 学校基本情况",
            "表2 差异系数",
            "表3 小学学校达标",
            "表3 初中学校达标",
            "表4 缺口与方案",
            "表5 政府保障程度",
            "表6 教育质量",
            "认定结果",
            "说明"
        ]
    );
    let rows = sheet(&bytes, "表2 差异系数");
    // Title row with county and year.
    assert!(
        rows[0][0].contains("青山县") && rows[0][0].contains("2023年"),
        "{:?}",
        rows[0]
    );
    let mut checked = 0;
    for standard in dossier::STANDARDS {
        let report = report(&ingested, standard);
        for level in &report.standard.as_ref().unwrap().evaluation.levels {
            let level_name = if level.level == "primary" {
                "小学"
            } else {
                "初中"
            };
            let short = if standard == "basic-2012" {
                "基本均衡"
            } else {
                "优质均衡"
            };
            let heading = rows
                .iter()
                .position(|r| r[0].starts_with(level_name) && r[0].contains(short))
                .unwrap_or_else(|| panic!("no table for {standard} {level_name}"));
            assert_eq!(rows[heading + 1][5], "差异系数");
            for (k, indicator) in level.indicators.iter().enumerate() {
                let row = &rows[heading + 2 + k];
                assert_eq!(row[0], indicator.name_zh);
                let cv: f64 = row[5].parse().unwrap();
                // The cell holds the full f64, displayed with 3 decimals.
                assert_eq!(
                    Some(cv),
                    indicator.cv,
                    "{standard} {level_name} {}",
                    indicator.id
                );
                checked += 1;
            }
            let composite = &rows[heading + 2 + level.indicators.len()];
            assert_eq!(composite[5].parse::<f64>().ok(), level.composite_cv);
        }
    }
    assert_eq!(checked, 2 * (8 + 7));

    // Counts are numbers, not "54.000": 表1's pupils read back as whole numbers.
    let overview = sheet(&bytes, "表1 学校基本情况");
    let total = overview.iter().find(|r| r[0] == "合计").unwrap();
    assert_eq!(total[1], (85 - 13).to_string());
    assert!(total[2].parse::<u64>().is_ok(), "{:?}", total);
    // 表3: a two-row header, then one row per school with 实际值 / 达标值 / 基本值 / 是否达标.
    let schools = sheet(&bytes, "表3 小学学校达标");
    assert_eq!(schools[2][0], "序号");
    assert_eq!(
        &schools[3][3..7],
        ["实际值", "达标值", "基本值（85%）", "是否达标"]
    );
    assert_eq!(schools[4][4], "4.2", "the standard of the first indicator");
    assert_eq!(schools[4][5], "3.57");
}

#[test]
fn the_workbook_carries_display_formats_styles_and_print_settings() {
    let d = dossier::build(&county85(), &config()).unwrap();
    let bytes = xlsx::workbook(&d, Lang::Zh);
    let text = stored_part(&bytes, "xl/styles.xml");
    for format in ["#,##0", "#,##0.00", "0.000", "#,##0.0000"] {
        assert!(
            text.contains(&format!("formatCode=\"{format}\"")),
            "{format} in styles.xml"
        );
    }
    let sheet3 = stored_part(&bytes, "xl/worksheets/sheet4.xml");
    assert!(sheet3.contains(r#"orientation="landscape""#));
    assert!(sheet3.contains(r#"paperSize="9""#));
    assert!(sheet3.contains("<mergeCell ref=\"D3:G3\"/>"));
    let workbook = stored_part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"));
}

/// The text of a part of a stored (uncompressed) zip, found by its local header.
fn stored_part(zip: &[u8], name: &str) -> String {
    let mut at = 0;
    while at + 30 <= zip.len() && zip[at..at + 4] == *b"PK\x03\x04" {
        let size = u32::from_le_bytes(zip[at + 18..at + 22].try_into().unwrap()) as usize;
        let name_len = u16::from_le_bytes(zip[at + 26..at + 28].try_into().unwrap()) as usize;
        let extra = u16::from_le_bytes(zip[at + 28..at + 30].try_into().unwrap()) as usize;
        let start = at + 30 + name_len + extra;
        if &zip[at + 30..at + 30 + name_len] == name.as_bytes() {
            return String::from_utf8(zip[start..start + size].to_vec()).unwrap();
        }
        at = start + size;
    }
    panic!("{name} not in the workbook");
}

#[test]
fn the_printable_page_is_self_contained_and_says_what_page_1_needs() {
    let d = dossier::build(&county85(), &config()).unwrap();
    let page = html::page(&d, Lang::Zh);
    assert!(page.starts_with("<!DOCTYPE html>"));
    for absent in [
        "<script", "<input", "<button", "<select", "<link", "src=", "href=", "http",
    ] {
        assert!(!page.contains(absent), "{absent} in the page");
    }
    for present in [
        "size: A4",
        "第 \" counter(page) \" 页 共 \" counter(pages) \" 页",
        "<thead>",
        "青山县2023年县域义务教育均衡发展评估数据表",
        "填表人：",
        "审核人：",
        "单位（盖章）：",
        "日期：",
        "表1 学校基本情况",
        "表2 校际差异系数",
        "表3 学校达标情况",
        "表4 缺口与改进方案",
        "石门第一教学点",
    ] {
        assert!(page.contains(present), "{present} missing from the page");
    }
    // Page 1 (before 表1) carries both verdicts of each level.
    let first = &page[..page.find("表1 学校基本情况").unwrap()];
    for word in ["小学", "初中", "基本均衡", "优质均衡", "达标"] {
        assert!(first.contains(word), "{word} on page 1");
    }
    // Every CV of 表2 printed with three decimals, never a count with decimals.
    for table in &d.cv_tables {
        for row in &table.rows {
            let cv = number(row.cv.unwrap(), Kind::Cv);
            assert!(page.contains(&format!(">{cv}<")), "{cv}");
        }
    }
    let pupils = number(d.overview.total.students_primary, Kind::Count);
    assert!(pupils.contains(',') && !pupils.contains('.'), "{pupils}");
    assert!(page.contains(&pupils));
    // English.
    let en = html::page(&d, Lang::En);
    assert!(en.contains("\"Page \" counter(page) \" of \" counter(pages)"));
    assert!(en.contains("Prepared by:") && en.contains("Table 3."));
}

#[test]
fn a_small_file_a_workbook_and_the_research_appendix() {
    // The teaching-point fixture: no spanning school, no 填报单位.
    let d = dossier::build(
        &fixture("tests/fixtures/dossier/teaching_points_by_name.csv"),
        &config(),
    )
    .unwrap();
    assert_eq!(d.county.name.as_ref().unwrap().value, "城关县");
    assert!(d.county.unit.is_none());
    assert_eq!(d.overview.excluded.len(), 4);
    let page = html::page(&d, Lang::Zh);
    assert!(
        page.contains("填报单位</td><td>＿＿＿＿＿＿</td>"),
        "a blank to fill in"
    );
    // The built-in sample's workbook, with the research appendix.
    let sample = fixture("data/sample/county.xlsx");
    let with_research = DossierConfig {
        research: true,
        ..config()
    };
    let d: Dossier = dossier::build(&sample, &with_research).unwrap();
    let research = d.research.as_ref().unwrap();
    // The first sheet holds 小学, 教学点 and 九年一贯制学校: both levels, through the split.
    assert_eq!(research.len(), 2);
    let gini = research[0].rows[0].gini.unwrap();
    assert!(gini > 0.0 && gini < 1.0);
    assert!(d.explanations.iter().any(|e| e.title.zh.contains("中位数")));
    let bytes = xlsx::workbook(&d, Lang::En);
    let names = junheng_sheets::sheet_names(&bytes).unwrap();
    assert_eq!(names.last().unwrap(), "Appendix Research");
}

#[test]
fn the_dossier_serializes_for_the_page() {
    let d = dossier::build(&county85(), &config()).unwrap();
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["county"]["name"]["value"], "青山县");
    assert_eq!(json["county"]["name"]["from"], "title");
    assert_eq!(json["cv_tables"][0]["rows"][0]["kind"]["value"], 2);
    assert_eq!(json["levels"][0]["level"], "primary");
}
