//! The `Table` type: what ingestion hands to the rest of the engine.

/// The text of one cell: a string stored inline when short (most cells of a school table).
pub type CellText = compact_str::CompactString;

/// A row of the user's table with the line it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Line in the file (from 1), or the spreadsheet row number.
    pub line: u64,
    /// Cell texts, one per header; short rows are padded with empty cells.
    pub cells: Vec<CellText>,
}

/// A row that ingestion left out, and why (a 合计 row, a note under the table, ...).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    /// Line in the file, from 1.
    pub line: u64,
    /// Why it was skipped, in English; [`Skipped::reason_zh`] in Chinese.
    pub reason: String,
    /// Why it was skipped, in Chinese.
    pub reason_zh: String,
}

/// How the bytes were read: echoed in the report so a result can be reproduced.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct SourceInfo {
    /// File name as given by the user.
    pub name: String,
    /// `csv`, `tsv`, `xlsx`, `xls`, `xlsb` or `ods`.
    pub format: String,
    /// Text encoding detected or forced: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `gbk`,
    /// `big5`, ..., or `utf-8+gb18030` for UTF-8 lines and GBK lines in one file; empty for a
    /// workbook.
    pub encoding: String,
    /// The field delimiter, for delimited text.
    pub delimiter: Option<char>,
    /// Line of the header row, from 1 (the first one of a two-row header).
    pub header_row: u64,
    /// Lines of every header row, including a second header row and a row of column codes.
    pub header_lines: Vec<u64>,
    /// Non-empty lines above the header (title, 单位：… line, 填报单位), with their line.
    pub title: Vec<(u64, String)>,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Every sheet of the workbook, in order; empty for delimited text.
    pub sheets: Vec<String>,
    /// Numbers used a decimal comma (`12,5`); cells were rewritten with a decimal point.
    pub decimal_comma: bool,
    /// Column synthesised from section rows (一、小学 / 二、初中), holding each row's level.
    pub section_column: Option<usize>,
    /// Number of data rows kept.
    pub data_rows: usize,
    /// Rows left out, with reasons.
    pub skipped: Vec<Skipped>,
    /// For a table cut out of a file by `crate::slices`: the columns it was cut by and its
    /// values; `None` for a whole file.
    #[serde(default)]
    pub slice: Option<SliceOf>,
}

/// What a slice of a file is (a county, a year, a county's year): set by `crate::slices`.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct SliceOf {
    /// The columns the file was split by, as indices into the headers, in the order given.
    pub columns: Vec<usize>,
    /// Header of each.
    pub by: Vec<String>,
    /// The slice's value of each: the trimmed cell of its first row.
    pub value: Vec<String>,
    /// Which of `columns` is the county column (县, 县区, …), if one is.
    pub county: Option<usize>,
    /// Which of `columns` is the year column (年份, 学年, …), if one is.
    pub year: Option<usize>,
}

impl SliceOf {
    /// The county column, when the slice is cut by one.
    pub fn county_column(&self) -> Option<usize> {
        self.county.map(|i| self.columns[i])
    }

    /// The year column, when the slice is cut by one.
    pub fn year_column(&self) -> Option<usize> {
        self.year.map(|i| self.columns[i])
    }
}

/// A rectangular table of text cells with a header row.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Header texts, trimmed.
    pub headers: Vec<String>,
    /// Data rows in file order.
    pub rows: Vec<Row>,
    /// How the table was read.
    pub source: SourceInfo,
}

impl Table {
    /// Index of the column whose trimmed header equals `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.headers.iter().position(|h| h == name)
    }

    /// The cells of column `index`, with their lines.
    pub fn cells(&self, index: usize) -> impl Iterator<Item = (u64, &str)> + '_ {
        self.rows.iter().map(move |row| {
            (
                row.line,
                row.cells.get(index).map(CellText::as_str).unwrap_or(""),
            )
        })
    }
}
