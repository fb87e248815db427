//! The per-school attainment table of one level (docs/domain.md §6.3): for each indicator the 达标值
//! and 基本值 in the header, each school's 实际值 with whether it reaches them, the count
//! reached and the school's verdict. Scrolls inside its box; can show failing schools only. On
//! a phone the verdict and the count come right after the school (see [`attain_columns`]).

use junheng_core::standards::Level;
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::standards::{
    attainment, indicator_name, level_name, line_label, school_type_label, value,
};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;
use crate::ui::widgets::narrow::use_narrow;

/// A column (or, for `Indicators`, the run of indicator columns) of the attainment table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AttainCol {
    /// 学校 with its line in the file.
    School,
    /// 学校类型.
    Type,
    /// 在校生数.
    Pupils,
    /// One column per indicator: 实际值 and whether it reaches the standard and the floor.
    Indicators,
    /// 达标项数.
    Met,
    /// 是否达标 (the school's verdict).
    Verdict,
}

/// The columns in the order drawn: the national report's order, or on a phone (`narrow`) the
/// school, its verdict and its count first, then the rest to scroll inside the table.
pub fn attain_columns(narrow: bool) -> [AttainCol; 6] {
    use AttainCol::*;
    if narrow {
        [School, Verdict, Met, Type, Pupils, Indicators]
    } else {
        [School, Type, Pupils, Indicators, Met, Verdict]
    }
}

/// The attainment table of `level`.
#[component]
pub fn AttainmentTable(
    /// The level shown.
    level: Level,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let failing_only = RwSignal::new(false);
    let narrow = use_narrow();
    let id = level.id();
    let title_id = format!("std-attain-title-{id}");
    let table = move || {
        let outcome = ctx.current.get()?;
        ctx.standard.with(|s| {
            let s = s.as_ref().ok()?;
            attainment(&outcome, s, level, failing_only.get())
        })
    };
    view! {
        <div class="std-attain-head">
            <h4 id=title_id.clone()>{move || level_name(state.lang.get(), level)}</h4>
            <label>
                <input type="checkbox" data-testid=format!("std-failing-only-{id}")
                    prop:checked=move || failing_only.get()
                    on:change=move |ev| failing_only.set(event_target_checked(&ev)) />
                {move || state.t(K::StdFailingOnly)}
            </label>
        </div>
        {move || table().map(|(heads, rows)| {
            let lang = state.lang.get();
            let columns = attain_columns(narrow.get());
            // A national file has 100 000+ schools: the page lists the first ones only (the
            // browser cannot hold millions of cells); the CLI (`junheng plan`) lists every school.
            let hidden = rows.len().saturating_sub(crate::model::bounds::MAX_SCHOOL_ROWS);
            view! {
                <div class="scroll std-tall" tabindex="0" role="region" aria-labelledby=title_id.clone()>
                    <table class="numbers std-attain" data-testid=format!("std-attain-{id}")>
                        <thead>
                            <tr>
                                {columns.iter().map(|col| match col {
                                    AttainCol::School => view! { <th scope="col" rowspan="3">{state.t(K::StdSchool)}</th> }.into_any(),
                                    AttainCol::Type => view! { <th scope="col" rowspan="3">{state.t(K::StdType)}</th> }.into_any(),
                                    AttainCol::Pupils => view! { <th scope="col" rowspan="3">{state.t(K::StdPupils)}</th> }.into_any(),
                                    AttainCol::Indicators => heads.iter().map(|h| view! {
                                        <th scope="col" class="std-ind">{indicator_name(lang, &h.name_zh, &h.name_en).to_string()}</th>
                                    }).collect_view().into_any(),
                                    AttainCol::Met => view! { <th scope="col" rowspan="3">{state.t(K::StdMet)}</th> }.into_any(),
                                    AttainCol::Verdict => view! { <th scope="col" rowspan="3">{state.t(K::StdSchoolVerdict)}</th> }.into_any(),
                                }).collect_view()}
                            </tr>
                            <tr>
                                {heads.iter().map(|h| view! {
                                    <th scope="col" class="std-sub">{state.t(K::StdStandardValue)}" "{value(Some(h.standard))}</th>
                                }).collect_view()}
                            </tr>
                            <tr>
                                {heads.iter().map(|h| view! {
                                    <th scope="col" class="std-sub">{state.t(K::StdFloor)}" "{value(Some(h.floor))}</th>
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().take(crate::model::bounds::MAX_SCHOOL_ROWS).map(|row| {
                                let n = row.cells.len();
                                view! {
                                    <tr data-line=row.line data-passes=row.passes.to_string()>
                                        {columns.iter().map(|col| match col {
                                            AttainCol::School => view! {
                                                <th scope="row">{row.name.clone()}" "<span class="line-no">{line_label(lang, row.line)}</span></th>
                                            }.into_any(),
                                            AttainCol::Type => view! { <td class="text">{school_type_label(lang, &row.school_type)}</td> }.into_any(),
                                            AttainCol::Pupils => view! { <td>{value(Some(row.students))}</td> }.into_any(),
                                            AttainCol::Indicators => row.cells.iter().map(|c| {
                                                let (class, mark, tip) = match (c.value.is_some(), c.reached, c.above_floor) {
                                                    (false, ..) => ("fail", "✗", state.t(K::StdMissing)),
                                                    (true, true, _) => ("pass", "✓", state.t(K::Pass)),
                                                    (true, false, true) => ("warn", "△", state.t(K::Fail)),
                                                    (true, false, false) => ("fail", "✗", state.t(K::StdBelowFloor)),
                                                };
                                                view! {
                                                    <td class=class title=tip>
                                                        {value(c.value)}" "<span aria-hidden="true">{mark}</span>
                                                        <span class="visually-hidden">{tip}</span>
                                                    </td>
                                                }
                                            }).collect_view().into_any(),
                                            AttainCol::Met => view! { <td>{format!("{}/{n}", row.met)}</td> }.into_any(),
                                            AttainCol::Verdict => view! {
                                                <td class=if row.passes { "pass" } else { "fail" }>
                                                    {if row.passes { state.t(K::Pass) } else { state.t(K::Fail) }}
                                                </td>
                                            }.into_any(),
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(hidden > 0).then(|| view! {
                        <p class="note" data-testid=format!("std-attain-capped-{id}")>
                            {crate::model::format::thousands(hidden)}" "{state.t(K::RowsCapped)}
                        </p>
                    })}
                </div>
            }
        })}
        <p class="note">{move || state.t(K::StdAttainmentNote)}</p>
    }
}
