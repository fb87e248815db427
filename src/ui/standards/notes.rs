//! The engine's notes (exclusions, derived counts, apportioned teachers) and the rows the
//! glue left out or could not read, so no school disappears silently. A national file may have
//! a warning per row: the count is exact, the list holds the first
//! `model::bounds::MAX_SCHOOL_ROWS`.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::model::standards::text;
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;
use crate::ui::widgets::capped_note::CappedNote;

/// The notes under the tab.
#[component]
pub fn StandardNotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    // (number of notes, the first MAX_SCHOOL_ROWS of them in the page's language), once.
    let notes = Memo::new(move |_| {
        let lang = state.lang.get();
        let base = ctx.base.get().and_then(Result::ok);
        let outcome = ctx.current.get();
        let all = || {
            base.iter()
                .flat_map(|b| b.warnings.iter().map(|w| &w.text))
                .chain(outcome.iter().flat_map(|o| o.report.notes.iter()))
        };
        let lines: Vec<String> = all()
            .take(MAX_SCHOOL_ROWS)
            .map(|t| text(lang, t).to_string())
            .collect();
        (all().count(), lines)
    });
    view! {
        <Show when=move || notes.with(|n| n.0 > 0)>
            <details class="std-notes" data-testid="std-notes">
                <summary>{move || format!("{} ({})", state.t(K::StdNotes), notes.with(|n| n.0))}</summary>
                <ul>{move || notes.with(|n| n.1.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view())}</ul>
                {move || {
                    let hidden = notes.with(|n| n.0.saturating_sub(n.1.len()));
                    view! { <CappedNote hidden=hidden what=K::ListCapped test_id="std-notes-capped" /> }
                }}
            </details>
        </Show>
    }
}
