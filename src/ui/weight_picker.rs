//! Choice of the weight column (enrollment), detected from the headers by default.

use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::state::AppState;

/// A select listing every column, plus "no weight".
#[component]
pub fn WeightPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let headers = move || {
        state.dataset.with(|d| {
            d.as_ref()
                .map(|d| d.table.headers.clone())
                .unwrap_or_default()
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let select: HtmlSelectElement = event_target(&ev);
        state.weight.set(select.value().parse::<usize>().ok());
    };
    view! {
        <p class="weight">
            <label for="weight">"权重列（在校学生数） · Weight column (enrollment) "</label>
            <select id="weight" data-testid="weight-select" on:change=on_change>
                <option value="" selected=move || state.weight.get().is_none()>"不加权 · unweighted"</option>
                {move || headers().into_iter().enumerate().map(|(i, h)| view! {
                    <option value=i.to_string() selected=move || state.weight.get() == Some(i)>{h}</option>
                }).collect_view()}
            </select>
        </p>
    }
}
