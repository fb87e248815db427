//! County name, year and 填报单位: prefilled from the file (or the sample, or what was typed
//! last time), editable; what is typed is checked (`model::dossier::county`), kept in the
//! settings and share links, given to the engine and printed on every page of the dossier.

use junheng_core::county::{CountyGiven, Origin};
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::i18n::{fill, K};
use crate::model::dossier::county::{parse_text, parse_year, Invalid, Part, Source};
use crate::state::AppState;

/// Which field.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Name,
    Year,
    Unit,
}

/// Where a shown value comes from, in words.
fn source_text(state: AppState, source: Source) -> String {
    match source {
        Source::Typed => state.t(K::OvTyped).to_string(),
        Source::File(Origin::Given, _) | Source::File(_, None) => {
            state.t(K::OvFromFile).to_string()
        }
        Source::File(_, Some(line)) => {
            fill(state.t(K::OvFromFileLine), &[("line", &line.to_string())])
        }
        Source::Sample => state.t(K::OvFromSample).to_string(),
        Source::Remembered => state.t(K::OvRemembered).to_string(),
        Source::Missing => state.t(K::OvBlank).to_string(),
    }
}

/// One labelled input.
fn field(state: AppState, which: Which) -> impl IntoView {
    let error = RwSignal::new(None::<Invalid>);
    let (label, id) = match which {
        Which::Name => (K::OvCounty, "ov-county"),
        Which::Year => (K::OvYear, "ov-year"),
        Which::Unit => (K::OvUnit, "ov-unit"),
    };
    // The shown value and its source.
    let part = move || -> Part<String> {
        let Some(r) = state.county.get() else {
            return Part {
                value: None,
                source: Source::Missing,
            };
        };
        match which {
            Which::Name => r.name,
            Which::Unit => r.unit,
            Which::Year => Part {
                value: r.year.value.map(|y| y.to_string()),
                source: r.year.source,
            },
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let raw = input.value();
        let mut typed: CountyGiven = state.county_typed.get_untracked();
        let result = match which {
            Which::Name => parse_text(&raw).map(|v| typed.name = v),
            Which::Unit => parse_text(&raw).map(|v| typed.unit = v),
            Which::Year => parse_year(&raw).map(|v| typed.year = v),
        };
        match result {
            Ok(()) => {
                error.set(None);
                state.county_typed.set(typed);
            }
            Err(invalid) => error.set(Some(invalid)),
        }
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="ov-field">
            <label for=id>{move || state.t(label)}</label>
            <input id=id type="text" data-testid=id
                inputmode=if which == Which::Year { "numeric" } else { "text" }
                prop:value=move || part().value.unwrap_or_default()
                aria-describedby=hint_id.clone()
                aria-invalid=move || error.get().is_some().to_string()
                on:change=on_change />
            <span class="hint" id=hint_id data-testid=format!("{id}-source")>
                {move || match error.get() {
                    Some(Invalid::Year) => state.t(K::OvYearInvalid).to_string(),
                    Some(Invalid::TooLong) => state.t(K::OvTooLong).to_string(),
                    None => source_text(state, part().source),
                }}
            </span>
        </div>
    }
}

/// The three fields.
#[component]
pub fn CountyFields() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <fieldset class="ov-county" data-testid="ov-county-fields">
            <legend>{move || state.t(K::OvCountyTitle)}</legend>
            {field(state, Which::Name)}
            {field(state, Which::Year)}
            {field(state, Which::Unit)}
        </fieldset>
    }
}
