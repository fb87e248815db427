//! The other computable 2017 checks (政府保障程度): school size ≤ 2000 / 2500 and largest
//! class ≤ 45 / 50, listed when the table has class or school sizes. Not part of the verdicts.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::model::standards::{group_thousands, line_label, text};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;
use crate::ui::widgets::capped_note::CappedNote;

/// The table of school-size and class-size checks.
#[component]
pub fn OtherChecks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let show_ok = RwSignal::new(false);
    let content = move || {
        let outcome = ctx.current.get()?;
        let checks = &outcome.report.other_checks;
        if checks.is_empty() {
            return None;
        }
        let lang = state.lang.get();
        let count = |kind: &str, ok: Option<bool>| {
            checks
                .iter()
                .filter(|c| c.check == kind && c.ok == ok)
                .count()
        };
        let summary = ["school_size", "class_size"].map(|kind| {
            let label = if kind == "school_size" {
                K::StdCheckSchoolSize
            } else {
                K::StdCheckClassSize
            };
            format!(
                "{}：{} {} · {} {} · {} {}",
                state.t(label),
                state.t(K::StdOk),
                count(kind, Some(true)),
                state.t(K::StdNotOk),
                count(kind, Some(false)),
                state.t(K::StdUndetermined),
                count(kind, None),
            )
        });
        // A national file has a check or two per school: the first ones only, the rest counted.
        let listed = checks
            .iter()
            .filter(|c| show_ok.get() || c.ok != Some(true))
            .count();
        let hidden = listed.saturating_sub(MAX_SCHOOL_ROWS);
        let rows: Vec<_> = checks
            .iter()
            .filter(|c| show_ok.get() || c.ok != Some(true))
            .take(MAX_SCHOOL_ROWS)
            .cloned()
            .collect();
        Some(view! {
            <h3>{state.t(K::StdOtherChecks)}</h3>
            <ul class="std-check-summary" data-testid="std-other-summary">
                {summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
            <p class="note">{state.t(K::StdOtherChecksNote)}</p>
            <label>
                <input type="checkbox" data-testid="std-other-show-ok" prop:checked=move || show_ok.get()
                    on:change=move |ev| show_ok.set(event_target_checked(&ev)) />
                {state.t(K::StdShowOk)}
            </label>
            <div class="scroll std-tall" tabindex="0" role="region" aria-label=state.t(K::StdOtherChecks)>
                <table class="std-other" data-testid="std-other-checks">
                    <thead>
                        <tr>
                            <th scope="col">{state.t(K::StdSchool)}</th>
                            <th scope="col">{state.t(K::Indicator)}</th>
                            <th scope="col">{state.t(K::StdValue)}</th>
                            <th scope="col">{state.t(K::StdLimit)}</th>
                            <th scope="col">{state.t(K::StdRowVerdict)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|c| {
                            let (class, mark) = match c.ok {
                                Some(true) => ("pass", state.t(K::StdOk)),
                                Some(false) => ("fail", state.t(K::StdNotOk)),
                                None => ("warn", state.t(K::StdUndetermined)),
                            };
                            let label = if c.check == "school_size" { K::StdCheckSchoolSize } else { K::StdCheckClassSize };
                            view! {
                                <tr>
                                    <th scope="row">{c.name.clone()}" "<span class="line-no">{line_label(lang, c.line)}</span></th>
                                    <td>{state.t(label)}</td>
                                    <td class="num">{group_thousands(&format!("{:.0}", c.value))}</td>
                                    <td class="num">{format!("≤ {}", c.limit)}</td>
                                    <td class=class>{mark}{c.note.as_ref().map(|n| format!(" — {}", text(lang, n)))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <CappedNote hidden=hidden what=K::ListCapped test_id="std-other-capped" />
            </div>
        })
    };
    view! { <section class="std-other-checks">{content}</section> }
}
