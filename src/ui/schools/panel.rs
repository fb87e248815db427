//! The "Schools" tab: pick an indicator, read which school weighs most in its CV, and browse
//! every school's value, deviation, share of the variance and the CV without it.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::findings::drivers_sentence;
use crate::model::school_rows::{school_rows, top_driver, SchoolLookup};
use crate::state::AppState;
use crate::ui::schools::school_table::SchoolTable;
use crate::ui::widgets::indicator_picker::{current, parts, IndicatorPicker};
use junheng_core::measures::Measure;
use junheng_core::Field;

/// Indicator picker, the sentence on the main driver of the CV, the table of schools.
#[component]
pub fn SchoolsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let driver = move || {
        let (analysis, index) = current(state)?;
        let dataset = state.dataset.get()?;
        let (result, values) = parts(&analysis, index);
        let column = dataset
            .ingested
            .mapping
            .get(Field::SchoolName)
            .map(|m| m.column);
        let lookup = SchoolLookup::new(&dataset.ingested.table, column, None, None);
        // Names are read for the one school named, not for every row.
        let no_names = SchoolLookup::new(&dataset.ingested.table, None, None, None);
        let rows = school_rows(
            values,
            result[Measure::Mean]?,
            result[Measure::Cv],
            &no_names,
            "",
        );
        let top = top_driver(&rows)?;
        let name = lookup.name(top.line, state.t(K::Line));
        Some(drivers_sentence(
            state.lang.get(),
            &name,
            top.share?,
            result[Measure::Cv],
            top.cv_without,
        ))
    };
    view! {
        <h3 id="schools-title">{move || state.t(K::SchoolsTitle)}</h3>
        <div class="panel-tools">
            <IndicatorPicker test_id="schools-indicator" />
        </div>
        {move || driver().map(|d| view! { <p class="finding" data-testid="drivers">{d}</p> })}
        <SchoolTable />
        <p class="note">{move || state.t(K::SchoolsNote)}</p>
    }
}
