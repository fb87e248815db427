//! Files that hold several years or several counties: the column that says which, and the
//! analysis of each year or county on its own (docs/domain.md §6 item 7: the same CVs over years).

use std::collections::HashMap;

use junheng_core::analysis::{run_detailed, AnalysisConfig, Filter};
use junheng_core::ingest::{Ingested, Table};
use junheng_core::measures::Measure;

/// What the slice column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceKind {
    /// 年份 / 年度 / 学年 / year: drawn as a line over time.
    Year,
    /// 县 / 区 / county: compared side by side.
    County,
}

/// A header with spaces, brackets and case removed: "县（市、区）" → "县市、区".
fn normalized(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !"()（）[]【】".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `header` names the year. Exact words or a "年份/年度/学年" inside ("统计年份"); a
/// bare "年" inside is not enough ("年级", "年龄").
fn is_year(header: &str) -> bool {
    let h = normalized(header);
    h == "年"
        || h.contains("年份")
        || h.contains("年度")
        || h.contains("学年")
        || header
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| word == "year")
}

/// Whether `header` names the county. Only short headers: "县级及以上骨干教师数" contains 县 and
/// "城区" is an urban/rural class, not a county.
fn is_county(header: &str) -> bool {
    let h = normalized(header);
    const EXACT: [&str; 12] = [
        "县",
        "区",
        "县区",
        "区县",
        "县市区",
        "县市、区",
        "县、区",
        "县名",
        "县区名称",
        "所属县区",
        "county",
        "district",
    ];
    EXACT.contains(&h.as_str()) || h == "countyname" || h == "county_name"
}

/// The first column naming years, else the first naming counties; its index and kind.
pub fn find_slice_column(headers: &[String]) -> Option<(usize, SliceKind)> {
    headers
        .iter()
        .position(|h| is_year(h))
        .map(|i| (i, SliceKind::Year))
        .or_else(|| {
            headers
                .iter()
                .position(|h| is_county(h))
                .map(|i| (i, SliceKind::County))
        })
}

/// The year a cell stands for: its first run of four digits ("2019", "2019学年", "2019-2020"
/// → 2019).
pub fn year_of(cell: &str) -> Option<i32> {
    let digits: Vec<char> = cell.chars().collect();
    digits
        .windows(4)
        .enumerate()
        .find(|(i, w)| {
            w.iter().all(char::is_ascii_digit)
                && (*i == 0 || !digits[i - 1].is_ascii_digit())
                && digits.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
        .and_then(|(_, w)| w.iter().collect::<String>().parse().ok())
}

/// One year's or county's figures for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct SliceFigures {
    /// The cell value (a year or a county name).
    pub value: String,
    /// Schools used.
    pub n: usize,
    /// Weighted CV.
    pub cv: Option<f64>,
    /// Gini.
    pub gini: Option<f64>,
}

/// Runs the analysis once per distinct value of column `column` (in order of appearance),
/// with `config`'s filters plus that value, and keeps indicator `indicator`'s CV and Gini.
/// A value whose analysis fails (e.g. no school with a value) is left out.
///
/// Each value's analysis runs on a table of that value's rows only (found in one pass with a
/// hash map), with the same filters, so it keeps the same rows as a filter on the whole
/// table. A national file's 2 800 counties then cost one pass over the rows in all, instead
/// of 2 800 passes over all of them (834 counties of 100 000 rows took 16 s natively).
pub fn per_slice(
    ingested: &Ingested,
    config: &AnalysisConfig,
    column: usize,
    indicator: &str,
) -> Vec<SliceFigures> {
    let table = &ingested.table;
    let Some(header) = table.headers.get(column) else {
        return Vec::new();
    };
    let mut values: Vec<&str> = Vec::new();
    let mut rows_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (row, (_, cell)) in table.cells(column).enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        rows_of
            .entry(cell)
            .or_insert_with(|| {
                values.push(cell);
                Vec::new()
            })
            .push(row);
    }
    // The report's source and the reading issues do not change a CV or a Gini: the slices'
    // tables leave out the skipped-row list and the issues rather than copy them each time.
    let mut source = table.source.clone();
    source.skipped.clear();
    values
        .into_iter()
        .filter_map(|value| {
            let slice = Ingested {
                table: Table {
                    headers: table.headers.clone(),
                    rows: rows_of[value]
                        .iter()
                        .map(|&r| table.rows[r].clone())
                        .collect(),
                    source: source.clone(),
                },
                mapping: ingested.mapping.clone(),
                issues: Vec::new(),
            };
            figures(&slice, config, header, value, indicator)
        })
        .collect()
}

/// Indicator `indicator`'s figures over the rows of `ingested` whose column `header` holds
/// `value`, ungrouped; `None` when the analysis fails or lacks the indicator.
fn figures(
    ingested: &Ingested,
    config: &AnalysisConfig,
    header: &str,
    value: &str,
    indicator: &str,
) -> Option<SliceFigures> {
    let mut config = config.clone();
    config.filters.push(Filter {
        column: header.to_string(),
        value: value.to_string(),
    });
    config.group = None;
    let analysis = run_detailed(ingested, &config).ok()?;
    let result = analysis
        .report
        .indicators
        .iter()
        .find(|i| i.name == indicator)?;
    Some(SliceFigures {
        value: value.to_string(),
        n: result.n,
        cv: result[Measure::Cv],
        gini: result[Measure::Gini],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use junheng_core::ingest::{read, ReadOptions};

    #[test]
    fn detects_year_and_county_columns() {
        let headers = |hs: &[&str]| hs.iter().map(|h| h.to_string()).collect::<Vec<_>>();
        type Case<'a> = (&'a [&'a str], Option<(usize, SliceKind)>);
        let cases: [Case; 8] = [
            (&["学校名称", "年份", "县"], Some((1, SliceKind::Year))),
            (&["学校名称", "统计年度"], Some((1, SliceKind::Year))),
            (&["School", "School year"], Some((1, SliceKind::Year))),
            (
                &["学校名称", "县（区）", "在校学生数"],
                Some((1, SliceKind::County)),
            ),
            (&["name", "County"], Some((1, SliceKind::County))),
            (&["学校名称", "城乡分类", "县级及以上骨干教师数"], None),
            (&["学校名称", "年级", "年龄", "学区"], None),
            (&["yearly_budget", "城区"], None),
        ];
        for (hs, expected) in cases {
            assert_eq!(find_slice_column(&headers(hs)), expected, "{hs:?}");
        }
    }

    #[test]
    fn years_from_cells() {
        let cases = [
            ("2019", Some(2019)),
            ("2019学年", Some(2019)),
            ("2019-2020", Some(2019)),
            (" 2021年 ", Some(2021)),
            ("19", None),
            ("120190", None),
            ("", None),
        ];
        for (cell, year) in cases {
            assert_eq!(year_of(cell), year, "{cell}");
        }
    }

    #[test]
    fn one_analysis_per_year() {
        let csv = "学校名称,年份,在校学生数,图书册数\n\
            A,2019,10,100\nB,2019,30,150\nA,2020,10,100\nB,2020,10,100\nC,2021,5,0\n";
        let ingested = read(csv.as_bytes(), &ReadOptions::new("years.csv")).unwrap();
        let figures = per_slice(&ingested, &AnalysisConfig::new(), 1, "books_per_student");
        let years: Vec<&str> = figures.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(years, ["2019", "2020", "2021"]);
        // 2019: x = 10, 5 with weights 10, 30 (tests/web.rs): mean 6.25.
        let variance = (10.0f64 * 3.75 * 3.75 + 30.0 * 1.25 * 1.25) / 40.0;
        assert!((figures[0].cv.unwrap() - variance.sqrt() / 6.25).abs() < 1e-12);
        assert_eq!(figures[1].cv, Some(0.0));
        assert_eq!(figures[1].n, 2);
        // 2021: a single school with 0 books: the mean is 0, so no CV.
        assert_eq!(figures[2].cv, None);
        assert!(per_slice(&ingested, &AnalysisConfig::new(), 9, "books_per_student").is_empty());
        assert!(per_slice(&ingested, &AnalysisConfig::new(), 1, "nope").is_empty());
    }

    /// The analysis per value as it was first written: a filter on the whole table per value.
    fn per_slice_on_the_whole_table(
        ingested: &Ingested,
        config: &AnalysisConfig,
        column: usize,
        indicator: &str,
    ) -> Vec<SliceFigures> {
        let header = &ingested.table.headers[column];
        let mut values: Vec<&str> = Vec::new();
        for (_, cell) in ingested.table.cells(column) {
            let cell = cell.trim();
            if !cell.is_empty() && !values.contains(&cell) {
                values.push(cell);
            }
        }
        values
            .into_iter()
            .filter_map(|value| figures(ingested, config, header, value, indicator))
            .collect()
    }

    /// A table of `n` schools in `counties` counties, with what real files hold: blank and
    /// padded county cells, counties without primary schools, missing, zero and unreadable
    /// numbers.
    fn counties_csv(n: usize, counties: usize) -> String {
        let mut state = 17u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut csv = String::from("学校名称,县,学段,在校学生数,专任教师数,图书册数\n");
        for i in 0..n {
            let c = (next() * counties as f64) as usize;
            let county = match i % 97 {
                0 => String::new(),
                1 => format!(" 县{c} "),
                _ => format!("县{c}"),
            };
            // Counties 0 and 1 have junior schools only.
            let level = if c < 2 || next() < 0.3 {
                "初中"
            } else {
                "小学"
            };
            let pupils = match i % 53 {
                0 => String::new(),
                1 => "0".to_string(),
                _ => format!("{}", 40 + (next() * 2000.0) as u32),
            };
            let books = match i % 41 {
                0 => "abc".to_string(),
                1 => String::new(),
                _ => format!("{}", (next() * 90_000.0) as u32),
            };
            let teachers = 2 + (next() * 100.0) as u32;
            csv.push_str(&format!(
                "校{i},{county},{level},{pupils},{teachers},{books}\n"
            ));
        }
        csv
    }

    #[test]
    fn a_table_per_slice_gives_what_a_filter_on_the_whole_table_gave() {
        let csv = counties_csv(3000, 40);
        let ingested = read(csv.as_bytes(), &ReadOptions::new("counties.csv")).unwrap();
        let (column, kind) = find_slice_column(&ingested.table.headers).unwrap();
        assert_eq!((column, kind), (1, SliceKind::County));
        let primary = AnalysisConfig {
            filters: vec![Filter {
                column: "学段".into(),
                value: "小学".into(),
            }],
            ..AnalysisConfig::new()
        };
        let analysis = run_detailed(&ingested, &AnalysisConfig::new()).unwrap();
        assert!(analysis.report.indicators.len() >= 2);
        for config in [AnalysisConfig::new(), primary] {
            for indicator in &analysis.report.indicators {
                let name = &indicator.name;
                let figures = per_slice(&ingested, &config, column, name);
                assert!(figures.len() > 30, "{name}: {}", figures.len());
                assert_eq!(
                    figures,
                    per_slice_on_the_whole_table(&ingested, &config, column, name),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn thousands_of_counties_cost_one_pass() {
        // 100 000 schools in 2 000 counties: one filter on the whole table per county read
        // 2·10⁸ rows.
        let csv = counties_csv(100_000, 2000);
        let ingested = read(csv.as_bytes(), &ReadOptions::new("national.csv")).unwrap();
        let start = std::time::Instant::now();
        let figures = per_slice(&ingested, &AnalysisConfig::new(), 1, "books_per_student");
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
        assert_eq!(figures.len(), 2000);
        assert_eq!(
            figures.iter().map(|f| f.n).max().map(|n| n < 100),
            Some(true)
        );
    }
}
