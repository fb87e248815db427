//! Title, one-line purpose and the language switch.

use leptos::prelude::*;

use crate::i18n::{Lang, K};
use crate::state::AppState;

/// The page header.
#[component]
pub fn Masthead() -> impl IntoView {
    let state = expect_context::<AppState>();
    let toggle = move |_| {
        state.lang.update(|lang| {
            *lang = match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        })
    };
    view! {
        <header class="masthead">
            <div>
                <h1>{move || state.t(K::AppTitle)}</h1>
                <p class="tagline">{move || state.t(K::Tagline)}</p>
            </div>
            <button type="button" class="secondary lang" data-testid="lang-switch" on:click=toggle>
                {move || state.t(K::LanguageSwitch)}
            </button>
        </header>
    }
}
