//! Every figure, written as an SVG string, is well-formed XML with the expected marks, escapes
//! its texts, and keeps its layout inside the canvas from phone to wide screen.

use super::svg::{to_svg_string, Figure, Shape};
use super::*;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// Tricky text everywhere: markup characters, quotes, an ampersand, CJK.
const NASTY: &str = r#"<script>&"乡村'"#;

fn text() -> ChartText {
    ChartText::new(
        &format!("标题 {NASTY}"),
        &format!("说明 {NASTY}"),
        &format!("生均 {NASTY}（元）"),
    )
}

fn bars() -> Vec<BarDatum> {
    let mut data: Vec<BarDatum> = [
        ("一小", 3.2),
        ("二小", 4.1),
        ("三小", 2.4),
        ("四小", 5.0),
        ("五小", f64::NAN),
    ]
    .iter()
    .map(|(l, v)| BarDatum::new(l, *v))
    .collect();
    data[1].highlight = true;
    data[2].label = NASTY.to_string();
    data
}

fn weighted() -> Vec<WeightedDatum> {
    [
        ("一小", 3.2, 400.0),
        ("二小", 4.1, 1200.0),
        (NASTY, 2.4, 90.0),
        ("四小", 5.0, 800.0),
    ]
    .iter()
    .map(|(l, v, w)| WeightedDatum {
        label: l.to_string(),
        value: *v,
        weight: *w,
    })
    .collect()
}

fn grouped() -> Vec<GroupedDatum> {
    let rows = [
        ("城区", 5.1, 1500.0),
        ("城区", 4.8, 1300.0),
        ("城区", 5.4, 900.0),
        ("镇区", 4.0, 600.0),
        ("镇区", 3.7, 500.0),
        ("乡村", 2.9, 80.0),
        ("乡村", 3.3, 120.0),
        ("乡村", 2.5, 60.0),
        ("乡村", 9.0, 40.0),
        ("乡村", 3.0, 100.0),
    ];
    rows.iter()
        .enumerate()
        .map(|(i, (g, v, w))| GroupedDatum {
            group: g.to_string(),
            label: format!("校{i}"),
            value: *v,
            weight: *w,
        })
        .collect()
}

fn series() -> Vec<LineSeries> {
    vec![
        LineSeries {
            name: "差异系数 CV".to_string(),
            points: vec![
                (2019, 0.52),
                (2020, 0.47),
                (2021, 0.41),
                (2022, f64::NAN),
                (2023, 0.36),
            ],
        },
        LineSeries {
            name: "基尼 Gini".to_string(),
            points: vec![
                (2019, 0.28),
                (2020, 0.26),
                (2021, 0.22),
                (2022, 0.21),
                (2023, 0.19),
            ],
        },
    ]
}

/// (element name, attributes) of every element, after checking the document parses, its tags
/// balance, and there is exactly one root `<svg>`.
fn parse(svg: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = Reader::from_str(svg);
    let mut stack: Vec<String> = Vec::new();
    let mut elements = Vec::new();
    let mut roots = 0;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
        let start = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.clone()),
            _ => None,
        };
        if let Some(e) = start {
            let name = e.name().as_ref().to_string();
            if stack.is_empty() {
                roots += 1;
            }
            let attributes = e
                .attributes()
                .map(|a| {
                    let a = a.expect("attribute");
                    let key = a.key.as_ref().to_string();
                    (
                        key,
                        a.normalized_value(XmlVersion::default())
                            .expect("value")
                            .into_owned(),
                    )
                })
                .collect();
            elements.push((name.clone(), attributes));
            if matches!(event, Event::Start(_)) {
                stack.push(name);
            }
        }
        match event {
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "unbalanced");
            }
            Event::Text(t) => {
                let raw = t.into_inner().into_owned();
                assert!(
                    !raw.contains('<') && !raw.contains('"'),
                    "unescaped text {raw}"
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!(roots, 1);
    elements
}

fn count(elements: &[(String, Vec<(String, String)>)], tag: &str, class: &str) -> usize {
    elements
        .iter()
        .filter(|(name, attrs)| {
            name == tag && attrs.iter().any(|(k, v)| k == "class" && v == class)
        })
        .count()
}

/// Checks a figure at one width: XML, root attributes, escaping, everything inside the canvas.
fn check(figure: &Figure, marks: &[(&str, &str, usize)]) {
    let svg = to_svg_string(figure, "c");
    let elements = parse(&svg);
    let root = &elements[0];
    assert_eq!(root.0, "svg");
    let attr = |k: &str| {
        root.1
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(attr("xmlns").as_deref(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(attr("role").as_deref(), Some("img"));
    assert_eq!(attr("width"), Some(svg::num(figure.width)));
    assert_eq!(
        attr("viewBox"),
        Some(format!(
            "0 0 {} {}",
            svg::num(figure.width),
            svg::num(figure.height)
        ))
    );
    assert!(!svg.contains("<script>"), "unescaped markup");
    assert!(svg.contains("&lt;script&gt;&amp;&quot;乡村&#39;"));
    for (tag, class, expected) in marks {
        assert_eq!(
            count(&elements, tag, class),
            *expected,
            "{tag}.{class} at width {}",
            figure.width
        );
    }
    // Marks stay on the canvas (rotated labels and text widths are estimates: 1 px slack).
    for mark in &figure.marks {
        let (x, y) = match &mark.shape {
            Shape::Rect {
                x,
                y,
                width,
                height,
            } => {
                assert!(
                    x + width <= figure.width + 1.0 && y + height <= figure.height + 1.0,
                    "{mark:?}"
                );
                (*x, *y)
            }
            Shape::Line { x1, y1, x2, y2 } => {
                assert!(
                    x2.max(*x1) <= figure.width + 1.0 && y2.max(*y1) <= figure.height + 1.0,
                    "{mark:?}"
                );
                (x1.min(*x2), y1.min(*y2))
            }
            Shape::Circle { cx, cy, .. } => (*cx, *cy),
            Shape::Path { points, .. } => points
                .iter()
                .fold((f64::MAX, f64::MAX), |a, p| (a.0.min(p.0), a.1.min(p.1))),
            Shape::Text {
                x,
                y,
                text,
                anchor,
                size,
                rotate,
                ..
            } => {
                assert!(*y <= figure.height, "{mark:?} below {}", figure.height);
                // Unrotated text fits the width, by the same estimate the layout uses.
                let right = match anchor {
                    svg::Anchor::Start => x + svg::text_width(text, *size),
                    svg::Anchor::Middle => x + svg::text_width(text, *size) / 2.0,
                    svg::Anchor::End => *x,
                };
                assert!(
                    *rotate != 0.0 || right <= figure.width + 1.0,
                    "{mark:?} wider than {}",
                    figure.width
                );
                (*x, *y)
            }
        };
        assert!(x >= -1.0 && y >= -1.0, "{mark:?}");
    }
    // Every data mark has a tip: counted as focusable groups.
    let tips = figure.marks.iter().filter(|m| m.tip.is_some()).count();
    assert_eq!(count(&elements, "g", "tip"), tips);
}

const WIDTHS: [f64; 3] = [320.0, 640.0, 1100.0];

#[test]
fn bar_chart() {
    let standard = RefLine::new(3.5, "标准 · Standard");
    for width in WIDTHS {
        let figure = bar_figure(&bars(), &text(), None, Some(&standard), width);
        check(&figure, &[("rect", "bar", 4), ("line", "ref-line", 2)]);
        // Sorted low to high; below the standard is vermillion.
        let fills: Vec<&str> = figure
            .marks
            .iter()
            .filter(|m| m.class == "bar")
            .map(|m| m.paint.fill.unwrap())
            .collect();
        assert_eq!(
            fills,
            [
                palette::VERMILLION,
                palette::VERMILLION,
                palette::BLUE,
                palette::BLUE
            ]
        );
        assert_eq!(figure.table.rows.len(), 5);
        assert_eq!(figure.table.rows[0][1], NASTY);
        assert_eq!(figure.table.rows[4][2], "—");
    }
    // The unweighted mean of 2.4, 3.2, 4.1, 5.0 is 3.675.
    let figure = bar_figure(&bars(), &text(), None, None, 640.0);
    assert!(figure
        .marks
        .iter()
        .any(|m| m.text() == Some("均值 Mean 3.675")));
    check(&figure, &[("rect", "bar", 4), ("line", "ref-line", 1)]);
    let empty = bar_figure(&[], &text(), None, None, 640.0);
    check(&empty, &[("rect", "bar", 0)]);
}

#[test]
fn lorenz_chart() {
    for width in WIDTHS {
        let figure = lorenz_figure(&weighted(), &text(), width);
        check(
            &figure,
            &[
                ("circle", "point", 4),
                ("path", "curve", 1),
                ("line", "equality", 1),
            ],
        );
        assert_eq!(figure.table.rows.len(), 4);
        // The lowest value comes first.
        assert_eq!(figure.table.rows[0][1], NASTY);
    }
    let figure = lorenz_figure(&weighted(), &text(), 640.0);
    let values: Vec<f64> = weighted().iter().map(|d| d.value).collect();
    let weights: Vec<f64> = weighted().iter().map(|d| d.weight).collect();
    let g = junheng_core::measures::gini(
        &junheng_core::measures::Sample::new(values, weights).unwrap(),
    )
    .unwrap();
    let label = format!("基尼系数 Gini = {g:.3}");
    assert!(
        figure
            .marks
            .iter()
            .any(|m| m.text() == Some(label.as_str())),
        "{label}"
    );
    let bad = vec![WeightedDatum {
        label: "x".to_string(),
        value: -1.0,
        weight: 1.0,
    }];
    check(
        &lorenz_figure(&bad, &text(), 640.0),
        &[("circle", "point", 0), ("path", "curve", 0)],
    );
}

#[test]
fn box_plot() {
    for width in WIDTHS {
        let figure = box_figure(&grouped(), &text(), width);
        check(
            &figure,
            &[
                ("rect", "box", 3),
                ("circle", "point", 10),
                ("line", "median", 3),
            ],
        );
        assert_eq!(figure.table.rows.len(), 3);
        assert_eq!(figure.table.rows[2][0], "乡村");
        // The 9.0 school is the one outlier in 乡村.
        let outliers = figure
            .marks
            .iter()
            .filter(|m| m.class == "point" && m.paint.fill == Some(palette::VERMILLION))
            .count();
        assert_eq!(outliers, 1);
    }
    check(&box_figure(&[], &text(), 640.0), &[("rect", "box", 0)]);
}

#[test]
fn group_bars() {
    let data = vec![
        BarDatum::new("城区", 5.1),
        BarDatum::new("镇区", 3.9),
        BarDatum::new(NASTY, 3.0),
    ];
    let county = RefLine::new(4.2, "全县 · County");
    for width in WIDTHS {
        let figure = group_bars_figure(&data, &text(), Some(&county), width);
        check(&figure, &[("rect", "bar", 3), ("line", "ref-line", 1)]);
        assert_eq!(figure.table.rows.len(), 4);
    }
}

#[test]
fn line_chart() {
    let threshold = RefLine::new(0.65, "国家标准 · Standard");
    for width in WIDTHS {
        let figure = line_figure(&series(), &text(), Some(&threshold), width);
        // The NaN of 2022 breaks the CV line, leaving 2023 as a lone marker; markers: 4 + 5.
        check(
            &figure,
            &[
                ("path", "series", 2),
                ("line", "ref-line", 1),
                ("circle", "point", 4),
                ("rect", "point", 5),
            ],
        );
        assert_eq!(figure.table.rows.len(), 5);
        assert_eq!(figure.table.rows[3], ["2022", "—", "0.21"]);
    }
    check(
        &line_figure(&[], &text(), None, 640.0),
        &[("path", "series", 0)],
    );
}

#[test]
fn same_input_same_output() {
    let a = to_svg_string(&box_figure(&grouped(), &text(), 500.0), "x");
    let b = to_svg_string(&box_figure(&grouped(), &text(), 500.0), "x");
    assert_eq!(a, b);
}
