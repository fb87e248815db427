//! Where a file comes in: a drop zone, a file button, and the sample. Each hands it to the
//! loading module's entry (`crate::load`), which decides how it is read.

use leptos::prelude::*;
use web_sys::{DragEvent, HtmlInputElement};

use crate::i18n::K;
use crate::state::AppState;

/// File types offered by the file dialog.
const ACCEPT: &str = ".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/tab-separated-values";

/// The drop zone with its file button and the "load sample" button.
#[component]
pub fn FileDrop() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            crate::load::file(state, file);
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
            crate::load::file(state, file);
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
            <button type="button" class="secondary" data-testid="load-sample" on:click=move |_| crate::load::sample(state)>
                {move || state.t(K::LoadSample)}
            </button>
            <Show when=move || state.loading.get()>
                <p class="loading" role="status">{move || state.t(K::Loading)}</p>
            </Show>
            <p class="privacy">{move || state.t(K::Privacy)}</p>
        </section>
    }
}
