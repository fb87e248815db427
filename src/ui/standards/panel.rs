//! The national-standards tab: the standard and scope picker, the what-if bar, then per the
//! national report format (docs/domain.md §6): verdicts, CV tables, school attainment, shortfalls,
//! plans and the other computable checks. The evaluation is this tab's own memo over the
//! whole file, so the page's level and filters (for the indicator tabs) do not change it.

use junheng_core::standards::Level;
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::format::thousands;
use crate::state::{AppState, Tab};
use crate::ui::standards::context::StdCtx;
use crate::ui::standards::{
    attainment_table::AttainmentTable, cv_table::CvTable, notes::StandardNotes,
    other_checks::OtherChecks, picker::StandardPicker, planner::Planner, shortfalls::ShortfallList,
    verdict_cards::VerdictCards, what_if_bar::WhatIfBar,
};

/// The "National standards" tab.
#[component]
pub fn StandardsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let opened = RwSignal::new(false);
    let ctx = StdCtx::new(state, opened.into());
    provide_context(ctx);
    // A new file starts without what-if changes (they name sections of the old one), and a
    // large one waits for the tab to be opened.
    Effect::new(move |previous: Option<()>| {
        state.dataset.track();
        if previous.is_some() {
            state.what_if.set(Vec::new());
        }
    });
    Effect::new(move |_| {
        state.big_files.track();
        opened.set(state.tab.get_untracked() == Tab::Standards);
    });
    // Opened: evaluate after the tab and its "evaluating" line have been painted.
    Effect::new(move |_| {
        if state.tab.get() == Tab::Standards && !opened.get_untracked() {
            set_timeout(
                move || opened.set(true),
                std::time::Duration::from_millis(30),
            );
        }
    });
    let waiting = move || state.big_file.get() && !opened.get();
    let level_heading =
        move |level: Level| crate::model::standards::level_name(state.lang.get(), level);
    view! {
        <div class="std" data-testid="standards">
            <StandardPicker />
            <Show when=waiting>
                <p class="note" role="status" data-testid="std-evaluating">
                    {move || {
                        let rows = state
                            .dataset
                            .with(|d| d.as_ref().map_or(0, |d| d.ingested.table.rows.len()));
                        format!("{} {}", thousands(rows), state.t(K::StdEvaluating))
                    }}
                </p>
            </Show>
            {move || match ctx.base.get() {
                Some(Err(error)) => Some(view! {
                    <div class="error" role="alert" data-testid="std-error">{error.message(state.lang.get())}</div>
                }.into_any()),
                _ => None,
            }}
            <Show when=move || ctx.current.with(Option::is_some)>
                <WhatIfBar />
                <VerdictCards />
                <h3>{move || state.t(K::StdCvTable)}</h3>
                <For each=move || ctx.levels() key=|l| *l let:level>
                    <h4 id=format!("std-cv-{}", level.id())>{move || level_heading(level)}</h4>
                    <CvTable level=level />
                </For>
                <h3>{move || state.t(K::StdAttainment)}</h3>
                <Show when=move || ctx.standard.with(|s| s.as_ref().is_ok_and(|s| s.school_rule().is_some()))
                    fallback=move || view! { <p class="note" data-testid="std-no-school-rule">{move || state.t(K::StdNoSchoolRule)}</p> }>
                    <For each=move || ctx.levels() key=|l| *l let:level>
                        <div id=format!("std-attain-{}", level.id())><AttainmentTable level=level /></div>
                    </For>
                    <h3>{move || state.t(K::StdShortfalls)}</h3>
                    <For each=move || ctx.levels() key=|l| *l let:level>
                        <div id=format!("std-gaps-{}", level.id())><ShortfallList level=level /></div>
                    </For>
                </Show>
                <h3>{move || state.t(K::StdPlanner)}</h3>
                <Planner />
                <OtherChecks />
                <StandardNotes />
            </Show>
        </div>
    }
}
