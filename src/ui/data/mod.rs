//! The "Data" tab: what was read (source, skipped rows, preview) and how columns map.

pub mod mapping_form;
pub mod panel;
pub mod preview_table;
