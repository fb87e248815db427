//! The ratio builder: numerator / denominator × factor, added next to the standard indicators.

use junheng_core::analysis::IndicatorSpec;
use leptos::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::i18n::K;
use crate::model::columns_drawn::listed_headers;
use crate::state::AppState;

/// Quotes a header for an expression when it holds an operator or a bracket.
fn quoted(header: &str) -> String {
    if header.contains(['*', '/', '[', ']']) || header.trim() != header {
        format!("[{}]", header.replace(']', ""))
    } else {
        header.to_string()
    }
}

/// A form that adds a custom indicator, and the list of those added.
#[component]
pub fn CustomIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let numerator = RwSignal::new(String::new());
    let denominator = RwSignal::new(String::new());
    let factor = RwSignal::new("1".to_string());
    let name = RwSignal::new(String::new());
    let headers = move || {
        state
            .dataset
            .get()
            .map(|d| d.ingested.table.headers.clone())
            .unwrap_or_default()
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (num, den, fac) = (numerator.get(), denominator.get(), factor.get());
        if num.is_empty() {
            return;
        }
        let mut expr = quoted(&num);
        if !den.is_empty() {
            expr = format!("{expr}/{}", quoted(&den));
        }
        let fac = fac.trim();
        if !fac.is_empty() && fac != "1" {
            expr = format!("{expr}*{fac}");
        }
        let label = if name.get().trim().is_empty() {
            expr.clone()
        } else {
            name.get().trim().to_string()
        };
        state
            .custom
            .update(|c| c.push(IndicatorSpec { name: label, expr }));
        name.set(String::new());
    };
    let select = move |signal: RwSignal<String>, test_id: &'static str, none: K| {
        view! {
            <select data-testid=test_id on:change=move |ev| signal.set(event_target::<HtmlSelectElement>(&ev).value())>
                <option value="" selected=move || signal.get().is_empty()>{move || state.t(none)}</option>
                {move || listed_headers(&headers(), &[&signal.get()]).0.into_iter().map(|h| {
                    let is = h.clone();
                    let label = h.clone();
                    view! { <option value=h selected=move || signal.get() == is>{label}</option> }
                }).collect_view()}
            </select>
        }
    };
    view! {
        <h3>{move || state.t(K::CustomIndicators)}</h3>
        <form class="custom" on:submit=add data-testid="custom-form">
            <label><span>{move || state.t(K::Numerator)}</span>{select(numerator, "custom-numerator", K::ChooseColumn)}</label>
            <span aria-hidden="true">"÷"</span>
            <label><span>{move || state.t(K::Denominator)}</span>{select(denominator, "custom-denominator", K::NoDenominator)}</label>
            <span aria-hidden="true">"×"</span>
            <label><span>{move || state.t(K::Factor)}</span>
                <input type="number" step="any" data-testid="custom-factor" prop:value=move || factor.get()
                    on:input=move |ev| factor.set(event_target::<HtmlInputElement>(&ev).value()) />
            </label>
            <label><span>{move || state.t(K::IndicatorName)}</span>
                <input type="text" data-testid="custom-name" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target::<HtmlInputElement>(&ev).value()) />
            </label>
            <button type="submit" data-testid="custom-add">{move || state.t(K::Add)}</button>
        </form>
        <ul class="custom-list" data-testid="custom-list">
            {move || state.custom.get().into_iter().enumerate().map(|(index, spec)| view! {
                <li>
                    <code>{format!("{} = {}", spec.name, spec.expr)}</code>
                    " "
                    <button type="button" class="link" on:click=move |_| state.custom.update(|c| { c.remove(index); })>
                        {move || state.t(K::Remove)}
                    </button>
                </li>
            }).collect_view()}
        </ul>
    }
}
