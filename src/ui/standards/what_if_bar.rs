//! The what-if bar: how many changes are simulated, reset, the list of changes, and the CSV of
//! the plan with the user's changes (UTF-8 with a BOM, for Excel).

use leptos::prelude::*;

use crate::export::download::download_text;
use crate::export::plan_csv;
use crate::i18n::K;
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::model::standards::{change_summary, export_name, valid_changes};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;
use crate::ui::widgets::capped_note::CappedNote;

/// The bar above the verdicts.
#[component]
pub fn WhatIfBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let count = move || ctx.current.with(|o| o.as_ref().map_or(0, |o| o.changes));
    let has_changes = move || count() != 0;
    let on_csv = move |_| {
        let Some(baseline) = ctx.baseline.get_untracked() else {
            return;
        };
        let changes = state
            .what_if
            .with_untracked(|c| valid_changes(&baseline.prepared, c));
        let lang = state.lang.get_untracked();
        let file = ctx.standard.with_untracked(|s| {
            s.as_ref().ok().map(|s| {
                (
                    plan_csv(lang, s, &baseline.plan, &changes),
                    export_name(s.id()),
                )
            })
        });
        if let Some((csv, name)) = file {
            let _ = download_text(&csv, &name, "text/csv;charset=utf-8");
        }
    };
    // "Fill every gap" of a national file makes 100 000+ changes: the first ones are listed.
    let summaries = move || {
        let lang = state.lang.get();
        let Some(outcome) = ctx.baseline.get() else {
            return Vec::new();
        };
        ctx.standard.with(|s| {
            let Ok(standard) = s else { return Vec::new() };
            state.what_if.with(|changes| {
                valid_changes(&outcome.prepared, changes)
                    .iter()
                    .take(MAX_SCHOOL_ROWS)
                    .map(|c| change_summary(lang, standard, c))
                    .collect()
            })
        })
    };
    view! {
        <div class="std-whatif" class:active=has_changes data-testid="std-whatif">
            <p role="status" aria-live="polite">
                {move || if count() == 0 {
                    state.t(K::StdWhatIfNone).to_string()
                } else {
                    let sep = if state.lang.get() == junheng_core::Lang::Zh { "：" } else { ": " };
                    format!("{}{sep}{} {}", state.t(K::StdWhatIf), count(), state.t(K::StdChanges))
                }}
            </p>
            <Show when=has_changes>
                <button type="button" class="secondary" data-testid="std-reset"
                    on:click=move |_| state.what_if.set(Vec::new())>
                    {move || state.t(K::StdReset)}
                </button>
            </Show>
            <button type="button" data-testid="std-csv" title=move || state.t(K::StdCsvTip)
                aria-label=move || format!("{} — {}", state.t(K::StdCsv), state.t(K::StdCsvTip)) on:click=on_csv>
                {move || state.t(K::StdCsv)}
            </button>
            <Show when=has_changes>
                <details class="std-changes">
                    <summary>{move || format!("{} · {}", state.t(K::StdWhatIf), count())}</summary>
                    <ul data-testid="std-change-list">
                        {move || summaries().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                    </ul>
                    {move || {
                        let hidden = count().saturating_sub(MAX_SCHOOL_ROWS);
                        view! { <CappedNote hidden=hidden what=K::ListCapped test_id="std-changes-capped" /> }
                    }}
                </details>
            </Show>
        </div>
    }
}
