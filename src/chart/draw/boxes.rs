//! Distribution per group (城区 / 镇区 / 乡村): a pupil-weighted box plot with every school as a
//! point beside it, so that small groups are seen as the few schools they are.

use super::frame::{
    clamp_width, legend, line, message, shorten, text, tick_count, tick_label_width, title,
    value_axis, value_domain, value_label, Plot, Swatch, LABEL_SIZE, PAD,
};
use crate::chart::boxplot::{box_stats, BoxStats};
use crate::chart::palette::{BLUE, BLUE_TEXT, BLUE_WASH, INK, VERMILLION};
use crate::chart::scale::{Band, Linear};
use crate::chart::svg::{Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, format_value};
use crate::chart::{ChartText, GroupedDatum};

/// The groups in the order of their first datum, each with the indices of its data.
pub fn groups(data: &[GroupedDatum]) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, datum) in data.iter().enumerate() {
        match out.iter_mut().find(|(g, _)| *g == datum.group) {
            Some((_, members)) => members.push(i),
            None => out.push((datum.group.clone(), vec![i])),
        }
    }
    out
}

/// Lays out the box plot at `width` CSS pixels.
///
/// Quartiles are pupil-weighted with the engine's percentile rule (see
/// [`crate::chart::boxplot`]); weights of 1 give the unweighted box. Whiskers reach the most
/// extreme values within 1.5 × IQR; points outside are vermillion. Each school is a point,
/// spread sideways by a fixed pattern (not random, so the same data draw the same chart).
/// Data with a non-finite value or a non-positive weight are left out.
pub fn box_figure(data: &[GroupedDatum], text_: &ChartText, width: f64) -> Figure {
    let width = clamp_width(width);
    let mut marks = Vec::new();
    let mut y = title(&mut marks, &text_.title, width);
    let valid: Vec<GroupedDatum> = data
        .iter()
        .filter(|d| d.value.is_finite() && d.weight.is_finite() && d.weight > 0.0)
        .cloned()
        .collect();
    let groups = groups(&valid);
    let stats: Vec<Option<BoxStats>> = groups
        .iter()
        .map(|(_, members)| {
            let values: Vec<f64> = members.iter().map(|i| valid[*i].value).collect();
            let weights: Vec<f64> = members.iter().map(|i| valid[*i].weight).collect();
            box_stats(&values, &weights)
        })
        .collect();
    let items = [
        (
            "箱体：学生加权四分位 · Box: pupil-weighted quartiles".to_string(),
            Swatch::Fill(BLUE_WASH),
        ),
        ("均值 · Mean".to_string(), Swatch::Diamond(INK)),
        ("离群 · Outlier".to_string(), Swatch::Fill(VERMILLION)),
    ];
    y = legend(&mut marks, &items, y, width);
    y = value_label(&mut marks, &text_.value_label, y, width);
    let plot_height = (width * 0.45).clamp(200.0, 340.0);
    let count = tick_count(plot_height);
    let values: Vec<f64> = valid.iter().map(|d| d.value).collect();
    let domain = value_domain(&values, false, count);
    let left = PAD + tick_label_width(domain, count) + 8.0;
    let plot = Plot {
        left,
        top: y,
        right: width - PAD,
        bottom: y + plot_height,
    };
    let scale = Linear::new(domain, (plot.bottom, plot.top));
    let band = Band {
        n: groups.len(),
        r0: plot.left,
        r1: plot.right,
        inner: 0.3,
        outer: 0.15,
    };
    let box_width = (band.bandwidth() * 0.42).min(70.0);
    value_axis(&mut marks, &scale, &plot, count, &format_tick);
    if groups.is_empty() {
        message(&mut marks, "没有可绘制的数值 · No values to draw", &plot);
    }
    let name_chars = ((band.step() / LABEL_SIZE) as usize).max(4);
    let mut rows = Vec::new();
    for (g, ((group, members), stat)) in groups.iter().zip(&stats).enumerate() {
        let centre = band.center(g);
        marks.push(text(
            centre,
            plot.bottom + LABEL_SIZE + 6.0,
            &shorten(&format!("{group} (n={})", members.len()), name_chars + 6),
            Anchor::Middle,
            LABEL_SIZE,
            INK,
        ));
        let Some(s) = stat else { continue };
        // Box on the left half of the band, points on the right half.
        let box_x = centre - box_width - 4.0;
        let box_mid = box_x + box_width / 2.0;
        let whisker = Paint::stroke(BLUE_TEXT, 1.5);
        marks.push(line(
            box_mid,
            scale.map(s.whisker_low),
            box_mid,
            scale.map(s.q1),
            whisker,
            "whisker",
        ));
        marks.push(line(
            box_mid,
            scale.map(s.q3),
            box_mid,
            scale.map(s.whisker_high),
            whisker,
            "whisker",
        ));
        for end in [s.whisker_low, s.whisker_high] {
            let y = scale.map(end);
            marks.push(line(
                box_mid - box_width / 4.0,
                y,
                box_mid + box_width / 4.0,
                y,
                whisker,
                "whisker",
            ));
        }
        let tip = format!(
            "{group}：中位数 Median {}，四分位 Q1–Q3 {}–{}，须 Whiskers {}–{}，均值 Mean {}，n = {}",
            format_value(s.median),
            format_value(s.q1),
            format_value(s.q3),
            format_value(s.whisker_low),
            format_value(s.whisker_high),
            format_value(s.mean),
            s.n,
        );
        let body = Shape::Rect {
            x: box_x,
            y: scale.map(s.q3),
            width: box_width,
            height: (scale.map(s.q1) - scale.map(s.q3)).max(1.0),
        };
        let body_paint = Paint {
            stroke: Some(BLUE_TEXT),
            stroke_width: 1.5,
            ..Paint::fill(BLUE_WASH)
        };
        marks.push(Mark::new(body, body_paint, "box").with_tip(tip));
        let median_y = scale.map(s.median);
        marks.push(line(
            box_x,
            median_y,
            box_x + box_width,
            median_y,
            Paint::stroke(INK, 2.5),
            "median",
        ));
        let (mx, my) = (box_mid, scale.map(s.mean));
        let diamond = vec![
            (mx, my - 5.0),
            (mx + 5.0, my),
            (mx, my + 5.0),
            (mx - 5.0, my),
        ];
        let mean_paint = Paint {
            stroke: Some("#ffffff"),
            stroke_width: 1.0,
            ..Paint::fill(INK)
        };
        marks.push(Mark::new(
            Shape::Path {
                points: diamond,
                closed: true,
            },
            mean_paint,
            "mean",
        ));
        let spread = (band.bandwidth() / 2.0 - 8.0).clamp(6.0, 60.0);
        for (k, &i) in members.iter().enumerate() {
            let datum = &valid[i];
            // Golden-ratio offsets: evenly spread, the same every time.
            let offset = ((k as f64 * 0.618_033_988_75) % 1.0) * spread;
            let outlier = s.outliers.contains(&k);
            let colour = if outlier { VERMILLION } else { BLUE };
            let paint = Paint {
                stroke: Some("#ffffff"),
                stroke_width: 0.75,
                fill_opacity: Some(0.8),
                ..Paint::fill(colour)
            };
            let shape = Shape::Circle {
                cx: centre + 4.0 + offset,
                cy: scale.map(datum.value),
                r: 3.5,
            };
            let note = if outlier {
                "（离群 · outlier）"
            } else {
                ""
            };
            let tip = format!(
                "{} · {group}：{}{note}，学生 {}",
                datum.label,
                format_value(datum.value),
                format_value(datum.weight)
            );
            marks.push(Mark::new(shape, paint, "point").with_tip(tip));
        }
        rows.push(vec![
            group.clone(),
            s.n.to_string(),
            format_value(s.whisker_low),
            format_value(s.q1),
            format_value(s.median),
            format_value(s.q3),
            format_value(s.whisker_high),
            format_value(s.mean),
        ]);
    }
    marks.push(line(
        plot.left,
        plot.bottom,
        plot.right,
        plot.bottom,
        Paint::stroke(INK, 1.0),
        "axis",
    ));
    let headers = [
        "组 Group",
        "学校数 n",
        "须下端 Low whisker",
        "Q1",
        "中位数 Median",
        "Q3",
        "须上端 High whisker",
        "均值 Mean",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    Figure {
        width,
        height: plot.bottom + LABEL_SIZE + 6.0 + PAD,
        title: text_.title.clone(),
        desc: text_.desc.clone(),
        marks,
        table: DataTable {
            headers,
            rows,
            numeric: vec![false, true, true, true, true, true, true, true],
        },
    }
}
