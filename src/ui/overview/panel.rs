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
            {move || match state.dossier.get() {
                Some(Err(error)) => Some(view! {
                    <div class="error" role="alert" data-testid="ov-error">{error.message(state.lang.get())}</div>
                }.into_any()),
                _ => None,
            }}
            <OverviewVerdicts />
            <CountyFields />
            <ScopeLists />
        </div>
    }
}
