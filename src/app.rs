//! The root component: header, loader, and the results of the current dataset.

use leptos::prelude::*;

use crate::state::AppState;
use crate::ui::{
    column_table::ColumnTable, file_drop::FileDrop, preview_table::PreviewTable,
    weight_picker::WeightPicker,
};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    view! {
        <header class="masthead">
            <h1>"均衡 junheng"</h1>
            <p class="tagline">"县域义务教育校际均衡分析 · Balance of education resources across a county's schools"</p>
        </header>
        <main>
            <FileDrop />
            <Show when=move || state.error.with(Option::is_some)>
                <p class="error" role="alert" data-testid="load-error">{move || state.error.get().unwrap_or_default()}</p>
            </Show>
            <Show when=move || state.dataset.with(Option::is_some)>
                <DatasetSummary />
                <WeightPicker />
                <ColumnTable />
                <PreviewTable />
            </Show>
        </main>
    }
}

/// One line that names the file, flags the sample, and counts rows and columns.
#[component]
fn DatasetSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let summary = move || {
        state.dataset.with(|d| {
            d.as_ref().map(|d| {
                (
                    d.table.source.name.clone(),
                    d.is_sample,
                    d.table.rows.len(),
                    d.table.headers.len(),
                )
            })
        })
    };
    view! {
        {move || summary().map(|(name, is_sample, rows, columns)| view! {
            <section class="dataset" aria-label="数据 Dataset">
                <Show when=move || is_sample>
                    <span class="badge" data-testid="sample-badge">"示例数据（虚构） · Sample data (synthetic)"</span>
                </Show>
                <span class="file-name" data-testid="file-name">{name}</span>
                <span data-testid="row-count">{rows}</span>" 行 rows · "
                <span data-testid="column-count">{columns}</span>" 列 columns"
            </section>
        })}
    }
}
