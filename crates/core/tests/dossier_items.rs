//! The dossier's 表5 政府保障程度, 表6 教育质量 and recognition result (issue 18), and page 1's
//! line on each part: on the fixture county that meets everything (tools/gen_items_county.py)
//! with its county sheet, with a condition of non-recognition declared, and without the sheet.

use std::path::PathBuf;

use junheng_core::analysis::{AnalysisConfig, CountyInput};
use junheng_core::dossier::{self, html, xlsx, Dossier, DossierConfig};
use junheng_core::ingest::ReadOptions;
use junheng_core::standards::items::CountyEntry;
use junheng_core::standards::{CountySheet, CountyValues, Standard};
use junheng_core::Lang;

fn bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/items")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn county_values() -> CountyValues {
    CountySheet::from_csv(&bytes("county_values.csv"), "county_values.csv")
        .unwrap()
        .resolve(&Standard::builtin("quality-2017").unwrap())
        .unwrap()
        .values
}

fn build(values: Option<CountyValues>) -> Dossier {
    let ingested =
        junheng_sheets::read(&bytes("schools.csv"), &ReadOptions::new("schools.csv")).unwrap();
    let config = DossierConfig {
        analysis: AnalysisConfig {
            county_values: values.map(CountyInput::Values),
            ..AnalysisConfig::new()
        },
        research: false,
    };
    dossier::build(&ingested, &config).unwrap()
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    junheng_sheets::read_grid(bytes, Some(name)).unwrap().rows
}

/// The rows of an items sheet from its header on: (编号, 结论).
fn results(rows: &[Vec<String>]) -> Vec<(String, String)> {
    let start = rows.iter().position(|r| r[0] == "编号").unwrap();
    rows[start + 1..]
        .iter()
        .take_while(|r| !r[0].is_empty())
        .map(|r| (r[0].clone(), r[4].clone()))
        .collect()
}

#[test]
fn a_county_that_meets_everything_is_recognized_in_the_dossier() {
    let d = build(Some(county_values()));
    assert_eq!(d.evaluation.recognized, Some(true));
    assert_eq!(d.evaluation.items.len(), 31);
    let book = xlsx::workbook(&d, Lang::Zh);

    let t5 = sheet(&book, "表5 政府保障程度");
    assert!(t5[0][0].starts_with("表5 政府保障程度"), "{:?}", t5[0]);
    let rows = results(&t5);
    let ids: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(ids, (1..=15).map(|i| format!("G{i}")).collect::<Vec<_>>());
    assert!(rows.iter().all(|r| r.1 == "达到"), "{rows:?}");
    // G13: the standard by level and the county's figures.
    let g13 = t5.iter().find(|r| r[0] == "G13").unwrap();
    assert_eq!(g13[2], "小学 ≥ 100%，初中 ≥ 95%");
    assert_eq!(
        g13[3],
        "就近划片入学比例（小学）：100%；就近划片入学比例（初中）：99%"
    );
    assert!(g13[5].contains("佐证材料：G13佐证材料.pdf"), "{}", g13[5]);
    // G4: computed from the table, the 2000-pupil threshold from local rules.
    let g4 = t5.iter().find(|r| r[0] == "G4").unwrap();
    assert_eq!(g4[3], "学校表：12 所，0 所未达到");
    assert_eq!(
        g4[2],
        "学校规模（小学、初中） ≤ 2000 人；一贯制学校义务教育阶段规模 ≤ 2500 人 ※"
    );
    assert!(t5.iter().any(|r| r[0].starts_with("※ 标准依地方实施办法")));

    let t6 = sheet(&book, "表6 教育质量");
    let ids: Vec<String> = results(&t6).into_iter().map(|r| r.0).collect();
    assert_eq!(ids, (1..=9).map(|i| format!("Q{i}")).collect::<Vec<_>>());

    let result = sheet(&book, "认定结果");
    assert!(result[1][0].starts_with("可以认定"), "{:?}", result[1]);
    let rows = results(&result);
    assert_eq!(rows[0], ("S1".into(), "达到".into()));
    assert_eq!(rows[1], ("V1".into(), "无此情形".into()));
    assert_eq!(rows.len(), 7);

    // Page 1 says where the county stands on each part.
    let page1 = sheet(&book, "封面与结论");
    let text: Vec<&str> = page1.iter().map(|r| r[0].as_str()).collect();
    assert!(text.contains(&"• 政府保障程度：达到"), "{text:?}");
    assert!(text.iter().any(|t| t.starts_with("可以认定")), "{text:?}");

    let page = html::page(&d, Lang::En);
    for part in [
        "Table 5 Government guarantee",
        "Table 6 Quality of education",
        "Public recognition and the result",
        "Can be recognised",
        "Government guarantee: met",
    ] {
        assert!(page.contains(part), "{part}");
    }
}

#[test]
fn a_declared_veto_and_missing_values_show_in_the_dossier() {
    let mut values = county_values();
    values.set(CountyEntry {
        id: "V2".into(),
        key: None,
        level: None,
        value: None,
        answer: Some(true),
        note: "两所学校跨区招生".into(),
        evidence: String::new(),
        line: None,
    });
    let d = build(Some(values));
    assert_eq!(d.evaluation.recognized, Some(false));
    let book = xlsx::workbook(&d, Lang::Zh);
    let result = sheet(&book, "认定结果");
    assert!(result[1][0].starts_with("不能认定"), "{:?}", result[1]);
    let v2 = result.iter().find(|r| r[0] == "V2").unwrap();
    assert_eq!((v2[3].as_str(), v2[4].as_str()), ("是", "存在"));
    assert!(v2[5].contains("两所学校跨区招生"));
    assert!(result
        .iter()
        .any(|r| r[0] == "不予认定情形：存在 1 项不予认定情形"));

    // Without the county sheet: the county's items are to decide, and page 1 lists them.
    let d = build(None);
    assert_eq!(d.evaluation.recognized, None);
    let page = html::page(&d, Lang::Zh);
    assert!(page.contains("尚不能判断：26 项待填报"), "page 1");
    // The printed tables list the county's blank items by id and show what the table decided.
    assert!(
        page.contains("县级指标未填报，待填报：G1、G2、G7、G8、G9、G10、G11、G13、G14、G15（"),
        "表5"
    );
    assert!(page.contains("<td class=\"c\">G6</td>"));
    assert!(!page.contains("<td class=\"c\">G7</td>"));
    let book = xlsx::workbook(&d, Lang::Zh);
    let t5 = sheet(&book, "表5 政府保障程度");
    let g7 = t5.iter().find(|r| r[0] == "G7").unwrap();
    assert_eq!((g7[3].as_str(), g7[4].as_str()), ("未填报", "待定"));
    // G6 names its one school under 100 pupils, which lacks the county's benchmark.
    let g6 = t5.iter().find(|r| r[0] == "G6").unwrap();
    assert!(g6[5].contains("柳沟村小学（第 9 行）"), "{}", g6[5]);
}
