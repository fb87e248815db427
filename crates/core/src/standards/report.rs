//! The report section of a standard evaluation: the only serialized types of `standards`.
//! The analysis report embeds [`StandardReport`] as its `standard` key; the JSON shape is
//! documented with an example in `docs/standards.md` and is a stable contract.

use std::collections::BTreeMap;

use serde::Serialize;

/// A sentence in Chinese and English.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A bilingual text.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Result of evaluating one standard over a county.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StandardReport {
    /// `basic-2012`, `quality-2017`, or a provincial id.
    pub id: String,
    /// Chinese title of the standard.
    pub name_zh: String,
    /// English title.
    pub name_en: String,
    /// Document the values come from (教督〔2012〕3号, 教督〔2017〕6号, ...).
    pub source: String,
    /// Every choice made, so an inspector can reproduce the numbers.
    pub options: OptionsReport,
    /// The 口径 line, written from what was counted: schools per level (teaching points and
    /// sections of spanning schools among them), rows left out by reason, split and gym choices.
    pub scope: Text,
    /// School rows left out of the evaluation, each with its reason, in row order.
    pub excluded: Vec<ExcludedSchool>,
    /// One entry per level that has at least one school in scope.
    pub levels: Vec<LevelReport>,
    /// One entry per school section in scope, primary sections first.
    pub schools: Vec<SchoolReport>,
    /// School-size and largest-class checks of every school (G4 and G5 as listed before the
    /// items were; `items` has them with the class-size bands too).
    pub other_checks: Vec<OtherCheck>,
    /// Exclusions, derived counts, apportioned teachers and other remarks.
    pub notes: Vec<Text>,
    /// The items beyond resources (2017: G1–G15, Q1–Q9, S1, V1–V6), each part's verdict and
    /// whether the county can be recognised (keys `items`, `parts`, `recognized`,
    /// `unknown_items`, `county_values`; empty and null for a standard without items).
    #[serde(flatten)]
    pub items: super::items::ItemsReport,
}

/// The options in force, as printed under the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionsReport {
    /// `weighted`, `pupils` (pupil-proportional) or `already_split`.
    pub split: String,
    /// Weight of a junior pupil when `split` is `weighted`.
    pub junior_weight: Option<f64>,
    /// Weight of a senior pupil when `split` is `weighted`.
    pub senior_weight: Option<f64>,
    /// Whether 教学点 are counted.
    pub include_teaching_points: bool,
    /// Whether 民办 schools are counted.
    pub include_private: bool,
    /// Whether the indoor gym is moved from teaching area to sports area.
    pub gym_in_sports: bool,
    /// Always true: a value equal to the standard or threshold counts as reached.
    pub equal_counts_as_reached: bool,
    /// Distance to a CV threshold below which a result is flagged borderline (0.005).
    pub borderline_margin: f64,
    /// Always true: comparisons use unrounded values (relative tolerance 1e-12 for float noise).
    pub unrounded_comparison: bool,
}

/// Verdict and indicators of one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelReport {
    /// `primary` or `junior`.
    pub level: String,
    /// Number of school sections evaluated.
    pub schools: usize,
    /// Total pupils of those sections.
    pub students: f64,
    /// Whether the level passes the standard's county rule.
    pub verdict: bool,
    /// Mean of the indicators' CVs (2012: the judged 综合差异系数; 2017: information only);
    /// `null` when a CV is undefined.
    pub composite_cv: Option<f64>,
    /// Threshold of the composite (0.65 / 0.55 in 2012); `null` when the composite is not judged.
    pub composite_cv_max: Option<f64>,
    /// Whether the composite is within the borderline margin of its threshold.
    pub composite_borderline: bool,
    /// Why the level fails (empty when it passes).
    pub reasons: Vec<Text>,
    /// One entry per indicator, in the order of the standard.
    pub indicators: Vec<IndicatorReport>,
}

/// One indicator of one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorReport {
    /// Indicator id (docs/domain.md §2).
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Unit of the values, Chinese.
    pub unit_zh: String,
    /// Unit of the values, English.
    pub unit_en: String,
    /// Pupil-weighted CV (差异系数, docs/domain.md §3.2); `null` when undefined (no school, mean 0).
    pub cv: Option<f64>,
    /// Pupil-weighted mean = total resource × factor / total pupils (全县平均值).
    pub mean: Option<f64>,
    /// Pupil-weighted population standard deviation (标准差, docs/domain.md §3.2); `null` when
    /// no school has a value.
    pub std: Option<f64>,
    /// Schools with a usable value.
    pub n: usize,
    /// CV threshold (2017); `null` under the 2012 composite rule.
    pub cv_max: Option<f64>,
    /// Whether cv ≤ cv_max; `null` when there is no threshold.
    pub cv_ok: Option<bool>,
    /// Whether the CV is within the borderline margin of cv_max.
    pub borderline: bool,
    /// Per-school standard of the level, if any.
    pub standard: Option<f64>,
    /// Schools whose value reaches the standard (≥), if there is one.
    pub schools_meeting: Option<usize>,
}

/// One school section.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolReport {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// `primary` or `junior`.
    pub level: String,
    /// School type id of the row (`nine_year`, `primary`, ...).
    pub school_type: String,
    /// Pupils of this section.
    pub students: f64,
    /// Share of the school's apportioned resources given to this section (spanning schools).
    pub share: Option<f64>,
    /// Indicator id → value, for indicators with a usable value.
    pub values: BTreeMap<String, f64>,
    /// Indicators without a usable value.
    pub missing: Vec<String>,
    /// Number of indicators reaching the standard, when there are per-school standards.
    pub met: Option<usize>,
    /// Whether the school passes the per-school rule, when there is one.
    pub passes: Option<bool>,
    /// Indicators below their standard, with the gap in natural units.
    pub shortfalls: Vec<Shortfall>,
}

/// What a school lacks on one indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shortfall {
    /// Indicator id.
    pub indicator: String,
    /// The school's value.
    pub value: f64,
    /// The standard.
    pub standard: f64,
    /// 85 % of the standard (基本值), or the standard's own floor ratio.
    pub floor: f64,
    /// Resource needed to reach the standard: std·P/factor − R for areas and money,
    /// ⌈std·P/factor⌉ − R (≥ 0) for teachers, rooms and other whole things.
    pub shortfall: f64,
    /// Unit of the shortfall: `m2`, `yuan`, `teachers`, `rooms`, `computers`, `volumes`, `units`.
    pub unit: String,
}

/// A cell the evaluation read as missing (blank, or a placeholder such as “—”, “-”, “/”):
/// the school is left out of the indicators that need it (never counted as 0).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingCell {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Header of the column, as in the file.
    pub column: String,
    /// Canonical field id of the column (`books`, `teaching_area`, ...).
    pub field: String,
    /// The cell as written ("" when blank).
    pub cell: String,
}

/// A school row left out of the evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExcludedSchool {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// School type id of the row (`teaching_point`, `primary`, `senior`, ...).
    pub school_type: String,
    /// `teaching_point`, `private`, `senior`, `no_students`, `cannot_split` or
    /// `whole_spanning_row`.
    pub reason: String,
    /// What the reason rests on: `level` (the level column), `operator` (举办者 / 办学性质),
    /// `name` (…教学点, 民办, 私立), or `null`.
    pub basis: Option<String>,
    /// The reason in words.
    pub text: Text,
}

/// A check of a 2017 item of another dimension (school size, class size).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OtherCheck {
    /// `school_size` or `class_size`.
    pub check: String,
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// The school's value (pupils, or pupils in its largest class).
    pub value: f64,
    /// The limit (≤).
    pub limit: f64,
    /// Whether value ≤ limit; `null` when the table cannot tell (see `note`).
    pub ok: Option<bool>,
    /// Remark, e.g. which limit applies to a spanning school.
    pub note: Option<Text>,
}
