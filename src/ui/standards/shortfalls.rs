//! The shortfall list of one level (docs/domain.md §6.4): each failing school with what it lacks in
//! natural units (m², 元, teachers, rooms), buttons to simulate filling its gaps or editing it,
//! and the county totals.

use junheng_core::standards::Level;
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::standards::{
    amount, failing_gaps, failing_without_gaps, fill_level, gap_changes, indicator_name,
    level_name, line_label,
};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;
use crate::ui::standards::school_edit::SchoolEdit;
use crate::ui::widgets::capped_note::CappedNote;

/// The failing schools of `level` and the county totals.
#[component]
pub fn ShortfallList(
    /// The level shown.
    level: Level,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let id = level.id();
    let name_of = move |indicator: &str| -> String {
        let lang = state.lang.get();
        ctx.standard.with(|s| {
            s.as_ref()
                .ok()
                .and_then(|s| s.indicators().iter().find(|i| i.id == indicator))
                .map_or(indicator.to_string(), |i| {
                    indicator_name(lang, &i.name_zh, &i.name_en).to_string()
                })
        })
    };
    let fill_all = move |_| {
        let Some(outcome) = ctx.current.get_untracked() else {
            return;
        };
        let changes = ctx.standard.with_untracked(|s| {
            s.as_ref()
                .map(|s| fill_level(&outcome, s, level))
                .unwrap_or_default()
        });
        state.what_if.update(|w| w.extend(changes));
    };
    let content = move || {
        let outcome = ctx.current.get()?;
        let lang = state.lang.get();
        let gaps = failing_gaps(&outcome, level);
        let no_data = failing_without_gaps(&outcome, level);
        let totals: Vec<_> = outcome
            .plan
            .totals
            .iter()
            .filter(|t| t.level == level)
            .cloned()
            .collect();
        let has_gaps = !gaps.is_empty();
        let list = if gaps.is_empty() && no_data.is_empty() {
            view! { <p class="note" data-testid=format!("std-no-failing-{id}")>{state.t(K::StdNoFailing)}</p> }.into_any()
        } else {
            // A national file: the first schools only (see model::bounds::MAX_SCHOOL_ROWS).
            let hidden = gaps
                .len()
                .saturating_sub(crate::model::bounds::MAX_SCHOOL_ROWS);
            let rows = gaps
                .iter()
                .take(crate::model::bounds::MAX_SCHOOL_ROWS)
                .map(|row| {
                    let gap = row.gap.clone();
                    let fill = {
                        let gap = gap.clone();
                        move |_| {
                            let changes = ctx.standard.with_untracked(|s| {
                                s.as_ref().map(|s| gap_changes(s, &gap)).unwrap_or_default()
                            });
                            state.what_if.update(|w| w.extend(changes));
                        }
                    };
                    view! {
                        <tr data-line=gap.line data-testid="std-gap-row">
                            <th scope="row">{gap.name.clone()}" "<span class="line-no">{line_label(lang, gap.line)}</span></th>
                            <td>
                                <ul class="std-lacks">
                                    {gap.shortfalls.iter().map(|s| view! {
                                        <li data-indicator=s.indicator.clone()>
                                            {name_of(&s.indicator)}"："<strong>{amount(lang, s.shortfall, &s.unit)}</strong>
                                        </li>
                                    }).collect_view()}
                                    {(!row.missing.is_empty()).then(|| view! {
                                        <li class="fail">{state.t(K::StdMissing)}"："{row.missing.iter().map(|m| name_of(m)).collect::<Vec<_>>().join("、")}</li>
                                    })}
                                </ul>
                            </td>
                            <td class="std-actions">
                                <button type="button" class="secondary" data-testid="std-fill-school" on:click=fill>
                                    {state.t(K::StdFillSchool)}
                                </button>
                                <SchoolEdit section=gap.section level=level name=gap.name.clone() />
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="scroll std-tall" tabindex="0" role="region" aria-label=format!("{} · {}", state.t(K::StdShortfalls), level_name(lang, level))>
                    <table class="std-gaps" data-testid=format!("std-gaps-{id}")>
                        <thead>
                            <tr>
                                <th scope="col">{state.t(K::StdSchool)}</th>
                                <th scope="col">{state.t(K::StdLacks)}</th>
                                <th scope="col"><span class="visually-hidden">{state.t(K::StdEdit)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(hidden > 0).then(|| view! {
                        <p class="note" data-testid=format!("std-gaps-capped-{id}")>
                            {crate::model::format::thousands(hidden)}" "{state.t(K::RowsCapped)}
                        </p>
                    })}
                </div>
                {(!no_data.is_empty()).then(|| {
                    let hidden = no_data.len().saturating_sub(crate::model::bounds::MAX_SCHOOL_ROWS);
                    view! {
                        <p class="note">{state.t(K::StdMissingData)}</p>
                        <ul>{no_data.into_iter().take(crate::model::bounds::MAX_SCHOOL_ROWS).map(|(name, line, missing)| view! {
                            <li>{format!("{name}（{}）：", line_label(lang, line))}{missing.iter().map(|m| name_of(m)).collect::<Vec<_>>().join("、")}</li>
                        }).collect_view()}</ul>
                        <CappedNote hidden=hidden what=K::RowsCapped test_id="std-no-data-capped" />
                    }
                })}
            }.into_any()
        };
        Some(view! {
            <div class="std-attain-head">
                <h4>{level_name(lang, level)}</h4>
                {has_gaps.then(|| view! {
                    <button type="button" data-testid=format!("std-fill-{id}") on:click=fill_all>
                        {state.t(K::StdFillLevel)}
                    </button>
                })}
            </div>
            {list}
            {(!totals.is_empty()).then(|| view! {
                <div class="scroll" tabindex="0" role="region" aria-label=format!("{} · {}", state.t(K::StdCountyTotal), level_name(lang, level))>
                    <table class="numbers std-totals" data-testid=format!("std-totals-{id}")>
                        <caption>{state.t(K::StdCountyTotal)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{state.t(K::Indicator)}</th>
                                <th scope="col">{state.t(K::StdSchoolsBelow)}</th>
                                <th scope="col">{state.t(K::StdTotalFailing)}</th>
                                <th scope="col">{state.t(K::StdTotalAll)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {totals.iter().map(|t| view! {
                                <tr data-indicator=t.indicator.clone()>
                                    <th scope="row">{name_of(&t.indicator)}</th>
                                    <td>{t.schools}</td>
                                    <td>{amount(lang, t.total_failing, &t.unit)}</td>
                                    <td>{amount(lang, t.total, &t.unit)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        })
    };
    view! { <section class="std-shortfalls" data-testid=format!("std-shortfalls-{id}")>{content}</section> }
}
