//! The drawing model shared by the page and the exports: a [`Figure`] is a list of plain
//! [`Mark`]s with pixel coordinates. The Leptos components draw a `Figure` element by element;
//! [`to_svg_string`] writes the same `Figure` as a standalone SVG file. Both read every
//! attribute from [`Mark::attributes`], so what is downloaded is what is shown.

use std::fmt::Write as _;

/// The CJK-capable system font stack written into exported files (the page inherits its own).
pub const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', \
    'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/// Rules shared by the page and the exports: a dark outline on the hovered mark and the page's
/// orange focus colour (style/main.css) on the focused one, so focus never looks like the
/// "highlighted" outline.
pub const FOCUS_STYLE: &str = ".tip{cursor:default}.tip:focus{outline:none}\
    .tip:hover>*{stroke:#1d2330;stroke-width:2px}\
    .tip:focus>*{stroke:#f5a623;stroke-width:3.5px}";

/// A chart ready to draw: its size in CSS pixels, its texts, its marks and its data table.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Width in CSS pixels (also the viewBox width).
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// The title stating the finding (the SVG `<title>`, also drawn at the top).
    pub title: String,
    /// The longer description (the SVG `<desc>`).
    pub desc: String,
    /// Everything drawn, back to front.
    pub marks: Vec<Mark>,
    /// The same data as a table, for the `<details>` alternative.
    pub table: DataTable,
}

/// The data behind a chart, as text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, already formatted.
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Shown under the table when it lists part of the data (a national file): what is left
    /// out and where to find it. The same words are drawn in the chart.
    pub note: Option<String>,
}

/// One drawn element.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Its geometry.
    pub shape: Shape,
    /// Fill, stroke and dash.
    pub paint: Paint,
    /// CSS class naming what it is ("bar", "point", "grid", …); tests count marks by it.
    pub class: &'static str,
    /// The detail shown on hover and focus. A mark with a tip is wrapped in a focusable
    /// `<g class="tip" tabindex=… aria-label=…>` with an SVG `<title>`; the first such mark is
    /// the chart's one tab stop (tabindex 0), the others have −1 and are reached by arrow keys.
    pub tip: Option<String>,
}

/// Geometry of a mark, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle from its top-left corner.
    Rect {
        /// Left.
        x: f64,
        /// Top.
        y: f64,
        /// Width (≥ 0).
        width: f64,
        /// Height (≥ 0).
        height: f64,
    },
    /// A straight segment.
    Line {
        /// Start x.
        x1: f64,
        /// Start y.
        y1: f64,
        /// End x.
        x2: f64,
        /// End y.
        y2: f64,
    },
    /// A polyline or polygon through points (closed when `closed`).
    Path {
        /// The points.
        points: Vec<(f64, f64)>,
        /// Whether to close the path (a filled area).
        closed: bool,
    },
    /// A circle.
    Circle {
        /// Centre x.
        cx: f64,
        /// Centre y.
        cy: f64,
        /// Radius.
        r: f64,
    },
    /// A line of text.
    Text {
        /// Anchor x.
        x: f64,
        /// Baseline y.
        y: f64,
        /// The text (escaped when written).
        text: String,
        /// Horizontal anchor.
        anchor: Anchor,
        /// Font size in pixels.
        size: f64,
        /// Bold.
        bold: bool,
        /// Rotation in degrees about (x, y), e.g. −90 for a y-axis title.
        rotate: f64,
    },
}

/// Horizontal text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// Presentation attributes (not CSS), so a file keeps its look anywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Paint {
    /// Fill colour; "none" when absent.
    pub fill: Option<&'static str>,
    /// Stroke colour.
    pub stroke: Option<&'static str>,
    /// Stroke width in pixels.
    pub stroke_width: f64,
    /// Dash pattern, e.g. "6 4".
    pub dash: Option<&'static str>,
    /// Fill opacity, 0 … 1.
    pub fill_opacity: Option<f64>,
    /// A white outline drawn under the fill (text over marks stays legible).
    pub halo: bool,
}

impl Paint {
    /// A filled shape without outline.
    pub fn fill(colour: &'static str) -> Paint {
        Paint {
            fill: Some(colour),
            ..Paint::default()
        }
    }

    /// An outline without fill.
    pub fn stroke(colour: &'static str, width: f64) -> Paint {
        Paint {
            stroke: Some(colour),
            stroke_width: width,
            ..Paint::default()
        }
    }

    /// The same paint, dashed.
    pub fn dashed(self, dash: &'static str) -> Paint {
        Paint {
            dash: Some(dash),
            ..self
        }
    }
}

impl Mark {
    /// A mark without tip.
    pub fn new(shape: Shape, paint: Paint, class: &'static str) -> Mark {
        Mark {
            shape,
            paint,
            class,
            tip: None,
        }
    }

    /// The same mark with a hover/focus detail.
    pub fn with_tip(self, tip: String) -> Mark {
        Mark {
            tip: Some(tip),
            ..self
        }
    }

    /// The SVG element name of the shape.
    pub fn tag(&self) -> &'static str {
        match self.shape {
            Shape::Rect { .. } => "rect",
            Shape::Line { .. } => "line",
            Shape::Path { .. } => "path",
            Shape::Circle { .. } => "circle",
            Shape::Text { .. } => "text",
        }
    }

    /// Every attribute of the element, in order: the one source for both renderers.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = vec![("class", self.class.to_string())];
        match &self.shape {
            Shape::Rect {
                x,
                y,
                width,
                height,
            } => {
                out.push(("x", num(*x)));
                out.push(("y", num(*y)));
                out.push(("width", num(width.max(0.0))));
                out.push(("height", num(height.max(0.0))));
            }
            Shape::Line { x1, y1, x2, y2 } => {
                out.push(("x1", num(*x1)));
                out.push(("y1", num(*y1)));
                out.push(("x2", num(*x2)));
                out.push(("y2", num(*y2)));
            }
            Shape::Path { points, closed } => out.push(("d", path_data(points, *closed))),
            Shape::Circle { cx, cy, r } => {
                out.push(("cx", num(*cx)));
                out.push(("cy", num(*cy)));
                out.push(("r", num(*r)));
            }
            Shape::Text {
                x,
                y,
                anchor,
                size,
                bold,
                rotate,
                ..
            } => {
                out.push(("x", num(*x)));
                out.push(("y", num(*y)));
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                out.push(("text-anchor", anchor.to_string()));
                out.push(("font-size", num(*size)));
                if *bold {
                    out.push(("font-weight", "600".to_string()));
                }
                if *rotate != 0.0 {
                    out.push((
                        "transform",
                        format!("rotate({} {} {})", num(*rotate), num(*x), num(*y)),
                    ));
                }
            }
        }
        let paint = &self.paint;
        out.push(("fill", paint.fill.unwrap_or("none").to_string()));
        if let Some(opacity) = paint.fill_opacity {
            out.push(("fill-opacity", num(opacity)));
        }
        if let Some(stroke) = paint.stroke {
            out.push(("stroke", stroke.to_string()));
            out.push(("stroke-width", num(paint.stroke_width)));
        }
        if let Some(dash) = paint.dash {
            out.push(("stroke-dasharray", dash.to_string()));
        }
        if paint.halo {
            out.push(("stroke", "#ffffff".to_string()));
            out.push(("stroke-width", "3".to_string()));
            out.push(("stroke-linejoin", "round".to_string()));
            out.push(("paint-order", "stroke".to_string()));
        }
        out
    }

    /// The text content of a text mark.
    pub fn text(&self) -> Option<&str> {
        match &self.shape {
            Shape::Text { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A coordinate with at most two decimals and no trailing zeros: 12.50 → "12.5".
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// "M x y L x y … Z".
fn path_data(points: &[(f64, f64)], closed: bool) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{},{}",
            if i == 0 { "M" } else { "L" },
            num(*x),
            num(*y)
        );
    }
    if closed {
        d.push('Z');
    }
    d
}

/// Text made safe for XML content and attribute values: `& < > " '` become entities and
/// control characters (invalid in XML 1.0) are dropped.
///
/// ```
/// use junheng_app::chart::svg::escape;
/// assert_eq!(escape(r#"<a & "b">"#), "&lt;a &amp; &quot;b&quot;&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The figure as a standalone SVG document: `xmlns`, pixel `width`/`height`, a `viewBox`, a
/// white background, the font stack, and presentation attributes on every mark. `id` prefixes
/// the ids of `<title>` and `<desc>`. This is the "SVG" download.
pub fn to_svg_string(figure: &Figure, id: &str) -> String {
    to_svg_string_scaled(figure, id, 1.0)
}

/// The same document with `width` and `height` multiplied by `scale` (the `viewBox` unchanged),
/// for the "PNG (2×)" download: an `<img>` of it drawn on a canvas of that size rasterises the
/// vectors at twice the resolution instead of enlarging pixels.
pub fn to_svg_string_scaled(figure: &Figure, id: &str, scale: f64) -> String {
    let id = escape(id);
    let mut out = String::with_capacity(256 + figure.marks.len() * 120);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{sw}" height="{sh}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{font}">"#,
        sw = num(figure.width * scale),
        sh = num(figure.height * scale),
        w = num(figure.width),
        h = num(figure.height),
        font = escape(FONT_STACK),
    );
    let _ = write!(
        out,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><style>{FOCUS_STYLE}</style>"#,
        escape(&figure.title),
        escape(&figure.desc),
    );
    let _ = write!(
        out,
        r##"<rect class="background" x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
        num(figure.width),
        num(figure.height)
    );
    // One tab stop, as on the page: the first mark with a tip.
    let first_tip = figure.marks.iter().position(|m| m.tip.is_some());
    for (i, mark) in figure.marks.iter().enumerate() {
        write_mark(&mut out, mark, Some(i) == first_tip);
    }
    out.push_str("</svg>");
    out
}

fn write_mark(out: &mut String, mark: &Mark, tab_stop: bool) {
    if let Some(tip) = &mark.tip {
        let tip = escape(tip);
        let tabindex = if tab_stop { "0" } else { "-1" };
        let _ = write!(
            out,
            r#"<g class="tip" tabindex="{tabindex}" aria-label="{tip}"><title>{tip}</title>"#
        );
    }
    out.push('<');
    out.push_str(mark.tag());
    for (name, value) in mark.attributes() {
        let _ = write!(out, r#" {name}="{}""#, escape(&value));
    }
    match mark.text() {
        Some(text) => {
            let _ = write!(out, ">{}</text>", escape(text));
        }
        None => out.push_str("/>"),
    }
    if mark.tip.is_some() {
        out.push_str("</g>");
    }
}

/// Approximate width of `text` at `size` px: a CJK or full-width character is 1 em, any other
/// 0.56 em. Good enough to wrap titles and keep labels apart; never used for exact placement.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.56 })
        .sum::<f64>()
        * size
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Greedy line breaking for SVG text (which does not wrap): breaks at a space when the line has
/// one, otherwise between any two characters (as Chinese text allows).
pub fn wrap(text: &str, max_width: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        line.push(c);
        if text_width(&line, size) <= max_width || line.chars().count() == 1 {
            continue;
        }
        line.pop();
        // Prefer the last space of the line when it is not too early.
        let split = line
            .rfind(' ')
            .filter(|i| text_width(&line[..*i], size) > max_width * 0.5);
        let rest = match split {
            Some(i) => {
                let rest = line[i + 1..].to_string();
                line.truncate(i);
                rest
            }
            None => String::new(),
        };
        lines.push(line.trim_end().to_string());
        line = rest;
        line.push(c);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a<b&c\"d'e>"), "a&lt;b&amp;c&quot;d&#39;e&gt;");
        assert_eq!(escape("城区\u{0}\u{7}学校\n一"), "城区学校 一");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn numbers() {
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(1.006), "1.01");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn wraps_chinese_and_latin() {
        assert_eq!(wrap("短标题", 200.0, 15.0), ["短标题"]);
        // 15 px per CJK character: 4 fit in 60 px.
        assert_eq!(
            wrap("一二三四五六七八九", 60.0, 15.0),
            ["一二三四", "五六七八", "九"]
        );
        let lines = wrap("Gini fell from 0.31 to 0.24 over five years", 150.0, 10.0);
        assert!(
            lines.iter().all(|l| text_width(l, 10.0) <= 150.0),
            "{lines:?}"
        );
        assert_eq!(
            lines.join(" "),
            "Gini fell from 0.31 to 0.24 over five years"
        );
    }

    #[test]
    fn marks_write_their_attributes() {
        let bar = Mark::new(
            Shape::Rect {
                x: 1.0,
                y: 2.0,
                width: 3.0,
                height: -1.0,
            },
            Paint::fill("#0072B2"),
            "bar",
        )
        .with_tip("A <1> & \"2\"".to_string());
        let figure = Figure {
            width: 100.0,
            height: 50.0,
            title: "T & t".to_string(),
            desc: "D".to_string(),
            marks: vec![bar],
            table: DataTable::default(),
        };
        let svg = to_svg_string(&figure, "c");
        assert!(
            svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50""#)
        );
        assert!(svg.contains(r#"<title id="c-title">T &amp; t</title>"#));
        assert!(svg.contains(
            r##"<g class="tip" tabindex="0" aria-label="A &lt;1&gt; &amp; &quot;2&quot;"><title>A &lt;1&gt; &amp; &quot;2&quot;</title><rect class="bar" x="1" y="2" width="3" height="0" fill="#0072B2"/></g>"##
        ));
    }
}
