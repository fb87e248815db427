//! Rows that are not schools and are not summaries: notes under the table (注：…, 填表人：…)
//! and section rows (一、小学), whose level the rows below take.

use super::categories::SchoolKind;
use super::mapping;
use super::number::{fold_char, fold_width};
use super::RawRow;

/// Prefixes of notes under the table.
const NOTE_PREFIXES: &[&str] = &[
    "注",
    "说明",
    "备注",
    "填表人",
    "填报人",
    "审核人",
    "填报日期",
    "填表日期",
    "负责人",
    "单位负责人",
    "统计负责人",
    "制表人",
    "制表",
    "联系电话",
    "note",
];

/// Whether `c` is the first character of a note prefix (a test checks it against the list).
fn is_note_initial(c: char) -> bool {
    matches!(
        c,
        '注' | '说' | '备' | '填' | '审' | '负' | '单' | '统' | '制' | '联' | 'n'
    )
}

pub(super) fn note(row: &RawRow) -> Option<&str> {
    let first = row.cells.iter().map(|c| c.trim()).find(|c| !c.is_empty())?;
    // Most first cells (school names) start with no prefix's first character: told apart
    // without folding the whole cell.
    let initial = first.chars().next().map(fold_char)?.to_lowercase().next()?;
    if !is_note_initial(initial) {
        return None;
    }
    let folded = fold_width(first).to_lowercase();
    NOTE_PREFIXES
        .iter()
        .any(|p| {
            folded.strip_prefix(p).is_some_and(|rest| {
                let next = rest.trim_start().chars().next();
                *p != "注"
                    || matches!(
                        next,
                        Some(':' | '：' | '、' | '1'..='9' | '(' | '（') | None
                    )
            })
        })
        .then_some(first)
}

/// A section row: one text cell such as `一、小学`, `（二）初中`, `小学部分`.
pub(super) fn section(row: &RawRow) -> Option<SchoolKind> {
    let mut texts = row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let text = texts.next()?;
    if texts.next().is_some() {
        return None;
    }
    let folded = fold_width(text);
    let rest = folded
        .trim_start_matches(['(', '（', ' '])
        .trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
        .trim_start_matches([')', '）', '、', '.', '．', ' ', ':', '：']);
    let (rest, _) = mapping::header_key(rest);
    let rest = rest.strip_suffix("部分").unwrap_or(&rest);
    let rest = rest.strip_suffix("学校").unwrap_or(rest);
    SchoolKind::parse(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_initials_cover_the_prefixes() {
        for prefix in NOTE_PREFIXES {
            assert!(is_note_initial(prefix.chars().next().unwrap()), "{prefix}");
        }
    }
}
