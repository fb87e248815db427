//! Step 4, the columns: each column the plan uses is read once, whatever the number of
//! indicators using it, as numbers (NaN marks a cell that is empty or not a number; such rows
//! are left out before any measure sees them); the group column as indices into its labels.

use crate::fast_hash::FastMap;
use crate::ingest::{parse_number, CellText, Number, Table};
use crate::quote::quote;
use crate::report::Warning;

use super::parallel::{map_in_parallel, parallelism};
use super::plan::{Plan, Term};

/// The columns the plan reads numbers from (each indicator's terms, then the weight), each
/// once, in order of first use.
pub(super) fn used(plan: &Plan) -> Vec<usize> {
    let mut used: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let terms = plan.indicators.iter().flat_map(|i| i.terms());
    let indices = terms.filter_map(|t| match t {
        Term::Column(c) => Some(c.index),
        Term::Number(_) => None,
    });
    for column in indices.chain(plan.weight.map(|w| w.index)) {
        if seen.insert(column) {
            used.push(column);
        }
    }
    used
}

/// The `used` columns' cells of the `kept` rows as numbers, indexed by column (empty for a
/// column no indicator uses: no hashing per cell read); a warning for each column with cells
/// that are not numbers, in the order of `used`.
pub(super) fn numbers(
    table: &Table,
    kept: &[usize],
    used: &[usize],
    warnings: &mut Vec<Warning>,
) -> Vec<Vec<f64>> {
    // Row by row: a row's cells lie together in memory, so one pass over the rows reading
    // every used cell misses the cache far less than one pass per column. Natively the columns
    // are shared among the cores, each making its own pass; each column is written once, at
    // its final size.
    let per_pass = used.len().div_ceil(parallelism()).max(1);
    let passes: Vec<&[usize]> = used.chunks(per_pass).collect();
    let parsed = map_in_parallel(&passes, |pass| {
        let mut values: Vec<Vec<f64>> = pass
            .iter()
            .map(|_| Vec::with_capacity(kept.len()))
            .collect();
        let mut invalid: Vec<Vec<(u64, &str)>> = vec![Vec::new(); pass.len()];
        for &r in kept {
            let row = &table.rows[r];
            for (k, &column) in pass.iter().enumerate() {
                let cell = row.cells.get(column).map_or("", CellText::as_str);
                values[k].push(match parse_number(cell) {
                    Number::Value(v) => v,
                    Number::Missing => f64::NAN,
                    Number::Invalid => {
                        invalid[k].push((row.line, cell));
                        f64::NAN
                    }
                });
            }
        }
        pass.iter()
            .copied()
            .zip(values.into_iter().zip(invalid))
            .collect::<Vec<_>>()
    });
    let mut columns: Vec<Vec<f64>> = vec![Vec::new(); table.headers.len()];
    for (column, (values, invalid)) in parsed.into_iter().flatten() {
        if !invalid.is_empty() {
            warnings.push(not_a_number_warning(table, column, &invalid));
        }
        columns[column] = values;
    }
    columns
}

/// The group of each `kept` row as an index into the labels, which are in order of first
/// appearance; a warning when some rows have no group.
pub(super) fn groups(
    table: &Table,
    kept: &[usize],
    column: usize,
    warnings: &mut Vec<Warning>,
) -> (Vec<usize>, Vec<String>) {
    let mut labels: Vec<String> = Vec::new();
    let mut index: FastMap<&str, usize> = FastMap::default();
    let ids: Vec<usize> = kept
        .iter()
        .map(|&r| {
            let cell = table.rows[r].cells.get(column).map_or("", |c| c.trim());
            *index.entry(cell).or_insert_with(|| {
                labels.push(cell.to_string());
                labels.len() - 1
            })
        })
        .collect();
    if labels.iter().any(String::is_empty) {
        let header = &table.headers[column];
        warnings.push(Warning {
            code: "empty_group",
            indicator: None,
            line: None,
            zh: format!(
                "有些学校的“{header}”为空，它们归入名为空（\"\"）的一组。",
                header = quote(header)
            ),
            en: format!(
                "Some schools have no “{header}”; they form a group named \"\".",
                header = quote(header)
            ),
        });
    }
    (ids, labels)
}

/// One warning per column with cells that are not numbers, quoting the first three.
fn not_a_number_warning(table: &Table, column: usize, invalid: &[(u64, &str)]) -> Warning {
    let header = &table.headers[column];
    let letter = crate::error::column_letter(column);
    let examples_zh: Vec<String> = invalid
        .iter()
        .take(3)
        .map(|(line, text)| format!("第 {line} 行“{text}”", text = quote(text)))
        .collect();
    let examples_en: Vec<String> = invalid
        .iter()
        .take(3)
        .map(|(line, text)| format!("line {line} “{text}”", text = quote(text)))
        .collect();
    let n = invalid.len();
    Warning {
        code: "not_a_number",
        indicator: None,
        line: invalid.first().map(|(line, _)| *line),
        zh: format!(
            "“{header}”列（{letter}）有 {n} 个单元格不是数字（{}），这些学校未计入用到该列的指标。请改为数字，如 1204。",
            examples_zh.join("，"),
            header = quote(header)
        ),
        en: format!(
            "Column “{header}” ({letter}) has {n} cells that are not numbers ({}); those schools are left out of the indicators using it. Write numbers such as 1204.",
            examples_en.join(", "),
            header = quote(header)
        ),
    }
}
