//! Loading: a file's bytes become the page's dataset.
//!
//! `progress.rs`: what the progress bar of a large file shows; `sample.rs`: the built-in
//! county; `worker.rs`: the engine worker's route for large files; `workbook.rs`: the
//! spreadsheet reader's route for workbooks.

pub mod progress;
pub mod sample;
#[cfg(target_arch = "wasm32")]
pub mod workbook;
#[cfg(target_arch = "wasm32")]
pub mod worker;
