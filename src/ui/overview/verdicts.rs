//! Per level, the 2012 and 2017 verdicts side by side (`model::dossier::overview`); each line
//! that has a detail opens the standards tab at it.

use leptos::prelude::*;

use crate::i18n::K;
use crate::model::dossier::overview::{levels, Detail, Verdict};
use crate::model::standards::level_name;
use crate::state::{AppState, Tab};

/// Opens the standards tab on `detail`'s standard and scrolls to it once drawn.
fn open(state: AppState, detail: Detail) {
    state.standard_pick.set(detail.pick());
    state.tab.set(Tab::Standards);
    let anchor = detail.anchor();
    // The standards tab evaluates 30 ms after it is opened (ui/standards/panel.rs).
    set_timeout(
        move || {
            if let Some(element) = document().get_element_by_id(&anchor) {
                element.scroll_into_view();
            }
        },
        std::time::Duration::from_millis(120),
    );
}

/// One standard's verdict of one level.
fn verdict_view(state: AppState, id: String, title: K, verdict: Option<Verdict>) -> impl IntoView {
    let Some(v) = verdict else {
        return view! {
            <article class="ov-verdict" data-testid=id data-verdict="none">
                <h5>{state.t(title)}</h5>
                <p class="ov-mark">{state.t(K::OvNoVerdict)}</p>
            </article>
        }
        .into_any();
    };
    let (class, mark, data) = if v.pass {
        ("ov-verdict pass", state.t(K::OvMet), "pass")
    } else {
        ("ov-verdict fail", state.t(K::OvNotMet), "fail")
    };
    view! {
        <article class=class data-testid=id data-verdict=data>
            <h5>{state.t(title)}</h5>
            <p class="ov-mark">
                <strong>{mark}</strong>
                {v.borderline.then(|| view! { " "<span class="std-borderline">{state.t(K::OvBorderline)}</span> })}
            </p>
            <p class="ov-headline">{v.headline}</p>
            <ul class="ov-items">
                {v.items.into_iter().map(|item| {
                    let class = if item.fails { "fails" } else { "info" };
                    view! {
                        <li class=class>
                            {item.text}
                            {item.detail.map(|detail| view! {
                                " "<button type="button" class="link ov-detail"
                                    data-anchor=detail.anchor()
                                    on:click=move |_| open(state, detail)>
                                    {state.t(K::OvDetail)}" →"
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
    .into_any()
}

/// Both verdicts of every level.
#[component]
pub fn OverviewVerdicts() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let Some(Ok(dossier)) = state.dossier.get() else {
            return None;
        };
        Some(
            levels(&dossier, lang)
                .into_iter()
                .map(|level| {
                    let id = level.level.id();
                    view! {
                        <section class="ov-level" data-testid=format!("ov-level-{id}")
                            aria-labelledby=format!("ov-level-{id}-title")>
                            <h4 id=format!("ov-level-{id}-title")>
                                {level_name(lang, level.level)}
                                " "<span class="ov-facts">{level.facts}</span>
                            </h4>
                            <div class="ov-pair">
                                {verdict_view(state, format!("ov-basic-{id}"), K::OvBasic, level.basic)}
                                {verdict_view(state, format!("ov-quality-{id}"), K::OvQuality, level.quality)}
                            </div>
                        </section>
                    }
                })
                .collect_view(),
        )
    }
}
