//! The bounds of what a workbook may make the reader hold, and the sparse cells → dense rows
//! step that keeps to them.
//!
//! A 2 KB workbook can name a cell at XFD1048576 (17 179 869 184 cells once laid out), a row
//! 4294967295, or 10¹² shared strings; laid out or reserved as such it aborted the CLI on an
//! allocation failure. Cells are taken one by one, as the file holds them, and a cell that
//! would make the laid-out sheet larger than [`MAX_CELLS`] stops the reading with
//! [`Error::WorkbookTooLarge`] naming it, before anything of that size is allocated.

use junheng_core::error::{column_letter, WorkbookLimit};
use junheng_core::Error;

/// Rows of a sheet, as in Excel (1 048 576).
pub const MAX_ROWS: u32 = 1 << 20;
/// Columns of a sheet, as in Excel (A … XFD, 16 384).
pub const MAX_COLUMNS: u32 = 1 << 14;
/// Cells of a sheet laid out (rows from the first used one × columns from A): 16 777 216, e.g.
/// 400 000 schools × 40 columns. Merged regions may cover at most as many.
pub const MAX_CELLS: u64 = 1 << 24;

/// The spreadsheet reference of a 0-based cell: (0, 0) → `A1`.
pub fn reference(row: u32, column: u32) -> String {
    format!("{}{}", column_letter(column as usize), u64::from(row) + 1)
}

/// The error for a cell that makes the sheet `rows` × `columns`.
fn too_far(row: u32, column: u32, rows: u64, columns: u64) -> Error {
    Error::WorkbookTooLarge {
        limit: WorkbookLimit::Cell {
            cell: reference(row, column),
            rows,
            columns,
            max: MAX_CELLS,
        },
    }
}

/// Non-empty cells of a sheet, by position, checked one by one against the bounds.
#[derive(Default)]
pub struct Cells {
    cells: Vec<(u32, u32, String)>,
    first_row: u32,
    last_row: u32,
    last_column: u32,
}

impl Cells {
    /// Takes a cell (0-based position); empty text is no cell.
    pub fn push(&mut self, row: u32, column: u32, text: String) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        let (first, last, last_column) = if self.cells.is_empty() {
            (row, row, column)
        } else {
            (
                self.first_row.min(row),
                self.last_row.max(row),
                self.last_column.max(column),
            )
        };
        let rows = u64::from(last - first) + 1;
        let columns = u64::from(last_column) + 1;
        if row >= MAX_ROWS || column >= MAX_COLUMNS || rows.saturating_mul(columns) > MAX_CELLS {
            return Err(too_far(row, column, rows, columns));
        }
        (self.first_row, self.last_row, self.last_column) = (first, last, last_column);
        self.cells.push((row, column, text));
        Ok(())
    }

    /// The sheet's spreadsheet row number (from 1) of its first used row, its rows laid out
    /// from column A, and the layout's size (rows, columns).
    pub fn into_rows(mut self) -> (u64, Vec<Vec<String>>) {
        if self.cells.is_empty() {
            return (1, Vec::new());
        }
        let height = (self.last_row - self.first_row) as usize + 1;
        let width = self.last_column as usize + 1;
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); height];
        // Cells in sheet order, so each row is filled left to right.
        self.cells.sort_unstable_by_key(|c| (c.0, c.1));
        for (row, column, text) in self.cells {
            let cells = &mut rows[(row - self.first_row) as usize];
            if cells.len() <= column as usize {
                cells.resize(column as usize + 1, String::new());
            }
            cells[column as usize] = text;
        }
        // Rows as long as the widest, as a range gives them.
        for cells in &mut rows {
            cells.resize(width, String::new());
        }
        (u64::from(self.first_row) + 1, rows)
    }

    /// Rows and columns of the layout.
    pub fn size(&self) -> (u64, u64) {
        if self.cells.is_empty() {
            return (0, 0);
        }
        (
            u64::from(self.last_row - self.first_row) + 1,
            u64::from(self.last_column) + 1,
        )
    }
}

/// Checks that merged regions cover at most [`MAX_CELLS`] cells of the sheet laid out (Excel
/// never overlaps them, so a valid sheet covers at most its own cells).
pub fn check_merged(
    regions: &[(u32, u32, u32, u32)],
    rows: u64,
    first_row: u64,
    columns: u64,
) -> Result<(), Error> {
    let mut covered: u64 = 0;
    let last_row = first_row + rows.max(1) - 1;
    for &(top, left, bottom, right) in regions {
        let (top, bottom) = (u64::from(top) + 1, u64::from(bottom) + 1);
        let (left, right) = (u64::from(left), u64::from(right));
        if bottom < top || right < left || top > last_row || bottom < first_row || left >= columns {
            continue;
        }
        let height = bottom.min(last_row) - top.max(first_row) + 1;
        let width = right.min(columns - 1) - left + 1;
        covered = covered.saturating_add(height.saturating_mul(width));
    }
    if covered > MAX_CELLS {
        return Err(Error::WorkbookTooLarge {
            limit: WorkbookLimit::Cells {
                cells: covered,
                max: MAX_CELLS,
            },
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_cells_are_refused_before_any_layout() {
        let mut cells = Cells::default();
        cells.push(0, 0, "学校名称".into()).unwrap();
        cells.push(1, 1, "100".into()).unwrap();
        let err = cells.push(1_048_575, 16_383, "1".into()).unwrap_err();
        assert_eq!(
            err,
            Error::WorkbookTooLarge {
                limit: WorkbookLimit::Cell {
                    cell: "XFD1048576".into(),
                    rows: 1_048_576,
                    columns: 16_384,
                    max: MAX_CELLS,
                }
            }
        );
        assert!(err.message(junheng_core::Lang::En).contains("XFD1048576"));
        assert!(cells.push(4_294_967_294, 0, "1".into()).is_err());
        // The cells taken before are kept, and laid out from the first used row.
        cells.push(2, 0, "".into()).unwrap();
        let (first, rows) = cells.into_rows();
        assert_eq!(first, 1);
        assert_eq!(rows, [vec!["学校名称", ""], vec!["", "100"]]);
    }

    #[test]
    fn merged_regions_cover_the_sheet_at_most() {
        assert!(check_merged(&[(0, 0, 9, 3)], 10, 1, 4).is_ok());
        let many = vec![(0, 0, 1_048_575, 16_383); 3];
        assert!(check_merged(&many, 4096, 1, 4096).is_err());
    }
}
