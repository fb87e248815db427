//! Step 3, the plan: a configuration checked against a table, every name resolved to a column
//! and every indicator to its terms. Made by `validate.rs` only; `mod.rs` runs it.

use crate::expr::Op;
use crate::fields::Field;
use crate::ingest::{Ingested, Table};
use crate::measures::Options;
use crate::report::{FilterEcho, Warning};
use crate::standards::{self, Level};
use crate::Lang;

use super::national::NATIONAL_INDICATORS;

/// A column of the table and the factor that brings its cells to base units (万元 → 元).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ColumnRef {
    pub(super) index: usize,
    pub(super) scale: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Term {
    Column(ColumnRef),
    Number(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlannedIndicator {
    pub(super) name: String,
    pub(super) label_zh: Option<&'static str>,
    pub(super) label_en: Option<&'static str>,
    /// A national indicator: a resource count over pupils, never negative, so a negative value
    /// is an error in the data and the school is left out (docs/domain.md §3.3). An indicator
    /// the user names may be negative (a change, a balance) and keeps such values.
    pub(super) national: bool,
    pub(super) expr: String,
    pub(super) formula: String,
    pub(super) first: Term,
    pub(super) rest: Vec<(Op, Term)>,
}

impl PlannedIndicator {
    /// The name a message shows: the national name of a standard indicator in the message's
    /// language (never its internal id), else the name the user gave.
    pub(super) fn display_name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => self.label_zh,
            Lang::En => self.label_en,
        }
        .unwrap_or(&self.name)
    }

    pub(super) fn terms(&self) -> impl Iterator<Item = &Term> {
        std::iter::once(&self.first).chain(self.rest.iter().map(|(_, t)| t))
    }
}

/// A configuration checked against a table: every name resolved to a column. Made by
/// [`AnalysisConfig::validate`](super::AnalysisConfig::validate) only.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub(super) indicators: Vec<PlannedIndicator>,
    pub(super) indicator_source: &'static str,
    pub(super) weight: Option<ColumnRef>,
    pub(super) weight_source: &'static str,
    pub(super) group: Option<usize>,
    /// Filtered columns, each with the values it may hold, in the order first given.
    pub(super) filters: Vec<(usize, Vec<String>)>,
    pub(super) filter_echo: Vec<FilterEcho>,
    pub(super) options: Options,
    pub(super) warnings: Vec<Warning>,
    pub(super) standard: Option<PlannedStandard>,
}

impl Plan {
    /// The rows the filters keep (indices into `table.rows`, the table the plan was validated
    /// against), in file order.
    pub fn kept_rows(&self, table: &Table) -> Vec<usize> {
        (0..table.rows.len())
            .filter(|&r| {
                self.filters.iter().all(|(column, values)| {
                    let cell = table.rows[r].cells.get(*column).map_or("", |c| c.trim());
                    values.iter().any(|v| v == cell)
                })
            })
            .collect()
    }
}

/// The standard resolved by [`AnalysisConfig::validate`].
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlannedStandard {
    pub(super) standard: standards::Standard,
    pub(super) options: standards::Options,
    pub(super) level: Option<Level>,
    /// The county's values matched with the standard's items, when given.
    pub(super) county: Option<standards::CountyValues>,
}

/// The column of a name: a header (trimmed, exact), else a canonical field id.
pub(super) fn resolve_column(ingested: &Ingested, name: &str) -> Option<ColumnRef> {
    if let Some(index) = ingested.table.column(name) {
        return Some(ColumnRef { index, scale: 1.0 });
    }
    Field::from_id(name.trim()).and_then(|field| field_column(ingested, field))
}

/// The column mapped to a canonical field, with the factor to its base unit (万元 → 元).
pub(super) fn field_column(ingested: &Ingested, field: Field) -> Option<ColumnRef> {
    ingested.mapping.get(field).map(|m| ColumnRef {
        index: m.column,
        scale: m.scale,
    })
}

/// The expression with resolved headers and unit factors, itself a valid expression.
pub(super) fn formula(table: &Table, first: Term, rest: &[(Op, Term)]) -> String {
    let term = |op: Op, t: Term| match t {
        Term::Number(v) => v.to_string(),
        Term::Column(c) if c.scale == 1.0 => format!("[{}]", table.headers[c.index]),
        Term::Column(c) => {
            let op = if op == Op::Div { '/' } else { '*' };
            format!("[{}]{op}{}", table.headers[c.index], c.scale)
        }
    };
    let mut out = term(Op::Mul, first);
    for (op, t) in rest {
        out.push(if *op == Op::Div { '/' } else { '*' });
        out.push_str(&term(*op, *t));
    }
    out
}

/// The standard indicators whose fields the headers name; a warning for each one left out.
pub(super) fn standard_indicators(
    ingested: &Ingested,
    warnings: &mut Vec<Warning>,
) -> Vec<PlannedIndicator> {
    let table = &ingested.table;
    let Some(students) = field_column(ingested, Field::Students) else {
        return Vec::new();
    };
    let mut planned = Vec::new();
    let mut unavailable = Vec::new();
    for standard in &NATIONAL_INDICATORS {
        let Some(numerator) = field_column(ingested, standard.numerator) else {
            unavailable.push(standard);
            continue;
        };
        let mut rest = vec![(Op::Div, Term::Column(students))];
        if standard.per_100 {
            rest.push((Op::Mul, Term::Number(100.0)));
        }
        let first = Term::Column(numerator);
        planned.push(PlannedIndicator {
            name: standard.id.to_string(),
            label_zh: Some(standard.label_zh),
            label_en: Some(standard.label_en),
            national: true,
            expr: format!(
                "{}/{}{}",
                standard.numerator.id(),
                Field::Students.id(),
                if standard.per_100 { "*100" } else { "" }
            ),
            formula: formula(table, first, &rest),
            first,
            rest,
        });
    }
    if !planned.is_empty() {
        for standard in unavailable {
            let field = standard.numerator;
            warnings.push(Warning {
                code: "standard_indicator_unavailable",
                indicator: Some(standard.id.to_string()),
                line: None,
                zh: format!(
                    "未计算“{}”：表头中没有“{}”列。",
                    standard.label_zh,
                    field.name_zh()
                ),
                en: format!(
                    "“{}” not computed: no column for {} ({}).",
                    standard.label_en,
                    field.name_en(),
                    field.name_zh()
                ),
            });
        }
    }
    planned
}

/// Every numeric column but the weight, the group, the school code and the year (a CV of years
/// means nothing), as its own indicator.
pub(super) fn numeric_columns(
    ingested: &Ingested,
    weight: Option<ColumnRef>,
    group: Option<usize>,
    warnings: &mut Vec<Warning>,
) -> Vec<PlannedIndicator> {
    let table = &ingested.table;
    let code = field_column(ingested, Field::SchoolCode).map(|c| c.index);
    let year = field_column(ingested, Field::Year).map(|c| c.index);
    let numeric: Vec<usize> = (0..table.headers.len())
        .filter(|&c| {
            Some(c) != weight.map(|w| w.index)
                && Some(c) != group
                && Some(c) != code
                && Some(c) != year
                && crate::profile::is_numeric(table, c)
        })
        .collect();
    if numeric.len() > MAX_NUMERIC_COLUMNS {
        warnings.push(numeric_columns_capped(numeric.len()));
    }
    numeric
        .into_iter()
        .take(MAX_NUMERIC_COLUMNS)
        .map(|index| {
            let first = Term::Column(ColumnRef { index, scale: 1.0 });
            PlannedIndicator {
                name: table.headers[index].clone(),
                label_zh: None,
                label_en: None,
                national: false,
                expr: format!("[{}]", table.headers[index]),
                formula: formula(table, first, &[]),
                first,
                rest: Vec::new(),
            }
        })
        .collect()
}

/// Numeric columns analysed when no indicator is named and the headers name no standard one:
/// a school table has dozens; a file of 200 000 columns (a transposed table) would make a
/// report of 200 MB (issue 16). Others can still be named as indicators.
pub const MAX_NUMERIC_COLUMNS: usize = 1000;

fn numeric_columns_capped(n: usize) -> Warning {
    Warning {
        code: "numeric_columns_capped",
        indicator: None,
        line: None,
        zh: format!("表中有 {n} 个数值列，只分析前 {MAX_NUMERIC_COLUMNS} 个。如需其他列，请指定指标（--indicator 或自定义指标）。一行一所学校的表通常只有几十列，请检查表是否横竖颠倒。"),
        en: format!("The table has {n} numeric columns; the first {MAX_NUMERIC_COLUMNS} are analysed. Name others as indicators (--indicator, or a custom indicator). A table of one school per row has a few dozen columns: check that it is not transposed."),
    }
}
