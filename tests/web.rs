//! Browser tests of the components (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use junheng_app::app::App;
use std::sync::Arc;

use junheng_app::state::AppState;
use junheng_core::ingest::ReadOptions;
use junheng_core::measures::Measure;
use junheng_core::Lang;
use leptos::prelude::*;
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

fn text_of(test_id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("[data-testid={test_id}]"))
        .ok()??;
    element.text_content()
}

#[wasm_bindgen_test]
async fn the_app_opens_on_the_sample() {
    leptos::mount::mount_to_body(App);
    tick().await;
    assert_eq!(text_of("row-count").as_deref(), Some("92"));
    assert!(text_of("sample-badge").is_some());
}

#[wasm_bindgen_test]
async fn loading_bytes_replaces_the_sample_and_reports_errors() {
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::new(Lang::Zh);
        junheng_app::load::sample(state);
        assert!(state
            .dataset
            .with(|d| d.as_ref().is_some_and(|d| d.is_sample)));
        let csv = "学校名称,在校学生数,图书册数\nA,10,100\nB,30,150\n";
        junheng_app::load::bytes(
            state,
            Arc::from(csv.as_bytes()),
            ReadOptions::new("two.csv"),
            false,
        );
        let (rows, is_sample) = state.dataset.with(|d| {
            d.as_ref()
                .map(|d| (d.ingested.table.rows.len(), d.is_sample))
                .unwrap()
        });
        assert_eq!((rows, is_sample), (2, false));
        let analysis = state.analysis.get().unwrap().unwrap();
        let books = &analysis.report.indicators[0];
        assert_eq!(books.name, "books_per_student");
        // x = 10, 5 with weights 10, 30: mean 6.25, S = sqrt((10·3.75² + 30·1.25²)/40).
        let variance = (10.0f64 * 3.75 * 3.75 + 30.0 * 1.25 * 1.25) / 40.0;
        assert!((books[Measure::Cv].unwrap() - variance.sqrt() / 6.25).abs() < 1e-12);
        junheng_app::load::bytes(
            state,
            Arc::from(&b""[..]),
            ReadOptions::new("empty.csv"),
            false,
        );
        assert!(state
            .load_error
            .get()
            .unwrap()
            .message(Lang::Zh)
            .contains("文件是空的"));
        assert_eq!(
            state
                .dataset
                .with(|d| d.as_ref().unwrap().ingested.table.source.name.clone()),
            "two.csv"
        );
    });
}
