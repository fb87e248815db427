//! Series over years (CV and Gini by year, say), each with its own colour, marker and dash,
//! and an optional threshold line (the 0.65 / 0.55 standard).

use super::frame::{
    clamp_width, legend, line, message, ref_line, text, tick_count, tick_label_width, title,
    value_axis, value_domain, value_label, Plot, Swatch, LABEL_SIZE, PAD,
};
use crate::chart::palette::{AXIS, INK, MUTED, SERIES, SERIES_DASH, VERMILLION_TEXT};
use crate::chart::scale::Linear;
use crate::chart::svg::{Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, format_value, ticks};
use crate::chart::{in_lang, ChartText, LineSeries, RefLine};

/// The marker of series `s` at (x, y): circle, square, triangle, diamond, cross-like square.
fn marker(s: usize, x: f64, y: f64) -> Shape {
    let r = 4.0;
    match s % 4 {
        0 => Shape::Circle { cx: x, cy: y, r },
        1 => Shape::Rect {
            x: x - r,
            y: y - r,
            width: 2.0 * r,
            height: 2.0 * r,
        },
        2 => Shape::Path {
            points: vec![(x, y - r - 1.0), (x + r + 1.0, y + r), (x - r - 1.0, y + r)],
            closed: true,
        },
        _ => Shape::Path {
            points: vec![
                (x, y - r - 1.0),
                (x + r + 1.0, y),
                (x, y + r + 1.0),
                (x - r - 1.0, y),
            ],
            closed: true,
        },
    }
}

/// Lays out the line chart at `width` CSS pixels.
///
/// Years run along x (integer ticks); the value axis starts at zero when every value is
/// non-negative. A non-finite value breaks its line. The threshold, when given, is a dashed
/// vermillion line labelled "label value".
pub fn line_figure(
    series: &[LineSeries],
    text_: &ChartText,
    threshold: Option<&RefLine>,
    width: f64,
) -> Figure {
    let width = clamp_width(width);
    let mut marks = Vec::new();
    let mut y = title(&mut marks, &text_.title, width);
    let threshold = threshold.filter(|t| t.value.is_finite());
    let mut items: Vec<(String, Swatch)> = series
        .iter()
        .enumerate()
        .map(|(s, line)| {
            (
                line.name.clone(),
                Swatch::Line(SERIES[s % SERIES.len()], SERIES_DASH[s % SERIES.len()]),
            )
        })
        .collect();
    if let Some(t) = threshold {
        let label = format!("{} {}", t.label, format_value(t.value));
        items.push((label, Swatch::Line(VERMILLION_TEXT, Some("6 4"))));
    }
    y = legend(&mut marks, &items, y, width);
    y = value_label(&mut marks, &text_.value_label, y, width);

    let mut years: Vec<i32> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut values: Vec<f64> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .filter(|v| v.is_finite())
        .collect();
    let with_zero = values.iter().all(|v| *v >= 0.0);
    values.extend(threshold.map(|t| t.value));
    let plot_height = (width * 0.4).clamp(180.0, 300.0);
    let count = tick_count(plot_height);
    let domain = value_domain(&values, with_zero, count);
    let left = PAD + tick_label_width(domain, count) + 8.0;
    let plot = Plot {
        left,
        top: y,
        right: width - PAD - 8.0,
        bottom: y + plot_height,
    };
    let scale = Linear::new(domain, (plot.bottom, plot.top));
    let (first, last) = (
        years.first().copied().unwrap_or(0),
        years.last().copied().unwrap_or(0),
    );
    // Half a year of room at each end so the end markers are not on the frame.
    let x_scale = Linear::new(
        (first as f64 - 0.5, last as f64 + 0.5),
        (plot.left, plot.right),
    );
    value_axis(&mut marks, &scale, &plot, count, &format_tick);
    if years.is_empty() {
        message(
            &mut marks,
            &in_lang(text_.lang, "没有可绘制的数值", "No values to draw"),
            &plot,
        );
    }
    let year_count = ((plot.width() / 56.0) as usize).max(2);
    for year in ticks(first as f64, last as f64, year_count)
        .into_iter()
        .filter(|t| t.fract() == 0.0)
    {
        let x = x_scale.map(year);
        marks.push(line(
            x,
            plot.bottom,
            x,
            plot.bottom + 4.0,
            Paint::stroke(AXIS, 1.0),
            "tick",
        ));
        marks.push(text(
            x,
            plot.bottom + LABEL_SIZE + 6.0,
            &format!("{year}"),
            Anchor::Middle,
            LABEL_SIZE,
            MUTED,
        ));
    }
    let x_label_y = plot.bottom + 2.0 * LABEL_SIZE + 12.0;
    marks.push(text(
        (plot.left + plot.right) / 2.0,
        x_label_y,
        &in_lang(text_.lang, "年份", "Year"),
        Anchor::Middle,
        LABEL_SIZE,
        MUTED,
    ));
    if let Some(t) = threshold {
        let tip = format!("{} {}", t.label, format_value(t.value));
        let paint = Paint::stroke(VERMILLION_TEXT, 2.0).dashed("6 4");
        ref_line(&mut marks, &plot, scale.map(t.value), paint, tip);
    }
    for (s, one) in series.iter().enumerate() {
        let colour = SERIES[s % SERIES.len()];
        let mut points = one.points.clone();
        points.sort_by_key(|p| p.0);
        // One path per run of finite values.
        for run in points
            .split(|p| !p.1.is_finite())
            .filter(|run| run.len() > 1)
        {
            let xy = run
                .iter()
                .map(|(year, v)| (x_scale.map(*year as f64), scale.map(*v)))
                .collect();
            let paint = Paint {
                dash: SERIES_DASH[s % SERIES.len()],
                ..Paint::stroke(colour, 2.5)
            };
            marks.push(Mark::new(
                Shape::Path {
                    points: xy,
                    closed: false,
                },
                paint,
                "series",
            ));
        }
        for (year, v) in points.iter().filter(|p| p.1.is_finite()) {
            let shape = marker(s, x_scale.map(*year as f64), scale.map(*v));
            let paint = Paint {
                stroke: Some("#ffffff"),
                stroke_width: 1.0,
                ..Paint::fill(colour)
            };
            let tip = format!("{} · {year}：{}", one.name, format_value(*v));
            marks.push(Mark::new(shape, paint, "point").with_tip(tip));
        }
    }
    marks.push(line(
        plot.left,
        plot.bottom,
        plot.right,
        plot.bottom,
        Paint::stroke(INK, 1.0),
        "axis",
    ));

    let mut headers = vec!["年份 Year".to_string()];
    headers.extend(series.iter().map(|s| s.name.clone()));
    let rows = years
        .iter()
        .map(|year| {
            let mut row = vec![year.to_string()];
            for one in series {
                let value = one.points.iter().find(|p| p.0 == *year).map(|p| p.1);
                row.push(value.map(format_value).unwrap_or_else(|| "—".to_string()));
            }
            row
        })
        .collect();
    let mut numeric = vec![false];
    numeric.extend(series.iter().map(|_| true));
    Figure {
        width,
        height: x_label_y + PAD,
        title: text_.title.clone(),
        desc: text_.desc.clone(),
        marks,
        table: DataTable {
            headers,
            rows,
            numeric,
            note: None,
        },
    }
}
