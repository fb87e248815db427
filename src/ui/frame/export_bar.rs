//! Above the tabs: the results as CSV (for Excel), as the JSON report (identical to the CLI's
//! `junheng analyze`), the dossier workbook (the CLI's `junheng report -o x.xlsx`), and the
//! print dialog, which prints the dossier (`dossier_print.rs`), with the research appendix when
//! checked.

use leptos::prelude::*;

use crate::export::download::{download_bytes, download_text};
use crate::export::{csv_for_excel, export_file_name, report_csv};
use crate::i18n::K;
use crate::state::AppState;

/// Today's date in the browser's time zone, as (year, month, day).
pub fn today() -> (u32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Export buttons, enabled when there is a report.
#[component]
pub fn ExportBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let no_report = move || !matches!(state.analysis.get(), Some(Ok(_)));
    // Builds the file from the current report and offers it as `extension`.
    let save = move |extension: &'static str| {
        let (Some(Ok(analysis)), Some(dataset)) = (
            state.analysis.get_untracked(),
            state.dataset.get_untracked(),
        ) else {
            return;
        };
        let name = export_file_name(
            &dataset.ingested.table.source.name,
            dataset.is_sample,
            today(),
            extension,
        );
        let (text, mime) = match extension {
            "csv" => (
                csv_for_excel(&report_csv(state.lang.get_untracked(), &analysis.report)),
                "text/csv;charset=utf-8",
            ),
            _ => (analysis.report.to_json(), "application/json"),
        };
        if let Err(error) = download_text(&text, &name, mime) {
            leptos::logging::warn!("download of {name} failed: {error}");
        }
    };
    let no_dossier = move || !matches!(state.dossier.get(), Some(Ok(_)));
    let save_dossier = move |_| {
        let (Some(Ok(dossier)), Some(dataset)) =
            (state.dossier.get_untracked(), state.dataset.get_untracked())
        else {
            return;
        };
        let name = export_file_name(
            &dataset.ingested.table.source.name,
            dataset.is_sample,
            today(),
            "xlsx",
        );
        let bytes = junheng_core::dossier::xlsx::workbook(&dossier, state.lang.get_untracked());
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if let Err(error) = download_bytes(&bytes, &name, mime) {
            leptos::logging::warn!("download of {name} failed: {error}");
        }
    };
    let print = move |_| {
        if let Err(error) = window().print() {
            leptos::logging::warn!("print failed: {error:?}");
        }
    };
    view! {
        <section class="export-bar" aria-labelledby="export-title" data-testid="export-bar">
            <h2 id="export-title">{move || state.t(K::Export)}</h2>
            <button type="button" class="secondary" data-testid="export-csv" disabled=no_report
                title=move || state.t(K::ExportCsvTip) on:click=move |_| save("csv")>
                {move || state.t(K::ExportCsv)}
            </button>
            <button type="button" class="secondary" data-testid="export-json" disabled=no_report
                title=move || state.t(K::ExportJsonTip) on:click=move |_| save("json")>
                {move || state.t(K::ExportJson)}
            </button>
            <button type="button" class="secondary" data-testid="export-dossier" disabled=no_dossier
                title=move || state.t(K::ExportDossierTip) on:click=save_dossier>
                {move || state.t(K::ExportDossier)}
            </button>
            <button type="button" class="secondary" data-testid="print" title=move || state.t(K::PrintTip)
                on:click=print>
                {move || state.t(K::Print)}
            </button>
            <label class="check print-appendix">
                <input type="checkbox" data-testid="print-appendix"
                    prop:checked=move || state.print_appendix.get()
                    on:change=move |ev| state.print_appendix.set(event_target_checked(&ev)) />
                {move || state.t(K::PrintAppendix)}
            </label>
            <crate::ui::frame::share_panel::SharePanel />
        </section>
    }
}
