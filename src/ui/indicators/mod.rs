//! The "Indicators" tab: every measure of every indicator, and the user's own ratios.

pub mod custom_indicator;
pub mod indicator_table;
pub mod panel;
