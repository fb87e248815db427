//! Cell text quoted in a message: at most [`MAX_QUOTE`] characters, then `…`.
//!
//! Messages quote cells so that the user finds them (“1,2O4”, “城关镇小计”), but a cell may be
//! anything a file holds: a 50 MB field quoted whole made a 104 MB report and cost the page
//! gigabytes. Every message that quotes a cell, a header or a sheet name goes through
//! [`quote`], so a message stays a sentence whatever the file.

use std::borrow::Cow;

/// Characters of a cell quoted in a message; longer text is cut and ends in `…`.
pub const MAX_QUOTE: usize = 60;

/// `text` trimmed, cut to [`MAX_QUOTE`] characters (then `…`). O(MAX_QUOTE): the rest of a long
/// cell is never read.
///
/// ```
/// use junheng_core::quote::quote;
/// assert_eq!(quote(" 一小 "), "一小");
/// let long = "字".repeat(1000);
/// assert_eq!(quote(&long).chars().count(), 61);
/// ```
pub fn quote(text: &str) -> Cow<'_, str> {
    quote_at(text, MAX_QUOTE)
}

/// [`quote`] with another length: for a reader's own explanation, which may carry a cell.
pub fn quote_at(text: &str, max_chars: usize) -> Cow<'_, str> {
    let text = text.trim();
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", text[..end].trim_end())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_long_text_cut() {
        assert_eq!(quote(""), "");
        assert_eq!(quote("1,2O4"), "1,2O4");
        let exact = "a".repeat(MAX_QUOTE);
        assert_eq!(quote(&exact), exact);
        let over = "a".repeat(MAX_QUOTE + 1);
        assert_eq!(quote(&over), format!("{}…", "a".repeat(MAX_QUOTE)));
        // Characters, not bytes: a cut never splits one.
        let wide = "学".repeat(100);
        assert_eq!(quote(&wide), format!("{}…", "学".repeat(MAX_QUOTE)));
        assert_eq!(quote_at("abcdef", 3), "abc…");
    }
}
