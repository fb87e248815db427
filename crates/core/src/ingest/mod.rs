//! Ingestion: bytes of a user's file → [`Table`] + [`Mapping`] + [`Issue`]s.
//!
//! One entry point, [`read`] (here, with the options and [`read_grid`]). The steps, each in
//! its module:
//! 1. [`decode`]: bytes → text (BOM, UTF-8, GB18030); a workbook arrives instead as a [`Grid`]
//!    read by the `junheng-sheets` crate, through [`read_grid`];
//! 2. [`sniff`]: delimiter, quotes, line ends, decimal comma → a grid of cells with lines;
//! 3. [`header`]: title rows, two-row headers, code rows → column names;
//! 4. `shape`: the data rows cut out of the grid; blank rows dropped, summary rows (`summary`:
//!    合计, 小计), notes and section rows (`notes`: 注：…, 一、小学) left out and listed;
//! 5. [`mapping`]: header synonyms (data in `synonyms`) and units → canonical fields with a
//!    scale factor; then merged cells down the grouping columns filled (`shape`);
//! 6. checks that list what the user should see: a school entered twice (`duplicates`),
//!    category values that are not known ([`categories`]).
//!
//! [`mod@column`] reads a mapped column as numbers in base units, for the standards; `slice`
//! finishes a slice of a file (a county's rows) as a file of its own (`crate::slices`).
//!
//! Row-level problems never abort: they are listed in [`Ingested::issues`] or
//! [`SourceInfo::skipped`]. One file-level problem does: a quote never closed
//! ([`Error::UnclosedQuote`]), which would swallow every school below it. No input panics.

pub mod categories;
mod cell_units;
pub mod column;
pub mod decode;
mod duplicates;
pub mod grid;
pub mod header;
pub mod mapping;
mod merged;
mod notes;
pub mod number;
mod separators;
mod shape;
pub(crate) mod slice;
pub mod sniff;
mod stacked;
mod subtotals;
mod summary;
pub(crate) mod synonyms;
pub mod table;
pub mod wire;

pub use categories::{SchoolKind, UrbanRural};
pub use column::{read_column, ColumnValues};
pub use grid::{Grid, Merged};
pub use mapping::{Detection, MappedColumn, Mapping};
pub use number::{parse_number, parse_quantity, parse_ratio, Number, Quantity};
pub use table::{CellText, Row, Skipped, SliceOf, SourceInfo, Table};

use crate::error::Issue;
use crate::fields::Field;
use crate::Error;

/// A row of the file before the header is known: its line and its cell texts.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRow {
    /// Line in the file (from 1), or the spreadsheet row number.
    pub line: u64,
    /// Cell texts as read.
    pub cells: Vec<CellText>,
}

/// How to read a file. Every field but `name` may be left to detection (`None`).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadOptions {
    /// File name as given by the user (shown in reports).
    pub name: String,
    /// Text encoding label (`gbk`, `big5`, `utf-16le`, ...) when detection gets it wrong.
    /// A byte-order mark still wins.
    pub encoding: Option<String>,
    /// Field delimiter of delimited text (`b';'`), instead of sniffing.
    pub delimiter: Option<u8>,
    /// Sheet of a workbook, by name; the first sheet when `None`.
    pub sheet: Option<String>,
    /// Whether numbers use a decimal comma (`12,5`), instead of sniffing.
    pub decimal_comma: Option<bool>,
}

impl ReadOptions {
    /// Options that detect everything.
    pub fn new(name: &str) -> ReadOptions {
        ReadOptions {
            name: name.to_string(),
            encoding: None,
            delimiter: None,
            sheet: None,
            decimal_comma: None,
        }
    }

    /// The one place where options are checked.
    fn validate(&self) -> Result<Validated, Error> {
        let encoding = self
            .encoding
            .as_deref()
            .map(decode::encoding_for_label)
            .transpose()?;
        if let Some(d) = self.delimiter {
            check_delimiter(d)?;
        }
        Ok(Validated { encoding })
    }
}

/// A delimiter must be ASCII punctuation or space other than the quote, a line end or `.`.
fn check_delimiter(d: u8) -> Result<(), Error> {
    if !d.is_ascii() || d.is_ascii_alphanumeric() || matches!(d, b'"' | b'\n' | b'\r' | b'.') {
        return Err(Error::BadOption {
            option: "delimiter".into(),
            value: (d as char).escape_default().to_string(),
        });
    }
    Ok(())
}

/// The records of delimited text, split by the same reader as [`read`] and nothing more: no
/// header detection, no trimming, no row dropped but blank lines. Lines ending in CRLF or CR
/// are read as LF, inside quotes too; an unterminated quote runs to the end of the text.
/// For conformance tests against other CSV readers.
///
/// ```
/// use junheng_core::ingest::records;
/// let got = records("a,\"b,\"\"c\"\"\"\r\n1,2\r\n", b',').unwrap();
/// assert_eq!(got, [vec!["a", "b,\"c\""], vec!["1", "2"]]);
/// ```
///
/// Errors: [`Error::BadOption`] for a delimiter that cannot work (a letter, a digit, `"`).
pub fn records(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, Error> {
    check_delimiter(delimiter)?;
    Ok(sniff::parse_delimited(text, delimiter)
        .into_iter()
        .map(|row| row.cells.into_iter().map(String::from).collect())
        .collect())
}

struct Validated {
    /// A WHATWG encoding name from [`decode::encoding_for_label`].
    encoding: Option<String>,
}

/// What [`read`] returns: the table, the detected mapping (callers may change it), and the
/// problems the user should see.
#[derive(Clone, Debug, PartialEq)]
pub struct Ingested {
    /// The table, without title, summary and note rows.
    pub table: Table,
    /// Canonical field → column and unit scale.
    pub mapping: Mapping,
    /// Problems that did not stop the reading.
    pub issues: Vec<Issue>,
}

/// Reads a CSV (any encoding, delimiter and layout handled by [`read`]) and returns the table.
/// Kept for callers that need no mapping.
pub fn read_csv(bytes: &[u8], name: &str) -> Result<Table, Error> {
    read(bytes, &ReadOptions::new(name)).map(|ingested| ingested.table)
}

/// Names of the sheets of a workbook: empty for delimited text. The core reads no workbook:
/// for one it gives [`Error::SpreadsheetNeedsReader`] (`junheng_sheets::sheet_names` lists them,
/// and [`SourceInfo::sheets`] holds them once a sheet is read).
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, Error> {
    if is_spreadsheet(bytes) {
        return Err(Error::SpreadsheetNeedsReader);
    }
    Ok(Vec::new())
}

/// Whether the bytes are a workbook rather than text, by signature: a zip archive (xlsx, ods)
/// or an OLE compound file (xls).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads a per-school table from the bytes of a CSV/TSV (any common encoding). A workbook
/// (see [`is_spreadsheet`]) gives [`Error::SpreadsheetNeedsReader`]: read it into a [`Grid`]
/// with the `junheng-sheets` crate and call [`read_grid`].
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Ingested, Error> {
    let validated = options.validate()?;
    if bytes.is_empty() {
        return Err(Error::EmptyFile);
    }
    if is_spreadsheet(bytes) {
        return Err(Error::SpreadsheetNeedsReader);
    }
    let mut source = SourceInfo {
        name: options.name.clone(),
        ..SourceInfo::default()
    };
    let (text, encoding) = decode::decode(bytes, validated.encoding.as_deref());
    if looks_binary(&text, validated.encoding.is_none()) {
        return Err(Error::NotATable);
    }
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| sniff::sniff_delimiter(&text));
    // Excel would read the rest of the file into one cell and lose the schools below.
    if let Some(line) = sniff::unclosed_quote(&text, delimiter) {
        return Err(Error::UnclosedQuote { line });
    }
    let grid = sniff::parse_delimited(&text, delimiter);
    source.format = if delimiter == b'\t' { "tsv" } else { "csv" }.into();
    source.encoding = encoding;
    source.delimiter = Some(delimiter as char);
    read_rows(grid, source, &[], options.decimal_comma)
}

/// Reads a per-school table from one sheet of a workbook, read by a spreadsheet reader: the
/// same header, layout and mapping logic as [`read`]. `options.sheet` is the reader's business
/// (the grid is the sheet it chose); the encoding, delimiter and decimal comma do not apply.
pub fn read_grid(grid: Grid, options: &ReadOptions) -> Result<Ingested, Error> {
    options.validate()?;
    let source = SourceInfo {
        name: options.name.clone(),
        format: grid.format.clone(),
        sheet: Some(grid.sheet.clone()),
        sheets: grid.sheets.clone(),
        ..SourceInfo::default()
    };
    let merged = grid.merged.clone();
    let hidden = (!grid.hidden.is_empty()).then(|| Issue::HiddenSheets {
        read: grid.sheet.clone(),
        hidden: grid.hidden.clone(),
    });
    let mut ingested = read_rows(grid.into_raw_rows(), source, &merged, None)?;
    if let Some(issue) = hidden {
        ingested.issues.insert(0, issue);
    }
    Ok(ingested)
}

/// From a grid of raw rows on: header and layout, data rows, mapping, numbers, issues.
/// `merged`: a workbook's merged regions; `decimal_comma`: the user's choice, if any.
fn read_rows(
    grid: Vec<RawRow>,
    source: SourceInfo,
    merged: &[Merged],
    decimal_comma: Option<bool>,
) -> Result<Ingested, Error> {
    if grid
        .iter()
        .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
    {
        return Err(Error::NoData);
    }
    let layout = header::find_layout(&grid).ok_or(Error::NoData)?;
    let mut issues = Vec::new();
    let mut table = shape::shape(grid, &layout, source, &mut issues)?;
    if table.rows.is_empty() {
        return Err(Error::NoData);
    }
    let (mapping, mapping_issues) = mapping::detect(&table);
    issues.extend(mapping_issues);
    // Numbers as every path reads them: separators decided per column, units in cells
    // converted, numbers merged across cells counted once; then rows that are sums.
    table.source.decimal_comma =
        separators::decide(&mut table, &mapping, decimal_comma, &mut issues);
    cell_units::convert(&mut table, &mapping, &mut issues);
    merged::count_once(&mut table, &mapping, merged, &mut issues);
    subtotals::skip(&mut table, &mapping);
    if table.rows.is_empty() {
        return Err(Error::NoData);
    }
    issues.extend(mapping::money_unit_guess(&table, &mapping));
    shape::fill_down(&mut table, &mapping);
    issues.extend(categories::unknown_categories(&table, &mapping));
    issues.extend(duplicates::duplicate_schools(&table, &mapping));
    if let (Some(section), Some(level)) = (table.source.section_column, mapping.get(Field::Level)) {
        if level.column == section {
            let rows = table
                .rows
                .iter()
                .filter(|r| !r.cells[section].is_empty())
                .count();
            issues.push(Issue::LevelFromSections { rows });
        }
    }
    Ok(Ingested {
        table,
        mapping,
        issues,
    })
}

/// Text holding NULs or many control characters is not a table (an image, a .docx renamed).
/// Undecodable bytes count too, unless the user forced the encoding (then the text is theirs).
fn looks_binary(text: &str, count_undecodable: bool) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .count();
    let undecodable = sample.iter().filter(|c| **c == '\u{FFFD}').count();
    sample.contains(&'\0')
        || controls * 100 > sample.len()
        || (count_undecodable && undecodable * 20 > sample.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_reads_like_text() {
        let cells = |rows: &[&[&str]]| -> Vec<Vec<String>> {
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect()
        };
        // Title row, a merged header parent over two columns, a 乡镇 merged down, a total row.
        let grid = Grid {
            format: "xlsx".into(),
            sheets: vec!["说明".into(), "学校".into()],
            sheet: "学校".into(),
            hidden: Vec::new(),
            first_row: 2,
            rows: cells(&[
                &["某县学校基本情况"],
                &["乡镇", "学校名称", "面积（平方米）", ""],
                &["", "", "教学及辅助用房", "体育运动场馆"],
                &["城关镇", "一小", "100", "50"],
                &["", "二小", "200", "60"],
                &["合计", "", "300", "110"],
            ]),
            merged: vec![
                Merged {
                    top: 2,
                    left: 2,
                    bottom: 2,
                    right: 3,
                },
                Merged {
                    top: 2,
                    left: 0,
                    bottom: 3,
                    right: 0,
                },
                Merged {
                    top: 2,
                    left: 1,
                    bottom: 3,
                    right: 1,
                },
                Merged {
                    top: 4,
                    left: 0,
                    bottom: 5,
                    right: 0,
                },
            ],
        };
        let ingested = read_grid(grid, &ReadOptions::new("县.xlsx")).unwrap();
        let table = &ingested.table;
        assert_eq!(
            table.headers,
            [
                "乡镇",
                "学校名称",
                "面积（平方米）/教学及辅助用房",
                "面积（平方米）/体育运动场馆"
            ]
        );
        let rows: Vec<(u64, &[CellText])> =
            table.rows.iter().map(|r| (r.line, &r.cells[..2])).collect();
        assert_eq!(
            rows,
            [
                (5, &[CellText::from("城关镇"), CellText::from("一小")][..]),
                (6, &[CellText::from("城关镇"), CellText::from("二小")][..]),
            ]
        );
        let source = &table.source;
        assert_eq!(source.format, "xlsx");
        assert_eq!(source.sheet.as_deref(), Some("学校"));
        assert_eq!(source.sheets, ["说明", "学校"]);
        assert_eq!(source.encoding, "");
        assert_eq!(source.delimiter, None);
        assert_eq!(source.header_lines, [3, 4]);
        assert_eq!(source.title, [(2, "某县学校基本情况".to_string())]);
        assert_eq!(
            source.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
            [7]
        );
        assert_eq!(ingested.mapping.get(Field::SportsArea).unwrap().column, 3);
        assert_eq!(
            read_grid(Grid::default(), &ReadOptions::new("x.xlsx")),
            Err(Error::NoData)
        );
    }

    #[test]
    fn workbook_bytes_need_the_reader() {
        for bytes in [&b"PK\x03\x04rest"[..], &[0xD0, 0xCF, 0x11, 0xE0, 0xA1]] {
            assert!(is_spreadsheet(bytes));
            assert_eq!(
                read(bytes, &ReadOptions::new("x")),
                Err(Error::SpreadsheetNeedsReader)
            );
            assert_eq!(sheet_names(bytes), Err(Error::SpreadsheetNeedsReader));
        }
        assert!(!is_spreadsheet(b"PK,1\n"));
    }
}
