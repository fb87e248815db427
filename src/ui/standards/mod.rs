//! The national-standards tab: one component per file, sharing [`context::StdCtx`].

pub mod attainment_table;
pub mod context;
pub mod cv_table;
pub mod notes;
pub mod other_checks;
pub mod panel;
pub mod picker;
pub mod planner;
pub mod school_edit;
pub mod shortfalls;
pub mod verdict_cards;
pub mod what_if_bar;
