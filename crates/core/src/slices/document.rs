//! Step 4, the `junheng.slices/1` document of `junheng analyze FILE --by COLUMN`: the file's
//! source and issues once, each slice's `junheng.report/1` (per-school lists as `detail` says),
//! the city table and, with a year column, the monitoring table. Keys as in
//! docs/report-schema.md ("Slices").

use serde::Serialize;

use super::city::{city_table, CityTable};
use super::detail::{trim, Detail};
use super::monitoring::{monitoring, Monitoring};
use super::summary::SliceSummary;
use super::{Kind, Slices};
use crate::analysis::echo;
use crate::analysis::AnalysisConfig;
use crate::error::join_lines;
use crate::quote::quote;
use crate::report::{Report, Source, Warning};
use crate::standards::report::Text;
use crate::{Error, Lang};

/// The schema id of the document.
pub const SCHEMA: &str = "junheng.slices/1";

/// A value named by one column, or by several (county and year): a string, or an array.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Named {
    /// Split by one column.
    One(String),
    /// Split by several, in the order given.
    Many(Vec<String>),
}

impl Named {
    fn of(values: &[String]) -> Named {
        match values {
            [one] => Named::One(one.clone()),
            many => Named::Many(many.to_vec()),
        }
    }
}

/// The document: a file split into slices, each analysed as a file of its own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Version of junheng-core.
    pub version: &'static str,
    /// The header of the column the file is split by, or the headers of several.
    pub by: Named,
    /// The per-school detail of the reports.
    pub detail: Detail,
    /// How the file was read; every row ingestion left out is listed here (a slice's report
    /// lists only the rows its own sum rule left out).
    pub source: Source,
    /// The file's ingestion issues, and the rows in no slice (`slice_value_missing`).
    pub warnings: Vec<Warning>,
    /// One per slice, in order of first appearance.
    pub slices: Vec<DocumentSlice>,
    /// The city table.
    pub table: CityTable,
    /// The monitoring table, when the file is split by a year column; else `null`.
    pub monitoring: Option<Monitoring>,
}

/// One slice of the document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentSlice {
    /// Its value (a string, or an array when split by several columns).
    pub value: Named,
    /// The `junheng.report/1` of its rows; `null` when the analysis failed.
    pub report: Option<Report>,
    /// Why the analysis failed; absent when it did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Text>,
}

impl Document {
    /// Analyses every slice with `config` (its report and its line of the city table), one
    /// after the other. A caller that reports progress runs [`super::Slice::report`] and
    /// [`super::Slice::summary`] itself and calls [`Document::assemble`].
    pub fn analyze(slices: &Slices, config: &AnalysisConfig, detail: Detail) -> Document {
        // Each report trimmed as soon as it is made: a province's 1 000 whole reports would
        // not fit in memory together.
        let (reports, summaries) = slices
            .slices
            .iter()
            .map(|slice| {
                let report = slice.report(config).map(|mut report| {
                    trim(&mut report, detail);
                    report
                });
                (report, slice.summary(config))
            })
            .unzip();
        Document::assemble(slices, detail, reports, summaries)
    }

    /// The document of `slices`, from each slice's report and summary (in the slices' order).
    pub fn assemble(
        slices: &Slices,
        detail: Detail,
        reports: Vec<Result<Report, Error>>,
        summaries: Vec<SliceSummary>,
    ) -> Document {
        let headers: Vec<String> = slices.by.iter().map(|d| d.header.clone()).collect();
        let documents = slices
            .slices
            .iter()
            .zip(reports)
            .map(|(slice, report)| {
                let (report, error) = match report {
                    Ok(mut report) => {
                        trim(&mut report, detail);
                        (Some(report), None)
                    }
                    Err(e) => (
                        None,
                        Some(Text::new(e.message(Lang::Zh), e.message(Lang::En))),
                    ),
                };
                DocumentSlice {
                    value: Named::of(&slice.value),
                    report,
                    error,
                }
            })
            .collect();
        let mut warnings: Vec<Warning> = slices.issues.iter().map(echo::issue_warning).collect();
        if let Some(&first) = slices.without_value.first() {
            warnings.push(without_value(&headers, &slices.without_value, first));
        }
        let monitoring = slices
            .by
            .iter()
            .position(|d| d.kind == Kind::Year)
            .map(|year| monitoring(year, &slices.by[year].header, &summaries));
        Document {
            schema: SCHEMA,
            version: env!("CARGO_PKG_VERSION"),
            by: Named::of(&headers),
            detail,
            source: echo::source(&slices.source, slices.county.clone()),
            warnings,
            slices: documents,
            table: city_table(&headers, summaries),
            monitoring,
        }
    }

    /// The document as pretty-printed JSON, as a report is.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .expect("a document has only string keys and finite numbers")
    }
}

/// The warning for rows with an empty cell in a column the file is split by.
fn without_value(headers: &[String], lines: &[u64], first: u64) -> Warning {
    let columns: Vec<String> = headers.iter().map(|h| quote(h).into_owned()).collect();
    let n = lines.len();
    Warning {
        code: "slice_value_missing",
        indicator: None,
        line: Some(first),
        zh: format!(
            "{n} 行的“{}”为空（第 {} 行），不属于任何一片，未计入任何一片的结果。请补上这些行的{}。",
            columns.join("”或“"),
            join_lines(lines, "、"),
            columns.join("、")
        ),
        en: format!(
            "{n} row(s) have no value in “{}” (line {}): they belong to no slice and count in none. Fill in their {}.",
            columns.join("” or “"),
            join_lines(lines, ", "),
            columns.join(", ")
        ),
    }
}
