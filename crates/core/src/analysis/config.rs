//! Step 1, the configuration: what to analyze and how, as the user chose it (page, CLI or a
//! shared URL), close to what they typed. Nothing here looks at the table: `validate.rs`
//! checks it against the table.

use crate::county::CountyGiven;
use crate::measures::MedianRule;
use crate::standards::{self, CountySheet, CountyValues, Level, Split};

/// What to analyze and how, as the user chose it. Checked by [`AnalysisConfig::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisConfig {
    /// Indicators to compute, in order. Empty: the standard indicators of docs/domain.md §2 when
    /// the headers name their fields, otherwise every numeric column.
    pub indicators: Vec<IndicatorSpec>,
    /// Indicators computed after those above (after the defaults when `indicators` is empty):
    /// the page's custom ratios next to the standard indicators.
    pub extra: Vec<IndicatorSpec>,
    /// Weight of each school.
    pub weight: WeightSpec,
    /// Column whose values form the groups of the Theil decomposition (城乡分类, 乡镇, ...).
    pub group: Option<String>,
    /// Rows to keep. Filters on the same column are alternatives (OR); filters on different
    /// columns must all hold (AND).
    pub filters: Vec<Filter>,
    /// How McLoone and Verstegen treat schools at the median.
    pub median_rule: MedianRule,
    /// A standard to judge the county against: fills the report's `standard` section. `None`:
    /// the section is `null`.
    pub standard: Option<StandardChoice>,
    /// Choices the standards leave open (split of spanning schools, 教学点, 民办, gym). Used only
    /// with `standard`; [`standards::Options::national`] is the national form's choice.
    pub standard_options: standards::Options,
    /// Level of every school when the table has no level column (standards only). With a level
    /// column it is not used (a warning says so).
    pub level: Option<Level>,
    /// County name, year and 填报单位 set by the user; each overrides what the file says
    /// (report `source.county`).
    pub county: CountyGiven,
    /// The county's own figures and judgements for the items of a standard that has them
    /// (2017: G1–G15, Q1–Q9, S1, V1–V6; docs/domain.md §2.2). Used only with `standard`.
    pub county_values: Option<CountyInput>,
}

/// The county's figures and judgements as given: a county sheet as read, matched with the
/// standard's items by [`AnalysisConfig::validate`], or values entered in the page's form.
#[derive(Clone, Debug, PartialEq)]
pub enum CountyInput {
    /// A county sheet (县级指标) read from a CSV or a workbook.
    Sheet(CountySheet),
    /// Values already matched with items (the page's form).
    Values(CountyValues),
}

impl AnalysisConfig {
    /// The defaults: the standard indicators (or every numeric column), weights by default,
    /// no group, no filter, median rule `at_or_below`, no standard, national standard options.
    pub fn new() -> AnalysisConfig {
        AnalysisConfig {
            indicators: Vec::new(),
            extra: Vec::new(),
            weight: WeightSpec::Auto,
            group: None,
            filters: Vec::new(),
            median_rule: MedianRule::AtOrBelow,
            standard: None,
            standard_options: standards::Options::national(),
            level: None,
            county: CountyGiven::none(),
            county_values: None,
        }
    }
}

impl Default for AnalysisConfig {
    fn default() -> AnalysisConfig {
        AnalysisConfig::new()
    }
}

/// Which standard to judge against. The text of a file is held as given and read by
/// [`AnalysisConfig::validate`], so that every check happens there.
#[derive(Clone, Debug, PartialEq)]
pub enum StandardChoice {
    /// A built-in national standard: `basic-2012` or `quality-2017`.
    Builtin(String),
    /// A whole standard table in JSON, e.g. a province's (format in `docs/standards.md`).
    Json(String),
    /// A built-in standard with per-school values (and optionally CV thresholds) replaced from
    /// a CSV table (`indicator,primary,junior[,cv_max_primary,cv_max_junior]`).
    BuiltinWithValues {
        /// Id of the built-in standard.
        id: String,
        /// Text of the CSV table.
        csv: String,
    },
}

impl StandardChoice {
    /// Reads and validates the standard table.
    pub fn load(&self) -> Result<standards::Standard, standards::Error> {
        match self {
            StandardChoice::Builtin(id) => standards::Standard::builtin(id),
            StandardChoice::Json(text) => standards::Standard::from_json(text),
            StandardChoice::BuiltinWithValues { id, csv } => {
                standards::Standard::builtin(id)?.with_values_csv(csv)
            }
        }
    }
}

/// Reads a split id: `guidance` (weights 1 : 1.1 : 1.32), `pupils` (pupil-proportional) or
/// `already-split` (rows are sections); `-` and `_` are interchangeable.
pub fn parse_split(text: &str) -> Option<Split> {
    match text.trim().replace('_', "-").as_str() {
        "guidance" | "weighted" => Some(Split::GUIDANCE),
        "pupils" => Some(Split::PupilProportional),
        "already-split" => Some(Split::AlreadySplit),
        _ => None,
    }
}

/// One indicator: a name and an expression (see [`crate::expr`]).
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorSpec {
    /// Name shown in the report; when empty, the expression is the name.
    pub name: String,
    /// Expression: a column, or columns and numbers joined by `*` and `/`.
    pub expr: String,
}

/// Where the weights come from.
#[derive(Clone, Debug, PartialEq)]
pub enum WeightSpec {
    /// The students column for the standard indicators (the national CV is pupil-weighted);
    /// 1 for every school otherwise.
    Auto,
    /// This column, by header text or field id.
    Column(String),
    /// 1 for every school.
    Unweighted,
}

/// Keep the rows whose cell in `column` equals `value` (both trimmed).
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// Column, by header text or field id.
    pub column: String,
    /// Cell text to keep.
    pub value: String,
}

/// The stable id of a median rule, as written in the report: `at_or_below` or `strict`.
pub fn median_rule_id(rule: MedianRule) -> &'static str {
    match rule {
        MedianRule::AtOrBelow => "at_or_below",
        MedianRule::Strict => "strict",
    }
}

/// Reads a median rule from its id; `-` and `_` are interchangeable (`at-or-below`).
pub fn parse_median_rule(text: &str) -> Option<MedianRule> {
    match text.trim().replace('-', "_").as_str() {
        "at_or_below" => Some(MedianRule::AtOrBelow),
        "strict" => Some(MedianRule::Strict),
        _ => None,
    }
}
