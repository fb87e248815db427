//! Charts without a browser: scales, ticks, Lorenz points, box-plot statistics, and one
//! `*_figure` function per chart that lays the chart out as a [`svg::Figure`] of plain marks.
//!
//! The Leptos components in `ui/charts/` draw that `Figure`; [`svg::to_svg_string`] writes the
//! same `Figure` as a standalone file for the "SVG" and "PNG (2×)" downloads. One layout, two
//! renderers: the download is the chart on screen.
//!
//! ```
//! use junheng_app::chart::{bar_figure, svg::to_svg_string, BarDatum, ChartText};
//! let data = vec![BarDatum::new("一小", 3.2), BarDatum::new("二小", 4.1)];
//! let text = ChartText::new("二小高于一小", "两所学校的生均值。", "生均值 · Per pupil");
//! let figure = bar_figure(&data, &text, None, None, 640.0);
//! assert!(to_svg_string(&figure, "bars").contains("<rect class=\"bar\""));
//! ```

pub mod boxplot;
pub mod draw;
pub mod lorenz;
pub mod palette;
pub mod scale;
pub mod svg;
pub mod ticks;

pub use draw::bars::bar_figure;
pub use draw::boxes::box_figure;
pub use draw::group_bars::group_bars_figure;
pub use draw::lines::line_figure;
pub use draw::lorenz::lorenz_figure;

use crate::i18n::{fill, t, Lang, K};

/// Up to this many schools a chart draws every school: a bar, a point, a vertex each, as it
/// always has for a county (a few hundred schools at most). A national file (100 000+) would
/// ask the browser for hundreds of thousands of SVG elements and run it out of memory, so
/// above this each chart draws a bounded summary and says so in a note (see each `*_figure`).
pub const MAX_DRAWN_SCHOOLS: usize = 500;

/// A note drawn in a chart, from the catalogs' template `key` filled with `args`, in both
/// languages ("中文 · English") like every other text inside a chart: a downloaded chart is
/// read without the page, in either language.
pub fn both_languages(key: K, args: &[(&str, &str)]) -> String {
    in_language(None, key, args)
}

/// A chart's note in the page's language, or in both when the chart has none set.
pub fn in_language(lang: Option<Lang>, key: K, args: &[(&str, &str)]) -> String {
    if let Some(lang) = lang {
        return fill(t(lang, key), args);
    }
    format!(
        "{} · {}",
        fill(t(Lang::Zh, key), args),
        fill(t(Lang::En, key), args)
    )
}

/// Narrowest layout width in CSS pixels: a 375 px phone less the page's padding.
pub const MIN_WIDTH: f64 = 300.0;
/// Widest layout width; wider containers center the chart.
pub const MAX_WIDTH: f64 = 1100.0;

/// The words of a chart, supplied by the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartText {
    /// A title that states the finding ("乡村学校生均经费低于城区"), drawn on top and written
    /// as the SVG `<title>`.
    pub title: String,
    /// One or two sentences for the SVG `<desc>`: what is drawn and what it shows.
    pub desc: String,
    /// What the values are, with the unit ("生均教学仪器设备值（元）· Equipment per pupil,
    /// yuan"); labels the value axis and the table.
    pub value_label: String,
    /// The page's language: the bar chart's legend and line labels are in it alone (see
    /// [`in_lang`]); `None` (a chart made without the page) writes both.
    pub lang: Option<Lang>,
}

/// A chart's own words in `lang` alone, or "中文 · English" without a language.
pub fn in_lang(lang: Option<Lang>, zh: &str, en: &str) -> String {
    match lang {
        Some(Lang::Zh) => zh.to_string(),
        Some(Lang::En) => en.to_string(),
        None => format!("{zh} · {en}"),
    }
}

impl ChartText {
    /// Title, description and value label.
    pub fn new(title: &str, desc: &str, value_label: &str) -> ChartText {
        ChartText {
            title: title.to_string(),
            desc: desc.to_string(),
            value_label: value_label.to_string(),
            lang: None,
        }
    }
}

/// One bar: a school or a group.
#[derive(Clone, Debug, PartialEq)]
pub struct BarDatum {
    /// Name shown on the axis, in the tip and in the table.
    pub label: String,
    /// The value; a non-finite value is left out of the chart and listed as "—".
    pub value: f64,
    /// Drawn with a dark outline (e.g. the school the user picked).
    pub highlight: bool,
}

impl BarDatum {
    /// A bar without highlight.
    pub fn new(label: &str, value: f64) -> BarDatum {
        BarDatum {
            label: label.to_string(),
            value,
            highlight: false,
        }
    }
}

/// A horizontal reference line: a standard, a threshold, a county mean.
#[derive(Clone, Debug, PartialEq)]
pub struct RefLine {
    /// Where it is.
    pub value: f64,
    /// What it is ("标准 · Standard"); the value is appended when drawn.
    pub label: String,
}

impl RefLine {
    /// A line at `value` named `label`.
    pub fn new(value: f64, label: &str) -> RefLine {
        RefLine {
            value,
            label: label.to_string(),
        }
    }
}

/// One school with its value and its weight (pupils), for the Lorenz curve.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightedDatum {
    /// School name.
    pub label: String,
    /// The value (≥ 0).
    pub value: f64,
    /// The weight (pupils, > 0); 1 for an unweighted chart.
    pub weight: f64,
}

/// One school in a group (城区 / 镇区 / 乡村), for the box plot.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupedDatum {
    /// The group; groups are drawn in the order of their first datum.
    pub group: String,
    /// School name.
    pub label: String,
    /// The value.
    pub value: f64,
    /// The weight (pupils, > 0); 1 each for unweighted quartiles.
    pub weight: f64,
}

/// A series over years, for the line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    /// Its name in the legend ("差异系数 CV").
    pub name: String,
    /// (year, value) pairs; they are drawn in year order and a non-finite value breaks the line.
    pub points: Vec<(i32, f64)>,
}

// quick-xml is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
