//! The cells an OpenDocument spreadsheet makes, counted before the reader opens it.
//!
//! An .ods writes a run of equal cells once with `table:number-columns-repeated` and a run of
//! equal rows with `table:number-rows-repeated`, so 100 bytes can stand for 16 384 × 1 048 576
//! cells. The reader (calamine) lays out every sheet of the file as it opens it, so
//! `content.xml` is streamed here first and the layout each sheet would make (rows up to the
//! last one holding a value, × columns up to the last value of any row) is summed and checked
//! against [`MAX_CELLS`]. Trailing empty rows and columns, which LibreOffice writes as repeats
//! to the sheet's end, cost nothing and count for nothing. O(bytes of content.xml).

use std::io::{BufReader, Cursor};

use junheng_core::error::WorkbookLimit;
use junheng_core::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

use crate::bounds::MAX_CELLS;

fn unreadable(detail: impl ToString) -> Error {
    Error::Spreadsheet {
        detail: detail.to_string(),
    }
}

/// A repeat attribute's value (1 when absent), saturating.
fn repeats(element: &BytesStart, name: &str) -> u64 {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map_or(1, |a| {
            a.value
                .bytes()
                .take_while(u8::is_ascii_digit)
                .fold(0u64, |n, b| {
                    n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
                })
        })
}

fn has_value(element: &BytesStart) -> bool {
    element
        .attributes()
        .flatten()
        .any(|a| a.key.as_ref() == "office:value-type")
}

/// The layout of one sheet as it is read.
#[derive(Default)]
struct Sheet {
    /// Rows up to the last one with a value.
    rows: u64,
    /// Rows seen so far, values or not.
    seen: u64,
    /// Columns up to the last value of any row.
    columns: u64,
}

impl Sheet {
    fn cells(&self) -> u64 {
        self.rows.saturating_mul(self.columns)
    }
}

/// Checks that the sheets of an .ods lay out to at most [`MAX_CELLS`] cells in all.
pub fn check(bytes: &[u8]) -> Result<(), Error> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let content = zip.by_name("content.xml").map_err(unreadable)?;
    scan(BufReader::new(content))
}

fn too_many(cells: u64) -> Error {
    Error::WorkbookTooLarge {
        limit: WorkbookLimit::Cells {
            cells,
            max: MAX_CELLS,
        },
    }
}

fn scan(content: impl std::io::BufRead) -> Result<(), Error> {
    let mut reader = Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut sheet = Sheet::default();
    // The current row: its repeat, the columns so far, and those up to its last value.
    let (mut row_repeat, mut column, mut last_value) = (1u64, 0u64, 0u64);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(unreadable)?;
        let (element, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" => end_row(&mut sheet, row_repeat, last_value),
                    "table:table" => {
                        total = total.saturating_add(sheet.cells());
                        sheet = Sheet::default();
                    }
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        if let Some(element) = element {
            match element.name().as_ref() {
                "table:table-row" => {
                    (row_repeat, column, last_value) =
                        (repeats(element, "table:number-rows-repeated"), 0, 0);
                    if empty {
                        end_row(&mut sheet, row_repeat, 0);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    column =
                        column.saturating_add(repeats(element, "table:number-columns-repeated"));
                    // A cell with a value, or with content (text without a type).
                    if has_value(element) || !empty {
                        last_value = column;
                    }
                }
                _ => {}
            }
        }
        if total.saturating_add(sheet.cells()) > MAX_CELLS {
            return Err(too_many(total.saturating_add(sheet.cells())));
        }
        buf.clear();
    }
    Ok(())
}

fn end_row(sheet: &mut Sheet, repeat: u64, last_value: u64) {
    sheet.seen = sheet.seen.saturating_add(repeat);
    if last_value > 0 {
        sheet.rows = sheet.seen;
        sheet.columns = sheet.columns.max(last_value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    #[test]
    fn trailing_repeats_are_free_repeated_values_count() {
        let ok = content(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>学校名称</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        );
        assert!(scan(ok.as_bytes()).is_ok());
        let bomb = content(
            r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#,
        );
        assert_eq!(scan(bomb.as_bytes()), Err(too_many(1 << 34)));
    }
}
