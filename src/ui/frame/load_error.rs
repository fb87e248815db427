//! Why the last file could not be loaded: in the page's language, then in the other one, so
//! a message forwarded to a colleague reads either way.

use junheng_core::Lang;
use leptos::prelude::*;

use crate::i18n::K;
use crate::state::AppState;

/// An alert with the engine's message; the previous dataset stays usable below it.
#[component]
pub fn LoadError() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.load_error.get().map(|error| {
            let lang = state.lang.get();
            let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
            view! {
                <div class="error" role="alert" data-testid="load-error">
                    <strong>{state.t(K::FileUnreadable)}</strong>
                    " "
                    {error.message(lang)}
                    <br />
                    <span class="other-lang">{error.message(other)}</span>
                </div>
            }
        })
    }
}
