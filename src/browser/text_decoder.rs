//! The browser's `TextDecoder` as the core's decoder of legacy encodings (GBK/GB18030, Big5,
//! ...), so the page ships without `encoding_rs` (about 126 KB gzipped). Both follow the WHATWG
//! Encoding Standard: same text, same lowercase encoding names as the CLI. Detection stays in
//! the core (`ingest::decode`), the same code natively and here.

use junheng_core::ingest::decode::{set_legacy_decoder, LegacyDecoder};
use web_sys::{TextDecoder, TextDecoderOptions};

/// Installs the decoder; call before the first file is read (idempotent).
pub fn install() {
    set_legacy_decoder(LegacyDecoder {
        name_for_label,
        decode,
    });
}

fn name_for_label(label: &str) -> Option<String> {
    TextDecoder::new_with_label(label)
        .ok()
        .map(|d| d.encoding())
}

/// Strict first, so malformed bytes are reported as the core expects; lenient (U+FFFD) then.
fn decode(name: &str, bytes: &[u8]) -> (String, bool) {
    let strict = options();
    strict.set_fatal(true);
    if let Ok(text) = TextDecoder::new_with_label_and_options(name, &strict)
        .and_then(|d| d.decode_with_u8_array(bytes))
    {
        return (text, false);
    }
    let text = TextDecoder::new_with_label_and_options(name, &options())
        .and_then(|d| d.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned());
    (text, true)
}

/// `ignoreBOM`: the core has handled the byte-order mark (web-sys has no setter for it; only
/// the UTF encodings, which never come here, would strip one anyway).
fn options() -> TextDecoderOptions {
    let options = TextDecoderOptions::new();
    let _ = js_sys::Reflect::set(&options, &"ignoreBOM".into(), &true.into());
    options
}
