//! An ingested table across a Web Worker boundary, without copying it cell by cell in JavaScript.
//!
//! The page's engine worker reads a large file (decoding, CSV parsing, layout and mapping) and
//! hands the result to the page's main thread, which would otherwise read the whole file again.
//! [`pack`] turns an [`Ingested`] into three flat buffers the worker transfers (never copies) to
//! the page, plus a small JSON document of everything else; [`unpack`] rebuilds the same value.
//! Rebuilding costs one allocation per cell and no parsing: a few times cheaper than reading.
//!
//! Layout: `text` is every cell's UTF-8 text, concatenated in row order; `cell_ends[k]` is the end
//! of cell `k` in `text`; `row_ends[r]` is the number of cells up to the end of row `r`;
//! `lines[r]` is row `r`'s line in the file.

use serde::{Deserialize, Serialize};

use super::{CellText, Ingested, Mapping, Row, SourceInfo, Table};
use crate::error::{Cell, Issue};
use crate::Error;

/// An [`Ingested`] as flat buffers; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Packed {
    /// Headers, source, mapping and issues, as JSON.
    pub meta: String,
    /// Every cell's text, concatenated.
    pub text: Vec<u8>,
    /// End of each cell in `text`.
    pub cell_ends: Vec<u32>,
    /// Cells up to the end of each row.
    pub row_ends: Vec<u32>,
    /// Line of each row in the file.
    pub lines: Vec<u32>,
}

/// Why a packed table cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Over 4 GiB of text, 2³² cells or lines: beyond what a wasm32 page can hold anyway.
    TooLarge,
    /// The buffers do not fit together (a bug, or buffers from another version).
    Damaged(String),
}

#[derive(Serialize, Deserialize)]
struct Meta {
    headers: Vec<String>,
    source: SourceInfo,
    mapping: Mapping,
    issues: Vec<Issue>,
}

/// Flattens `ingested`. O(cells).
pub fn pack(ingested: &Ingested) -> Result<Packed, WireError> {
    let table = &ingested.table;
    let meta = Meta {
        headers: table.headers.clone(),
        source: table.source.clone(),
        mapping: ingested.mapping.clone(),
        issues: ingested.issues.clone(),
    };
    let meta = serde_json::to_string(&meta).map_err(|e| WireError::Damaged(e.to_string()))?;
    let cells: usize = table.rows.iter().map(|r| r.cells.len()).sum();
    let bytes: usize = table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|cell| cell.len())
        .sum();
    let small = |n: usize| u32::try_from(n).map_err(|_| WireError::TooLarge);
    small(cells)?;
    small(bytes)?;
    let mut packed = Packed {
        meta,
        text: Vec::with_capacity(bytes),
        cell_ends: Vec::with_capacity(cells),
        row_ends: Vec::with_capacity(table.rows.len()),
        lines: Vec::with_capacity(table.rows.len()),
    };
    for row in &table.rows {
        for cell in &row.cells {
            packed.text.extend_from_slice(cell.as_bytes());
            packed.cell_ends.push(packed.text.len() as u32);
        }
        packed.row_ends.push(packed.cell_ends.len() as u32);
        packed.lines.push(small(row.line as usize)?);
    }
    Ok(packed)
}

/// Rebuilds what [`pack`] flattened. O(cells); checks every offset, so damaged buffers give
/// an error, never a panic.
pub fn unpack(packed: &Packed) -> Result<Ingested, WireError> {
    let damaged = |what: &str| WireError::Damaged(what.to_string());
    let meta: Meta =
        serde_json::from_str(&packed.meta).map_err(|e| WireError::Damaged(e.to_string()))?;
    let text = std::str::from_utf8(&packed.text).map_err(|_| damaged("text is not UTF-8"))?;
    if packed.row_ends.len() != packed.lines.len() {
        return Err(damaged("rows and lines differ in number"));
    }
    let mut rows = Vec::with_capacity(packed.lines.len());
    let (mut cell, mut start) = (0usize, 0usize);
    for (&row_end, &line) in packed.row_ends.iter().zip(&packed.lines) {
        let row_end = row_end as usize;
        let ends = packed
            .cell_ends
            .get(cell..row_end)
            .ok_or_else(|| damaged("row ends"))?;
        let mut cells = Vec::with_capacity(ends.len());
        for &end in ends {
            let end = end as usize;
            let slice = text.get(start..end).ok_or_else(|| damaged("cell ends"))?;
            cells.push(CellText::from(slice));
            start = end;
        }
        cell = row_end;
        rows.push(Row {
            line: u64::from(line),
            cells,
        });
    }
    if cell != packed.cell_ends.len() || start != text.len() {
        return Err(damaged("trailing cells"));
    }
    Ok(Ingested {
        table: Table {
            headers: meta.headers,
            rows,
            source: meta.source,
        },
        mapping: meta.mapping,
        issues: meta.issues,
    })
}

/// The errors reading a file with default options can give, as they cross the boundary.
/// A short list on purpose: deriving serde for every [`Error`] would cost the page about 60 KB.
/// Externally tagged (serde's default): an internally tagged enum buffers its content and
/// costs the page twice the code.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum WireErr {
    EmptyFile,
    NoData,
    NotATable,
    TooLarge,
    UnclosedQuote { line: u64 },
    Csv { line: u64, detail: String },
    BadNumber { cell: Cell, text: String },
    StackedHeaders { first: u64, second: u64 },
}

/// `error` as JSON for the page, if it is one of the errors of reading (see [`error_from_json`]).
pub fn error_to_json(error: &Error) -> Option<String> {
    let wire = match error.clone() {
        Error::EmptyFile => WireErr::EmptyFile,
        Error::NoData => WireErr::NoData,
        Error::NotATable => WireErr::NotATable,
        Error::TooLarge => WireErr::TooLarge,
        Error::UnclosedQuote { line } => WireErr::UnclosedQuote { line },
        Error::Csv { line, detail } => WireErr::Csv { line, detail },
        Error::BadNumber { cell, text } => WireErr::BadNumber { cell, text },
        Error::StackedHeaders { first, second } => WireErr::StackedHeaders { first, second },
        _ => return None,
    };
    serde_json::to_string(&wire).ok()
}

/// The error [`error_to_json`] wrote; `None` for anything else (the page then reads the file
/// itself, and gets the error first hand).
pub fn error_from_json(json: &str) -> Option<Error> {
    Some(match serde_json::from_str(json).ok()? {
        WireErr::EmptyFile => Error::EmptyFile,
        WireErr::NoData => Error::NoData,
        WireErr::NotATable => Error::NotATable,
        WireErr::TooLarge => Error::TooLarge,
        WireErr::UnclosedQuote { line } => Error::UnclosedQuote { line },
        WireErr::Csv { line, detail } => Error::Csv { line, detail },
        WireErr::BadNumber { cell, text } => Error::BadNumber { cell, text },
        WireErr::StackedHeaders { first, second } => Error::StackedHeaders { first, second },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read, ReadOptions};

    fn sample() -> Ingested {
        let csv = "县教育局 2024 年学校基本情况表\n单位：万元\n\
            学校名称,学段,城乡分类,在校学生数,教学仪器设备值,生均图书\n\
            甲小学,小学,城区,100,12.5,30\n\"乙,小学\",小学,乡村,50,8,\n\
            丙中学,初中,镇区,80,20,25,多余\n合计,,,230,40.5,\n";
        read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap()
    }

    #[test]
    fn round_trip_is_exact() {
        let ingested = sample();
        assert!(
            !ingested.issues.is_empty(),
            "the sample has issues to carry"
        );
        assert!(
            !ingested.table.source.skipped.is_empty(),
            "and a skipped row"
        );
        let packed = pack(&ingested).unwrap();
        assert_eq!(packed.lines.len(), ingested.table.rows.len());
        assert_eq!(unpack(&packed).unwrap(), ingested);
    }

    #[test]
    fn empty_cells_and_wide_text_survive() {
        let mut ingested = sample();
        ingested.table.rows[0].cells[0] = "𠀀学校（一）".into();
        ingested.table.rows[1].cells[1].clear();
        assert_eq!(unpack(&pack(&ingested).unwrap()).unwrap(), ingested);
    }

    #[test]
    fn reading_errors_cross_others_do_not() {
        for error in [
            Error::EmptyFile,
            Error::NoData,
            Error::NotATable,
            Error::TooLarge,
            Error::UnclosedQuote { line: 7 },
            Error::Csv {
                line: 3,
                detail: "x".into(),
            },
        ] {
            let json = error_to_json(&error).unwrap();
            assert_eq!(error_from_json(&json), Some(error));
        }
        assert_eq!(error_to_json(&Error::SpreadsheetNeedsReader), None);
        assert_eq!(error_from_json("{\"kind\":\"from_the_future\"}"), None);
        assert_eq!(error_from_json("not json"), None);
    }

    #[test]
    fn damaged_buffers_are_errors() {
        let packed = pack(&sample()).unwrap();
        let mut p = packed.clone();
        p.cell_ends.pop();
        assert!(matches!(unpack(&p), Err(WireError::Damaged(_))));
        let mut p = packed.clone();
        p.lines.pop();
        assert!(matches!(unpack(&p), Err(WireError::Damaged(_))));
        let mut p = packed.clone();
        *p.cell_ends.last_mut().unwrap() += 1;
        assert!(matches!(unpack(&p), Err(WireError::Damaged(_))));
        let mut p = packed.clone();
        // Cut a two-byte character in half: not UTF-8 any more.
        let cut = p.text.iter().position(|&b| b >= 0x80).unwrap() + 1;
        p.text.truncate(cut);
        assert!(unpack(&p).is_err());
        let mut p = packed;
        p.meta = "{".into();
        assert!(matches!(unpack(&p), Err(WireError::Damaged(_))));
    }
}
