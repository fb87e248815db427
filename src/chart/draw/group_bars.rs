//! Group comparison bars (城区 / 镇区 / 乡村, or primary / junior), each labelled with its value,
//! with an optional reference line (the county figure, a standard).

use super::frame::{
    caption, clamp_width, gap_ellipsis, halo, legend, line, message, ref_line, shorten, text,
    tick_count, tick_label_width, title, value_axis, value_domain, value_label, Plot, Swatch,
    LABEL_SIZE, PAD,
};
use crate::chart::palette::{BLUE, INK, MUTED, VERMILLION_TEXT};
use crate::chart::scale::{Band, Linear};
use crate::chart::svg::{Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, format_value};
use crate::chart::{in_lang, in_language, BarDatum, ChartText, RefLine};
use crate::i18n::K;
use crate::model::format::thousands;

/// Most groups drawn side by side, each with its value and name: a county's townships (10 to
/// 30) or a province's counties fit. A grouping of a national file (its 2 800 counties, or any
/// column the user groups by) has more: see [`EACH_END`].
pub const MAX_GROUP_BARS: usize = 40;

/// Groups drawn at each end above [`MAX_GROUP_BARS`]: the 6 lowest and the 6 highest, from the
/// lowest to the highest with a gap between, so that the chart still shows where the values
/// are worst and best (as the per-school bars do); the group table lists every group. 13 bands
/// are about 40 px each on a 640 px layout: the value on top of each bar stays legible.
pub const EACH_END: usize = 6;

/// Lays out group bars at `width` CSS pixels, in the order given.
///
/// Each bar carries its value on top. A highlighted bar gets a dark outline. Non-finite values
/// get no bar and "—" as their label. Above [`MAX_GROUP_BARS`] groups only the [`EACH_END`]
/// lowest and highest finite values are drawn, sorted, and a note under the chart says so.
pub fn group_bars_figure(
    data: &[BarDatum],
    text_: &ChartText,
    reference: Option<&RefLine>,
    width: f64,
) -> Figure {
    let width = clamp_width(width);
    let mut marks = Vec::new();
    let mut y = title(&mut marks, &text_.title, width);
    let reference = reference.filter(|r| r.value.is_finite());
    let group_count = data.len();
    let capped = group_count > MAX_GROUP_BARS;
    // The groups drawn; `gap` leaves an empty band between the lowest and the highest.
    let (data, gap): (Vec<&BarDatum>, bool) = if capped {
        let mut finite: Vec<&BarDatum> = data.iter().filter(|d| d.value.is_finite()).collect();
        finite.sort_by(|a, b| a.value.total_cmp(&b.value));
        let gap = finite.len() > 2 * EACH_END;
        if gap {
            finite.drain(EACH_END..finite.len() - EACH_END);
        }
        (finite, gap)
    } else {
        (data.iter().collect(), false)
    };
    let note = capped.then(|| {
        in_language(
            text_.lang,
            K::ChartGroupBarsCapped,
            &[("k", &EACH_END.to_string()), ("n", &thousands(group_count))],
        )
    });
    let mut items = Vec::new();
    if let Some(r) = reference {
        let label = format!("{} {}", r.label, format_value(r.value));
        items.push((label, Swatch::Line(VERMILLION_TEXT, Some("6 4"))));
    }
    if data.iter().any(|d| d.highlight && d.value.is_finite()) {
        items.push((
            in_lang(text_.lang, "突出显示", "Highlighted"),
            Swatch::Outline(INK),
        ));
    }
    y = legend(&mut marks, &items, y, width);
    y = value_label(&mut marks, &text_.value_label, y, width);
    let plot_height = (width * 0.38).clamp(170.0, 280.0);
    let mut domain_values: Vec<f64> = data.iter().map(|d| d.value).collect();
    domain_values.extend(reference.map(|r| r.value));
    let count = tick_count(plot_height);
    let domain = value_domain(&domain_values, true, count);
    let left = PAD + tick_label_width(domain, count) + 8.0;
    // Top room for the value labels.
    let plot = Plot {
        left,
        top: y + LABEL_SIZE,
        right: width - PAD,
        bottom: y + LABEL_SIZE + plot_height,
    };
    let scale = Linear::new(domain, (plot.bottom, plot.top));
    let n = data.len();
    let band_of = |i: usize| if gap && i >= EACH_END { i + 1 } else { i };
    let band = Band {
        n: n + usize::from(gap),
        r0: plot.left,
        r1: plot.right,
        inner: 0.35,
        outer: 0.2,
    };
    // Groups are few: cap the bar width so three bars on a wide screen do not look like walls.
    let bar_width = band.bandwidth().min(120.0);
    value_axis(&mut marks, &scale, &plot, count, &format_tick);
    if n == 0 {
        message(
            &mut marks,
            &in_lang(text_.lang, "没有可绘制的数值", "No values to draw"),
            &plot,
        );
    }
    let zero = scale.map(0.0);
    let name_chars = ((band.step() / LABEL_SIZE) as usize).max(2);
    for (i, datum) in data.iter().enumerate() {
        let x = band.center(band_of(i));
        if datum.value.is_finite() {
            let top = scale.map(datum.value);
            let paint = if datum.highlight {
                Paint {
                    stroke: Some(INK),
                    stroke_width: 2.0,
                    ..Paint::fill(BLUE)
                }
            } else {
                Paint::fill(BLUE)
            };
            let shape = Shape::Rect {
                x: x - bar_width / 2.0,
                y: top.min(zero),
                width: bar_width,
                height: (top - zero).abs(),
            };
            let tip = format!("{}：{}", datum.label, format_value(datum.value));
            marks.push(Mark::new(shape, paint, "bar").with_tip(tip));
            let label_y = if datum.value >= 0.0 {
                top - 5.0
            } else {
                top + LABEL_SIZE + 3.0
            };
            marks.push(halo(super::frame::bold(text(
                x,
                label_y,
                &format_value(datum.value),
                Anchor::Middle,
                LABEL_SIZE,
                INK,
            ))));
        } else {
            marks.push(text(x, zero - 5.0, "—", Anchor::Middle, LABEL_SIZE, MUTED));
        }
        marks.push(text(
            x,
            plot.bottom + LABEL_SIZE + 6.0,
            &shorten(&datum.label, name_chars),
            Anchor::Middle,
            LABEL_SIZE,
            INK,
        ));
    }
    if gap {
        marks.push(gap_ellipsis(band.center(EACH_END), zero));
    }
    if let Some(r) = reference {
        let tip = format!("{} {}", r.label, format_value(r.value));
        let paint = Paint::stroke(VERMILLION_TEXT, 2.0).dashed("6 4");
        ref_line(&mut marks, &plot, scale.map(r.value), paint, tip);
    }
    marks.push(line(
        plot.left,
        zero,
        plot.right,
        zero,
        Paint::stroke(INK, 1.0),
        "axis",
    ));

    let headers = vec!["组 Group".to_string(), text_.value_label.clone()];
    let mut rows: Vec<Vec<String>> = data
        .iter()
        .map(|d| vec![d.label.clone(), format_value(d.value)])
        .collect();
    if let Some(r) = reference {
        rows.push(vec![r.label.clone(), format_value(r.value)]);
    }
    let mut bottom = plot.bottom + LABEL_SIZE + 6.0;
    if let Some(note) = &note {
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
            numeric: vec![false, true],
            note,
        },
    }
}
