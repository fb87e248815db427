//! junheng-app: the web page. Leptos components compiled to wasm32; every number comes from
//! `junheng-core`.
//!
//! Pure view logic (formatting, chart scales) compiles natively too and is tested with
//! `cargo test`; the components exist only on wasm32.
#![forbid(unsafe_code)]

pub mod chart;
pub mod columns_drawn;
pub mod crc32;
pub mod export;
pub mod findings;
pub mod format;
pub mod i18n;
pub mod load_progress;
pub mod metrics;
pub mod sample;
pub mod school_rows;
pub mod settings;
pub mod share;
pub mod shared;
pub mod slices;
pub mod standards_view;
pub mod xlsx_writer;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod engine_worker;
#[cfg(target_arch = "wasm32")]
pub mod persist;
#[cfg(target_arch = "wasm32")]
pub mod share_crypto;
#[cfg(target_arch = "wasm32")]
pub mod spreadsheet;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod text_decoder;
#[cfg(target_arch = "wasm32")]
pub mod ui;
