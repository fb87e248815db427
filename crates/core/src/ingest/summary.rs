//! Summary rows inside the data (合计, 小计, 全县平均值, Total): not schools, left out and listed.

use super::number::fold_char;
use super::RawRow;

/// Words of summary rows, compared on the normalised text of one of the first cells.
const SUMMARY_WORDS: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "全县",
    "全县合计",
    "全县平均值",
    "全县平均",
    "平均",
    "平均值",
    "标准差",
    "差异系数",
    "综合",
    "综合差异系数",
    "全区",
    "全区合计",
    "全市",
    "total",
    "subtotal",
    "sum",
    "mean",
    "average",
];

/// Prefixes of summary rows (合计：, 其中：女).
const SUMMARY_PREFIXES: &[&str] = &["合计", "总计", "小计", "全县", "全区", "其中"];

/// The characters of a cell's key, compared with the summary words: full-width folded,
/// lower-case, without spaces and punctuation. Character by character, so that a check can
/// stop after the first few (`char::to_lowercase` differs from `str::to_lowercase` only for a
/// final Σ, which is in no summary word).
fn key_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .filter(|c| {
            !(c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(c, '、' | '，' | '。' | '：' | '；' | '·'))
        })
}

/// Characters of the longest summary word (`subtotal`).
const LONGEST_SUMMARY_WORD: usize = 8;

/// Whether `c` is the first character of a summary word or prefix (a test checks it against
/// the lists): a plain match, as it is asked of three cells of every row.
fn is_summary_initial(c: char) -> bool {
    matches!(
        c,
        '合' | '总' | '小' | '全' | '平' | '标' | '差' | '综' | '其' | 't' | 's' | 'm' | 'a'
    )
}

/// Whether the key of `text` is a summary word or starts with a summary prefix. This runs on
/// three cells of every row, so no key is allocated: a key longer than every word can only
/// match a prefix, so its first `LONGEST_SUMMARY_WORD + 1` characters decide, and they fit in
/// a small buffer. Most cells (school names, numbers, 城区) stop at the first character, which
/// starts no word.
fn is_summary_text(text: &str) -> bool {
    // An ideograph is its own key character (no width to fold, no case, not punctuation):
    // a cell such as 县一中 or 城区 is answered without the case tables.
    if let Some(c) = text.chars().next() {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) && !is_summary_initial(c) {
            return false;
        }
    }
    let mut buffer = [0u8; 4 * (LONGEST_SUMMARY_WORD + 1)];
    let (mut bytes, mut chars) = (0, 0);
    for c in key_chars(text) {
        if chars == 0 && !is_summary_initial(c) {
            return false;
        }
        if chars == LONGEST_SUMMARY_WORD + 1 {
            break;
        }
        bytes += c.encode_utf8(&mut buffer[bytes..]).len();
        chars += 1;
    }
    let head = std::str::from_utf8(&buffer[..bytes]).expect("whole characters were encoded");
    SUMMARY_WORDS.contains(&head) || SUMMARY_PREFIXES.iter().any(|p| head.starts_with(p))
}

pub(super) fn summary_word(row: &RawRow) -> Option<&str> {
    row.cells
        .iter()
        .filter(|c| !c.trim().is_empty())
        .take(3)
        // A summary word is short: a long cell (a 10 MB field) is not folded for nothing.
        .find(|c| c.len() <= 64 && is_summary_text(c))
        .map(|c| c.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::number::fold_width;

    #[test]
    fn summary_text_is_the_key_rule() {
        assert!(SUMMARY_WORDS
            .iter()
            .all(|w| w.chars().count() <= LONGEST_SUMMARY_WORD));
        for word in SUMMARY_WORDS.iter().chain(SUMMARY_PREFIXES) {
            assert!(is_summary_initial(word.chars().next().unwrap()), "{word}");
        }
        // The rule as first written: build the key, then compare.
        let by_key = |text: &str| {
            let key: String = fold_width(text)
                .to_lowercase()
                .chars()
                .filter(|c| {
                    !(c.is_whitespace() || c.is_ascii_punctuation() || "、，。：；·".contains(*c))
                })
                .collect();
            SUMMARY_WORDS.contains(&key.as_str())
                || SUMMARY_PREFIXES.iter().any(|p| key.starts_with(p))
        };
        for text in [
            "合计",
            " 合 计 ",
            "合计：",
            "全县合计（万元）",
            "小学",
            "小计",
            "SubTotal",
            "ＴＯＴＡＬ",
            "total:",
            "totals",
            "Sum",
            "summary",
            "平均值",
            "平均值x",
            "其中：女",
            "综合差异系数",
            "县0000第1中学",
            "",
            "、",
            "ΣΣ",
            "subtotalx",
            "subtota",
            "average",
            "AVERAGE.",
            "全市",
            "全市合计",
        ] {
            assert_eq!(is_summary_text(text), by_key(text), "{text:?}");
        }
    }
}
