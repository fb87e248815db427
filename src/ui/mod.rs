//! Components, one per file.

pub mod chart_downloads;
pub mod charts;
pub mod charts_panel;
pub mod controls;
pub mod custom_indicator;
pub mod data_panel;
pub mod dataset_bar;
pub mod export_bar;
pub mod file_drop;
pub mod groups_panel;
pub mod indicator_picker;
pub mod indicator_table;
pub mod indicators_panel;
pub mod link_prompt;
pub mod load_error;
pub mod mapping_form;
pub mod masthead;
pub mod preview_table;
pub mod print_header;
pub mod progress;
pub mod school_table;
pub mod schools_panel;
pub mod share_panel;
pub mod standards;
pub mod tabs;
pub mod templates;
