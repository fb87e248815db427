//! Large files in the page: read by the engine worker (`engine-worker.js`, `crates/engine-web`)
//! in 8 MB slices, off the main thread, with progress and cancel (`engine-client.js`).
//!
//! Files from [`WORKER_THRESHOLD`] on go this way; smaller ones (a county, the sample) are read
//! at once on the main thread, as before. When the worker has parsed and measured the file, the
//! page takes the table in on the main thread ([`AppState::load`]) so that every tab works as
//! for a small file; a file the worker cannot read is read there too, so the user sees the
//! same error message as for a small file.

use std::cell::Cell;
use std::sync::Arc;

use junheng_core::ingest::ReadOptions;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::load_progress::{Progress, Stage, WORKER_THRESHOLD};
use crate::state::AppState;

#[wasm_bindgen(module = "/engine-client.js")]
extern "C" {
    /// Streams `file` to the worker and resolves with `{answer, timing}`.
    #[wasm_bindgen(catch, js_name = analyzeFile)]
    async fn analyze_file(
        file: &File,
        lang: &str,
        config: &str,
        on_progress: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    /// Terminates the worker's work under way.
    #[wasm_bindgen(js_name = cancelFile)]
    fn cancel_file();
}

thread_local! {
    /// Number of the load the worker is doing, if any.
    static CURRENT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Whether `file` is read by the worker.
pub fn is_large(file: &File) -> bool {
    file.size() >= WORKER_THRESHOLD
}

/// Reads a large file through the worker, showing its progress, then makes it the dataset.
pub fn load(state: AppState, file: File) {
    let load = crate::spreadsheet::next_load();
    CURRENT.with(|c| c.set(Some(load)));
    let name = file.name();
    state.loading.set(true);
    state.load_error.set(None);
    state.progress.set(Some(Progress {
        name: name.clone(),
        stage: Stage::Reading,
        bytes: 0.0,
        total: file.size(),
        rows: 0,
    }));
    let on_progress = Closure::<dyn FnMut(String, f64, f64, f64)>::new(
        move |stage: String, bytes: f64, total: f64, rows: f64| {
            if !is_current(load) {
                return;
            }
            if let Some(stage) = Stage::from_wire(&stage) {
                state.progress.update(|p| {
                    if let Some(p) = p {
                        p.stage = stage;
                        p.bytes = bytes;
                        p.total = total;
                        p.rows = rows as usize;
                    }
                });
            }
        },
    );
    spawn_local(async move {
        let lang = crate::i18n::lang_code(state.lang.get_untracked());
        let answer = analyze_file(&file, lang, "{}", on_progress.as_ref().unchecked_ref()).await;
        drop(on_progress);
        if !is_current(load) {
            return;
        }
        if let Err(e) = &answer {
            if e.dyn_ref::<js_sys::Error>()
                .is_some_and(|e| e.message() == "cancelled")
            {
                return;
            }
        }
        if let Ok(answer) = &answer {
            // The worker's figures, for the benchmark and the curious (console only).
            if let Ok(timing) = js_sys::Reflect::get(answer, &"timing".into()) {
                web_sys::console::debug_2(&"junheng engine worker timing".into(), &timing);
            }
        }
        state.progress.update(|p| {
            if let Some(p) = p {
                p.stage = Stage::Showing;
            }
        });
        // Let the bar paint "showing" before the main thread takes the table in.
        next_frame().await;
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => Arc::<[u8]>::from(js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => {
                finish(load, state);
                state.loading.set(false);
                state.load_error.set(Some(junheng_core::Error::EmptyFile));
                return;
            }
        };
        if !is_current(load) {
            return;
        }
        finish(load, state);
        state.load(bytes, ReadOptions::new(&name), false);
    });
}

/// Cancels the load under way: the worker is terminated and the page keeps what it showed.
pub fn cancel(state: AppState) {
    CURRENT.with(|c| c.set(None));
    cancel_file();
    state.progress.set(None);
    state.loading.set(false);
}

fn is_current(load: u64) -> bool {
    CURRENT.with(|c| c.get()) == Some(load)
}

fn finish(load: u64, state: AppState) {
    if is_current(load) {
        CURRENT.with(|c| c.set(None));
    }
    state.progress.set(None);
}

/// Resolves after the next paint.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
    });
    let _ = JsFuture::from(promise).await;
}
