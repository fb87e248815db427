//! Per-school bars, sorted from the lowest value to the highest, with the mean line and an
//! optional standard line; bars below the standard are vermillion instead of blue.
//!
//! A national file has 100 000+ schools: above [`MAX_DRAWN_SCHOOLS`] the chart draws the
//! [`EACH_END`] lowest and the [`EACH_END`] highest schools with a gap between them, and says
//! so under the chart. Why the two ends and not a histogram: this chart answers "which schools
//! fall short, and by how much, against the standard and the mean". A histogram would answer
//! "how are the values spread", which the Lorenz curve and the box plot beside it already show,
//! and would lose the schools' names. The lowest schools are the ones a plan acts on, the
//! highest give the range; the mean and standard lines and the title's count below the
//! standard still come from every school, and the Schools tab lists and sorts all of them.

use super::frame::{
    caption, clamp_width, gap_ellipsis, legend, line, message, ref_line, shorten, text, tick_count,
    tick_label_width, title, value_axis, value_domain, value_label, Plot, Swatch, LABEL_SIZE, PAD,
};
use crate::chart::palette::{BLUE, INK, MUTED, VERMILLION, VERMILLION_TEXT};
use crate::chart::scale::{Band, Linear};
use crate::chart::svg::{text_width, Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, format_value};
use crate::chart::{both_languages, BarDatum, ChartText, RefLine, MAX_DRAWN_SCHOOLS};
use crate::i18n::K;
use crate::model::format::thousands;

/// Schools drawn at each end when there are more than [`MAX_DRAWN_SCHOOLS`]: 15 + 15 bars and
/// the gap are 31 bands, at least 18 px each from a 640 px layout up, wide enough for every
/// school's name under its bar (see `show_names` below).
pub const EACH_END: usize = 15;

/// Lays out the bar chart at `width` CSS pixels.
///
/// `mean` is the value of the mean line; `None` draws the unweighted mean of the bars (pass
/// the pupil-weighted mean from the engine to match the page's figures). A bar is "below the
/// standard" when its value is strictly less than `standard.value`. Non-finite values are left
/// out of the chart and listed last in the table with "—". Above [`MAX_DRAWN_SCHOOLS`] finite
/// values only the [`EACH_END`] lowest and highest are drawn and listed (see the module doc);
/// their tips and table rows give each school's rank among all.
pub fn bar_figure(
    data: &[BarDatum],
    text_: &ChartText,
    mean: Option<f64>,
    standard: Option<&RefLine>,
    width: f64,
) -> Figure {
    let width = clamp_width(width);
    let mut marks = Vec::new();
    let mut y = title(&mut marks, &text_.title, width);

    let mut order: Vec<usize> = (0..data.len())
        .filter(|i| data[*i].value.is_finite())
        .collect();
    order.sort_by(|a, b| data[*a].value.total_cmp(&data[*b].value));
    let n = order.len();
    let mean = mean
        .filter(|m| m.is_finite())
        .or_else(|| (n > 0).then(|| order.iter().map(|i| data[*i].value).sum::<f64>() / n as f64));
    let standard = standard.filter(|s| s.value.is_finite());
    let below = |v: f64| standard.is_some_and(|s| v < s.value);
    // Ranks (positions in `order`) drawn, and the band of each: a capped chart leaves the band
    // between its two ends empty.
    let capped = n > MAX_DRAWN_SCHOOLS;
    let shown: Vec<usize> = if capped {
        (0..EACH_END).chain(n - EACH_END..n).collect()
    } else {
        (0..n).collect()
    };
    let bands = if capped { shown.len() + 1 } else { n };
    let band_of = |k: usize| if capped && k >= EACH_END { k + 1 } else { k };

    let mut items = Vec::new();
    if standard.is_some() {
        items.push((
            "达到标准 · Meets the standard".to_string(),
            Swatch::Fill(BLUE),
        ));
        items.push((
            "低于标准 · Below the standard".to_string(),
            Swatch::Fill(VERMILLION),
        ));
    }
    if let Some(m) = mean {
        items.push((
            format!("均值 Mean {}", format_value(m)),
            Swatch::Line(INK, Some("6 4")),
        ));
    }
    if let Some(s) = standard {
        let label = format!("{} {}", s.label, format_value(s.value));
        items.push((label, Swatch::Line(VERMILLION_TEXT, None)));
    }
    if shown.iter().any(|&rank| data[order[rank]].highlight) {
        items.push(("突出显示 · Highlighted".to_string(), Swatch::Outline(INK)));
    }
    y = legend(&mut marks, &items, y, width);
    y = value_label(&mut marks, &text_.value_label, y, width);

    let plot_height = (width * 0.42).clamp(180.0, 320.0);
    let mut domain_values: Vec<f64> = order.iter().map(|i| data[*i].value).collect();
    domain_values.extend(mean);
    domain_values.extend(standard.map(|s| s.value));
    let count = tick_count(plot_height);
    let domain = value_domain(&domain_values, true, count);
    let left = PAD + tick_label_width(domain, count) + 8.0;
    let plot_right = width - PAD;
    let step = (plot_right - left) / bands.max(1) as f64;
    // School names fit under bars at least 18 px apart (rotated 45°, neighbouring 12 px labels
    // are step·sin 45° apart), and are rotated when the bars are narrower than 64 px.
    let show_names = n > 0 && step >= 18.0;
    let rotate = step < 64.0;
    let name_chars = if rotate {
        6
    } else {
        ((step / LABEL_SIZE) as usize).max(2)
    };
    let names: Vec<String> = shown
        .iter()
        .map(|&rank| shorten(&data[order[rank]].label, name_chars))
        .collect();
    let names_height = match (show_names, rotate) {
        (false, _) => 0.0,
        (true, false) => LABEL_SIZE + 8.0,
        (true, true) => {
            names
                .iter()
                .map(|s| text_width(s, LABEL_SIZE))
                .fold(0.0, f64::max)
                * 0.71
                + 14.0
        }
    };
    let plot = Plot {
        left,
        top: y,
        right: plot_right,
        bottom: y + plot_height,
    };
    let scale = Linear::new(domain, (plot.bottom, plot.top));
    let band = Band {
        n: bands,
        r0: plot.left,
        r1: plot.right,
        inner: if bands > 40 { 0.1 } else { 0.2 },
        outer: 0.1,
    };

    // A few schools on a wide screen: bars no wider than 48 px, centred in their band.
    let bar_width = band.bandwidth().min(48.0);
    value_axis(&mut marks, &scale, &plot, count, &format_tick);
    if n == 0 {
        message(&mut marks, "没有可绘制的数值 · No values to draw", &plot);
    }
    let zero = scale.map(0.0);
    for (k, &rank) in shown.iter().enumerate() {
        let datum = &data[order[rank]];
        let x = band.center(band_of(k));
        let top = scale.map(datum.value);
        let colour = if below(datum.value) { VERMILLION } else { BLUE };
        let paint = if datum.highlight {
            Paint {
                stroke: Some(INK),
                stroke_width: 2.0,
                ..Paint::fill(colour)
            }
        } else {
            Paint::fill(colour)
        };
        let shape = Shape::Rect {
            x: x - bar_width / 2.0,
            y: top.min(zero),
            width: bar_width,
            height: (top - zero).abs(),
        };
        let note = if below(datum.value) {
            "（低于标准 · below the standard）"
        } else {
            ""
        };
        let tip = format!(
            "{}：{}{} · 第 {} / {} 位（从低到高）",
            datum.label,
            format_value(datum.value),
            note,
            rank + 1,
            n
        );
        marks.push(Mark::new(shape, paint, "bar").with_tip(tip));
        if show_names {
            let mut label = text(
                x,
                plot.bottom + 14.0,
                &names[k],
                Anchor::Middle,
                LABEL_SIZE,
                MUTED,
            );
            if rotate {
                label = text(
                    x + 4.0,
                    plot.bottom + 10.0,
                    &names[k],
                    Anchor::End,
                    LABEL_SIZE,
                    MUTED,
                );
                if let Shape::Text { rotate, .. } = &mut label.shape {
                    *rotate = -45.0;
                }
            }
            marks.push(label);
        }
    }
    if capped {
        // The schools between the two ends: an ellipsis on the baseline of the empty band.
        marks.push(gap_ellipsis(band.center(EACH_END), zero));
    }
    if let Some(s) = standard {
        let tip = format!("{} {}", s.label, format_value(s.value));
        ref_line(
            &mut marks,
            &plot,
            scale.map(s.value),
            Paint::stroke(VERMILLION_TEXT, 2.0),
            tip,
        );
    }
    if let Some(m) = mean {
        let tip = format!("均值 Mean {}", format_value(m));
        ref_line(
            &mut marks,
            &plot,
            scale.map(m),
            Paint::stroke(INK, 1.5).dashed("6 4"),
            tip,
        );
    }
    // The baseline is zero (the bottom unless a value is negative).
    marks.push(line(
        plot.left,
        zero,
        plot.right,
        zero,
        Paint::stroke(INK, 1.0),
        "axis",
    ));

    let schools = if n == 1 { "school" } else { "schools" };
    let note = capped.then(|| {
        both_languages(
            K::ChartBarsCapped,
            &[("k", &EACH_END.to_string()), ("n", &thousands(n))],
        )
    });
    let caption_text = note
        .clone()
        .unwrap_or_else(|| format!("{n} 所学校，按值从低到高 · {n} {schools}, lowest to highest"));
    // The note of a capped chart is long: centred on the figure, it wraps within the margins.
    let caption_x = if capped {
        width / 2.0
    } else {
        (plot.left + plot.right) / 2.0
    };
    let caption_y = caption(
        &mut marks,
        &caption_text,
        caption_x,
        plot.bottom + names_height + LABEL_SIZE + 10.0,
        width - 2.0 * PAD,
    );

    let mut headers = vec![
        "序 Rank".to_string(),
        "学校 School".to_string(),
        text_.value_label.clone(),
    ];
    let mut numeric = vec![true, false, true];
    if standard.is_some() {
        headers.push("达标 Meets standard".to_string());
        numeric.push(false);
    }
    let mut rows: Vec<Vec<String>> = shown
        .iter()
        .map(|&rank| {
            let i = order[rank];
            let mut row = vec![
                (rank + 1).to_string(),
                data[i].label.clone(),
                format_value(data[i].value),
            ];
            if standard.is_some() {
                row.push(
                    if below(data[i].value) {
                        "否 No"
                    } else {
                        "是 Yes"
                    }
                    .to_string(),
                );
            }
            row
        })
        .collect();
    // Schools without a value are listed with a county's chart; a national file's may be many.
    for datum in data
        .iter()
        .filter(|d| !d.value.is_finite())
        .take(if capped { 0 } else { usize::MAX })
    {
        let mut row = vec!["—".to_string(), datum.label.clone(), "—".to_string()];
        if standard.is_some() {
            row.push("—".to_string());
        }
        rows.push(row);
    }
    Figure {
        width,
        height: caption_y + PAD,
        title: text_.title.clone(),
        desc: text_.desc.clone(),
        marks,
        table: DataTable {
            headers,
            rows,
            numeric,
            note,
        },
    }
}
