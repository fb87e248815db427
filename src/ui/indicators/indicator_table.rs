//! One row per indicator, one column per measure; CVs compared with the national threshold.

use junheng_core::measures::Measure;
use junheng_core::Lang;
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::format::fixed;
use crate::model::metrics::{cv_threshold, indicator_label, level_of, METRICS};
use crate::state::AppState;

/// The indicator table, or the engine's error.
#[component]
pub fn IndicatorTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let level = move || state.level.get().as_deref().and_then(level_of);
    view! {
        <h3 id="indicator-title">{move || state.t(K::IndicatorTable)}</h3>
        {move || match state.analysis.get() {
            None => None,
            Some(Err(error)) => {
                let lang = state.lang.get();
                let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
                Some(view! {
                    <div class="error" role="alert" data-testid="analysis-error">
                        {error.message(lang)}
                        <br />
                        <span class="other-lang">{error.message(other)}</span>
                    </div>
                }.into_any())
            }
            Some(Ok(analysis)) => {
                let lang = state.lang.get();
                let level = level();
                Some(view! {
                    <div class="scroll" tabindex="0" role="region" aria-labelledby="indicator-title">
                        <table class="numbers" data-testid="indicator-table">
                            <thead>
                                <tr>
                                    <th scope="col">{state.t(K::Indicator)}</th>
                                    <th scope="col" title=state.t(K::TipN)>"n"</th>
                                    {METRICS.iter().map(|m| view! {
                                        <th scope="col" title=state.t(m.tip) data-key=m.measure.id()>
                                            <abbr title=state.t(m.tip)>{state.t(m.label)}</abbr>
                                        </th>
                                    }).collect_view()}
                                    <th scope="col" title=state.t(K::TipThreshold)>{state.t(K::Threshold)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {analysis.report.indicators.iter().map(|i| {
                                    let threshold = cv_threshold(&i.name, level);
                                    let verdict = threshold.zip(i[Measure::Cv]).map(|(max, cv)| cv <= max);
                                    view! {
                                        <tr data-indicator=i.name.clone()>
                                            <th scope="row" title=i.formula.clone()>{indicator_label(lang, &i.name, i.label_zh.as_deref())}</th>
                                            <td>{i.n}</td>
                                            {METRICS.iter().map(|m| {
                                                let value = i[m.measure];
                                                let class = if m.measure == Measure::Cv {
                                                    match verdict { Some(true) => "pass", Some(false) => "fail", None => "" }
                                                } else { "" };
                                                view! {
                                                    <td class=class data-key=m.measure.id()
                                                        data-value=value.map(|v| v.to_string()).unwrap_or_default()>
                                                        {fixed(value, usize::from(m.measure.def().decimals))}
                                                    </td>
                                                }
                                            }).collect_view()}
                                            <td data-testid="cv-threshold">{match (threshold, verdict) {
                                                (Some(max), Some(ok)) => format!("≤ {} {}", fixed(Some(max), 2), if ok { state.t(K::Pass) } else { state.t(K::Fail) }),
                                                _ => "—".to_string(),
                                            }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="note">{state.t(K::IndicatorTableNote)}</p>
                }.into_any())
            }
        }}
    }
}
