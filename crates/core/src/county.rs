//! The county a file is about: its name, the year and the 填报单位 (reporting unit), prefilled
//! from the file where it says so (docs/domain.md §5.3), each of which the user may set or
//! override ([`CountyGiven`]).
//!
//! Where the file says it, first found wins:
//! - a title row above the header, "某县2023年义务教育学校办学条件统计表" or
//!   "2023年青山县义务教育…" ([`from_title`]);
//! - a 县 column (县, 县区, 县（市、区）, 所属县…) holding one value on the rows analysed
//!   ([`COUNTY_HEADERS`]); a city file filtered to one county has one;
//! - a "填报单位：青山县教育局" line, above the header or under the table ([`unit_from_text`]);
//!   the name may come from it too (青山县教育局 → 青山县);
//! - the year: a 年份 / 学年 column ([`YEAR_HEADERS`]) whose cells stand for one year on the
//!   rows analysed ([`year_of_cell`]), when no title row says it.
//!
//! A slice of a city's file by its county or year column (`crate::slices`) takes its county
//! or year from that column first: the title speaks for the whole file.
//!
//! A detected value is a suggestion: it says where it came from, and the dossier prints what
//! the user confirms or types.

use serde::Serialize;

use crate::fields::Field;
use crate::ingest::mapping::header_key;
use crate::ingest::number::fold_width;
use crate::ingest::{Ingested, Table};

pub use crate::ingest::synonyms::{COUNTY_HEADERS, YEAR_HEADERS};

/// Endings of a county-level name: 县, 区 (district), 市 (county-level city), 旗 (banner).
const COUNTY_ENDINGS: [char; 4] = ['县', '区', '市', '旗'];

/// Names of an education bureau after the county's name (青山县教育局 → 青山县).
const BUREAU_SUFFIXES: [&str; 9] = [
    "教育和体育局",
    "教育体育局",
    "教育科学技术局",
    "教育和科学技术局",
    "教育科技局",
    "教育和科技局",
    "教体局",
    "教科局",
    "教育局",
];

/// Where a value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Set by the user (`--county`, the page's field).
    Given,
    /// A title row above the header.
    Title,
    /// A 县 column with one value.
    Column,
    /// A 填报单位 line.
    UnitLine,
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Found<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub from: Origin,
    /// The line of the file it was read from, when it was read from one line.
    pub line: Option<u64>,
}

/// The county of a report: each part `null` when neither the file nor the user says it.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct County {
    /// 县（市、区）name, e.g. 青山县.
    pub name: Option<Found<String>>,
    /// The year of the data, e.g. 2023.
    pub year: Option<Found<u32>>,
    /// 填报单位, e.g. 青山县教育局.
    pub unit: Option<Found<String>>,
}

/// What the user set, each overriding what the file says. Checked by
/// `AnalysisConfig::validate` ([`CountyGiven::check`]).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CountyGiven {
    /// County name.
    pub name: Option<String>,
    /// Year of the data.
    pub year: Option<u32>,
    /// 填报单位.
    pub unit: Option<String>,
}

/// Years accepted from a title or the user.
pub const YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

impl CountyGiven {
    /// Nothing set.
    pub fn none() -> CountyGiven {
        CountyGiven::default()
    }

    /// The first value that is not acceptable, as (option, value): an empty name or unit, a
    /// year outside [`YEARS`].
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if let Some(name) = &self.name {
            if name.trim().is_empty() {
                return Err(("county", name.clone()));
            }
        }
        if let Some(unit) = &self.unit {
            if unit.trim().is_empty() {
                return Err(("unit", unit.clone()));
            }
        }
        if let Some(year) = self.year {
            if !YEARS.contains(&year) {
                return Err(("year", year.to_string()));
            }
        }
        Ok(())
    }
}

/// The county of `table`, looking at the title lines, the 县 column on `rows` (indices into
/// `table.rows`) and the 填报单位 lines, then applying what the user gave.
pub fn detect(table: &Table, rows: &[usize], given: &CountyGiven) -> County {
    let mut county = County::default();
    // A slice of a city's file by its county or year column: that column names the slice's
    // county or year, before the title, which speaks for the whole file (青山市2023年…).
    if let Some(slice) = &table.source.slice {
        if let Some(column) = slice.county_column() {
            county.name = from_column(table, rows, column);
        }
        if let Some(column) = slice.year_column() {
            county.year = year_from_column(table, rows, column);
        }
    }
    for (line, text) in &table.source.title {
        // A 填报单位 line is read below, as the unit (and the name only when no title has it).
        if text.contains("填报单位") {
            continue;
        }
        let (name, year) = from_title(text);
        if county.name.is_none() {
            county.name = name.map(|value| Found {
                value,
                from: Origin::Title,
                line: Some(*line),
            });
        }
        if county.year.is_none() {
            county.year = year.map(|value| Found {
                value,
                from: Origin::Title,
                line: Some(*line),
            });
        }
    }
    if county.name.is_none() {
        county.name = header_column(table, &COUNTY_HEADERS)
            .and_then(|column| from_column(table, rows, column));
    }
    if county.year.is_none() {
        county.year = header_column(table, &YEAR_HEADERS)
            .and_then(|column| year_from_column(table, rows, column));
    }
    let unit_lines = table.source.title.iter().cloned().chain(
        // Notes under the table keep their text in the reason ("表下注释“填报单位：…”").
        table
            .source
            .skipped
            .iter()
            .map(|s| (s.line, s.reason_zh.clone())),
    );
    for (line, text) in unit_lines {
        if let Some(value) = unit_from_text(&text) {
            county.unit = Some(Found {
                value,
                from: Origin::UnitLine,
                line: Some(line),
            });
            break;
        }
    }
    if county.name.is_none() {
        if let Some(unit) = &county.unit {
            county.name = name_from_unit(&unit.value).map(|value| Found {
                value,
                from: Origin::UnitLine,
                line: unit.line,
            });
        }
    }
    let given_text = |v: &Option<String>| {
        v.as_ref().map(|value| Found {
            value: value.trim().to_string(),
            from: Origin::Given,
            line: None,
        })
    };
    if let Some(found) = given_text(&given.name) {
        county.name = Some(found);
    }
    if let Some(found) = given_text(&given.unit) {
        county.unit = Some(found);
    }
    if let Some(year) = given.year {
        county.year = Some(Found {
            value: year,
            from: Origin::Given,
            line: None,
        });
    }
    county
}

/// The county name and year of a title line: "某县2023年义务教育学校办学条件统计表" →
/// (某县, 2023); "2023年青山县义务教育…" → (青山县, 2023); "青山县义务教育学校…" → (青山县,
/// none). A name must end in 县, 区, 市 or 旗 (县域 is not a name); a year must lie in
/// [`YEARS`].
pub fn from_title(text: &str) -> (Option<String>, Option<u32>) {
    let text = fold_width(text);
    let chars: Vec<char> = text.chars().collect();
    let mut year = None;
    let mut before_year = None;
    let mut after_year = None;
    let mut i = 0;
    while i + 4 <= chars.len() {
        let digits: String = chars[i..i + 4].iter().collect();
        let bounded = (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if bounded && digits.chars().all(|c| c.is_ascii_digit()) {
            let value: u32 = digits.parse().expect("four ASCII digits");
            // A year is followed by 年 (年, 年度, 学年) or by a range "-2024学年".
            let rest: String = chars[i + 4..].iter().collect();
            let rest_trimmed = rest.trim_start();
            let range_end = rest_trimmed
                .strip_prefix(['-', '—', '–', '~', '～', '/'])
                .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
            let after = range_end.unwrap_or(rest_trimmed);
            let marker = ["学年度", "年度", "学年", "年"]
                .into_iter()
                .find(|m| after.starts_with(m));
            if let (Some(marker), true) = (marker, YEARS.contains(&value)) {
                year = Some(value);
                before_year = Some(chars[..i].iter().collect::<String>());
                after_year = Some(after[marker.len()..].to_string());
                break;
            }
        }
        i += 1;
    }
    let candidates = match (&before_year, &after_year) {
        (Some(before), Some(after)) => vec![last_segment(before), before_marker(after)],
        _ => vec![before_marker(&text)],
    };
    let name = candidates.into_iter().flatten().find(|c| is_county_name(c));
    (name, year)
}

/// The last segment of `text` after spaces and separators: "附件2 青山县" → 青山县.
fn last_segment(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ':' | '、' | ',' | '，' | '：'))
        .rfind(|s| !s.is_empty())
        .map(|s| {
            s.trim_matches(|c: char| c.is_ascii_punctuation())
                .to_string()
        })
}

/// The text before the first word that starts a table's subject (义务教育, 中小学, 学校, 教育,
/// 各级), as its last segment.
fn before_marker(text: &str) -> Option<String> {
    let cut = [
        "义务教育",
        "中小学",
        "小学",
        "初中",
        "学校",
        "教育",
        "各级",
        "基础",
    ]
    .iter()
    .filter_map(|m| text.find(m))
    .min()?;
    last_segment(&text[..cut])
}

/// A county-level name: at least two characters, ending in 县, 区, 市 or 旗, not 县域 and no
/// digits.
fn is_county_name(text: &str) -> bool {
    let n = text.chars().count();
    n >= 2
        && text.ends_with(COUNTY_ENDINGS)
        && !text.chars().any(|c| c.is_ascii_digit())
        && !matches!(
            text,
            "全县" | "全区" | "全市" | "本县" | "本区" | "本市" | "各县" | "各区"
        )
}

/// The first column whose header is one of `headers` (after [`header_key`]).
fn header_column(table: &Table, headers: &[&str]) -> Option<usize> {
    table
        .headers
        .iter()
        .position(|h| headers.contains(&header_key(h).0.as_str()))
}

/// The year of a year column when its cells on `rows` all stand for one year
/// ([`year_of_cell`]: 2023 and 2023学年 are one year); `None` when a cell is not a year.
fn year_from_column(table: &Table, rows: &[usize], column: usize) -> Option<Found<u32>> {
    let mut found: Option<(u32, u64)> = None;
    for &r in rows {
        let row = table.rows.get(r)?;
        let cell = row.cells.get(column).map_or("", |c| c.trim());
        if cell.is_empty() {
            continue;
        }
        let year = year_of_cell(cell)?;
        match found {
            None => found = Some((year, row.line)),
            Some((y, _)) if y == year => {}
            Some(_) => return None,
        }
    }
    let (value, line) = found?;
    Some(Found {
        value,
        from: Origin::Column,
        line: Some(line),
    })
}

/// The year a cell of a year column stands for: `2023`, `2023年`, `2023年度`, `2023学年`,
/// `2023学年度`, `2023-2024学年` or `2023—24` (a school year is named by the year it starts
/// in), `2023.0` (a number from a workbook), full-width digits too. `None` for anything else,
/// or a year outside [`YEARS`].
pub fn year_of_cell(cell: &str) -> Option<u32> {
    let text = fold_width(cell);
    let text = text.trim();
    let digits = |t: &str| t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if digits(text) != 4 {
        return None;
    }
    let year: u32 = text[..4].parse().ok()?;
    let mut rest = text[4..].trim_start();
    if let Some(zeros) = rest.strip_prefix('.') {
        if zeros.is_empty() || !zeros.chars().all(|c| c == '0') {
            return None;
        }
        rest = "";
    }
    if let Some(end) = rest.strip_prefix(['-', '—', '–', '~', '～', '/', '至']) {
        let end = end.trim_start();
        let n = digits(end);
        if n != 2 && n != 4 {
            return None;
        }
        rest = end[n..].trim_start();
    }
    let marker_ok = rest.is_empty() || ["年", "年度", "学年", "学年度"].contains(&rest);
    (marker_ok && YEARS.contains(&year)).then_some(year)
}

/// The county and year columns (mapped as [`Field::County`] and [`Field::Year`]) holding more
/// than one value on `rows` (years compared as years: 2023 and 2023学年 are one), county first:
/// each column with its first `max` values, in order of appearance. Such a file is a city's or
/// several years': its CVs and verdicts mean something per county and year only
/// (`crate::slices`). O(rows).
pub fn several_values(
    ingested: &Ingested,
    rows: &[usize],
    max: usize,
) -> Vec<(usize, Vec<String>)> {
    let table = &ingested.table;
    [Field::County, Field::Year]
        .into_iter()
        .filter_map(|field| {
            let column = ingested.mapping.get(field)?.column;
            let mut seen: Vec<(Option<u32>, &str)> = Vec::new();
            for &r in rows {
                let cell = table
                    .rows
                    .get(r)?
                    .cells
                    .get(column)
                    .map_or("", |c| c.trim());
                if cell.is_empty() {
                    continue;
                }
                let year = (field == Field::Year).then(|| year_of_cell(cell)).flatten();
                let same = |(y, text): &(Option<u32>, &str)| match (year, y) {
                    (Some(a), Some(b)) => a == *b,
                    _ => *text == cell,
                };
                if !seen.iter().any(same) {
                    seen.push((year, cell));
                    if seen.len() > max {
                        break;
                    }
                }
            }
            (seen.len() > 1).then(|| {
                let values = seen.iter().take(max).map(|(_, t)| t.to_string()).collect();
                (column, values)
            })
        })
        .collect()
}

/// The value of a 县 column when it holds one value on `rows`.
fn from_column(table: &Table, rows: &[usize], column: usize) -> Option<Found<String>> {
    let mut value: Option<(&str, u64)> = None;
    for &r in rows {
        let row = table.rows.get(r)?;
        let cell = row.cells.get(column).map_or("", |c| c.trim());
        if cell.is_empty() {
            continue;
        }
        match value {
            None => value = Some((cell, row.line)),
            Some((v, _)) if v == cell => {}
            Some(_) => return None,
        }
    }
    let (value, line) = value?;
    Some(Found {
        value: value.to_string(),
        from: Origin::Column,
        line: Some(line),
    })
}

/// The 填报单位 of a line: "填报单位：青山县教育局 单位：人" → 青山县教育局. A "（盖章）" after
/// the label is allowed; the value runs to the next space.
pub fn unit_from_text(text: &str) -> Option<String> {
    let text = fold_width(text);
    let at = text.find("填报单位")?;
    let rest = &text[at + "填报单位".len()..];
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("(盖章)")
        .or_else(|| rest.strip_prefix("(公章)"))
        .unwrap_or(rest)
        .trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let value: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '”' | '"'))
        .collect();
    let value = value
        .trim_end_matches([',', '，', ';', '；', '。'])
        .to_string();
    (!value.is_empty()).then_some(value)
}

/// The county of a bureau's name: 青山县教育局 → 青山县.
fn name_from_unit(unit: &str) -> Option<String> {
    let stem = BUREAU_SUFFIXES
        .iter()
        .find_map(|suffix| unit.strip_suffix(suffix))?;
    let stem = last_segment(stem)?;
    is_county_name(&stem).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        let cases: [(&str, Option<&str>, Option<u32>); 12] = [
            (
                "某县2023年义务教育学校办学条件统计表",
                Some("某县"),
                Some(2023),
            ),
            (
                "2023年青山县义务教育学校基本情况表",
                Some("青山县"),
                Some(2023),
            ),
            (
                "青山县2022年度义务教育均衡发展监测表",
                Some("青山县"),
                Some(2022),
            ),
            (
                "青山县2023-2024学年中小学办学条件",
                Some("青山县"),
                Some(2023),
            ),
            (
                "附件2 鸠江区2023年义务教育基本均衡发展状况监测结果",
                Some("鸠江区"),
                Some(2023),
            ),
            (
                "安徽省芜湖市鸠江区2023年义务教育学校情况",
                Some("安徽省芜湖市鸠江区"),
                Some(2023),
            ),
            ("宁国市义务教育学校办学条件统计表", Some("宁国市"), None),
            ("县域义务教育优质均衡发展监测表", None, None),
            ("2023年县域义务教育学校统计表", None, Some(2023)),
            ("全县2023年学校统计", None, Some(2023)),
            ("单位：人、平方米、万元", None, None),
            ("学校代码 21360001 统计", None, None),
        ];
        for (text, name, year) in cases {
            assert_eq!(from_title(text), (name.map(str::to_string), year), "{text}");
        }
    }

    #[test]
    fn reporting_units() {
        let cases: [(&str, Option<&str>); 6] = [
            ("填报单位：青山县教育局", Some("青山县教育局")),
            (
                "填报单位：青山县教育局 单位：人、平方米、万元",
                Some("青山县教育局"),
            ),
            (
                "填报单位（盖章）：青山县教育体育局  填表人：",
                Some("青山县教育体育局"),
            ),
            ("表下注释“填报单位:青山县教育局”", Some("青山县教育局")),
            ("填报单位：", None),
            ("单位：人", None),
        ];
        for (text, expected) in cases {
            assert_eq!(unit_from_text(text), expected.map(str::to_string), "{text}");
        }
        assert_eq!(name_from_unit("青山县教育局").as_deref(), Some("青山县"));
        assert_eq!(
            name_from_unit("鸠江区教育体育局").as_deref(),
            Some("鸠江区")
        );
        assert_eq!(name_from_unit("青山县人民政府"), None);
    }

    #[test]
    fn years_of_cells() {
        let cases: [(&str, Option<u32>); 16] = [
            ("2023", Some(2023)),
            (" 2023年 ", Some(2023)),
            ("2023年度", Some(2023)),
            ("2023学年", Some(2023)),
            ("2023学年度", Some(2023)),
            ("2023-2024学年", Some(2023)),
            ("2023—24学年", Some(2023)),
            ("2023 ~ 2024", Some(2023)),
            ("２０２３年", Some(2023)),
            ("2023.0", Some(2023)),
            ("2023.5", None),
            ("23", None),
            ("20231", None),
            ("1850", None),
            ("2023年9月", None),
            ("第2023号", None),
        ];
        for (cell, year) in cases {
            assert_eq!(year_of_cell(cell), year, "{cell}");
        }
    }

    #[test]
    fn given_values_are_checked() {
        assert_eq!(CountyGiven::none().check(), Ok(()));
        let bad_year = CountyGiven {
            year: Some(23),
            ..CountyGiven::none()
        };
        assert_eq!(bad_year.check(), Err(("year", "23".into())));
        let blank = CountyGiven {
            name: Some("  ".into()),
            ..CountyGiven::none()
        };
        assert_eq!(blank.check(), Err(("county", "  ".into())));
    }
}
