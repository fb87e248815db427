//! Per-school bars, one row per school with its name on the row, sorted from the lowest value
//! at the top to the highest; bars below the standard are vermillion instead of blue. The
//! county mean (dashed grey) and the national standard (solid vermillion) are vertical lines,
//! told apart by their stroke and the legend, and labelled outside the rows: the standard
//! above the plot, the mean below it, so that no line strikes through a label.
//!
//! Horizontal bars because a county's school names (第一实验小学, 城关镇中心小学 …) are long: on
//! a row each name is read whole, level, at any width. Up to [`MAX_NAMED_BARS`] schools the
//! chart draws every one; above, it draws the [`MAX_NAMED_BARS`] lowest (the schools a plan
//! acts on) and says so under the chart. The mean and standard lines and the title's count
//! below the standard still come from every school, and the Schools tab lists all of them.

use super::frame::{
    caption, clamp_width, legend, line, message, shorten, text, title, value_domain, value_label,
    Plot, Swatch, LABEL_SIZE, PAD,
};
use crate::chart::palette::{BLUE, GRID, INK, MUTED, VERMILLION, VERMILLION_TEXT};
use crate::chart::scale::Linear;
use crate::chart::svg::{text_width, Anchor, DataTable, Figure, Mark, Paint, Shape};
use crate::chart::ticks::{format_tick, format_value, tick_step, ticks};
use crate::chart::{in_lang, BarDatum, ChartText, RefLine};
use crate::model::format::thousands;

/// The most schools drawn, each on a named row: 60 rows of [`ROW`] px are a chart 1 200 px
/// tall, as long as a phone's screen scrolls comfortably and still readable row by row.
pub const MAX_NAMED_BARS: usize = 60;

/// Height of a school's row in pixels (the bar is 6 px thinner, the name 12 px).
pub const ROW: f64 = 20.0;

/// Lays out the bar chart at `width` CSS pixels.
///
/// `mean` is the value of the mean line; `None` draws the unweighted mean of the bars (pass
/// the pupil-weighted mean from the engine to match the page's figures). A bar is "below the
/// standard" when its value is strictly less than `standard.value`. Non-finite values are left
/// out of the chart and listed last in the table with "—". Above [`MAX_NAMED_BARS`] finite
/// values only the [`MAX_NAMED_BARS`] lowest are drawn and listed (see the module doc); their
/// tips and table rows give each school's rank among all.
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
    let capped = n > MAX_NAMED_BARS;
    let shown = &order[..n.min(MAX_NAMED_BARS)];

    let lang = text_.lang;
    let mean_label = mean.map(|m| {
        format!(
            "{} {}",
            in_lang(lang, "县均值", "County mean"),
            format_value(m)
        )
    });
    let standard_label = standard.map(|s| format!("{} {}", s.label, format_value(s.value)));
    let mut items = Vec::new();
    if standard.is_some() {
        items.push((
            in_lang(lang, "达到标准", "Meets the standard"),
            Swatch::Fill(BLUE),
        ));
        items.push((
            in_lang(lang, "低于标准", "Below the standard"),
            Swatch::Fill(VERMILLION),
        ));
    }
    if let Some(label) = &mean_label {
        items.push((label.clone(), Swatch::Line(MUTED, Some(MEAN_DASH))));
    }
    if let Some(label) = &standard_label {
        items.push((label.clone(), Swatch::Line(VERMILLION_TEXT, None)));
    }
    if shown.iter().any(|&i| data[i].highlight) {
        items.push((
            in_lang(lang, "突出显示", "Highlighted"),
            Swatch::Outline(INK),
        ));
    }
    y = legend(&mut marks, &items, y, width);
    y = value_label(&mut marks, &text_.value_label, y, width);

    // The names' column: at most 38 % of the width, names shortened to fit it.
    let name_room = (width * 0.38).min(220.0);
    let name_chars = ((name_room / LABEL_SIZE) as usize).max(4);
    let names: Vec<String> = shown
        .iter()
        .map(|&i| shorten(&data[i].label, name_chars))
        .collect();
    let name_width = names
        .iter()
        .map(|s| text_width(s, LABEL_SIZE))
        .fold(0.0, f64::max)
        .min(name_room);

    let mut domain_values: Vec<f64> = order.iter().map(|i| data[*i].value).collect();
    domain_values.extend(mean);
    domain_values.extend(standard.map(|s| s.value));
    let left = PAD + name_width + 8.0;
    let count = ((width - left) / 90.0).round().clamp(2.0, 8.0) as usize;
    let domain = value_domain(&domain_values, true, count);
    let step = tick_step(domain.0, domain.1, count).unwrap_or(1.0);
    let tick_values = ticks(domain.0, domain.1, count);
    let tick_half = tick_values
        .iter()
        .map(|v| text_width(&format_tick(*v, step), LABEL_SIZE) / 2.0)
        .fold(0.0, f64::max);
    // A row above the plot for the standard's label, one below it for the mean's.
    let label_row = LABEL_SIZE + 8.0;
    if standard.is_some() {
        y += label_row;
    }
    let plot = Plot {
        left,
        top: y,
        right: width - PAD - tick_half,
        bottom: y + (shown.len().max(3)) as f64 * ROW,
    };
    let scale = Linear::new(domain, (plot.left, plot.right));

    // Grid and value axis along the bottom, under the mean's label row.
    let ticks_y = plot.bottom + if mean.is_some() { label_row } else { 0.0 } + LABEL_SIZE + 4.0;
    for value in &tick_values {
        let x = scale.map(*value);
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
            ticks_y,
            &format_tick(*value, step),
            Anchor::Middle,
            LABEL_SIZE,
            MUTED,
        ));
    }
    if n == 0 {
        message(
            &mut marks,
            &in_lang(lang, "没有可绘制的数值", "No values to draw"),
            &plot,
        );
    }
    let zero = scale.map(0.0);
    for (k, &i) in shown.iter().enumerate() {
        let datum = &data[i];
        let row_top = plot.top + k as f64 * ROW;
        let end = scale.map(datum.value);
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
            x: end.min(zero),
            y: row_top + 3.0,
            width: (end - zero).abs(),
            height: ROW - 6.0,
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
            k + 1,
            n
        );
        marks.push(Mark::new(shape, paint, "bar").with_tip(tip));
        let mut name = text(
            plot.left - 6.0,
            row_top + ROW / 2.0 + LABEL_SIZE * 0.35,
            &names[k],
            Anchor::End,
            LABEL_SIZE,
            INK,
        );
        name.class = "bar-name";
        marks.push(name);
    }
    // The baseline at zero.
    marks.push(line(
        zero,
        plot.top,
        zero,
        plot.bottom,
        Paint::stroke(INK, 1.0),
        "axis",
    ));
    if let (Some(s), Some(label)) = (standard, &standard_label) {
        let x = scale.map(s.value);
        let paint = Paint::stroke(VERMILLION_TEXT, 2.0);
        marks.push(line(x, plot.top, x, plot.bottom, paint, "ref-line").with_tip(label.clone()));
        marks.push(ref_label(label, x, plot.top - 6.0, width, VERMILLION_TEXT));
    }
    if let (Some(m), Some(label)) = (mean, &mean_label) {
        let x = scale.map(m);
        let paint = Paint::stroke(MUTED, 1.5).dashed(MEAN_DASH);
        marks.push(line(x, plot.top, x, plot.bottom, paint, "ref-line").with_tip(label.clone()));
        marks.push(ref_label(
            label,
            x,
            plot.bottom + LABEL_SIZE + 4.0,
            width,
            MUTED,
        ));
    }

    let schools = if n == 1 { "school" } else { "schools" };
    let note = capped.then(|| {
        let (k, n) = (MAX_NAMED_BARS, thousands(n));
        in_lang(
            lang,
            &format!("共 {n} 所学校，只画出最低的 {k} 所；学校页列出全部"),
            &format!("The {k} lowest of {n} schools are drawn; the Schools tab lists them all"),
        )
    });
    let caption_text = note.clone().unwrap_or_else(|| {
        in_lang(
            lang,
            &format!("{n} 所学校，按值从低到高"),
            &format!("{n} {schools}, lowest to highest"),
        )
    });
    let caption_y = caption(
        &mut marks,
        &caption_text,
        width / 2.0,
        ticks_y + LABEL_SIZE + 10.0,
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
    let verdict = |v: f64| if below(v) { "否 No" } else { "是 Yes" }.to_string();
    let mut rows: Vec<Vec<String>> = shown
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let mut row = vec![
                (k + 1).to_string(),
                data[i].label.clone(),
                format_value(data[i].value),
            ];
            if standard.is_some() {
                row.push(verdict(data[i].value));
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

/// The dash of the mean's line: the standard's is solid.
const MEAN_DASH: &str = "6 4";

/// A reference line's label on baseline `y`, beside the line at `x`: to its right when it fits
/// in the figure, else to its left.
fn ref_label(label: &str, x: f64, y: f64, width: f64, colour: &'static str) -> Mark {
    let fits_right = x + 4.0 + text_width(label, LABEL_SIZE) <= width - PAD;
    let (x, anchor) = if fits_right {
        (x + 4.0, Anchor::Start)
    } else {
        (
            (x - 4.0).max(PAD + text_width(label, LABEL_SIZE)),
            Anchor::End,
        )
    };
    let mut mark = text(x, y, label, anchor, LABEL_SIZE, colour);
    mark.class = "ref-label";
    mark
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schools(n: usize) -> Vec<BarDatum> {
        // Values 1 000 + 37·i mod 9 001: every school a different value, not in file order.
        (0..n)
            .map(|i| BarDatum::new(&format!("第{i}实验小学"), 1000.0 + ((i * 37) % 9001) as f64))
            .collect()
    }

    fn texts_of<'a>(figure: &'a Figure, class: &str) -> Vec<&'a str> {
        figure
            .marks
            .iter()
            .filter(|m| m.class == class)
            .filter_map(|m| m.text())
            .collect()
    }

    /// The box a text mark covers: (left, top, right, bottom).
    fn text_box(mark: &Mark) -> Option<(f64, f64, f64, f64)> {
        let Shape::Text {
            x,
            y,
            text,
            anchor,
            size,
            ..
        } = &mark.shape
        else {
            return None;
        };
        let w = text_width(text, *size);
        let left = match anchor {
            Anchor::Start => *x,
            Anchor::Middle => x - w / 2.0,
            Anchor::End => x - w,
        };
        Some((left, y - size, left + w, y + size * 0.25))
    }

    #[test]
    fn every_school_is_named_on_its_row_up_to_sixty() {
        for width in [300.0, 640.0, 1100.0] {
            let data = schools(MAX_NAMED_BARS);
            let figure = bar_figure(&data, &ChartText::default(), None, None, width);
            let names = texts_of(&figure, "bar-name");
            assert_eq!(names.len(), MAX_NAMED_BARS);
            // Lowest first: school 0 has the lowest value 1 000.
            assert_eq!(names[0], shorten("第0实验小学", names[0].chars().count()));
            let bars: Vec<&Mark> = figure.marks.iter().filter(|m| m.class == "bar").collect();
            assert_eq!(bars.len(), MAX_NAMED_BARS);
            // Each name sits on its bar's row, left of the plot.
            for (bar, name) in bars
                .iter()
                .zip(figure.marks.iter().filter(|m| m.class == "bar-name"))
            {
                let (Shape::Rect { x, y, height, .. }, Some((_, top, right, bottom))) =
                    (&bar.shape, text_box(name))
                else {
                    panic!("{bar:?} {name:?}")
                };
                assert!(right <= *x + 0.5, "{name:?} overlaps {bar:?}");
                let mid = y + height / 2.0;
                assert!(top < mid && mid < bottom, "{name:?} off the row of {bar:?}");
            }
            assert_eq!(figure.table.note, None);
        }
        // Short names are whole at 640 px.
        let figure = bar_figure(&schools(12), &ChartText::default(), None, None, 640.0);
        assert!(texts_of(&figure, "bar-name").contains(&"第3实验小学"));
    }

    #[test]
    fn above_sixty_the_sixty_lowest_are_drawn_and_the_chart_says_so() {
        let mut data = schools(85);
        data[5].value = f64::NAN;
        let standard = RefLine::new(2000.0, "标准 · Standard");
        let figure = bar_figure(&data, &ChartText::default(), None, Some(&standard), 640.0);
        assert_eq!(figure.marks.iter().filter(|m| m.class == "bar").count(), 60);
        assert_eq!(texts_of(&figure, "bar-name").len(), 60);
        let note = figure.table.note.clone().unwrap();
        assert_eq!(
            note,
            "共 84 所学校，只画出最低的 60 所；学校页列出全部 · The 60 lowest of 84 schools are \
             drawn; the Schools tab lists them all"
        );
        // In the page, the page's language alone.
        let en = ChartText {
            lang: Some(crate::i18n::Lang::En),
            ..ChartText::default()
        };
        let figure = bar_figure(&data, &en, None, Some(&standard), 640.0);
        assert_eq!(
            figure.table.note.as_deref(),
            Some("The 60 lowest of 84 schools are drawn; the Schools tab lists them all")
        );
        assert_eq!(figure.table.rows.len(), 60);
        assert_eq!(figure.table.rows[59][0], "60");
        // The note is drawn, wrapped, under the chart; a national file stays bounded.
        assert!(figure.marks.iter().any(|m| m
            .text()
            .is_some_and(|t| t.starts_with("The 60 lowest of 84"))));
        let national = schools(100_000);
        let figure = bar_figure(&national, &ChartText::default(), None, None, 1100.0);
        assert!(figure.marks.len() < 200, "{}", figure.marks.len());
        assert!(figure.height < 1700.0, "{}", figure.height);
    }

    #[test]
    fn the_legend_is_in_the_pages_language_alone() {
        use crate::i18n::Lang;
        for (lang, words, other) in [
            (
                Lang::Zh,
                ["达到标准", "低于标准", "县均值", "国家标准"],
                "Mean",
            ),
            (
                Lang::En,
                [
                    "Meets the standard",
                    "Below the standard",
                    "County mean",
                    "National standard",
                ],
                "均值",
            ),
        ] {
            let value = |w: &str| match w {
                "县均值" | "County mean" => format!("{w} {}", format_value(2000.0)),
                "国家标准" | "National standard" => format!("{w} {}", format_value(2400.0)),
                _ => w.to_string(),
            };
            let text = ChartText {
                lang: Some(lang),
                ..ChartText::default()
            };
            let label = if lang == Lang::Zh {
                "国家标准"
            } else {
                "National standard"
            };
            let standard = RefLine::new(2400.0, label);
            let figure = bar_figure(&schools(10), &text, Some(2000.0), Some(&standard), 640.0);
            let legend: Vec<&str> = figure
                .marks
                .iter()
                .filter(|m| m.class == "label")
                .filter_map(|m| m.text())
                .collect();
            for word in words.map(value) {
                assert!(legend.contains(&word.as_str()), "{word} not in {legend:?}");
            }
            assert!(
                figure
                    .marks
                    .iter()
                    .filter_map(|m| m.text())
                    .all(|t| !t.contains(other) && !t.contains(" · ")),
                "{legend:?}"
            );
        }
    }

    #[test]
    fn mean_and_standard_are_told_apart_and_strike_through_no_label() {
        for width in [300.0, 640.0, 1100.0] {
            for (mean, standard) in [
                (2400.0, 2000.0),
                (2000.0, 2400.0),
                (9800.0, 1000.0),
                (1000.0, 9800.0),
            ] {
                let standard = RefLine::new(standard, "标准 · Standard");
                let figure = bar_figure(
                    &schools(40),
                    &ChartText::default(),
                    Some(mean),
                    Some(&standard),
                    width,
                );
                let lines: Vec<&Mark> = figure
                    .marks
                    .iter()
                    .filter(|m| m.class == "ref-line")
                    .collect();
                assert_eq!(lines.len(), 2);
                // Solid vermillion standard, dashed grey mean.
                assert_eq!(lines[0].paint.stroke, Some(VERMILLION_TEXT));
                assert_eq!(lines[0].paint.dash, None);
                assert_eq!(lines[1].paint.stroke, Some(MUTED));
                assert_eq!(lines[1].paint.dash, Some(MEAN_DASH));
                // Each line is labelled, and the legend shows each with its own stroke.
                let labels = texts_of(&figure, "ref-label");
                assert_eq!(labels.len(), 2);
                assert!(
                    labels[0].starts_with("标准 · Standard")
                        && labels[1].starts_with("县均值 · County mean")
                );
                let legend_lines: Vec<&Mark> = figure
                    .marks
                    .iter()
                    .filter(|m| m.class == "legend" && matches!(m.shape, Shape::Line { .. }))
                    .collect();
                assert_eq!(legend_lines.len(), 2);
                assert_ne!(legend_lines[0].paint.dash, legend_lines[1].paint.dash);
                // No reference line crosses any text: names, tick labels, its own or the
                // other's label, the caption.
                for line in &lines {
                    let Shape::Line { x1, y1, y2, .. } = line.shape else {
                        panic!("{line:?}")
                    };
                    for text in figure.marks.iter().filter_map(text_box) {
                        let (left, top, right, bottom) = text;
                        let crosses =
                            left < x1 && x1 < right && top < y2.max(y1) && y1.min(y2) < bottom;
                        assert!(
                            !crosses,
                            "line at {x1} crosses text box {text:?} (width {width}, mean {mean})"
                        );
                    }
                    assert!(x1 >= 0.0 && x1 <= figure.width);
                }
                for mark in &figure.marks {
                    if let Some((left, _, right, _)) = text_box(mark) {
                        assert!(left >= -0.5 && right <= figure.width + 0.5, "{mark:?}");
                    }
                }
            }
        }
    }
}
