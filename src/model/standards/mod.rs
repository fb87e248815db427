//! What the national-standards tab shows, as plain data: the standard chosen (built-in or a
//! provincial file), the scope options, the evaluation with the user's what-if changes, the
//! verdict cards, the indicator CV table (docs/domain.md §6.2), the per-school attainment table (§6.3),
//! the shortfall list with county totals (§6.4), the changes a plan or an edit makes, and the
//! CSV export. Every number comes from `junheng_core::standards`; this module only arranges
//! and formats it, so it compiles and is tested natively.
//!
//! `choice.rs` (the standard in force), `outcome.rs` (evaluated and planned, with what-if
//! changes), `cards.rs` (verdict cards, CV table), `attainment.rs` (per-school table),
//! `shortfalls.rs` (failing schools, the changes that close their gaps, the CSV export),
//! `labels.rs` (names, numbers and the 口径 line as shown).

mod attainment;
mod cards;
mod choice;
mod labels;
mod outcome;
mod shortfalls;

pub use attainment::{
    attainment, section_index, section_indices, AttainmentCell, AttainmentHead, AttainmentRow,
};
pub use cards::{cards, cv_table, Card, CvColumn, CvLine, Rule, BORDERLINE};
pub use choice::{
    judges_composite, resolve_standard, CustomKind, CustomStandard, Pick, SplitChoice,
};
pub use labels::{
    amount, colon, cv, group_thousands, indicator_name, level_name, level_name_of, line_label,
    school_type_label, scope_line, text, unit_label, value,
};
pub use outcome::{base, outcome, valid_changes, Base, Outcome};
pub use shortfalls::{
    change_summary, change_unit, change_unit_of, edit_change, export_name, failing_gaps,
    failing_without_gaps, fill_level, gap_changes, ShortfallRow,
};

#[cfg(test)]
mod tests;
