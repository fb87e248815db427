//! National standards of balanced compulsory education, and the gap-to-standard planner.
//!
//! - **Basic balance, 2012** (教育部《县域义务教育均衡发展督导评估暂行办法》, 教督〔2012〕3号):
//!   per level, eight per-student indicators, each with its pupil-weighted CV (docs/domain.md §3.2); the
//!   county passes on the composite CV, the mean of the eight: ≤ 0.65 小学, ≤ 0.55 初中. A
//!   single CV may exceed it. No national per-school standard; a province's 办学基本标准 can be
//!   loaded as a table ([`Standard::from_json`], [`Standard::with_values_csv`]).
//! - **High-quality balance, 2017** (《县域义务教育优质均衡发展督导评估办法》, 教督〔2017〕6号):
//!   seven indicators with per-school standards. A school passes when at least 6 of 7 reach the
//!   standard (≥; equality counts as reached, docs/domain.md §2.2 \[U\]) and the other is ≥ 85 % of it;
//!   the county passes resource allocation when every school passes and every CV is ≤ 0.50
//!   小学 / ≤ 0.45 初中. The mean of the seven is informational.
//!
//! Flow: [`SchoolInput`] rows → [`prepare`] (scope and split, docs/domain.md §2.3) → [`Prepared`]
//! sections → [`evaluate_prepared`] → [`StandardReport`]; [`evaluate()`] does both steps.
//! [`plan`] proposes fixes, [`apply`] turns a plan into edited sections (what-if), and
//! [`plan_csv`] exports it. Everything is a pure function of its inputs.
//!
//! Beyond resources, the 2017 evaluation has 25 more items and six conditions of
//! non-recognition (`items`): computed from the table where it can, else judged from the
//! county's own sheet ([`CountyValues`]), with each part's verdict and whether the county can be
//! recognised ([`evaluate_prepared_with`]).
//!
//! From a file: [`schools_from_table`] turns an ingested table into [`SchoolInput`] rows (the
//! glue), and `analysis::run` with a standard chosen in `AnalysisConfig` does the rest.

pub mod by_level;
pub mod compare;
pub mod error;
pub mod evaluate;
pub mod from_table;
pub mod input;
pub mod items;
pub mod planner;
pub mod report;
pub mod scope;
pub mod scope_line;
pub mod split;
pub mod table;

pub use error::Error;
pub use evaluate::{
    evaluate, evaluate_prepared, evaluate_prepared_with, BORDERLINE_MARGIN, REL_TOL,
};
pub use from_table::{schools_from_rows, schools_from_table, RowWarning, TableSchools};
pub use input::{Level, Options, SchoolInput, SchoolType, ScopeEvidence, Split};
pub use items::{CountySheet, CountyValues, Item, ItemsReport};
pub use planner::{
    apply, cv_with_floor, floor_level, plan, plan_csv, plan_csv_with, variance_shares, Plan,
};
pub use report::StandardReport;
pub use scope::{exclusion_notes, is_private_name, is_teaching_point_name, Excluded, Exclusion};
pub use scope_line::scope_text;
pub use split::{prepare, Prepared, SchoolFacts, Section};
pub use table::{numerators, ByLevel, CountyRule, Indicator, SchoolRule, SizeLimits, Standard};
