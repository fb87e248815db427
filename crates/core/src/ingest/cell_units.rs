//! Units written in cells against the unit of their column.
//!
//! A cell may carry its own unit (`412000元`, `3200㎡`, `35人`). The cell's unit wins over the
//! header's and is converted once, into the column's unit: `412000元` in a column headed
//! 教学仪器设备值（万元） becomes `41.2`, which the column's scale (× 10 000) brings back to 412 000
//! yuan, by every path alike (the analysis reads cells with the column's scale, the standards
//! with the field's). A unit that cannot belong to the column (元 or % in an area column, 万册
//! in a pupils column) leaves the number unknown: the cell is cleared (missing) and named in one
//! [`Issue::CellUnitMismatch`] per column. O(cells); only cells that end in something other
//! than a digit are parsed.

use super::mapping::{match_header, Detection, Mapping};
use super::number::{fold_width, parse_quantity, Number, MAX_NUMBER_BYTES};
use super::table::{CellText, Table};
use crate::error::Cell;
use crate::fields::{Field, Unit};
use crate::issue::{Issue, MAX_LINES};

/// What a unit measures, finer than [`Unit`]: books are counted, but not in persons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Area,
    Money,
    Persons,
    Books,
    /// Computers, rooms, classes.
    Things,
    /// 个, 所: any count.
    AnyCount,
}

fn kind_of_unit(text: &str) -> Option<Kind> {
    Some(match text {
        "万平方米" | "平方米" | "平方" | "平米" | "m²" | "m2" | "㎡" => Kind::Area,
        "亿元" | "万元" | "千元" | "元" | "yuan" => Kind::Money,
        "万人" | "人" | "名" => Kind::Persons,
        "万册" | "册" => Kind::Books,
        "台" | "间" | "套" | "班" => Kind::Things,
        "个" | "所" => Kind::AnyCount,
        _ => return None,
    })
}

fn kind_of_field(field: Field) -> Option<Kind> {
    match field.unit() {
        Unit::Text => None,
        Unit::Persons => Some(Kind::Persons),
        Unit::SquareMetres => Some(Kind::Area),
        Unit::Yuan => Some(Kind::Money),
        Unit::Count if field == Field::Books => Some(Kind::Books),
        Unit::Count => Some(Kind::Things),
    }
}

fn fits(column: Kind, cell: Kind) -> bool {
    column == cell
        || (cell == Kind::AnyCount && matches!(column, Kind::Persons | Kind::Books | Kind::Things))
}

/// The unit a person reads for a column of `kind`, when its header names none.
fn base_unit(kind: Kind) -> &'static str {
    match kind {
        Kind::Area => "平方米",
        Kind::Money => "元",
        Kind::Persons => "人",
        Kind::Books => "册",
        Kind::Things | Kind::AnyCount => "个",
    }
}

/// A column's kind, its scale to the base unit, and its unit as written.
fn column_unit(table: &Table, mapping: &Mapping, column: usize) -> Option<(Kind, f64, String)> {
    if let Some(field) = mapping.field_of(column) {
        let mapped = mapping.get(field)?;
        let kind = kind_of_field(field)?;
        let written = match &mapped.detection {
            Detection::Header { unit: Some(u) } | Detection::UnitLine { unit: u, .. } => u.clone(),
            _ => base_unit(kind).to_string(),
        };
        return Some((kind, mapped.scale, written));
    }
    let unit = match_header(table.headers.get(column)?).unit?;
    Some((kind_of_unit(&unit.text)?, unit.scale, unit.text))
}

/// Converts each cell that carries a unit into the number in its column's unit, or clears it
/// when the unit cannot belong to the column.
pub(super) fn convert(table: &mut Table, mapping: &Mapping, issues: &mut Vec<Issue>) {
    // Cells are trimmed when the rows are shaped: the last byte tells a digit.
    let ends_otherwise = |cell: &CellText| {
        cell.len() <= MAX_NUMBER_BYTES
            && cell.as_bytes().last().is_some_and(|b| !b.is_ascii_digit())
    };
    // Columns whose every cell ends in a digit (most of them) have no unit to read: found in
    // one pass over the rows, whose cells lie together.
    let mut candidates = vec![false; table.headers.len()];
    for row in &table.rows {
        for (flag, cell) in candidates.iter_mut().zip(&row.cells) {
            *flag = *flag || ends_otherwise(cell);
        }
    }
    let columns = (0..candidates.len()).filter(|&c| candidates[c]);
    for column in columns.collect::<Vec<_>>() {
        if Some(column) == table.source.section_column {
            continue;
        }
        let Some((kind, scale, written)) = column_unit(table, mapping, column) else {
            continue;
        };
        let mut refused: Vec<(u64, String)> = Vec::new();
        let mut count = 0;
        for row in &mut table.rows {
            let Some(cell) = row.cells.get_mut(column) else {
                continue;
            };
            if !ends_otherwise(cell) {
                continue;
            }
            let folded = fold_width(cell);
            let percent = folded.trim_end().ends_with('%');
            let q = parse_quantity(cell, false);
            let Number::Value(v) = q.number else {
                continue;
            };
            let suffix = super::number::cell_unit_suffix(folded.trim().to_lowercase().as_str())
                .map(|(s, _)| s);
            let cell_kind = suffix.and_then(kind_of_unit);
            let converted = match (q.cell_scale, cell_kind, percent) {
                (Some(cell_scale), Some(cell_kind), false) if fits(kind, cell_kind) => {
                    // Multiplying by a whole power of ten, or dividing by one: the one rounding
                    // of a correctly rounded operation.
                    Some(if cell_scale >= scale {
                        v * (cell_scale / scale)
                    } else {
                        v / (scale / cell_scale)
                    })
                }
                (None, None, false) => continue,
                _ => None,
            };
            match converted {
                Some(x) => *cell = CellText::from(x.to_string()),
                None => {
                    count += 1;
                    if refused.len() < MAX_LINES {
                        refused.push((row.line, cell.to_string()));
                    }
                    *cell = CellText::default();
                }
            }
        }
        if let Some((line, text)) = refused.first().cloned() {
            issues.push(Issue::CellUnitMismatch {
                cell: Cell {
                    line,
                    column,
                    header: table.headers.get(column).cloned(),
                },
                text,
                expected: written,
                lines: refused.iter().map(|(l, _)| *l).collect(),
                count,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read, ReadOptions};

    fn cells(csv: &str, column: usize) -> (Vec<String>, Vec<Issue>) {
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        let cells = ingested
            .table
            .rows
            .iter()
            .map(|r| r.cells[column].to_string())
            .collect();
        (cells, ingested.issues)
    }

    #[test]
    fn a_cell_unit_is_converted_into_the_column_unit_once() {
        let (got, issues) = cells(
            "学校名称,在校学生数,教学仪器设备值（万元）\n一小,1000,59.7\n二小,800,412000元\n三小,600,35.5万元\n四小,500,—\n",
            2,
        );
        assert_eq!(got, ["59.7", "41.2", "35.5", "—"]);
        assert!(issues.is_empty(), "{issues:?}");
    }

    #[test]
    fn a_unit_of_another_kind_is_left_out_and_named() {
        let (got, issues) = cells(
            "学校名称,在校学生数,教学及辅助用房面积（平方米）\n一小,100,500\n二小,200,1200元\n三小,400,85%\n四小,300,2400㎡\n",
            2,
        );
        assert_eq!(got, ["500", "", "", "2400"]);
        let Issue::CellUnitMismatch {
            cell,
            text,
            expected,
            lines,
            count,
        } = &issues[0]
        else {
            panic!("{issues:?}");
        };
        assert_eq!((cell.line, cell.column, text.as_str()), (3, 2, "1200元"));
        assert_eq!(
            (expected.as_str(), lines.as_slice(), *count),
            ("平方米", &[3, 4][..], 2)
        );
        let (got, issues) = cells("学校名称,在校学生数\n一小,1万册\n二小,35人\n三小,12个\n", 1);
        assert_eq!(got, ["", "35", "12"]);
        assert_eq!(issues.len(), 1);
    }
}
