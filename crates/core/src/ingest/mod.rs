//! Ingestion: bytes of a user's file → [`Table`] + [`Mapping`] + [`Issue`]s.
//!
//! One entry point, [`read`]. The steps, each in its module:
//! 1. [`decode`]: bytes → text (BOM, UTF-8, GB18030); a workbook arrives instead as a [`Grid`]
//!    read by the `junheng-sheets` crate, through [`read_grid`];
//! 2. [`sniff`]: delimiter, quotes, line ends, decimal comma → a grid of cells with lines;
//! 3. [`header`]: title rows, two-row headers, code rows → column names;
//! 4. here: summary rows (合计), notes (注：…), section rows (一、小学) and blank rows are left
//!    out and listed; merged cells down the grouping columns are filled;
//! 5. [`mapping`]: header synonyms and units → canonical fields with a scale factor.
//!
//! Row-level problems never abort: they are listed in [`Ingested::issues`] or
//! [`SourceInfo::skipped`]. One file-level problem does: a quote never closed
//! ([`Error::UnclosedQuote`]), which would swallow every school below it. No input panics.

pub mod categories;
pub mod decode;
pub mod grid;
pub mod header;
pub mod mapping;
pub mod number;
pub mod sniff;
mod synonyms;
pub mod table;
pub mod wire;

pub use grid::{Grid, Merged};
pub use mapping::{Detection, MappedColumn, Mapping, SchoolKind, UrbanRural};
pub use number::{parse_number, parse_quantity, parse_ratio, Number, Quantity};
pub use table::{CellText, Row, Skipped, SourceInfo, Table};

use crate::error::{Cell, Issue};
use crate::fast_hash::FastMap;
use crate::fields::Field;
use crate::Error;
use number::{fold_char, fold_width};

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
    source.decimal_comma = options
        .decimal_comma
        .unwrap_or_else(|| sniff::sniff_decimal_comma(&grid, delimiter));
    read_rows(grid, source)
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
    read_rows(grid.into_raw_rows(), source)
}

/// From a grid of raw rows on: header and layout, data rows, mapping, issues.
fn read_rows(grid: Vec<RawRow>, source: SourceInfo) -> Result<Ingested, Error> {
    if grid
        .iter()
        .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
    {
        return Err(Error::NoData);
    }
    let layout = header::find_layout(&grid).ok_or(Error::NoData)?;
    let mut issues = Vec::new();
    let mut table = shape(grid, &layout, source, &mut issues);
    if table.rows.is_empty() {
        return Err(Error::NoData);
    }
    let (mapping, mapping_issues) = mapping::detect(&table);
    issues.extend(mapping_issues);
    fill_down(&mut table, &mapping);
    issues.extend(unknown_categories(&table, &mapping));
    issues.extend(duplicate_schools(&table, &mapping));
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

/// Words of summary rows, compared on the normalised text of one of the first cells.
const SUMMARY_WORDS: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "全县",
    "全县合计",
    "全县平均值",
    "全县平均",
    "平均",
    "平均值",
    "标准差",
    "差异系数",
    "综合",
    "综合差异系数",
    "全区",
    "全区合计",
    "全市",
    "total",
    "subtotal",
    "sum",
    "mean",
    "average",
];

/// Prefixes of summary rows (合计：, 其中：女).
const SUMMARY_PREFIXES: &[&str] = &["合计", "总计", "小计", "全县", "全区", "其中"];

/// Prefixes of notes under the table.
const NOTE_PREFIXES: &[&str] = &[
    "注",
    "说明",
    "备注",
    "填表人",
    "填报人",
    "审核人",
    "填报日期",
    "填表日期",
    "负责人",
    "单位负责人",
    "统计负责人",
    "制表人",
    "制表",
    "联系电话",
    "note",
];

/// The characters of a cell's key, compared with the summary words: full-width folded,
/// lower-case, without spaces and punctuation. Character by character, so that a check can
/// stop after the first few (`char::to_lowercase` differs from `str::to_lowercase` only for a
/// final Σ, which is in no summary word).
fn key_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .filter(|c| {
            !(c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(c, '、' | '，' | '。' | '：' | '；' | '·'))
        })
}

/// Whether `c` is the first character of a note prefix (a test checks it against the list).
fn is_note_initial(c: char) -> bool {
    matches!(
        c,
        '注' | '说' | '备' | '填' | '审' | '负' | '单' | '统' | '制' | '联' | 'n'
    )
}

/// Characters of the longest summary word (`subtotal`).
const LONGEST_SUMMARY_WORD: usize = 8;

/// Whether `c` is the first character of a summary word or prefix (a test checks it against
/// the lists): a plain match, as it is asked of three cells of every row.
fn is_summary_initial(c: char) -> bool {
    matches!(
        c,
        '合' | '总' | '小' | '全' | '平' | '标' | '差' | '综' | '其' | 't' | 's' | 'm' | 'a'
    )
}

/// Whether the key of `text` is a summary word or starts with a summary prefix. This runs on
/// three cells of every row, so no key is allocated: a key longer than every word can only
/// match a prefix, so its first `LONGEST_SUMMARY_WORD + 1` characters decide, and they fit in
/// a small buffer. Most cells (school names, numbers, 城区) stop at the first character, which
/// starts no word.
fn is_summary_text(text: &str) -> bool {
    // An ideograph is its own key character (no width to fold, no case, not punctuation):
    // a cell such as 县一中 or 城区 is answered without the case tables.
    if let Some(c) = text.chars().next() {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) && !is_summary_initial(c) {
            return false;
        }
    }
    let mut buffer = [0u8; 4 * (LONGEST_SUMMARY_WORD + 1)];
    let (mut bytes, mut chars) = (0, 0);
    for c in key_chars(text) {
        if chars == 0 && !is_summary_initial(c) {
            return false;
        }
        if chars == LONGEST_SUMMARY_WORD + 1 {
            break;
        }
        bytes += c.encode_utf8(&mut buffer[bytes..]).len();
        chars += 1;
    }
    let head = std::str::from_utf8(&buffer[..bytes]).expect("whole characters were encoded");
    SUMMARY_WORDS.contains(&head) || SUMMARY_PREFIXES.iter().any(|p| head.starts_with(p))
}

fn short(text: &str) -> String {
    let t: String = text.trim().chars().take(30).collect();
    if text.trim().chars().count() > 30 {
        format!("{t}…")
    } else {
        t
    }
}

fn summary_word(row: &RawRow) -> Option<&str> {
    row.cells
        .iter()
        .filter(|c| !c.trim().is_empty())
        .take(3)
        // A summary word is short: a long cell (a 10 MB field) is not folded for nothing.
        .find(|c| c.len() <= 64 && is_summary_text(c))
        .map(|c| c.trim())
}

fn note(row: &RawRow) -> Option<&str> {
    let first = row.cells.iter().map(|c| c.trim()).find(|c| !c.is_empty())?;
    // Most first cells (school names) start with no prefix's first character: told apart
    // without folding the whole cell.
    let initial = first.chars().next().map(fold_char)?.to_lowercase().next()?;
    if !is_note_initial(initial) {
        return None;
    }
    let folded = fold_width(first).to_lowercase();
    NOTE_PREFIXES
        .iter()
        .any(|p| {
            folded.strip_prefix(p).is_some_and(|rest| {
                let next = rest.trim_start().chars().next();
                *p != "注"
                    || matches!(
                        next,
                        Some(':' | '：' | '、' | '1'..='9' | '(' | '（') | None
                    )
            })
        })
        .then_some(first)
}

/// A section row: one text cell such as `一、小学`, `（二）初中`, `小学部分`.
fn section(row: &RawRow) -> Option<SchoolKind> {
    let mut texts = row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let text = texts.next()?;
    if texts.next().is_some() {
        return None;
    }
    let folded = fold_width(text);
    let rest = folded
        .trim_start_matches(['(', '（', ' '])
        .trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
        .trim_start_matches([')', '）', '、', '.', '．', ' ', ':', '：']);
    let (rest, _) = mapping::header_key(rest);
    let rest = rest.strip_suffix("部分").unwrap_or(&rest);
    let rest = rest.strip_suffix("学校").unwrap_or(rest);
    SchoolKind::parse(rest)
}

/// Whether `str::trim` would shorten `cell`. Asked of every cell: one that starts and ends
/// with a visible ASCII character (a number, a code) is answered from those two bytes, the
/// others by `trim` itself.
fn has_outer_space(cell: &str) -> bool {
    let visible = |b: Option<&u8>| b.is_some_and(|b| (b'!'..=b'~').contains(b));
    let bytes = cell.as_bytes();
    !(visible(bytes.first()) && visible(bytes.last())) && cell.trim().len() != cell.len()
}

fn skip(line: u64, en: String, zh: String) -> Skipped {
    Skipped {
        line,
        reason: en,
        reason_zh: zh,
    }
}

/// Cuts the data rows out of the grid: drops blank, summary, note, section, repeated-header
/// and code rows (listing all but blank ones), pads rows to the header, drops trailing empty
/// columns, rewrites decimal commas, and adds a level column from section rows.
fn shape(
    mut grid: Vec<RawRow>,
    layout: &header::Layout,
    mut source: SourceInfo,
    issues: &mut Vec<Issue>,
) -> Table {
    let header_width = grid[layout.header_index].cells.len();
    let mut headers = layout.headers.clone();
    let width = headers.len();
    source.header_row = grid[layout.header_index].line;
    source.header_lines = layout.header_rows.iter().map(|&i| grid[i].line).collect();
    let mut current_section = None;
    for row in &grid[..layout.header_index] {
        let mut texts: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        texts.dedup();
        if !texts.is_empty() {
            source.title.push((row.line, texts.join(" ")));
        }
        if let Some(kind) = section(row) {
            current_section = Some(kind);
        }
    }
    let header_cells: Vec<String> = grid[layout.header_index]
        .cells
        .iter()
        .map(|c| c.trim().to_string())
        .collect();
    let mut rows: Vec<Row> = Vec::with_capacity(grid.len() - layout.data_start);
    let mut sections: Vec<Option<SchoolKind>> = Vec::with_capacity(rows.capacity());
    let mut any_section = false;
    for raw in grid.drain(layout.data_start..) {
        if raw.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(text) = note(&raw) {
            source.skipped.push(skip(
                raw.line,
                format!("note under the table “{}”", short(text)),
                format!("表下注释“{}”", short(text)),
            ));
            continue;
        }
        if let Some(word) = summary_word(&raw) {
            source.skipped.push(skip(
                raw.line,
                format!("summary row “{}”, not a school", short(word)),
                format!("汇总行“{}”，不是学校", short(word)),
            ));
            continue;
        }
        if let Some(kind) = section(&raw) {
            current_section = Some(kind);
            any_section = true;
            let text = short(
                raw.cells
                    .iter()
                    .find(|c| !c.trim().is_empty())
                    .map_or("", |c| c),
            );
            source.skipped.push(skip(
                raw.line,
                format!(
                    "section row “{text}”: the rows below are {}",
                    kind.name_zh()
                ),
                format!("分节行“{text}”：以下各行学段为{}", kind.name_zh()),
            ));
            continue;
        }
        let repeats_header = raw.cells.len() == header_cells.len()
            && raw
                .cells
                .iter()
                .zip(&header_cells)
                .all(|(c, h)| c.trim() == h)
            && raw.cells.iter().filter(|c| !c.trim().is_empty()).count() > 1;
        if repeats_header {
            source.skipped.push(skip(
                raw.line,
                "repeated header row".into(),
                "重复的表头行".into(),
            ));
            continue;
        }
        if header::is_code_row(&raw) {
            source.skipped.push(skip(
                raw.line,
                "row of column codes".into(),
                "列代码行".into(),
            ));
            continue;
        }
        let overflow = raw.cells.iter().skip(width).any(|c| !c.trim().is_empty());
        if overflow || raw.cells.len() < header_width.min(width) {
            issues.push(Issue::RaggedRow {
                line: raw.line,
                expected: width,
                found: raw.cells.len(),
            });
        }
        let mut cells = raw.cells;
        cells.truncate(width);
        for cell in &mut cells {
            if has_outer_space(cell) {
                *cell = CellText::from(cell.trim());
            }
        }
        cells.resize(width, CellText::default());
        rows.push(Row {
            line: raw.line,
            cells,
        });
        sections.push(current_section);
    }
    // Trailing columns with neither a header nor data.
    while headers.last().is_some_and(|h| h.is_empty())
        && rows
            .iter()
            .all(|r| r.cells.last().is_none_or(|c| c.is_empty()))
    {
        headers.pop();
        for row in &mut rows {
            row.cells.pop();
        }
    }
    if source.decimal_comma {
        // Only cells with a separator: codes such as 0012 keep their leading zeros.
        for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            if !cell.contains([',', '.']) {
                continue;
            }
            let q = parse_quantity(cell, true);
            if let (Number::Value(v), None) = (q.number, q.cell_scale) {
                *cell = CellText::from(v.to_string());
            }
        }
    }
    if any_section {
        source.section_column = Some(headers.len());
        headers.push("学段（分节）".into());
        for (row, kind) in rows.iter_mut().zip(&sections) {
            row.cells
                .push(kind.map_or(CellText::default(), |k| CellText::from(k.name_zh())));
        }
    }
    source.data_rows = rows.len();
    Table {
        headers,
        rows,
        source,
    }
}

/// Fills empty cells of grouping columns (学段, 乡镇, 城乡分类, 举办者) left of the school name
/// with the value above: a cell merged down the first column arrives filled only in its top row.
fn fill_down(table: &mut Table, mapping: &Mapping) {
    let name_column = mapping.get(Field::SchoolName).map_or(1, |m| m.column);
    for field in [
        Field::Level,
        Field::Township,
        Field::UrbanRural,
        Field::Operator,
    ] {
        let Some(mapped) = mapping.get(field) else {
            continue;
        };
        let column = mapped.column;
        if column >= name_column || Some(column) == table.source.section_column {
            continue;
        }
        let mut above = CellText::default();
        for row in &mut table.rows {
            if row.cells[column].is_empty() {
                row.cells[column] = above.clone();
            } else {
                above = row.cells[column].clone();
            }
        }
    }
}

/// Most duplicated names listed: a file where every name repeats (codes in another column the
/// mapping missed) needs one message to be understood, not thousands.
const MAX_DUPLICATE_NAMES: usize = 20;

/// Names that appear on more than one row with the same level and school code (both empty
/// when unmapped): one issue per name, in order of its second row. O(rows).
fn duplicate_schools(table: &Table, mapping: &Mapping) -> Vec<Issue> {
    let Some(name) = mapping.get(Field::SchoolName).map(|m| m.column) else {
        return Vec::new();
    };
    fn cell<'a>(row: &'a Row, mapping: &Mapping, field: Field) -> &'a str {
        mapping
            .get(field)
            .and_then(|m| row.cells.get(m.column))
            .map_or("", |c| c.trim())
    }
    let mut seen: FastMap<(&str, &str, &str), usize> = FastMap::default();
    let mut groups: Vec<(String, Vec<u64>)> = Vec::new();
    let mut first_line: FastMap<(&str, &str, &str), u64> = FastMap::default();
    for row in &table.rows {
        let school = row.cells.get(name).map_or("", |c| c.trim());
        if school.is_empty() {
            continue;
        }
        let key = (
            school,
            cell(row, mapping, Field::Level),
            cell(row, mapping, Field::SchoolCode),
        );
        if let Some(&group) = seen.get(&key) {
            groups[group].1.push(row.line);
        } else if let Some(&first) = first_line.get(&key) {
            if groups.len() < MAX_DUPLICATE_NAMES {
                seen.insert(key, groups.len());
                groups.push((school.to_string(), vec![first, row.line]));
            }
        } else {
            first_line.insert(key, row.line);
        }
    }
    groups
        .into_iter()
        .map(|(name, lines)| Issue::DuplicateSchool { name, lines })
        .collect()
}

/// Level and urban–rural values that [`SchoolKind::parse`] / [`UrbanRural::parse`] reject.
fn unknown_categories(table: &Table, mapping: &Mapping) -> Vec<Issue> {
    let mut issues = Vec::new();
    for field in [Field::Level, Field::UrbanRural] {
        let Some(mapped) = mapping.get(field) else {
            continue;
        };
        // A column of categories holds a few distinct texts: each is parsed (folded,
        // lower-cased) once, not once per row.
        let mut known_texts: FastMap<&str, bool> = FastMap::default();
        for (line, text) in table.cells(mapped.column) {
            let known = *known_texts.entry(text).or_insert_with(|| match field {
                Field::Level => SchoolKind::parse(text).is_some(),
                _ => UrbanRural::parse(text).is_some(),
            });
            if !text.is_empty() && !known {
                issues.push(Issue::UnknownCategory {
                    field,
                    cell: Cell {
                        line,
                        column: mapped.column,
                        header: table.headers.get(mapped.column).cloned(),
                    },
                    text: text.to_string(),
                });
            }
        }
    }
    issues
}

/// The numbers of one mapped column, scaled to the field's base unit, with their lines.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ColumnValues {
    /// Line and value of each row holding a number.
    pub values: Vec<(u64, f64)>,
    /// Lines of rows whose cell is empty or a placeholder (—, /, 无, #DIV/0!): no data, not 0.
    pub missing: Vec<u64>,
    /// Rows whose cell is not a number, as errors naming line, column and header.
    pub invalid: Vec<Error>,
}

/// Reads the column mapped to `field` as numbers in the field's base unit (a column in 万元
/// becomes yuan). A unit written in a cell (`12万元`) wins over the header's. `None` when the
/// field is not mapped.
pub fn read_column(table: &Table, mapping: &Mapping, field: Field) -> Option<ColumnValues> {
    let mapped = mapping.get(field)?;
    let mut out = ColumnValues::default();
    for (line, text) in table.cells(mapped.column) {
        let q = parse_quantity(text, false);
        match q.number {
            Number::Value(v) => out
                .values
                .push((line, v * q.cell_scale.unwrap_or(mapped.scale))),
            Number::Missing => out.missing.push(line),
            Number::Invalid => out.invalid.push(Error::BadNumber {
                cell: Cell {
                    line,
                    column: mapped.column,
                    header: table.headers.get(mapped.column).cloned(),
                },
                text: text.to_string(),
            }),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` and checks the headers, the first cell of each kept row with its line, and
    /// the lines of the skipped rows.
    fn check(text: &str, headers: &[&str], rows: &[(u64, &str)], skipped: &[u64]) {
        let table = read_csv(text.as_bytes(), "t.csv").unwrap();
        assert_eq!(table.headers, headers, "{text}");
        let got: Vec<(u64, &str)> = table
            .rows
            .iter()
            .map(|r| (r.line, r.cells[0].as_str()))
            .collect();
        assert_eq!(got, rows, "{text}");
        let got: Vec<u64> = table.source.skipped.iter().map(|s| s.line).collect();
        assert_eq!(got, skipped, "{text}: {:?}", table.source.skipped);
    }

    #[test]
    fn outer_space_is_what_trim_removes() {
        for cell in [
            "",
            " ",
            "12",
            " 12",
            "12 ",
            "一小",
            " 一小",
            "一小\u{3000}",
            "a\u{0B}",
            "\u{A0}1",
            "1\t",
        ] {
            assert_eq!(has_outer_space(cell), cell.trim() != cell, "{cell:?}");
        }
    }

    #[test]
    fn summary_text_is_the_key_rule() {
        assert!(SUMMARY_WORDS
            .iter()
            .all(|w| w.chars().count() <= LONGEST_SUMMARY_WORD));
        for word in SUMMARY_WORDS.iter().chain(SUMMARY_PREFIXES) {
            assert!(is_summary_initial(word.chars().next().unwrap()), "{word}");
        }
        for prefix in NOTE_PREFIXES {
            assert!(is_note_initial(prefix.chars().next().unwrap()), "{prefix}");
        }
        // The rule as first written: build the key, then compare.
        let by_key = |text: &str| {
            let key: String = fold_width(text)
                .to_lowercase()
                .chars()
                .filter(|c| {
                    !(c.is_whitespace() || c.is_ascii_punctuation() || "、，。：；·".contains(*c))
                })
                .collect();
            SUMMARY_WORDS.contains(&key.as_str())
                || SUMMARY_PREFIXES.iter().any(|p| key.starts_with(p))
        };
        for text in [
            "合计",
            " 合 计 ",
            "合计：",
            "全县合计（万元）",
            "小学",
            "小计",
            "SubTotal",
            "ＴＯＴＡＬ",
            "total:",
            "totals",
            "Sum",
            "summary",
            "平均值",
            "平均值x",
            "其中：女",
            "综合差异系数",
            "县0000第1中学",
            "",
            "、",
            "ΣΣ",
            "subtotalx",
            "subtota",
            "average",
            "AVERAGE.",
            "全市",
            "全市合计",
        ] {
            assert_eq!(is_summary_text(text), by_key(text), "{text:?}");
        }
    }

    #[test]
    fn rows_kept_and_skipped() {
        check(
            "学校名称,学生数\n一小,1\n\n二小,2\n",
            &["学校名称", "学生数"],
            &[(2, "一小"), (4, "二小")],
            &[],
        );
        check(
            "学校名称,学生数\n一小,1\n合计,1\n总计,1\n小计,1\n全县,1\n全县平均值,1\n平均,1\n标准差,1\n差异系数,1\n综合,1\nTotal,1\n",
            &["学校名称", "学生数"],
            &[(2, "一小")],
            &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        );
        check(
            "学校名称,学生数\n一小,1\n注：单位为人,\n填表人：张三,审核人：李四\n填报日期：2023-09-20,\n",
            &["学校名称", "学生数"],
            &[(2, "一小")],
            &[3, 4, 5],
        );
        // A school whose name starts with 注 is not a note.
        check(
            "学校名称,学生数\n注溪小学,1\n",
            &["学校名称", "学生数"],
            &[(2, "注溪小学")],
            &[],
        );
        // Repeated header and code rows inside the data; trailing empty columns dropped.
        check(
            "学校名称,学生数,,\nL1,L2,,\n一小,1,,\n学校名称,学生数,,\nL1,L2,,\n二小,2,,\n",
            &["学校名称", "学生数"],
            &[(3, "一小"), (6, "二小")],
            &[4, 5],
        );
        // Section rows give a level column.
        check(
            "学校名称,学生数\n一、小学,\n一小,1\n（二）初中,\n一中,2\n",
            &["学校名称", "学生数", "学段（分节）"],
            &[(3, "一小"), (5, "一中")],
            &[2, 4],
        );
        // Merged township down the first column.
        check(
            "乡镇,学校名称,学生数\n城关镇,一小,1\n,二小,2\n河口镇,三小,3\n",
            &["乡镇", "学校名称", "学生数"],
            &[(2, "城关镇"), (3, "城关镇"), (4, "河口镇")],
            &[],
        );
    }

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

    #[test]
    fn decimal_comma_cells_are_rewritten() {
        let table = read_csv("学校名称;学生数;学校代码\n一小;12,5;0012\n".as_bytes(), "t").unwrap();
        assert!(table.source.decimal_comma);
        assert_eq!(table.rows[0].cells, ["一小", "12.5", "0012"]);
    }

    #[test]
    fn a_school_entered_twice_is_flagged_once_per_name() {
        let csv = "学校名称,学段,学校标识码,在校学生数\n\
            甲小学,小学,1,100\n乙小学,小学,2,50\n甲小学 ,小学,1,100\n\
            中心小学,小学,3,40\n中心小学,小学,4,60\n\
            九年一贯,小学,5,10\n九年一贯,初中,5,20\n甲小学,小学,1,100\n";
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let duplicates: Vec<&Issue> = ingested
            .issues
            .iter()
            .filter(|i| matches!(i, Issue::DuplicateSchool { .. }))
            .collect();
        // Same name with another code, or another level (a spanning school's sections): not listed.
        assert_eq!(
            duplicates,
            [&Issue::DuplicateSchool {
                name: "甲小学".into(),
                lines: vec![2, 4, 9],
            }]
        );
        assert_eq!(duplicates[0].line(), Some(4));
        assert!(duplicates[0]
            .message(crate::Lang::Zh)
            .contains("第 2、4、9 行"));
        // Every row is still read: the user decides.
        assert_eq!(ingested.table.rows.len(), 8);
    }

    #[test]
    fn duplicate_names_are_listed_up_to_a_bound() {
        let mut csv = String::from("学校名称,在校学生数\n");
        for i in 0..100 {
            csv.push_str(&format!("校{i},1\n校{i},1\n"));
        }
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let n = ingested
            .issues
            .iter()
            .filter(|i| matches!(i, Issue::DuplicateSchool { .. }))
            .count();
        assert_eq!(n, MAX_DUPLICATE_NAMES);
    }
}
