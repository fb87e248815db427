//! A small form to edit one school in the what-if: add (or remove) a resource of one indicator
//! in its natural unit; the verdicts update at once.
//!
//! The form is built when its `<details>` is first opened: the shortfall list of a national
//! file has 500 rows per level, and 1 000 closed forms were 16 000 elements nobody sees.

use junheng_core::standards::Level;
use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::i18n::K;
use crate::model::standards::{change_unit_of, edit_change, indicator_name, unit_label};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;

/// The edit form of the section at `section`.
#[component]
pub fn SchoolEdit(
    /// Index of the school's section.
    section: usize,
    /// Its level (for the indicators with a standard).
    level: Level,
    /// Its name (for the labels).
    name: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let indicator = RwSignal::new(String::new());
    let delta = RwSignal::new(String::new());
    let options = move || {
        ctx.standard.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.indicators()
                        .iter()
                        .filter(|i| i.standard.get(level).is_some() || s.school_rule().is_none())
                        .map(|i| {
                            (
                                i.id.clone(),
                                indicator_name(state.lang.get(), &i.name_zh, &i.name_en)
                                    .to_string(),
                                change_unit_of(i.numerator),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let chosen = move || {
        let current = indicator.get();
        let all = options();
        all.iter().find(|o| o.0 == current).or(all.first()).cloned()
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((id, _, _)) = chosen() else { return };
        let Ok(amount) = delta.get_untracked().trim().replace(',', "").parse::<f64>() else {
            return;
        };
        let Some(outcome) = ctx.current.get_untracked() else {
            return;
        };
        let change = ctx.standard.with_untracked(|s| {
            s.as_ref().ok().and_then(|s| {
                edit_change(
                    &outcome.prepared,
                    s,
                    &state.standard_options.get_untracked(),
                    section,
                    &id,
                    amount,
                )
            })
        });
        if let Some(change) = change {
            state.what_if.update(|w| w.push(change));
            delta.set(String::new());
        }
    };
    let select_id = format!("std-edit-ind-{section}");
    let amount_id = format!("std-edit-amount-{section}");
    // A click on the summary (also what Enter and Space on it send) opens the details.
    let opened = RwSignal::new(false);
    view! {
        <details class="std-edit">
            <summary on:click=move |_| opened.set(true)>{move || state.t(K::StdEdit)}</summary>
            <Show when=move || opened.get()>
                <form on:submit=add data-testid="std-edit-form" aria-label=name.clone()>
                    <label for=select_id.clone()>{move || state.t(K::StdEditIndicator)}</label>
                    <select id=select_id.clone() data-testid="std-edit-indicator"
                        on:change=move |ev| indicator.set(event_target::<HtmlSelectElement>(&ev).value())>
                        {move || options().into_iter().map(|(id, label, _)| {
                            let is = id.clone();
                            view! { <option value=id selected=move || chosen().is_some_and(|c| c.0 == is)>{label}</option> }
                        }).collect_view()}
                    </select>
                    <label for=amount_id.clone()>
                        {move || state.t(K::StdEditAmount)}
                        {move || chosen().map(|c| format!("（{}）", unit_label(state.lang.get(), c.2)))}
                    </label>
                    <input id=amount_id.clone() type="number" step="any" inputmode="decimal" data-testid="std-edit-amount"
                        prop:value=move || delta.get()
                        on:input=move |ev| delta.set(event_target_value(&ev)) />
                    <button type="submit" data-testid="std-edit-add">{move || state.t(K::StdEditAdd)}</button>
                    <p class="hint">{move || state.t(K::StdEditHint)}</p>
                </form>
            </Show>
        </details>
    }
}
