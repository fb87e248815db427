//! Summary rows inside the data (合计, 小计, 全县平均值, Total): not schools, left out and listed.
//!
//! A row is a summary when one of its first three cells, or a cell of a text column (name,
//! level, town, …; not a note column), is a summary label: a summary word (合计, 平均值), a cell
//! that starts with a summary prefix (合计：, 其中：女), or one that a summary word ends
//! (城关镇小计, 小学合计, 县平均, Primary total). A word inside a name is no label: 县实验小学,
//! 中心小学 and 平均小学 are schools. Rows that are sums without a label: `subtotals`.

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
    // Whole characters were encoded, so this is valid UTF-8.
    let head = std::str::from_utf8(&buffer[..bytes]).unwrap_or_default();
    SUMMARY_WORDS.contains(&head) || SUMMARY_PREFIXES.iter().any(|p| head.starts_with(p))
}

/// Words that make a cell a summary label when they end it (城关镇小计, 县平均): their last
/// character is one of [`is_ending_final`].
const SUMMARY_ENDINGS: &[&str] = &[
    "合计",
    "小计",
    "总计",
    "合計",
    "小計",
    "總計",
    "平均",
    "平均数",
    "平均值",
    "均值",
    "最大值",
    "最小值",
];

/// English words that make a cell a summary label when they are its last word (Town subtotal).
const SUMMARY_LAST_WORDS: &[&str] = &["total", "subtotal", "totals", "average"];

/// Whether `c` ends a word of [`SUMMARY_ENDINGS`] or [`SUMMARY_LAST_WORDS`] (a test checks it).
fn is_ending_final(c: char) -> bool {
    matches!(c, '计' | '計' | '均' | '值' | '数' | 'l' | 's' | 'e')
}

/// Whether a summary word ends the key of `text`, or an English one is its last word. Most
/// cells end in a character that ends no word (小学, 城区, a name) and are answered from it.
fn ends_in_summary_word(text: &str) -> bool {
    // An ideograph ends most cells (一小, 城区): one that ends no word answers at once, without
    // the case tables.
    if let Some(c) = text.chars().next_back() {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) && !is_ending_final(c) {
            return false;
        }
    }
    let mut tail = key_chars_reversed(text);
    let Some(last) = tail.next() else {
        return false;
    };
    if !is_ending_final(last) {
        return false;
    }
    if last.is_ascii_alphabetic() {
        let lower = text
            .trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .to_lowercase();
        return SUMMARY_LAST_WORDS.iter().any(|w| {
            lower.strip_suffix(w).is_some_and(|before| {
                before
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        });
    }
    // The longest ending has three characters.
    let mut key: Vec<char> = Vec::with_capacity(3);
    key.push(last);
    key.extend(tail.take(2));
    key.reverse();
    let key: String = key.into_iter().collect();
    SUMMARY_ENDINGS.iter().any(|w| key.ends_with(w))
}

/// [`key_chars`] from the end of the text.
fn key_chars_reversed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .rev()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .filter(|c| {
            !(c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(c, '、' | '，' | '。' | '：' | '；' | '·'))
        })
}

/// Whether `text` is a summary label: a summary word, a summary prefix, or a summary ending.
pub(super) fn is_summary_label(text: &str) -> bool {
    // A label is short: a long cell (a 10 MB field) is not folded for nothing.
    text.len() <= 64 && (is_summary_text(text) || ends_in_summary_word(text))
}

/// The summary label of a row, if it has one: in one of its first three non-empty cells, or in
/// a cell of `text_columns` (sorted column indices).
pub(super) fn summary_label<'a>(row: &'a RawRow, text_columns: &[usize]) -> Option<&'a str> {
    // The first three non-empty cells, then the text columns not among them: each cell once,
    // as this runs on every row.
    let mut first_three = [usize::MAX; 3];
    let non_empty = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty())
        .take(3);
    for (k, (j, cell)) in non_empty.enumerate() {
        if is_summary_label(cell) {
            return Some(cell.trim());
        }
        first_three[k] = j;
    }
    text_columns
        .iter()
        .filter(|j| !first_three.contains(j))
        .filter_map(|&j| row.cells.get(j))
        .find(|c| is_summary_label(c))
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

    #[test]
    fn labels_end_cells_and_names_are_kept() {
        for word in SUMMARY_ENDINGS.iter().chain(SUMMARY_LAST_WORDS) {
            assert!(is_ending_final(word.chars().last().unwrap()), "{word}");
        }
        for label in [
            "合计",
            "合 计",
            "合計",
            "小学合计",
            "初中小计",
            "乡镇小计",
            "城关镇小计",
            "本页小计",
            "总计",
            "總計",
            "平均",
            "平均数",
            "均值",
            "县平均",
            "全县平均值",
            "最大值",
            "最小值",
            "Total",
            "Subtotal",
            "Average",
            "Primary total",
            "Town subtotal:",
            "ＴＯＴＡＬ",
            "小计：",
        ] {
            assert!(is_summary_label(label), "{label}");
        }
        for school in [
            "县实验小学",
            "中心小学",
            "平均小学",
            "城关镇实验学校",
            "Teetotal School",
            "Bossum",
            "小学",
            "城区",
            "1200",
            "",
        ] {
            assert!(!is_summary_label(school), "{school}");
        }
    }

    #[test]
    fn a_label_in_a_text_column_beyond_the_first_cells() {
        let row = RawRow {
            line: 5,
            cells: ["3", "城关镇", "小学", "小计", "300", "1700"]
                .into_iter()
                .map(Into::into)
                .collect(),
        };
        assert_eq!(summary_label(&row, &[]), None);
        assert_eq!(summary_label(&row, &[1, 2, 3]), Some("小计"));
    }
}
