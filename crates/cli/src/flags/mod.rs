//! argv → [`Command`]. Nothing else reads argv.
//!
//! ripgrep's layout: every flag is a definition of its own with its help text and its test
//! (`defs/`, a file per block of `--help`); `parse.rs` walks argv and hands each flag's value
//! to its definition, which checks that value alone and records it in [`LowArgs`] (`low.rs`);
//! [`LowArgs::command`] then applies the rules between flags (a standard option needs
//! `--standard`, …) and builds the [`Command`]. Flags become the core's [`AnalysisConfig`] here; the core's
//! `AnalysisConfig::validate` checks them against the table.
//!
//! [`AnalysisConfig`]: junheng_core::analysis::AnalysisConfig

mod defs;
mod error;
mod help;
mod low;
mod parse;

use junheng_core::analysis::AnalysisConfig;
use junheng_core::slices::Detail;
use junheng_core::Lang;

pub use error::UsageError;
pub use help::help;
pub use parse::{detect_lang, parse};

/// Output format of `analyze` (and `plan`: csv or json).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The report document.
    Json,
    /// Aligned tables for reading.
    Text,
    /// One row per indicator.
    Csv,
}

/// Everything `analyze` needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Analyze {
    /// Path of the input file, `-` for stdin.
    pub file: String,
    /// The analysis options.
    pub config: AnalysisConfig,
    /// Output format.
    pub format: Format,
    /// `--sheet`: sheet of a workbook.
    pub sheet: Option<String>,
    /// `--encoding`: text encoding label.
    pub encoding: Option<String>,
    /// Print the elapsed time to stderr.
    pub timing: bool,
    /// `--standard`: id of a built-in standard.
    pub standard: Option<String>,
    /// `--standard-file`: path of a standard table (`.json` or `.csv`).
    pub standard_file: Option<String>,
    /// `--by`: the columns to split the file by (none: the file is one county's).
    pub by: Vec<String>,
    /// `--detail`: the per-school lists of each slice's report (summary unless given).
    pub detail: Detail,
    /// `--county-values`: the county's sheet 县级指标, a CSV or a workbook.
    pub county_values: Option<String>,
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `--help`.
    Help,
    /// `--version`.
    Version,
    /// `profile FILE`.
    Profile {
        /// Path of the input file.
        file: String,
    },
    /// `analyze FILE ...`.
    Analyze(Analyze),
    /// `plan FILE --standard ...`: the gap plan only.
    Plan(Analyze),
    /// `report FILE -o OUT`: the acceptance dossier.
    Report(Report),
}

/// What the dossier is written as, from the output's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// An Excel workbook (`.xlsx`).
    Xlsx,
    /// A printable HTML page (`.html`, `.htm`).
    Html,
}

/// Everything `report` needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The reading, filter, scope and county options, as `analyze` takes them (no standard:
    /// the dossier evaluates both national standards).
    pub analyze: Analyze,
    /// `-o`: the path to write.
    pub output: String,
    /// Workbook or page.
    pub format: Output,
    /// `--research`: add the research appendix.
    pub research: bool,
    /// The dossier's language: Chinese unless `--lang en`.
    pub lang: Lang,
}
