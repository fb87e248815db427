//! The first rows of the table as loaded, with their line numbers in the file.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::columns_drawn::{cell_drawn, MAX_COLUMNS_DRAWN};
use crate::state::AppState;
use crate::ui::widgets::capped_note::CappedNote;

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
                // The first columns only, each cell cut: a file may be 200 000 columns wide
                // or hold a 20 MB cell.
                let shown = table.headers.len().min(MAX_COLUMNS_DRAWN);
                (
                    table.headers[..shown].to_vec(),
                    table
                        .rows
                        .iter()
                        .take(PREVIEW_ROWS)
                        .map(|r| {
                            let cells: Vec<String> = r.cells[..shown.min(r.cells.len())]
                                .iter()
                                .map(|c| cell_drawn(c).into_owned())
                                .collect();
                            (r.line, cells)
                        })
                        .collect::<Vec<_>>(),
                    table.headers.len() - shown,
                )
            })
            .unwrap_or_default()
    };
    view! {
        <h3 id="preview-title">{move || state.t(K::Preview)}</h3>
        <div class="scroll" tabindex="0" role="region" aria-labelledby="preview-title">
            <table class="preview" data-testid="preview-table">
                {move || {
                    let (headers, rows, _) = data();
                    view! {
                        <thead>
                            <tr>
                                <th scope="col">{state.t(K::Line)}</th>
                                {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(line, cells)| view! {
                                <tr>
                                    <td class="line">{line}</td>
                                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    }
                }}
            </table>
        </div>
        {move || {
            let (_, _, hidden) = data();
            view! { <CappedNote hidden=hidden what=K::ColumnsCapped test_id="preview-columns-capped" /> }
        }}
    }
}
