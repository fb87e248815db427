//! The national-standards tab: the standard and scope picker, the what-if bar, then per the
//! national report format (DOMAIN §6): verdicts, CV tables, school attainment, shortfalls,
//! plans and the other computable checks. The evaluation is this tab's own memo over the
//! whole file, so the page's level and filters (for the indicator tabs) do not change it.

use junheng_core::standards::{Level, Standard};
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::format::thousands;
use crate::model::shared::Shared;
use crate::model::standards::{base, outcome, resolve_standard, Base, Outcome};
use crate::state::{AppState, Tab};
use crate::ui::standards::{
    attainment_table::AttainmentTable, cv_table::CvTable, notes::StandardNotes,
    other_checks::OtherChecks, picker::StandardPicker, planner::Planner, shortfalls::ShortfallList,
    verdict_cards::VerdictCards, what_if_bar::WhatIfBar,
};

/// The standard in force, or why the loaded file cannot be used.
pub type StandardResult = Result<Standard, junheng_core::standards::Error>;

/// The tab's memos, shared by its components through a context.
#[derive(Clone, Copy)]
pub struct StdCtx {
    /// The standard (built-in, or a provincial file).
    pub standard: Memo<StandardResult>,
    /// The file's sections under the scope options, or why the table cannot be judged.
    pub base: Memo<Option<Result<Shared<Base>, junheng_core::Error>>>,
    /// Evaluation and plan of the file as it is.
    pub baseline: Memo<Option<Shared<Outcome>>>,
    /// Evaluation and plan with the what-if changes.
    pub current: Memo<Option<Shared<Outcome>>>,
}

impl StdCtx {
    /// Creates the memos over the page state; `opened`: whether the tab was opened since the
    /// large file was announced (`AppState::big_file`; at 200 000 rows the evaluation and plans
    /// take about 2 s on the main thread).
    pub fn new(state: AppState, opened: Signal<bool>) -> StdCtx {
        let standard = Memo::new(move |_| {
            state
                .custom_standard
                .with(|c| resolve_standard(state.standard_pick.get(), c.as_ref()))
        });
        let base = Memo::new(move |_| {
            if state.big_file.get() && !opened.get() {
                return None;
            }
            let dataset = state.dataset.get()?;
            let options = state.standard_options.get();
            Some(base(&dataset.ingested, state.standard_level.get(), &options).map(Shared::new))
        });
        let baseline = Memo::new(move |_| {
            let base = base.get()?.ok()?;
            standard.with(|s| {
                let s = s.as_ref().ok()?;
                Some(Shared::new(outcome(
                    s,
                    &base,
                    &state.standard_options.get(),
                    &[],
                )))
            })
        });
        let current = Memo::new(move |_| {
            let changes = state.what_if.get();
            if changes.is_empty() {
                return baseline.get();
            }
            let base = base.get()?.ok()?;
            standard.with(|s| {
                let s = s.as_ref().ok()?;
                Some(Shared::new(outcome(
                    s,
                    &base,
                    &state.standard_options.get(),
                    &changes,
                )))
            })
        });
        StdCtx {
            standard,
            base,
            baseline,
            current,
        }
    }

    /// Levels evaluated in the current outcome, primary first.
    pub fn levels(&self) -> Vec<Level> {
        self.current.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.report
                        .levels
                        .iter()
                        .filter_map(|l| Level::from_id(&l.level))
                        .collect()
                })
                .unwrap_or_default()
        })
    }
}

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
                    <h4>{move || level_heading(level)}</h4>
                    <CvTable level=level />
                </For>
                <h3>{move || state.t(K::StdAttainment)}</h3>
                <Show when=move || ctx.standard.with(|s| s.as_ref().is_ok_and(|s| s.school_rule().is_some()))
                    fallback=move || view! { <p class="note" data-testid="std-no-school-rule">{move || state.t(K::StdNoSchoolRule)}</p> }>
                    <For each=move || ctx.levels() key=|l| *l let:level>
                        <AttainmentTable level=level />
                    </For>
                    <h3>{move || state.t(K::StdShortfalls)}</h3>
                    <For each=move || ctx.levels() key=|l| *l let:level>
                        <ShortfallList level=level />
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
