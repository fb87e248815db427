//! A mapped column read as numbers in its field's base unit, for the standards' glue.

use super::mapping::Mapping;
use super::number::{parse_quantity, Number};
use super::table::Table;
use crate::error::Cell;
use crate::fields::Field;
use crate::Error;

/// The numbers of one mapped column, scaled to the field's base unit, with their lines.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ColumnValues {
    /// Line and value of each row holding a number.
    pub values: Vec<(u64, f64)>,
    /// Lines of rows whose cell is empty or a placeholder (—, /, 无, #DIV/0!): no data, not 0.
    pub missing: Vec<u64>,
    /// Rows whose cell is not a number, as errors naming line, column and header.
    pub invalid: Vec<Error>,
}

/// Reads the column mapped to `field` as numbers in the field's base unit (a column in 万元
/// becomes yuan). A unit written in a cell (`12万元`) wins over the header's. `None` when the
/// field is not mapped.
pub fn read_column(table: &Table, mapping: &Mapping, field: Field) -> Option<ColumnValues> {
    let mapped = mapping.get(field)?;
    let mut out = ColumnValues::default();
    for (line, text) in table.cells(mapped.column) {
        let q = parse_quantity(text, false);
        match q.number {
            Number::Value(v) => out
                .values
                .push((line, v * q.cell_scale.unwrap_or(mapped.scale))),
            Number::Missing => out.missing.push(line),
            Number::Invalid => out.invalid.push(Error::BadNumber {
                cell: Cell {
                    line,
                    column: mapped.column,
                    header: table.headers.get(mapped.column).cloned(),
                },
                text: text.to_string(),
            }),
        }
    }
    Some(out)
}
