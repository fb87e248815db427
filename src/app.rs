//! The root component: masthead, loader, and the tabs of the current dataset.

use leptos::prelude::*;

use crate::i18n::{lang_code, lang_from_tag, Lang};
use crate::state::{AppState, Tab};
use crate::ui::{
    controls::Controls,
    data_panel::DataPanel,
    dataset_bar::DatasetBar,
    file_drop::FileDrop,
    indicators_panel::IndicatorsPanel,
    load_error::LoadError,
    masthead::Masthead,
    standards::panel::StandardsPanel,
    tabs::{TabPanel, Tabs},
};

/// The page language the browser asks for.
fn browser_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    lang_from_tag(&tag)
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(browser_lang());
    provide_context(state);
    // Keep <html lang> in step, so screen readers and fonts pick the right language.
    Effect::new(move |_| {
        let code = match state.lang.get() {
            Lang::Zh => "zh-CN",
            Lang::En => lang_code(Lang::En),
        };
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", code);
        }
    });
    view! {
        <Masthead />
        <main id="main">
            <FileDrop />
            <LoadError />
            <Show when=move || state.dataset.with(Option::is_some)>
                <DatasetBar />
                <Controls />
                <Tabs />
                <TabPanel tab=Tab::Data><DataPanel /></TabPanel>
                <TabPanel tab=Tab::Indicators><IndicatorsPanel /></TabPanel>
                <TabPanel tab=Tab::Standards><StandardsPanel /></TabPanel>
            </Show>
        </main>
    }
}
