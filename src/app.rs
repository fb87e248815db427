//! The root component: masthead, loader, and the tabs of the current dataset.

use leptos::prelude::*;

use crate::i18n::{lang_code, lang_from_tag, Lang, K};
use crate::state::{AppState, Tab};
use crate::ui::charts::panel::ChartsPanel;
use crate::ui::data::panel::DataPanel;
use crate::ui::frame::{
    controls::Controls,
    dataset_bar::DatasetBar,
    dossier_print::DossierPrint,
    export_bar::ExportBar,
    file_drop::FileDrop,
    link_prompt::LinkPrompt,
    load_error::LoadError,
    masthead::Masthead,
    progress::ProgressBar,
    tabs::{TabPanel, Tabs},
    templates::Templates,
};
use crate::ui::groups::panel::GroupsPanel;
use crate::ui::indicators::panel::IndicatorsPanel;
use crate::ui::overview::panel::OverviewPanel;
use crate::ui::schools::panel::SchoolsPanel;
use crate::ui::standards::panel::StandardsPanel;

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
    crate::browser::text_decoder::install();
    let state = AppState::new(browser_lang());
    crate::load::sample(state);
    provide_context(state);
    // Choices of the last visit (never the data), then keep them as they change.
    crate::browser::persist::restore(&state);
    crate::browser::persist::watch(state);
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
            <LinkPrompt />
            <FileDrop />
            <ProgressBar />
            <Templates />
            <LoadError />
            <Show when=move || state.dataset.with(Option::is_some)
                fallback=move || view! { <p class="empty-state" data-testid="no-data">{move || state.t(K::NoData)}</p> }>
                <DatasetBar />
                <Controls />
                <ExportBar />
                <Tabs />
                <TabPanel tab=Tab::Overview><OverviewPanel /></TabPanel>
                <TabPanel tab=Tab::Data><DataPanel /></TabPanel>
                <TabPanel tab=Tab::Indicators><IndicatorsPanel /></TabPanel>
                <TabPanel tab=Tab::Schools><SchoolsPanel /></TabPanel>
                <TabPanel tab=Tab::Groups><GroupsPanel /></TabPanel>
                <TabPanel tab=Tab::Charts><ChartsPanel /></TabPanel>
                <TabPanel tab=Tab::Standards><StandardsPanel /></TabPanel>
                <DossierPrint />
            </Show>
        </main>
    }
}
