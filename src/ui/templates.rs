//! Below the drop zone: a blank template to fill (CSV or Excel) and the sample county as
//! counties really send it (GBK CSV with a title and a 合计 row; a workbook with a sheet per
//! level), to try the reader on. Every file is made or embedded in the page: nothing is fetched.

use leptos::prelude::*;

use crate::download::download_bytes;
use crate::export::{template_csv, template_xlsx};
use crate::i18n::K;
use crate::sample::{SAMPLE_MESSY_GBK_CSV, SAMPLE_XLSX};
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
                {link(K::SampleGbkCsv, "sample-gbk-csv", || {
                    offer(SAMPLE_MESSY_GBK_CSV, "示例县-GBK.csv", "text/csv;charset=gbk")
                })}
                {link(K::SampleXlsx, "sample-xlsx", || offer(SAMPLE_XLSX, "示例县.xlsx", XLSX_MIME))}
            </ul>
        </section>
    }
}
