//! Colours: Okabe–Ito hues (distinguishable with the common colour-vision deficiencies),
//! darkened where needed so that marks reach 3:1 and text 4.5:1 against white (WCAG AA).

/// Text and emphasis: 15.6:1 on white.
pub const INK: &str = "#1d2330";
/// Axis labels and secondary text: 6.1:1 on white.
pub const MUTED: &str = "#5a6272";
/// Grid lines (decorative, no contrast requirement).
pub const GRID: &str = "#e3e6eb";
/// Axis lines.
pub const AXIS: &str = "#8a93a3";
/// Main marks: Okabe–Ito blue, 5.0:1 on white.
pub const BLUE: &str = "#0072B2";
/// Blue text: 7.0:1 on white.
pub const BLUE_TEXT: &str = "#005a8c";
/// Marks below a standard: Okabe–Ito vermillion, 3.8:1 on white.
pub const VERMILLION: &str = "#D55E00";
/// Vermillion text and standard lines: 6.6:1 on white.
pub const VERMILLION_TEXT: &str = "#a33a00";
/// Light fill (box bodies, the Gini area).
pub const BLUE_WASH: &str = "#d6e6f4";
/// Series colours in order, each with its own marker and dash so colour is never the only cue:
/// blue, vermillion, bluish green (darkened), reddish purple (darkened), grey.
pub const SERIES: [&str; 5] = ["#0072B2", "#D55E00", "#007a5e", "#a0457e", "#5a6272"];
/// Dash pattern of each series (solid, dashed, dotted, dash-dot, long dash).
pub const SERIES_DASH: [Option<&str>; 5] = [
    None,
    Some("7 4"),
    Some("2 3"),
    Some("9 3 2 3"),
    Some("12 4"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of "#rrggbb".
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast_on_white(hex: &str) -> f64 {
        1.05 / (luminance(hex) + 0.05)
    }

    #[test]
    fn contrast_meets_aa() {
        for text in [INK, MUTED, BLUE_TEXT, VERMILLION_TEXT] {
            assert!(
                contrast_on_white(text) >= 4.5,
                "{text}: {}",
                contrast_on_white(text)
            );
        }
        for mark in [BLUE, VERMILLION, AXIS].iter().chain(SERIES.iter()) {
            assert!(
                contrast_on_white(mark) >= 3.0,
                "{mark}: {}",
                contrast_on_white(mark)
            );
        }
    }
}
