//! Components, one per file.

pub mod charts;
pub mod controls;
pub mod custom_indicator;
pub mod data_panel;
pub mod dataset_bar;
pub mod file_drop;
pub mod indicator_table;
pub mod indicators_panel;
pub mod load_error;
pub mod mapping_form;
pub mod masthead;
pub mod preview_table;
pub mod standards;
pub mod tabs;
