//! Loading: a file's bytes become the page's dataset, and every load starts here.
//!
//! - `entry.rs` (wasm32): the one entry — [`file`], [`bytes`], [`sample`], [`cancel`] — which
//!   takes a load ticket, follows the route and makes the result the dataset.
//! - `route.rs`: the one place that decides the route (engine worker, spreadsheet reader, or
//!   the core on the main thread); `ticket.rs`: a newer load supersedes an older one.
//! - `worker.rs`, `workbook.rs` (wasm32): the two routes that leave the main thread or fetch a
//!   second module; `progress.rs`: what the progress bar of a large file shows.
//! - `sample.rs`: the built-in county.
//!
//! When the engine moves into a worker for every file (one engine path), it is `entry.rs`
//! and `worker.rs` that change; the components keep calling the same entry.

#[cfg(target_arch = "wasm32")]
mod entry;
pub mod progress;
pub mod route;
pub mod sample;
pub mod ticket;
#[cfg(target_arch = "wasm32")]
pub mod workbook;
#[cfg(target_arch = "wasm32")]
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub use entry::{bytes, cancel, file, sample};
