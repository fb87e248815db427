//! The report: the one serialized document of junheng, schema `junheng.report/1`.
//!
//! The CLI (`junheng analyze`) and the page's JSON export both call [`Report::to_json`], so
//! the same file and configuration give byte-identical JSON. `docs/report-schema.md` documents
//! every key. Keys are stable: new keys may be added, none is renamed or removed. Numbers are
//! JSON numbers at full `f64` precision; undefined values are `null` (never NaN or infinity).
//!
//! This module, `standards::report` and the planner's [`Plan`] are the serialized contract: the
//! engine's working types stay free to change. (The ingestion types also derive serde, for
//! `ingest::wire` only: the page's worker and main thread, one build, no stability promised.)

use std::ops::Index;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::county::County;
use crate::measures::{Measure, MeasureValues, MEASURES};
use crate::standards::report::MissingCell;
use crate::standards::{Plan, StandardReport};

/// The schema id written in every report.
pub const SCHEMA: &str = "junheng.report/1";

/// A whole analysis: where the data came from, the choices made, one entry per indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Version of junheng-core that computed the report.
    pub version: &'static str,
    /// How the file was read.
    pub source: Source,
    /// Header of the weight column, or `null` when every school weighs 1.
    pub weight: Option<String>,
    /// Header of the group column, or `null`.
    pub group: Option<String>,
    /// Row filters, in the order given. Filters on the same column are alternatives (OR);
    /// filters on different columns must all hold (AND).
    pub filters: Vec<FilterEcho>,
    /// Definition choices that change the numbers.
    pub options: OptionsEcho,
    /// One entry per indicator, in the order requested.
    pub indicators: Vec<IndicatorResult>,
    /// Things the reader should know: defaults applied, measures left undefined, bad cells.
    pub warnings: Vec<Warning>,
    /// Verdict against a standard and the gap plan; `null` when no standard was chosen.
    pub standard: Option<StandardSection>,
}

/// The `standard` key: the evaluation's keys ([`StandardReport`]: `id`, `options`, `levels`,
/// `schools`, `other_checks`, `notes`) at the top level, plus `plan` ([`Plan`]: `gaps`,
/// `totals`, `floors`, `top_k`, `composite`) and `missing_cells`. Documented in
/// `docs/report-schema.md`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StandardSection {
    /// Verdicts, CVs, per-school attainment (flattened into the section).
    #[serde(flatten)]
    pub evaluation: StandardReport,
    /// What it would take to comply: gaps per school, county totals, floor and top-k plans.
    pub plan: Plan,
    /// Cells of the evaluated schools that the standard's indicators need and that read as
    /// missing (blank, “—”), row by row: those schools are left out of those indicators.
    pub missing_cells: Vec<MissingCell>,
}

/// How the file was read (echo of ingestion).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// File name as given.
    pub name: String,
    /// `csv`, `xlsx`, ...
    pub format: String,
    /// `utf-8`, `gb18030`, ...
    pub encoding: String,
    /// Field delimiter, for delimited text.
    pub delimiter: Option<char>,
    /// Line of the header row, from 1.
    pub header_row: u64,
    /// Data rows read (before filters).
    pub data_rows: usize,
    /// Rows that ingestion left out.
    pub skipped: Vec<SkippedRow>,
    /// Lines of every header row (a two-row header, a row of column codes).
    pub header_lines: Vec<u64>,
    /// Non-empty lines above the header (title, 单位：… line).
    pub title: Vec<TitleLine>,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Numbers used a decimal comma (`12,5`).
    pub decimal_comma: bool,
    /// County name, year and 填报单位: from the file (a title row, a 县 column, a 填报单位
    /// line) or set by the user, each with where it came from.
    pub county: County,
    /// For a slice of a file (`crate::slices`): the columns it was cut by and its values.
    /// Absent from the report of a whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slice: Option<SliceEcho>,
}

/// Which slice of a file a report is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SliceEcho {
    /// Headers of the columns the file was split by.
    pub by: Vec<String>,
    /// The slice's value in each.
    pub value: Vec<String>,
}

/// A line above the header row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TitleLine {
    /// Line in the file, from 1.
    pub line: u64,
    /// Its text.
    pub text: String,
}

/// A row that ingestion left out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkippedRow {
    /// Line in the file, from 1.
    pub line: u64,
    /// Why, in English.
    pub reason: String,
    /// Why, in Chinese.
    pub reason_zh: String,
}

/// One `--where COLUMN=VALUE`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FilterEcho {
    /// Header of the filtered column.
    pub column: String,
    /// The value kept.
    pub value: String,
}

/// Definition choices, so that an inspector can reproduce each number (docs/domain.md §4).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionsEcho {
    /// `at_or_below` or `strict`: which schools McLoone and Verstegen count at the median.
    pub median_rule: &'static str,
    /// `given` (a weight column was named), `students_default` (standard indicators weighted
    /// by the students column by default) or `none` (every school weighs 1).
    pub weight_source: &'static str,
    /// `standard` (docs/domain.md §2 indicators), `given` (named by the user) or `numeric_columns`
    /// (every numeric column).
    pub indicator_source: &'static str,
    /// Always `population`: standard deviation with divisor Σw, as in the national formula.
    pub std_denominator: &'static str,
}

/// Measures of one indicator. Serialized with the keys below in this order, the measures'
/// keys (`weight_total` … `hoover`, [`MEASURES`]) between `missing_lines` and `groups`.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorResult {
    /// Name: a docs/domain.md id for the standard indicators, else as given.
    pub name: String,
    /// Chinese title, when known (standard indicators).
    pub label_zh: Option<String>,
    /// English title, when known (standard indicators).
    pub label_en: Option<String>,
    /// The expression as given (field ids for the standard indicators).
    pub expr: String,
    /// The expression with resolved column headers and unit factors, e.g.
    /// `[教学仪器设备值（万元）]*10000/[在校学生数]`.
    pub formula: String,
    /// Schools used.
    pub n: usize,
    /// Schools left out: value or weight missing or not a number, weight ≤ 0, or a divisor 0.
    pub missing: usize,
    /// Lines of the schools left out, ascending.
    pub missing_lines: Vec<u64>,
    /// Every measure of [`MEASURES`] (`indicator[Measure::Cv]`); `null` where undefined.
    pub measures: MeasureValues,
    /// Per-group measures, in order of first appearance; empty without a group column.
    pub groups: Vec<GroupResult>,
    /// Between-group Theil T; `null` without a group column.
    pub theil_between: Option<f64>,
    /// Within-group Theil T.
    pub theil_within: Option<f64>,
    /// Between-group Theil L (MLD).
    pub mld_between: Option<f64>,
    /// Within-group Theil L (MLD).
    pub mld_within: Option<f64>,
}

impl Index<Measure> for IndicatorResult {
    type Output = Option<f64>;

    fn index(&self, measure: Measure) -> &Option<f64> {
        &self.measures[measure]
    }
}

/// Keys of an indicator before its measures, in report order.
const KEYS_BEFORE_MEASURES: [&str; 8] = [
    "name",
    "label_zh",
    "label_en",
    "expr",
    "formula",
    "n",
    "missing",
    "missing_lines",
];

/// Keys of an indicator after its measures, in report order.
const KEYS_AFTER_MEASURES: [&str; 5] = [
    "groups",
    "theil_between",
    "theil_within",
    "mld_between",
    "mld_within",
];

impl Serialize for IndicatorResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keys = KEYS_BEFORE_MEASURES.len() + MEASURES.len() + KEYS_AFTER_MEASURES.len();
        let mut out = serializer.serialize_struct("IndicatorResult", keys)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("label_zh", &self.label_zh)?;
        out.serialize_field("label_en", &self.label_en)?;
        out.serialize_field("expr", &self.expr)?;
        out.serialize_field("formula", &self.formula)?;
        out.serialize_field("n", &self.n)?;
        out.serialize_field("missing", &self.missing)?;
        out.serialize_field("missing_lines", &self.missing_lines)?;
        for (measure, value) in MEASURES.iter().zip(self.measures.values()) {
            out.serialize_field(measure.id, value)?;
        }
        out.serialize_field("groups", &self.groups)?;
        out.serialize_field("theil_between", &self.theil_between)?;
        out.serialize_field("theil_within", &self.theil_within)?;
        out.serialize_field("mld_between", &self.mld_between)?;
        out.serialize_field("mld_within", &self.mld_within)?;
        out.end()
    }
}

/// Measures of one group of one indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupResult {
    /// The group's cell text, trimmed.
    pub group: String,
    /// Schools used.
    pub n: usize,
    /// Σ w.
    pub weight_total: Option<f64>,
    /// Weighted mean.
    pub mean: Option<f64>,
    /// Coefficient of variation.
    pub cv: Option<f64>,
    /// Gini coefficient.
    pub gini: Option<f64>,
    /// Theil T.
    pub theil: Option<f64>,
}

/// A note for the reader, in both languages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// Stable machine code, e.g. `negative_values`.
    pub code: &'static str,
    /// The indicator concerned, if one.
    pub indicator: Option<String>,
    /// The line of the file concerned (the first one, when several), if one.
    pub line: Option<u64>,
    /// Message in Chinese.
    pub zh: String,
    /// Message in English.
    pub en: String,
}

/// Keys of an indicator before its measures in the CSV: its name and counts.
const CSV_KEYS_BEFORE_MEASURES: [&str; 6] = ["name", "label_zh", "expr", "formula", "n", "missing"];

/// Keys of the scalar columns of [`Report::to_csv`], in order; each is a key of an indicator:
/// its name and counts, every measure of [`MEASURES`], the Theil decomposition. Built from
/// the table of measures at compile time.
pub const CSV_KEYS: [&str; 6 + MEASURES.len() + 4] = {
    let mut keys = [""; 6 + MEASURES.len() + 4];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = if i < 6 {
            CSV_KEYS_BEFORE_MEASURES[i]
        } else if i < 6 + MEASURES.len() {
            MEASURES[i - 6].id
        } else {
            // After `groups`, a list, come the decomposition's four scalars.
            KEYS_AFTER_MEASURES[i - 6 - MEASURES.len() + 1]
        };
        i += 1;
    }
    keys
};

impl Report {
    /// The report as pretty-printed JSON: the single serialization used by the CLI and the
    /// page, so both give identical bytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .expect("a report has only string keys and finite numbers")
    }

    /// One CSV row per indicator under a header of [`CSV_KEYS`]; `null` becomes an empty
    /// cell. Lists (`missing_lines`, `groups`) are left out: use the JSON for them.
    pub fn to_csv(&self) -> String {
        // The csv crate quotes cells holding commas, quotes or line breaks (RFC 4180).
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(CSV_KEYS).expect("writing to memory");
        for indicator in &self.indicators {
            let value = serde_json::to_value(indicator).expect("an indicator serializes");
            let cells = CSV_KEYS.iter().map(|key| match &value[*key] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => crate::csv_cell::csv_cell(s).into_owned(),
                other => other.to_string(),
            });
            writer.write_record(cells).expect("writing to memory");
        }
        let bytes = writer.into_inner().expect("flushing to memory");
        String::from_utf8(bytes).expect("the cells are UTF-8")
    }
}

/// `Some(x)` when x is finite: the one gate that keeps NaN and infinity out of a report.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}
