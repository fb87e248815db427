//! The "Indicators" tab: the measures of every indicator, the user's own ratios, and the
//! engine's warnings.

use leptos::prelude::*;

use crate::i18n::K;
use crate::state::AppState;
use crate::ui::{custom_indicator::CustomIndicator, indicator_table::IndicatorTable};

/// Indicator table, custom ratio builder, warnings.
#[component]
pub fn IndicatorsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let warnings = move || {
        let lang = state.lang.get();
        match state.analysis.get() {
            Some(Ok(analysis)) => analysis
                .report
                .warnings
                .iter()
                .map(|w| match lang {
                    junheng_core::Lang::Zh => w.zh.clone(),
                    junheng_core::Lang::En => w.en.clone(),
                })
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        }
    };
    view! {
        <IndicatorTable />
        <CustomIndicator />
        <Show when=move || !warnings().is_empty()>
            <h3>{move || state.t(K::Warnings)}</h3>
            <ul class="warnings" data-testid="warnings">
                {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
        </Show>
    }
}
