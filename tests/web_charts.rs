//! Browser tests of the chart components (wasm-bindgen-test in headless Chromium): each chart
//! mounts with small data, draws the expected marks, and matches its SVG export.
#![cfg(target_arch = "wasm32")]

use junheng_app::chart::svg::{to_svg_string, Figure};
use junheng_app::chart::{BarDatum, GroupedDatum, LineSeries, RefLine, WeightedDatum};
use junheng_app::ui::charts::{
    bar_chart::BarChart, box_plot::BoxPlot, group_bars::GroupBars, line_chart::LineChart,
    lorenz_chart::LorenzChart,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for Leptos to flush pending effects (they run on the microtask and timer queues).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh container of `width` px in the body, so tests do not see each other's charts.
fn container(width: u32) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    div.set_attribute("style", &format!("width:{width}px"))
        .unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// `root.querySelectorAll(selector).length`, through JS reflection (no extra web-sys feature).
fn count(root: &web_sys::Element, selector: &str) -> u32 {
    let query = js_sys::Reflect::get(root, &"querySelectorAll".into()).unwrap();
    let list = query
        .unchecked_into::<js_sys::Function>()
        .call1(root, &selector.into())
        .unwrap();
    js_sys::Reflect::get(&list, &"length".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// The svg is an accessible image with the caller's title and a description, and the data
/// table lists `rows` rows.
fn check_frame(root: &web_sys::Element, test_id: &str, title: &str, rows: u32) {
    let figure = find(root, &format!("[data-testid={test_id}]"));
    let svg = find(&figure, "svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(svg.get_attribute("viewBox").unwrap().starts_with("0 0 "));
    let title_el = find(&svg, "title");
    assert_eq!(title_el.text_content().as_deref(), Some(title));
    let labelled_by = svg.get_attribute("aria-labelledby").unwrap();
    assert!(labelled_by.contains(&title_el.id()), "{labelled_by}");
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(
        title_el.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(find(&svg, "desc").text_content().is_some());
    assert_eq!(
        find(&figure, "details summary").text_content().as_deref(),
        Some("数据表 · Data table")
    );
    assert_eq!(count(&figure, "details tbody tr"), rows);
}

/// The DOM svg draws the same marks as the exported string: same count per class, same
/// attributes on the first mark of `class`.
fn check_same_as_export(root: &web_sys::Element, figure: &Figure, class: &str) {
    let exported = to_svg_string(figure, "x");
    for tag_class in [
        "bar", "point", "box", "grid", "ref-line", "curve", "series", "label", "title",
    ] {
        let in_string = exported
            .matches(&format!(r#" class="{tag_class}""#))
            .count() as u32;
        assert_eq!(
            count(root, &format!("svg [class='{tag_class}']")),
            in_string,
            "{tag_class}"
        );
    }
    let mark = figure.marks.iter().find(|m| m.class == class).unwrap();
    let element = find(root, &format!("svg .{class}"));
    for (name, value) in mark.attributes() {
        assert_eq!(
            element.get_attribute(name).as_deref(),
            Some(value.as_str()),
            "{class} {name}"
        );
    }
}

#[wasm_bindgen_test]
async fn lorenz_chart_draws_every_school() {
    let root = container(480);
    let data = vec![
        WeightedDatum {
            label: "一小".into(),
            value: 3.2,
            weight: 400.0,
        },
        WeightedDatum {
            label: "二小".into(),
            value: 4.1,
            weight: 1200.0,
        },
        WeightedDatum {
            label: "三小 <&>".into(),
            value: 2.4,
            weight: 90.0,
        },
    ];
    let figure = RwSignal::new(None::<Figure>);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LorenzChart
                data=data.clone()
                title="差距小 · Small gaps".to_string()
                desc="洛伦兹曲线 · Lorenz curve".to_string()
                value_label="生均 · Per pupil".to_string()
                on_figure=Callback::new(move |f| figure.set(Some(f)))
            />
        }
    });
    tick().await;
    check_frame(&root, "lorenz-chart", "差距小 · Small gaps", 3);
    assert_eq!(count(&root, "svg circle.point"), 3);
    assert_eq!(count(&root, "svg path.curve"), 1);
    assert_eq!(count(&root, "svg line.equality"), 1);
    // One tab stop; the other marks are reached with the arrow keys.
    assert_eq!(count(&root, "svg g.tip > title"), 3);
    assert_eq!(count(&root, "svg g.tip[tabindex='0']"), 1);
    // The label is text, not markup.
    assert!(find(&root, "tbody")
        .text_content()
        .unwrap()
        .contains("三小 <&>"));
    // Laid out for the container's width.
    let svg = find(&root, "svg");
    assert_eq!(
        svg.get_attribute("data-layout-width").as_deref(),
        Some("480")
    );
    let figure = figure.get_untracked().expect("on_figure was called");
    assert_eq!(figure.width, 480.0);
    check_same_as_export(&root, &figure, "point");
    handle.forget();
}

#[wasm_bindgen_test]
async fn bar_chart_colours_bars_below_the_standard_and_follows_its_data() {
    let root = container(640);
    let data = RwSignal::new(vec![
        BarDatum::new("一小", 3.2),
        BarDatum {
            label: "二小".into(),
            value: 4.1,
            highlight: true,
        },
        BarDatum::new("三小", 2.4),
        BarDatum::new("四小", f64::NAN),
    ]);
    let figure = RwSignal::new(None::<Figure>);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <BarChart
                data=data
                title="两所学校低于标准".to_string()
                desc="各校".to_string()
                value_label="生均（元）".to_string()
                standard=RefLine::new(3.5, "标准 · Standard")
                on_figure=Callback::new(move |f| figure.set(Some(f)))
            />
        }
    });
    tick().await;
    check_frame(&root, "bar-chart", "两所学校低于标准", 4);
    assert_eq!(count(&root, "svg rect.bar"), 3);
    assert_eq!(count(&root, "svg rect.bar[fill='#D55E00']"), 2);
    assert_eq!(count(&root, "svg rect.bar[stroke]"), 1);
    // The mean and the standard.
    assert_eq!(count(&root, "svg line.ref-line"), 2);
    check_same_as_export(&root, &figure.get_untracked().unwrap(), "bar");

    data.update(|d| d.push(BarDatum::new("五小", 5.0)));
    tick().await;
    assert_eq!(count(&root, "svg rect.bar"), 4);
    assert_eq!(count(&root, "details tbody tr"), 5);
    handle.forget();
}

#[wasm_bindgen_test]
async fn focusing_a_mark_shows_its_detail() {
    let root = container(400);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <BarChart
                data=vec![BarDatum::new("一小", 3.0), BarDatum::new("二小", 4.0)]
                title="t".to_string()
                desc="d".to_string()
                value_label="v".to_string()
            />
        }
    });
    tick().await;
    let tip = find(&root, "svg g.tip");
    let focus = js_sys::Reflect::get(&tip, &"focus".into()).unwrap();
    focus
        .unchecked_into::<js_sys::Function>()
        .call0(&tip)
        .unwrap();
    tick().await;
    let readout = find(&root, ".chart-readout").text_content().unwrap();
    assert!(readout.starts_with("一小：3"), "{readout}");

    // The right arrow moves the focus (and the one tab stop) to the next bar.
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &"ArrowRight".into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"KeyboardEvent".into()).unwrap();
    let event = js_sys::Reflect::construct(
        constructor.unchecked_ref::<js_sys::Function>(),
        &js_sys::Array::of2(&"keydown".into(), &init),
    )
    .unwrap();
    tip.dispatch_event(event.unchecked_ref()).unwrap();
    tick().await;
    let document = web_sys::window().unwrap().document().unwrap();
    let active = document.active_element().unwrap();
    assert!(active
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("二小：4"));
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(tip.get_attribute("tabindex").as_deref(), Some("-1"));
    let readout = find(&root, ".chart-readout").text_content().unwrap();
    assert!(readout.starts_with("二小：4"), "{readout}");
    handle.forget();
}

#[wasm_bindgen_test]
async fn box_plot_draws_a_box_per_group_and_a_point_per_school() {
    let root = container(375);
    let rows = [
        ("城区", 5.1),
        ("城区", 4.8),
        ("镇区", 4.0),
        ("乡村", 2.9),
        ("乡村", 3.3),
        ("乡村", 9.0),
    ];
    let data: Vec<GroupedDatum> = rows
        .iter()
        .enumerate()
        .map(|(i, (g, v))| GroupedDatum {
            group: g.to_string(),
            label: format!("校{i}"),
            value: *v,
            weight: 1.0,
        })
        .collect();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <BoxPlot
                data=data.clone()
                title="乡村较低".to_string()
                desc="分组".to_string()
                value_label="生均".to_string()
            />
        }
    });
    tick().await;
    check_frame(&root, "box-plot", "乡村较低", 3);
    assert_eq!(count(&root, "svg rect.box"), 3);
    assert_eq!(count(&root, "svg circle.point"), 6);
    assert_eq!(count(&root, "svg line.median"), 3);
    handle.forget();
}

#[wasm_bindgen_test]
async fn group_bars_draw_one_bar_per_group() {
    let root = container(700);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <GroupBars
                data=vec![BarDatum::new("城区", 6310.0), BarDatum::new("镇区", 5402.0), BarDatum::new("乡村", 4590.0)]
                title="城乡相差 1,720 元".to_string()
                desc="分组均值".to_string()
                value_label="元".to_string()
                reference=RefLine::new(5540.0, "全县 · County")
            />
        }
    });
    tick().await;
    check_frame(&root, "group-bars", "城乡相差 1,720 元", 4);
    assert_eq!(count(&root, "svg rect.bar"), 3);
    assert_eq!(count(&root, "svg line.ref-line"), 1);
    handle.forget();
}

#[wasm_bindgen_test]
async fn line_chart_draws_each_series_with_its_markers() {
    let root = container(900);
    let series = vec![
        LineSeries {
            name: "CV".into(),
            points: vec![(2021, 0.7), (2022, 0.6), (2023, 0.5)],
        },
        LineSeries {
            name: "Gini".into(),
            points: vec![(2021, 0.3), (2022, 0.28), (2023, 0.25)],
        },
    ];
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LineChart
                series=series.clone()
                title="CV 下降".to_string()
                desc="逐年".to_string()
                value_label="系数".to_string()
                threshold=RefLine::new(0.65, "标准")
            />
        }
    });
    tick().await;
    check_frame(&root, "line-chart", "CV 下降", 3);
    assert_eq!(count(&root, "svg path.series"), 2);
    assert_eq!(count(&root, "svg circle.point"), 3);
    assert_eq!(count(&root, "svg rect.point"), 3);
    assert_eq!(count(&root, "svg line.ref-line"), 1);
    handle.forget();
}
