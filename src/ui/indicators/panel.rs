//! The "Research measures" tab (研究指标): each measure explained in one line, the measures of
//! every indicator, the user's own ratios, and the engine's warnings. The national verdicts
//! are on the overview and the standards tab.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::state::AppState;
use crate::ui::widgets::capped_note::CappedNote;
use crate::ui::{
    indicators::custom_indicator::CustomIndicator, indicators::indicator_table::IndicatorTable,
};

/// The research measures and their one-line explanations, in the table's order.
const MEASURES: [(K, K); 9] = [
    (K::Cv, K::TipCv),
    (K::Gini, K::TipGini),
    (K::Theil, K::TipTheil),
    (K::McLoone, K::TipMcLoone),
    (K::Verstegen, K::TipVerstegen),
    (K::RangeRatio, K::TipRangeRatio),
    (K::FederalRangeRatio, K::TipFederalRangeRatio),
    (K::Atkinson05, K::TipAtkinson),
    (K::Hoover, K::TipHoover),
];

/// Explanations, indicator table, custom ratio builder, warnings.
#[component]
pub fn IndicatorsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The report warns once per questionable row: a national file may have many, so the
    // first ones are listed and the rest counted.
    let warning_count = move || {
        state.analysis.with(|a| match a {
            Some(Ok(analysis)) => analysis.report.warnings.len(),
            _ => 0,
        })
    };
    let warnings = move || {
        let lang = state.lang.get();
        match state.analysis.get() {
            Some(Ok(analysis)) => analysis
                .report
                .warnings
                .iter()
                .take(MAX_SCHOOL_ROWS)
                .map(|w| match lang {
                    junheng_core::Lang::Zh => w.zh.clone(),
                    junheng_core::Lang::En => w.en.clone(),
                })
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        }
    };
    view! {
        <p class="hint" data-testid="research-intro">{move || state.t(K::ResearchIntro)}</p>
        <dl class="research-measures" data-testid="research-measures">
            {MEASURES.into_iter().map(|(name, tip)| view! {
                <div><dt>{move || state.t(name)}</dt><dd>{move || state.t(tip)}</dd></div>
            }).collect_view()}
        </dl>
        <IndicatorTable />
        <CustomIndicator />
        <Show when=move || warning_count() != 0>
            <h3>{move || state.t(K::Warnings)}</h3>
            <ul class="warnings" data-testid="warnings">
                {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
            {move || {
                let hidden = warning_count().saturating_sub(MAX_SCHOOL_ROWS);
                view! { <CappedNote hidden=hidden what=K::ListCapped test_id="warnings-capped" /> }
            }}
        </Show>
    }
}
