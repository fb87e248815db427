//! Every fixture of `tests/fixtures/ingest` (written by `tools/gen_fixtures.py` from one clean
//! twin) loads to the same numbers as the twin, after mapping and unit scaling. Workbooks are
//! read by `junheng-sheets` (a dev-dependency) into a grid, then by the core's `read_grid`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use junheng_core::ingest::{self, Ingested, ReadOptions, SchoolKind, UrbanRural};
use junheng_core::Field;
use junheng_sheets::read;

const NUMERIC: [Field; 8] = [
    Field::Students,
    Field::Teachers,
    Field::TeachersAboveQual,
    Field::TeachingArea,
    Field::SportsArea,
    Field::EquipmentValue,
    Field::Books,
    Field::Computers,
];

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/ingest")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run python3 tools/gen_fixtures.py)",
            path.display()
        )
    })
}

fn load(name: &str, sheet: Option<&str>) -> Ingested {
    let mut options = ReadOptions::new(name);
    options.sheet = sheet.map(str::to_string);
    read(&fixture(name), &options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// One school as the engine sees it: category values normalised, numbers in base units.
#[derive(Debug, PartialEq)]
struct School {
    level: Option<SchoolKind>,
    urban_rural: Option<UrbanRural>,
    township: String,
    numbers: Vec<Option<f64>>,
}

fn schools(ingested: &Ingested) -> BTreeMap<String, School> {
    let table = &ingested.table;
    let mapping = &ingested.mapping;
    let text = |field: Field, row: usize| {
        mapping
            .get(field)
            .map(|m| table.rows[row].cells[m.column].to_string())
            .unwrap_or_default()
    };
    let mut columns = Vec::new();
    for field in NUMERIC {
        let values = ingest::read_column(table, mapping, field)
            .unwrap_or_else(|| panic!("{}: {field:?} not mapped", table.source.name));
        assert!(
            values.invalid.is_empty(),
            "{}: {:?}",
            table.source.name,
            values.invalid
        );
        let by_line: BTreeMap<u64, f64> = values.values.into_iter().collect();
        columns.push(by_line);
    }
    (0..table.rows.len())
        .map(|i| {
            let line = table.rows[i].line;
            let school = School {
                level: SchoolKind::parse(&text(Field::Level, i)),
                urban_rural: UrbanRural::parse(&text(Field::UrbanRural, i)),
                township: text(Field::Township, i),
                numbers: columns.iter().map(|c| c.get(&line).copied()).collect(),
            };
            (text(Field::SchoolName, i), school)
        })
        .collect()
}

fn close(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs().max(1.0),
            (None, None) => true,
            _ => false,
        })
}

/// `name` loads to the clean twin's schools.
fn check(name: &str, sheet: Option<&str>) {
    let twin = schools(&load("clean.csv", None));
    assert_eq!(twin.len(), 8);
    let got = schools(&load(name, sheet));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        twin.keys().collect::<Vec<_>>(),
        "{name}: school names"
    );
    for (school, expected) in &twin {
        let g = &got[school];
        assert_eq!(g.level, expected.level, "{name}: {school} level");
        assert!(g.level.is_some(), "{name}: {school} level");
        assert_eq!(
            g.urban_rural, expected.urban_rural,
            "{name}: {school} urban/rural"
        );
        assert_eq!(g.township, expected.township, "{name}: {school} township");
        assert!(
            close(&g.numbers, &expected.numbers),
            "{name}: {school}\n got {:?}\nwant {:?}",
            g.numbers,
            expected.numbers
        );
    }
}

#[test]
fn every_fixture_loads_like_its_clean_twin() {
    let cases = [
        ("clean.csv", None),
        ("gbk_crlf.csv", None),
        ("utf8_bom.csv", None),
        ("utf16le_bom_tab.txt", None),
        ("semicolon_decimal_comma.csv", None),
        ("fullwidth.csv", None),
        ("placeholders.csv", None),
        ("wanyuan.csv", None),
        ("title_rows.csv", None),
        ("totals.csv", None),
        ("two_row_header.csv", None),
        ("twin.xlsx", None),
        ("twin.xlsx", Some("简表")),
        ("twin.xls", None),
        ("twin.ods", None),
    ];
    for (name, sheet) in cases {
        check(name, sheet);
    }
}

/// What each fixture says about itself: encoding, delimiter, header lines, skipped rows.
#[test]
fn source_info() {
    // name, format, encoding, delimiter, header lines, skipped lines.
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<char>,
        &'static [u64],
        &'static [u64],
    );
    let cases: &[Case] = &[
        ("clean.csv", "csv", "utf-8", Some(','), &[1], &[]),
        ("gbk_crlf.csv", "csv", "gb18030", Some(','), &[1], &[]),
        ("utf8_bom.csv", "csv", "utf-8", Some(','), &[1], &[]),
        (
            "utf16le_bom_tab.txt",
            "tsv",
            "utf-16le",
            Some('\t'),
            &[1],
            &[],
        ),
        (
            "semicolon_decimal_comma.csv",
            "csv",
            "utf-8",
            Some(';'),
            &[1],
            &[],
        ),
        (
            "title_rows.csv",
            "csv",
            "gb18030",
            Some(','),
            &[5, 6],
            &[15, 16, 17, 19, 20],
        ),
        (
            "totals.csv",
            "csv",
            "utf-8",
            Some(','),
            &[1],
            &[7, 11, 12, 13, 14, 15, 16],
        ),
        (
            "two_row_header.csv",
            "csv",
            "gb18030",
            Some(','),
            &[3, 4, 5],
            &[6, 12, 13, 17, 18, 19, 20],
        ),
        (
            "twin.xlsx",
            "xlsx",
            "",
            None,
            &[3, 4, 5],
            &[6, 12, 13, 17, 18, 19, 20],
        ),
        (
            "twin.xls",
            "xls",
            "",
            None,
            &[3, 4, 5],
            &[6, 12, 13, 17, 18, 19, 20],
        ),
        (
            "twin.ods",
            "ods",
            "",
            None,
            &[3, 4, 5],
            &[6, 12, 13, 17, 18, 19, 20],
        ),
    ];
    for (name, format, encoding, delimiter, header_lines, skipped) in cases {
        let source = load(name, None).table.source;
        assert_eq!(source.format, *format, "{name}");
        assert_eq!(source.encoding, *encoding, "{name}");
        assert_eq!(source.delimiter, *delimiter, "{name}");
        assert_eq!(source.header_lines, *header_lines, "{name}");
        let lines: Vec<u64> = source.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, *skipped, "{name}: {:?}", source.skipped);
        assert_eq!(source.data_rows, 8, "{name}");
    }
}

#[test]
fn workbook_details() {
    let xlsx = load("twin.xlsx", None);
    assert_eq!(xlsx.table.source.sheets, ["学校数据", "简表"]);
    assert_eq!(xlsx.table.source.sheet.as_deref(), Some("学校数据"));
    assert_eq!(
        junheng_sheets::sheet_names(&fixture("twin.xlsx")).unwrap(),
        ["学校数据", "简表"]
    );
    assert_eq!(
        junheng_sheets::sheet_names(&fixture("clean.csv")).unwrap(),
        Vec::<String>::new()
    );
    // The core alone reads no workbook: it says so, in both languages.
    for name in ["twin.xlsx", "twin.xls", "twin.ods"] {
        let error = ingest::read(&fixture(name), &ReadOptions::new(name)).unwrap_err();
        assert_eq!(error, junheng_core::Error::SpreadsheetNeedsReader, "{name}");
        assert_eq!(
            ingest::sheet_names(&fixture(name)),
            Err(junheng_core::Error::SpreadsheetNeedsReader)
        );
    }
    assert_eq!(
        ingest::sheet_names(&fixture("clean.csv")).unwrap(),
        Vec::<String>::new()
    );
    // Dates are ISO text, not serial numbers.
    let date = xlsx.table.column("建校日期").expect("date column");
    assert_eq!(xlsx.table.rows[0].cells[date], "1956-09-01");
    // Merged parents joined with their children.
    assert_eq!(xlsx.table.rows[1].cells[date], "1956-09-02");
    assert!(
        xlsx.table
            .headers
            .contains(&"专任教师/高于规定学历".to_string()),
        "{:?}",
        xlsx.table.headers
    );
    assert!(xlsx
        .table
        .headers
        .contains(&"面积（平方米）/体育运动场馆".to_string()));
}

#[test]
fn section_rows_give_the_level() {
    let two_row = load("two_row_header.csv", None);
    let level = two_row.mapping.get(Field::Level).unwrap();
    assert_eq!(level.detection, ingest::Detection::Sections);
    assert!(two_row
        .issues
        .contains(&junheng_core::Issue::LevelFromSections { rows: 8 }));
}

#[test]
fn units_and_derived_columns_are_reported() {
    let wanyuan = load("wanyuan.csv", None);
    let equipment = wanyuan.mapping.get(Field::EquipmentValue).unwrap();
    assert_eq!(equipment.scale, 10_000.0);
    assert_eq!(wanyuan.mapping.get(Field::Books).unwrap().scale, 10_000.0);

    let title = load("title_rows.csv", None);
    assert_eq!(
        title.mapping.get(Field::EquipmentValue).unwrap().scale,
        10_000.0
    );
    assert!(
        title
            .issues
            .iter()
            .any(|i| matches!(i, junheng_core::Issue::UnitFromTitle { line: 2, .. })),
        "{:?}",
        title.issues
    );

    let totals = load("totals.csv", None);
    assert!(totals.issues.contains(&junheng_core::Issue::DerivedColumn {
        column: 12,
        header: "生均教学及辅助用房面积".into()
    }));
    assert_eq!(
        totals.table.headers.len(),
        13,
        "trailing empty column dropped"
    );

    // No unit and values in 万元: not scaled, but flagged.
    let no_unit = load("extra/money_no_unit.csv", None);
    assert_eq!(
        no_unit.mapping.get(Field::EquipmentValue).unwrap().scale,
        1.0
    );
    let guess = no_unit
        .issues
        .iter()
        .find(|i| matches!(i, junheng_core::Issue::MoneyUnitGuess { .. }));
    assert!(guess.is_some(), "{:?}", no_unit.issues);
}
