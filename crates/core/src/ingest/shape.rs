//! Row shaping: the data rows cut out of the grid below the header (blank, summary, note,
//! section, repeated-header and code rows left out and listed; rows under a second header with
//! the columns moved put back in the first header's order), padded to the header, a level
//! column added from section rows; after mapping, grouping cells merged down the first columns
//! filled.

use super::categories::SchoolKind;
use super::header;
use super::mapping::{header_key, match_header, HeaderMatch, Mapping};
use super::notes::{note, section};
use super::stacked::{reorder, second_header, FirstHeader, Second};
use super::summary::summary_label;
use super::table::{CellText, Row, Skipped, SourceInfo, Table};
use super::RawRow;
use crate::error::Issue;
use crate::fast_hash::FastMap;
use crate::fields::{Field, Unit};
use crate::quote::quote;
use crate::Error;

fn short(text: &str) -> String {
    quote(text).into_owned()
}

/// Columns whose cells may hold a summary label: every column but those of a numeric field and
/// note columns (备注), whose free text may end in 合计 on a school's row.
fn text_columns(headers: &[String], matches: &[HeaderMatch]) -> Vec<usize> {
    const NOTES: [&str; 5] = ["备注", "说明", "注释", "remark", "note"];
    (0..headers.len())
        .filter(|&j| {
            let numeric = matches[j].field.is_some_and(|f| f.unit() != Unit::Text);
            !numeric && {
                let key = header_key(&headers[j]).0;
                !NOTES.iter().any(|n| key.contains(n))
            }
        })
        .collect()
}

/// Whether `str::trim` would shorten `cell`. Asked of every cell: one that starts and ends
/// with a visible ASCII character (a number, a code) is answered from those two bytes, the
/// others by `trim` itself.
fn has_outer_space(cell: &str) -> bool {
    let visible = |b: Option<&u8>| b.is_some_and(|b| (b'!'..=b'~').contains(b));
    let bytes = cell.as_bytes();
    !(visible(bytes.first()) && visible(bytes.last())) && cell.trim().len() != cell.len()
}

fn skip(line: u64, en: String, zh: String) -> Skipped {
    Skipped {
        line,
        reason: en,
        reason_zh: zh,
    }
}

/// Cuts the data rows out of the grid: drops blank, summary, note, section, repeated-header
/// and code rows (listing all but blank ones), re-maps the rows under a second header whose
/// columns are moved, pads rows to the header, drops trailing empty columns, and adds a level
/// column from section rows.
///
/// Errors: [`Error::StackedHeaders`] for a second header with other columns.
pub(super) fn shape(
    mut grid: Vec<RawRow>,
    layout: &header::Layout,
    mut source: SourceInfo,
    issues: &mut Vec<Issue>,
) -> Result<Table, Error> {
    let header_width = grid[layout.header_index].cells.len();
    let mut headers = layout.headers.clone();
    let width = headers.len();
    source.header_row = grid[layout.header_index].line;
    source.header_lines = layout.header_rows.iter().map(|&i| grid[i].line).collect();
    let mut current_section = None;
    for row in &grid[..layout.header_index] {
        let mut texts: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        texts.dedup();
        if !texts.is_empty() {
            source.title.push((row.line, texts.join(" ")));
        }
        if let Some(kind) = section(row) {
            current_section = Some(kind);
        }
    }
    let header_cells: Vec<String> = grid[layout.header_index]
        .cells
        .iter()
        .map(|c| c.trim().to_string())
        .collect();
    let mut rows: Vec<Row> = Vec::with_capacity(grid.len() - layout.data_start);
    let mut sections: Vec<Option<SchoolKind>> = Vec::with_capacity(rows.capacity());
    let mut any_section = false;
    // Each header matched once: a file may have 200 000 columns.
    let matches: Vec<HeaderMatch> = headers.iter().map(|h| match_header(h)).collect();
    let text_columns = text_columns(&headers, &matches);
    let header_rows: Vec<&RawRow> = layout.header_rows.iter().map(|&i| &grid[i]).collect();
    let first = FirstHeader::new(&headers, &matches, &header_rows);
    let first_line = source.header_row;
    // The second header in force, its line and the rows read under it.
    let mut reordered: Option<(Vec<Option<usize>>, u64, usize)> = None;
    let finish = |reordered: &mut Option<(Vec<Option<usize>>, u64, usize)>,
                  issues: &mut Vec<Issue>| {
        if let Some((_, line, rows)) = reordered.take() {
            issues.push(Issue::HeaderReordered {
                first: first_line,
                line,
                rows,
            });
        }
    };
    for raw in grid.drain(layout.data_start..) {
        if raw.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(text) = note(&raw) {
            source.skipped.push(skip(
                raw.line,
                format!("note under the table “{}”", short(text)),
                format!("表下注释“{}”", short(text)),
            ));
            continue;
        }
        if let Some(word) = summary_label(&raw, &text_columns) {
            source.skipped.push(skip(
                raw.line,
                format!("summary row “{}”, not a school", short(word)),
                format!("汇总行“{}”，不是学校", short(word)),
            ));
            continue;
        }
        if let Some(kind) = section(&raw) {
            current_section = Some(kind);
            any_section = true;
            let text = short(
                raw.cells
                    .iter()
                    .find(|c| !c.trim().is_empty())
                    .map_or("", |c| c),
            );
            source.skipped.push(skip(
                raw.line,
                format!(
                    "section row “{text}”: the rows below are {}",
                    kind.name_zh()
                ),
                format!("分节行“{text}”：以下各行学段为{}", kind.name_zh()),
            ));
            continue;
        }
        let repeats_header = raw.cells.len() == header_cells.len()
            && raw
                .cells
                .iter()
                .zip(&header_cells)
                .all(|(c, h)| c.trim() == h)
            && raw.cells.iter().filter(|c| !c.trim().is_empty()).count() > 1;
        if repeats_header {
            source.skipped.push(skip(
                raw.line,
                "repeated header row".into(),
                "重复的表头行".into(),
            ));
            continue;
        }
        if header::is_code_row(&raw) {
            source.skipped.push(skip(
                raw.line,
                "row of column codes".into(),
                "列代码行".into(),
            ));
            continue;
        }
        match second_header(&raw, &first) {
            None => {}
            Some(Second::Repeat) => {
                finish(&mut reordered, issues);
                source.skipped.push(skip(
                    raw.line,
                    "repeated header row".into(),
                    "重复的表头行".into(),
                ));
                continue;
            }
            Some(Second::Reordered(order)) => {
                finish(&mut reordered, issues);
                source.skipped.push(skip(
                    raw.line,
                    "second header row, columns in another order: the rows below are read in its order".into(),
                    "第二个表头行，列的顺序不同：以下各行按它的顺序读取".into(),
                ));
                reordered = Some((order, raw.line, 0));
                continue;
            }
            Some(Second::Other) => {
                return Err(Error::StackedHeaders {
                    first: source.header_row,
                    second: raw.line,
                });
            }
        }
        let overflow = raw.cells.iter().skip(width).any(|c| !c.trim().is_empty());
        if overflow || raw.cells.len() < header_width.min(width) {
            issues.push(Issue::RaggedRow {
                line: raw.line,
                expected: width,
                found: raw.cells.len(),
            });
        }
        let mut cells = match &mut reordered {
            Some((order, _, rows)) => {
                *rows += 1;
                reorder(raw.cells, order, width)
            }
            None => raw.cells,
        };
        cells.truncate(width);
        for cell in &mut cells {
            if has_outer_space(cell) {
                *cell = CellText::from(cell.trim());
            }
        }
        cells.resize(width, CellText::default());
        rows.push(Row {
            line: raw.line,
            cells,
        });
        sections.push(current_section);
    }
    finish(&mut reordered, issues);
    // Trailing columns with neither a header nor data.
    while headers.last().is_some_and(|h| h.is_empty())
        && rows
            .iter()
            .all(|r| r.cells.last().is_none_or(|c| c.is_empty()))
    {
        headers.pop();
        for row in &mut rows {
            row.cells.pop();
        }
    }
    if any_section {
        source.section_column = Some(headers.len());
        headers.push("学段（分节）".into());
        for (row, kind) in rows.iter_mut().zip(&sections) {
            row.cells
                .push(kind.map_or(CellText::default(), |k| CellText::from(k.name_zh())));
        }
    }
    source.data_rows = rows.len();
    Ok(Table {
        headers,
        rows,
        source,
    })
}

/// Fills empty cells of grouping columns (县, 年份, 学段, 乡镇, 城乡分类, 举办者) left of the
/// school name with the value above: a cell merged down the first column arrives filled only in
/// its top row.
///
/// The county and year columns are filled first; the others then take the value above within
/// the same county and year only, so that a township never runs on from one county into the
/// next, and a county's rows are filled as they would be in a file of their own (`crate::slices`).
pub(super) fn fill_down(table: &mut Table, mapping: &Mapping) {
    let name_column = mapping.get(Field::SchoolName).map_or(1, |m| m.column);
    let section = table.source.section_column;
    let fillable = |field: Field| {
        mapping
            .get(field)
            .map(|m| m.column)
            .filter(|&c| c < name_column && Some(c) != section)
    };
    for field in [Field::County, Field::Year] {
        if let Some(column) = fillable(field) {
            let mut above = CellText::default();
            for row in &mut table.rows {
                if row.cells[column].is_empty() {
                    row.cells[column] = above.clone();
                } else {
                    above = row.cells[column].clone();
                }
            }
        }
    }
    // The county and year cells of a row: the part of the file whose value lies above it.
    let keys: Vec<Option<usize>> = [Field::County, Field::Year]
        .into_iter()
        .map(|f| mapping.get(f).map(|m| m.column))
        .collect();
    let key_of = |row: &Row| -> [CellText; 2] {
        let cell = |k: Option<usize>| k.map_or(CellText::default(), |c| row.cells[c].clone());
        [cell(keys[0]), cell(keys[1])]
    };
    let keyed = keys.iter().any(Option::is_some);
    for field in [
        Field::Level,
        Field::Township,
        Field::UrbanRural,
        Field::Operator,
    ] {
        let Some(column) = fillable(field) else {
            continue;
        };
        if !keyed {
            let mut above = CellText::default();
            for row in &mut table.rows {
                if row.cells[column].is_empty() {
                    row.cells[column] = above.clone();
                } else {
                    above = row.cells[column].clone();
                }
            }
            continue;
        }
        let mut above: FastMap<[CellText; 2], CellText> = FastMap::default();
        for row in &mut table.rows {
            let key = key_of(row);
            if row.cells[column].is_empty() {
                if let Some(value) = above.get(&key) {
                    row.cells[column] = value.clone();
                }
            } else {
                above.insert(key, row.cells[column].clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_csv;

    /// Reads `text` and checks the headers, the first cell of each kept row with its line, and
    /// the lines of the skipped rows.
    fn check(text: &str, headers: &[&str], rows: &[(u64, &str)], skipped: &[u64]) {
        let table = read_csv(text.as_bytes(), "t.csv").unwrap();
        assert_eq!(table.headers, headers, "{text}");
        let got: Vec<(u64, &str)> = table
            .rows
            .iter()
            .map(|r| (r.line, r.cells[0].as_str()))
            .collect();
        assert_eq!(got, rows, "{text}");
        let got: Vec<u64> = table.source.skipped.iter().map(|s| s.line).collect();
        assert_eq!(got, skipped, "{text}: {:?}", table.source.skipped);
    }

    #[test]
    fn outer_space_is_what_trim_removes() {
        for cell in [
            "",
            " ",
            "12",
            " 12",
            "12 ",
            "一小",
            " 一小",
            "一小\u{3000}",
            "a\u{0B}",
            "\u{A0}1",
            "1\t",
        ] {
            assert_eq!(has_outer_space(cell), cell.trim() != cell, "{cell:?}");
        }
    }

    #[test]
    fn rows_kept_and_skipped() {
        check(
            "学校名称,学生数\n一小,1\n\n二小,2\n",
            &["学校名称", "学生数"],
            &[(2, "一小"), (4, "二小")],
            &[],
        );
        check(
            "学校名称,学生数\n一小,1\n合计,1\n总计,1\n小计,1\n全县,1\n全县平均值,1\n平均,1\n标准差,1\n差异系数,1\n综合,1\nTotal,1\n",
            &["学校名称", "学生数"],
            &[(2, "一小")],
            &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        );
        check(
            "学校名称,学生数\n一小,1\n注：单位为人,\n填表人：张三,审核人：李四\n填报日期：2023-09-20,\n",
            &["学校名称", "学生数"],
            &[(2, "一小")],
            &[3, 4, 5],
        );
        // A school whose name starts with 注 is not a note.
        check(
            "学校名称,学生数\n注溪小学,1\n",
            &["学校名称", "学生数"],
            &[(2, "注溪小学")],
            &[],
        );
        // Repeated header and code rows inside the data; trailing empty columns dropped.
        check(
            "学校名称,学生数,,\nL1,L2,,\n一小,1,,\n学校名称,学生数,,\nL1,L2,,\n二小,2,,\n",
            &["学校名称", "学生数"],
            &[(3, "一小"), (6, "二小")],
            &[4, 5],
        );
        // Section rows give a level column.
        check(
            "学校名称,学生数\n一、小学,\n一小,1\n（二）初中,\n一中,2\n",
            &["学校名称", "学生数", "学段（分节）"],
            &[(3, "一小"), (5, "一中")],
            &[2, 4],
        );
        // Merged township down the first column.
        check(
            "乡镇,学校名称,学生数\n城关镇,一小,1\n,二小,2\n河口镇,三小,3\n",
            &["乡镇", "学校名称", "学生数"],
            &[(2, "城关镇"), (3, "城关镇"), (4, "河口镇")],
            &[],
        );
    }

    #[test]
    fn merged_cells_are_filled_within_a_county_and_year() {
        // 县区 merged down; the township of 河口县's first school is empty in the file and
        // stays empty rather than taking 青山县's last township; 青山县's second block takes
        // 青山县's township, as in a file of 青山县's rows alone.
        let csv = "县区,乡镇,学校名称,学生数\n青山县,城关镇,一小,1\n,,二小,2\n河口县,,三小,3\n,河口镇,四小,4\n青山县,,五小,5\n";
        let table = read_csv(csv.as_bytes(), "t.csv").unwrap();
        let got: Vec<(&str, &str)> = table
            .rows
            .iter()
            .map(|r| (r.cells[0].as_str(), r.cells[1].as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("青山县", "城关镇"),
                ("青山县", "城关镇"),
                ("河口县", ""),
                ("河口县", "河口镇"),
                ("青山县", "城关镇"),
            ]
        );
    }

    #[test]
    fn decimal_comma_cells_are_rewritten() {
        let table = read_csv("学校名称;学生数;学校代码\n一小;12,5;0012\n".as_bytes(), "t").unwrap();
        assert!(table.source.decimal_comma);
        assert_eq!(table.rows[0].cells, ["一小", "12.5", "0012"]);
    }
}
