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
        .any(|m| m.text() == Some("县均值 · County mean 3.675")));
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

// A national file: 100 000 schools. Each chart stays a few hundred elements, says what it
// leaves out, and keeps drawing every school up to MAX_DRAWN_SCHOOLS.

/// Uniform numbers in [0, 1) from a seeded linear congruential generator.
fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `n` schools named "校{i}" with values in 500 … 9500 and 20 … 2020 pupils.
fn national(n: usize) -> Vec<WeightedDatum> {
    let mut next = uniform(n as u64);
    (0..n)
        .map(|i| WeightedDatum {
            label: format!("校{i}"),
            value: (next() * 9000.0 + 500.0).round(),
            weight: (next() * 2000.0 + 20.0).round(),
        })
        .collect()
}

fn texts(figure: &Figure) -> Vec<&str> {
    figure.marks.iter().filter_map(|m| m.text()).collect()
}

#[test]
fn lorenz_chart_of_a_national_file_is_thinned_and_keeps_the_engines_gini() {
    let data = national(100_000);
    for width in WIDTHS {
        let figure = lorenz_figure(&data, &text(), width);
        check(
            &figure,
            &[
                ("circle", "point", 0),
                ("path", "curve", 1),
                ("line", "equality", 1),
            ],
        );
        assert!(figure.marks.len() < 60, "{}", figure.marks.len());
        let curve = figure.marks.iter().find(|m| m.class == "curve").unwrap();
        let Shape::Path { points, .. } = &curve.shape else {
            panic!("{curve:?}")
        };
        assert!(points.len() <= lorenz::MAX_POINTS && points.len() > 400);
        // The table lists the drawn points (bar the origin) with each school's rank among all.
        assert_eq!(figure.table.rows.len(), points.len() - 1);
        let ranks: Vec<usize> = figure
            .table
            .rows
            .iter()
            .map(|r| r[0].parse().unwrap())
            .collect();
        assert!(ranks.windows(2).all(|r| r[0] < r[1]));
        assert_eq!(ranks.last(), Some(&100_000));
        assert_eq!(figure.table.rows.last().unwrap()[4], "100.0%");
        let note = figure.table.note.clone().unwrap();
        assert!(note.contains(&format!("{} points", points.len())), "{note}");
        assert!(note.starts_with("共 100,000 所学校"), "{note}");
    }
    // The Gini written is the engine's over every school, not the thinned curve's.
    let values: Vec<f64> = data.iter().map(|d| d.value).collect();
    let weights: Vec<f64> = data.iter().map(|d| d.weight).collect();
    let g = junheng_core::measures::gini(
        &junheng_core::measures::Sample::new(values, weights).unwrap(),
    )
    .unwrap();
    let figure = lorenz_figure(&data, &text(), 640.0);
    assert!(texts(&figure).contains(&format!("基尼系数 Gini = {g:.3}").as_str()));
}

#[test]
fn lorenz_chart_draws_every_school_up_to_the_cap() {
    let figure = lorenz_figure(&national(MAX_DRAWN_SCHOOLS), &text(), 640.0);
    check(&figure, &[("circle", "point", MAX_DRAWN_SCHOOLS)]);
    assert_eq!(figure.table.rows.len(), MAX_DRAWN_SCHOOLS);
    assert_eq!(figure.table.rows[0][0], "1");
    assert_eq!(figure.table.note, None);
}

/// Three groups of `n` schools in all; one school in 50 of 乡村 (one in 150 rows) is an
/// outlier far above, the further the later ("远{k}" is the k-th, at 20 000 + k).
fn grouped_national(n: usize) -> Vec<GroupedDatum> {
    let mut next = uniform(3);
    let mut far = 0;
    (0..n)
        .map(|i| {
            let group = ["城区", "镇区", "乡村"][i % 3];
            let (label, value) = if i % 150 == 2 {
                far += 1;
                (format!("远{far}"), 20_000.0 + far as f64)
            } else {
                (format!("校{i}"), 4000.0 + (next() * 1000.0).round())
            };
            GroupedDatum {
                group: group.to_string(),
                label,
                value,
                weight: 1.0,
            }
        })
        .collect()
}

#[test]
fn box_plot_of_a_national_file_draws_boxes_and_the_most_extreme_outliers() {
    use draw::boxes::MAX_OUTLIERS;
    let data = grouped_national(100_000);
    let outliers = data.iter().filter(|d| d.label.starts_with('远')).count();
    assert_eq!(outliers, 667);
    for width in WIDTHS {
        let figure = box_figure(&data, &text(), width);
        check(
            &figure,
            &[
                ("rect", "box", 3),
                ("circle", "point", MAX_OUTLIERS),
                ("line", "median", 3),
            ],
        );
        // Every point drawn is an outlier, and they are the farthest: 远468 … 远667.
        let mut drawn: Vec<usize> = figure
            .marks
            .iter()
            .filter(|m| m.class == "point")
            .map(|m| {
                assert_eq!(m.paint.fill, Some(palette::VERMILLION));
                let tip = m.tip.as_deref().unwrap();
                tip["远".len()..tip.find(' ').unwrap()].parse().unwrap()
            })
            .collect();
        drawn.sort_unstable();
        assert_eq!(drawn, (468..=667).collect::<Vec<_>>());
        let note = figure.table.note.clone().unwrap();
        assert!(
            note.contains("100,000 schools: boxes and outliers only"),
            "{note}"
        );
        assert!(
            note.contains("667 outliers; the 200 most extreme are drawn"),
            "{note}"
        );
        assert!(
            note.contains("离群值共 667 个，只画出最极端的 200 个"),
            "{note}"
        );
        assert!(
            figure.marks.len() < 2 * MAX_OUTLIERS,
            "{}",
            figure.marks.len()
        );
    }
}

#[test]
fn box_plot_draws_every_school_up_to_the_cap() {
    let data = grouped_national(MAX_DRAWN_SCHOOLS);
    let figure = box_figure(&data, &text(), 640.0);
    check(&figure, &[("circle", "point", MAX_DRAWN_SCHOOLS)]);
    assert_eq!(figure.table.note, None);
}

#[test]
fn box_plot_of_many_groups_draws_the_largest() {
    use draw::boxes::MAX_GROUPS;
    // 1 000 townships of g % 97 + 1 schools each: ten each of 97, 96, 95 and 94 schools
    // (g ≡ 96, 95, 94, 93 mod 97) are the 40 largest.
    let mut data = Vec::new();
    for g in 1..=1000usize {
        for k in 0..(g % 97 + 1) {
            data.push(GroupedDatum {
                group: format!("太{g}"),
                label: format!("校{g}-{k}"),
                value: 100.0 + k as f64,
                weight: 1.0,
            });
        }
    }
    for width in WIDTHS {
        check(
            &box_figure(&data, &text(), width),
            &[("rect", "box", MAX_GROUPS)],
        );
    }
    let figure = box_figure(&data, &text(), 640.0);
    // In file order.
    let groups: Vec<&str> = figure.table.rows.iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<String> = (1..=1000)
        .filter(|g| g % 97 >= 93)
        .map(|g| format!("太{g}"))
        .collect();
    assert_eq!(groups, expected);
    assert_eq!(MAX_GROUPS, expected.len());
    let note = figure.table.note.unwrap();
    assert!(
        note.starts_with("共 1,000 组，只画出学校最多的 40 组"),
        "{note}"
    );
    // Ties go to the first: of 41 groups of one size for 40 places, the last is left out.
    let mut data: Vec<GroupedDatum> = (0..41)
        .map(|g| GroupedDatum {
            group: format!("组{g}"),
            label: format!("校{g}"),
            value: 1.0,
            weight: 1.0,
        })
        .collect();
    data.push(data[40].clone());
    data.push(data[0].clone());
    let figure = box_figure(&data, &text(), 640.0);
    let groups: Vec<&str> = figure.table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!((groups[0], groups[39], groups.len()), ("组0", "组40", 40));
    assert!(!groups.contains(&"组39"));
}

#[test]
fn groups_are_found_in_one_pass_whatever_their_number() {
    let names = ["乡村", "城区", "乡村", "镇区", "城区"];
    assert_eq!(
        draw::boxes::groups(names),
        [
            ("乡村".to_string(), vec![0, 2]),
            ("城区".to_string(), vec![1, 4]),
            ("镇区".to_string(), vec![3]),
        ]
    );
    // 200 000 schools, each its own group (a grouping by school name): a linear search per
    // school took 2·10¹⁰ comparisons; hashing takes a moment.
    let names: Vec<String> = (0..200_000).map(|i| format!("校{i}")).collect();
    let start = std::time::Instant::now();
    let groups = draw::boxes::groups(names.iter().map(String::as_str));
    assert_eq!(groups.len(), 200_000);
    assert_eq!(groups[199_999], ("校199999".to_string(), vec![199_999]));
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn group_bars_of_many_groups_draw_their_two_ends() {
    use draw::group_bars::{EACH_END, MAX_GROUP_BARS};
    let mut next = uniform(11);
    let mut data: Vec<BarDatum> = (0..2800)
        .map(|i| BarDatum::new(&format!("县{i}"), 0.2 + next() * 0.5))
        .collect();
    data[5].value = f64::NAN;
    data[9].value = 0.01;
    data[2799].value = 0.99;
    let county = RefLine::new(0.5, "标准 · Standard");
    for width in WIDTHS {
        let figure = group_bars_figure(&data, &text(), Some(&county), width);
        check(
            &figure,
            &[("rect", "bar", 2 * EACH_END), ("line", "ref-line", 1)],
        );
        let groups: Vec<&str> = figure.table.rows.iter().map(|r| r[0].as_str()).collect();
        // The lowest first, the highest last, then the reference line's row.
        assert_eq!(groups.len(), 2 * EACH_END + 1);
        assert_eq!((groups[0], groups[2 * EACH_END - 1]), ("县9", "县2799"));
        let note = figure.table.note.clone().unwrap();
        assert!(note.starts_with("共 2,800 组，只画出数值最低的 6 组和最高的 6 组"));
        assert!(
            note.ends_with("2,800 groups: the 6 lowest and 6 highest are drawn, lowest to highest")
        );
    }
    // Up to the cap every group is drawn in the order given, as before.
    let figure = group_bars_figure(&data[..MAX_GROUP_BARS], &text(), None, 1100.0);
    check(&figure, &[("rect", "bar", MAX_GROUP_BARS - 1)]);
    assert_eq!(figure.table.rows[5], ["县5", "—"]);
    assert_eq!(figure.table.note, None);
}

/// With the page's language set, a chart's own words (legend, axis names, notes) are in that
/// language only; without one (a figure drawn for a download with no page), in both.
#[test]
fn chart_words_follow_the_page_language() {
    let in_lang_text = |lang| ChartText {
        lang: Some(lang),
        ..ChartText::new("T", "D", "V")
    };
    // The reference line's label comes from the page, already in its language.
    let county = RefLine::new(3.0, "=");
    let figures = |text: &ChartText| {
        vec![
            box_figure(&grouped(), text, 640.0),
            lorenz_figure(&weighted(), text, 640.0),
            line_figure(&series(), text, None, 640.0),
            group_bars_figure(&bars(), text, Some(&county), 640.0),
        ]
    };
    for figure in figures(&in_lang_text(Lang::En)) {
        let words = texts(&figure);
        for chinese in [
            "均值",
            "离群",
            "箱体",
            "资源累计占比",
            "绝对均衡线",
            "年份",
            "突出显示",
        ] {
            assert!(
                words.iter().all(|t| !t.contains(chinese)),
                "{chinese} in an English chart: {words:?}"
            );
        }
    }
    for figure in figures(&in_lang_text(Lang::Zh)) {
        let words = texts(&figure);
        for english in [
            "Mean",
            "Outlier",
            "Cumulative share",
            "Equality",
            "Year",
            "Highlighted",
        ] {
            assert!(
                words.iter().all(|t| !t.contains(english)),
                "{english} in a Chinese chart: {words:?}"
            );
        }
    }
    let both = texts(&box_figure(
        &grouped(),
        &ChartText::new("T", "D", "V"),
        640.0,
    ))
    .join(" ");
    assert!(both.contains("均值 · Mean"), "{both}");
}
