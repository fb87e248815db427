//! The "Groups" tab: per group (城区 / 镇区 / 乡村, or any column) n, mean, CV, Gini and Theil of
//! every indicator, the Theil index split into between and within groups, and a chart of the
//! selected indicator's group means against the county mean.

use junheng_core::measures::Measure;
use leptos::prelude::*;

use crate::chart::svg::Figure;
use crate::chart::{BarDatum, RefLine};
use crate::i18n::K;
use crate::model::bounds::MAX_SCHOOL_ROWS;
use crate::model::findings::{
    between_share, groups_title, in_sentence, theil_sentence, value_label,
};
use crate::model::format::fixed;
use crate::model::metrics::indicator_label;
use crate::state::AppState;
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::group_bars::GroupBars;
use crate::ui::widgets::capped_note::CappedNote;
use crate::ui::widgets::indicator_picker::{current, IndicatorPicker};

/// `data-*` text of an optional number.
fn data(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The group chart of the selected indicator.
#[component]
fn GroupChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let figure = RwSignal::new(None::<Figure>);
    let selected = move || current(state).map(|(a, i)| a.report.indicators[i].clone());
    let bars = Signal::derive(move || {
        selected().map_or(Vec::new(), |i| {
            i.groups
                .iter()
                .map(|g| BarDatum::new(&g.group, g.mean.unwrap_or(f64::NAN)))
                .collect()
        })
    });
    let label = move || {
        selected().map_or(String::new(), |i| {
            indicator_label(state.lang.get(), &i.name, i.label_zh.as_deref())
        })
    };
    let title = Signal::derive(move || {
        let lang = state.lang.get();
        selected().map_or(String::new(), |i| {
            let groups: Vec<(String, Option<f64>)> =
                i.groups.iter().map(|g| (g.group.clone(), g.mean)).collect();
            groups_title(
                lang,
                &in_sentence(lang, &label()),
                &groups,
                i[Measure::Gini],
            )
        })
    });
    let value_label = Signal::derive(move || {
        selected().map_or(String::new(), |i| {
            value_label(state.lang.get(), &i.name, i.label_zh.as_deref())
        })
    });
    let reference = Signal::derive(move || {
        selected()
            .and_then(|i| i[Measure::Mean])
            .map(|m| RefLine::new(m, state.t(K::CountyMean)))
    });
    let name = Signal::derive(move || selected().map_or(String::new(), |i| i.name));
    view! {
        <GroupBars data=bars title=title desc=Signal::derive(move || state.t(K::DescGroups).to_string())
            value_label=value_label reference=reference
            on_figure=Callback::new(move |f: Figure| figure.set(Some(f))) />
        <ChartDownloads figure=figure kind="groups" indicator=name />
    }
}

/// Group tables of every indicator, or how to choose a grouping.
#[component]
pub fn GroupsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tables = move || {
        let Some(Ok(analysis)) = state.analysis.get() else {
            return None;
        };
        let lang = state.lang.get();
        let group = analysis.report.group.clone()?;
        let blocks = analysis.report.indicators.iter().map(|i| {
            let share = between_share(i[Measure::Theil], i.theil_between);
            // Any column can group, a township or school-name column of a national file into
            // thousands of groups: the first ones are listed, the total row counts them all.
            let hidden = i.groups.len().saturating_sub(MAX_SCHOOL_ROWS);
            view! {
                <section class="group-block" data-testid="group-block" data-indicator=i.name.clone()>
                    <h4>{indicator_label(lang, &i.name, i.label_zh.as_deref())}</h4>
                    <div class="scroll" tabindex="0" role="region"
                        aria-label=indicator_label(lang, &i.name, i.label_zh.as_deref())>
                        <table class="numbers" data-testid="group-table">
                            <thead>
                                <tr>
                                    <th scope="col">{group.clone()}</th>
                                    <th scope="col" title=state.t(K::TipN)>"n"</th>
                                    <th scope="col" title=state.t(K::TipMean)>{state.t(K::Mean)}</th>
                                    <th scope="col" title=state.t(K::TipCv)>{state.t(K::Cv)}</th>
                                    <th scope="col" title=state.t(K::TipGini)>{state.t(K::Gini)}</th>
                                    <th scope="col" title=state.t(K::TipTheil)>{state.t(K::Theil)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {i.groups.iter().take(MAX_SCHOOL_ROWS).map(|g| view! {
                                    <tr data-testid="group-row" data-group=g.group.clone() data-mean=data(g.mean)>
                                        <th scope="row">{g.group.clone()}</th>
                                        <td>{g.n}</td>
                                        <td>{fixed(g.mean, 3)}</td>
                                        <td>{fixed(g.cv, 3)}</td>
                                        <td>{fixed(g.gini, 3)}</td>
                                        <td>{fixed(g.theil, 4)}</td>
                                    </tr>
                                }).collect_view()}
                                <tr class="total">
                                    <th scope="row">{state.t(K::AllGroups)}</th>
                                    <td>{i.n}</td>
                                    <td>{fixed(i[Measure::Mean], 3)}</td>
                                    <td>{fixed(i[Measure::Cv], 3)}</td>
                                    <td>{fixed(i[Measure::Gini], 3)}</td>
                                    <td>{fixed(i[Measure::Theil], 4)}</td>
                                </tr>
                            </tbody>
                        </table>
                        <CappedNote hidden=hidden what=K::GroupsCapped test_id="groups-capped" />
                    </div>
                    <p class="theil-split" data-testid="theil-split" title=state.t(K::TipTheilShare)
                        data-theil=data(i[Measure::Theil]) data-between=data(i.theil_between)
                        data-within=data(i.theil_within) data-share=data(share)>
                        {theil_sentence(lang, i[Measure::Theil], i.theil_between, i.theil_within)}
                    </p>
                </section>
            }
        }).collect_view();
        Some(view! {
            <div class="panel-tools">
                <IndicatorPicker test_id="groups-indicator" />
            </div>
            <GroupChart />
            <div class="group-blocks">{blocks}</div>
        })
    };
    view! {
        <h3>{move || state.t(K::GroupsTitle)}</h3>
        {move || match tables() {
            Some(view) => view.into_any(),
            None => view! { <p class="hint" data-testid="no-group">{state.t(K::NoGroupHint)}</p> }.into_any(),
        }}
    }
}
