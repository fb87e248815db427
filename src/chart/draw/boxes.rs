//! Distribution per group (城区 / 镇区 / 乡村): a pupil-weighted box plot with every school as a
//! point beside it, so that small groups are seen as the few schools they are.
//!
//! A national file has 100 000+ schools, and a grouping column chosen by the user may have
//! thousands of values. Above [`MAX_DRAWN_SCHOOLS`] schools the boxes stand for the schools
//! (no point per school) and only the [`MAX_OUTLIERS`] most extreme outliers are drawn; above
//! [`MAX_GROUPS`] groups the groups with the most schools are drawn. A note under the chart
//! says what is left out.

use std::collections::HashMap;

use super::frame::{
    caption, clamp_width, legend, line, message, shorten, text, tick_count, tick_label_width,
    title, value_axis, value_domain, value_label, Plot, Swatch, LABEL_SIZE, PAD,
};
use crate::chart::boxplot::{box_stats, BoxStats};
use crate::chart::palette::{BLUE, BLUE_TEXT, BLUE_WASH, INK, VERMILLION};
use crate::chart::scale::{Band, Linear};
use crate::chart::svg::{text_width, Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, format_value};
use crate::chart::{in_lang, in_language, ChartText, GroupedDatum, MAX_DRAWN_SCHOOLS};
use crate::i18n::K;
use crate::model::format::thousands;

/// Most outliers drawn when the schools are not drawn one by one: the most extreme, by their
/// distance from their group's median (one value axis, so distances compare across groups).
pub const MAX_OUTLIERS: usize = 200;

/// Most groups drawn, as for the group bars (`group_bars::MAX_GROUP_BARS`): a county's
/// townships (10 to 30) are all drawn, as before. A grouping with more values (a township
/// column of a national file has thousands) draws the groups with the most schools, in their
/// order; the group table of the Groups tab lists them all.
pub const MAX_GROUPS: usize = 40;

/// The groups of `names` in the order of their first appearance, each with the indices (into
/// `names`) of its members. One hash lookup per name: O(n) for any number of groups.
pub fn groups<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    let mut position: HashMap<&'a str, usize> = HashMap::new();
    for (i, name) in names.into_iter().enumerate() {
        match position.get(name) {
            Some(&g) => out[g].1.push(i),
            None => {
                position.insert(name, out.len());
                out.push((name.to_string(), vec![i]));
            }
        }
    }
    out
}

/// Indices of the `max` largest of `groups` (by members; ties to the first), in their order.
fn largest(groups: &[(String, Vec<usize>)], max: usize) -> Vec<usize> {
    let mut by_size: Vec<usize> = (0..groups.len()).collect();
    by_size.sort_by(|a, b| groups[*b].1.len().cmp(&groups[*a].1.len()).then(a.cmp(b)));
    by_size.truncate(max);
    by_size.sort_unstable();
    by_size
}

/// Lays out the box plot at `width` CSS pixels.
///
/// Quartiles are pupil-weighted with the engine's percentile rule (see
/// [`crate::chart::boxplot`]); weights of 1 give the unweighted box. Whiskers reach the most
/// extreme values within 1.5 × IQR; points outside are vermillion. Each school is a point,
/// spread sideways by a fixed pattern (not random, so the same data draw the same chart).
/// Data with a non-finite value or a non-positive weight are left out. Above
/// [`MAX_DRAWN_SCHOOLS`] schools or [`MAX_GROUPS`] groups, see the module doc.
pub fn box_figure(data: &[GroupedDatum], text_: &ChartText, width: f64) -> Figure {
    let width = clamp_width(width);
    let mut marks = Vec::new();
    let mut y = title(&mut marks, &text_.title, width);
    let valid: Vec<&GroupedDatum> = data
        .iter()
        .filter(|d| d.value.is_finite() && d.weight.is_finite() && d.weight > 0.0)
        .collect();
    let mut groups = groups(valid.iter().map(|d| d.group.as_str()));
    let group_count = groups.len();
    if group_count > MAX_GROUPS {
        let keep = largest(&groups, MAX_GROUPS);
        groups = keep.into_iter().map(|g| groups[g].clone()).collect();
    }
    let stats: Vec<Option<BoxStats>> = groups
        .iter()
        .map(|(_, members)| {
            let values: Vec<f64> = members.iter().map(|i| valid[*i].value).collect();
            let weights: Vec<f64> = members.iter().map(|i| valid[*i].weight).collect();
            box_stats(&values, &weights)
        })
        .collect();
    // Which school is drawn as a point: every one for a county; for a national file the
    // MAX_OUTLIERS outliers farthest from their group's median.
    let every_school = valid.len() <= MAX_DRAWN_SCHOOLS;
    let mut outlier: Vec<Vec<bool>> = groups.iter().map(|(_, m)| vec![false; m.len()]).collect();
    for (flags, stat) in outlier.iter_mut().zip(&stats) {
        for &k in stat.iter().flat_map(|s| &s.outliers) {
            flags[k] = true;
        }
    }
    let mut drawn = if every_school {
        groups.iter().map(|(_, m)| vec![true; m.len()]).collect()
    } else {
        groups
            .iter()
            .map(|(_, m)| vec![false; m.len()])
            .collect::<Vec<_>>()
    };
    let mut outlier_count = 0;
    if !every_school {
        let mut extreme: Vec<(f64, usize, usize)> = Vec::new();
        for (g, ((_, members), stat)) in groups.iter().zip(&stats).enumerate() {
            let Some(s) = stat else { continue };
            for &k in &s.outliers {
                extreme.push(((valid[members[k]].value - s.median).abs(), g, k));
            }
        }
        outlier_count = extreme.len();
        extreme.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        for &(_, g, k) in extreme.iter().take(MAX_OUTLIERS) {
            drawn[g][k] = true;
        }
    }
    let mut notes = Vec::new();
    if group_count > MAX_GROUPS {
        notes.push(in_language(
            text_.lang,
            K::ChartGroupsCapped,
            &[
                ("k", &MAX_GROUPS.to_string()),
                ("n", &thousands(group_count)),
            ],
        ));
    }
    if !every_school {
        notes.push(in_language(
            text_.lang,
            K::ChartBoxNoPoints,
            &[("n", &thousands(valid.len()))],
        ));
    }
    if outlier_count > MAX_OUTLIERS {
        notes.push(in_language(
            text_.lang,
            K::ChartOutliersCapped,
            &[
                ("total", &thousands(outlier_count)),
                ("shown", &MAX_OUTLIERS.to_string()),
            ],
        ));
    }
    let items = [
        (
            in_lang(
                text_.lang,
                "箱体：学生加权四分位",
                "Box: pupil-weighted quartiles",
            ),
            Swatch::Fill(BLUE_WASH),
        ),
        (in_lang(text_.lang, "均值", "Mean"), Swatch::Diamond(INK)),
        (
            in_lang(text_.lang, "离群", "Outlier"),
            Swatch::Fill(VERMILLION),
        ),
    ];
    y = legend(&mut marks, &items, y, width);
    y = value_label(&mut marks, &text_.value_label, y, width);
    let plot_height = (width * 0.45).clamp(200.0, 340.0);
    let count = tick_count(plot_height);
    // The values of the groups drawn (all of them unless there are more than MAX_GROUPS).
    let values: Vec<f64> = groups
        .iter()
        .flat_map(|(_, members)| members.iter().map(|i| valid[*i].value))
        .collect();
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
        message(
            &mut marks,
            &in_lang(text_.lang, "没有可绘制的数值", "No values to draw"),
            &plot,
        );
    }
    let name_chars = ((band.step() / LABEL_SIZE) as usize).max(4);
    let mut rows = Vec::new();
    for (g, ((group, members), stat)) in groups.iter().zip(&stats).enumerate() {
        let centre = band.center(g);
        let label = shorten(&format!("{group} (n={})", members.len()), name_chars + 6);
        // Kept on the canvas: with many groups the first and last labels are wider than
        // their band.
        let half = text_width(&label, LABEL_SIZE) / 2.0;
        marks.push(text(
            centre.clamp(PAD + half, (width - PAD - half).max(PAD + half)),
            plot.bottom + LABEL_SIZE + 6.0,
            &label,
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
            if !drawn[g][k] {
                continue;
            }
            let datum = valid[i];
            // Golden-ratio offsets: evenly spread, the same every time.
            let offset = ((k as f64 * 0.618_033_988_75) % 1.0) * spread;
            let outlier = outlier[g][k];
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
    let mut bottom = plot.bottom + LABEL_SIZE + 6.0;
    for note in &notes {
        bottom = caption(
            &mut marks,
            note,
            width / 2.0,
            bottom + LABEL_SIZE * 1.6,
            width - 2.0 * PAD,
        );
    }
    Figure {
        width,
        height: bottom + PAD,
        title: text_.title.clone(),
        desc: text_.desc.clone(),
        marks,
        table: DataTable {
            headers,
            rows,
            numeric: vec![false, true, true, true, true, true, true, true],
            note: (!notes.is_empty()).then(|| notes.join(" / ")),
        },
    }
}
