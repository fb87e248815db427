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
//!
//! Bytes from a file are checked before the reader sees them, so that no workbook can make it
//! allocate beyond [`bounds`] (cells), [`zip_parts`] (inflated parts, shared strings), `ods_scan`
//! (repeated cells) and `xls_scan` (sector chains, dimensions): such a file is an input error
//! ([`Error::WorkbookTooLarge`], or [`Error::Spreadsheet`] when damaged), never an allocation
//! abort. The first visible sheet is read unless one is named (a county's sheet 县级指标 is
//! never taken for the school table; [`read_county_sheet`] reads it); hidden sheets are listed.
//!
//! The reader itself indexes some records without checking their length (short BIFF and xlsb
//! records). Natively its panics are caught and reported as a damaged workbook
//! ([`Error::Spreadsheet`]), in release builds too (the workspace's release profile unwinds for
//! this); a wasm32 build aborts instead (no unwinding there), which the page reports as an
//! unreadable file, so what the checks here can see (a sheet offset past the .xls stream) is
//! refused before the reader runs.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod bounds;
mod ods_scan;
mod xls_scan;
pub mod zip_parts;

use std::io::Cursor;

use calamine::{Data, Dimensions, Ods, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx};
use junheng_core::ingest::{self, Grid, Ingested, Merged, ReadOptions};
use junheng_core::standards::items::COUNTY_SHEET;
use junheng_core::Error;

pub use junheng_core::ingest::is_spreadsheet;

use bounds::Cells;
use zip_parts::Format;

fn unreadable(detail: impl ToString) -> Error {
    Error::Spreadsheet {
        detail: detail.to_string(),
    }
}

/// Runs the reader on the bytes; natively, a panic of the reader is a damaged workbook.
fn guarded<T>(read: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
            .unwrap_or_else(|_| Err(unreadable("a damaged part stopped the workbook reader")))
    }
    #[cfg(target_arch = "wasm32")]
    {
        read()
    }
}

/// Opens a workbook after checking its bytes: the format from its signature and its parts.
fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, Error> {
    let cursor = Cursor::new(bytes);
    if bytes.starts_with(b"PK\x03\x04") {
        match zip_parts::check(bytes)? {
            Format::Xlsx => Xlsx::new(cursor).map(Sheets::Xlsx).map_err(unreadable),
            Format::Xlsb => Xlsb::new(cursor).map(Sheets::Xlsb).map_err(unreadable),
            Format::Ods => {
                ods_scan::check(bytes)?;
                Ods::new(cursor).map(Sheets::Ods).map_err(unreadable)
            }
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        xls_scan::check(bytes)?;
        Xls::new(cursor).map(Sheets::Xls).map_err(unreadable)
    } else {
        Err(unreadable("not a workbook"))
    }
}

/// Names of the sheets of a workbook, in order; empty for delimited text.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, Error> {
    if !is_spreadsheet(bytes) {
        return Ok(Vec::new());
    }
    guarded(|| Ok(open(bytes)?.sheet_names()))
}

/// The workbook's county sheet (县级指标, docs/domain.md §2.2), read into a grid; `None` when
/// the workbook has no sheet of that name, or the bytes are delimited text.
pub fn read_county_sheet(bytes: &[u8]) -> Result<Option<Grid>, Error> {
    let names = sheet_names(bytes)?;
    match names.iter().find(|n| n.trim() == COUNTY_SHEET) {
        Some(name) => read_grid(bytes, Some(name)).map(Some),
        None => Ok(None),
    }
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

/// The sheet to read: `wanted` by name, else the first visible worksheet; and the hidden
/// sheets passed over (none when the user named the sheet).
fn choose(
    workbook: &Sheets<Cursor<&[u8]>>,
    wanted: Option<&str>,
) -> Result<(String, Vec<String>), Error> {
    let sheets = workbook.sheets_metadata();
    if let Some(wanted) = wanted {
        let name = sheets
            .iter()
            .map(|s| &s.name)
            .find(|s| s.as_str() == wanted || s.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| Error::UnknownSheet {
                name: wanted.to_string(),
                available: workbook.sheet_names(),
            })?;
        return Ok((name, Vec::new()));
    }
    let hidden: Vec<String> = sheets
        .iter()
        .filter(|s| s.visible != SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    // The county's sheet (县级指标) is never the school table, wherever it stands.
    let name = sheets
        .iter()
        .find(|s| {
            s.visible == SheetVisible::Visible
                && s.typ == SheetType::WorkSheet
                && s.name.trim() != COUNTY_SHEET
        })
        .or_else(|| sheets.first())
        .map(|s| s.name.clone())
        .ok_or(Error::NoData)?;
    Ok((name, hidden))
}

/// Reads one sheet (by name, else the first visible one) into a grid of text cells.
pub fn read_grid(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
    guarded(|| read_checked(bytes, sheet))
}

fn read_checked(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, Error> {
    let mut workbook = open(bytes)?;
    let sheets = workbook.sheet_names();
    let (name, hidden) = choose(&workbook, sheet)?;
    let mut cells = Cells::default();
    let (format, merged) = match &mut workbook {
        Sheets::Xlsx(x) => {
            // Cell by cell, so that a far cell stops the reading before any layout.
            let mut reader = x.worksheet_cells_reader(&name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                let (row, column) = cell.get_position();
                cells.push(
                    row,
                    column,
                    cell_text(&Data::from(cell.get_value().clone())),
                )?;
            }
            drop(reader);
            (
                "xlsx",
                x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            )
        }
        Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(&name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                let (row, column) = cell.get_position();
                cells.push(
                    row,
                    column,
                    cell_text(&Data::from(cell.get_value().clone())),
                )?;
            }
            ("xlsb", Vec::new())
        }
        // Laid out by the reader, within the bounds its file was checked against.
        Sheets::Xls(x) => {
            let range = x.worksheet_range(&name).map_err(unreadable)?;
            for (row, column, data) in range.used_cells() {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                cells.push(r0 + row as u32, c0 + column as u32, cell_text(data))?;
            }
            (
                "xls",
                x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            )
        }
        Sheets::Ods(x) => {
            let range = x.worksheet_range(&name).map_err(unreadable)?;
            for (row, column, data) in range.used_cells() {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                cells.push(r0 + row as u32, c0 + column as u32, cell_text(data))?;
            }
            ("ods", Vec::new())
        }
    };
    let (rows_count, columns) = cells.size();
    let (first_row, rows) = cells.into_rows();
    let regions: Vec<(u32, u32, u32, u32)> = merged
        .iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    bounds::check_merged(&regions, rows_count, first_row, columns)?;
    Ok(Grid {
        format: format.into(),
        sheets,
        sheet: name,
        hidden,
        first_row,
        rows,
        merged: merged.iter().map(to_merged).collect(),
    })
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
    fn a_sheet_offset_past_the_stream_is_a_damaged_file_not_a_reader_panic() {
        // The fuzzer's find: a BOUNDSHEET offset past the workbook stream made calamine slice
        // out of range (xls.rs), which aborted the page and the release CLI. The BOUNDSHEET
        // record of twin.xls is at byte 1419: kind 0x0085, 16 bytes, offset first.
        let mut bytes = include_bytes!("../../../tests/fixtures/ingest/twin.xls").to_vec();
        assert_eq!(bytes[1419..1423], [0x85, 0x00, 16, 0]);
        bytes[1423..1427].copy_from_slice(&0x0002_0000u32.to_le_bytes());
        let error = read(&bytes, &ReadOptions::new("t.xls")).unwrap_err();
        assert_eq!(
            error,
            Error::Spreadsheet {
                detail: "damaged .xls: a sheet starts past the end of the workbook stream".into()
            }
        );
        assert!(error.message(junheng_core::Lang::Zh).contains("无法读取"));
    }

    #[test]
    fn a_reader_panic_is_a_damaged_workbook() {
        // A shared-strings part of an .xlsb whose first record (BrtBeginSst, type 0x9F) is
        // empty: calamine reads its bytes 4..8 unchecked and panics.
        let bytes = junheng_core::xlsx_writer::zip_stored(&[
            ("xl/workbook.bin", &[]),
            ("xl/sharedStrings.bin", &[0x9F, 0x01, 0x00]),
        ]);
        assert_eq!(
            read(&bytes, &ReadOptions::new("t.xlsb")).unwrap_err(),
            unreadable("a damaged part stopped the workbook reader")
        );
    }

    #[test]
    fn the_release_build_unwinds_so_that_a_reader_panic_is_caught() {
        // With `panic = "abort"` in the release profile the catch above never runs and the CLI
        // aborts on such a file (scripts/build.sh sets it for the wasm modules only).
        let manifest = include_str!("../../../Cargo.toml");
        let release = manifest
            .split("[profile.release]")
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .unwrap_or_default();
        assert!(!release.is_empty());
        assert!(
            !release.lines().any(|l| l.trim().starts_with("panic")),
            "{release}"
        );
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
