//! Browser tests of the components (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use junheng_app::app::App;
use junheng_app::state::AppState;
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
        let state = AppState::new();
        assert!(state
            .dataset
            .with(|d| d.as_ref().is_some_and(|d| d.is_sample)));
        state.load(
            "学校,在校学生数,图书册数\nA,10,100\nB,30,150\n".as_bytes(),
            "two.csv",
            false,
        );
        let (rows, is_sample) = state.dataset.with(|d| {
            d.as_ref()
                .map(|d| (d.table.rows.len(), d.is_sample))
                .unwrap()
        });
        assert_eq!((rows, is_sample), (2, false));
        assert_eq!(state.weight.get(), Some(1));
        let profiles = state.profiles.get();
        assert_eq!(profiles.len(), 1);
        // x = 100, 150 with weights 10, 30: mean 137.5, S = sqrt((10·37.5² + 30·12.5²)/40) = 21.65…
        let variance = (10.0f64 * 37.5 * 37.5 + 30.0 * 12.5 * 12.5) / 40.0;
        assert!((profiles[0].cv.unwrap() - variance.sqrt() / 137.5).abs() < 1e-12);
        state.load(b"", "empty.csv", false);
        assert!(state.error.get().unwrap().contains("文件是空的"));
        assert_eq!(
            state
                .dataset
                .with(|d| d.as_ref().unwrap().table.source.name.clone()),
            "two.csv"
        );
    });
}
