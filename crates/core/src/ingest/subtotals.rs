//! Subtotal rows without a label: a row whose numbers are the sums of the rows above it.
//!
//! A county file often carries a town's subtotal or the county total with no 合计 in it (the
//! town's name in the name column, or nothing). Counted as a school it doubles that town. A row
//! is such a sum when every number it holds equals, to the rounding of the cell, the sum of the
//! same column over a run of rows just above it: the rows since the last row left out (a
//! labelled subtotal, a section row), since an earlier one, or since the top of the table; or,
//! for the first row, the sum of every row below it (a total written first).
//!
//! A school is never taken for a sum by chance: the row must hold no school code, and at least
//! two nonzero numbers (three when it has a name: schools 100/500, 200/1000, 300/1500 are
//! schools), each the sum of at least two nonzero cells of the run. Such rows are left out and
//! listed in [`super::SourceInfo::skipped`] with the lines they sum. O(rows × columns).

use super::mapping::{header_key, Mapping};
use super::number::{parse_number, Number};
use super::table::{Skipped, Table};
use crate::fields::{Field, Unit};

/// Earlier runs a row is compared with, besides the last one and the whole table.
const RUNS_KEPT: usize = 8;

/// Sums of the considered columns over a run of rows.
#[derive(Clone)]
struct Run {
    /// Line of the first row of the run (0 until it has one).
    first: u64,
    /// Line of its last row.
    last: u64,
    rows: usize,
    sums: Vec<f64>,
    /// Nonzero cells per column.
    nonzero: Vec<u32>,
}

impl Run {
    fn new(columns: usize) -> Run {
        Run {
            first: 0,
            last: 0,
            rows: 0,
            sums: vec![0.0; columns],
            nonzero: vec![0; columns],
        }
    }

    fn add(&mut self, line: u64, values: &[Option<(f64, u32)>]) {
        if self.rows == 0 {
            self.first = line;
        }
        self.last = line;
        self.rows += 1;
        for (k, value) in values.iter().enumerate() {
            if let Some((v, _)) = value {
                self.sums[k] += v;
                self.nonzero[k] = self.nonzero[k].saturating_add(u32::from(*v != 0.0));
            }
        }
    }

    /// Whether `values` are this run's sums, with at least `least` nonzero ones: see the module
    /// documentation.
    fn summed_by(&self, values: &[Option<(f64, u32)>], least: usize) -> bool {
        if self.rows < 2 {
            return false;
        }
        let mut nonzero = 0;
        for (k, value) in values.iter().enumerate() {
            let Some((v, decimals)) = *value else {
                continue;
            };
            // Half a unit of the cell's last written digit.
            let tolerance = 0.5 * 10f64.powi(-(decimals.min(15) as i32)) + 1e-9 * v.abs();
            if (v - self.sums[k]).abs() > tolerance {
                return false;
            }
            if v != 0.0 {
                if self.nonzero[k] < 2 {
                    return false;
                }
                nonzero += 1;
            }
        }
        nonzero >= least
    }
}

/// Columns whose cells are summed: not text fields, not identifiers (序号, 代码).
fn summed_columns(table: &Table, mapping: &Mapping) -> Vec<usize> {
    const IDENTIFIERS: [&str; 6] = ["序号", "编号", "代码", "标识码", "行号", "id"];
    (0..table.headers.len())
        .filter(|&c| {
            let key = header_key(&table.headers[c]).0;
            Some(c) != table.source.section_column
                && !mapping.field_of(c).is_some_and(|f| f.unit() == Unit::Text)
                && !IDENTIFIERS.iter().any(|i| key.contains(i))
                && key != "no"
        })
        .collect()
}

/// A cell's number and its decimals as written. A plain decimal (at most 15 digits, as
/// nearly every cell) is read as digits over a power of ten, which is exact and gives the
/// same correctly rounded value as `f64::from_str` (Clinger's fast path) at a fraction of the
/// cost: this runs on every number of the table.
fn value(cell: &str) -> Option<(f64, u32)> {
    if cell.is_empty() {
        return None;
    }
    let bytes = cell.as_bytes();
    let (negative, digits) = match bytes[0] {
        b'-' => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let (mut mantissa, mut count, mut decimals, mut point) = (0u64, 0u32, 0u32, false);
    let plain = !digits.is_empty()
        && digits.iter().all(|&b| match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                decimals += u32::from(point);
                count <= 15
            }
            b'.' if !point => {
                point = true;
                true
            }
            _ => false,
        });
    if plain && count > 0 {
        const POWERS: [f64; 16] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        let v = mantissa as f64 / POWERS[decimals as usize];
        return Some((if negative { -v } else { v }, decimals));
    }
    match parse_number(cell) {
        Number::Value(v) => {
            let decimals = cell
                .rsplit_once('.')
                .map_or(0, |(_, d)| d.bytes().take_while(u8::is_ascii_digit).count());
            Some((v, decimals as u32))
        }
        _ => None,
    }
}

fn reason(first: u64, last: u64, leading: bool) -> Skipped {
    let (en, zh) = if leading {
        (
            format!("sum of lines {first}–{last} below it (a total without a label), not a school"),
            format!("第 {first}–{last} 行之和（写在前面、没有标注的合计），不是学校"),
        )
    } else {
        (
            format!("sum of lines {first}–{last} (a subtotal without a label), not a school"),
            format!("第 {first}–{last} 行之和（没有标注的小计），不是学校"),
        )
    };
    Skipped {
        line: 0,
        reason: en,
        reason_zh: zh,
    }
}

/// Leaves out the rows that are sums of the rows above them (or, for the first row, below).
pub(super) fn skip(table: &mut Table, mapping: &Mapping) {
    let columns = summed_columns(table, mapping);
    if columns.len() < 2 || table.rows.len() < 3 {
        return;
    }
    let code = mapping.get(Field::SchoolCode).map(|m| m.column);
    let name = mapping.get(Field::SchoolName).map(|m| m.column);
    let filled = |row: &super::Row, column: Option<usize>| {
        column.is_some_and(|c| row.cells.get(c).is_some_and(|t| !t.trim().is_empty()))
    };
    // Nonzero sums a row needs: more when it has a name, as a school has.
    let least = |row: &super::Row| if filled(row, name) { 3 } else { 2 };
    let mut skipped_lines: Vec<u64> = table.source.skipped.iter().map(|s| s.line).collect();
    skipped_lines.sort_unstable();
    let mut whole = Run::new(columns.len());
    // Every row but the first, for a total written first.
    let mut below = Run::new(columns.len());
    let mut runs: Vec<Run> = vec![Run::new(columns.len())];
    let mut sums: Vec<(usize, Skipped)> = Vec::new();
    let mut previous_line = 0;
    let mut values: Vec<Option<(f64, u32)>> = vec![None; columns.len()];
    for (i, row) in table.rows.iter().enumerate() {
        // A row left out between this row and the one before ends a run.
        let lo = skipped_lines.partition_point(|&l| l <= previous_line);
        if skipped_lines.get(lo).is_some_and(|&l| l < row.line)
            && runs.last().is_some_and(|r| r.rows > 0)
        {
            runs.push(Run::new(columns.len()));
            if runs.len() > RUNS_KEPT + 1 {
                runs.remove(0);
            }
        }
        previous_line = row.line;
        for (slot, &c) in values.iter_mut().zip(&columns) {
            *slot = row.cells.get(c).and_then(|cell| value(cell));
        }
        if !filled(row, code) {
            let least = least(row);
            let matched = runs
                .iter()
                .rev()
                .chain(std::iter::once(&whole))
                .find(|run| run.summed_by(&values, least));
            if let Some(run) = matched {
                let mut skipped = reason(run.first, run.last, false);
                skipped.line = row.line;
                sums.push((i, skipped));
                runs.push(Run::new(columns.len()));
                if runs.len() > RUNS_KEPT + 1 {
                    runs.remove(0);
                }
                continue;
            }
        }
        whole.add(row.line, &values);
        if i > 0 {
            below.add(row.line, &values);
        }
        for run in &mut runs {
            run.add(row.line, &values);
        }
    }
    // A total written first: the first row is the sum of every other row.
    let first = &table.rows[0];
    let first_has_code =
        code.is_some_and(|c| first.cells.get(c).is_some_and(|t| !t.trim().is_empty()));
    if sums.first().is_none_or(|(i, _)| *i != 0) && !first_has_code {
        let first_values: Vec<Option<(f64, u32)>> = columns
            .iter()
            .map(|&c| first.cells.get(c).and_then(|cell| value(cell)))
            .collect();
        if below.summed_by(&first_values, least(first)) {
            let mut skipped = reason(below.first, below.last, true);
            skipped.line = first.line;
            sums.insert(0, (0, skipped));
        }
    }
    if sums.is_empty() {
        return;
    }
    let mut left_out = sums.iter().map(|(i, _)| *i).peekable();
    let mut index = 0;
    table.rows.retain(|_| {
        let keep = left_out.peek() != Some(&index);
        if !keep {
            left_out.next();
        }
        index += 1;
        keep
    });
    table
        .source
        .skipped
        .extend(sums.into_iter().map(|(_, s)| s));
    table.source.skipped.sort_by_key(|s| s.line);
    table.source.data_rows = table.rows.len();
}

#[cfg(test)]
mod tests {
    use crate::ingest::{read_csv, Table};

    fn kept(csv: &str) -> (Vec<u64>, Vec<u64>) {
        let table: Table = read_csv(csv.as_bytes(), "t.csv").unwrap();
        (
            table.rows.iter().map(|r| r.line).collect(),
            table.source.skipped.iter().map(|s| s.line).collect(),
        )
    }

    const H: &str = "学校名称,在校学生数,教学及辅助用房面积（平方米）,专任教师数\n";

    #[test]
    fn sums_of_the_rows_above_are_left_out() {
        // A blank name after two schools, a town after two more, the county at the end.
        let csv = format!(
            "{H}一小,100,500.4,8\n二小,200,1200.35,12\n,300,1700.8,20\n三小,400,3000,25\n四小,300,2400,18\n城关镇,700,5400,43\n,1000,7100.75,63\n"
        );
        assert_eq!(kept(&csv), (vec![2, 3, 5, 6], vec![4, 7, 8]));
        // A total written first.
        let csv = format!(
            "{H}全县,1000,7100\n一小,100,500\n二小,200,1200\n三小,400,3000\n四小,300,2400\n"
        );
        assert_eq!(kept(&csv), (vec![3, 4, 5, 6], vec![2]));
    }

    #[test]
    fn schools_are_never_taken_for_sums() {
        // A school equal to one other and a zero row is no sum; nor one column that matches.
        let csv = format!("{H}一小,100,500,8\n二小,0,0,0\n三小,100,500,8\n");
        assert_eq!(kept(&csv).1, Vec::<u64>::new());
        let csv = format!("{H}一小,100,500,8\n二小,200,1200,12\n三小,300,1800,20\n");
        assert_eq!(kept(&csv).1, Vec::<u64>::new());
        // Two numbers that are sums, in a named row: a school (and the ratios all equal).
        let csv = "学校名称,在校学生数,教学及辅助用房面积（平方米）\n一小,100,500\n二小,200,1000\n三小,300,1500\n";
        assert_eq!(kept(csv).1, Vec::<u64>::new());
        // A school code says school, whatever its numbers.
        let csv = "学校名称,学校标识码,在校学生数,教学及辅助用房面积（平方米）\n一小,1,100,500\n二小,2,200,1200\n三小,3,300,1700\n";
        assert_eq!(kept(csv).1, Vec::<u64>::new());
        // Off by more than the cell's rounding: a school.
        let csv = format!("{H}一小,100,500.4,8\n二小,200,1200.35,12\n三小,300,1700.9,20\n");
        assert_eq!(kept(&csv).1, Vec::<u64>::new());
    }
}
