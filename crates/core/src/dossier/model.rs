//! The dossier as data: what [`build`](super::build) computes and both writers (and, later, the
//! page) lay out. Numbers are unrounded `f64` with the [`Kind`] that says how to show them;
//! names come in both languages; nothing here is formatted yet. Serializable, so a worker can
//! hand the whole dossier to the page as JSON.

use serde::Serialize;

use crate::county::County;
use crate::format::Kind;
use crate::standards::items::PartResult;
use crate::standards::report::{ExcludedSchool, MissingCell, Text};
use crate::standards::Level;

/// The acceptance dossier of one county and year, both national standards evaluated together.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dossier {
    /// County name, year and 填报单位, each with where it came from.
    pub county: County,
    /// The file the numbers come from.
    pub source: DataSource,
    /// The 口径 line: what was counted and left out, and the choices behind the numbers.
    pub scope: Text,
    /// Page 1: per level, both verdicts and the failing items.
    pub levels: Vec<LevelSummary>,
    /// 表1: schools by type, pupils, classes, teachers; the schools left out.
    pub overview: Overview,
    /// 表2: one CV table per standard and level, 2012 first.
    pub cv_tables: Vec<CvTable>,
    /// 表3: per-school attainment of the 2017 standards, one table per level.
    pub school_tables: Vec<SchoolTable>,
    /// 表4: shortfalls, county totals and plans, one per level.
    pub shortfalls: Vec<ShortfallTable>,
    /// 表5 政府保障程度, 表6 教育质量 and the recognition result (S1, V1–V6): the 2017 items
    /// beyond resources, and where the county stands on each part (page 1).
    pub evaluation: Evaluation,
    /// Cells read as missing (blank, “—”) that an indicator of either standard needed.
    pub missing_cells: Vec<MissingCell>,
    /// The engine's remarks on the data and the evaluation (apportioned teachers, rows left out,
    /// cells that are not numbers), without repeats.
    pub notes: Vec<Text>,
    /// How the numbers are made, in words a county clerk reads: the CV, split weights, the
    /// borderline flag, equality, the median rule of the appendix.
    pub explanations: Vec<Explanation>,
    /// Appendix: research measures per level, when asked for.
    pub research: Option<Vec<ResearchTable>>,
}

/// Where the data came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DataSource {
    /// File name.
    pub file: String,
    /// Sheet, for a workbook.
    pub sheet: Option<String>,
    /// Format id (`csv`, `xlsx`, ...).
    pub format: String,
    /// Text encoding id (`utf-8`, `gb18030`, ...); empty for a workbook.
    pub encoding: String,
    /// Data rows read.
    pub data_rows: usize,
    /// Rows left out by ingestion (合计, notes, section rows).
    pub skipped_rows: usize,
    /// Rows kept by the filters, when some were given.
    pub filtered_rows: Option<usize>,
    /// The filters, as `column=value`.
    pub filters: Vec<String>,
}

/// Both verdicts of one level, for page 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelSummary {
    /// The level.
    pub level: Level,
    /// School sections evaluated (the same under both standards).
    pub schools: usize,
    /// Their pupils.
    pub students: f64,
    /// 2012 basic balance: the composite CV against its limit.
    pub basic: Option<BasicVerdict>,
    /// 2017 high-quality balance, resource allocation.
    pub quality: Option<QualityVerdict>,
}

/// The 2012 verdict of a level (教督〔2012〕3号): the composite CV ≤ 0.65 小学 / 0.55 初中.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BasicVerdict {
    /// Whether the level passes.
    pub pass: bool,
    /// Mean of the eight CVs; `None` when one is undefined.
    pub composite_cv: Option<f64>,
    /// Its limit.
    pub max: f64,
    /// Within 0.005 of the limit.
    pub borderline: bool,
    /// Single CVs above the limit (information: the composite decides).
    pub above: Vec<IndicatorName>,
}

/// The 2017 verdict of a level (教督〔2017〕6号): every CV ≤ 0.50 小学 / 0.45 初中, and every
/// school reaches 6 of 7 standards with the seventh at 85 % or more.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QualityVerdict {
    /// Whether the level passes.
    pub pass: bool,
    /// Whether every CV is within its limit.
    pub cvs_pass: bool,
    /// The limit of every CV.
    pub cv_max: Option<f64>,
    /// CVs above the limit, or undefined.
    pub failing_cvs: Vec<FailingCv>,
    /// CVs within 0.005 of the limit.
    pub borderline_cvs: Vec<IndicatorName>,
    /// Schools evaluated.
    pub schools: usize,
    /// Schools passing the per-school rule.
    pub schools_passing: usize,
}

/// An indicator's names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorName {
    /// Stable id (for the JSON; never printed).
    pub id: String,
    /// National name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
}

/// A CV above its limit (or undefined).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FailingCv {
    /// The indicator.
    pub indicator: IndicatorName,
    /// Its CV; `None` when it cannot be computed.
    pub cv: Option<f64>,
    /// The limit.
    pub max: f64,
}

/// 表1: the schools of the county by type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overview {
    /// One row per school type among the evaluated schools, in the national form's order.
    pub rows: Vec<TypeRow>,
    /// Totals over the rows.
    pub total: TypeRow,
    /// School rows left out of the evaluation, with their reasons.
    pub excluded: Vec<ExcludedSchool>,
}

/// One school type's figures. Classes and teachers are whole-school figures as the file gives
/// them (a 完全中学's include its senior section); pupils are per level, after the split.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypeRow {
    /// School type id (`primary`, `nine_year`, ...); `total` for the totals.
    pub school_type: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// School rows.
    pub schools: usize,
    /// Pupils counted in 小学.
    pub students_primary: f64,
    /// Pupils counted in 初中.
    pub students_junior: f64,
    /// 班级数, over the schools that give it; `None` when none does.
    pub classes: Option<f64>,
    /// Schools without a class count.
    pub classes_missing: usize,
    /// 专任教师数 (whole school), over the schools that give it.
    pub teachers: Option<f64>,
    /// Schools without a teacher count.
    pub teachers_missing: usize,
}

/// 表2: one standard's CV table for one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CvTable {
    /// `basic-2012` or `quality-2017`.
    pub standard: String,
    /// The standard's title, Chinese.
    pub name_zh: String,
    /// English.
    pub name_en: String,
    /// The document (教督〔2012〕3号, ...).
    pub source: String,
    /// The level.
    pub level: Level,
    /// School sections evaluated.
    pub schools: usize,
    /// Their pupils.
    pub students: f64,
    /// One row per indicator, in the standard's order.
    pub rows: Vec<CvRow>,
    /// 综合: the mean of the CVs (2012: judged; 2017: information).
    pub composite: CompositeRow,
    /// The level's verdict under this standard.
    pub pass: bool,
}

/// One indicator of a CV table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CvRow {
    /// The indicator.
    pub indicator: IndicatorName,
    /// Unit, Chinese (平方米/生).
    pub unit_zh: String,
    /// Unit, English.
    pub unit_en: String,
    /// How its values are shown.
    pub kind: Kind,
    /// Schools with a value.
    pub n: usize,
    /// 全县平均值 (pupil-weighted).
    pub mean: Option<f64>,
    /// 标准差.
    pub std: Option<f64>,
    /// 差异系数.
    pub cv: Option<f64>,
    /// The CV's limit (2017); `None` when not judged alone (2012).
    pub cv_max: Option<f64>,
    /// Whether the CV is within its limit; `None` when not judged alone.
    pub pass: Option<bool>,
    /// Within 0.005 of the limit.
    pub borderline: bool,
}

/// The 综合 row of a CV table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompositeRow {
    /// Mean of the CVs.
    pub cv: Option<f64>,
    /// Its limit when judged (2012).
    pub max: Option<f64>,
    /// Whether it is within the limit, when judged.
    pub pass: Option<bool>,
    /// Within 0.005 of the limit.
    pub borderline: bool,
}

/// 表3: each school of one level against the 2017 standards.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolTable {
    /// The level.
    pub level: Level,
    /// The indicators with their standards, in the standard's order.
    pub indicators: Vec<StandardColumn>,
    /// One row per school section, in row order.
    pub rows: Vec<SchoolRow>,
    /// Schools passing the per-school rule.
    pub passing: usize,
}

/// An indicator of 表3 and its per-school standard for the level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StandardColumn {
    /// The indicator.
    pub indicator: IndicatorName,
    /// Unit, Chinese.
    pub unit_zh: String,
    /// Unit, English.
    pub unit_en: String,
    /// How its values are shown.
    pub kind: Kind,
    /// 达标值 (the standard).
    pub standard: f64,
    /// 基本值: 85 % of the standard.
    pub floor: f64,
}

/// One school of 表3.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolRow {
    /// 学校名称.
    pub name: String,
    /// Line in the file.
    pub line: u64,
    /// School type id of the row.
    pub school_type: String,
    /// Pupils of this section.
    pub students: f64,
    /// 实际值 per indicator (`None`: missing).
    pub values: Vec<Option<f64>>,
    /// 是否达标 per indicator (`None`: missing, counted as not reached).
    pub reached: Vec<Option<bool>>,
    /// 达标项数.
    pub met: usize,
    /// 学校结论: passes the 6-of-7 rule.
    pub passes: bool,
}

/// 表4: what the schools of one level lack, the county totals and the plans for failing CVs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShortfallTable {
    /// The level.
    pub level: Level,
    /// Schools below a 2017 standard, in row order, with each shortfall.
    pub schools: Vec<SchoolShortfalls>,
    /// County totals per indicator.
    pub totals: Vec<ShortfallTotal>,
    /// Raise-the-floor plans for CVs above their limit (2017 each CV; 2012 the composite).
    pub plans: Vec<PlanLine>,
}

/// A school's shortfalls.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolShortfalls {
    /// 学校名称.
    pub name: String,
    /// Line in the file.
    pub line: u64,
    /// Whether the school still passes (6 of 7 with the seventh at 85 %).
    pub passes: bool,
    /// One per indicator below its standard.
    pub items: Vec<ShortfallItem>,
}

/// One indicator a school is below.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShortfallItem {
    /// The indicator.
    pub indicator: IndicatorName,
    /// How its values are shown.
    pub kind: Kind,
    /// 实际值.
    pub value: f64,
    /// 达标值.
    pub standard: f64,
    /// 基本值 (85 %).
    pub floor: f64,
    /// Resource needed to reach the standard, in `unit`.
    pub shortfall: f64,
    /// Unit id (`m2`, `yuan`, `teachers`, `rooms`, ...).
    pub unit: String,
}

/// County total of one indicator's shortfalls.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShortfallTotal {
    /// The indicator.
    pub indicator: IndicatorName,
    /// Unit id.
    pub unit: String,
    /// Schools below the standard.
    pub schools: usize,
    /// Needed for every school to reach the standard.
    pub total: f64,
    /// Needed by the schools that fail the per-school rule.
    pub total_failing: f64,
}

/// A plan bringing one CV under its limit by raising the lowest schools to a floor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanLine {
    /// `basic-2012` or `quality-2017`.
    pub standard: String,
    /// The indicator.
    pub indicator: IndicatorName,
    /// How its values are shown.
    pub kind: Kind,
    /// CV now.
    pub cv_before: f64,
    /// CV to reach.
    pub target: f64,
    /// The floor every school is raised to.
    pub floor: f64,
    /// CV after.
    pub cv_after: f64,
    /// Schools raised.
    pub schools: usize,
    /// Resource added (whole things rounded up per school).
    pub cost: f64,
    /// Unit id.
    pub unit: String,
}

/// A paragraph explaining how the numbers are made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// Short title (差异系数, 临界, ...).
    pub title: Text,
    /// The explanation.
    pub text: Text,
}

/// Appendix: research measures of one level, over the same school sections as the CVs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResearchTable {
    /// The level.
    pub level: Level,
    /// One row per indicator of either standard.
    pub rows: Vec<ResearchRow>,
}

/// Research measures of one indicator (docs/domain.md §4), pupil-weighted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResearchRow {
    /// The indicator.
    pub indicator: IndicatorName,
    /// How its values are shown.
    pub kind: Kind,
    /// Schools with a value.
    pub n: usize,
    /// Pupil-weighted mean.
    pub mean: Option<f64>,
    /// CV.
    pub cv: Option<f64>,
    /// max / min.
    pub range_ratio: Option<f64>,
    /// (P95 − P5) / P5.
    pub federal_range_ratio: Option<f64>,
    /// McLoone index.
    pub mcloone: Option<f64>,
    /// Verstegen index.
    pub verstegen: Option<f64>,
    /// Gini coefficient.
    pub gini: Option<f64>,
    /// Theil T.
    pub theil: Option<f64>,
    /// Hoover index.
    pub hoover: Option<f64>,
}

/// The 2017 evaluation beyond resources (docs/domain.md §2.2): 表5 (G1–G15), 表6 (Q1–Q9), and
/// the recognition result (S1, V1–V6), from the report's `standard` section.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// Resources, government, quality, recognition, then the conditions of non-recognition:
    /// each part's verdict and counts (page 1).
    pub parts: Vec<PartResult>,
    /// Every item in the official order.
    pub items: Vec<ItemLine>,
    /// Whether the county can be recognised: true, false, or null while an item is unknown.
    pub recognized: Option<bool>,
    /// Ids of the items still unknown (to enter in the county sheet 县级指标, or to complete in
    /// the school table).
    pub unknown_items: Vec<String>,
    /// Where the county values came from (file and sheet); null when none were given.
    pub county_values: Option<String>,
}

/// One item of 表5, 表6 or the recognition result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemLine {
    /// G1…V6.
    pub id: String,
    /// `government`, `quality`, `recognition` or `veto`.
    pub part: String,
    /// The item as the 办法 words it.
    pub name_zh: String,
    /// English.
    pub name_en: String,
    /// A threshold seen only in local rules (a default to confirm).
    pub unsure: bool,
    /// Met, not met, or unknown (null). For V1–V6, met means the condition does not hold.
    pub met: Option<bool>,
    /// `table` (computed from the school table), `county` (entered) or null.
    pub decided_by: Option<String>,
    /// The standard: each value's threshold with its sign, by level when they differ.
    pub standard: Text,
    /// What the county entered, or what the table gave (schools checked, failing, unknown).
    pub value: Text,
    /// Why it is not met (with the failing schools by name and line); empty when met or unknown.
    pub reasons: Vec<Text>,
    /// The county's note (说明).
    pub note: Option<String>,
    /// The evidence document (佐证材料).
    pub evidence: Option<String>,
}
