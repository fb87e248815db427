//! The worker route: a large file read by the engine worker (`js/engine-worker.js`,
//! `crates/engine-web`) in 8 MB slices, off the main thread, with progress and cancel
//! (`js/engine-client.js`). `route.rs` decides which files come here; `entry.rs` makes the
//! answer the dataset.
//!
//! The worker decodes, parses and maps the file and hands the table over as flat transferred
//! buffers (`junheng_core::ingest::wire`); the page rebuilds it without parsing, so every tab
//! works as for a small file. A file the worker cannot read gives the same typed error as on
//! the main thread (`ingest::wire::error_to_json`); an error the wire does not carry is
//! [`Reply::NotRead`], and the page reads the file itself.

use junheng_core::ingest::wire::{error_from_json, unpack, Packed};
use junheng_core::ingest::Ingested;
use junheng_core::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use super::progress::Stage;

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

/// Whether a worker can be started here (not from file://).
pub fn available() -> bool {
    worker_available()
}

/// What the worker answered for one file.
pub enum Reply {
    /// The table as flat buffers (`ingest::wire`), to be taken in with [`take_in`].
    Table(JsValue),
    /// The engine's error reading the file, the same as on the main thread.
    Error(Error),
    /// Not something the worker reads (an error the wire does not carry), or a worker that
    /// could not start or died: the page reads the file itself.
    NotRead,
    /// Cancelled: Cancel was pressed or another file was chosen.
    Cancelled,
}

/// Streams `file` to a fresh worker, which parses and maps it; `on_progress` hears each stage
/// with the bytes sent, the file's size and the rows parsed.
pub async fn read(
    file: &File,
    lang: &str,
    mut on_progress: impl FnMut(Stage, f64, f64, usize) + 'static,
) -> Reply {
    let on_progress = Closure::<dyn FnMut(String, f64, f64, f64)>::new(
        move |stage: String, bytes: f64, total: f64, rows: f64| {
            if let Some(stage) = Stage::from_wire(&stage) {
                on_progress(stage, bytes, total, rows as usize);
            }
        },
    );
    let answer = read_file(
        file,
        lang,
        r#"{"want":"table"}"#,
        on_progress.as_ref().unchecked_ref(),
    )
    .await;
    drop(on_progress);
    match answer {
        Ok(answer) => Reply::Table(answer),
        Err(error) if is_cancelled(&error) => Reply::Cancelled,
        Err(error) => engine_error(&error).map_or(Reply::NotRead, Reply::Error),
    }
}

/// Terminates the worker's work under way, if any.
pub fn cancel() {
    cancel_file();
}

fn is_cancelled(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.message() == "cancelled")
}

/// The worker's table as the page's [`Ingested`].
pub fn take_in(answer: &JsValue) -> Result<Ingested, Error> {
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
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
    });
    let _ = JsFuture::from(promise).await;
}
