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
    /// `items` lists an id that is not an item of the 2017 evaluation (G1–G15, Q1–Q9, S1,
    /// V1–V6).
    UnknownItem {
        /// The id given.
        id: String,
    },
    /// `items` lists an item twice.
    DuplicateItem {
        /// The repeated id.
        id: String,
    },
    /// `items` leaves national items out.
    MissingItems {
        /// The ids missing, in the official order.
        ids: Vec<String>,
    },
    /// An item of `items` does not fit the national item of its id.
    BadItem {
        /// The item.
        id: String,
        /// What is wrong with it.
        problem: ItemProblem,
    },
    /// Both `size_limits` and the items G4/G5 give the size limits.
    SizeLimitsTwice,
    /// A CSV row names an item with several thresholds without saying which (`G11.rotation_rate`).
    ItemKeyNeeded {
        /// Line in the file, from 1.
        line: u64,
        /// The item.
        id: String,
        /// Its values that have a threshold.
        keys: Vec<String>,
    },
    /// A CSV row gives two values for a threshold that is one for both levels.
    ItemThresholdTwice {
        /// Line in the file, from 1.
        line: u64,
        /// The item and key (`G7.special_school_funds`).
        id: String,
    },
}

/// What is wrong with an item of a standard file.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemProblem {
    /// `part` does not fit the id's letter.
    WrongPart {
        /// The part given.
        given: String,
        /// The part of the id.
        expected: &'static str,
    },
    /// `kind` is not per_school, county or judgement.
    UnknownKind {
        /// The kind given.
        given: String,
    },
    /// The item is computed from the school table (per_school) or is not, whatever the file says.
    WrongKind {
        /// The kind given.
        given: String,
        /// What it must be.
        expected: &'static str,
    },
    /// A condition of non-recognition is a judgement without values.
    VetoIsYesNo,
    /// A key appears twice among the item's values.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A value the engine computes with is missing.
    MissingValue {
        /// The key.
        key: String,
    },
    /// A value the engine computes with has another op or level shape.
    WrongOp {
        /// The key.
        key: String,
        /// The op it must have.
        expected: &'static str,
        /// Whether it must be per level.
        per_level: bool,
    },
    /// `op` is unknown.
    UnknownOp {
        /// The key.
        key: String,
        /// The op given.
        given: String,
    },
    /// `unit` is unknown, or does not fit the op (`yes_no` goes with `yes` only).
    UnknownUnit {
        /// The key.
        key: String,
        /// The unit given.
        given: String,
    },
    /// A comparison without threshold.
    NeedsThreshold {
        /// The key.
        key: String,
    },
    /// A yes/no or an input with a threshold.
    NoThreshold {
        /// The key.
        key: String,
    },
    /// A threshold that is not a positive finite number.
    BadThreshold {
        /// The key.
        key: String,
        /// The value given.
        value: f64,
    },
    /// A rate above 1 (95 % is written 0.95).
    PercentAboveOne {
        /// The key.
        key: String,
        /// The value given.
        value: f64,
    },
    /// Two thresholds by level for a value declared the same for both.
    DiffersByLevel {
        /// The key.
        key: String,
    },
}

impl ItemProblem {
    /// The problem in the given language.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (ItemProblem::WrongPart { given, expected }, Zh) => format!("part 应为 {expected}，不是“{given}”"),
            (ItemProblem::WrongPart { given, expected }, En) => format!("its part must be {expected}, not “{given}”"),
            (ItemProblem::UnknownKind { given }, Zh) => format!("kind“{given}”未知，应为 per_school、county 或 judgement"),
            (ItemProblem::UnknownKind { given }, En) => format!("kind “{given}” is unknown; use per_school, county or judgement"),
            (ItemProblem::WrongKind { given, expected }, Zh) => format!("kind 应为 {expected}，不是“{given}”"),
            (ItemProblem::WrongKind { given, expected }, En) => format!("its kind must be {expected}, not “{given}”"),
            (ItemProblem::VetoIsYesNo, Zh) => "不予认定情形是“是/否”的判断（kind judgement），不带 values".into(),
            (ItemProblem::VetoIsYesNo, En) => "a condition of non-recognition is a yes/no judgement (kind judgement) without values".into(),
            (ItemProblem::DuplicateKey { key }, Zh) => format!("值“{key}”出现了两次"),
            (ItemProblem::DuplicateKey { key }, En) => format!("value “{key}” appears twice"),
            (ItemProblem::MissingValue { key }, Zh) => format!("缺少计算所需的值“{key}”"),
            (ItemProblem::MissingValue { key }, En) => format!("the value “{key}” it is computed with is missing"),
            (ItemProblem::WrongOp { key, expected, per_level }, Zh) => format!("值“{key}”的 op 应为 {expected}{}", if *per_level { "，并按学段给出（per_level）" } else { "，不分学段" }),
            (ItemProblem::WrongOp { key, expected, per_level }, En) => format!("value “{key}” must have op {expected}{}", if *per_level { ", per level" } else { ", one for both levels" }),
            (ItemProblem::UnknownOp { key, given }, Zh) => format!("值“{key}”的 op“{given}”未知，应为 at_least、at_most、below、yes 或 input"),
            (ItemProblem::UnknownOp { key, given }, En) => format!("value “{key}”: op “{given}” is unknown; use at_least, at_most, below, yes or input"),
            (ItemProblem::UnknownUnit { key, given }, Zh) => format!("值“{key}”的 unit“{given}”未知或与 op 不符（yes_no 只用于 op yes）"),
            (ItemProblem::UnknownUnit { key, given }, En) => format!("value “{key}”: unit “{given}” is unknown or does not fit its op (yes_no goes with op yes only)"),
            (ItemProblem::NeedsThreshold { key }, Zh) => format!("值“{key}”需要 threshold"),
            (ItemProblem::NeedsThreshold { key }, En) => format!("value “{key}” needs a threshold"),
            (ItemProblem::NoThreshold { key }, Zh) => format!("值“{key}”是“是/否”或输入值，不带 threshold"),
            (ItemProblem::NoThreshold { key }, En) => format!("value “{key}” is a yes/no or an input and takes no threshold"),
            (ItemProblem::BadThreshold { key, value }, Zh) => format!("值“{key}”的 threshold 为 {value}，应为正数"),
            (ItemProblem::BadThreshold { key, value }, En) => format!("value “{key}”: threshold {value} must be a positive number"),
            (ItemProblem::PercentAboveOne { key, value }, Zh) => format!("值“{key}”是比例，threshold {value} 大于 1；95% 应写作 0.95"),
            (ItemProblem::PercentAboveOne { key, value }, En) => format!("value “{key}” is a rate and its threshold {value} is above 1; write 95 % as 0.95"),
            (ItemProblem::DiffersByLevel { key }, Zh) => format!("值“{key}”不分学段，小学和初中的 threshold 应相同（或加上 \"per_level\": true）"),
            (ItemProblem::DiffersByLevel { key }, En) => format!("value “{key}” is one for both levels, so its primary and junior thresholds must agree (or add \"per_level\": true)"),
        }
    }
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
            (Error::UnknownItem { id }, Zh) => format!("items 中的“{id}”不是优质均衡的评估项（G1–G15、Q1–Q9、S1、V1–V6）。"),
            (Error::UnknownItem { id }, En) => format!("“{id}” in items is not an item of the 2017 evaluation (G1–G15, Q1–Q9, S1, V1–V6)."),
            (Error::DuplicateItem { id }, Zh) => format!("评估项“{id}”出现了两次。每项只能列一次。"),
            (Error::DuplicateItem { id }, En) => format!("Item “{id}” appears twice. List each item once."),
            (Error::MissingItems { ids }, Zh) => format!("items 缺少评估项 {}。请从内置的 quality-2017.json 复制全部评估项后再修改标准值。", ids.join("、")),
            (Error::MissingItems { ids }, En) => format!("items lacks {}. Copy every item from the built-in quality-2017.json, then change the thresholds.", ids.join(", ")),
            (Error::BadItem { id, problem }, Zh) => format!("评估项“{id}”：{}。请对照内置的 quality-2017.json 修改。", problem.message(Zh)),
            (Error::BadItem { id, problem }, En) => format!("Item “{id}”: {}. Compare it with the built-in quality-2017.json.", problem.message(En)),
            (Error::SizeLimitsTwice, Zh) => "size_limits 与评估项 G4、G5 都给出了规模上限。请只在 G4、G5 中给出。".into(),
            (Error::SizeLimitsTwice, En) => "Both size_limits and the items G4 and G5 give the size limits. Give them in G4 and G5 only.".into(),
            (Error::ItemKeyNeeded { line, id, keys }, Zh) => format!("第 {line} 行：评估项“{id}”有多个标准值（{}），请写成“{id}.值名”，如 {id}.{}。", keys.join("、"), keys.first().map_or("", String::as_str)),
            (Error::ItemKeyNeeded { line, id, keys }, En) => format!("Line {line}: item “{id}” has several thresholds ({}); write “{id}.KEY”, e.g. {id}.{}.", keys.join(", "), keys.first().map_or("", String::as_str)),
            (Error::ItemThresholdTwice { line, id }, Zh) => format!("第 {line} 行：“{id}”的标准值不分学段，primary 和 junior 两列应相同（或只填一列）。"),
            (Error::ItemThresholdTwice { line, id }, En) => format!("Line {line}: “{id}” has one threshold for both levels; give one of primary and junior, or the same in both."),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}
