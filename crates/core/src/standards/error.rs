//! Why a standard file cannot be used. Each variant carries its facts; [`Error::message`] says
//! what is wrong, where, and what to do, in Chinese and English.

use std::fmt;

use crate::Lang;

/// A problem in a standard table (built-in id, JSON or CSV file).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// No built-in standard has this id.
    UnknownBuiltin {
        /// The id asked for.
        id: String,
    },
    /// The JSON text cannot be read or lacks a required key.
    Json {
        /// Line in the file, from 1.
        line: usize,
        /// Column in the line, from 1.
        column: usize,
        /// The parser's own explanation.
        detail: String,
    },
    /// The CSV text cannot be read.
    Csv {
        /// Line in the file, from 1.
        line: u64,
        /// What is wrong.
        detail: String,
    },
    /// The standard lists no indicator.
    NoIndicators,
    /// Two indicators share an id.
    DuplicateIndicator {
        /// The repeated id.
        id: String,
    },
    /// An indicator's numerator is not a known field id (`fields.rs`).
    UnknownField {
        /// The indicator.
        indicator: String,
        /// The text given as numerator.
        field: String,
    },
    /// The numerator is a text field or the pupil count itself.
    NotAResource {
        /// The indicator.
        indicator: String,
        /// The field id given.
        field: String,
    },
    /// The denominator is not `students`.
    BadDenominator {
        /// The indicator.
        indicator: String,
        /// The text given.
        denominator: String,
    },
    /// The factor is neither 1 nor 100.
    BadFactor {
        /// The indicator.
        indicator: String,
        /// The value given.
        factor: f64,
    },
    /// A threshold or standard value is not a positive finite number.
    NotPositive {
        /// The indicator, or the key for county-wide values.
        indicator: String,
        /// Which value (`standard`, `cv_max`, `composite_cv_max`, ...).
        key: String,
        /// The value given.
        value: f64,
    },
    /// The county rule needs a value that is missing.
    Missing {
        /// The indicator, or the key for county-wide values.
        indicator: String,
        /// The missing key.
        key: String,
    },
    /// `floor_ratio` outside 0..=1.
    BadFloorRatio {
        /// The value given.
        value: f64,
    },
    /// A per-school rule is given, but no indicator has a per-school standard.
    NoSchoolStandard,
    /// `county_rule.kind` is neither `composite` nor `every_cv`.
    UnknownRule {
        /// The text given.
        kind: String,
    },
    /// A CSV row names an indicator the standard does not have.
    UnknownIndicator {
        /// Line in the file, from 1.
        line: u64,
        /// The id given.
        id: String,
    },
}

impl Error {
    /// The message in the given language: what, where, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (Error::UnknownBuiltin { id }, Zh) => format!("没有内置标准“{id}”。可用：basic-2012、quality-2017。"),
            (Error::UnknownBuiltin { id }, En) => format!("There is no built-in standard “{id}”. Available: basic-2012, quality-2017."),
            (Error::Json { line, column, detail }, Zh) => format!("标准文件第 {line} 行第 {column} 列无法读取（{detail}）。请对照 docs/standards.md 中的示例检查。"),
            (Error::Json { line, column, detail }, En) => format!("The standard file cannot be read at line {line}, column {column} ({detail}). Compare it with the example in docs/standards.md."),
            (Error::Csv { line, detail }, Zh) => format!("标准表第 {line} 行无法读取：{detail}。"),
            (Error::Csv { line, detail }, En) => format!("Line {line} of the standard table cannot be read: {detail}."),
            (Error::NoIndicators, Zh) => "标准中没有任何指标。请至少列出一项指标。".into(),
            (Error::NoIndicators, En) => "The standard lists no indicator. List at least one.".into(),
            (Error::DuplicateIndicator { id }, Zh) => format!("指标“{id}”出现了两次。每项指标只能列一次。"),
            (Error::DuplicateIndicator { id }, En) => format!("Indicator “{id}” appears twice. List each indicator once."),
            (Error::UnknownField { indicator, field }, Zh) => format!("指标“{indicator}”的分子“{field}”不是已知字段。请使用如 teaching_area、books 的字段标识。"),
            (Error::UnknownField { indicator, field }, En) => format!("The numerator “{field}” of indicator “{indicator}” is not a known field. Use a field id such as teaching_area or books."),
            (Error::NotAResource { indicator, field }, Zh) => format!("指标“{indicator}”的分子“{field}”不是资源数量（文本或学生数）。请选择面积、金额、人数或件数字段。"),
            (Error::NotAResource { indicator, field }, En) => format!("The numerator “{field}” of indicator “{indicator}” is not a resource count (it is text or the pupil count). Choose an area, money, person or count field."),
            (Error::BadDenominator { indicator, denominator }, Zh) => format!("指标“{indicator}”的分母“{denominator}”不受支持。分母只能是 students（在校学生数）。"),
            (Error::BadDenominator { indicator, denominator }, En) => format!("The denominator “{denominator}” of indicator “{indicator}” is not supported. The denominator must be students."),
            (Error::BadFactor { indicator, factor }, Zh) => format!("指标“{indicator}”的倍数 {factor} 无效。生均指标用 1，每百名学生指标用 100。"),
            (Error::BadFactor { indicator, factor }, En) => format!("The factor {factor} of indicator “{indicator}” is invalid. Use 1 for per-student and 100 for per-100-student indicators."),
            (Error::NotPositive { indicator, key, value }, Zh) => format!("“{indicator}”的 {key} 为 {value}，应为正数。"),
            (Error::NotPositive { indicator, key, value }, En) => format!("{key} of “{indicator}” is {value}; it must be a positive number."),
            (Error::Missing { indicator, key }, Zh) => format!("“{indicator}”缺少 {key}。所选的县级判定规则需要它。"),
            (Error::Missing { indicator, key }, En) => format!("“{indicator}” lacks {key}, which the chosen county rule needs."),
            (Error::BadFloorRatio { value }, Zh) => format!("floor_ratio 为 {value}，应在 0 到 1 之间（如 0.85）。"),
            (Error::BadFloorRatio { value }, En) => format!("floor_ratio is {value}; it must lie between 0 and 1 (for example 0.85)."),
            (Error::NoSchoolStandard, Zh) => "给出了学校达标规则，但没有任何指标给出学校标准值。请为指标填写 standard。".into(),
            (Error::NoSchoolStandard, En) => "A per-school rule is given but no indicator has a per-school standard. Give the indicators a standard.".into(),
            (Error::UnknownRule { kind }, Zh) => format!("县级判定规则“{kind}”未知。请用 composite（综合差异系数）或 every_cv（每项差异系数）。"),
            (Error::UnknownRule { kind }, En) => format!("Unknown county rule “{kind}”. Use composite or every_cv."),
            (Error::UnknownIndicator { line, id }, Zh) => format!("第 {line} 行的指标“{id}”不在该标准中。"),
            (Error::UnknownIndicator { line, id }, En) => format!("Line {line}: indicator “{id}” is not part of this standard."),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}
