//! What the items evaluation reports (keys of the `standard` section, `docs/report-schema.md`):
//! each item with its status, each part with its verdict, whether the county can be recognised,
//! the items still unknown (the county's to-do list) and the county values used.

use serde::Serialize;

use super::super::report::{OtherCheck, Text};
use super::county::CountyValues;

/// The items of a standard evaluated over a county: flattened into [`StandardReport`] (keys
/// `items`, `parts`, `recognized`, `unknown_items`, `county_values`).
///
/// [`StandardReport`]: super::super::StandardReport
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct ItemsReport {
    /// G1–G15, Q1–Q9, S1, V1–V6 in the official order; empty for a standard without items.
    pub items: Vec<ItemResult>,
    /// Resources, government, quality, recognition, then the conditions of non-recognition;
    /// empty for a standard without items.
    pub parts: Vec<PartResult>,
    /// Whether the county can be recognised (认定): true when every part is met and no
    /// condition of non-recognition holds, false when an item or part is not met or a
    /// condition holds, null while something is unknown (or the standard has no items).
    pub recognized: Option<bool>,
    /// Ids of the items whose status is unknown, in the official order: what the county still
    /// has to enter or to complete in its table.
    pub unknown_items: Vec<String>,
    /// The county values the items were judged with, as entered; null when none were given.
    pub county_values: Option<CountyValues>,
}

/// One item's status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemResult {
    /// G1…V6.
    pub id: String,
    /// `government`, `quality`, `recognition` or `veto`.
    pub part: String,
    /// `per_school`, `county` or `judgement`.
    pub kind: String,
    /// The item as the 办法 words it.
    pub name_zh: String,
    /// English.
    pub name_en: String,
    /// Where the item comes from.
    pub source: String,
    /// The item or one of its thresholds was seen only in local rules: a default to confirm.
    pub unsure: bool,
    /// Met (true), not met (false) or unknown (null). For a condition of non-recognition, met
    /// means the condition does not hold.
    pub met: Option<bool>,
    /// What decided it: `table` (computed from the school table), `county` (entered by the
    /// county), or null while unknown.
    pub decided_by: Option<String>,
    /// Its values: thresholds with the county's figures, yes/no parts, inputs.
    pub values: Vec<ValueResult>,
    /// The county's 是/否 for the whole item (for V1–V6: 是 = the condition holds).
    pub declared: Option<bool>,
    /// Per-school items: schools the table was read for (null for other items).
    pub schools_checked: Option<usize>,
    /// Per-school items: the schools that fail, each with its value and the limit.
    pub failing_schools: Vec<OtherCheck>,
    /// Per-school items: the schools the table cannot decide, with the cells they lack.
    pub unknown_schools: Vec<UnknownSchool>,
    /// The county's note (说明), when given.
    pub note: Option<String>,
    /// The name of the evidence document (佐证材料), when given.
    pub evidence: Option<String>,
    /// Why the item is not met or unknown, or what the reader should know.
    pub reasons: Vec<Text>,
}

/// One value of an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueResult {
    /// Key within the item (`nearby_rate`).
    pub key: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// `primary` or `junior` for a value per level; null otherwise.
    pub level: Option<String>,
    /// `at_least`, `at_most`, `below`, `yes` or `input`.
    pub op: String,
    /// `percent` (a fraction: 0.95), `yuan_per_pupil`, `pupils`, `m2`, `rooms_per_12_classes`,
    /// `number`, `yes_no`.
    pub unit: String,
    /// The threshold (of the level), or null for a yes/no or an input.
    pub threshold: Option<f64>,
    /// The threshold was seen only in local rules.
    pub unsure: bool,
    /// The county's figure, when entered.
    pub value: Option<f64>,
    /// The county's 是/否, when entered.
    pub answer: Option<bool>,
    /// Whether the figure or answer meets the threshold; null when not entered, for an input,
    /// or for a per-school threshold (judged school by school).
    pub met: Option<bool>,
}

/// A school that a per-school item cannot judge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownSchool {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Field ids of the cells it lacks (`benchmark` for G6's county value); empty when the
    /// cells are there but cannot decide (see `note`).
    pub missing: Vec<String>,
    /// Why the cells there cannot decide (a spanning school's one largest class between the
    /// two limits), when that is the reason.
    pub note: Option<Text>,
}

/// One part's verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartResult {
    /// `resources`, `government`, `quality`, `recognition` or `veto`.
    pub part: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// Met, not met, or unknown (null). Resources: every level's verdict. Veto: true when every
    /// condition is answered 否, false when one is 是.
    pub met: Option<bool>,
    /// Items of the part (resources: its indicators).
    pub items: usize,
    /// Items not met (resources: indicators whose CV is above its limit at some level).
    pub not_met: usize,
    /// Items unknown (resources: indicators whose CV cannot be computed at some level).
    pub unknown: usize,
}
