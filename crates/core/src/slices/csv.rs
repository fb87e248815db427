//! The city table as CSV (`junheng analyze --by COLUMN -f csv`): one row per slice and level,
//! under a header of stable keys, as the report's CSV (docs/report-schema.md "Slices").

use super::city::CityTable;
use super::summary::LevelRow;
use crate::csv_cell::csv_cell;

/// The keys after the columns the file is split by, before the 2017 CVs.
const KEYS_BEFORE_CVS: [&str; 6] = [
    "level",
    "schools",
    "students",
    "composite_cv",
    "composite_cv_max",
    "basic_pass",
];

/// The keys after the 2017 CVs.
const KEYS_AFTER_CVS: [&str; 6] = [
    "cvs_pass",
    "schools_passing",
    "schools_failing",
    "schools_short",
    "quality_pass",
    "error",
];

/// The city table: a header row (the columns the file is split by, [`KEYS_BEFORE_CVS`], each
/// 2017 indicator's CV and `<id>_ok`, [`KEYS_AFTER_CVS`]) and a row per slice and level; a
/// slice that could not be evaluated has one row with its `error` (in Chinese; the JSON has
/// both languages). Null is an empty cell; numbers at full precision; text through
/// [`csv_cell`].
pub fn city_csv(table: &CityTable) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = table.by.clone();
    header.extend(KEYS_BEFORE_CVS.iter().map(|k| k.to_string()));
    for i in &table.indicators {
        header.push(i.id.clone());
        header.push(format!("{}_ok", i.id));
    }
    header.extend(KEYS_AFTER_CVS.iter().map(|k| k.to_string()));
    writer.write_record(&header).expect("writing to memory");
    for slice in &table.slices {
        let value: Vec<String> = slice
            .value
            .iter()
            .map(|v| csv_cell(v).into_owned())
            .collect();
        if let Some(error) = &slice.error {
            let mut row = value.clone();
            row.resize(header.len() - 1, String::new());
            row.push(csv_cell(&error.zh).into_owned());
            writer.write_record(&row).expect("writing to memory");
            continue;
        }
        for level in &slice.levels {
            let mut row = value.clone();
            row.extend(cells(level, table));
            writer.write_record(&row).expect("writing to memory");
        }
    }
    let bytes = writer.into_inner().expect("flushing to memory");
    String::from_utf8(bytes).expect("the cells are UTF-8")
}

/// A level's cells after the slice's value.
fn cells(level: &LevelRow, table: &CityTable) -> Vec<String> {
    let mut row = vec![
        level.level.id().to_string(),
        level.schools.to_string(),
        number(Some(level.students)),
    ];
    let basic = level.basic.as_ref();
    row.push(number(basic.and_then(|b| b.composite_cv)));
    row.push(number(basic.and_then(|b| b.max)));
    row.push(flag(basic.map(|b| b.pass)));
    let quality = level.quality.as_ref();
    for i in &table.indicators {
        let cell = quality.and_then(|q| q.cvs.iter().find(|c| c.id == i.id));
        row.push(number(cell.and_then(|c| c.cv)));
        row.push(flag(cell.and_then(|c| c.ok)));
    }
    row.push(flag(quality.map(|q| q.cvs_pass)));
    let count =
        |f: fn(&super::QualityCells) -> usize| quality.map_or(String::new(), |q| f(q).to_string());
    row.push(count(|q| q.schools_passing));
    row.push(count(|q| q.schools_failing));
    row.push(count(|q| q.schools_short));
    row.push(flag(quality.map(|q| q.pass)));
    row.push(String::new());
    row
}

/// A number as the report writes it (shortest representation that reads back the same);
/// empty for none.
fn number(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| {
        serde_json::to_string(&v).expect("a finite number")
    })
}

fn flag(value: Option<bool>) -> String {
    value.map_or(String::new(), |b| b.to_string())
}
