//! The one error type of the engine, with positions as the user sees them and a message in
//! Chinese and English that says what is wrong, where, and what to do.

use std::fmt;

use crate::indicator::ExprError;

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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// What went wrong. Each variant carries the facts its message needs.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The file holds no bytes at all.
    EmptyFile,
    /// No row looks like a header followed by data.
    NoData,
    /// The CSV reader failed at a position (for example an unterminated quote).
    Csv {
        /// Line where the reader stopped, from 1.
        line: u64,
        /// The reader's own explanation.
        detail: String,
    },
    /// No usable row for an indicator after exclusions.
    NoValues {
        /// The indicator's name.
        indicator: String,
    },
    /// A column named by the user does not exist.
    UnknownColumn {
        /// The name as given.
        name: String,
    },
    /// An indicator expression does not parse (see [`crate::indicator`]).
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
                format!("第 {line} 行无法读取（{detail}）。请检查该行的引号是否成对。")
            }
            (Error::Csv { line, detail }, Lang::En) => {
                format!("Line {line} cannot be read ({detail}). Check that its quotes are paired.")
            }
            (Error::NoValues { indicator }, Lang::Zh) => format!(
                "指标“{indicator}”没有可用的数值：所有行都缺少数据或学生数为 0。请检查对应的列。"
            ),
            (Error::NoValues { indicator }, Lang::En) => format!(
                "Indicator “{indicator}” has no usable value: every row is missing data or has 0 students. Check its columns."
            ),
            (Error::UnknownColumn { name }, Lang::Zh) => {
                format!("找不到列“{name}”。请使用表头中的列名。")
            }
            (Error::UnknownColumn { name }, Lang::En) => {
                format!("There is no column “{name}”. Use a column name from the header row.")
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
                    Some(h) => format!("是否指“{h}”？"),
                    None => String::new(),
                };
                format!(
                    "{used_in_zh}中的列“{name}”不在第 {header_line} 行的表头中。{hint}请使用表头中的列名（去掉首尾空格），或字段代码如 students；列名含 * 或 / 时用 [ ] 括起来。"
                )
            }
            (Error::ColumnNotFound { name, used_in, header_line, similar, .. }, Lang::En) => {
                let hint = match similar {
                    Some(h) => format!(" Did you mean “{h}”?"),
                    None => String::new(),
                };
                format!(
                    "Column “{name}” in {used_in} is not in the header row (line {header_line}).{hint} Use a header text (without surrounding spaces) or a field id such as students; put a header containing * or / in [ ]."
                )
            }
            (Error::DuplicateIndicator { name }, Lang::Zh) => {
                format!("指标名“{name}”重复了。请给每个指标起不同的名字（NAME=EXPR 中的 NAME）。")
            }
            (Error::DuplicateIndicator { name }, Lang::En) => format!(
                "Indicator name “{name}” is used twice. Give each indicator its own NAME in NAME=EXPR."
            ),
            (Error::FilterMatchesNothing { column, letter, value, seen }, Lang::Zh) => format!(
                "筛选条件 {column}={value}：“{column}”列（{letter}）中没有“{value}”。该列中有：{}。请改用其中的一个值。",
                seen.join("、")
            ),
            (Error::FilterMatchesNothing { column, letter, value, seen }, Lang::En) => format!(
                "Filter {column}={value}: column “{column}” ({letter}) never holds “{value}”. It holds: {}. Use one of these values.",
                seen.join(", ")
            ),
            (Error::NoIndicators, Lang::Zh) => "没有可分析的指标：表中没有数值列，也没有用 --indicator 指定指标。请检查表头下面的数据，或指定指标。".into(),
            (Error::NoIndicators, Lang::En) => "Nothing to analyze: no column holds numbers and no indicator was given. Check the data under the header row, or name an indicator.".into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

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
