//! The engine's notes (exclusions, derived counts, apportioned teachers) and the rows the
//! glue left out or could not read, so no school disappears silently.

use leptos::prelude::*;

use crate::i18n::K;
use crate::standards_view::text;
use crate::state::AppState;
use crate::ui::standards::panel::StdCtx;

/// The notes under the tab.
#[component]
pub fn StandardNotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let lines = move || {
        let lang = state.lang.get();
        let mut lines: Vec<String> = Vec::new();
        if let Some(Ok(base)) = ctx.base.get() {
            lines.extend(
                base.warnings
                    .iter()
                    .map(|w| text(lang, &w.text).to_string()),
            );
        }
        if let Some(outcome) = ctx.current.get() {
            lines.extend(
                outcome
                    .report
                    .notes
                    .iter()
                    .map(|n| text(lang, n).to_string()),
            );
        }
        lines
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <details class="std-notes" data-testid="std-notes">
                <summary>{move || format!("{} ({})", state.t(K::StdNotes), lines().len())}</summary>
                <ul>{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </details>
        </Show>
    }
}
