//! The shortfall list (failing schools and what each lacks), the changes that would close the
//! gaps (a whole level, one school, a user's edit), and the plan's CSV export.

use std::collections::HashMap;

use junheng_core::standards::evaluate::{resource, resource_unit};
use junheng_core::standards::planner::{Change, SchoolGap};
use junheng_core::standards::{Level, Options, Prepared, Standard};
use junheng_core::Lang;

use super::labels::{amount, indicator_name, level_name, value};
use super::outcome::Outcome;

/// A failing school of the shortfall list.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortfallRow<'a> {
    /// The planner's gap (section, name, line, shortfalls).
    pub gap: &'a SchoolGap,
    /// Indicators without data (a school without data cannot be certified).
    pub missing: Vec<String>,
}

/// The failing schools of `level` with what each lacks, in row order. The schools of the
/// report are indexed by line once (first of each), so a national file's tens of thousands of
/// failing schools cost O(n), not a scan of the report per school.
pub fn failing_gaps(outcome: &Outcome, level: Level) -> Vec<ShortfallRow<'_>> {
    let mut missing: HashMap<u64, &[String]> = HashMap::new();
    for s in outcome
        .report
        .schools
        .iter()
        .filter(|s| s.level == level.id())
    {
        missing.entry(s.line).or_insert(&s.missing);
    }
    outcome
        .plan
        .gaps
        .iter()
        .filter(|g| g.level == level && !g.passes)
        .map(|g| ShortfallRow {
            gap: g,
            missing: missing.get(&g.line).map_or_else(Vec::new, |m| m.to_vec()),
        })
        .collect()
}

/// Failing schools of `level` that lack data and have no gap to fill (listed apart).
pub fn failing_without_gaps(outcome: &Outcome, level: Level) -> Vec<(String, u64, Vec<String>)> {
    outcome
        .report
        .schools
        .iter()
        .filter(|s| s.level == level.id() && s.passes == Some(false) && s.shortfalls.is_empty())
        .map(|s| (s.name.clone(), s.line, s.missing.clone()))
        .collect()
}

/// The change that closes one shortfall of a gap: adds what is lacking to the indicator's
/// resource.
pub fn gap_changes(standard: &Standard, gap: &SchoolGap) -> Vec<Change> {
    gap.shortfalls
        .iter()
        .filter_map(|s| {
            let indicator = standard.indicators().iter().find(|i| i.id == s.indicator)?;
            Some(Change {
                section: gap.section,
                name: gap.name.clone(),
                line: gap.line,
                level: gap.level,
                indicator: s.indicator.clone(),
                field: indicator.numerator,
                from_value: s.value,
                to_value: s.standard,
                delta: s.shortfall,
            })
        })
        .collect()
}

/// Every change closing every shortfall of the failing schools of `level`.
pub fn fill_level(outcome: &Outcome, standard: &Standard, level: Level) -> Vec<Change> {
    failing_gaps(outcome, level)
        .iter()
        .flat_map(|r| gap_changes(standard, r.gap))
        .collect()
}

/// A user's edit: add `delta` (base units: m², 元, teachers, rooms) to the resource of
/// `indicator` in the section at `section`. `None` when the section or indicator is unknown,
/// the delta is not a finite non-zero number, or the section has no pupils.
pub fn edit_change(
    prepared: &Prepared,
    standard: &Standard,
    options: &Options,
    section: usize,
    indicator: &str,
    delta: f64,
) -> Option<Change> {
    if !delta.is_finite() || delta == 0.0 {
        return None;
    }
    let s = prepared.sections.get(section)?;
    let indicator = standard.indicators().iter().find(|i| i.id == indicator)?;
    if !(s.students.is_finite() && s.students > 0.0) {
        return None;
    }
    let before = resource(indicator, s, options).unwrap_or(0.0);
    let after = (before + delta).max(0.0);
    Some(Change {
        section,
        name: s.name.clone(),
        line: s.line,
        level: s.level,
        indicator: indicator.id.clone(),
        field: indicator.numerator,
        from_value: indicator.factor * before / s.students,
        to_value: indicator.factor * after / s.students,
        delta: after - before,
    })
}

/// The unit id of a change (the resource's natural unit).
pub fn change_unit(change: &Change) -> &'static str {
    resource_unit(change.field)
}

/// The unit id of a resource field (`m2`, `yuan`, `teachers`, ...).
pub fn change_unit_of(field: junheng_core::Field) -> &'static str {
    resource_unit(field)
}

/// The file name of the export: standard id and a fixed suffix.
pub fn export_name(standard_id: &str) -> String {
    format!("junheng-plan-{standard_id}.csv")
}

/// A short description of a change for the what-if list: "城关小学 · 生均… +120.0 m²".
pub fn change_summary(lang: Lang, standard: &Standard, change: &Change) -> String {
    let name = standard
        .indicators()
        .iter()
        .find(|i| i.id == change.indicator)
        .map_or(change.indicator.as_str(), |i| {
            indicator_name(lang, &i.name_zh, &i.name_en)
        });
    let sign = if change.delta >= 0.0 { "+" } else { "−" };
    format!(
        "{}（{}）· {name} {sign}{} → {}",
        change.name,
        level_name(lang, change.level),
        amount(lang, change.delta.abs(), change_unit(change)),
        value(Some(change.to_value)),
    )
}
