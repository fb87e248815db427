//! The one entry of loading: a chosen file ([`file`]), bytes at hand ([`bytes`]: the sample,
//! a share link's data, a file the worker gave back) and [`cancel`] all start here. Each load
//! takes a [`Ticket`], goes the way `route.rs` decides, and ends in [`finish`], which makes
//! the result the dataset (or shows why it cannot be read). Components call these; nothing
//! else sets the dataset.

use std::sync::Arc;

use junheng_core::analysis::WeightSpec;
use junheng_core::ingest::{self, Ingested, ReadOptions};
use junheng_core::{Error, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use super::progress::{Progress, Stage};
use super::route::{self, Route};
use super::sample::{SAMPLE_CSV, SAMPLE_NAME};
use super::ticket::Ticket;
use super::{workbook, worker};
use crate::model::bounds::BUILD_WHEN_OPENED;
use crate::model::dataset::Dataset;
use crate::model::shared::Shared;
use crate::state::AppState;

/// A file the user chose (file button, drop): large delimited text goes to the worker; any
/// other file is read into bytes here (they stay in this tab) and goes on as [`bytes`].
pub fn file(state: AppState, file: File) {
    if route::of_file(&file.name(), file.size(), worker::available()) == Some(Route::Worker) {
        through_worker(state, file);
        return;
    }
    state.loading.set(true);
    spawn_local(async move {
        let name = file.name();
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes: Arc<[u8]> = js_sys::Uint8Array::new(&buffer).to_vec().into();
                self::bytes(state, bytes, ReadOptions::new(&name), false);
            }
            Err(_) => {
                state.loading.set(false);
                state.load_error.set(Some(Error::EmptyFile));
            }
        }
    });
}

/// Reads `bytes` and makes them the dataset, or shows why they cannot be read. A workbook is
/// read by the spreadsheet module, fetched on first use; its result arrives later.
pub fn bytes(state: AppState, bytes: Arc<[u8]>, options: ReadOptions, is_sample: bool) {
    // A large file still in the engine worker is given up: this one replaces it.
    if state.progress.with_untracked(Option::is_some) {
        worker::cancel();
        state.progress.set(None);
    }
    let ticket = Ticket::next();
    match route::of_bytes(&bytes) {
        Route::Workbook => {
            state.loading.set(true);
            spawn_local(async move {
                let result = workbook::read(&bytes, &options).await;
                if ticket.is_latest() {
                    finish(state, bytes, options, is_sample, result);
                }
            });
        }
        Route::MainThread | Route::Worker => {
            let result = ingest::read(&bytes, &options);
            finish(state, bytes, options, is_sample, result);
        }
    }
}

/// Loads the built-in sample county (at start, and from its button).
pub fn sample(state: AppState) {
    let bytes = Arc::from(SAMPLE_CSV.as_bytes());
    self::bytes(state, bytes, ReadOptions::new(SAMPLE_NAME), true);
}

/// Cancels the load under way: the worker is terminated and the page keeps what it showed.
pub fn cancel(state: AppState) {
    Ticket::next();
    worker::cancel();
    state.progress.set(None);
    state.loading.set(false);
    // A cancel after the table was announced: the tabs follow the dataset still shown.
    let rows = state
        .dataset
        .with_untracked(|d| d.as_ref().map_or(0, |d| d.ingested.table.rows.len()));
    state.big_file.set(rows > BUILD_WHEN_OPENED);
}

/// The worker route: the file is streamed to the worker with its progress shown, and the
/// table it hands back becomes the dataset.
fn through_worker(state: AppState, file: File) {
    let ticket = Ticket::next();
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
    let on_progress = move |stage: Stage, bytes: f64, total: f64, rows: usize| {
        if !ticket.is_latest() {
            return;
        }
        state.progress.update(|p| {
            if let Some(p) = p {
                p.stage = stage;
                p.bytes = bytes;
                p.total = total;
                p.rows = rows;
            }
        });
    };
    spawn_local(async move {
        let lang = crate::i18n::lang_code(state.lang.get_untracked());
        let reply = worker::read(&file, lang, on_progress).await;
        if !ticket.is_latest() || matches!(reply, worker::Reply::Cancelled) {
            return;
        }
        // Let the bar paint "computing" before the main thread takes the table in.
        worker::next_frame().await;
        let result = match reply {
            worker::Reply::Table(answer) => Some(worker::take_in(&answer)),
            worker::Reply::Error(error) => Some(Err(error)),
            worker::Reply::NotRead | worker::Reply::Cancelled => None,
        };
        // The table and the measures in two tasks, so neither holds the page for both; a
        // large table closes the per-school tabs before it arrives.
        if let Some(Ok(ingested)) = &result {
            announce(state, ingested.table.rows.len());
        }
        worker::next_frame().await;
        // The bytes stay with the dataset (read again with other options, shared in a link).
        let bytes: Arc<[u8]> = match (&result, JsFuture::from(file.array_buffer()).await) {
            (Some(Err(_)), _) | (_, Err(_)) => Arc::from(Vec::new()),
            (_, Ok(buffer)) => Arc::from(js_sys::Uint8Array::new(&buffer).to_vec()),
        };
        if !ticket.is_latest() {
            return;
        }
        state.progress.set(None);
        match result {
            Some(result) => finish(state, bytes, ReadOptions::new(&name), false, result),
            // Not something the worker reads: the page reads it, and says what it is.
            None => self::bytes(state, bytes, ReadOptions::new(&name), false),
        }
    });
}

/// Announces a dataset of `rows` rows before it is set: a large one closes the per-school
/// tabs first, so they are not built for it in the same task as the measures. The caller lets
/// the page render once before [`finish`].
fn announce(state: AppState, rows: usize) {
    let big = rows > BUILD_WHEN_OPENED;
    state.big_file.set(big);
    if big {
        state.big_files.update(|n| *n += 1);
    }
}

/// Makes what ingestion made of `bytes` the dataset, or shows why it failed. Choices that name
/// columns are reset to what the new file suggests.
fn finish(
    state: AppState,
    bytes: Arc<[u8]>,
    options: ReadOptions,
    is_sample: bool,
    result: Result<Ingested, Error>,
) {
    state.loading.set(false);
    match result {
        Ok(ingested) => {
            let big = ingested.table.rows.len() > BUILD_WHEN_OPENED;
            if big != state.big_file.get_untracked() {
                state.big_file.set(big);
            }
            let dataset = Dataset::new(bytes, options, ingested, is_sample);
            state.level.set(dataset.default_level());
            state.group.set(dataset.header_of(Field::UrbanRural));
            state.weight.set(WeightSpec::Auto);
            state.custom.set(Vec::new());
            state.selected.set(None);
            // What-if changes name the last file's schools by line.
            state.what_if.set(Vec::new());
            // The county typed was for the last file; this one's own shows (model/dossier).
            state
                .county_typed
                .set(junheng_core::county::CountyGiven::none());
            if !is_sample {
                state.tab.set(crate::state::Tab::Overview);
            }
            state.load_error.set(None);
            state.dataset.set(Some(Shared::new(dataset)));
        }
        Err(error) => state.load_error.set(Some(error)),
    }
}
