//! The column mapping as a form: each canonical field ← a column of the file, editable.

use junheng_core::ingest::Detection;
use junheng_core::{Field, Lang};
use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::i18n::K;
use crate::model::columns_drawn::listed;
use crate::state::AppState;

/// One select per canonical field; changed fields are marked.
#[component]
pub fn MappingForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        let Some(d) = state.dataset.get() else {
            return Vec::new();
        };
        let lang = state.lang.get();
        let headers = d.ingested.table.headers.clone();
        Field::ALL
            .into_iter()
            .map(|field| {
                let current = d.ingested.mapping.get(field).map(|m| m.column);
                let detected = d.detected.get(field).map(|m| m.column);
                let note = d.ingested.mapping.get(field).map(|m| match &m.detection {
                    Detection::Header { unit: Some(unit) } | Detection::UnitLine { unit, .. }
                        if m.scale != 1.0 =>
                    {
                        format!("{unit} × {}", m.scale)
                    }
                    _ => String::new(),
                });
                let label = match lang {
                    Lang::Zh => field.name_zh(),
                    Lang::En => field.name_en(),
                };
                (
                    field,
                    label,
                    (current, detected),
                    current != detected,
                    note.unwrap_or_default(),
                    headers.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <h3 id="mapping-title">{move || state.t(K::ColumnMapping)}</h3>
        <p class="hint">{move || state.t(K::ColumnMappingHint)}</p>
        <div class="mapping" role="group" aria-labelledby="mapping-title" data-testid="mapping-form">
            {move || rows().into_iter().map(|(field, label, (current, detected), changed, note, headers)| {
                let id = format!("map-{}", field.id());
                let on_change = move |ev: leptos::ev::Event| {
                    let value = event_target::<HtmlSelectElement>(&ev).value();
                    state.set_mapping(field, value.parse::<usize>().ok());
                };
                view! {
                    <div class="mapping-row" class:changed=changed class:unmapped=current.is_none()>
                        <label for=id.clone()>{label}</label>
                        <select id=id data-testid=format!("map-{}", field.id()) on:change=on_change>
                            <option value="" selected=current.is_none()>{state.t(K::NotMapped)}</option>
                            {listed(headers.len(), &[current, detected].into_iter().flatten().collect::<Vec<_>>())
                                .into_iter()
                                .map(|i| view! {
                                    <option value=i.to_string() selected=current == Some(i)>{headers[i].clone()}</option>
                                }).collect_view()}
                        </select>
                        <span class="note">{note}</span>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
