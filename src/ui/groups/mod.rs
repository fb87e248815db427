//! The "Groups" tab: per-group measures and the Theil decomposition.

pub mod panel;
