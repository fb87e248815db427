//! The QR code of a short link, as an SVG string drawn inline (no image request, no network).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Longest link drawn: a version-40 code holds 2 953 bytes at the lowest error correction;
/// longer links are not worth scanning anyway.
pub const MAX_QR_BYTES: usize = 2_900;

/// The QR code of `text` as an SVG document (black on white, quiet zone included), or `None`
/// when `text` is too long.
pub fn qr_svg(text: &str) -> Option<String> {
    if text.len() > MAX_QR_BYTES {
        return None;
    }
    // Medium correction while it fits comfortably, the lowest otherwise.
    let level = if text.len() <= 1_200 {
        EcLevel::M
    } else {
        EcLevel::L
    };
    let code = QrCode::with_error_correction_level(text.as_bytes(), level).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(200, 200)
            .dark_color(svg::Color("#000"))
            .light_color(svg::Color("#fff"))
            .build(),
    )
}

// Native only: quick-xml, which checks the SVG, is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn short_links_draw_as_well_formed_svg() {
        for len in [40, 500, 1_500, MAX_QR_BYTES] {
            let text = format!("http://127.0.0.1:8080/#jh2.{}", "A".repeat(len - 27));
            let svg = qr_svg(&text).unwrap_or_else(|| panic!("{len}"));
            assert!(svg.contains("<svg") && svg.contains("</svg>"), "{len}");
            let mut reader = quick_xml::Reader::from_str(&svg);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{len}: {e}"),
                }
            }
        }
    }

    #[test]
    fn long_links_have_none() {
        assert_eq!(qr_svg(&"A".repeat(MAX_QR_BYTES + 1)), None);
    }
}
