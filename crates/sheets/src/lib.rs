//! junheng-sheets: workbooks (.xlsx, .xls, .ods) → the core's plain [`Grid`], through calamine.
//!
//! The core reads no workbook itself so that its dependency tree stays free of browser crates
//! (calamine → zip → getrandom → js-sys on wasm32) and the page's first download stays small: the
//! CLI links this crate, the page loads it as a second wasm module (`crates/sheets-web`) only when
//! a spreadsheet is dropped.
//!
//! Formulas give their cached values (calamine reads what Excel last computed). Merged regions
//! (xlsx, xls) travel in the grid; the core fills them with their top-left value. A date cell
//! becomes its ISO text (`2023-09-01`) so it is never read as a serial number.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Range, Reader, Sheets};
use junheng_core::ingest::{self, Grid, Ingested, Merged, ReadOptions};
use junheng_core::Error;

pub use junheng_core::ingest::is_spreadsheet;

fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, Error> {
    open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| Error::Spreadsheet {
        detail: e.to_string(),
    })
}

/// Names of the sheets of a workbook, in order; empty for delimited text.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, Error> {
    if !is_spreadsheet(bytes) {
        return Ok(Vec::new());
    }
    Ok(open(bytes)?.sheet_names())
}

/// Reads a per-school table from a CSV/TSV or a workbook: [`ingest::read`] for text,
/// [`read_grid`] then [`ingest::read_grid`] for a workbook (the sheet of `options.sheet`).
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Ingested, Error> {
    if bytes.is_empty() || !is_spreadsheet(bytes) {
        return ingest::read(bytes, options);
    }
    let grid = read_grid(bytes, options.sheet.as_deref())?;
    ingest::read_grid(grid, options)
}

/// Reads one sheet (the first when `sheet` is `None`) into a grid of text cells.
pub fn read_grid(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
    let mut workbook = open(bytes)?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted || s.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| Error::UnknownSheet {
                name: wanted.to_string(),
                available: sheets.clone(),
            })?,
        None => sheets.first().cloned().ok_or(Error::NoData)?,
    };
    let spreadsheet_error = |e: calamine::Error| Error::Spreadsheet {
        detail: e.to_string(),
    };
    let range = workbook.worksheet_range(&name).map_err(spreadsheet_error)?;
    let (format, merged) = match &mut workbook {
        Sheets::Xlsx(x) => (
            "xlsx",
            x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        ),
        Sheets::Xls(x) => (
            "xls",
            x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        ),
        Sheets::Xlsb(_) => ("xlsb", Vec::new()),
        Sheets::Ods(_) => ("ods", Vec::new()),
    };
    let (first_row, rows) = to_rows(&range);
    Ok(Grid {
        format: format.into(),
        sheets,
        sheet: name,
        hidden: Vec::new(),
        first_row,
        rows,
        merged: merged.iter().map(to_merged).collect(),
    })
}

/// Rows from the sheet's first used row (its row number, from 1, comes first); columns from A
/// so that letters match the sheet.
fn to_rows(range: &Range<Data>) -> (u64, Vec<Vec<String>>) {
    let (Some((row0, col0)), Some((row_end, col_end))) = (range.start(), range.end()) else {
        return (1, Vec::new());
    };
    let rows = (row0..=row_end)
        .map(|r| {
            (0..=col_end)
                .map(|c| {
                    if c < col0 {
                        String::new()
                    } else {
                        range.get_value((r, c)).map(cell_text).unwrap_or_default()
                    }
                })
                .collect()
        })
        .collect();
    (u64::from(row0) + 1, rows)
}

fn to_merged(region: &Dimensions) -> Merged {
    Merged {
        top: region.start.0,
        left: region.start.1,
        bottom: region.end.0,
        right: region.end.1,
    }
}

/// The text of a cell as a person would read it in the sheet.
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_texts() {
        let cases = [
            (Data::Empty, ""),
            (Data::Float(506.54), "506.54"),
            (Data::Float(2096.0), "2096"),
            (Data::Int(7), "7"),
            (Data::Bool(true), "TRUE"),
            (Data::Error(calamine::CellErrorType::Div0), "#DIV/0!"),
            (
                Data::DateTime(calamine::ExcelDateTime::new(
                    45170.0,
                    calamine::ExcelDateTimeType::DateTime,
                    false,
                )),
                "2023-09-01",
            ),
            (Data::DateTimeIso("2023-09-01".into()), "2023-09-01"),
        ];
        for (data, expected) in cases {
            assert_eq!(cell_text(&data), expected, "{data:?}");
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(matches!(
            read_grid(b"PK\x03\x04garbage", None),
            Err(Error::Spreadsheet { .. })
        ));
        assert!(matches!(
            read(b"\xD0\xCF\x11\xE0garbage", &ReadOptions::new("x.xls")),
            Err(Error::Spreadsheet { .. })
        ));
    }

    #[test]
    fn text_goes_to_the_core() {
        let ingested = read(
            "学校名称,学生数\n一小,1\n".as_bytes(),
            &ReadOptions::new("t.csv"),
        )
        .unwrap();
        assert_eq!(ingested.table.source.format, "csv");
        assert_eq!(sheet_names(b"a,b\n1,2\n").unwrap(), Vec::<String>::new());
        assert_eq!(read(b"", &ReadOptions::new("e")), Err(Error::EmptyFile));
    }
}
