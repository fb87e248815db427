//! The built-in sample county, embedded so the page shows real results with no file.

/// File name shown for the sample.
pub const SAMPLE_NAME: &str = "示例县-sample-county.csv";

/// The synthetic county written by `tools/gen_sample.py` (92 schools, UTF-8 CSV).
pub const SAMPLE_CSV: &str = include_str!("../data/sample/county.csv");
