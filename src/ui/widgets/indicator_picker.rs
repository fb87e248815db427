//! The indicator shown in the schools table, the group chart and the charts (`state.selected`),
//! with the helpers that resolve it against the current analysis.

use junheng_core::analysis::{Analysis, IndicatorValues};
use junheng_core::report::IndicatorResult;
use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::i18n::K;
use crate::model::metrics::indicator_label;
use crate::model::shared::Shared;
use crate::state::AppState;

/// Index of the selected indicator in the analysis: the one named `selected`, else the first.
pub fn selected_index(analysis: &Analysis, selected: Option<&str>) -> Option<usize> {
    let indicators = &analysis.report.indicators;
    selected
        .and_then(|name| indicators.iter().position(|i| i.name == name))
        .or_else(|| (!indicators.is_empty()).then_some(0))
}

/// The current analysis and the index of the selected indicator in it, when there is one.
pub fn current(state: AppState) -> Option<(Shared<Analysis>, usize)> {
    let analysis = state.analysis.get()?.ok()?;
    let index = selected_index(&analysis, state.selected.get().as_deref())?;
    Some((analysis, index))
}

/// The selected indicator's report entry and values.
pub fn parts(analysis: &Analysis, index: usize) -> (&IndicatorResult, &IndicatorValues) {
    (&analysis.report.indicators[index], &analysis.values[index])
}

/// A labelled select of the analysed indicators; every picker on the page shares the choice.
#[component]
pub fn IndicatorPicker(
    /// `data-testid` of the select (each tab has its own picker).
    test_id: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = move || {
        let lang = state.lang.get();
        match state.analysis.get() {
            Some(Ok(analysis)) => analysis
                .report
                .indicators
                .iter()
                .map(|i| {
                    (
                        i.name.clone(),
                        indicator_label(lang, &i.name, i.label_zh.as_deref()),
                    )
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let chosen = move || {
        current(state)
            .map(|(a, i)| a.report.indicators[i].name.clone())
            .unwrap_or_default()
    };
    let on_change = move |ev: leptos::ev::Event| {
        state
            .selected
            .set(Some(event_target::<HtmlSelectElement>(&ev).value()));
    };
    view! {
        <label class="picker">
            <span>{move || state.t(K::Indicator)}</span>
            <select data-testid=test_id on:change=on_change>
                {move || {
                    let chosen = chosen();
                    options().into_iter().map(|(name, label)| {
                        let selected = name == chosen;
                        view! { <option value=name selected=selected>{label}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
    }
}
