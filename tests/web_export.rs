//! Browser tests of the load/export/print parts (wasm-bindgen-test in headless Chromium): stored
//! settings are restored when they fit the file, the export bar shows, the dossier is what prints.
#![cfg(target_arch = "wasm32")]

use junheng_app::app::App;
use junheng_app::model::settings::KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;

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

fn element(test_id: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("[data-testid={test_id}]"))
        .ok()?
}

fn select_value(test_id: &str) -> String {
    element(test_id)
        .expect(test_id)
        .unchecked_into::<HtmlSelectElement>()
        .value()
}

#[wasm_bindgen_test]
async fn stored_settings_are_restored_and_the_report_parts_show() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // 初中 is a level of the sample; the group column is not: it is ignored.
    storage
        .set_item(
            KEY,
            r#"{"v":1,"level":"初中","group":"不存在的列","median_rule":"strict","tab":"data"}"#,
        )
        .unwrap();
    leptos::mount::mount_to_body(App);
    tick().await;
    tick().await;
    assert_eq!(select_value("level-select"), "初中");
    assert_eq!(select_value("group-select"), "城乡分类");
    assert_eq!(select_value("median-rule-select"), "strict");
    let data_tab = element("tab-data").unwrap();
    assert_eq!(
        data_tab.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    // Restoring is not a change: what is stored stays as it was.
    assert!(storage
        .get_item(KEY)
        .unwrap()
        .unwrap()
        .contains("不存在的列"));

    for id in [
        "export-csv",
        "export-json",
        "print",
        "export-dossier",
        "template-csv",
        "sample-xlsx",
    ] {
        assert!(element(id).is_some(), "{id}");
    }
    // What prints is the dossier: the engine's body, in the shadow root of its host.
    let printed = element("dossier-print")
        .unwrap()
        .shadow_root()
        .and_then(|root| root.text_content())
        .unwrap_or_default();
    assert!(
        printed.contains("示例县") && printed.contains("92"),
        "{printed}"
    );
    storage.remove_item(KEY).unwrap();
}
