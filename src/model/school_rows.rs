//! The per-school table of the "Schools" tab: each school's value of one indicator, its
//! deviation from the weighted mean, its share of the county variance and the CV without it
//! (docs/domain.md §3.2, §6 item 5); and the sorting, filtering and paging of those rows.
//!
//! Everything here is plain Rust over the engine's numbers, so that 200 000 schools cost one
//! O(n) pass to build, one O(n log n) sort per click, and only one page is ever drawn.

use std::cmp::Ordering;
use std::ops::Range;

use junheng_core::analysis::IndicatorValues;
use junheng_core::ingest::Table;
use junheng_core::measures::{cv_without_each, variance_shares, Sample};

/// Rows per page of the schools table.
pub const PAGE_SIZE: usize = 100;

/// Finds a school's cells by its line: the table's rows are in file order, so lines ascend.
#[derive(Clone, Copy, Debug)]
pub struct SchoolLookup<'a> {
    table: &'a Table,
    /// Column of the school name, if mapped.
    pub name: Option<usize>,
    /// Column of the level (学段), if mapped.
    pub level: Option<usize>,
    /// Column of the urban/rural class (城乡分类), if mapped.
    pub class: Option<usize>,
}

impl<'a> SchoolLookup<'a> {
    /// A lookup in `table` with the mapped columns.
    pub fn new(
        table: &'a Table,
        name: Option<usize>,
        level: Option<usize>,
        class: Option<usize>,
    ) -> SchoolLookup<'a> {
        SchoolLookup {
            table,
            name,
            level,
            class,
        }
    }

    /// Index in the table of the row at `line`.
    pub fn row_of(&self, line: u64) -> Option<usize> {
        let rows = &self.table.rows;
        match rows.binary_search_by_key(&line, |r| r.line) {
            Ok(i) => Some(i),
            // Lines always ascend in an ingested table; a linear scan keeps this right anyway.
            Err(_) => rows.iter().position(|r| r.line == line),
        }
    }

    /// The trimmed cell at `line` in `column`, if any and not empty.
    pub fn cell(&self, line: u64, column: Option<usize>) -> Option<String> {
        let row = self.row_of(line)?;
        let cell = self.table.rows[row].cells.get(column?)?.trim();
        (!cell.is_empty()).then(|| cell.to_string())
    }

    /// The school's name, or "第 N 行" / "line N" when none is mapped or the cell is empty.
    pub fn name(&self, line: u64, line_word: &str) -> String {
        self.cell(line, self.name)
            .unwrap_or_else(|| format!("{line_word} {line}"))
    }
}

/// One school of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolRow {
    /// Line in the file.
    pub line: u64,
    /// School name (or "line N").
    pub name: String,
    /// Level cell, when the level column is mapped.
    pub level: Option<String>,
    /// Urban/rural class cell, when mapped.
    pub class: Option<String>,
    /// Weight wᵢ (pupils, or 1).
    pub weight: f64,
    /// Value xᵢ.
    pub value: f64,
    /// xᵢ − X̄.
    pub deviation: f64,
    /// (xᵢ − X̄) / X̄, when X̄ ≠ 0.
    pub deviation_pct: Option<f64>,
    /// (wᵢ/W)(xᵢ − X̄)² / S²; `None` when all values are equal.
    pub share: Option<f64>,
    /// The weighted CV of every other school.
    pub cv_without: Option<f64>,
    /// CV without this school − CV of all.
    pub cv_change: Option<f64>,
}

/// The rows of one indicator, in file order. `mean` and `cv` are the engine's (the report's),
/// so the deviations add up to the page's figures; names come from `lookup`.
pub fn school_rows(
    values: &IndicatorValues,
    mean: f64,
    cv: Option<f64>,
    lookup: &SchoolLookup,
    line_word: &str,
) -> Vec<SchoolRow> {
    let sample = Sample::new(values.values.clone(), values.weights.clone()).ok();
    let shares = sample.as_ref().and_then(variance_shares);
    let without = sample.as_ref().map(cv_without_each);
    values
        .lines
        .iter()
        .enumerate()
        .map(|(i, &line)| {
            let value = values.values[i];
            let deviation = value - mean;
            let cv_without = without.as_ref().and_then(|w| w[i]);
            SchoolRow {
                line,
                name: lookup.name(line, line_word),
                level: lookup.cell(line, lookup.level),
                class: lookup.cell(line, lookup.class),
                weight: values.weights[i],
                value,
                deviation,
                deviation_pct: (mean != 0.0).then(|| deviation / mean),
                share: shares.as_ref().map(|s| s[i]),
                cv_without,
                cv_change: cv_without.zip(cv).map(|(w, c)| w - c),
            }
        })
        .collect()
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Line in the file.
    Line,
    /// School name.
    Name,
    /// Level cell.
    Level,
    /// Urban/rural class.
    Class,
    /// Weight.
    Weight,
    /// Value.
    Value,
    /// Deviation from the mean (the same order as the value).
    Deviation,
    /// Deviation in %.
    DeviationPct,
    /// Share of the variance.
    Share,
    /// CV without the school.
    CvWithout,
    /// Change of the CV without the school.
    CvChange,
}

impl SortKey {
    /// Stable id, used in `data-sort` attributes.
    pub fn id(self) -> &'static str {
        match self {
            SortKey::Line => "line",
            SortKey::Name => "name",
            SortKey::Level => "level",
            SortKey::Class => "class",
            SortKey::Weight => "weight",
            SortKey::Value => "value",
            SortKey::Deviation => "deviation",
            SortKey::DeviationPct => "deviation_pct",
            SortKey::Share => "share",
            SortKey::CvWithout => "cv_without",
            SortKey::CvChange => "cv_change",
        }
    }

    /// The direction of the first click: the largest first for the columns that say which
    /// schools matter (share of the variance), the smallest first for the others.
    pub fn first_direction(self) -> Direction {
        match self {
            SortKey::Share => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Smallest first.
    Ascending,
    /// Largest first.
    Descending,
}

impl Direction {
    /// The value of `aria-sort`.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// The sort after a click on the header of `key`: the same column flips its direction, another
/// column starts in its first direction.
pub fn next_sort(current: (SortKey, Direction), key: SortKey) -> (SortKey, Direction) {
    match current {
        (k, Direction::Ascending) if k == key => (key, Direction::Descending),
        (k, Direction::Descending) if k == key => (key, Direction::Ascending),
        _ => (key, key.first_direction()),
    }
}

/// Undefined numbers sort last whatever the direction.
fn by_option(a: Option<f64>, b: Option<f64>, direction: Direction) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match direction {
            Direction::Ascending => a.total_cmp(&b),
            Direction::Descending => b.total_cmp(&a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn by_text(a: &Option<String>, b: &Option<String>, direction: Direction) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match direction {
            Direction::Ascending => a.cmp(b),
            Direction::Descending => b.cmp(a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Indices of `rows` in the order of `key` and `direction`; ties keep file order (the sort is
/// stable and ties are broken by line).
pub fn sorted(rows: &[SchoolRow], key: SortKey, direction: Direction) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let number = |r: &SchoolRow| -> Option<f64> {
        match key {
            SortKey::Line => Some(r.line as f64),
            SortKey::Weight => Some(r.weight),
            SortKey::Value => Some(r.value),
            SortKey::Deviation => Some(r.deviation),
            SortKey::DeviationPct => r.deviation_pct,
            SortKey::Share => r.share,
            SortKey::CvWithout => r.cv_without,
            SortKey::CvChange => r.cv_change,
            SortKey::Name | SortKey::Level | SortKey::Class => None,
        }
    };
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let primary = match key {
            SortKey::Name => match direction {
                Direction::Ascending => ra.name.cmp(&rb.name),
                Direction::Descending => rb.name.cmp(&ra.name),
            },
            SortKey::Level => by_text(&ra.level, &rb.level, direction),
            SortKey::Class => by_text(&ra.class, &rb.class, direction),
            _ => by_option(number(ra), number(rb), direction),
        };
        primary.then(ra.line.cmp(&rb.line))
    });
    order
}

/// What the user filters on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowFilter {
    /// Text the school name must contain (case-insensitive, spaces around ignored).
    pub name: String,
    /// Keep only schools strictly below the weighted mean.
    pub below_mean: bool,
}

impl RowFilter {
    /// Whether `row` passes.
    pub fn keeps(&self, row: &SchoolRow) -> bool {
        let query = self.name.trim();
        let name_ok = query.is_empty() || row.name.to_lowercase().contains(&query.to_lowercase());
        name_ok && (!self.below_mean || row.deviation < 0.0)
    }

    /// The indices of `order` whose rows pass, in the same order.
    pub fn apply(&self, rows: &[SchoolRow], order: &[usize]) -> Vec<usize> {
        let query = self.name.trim().to_lowercase();
        if query.is_empty() && !self.below_mean {
            return order.to_vec();
        }
        order
            .iter()
            .copied()
            .filter(|&i| {
                let row = &rows[i];
                (query.is_empty() || row.name.to_lowercase().contains(&query))
                    && (!self.below_mean || row.deviation < 0.0)
            })
            .collect()
    }
}

/// Number of pages for `n` rows (at least 1, so "page 1 of 1" shows for an empty result).
pub fn page_count(n: usize) -> usize {
    n.div_ceil(PAGE_SIZE).max(1)
}

/// The positions shown on `page` (from 0, clamped to the last page) of `n` rows.
pub fn page_range(n: usize, page: usize) -> Range<usize> {
    let page = page.min(page_count(n) - 1);
    let start = page * PAGE_SIZE;
    start..(start + PAGE_SIZE).min(n)
}

/// The row with the largest share of the variance, if shares are defined.
pub fn top_driver(rows: &[SchoolRow]) -> Option<&SchoolRow> {
    rows.iter()
        .filter(|r| r.share.is_some())
        .max_by(|a, b| by_option(b.share, a.share, Direction::Descending))
}

#[cfg(test)]
mod tests {
    use super::*;
    use junheng_core::ingest::{read, ReadOptions};

    /// docs/domain.md §3.5: five primary schools; pupils 45, 37, 89, 76, 55; books 279, 137, 935,
    /// 160, 402.
    const WORKED: &str = "学校名称,学段,城乡分类,在校学生数,图书册数\n\
        甲小学,小学,城区,45,279\n乙小学,小学,镇区,37,137\n丙小学,小学,城区,89,935\n\
        丁小学,小学,乡村,76,160\n戊小学,小学,乡村,55,402\n";

    fn worked_rows() -> Vec<SchoolRow> {
        let ingested = read(WORKED.as_bytes(), &ReadOptions::new("worked.csv")).unwrap();
        let pupils = [45.0, 37.0, 89.0, 76.0, 55.0];
        let books = [279.0, 137.0, 935.0, 160.0, 402.0];
        let values = IndicatorValues {
            name: "books_per_student".into(),
            lines: vec![2, 3, 4, 5, 6],
            values: books.iter().zip(pupils).map(|(b, p)| b / p).collect(),
            weights: pupils.to_vec(),
        };
        let lookup = SchoolLookup::new(&ingested.table, Some(0), Some(1), Some(2));
        let mean = 1913.0 / 302.0;
        school_rows(&values, mean, Some(0.515_3), &lookup, "行")
    }

    #[test]
    fn shares_of_the_worked_example() {
        let rows = worked_rows();
        let shares: Vec<String> = rows
            .iter()
            .map(|r| format!("{:.3}", r.share.unwrap()))
            .collect();
        assert_eq!(shares, ["0.000", "0.080", "0.481", "0.423", "0.016"]);
        let total: f64 = rows.iter().map(|r| r.share.unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-12);
        assert_eq!(rows[2].name, "丙小学");
        assert_eq!(rows[3].class.as_deref(), Some("乡村"));
        assert_eq!(rows[0].level.as_deref(), Some("小学"));
        // 丙小学 (10.51 books) holds most of the variance and the CV drops without it; 丁小学
        // (2.11 books, 76 pupils) drops it further, because leaving 丙 out also lowers the mean.
        let driver = top_driver(&rows).unwrap();
        assert_eq!(driver.name, "丙小学");
        assert!(driver.cv_change.unwrap() < 0.0);
        let min_change = rows
            .iter()
            .map(|r| r.cv_change.unwrap())
            .fold(f64::INFINITY, f64::min);
        assert_eq!(rows[3].cv_change, Some(min_change));
    }

    #[test]
    fn leave_one_out_matches_a_direct_computation() {
        let rows = worked_rows();
        let pupils = [45.0, 37.0, 89.0, 76.0, 55.0];
        let books = [279.0, 137.0, 935.0, 160.0, 402.0];
        for (skip, row) in rows.iter().enumerate() {
            let keep: Vec<usize> = (0..5).filter(|i| *i != skip).collect();
            let w: f64 = keep.iter().map(|&i| pupils[i]).sum();
            let mean = keep.iter().map(|&i| books[i]).sum::<f64>() / w;
            let var = keep
                .iter()
                .map(|&i| pupils[i] * (books[i] / pupils[i] - mean).powi(2))
                .sum::<f64>()
                / w;
            let cv = var.sqrt() / mean;
            assert!((row.cv_without.unwrap() - cv).abs() < 1e-12, "{skip}");
        }
        assert!((rows[0].deviation - (279.0 / 45.0 - 1913.0 / 302.0)).abs() < 1e-12);
        assert!(rows[3].deviation_pct.unwrap() < 0.0);
    }

    #[test]
    fn names_fall_back_to_the_line() {
        let ingested = read(WORKED.as_bytes(), &ReadOptions::new("worked.csv")).unwrap();
        let lookup = SchoolLookup::new(&ingested.table, None, None, None);
        assert_eq!(lookup.name(4, "line"), "line 4");
        assert_eq!(lookup.cell(4, Some(0)).as_deref(), Some("丙小学"));
        assert_eq!(lookup.row_of(99), None);
    }

    #[test]
    fn equal_values_have_no_shares() {
        let ingested = read(WORKED.as_bytes(), &ReadOptions::new("worked.csv")).unwrap();
        let lookup = SchoolLookup::new(&ingested.table, Some(0), None, None);
        let values = IndicatorValues {
            name: "x".into(),
            lines: vec![2, 3],
            values: vec![4.0, 4.0],
            weights: vec![1.0, 3.0],
        };
        let rows = school_rows(&values, 4.0, Some(0.0), &lookup, "行");
        assert_eq!(rows[0].share, None);
        assert_eq!(rows[0].cv_without, Some(0.0));
        assert_eq!(top_driver(&rows), None);
    }

    #[test]
    fn sorting_by_each_column() {
        let rows = worked_rows();
        let names = |order: Vec<usize>| -> Vec<&str> {
            order.iter().map(|&i| rows[i].name.as_str()).collect()
        };
        // Values: 6.20, 3.70, 10.51, 2.11, 7.31.
        assert_eq!(
            names(sorted(&rows, SortKey::Value, Direction::Ascending)),
            ["丁小学", "乙小学", "甲小学", "戊小学", "丙小学"]
        );
        assert_eq!(
            names(sorted(&rows, SortKey::Share, Direction::Descending)),
            ["丙小学", "丁小学", "乙小学", "戊小学", "甲小学"]
        );
        assert_eq!(
            sorted(&rows, SortKey::Line, Direction::Descending),
            [4, 3, 2, 1, 0]
        );
        assert_eq!(
            sorted(&rows, SortKey::Weight, Direction::Ascending),
            [1, 0, 4, 3, 2]
        );
        // Ties (two 乡村, two 城区) keep file order.
        assert_eq!(
            sorted(&rows, SortKey::Class, Direction::Ascending),
            [3, 4, 0, 2, 1]
        );
        assert_eq!(
            sorted(&rows, SortKey::CvChange, Direction::Ascending)[0],
            3,
            "the school whose removal lowers the CV most"
        );
    }

    #[test]
    fn undefined_values_sort_last_both_ways() {
        let mut rows = worked_rows();
        rows[1].share = None;
        for direction in [Direction::Ascending, Direction::Descending] {
            assert_eq!(*sorted(&rows, SortKey::Share, direction).last().unwrap(), 1);
        }
    }

    #[test]
    fn clicks_flip_or_start_a_sort() {
        let start = (SortKey::Line, Direction::Ascending);
        assert_eq!(
            next_sort(start, SortKey::Line),
            (SortKey::Line, Direction::Descending)
        );
        assert_eq!(
            next_sort((SortKey::Line, Direction::Descending), SortKey::Line),
            start
        );
        assert_eq!(
            next_sort(start, SortKey::Share),
            (SortKey::Share, Direction::Descending)
        );
        assert_eq!(
            next_sort(start, SortKey::Value),
            (SortKey::Value, Direction::Ascending)
        );
        assert_eq!(Direction::Descending.aria(), "descending");
    }

    #[test]
    fn filters_by_name_and_below_the_mean() {
        let rows = worked_rows();
        let order = sorted(&rows, SortKey::Line, Direction::Ascending);
        let filter = |name: &str, below_mean| RowFilter {
            name: name.into(),
            below_mean,
        };
        assert_eq!(filter("", false).apply(&rows, &order), order);
        assert_eq!(filter(" 丙 ", false).apply(&rows, &order), [2]);
        assert_eq!(filter("", true).apply(&rows, &order), [0, 1, 3]);
        assert_eq!(filter("乙", true).apply(&rows, &order), [1]);
        assert!(filter("丙", true).apply(&rows, &order).is_empty());
        assert!(filter("丁", true).keeps(&rows[3]));
        assert!(!filter("丁", true).keeps(&rows[2]));
    }

    #[test]
    fn filter_ignores_case() {
        let mut rows = worked_rows();
        rows[0].name = "Hillside School".into();
        let f = RowFilter {
            name: "HILL".into(),
            below_mean: false,
        };
        assert_eq!(f.apply(&rows, &[0, 1, 2]), [0]);
    }

    #[test]
    fn pages_of_a_hundred() {
        let cases = [
            (0, 0, 1, 0..0),
            (92, 0, 1, 0..92),
            (100, 0, 1, 0..100),
            (101, 1, 2, 100..101),
            (250, 2, 3, 200..250),
            (250, 9, 3, 200..250),
            (200_000, 1999, 2000, 199_900..200_000),
        ];
        for (n, page, pages, range) in cases {
            assert_eq!(page_count(n), pages, "{n}");
            assert_eq!(page_range(n, page), range, "{n} {page}");
        }
    }

    #[test]
    fn two_hundred_thousand_schools_sort_and_filter_quickly() {
        let n = 200_000;
        let table = Table {
            headers: vec!["name".into()],
            rows: (0..n)
                .map(|i| junheng_core::ingest::Row {
                    line: i as u64 + 2,
                    cells: vec![format!("school {i}").into()],
                })
                .collect(),
            source: read(WORKED.as_bytes(), &ReadOptions::new("w.csv"))
                .unwrap()
                .table
                .source,
        };
        let values = IndicatorValues {
            name: "x".into(),
            lines: (0..n).map(|i| i as u64 + 2).collect(),
            values: (0..n).map(|i| ((i * 7919) % 1000) as f64 + 1.0).collect(),
            weights: (0..n).map(|i| (i % 50) as f64 + 1.0).collect(),
        };
        let lookup = SchoolLookup::new(&table, Some(0), None, None);
        let start = std::time::Instant::now();
        let rows = school_rows(&values, 500.0, Some(0.5), &lookup, "line");
        let order = sorted(&rows, SortKey::Share, Direction::Descending);
        let kept = RowFilter {
            name: "school 19".into(),
            below_mean: true,
        }
        .apply(&rows, &order);
        assert_eq!(rows.len(), n);
        assert!(!kept.is_empty());
        let total: f64 = rows.iter().map(|r| r.share.unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-9);
        // Generous bound for an unoptimised test build; the release page is far faster.
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
