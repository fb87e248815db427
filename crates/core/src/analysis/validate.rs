//! Step 2, validation: [`AnalysisConfig::validate`] is the single place where the options are
//! checked against the table (expressions parsed, columns resolved, filters matched). It gives
//! a [`Plan`].

use crate::expr::{self, Operand};
use crate::fields::Field;
use crate::ingest::{Ingested, Table};
use crate::measures::Options;
use crate::quote::quote;
use crate::report::{FilterEcho, Warning};
use crate::standards::{self, Split};
use crate::Error;

use super::config::{AnalysisConfig, CountyInput, IndicatorSpec, WeightSpec};
use super::plan::{
    field_column, formula, numeric_columns, resolve_column, standard_indicators, Plan,
    PlannedIndicator, PlannedStandard, Term,
};

/// Split weights must be positive and finite.
fn check_standard_options(options: &standards::Options) -> Result<(), Error> {
    if let Split::Weighted { junior, senior } = options.split {
        for (name, w) in [("junior weight", junior), ("senior weight", senior)] {
            if !(w.is_finite() && w > 0.0) {
                return Err(Error::BadOption {
                    option: format!("split {name}"),
                    value: w.to_string(),
                });
            }
        }
    }
    Ok(())
}

impl AnalysisConfig {
    /// Checks every option against the table and resolves every name to a column.
    ///
    /// Errors: an expression that does not parse, a column not in the header row, two
    /// indicators with one name, a filter value found in no row, or nothing to analyze; with a
    /// standard: a standard table that cannot be read ([`Error::Standard`]), split weights that
    /// are not positive ([`Error::BadOption`]), no level column and no `level`
    /// ([`Error::StandardNeedsLevel`]), no students column ([`Error::StandardNeedsStudents`]).
    pub fn validate(&self, ingested: &Ingested) -> Result<Plan, Error> {
        let table = &ingested.table;
        let mut warnings = Vec::new();
        let header_line = table.source.header_row.max(1);
        let lookup = |name: &str, used_in: String, used_in_zh: String| {
            resolve_column(ingested, name).ok_or_else(|| Error::ColumnNotFound {
                name: name.to_string(),
                used_in,
                used_in_zh,
                header_line,
                similar: similar_header(table, name),
            })
        };

        let mut filters: Vec<(usize, Vec<String>)> = Vec::new();
        let mut filter_echo = Vec::new();
        for filter in &self.filters {
            let used_in = format!("filter {}={}", filter.column, filter.value);
            let used_in_zh = format!("筛选条件 {}={}", filter.column, filter.value);
            let column = lookup(&filter.column, used_in, used_in_zh)?.index;
            let value = filter.value.trim().to_string();
            if !table.cells(column).any(|(_, cell)| cell.trim() == value) {
                return Err(Error::FilterMatchesNothing {
                    column: table.headers[column].clone(),
                    letter: crate::error::column_letter(column),
                    value,
                    seen: distinct_values(table, column, 10),
                });
            }
            filter_echo.push(FilterEcho {
                column: table.headers[column].clone(),
                value: value.clone(),
            });
            match filters.iter_mut().find(|(c, _)| *c == column) {
                Some((_, values)) => values.push(value),
                None => filters.push((column, vec![value])),
            }
        }

        let group = match &self.group {
            Some(name) => Some(lookup(name, "the group".into(), "分组".into())?.index),
            None => None,
        };
        let given_weight = match &self.weight {
            WeightSpec::Column(name) => Some(lookup(name, "the weight".into(), "权重".into())?),
            WeightSpec::Auto | WeightSpec::Unweighted => None,
        };

        let plan_spec = |spec: &IndicatorSpec| -> Result<PlannedIndicator, Error> {
            let name = if spec.name.trim().is_empty() {
                spec.expr.trim().to_string()
            } else {
                spec.name.trim().to_string()
            };
            let expr = expr::parse(&spec.expr).map_err(|problem| Error::BadExpression {
                indicator: name.clone(),
                expr: spec.expr.clone(),
                problem,
            })?;
            let resolve = |operand: &Operand| match operand {
                Operand::Number(v) => Ok(Term::Number(*v)),
                Operand::Column(column) => lookup(
                    column,
                    format!("indicator “{name}”"),
                    format!("指标“{name}”"),
                )
                .map(Term::Column),
            };
            let first = resolve(&expr.first)?;
            let mut rest = Vec::new();
            for (op, operand) in &expr.rest {
                rest.push((*op, resolve(operand)?));
            }
            Ok(PlannedIndicator {
                formula: formula(table, first, &rest),
                name,
                label_zh: None,
                label_en: None,
                national: false,
                expr: spec.expr.trim().to_string(),
                first,
                rest,
            })
        };
        let (mut indicators, indicator_source) = if !self.indicators.is_empty() {
            let planned = self
                .indicators
                .iter()
                .map(plan_spec)
                .collect::<Result<Vec<_>, _>>()?;
            (planned, "given")
        } else {
            let standard = standard_indicators(ingested, &mut warnings);
            if standard.is_empty() {
                (
                    numeric_columns(ingested, given_weight, group, &mut warnings),
                    "numeric_columns",
                )
            } else {
                (standard, "standard")
            }
        };
        for spec in &self.extra {
            indicators.push(plan_spec(spec)?);
        }
        if indicators.is_empty() {
            return Err(Error::NoIndicators);
        }
        // A set, not a scan of the names before each: a file may have 200 000 columns.
        let mut names = std::collections::HashSet::with_capacity(indicators.len());
        for a in &indicators {
            if !names.insert(a.name.as_str()) {
                return Err(Error::DuplicateIndicator {
                    name: a.name.clone(),
                });
            }
        }

        let (weight, weight_source) = match (&self.weight, given_weight) {
            (_, Some(column)) => (Some(column), "given"),
            (WeightSpec::Auto, None) if indicator_source == "standard" => {
                let students = field_column(ingested, Field::Students);
                if let Some(column) = students {
                    let header = &table.headers[column.index];
                    warnings.push(Warning {
                        code: "weight_default",
                        indicator: None,
                        line: None,
                        zh: format!("按“{header}”加权：标准指标默认按学生数加权，与国家差异系数公式一致。", header = quote(header)),
                        en: format!("Weighted by “{header}”: standard indicators are pupil-weighted by default, as in the national CV formula.", header = quote(header)),
                    });
                }
                (students, "students_default")
            }
            _ => (None, "none"),
        };

        if let Some(level) = field_column(ingested, Field::Level) {
            if !filters.iter().any(|(c, _)| *c == level.index) {
                let levels = distinct_values(table, level.index, 10);
                if levels.len() > 1 {
                    let header = &table.headers[level.index];
                    warnings.push(Warning {
                        code: "mixed_levels",
                        indicator: None,
                        line: None,
                        zh: format!("表中混有多个学段（{}）。国家差异系数按小学、初中分别计算，请按学段筛选，如 {header}=小学。", quote_each(&levels).join("、"), header = quote(header)),
                        en: format!("The table mixes levels ({}). The national CV is computed separately for 小学 (primary) and 初中 (junior): filter one level, e.g. {header}=小学.", quote_each(&levels).join(", "), header = quote(header)),
                    });
                }
            }
        }

        self.county
            .check()
            .map_err(|(option, value)| Error::BadOption {
                option: option.to_string(),
                value,
            })?;

        let standard = match &self.standard {
            None => None,
            Some(choice) => {
                let standard = choice.load()?;
                check_standard_options(&self.standard_options)?;
                standards::from_table::check_columns(ingested, self.level)?;
                let county = county_values(self.county_values.as_ref(), &standard, &mut warnings)?;
                Some(PlannedStandard {
                    standard,
                    options: self.standard_options,
                    level: self.level,
                    county,
                })
            }
        };

        Ok(Plan {
            standard,
            indicators,
            indicator_source,
            weight,
            weight_source,
            group,
            filters,
            filter_echo,
            options: Options {
                median_rule: self.median_rule,
            },
            warnings,
        })
    }
}

/// The county's values matched with the standard's items: a sheet resolved (its warnings
/// join the report's), values from the page's form checked. A standard without items does not
/// use them, and a warning says so.
fn county_values(
    given: Option<&CountyInput>,
    standard: &standards::Standard,
    warnings: &mut Vec<Warning>,
) -> Result<Option<standards::CountyValues>, Error> {
    let Some(given) = given else {
        return Ok(None);
    };
    if standard.items().is_empty() {
        warnings.push(Warning {
            code: "county_values_unused",
            indicator: None,
            line: None,
            zh: "所选标准没有县级评估项（政府保障程度、教育质量等），县级指标未使用。".into(),
            en: "The standard chosen has no county items (government guarantee, quality, …); the county values were not used.".into(),
        });
        return Ok(None);
    }
    match given {
        CountyInput::Sheet(sheet) => {
            let resolved = sheet.resolve(standard).map_err(Error::CountyValues)?;
            warnings.extend(resolved.warnings);
            Ok(Some(resolved.values))
        }
        CountyInput::Values(values) => {
            values.check(standard).map_err(Error::CountyValues)?;
            Ok(Some(values.clone()))
        }
    }
}

/// A header that contains `name` or that `name` contains, ignoring case, for "did you mean".
pub(crate) fn similar_header(table: &Table, name: &str) -> Option<String> {
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return None;
    }
    table
        .headers
        .iter()
        .find(|h| {
            let h = h.to_lowercase();
            !h.is_empty() && (h.contains(&name) || name.contains(&h))
        })
        .cloned()
}

/// Up to `limit` distinct trimmed non-empty cells of a column, in order of appearance.
fn distinct_values(table: &Table, column: usize, limit: usize) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for (_, cell) in table.cells(column) {
        let cell = cell.trim();
        if !cell.is_empty() && !seen.iter().any(|s| s == cell) {
            seen.push(cell.to_string());
            if seen.len() == limit {
                break;
            }
        }
    }
    seen
}

/// Cell texts quoted for a message ([`quote`]).
fn quote_each(texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| quote(t).into_owned()).collect()
}
