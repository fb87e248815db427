//! The tab's shared memos ([`StdCtx`]): the standard in force, the file's sections, and the
//! evaluation and plan with and without the what-if changes. `panel.rs` creates them and
//! provides them as a context; every component of the tab reads them.

use junheng_core::standards::{Level, Standard};
use leptos::prelude::*;

use crate::model::shared::Shared;
use crate::model::standards::{base, outcome, resolve_standard, Base, Outcome};
use crate::state::AppState;

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
