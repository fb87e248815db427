//! The "Schools" tab: each school's value of the selected indicator and its weight in the CV.

pub mod panel;
pub mod school_table;
