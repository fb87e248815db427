//! The one error type of the engine, with positions as the user sees them and a message in
//! Chinese and English that says what is wrong, where, and what to do.

use std::fmt;

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
