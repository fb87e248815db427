//! junheng-core: the engine of junheng.
//!
//! Data flows one way: bytes → [`ingest::Table`] → indicators → [`measures`] → report.
//! Nothing here touches the network, the file system or a browser API: callers hand in bytes
//! and get plain values back, so the CLI and the web page share every number.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analysis;
pub mod county;
pub mod crc32;
pub mod csv_cell;
pub mod dossier;
pub mod error;
pub mod expr;
pub mod fast_hash;
pub mod fields;
pub mod format;
pub mod ingest;
pub mod issue;
pub mod left_out;
pub mod measures;
pub mod names;
pub mod profile;
pub mod quote;
pub mod report;
pub mod slices;
pub mod standards;
pub mod xlsx_writer;

pub use error::{Error, Issue, Lang};
pub use fields::{Field, Unit};
pub use ingest::Table;
pub use report::Report;
