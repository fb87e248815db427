//! Below the drop zone: a blank template to fill (CSV or Excel) and the sample county as
//! counties really send it (GBK CSV with a title and a 合计 row; a workbook with a sheet per
//! level), to try the reader on. The templates are made in the page; the two sample files are
//! static files beside it (`dist/sample/`, copied by `scripts/build.sh`), downloaded by plain
//! links: embedded, they cost about 20 KB gzipped of the first load for a click few make. The
//! trade-off: a page opened as one file with nothing beside it cannot offer them.

use leptos::prelude::*;

use crate::export::download::download_bytes;
use crate::export::{template_csv, template_xlsx};
use crate::i18n::K;
use crate::state::AppState;

/// MIME type of an Excel workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Offers `bytes` as `name`; a failure (no Blob support) is logged, there is nothing to undo.
fn offer(bytes: &[u8], name: &str, mime: &str) {
    if let Err(error) = download_bytes(bytes, name, mime) {
        leptos::logging::warn!("download of {name} failed: {error}");
    }
}

/// Template and sample downloads.
#[component]
pub fn Templates() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = move |key: K, test_id: &'static str, action: fn()| {
        view! {
            <li>
                <button type="button" class="link" data-testid=test_id on:click=move |_| action()>
                    {move || state.t(key)}
                </button>
            </li>
        }
    };
    let file_link = move |key: K, test_id: &'static str, href: &'static str, name: &'static str| {
        view! {
            <li>
                <a class="link" data-testid=test_id href=href download=name>
                    {move || state.t(key)}
                </a>
            </li>
        }
    };
    view! {
        <section class="templates" aria-labelledby="templates-title" data-testid="templates">
            <h2 id="templates-title">{move || state.t(K::Templates)}</h2>
            <p class="hint">{move || state.t(K::TemplateHint)}</p>
            <ul class="downloads">
                {link(K::TemplateCsv, "template-csv", || {
                    offer(template_csv().as_bytes(), "junheng-模板-template.csv", "text/csv;charset=utf-8")
                })}
                {link(K::TemplateXlsx, "template-xlsx", || {
                    offer(&template_xlsx(), "junheng-模板-template.xlsx", XLSX_MIME)
                })}
                {file_link(K::SampleGbkCsv, "sample-gbk-csv", "sample/county-messy-gbk.csv", "示例县-GBK.csv")}
                {file_link(K::SampleXlsx, "sample-xlsx", "sample/county.xlsx", "示例县.xlsx")}
            </ul>
        </section>
    }
}
