//! Where the table is inside the grid: the header row below title and blank rows, a second
//! header row under merged parents (joined as `parent/child`), a row of column codes (L1, L2…).

use super::mapping::match_header;
use super::number::{fold_width, parse_number, Number};
use super::RawRow;

/// Rows searched for the header.
const SEARCH_ROWS: usize = 40;

/// The header found in a grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Index in the grid of the (first) header row.
    pub header_index: usize,
    /// Index in the grid of the first row after the header rows and code row.
    pub data_start: usize,
    /// Column names, joined `parent/child` for two-row headers; trimmed.
    pub headers: Vec<String>,
    /// Indices in the grid of the header rows (one or two) and of the code row, if any.
    pub header_rows: Vec<usize>,
}

fn cell(row: &RawRow, j: usize) -> &str {
    row.cells.get(j).map(|c| c.trim()).unwrap_or("")
}

fn non_empty(row: &RawRow) -> usize {
    row.cells.iter().filter(|c| !c.trim().is_empty()).count()
}

fn is_numeric(text: &str) -> bool {
    matches!(parse_number(text), Number::Value(_))
}

/// A row of column codes under the header: L1, L2, …, or 甲, 乙, 1, 2, 3 as in statistics forms.
/// Its numbers count up by one and it has either no lettered code or at least two: a school that
/// a researcher anonymised as "S1" followed by its own figures is data, not codes.
pub fn is_code_row(row: &RawRow) -> bool {
    let lettered = |c: &str| {
        let letters = c.chars().take_while(|ch| ch.is_ascii_alphabetic()).count();
        let digits = &c[letters..];
        (1..=2).contains(&letters)
            && (1..=3).contains(&digits.len())
            && digits.chars().all(|ch| ch.is_ascii_digit())
    };
    let stem = |c: &str| matches!(c, "甲" | "乙" | "丙" | "丁" | "戊" | "己");
    let (mut n, mut letters) = (0usize, 0usize);
    let mut previous: Option<u32> = None;
    let mut consecutive = true;
    for cell in row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        // Codes are short; anything longer ends the check without allocating.
        if cell.len() > 6 {
            return false;
        }
        let folded = fold_width(cell);
        let c = folded.as_str();
        n += 1;
        if lettered(c) || stem(c) {
            letters += 1;
        } else if let Ok(k) = c.parse::<u32>() {
            consecutive &= previous.is_none_or(|p| k == p + 1);
            previous = Some(k);
        } else {
            return false;
        }
    }
    n >= 2 && consecutive && letters != 1
}

/// A second header row: text only, and either under an empty (merged) parent cell or repeating
/// a vertically merged parent (spreadsheets fill merged regions).
fn is_child_row(parent: &RawRow, child: &RawRow) -> bool {
    if non_empty(child) < 1 || is_code_row(child) {
        return false;
    }
    let width = parent.cells.len().max(child.cells.len());
    let any_numeric = (0..width).any(|j| is_numeric(cell(child, j)));
    let under_empty = (0..width).any(|j| cell(parent, j).is_empty() && !cell(child, j).is_empty());
    let repeats =
        (0..width).any(|j| !cell(parent, j).is_empty() && cell(parent, j) == cell(child, j));
    !any_numeric && (under_empty || repeats)
}

/// Joins two header rows: the parent is carried right across the empty cells of its merged
/// span (a parent spans only where the row below has children).
fn join(parent: &RawRow, child: &RawRow) -> Vec<String> {
    let width = parent.cells.len().max(child.cells.len());
    let mut last_parent = "";
    (0..width)
        .map(|j| {
            let (p, c) = (cell(parent, j), cell(child, j));
            if !p.is_empty() {
                last_parent = if c.is_empty() || c == p { "" } else { p };
            } else if c.is_empty() {
                last_parent = "";
            }
            let p = if p.is_empty() { last_parent } else { p };
            match (p.is_empty(), c.is_empty()) {
                (false, false) if p != c => format!("{p}/{c}"),
                (false, _) => p.to_string(),
                (true, _) => c.to_string(),
            }
        })
        .collect()
}

fn score(headers: &[String]) -> usize {
    // A number names no column, and is told apart far faster than a header is matched.
    let number = |h: &str| h.starts_with(|c: char| c.is_ascii_digit()) && is_numeric(h);
    headers
        .iter()
        .filter(|h| !h.is_empty() && !number(h))
        .map(|h| match_header(h))
        .filter(|m| m.field.is_some() || m.derived)
        .count()
}

/// Finds the header: the first row with at least two known synonyms (alone or joined with a
/// second header row); else the first row of distinct, non-numeric texts followed by a row
/// holding a number.
pub fn find_layout(grid: &[RawRow]) -> Option<Layout> {
    let limit = grid.len().min(SEARCH_ROWS);
    for i in 0..limit {
        let row = &grid[i];
        if non_empty(row) < 2 {
            continue;
        }
        let single: Vec<String> = row.cells.iter().map(|c| c.trim().to_string()).collect();
        let next = grid[i + 1..]
            .iter()
            .position(|r| non_empty(r) > 0)
            .map(|k| i + 1 + k);
        let two_row = next.filter(|&n| is_child_row(row, &grid[n]));
        let joined = two_row.map(|n| join(row, &grid[n]));
        let single_score = score(&single);
        let joined_score = joined.as_deref().map_or(0, score);
        // A line such as 填报单位：… above the real header is no parent: the row below scores
        // as much on its own.
        if let Some(n) = two_row {
            let below: Vec<String> = grid[n].cells.iter().map(|c| c.trim().to_string()).collect();
            if single_score == 0 && score(&below) >= joined_score {
                continue;
            }
        }
        if single_score.max(joined_score) >= 2 {
            let (headers, last) = match (joined, two_row) {
                (Some(h), Some(n)) if joined_score >= single_score => (h, n),
                _ => (single, i),
            };
            return Some(finish(grid, i, last, headers));
        }
    }
    // Fallback: distinct texts followed by data.
    for i in 0..limit {
        let row = &grid[i];
        let texts: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if texts.len() < 2 || texts.iter().any(|t| is_numeric(t)) {
            continue;
        }
        let mut distinct = texts.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < texts.len() {
            continue;
        }
        let next = grid[i + 1..].iter().find(|r| non_empty(r) > 0);
        if next.is_some_and(|r| r.cells.iter().any(|c| is_numeric(c))) {
            let headers = row.cells.iter().map(|c| c.trim().to_string()).collect();
            return Some(finish(grid, i, i, headers));
        }
    }
    None
}

fn finish(grid: &[RawRow], first: usize, last: usize, headers: Vec<String>) -> Layout {
    let mut header_rows: Vec<usize> = (first..=last)
        .filter(|&k| non_empty(&grid[k]) > 0)
        .collect();
    let mut data_start = last + 1;
    // The code row may follow blank rows.
    let next = grid[data_start..]
        .iter()
        .position(|r| non_empty(r) > 0)
        .map(|k| data_start + k);
    if let Some(n) = next {
        if is_code_row(&grid[n]) {
            header_rows.push(n);
            data_start = n + 1;
        }
    }
    Layout {
        header_index: first,
        data_start,
        headers,
        header_rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<RawRow> {
        rows.iter()
            .enumerate()
            .map(|(i, cells)| RawRow {
                line: i as u64 + 1,
                cells: cells
                    .iter()
                    .map(|c| crate::ingest::CellText::from(*c))
                    .collect(),
            })
            .collect()
    }

    /// `expected`: header row index, data start, headers.
    fn check(rows: &[&[&str]], expected: Option<(usize, usize, &[&str])>) {
        let got = find_layout(&grid(rows)).map(|l| (l.header_index, l.data_start, l.headers));
        let expected = expected.map(|(h, d, names)| {
            (
                h,
                d,
                names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
            )
        });
        assert_eq!(got, expected, "{rows:?}");
    }

    #[test]
    fn finds_headers() {
        check(
            &[&["学校名称", "在校学生数"], &["一小", "100"]],
            Some((0, 1, &["学校名称", "在校学生数"])),
        );
        check(
            &[
                &["某县2023年义务教育学校办学条件统计表", "", ""],
                &["单位：人、平方米、万元", "", ""],
                &["", "", ""],
                &["学校名称", "在校学生数", "专任教师数"],
                &["一小", "100", "8"],
            ],
            Some((3, 4, &["学校名称", "在校学生数", "专任教师数"])),
        );
        // Two-row header with a merged parent, then a row of codes.
        check(
            &[
                &[
                    "学校名称",
                    "在校学生数",
                    "专任教师",
                    "",
                    "面积（平方米）",
                    "",
                ],
                &[
                    "",
                    "",
                    "合计",
                    "高于规定学历",
                    "教学及辅助用房",
                    "体育运动场馆",
                ],
                &["甲", "L1", "L2", "L3", "L4", "L5"],
                &["一小", "100", "8", "6", "1200", "3000"],
            ],
            Some((
                0,
                3,
                &[
                    "学校名称",
                    "在校学生数",
                    "专任教师/合计",
                    "专任教师/高于规定学历",
                    "面积（平方米）/教学及辅助用房",
                    "面积（平方米）/体育运动场馆",
                ],
            )),
        );
        // A spreadsheet fills merged regions: the vertical merge repeats its text.
        check(
            &[
                &["学校名称", "专任教师", "专任教师"],
                &["学校名称", "合计", "骨干教师"],
                &["一小", "8", "2"],
            ],
            Some((0, 2, &["学校名称", "专任教师/合计", "专任教师/骨干教师"])),
        );
        // Unknown headers: fallback on distinct texts followed by numbers.
        check(
            &[&["Title"], &["甲乙", "丙丁"], &["x", "1"]],
            Some((1, 2, &["甲乙", "丙丁"])),
        );
        check(&[&["1", "2"], &["3", "4"]], None);
        check(&[], None);
    }

    #[test]
    fn code_rows() {
        let cases: &[(&[&str], bool)] = &[
            (&["L1", "L2", "L3"], true),
            (&["甲", "乙", "1", "2"], true),
            (&["1", "2", "3", "4"], true),
            (&["", "1", "2", "3"], true),
            (&["一小", "1", "2"], false),
            (&["1", "5", "3"], false),
            (&["L1"], false),
            // Anonymised schools with their figures are data.
            (&["S1", "1200", "80", "3000"], false),
            (&["S2", "12", "13", "14"], false),
            (&["A1", "B1"], true),
        ];
        for (cells, expected) in cases {
            let row = RawRow {
                line: 1,
                cells: cells
                    .iter()
                    .map(|c| crate::ingest::CellText::from(*c))
                    .collect(),
            };
            assert_eq!(is_code_row(&row), *expected, "{cells:?}");
        }
    }
}
