//! Components, one per file.

pub mod charts;
pub mod column_table;
pub mod file_drop;
pub mod preview_table;
pub mod weight_picker;
