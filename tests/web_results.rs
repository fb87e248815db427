//! Browser tests of the results tabs: the App mounts on the sample; the schools, groups and
//! charts tabs show their rows and marks.
#![cfg(target_arch = "wasm32")]

use junheng_app::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn count(selector: &str) -> u32 {
    document().query_selector_all(selector).unwrap().length()
}

fn element(selector: &str) -> web_sys::HtmlElement {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn results_tabs_show_rows_and_marks() {
    leptos::mount::mount_to_body(App);
    tick().await;

    element("[data-testid=tab-schools]").click();
    tick().await;
    assert!(element("[data-testid=panel-schools]")
        .get_attribute("class")
        .unwrap()
        .split(' ')
        .all(|c| c != "inactive"));
    let rows = count("[data-testid=panel-schools] [data-testid=school-row]");
    assert!(rows > 10 && rows <= 100, "{rows}");
    let first = element("[data-testid=school-row]");
    let share: f64 = first.get_attribute("data-share").unwrap().parse().unwrap();
    assert!(share > 0.0 && share < 1.0);
    let header = element("[data-testid=school-table] th[data-sort=share]");
    assert_eq!(
        header.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    assert!(element("[data-testid=drivers]")
        .text_content()
        .unwrap()
        .contains('%'));
    element("[data-testid=school-table] th[data-sort=line] button").click();
    tick().await;
    assert_eq!(
        element("[data-testid=school-table] th[data-sort=line]")
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    assert_eq!(header.get_attribute("aria-sort").as_deref(), Some("none"));

    element("[data-testid=tab-groups]").click();
    tick().await;
    let blocks = count("[data-testid=group-block]");
    assert!(blocks >= 7, "{blocks}");
    assert_eq!(
        count("[data-testid=group-block] [data-testid=group-row]"),
        blocks * 3
    );
    assert_eq!(
        count("[data-testid=panel-groups] [data-testid=group-bars] .bar"),
        3
    );
    let split = element("[data-testid=theil-split]");
    let number = |name: &str| -> f64 { split.get_attribute(name).unwrap().parse().unwrap() };
    assert!((number("data-between") + number("data-within") - number("data-theil")).abs() < 1e-12);

    element("[data-testid=tab-charts]").click();
    tick().await;
    assert_eq!(
        count("[data-testid=panel-charts] [data-testid=lorenz-chart] svg"),
        1
    );
    assert!(count("[data-testid=panel-charts] [data-testid=bar-chart] .bar") > 10);
    assert_eq!(
        count("[data-testid=panel-charts] [data-testid=box-plot] svg"),
        1
    );
    let lorenz_title = element("[data-testid=lorenz-chart] svg title")
        .text_content()
        .unwrap();
    assert!(lorenz_title.contains("0."), "{lorenz_title}");
    assert_eq!(
        element("[data-testid=download-svg-lorenz]")
            .text_content()
            .as_deref(),
        Some("SVG")
    );
    assert_eq!(
        element("[data-testid=download-png-bars]")
            .text_content()
            .as_deref(),
        Some("PNG")
    );
    // A single-year file has no trend chart.
    assert_eq!(count("[data-testid=chart-trend]"), 0);
}
