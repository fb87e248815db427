//! The choices that shape every result: level, grouping, weight, median rule.

use junheng_core::analysis::WeightSpec;
use junheng_core::measures::MedianRule;
use junheng_core::Field;
use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::i18n::K;
use crate::model::columns_drawn::listed_headers;
use crate::state::AppState;

/// Value of the option meaning "none" in the selects below.
const NONE: &str = "";

/// The select's value after a change.
fn selected_value(ev: &leptos::ev::Event) -> String {
    event_target::<HtmlSelectElement>(ev).value()
}

/// A bar of selects above the tabs.
#[component]
pub fn Controls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dataset = move || state.dataset.get();
    let levels = move || {
        dataset()
            .map(|d| d.values_of(Field::Level))
            .unwrap_or_default()
    };
    let headers = move || {
        dataset()
            .map(|d| d.ingested.table.headers.clone())
            .unwrap_or_default()
    };
    let has_level = move || dataset().is_some_and(|d| d.header_of(Field::Level).is_some());

    let on_level = move |ev: leptos::ev::Event| {
        let value = selected_value(&ev);
        state.level.set((value != NONE).then_some(value));
    };
    let on_group = move |ev: leptos::ev::Event| {
        let value = selected_value(&ev);
        state.group.set((value != NONE).then_some(value));
    };
    let on_weight = move |ev: leptos::ev::Event| {
        state.weight.set(match selected_value(&ev).as_str() {
            "auto" => WeightSpec::Auto,
            "none" => WeightSpec::Unweighted,
            column => WeightSpec::Column(column.to_string()),
        });
    };
    let weight_value = move || match state.weight.get() {
        WeightSpec::Auto => "auto".to_string(),
        WeightSpec::Unweighted => "none".to_string(),
        WeightSpec::Column(c) => c,
    };
    let on_rule = move |ev: leptos::ev::Event| {
        state.median_rule.set(if selected_value(&ev) == "strict" {
            MedianRule::Strict
        } else {
            MedianRule::AtOrBelow
        });
    };

    view! {
        <section class="controls" aria-label=move || state.t(K::Settings)>
            <Show when=has_level>
                <label>
                    <span>{move || state.t(K::Level)}</span>
                    <select data-testid="level-select" on:change=on_level>
                        <option value=NONE selected=move || state.level.get().is_none()>{move || state.t(K::AllSchools)}</option>
                        {move || levels().into_iter().map(|v| {
                            let is = v.clone();
                            let label = v.clone();
                            view! { <option value=v selected=move || state.level.get().as_ref() == Some(&is)>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <label>
                <span>{move || state.t(K::GroupBy)}</span>
                <select data-testid="group-select" on:change=on_group>
                    <option value=NONE selected=move || state.group.get().is_none()>{move || state.t(K::NoGrouping)}</option>
                    {move || {
                        let group = state.group.get().unwrap_or_default();
                        listed_headers(&headers(), &[&group]).0.into_iter().map(|h| {
                            let is = h.clone();
                            let label = h.clone();
                            view! { <option value=h selected=move || state.group.get().as_ref() == Some(&is)>{label}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
            <label>
                <span>{move || state.t(K::Weight)}</span>
                <select data-testid="weight-select" on:change=on_weight>
                    <option value="auto" selected=move || weight_value() == "auto">{move || state.t(K::WeightAuto)}</option>
                    <option value="none" selected=move || weight_value() == "none">{move || state.t(K::Unweighted)}</option>
                    {move || listed_headers(&headers(), &[&weight_value()]).0.into_iter().map(|h| {
                        let is = h.clone();
                        let label = h.clone();
                        view! { <option value=h selected=move || weight_value() == is>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            // Why the rule matters, in one sentence, where the control is (issue 17 item 7).
            <label title=move || state.t(K::MedianRuleExplain) data-testid="median-rule">
                <span>{move || state.t(K::MedianRule)}</span>
                <select data-testid="median-rule-select" on:change=on_rule>
                    <option value="at_or_below" selected=move || state.median_rule.get() == MedianRule::AtOrBelow>{move || state.t(K::MedianAtOrBelow)}</option>
                    <option value="strict" selected=move || state.median_rule.get() == MedianRule::Strict>{move || state.t(K::MedianStrict)}</option>
                </select>
            </label>
        </section>
    }
}
