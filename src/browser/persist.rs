//! Keeps the user's choices (language, tab, level, group, weight, median rule, county) in
//! `localStorage` across reloads, never the data. The format and its checks are in
//! [`crate::model::settings`]; this module only reads and writes the browser's storage.

use std::sync::Arc;

use junheng_core::analysis::WeightSpec;
use junheng_core::county::CountyGiven;
use junheng_core::Field;
use leptos::prelude::*;

use crate::model::settings::{Settings, KEY};
use crate::state::{AppState, Tab};

/// The page's storage; `None` when the browser refuses it (private mode, disabled).
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The choices as they are now (tracked: call inside an effect to follow them).
fn current(state: AppState) -> Settings {
    Settings {
        lang: Some(state.lang.get()),
        tab: Some(state.tab.get().id().to_string()),
        level: Some(state.level.get()),
        group: Some(state.group.get()),
        weight: Some(state.weight.get()),
        median_rule: Some(state.median_rule.get()),
        county: state.county_typed.with(|c| c.name.clone()),
        year: state.county_typed.with(|c| c.year),
        unit: state.county_typed.with(|c| c.unit.clone()),
    }
}

/// Applies the stored choices that fit the loaded file: a level value or a column the file
/// does not have is ignored.
pub fn restore(state: &AppState) {
    let Some(json) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return;
    };
    let stored = Settings::parse(&json);
    if let Some(lang) = stored.lang {
        state.lang.set(lang);
    }
    if let Some(tab) = stored.tab.as_deref().and_then(Tab::from_id) {
        state.tab.set(tab);
    }
    // The county typed last time fills a file that does not name its own (model/dossier).
    state.county_remembered.set(CountyGiven {
        name: stored.county.clone(),
        year: stored.year,
        unit: stored.unit.clone(),
    });
    let Some(dataset) = state.dataset.get_untracked() else {
        return;
    };
    let has_column = |header: &str| dataset.ingested.table.headers.iter().any(|h| h == header);
    match stored.level {
        Some(None) => state.level.set(None),
        Some(Some(value)) if dataset.values_of(Field::Level).contains(&value) => {
            state.level.set(Some(value))
        }
        _ => {}
    }
    match stored.group {
        Some(None) => state.group.set(None),
        Some(Some(header)) if has_column(&header) => state.group.set(Some(header)),
        _ => {}
    }
    match stored.weight {
        Some(WeightSpec::Column(header)) if !has_column(&header) => {}
        Some(weight) => state.weight.set(weight),
        None => {}
    }
    if let Some(rule) = stored.median_rule {
        state.median_rule.set(rule);
    }
    // A stored tab this build does not show: back to the indicators once the page is drawn.
    let state = *state;
    Effect::new(move |_| {
        let id = format!("tab-{}", state.tab.get_untracked().id());
        if document().get_element_by_id(&id).is_none() {
            state.tab.set(Tab::Overview);
        }
    });
}

/// Records the user's changes as they happen and writes them; nothing is written before the
/// user changes something. A new file's own level, group and weight are not the user's.
pub fn watch(state: AppState) {
    let stored = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map(|json| Settings::parse(&json))
        .unwrap_or_default();
    let kept = StoredValue::new(stored);
    // The page as last seen, and the bytes of its file; `None` before the first run.
    let last = StoredValue::new(None::<(Settings, Arc<[u8]>)>);
    Effect::new(move |_| {
        let now = current(state);
        let Some(bytes) = state.dataset.with(|d| d.as_ref().map(|d| d.bytes.clone())) else {
            return;
        };
        let previous = last.get_value();
        last.set_value(Some((now.clone(), bytes.clone())));
        let Some((before, before_bytes)) = previous else {
            return;
        };
        let file_changed = !Arc::ptr_eq(&before_bytes, &bytes);
        let mut settings = kept.get_value();
        settings.record(&before, &now, file_changed);
        if settings == kept.get_value() {
            return;
        }
        kept.set_value(settings.clone());
        if let Some(storage) = storage() {
            let _ = storage.set_item(KEY, &settings.to_json());
        }
    });
}
