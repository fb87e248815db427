//! The per-school attainment table: each school's value of each indicator against the standard
//! and its floor.

use std::collections::HashMap;

use junheng_core::standards::{Level, Prepared, Standard};

use super::outcome::Outcome;

/// Head of an attainment column: an indicator with its standard and 85 % floor.
#[derive(Clone, Debug, PartialEq)]
pub struct AttainmentHead {
    /// Indicator id.
    pub id: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// 达标值 (the standard).
    pub standard: f64,
    /// 基本值 (floor ratio × standard; 85 % in 2017).
    pub floor: f64,
}

/// One school's cell for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct AttainmentCell {
    /// 实际值 (none when the data are missing).
    pub value: Option<f64>,
    /// Reaches the standard.
    pub reached: bool,
    /// Reaches at least the floor (基本值).
    pub above_floor: bool,
}

/// One school's row of the attainment table (docs/domain.md §6.3).
#[derive(Clone, Debug, PartialEq)]
pub struct AttainmentRow {
    /// Index of the school's section in the evaluated sections.
    pub section: usize,
    /// 学校名称.
    pub name: String,
    /// Line in the file.
    pub line: u64,
    /// School type id.
    pub school_type: String,
    /// Pupils of the section.
    pub students: f64,
    /// One cell per head.
    pub cells: Vec<AttainmentCell>,
    /// Indicators reached.
    pub met: usize,
    /// The school's verdict.
    pub passes: bool,
}

/// The index of the section of (line, level) in the sections, as the planner finds it.
pub fn section_index(prepared: &Prepared, line: u64, level: Level) -> Option<usize> {
    prepared
        .sections
        .iter()
        .position(|s| s.line == line && s.level == level)
}

/// [`section_index`] of every section at once: (line, level) → index of the first section with
/// them. Built in one pass, so that finding the section of each of a national file's 100 000
/// schools costs O(n) instead of a scan per school (O(n²), minutes in the browser).
pub fn section_indices(prepared: &Prepared) -> HashMap<(u64, Level), usize> {
    let mut indices = HashMap::with_capacity(prepared.sections.len());
    for (i, s) in prepared.sections.iter().enumerate() {
        indices.entry((s.line, s.level)).or_insert(i);
    }
    indices
}

/// The attainment table of `level`, or `None` when the standard has no per-school rule there.
pub fn attainment(
    outcome: &Outcome,
    standard: &Standard,
    level: Level,
    failing_only: bool,
) -> Option<(Vec<AttainmentHead>, Vec<AttainmentRow>)> {
    let rule = standard.school_rule()?;
    let l = outcome
        .report
        .levels
        .iter()
        .find(|l| l.level == level.id())?;
    let heads: Vec<AttainmentHead> = l
        .indicators
        .iter()
        .filter_map(|i| {
            let std = i.standard?;
            Some(AttainmentHead {
                id: i.id.clone(),
                name_zh: i.name_zh.clone(),
                name_en: i.name_en.clone(),
                standard: std,
                floor: rule.floor_ratio * std,
            })
        })
        .collect();
    if heads.is_empty() {
        return None;
    }
    let sections = section_indices(&outcome.prepared);
    let rows = outcome
        .report
        .schools
        .iter()
        .filter(|s| s.level == level.id())
        .filter(|s| !failing_only || s.passes == Some(false))
        .map(|s| {
            let cells = heads
                .iter()
                .map(|h| {
                    let value = s.values.get(&h.id).copied();
                    let reached =
                        !s.shortfalls.iter().any(|f| f.indicator == h.id) && value.is_some();
                    AttainmentCell {
                        value,
                        reached,
                        above_floor: reached || value.is_some_and(|v| v >= h.floor * (1.0 - 1e-12)),
                    }
                })
                .collect();
            AttainmentRow {
                section: sections
                    .get(&(s.line, level))
                    .copied()
                    .unwrap_or(usize::MAX),
                name: s.name.clone(),
                line: s.line,
                school_type: s.school_type.clone(),
                students: s.students,
                cells,
                met: s.met.unwrap_or(0),
                passes: s.passes.unwrap_or(true),
            }
        })
        .collect();
    Some((heads, rows))
}
