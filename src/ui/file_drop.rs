//! Where a file comes in: a drop zone, a file button, and the sample.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement};

use crate::sample::{SAMPLE_CSV, SAMPLE_NAME};
use crate::state::AppState;

/// Reads a browser `File` into bytes and loads it. The bytes stay in this tab.
fn load_file(state: AppState, file: File) {
    spawn_local(async move {
        let name = file.name();
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => state.load(&js_sys::Uint8Array::new(&buffer).to_vec(), &name, false),
            Err(_) => state.error.set(Some(format!(
                "无法读取文件“{name}”。\nThe file “{name}” could not be read."
            ))),
        }
    });
}

/// The drop zone with its file button and the "load sample" button.
#[component]
pub fn FileDrop() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            load_file(state, file);
        }
        // Let the same file be chosen again after an edit.
        input.set_value("");
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0))
        {
            load_file(state, file);
        }
    };
    view! {
        <section
            class="drop"
            class:dragging=move || dragging.get()
            data-testid="drop-zone"
            on:dragover=move |ev: DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <p>"把 CSV 文件拖到这里，或 · Drop a CSV file here, or"</p>
            <label class="button">
                "选择文件 · Choose file"
                <input type="file" accept=".csv,.tsv,.txt,text/csv" data-testid="file-input" on:change=on_change />
            </label>
            <button type="button" class="secondary" data-testid="load-sample"
                on:click=move |_| state.load(SAMPLE_CSV.as_bytes(), SAMPLE_NAME, true)>
                "载入示例 · Load sample"
            </button>
            <p class="privacy">"文件只在本机浏览器中处理，不会上传。 · Your file is processed in this browser and never uploaded."</p>
        </section>
    }
}
