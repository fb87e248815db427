//! The evaluation's input (the file's sections under the scope options) and one state of the
//! county evaluated and planned, with the user's what-if changes applied.

use junheng_core::ingest::Ingested;
use junheng_core::standards::planner::Change;
use junheng_core::standards::{
    self, evaluate_prepared, plan, schools_from_table, Level, Options, Plan, Prepared, RowWarning,
    Standard, StandardReport,
};

/// The sections of the whole file under the scope options: the evaluation's fixed input.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    /// Sections in scope, after the split.
    pub prepared: Prepared,
    /// Rows left out or incomplete.
    pub warnings: Vec<RowWarning>,
}

/// Reads every row of the file into sections. `default_level` is the level of every school
/// when the table has no level column.
pub fn base(
    ingested: &Ingested,
    default_level: Option<Level>,
    options: &Options,
) -> Result<Base, junheng_core::Error> {
    let schools = schools_from_table(ingested, default_level)?;
    Ok(Base {
        prepared: standards::prepare(&schools.schools, options),
        warnings: schools.warnings,
    })
}

/// The evaluation and plan of one state of the county.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The sections evaluated (the base with the changes applied).
    pub prepared: Prepared,
    /// The verdicts.
    pub report: StandardReport,
    /// What is missing and how to close the gaps.
    pub plan: Plan,
    /// Changes applied.
    pub changes: usize,
}

/// The changes that still fit the sections: a change made on another file or other scope
/// options (another section at its index) is dropped.
pub fn valid_changes(prepared: &Prepared, changes: &[Change]) -> Vec<Change> {
    changes
        .iter()
        .filter(|c| {
            prepared
                .sections
                .get(c.section)
                .is_some_and(|s| s.line == c.line && s.level == c.level && s.name == c.name)
        })
        .cloned()
        .collect()
}

/// Evaluates and plans the base with `changes` applied (what-if). O(sections × indicators)
/// for the evaluation; the plan adds a bisection per failing CV.
pub fn outcome(standard: &Standard, base: &Base, options: &Options, changes: &[Change]) -> Outcome {
    let changes = valid_changes(&base.prepared, changes);
    let prepared = if changes.is_empty() {
        base.prepared.clone()
    } else {
        standards::apply(&base.prepared, &changes)
    };
    Outcome {
        report: evaluate_prepared(standard, &prepared, options),
        plan: plan(standard, &prepared, options),
        changes: changes.len(),
        prepared,
    }
}
