//! A sheet of a workbook as plain data: what a spreadsheet reader hands to the core.
//!
//! The core reads no workbook format itself (no calamine, no zip): the reader lives in the
//! `junheng-sheets` crate, natively for the CLI and as a second, lazily loaded wasm module for the
//! page, so the core's dependency tree stays free of browser crates and the page's first load stays
//! small. The reader fills a [`Grid`]; [`super::read_grid`] runs the same header, layout and
//! mapping logic on it as on a CSV.
//!
//! Across the wasm boundary a grid (or the reader's error) travels as one JSON string:
//! [`to_wire`] in the reader's module, [`from_wire`] in the page's.

use serde::{Deserialize, Serialize};

use super::{CellText, RawRow};
use crate::error::WorkbookLimit;
use crate::Error;

/// One sheet of a workbook, read into text cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// `xlsx`, `xls`, `xlsb` or `ods`.
    pub format: String,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// The hidden sheets, in order, when the reader chose the first visible sheet itself (so
    /// that the user learns which sheet was read and which were passed over).
    #[serde(default)]
    pub hidden: Vec<String>,
    /// Spreadsheet row number (from 1) of `rows[0]`: the sheet's first used row.
    pub first_row: u64,
    /// Cell texts from column A, as a person reads them in the sheet: numbers as their cached
    /// values (`506.54`, `2096`), formulas as their cached results, dates as ISO text
    /// (`2023-09-01`), errors as `#DIV/0!`. Rows may differ in length.
    pub rows: Vec<Vec<String>>,
    /// Merged regions, in sheet coordinates; each is filled with its top-left cell's text.
    pub merged: Vec<Merged>,
}

/// A merged region, inclusive, with 0-based sheet coordinates (row 0 is spreadsheet row 1,
/// column 0 is A).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merged {
    /// First row.
    pub top: u32,
    /// First column.
    pub left: u32,
    /// Last row.
    pub bottom: u32,
    /// Last column.
    pub right: u32,
}

impl Grid {
    /// The rows as the layout logic sees them: padded to one width, merged regions filled
    /// (a merged header parent spans its children; a 乡镇 merged down the first column reaches
    /// every school), each with its spreadsheet row number.
    pub(crate) fn into_raw_rows(self) -> Vec<RawRow> {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let first = self.first_row.max(1);
        let mut rows: Vec<RawRow> = self
            .rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| {
                let mut cells: Vec<CellText> = cells.into_iter().map(CellText::from).collect();
                cells.resize(width, CellText::default());
                RawRow {
                    line: first + i as u64,
                    cells,
                }
            })
            .collect();
        // 0-based sheet row of rows[0].
        let row0 = first - 1;
        let row_end = row0 + rows.len() as u64;
        for region in &self.merged {
            let (top, left) = (u64::from(region.top), region.left as usize);
            if top < row0 || top >= row_end || left >= width || region.bottom < region.top {
                continue;
            }
            let value = rows[(top - row0) as usize].cells[left].clone();
            let bottom = u64::from(region.bottom).min(row_end - 1);
            let right = (region.right as usize).min(width - 1);
            for row in &mut rows[(top - row0) as usize..=(bottom - row0) as usize] {
                for cell in row.cells.iter_mut().take(right + 1).skip(left) {
                    cell.clone_from(&value);
                }
            }
        }
        rows
    }
}

/// What crosses the wasm boundary: a grid, or one of the errors a reader gives.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Wire {
    Grid {
        grid: Grid,
    },
    UnknownSheet {
        name: String,
        available: Vec<String>,
    },
    Unreadable {
        detail: String,
    },
    TooLarge {
        limit: WorkbookLimit,
    },
    NoData,
}

/// A reader's result as one JSON string (see [`from_wire`]).
pub fn to_wire(result: &Result<Grid, Error>) -> String {
    let wire = match result {
        Ok(grid) => Wire::Grid { grid: grid.clone() },
        Err(Error::UnknownSheet { name, available }) => Wire::UnknownSheet {
            name: name.clone(),
            available: available.clone(),
        },
        Err(Error::NoData) => Wire::NoData,
        Err(Error::WorkbookTooLarge { limit }) => Wire::TooLarge {
            limit: limit.clone(),
        },
        Err(Error::Spreadsheet { detail }) => Wire::Unreadable {
            detail: detail.clone(),
        },
        Err(other) => Wire::Unreadable {
            detail: other.message(crate::Lang::En),
        },
    };
    serde_json::to_string(&wire).unwrap_or_default()
}

/// The result [`to_wire`] encoded. Text that is not such JSON is a [`Error::Spreadsheet`].
pub fn from_wire(json: &str) -> Result<Grid, Error> {
    match serde_json::from_str::<Wire>(json) {
        Ok(Wire::Grid { grid }) => Ok(grid),
        Ok(Wire::UnknownSheet { name, available }) => Err(Error::UnknownSheet { name, available }),
        Ok(Wire::Unreadable { detail }) => Err(Error::Spreadsheet { detail }),
        Ok(Wire::NoData) => Err(Error::NoData),
        Ok(Wire::TooLarge { limit }) => Err(Error::WorkbookTooLarge { limit }),
        Err(e) => Err(Error::Spreadsheet {
            detail: format!("unexpected answer from the spreadsheet reader: {e}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[RawRow]) -> Vec<(u64, Vec<&str>)> {
        rows.iter()
            .map(|r| (r.line, r.cells.iter().map(CellText::as_str).collect()))
            .collect()
    }

    fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn merged_regions_are_filled_and_rows_padded() {
        let grid = Grid {
            format: "xlsx".into(),
            sheets: vec!["S".into()],
            sheet: "S".into(),
            hidden: Vec::new(),
            first_row: 3,
            rows: strings(&[
                &["乡镇", "面积", ""],
                &["", "教学", "体育"],
                &["城关", "1"],
                &[],
            ]),
            merged: vec![
                // 面积 over two columns, 乡镇 down two rows, 城关 down past the end.
                Merged {
                    top: 2,
                    left: 1,
                    bottom: 2,
                    right: 2,
                },
                Merged {
                    top: 2,
                    left: 0,
                    bottom: 3,
                    right: 0,
                },
                Merged {
                    top: 4,
                    left: 0,
                    bottom: 99,
                    right: 0,
                },
                // Outside the rows or inverted: ignored.
                Merged {
                    top: 0,
                    left: 0,
                    bottom: 1,
                    right: 5,
                },
                Merged {
                    top: 3,
                    left: 9,
                    bottom: 3,
                    right: 9,
                },
                Merged {
                    top: 5,
                    left: 0,
                    bottom: 4,
                    right: 0,
                },
            ],
        };
        assert_eq!(
            texts(&grid.into_raw_rows()),
            [
                (3, vec!["乡镇", "面积", "面积"]),
                (4, vec!["乡镇", "教学", "体育"]),
                (5, vec!["城关", "1", ""]),
                (6, vec!["城关", "", ""]),
            ]
        );
    }

    #[test]
    fn empty_grid_has_no_rows() {
        assert!(Grid::default().into_raw_rows().is_empty());
    }

    #[test]
    fn wire_round_trip() {
        let grid = Grid {
            format: "ods".into(),
            sheets: vec!["一".into(), "二".into()],
            sheet: "二".into(),
            hidden: Vec::new(),
            first_row: 1,
            rows: strings(&[&["学校名称", "学生数"], &["一小", "12.5"]]),
            merged: vec![Merged {
                top: 0,
                left: 0,
                bottom: 1,
                right: 0,
            }],
        };
        let cases = [
            Ok(grid),
            Err(Error::UnknownSheet {
                name: "x".into(),
                available: vec!["一".into()],
            }),
            Err(Error::Spreadsheet {
                detail: "bad zip".into(),
            }),
            Err(Error::NoData),
            Err(Error::WorkbookTooLarge {
                limit: WorkbookLimit::SharedStrings {
                    declared: u64::MAX,
                    max: 1,
                },
            }),
        ];
        for case in cases {
            assert_eq!(from_wire(&to_wire(&case)), case);
        }
        assert!(matches!(
            from_wire(&to_wire(&Err(Error::EmptyFile))),
            Err(Error::Spreadsheet { .. })
        ));
        assert!(matches!(
            from_wire("nonsense"),
            Err(Error::Spreadsheet { .. })
        ));
    }
}
