//! The last steps of ingestion again, on a slice of a file (a county's rows, a year's rows):
//! what a file of those rows alone would give, for the steps that look at the rows' contents.
//! `crate::slices` cuts the file; this module finishes each cut.
//!
//! Decided per file, as the whole file was read (the layout and the columns are the file's):
//! the encoding, delimiter, header rows, title, labelled summary, note and section rows, the
//! mapping and the units of the headers, each column's separators and cell units, merged
//! cells, sums of rows that cross slices, and grouping cells merged down (filled within a
//! county and year, `shape::fill_down`).
//!
//! Decided per slice, on the slice's rows alone, as for a file of its own: rows that are sums
//! of the slice's rows above them (a county's subtotal, or a total written first), the 万元
//! guess of a money column, unknown 学段 and 城乡分类 values, schools entered twice, and the
//! rows given a level by section rows.
//!
//! The file's other issues go with the slices whose rows they name: a ragged row, a range of
//! merged cells, the cells a column's separators or units left out (the issue of the column
//! as the file has it), the rows under a reordered second header.

use super::mapping::{money_unit_guess, Mapping};
use super::table::Table;
use super::{categories, duplicates, subtotals, Ingested};
use crate::error::Issue;

/// Finishes `table`, a slice of a file whose mapping is `mapping` and whose issues are
/// `file_issues`. `table.source` is the file's, with the slice's row count and, in `skipped`,
/// only the rows this step leaves out; `table.source.slice` says which slice it is.
pub(crate) fn finish(mut table: Table, mapping: &Mapping, file_issues: &[Issue]) -> Ingested {
    // The rows are a part of the file's, in file order: their lines ascend.
    let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
    let has = |line: u64| lines.binary_search(&line).is_ok();
    let last = lines.last().copied().unwrap_or(0);
    table.source.skipped.clear();
    table.source.data_rows = table.rows.len();
    subtotals::skip(&mut table, mapping);
    let mut issues: Vec<Issue> = file_issues
        .iter()
        .filter(|issue| match issue {
            Issue::RaggedRow { line, .. } => has(*line),
            Issue::AmbiguousNumbers { lines, .. }
            | Issue::CellUnitMismatch { lines, .. }
            | Issue::MergedNumber { lines, .. } => lines.iter().any(|&l| has(l)),
            Issue::HeaderReordered { line, .. } => last > *line,
            Issue::MoneyUnitGuess { .. }
            | Issue::UnknownCategory { .. }
            | Issue::DuplicateSchool { .. }
            | Issue::LevelFromSections { .. } => false,
            _ => true,
        })
        .cloned()
        .collect();
    issues.extend(money_unit_guess(&table, mapping));
    issues.extend(categories::unknown_categories(&table, mapping));
    issues.extend(duplicates::duplicate_schools(&table, mapping));
    if let Some(section) = table.source.section_column {
        let rows = table
            .rows
            .iter()
            .filter(|r| !r.cells[section].is_empty())
            .count();
        if file_issues
            .iter()
            .any(|i| matches!(i, Issue::LevelFromSections { .. }))
        {
            issues.push(Issue::LevelFromSections { rows });
        }
    }
    Ingested {
        table,
        mapping: mapping.clone(),
        issues,
    }
}
