//! A county sheet matched with a standard's items ([`CountySheet::resolve`]): each row's item
//! from the id its 指标 begins with, its value from the words of its name (交流 or 骨干 for
//! G11) and its level from 小学 / 初中, its 值 read as what that value takes. Unknown ids and
//! rows without one are named in warnings with their line; a value that cannot be read is an
//! error naming line and column ([`CountyError`]).

use super::super::input::Level;
use super::super::table::Standard;
use super::county::{CountyEntry, CountySheet, CountyValues};
use super::county_error::{CountyError, Expected};
use super::table::{Item, ItemValue, Op, ValueUnit, ITEM_IDS};
use crate::error::column_letter;
use crate::ingest::mapping::header_key;
use crate::ingest::number::fold_width;
use crate::ingest::{parse_number, Number};
use crate::quote::quote;
use crate::report::Warning;

/// County values matched with a standard, and what the reader should know about the rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The values.
    pub values: CountyValues,
    /// Rows not read (unknown ids, no id), values given twice, percentages without `%`.
    pub warnings: Vec<Warning>,
}

/// Headers of the 指标 column, compared after [`header_key`].
const NAME_HEADERS: [&str; 7] = [
    "指标",
    "指标名称",
    "评估指标",
    "项目",
    "评估项目",
    "item",
    "indicator",
];
/// Headers of the 值 column.
const VALUE_HEADERS: [&str; 8] = [
    "值",
    "数值",
    "填报值",
    "指标值",
    "结果",
    "达成值",
    "完成值",
    "value",
];
/// Headers of the 说明 column.
const NOTE_HEADERS: [&str; 4] = ["说明", "备注", "note", "notes"];
/// Headers of the 佐证材料 column.
const EVIDENCE_HEADERS: [&str; 4] = ["佐证材料", "佐证", "佐证材料名称", "evidence"];

/// 是 and its synonyms, compared folded and in lower case. The presence words (有, 存在) are
/// yes/no only where a yes/no is all the row takes.
const YES: [&str; 10] = [
    "是",
    "达到",
    "已达到",
    "达标",
    "符合",
    "y",
    "yes",
    "true",
    "√",
    "✓",
];
const NO: [&str; 12] = [
    "否",
    "未达到",
    "没达到",
    "未达标",
    "不达标",
    "不符合",
    "n",
    "no",
    "false",
    "×",
    "✗",
    "x",
];
const PRESENT: [&str; 2] = ["有", "存在"];
const ABSENT: [&str; 3] = ["无", "没有", "不存在"];
/// Cells meaning "not filled in yet".
const BLANK: [&str; 8] = ["", "—", "——", "-", "/", "n/a", "待填", "未填"];

/// What a 值 cell holds, before it is matched with what its value takes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cell {
    Blank,
    /// 是 (true) or 否; `presence` for 有 / 无 / 存在 / 不存在.
    YesNo {
        answer: bool,
        presence: bool,
    },
    /// A number; `percent` when written with %, already divided by 100 then.
    Number {
        value: f64,
        percent: bool,
    },
    Invalid,
}

fn classify(text: &str) -> Cell {
    let folded = fold_width(text).trim().to_lowercase();
    let folded = folded.as_str();
    if BLANK.contains(&folded) {
        return Cell::Blank;
    }
    if YES.contains(&folded) {
        return Cell::YesNo {
            answer: true,
            presence: false,
        };
    }
    if NO.contains(&folded) {
        return Cell::YesNo {
            answer: false,
            presence: false,
        };
    }
    if PRESENT.contains(&folded) || ABSENT.contains(&folded) {
        return Cell::YesNo {
            answer: PRESENT.contains(&folded),
            presence: true,
        };
    }
    match parse_number(folded) {
        Number::Value(value) => Cell::Number {
            value,
            percent: folded.ends_with('%'),
        },
        Number::Missing => Cell::Blank,
        Number::Invalid => Cell::Invalid,
    }
}

/// The item id a 指标 cell begins with (`G13`, `g 13`, `Ｇ１３`) and the rest of it; `None`
/// when it does not begin with one of G, Q, S, V and a number.
fn split_id(name: &str) -> Option<(String, String)> {
    let folded = fold_width(name);
    let text = folded.trim_start();
    let mut chars = text.char_indices();
    let (_, letter) = chars.next()?;
    let letter = letter.to_ascii_uppercase();
    if !matches!(letter, 'G' | 'Q' | 'S' | 'V') {
        return None;
    }
    let rest = &text[1..];
    let rest = rest.trim_start();
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let after = &rest[digits.len()..];
    let id = format!("{letter}{}", digits.trim_start_matches('0'));
    let after = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '、' | ':' | '：' | '-' | '_' | ',' | '，')
    });
    Some((id, after.to_string()))
}

/// The level a 指标 names: 小学 or 初中; none when it names both or neither.
fn level_of(rest: &str) -> Option<Level> {
    match (rest.contains("小学"), rest.contains("初中")) {
        (true, false) => Some(Level::Primary),
        (false, true) => Some(Level::Junior),
        _ => None,
    }
}

/// Whether a value's words pick it out of the 指标 text.
fn names(value: &ItemValue, rest: &str) -> bool {
    let rest = rest.to_lowercase();
    value.words.iter().any(|w| rest.contains(&w.to_lowercase()))
        && !value
            .unless
            .iter()
            .any(|w| rest.contains(&w.to_lowercase()))
}

/// Where the columns are: the header row's index and the columns of 指标, 值, 说明, 佐证材料.
fn layout(sheet: &CountySheet) -> (Option<usize>, [Option<usize>; 4]) {
    for (i, row) in sheet.rows.iter().take(10).enumerate() {
        let find = |names: &[&str]| {
            row.cells
                .iter()
                .position(|c| names.contains(&header_key(c).0.as_str()))
        };
        let (name, value) = (find(&NAME_HEADERS), find(&VALUE_HEADERS));
        if name.is_some() && value.is_some() {
            return (
                Some(i),
                [name, value, find(&NOTE_HEADERS), find(&EVIDENCE_HEADERS)],
            );
        }
    }
    (None, [Some(0), Some(1), Some(2), Some(3)])
}

impl CountySheet {
    /// Matches the rows with the standard's items. A standard without items gives no values.
    pub fn resolve(&self, standard: &Standard) -> Result<Resolved, CountyError> {
        let mut values = CountyValues::new(&self.source);
        let mut warnings = Vec::new();
        let (header, [name_col, value_col, note_col, evidence_col]) = layout(self);
        let value_letter = column_letter(value_col.unwrap_or(1));
        let mut bare_rates: Vec<(u64, String, String, f64)> = Vec::new();
        let mut seen: Vec<(String, Option<String>, Option<Level>, u64)> = Vec::new();
        let start = header.map_or(0, |h| h + 1);
        for row in &self.rows[start.min(self.rows.len())..] {
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.cells.get(c))
                    .map_or("", |s| s.trim())
                    .to_string()
            };
            let (name, text, note, evidence) = (
                cell(name_col),
                cell(value_col),
                cell(note_col),
                cell(evidence_col),
            );
            let Some((id, rest)) = split_id(&name) else {
                if !text.is_empty() {
                    warnings.push(warning(
                        "county_value_no_item",
                        None,
                        row.line,
                        format!("县级指标第 {} 行的“{}”不以评估项编号（如 G13）开头，其值“{}”未读取。", row.line, quote(&name), quote(&text)),
                        format!("County sheet (县级指标), line {}: “{}” does not begin with an item id (such as G13); its value “{}” was not read.", row.line, quote(&name), quote(&text)),
                    ));
                }
                continue;
            };
            if !ITEM_IDS.contains(&id.as_str()) {
                warnings.push(warning(
                    "county_value_unknown_item",
                    Some(&id),
                    row.line,
                    format!("县级指标第 {} 行的“{}”：{id} 不是优质均衡的评估项（G1–G15、Q1–Q9、S1、V1–V6），未读取。", row.line, quote(&name)),
                    format!("County sheet (县级指标), line {}: “{}”: {id} is not an item of the 2017 evaluation (G1–G15, Q1–Q9, S1, V1–V6); not read.", row.line, quote(&name)),
                ));
                continue;
            }
            let Some(item) = standard.item(&id) else {
                continue;
            };
            let read = classify(&text);
            let bad = |expected: Expected| CountyError::BadValue {
                line: row.line,
                column: value_letter.clone(),
                name: name.clone(),
                text: text.clone(),
                expected,
            };
            let value = choose(item, &rest, read).map_err(|values_zh| CountyError::WhichValue {
                line: row.line,
                name: name.clone(),
                id: id.clone(),
                values_en: item
                    .values
                    .iter()
                    .filter(|v| values_zh.contains(&v.name_zh))
                    .map(|v| v.name_en.clone())
                    .collect(),
                values_zh,
            })?;
            let (number, answer) = match value {
                None => match read {
                    Cell::Blank => (None, None),
                    Cell::YesNo { answer, .. } => (None, Some(answer)),
                    _ => return Err(bad(Expected::YesNo)),
                },
                Some(v) => accept(v, read).map_err(bad)?,
            };
            if let Some(n) = number {
                if n < 0.0 {
                    return Err(CountyError::Negative {
                        line: row.line,
                        column: value_letter.clone(),
                        name: name.clone(),
                        text: text.clone(),
                    });
                }
            }
            let (number, bare) = match (value, read, number) {
                (
                    Some(v),
                    Cell::Number {
                        percent: false,
                        value: raw,
                    },
                    Some(_),
                ) if v.unit == ValueUnit::Percent => {
                    let fraction = if raw > 1.0 { raw / 100.0 } else { raw };
                    (Some(fraction), Some(fraction))
                }
                _ => (number, None),
            };
            if let Some(fraction) = bare {
                bare_rates.push((row.line, id.clone(), text.clone(), fraction));
            }
            if number.is_none() && answer.is_none() && note.is_empty() && evidence.is_empty() {
                continue;
            }
            let key = value.map(|v| v.key.clone());
            let level = value.filter(|v| v.per_level).and_then(|_| level_of(&rest));
            if let Some(k) = seen
                .iter()
                .position(|(i, k, l, _)| *i == id && *k == key && *l == level)
            {
                let first = seen[k].3;
                warnings.push(warning(
                    "county_value_repeated",
                    Some(&id),
                    row.line,
                    format!("县级指标第 {first} 行和第 {} 行填写了同一项（{}），按第 {} 行。", row.line, quote(&name), row.line),
                    format!("County sheet (县级指标): lines {first} and {} give the same value (“{}”); line {} is used.", row.line, quote(&name), row.line),
                ));
                seen[k].3 = row.line;
            } else {
                seen.push((id.clone(), key.clone(), level, row.line));
            }
            values.set(CountyEntry {
                id: id.clone(),
                key,
                level,
                value: number,
                answer,
                note,
                evidence,
                line: Some(row.line),
            });
        }
        if !bare_rates.is_empty() {
            let zh: Vec<String> = bare_rates
                .iter()
                .take(10)
                .map(|(line, id, text, v)| {
                    format!(
                        "第 {line} 行 {id} 的“{}”按 {}%",
                        quote(text),
                        super::county::short(v * 100.0)
                    )
                })
                .collect();
            let en: Vec<String> = bare_rates
                .iter()
                .take(10)
                .map(|(line, id, text, v)| {
                    format!(
                        "line {line}, {id}: “{}” as {} %",
                        quote(text),
                        super::county::short(v * 100.0)
                    )
                })
                .collect();
            let more = if bare_rates.len() > 10 { "…" } else { "" };
            warnings.push(warning(
                "county_percent_read",
                None,
                bare_rates[0].0,
                format!("县级指标中的比例没有写 %，按以下方式读取（大于 1 的数按百分数，不大于 1 的按小数）：{}{more}。请核对；写成带 % 的数（如 96%）可避免误读。", zh.join("；")),
                format!("County sheet (县级指标): rates written without % were read as follows (a number above 1 as a percentage, up to 1 as a fraction): {}{more}. Check them; writing the % (96%) leaves no doubt.", en.join("; ")),
            ));
        }
        Ok(Resolved { values, warnings })
    }
}

/// The value of `item` a row gives: the one its words name; the item's only value the county
/// can enter, when the cell fits it; the whole item (`None`) for a 是/否. `Err` with the
/// values' names when the row could be any of several.
fn choose<'a>(
    item: &'a Item,
    rest: &str,
    read: Cell,
) -> Result<Option<&'a ItemValue>, Vec<String>> {
    let entered: Vec<&ItemValue> = item.values.iter().filter(|v| v.entered).collect();
    let named: Vec<&ItemValue> = entered.iter().copied().filter(|v| names(v, rest)).collect();
    match named.len() {
        1 => return Ok(Some(named[0])),
        0 => {}
        _ => return Err(named.iter().map(|v| v.name_zh.clone()).collect()),
    }
    let is_yes_no = matches!(read, Cell::YesNo { .. } | Cell::Blank);
    if let [only] = entered.as_slice() {
        let fits = match read {
            Cell::Number { .. } => only.op != Op::Yes,
            Cell::YesNo { .. } | Cell::Blank => only.op != Op::Input,
            Cell::Invalid => true,
        };
        if fits {
            return Ok(Some(only));
        }
    }
    if is_yes_no || entered.is_empty() {
        return Ok(None);
    }
    if entered.len() > 1 {
        return Err(entered.iter().map(|v| v.name_zh.clone()).collect());
    }
    Ok(None)
}

/// A cell as the value takes it: (figure, 是/否); `Err` with what it should have been.
fn accept(value: &ItemValue, read: Cell) -> Result<(Option<f64>, Option<bool>), Expected> {
    let expected = match (value.op, value.unit) {
        (Op::Yes, _) => Expected::YesNo,
        (_, ValueUnit::Percent) => Expected::Rate,
        (op, unit) => {
            let (unit_zh, unit_en) = unit_words(unit);
            Expected::Number {
                unit_zh,
                unit_en,
                yes_no: op != Op::Input,
            }
        }
    };
    match (value.op, read) {
        (_, Cell::Blank) => Ok((None, None)),
        (Op::Yes, Cell::YesNo { answer, .. }) => Ok((None, Some(answer))),
        // 无 for a figure is "none given", as in the school table; 有 says nothing.
        (
            Op::Input,
            Cell::YesNo {
                answer: false,
                presence: true,
            },
        ) => Ok((None, None)),
        (
            _,
            Cell::YesNo {
                answer: false,
                presence: true,
            },
        ) => Ok((None, None)),
        (Op::Input, Cell::YesNo { .. }) | (_, Cell::YesNo { presence: true, .. }) => Err(expected),
        (_, Cell::YesNo { answer, .. }) => Ok((None, Some(answer))),
        (Op::Yes, _) | (_, Cell::Invalid) => Err(expected),
        (_, Cell::Number { percent: true, .. }) if value.unit != ValueUnit::Percent => {
            Err(expected)
        }
        (_, Cell::Number { value: v, .. }) => Ok((Some(v), None)),
    }
}

/// A unit as a message names it.
pub(super) fn unit_words(unit: ValueUnit) -> (&'static str, &'static str) {
    match unit {
        ValueUnit::Percent => ("%", "%"),
        ValueUnit::YuanPerPupil => ("元/生", "yuan per pupil"),
        ValueUnit::Pupils => ("人", "pupils"),
        ValueUnit::SquareMetres => ("平方米", "m²"),
        ValueUnit::RoomsPer12Classes => ("间/12个班", "rooms per 12 classes"),
        ValueUnit::Number => ("数值", "a number"),
        ValueUnit::YesNo => ("是/否", "yes/no"),
    }
}

fn warning(code: &'static str, id: Option<&str>, line: u64, zh: String, en: String) -> Warning {
    Warning {
        code,
        indicator: id.map(str::to_string),
        line: Some(line),
        zh,
        en,
    }
}

impl CountyValues {
    /// Checks values entered in the page's form against a standard: each names an item of it
    /// and a value the county can enter, and holds what that value takes.
    pub fn check(&self, standard: &Standard) -> Result<(), CountyError> {
        for e in &self.entries {
            let unknown = || CountyError::UnknownValue {
                id: e.id.clone(),
                key: e.key.clone().unwrap_or_default(),
            };
            let item = standard.item(&e.id).ok_or_else(unknown)?;
            let value = match &e.key {
                None => None,
                Some(k) => Some(item.value(k).filter(|v| v.entered).ok_or_else(unknown)?),
            };
            let fits = match (value.map(|v| v.op), e.value, e.answer) {
                (_, Some(_), Some(_)) => false,
                (None | Some(Op::Yes), Some(_), _) => false,
                (Some(Op::Input), _, Some(_)) => false,
                (_, Some(v), _) => v.is_finite() && v >= 0.0,
                _ => true,
            };
            if !fits {
                return Err(unknown());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(
            split_id("G13 就近划片"),
            Some(("G13".into(), "就近划片".into()))
        );
        assert_eq!(
            split_id("ｇ１３、就近"),
            Some(("G13".into(), "就近".into()))
        );
        assert_eq!(
            split_id("V 1 以考试方式招生"),
            Some(("V1".into(), "以考试方式招生".into()))
        );
        assert_eq!(split_id("G05"), Some(("G5".into(), String::new())));
        assert_eq!(split_id("一、政府保障程度"), None);
        assert_eq!(split_id("G"), None);
        assert_eq!(split_id("R1 资源"), None);
        assert_eq!(split_id("G123"), None);
    }

    #[test]
    fn cells() {
        assert_eq!(
            classify("96%"),
            Cell::Number {
                value: 0.96,
                percent: true
            }
        );
        assert_eq!(
            classify("９６．５％"),
            Cell::Number {
                value: 0.965,
                percent: true
            }
        );
        assert_eq!(
            classify(" 是 "),
            Cell::YesNo {
                answer: true,
                presence: false
            }
        );
        assert_eq!(
            classify("未达到"),
            Cell::YesNo {
                answer: false,
                presence: false
            }
        );
        assert_eq!(
            classify("Y"),
            Cell::YesNo {
                answer: true,
                presence: false
            }
        );
        assert_eq!(
            classify("无"),
            Cell::YesNo {
                answer: false,
                presence: true
            }
        );
        assert_eq!(classify("—"), Cell::Blank);
        assert_eq!(classify("很好"), Cell::Invalid);
    }
}
