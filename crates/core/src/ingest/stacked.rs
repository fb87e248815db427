//! Stacked tables: a second header row further down the data (two tables pasted one under the
//! other, or a page header repeated with its columns moved). A row of the first header's
//! columns in another order re-maps the rows below it; a row of other columns starts another
//! table, which is refused ([`crate::Error::StackedHeaders`]) rather than read in the first
//! header's order.

use super::mapping::{match_header, HeaderMatch};
use super::number::{parse_number, Number};
use super::RawRow;
use crate::fast_hash::FastMap;
use crate::fields::Field;

/// The first header, as the rows below a second one are compared with it.
pub(super) struct FirstHeader {
    /// Column names, trimmed (joined `parent/child` for a two-row header).
    texts: Vec<String>,
    /// The field each name matches.
    fields: Vec<Option<Field>>,
    /// The header rows as they appear in the file, trimmed, without trailing empty cells: a
    /// repeated page header is one of them again.
    rows: Vec<Vec<String>>,
}

impl FirstHeader {
    /// The header of `headers` (the layout's names) and its raw rows.
    pub(super) fn new(
        headers: &[String],
        matches: &[HeaderMatch],
        rows: &[&RawRow],
    ) -> FirstHeader {
        FirstHeader {
            texts: headers.iter().map(|h| h.trim().to_string()).collect(),
            fields: matches.iter().map(|m| m.field).collect(),
            rows: rows.iter().map(|r| trimmed(r)).collect(),
        }
    }
}

/// What a header-like row in the data means for the rows below it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Second {
    /// One of the first header's rows again, or its columns in the same places.
    Repeat,
    /// The first header's columns in another order: cell `j` of a row below belongs in column
    /// `order[j]` of the first header (`None` under an empty header cell).
    Reordered(Vec<Option<usize>>),
    /// Columns the first header does not have: another table.
    Other,
}

fn trimmed(row: &RawRow) -> Vec<String> {
    let mut cells: Vec<String> = row.cells.iter().map(|c| c.trim().to_string()).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// Whether `row` is a header row, and what it means, or `None` for a row of data. A header
/// holds no number and names at least two known columns, like the first one must
/// (`header::find_layout`). Rows of data hold numbers and stop at the first.
pub(super) fn second_header(row: &RawRow, first: &FirstHeader) -> Option<Second> {
    // A number (a digit is needed, so most cells are answered without parsing) or a long text
    // says data; this runs on every row.
    // A plain number (digits and a point, as most cells of a data row) is found first
    // without parsing; then any cell that parses as one.
    let plain = |cell: &str| {
        let cell = cell.trim();
        !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let data = |cell: &str| {
        cell.len() > 200
            || (cell.bytes().any(|b| b.is_ascii_digit())
                && matches!(parse_number(cell), Number::Value(_)))
    };
    if row.cells.iter().any(|c| plain(c)) || row.cells.iter().any(|c| data(c)) {
        return None;
    }
    let mut named = 0;
    let fields: Vec<Option<Field>> = row
        .cells
        .iter()
        .map(|cell| {
            let cell = cell.trim();
            if cell.is_empty() {
                return None;
            }
            let found = match_header(cell);
            named += usize::from(found.field.is_some() || found.derived);
            found.field
        })
        .collect();
    if named < 2 {
        return None;
    }
    let cells = trimmed(row);
    if first.rows.contains(&cells) {
        return Some(Second::Repeat);
    }
    // Each named cell to a column of the first header: the same text, else the same field;
    // the first unused one. Columns by text and by field, so that a header of 200 000 columns
    // is matched in linear time, not by a search per cell.
    let mut used = vec![false; first.texts.len()];
    let mut order = vec![None; row.cells.len()];
    let mut by_text: FastMap<&str, Unused> = FastMap::default();
    let mut by_field: FastMap<Field, Unused> = FastMap::default();
    for (i, (text, field)) in first.texts.iter().zip(&first.fields).enumerate() {
        by_text.entry(text.as_str()).or_default().0.push(i);
        if let Some(field) = field {
            by_field.entry(*field).or_default().0.push(i);
        }
    }
    for (j, cell) in cells.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let found = by_text
            .get_mut(cell.as_str())
            .and_then(|u| u.next(&used))
            .or_else(|| {
                fields[j]
                    .and_then(|f| by_field.get_mut(&f))
                    .and_then(|u| u.next(&used))
            });
        let Some(i) = found else {
            return Some(Second::Other);
        };
        used[i] = true;
        order[j] = Some(i);
    }
    let first_named = first.texts.iter().filter(|t| !t.is_empty()).count();
    if used.iter().filter(|u| **u).count() != first_named {
        return Some(Second::Other);
    }
    if order
        .iter()
        .enumerate()
        .all(|(j, i)| i.is_none_or(|i| i == j))
    {
        return Some(Second::Repeat);
    }
    Some(Second::Reordered(order))
}

/// Columns of the first header sharing a text or a field, in order, and how many of them are
/// known to be used: each is passed over once, so the matching stays linear.
#[derive(Default)]
struct Unused(Vec<usize>, usize);

impl Unused {
    /// The first of the columns not yet used.
    fn next(&mut self, used: &[bool]) -> Option<usize> {
        while self.0.get(self.1).is_some_and(|&i| used[i]) {
            self.1 += 1;
        }
        self.0.get(self.1).copied()
    }
}

/// The cells of a row below a reordered header, put in the first header's columns (`width`).
pub(super) fn reorder(
    cells: Vec<super::CellText>,
    order: &[Option<usize>],
    width: usize,
) -> Vec<super::CellText> {
    let mut out = vec![super::CellText::default(); width.max(cells.len())];
    for (j, cell) in cells.into_iter().enumerate() {
        match order.get(j).copied().flatten() {
            Some(i) if i < out.len() => out[i] = cell,
            // Beyond the second header or under an empty header cell: kept in place.
            _ if j < out.len() && out[j].is_empty() => out[j] = cell,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> RawRow {
        RawRow {
            line: 1,
            cells: cells.iter().map(|c| (*c).into()).collect(),
        }
    }

    #[test]
    fn second_headers() {
        let headers: Vec<String> = ["学校名称", "在校学生数", "教学及辅助用房面积（平方米）"]
            .map(String::from)
            .to_vec();
        let raw = row(&["学校名称", "在校学生数", "教学及辅助用房面积（平方米）"]);
        let matches: Vec<HeaderMatch> = headers.iter().map(|h| match_header(h)).collect();
        let first = FirstHeader::new(&headers, &matches, &[&raw]);
        assert_eq!(second_header(&row(&["一小", "100", "500"]), &first), None);
        assert_eq!(second_header(&row(&["一小", "小学", ""]), &first), None);
        assert_eq!(second_header(&raw, &first), Some(Second::Repeat));
        // Synonyms in the same places: the same columns.
        assert_eq!(
            second_header(&row(&["校名", "在校生数", "教学及辅助用房面积"]), &first),
            Some(Second::Repeat)
        );
        assert_eq!(
            second_header(
                &row(&["学校名称", "教学及辅助用房面积（平方米）", "在校学生数"]),
                &first
            ),
            Some(Second::Reordered(vec![Some(0), Some(2), Some(1)]))
        );
        assert_eq!(
            second_header(&row(&["学校名称", "专任教师数", "班级数"]), &first),
            Some(Second::Other)
        );
        // Fewer columns than the first header: another table too.
        assert_eq!(
            second_header(&row(&["学校名称", "在校学生数"]), &first),
            Some(Second::Other)
        );
        let cells = reorder(
            vec!["三小".into(), "3000".into(), "400".into()],
            &[Some(0), Some(2), Some(1)],
            3,
        );
        assert_eq!(cells, ["三小", "400", "3000"]);
    }
}
