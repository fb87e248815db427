//! Text for a terminal: the control characters a file may carry shown as escapes.
//!
//! A school name holding `ESC [ 2 J` clears the screen when printed; `ESC ] 0 ; … BEL` renames
//! the terminal window; other sequences move the cursor, rewrite lines or, in some terminals,
//! run commands. Everything the CLI prints that is not JSON (`-f text`, `-f csv`, `plan`,
//! `profile`) goes through [`escape_controls`]: C0 and C1 controls, DEL and the bidirectional
//! overrides (which reorder what the reader sees) become `\u{1b}`-style text. JSON escapes them
//! itself.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is (`\n` is decided by the caller).
fn is_dangerous(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character escaped, line feeds too unless `keep_newlines`.
pub fn escape_controls(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let escape = |c: char| is_dangerous(c) && !(keep_newlines && c == '\n');
    if !text.chars().any(escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(escape_controls("一小", false), "一小");
        assert_eq!(
            escape_controls("\u{1b}[31m红字小学\u{1b}[0m", false),
            "\\u{1b}[31m红字小学\\u{1b}[0m"
        );
        assert_eq!(
            escape_controls("a\u{7}\tb\r\n", true),
            "a\\u{7}\\u{9}b\\u{d}\n"
        );
        assert_eq!(escape_controls("a\nb", false), "a\\u{a}b");
        assert_eq!(escape_controls("\u{202E}cod.exe", true), "\\u{202e}cod.exe");
        assert_eq!(escape_controls("\u{9b}2J", true), "\\u{9b}2J");
    }
}
