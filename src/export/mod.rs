//! Files the page offers for download, built natively (and tested) here: the blank template
//! (CSV and Excel), the report as CSV for Excel, and the names of the files. `download.rs`
//! (wasm32) hands a file to the browser.

use junheng_core::fields::Unit;
use junheng_core::Field;

use crate::xlsx_writer::{workbook, Cell, Sheet};

#[cfg(target_arch = "wasm32")]
pub mod download;
mod plan_csv;
mod report_csv;

pub use plan_csv::plan_csv;
pub use report_csv::report_csv;

/// The UTF-8 byte-order mark: Excel opens a CSV as UTF-8 only when it starts with one.
pub const BOM: &str = "\u{feff}";

/// The unit written after a field's name in the template, in the full-width brackets of the
/// national forms. Money is asked in 万元 (as the forms do; ingestion scales it to yuan).
pub fn template_unit(field: Field) -> Option<&'static str> {
    match field {
        Field::MultimediaRooms | Field::MusicRooms | Field::ArtRooms => Some("间"),
        _ => match field.unit() {
            Unit::SquareMetres => Some("平方米"),
            Unit::Yuan => Some("万元"),
            Unit::Text | Unit::Persons | Unit::Count => None,
        },
    }
}

/// The template's header of `field`: its Chinese name, with its unit when it has one.
pub fn template_header(field: Field) -> String {
    match template_unit(field) {
        Some(unit) => format!("{}（{unit}）", field.name_zh()),
        None => field.name_zh().to_string(),
    }
}

/// The example school of the template, a cell per field of [`Field::ALL`]: a primary school,
/// so the fields of spanning schools (小学部/初中部/高中部学生数) are empty.
pub fn template_example(field: Field) -> Cell {
    let text = |s: &str| Cell::Text(s.to_string());
    match field {
        Field::SchoolName => text("城关第一小学"),
        Field::SchoolCode => text("2136000001"),
        Field::Level => text("小学"),
        Field::UrbanRural => text("城区"),
        Field::Township => text("城关街道"),
        Field::Operator => text("公办"),
        Field::Students => Cell::Number(1260.0),
        Field::StudentsPrimary | Field::StudentsJunior | Field::StudentsSenior => Cell::Empty,
        Field::Classes => Cell::Number(28.0),
        Field::MaxClassSize => Cell::Number(45.0),
        Field::Teachers => Cell::Number(72.0),
        Field::Staff => Cell::Number(80.0),
        Field::TeachersAboveQual => Cell::Number(68.0),
        Field::TeachersBackbone => Cell::Number(15.0),
        Field::TeachersPeArts => Cell::Number(12.0),
        Field::TeachersMidTitle => Cell::Number(30.0),
        Field::TeachingArea => Cell::Number(7560.5),
        Field::GymArea => Cell::Number(420.0),
        Field::SportsArea => Cell::Number(9800.0),
        Field::EquipmentValue => Cell::Number(310.25),
        Field::Computers => Cell::Number(180.0),
        Field::MultimediaRooms => Cell::Number(30.0),
        Field::Books => Cell::Number(45000.0),
        Field::BuildingArea => Cell::Number(11800.0),
        Field::SiteArea => Cell::Number(32000.0),
        Field::MusicRooms => Cell::Number(2.0),
        Field::ArtRooms => Cell::Number(2.0),
        Field::PublicFunds => Cell::Number(95.6),
        // The 2017 items computed per school (docs/domain.md §2.2: G3, G5, G12, Q4).
        Field::MusicRoomArea => Cell::Number(200.0),
        Field::ArtRoomArea => Cell::Number(186.0),
        Field::TeachersCertified => Cell::Number(72.0),
        Field::TrainingFunds => Cell::Number(5.2),
        f if f.is_class_band() => Cell::Number(0.0),
        // `Field` is non-exhaustive: a field added later gets an empty example.
        _ => Cell::Empty,
    }
}

/// One CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One line of a CSV the page writes from the user's data, CRLF-ended: text a spreadsheet
/// would run as a formula is defused (`junheng_core::csv_cell`), then cells with a comma, a
/// quote or a line break are quoted (RFC 4180).
fn csv_line<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> String {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|c| csv_cell(&junheng_core::csv_cell::csv_cell(c.as_ref())))
        .collect();
    format!("{}\r\n", cells.join(","))
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Number(v) if v.is_finite() => v.to_string(),
        Cell::Number(_) | Cell::Empty => String::new(),
    }
}

/// Header row and example row of the template.
fn template_rows() -> Vec<Vec<Cell>> {
    vec![
        Field::ALL
            .iter()
            .map(|f| Cell::Text(template_header(*f)))
            .collect(),
        Field::ALL.iter().map(|f| template_example(*f)).collect(),
    ]
}

/// The template as CSV: UTF-8 with a BOM, CRLF line ends (what Excel writes), a header row of
/// every field and one example school.
pub fn template_csv() -> String {
    let mut out = String::from(BOM);
    for row in template_rows() {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(&cell_text(c))).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The template as an Excel workbook: the sheet 学校数据 with the same two rows, then the blank
/// county sheet 县级指标 (rows `指标,值,说明,佐证材料` for the 2017 items a school table cannot
/// hold, docs/domain.md §2.2), which the engine reads back with the schools.
pub fn template_xlsx() -> Vec<u8> {
    let county = junheng_core::standards::Standard::builtin("quality-2017")
        .map(|s| junheng_core::standards::CountyValues::new("").to_rows(&s))
        .unwrap_or_default()
        .into_iter()
        .map(|row| row.into_iter().map(Cell::Text).collect())
        .collect();
    workbook(&[
        Sheet::new("学校数据", template_rows()),
        Sheet::new(junheng_core::standards::items::COUNTY_SHEET, county),
    ])
}

/// The report's CSV with a BOM, for Excel.
pub fn csv_for_excel(report_csv: &str) -> String {
    format!("{BOM}{report_csv}")
}

/// The part of a download's name that says which data: "示例县" for the sample, else the file
/// name without its extension, with characters file systems refuse replaced by `_`.
pub fn data_stem(file_name: &str, is_sample: bool) -> String {
    if is_sample {
        return "示例县".to_string();
    }
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "data".to_string()
    } else {
        cleaned.chars().take(80).collect()
    }
}

/// A download's name: `junheng-{data}-{YYYY-MM-DD}.{extension}`.
pub fn export_file_name(
    file_name: &str,
    is_sample: bool,
    (year, month, day): (u32, u32, u32),
    extension: &str,
) -> String {
    format!(
        "junheng-{}-{year:04}-{month:02}-{day:02}.{extension}",
        data_stem(file_name, is_sample)
    )
}

// Native only: these tests read workbooks back with junheng-sheets, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use junheng_core::ingest::ReadOptions;
    use junheng_sheets::read;

    #[test]
    fn template_headers_have_units() {
        assert_eq!(template_header(Field::SchoolName), "学校名称");
        assert_eq!(
            template_header(Field::TeachingArea),
            "教学及辅助用房面积（平方米）"
        );
        assert_eq!(
            template_header(Field::EquipmentValue),
            "教学仪器设备值（万元）"
        );
        assert_eq!(template_header(Field::MusicRooms), "音乐专用教室（间）");
        assert_eq!(template_header(Field::Books), "图书册数");
    }

    #[test]
    fn template_csv_maps_every_field_and_scales_money() {
        let csv = template_csv();
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv.matches("\r\n").count(), 2);
        let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
        assert_eq!(header.split(',').count(), Field::ALL.len());
        let ingested = read(csv.as_bytes(), &ReadOptions::new("template.csv")).unwrap();
        assert_eq!(ingested.table.rows.len(), 1);
        for field in Field::ALL {
            assert!(
                ingested.mapping.get(field).is_some(),
                "{} not recognised",
                template_header(field)
            );
        }
        // 万元 in the header: the engine stores yuan.
        let equipment = ingested.mapping.get(Field::EquipmentValue).unwrap();
        assert_eq!(equipment.scale, 10_000.0);
    }

    #[test]
    fn template_xlsx_reads_back_like_the_csv() {
        let from_xlsx = read(&template_xlsx(), &ReadOptions::new("template.xlsx")).unwrap();
        let from_csv = read(template_csv().as_bytes(), &ReadOptions::new("template.csv")).unwrap();
        assert_eq!(from_xlsx.table.source.sheet.as_deref(), Some("学校数据"));
        assert_eq!(from_xlsx.table.headers, from_csv.table.headers);
        assert_eq!(from_xlsx.table.rows[0].cells, from_csv.table.rows[0].cells);
        assert_eq!(from_xlsx.mapping, from_csv.mapping);
        // The blank county sheet reads back as a county sheet with every item and no value.
        let grid = junheng_sheets::read_county_sheet(&template_xlsx())
            .unwrap()
            .unwrap();
        let sheet = junheng_core::standards::CountySheet::from_grid(grid, "template.xlsx");
        let standard = junheng_core::standards::Standard::builtin("quality-2017").unwrap();
        let resolved = sheet.resolve(&standard).unwrap();
        assert!(resolved.warnings.is_empty(), "{:?}", resolved.warnings);
        assert!(resolved.values.entries.is_empty());
        assert_eq!(sheet.rows[0].cells[0], "指标");
        assert!(sheet.rows.iter().any(|r| r.cells[0].starts_with("V6 ")));
    }

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        assert_eq!(csv_cell("体育、艺术"), "体育、艺术");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn file_names() {
        assert_eq!(
            export_file_name("示例县-sample-county.csv", true, (2026, 11, 30), "csv"),
            "junheng-示例县-2026-11-30.csv"
        );
        assert_eq!(
            export_file_name("C:\\fakepath\\某县 2023.xlsx", false, (2026, 1, 5), "json"),
            "junheng-某县 2023-2026-01-05.json"
        );
        assert_eq!(data_stem("a:b?.csv", false), "a_b_");
        assert_eq!(data_stem(".csv", false), ".csv");
        assert_eq!(data_stem("   .csv", false), "data");
        assert_eq!(data_stem("noext", false), "noext");
    }

    #[test]
    fn report_csv_gets_a_bom() {
        assert_eq!(csv_for_excel("a,b\n"), "\u{feff}a,b\n");
    }
}
