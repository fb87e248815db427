//! How much per-school detail the reports of a `junheng.slices/1` document carry. A county's
//! report lists every school (2 KB each with a standard: 200 000 schools made 413 MB of JSON);
//! a province's document stays small by listing, by default, none: a county's schools are
//! one `junheng analyze --where 县区=…` (or [`super::Slice::report`]) away.

use serde::Serialize;

use crate::report::Report;

/// The per-school lists a slice's report keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// No list that grows with the schools: `indicators[].missing_lines`, and in `standard`
    /// `excluded`, `schools`, `other_checks`, `missing_cells`, `plan.gaps` and the plans'
    /// `changes` are empty. Counts, CVs, verdicts, reasons, totals and plan costs stay. The
    /// size of a report no longer depends on the number of schools.
    Summary,
    /// The schools that fail: `standard.schools` and `plan.gaps` hold the school sections
    /// failing the per-school rule, `other_checks` the checks not met; every other list whole.
    Failing,
    /// Every list whole: each report is the `junheng.report/1` of `junheng analyze` on the
    /// slice's rows.
    All,
}

impl Detail {
    /// The detail with this id: `summary`, `failing` or `all`.
    pub fn parse(text: &str) -> Option<Detail> {
        match text.trim() {
            "summary" => Some(Detail::Summary),
            "failing" => Some(Detail::Failing),
            "all" => Some(Detail::All),
            _ => None,
        }
    }

    /// Its id.
    pub fn id(self) -> &'static str {
        match self {
            Detail::Summary => "summary",
            Detail::Failing => "failing",
            Detail::All => "all",
        }
    }
}

/// Empties the per-school lists of `report` that `detail` leaves out.
pub fn trim(report: &mut Report, detail: Detail) {
    let Some(standard) = report.standard.as_mut() else {
        if detail == Detail::Summary {
            for indicator in &mut report.indicators {
                indicator.missing_lines.clear();
            }
        }
        return;
    };
    let evaluation = &mut standard.evaluation;
    let plan = &mut standard.plan;
    match detail {
        Detail::All => {}
        Detail::Failing => {
            evaluation.schools.retain(|s| s.passes == Some(false));
            evaluation.other_checks.retain(|c| c.ok != Some(true));
            plan.gaps.retain(|g| !g.passes);
        }
        Detail::Summary => {
            for indicator in &mut report.indicators {
                indicator.missing_lines.clear();
            }
            evaluation.excluded.clear();
            evaluation.schools.clear();
            evaluation.other_checks.clear();
            standard.missing_cells.clear();
            plan.gaps.clear();
            for floor in &mut plan.floors {
                floor.changes.clear();
            }
            for top in &mut plan.top_k {
                top.changes.clear();
            }
            for composite in &mut plan.composite {
                for floor in &mut composite.floors {
                    floor.changes.clear();
                }
            }
        }
    }
}
