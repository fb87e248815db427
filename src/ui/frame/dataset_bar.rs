//! One line that names the file, flags the sample, and says how it was read.

use junheng_core::names::encoding_name;
use leptos::prelude::*;

use crate::i18n::K;
use crate::state::AppState;

/// File name, sample badge, rows, columns, encoding (as people know it: GBK（国标）).
#[component]
pub fn DatasetBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.dataset.get().map(|d| {
            let source = &d.ingested.table.source;
            let (name, encoding) = (source.name.clone(), source.encoding.clone());
            let (rows, columns) = (d.ingested.table.rows.len(), d.ingested.table.headers.len());
            view! {
                <section class="dataset" aria-label=move || state.t(K::Dataset)>
                    <Show when=move || d.is_sample>
                        <span class="badge" data-testid="sample-badge">{move || state.t(K::SampleBadge)}</span>
                    </Show>
                    <span class="file-name" data-testid="file-name">{name}</span>
                    <span class="facts">
                        <span data-testid="row-count">{rows}</span>" "{move || state.t(K::Rows)}" · "
                        <span data-testid="column-count">{columns}</span>" "{move || state.t(K::Columns)}" · "
                        <span data-testid="encoding">{move || encoding_name(&encoding, state.lang.get())}</span>
                    </span>
                </section>
            }
        })
    }
}
