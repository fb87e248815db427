//! The overview tab: county fields, verdicts, what was left out.

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
            // Why there is nothing to show: the analysis's error (a table with nothing to
            // measure), else the dossier's.
            {move || {
                let error = match (state.analysis.get(), state.dossier.get()) {
                    (Some(Err(error)), _) | (_, Some(Err(error))) => error,
                    _ => return None,
                };
                Some(view! {
                    <div class="error" role="alert" data-testid="ov-error">{error.message(state.lang.get())}</div>
                })
            }}
            <OverviewVerdicts />
            <CountyFields />
            <ScopeLists />
        </div>
    }
}
