//! Why a county sheet (县级指标) cannot be read: a value that is not what its item takes, or a
//! row that does not say which value of its item it gives. Each message names the line, the
//! column and the item, in Chinese and English, and says what to write instead.

use std::fmt;

use crate::quote::quote;
use crate::Lang;

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// 是 or 否.
    YesNo,
    /// A percentage (96%, 0.96), or 是/否.
    Rate,
    /// A number in this unit (元/生, 人, …), or 是/否 when `yes_no`.
    Number {
        /// The unit, Chinese.
        unit_zh: &'static str,
        /// The unit, English.
        unit_en: &'static str,
        /// Whether 是/否 is accepted too.
        yes_no: bool,
    },
}

impl Expected {
    fn say(self, lang: Lang) -> String {
        match (self, lang) {
            (Expected::YesNo, Lang::Zh) => {
                "应填写 是 或 否（也可写 达到/未达到、有/无、Y/N）".into()
            }
            (Expected::YesNo, Lang::En) => {
                "write 是 or 否 (yes or no; also 达到/未达到, 有/无, Y/N)".into()
            }
            (Expected::Rate, Lang::Zh) => "应填写百分数，如 96% 或 0.96，也可填 是/否".into(),
            (Expected::Rate, Lang::En) => {
                "write a percentage such as 96% or 0.96, or 是/否 (yes/no)".into()
            }
            (
                Expected::Number {
                    unit_zh, yes_no, ..
                },
                Lang::Zh,
            ) => format!(
                "应填写数字（{unit_zh}）{}",
                if yes_no { "，也可填 是/否" } else { "" }
            ),
            (
                Expected::Number {
                    unit_en, yes_no, ..
                },
                Lang::En,
            ) => format!(
                "write a number ({unit_en}){}",
                if yes_no { ", or 是/否 (yes/no)" } else { "" }
            ),
        }
    }
}

/// A county sheet that cannot be used as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum CountyError {
    /// A value that is not what its item takes.
    BadValue {
        /// Line in the sheet, from 1.
        line: u64,
        /// Spreadsheet letter of the 值 column.
        column: String,
        /// The 指标 cell as written.
        name: String,
        /// The value as written.
        text: String,
        /// What it should be.
        expected: Expected,
    },
    /// A negative number, which no item takes.
    Negative {
        /// Line in the sheet, from 1.
        line: u64,
        /// Spreadsheet letter of the 值 column.
        column: String,
        /// The 指标 cell as written.
        name: String,
        /// The value as written.
        text: String,
    },
    /// An item with several values, and a row whose 指标 does not say which one it gives.
    WhichValue {
        /// Line in the sheet, from 1.
        line: u64,
        /// The 指标 cell as written.
        name: String,
        /// The item.
        id: String,
        /// Its values' names (Chinese).
        values_zh: Vec<String>,
        /// Its values' names (English).
        values_en: Vec<String>,
    },
    /// An entered value (from the page's form) that the standard's item does not have.
    UnknownValue {
        /// The item.
        id: String,
        /// The key given.
        key: String,
    },
}

impl CountyError {
    /// The message in the given language: what, where, and what to write.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CountyError::BadValue { line, column, name, text, expected }, Lang::Zh) => format!(
                "县级指标第 {line} 行 {column} 列（{}）的值“{}”无法识别：{}。",
                quote(name),
                quote(text),
                expected.say(lang)
            ),
            (CountyError::BadValue { line, column, name, text, expected }, Lang::En) => format!(
                "County sheet (县级指标), line {line}, column {column} ({}): “{}” cannot be read; {}.",
                quote(name),
                quote(text),
                expected.say(lang)
            ),
            (CountyError::Negative { line, column, name, text }, Lang::Zh) => format!(
                "县级指标第 {line} 行 {column} 列（{}）的值“{}”是负数。请填写 0 或正数。",
                quote(name),
                quote(text)
            ),
            (CountyError::Negative { line, column, name, text }, Lang::En) => format!(
                "County sheet (县级指标), line {line}, column {column} ({}): “{}” is negative. Write 0 or a positive number.",
                quote(name),
                quote(text)
            ),
            (CountyError::WhichValue { line, name, id, values_zh, .. }, Lang::Zh) => format!(
                "县级指标第 {line} 行（{}）：{id} 有 {} 个值（{}），无法判断这一行填的是哪一个。请在指标名称中写明，如“{id} {}”。",
                quote(name),
                values_zh.len(),
                values_zh.join("、"),
                values_zh.first().map_or("", String::as_str)
            ),
            (CountyError::WhichValue { line, name, id, values_en, values_zh }, Lang::En) => format!(
                "County sheet (县级指标), line {line} ({}): {id} has {} values ({}) and the row does not say which one it gives. Name it after the id, e.g. “{id} {}”.",
                quote(name),
                values_en.len(),
                values_en.join(", "),
                values_zh.first().map_or("", String::as_str)
            ),
            (CountyError::UnknownValue { id, key }, Lang::Zh) => {
                format!("县级指标：{id} 没有名为“{}”的值。", quote(key))
            }
            (CountyError::UnknownValue { id, key }, Lang::En) => {
                format!("County values: {id} has no value “{}”.", quote(key))
            }
        }
    }
}

impl fmt::Display for CountyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CountyError {}
