//! One card per level: 达标 / 未达标, the reasons from the engine, schools and pupils, and the
//! CVs against their thresholds as the standard judges them (2012: the composite; 2017: every
//! CV, the mean for information). Borderline CVs (within 0.005) are flagged. The 口径 line
//! under the cards names every choice behind the numbers.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::format::fixed;
use crate::model::standards::{
    cards, colon, cv, group_thousands, indicator_name, level_name, scope_line, text, CvLine, Rule,
};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;

/// A CV with its threshold and mark: "0.263 ≤ 0.50 达标 临界".
fn cv_line_view(state: AppState, line: CvLine) -> impl IntoView {
    let lang = state.lang.get();
    let class = match line.ok {
        Some(true) => "pass",
        Some(false) => "fail",
        None => "",
    };
    let judged = line.max.map(|max| {
        let sign = if line.ok == Some(true) { "≤" } else { ">" };
        let mark = if line.ok == Some(true) {
            state.t(K::Pass)
        } else {
            state.t(K::Fail)
        };
        format!(" {sign} {max:.2} {mark}")
    });
    view! {
        <li class=class data-indicator=line.id.clone()
            data-value=line.cv.map(|v| v.to_string()).unwrap_or_default()>
            <span class="std-cv-name">{indicator_name(lang, &line.name_zh, &line.name_en).to_string()}</span>
            " "<strong>{cv(line.cv)}</strong>{judged}
            {line.borderline.then(|| view! { " "<span class="std-borderline" title=state.t(K::StdBorderlineExplain)>{state.t(K::StdBorderline)}</span> })}
        </li>
    }
}

/// The verdict cards and the 口径 line.
#[component]
pub fn VerdictCards() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let content = move || {
        let lang = state.lang.get();
        let current = ctx.current.get()?;
        let baseline = ctx.baseline.get()?;
        let custom = state.custom_standard.get();
        let scope = scope_line(lang, &current.report, custom.as_ref());
        let title = match lang {
            junheng_core::Lang::Zh => current.report.name_zh.clone(),
            junheng_core::Lang::En => current.report.name_en.clone(),
        };
        let cards = cards(&current.report, &baseline.report);
        Some(view! {
            <h3 id="std-verdicts-title">{state.t(K::StdVerdicts)}" · "{title}</h3>
            <div class="std-cards">
                {cards.into_iter().map(|card| {
                    let id = card.level.id();
                    let verdict = if card.verdict { state.t(K::Pass) } else { state.t(K::Fail) };
                    let class = if card.verdict { "std-card pass" } else { "std-card fail" };
                    view! {
                        <article class=class data-testid=format!("std-card-{id}")
                            data-verdict=if card.verdict { "pass" } else { "fail" }
                            aria-labelledby=format!("std-card-{id}-title")>
                            <h4 id=format!("std-card-{id}-title")>{level_name(lang, card.level)}</h4>
                            <p class="std-verdict" data-testid=format!("std-verdict-{id}")>{verdict}</p>
                            {card.was.map(|was| view! {
                                <p class="std-was" data-testid=format!("std-was-{id}")>
                                    {state.t(K::StdWas)}" "{if was { state.t(K::Pass) } else { state.t(K::Fail) }}
                                </p>
                            })}
                            <dl class="std-facts">
                                <dt>{state.t(K::StdSchools)}</dt><dd data-testid=format!("std-schools-{id}")>{card.schools}</dd>
                                <dt>{state.t(K::StdPupils)}</dt><dd>{group_thousands(&fixed(Some(card.students), 0))}</dd>
                                {card.failing_schools.map(|n| view! {
                                    <dt>{state.t(K::StdFailingSchools)}</dt>
                                    <dd data-testid=format!("std-failing-{id}")>{n}</dd>
                                })}
                            </dl>
                            {match card.rule.clone() {
                                Rule::Composite(line) => view! {
                                    <p class="hint">{state.t(K::StdJudgedComposite)}</p>
                                    <ul class="std-cvs std-composite" data-testid=format!("std-composite-{id}")>
                                        {cv_line_view(state, line)}
                                    </ul>
                                    <details>
                                        <summary>{state.t(K::StdSingleCvs)}</summary>
                                        <ul class="std-cvs">
                                            {card.cvs.clone().into_iter().map(|l| cv_line_view(state, l)).collect_view()}
                                        </ul>
                                    </details>
                                }.into_any(),
                                Rule::EveryCv { mean } => view! {
                                    <p class="hint">{state.t(K::StdJudgedEvery)}</p>
                                    <ul class="std-cvs" data-testid=format!("std-cvs-{id}")>
                                        {card.cvs.clone().into_iter().map(|l| cv_line_view(state, l)).collect_view()}
                                    </ul>
                                    <p class="note">{state.t(K::StdMeanInfo)}{colon(lang)}{cv(mean)}</p>
                                }.into_any(),
                            }}
                            <ul class="std-reasons" data-testid=format!("std-reasons-{id}")>
                                {if card.reasons.is_empty() {
                                    view! { <li>{state.t(K::StdAllMet)}</li> }.into_any()
                                } else {
                                    card.reasons.iter().map(|r| view! { <li>{text(lang, r).to_string()}</li> }).collect_view().into_any()
                                }}
                            </ul>
                        </article>
                    }
                }).collect_view()}
            </div>
            <p class="std-scope-line note" data-testid="std-scope">{scope}</p>
        })
    };
    view! { <section class="std-verdicts" aria-labelledby="std-verdicts-title">{content}</section> }
}
