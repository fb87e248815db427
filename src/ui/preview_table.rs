//! The first rows of the table as loaded, so the user can see what was read.

use leptos::prelude::*;

use crate::state::AppState;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 10;

/// The header and the first [`PREVIEW_ROWS`] rows, with their line numbers.
#[component]
pub fn PreviewTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = move || {
        state.dataset.with(|d| {
            d.as_ref()
                .map(|d| {
                    (
                        d.table.headers.clone(),
                        d.table
                            .rows
                            .iter()
                            .take(PREVIEW_ROWS)
                            .cloned()
                            .collect::<Vec<_>>(),
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="preview-title">
            <h2 id="preview-title">"数据预览 · Preview"</h2>
            <div class="scroll">
                <table class="preview" data-testid="preview-table">
                    {move || {
                        let (headers, rows) = data();
                        view! {
                            <thead><tr>
                                <th scope="col">"行 Line"</th>
                                {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td class="line">{r.line}</td>
                                        {r.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        }
                    }}
                </table>
            </div>
        </section>
    }
}
