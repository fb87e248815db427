//! The Lorenz curve: cumulative share of pupils (x) against cumulative share of the resource
//! (y), the line of equality, the area between them shaded, and the Gini written in the plot.

use super::frame::{
    bold, caption, clamp_width, halo, line, message, text, title, value_axis, Plot, LABEL_SIZE, PAD,
};
use crate::chart::lorenz::{lorenz_points, thin, MAX_POINTS};
use crate::chart::palette::{AXIS, BLUE, BLUE_TEXT, BLUE_WASH, GRID, MUTED};
use crate::chart::scale::Linear;
use crate::chart::svg::{wrap, Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_value, step_decimals, ticks};
use crate::chart::{in_lang, in_language, ChartText, WeightedDatum};
use crate::i18n::K;
use crate::model::format::thousands;
use junheng_core::measures::{gini, Sample};

/// A share as a percentage with the decimals the tick step needs: 0.2 → "20%".
pub fn percent(share: f64, step: f64) -> String {
    let decimals = step_decimals(step * 100.0);
    let text = format!("{:.*}%", decimals, share * 100.0);
    if text.starts_with("-0") && text.trim_start_matches(['-', '0', '.', '%']).is_empty() {
        text.trim_start_matches('-').to_string()
    } else {
        text
    }
}

/// Lays out the Lorenz chart at `width` CSS pixels; the plot is square.
///
/// The Gini shown is `junheng_core::measures::gini` (the page's number) over every school; it
/// equals 1 − 2·area under the full curve. When the data cannot make a curve (a negative
/// value, no positive total) the chart says so instead.
///
/// Up to [`crate::chart::MAX_DRAWN_SCHOOLS`] schools every school is a point with its tip and
/// a row of the data table. Above that (a national file) the curve is drawn through the
/// [`MAX_POINTS`] points that [`thin`] keeps, without a point per school; the table lists
/// those points with each school's rank among all, and a note under the chart says so.
pub fn lorenz_figure(data: &[WeightedDatum], text_: &ChartText, width: f64) -> Figure {
    let width = clamp_width(width);
    let mut marks = Vec::new();
    let y = title(&mut marks, &text_.title, width);
    let values: Vec<f64> = data.iter().map(|d| d.value).collect();
    let weights: Vec<f64> = data.iter().map(|d| d.weight).collect();
    let points = lorenz_points(&values, &weights);
    let gini = Sample::new(values, weights).ok().and_then(|s| gini(&s));
    // Indices of the points drawn: every one for a county, MAX_POINTS of a national file.
    let kept = points
        .as_deref()
        .map_or_else(Vec::new, |p| thin(p, MAX_POINTS));
    let thinned = points.as_ref().is_some_and(|p| kept.len() < p.len());
    let note = thinned.then(|| {
        in_language(
            text_.lang,
            K::ChartLorenzThinned,
            &[("n", &thousands(data.len())), ("m", &thousands(kept.len()))],
        )
    });

    let y_label = in_lang(
        text_.lang,
        "资源累计占比",
        "Cumulative share of the resource",
    );
    let mut top = y;
    for content in wrap(&y_label, width - 2.0 * PAD, LABEL_SIZE) {
        top += LABEL_SIZE * 1.3;
        marks.push(text(
            PAD,
            top - 3.0,
            &content,
            Anchor::Start,
            LABEL_SIZE,
            MUTED,
        ));
    }
    top += 10.0;
    let left = PAD + 44.0;
    // The right margin leaves room for half of the "100%" tick label.
    let right_margin = PAD + 14.0;
    let size = (width - left - right_margin).min(440.0);
    // Centre the square when the figure is wide.
    let left = left + ((width - left - right_margin) - size) / 2.0;
    let plot = Plot {
        left,
        top,
        right: left + size,
        bottom: top + size,
    };
    let x_scale = Linear::new((0.0, 1.0), (plot.left, plot.right));
    let y_scale = Linear::new((0.0, 1.0), (plot.bottom, plot.top));
    let count = if size < 260.0 { 4 } else { 5 };
    value_axis(&mut marks, &y_scale, &plot, count, &percent);
    for share in ticks(0.0, 1.0, count) {
        let x = x_scale.map(share);
        marks.push(line(
            x,
            plot.top,
            x,
            plot.bottom,
            Paint::stroke(GRID, 1.0),
            "grid",
        ));
        marks.push(text(
            x,
            plot.bottom + LABEL_SIZE + 6.0,
            &percent(share, 1.0 / count as f64),
            Anchor::Middle,
            LABEL_SIZE,
            MUTED,
        ));
    }
    marks.push(line(
        plot.left,
        plot.top,
        plot.left,
        plot.bottom,
        Paint::stroke(AXIS, 1.0),
        "axis",
    ));
    let x_label_y = plot.bottom + 2.0 * LABEL_SIZE + 14.0;
    marks.push(text(
        (plot.left + plot.right) / 2.0,
        x_label_y,
        &in_lang(
            text_.lang,
            "学生累计占比（按值从低到高）",
            "Cumulative share of pupils, lowest first",
        ),
        Anchor::Middle,
        LABEL_SIZE,
        MUTED,
    ));
    // Long x label on a phone: wrap it instead.
    if let Some(Mark {
        shape: Shape::Text { text: content, .. },
        ..
    }) = marks.last()
    {
        let lines = wrap(content, width - 2.0 * PAD, LABEL_SIZE);
        if lines.len() > 1 {
            marks.pop();
            for (i, content) in lines.iter().enumerate() {
                marks.push(text(
                    width / 2.0,
                    x_label_y + i as f64 * LABEL_SIZE * 1.3,
                    content,
                    Anchor::Middle,
                    LABEL_SIZE,
                    MUTED,
                ));
            }
        }
    }
    if let Some(note) = &note {
        let below = marks
            .iter()
            .filter_map(|m| match m.shape {
                Shape::Text { y, .. } => Some(y),
                _ => None,
            })
            .fold(plot.bottom, f64::max);
        caption(
            &mut marks,
            note,
            width / 2.0,
            below + LABEL_SIZE * 1.6,
            width - 2.0 * PAD,
        );
    }
    let height = marks
        .iter()
        .filter_map(|m| match m.shape {
            Shape::Text { y, .. } => Some(y),
            _ => None,
        })
        .fold(plot.bottom, f64::max)
        + PAD;

    let equality = Paint::stroke(AXIS, 1.5).dashed("5 4");
    let Some(points) = points else {
        marks.push(line(
            plot.left,
            plot.bottom,
            plot.right,
            plot.top,
            equality,
            "equality",
        ));
        message(
            &mut marks,
            &in_lang(
                text_.lang,
                "无法画出洛伦兹曲线：数值须非负且总量为正",
                "No Lorenz curve: values must be non-negative with a positive total",
            ),
            &plot,
        );
        return Figure {
            width,
            height,
            title: text_.title.clone(),
            desc: text_.desc.clone(),
            marks,
            table: DataTable::default(),
        };
    };
    let xy: Vec<(f64, f64)> = kept
        .iter()
        .map(|&i| {
            (
                x_scale.map(points[i].pupils),
                y_scale.map(points[i].resource),
            )
        })
        .collect();
    marks.push(Mark::new(
        Shape::Path {
            points: xy.clone(),
            closed: true,
        },
        Paint {
            fill_opacity: Some(0.7),
            ..Paint::fill(BLUE_WASH)
        },
        "gini-area",
    ));
    marks.push(line(
        plot.left,
        plot.bottom,
        plot.right,
        plot.top,
        equality,
        "equality",
    ));
    let along = 0.62;
    let mut equality_label = halo(text(
        x_scale.map(along) - 4.0,
        y_scale.map(along) - 6.0,
        &in_lang(text_.lang, "绝对均衡线", "Equality"),
        Anchor::Middle,
        LABEL_SIZE,
        MUTED,
    ));
    if let Shape::Text { rotate, .. } = &mut equality_label.shape {
        *rotate = -45.0;
    }
    marks.push(equality_label);
    marks.push(Mark::new(
        Shape::Path {
            points: xy.clone(),
            closed: false,
        },
        Paint::stroke(BLUE, 2.5),
        "curve",
    ));
    let radius = if points.len() <= 41 { 3.5 } else { 2.5 };
    // A point per school only when every school is drawn (xy then holds every point).
    let schools = if thinned { &points[..0] } else { &points[..] };
    for (point, (x, y)) in schools.iter().zip(&xy).skip(1) {
        let i = point.index.unwrap_or(0);
        let tip = format!(
            "{}：{}，学生 {} · 累计学生 {}，累计资源 {}",
            data[i].label,
            format_value(data[i].value),
            format_value(data[i].weight),
            percent(point.pupils, 0.001),
            percent(point.resource, 0.001),
        );
        let paint = Paint {
            stroke: Some("#ffffff"),
            stroke_width: 1.0,
            ..Paint::fill(BLUE)
        };
        marks.push(
            Mark::new(
                Shape::Circle {
                    cx: *x,
                    cy: *y,
                    r: radius,
                },
                paint,
                "point",
            )
            .with_tip(tip),
        );
    }
    if let Some(g) = gini {
        let label = format!("基尼系数 Gini = {g:.3}");
        marks.push(halo(bold(text(
            plot.left + 10.0,
            plot.top + 20.0,
            &label,
            Anchor::Start,
            14.0,
            BLUE_TEXT,
        ))));
        marks.push(halo(text(
            plot.left + 10.0,
            plot.top + 38.0,
            "= 1 − 2 × 曲线下面积 (area)",
            Anchor::Start,
            LABEL_SIZE - 1.0,
            MUTED,
        )));
    }

    let headers = vec![
        "序 Rank".to_string(),
        "学校 School".to_string(),
        text_.value_label.clone(),
        "学生数 Pupils".to_string(),
        "累计学生 Cum. pupils".to_string(),
        "累计资源 Cum. resource".to_string(),
    ];
    // The drawn points; a point's position in the full curve is its school's rank.
    let rows = kept
        .iter()
        .filter(|&&rank| rank > 0)
        .map(|&rank| {
            let p = &points[rank];
            let i = p.index.unwrap_or(0);
            vec![
                rank.to_string(),
                data[i].label.clone(),
                format_value(data[i].value),
                format_value(data[i].weight),
                percent(p.pupils, 0.001),
                percent(p.resource, 0.001),
            ]
        })
        .collect();
    Figure {
        width,
        height,
        title: text_.title.clone(),
        desc: text_.desc.clone(),
        marks,
        table: DataTable {
            headers,
            rows,
            numeric: vec![true, false, true, true, true, true],
            note,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents() {
        assert_eq!(percent(0.2, 0.2), "20%");
        assert_eq!(percent(0.12345, 0.001), "12.3%");
        assert_eq!(percent(1.0, 0.25), "100%");
        assert_eq!(percent(0.125, 0.001), "12.5%");
        assert_eq!(percent(-0.0, 0.2), "0%");
    }
}
