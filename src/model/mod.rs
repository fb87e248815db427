//! What the views show, as plain data: no component and no browser API here, so all of it
//! compiles natively and is tested with `cargo test`.
//!
//! - `dataset.rs`: the loaded file as the page holds it; `bounds.rs`: how much of a large file
//!   the views show at once; `columns_drawn.rs`: how many columns of a wide file they draw.
//! - `metrics.rs`: the indicator table's columns (the core's measures with the page's labels),
//!   national names and thresholds.
//! - `school_rows.rs`: the schools table; `slices.rs`: per-year and per-slice runs;
//!   `findings.rs`: the sentences that state what a chart or table shows.
//! - `dossier/`: the acceptance dossier as the page shows it (overview, county fields).
//! - `standards/`: the national-standards tab (verdict cards, attainment, shortfalls, what-if).
//! - `settings.rs`: the choices saved between visits; `format.rs`: number formatting;
//!   `shared.rs`: an `Arc` compared by identity, for memos over large values.

pub mod bounds;
pub mod columns_drawn;
pub mod dataset;
pub mod dossier;
pub mod findings;
pub mod format;
pub mod metrics;
pub mod school_rows;
pub mod settings;
pub mod shared;
pub mod slices;
pub mod standards;
