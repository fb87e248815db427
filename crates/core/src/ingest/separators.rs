//! Thousands and decimal separators, decided per column rather than per cell.
//!
//! `1,200` is twelve hundred in a Chinese file and 1.2 in a German one; `12 5` is nothing. A
//! column tells which it uses: a cell such as `12,5` or `1234,56` (one, two or four-plus
//! digits after the comma) can only be a decimal comma, `12.5` or `1,234,567` only a decimal
//! point. Only digit groups of exactly three after a comma or a space are read as thousands.
//!
//! - A column is read with a decimal comma when it has cells that can only be decimal commas,
//!   none that can only be decimal points, and no other column of the file writes a decimal
//!   point; a column with neither kind of cell follows the file (a decimal-comma file reads
//!   `1.718` as 1718); the user may force it ([`super::ReadOptions::decimal_comma`]).
//! - Otherwise with a decimal point: `1,234` is 1234, and a cell that can only be a decimal
//!   comma (`"500,5"` quoted in a comma file) is inconsistent with the column or the file.
//! - A column of pupils, teachers or other counts holds whole numbers: `1,234` there is 1234
//!   even in a decimal-comma file.
//! - A cell whose separators fit no reading (`12 5`, `1,23,4`) or the other convention is left
//!   out: cleared, so that every path reads it as missing, and listed in one
//!   [`Issue::AmbiguousNumbers`] per column naming its lines.
//!
//! Cells read with a decimal comma are rewritten with a point (`12,5` → `12.5`), so the rest of
//! the engine reads every cell the one way (`number::parse_quantity` without a decimal
//! comma). O(cells), and only the columns holding a comma or an inner space are looked at
//! closely.

use super::mapping::Mapping;
use super::number::{cell_unit_suffix, fold_width};
use super::table::{CellText, Table};
use crate::error::Cell;
use crate::fields::{Field, Unit};
use crate::issue::{Issue, MAX_LINES};

/// How a cell's separators can be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// No separator to decide (digits), or not a number at all (text, an exponent form): left
    /// as it is.
    Plain,
    /// Digits grouped by spaces in threes (`1 234`): thousands.
    Spaced,
    /// Only a decimal point fits: `12.5`, `1234.567`, `1,234.5`, `1,234,567`.
    Point,
    /// Only a decimal comma fits: `12,5`, `1234,567`, `1.234,5`, `1.234.567`.
    Comma,
    /// `1,234`: thousands, or a decimal comma with three decimals.
    CommaThree,
    /// `1.234`: a decimal point with three decimals, or point thousands.
    PointThree,
    /// No reading fits: `12 5`, `1,23,4`, `1.2,3.4`.
    Broken,
}

/// The reading a column settles on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Convention {
    Point,
    Comma,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\'')
}

/// Cells longer than this are no number whose separators need deciding.
const MAX_CELL: usize = 64;

/// Whether a cell needs a closer look: a comma, or a space or apostrophe inside it. Bytes are
/// searched: every such character starts with a byte of its own (`，` EF BC 8C, no-break space
/// C2 A0, thin spaces E2 80 89 / E2 80 AF).
fn has_separator(cell: &str) -> bool {
    // Cells are trimmed when the rows are shaped.
    let bytes = cell.as_bytes();
    bytes.len() <= MAX_CELL
        && bytes
            .iter()
            .any(|b| matches!(b, b',' | b' ' | b'\'' | 0xC2 | 0xE2 | 0xEF))
}

/// The number part of a cell (sign, currency, unit and % removed), if it is made of digits and
/// separators only.
fn number_part(cell: &str) -> Option<String> {
    if cell.len() > MAX_CELL {
        return None;
    }
    let folded = fold_width(cell);
    let mut body = folded.trim();
    if let Some((_, rest)) = cell_unit_suffix(body) {
        body = rest;
    }
    let body = body.trim_end().strip_suffix('%').unwrap_or(body).trim();
    let body = body.trim_start_matches(['+', '-', '¥', '￥']).trim();
    let ok = body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body.chars().last().is_some_and(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c));
    ok.then(|| body.to_string())
}

/// How the separators of `cell` can be read.
fn shape(cell: &str) -> Shape {
    let Some(body) = number_part(cell) else {
        return Shape::Plain;
    };
    // Digit runs and the separator before each.
    let mut runs: Vec<(Option<char>, usize)> = Vec::new();
    let mut previous: Option<char> = None;
    let mut length = 0;
    for c in body.chars() {
        if c.is_ascii_digit() {
            length += 1;
            continue;
        }
        if length == 0 {
            // Two separators in a row.
            return Shape::Broken;
        }
        runs.push((previous, length));
        previous = Some(if is_group_space(c) { ' ' } else { c });
        length = 0;
    }
    runs.push((previous, length));
    let separators: Vec<char> = runs.iter().filter_map(|r| r.0).collect();
    let spaces = separators.iter().filter(|c| **c == ' ').count();
    let marks: Vec<char> = separators.iter().copied().filter(|c| *c != ' ').collect();
    let head = runs[0].1;
    let groups_of_three = |from: usize, to: usize| runs[from..to].iter().all(|r| r.1 == 3);
    // Spaces group thousands only: three digits after each, and before any mark.
    if spaces > 0 {
        let last_space = runs.iter().rposition(|r| r.0 == Some(' ')).unwrap_or(0);
        let first_mark = runs.iter().position(|r| matches!(r.0, Some(',' | '.')));
        if head > 3
            || !groups_of_three(1, last_space + 1)
            || first_mark.is_some_and(|m| m < last_space)
        {
            return Shape::Broken;
        }
        return match (marks.as_slice(), runs.last().map(|r| r.1)) {
            ([], _) => Shape::Spaced,
            ([','], Some(3)) => Shape::CommaThree,
            (['.'], Some(3)) => Shape::PointThree,
            ([','], _) => Shape::Comma,
            (['.'], _) => Shape::Point,
            _ => Shape::Broken,
        };
    }
    let tail = runs.last().map_or(0, |r| r.1);
    match marks.as_slice() {
        [] => Shape::Plain,
        [','] if tail == 3 && head <= 3 => Shape::CommaThree,
        [','] => Shape::Comma,
        ['.'] if tail == 3 && head <= 3 => Shape::PointThree,
        ['.'] => Shape::Point,
        _ => {
            let Some((&last, before)) = marks.split_last() else {
                return Shape::Broken;
            };
            if before.iter().all(|c| *c == last) {
                // 1,234,567 or 1.234.567: one mark repeated between groups of three.
                match (head <= 3 && groups_of_three(1, runs.len()), last) {
                    (true, ',') => Shape::Point,
                    (true, _) => Shape::Comma,
                    (false, _) => Shape::Broken,
                }
            } else if before.iter().all(|c| *c != last)
                && head <= 3
                && groups_of_three(1, runs.len() - 1)
            {
                // 1,234.5 or 1.234,5: the last mark is the decimal one.
                if last == '.' {
                    Shape::Point
                } else {
                    Shape::Comma
                }
            } else {
                Shape::Broken
            }
        }
    }
}

/// The number of a cell read with `convention`, as text with a decimal point and the cell's
/// unit suffix kept; `None` when the cell is left out.
fn rewrite(cell: &str, shape: Shape, convention: Convention, whole: bool) -> Option<String> {
    let comma_decimal = match (shape, convention) {
        (Shape::Plain | Shape::Spaced, _) => false,
        (Shape::Broken, _) => return None,
        (Shape::Point, Convention::Point) => false,
        (Shape::Point, Convention::Comma) => return None,
        (Shape::Comma, Convention::Comma) => true,
        (Shape::Comma, Convention::Point) => return None,
        (Shape::CommaThree, _) if whole => false,
        (Shape::CommaThree, Convention::Comma) => true,
        (Shape::CommaThree, Convention::Point) => false,
        (Shape::PointThree, Convention::Comma) => true,
        (Shape::PointThree, Convention::Point) => false,
    };
    let (thousands, decimal) = if comma_decimal {
        ('.', ',')
    } else {
        (',', '.')
    };
    let folded = fold_width(cell);
    let mut out = String::with_capacity(folded.len());
    for c in folded.trim().chars() {
        match c {
            c if c == decimal => out.push('.'),
            c if c == thousands || is_group_space(c) => {}
            c => out.push(c),
        }
    }
    Some(out)
}

/// Decides each column's separators and rewrites or clears its cells. Returns whether a column
/// was read with a decimal comma. `forced`: the user's choice of decimal comma, if any.
pub(super) fn decide(
    table: &mut Table,
    mapping: &Mapping,
    forced: Option<bool>,
    issues: &mut Vec<Issue>,
) -> bool {
    let width = table.headers.len();
    let skip = |column: usize| {
        Some(column) == table.source.section_column
            || mapping
                .field_of(column)
                .is_some_and(|f| f.unit() == Unit::Text)
    };
    let columns: Vec<usize> = (0..width).filter(|&c| !skip(c)).collect();
    let any_cell = |column: usize, test: &dyn Fn(&str) -> bool| {
        table
            .rows
            .iter()
            .any(|r| r.cells.get(column).is_some_and(|cell| test(cell)))
    };
    // Columns with a comma or a space inside a number: the ones whose reading is in doubt.
    // One pass over the rows (their cells lie together), not one per column.
    let mut separated = vec![false; width];
    for row in &table.rows {
        for &c in &columns {
            if !separated[c] && row.cells.get(c).is_some_and(|cell| has_separator(cell)) {
                separated[c] = true;
            }
        }
    }
    let mut busy: Vec<usize> = columns.iter().copied().filter(|&c| separated[c]).collect();
    if busy.is_empty() && forced != Some(true) {
        return false;
    }
    // The file's own convention: a decimal comma when some cell can only be one and none can
    // only be a decimal point (`1.234.567`, `12,5` against `12.5`, `1,234,567`).
    let anywhere = |wanted: Shape| {
        columns.iter().any(|&c| {
            any_cell(c, &|cell: &str| {
                cell.len() <= MAX_CELL && shape(cell) == wanted
            })
        })
    };
    let file_point = anywhere(Shape::Point);
    let file_comma = match forced {
        Some(comma) => comma,
        None => !file_point && anywhere(Shape::Comma),
    };
    // In a decimal-comma file, points are thousands (`1.718` pupils): those columns too.
    if file_comma {
        busy = columns
            .iter()
            .copied()
            // `separated[c]` is `busy.contains(&c)` in O(1): 200 000 columns made it quadratic.
            .filter(|&c| separated[c] || any_cell(c, &|cell: &str| cell.contains('.')))
            .collect();
    }
    let mut any_comma = false;
    for column in busy {
        let whole = mapping.field_of(column).is_some_and(is_count);
        let shapes: Vec<Shape> = table
            .rows
            .iter()
            .map(|r| r.cells.get(column).map_or(Shape::Plain, |c| shape(c)))
            .collect();
        let points = shapes.iter().filter(|s| **s == Shape::Point).count();
        let commas = shapes.iter().filter(|s| **s == Shape::Comma).count();
        let convention = match forced {
            Some(true) => Convention::Comma,
            Some(false) => Convention::Point,
            // A decimal comma must fit the column and the file.
            None if points > 0 || (commas > 0 && file_point) => Convention::Point,
            None if commas > 0 || file_comma => Convention::Comma,
            None => Convention::Point,
        };
        any_comma |= convention == Convention::Comma
            && shapes
                .iter()
                .any(|s| matches!(s, Shape::Comma | Shape::CommaThree | Shape::PointThree));
        let mut left_out: Vec<(u64, String)> = Vec::new();
        let mut count = 0;
        for (row, shape) in table.rows.iter_mut().zip(shapes) {
            let Some(cell) = row.cells.get_mut(column) else {
                continue;
            };
            // Cells that every path already reads as decided.
            let unchanged = shape == Shape::Plain
                || (convention == Convention::Point
                    && matches!(shape, Shape::Point | Shape::PointThree)
                    && !has_separator(cell));
            if unchanged {
                continue;
            }
            match rewrite(cell, shape, convention, whole) {
                Some(text) => *cell = CellText::from(text),
                None => {
                    count += 1;
                    if left_out.len() < MAX_LINES {
                        left_out.push((row.line, cell.to_string()));
                    }
                    *cell = CellText::default();
                }
            }
        }
        if let Some((line, text)) = left_out.first().cloned() {
            issues.push(Issue::AmbiguousNumbers {
                cell: Cell {
                    line,
                    column,
                    header: table.headers.get(column).cloned(),
                },
                text,
                lines: left_out.iter().map(|(l, _)| *l).collect(),
                count,
            });
        }
    }
    any_comma
}

/// Whether a field holds whole numbers (pupils, teachers, classes, rooms, books).
fn is_count(field: Field) -> bool {
    matches!(field.unit(), Unit::Persons | Unit::Count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        use Shape::*;
        let cases = [
            ("12", Plain),
            ("1 234", Spaced),
            ("1 234 567", Spaced),
            ("一小", Plain),
            ("1.5e3", Plain),
            ("1,2O4", Plain),
            ("12.5", Point),
            ("1234.567", Point),
            ("1,234.5", Point),
            ("1,234,567", Point),
            ("1 234.5", Point),
            ("12,5", Comma),
            ("1234,567", Comma),
            ("1.234,5", Comma),
            ("1.234.567", Comma),
            ("1 234,5", Comma),
            ("0,5", Comma),
            ("1,234", CommaThree),
            ("123,456", CommaThree),
            ("1 234,567", CommaThree),
            ("1.234", PointThree),
            ("12 5", Broken),
            ("1,23,4", Broken),
            ("1.2,3.4", Broken),
            ("1,,2", Broken),
            ("1234 567", Broken),
            ("1,200元", CommaThree),
            ("5000,5㎡", Comma),
            ("-1,5", Comma),
            ("12,5%", Comma),
        ];
        for (cell, expected) in cases {
            assert_eq!(shape(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn rewrites() {
        use Convention::*;
        let cases = [
            ("1,200", Shape::CommaThree, Point, false, Some("1200")),
            ("1,200", Shape::CommaThree, Comma, false, Some("1.200")),
            ("1,200", Shape::CommaThree, Comma, true, Some("1200")),
            ("12,5", Shape::Comma, Comma, false, Some("12.5")),
            ("12,5", Shape::Comma, Point, false, None),
            ("1.234,5", Shape::Comma, Comma, false, Some("1234.5")),
            ("1.234", Shape::PointThree, Comma, false, Some("1234")),
            ("1 234", Shape::Spaced, Point, true, Some("1234")),
            ("12 5", Shape::Broken, Point, false, None),
            ("5000,5㎡", Shape::Comma, Comma, false, Some("5000.5㎡")),
        ];
        for (cell, shape, convention, whole, expected) in cases {
            assert_eq!(
                rewrite(cell, shape, convention, whole).as_deref(),
                expected,
                "{cell:?}"
            );
        }
    }
}
