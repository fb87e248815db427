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
            // A scale can make a finite cell overflow (1e305 in a column of 万元): no number.
            Number::Value(v) if (v * q.cell_scale.unwrap_or(mapped.scale)).is_finite() => out
                .values
                .push((line, v * q.cell_scale.unwrap_or(mapped.scale))),
            Number::Missing => out.missing.push(line),
            Number::Value(_) | Number::Invalid => out.invalid.push(Error::BadNumber {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read, ReadOptions};

    #[test]
    fn a_cell_the_column_unit_makes_overflow_is_invalid_not_infinite() {
        // 1e305 in a column of 万元 is 1e309 yuan: an infinite value before the audit.
        let csv = "学校名称,学生数,教学仪器设备值（万元）\n一小,100,1e305\n二小,200,50\n";
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let column =
            read_column(&ingested.table, &ingested.mapping, Field::EquipmentValue).unwrap();
        assert_eq!(column.values, [(3, 500_000.0)]);
        assert_eq!(column.invalid.len(), 1);
        assert!(matches!(&column.invalid[0], Error::BadNumber { cell, .. } if cell.line == 2));
    }
}
