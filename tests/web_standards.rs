//! Browser tests of the national-standards tab (wasm-bindgen-test in headless Chromium): the
//! tab mounts in the app on the sample, shows both levels' verdicts, and a what-if flips one.
#![cfg(target_arch = "wasm32")]

use junheng_app::app::App;
use junheng_app::model::standards::{fill_level, Pick};
use junheng_app::state::AppState;
use junheng_app::ui::standards::context::StdCtx;
use junheng_core::standards::Level;
use junheng_core::Lang;
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

fn element(test_id: &str) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("[data-testid={test_id}]"))
        .ok()??;
    Some(element.unchecked_into())
}

fn attribute(test_id: &str, name: &str) -> Option<String> {
    element(test_id)?.get_attribute(name)
}

#[wasm_bindgen_test]
async fn the_tab_shows_both_verdicts_and_a_what_if_flips_the_primary_one() {
    leptos::mount::mount_to_body(App);
    tick().await;
    element("tab-standards").expect("the tab is shown").click();
    tick().await;
    let panel = element("panel-standards").unwrap();
    assert!(!panel.class_list().contains("inactive"));
    // 2017 by default: both levels fail on per-school attainment, every CV passes.
    assert_eq!(
        attribute("std-card-primary", "data-verdict").as_deref(),
        Some("fail")
    );
    assert_eq!(
        attribute("std-card-junior", "data-verdict").as_deref(),
        Some("fail")
    );
    assert_eq!(
        element("std-failing-primary")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("36")
    );
    assert_eq!(
        element("std-failing-junior")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("6")
    );
    let body = element("std-gaps-primary")
        .unwrap()
        .query_selector("tbody")
        .unwrap()
        .unwrap();
    assert_eq!(body.child_element_count(), 36, "one row per failing school");
    assert!(element("std-scope").unwrap().text_content().unwrap().len() > 40);
    // What-if: fill every gap of the failing primary schools.
    element("std-fill-primary").unwrap().click();
    tick().await;
    assert_eq!(
        attribute("std-card-primary", "data-verdict").as_deref(),
        Some("pass")
    );
    assert_eq!(
        attribute("std-card-junior", "data-verdict").as_deref(),
        Some("fail")
    );
    assert!(
        element("std-was-primary").is_some(),
        "the verdict before the what-if is shown"
    );
    assert!(element("std-reset").is_some());
    element("std-reset").unwrap().click();
    tick().await;
    assert_eq!(
        attribute("std-card-primary", "data-verdict").as_deref(),
        Some("fail")
    );
    // 2012: both levels pass on the composite.
    element("std-pick-basic-2012").unwrap().click();
    tick().await;
    assert_eq!(
        attribute("std-card-primary", "data-verdict").as_deref(),
        Some("pass")
    );
    assert_eq!(
        attribute("std-card-junior", "data-verdict").as_deref(),
        Some("pass")
    );
    let composite = element("std-composite-primary")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(composite.contains("0.215"), "{composite}");
    assert!(element("std-no-school-rule").is_some());
}

#[wasm_bindgen_test]
fn the_memos_follow_the_choices_and_the_edits() {
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::new(Lang::Zh);
        junheng_app::load::sample(state);
        let ctx = StdCtx::new(state, Signal::stored(false));
        let verdicts = || {
            ctx.current.with(|o| {
                o.as_ref()
                    .unwrap()
                    .report
                    .levels
                    .iter()
                    .map(|l| l.verdict)
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(verdicts(), [false, false]);
        let outcome = ctx.current.get().unwrap();
        let changes = ctx
            .standard
            .with(|s| fill_level(&outcome, s.as_ref().unwrap(), Level::Junior));
        state.what_if.set(changes);
        assert_eq!(verdicts(), [false, true]);
        // The baseline does not move with the what-if.
        assert!(ctx.baseline.with(|o| o
            .as_ref()
            .unwrap()
            .report
            .levels
            .iter()
            .all(|l| !l.verdict)));
        state.what_if.set(Vec::new());
        state.standard_pick.set(Pick::Basic2012);
        assert_eq!(verdicts(), [true, true]);
        // A provincial file that cannot be read: the error, not a stale result.
        state
            .custom_standard
            .set(Some(junheng_app::model::standards::CustomStandard::new(
                "p.json", "{",
            )));
        assert!(ctx.standard.get().is_err());
        assert!(ctx.current.get().is_none());
    });
}
