//! The first rows of the table as loaded, with their line numbers in the file.

use leptos::prelude::*;

use crate::i18n::K;
use crate::state::AppState;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 10;

/// The header and the first [`PREVIEW_ROWS`] rows.
#[component]
pub fn PreviewTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = move || {
        state
            .dataset
            .get()
            .map(|d| {
                let table = &d.ingested.table;
                (
                    table.headers.clone(),
                    table
                        .rows
                        .iter()
                        .take(PREVIEW_ROWS)
                        .cloned()
                        .collect::<Vec<_>>(),
                )
            })
            .unwrap_or_default()
    };
    view! {
        <h3 id="preview-title">{move || state.t(K::Preview)}</h3>
        <div class="scroll" tabindex="0" role="region" aria-labelledby="preview-title">
            <table class="preview" data-testid="preview-table">
                {move || {
                    let (headers, rows) = data();
                    view! {
                        <thead>
                            <tr>
                                <th scope="col">{state.t(K::Line)}</th>
                                {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <td class="line">{r.line}</td>
                                    {r.cells.into_iter().map(|c| view! { <td>{c.into_string()}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    }
                }}
            </table>
        </div>
    }
}
