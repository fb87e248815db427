//! Ingestion: bytes of a user's file → [`Table`].

pub mod number;
pub mod table;

pub use number::{parse_number, Number};
pub use table::{Row, Skipped, SourceInfo, Table};

use crate::Error;

/// Reads a UTF-8 CSV (a UTF-8 BOM is allowed) whose first row is the header.
pub fn read_csv(bytes: &[u8], name: &str) -> Result<Table, Error> {
    if bytes.is_empty() {
        return Err(Error::EmptyFile);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(line);
                return Err(Error::Csv {
                    line,
                    detail: e.to_string(),
                });
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match &headers {
            None => headers = Some(record.iter().map(|h| h.trim().to_string()).collect()),
            Some(h) => {
                let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
                cells.resize(h.len().max(cells.len()), String::new());
                rows.push(Row { line, cells });
            }
        }
    }
    let headers = headers.ok_or(Error::NoData)?;
    let source = SourceInfo {
        name: name.to_string(),
        format: "csv".into(),
        encoding: "utf-8".into(),
        delimiter: Some(','),
        header_row: 1,
        data_rows: rows.len(),
        skipped: Vec::new(),
    };
    Ok(Table {
        headers,
        rows,
        source,
    })
}
