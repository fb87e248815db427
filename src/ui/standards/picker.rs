//! The standard and its scope: 2017 / 2012, split of spanning schools, 教学点, 民办, gym, and
//! a provincial standard file read on this computer. Each choice is explained in one line.

use junheng_core::standards::{Level, Options};
use junheng_core::{Field, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::i18n::{t, K};
use crate::model::standards::{level_name, CustomStandard, Pick, SplitChoice};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;

/// Changes the scope options and drops the what-if changes (they name sections).
fn set_options(state: AppState, change: impl FnOnce(&mut Options)) {
    state.standard_options.update(change);
    state.what_if.set(Vec::new());
}

/// A checkbox with its one-line explanation.
#[component]
fn ScopeCheck(
    /// Test id of the checkbox.
    id: &'static str,
    /// Label key.
    label: K,
    /// Explanation key.
    explain: K,
    /// Whether it is ticked.
    checked: Signal<bool>,
    /// Called with the new state.
    on_set: Callback<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let hint = format!("{id}-hint");
    view! {
        <div class="std-check">
            <label>
                <input type="checkbox" data-testid=id aria-describedby=hint.clone()
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_set.run(event_target_checked(&ev)) />
                {move || state.t(label)}
            </label>
            <p class="hint" id=hint>{move || state.t(explain)}</p>
        </div>
    }
}

/// The picker of standard, scope and provincial file.
#[component]
pub fn StandardPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let options = state.standard_options;
    let on_split = move |ev: leptos::ev::Event| {
        let value = event_target::<HtmlSelectElement>(&ev).value();
        if let Some(choice) = SplitChoice::from_id(&value) {
            set_options(state, |o| o.split = choice.split());
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            state
                .custom_standard
                .set(Some(CustomStandard::new(&name, &text)));
        });
    };
    let no_level_column = move || {
        state.dataset.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.header_of(Field::Level).is_none())
        })
    };
    let on_level = move |ev: leptos::ev::Event| {
        let value = event_target::<HtmlSelectElement>(&ev).value();
        state.standard_level.set(Level::from_id(&value));
        state.what_if.set(Vec::new());
    };
    view! {
        <section class="std-picker" aria-labelledby="std-picker-title">
            <fieldset class="std-standard">
                <legend id="std-picker-title">{move || state.t(K::StdPickLabel)}</legend>
                {Pick::ALL.into_iter().map(|pick| {
                    let hint = format!("std-pick-{}-hint", pick.id());
                    view! {
                        <div class="std-check">
                            <label>
                                <input type="radio" name="std-pick" value=pick.id()
                                    data-testid=format!("std-pick-{}", pick.id())
                                    aria-describedby=hint.clone()
                                    prop:checked=move || state.standard_pick.get() == pick
                                    on:change=move |_| state.standard_pick.set(pick) />
                                <span>{move || state.t(pick.label())}</span>
                            </label>
                            <p class="hint" id=hint>{move || state.t(pick.explain())}</p>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="std-scope">
                <legend>{move || state.t(K::StdScopeLegend)}</legend>
                <div class="std-check">
                    <label class="std-select">
                        <span>{move || state.t(K::StdSplitLabel)}</span>
                        <select data-testid="std-split" on:change=on_split aria-describedby="std-split-hint">
                            {SplitChoice::ALL.into_iter().map(|choice| view! {
                                <option value=choice.id()
                                    selected=move || SplitChoice::of(options.get().split) == choice>
                                    {move || state.t(choice.label())}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <p class="hint" id="std-split-hint">{move || state.t(K::StdSplitExplain)}</p>
                </div>
                <ScopeCheck id="std-include-tp" label=K::StdIncludeTp explain=K::StdIncludeTpExplain
                    checked=Signal::derive(move || options.get().include_teaching_points)
                    on_set=Callback::new(move |v| set_options(state, |o| o.include_teaching_points = v)) />
                <ScopeCheck id="std-include-private" label=K::StdIncludePrivate explain=K::StdIncludePrivateExplain
                    checked=Signal::derive(move || options.get().include_private)
                    on_set=Callback::new(move |v| set_options(state, |o| o.include_private = v)) />
                <ScopeCheck id="std-gym" label=K::StdGym explain=K::StdGymExplain
                    checked=Signal::derive(move || options.get().gym_in_sports)
                    on_set=Callback::new(move |v| set_options(state, |o| o.gym_in_sports = v)) />
                <Show when=no_level_column>
                    <div class="std-check">
                        <label class="std-select">
                            <span>{move || state.t(K::StdLevelDefault)}</span>
                            <select data-testid="std-default-level" on:change=on_level>
                                <option value="" selected=move || state.standard_level.get().is_none()>"—"</option>
                                {Level::ALL.into_iter().map(|level| view! {
                                    <option value=level.id() selected=move || state.standard_level.get() == Some(level)>
                                        {move || level_name(state.lang.get(), level)}
                                    </option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                </Show>
                <div class="std-check">
                    <label class="std-file">
                        <span>{move || state.t(K::StdFileLabel)}</span>
                        <input type="file" accept=".json,.csv,.txt,application/json,text/csv"
                            data-testid="std-file" aria-describedby="std-file-hint" on:change=on_file />
                    </label>
                    <p class="hint" id="std-file-hint">{move || state.t(K::StdFileExplain)}</p>
                    {move || state.custom_standard.get().map(|custom| view! {
                        <p data-testid="std-file-loaded">
                            {move || state.t(K::StdFileLoaded)}" "<strong>{custom.file_name.clone()}</strong>
                            <button type="button" class="link" data-testid="std-file-remove"
                                on:click=move |_| state.custom_standard.set(None)>
                                {move || state.t(K::Remove)}
                            </button>
                        </p>
                    })}
                    {move || ctx.standard.get().err().map(|error| {
                        // Both languages: the file may go to someone reading the other one.
                        let first = state.lang.get();
                        let second = if first == Lang::Zh { Lang::En } else { Lang::Zh };
                        view! {
                            <div class="error" role="alert" data-testid="std-file-error">
                                <p>{t(first, K::StdFileError)}" "{error.message(first)}</p>
                                <p class="other-lang">{t(second, K::StdFileError)}" "{error.message(second)}</p>
                            </div>
                        }
                    })}
                </div>
            </fieldset>
            <p class="note" data-testid="std-whole-file-note">{move || state.t(K::StdWholeFileNote)}</p>
        </section>
    }
}
