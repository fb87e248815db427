//! Bytes of a text file → text.
//!
//! Order: a byte-order mark first (UTF-8, UTF-16 LE/BE); else strict UTF-8; else GB18030,
//! which covers GBK and GB2312 (Excel on Chinese Windows saves CSV in GBK). Big5 and any other
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
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
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
    let (text, _) = GB18030.decode_without_bom_handling(bytes);
    (text.into_owned(), name(GB18030))
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

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(400) & !1];
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
    if odd_nul * 10 >= pairs * 3 && even_nul == 0 {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 3 && odd_nul == 0 {
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
