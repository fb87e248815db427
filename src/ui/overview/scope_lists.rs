//! The schools left out of the evaluation (教学点, 民办, …: name, line, reason) and the cells
//! read as missing (school, column, line), from the dossier; bounded like every per-school list.

use junheng_core::format::{number, Kind};
use leptos::prelude::*;

use crate::i18n::{fill, K};
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::model::standards::text;
use crate::state::AppState;

/// The two lists, each shown only when not empty.
#[component]
pub fn ScopeLists() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let Some(Ok(d)) = state.dossier.get() else {
            return None;
        };
        let line = move |n: u64| fill(state.t(K::OvLine), &[("line", &n.to_string())]);
        let excluded = &d.overview.excluded;
        let rest = |n: usize| {
            (n > MAX_SCHOOL_ROWS).then(|| {
                view! { <p class="note">{number((n - MAX_SCHOOL_ROWS) as f64, Kind::Count)}" "{state.t(K::ListCapped)}</p> }
            })
        };
        let excluded_view = (!excluded.is_empty()).then(|| {
            view! {
                <section class="ov-scope" data-testid="ov-excluded">
                    <h4>{state.t(K::OvExcluded)}" ("{excluded.len()}")"</h4>
                    <p class="hint">{state.t(K::OvExcludedNote)}</p>
                    <ul>
                        {excluded.iter().take(MAX_SCHOOL_ROWS).map(|s| view! {
                            <li data-line=s.line>
                                <strong>{s.name.clone()}</strong>" · "{line(s.line)}" · "{text(lang, &s.text).to_string()}
                            </li>
                        }).collect_view()}
                    </ul>
                    {rest(excluded.len())}
                </section>
            }
        });
        let missing = &d.missing_cells;
        let missing_view = (!missing.is_empty()).then(|| {
            view! {
                <section class="ov-scope" data-testid="ov-missing">
                    <h4>{state.t(K::OvMissingCells)}" ("{missing.len()}")"</h4>
                    <ul>
                        {missing.iter().take(MAX_SCHOOL_ROWS).map(|c| view! {
                            <li>{c.name.clone()}" · "{c.column.clone()}" · "{line(c.line)}</li>
                        }).collect_view()}
                    </ul>
                    {rest(missing.len())}
                </section>
            }
        });
        Some(view! { {excluded_view}{missing_view} })
    }
}
