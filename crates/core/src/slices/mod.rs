//! A city and its years: a file of several counties, several years, or both, analysed slice by
//! slice (docs/domain.md §6: the 差异系数 is a county-level measure, computed per county and
//! year; a province's feedback tables list every county, and monitoring compares years).
//!
//! A slice is the rows of the file with one value in the columns the file is split by (a county
//! column, a year column, or both: a county's year). Every county-level result of a slice is the
//! very evaluation of a county's file, run on the slice's rows: [`Slice::report`] is
//! `analysis::run` (indicators, both verdicts, shortfalls, plans, and whatever the standards
//! evaluate), [`Slice::dossier`] is `dossier::build`. So every number and verdict of a slice is
//! the number of those rows analysed as a file of their own (tests/slices.rs), except for what
//! ingestion decides per file (`ingest::slice` lists it; docs/report-schema.md too).
//!
//! Steps, one module each:
//! 1. `partition.rs`: [`partition`] resolves the columns (a header or the field ids `county`
//!    and `year`), checks the configuration once against the whole file, and moves each row to
//!    its slice in one pass (slices in order of first appearance); each slice is then finished
//!    as a file of its own (`ingest::slice`).
//! 2. Per slice, callable one at a time so that a worker can report progress:
//!    [`Slice::report`], [`Slice::summary`] (both national standards: what the city table
//!    needs, `summary.rs`), [`Slice::dossier`].
//! 3. Over the summaries: the city table (`city.rs`: one row per slice and level, the
//!    indicators failing most often, the slice × indicator heat table) and, with a year
//!    column, the monitoring table (`monitoring.rs`: each CV by year against its limit, the
//!    year each first met it, schools short year to year).
//! 4. `document.rs`: the `junheng.slices/1` document of `junheng analyze --by`, its reports
//!    trimmed to the per-school detail asked for (`detail.rs`); `csv.rs`: the city table as CSV;
//!    `workbook.rs` and `html.rs`: the city table and each slice's dossier as one workbook, or
//!    one printable page.

mod city;
mod csv;
mod detail;
mod document;
mod html;
mod monitoring;
mod partition;
mod summary;
mod workbook;

pub use city::{
    city_table, CityTable, FailingIndicator, HeatCell, HeatColumn, HeatRow, HeatTable,
    IndicatorColumn,
};
pub use csv::city_csv;
pub use detail::{trim, Detail};
pub use document::{Document, DocumentSlice, Named, SCHEMA};
pub use html::city_page;
pub use monitoring::{monitoring, LevelTrend, Monitoring, Series, Trend, YearPoint};
pub use partition::{detect, partition};
pub use summary::{BasicCell, CvCell, LevelRow, QualityCells, SliceSummary};
pub use workbook::city_workbook;

use serde::Serialize;

use crate::analysis::{self, AnalysisConfig};
use crate::county::County;
use crate::dossier::{self, Dossier, DossierConfig};
use crate::error::Issue;
use crate::ingest::{Ingested, SourceInfo};
use crate::report::Report;
use crate::Error;

/// What a column the file is split by holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The county of each row (县, 县区, 县（市、区）, county …): [`crate::Field::County`].
    County,
    /// The year of each row (年份, 学年, year …): [`crate::Field::Year`]. Its cells are read as
    /// years (`county::year_of_cell`): 2023 and 2023学年 are one slice.
    Year,
    /// Another column the user named (片区, 市 …).
    Other,
}

/// A column the file is split by.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dimension {
    /// Index of the column in the headers.
    pub column: usize,
    /// Its header.
    pub header: String,
    /// What it holds.
    pub kind: Kind,
}

/// The rows of the file with one value in each column it is split by.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    /// The value of each column, as the slice's first row writes it (trimmed).
    pub value: Vec<String>,
    /// The year the slice stands for, when the file is split by a year column and the cells
    /// read as a year.
    pub year: Option<u32>,
    /// The slice as a file of its own: the file's header, mapping and title, the slice's rows
    /// (with their lines in the file), the issues that concern them; `table.source.slice`
    /// says which slice it is.
    pub ingested: Ingested,
}

/// A file split into slices by [`partition`].
#[derive(Clone, Debug, PartialEq)]
pub struct Slices {
    /// The columns it is split by, in the order given.
    pub by: Vec<Dimension>,
    /// The slices, in order of first appearance.
    pub slices: Vec<Slice>,
    /// How the file was read (every row left out by ingestion is listed here, once).
    pub source: SourceInfo,
    /// The file's county, year and 填报单位 as the whole file says them.
    pub county: County,
    /// The file's ingestion issues, as read.
    pub issues: Vec<Issue>,
    /// Lines of rows with an empty cell in a column the file is split by: in no slice.
    pub without_value: Vec<u64>,
}

impl Slice {
    /// The analysis of the slice: `analysis::run` on its rows, with `config` (filters,
    /// indicators, standard …). Errors are the analysis' own for these rows (a filter that
    /// keeps none of them, a level without schools …).
    pub fn report(&self, config: &AnalysisConfig) -> Result<Report, Error> {
        analysis::run(&self.ingested, config)
    }

    /// The slice's row of the city table: both national standards on its rows.
    pub fn summary(&self, config: &AnalysisConfig) -> SliceSummary {
        summary::summarize(self, config)
    }

    /// The slice's acceptance dossier: `dossier::build` on its rows.
    pub fn dossier(&self, config: &DossierConfig) -> Result<Dossier, Error> {
        dossier::build(&self.ingested, config)
    }
}
