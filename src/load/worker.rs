//! Large files in the page: read by the engine worker (`engine-worker.js`, `crates/engine-web`)
//! in 8 MB slices, off the main thread, with progress and cancel (`engine-client.js`).
//!
//! Files from [`WORKER_THRESHOLD`] on go this way; smaller ones (a county, the sample) are read
//! at once on the main thread. The worker decodes, parses and maps the file and hands the table
//! over as flat transferred buffers (`junheng_core::ingest::wire`); the page rebuilds it without
//! parsing and makes it the dataset, so every tab works as for a small file. A file the worker
//! cannot read gives the same typed error as on the main thread (`ingest::wire::error_to_json`);
//! a workbook, or an error the wire does not carry, is read on the main thread as usual.

use std::sync::Arc;

use junheng_core::ingest::wire::{error_from_json, unpack, Packed};
use junheng_core::ingest::{Ingested, ReadOptions};
use junheng_core::Error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::load::progress::{Progress, Stage, WORKER_THRESHOLD};
use crate::load::workbook::{is_latest, next_load};
use crate::state::AppState;

#[wasm_bindgen(module = "/js/engine-client.js")]
extern "C" {
    /// Streams `file` to the worker; resolves with `{rows, table, timing}` (see the script).
    #[wasm_bindgen(catch, js_name = readFile)]
    async fn read_file(
        file: &File,
        lang: &str,
        request: &str,
        on_progress: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    /// Whether a worker can be started here (not from file://).
    #[wasm_bindgen(js_name = workerAvailable)]
    fn worker_available() -> bool;
    /// Terminates the worker's work under way.
    #[wasm_bindgen(js_name = cancelFile)]
    fn cancel_file();
}

/// Whether `file` is read by the worker: large delimited text (workbooks go to the
/// spreadsheet module, which reads them whole anyway).
pub fn is_large(file: &File) -> bool {
    let name = file.name().to_lowercase();
    let workbook = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]
        .iter()
        .any(|ext| name.ends_with(ext));
    file.size() >= WORKER_THRESHOLD && !workbook && worker_available()
}

/// Reads a large file through the worker, showing its progress, then makes it the dataset.
pub fn load(state: AppState, file: File) {
    let load = next_load();
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
            if !is_latest(load) {
                return;
            }
            let Some(stage) = Stage::from_wire(&stage) else {
                return;
            };
            state.progress.update(|p| {
                if let Some(p) = p {
                    p.stage = stage;
                    p.bytes = bytes;
                    p.total = total;
                    p.rows = rows as usize;
                }
            });
        },
    );
    spawn_local(async move {
        let lang = crate::i18n::lang_code(state.lang.get_untracked());
        let answer = read_file(
            &file,
            lang,
            r#"{"want":"table"}"#,
            on_progress.as_ref().unchecked_ref(),
        )
        .await;
        drop(on_progress);
        if !is_latest(load) || is_cancelled(&answer) {
            return;
        }
        // Let the bar paint "computing" before the main thread takes the table in.
        next_frame().await;
        let result = match answer {
            Ok(answer) => Some(take_in(&answer)),
            Err(error) => engine_error(&error).map(Err),
        };
        // The table and the measures in two tasks, so neither holds the page for both; a
        // large table closes the per-school tabs before it arrives.
        if let Some(Ok(ingested)) = &result {
            state.expect_rows(ingested.table.rows.len());
        }
        next_frame().await;
        // The bytes stay with the dataset (read again with other options, shared in a link).
        let bytes: Arc<[u8]> = match (&result, JsFuture::from(file.array_buffer()).await) {
            (Some(Err(_)), _) | (_, Err(_)) => Arc::from(Vec::new()),
            (_, Ok(buffer)) => Arc::from(js_sys::Uint8Array::new(&buffer).to_vec()),
        };
        if !is_latest(load) {
            return;
        }
        state.progress.set(None);
        match result {
            Some(result) => state.finish_load(bytes, ReadOptions::new(&name), false, result),
            // Not something the worker reads: the page reads it, and says what it is.
            None => state.load(bytes, ReadOptions::new(&name), false),
        }
    });
}

/// Cancels the load under way: the worker is terminated and the page keeps what it showed.
pub fn cancel(state: AppState) {
    next_load();
    cancel_file();
    state.progress.set(None);
    state.loading.set(false);
    // A cancel after the table was announced: the tabs follow the dataset still shown.
    let rows = state
        .dataset
        .with_untracked(|d| d.as_ref().map_or(0, |d| d.ingested.table.rows.len()));
    state
        .big_file
        .set(rows > crate::load::progress::BUILD_WHEN_OPENED);
}

/// Stops a worker load because another file was chosen (its result would be dropped anyway).
pub fn supersede(state: AppState) {
    if state.progress.with_untracked(Option::is_some) {
        cancel_file();
        state.progress.set(None);
    }
}

fn is_cancelled(answer: &Result<JsValue, JsValue>) -> bool {
    matches!(answer, Err(e) if e.dyn_ref::<js_sys::Error>().is_some_and(|e| e.message() == "cancelled"))
}

/// The worker's table as the page's [`Ingested`].
fn take_in(answer: &JsValue) -> Result<Ingested, Error> {
    let table = get(answer, "table");
    let bytes = |key: &str| js_sys::Uint8Array::new(&get(&table, key)).to_vec();
    let words = |key: &str| js_sys::Uint32Array::new(&get(&table, key)).to_vec();
    let packed = Packed {
        meta: get(&table, "meta").as_string().unwrap_or_default(),
        text: bytes("text"),
        cell_ends: words("cell_ends"),
        row_ends: words("row_ends"),
        lines: words("lines"),
    };
    let started = js_sys::Date::now();
    let ingested = unpack(&packed).map_err(|_| Error::TooLarge);
    let timing = get(answer, "timing");
    if timing.is_object() {
        // The worker's figures and the page's, for tests/bench/page.mjs (console only).
        let unpack_ms = JsValue::from_f64(js_sys::Date::now() - started);
        let _ = js_sys::Reflect::set(&timing, &"unpack_ms".into(), &unpack_ms);
        web_sys::console::debug_2(&"junheng engine worker timing".into(), &timing);
    }
    ingested
}

/// The engine's error sent by the worker, if the wire carries it; `None` (another error, or a
/// worker that could not start or died): the page reads the file itself, as a small one.
fn engine_error(error: &JsValue) -> Option<Error> {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))?;
    error_from_json(&message)
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Resolves after the next paint.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
    });
    let _ = JsFuture::from(promise).await;
}
