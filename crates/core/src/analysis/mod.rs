//! Analysis: a table and an [`AnalysisConfig`] give a [`Report`], in steps, one module each:
//!
//! 1. `config.rs`: options arrive from the page, the CLI or a shared URL as an
//!    [`AnalysisConfig`], close to what the user typed.
//! 2. `validate.rs`: [`AnalysisConfig::validate`] is the single place where they are checked
//!    against the table: expressions parsed (`crate::expr`), columns resolved, filters matched.
//! 3. `plan.rs`: it gives a [`Plan`], every name resolved to a column; with no indicator named,
//!    the national indicators of `national.rs` whose fields the headers name.
//! 4. `columns.rs`: every column the plan uses is read once, as numbers.
//! 5. `indicator.rs`: each indicator's values, exclusions, measures (the table of measures,
//!    `crate::measures::MEASURES`) and group decomposition.
//! 6. A standard, when chosen, judges the kept rows (`crate::standards`); [`run`] assembles
//!    the report (`echo.rs` says how the file was read).
//!
//! `run` is pure and deterministic: the same bytes and the same configuration give the same
//! report, whoever calls it.
//!
//! For each indicator and school i, xᵢ is the indicator's expression evaluated on row i and wᵢ
//! the weight column (or 1). A row is left out of that indicator, and listed in
//! `missing_lines`, when a cell it needs is empty or not a number, its weight is ≤ 0, a
//! divisor is 0, or the value or weight is beyond what a [`Sample`](crate::measures::Sample)
//! accepts (magnitude above 1e100 or nonzero below 1e-100) (docs/domain.md §3.3: never impute 0).

mod columns;
mod config;
pub(crate) mod echo;
mod indicator;
pub mod national;
mod parallel;
mod plan;
mod validate;
pub(crate) use validate::similar_header;

use crate::county;
use crate::ingest::{Ingested, Table};
use crate::report::{OptionsEcho, Report, StandardSection, Warning, SCHEMA};
use crate::standards;
use crate::Error;

pub use config::{
    median_rule_id, parse_median_rule, parse_split, AnalysisConfig, CountyInput, Filter,
    IndicatorSpec, StandardChoice, WeightSpec,
};
pub use plan::Plan;

pub use indicator::IndicatorValues;

use indicator::{analyze_one, Rows};
use parallel::map_in_parallel;

/// Runs the analysis: validates `config` against the ingested table, then computes every
/// indicator. Ingestion issues become warnings of the report.
///
/// Pure and deterministic. Errors are those of [`AnalysisConfig::validate`], and
/// [`Error::NoValues`] when an indicator keeps no school.
pub fn run(ingested: &Ingested, config: &AnalysisConfig) -> Result<Report, Error> {
    run_detailed(ingested, config).map(|analysis| analysis.report)
}

/// The report and, per indicator, the values it was computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// What the CLI prints and the page exports.
    pub report: Report,
    /// Per indicator, in report order: each school's value and weight.
    pub values: Vec<IndicatorValues>,
}

/// [`run`], keeping each school's value of each indicator.
pub fn run_detailed(ingested: &Ingested, config: &AnalysisConfig) -> Result<Analysis, Error> {
    let table = &ingested.table;
    // Steps 2 and 3: the options checked against the table, every name resolved.
    let plan = config.validate(ingested)?;
    let kept = plan.kept_rows(table);
    let lines: Vec<u64> = kept.iter().map(|&r| table.rows[r].line).collect();
    let mut warnings: Vec<Warning> = ingested.issues.iter().map(echo::issue_warning).collect();
    warnings.extend(plan.warnings.iter().cloned());
    warnings.extend(echo::several_counties(ingested, &kept));

    // Step 4: each column the plan uses, read once.
    let columns = columns::numbers(table, &kept, &columns::used(&plan), &mut warnings);
    let groups = plan
        .group
        .map(|column| columns::groups(table, &kept, column, &mut warnings));

    let weights: Vec<f64> = match plan.weight {
        Some(w) => columns[w.index].iter().map(|v| v * w.scale).collect(),
        None => vec![1.0; kept.len()],
    };

    let rows = Rows {
        lines: &lines,
        columns: &columns,
        weights: &weights,
        groups: groups
            .as_ref()
            .map(|(ids, labels)| (ids.as_slice(), labels.as_slice())),
        options: &plan.options,
    };
    // Step 5: each indicator, on every core natively.
    let mut indicators = Vec::with_capacity(plan.indicators.len());
    let mut values = Vec::with_capacity(plan.indicators.len());
    for result in map_in_parallel(&plan.indicators, |planned| analyze_one(planned, &rows)) {
        let (indicator, notes, indicator_values) = result?;
        warnings.extend(notes);
        indicators.push(indicator);
        values.push(indicator_values);
    }

    // Step 6: the standard judges the rows kept by the filters, like every indicator.
    let standard = match &plan.standard {
        None => None,
        Some(planned) => {
            let schools = standards::schools_from_rows(ingested, &kept, planned.level)?;
            warnings.extend(schools.warnings.iter().map(|w| Warning {
                code: w.code,
                indicator: None,
                line: w.line,
                zh: w.text.zh.clone(),
                en: w.text.en.clone(),
            }));
            let prepared = standards::prepare(&schools.schools, &planned.options);
            Some(StandardSection {
                evaluation: standards::evaluate_prepared_with(
                    &planned.standard,
                    &prepared,
                    &planned.options,
                    planned.county.as_ref(),
                ),
                plan: standards::plan(&planned.standard, &prepared, &planned.options),
                missing_cells: standards::from_table::missing_cells(
                    ingested,
                    &in_scope_rows(table, &kept, &prepared),
                    &standards::numerators(&planned.standard, &planned.options),
                ),
            })
        }
    };

    let report = Report {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        source: echo::source(&table.source, county::detect(table, &kept, &config.county)),
        weight: plan.weight.map(|w| table.headers[w.index].clone()),
        group: plan.group.map(|g| table.headers[g].clone()),
        filters: plan.filter_echo.clone(),
        options: OptionsEcho {
            median_rule: median_rule_id(plan.options.median_rule),
            weight_source: plan.weight_source,
            indicator_source: plan.indicator_source,
            std_denominator: "population",
        },
        indicators,
        warnings,
        standard,
    };
    Ok(Analysis { report, values })
}

/// The kept rows (indices into the table) of the school sections `prepared` evaluates.
fn in_scope_rows(table: &Table, kept: &[usize], prepared: &standards::Prepared) -> Vec<usize> {
    let lines: std::collections::BTreeSet<u64> = prepared.sections.iter().map(|s| s.line).collect();
    kept.iter()
        .copied()
        .filter(|&r| lines.contains(&table.rows[r].line))
        .collect()
}
