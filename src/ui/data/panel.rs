//! What was read: encoding, delimiter, header row, skipped rows and issues, then the column
//! mapping and a preview, so the user can check the engine understood the file.

use junheng_core::names::{encoding_name, format_name};
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::state::AppState;
use crate::ui::widgets::capped_note::CappedNote;
use crate::ui::{data::mapping_form::MappingForm, data::preview_table::PreviewTable};

/// The "Data" tab.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let detection = move || {
        state.dataset.get().map(|d| {
            let source = d.ingested.table.source.clone();
            let lang = state.lang.get();
            // A national file may skip or question many rows: the first ones are listed.
            let issue_count = d.ingested.issues.len();
            let issues: Vec<(Option<u64>, String)> = d
                .ingested
                .issues
                .iter()
                .take(MAX_SCHOOL_ROWS)
                .map(|i| (i.line(), i.message(lang)))
                .collect();
            let skipped_hidden = source.skipped.len().saturating_sub(MAX_SCHOOL_ROWS);
            let delimiter = match source.delimiter {
                Some('\t') => "Tab".to_string(),
                Some(c) => c.to_string(),
                None => "—".to_string(),
            };
            view! {
                <dl class="facts-grid" data-testid="detection">
                    <dt>{state.t(K::Format)}</dt><dd>{format_name(&source.format, lang)}</dd>
                    <dt>{state.t(K::Encoding)}</dt><dd data-testid="detected-encoding">{encoding_name(&source.encoding, lang)}</dd>
                    <dt>{state.t(K::Delimiter)}</dt><dd>{delimiter}</dd>
                    <dt>{state.t(K::HeaderRow)}</dt><dd data-testid="header-row">{source.header_row}</dd>
                    <dt>{state.t(K::DataRows)}</dt><dd>{source.data_rows}</dd>
                    {source.sheet.clone().map(|sheet| view! { <dt>{state.t(K::Sheet)}</dt><dd>{sheet}</dd> })}
                </dl>
                <Show when={let n = source.skipped.len(); move || n > 0}>
                    <h3>{state.t(K::SkippedRows)}</h3>
                    <ul class="skipped" data-testid="skipped-rows">
                        {source.skipped.iter().take(MAX_SCHOOL_ROWS).map(|s| {
                            let reason = if lang == junheng_core::Lang::Zh { s.reason_zh.clone() } else { s.reason.clone() };
                            view! { <li>{format!("{} {}: {}", state.t(K::Line), s.line, reason)}</li> }
                        }).collect_view()}
                    </ul>
                    <CappedNote hidden=skipped_hidden what=K::ListCapped test_id="skipped-capped" />
                </Show>
                <Show when={let n = issues.len(); move || n > 0}>
                    <h3>{state.t(K::Issues)}</h3>
                    <ul class="issues" data-testid="ingest-issues">
                        {issues.iter().map(|(_, message)| view! { <li>{message.clone()}</li> }).collect_view()}
                    </ul>
                    <CappedNote hidden=issue_count.saturating_sub(MAX_SCHOOL_ROWS) what=K::ListCapped test_id="issues-capped" />
                </Show>
            }
        })
    };
    view! {
        <h3>{move || state.t(K::Detected)}</h3>
        {detection}
        <MappingForm />
        <PreviewTable />
    }
}
