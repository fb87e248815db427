//! junheng-app: the web page. Leptos components compiled to wasm32; every number comes from
//! `junheng-core`.
//!
//! Where things are: `load/` reads a file into the dataset (one entry, the routes, progress);
//! `state.rs` holds the page's signals; `model/` is what the views show, as plain data;
//! `chart/` lays out and draws the charts; `export/` writes files; `share/` encodes share
//! links; `browser/` bridges to browser APIs; `i18n/` holds the texts; `ui/` has the
//! components, one folder per tab and `ui/frame/` for what surrounds them.
//!
//! Everything but the components and the browser bridges compiles natively too and is tested
//! with `cargo test`; the components exist only on wasm32.
#![forbid(unsafe_code)]

pub mod chart;
/// CRC-32 and the workbook writer live in the core, which the CLI and the engine share.
pub use junheng_core::{crc32, xlsx_writer};
pub mod export;
pub mod i18n;
pub mod load;
pub mod model;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
