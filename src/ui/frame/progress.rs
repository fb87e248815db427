//! The progress bar of a large file read by the engine worker: file, stage, bytes or rows, and
//! a cancel button. The rest of the page stays usable meanwhile (the work is in the worker).

use leptos::prelude::*;

use crate::i18n::K;
use crate::load::progress::Stage;
use crate::model::format::thousands;
use crate::state::AppState;

/// Shown while a large file loads; nothing otherwise.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = move || state.progress.get();
    view! {
        <Show when=move || state.progress.with(Option::is_some)>
            <section class="load-progress" data-testid="load-progress" aria-labelledby="load-progress-title">
                <h2 id="load-progress-title">{move || state.t(K::ProgressTitle)}</h2>
                <p class="load-progress-file">{move || progress().map(|p| p.name).unwrap_or_default()}</p>
                <progress
                    max="100"
                    value=move || progress().map_or(0, |p| p.percent())
                    aria-labelledby="load-progress-title"
                    data-testid="load-progress-bar"
                ></progress>
                <p class="load-progress-stage" role="status" data-testid="load-progress-stage">
                    {move || {
                        progress()
                            .map(|p| {
                                let stage = state.t(p.stage.label());
                                match p.stage {
                                    Stage::Reading => format!("{stage} · {}", p.megabytes()),
                                    Stage::Parsing => format!("{stage}…"),
                                    Stage::Computing => {
                                        format!("{stage} · {} {}", thousands(p.rows), state.t(K::ProgressRows))
                                    }
                                }
                            })
                            .unwrap_or_default()
                    }}
                </p>
                <p class="load-progress-hint">{move || state.t(K::ProgressHint)}</p>
                <button
                    type="button"
                    class="secondary"
                    data-testid="load-cancel"
                    on:click=move |_| crate::load::cancel(state)
                >
                    {move || state.t(K::ProgressCancel)}
                </button>
            </section>
        </Show>
    }
}
