//! Page state: one dataset at a time, created at the root and shared through a context.

use junheng_core::ingest::{read_csv, Table};
use junheng_core::profile::{detect_weight, profile, ColumnProfile};
use junheng_core::Lang;
use leptos::prelude::*;

use crate::sample::{SAMPLE_CSV, SAMPLE_NAME};

/// A table the user (or the sample) loaded, and whether it is the built-in sample.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The parsed table.
    pub table: Table,
    /// True for the built-in synthetic county.
    pub is_sample: bool,
}

/// The signals every component reads; provided once by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The loaded table, if any.
    pub dataset: RwSignal<Option<Dataset>>,
    /// The weight column (enrollment), if any.
    pub weight: RwSignal<Option<usize>>,
    /// The last load error, already in the user's language.
    pub error: RwSignal<Option<String>>,
    /// Column profiles derived from the dataset and the weight.
    pub profiles: Memo<Vec<ColumnProfile>>,
}

impl AppState {
    /// Creates the state with the built-in sample loaded.
    pub fn new() -> AppState {
        let dataset = RwSignal::new(None::<Dataset>);
        let weight = RwSignal::new(None);
        let profiles = Memo::new(move |_| {
            dataset.with(|d| {
                d.as_ref()
                    .map(|d| profile(&d.table, weight.get()))
                    .unwrap_or_default()
            })
        });
        let state = AppState {
            dataset,
            weight,
            error: RwSignal::new(None),
            profiles,
        };
        state.load(SAMPLE_CSV.as_bytes(), SAMPLE_NAME, true);
        state
    }

    /// Parses `bytes` and makes them the current dataset, or shows why they cannot be read.
    pub fn load(&self, bytes: &[u8], name: &str, is_sample: bool) {
        match read_csv(bytes, name) {
            Ok(table) => {
                self.weight.set(detect_weight(&table));
                self.error.set(None);
                self.dataset.set(Some(Dataset { table, is_sample }));
            }
            Err(e) => self.error.set(Some(format!(
                "{}\n{}",
                e.message(Lang::Zh),
                e.message(Lang::En)
            ))),
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
