//! The note under a list that shows only its first `model::bounds::MAX_SCHOOL_ROWS` items: a
//! national file has 100 000+ schools, and a list of each of them (or of each row's warning)
//! would ask the browser for more elements than it can hold.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::format::thousands;
use crate::state::AppState;

/// "98,000 more … are not listed here", or nothing when nothing is hidden.
#[component]
pub fn CappedNote(
    /// How many items are not listed.
    hidden: usize,
    /// What they are: `K::RowsCapped` (schools), `K::GroupsCapped`, `K::ListCapped`.
    what: K,
    /// `data-testid` of the note.
    test_id: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    (hidden > 0).then(|| {
        view! {
            <p class="note" data-testid=test_id>{thousands(hidden)}" "{move || state.t(what)}</p>
        }
    })
}
