//! The "Charts" tab (`panel.rs`, with its downloads in `chart_downloads.rs`) and the chart
//! components, one per file (the groups tab draws `group_bars` too). Each takes plain data
//! props, lays itself out with the pure `crate::chart::*_figure` function for the width it
//! has, and draws through [`ChartFrame`]: the same `Figure` that
//! `crate::chart::svg::to_svg_string` writes for downloads.
//!
//! [`ChartFrame`]: chart_frame::ChartFrame

pub mod bar_chart;
pub mod box_plot;
pub mod chart_downloads;
pub mod chart_frame;
pub mod group_bars;
pub mod line_chart;
pub mod lorenz_chart;
pub mod panel;
