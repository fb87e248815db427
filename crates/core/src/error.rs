//! The one error type of the engine, with positions as the user sees them and a message in
//! Chinese and English that says what is wrong, where, and what to do.

use std::fmt;

use crate::expr::ExprError;
use crate::quote::{quote, quote_at};

pub use crate::issue::Issue;

/// Language of a user-facing message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 中文 (simplified).
    Zh,
    /// English.
    En,
}

/// A position in the user's file: lines count from 1 as in Excel; the column is shown by its
/// header text and its spreadsheet letter.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cell {
    /// Line in the file, from 1.
    pub line: u64,
    /// Column index, from 0.
    pub column: usize,
    /// Header text of the column, if the header is known.
    pub header: Option<String>,
}

impl Cell {
    /// Spreadsheet letter of the column: 0 → A, 25 → Z, 26 → AA.
    pub fn letter(&self) -> String {
        column_letter(self.column)
    }
}

/// Spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// The bound a workbook passes (see `junheng_sheets` for the values).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkbookLimit {
    /// A cell so far right or down that the sheet, laid out, has more cells than are read.
    Cell {
        /// The cell (`XFD1048576`).
        cell: String,
        /// Rows of the sheet up to it.
        rows: u64,
        /// Columns of the sheet up to it.
        columns: u64,
        /// Cells read at most.
        max: u64,
    },
    /// The parts of the file inflate to more bytes than are read, or than the file's size allows.
    Inflated {
        /// Bytes once inflated, as the archive declares.
        bytes: u64,
        /// Bytes read at most for a file of this size.
        max: u64,
    },
    /// The shared-string table declares more strings than are read.
    SharedStrings {
        /// Strings declared.
        declared: u64,
        /// Strings read at most.
        max: u64,
    },
    /// The zip holds more parts than a workbook has.
    Parts {
        /// Parts in the zip.
        parts: u64,
        /// Parts read at most.
        max: u64,
    },
    /// Merged regions or repeated cells (OpenDocument) cover more cells than are read.
    Cells {
        /// Cells covered.
        cells: u64,
        /// Cells read at most.
        max: u64,
    },
}

impl WorkbookLimit {
    /// Whether the bound is the sheet's layout (cells far away, merged or repeated), which the
    /// user fixes by deleting cells, rather than the file's structure.
    fn is_layout(&self) -> bool {
        matches!(
            self,
            WorkbookLimit::Cell { .. } | WorkbookLimit::Cells { .. }
        )
    }

    fn describe(&self, lang: Lang) -> String {
        let mib = |b: u64| b.div_ceil(1 << 20);
        match (self, lang) {
            (WorkbookLimit::Cell { cell, rows, columns, max }, Lang::Zh) => format!(
                "工作表一直延伸到单元格 {}，共 {rows} 行 × {columns} 列，超过可读取的 {max} 个单元格",
                quote(cell)
            ),
            (WorkbookLimit::Cell { cell, rows, columns, max }, Lang::En) => format!(
                "the sheet reaches cell {}: {rows} rows × {columns} columns, more than the {max} cells read",
                quote(cell)
            ),
            (WorkbookLimit::Inflated { bytes, max }, Lang::Zh) => format!(
                "解压后共 {} MB，超过这个文件可读取的 {} MB",
                mib(*bytes),
                mib(*max)
            ),
            (WorkbookLimit::Inflated { bytes, max }, Lang::En) => format!(
                "it inflates to {} MiB, more than the {} MiB read for a file of its size",
                mib(*bytes),
                mib(*max)
            ),
            (WorkbookLimit::SharedStrings { declared, max }, Lang::Zh) => {
                format!("共享字符串表声明了 {declared} 个字符串，而它的大小最多容纳 {max} 个")
            }
            (WorkbookLimit::SharedStrings { declared, max }, Lang::En) => {
                format!("its shared-string table declares {declared} strings, where its size holds at most {max}")
            }
            (WorkbookLimit::Parts { parts, max }, Lang::Zh) => {
                format!("压缩包中有 {parts} 个部件，超过工作簿可能有的 {max} 个")
            }
            (WorkbookLimit::Parts { parts, max }, Lang::En) => {
                format!("its zip holds {parts} parts, more than the {max} a workbook has")
            }
            (WorkbookLimit::Cells { cells, max }, Lang::Zh) => {
                format!("合并或重复的单元格共 {cells} 个，超过可读取的 {max} 个")
            }
            (WorkbookLimit::Cells { cells, max }, Lang::En) => {
                format!("merged or repeated cells cover {cells} cells, more than the {max} read")
            }
        }
    }
}

/// What went wrong. Each variant carries the facts its message needs.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The file holds no bytes at all.
    EmptyFile,
    /// No row looks like a header followed by data.
    NoData,
    /// More than a 32-bit page can hold (over 4 GiB of cell text or 2³² cells).
    TooLarge,
    /// The CSV reader failed at a position (for example an unterminated quote).
    Csv {
        /// Line where the reader stopped, from 1.
        line: u64,
        /// The reader's own explanation.
        detail: String,
    },
    /// A quote opens a cell and is never closed, so the rest of the file would be one cell.
    UnclosedQuote {
        /// Line of the opening quote, from 1.
        line: u64,
    },
    /// No usable row for an indicator after exclusions.
    NoValues {
        /// The indicator's name in Chinese messages: its national name for a standard
        /// indicator, else the name the user gave.
        indicator: String,
        /// Its name in English messages.
        indicator_en: String,
    },
    /// A column named by the user does not exist.
    UnknownColumn {
        /// The name as given.
        name: String,
    },
    /// A cell that should hold a number holds text.
    BadNumber {
        /// Where.
        cell: Cell,
        /// The text found.
        text: String,
    },
    /// The encoding asked for is not known.
    UnknownEncoding {
        /// The label as given (`gbk`, `big5`, ...).
        label: String,
    },
    /// The sheet asked for is not in the workbook.
    UnknownSheet {
        /// The name as given.
        name: String,
        /// The sheets the workbook has.
        available: Vec<String>,
    },
    /// The workbook could not be read.
    Spreadsheet {
        /// The reader's own explanation.
        detail: String,
    },
    /// A workbook beyond what is read: refused before the reader allocates for it.
    WorkbookTooLarge {
        /// Which bound it passes.
        limit: WorkbookLimit,
    },
    /// A second header row further down whose columns are not the first header's (in any
    /// order): the rows below it belong to another table.
    StackedHeaders {
        /// Line of the first header.
        first: u64,
        /// Line of the second header.
        second: u64,
    },
    /// An Excel or OpenDocument file handed to the core's text reader: workbooks are read by the
    /// `junheng-sheets` crate (the page loads it on demand) into an [`crate::ingest::Grid`].
    SpreadsheetNeedsReader,
    /// The bytes are neither text nor a known spreadsheet (an image, a Word file, ...).
    NotATable,
    /// A reading option has a value that cannot work.
    BadOption {
        /// The option's name (`delimiter`).
        option: String,
        /// The value given.
        value: String,
    },
    /// An indicator expression does not parse (see [`crate::expr`]).
    BadExpression {
        /// The indicator's name.
        indicator: String,
        /// The expression as given.
        expr: String,
        /// What is wrong, with the character position.
        problem: ExprError,
    },
    /// A column named in an option (an indicator, the weight, the group, a filter) is not in
    /// the header row.
    ColumnNotFound {
        /// The name as given.
        name: String,
        /// Where it was used, in English: `--weight`, `indicator “books”`, ...
        used_in: String,
        /// Where it was used, in Chinese.
        used_in_zh: String,
        /// Line of the header row, from 1.
        header_line: u64,
        /// A header that contains the name, or that the name contains, if any.
        similar: Option<String>,
    },
    /// Two indicators have the same name.
    DuplicateIndicator {
        /// The repeated name.
        name: String,
    },
    /// A filter value occurs in no row of its column.
    FilterMatchesNothing {
        /// Header of the filtered column.
        column: String,
        /// Spreadsheet letter of the column.
        letter: String,
        /// The value asked for.
        value: String,
        /// A few values that do occur, in order of appearance.
        seen: Vec<String>,
    },
    /// No indicator can be computed: no option named one and no column is numeric.
    NoIndicators,
    /// A standard was asked for, but the table has no level column (学段 / 办学类型) and no
    /// default level was given.
    StandardNeedsLevel,
    /// A standard was asked for, but the table has no students column (在校学生数, or 小学部 /
    /// 初中部学生数).
    StandardNeedsStudents,
    /// The standard table (built-in id, JSON or CSV) cannot be used.
    Standard(crate::standards::Error),
    /// The same column was named twice to split the file by (`--by 县区 --by 县区`).
    SliceColumnTwice {
        /// Its header.
        column: String,
    },
    /// The file is split by its county (or year) column, which names each slice's county (or
    /// year), and a county name (or year) was given as well (`--county`, `--year`).
    SliceAndGiven {
        /// The option given: `--county` or `--year`.
        option: &'static str,
        /// Header of the column the file is split by.
        column: String,
    },
    /// The county sheet (县级指标) holds a value its item does not take.
    CountyValues(crate::standards::items::CountyError),
}

impl Error {
    /// The message in the given language: what, where, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::EmptyFile, Lang::Zh) => "文件是空的。请选择包含学校数据的 CSV 或 Excel 文件。".into(),
            (Error::EmptyFile, Lang::En) => {
                "The file is empty. Choose a CSV or Excel file with one row per school.".into()
            }
            (Error::NoData, Lang::Zh) => {
                "没有找到表头和数据行。请确认第一张表中有一行列名，下面每行一所学校。".into()
            }
            (Error::NoData, Lang::En) => "No header row with data below it was found. Make sure the table has a row of column names and one row per school below it.".into(),
            (Error::Csv { line, detail }, Lang::Zh) => {
                format!("第 {line} 行无法读取（{detail}）。请检查该行的引号是否成对。", detail = quote_detail(detail))
            }
            (Error::Csv { line, detail }, Lang::En) => {
                format!("Line {line} cannot be read ({detail}). Check that its quotes are paired.", detail = quote_detail(detail))
            }
            (Error::UnclosedQuote { line }, Lang::Zh) => format!(
                "第 {line} 行的引号（\"）没有配对：从这里到文件末尾都会被当作一个单元格，后面的学校会丢失。请补上或删去这个引号后重新导入。"
            ),
            (Error::UnclosedQuote { line }, Lang::En) => format!(
                "Line {line}: a quote (\") opens a cell that is never closed, so the rest of the file would be one cell and the schools below it lost. Add the closing quote or remove this one, then import again."
            ),
            (Error::NoValues { indicator, .. }, Lang::Zh) => format!(
                "指标“{indicator}”没有可用的数值：所有行都缺少数据或学生数为 0。请检查对应的列。",
                indicator = quote(indicator)
            ),
            (Error::NoValues { indicator_en, .. }, Lang::En) => format!(
                "Indicator “{indicator_en}” has no usable value: every row is missing data or has 0 students. Check its columns.",
                indicator_en = quote(indicator_en)
            ),
            (Error::UnknownColumn { name }, Lang::Zh) => {
                format!("找不到列“{name}”。请使用表头中的列名。", name = quote(name))
            }
            (Error::UnknownColumn { name }, Lang::En) => {
                format!("There is no column “{name}”. Use a column name from the header row.", name = quote(name))
            }
            (Error::BadNumber { cell, text }, Lang::Zh) => format!(
                "第 {} 行 {} 列{}不是数字：“{text}”。请改为数字后重新导入。",
                cell.line,
                cell.letter(),
                quoted_zh(&cell.header),
                text = quote(text)
            ),
            (Error::BadNumber { cell, text }, Lang::En) => format!(
                "Line {}, column {}{}: “{text}” is not a number. Enter a number and import again.",
                cell.line,
                cell.letter(),
                quoted_en(&cell.header),
                text = quote(text)
            ),
            (Error::UnknownEncoding { label }, Lang::Zh) => format!(
                "不认识的文字编码“{label}”。请选择 UTF-8、GBK（GB18030）或 Big5。",
                label = quote(label)
            ),
            (Error::UnknownEncoding { label }, Lang::En) => format!(
                "Unknown text encoding “{label}”. Choose UTF-8, GBK (GB18030) or Big5.",
                label = quote(label)
            ),
            (Error::UnknownSheet { name, available }, Lang::Zh) => format!(
                "工作簿中没有名为“{name}”的工作表。现有工作表：{}。请从中选择一个。",
                quote_list(available, "、"),
                name = quote(name)
            ),
            (Error::UnknownSheet { name, available }, Lang::En) => format!(
                "The workbook has no sheet named “{name}”. Its sheets are: {}. Choose one of them.",
                quote_list(available, ", "),
                name = quote(name)
            ),
            (Error::Spreadsheet { detail }, Lang::Zh) => format!(
                "无法读取这个 Excel/WPS 文件（{detail}）。请在 Excel 中打开后另存为 .xlsx 或 CSV 再导入。",
                detail = quote_detail(detail)
            ),
            (Error::Spreadsheet { detail }, Lang::En) => format!(
                "This Excel/WPS file cannot be read ({detail}). Open it in Excel, save it as .xlsx or CSV, and import that.",
                detail = quote_detail(detail)
            ),
            (Error::WorkbookTooLarge { limit }, Lang::Zh) => format!(
                "这个工作簿太大，无法读取：{}。{}",
                limit.describe(lang),
                if limit.is_layout() {
                    "请删除学校表之外的单元格（或把学校表复制到新的工作表），另存为 .xlsx 或 CSV 后再导入。"
                } else {
                    "文件可能已损坏：请在 Excel 中打开，另存为 .xlsx 或 CSV 后再导入。"
                }
            ),
            (Error::WorkbookTooLarge { limit }, Lang::En) => format!(
                "This workbook is too large to read: {}. {}",
                limit.describe(lang),
                if limit.is_layout() {
                    "Delete the cells outside the school table (or copy the table into a new sheet), save it as .xlsx or CSV, and import that."
                } else {
                    "The file may be damaged: open it in Excel, save it as .xlsx or CSV, and import that."
                }
            ),
            (Error::StackedHeaders { first, second }, Lang::Zh) => format!(
                "第 {second} 行是另一个表头，它的列与第 {first} 行的表头不同：下面是另一张表。请把两张表分别保存为两个文件（或两个工作表）后分别导入。"
            ),
            (Error::StackedHeaders { first, second }, Lang::En) => format!(
                "Line {second} is a second header row whose columns differ from the header on line {first}: another table starts there. Save the two tables as two files (or sheets) and import them one at a time."
            ),
            (Error::SpreadsheetNeedsReader, Lang::Zh) => {
                "这是 Excel/WPS/ODS 表格文件，需要表格读取模块才能读取。请重试，或在 Excel 中另存为 CSV 再导入。".into()
            }
            (Error::SpreadsheetNeedsReader, Lang::En) => {
                "This is an Excel/ODS file; it needs the spreadsheet reader. Try again, or save it as CSV in Excel and import that.".into()
            }
            (Error::TooLarge, Lang::Zh) => {
                "文件太大，网页无法容纳（单元格文字超过 4 GB）。请按地区拆分文件，或使用命令行工具 junheng analyze。".into()
            }
            (Error::TooLarge, Lang::En) => {
                "The file is too large for the page (over 4 GB of cell text). Split it by region, or use the command-line tool: junheng analyze.".into()
            }
            (Error::NotATable, Lang::Zh) => {
                "这个文件不是表格（不是 CSV、Excel 或 WPS 表格）。请选择学校数据表。".into()
            }
            (Error::NotATable, Lang::En) => {
                "This file is not a table (not CSV, Excel or OpenDocument). Choose the school data sheet.".into()
            }
            (Error::BadOption { option, value }, Lang::Zh) => {
                format!("读取选项“{option}”的值“{value}”无效。请改用默认设置。", value = quote(value))
            }
            (Error::BadOption { option, value }, Lang::En) => {
                format!("Reading option “{option}” cannot be “{value}”. Use the default setting.", value = quote(value))
            }
            (Error::BadExpression { indicator, expr, problem }, Lang::Zh) => format!(
                "指标“{indicator}”的表达式“{expr}”有误：{}",
                problem.message(lang)
            ),
            (Error::BadExpression { indicator, expr, problem }, Lang::En) => format!(
                "The expression “{expr}” of indicator “{indicator}” is wrong: {}",
                problem.message(lang)
            ),
            (
                Error::ColumnNotFound { name, used_in_zh, header_line, similar, .. },
                Lang::Zh,
            ) => {
                let hint = match similar {
                    Some(h) => format!("是否指“{h}”？", h = quote(h)),
                    None => String::new(),
                };
                format!(
                    "{used_in_zh}中的列“{name}”不在第 {header_line} 行的表头中。{hint}请使用表头中的列名（去掉首尾空格），或字段代码如 students；列名含 * 或 / 时用 [ ] 括起来。",
                    name = quote(name)
                )
            }
            (Error::ColumnNotFound { name, used_in, header_line, similar, .. }, Lang::En) => {
                let hint = match similar {
                    Some(h) => format!(" Did you mean “{h}”?", h = quote(h)),
                    None => String::new(),
                };
                format!(
                    "Column “{name}” in {used_in} is not in the header row (line {header_line}).{hint} Use a header text (without surrounding spaces) or a field id such as students; put a header containing * or / in [ ].",
                    name = quote(name)
                )
            }
            (Error::DuplicateIndicator { name }, Lang::Zh) => {
                format!("指标名“{name}”重复了。请给每个指标起不同的名字（NAME=EXPR 中的 NAME）。", name = quote(name))
            }
            (Error::DuplicateIndicator { name }, Lang::En) => format!(
                "Indicator name “{name}” is used twice. Give each indicator its own NAME in NAME=EXPR.",
                name = quote(name)
            ),
            (Error::FilterMatchesNothing { column, letter, value, seen }, Lang::Zh) => format!(
                "筛选条件 {column}={value}：“{column}”列（{letter}）中没有“{value}”。该列中有：{}。请改用其中的一个值。",
                quote_list(seen, "、"),
                value = quote(value),
                column = quote(column)
            ),
            (Error::FilterMatchesNothing { column, letter, value, seen }, Lang::En) => format!(
                "Filter {column}={value}: column “{column}” ({letter}) never holds “{value}”. It holds: {}. Use one of these values.",
                quote_list(seen, ", "),
                value = quote(value),
                column = quote(column)
            ),
            (Error::NoIndicators, Lang::Zh) => "没有可分析的指标：表中没有数值列，也没有用 --indicator 指定指标。请检查表头下面的数据，或指定指标。".into(),
            (Error::NoIndicators, Lang::En) => "Nothing to analyze: no column holds numbers and no indicator was given. Check the data under the header row, or name an indicator.".into(),
            (Error::StandardNeedsLevel, Lang::Zh) => "均衡标准按小学、初中分别评估，但表中没有学段列（如“学段”或“办学类型”，取值小学、初中、九年一贯制学校……）。请加上这一列，或指定全部学校的学段（--level primary 或 --level junior）。".into(),
            (Error::StandardNeedsLevel, Lang::En) => "The standards are judged separately for 小学 (primary) and 初中 (junior), but the table has no level column (学段 or 办学类型, holding 小学, 初中, 九年一贯制学校, ...). Add that column, or give the level of every school (--level primary or --level junior).".into(),
            (Error::StandardNeedsStudents, Lang::Zh) => "均衡标准的指标都按在校学生数计算，但表中没有学生数列（如“在校学生数”，或九年一贯制学校的“小学部学生数”“初中部学生数”）。请加上这一列。".into(),
            (Error::StandardNeedsStudents, Lang::En) => "Every standards indicator is per pupil, but the table has no students column (在校学生数, or 小学部学生数 / 初中部学生数 for spanning schools). Add that column.".into(),
            (Error::Standard(e), _) => e.message(lang),
            (Error::SliceColumnTwice { column }, Lang::Zh) => format!(
                "“{column}”列被指定了两次作为分片列（--by）。每列只需指定一次；按县和年份分片时写 --by 县区 --by 年份。",
                column = quote(column)
            ),
            (Error::SliceColumnTwice { column }, Lang::En) => format!(
                "Column “{column}” is named twice to split the file by (--by). Name each column once; to split by county and year, give --by 县区 --by 年份.",
                column = quote(column)
            ),
            (Error::SliceAndGiven { option, column }, Lang::Zh) => {
                let what = if *option == "--year" { "年份" } else { "县名" };
                format!(
                    "文件按“{column}”列分片，每一片的{what}取自该列，不能再用 {option} 指定{what}。请去掉 {option}，或不按该列分片。",
                    column = quote(column)
                )
            }
            (Error::SliceAndGiven { option, column }, Lang::En) => {
                let what = if *option == "--year" { "year" } else { "county name" };
                format!(
                    "The file is split by column “{column}”, which gives each slice its {what}: {option} cannot give one as well. Remove {option}, or split by another column.",
                    column = quote(column)
                )
            }
            (Error::CountyValues(e), _) => e.message(lang),
        }
    }
}

/// A reader's own explanation, which may quote the file: at most 200 characters.
fn quote_detail(detail: &str) -> std::borrow::Cow<'_, str> {
    quote_at(detail, 200)
}

/// Values found in the file (sheet names, cells of a column), each quoted, at most ten.
fn quote_list(items: &[String], separator: &str) -> String {
    let mut text: Vec<String> = items
        .iter()
        .take(10)
        .map(|i| quote(i).into_owned())
        .collect();
    if items.len() > 10 {
        text.push("…".into());
    }
    text.join(separator)
}

pub(crate) fn quoted_zh(header: &Option<String>) -> String {
    header
        .as_deref()
        .filter(|h| !h.is_empty())
        .map_or(String::new(), |h| format!("“{h}”", h = quote(h)))
}

/// Up to five lines, then "…".
pub(crate) fn join_lines(lines: &[u64], separator: &str) -> String {
    let mut text = lines
        .iter()
        .take(5)
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(separator);
    if lines.len() > 5 {
        text.push_str(separator);
        text.push('…');
    }
    text
}

pub(crate) fn quoted_en(header: &Option<String>) -> String {
    header
        .as_deref()
        .filter(|h| !h.is_empty())
        .map_or(String::new(), |h| format!(" “{h}”", h = quote(h)))
}
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<crate::standards::Error> for Error {
    fn from(e: crate::standards::Error) -> Error {
        Error::Standard(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        let cases = [
            (0, "A"),
            (1, "B"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (index, letter) in cases {
            assert_eq!(column_letter(index), letter, "index {index}");
        }
    }
}
