//! Workbooks (.xlsx, .xls, .ods) → the same grid of text cells as a CSV, through calamine.
//!
//! Formulas give their cached values (calamine reads what Excel last computed). Merged regions
//! (xlsx, xls) are filled with their top-left value, so a merged header parent spans its
//! children and a 乡镇 merged down the first column reaches every school. A date cell becomes
//! its ISO text (`2023-09-01`) so it is never read as a serial number.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Range, Reader, Sheets};

use super::RawRow;
use crate::Error;

/// A sheet read into rows of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Rows in sheet order; `line` is the spreadsheet row number.
    pub rows: Vec<RawRow>,
    /// The sheet read.
    pub sheet: String,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// `xlsx`, `xls`, `xlsb` or `ods`.
    pub format: &'static str,
}

fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, Error> {
    open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| Error::Spreadsheet {
        detail: e.to_string(),
    })
}

/// Names of the sheets of a workbook, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, Error> {
    Ok(open(bytes)?.sheet_names())
}

/// Reads one sheet (the first when `sheet` is `None`).
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
    Ok(Grid {
        rows: to_rows(&range, &merged),
        sheet: name,
        sheets,
        format,
    })
}

/// Rows from the sheet's first used row; columns from A so that letters match the sheet.
fn to_rows(range: &Range<Data>, merged: &[Dimensions]) -> Vec<RawRow> {
    let (Some((row0, col0)), Some((row_end, col_end))) = (range.start(), range.end()) else {
        return Vec::new();
    };
    let width = col_end as usize + 1;
    let mut rows: Vec<RawRow> = (row0..=row_end)
        .map(|r| RawRow {
            line: u64::from(r) + 1,
            cells: (0..width as u32)
                .map(|c| {
                    if c < col0 {
                        String::new()
                    } else {
                        range.get_value((r, c)).map(cell_text).unwrap_or_default()
                    }
                })
                .collect(),
        })
        .collect();
    for region in merged {
        let (r1, c1) = region.start;
        let (r2, c2) = region.end;
        if r1 < row0 || r1 > row_end || c1 as usize >= width {
            continue;
        }
        let value = rows[(r1 - row0) as usize].cells[c1 as usize].clone();
        for r in r1..=r2.min(row_end) {
            for c in c1..=c2.min(col_end) {
                rows[(r - row0) as usize].cells[c as usize] = value.clone();
            }
        }
    }
    rows
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
    }
}
