//! How much of a large file the views show at once. A county has a few hundred schools and is
//! shown whole; a city, a province or the nation (up to 1 000 000 schools) is shown in part,
//! with a note saying so. The charts' own bound is `chart::MAX_DRAWN_SCHOOLS`.

/// Above this many rows (a city, a province; a county has a few hundred schools) the
/// per-school tabs and the national-standards evaluation wait until their tab is first opened
/// (`ui/frame/tabs.rs`, `ui/standards/panel.rs`). Printing such a file prints the tabs opened.
pub const BUILD_WHEN_OPENED: usize = 5_000;

/// Most schools a per-school table renders at once: a national file (100 000+ schools) would
/// otherwise ask the browser for millions of cells.
pub const MAX_SCHOOL_ROWS: usize = 500;
