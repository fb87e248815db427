//! Bytes of a text file → text.
//!
//! Order: a byte-order mark first (UTF-8, UTF-16 LE/BE; a UTF-8 BOM before GBK bytes gives
//! GB18030); else UTF-16 without a BOM; else strict UTF-8; else UTF-8 and GBK lines mixed, line
//! by line; else GB18030, which covers GBK and GB2312 (Excel on Chinese Windows saves CSV in
//! GBK). Big5 and any other
//! WHATWG encoding can be forced by label through [`super::ReadOptions::encoding`].
//!
//! Decoding uses `encoding_rs`, not the browser's `TextDecoder`: one code path for the CLI and
//! the page guarantees identical reports (TOOLCHAIN.md: about 126 KB gzipped in the wasm build).

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::Error;

/// Looks up an encoding by a WHATWG label (`gbk`, `gb18030`, `big5`, `utf-16le`, ...).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, Error> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::UnknownEncoding {
        label: label.to_string(),
    })
}

/// Text and the name of the encoding it was read with (`utf-8`, `gb18030`, `utf-16le`, ...).
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        // Some tools put a UTF-8 BOM in front of a GBK file: the bytes after it then fail as
        // UTF-8 but read cleanly as GB18030.
        if encoding == UTF_8 && std::str::from_utf8(rest).is_err() {
            let (gb, had_errors) = GB18030.decode_without_bom_handling(rest);
            if !had_errors {
                return (gb.into_owned(), name(GB18030));
            }
        }
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return (text.into_owned(), name(encoding));
    }
    if let Some(encoding) = forced {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return (text.into_owned(), name(encoding));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return (text.into_owned(), name(encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // A few GBK byte pairs are also valid UTF-8 (学校 is D1A7 D0A3, "ѧУ" in UTF-8): prefer
        // GB18030 when UTF-8 gives no Chinese character at all and GB18030 gives only Chinese.
        if text.is_ascii() || cjk_share(text) > 0.0 {
            return (text.to_string(), name(UTF_8));
        }
        let (gb, had_errors) = GB18030.decode_without_bom_handling(bytes);
        if had_errors || cjk_share(&gb) < 0.5 {
            return (text.to_string(), name(UTF_8));
        }
        return (gb.into_owned(), name(GB18030));
    }
    if let Some(text) = mixed_utf8_and_gb18030(bytes) {
        return (text, "utf-8+gb18030");
    }
    let (text, _) = GB18030.decode_without_bom_handling(bytes);
    (text.into_owned(), name(GB18030))
}

/// Two files pasted together, one saved as UTF-8 and one as GBK: every line is valid UTF-8
/// with Chinese in it (the rule of [`decode`] for a whole file), or else is read as GB18030. `None` unless both kinds of line occur and
/// every line decodes cleanly one way or the other.
fn mixed_utf8_and_gb18030(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let (mut utf8_lines, mut gb_lines) = (0, 0);
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(text) if text.is_ascii() => out.push_str(text),
            Ok(text) if cjk_share(text) > 0.0 => {
                utf8_lines += 1;
                out.push_str(text);
            }
            _ => {
                let (text, had_errors) = GB18030.decode_without_bom_handling(line);
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

/// Share of CJK ideographs among the non-ASCII characters.
fn cjk_share(text: &str) -> f64 {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3000}'..='\u{303F}').contains(&c) {
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
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
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

fn name(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_8 {
        "utf-8"
    } else if encoding == UTF_16LE {
        "utf-16le"
    } else if encoding == UTF_16BE {
        "utf-16be"
    } else if encoding == GB18030 {
        "gb18030"
    } else if encoding == GBK {
        "gbk"
    } else if encoding == BIG5 {
        "big5"
    } else {
        encoding.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], forced: Option<&str>, text: &str, encoding: &str) {
        let forced = forced.map(|l| encoding_for_label(l).unwrap());
        assert_eq!(
            decode(bytes, forced),
            (text.to_string(), encoding),
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
