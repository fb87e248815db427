//! Parts shared by every chart: the title on top, the value label, the value axis with its
//! grid, legends, and the empty-chart message.

use crate::chart::palette::{AXIS, GRID, INK, MUTED};
use crate::chart::scale::Linear;
use crate::chart::svg::{text_width, wrap, Anchor, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, nice, tick_step, ticks};
use crate::chart::{MAX_WIDTH, MIN_WIDTH};

/// Font sizes in pixels.
pub const TITLE_SIZE: f64 = 15.0;
/// Tick labels, legends, annotations.
pub const LABEL_SIZE: f64 = 12.0;
/// Outer padding.
pub const PAD: f64 = 12.0;

/// The plot area, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Plot {
    /// Width of the plot area.
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
}

/// The layout width for a container width: held in [`MIN_WIDTH`], [`MAX_WIDTH`].
pub fn clamp_width(width: f64) -> f64 {
    if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        640.0
    }
}

/// Text mark.
pub fn text(
    x: f64,
    y: f64,
    content: &str,
    anchor: Anchor,
    size: f64,
    colour: &'static str,
) -> Mark {
    Mark::new(
        Shape::Text {
            x,
            y,
            text: content.to_string(),
            anchor,
            size,
            bold: false,
            rotate: 0.0,
        },
        Paint::fill(colour),
        "label",
    )
}

/// The "…" on the baseline (`zero`) of the empty band at `x` between the two ends of a
/// capped bar chart: the bars left out.
pub fn gap_ellipsis(x: f64, zero: f64) -> Mark {
    text(x, zero - 6.0, "…", Anchor::Middle, LABEL_SIZE + 4.0, MUTED)
}

/// A bold text mark.
pub fn bold(mark: Mark) -> Mark {
    match mark.shape {
        Shape::Text {
            x,
            y,
            text,
            anchor,
            size,
            rotate,
            ..
        } => Mark {
            shape: Shape::Text {
                x,
                y,
                text,
                anchor,
                size,
                bold: true,
                rotate,
            },
            ..mark
        },
        _ => mark,
    }
}

/// A straight line mark.
pub fn line(x1: f64, y1: f64, x2: f64, y2: f64, paint: Paint, class: &'static str) -> Mark {
    Mark::new(Shape::Line { x1, y1, x2, y2 }, paint, class)
}

/// The title, wrapped to the width, from the top; returns the y below it.
pub fn title(marks: &mut Vec<Mark>, title: &str, width: f64) -> f64 {
    let mut y = PAD;
    for content in wrap(title, width - 2.0 * PAD, TITLE_SIZE) {
        y += TITLE_SIZE * 1.35;
        let mut mark = bold(text(PAD, y - 4.0, &content, Anchor::Start, TITLE_SIZE, INK));
        mark.class = "title";
        marks.push(mark);
    }
    y + 6.0
}

/// The value label above the value axis, wrapped; returns the y below it.
pub fn value_label(marks: &mut Vec<Mark>, label: &str, y: f64, width: f64) -> f64 {
    let mut y = y;
    for content in wrap(label, width - 2.0 * PAD, LABEL_SIZE) {
        y += LABEL_SIZE * 1.3;
        marks.push(text(
            PAD,
            y - 3.0,
            &content,
            Anchor::Start,
            LABEL_SIZE,
            MUTED,
        ));
    }
    y + 8.0
}

/// A padded, nice value domain over `values` (which should include any reference lines).
///
/// Zero is included when `with_zero` (bars start at zero); otherwise the span grows by 5 % at
/// each end so no point sits on the frame. A single value v becomes
/// [v − |v|/10, v + |v|/10], or [0, 1] for v = 0, so equal values still draw.
pub fn value_domain(values: &[f64], with_zero: bool, count: usize) -> (f64, f64) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (mut lo, mut hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo > hi {
        return (0.0, 1.0);
    }
    if with_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    } else {
        // Points and lines keep 5 % of room from the frame before rounding outward.
        let margin = (hi - lo) * 0.05;
        (lo, hi) = (lo - margin, hi + margin);
    }
    if lo == hi {
        // Only all-zero data reaches here with `with_zero`.
        (lo, hi) = match (lo == 0.0, with_zero) {
            (true, true) => (0.0, 1.0),
            (true, false) => (-0.5, 0.5),
            _ => (lo - lo.abs() / 10.0, hi + hi.abs() / 10.0),
        };
    }
    nice(lo, hi, count)
}

/// Tick count for an axis `length` pixels long: one tick per ~50 px, between 2 and 10.
pub fn tick_count(length: f64) -> usize {
    ((length / 50.0).round() as usize).clamp(2, 10)
}

/// Width taken by the tick labels of a value axis over `domain`.
pub fn tick_label_width(domain: (f64, f64), count: usize) -> f64 {
    let step = tick_step(domain.0, domain.1, count).unwrap_or(1.0);
    ticks(domain.0, domain.1, count)
        .iter()
        .map(|v| text_width(&format_tick(*v, step), LABEL_SIZE))
        .fold(0.0, f64::max)
}

/// Horizontal grid lines and tick labels of a vertical value axis, plus the baseline at the
/// bottom of the plot. `format` writes a tick from (value, step).
pub fn value_axis(
    marks: &mut Vec<Mark>,
    scale: &Linear,
    plot: &Plot,
    count: usize,
    format: &dyn Fn(f64, f64) -> String,
) {
    let step = tick_step(scale.d0, scale.d1, count).unwrap_or(1.0);
    for value in ticks(scale.d0, scale.d1, count) {
        let y = scale.map(value);
        marks.push(line(
            plot.left,
            y,
            plot.right,
            y,
            Paint::stroke(GRID, 1.0),
            "grid",
        ));
        marks.push(text(
            plot.left - 6.0,
            y + LABEL_SIZE * 0.35,
            &format(value, step),
            Anchor::End,
            LABEL_SIZE,
            MUTED,
        ));
    }
    marks.push(line(
        plot.left,
        plot.bottom,
        plot.right,
        plot.bottom,
        Paint::stroke(AXIS, 1.0),
        "axis",
    ));
}

/// A legend swatch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    /// A filled square.
    Fill(&'static str),
    /// An outlined square (highlight).
    Outline(&'static str),
    /// A line, maybe dashed.
    Line(&'static str, Option<&'static str>),
    /// A diamond (a mean).
    Diamond(&'static str),
}

/// A legend flowing left to right from (PAD, y), wrapping at the width; returns the y below it.
pub fn legend(marks: &mut Vec<Mark>, items: &[(String, Swatch)], y: f64, width: f64) -> f64 {
    if items.is_empty() {
        return y;
    }
    let row = LABEL_SIZE * 1.6;
    let (mut x, mut y) = (PAD, y + LABEL_SIZE);
    for (label, swatch) in items {
        let item_width = 22.0 + text_width(label, LABEL_SIZE) + 16.0;
        if x > PAD && x + item_width > width - PAD {
            x = PAD;
            y += row;
        }
        let mid = y - LABEL_SIZE * 0.35;
        let square = Shape::Rect {
            x,
            y: mid - 6.0,
            width: 12.0,
            height: 12.0,
        };
        let mark = match swatch {
            Swatch::Fill(colour) => Mark::new(square, Paint::fill(colour), "legend"),
            Swatch::Outline(colour) => Mark::new(square, Paint::stroke(colour, 2.0), "legend"),
            Swatch::Diamond(colour) => Mark::new(
                Shape::Path {
                    points: vec![
                        (x + 6.0, mid - 6.0),
                        (x + 12.0, mid),
                        (x + 6.0, mid + 6.0),
                        (x, mid),
                    ],
                    closed: true,
                },
                Paint::fill(colour),
                "legend",
            ),
            Swatch::Line(colour, dash) => {
                let paint = Paint {
                    dash: *dash,
                    ..Paint::stroke(colour, 2.0)
                };
                line(x - 2.0, mid, x + 16.0, mid, paint, "legend")
            }
        };
        marks.push(mark);
        // An item wider than a row (a long label on a phone) wraps onto rows of its own.
        let lines = wrap(label, width - 2.0 * PAD - 20.0, LABEL_SIZE);
        for (i, content) in lines.iter().enumerate() {
            let line_y = y + i as f64 * LABEL_SIZE * 1.3;
            marks.push(text(
                x + 20.0,
                line_y,
                content,
                Anchor::Start,
                LABEL_SIZE,
                INK,
            ));
        }
        if lines.len() > 1 {
            y += (lines.len() - 1) as f64 * LABEL_SIZE * 1.3;
            x = width;
        } else {
            x += item_width;
        }
    }
    y + 10.0
}

/// A centered message in place of a chart that cannot be drawn.
pub fn message(marks: &mut Vec<Mark>, content: &str, plot: &Plot) {
    let y = (plot.top + plot.bottom) / 2.0;
    for (i, content) in wrap(content, plot.width(), 13.0).iter().enumerate() {
        marks.push(text(
            (plot.left + plot.right) / 2.0,
            y + i as f64 * 18.0,
            content,
            Anchor::Middle,
            13.0,
            MUTED,
        ));
    }
}

/// "…" after the first `max_chars` characters.
pub fn shorten(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        return label.to_string();
    }
    let mut short: String = label.chars().take(max_chars.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// A reference line across the plot; its name and value are in the legend and in its tip.
pub fn ref_line(marks: &mut Vec<Mark>, plot: &Plot, y: f64, paint: Paint, tip: String) {
    marks.push(line(plot.left, y, plot.right, y, paint, "ref-line").with_tip(tip));
}

/// Centred text wrapped to `max_width`, from baseline `y`; returns the last baseline.
pub fn caption(marks: &mut Vec<Mark>, content: &str, cx: f64, y: f64, max_width: f64) -> f64 {
    let mut last = y;
    for (i, content) in wrap(content, max_width, LABEL_SIZE).iter().enumerate() {
        last = y + i as f64 * LABEL_SIZE * 1.3;
        marks.push(text(cx, last, content, Anchor::Middle, LABEL_SIZE, MUTED));
    }
    last
}

/// The same text mark with a white halo, to stay legible over lines and bars.
pub fn halo(mut mark: Mark) -> Mark {
    mark.paint.halo = true;
    mark
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(value_domain(&[0.2, 0.65], true, 5), (0.0, 0.7));
        assert_eq!(value_domain(&[3.57, 4.2], false, 5), (3.4, 4.4));
        assert_eq!(value_domain(&[5.0], true, 5), (0.0, 5.0));
        assert_eq!(value_domain(&[5.0], false, 5), (4.4, 5.6));
        assert_eq!(value_domain(&[0.0, 0.0], true, 5), (0.0, 1.0));
        assert_eq!(value_domain(&[0.0], false, 5), (-0.6, 0.6));
        assert_eq!(value_domain(&[-3.0, 2.0], true, 5), (-3.0, 2.0));
        assert_eq!(value_domain(&[f64::NAN], true, 5), (0.0, 1.0));
        assert_eq!(value_domain(&[], true, 5), (0.0, 1.0));
    }

    #[test]
    fn shortens() {
        assert_eq!(shorten("第一中学", 8), "第一中学");
        assert_eq!(shorten("县第一实验小学东校区", 6), "县第一实验…");
        assert_eq!(clamp_width(100.0), MIN_WIDTH);
        assert_eq!(clamp_width(f64::NAN), 640.0);
    }
}
