//! Bytes of a text file → text.
//!
//! Order: a byte-order mark first (UTF-8, UTF-16 LE/BE; a UTF-8 BOM before GBK bytes gives
//! GB18030); else UTF-16 without a BOM; else strict UTF-8; else UTF-8 and GBK lines mixed, line
//! by line; else GB18030, which covers GBK and GB2312 (Excel on Chinese Windows saves CSV in
//! GBK). Big5 and any other
//! WHATWG encoding can be forced by label through [`super::ReadOptions::encoding`].
//!
//! Detection is one code path everywhere; only the last step, turning GB18030, Big5 or another
//! legacy encoding into text, has two back ends. With the default feature `encoding_rs` (the
//! CLI, the tests, the reader) it is `encoding_rs`. Without it (the page, where it would cost
//! about 126 KB gzipped, docs/toolchain.md) the host gives a [`LegacyDecoder`] through
//! [`set_legacy_decoder`]: the page passes the browser's `TextDecoder`, which implements the
//! same WHATWG Encoding Standard, so the text and the encoding name are the same. UTF-8 and
//! UTF-16 never need a back end.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::Error;

/// Decodes legacy encodings for a build without the `encoding_rs` feature.
#[derive(Clone, Copy, Debug)]
pub struct LegacyDecoder {
    /// The WHATWG name of an encoding label, lowercase (`" GBK "` → `gbk`), or `None` for an
    /// unknown label.
    pub name_for_label: fn(&str) -> Option<String>,
    /// Bytes in the encoding of that name, without byte-order-mark handling → the text and
    /// whether any byte sequence was malformed (replaced by U+FFFD).
    pub decode: fn(&str, &[u8]) -> (String, bool),
}

static LEGACY: OnceLock<LegacyDecoder> = OnceLock::new();

/// Installs the decoder of legacy encodings (first call wins). With the `encoding_rs` feature
/// it is never used.
pub fn set_legacy_decoder(decoder: LegacyDecoder) {
    let _ = LEGACY.set(decoder);
}

#[cfg(feature = "encoding_rs")]
fn legacy() -> LegacyDecoder {
    LegacyDecoder {
        name_for_label: |label| {
            encoding_rs::Encoding::for_label(label.as_bytes())
                .map(|e| e.name().to_ascii_lowercase())
        },
        decode: |name, bytes| {
            // A name from `name_for_label`; were it not, GB18030 reads every byte.
            let encoding =
                encoding_rs::Encoding::for_label(name.as_bytes()).unwrap_or(encoding_rs::GB18030);
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            (text.into_owned(), had_errors)
        },
    }
}

/// Without `encoding_rs` and with no decoder installed, only UTF-8 and UTF-16 can be read.
#[cfg(not(feature = "encoding_rs"))]
fn legacy() -> LegacyDecoder {
    *LEGACY.get_or_init(|| LegacyDecoder {
        name_for_label: |_| None,
        decode: |_, bytes| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let had_errors = std::str::from_utf8(bytes).is_err();
            (text, had_errors)
        },
    })
}

const UTF_8: &str = "utf-8";
const UTF_16LE: &str = "utf-16le";
const UTF_16BE: &str = "utf-16be";
const GB18030: &str = "gb18030";

/// The WHATWG name (lowercase: `gbk`, `gb18030`, `big5`, `utf-16le`, ...) of an encoding
/// label.
pub fn encoding_for_label(label: &str) -> Result<String, Error> {
    let trimmed = label.trim().to_ascii_lowercase();
    let known = match trimmed.as_str() {
        // The labels of the WHATWG standard for the three encodings decoded here.
        "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8"
        | "x-unicode20utf8" => Some(UTF_8.to_string()),
        "unicodefffe" | "utf-16be" => Some(UTF_16BE.to_string()),
        "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16"
        | "utf-16le" => Some(UTF_16LE.to_string()),
        _ => (legacy().name_for_label)(&trimmed),
    };
    known.ok_or_else(|| Error::UnknownEncoding {
        label: label.to_string(),
    })
}

/// Bytes without a byte-order mark in the encoding of WHATWG name `name` → text, and whether
/// any sequence was malformed. Valid UTF-8 is borrowed, not copied (a national file is 20 MB).
fn decode_as<'a>(name: &str, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
    match name {
        UTF_8 => match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), false),
            Err(_) => (String::from_utf8_lossy(bytes), true),
        },
        UTF_16LE | UTF_16BE => {
            let units = bytes.chunks_exact(2).map(|pair| {
                let pair = [pair[0], pair[1]];
                if name == UTF_16LE {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            });
            let mut had_errors = bytes.len() % 2 == 1;
            let mut text: String = char::decode_utf16(units)
                .map(|c| {
                    c.unwrap_or_else(|_| {
                        had_errors = true;
                        char::REPLACEMENT_CHARACTER
                    })
                })
                .collect();
            if bytes.len() % 2 == 1 {
                text.push(char::REPLACEMENT_CHARACTER);
            }
            (Cow::Owned(text), had_errors)
        }
        _ => {
            let (text, had_errors) = (legacy().decode)(name, bytes);
            (Cow::Owned(text), had_errors)
        }
    }
}

/// The encoding of a byte-order mark and its length.
fn for_bom(bytes: &[u8]) -> Option<(&'static str, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((UTF_8, 3)),
        [0xFF, 0xFE, ..] => Some((UTF_16LE, 2)),
        [0xFE, 0xFF, ..] => Some((UTF_16BE, 2)),
        _ => None,
    }
}

/// Text and the name of the encoding it was read with (`utf-8`, `gb18030`, `utf-16le`, ...).
/// `forced` is a name from [`encoding_for_label`]. UTF-8 text is borrowed from `bytes`.
pub fn decode<'a>(bytes: &'a [u8], forced: Option<&str>) -> (Cow<'a, str>, String) {
    if let Some((encoding, bom_len)) = for_bom(bytes) {
        let rest = &bytes[bom_len..];
        // Some tools put a UTF-8 BOM in front of a GBK file: the bytes after it then fail as
        // UTF-8 but read cleanly as GB18030.
        if encoding == UTF_8 && std::str::from_utf8(rest).is_err() {
            let (gb, had_errors) = decode_as(GB18030, rest);
            if !had_errors {
                return (gb, GB18030.into());
            }
        }
        let (text, _) = decode_as(encoding, rest);
        return (text, encoding.into());
    }
    if let Some(encoding) = forced {
        let (text, _) = decode_as(encoding, bytes);
        return (text, encoding.into());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = decode_as(encoding, bytes);
        return (text, encoding.into());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // A few GBK byte pairs are also valid UTF-8 (学校 is D1A7 D0A3, "ѧУ" in UTF-8): prefer
        // GB18030 when UTF-8 gives no Chinese character at all and GB18030 gives only Chinese.
        if text.is_ascii() || has_cjk(text) {
            return (Cow::Borrowed(text), UTF_8.into());
        }
        let (gb, had_errors) = decode_as(GB18030, bytes);
        if had_errors || cjk_share(&gb) < 0.5 {
            return (Cow::Borrowed(text), UTF_8.into());
        }
        return (gb, GB18030.into());
    }
    if let Some(text) = mixed_utf8_and_gb18030(bytes) {
        return (Cow::Owned(text), "utf-8+gb18030".into());
    }
    let (text, _) = decode_as(GB18030, bytes);
    (text, GB18030.into())
}

/// Two files pasted together, one saved as UTF-8 and one as GBK: every line is valid UTF-8
/// with Chinese in it (the rule of [`decode`] for a whole file), or else is read as GB18030. `None` unless both kinds of line occur and
/// every line decodes cleanly one way or the other.
fn mixed_utf8_and_gb18030(bytes: &[u8]) -> Option<String> {
    // First count the lines of each kind without decoding: a GBK file (no UTF-8 line with
    // Chinese) is answered `None` here rather than decoded line by line and then again whole.
    let (mut utf8_lines, mut other_lines) = (0usize, 0usize);
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(text) if text.is_ascii() => {}
            Ok(text) if has_cjk(text) => utf8_lines += 1,
            _ => other_lines += 1,
        }
    }
    if utf8_lines == 0 || other_lines == 0 {
        return None;
    }
    let mut out = String::with_capacity(bytes.len());
    let (mut utf8_lines, mut gb_lines) = (0, 0);
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(text) if text.is_ascii() => out.push_str(text),
            Ok(text) if has_cjk(text) => {
                utf8_lines += 1;
                out.push_str(text);
            }
            _ => {
                let (text, had_errors) = decode_as(GB18030, line);
                if had_errors {
                    return None;
                }
                gb_lines += 1;
                out.push_str(&text);
            }
        }
    }
    (utf8_lines > 0 && gb_lines > 0).then_some(out)
}

/// CJK ideographs and CJK punctuation, the characters [`cjk_share`] counts.
fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// Whether `cjk_share(text) > 0`, stopping at the first CJK character (usually in the header)
/// rather than reading the whole file.
fn has_cjk(text: &str) -> bool {
    text.chars().any(is_cjk)
}

/// Share of CJK ideographs among the non-ASCII characters.
fn cjk_share(text: &str) -> f64 {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if is_cjk(c) {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    if cjk + other == 0 {
        0.0
    } else {
        cjk as f64 / (cjk + other) as f64
    }
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text (digits, commas,
/// line ends). The sample is long (4 KB) because a Chinese header row alone, with few ASCII
/// characters, can fill the first few hundred bytes. A NUL on the other side is allowed for
/// the few ideographs whose code ends in 00 (一 is U+4E00).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_nul * 10 >= pairs && even_nul * 4 <= odd_nul {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs && odd_nul * 4 <= even_nul {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], forced: Option<&str>, text: &str, encoding: &str) {
        let forced = forced.map(|l| encoding_for_label(l).unwrap());
        let (got, got_encoding) = decode(bytes, forced.as_deref());
        assert_eq!(
            (got.as_ref(), got_encoding.as_str()),
            (text, encoding),
            "{bytes:?}"
        );
    }

    #[test]
    fn decodes() {
        check(b"a,b", None, "a,b", "utf-8");
        check(b"\xEF\xBB\xBFa,b", None, "a,b", "utf-8");
        check(b"\xFF\xFEa\0,\0b\0", None, "a,b", "utf-16le");
        check(b"\xFE\xFF\0a\0,\0b", None, "a,b", "utf-16be");
        check(b"a\0,\0b\0c\0", None, "a,bc", "utf-16le");
        // 学校 in GBK.
        check(b"\xD1\xA7\xD0\xA3", None, "学校", "gb18030");
        // 学校名称 in GBK: not valid UTF-8.
        check(
            b"\xD1\xA7\xD0\xA3\xC3\xFB\xB3\xC6",
            None,
            "学校名称",
            "gb18030",
        );
        // The price of the rule above: UTF-8 Cyrillic is also valid GB18030 Chinese. Forcing
        // the encoding reads it right.
        check("Школа".as_bytes(), None, "楔泻芯谢邪", "gb18030");
        check("Школа".as_bytes(), Some("utf-8"), "Школа", "utf-8");
        // 學校 in Big5, only when asked for.
        check(b"\xBE\xC7\xAE\xD5", Some("big5"), "學校", "big5");
        check(b"", None, "", "utf-8");
        // A UTF-8 BOM in front of GBK bytes.
        check(
            b"\xEF\xBB\xBF\xD1\xA7\xD0\xA3\xC3\xFB\xB3\xC6",
            None,
            "学校名称",
            "gb18030",
        );
        // UTF-8 lines, then GBK lines.
        check(
            b"\xE5\xAD\xA6\xE6\xA0\xA1,1\n\xD1\xA7\xD0\xA3\xC3\xFB\xB3\xC6,2\n",
            None,
            "学校,1\n学校名称,2\n",
            "utf-8+gb18030",
        );
        // UTF-16 without a BOM whose first bytes are all ideographs, 一 (U+4E00) among them.
        let mut le: Vec<u8> = "一小学校名称"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        le.extend("1,2\n3,4\n".encode_utf16().flat_map(u16::to_le_bytes));
        check(&le, None, "一小学校名称1,2\n3,4\n", "utf-16le");
        let be: Vec<u8> = "一小,1\n二小,2\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        check(&be, None, "一小,1\n二小,2\n", "utf-16be");
    }

    #[test]
    fn unknown_label_is_an_error() {
        assert_eq!(
            encoding_for_label("klingon"),
            Err(Error::UnknownEncoding {
                label: "klingon".into()
            })
        );
    }
}
