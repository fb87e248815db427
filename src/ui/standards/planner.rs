//! Plans for failing CVs: for each, the raise-the-floor plan (floor L, schools affected, cost
//! in natural units) and the fix-the-top-k alternative; under 2012, the composite plan. Each
//! can be applied to the what-if.

use junheng_core::standards::planner::{Change, FloorPlan};
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::standards::{amount, cv, indicator_name, level_name, value};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;

/// The apply button of a plan.
fn apply_button(state: AppState, test_id: String, changes: Vec<Change>) -> impl IntoView {
    view! {
        <button type="button" data-testid=test_id
            on:click=move |_| state.what_if.update(|w| w.extend(changes.iter().cloned()))>
            {state.t(K::StdApplyPlan)}
        </button>
    }
}

/// The plans of the current state of the county.
#[component]
pub fn Planner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
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
    let floor_view = move |f: &FloorPlan, test_id: String| {
        let lang = state.lang.get();
        let cost = f.cost_whole.unwrap_or(f.cost);
        view! {
            <dl class="facts-grid">
                <dt>{state.t(K::StdCvBefore)}</dt><dd>{cv(Some(f.cv_before))}" > "{format!("{:.2}", f.target)}</dd>
                <dt>{state.t(K::StdFloorLevel)}</dt><dd>{value(Some(f.floor))}</dd>
                <dt>{state.t(K::StdSchoolsAffected)}</dt><dd>{f.changes.len()}</dd>
                <dt>{state.t(K::StdCost)}</dt><dd><strong>{amount(lang, cost, f.unit)}</strong></dd>
                <dt>{state.t(K::StdCvAfter)}</dt><dd>{cv(Some(f.cv_after))}</dd>
            </dl>
            {apply_button(state, test_id, f.changes.clone())}
        }
    };
    let content = move || {
        let outcome = ctx.current.get()?;
        let lang = state.lang.get();
        let plan = &outcome.plan;
        if plan.floors.is_empty() && plan.composite.is_empty() {
            return Some(view! { <p class="note" data-testid="std-plan-none">{state.t(K::StdPlannerNone)}</p> }.into_any());
        }
        let floors = plan.floors.iter().map(|f| {
            let top_k = plan
                .top_k
                .iter()
                .find(|p| p.indicator == f.indicator && p.level == f.level)
                .cloned();
            let key = format!("{}-{}", f.level.id(), f.indicator);
            view! {
                <article class="std-plan" data-testid=format!("std-plan-{key}")>
                    <h4>{level_name(lang, f.level)}" · "{name_of(&f.indicator)}</h4>
                    <p class="hint">{state.t(K::StdFloorPlan)}": "{state.t(K::StdFloorExplain)}</p>
                    {floor_view(f, format!("std-apply-floor-{key}"))}
                    {top_k.map(|p| view! {
                        <p class="hint">{state.t(K::StdTopK)}</p>
                        <dl class="facts-grid">
                            <dt>"k"</dt><dd>{p.k}</dd>
                            <dt>{state.t(K::StdRowMean)}</dt><dd>{value(Some(p.mean))}</dd>
                            <dt>{state.t(K::StdRaise)}</dt><dd>{amount(lang, p.raise, p.unit)}</dd>
                            <dt>{state.t(K::StdLower)}</dt><dd>{amount(lang, p.lower, p.unit)}</dd>
                            <dt>{state.t(K::StdCvAfter)}</dt><dd>{cv(Some(p.cv_after))}</dd>
                        </dl>
                        {apply_button(state, format!("std-apply-topk-{key}"), p.changes.clone())}
                    })}
                </article>
            }
        }).collect_view();
        let composite = plan.composite.iter().map(|c| {
            let all: Vec<Change> = c.floors.iter().flat_map(|f| f.changes.iter().cloned()).collect();
            view! {
                <article class="std-plan" data-testid=format!("std-plan-composite-{}", c.level.id())>
                    <h4>{level_name(lang, c.level)}" · "{state.t(K::StdCompositePlan)}</h4>
                    <dl class="facts-grid">
                        <dt>{state.t(K::StdCvBefore)}</dt><dd>{cv(Some(c.composite_before))}" > "{format!("{:.2}", c.target)}</dd>
                        <dt>{state.t(K::StdCap)}</dt><dd>{cv(Some(c.cap))}</dd>
                        <dt>{state.t(K::StdCvAfter)}</dt><dd>{cv(Some(c.composite_after))}</dd>
                    </dl>
                    <ul>
                        {c.floors.iter().map(|f| {
                            let cost = f.cost_whole.unwrap_or(f.cost);
                            view! { <li>{name_of(&f.indicator)}"：L = "{value(Some(f.floor))}" · "{f.changes.len()}" · "{amount(lang, cost, f.unit)}" · "{cv(Some(f.cv_before))}" → "{cv(Some(f.cv_after))}</li> }
                        }).collect_view()}
                    </ul>
                    {apply_button(state, format!("std-apply-composite-{}", c.level.id()), all)}
                </article>
            }
        }).collect_view();
        Some(view! { <div class="std-plans">{floors}{composite}</div> }.into_any())
    };
    view! { <section class="std-planner" data-testid="std-planner">{content}</section> }
}
