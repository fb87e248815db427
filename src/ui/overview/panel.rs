//! The overview tab: county fields, verdicts, what was left out.

use junheng_core::Lang;
use leptos::prelude::*;

use crate::i18n::K;
use crate::state::AppState;
use crate::ui::overview::{
    county_fields::CountyFields, scope_lists::ScopeLists, verdicts::OverviewVerdicts,
};

/// The "Overview" tab.
#[component]
pub fn OverviewPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="overview" data-testid="overview">
            <h3 class="ov-title">{move || state.t(K::OvTitle)}</h3>
            <p class="hint">{move || state.t(K::OvIntro)}</p>
            // Why there is nothing to show, in both languages: the analysis's error (a table
            // with nothing to measure), else the dossier's.
            {move || {
                let error = match (state.analysis.get(), state.dossier.get()) {
                    (Some(Err(error)), _) | (_, Some(Err(error))) => error,
                    _ => return None,
                };
                let lang = state.lang.get();
                let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
                Some(view! {
                    <div class="error" role="alert" data-testid="ov-error">
                        {error.message(lang)}
                        <br />
                        <span class="other-lang">{error.message(other)}</span>
                    </div>
                })
            }}
            <OverviewVerdicts />
            <CountyFields />
            <ScopeLists />
        </div>
    }
}
