//! A mistake in the command line, with its message in both languages.

use junheng_core::Lang;

/// A mistake in the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsageError {
    /// No subcommand.
    NoCommand,
    /// A subcommand that does not exist.
    UnknownCommand(String),
    /// A flag that does not exist (for this subcommand).
    UnknownFlag(String),
    /// A flag needing a value came last.
    MissingValue(String),
    /// A flag's value is not one of the allowed ones.
    BadValue {
        /// The flag.
        flag: String,
        /// The value given.
        value: String,
        /// The allowed values, as written in the help.
        expected: &'static str,
    },
    /// A `NAME=VALUE` flag without `=`, or with an empty side.
    NeedsEquals {
        /// The flag.
        flag: String,
        /// The value given.
        value: String,
    },
    /// No FILE.
    MissingFile,
    /// More than one FILE.
    ExtraArgument(String),
    /// A flag given twice where only one value makes sense.
    Repeated(String),
    /// A flag that makes sense only with another one.
    Needs {
        /// The flag given.
        flag: String,
        /// What it needs, as written in the help.
        needs: &'static str,
    },
}

impl UsageError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (UsageError::NoCommand, Lang::Zh) => "缺少子命令。请使用 junheng analyze FILE。".into(),
            (UsageError::NoCommand, Lang::En) => "No command given. Use junheng analyze FILE.".into(),
            (UsageError::UnknownCommand(c), Lang::Zh) => {
                format!("没有子命令“{c}”。可用的子命令：analyze、plan、report、profile。")
            }
            (UsageError::UnknownCommand(c), Lang::En) => {
                format!("There is no command “{c}”. Commands: analyze, plan, report, profile.")
            }
            (UsageError::UnknownFlag(f), Lang::Zh) => {
                format!("没有选项 {f}。请用 junheng --help 查看全部选项。")
            }
            (UsageError::UnknownFlag(f), Lang::En) => {
                format!("There is no flag {f}. See junheng --help for every flag.")
            }
            (UsageError::MissingValue(f), Lang::Zh) => format!("选项 {f} 后面缺少取值。"),
            (UsageError::MissingValue(f), Lang::En) => format!("Flag {f} needs a value after it."),
            (UsageError::BadValue { flag, value, expected }, Lang::Zh) => {
                format!("选项 {flag} 的取值“{value}”无效。可用的取值：{expected}。")
            }
            (UsageError::BadValue { flag, value, expected }, Lang::En) => {
                format!("Flag {flag}: “{value}” is not valid. Use one of: {expected}.")
            }
            (UsageError::NeedsEquals { flag, value }, Lang::Zh) => format!(
                "选项 {flag} 的取值“{value}”应写成 名称=内容，两边都不能为空，如 {flag} 学段=小学。"
            ),
            (UsageError::NeedsEquals { flag, value }, Lang::En) => format!(
                "Flag {flag}: “{value}” must be NAME=VALUE with both sides non-empty, e.g. {flag} level=小学."
            ),
            (UsageError::MissingFile, Lang::Zh) => {
                "缺少输入文件。请写 junheng analyze 文件.csv。".into()
            }
            (UsageError::MissingFile, Lang::En) => {
                "No input file. Write junheng analyze FILE.csv.".into()
            }
            (UsageError::ExtraArgument(a), Lang::Zh) => {
                format!("多余的参数“{a}”：只能分析一个文件。含空格的列名请加引号。")
            }
            (UsageError::ExtraArgument(a), Lang::En) => format!(
                "Unexpected argument “{a}”: only one file can be analyzed. Quote column names with spaces."
            ),
            (UsageError::Repeated(f), Lang::Zh) => format!("选项 {f} 只能出现一次。"),
            (UsageError::Repeated(f), Lang::En) => format!("Flag {f} may be given only once."),
            (UsageError::Needs { flag, needs }, Lang::Zh) => {
                format!("{flag} 需要同时给出 {needs}。")
            }
            (UsageError::Needs { flag, needs }, Lang::En) => {
                format!("{flag} needs {needs} as well.")
            }
        }
    }
}
