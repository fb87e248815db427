//! Where a file comes in: a drop zone, a file button, and the sample.

use std::sync::Arc;

use junheng_core::ingest::ReadOptions;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement};

use crate::i18n::K;
use crate::state::AppState;

/// File types offered by the file dialog.
const ACCEPT: &str = ".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/tab-separated-values";

/// Reads a browser `File` into bytes and loads it. The bytes stay in this tab.
fn load_file(state: AppState, file: File) {
    // Large files (a province, the nation) go to the engine worker, in chunks.
    if crate::load::worker::is_large(&file) {
        crate::load::worker::load(state, file);
        return;
    }
    state.loading.set(true);
    spawn_local(async move {
        let name = file.name();
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes: Arc<[u8]> = js_sys::Uint8Array::new(&buffer).to_vec().into();
                state.load(bytes, ReadOptions::new(&name), false);
            }
            Err(_) => {
                state.loading.set(false);
                state.load_error.set(Some(junheng_core::Error::EmptyFile));
            }
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
            aria-label=move || state.t(K::DropHere)
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <p>{move || state.t(K::DropHere)}</p>
            <label class="button">
                {move || state.t(K::ChooseFile)}
                <input type="file" accept=ACCEPT data-testid="file-input" on:change=on_change />
            </label>
            <button type="button" class="secondary" data-testid="load-sample" on:click=move |_| state.load_sample()>
                {move || state.t(K::LoadSample)}
            </button>
            <Show when=move || state.loading.get()>
                <p class="loading" role="status">{move || state.t(K::Loading)}</p>
            </Show>
            <p class="privacy">{move || state.t(K::Privacy)}</p>
        </section>
    }
}
