//! What only paper shows: a header naming the report, its data and its settings, and a footer
//! with the definition choices, so a printed page stands on its own in an acceptance file.

use junheng_core::analysis::WeightSpec;
use junheng_core::measures::MedianRule;
use leptos::prelude::*;

use crate::i18n::K;
use crate::state::AppState;
use crate::ui::frame::export_bar::today;

/// The label of the median rule in the page's language.
fn rule_label(state: AppState) -> &'static str {
    match state.median_rule.get() {
        MedianRule::AtOrBelow => state.t(K::MedianAtOrBelow),
        MedianRule::Strict => state.t(K::MedianStrict),
    }
}

/// Title, data source (file, rows, encoding, sheet), date and settings.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let source = move || {
        state.dataset.get().map(|d| {
            let s = &d.ingested.table.source;
            let mut parts = vec![
                s.name.clone(),
                format!("{} {}", d.ingested.table.rows.len(), state.t(K::Rows)),
                s.encoding.clone(),
            ];
            if let Some(sheet) = &s.sheet {
                parts.push(format!("{} {sheet}", state.t(K::Sheet)));
            }
            parts.join(" · ")
        })
    };
    let date = move || {
        let (y, m, d) = today();
        format!("{y:04}-{m:02}-{d:02}")
    };
    let settings = move || {
        let level = state
            .level
            .get()
            .unwrap_or_else(|| state.t(K::AllSchools).to_string());
        let group = state
            .group
            .get()
            .unwrap_or_else(|| state.t(K::NoGrouping).to_string());
        let weight = match state.weight.get() {
            WeightSpec::Auto => state.t(K::WeightAuto).to_string(),
            WeightSpec::Unweighted => state.t(K::Unweighted).to_string(),
            WeightSpec::Column(c) => c,
        };
        let colon = match state.lang.get() {
            junheng_core::Lang::Zh => "：",
            junheng_core::Lang::En => ": ",
        };
        format!(
            "{}{colon}{level} · {}{colon}{weight} · {}{colon}{group} · {}{colon}{}",
            state.t(K::Level),
            state.t(K::Weight),
            state.t(K::GroupBy),
            state.t(K::MedianRule),
            rule_label(state)
        )
    };
    view! {
        <header class="print-only print-header" data-testid="print-header">
            <h1 class="print-title">{move || state.t(K::ReportTitle)}</h1>
            <dl>
                <dt>{move || state.t(K::DataSource)}</dt><dd data-testid="print-source">{source}</dd>
                <dt>{move || state.t(K::ReportDate)}</dt><dd>{date}</dd>
                <dt>{move || state.t(K::ReportSettings)}</dt><dd data-testid="print-settings">{settings}</dd>
            </dl>
        </header>
    }
}

/// Definitions behind the numbers, and where they were computed.
#[component]
pub fn PrintNotes() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <footer class="print-only print-notes" data-testid="print-notes">
            <h2>{move || state.t(K::Definitions)}</h2>
            <ul>
                <li>{move || state.t(K::DefinitionCv)}</li>
                <li>{move || state.t(K::DefinitionMedian)}{move || rule_label(state)}</li>
                <li>{move || state.t(K::DefinitionLocal)}</li>
            </ul>
        </footer>
    }
}
