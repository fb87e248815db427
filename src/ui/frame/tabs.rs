//! The tab list and the panels it shows. Every panel stays in the page (printing shows them
//! all); only the selected one is visible on screen. For a file above
//! [`crate::model::bounds::BUILD_WHEN_OPENED`] rows, the per-school tabs (schools, groups,
//! charts) are built when first opened: at 200 000 rows their tables and charts cost the main
//! thread about 0.35 s that nobody waits for to see the indicators (printing such a file prints
//! the tabs opened).

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use crate::state::{AppState, Tab};

/// Tabs shown, in order: every tab.
const SHOWN: [Tab; 7] = Tab::ALL;

/// A WAI-ARIA tab list: arrows move between tabs, Home/End jump to the ends.
#[component]
pub fn Tabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_key = move |ev: KeyboardEvent| {
        let current = SHOWN
            .iter()
            .position(|t| *t == state.tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (current + 1) % SHOWN.len(),
            "ArrowLeft" => (current + SHOWN.len() - 1) % SHOWN.len(),
            "Home" => 0,
            "End" => SHOWN.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        state.tab.set(SHOWN[next]);
        if let Some(button) = document().get_element_by_id(&format!("tab-{}", SHOWN[next].id())) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
        }
    };
    view! {
        <nav class="tabs" role="tablist" on:keydown=on_key>
            {SHOWN.into_iter().map(|tab| {
                let selected = move || state.tab.get() == tab;
                view! {
                    <button type="button" role="tab" id=format!("tab-{}", tab.id())
                        data-testid=format!("tab-{}", tab.id())
                        aria-controls=format!("panel-{}", tab.id())
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| state.tab.set(tab)>
                        {move || state.t(tab.label())}
                    </button>
                }
            }).collect_view()}
        </nav>
    }
}

/// A panel of `tab`, hidden on screen unless selected.
#[component]
pub fn TabPanel(
    /// The tab this panel belongs to.
    tab: Tab,
    /// The panel's content.
    children: ChildrenFn,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lazy = matches!(tab, Tab::Schools | Tab::Groups | Tab::Charts);
    let opened = RwSignal::new(false);
    // A large file closes the panel again unless it is the one on screen (announced before
    // the file is set, by the loading module); opening it builds it.
    Effect::new(move |_| {
        state.big_files.track();
        opened.set(state.tab.get_untracked() == tab);
    });
    Effect::new(move |_| {
        if state.tab.get() == tab {
            opened.set(true);
        }
    });
    let built = move || !lazy || !state.big_file.get() || opened.get();
    view! {
        <section class="panel" role="tabpanel" id=format!("panel-{}", tab.id())
            data-testid=format!("panel-{}", tab.id())
            aria-labelledby=format!("tab-{}", tab.id())
            class:inactive=move || state.tab.get() != tab>
            <h2 class="print-only">{move || state.t(tab.label())}</h2>
            <Show when=built>{children()}</Show>
        </section>
    }
}
