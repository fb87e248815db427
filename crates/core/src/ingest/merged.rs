//! Numbers in merged cells of a workbook.
//!
//! A spreadsheet stores a merged region's value once, in its top-left cell; the grid fills the
//! region with it so that a merged header parent spans its children and a 乡镇 merged down the
//! first column reaches every school ([`super::Grid`]). A number merged across several school
//! rows (a sports ground shared by two schools) would then be counted once per row. Here such
//! a number is kept in the top-left cell only, as the spreadsheet stores it, and each region is
//! named in an [`Issue::MergedNumber`] with the schools it spans.

use super::grid::Merged;
use super::mapping::Mapping;
use super::number::{parse_number, Number};
use super::table::{CellText, Table};
use crate::error::column_letter;
use crate::fields::Field;
use crate::issue::Issue;

/// Regions named at most; beyond them, numbers are still counted once.
const MAX_REGIONS_NAMED: usize = 20;

/// Clears the copies of numbers merged across data cells, keeping each in its top-left cell.
pub(super) fn count_once(
    table: &mut Table,
    mapping: &Mapping,
    merged: &[Merged],
    issues: &mut Vec<Issue>,
) {
    // The grid's columns, without a level column added from section rows.
    let width = table.source.section_column.unwrap_or(table.headers.len());
    let name = mapping.get(Field::SchoolName).map(|m| m.column);
    let mut named = 0;
    for region in merged {
        if region.bottom < region.top || region.right < region.left {
            continue;
        }
        let (top, bottom) = (u64::from(region.top) + 1, u64::from(region.bottom) + 1);
        let (left, right) = (region.left as usize, region.right as usize);
        if (top == bottom && left == right) || left >= width {
            continue;
        }
        // Rows are in line order: the rows the region covers are one run.
        let first = table.rows.partition_point(|r| r.line < top);
        let end = table.rows.partition_point(|r| r.line <= bottom);
        if first >= end || table.rows[first].line != top {
            // The top-left cell is not in a data row (a header, a skipped row).
            continue;
        }
        let value = table.rows[first].cells[left].clone();
        if !matches!(parse_number(&value), Number::Value(_)) {
            continue;
        }
        let right = right.min(width - 1);
        let mut cleared = false;
        for (k, row) in table.rows[first..end].iter_mut().enumerate() {
            for (j, cell) in row.cells.iter_mut().enumerate().take(right + 1).skip(left) {
                if (k, j) != (0, left) && *cell == value {
                    *cell = CellText::default();
                    cleared = true;
                }
            }
        }
        if !cleared || named == MAX_REGIONS_NAMED {
            continue;
        }
        named += 1;
        let rows = &table.rows[first..end];
        issues.push(Issue::MergedNumber {
            range: format!(
                "{}{top}:{}{}",
                column_letter(left),
                column_letter(right),
                rows.last().map_or(bottom, |r| r.line)
            ),
            header: table.headers.get(left).cloned(),
            value: value.to_string(),
            schools: rows
                .iter()
                .map(|r| {
                    name.and_then(|c| r.cells.get(c))
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .map_or_else(|| format!("#{}", r.line), str::to_string)
                })
                .collect(),
            lines: rows.iter().map(|r| r.line).collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::{read_grid, Grid, Merged, ReadOptions};
    use crate::Issue;

    fn grid(rows: &[&[&str]], merged: Vec<Merged>) -> Grid {
        Grid {
            format: "xlsx".into(),
            sheets: vec!["学校".into()],
            sheet: "学校".into(),
            first_row: 1,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            merged,
            ..Grid::default()
        }
    }

    #[test]
    fn a_number_merged_down_counts_once_a_town_fills_every_row() {
        let g = grid(
            &[
                &[
                    "乡镇",
                    "学校名称",
                    "在校学生数",
                    "体育运动场馆面积（平方米）",
                ],
                &["城关镇", "一小", "100", "500"],
                &["", "二小", "200", "5400"],
                &["", "三小", "300", ""],
            ],
            vec![
                // 城关镇 down A2:A4, 5400 down D3:D4.
                Merged {
                    top: 1,
                    left: 0,
                    bottom: 3,
                    right: 0,
                },
                Merged {
                    top: 2,
                    left: 3,
                    bottom: 3,
                    right: 3,
                },
            ],
        );
        let ingested = read_grid(g, &ReadOptions::new("t.xlsx")).unwrap();
        let cells: Vec<(&str, &str)> = ingested
            .table
            .rows
            .iter()
            .map(|r| (r.cells[0].as_str(), r.cells[3].as_str()))
            .collect();
        assert_eq!(
            cells,
            [("城关镇", "500"), ("城关镇", "5400"), ("城关镇", "")]
        );
        let issue = ingested
            .issues
            .iter()
            .find(|i| matches!(i, Issue::MergedNumber { .. }))
            .unwrap();
        assert_eq!(
            issue,
            &Issue::MergedNumber {
                range: "D3:D4".into(),
                header: Some("体育运动场馆面积（平方米）".into()),
                value: "5400".into(),
                schools: vec!["二小".into(), "三小".into()],
                lines: vec![3, 4],
            }
        );
        assert!(issue.message(crate::Lang::Zh).contains("D3:D4"));
    }
}
