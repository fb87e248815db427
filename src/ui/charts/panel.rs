//! The "Charts" tab for the selected indicator: the Lorenz curve, every school's bar against the
//! county mean (and the national per-school standard when one level is analysed), the
//! distribution per group, and the CV and Gini per year (or per county) when the file holds
//! several. Each chart has a title that states its finding and SVG / PNG downloads.

use junheng_core::analysis::{AnalysisConfig, Filter};
use junheng_core::measures::Measure;
use junheng_core::Field;
use leptos::prelude::*;

use crate::chart::svg::Figure;
use crate::chart::{BarDatum, GroupedDatum, LineSeries, RefLine, WeightedDatum};
use crate::i18n::{fill, K};
use crate::model::findings::{
    bars_title, box_title, counties_title, in_sentence, lorenz_title, poorest_half_share,
    standard_value, trend_title, value_label,
};
use crate::model::metrics::{cv_threshold, indicator_label, level_of};
use crate::model::school_rows::SchoolLookup;
use crate::model::shared::Shared;
use crate::model::slices::{find_slice_column, per_slice, year_of, SliceFigures, SliceKind};
use crate::state::AppState;
use crate::ui::charts::chart_downloads::ChartDownloads;
use crate::ui::charts::{
    bar_chart::BarChart, box_plot::BoxPlot, group_bars::GroupBars, line_chart::LineChart,
    lorenz_chart::LorenzChart,
};
use crate::ui::widgets::indicator_picker::{current, parts, IndicatorPicker};

/// One school: name, value, weight and group cell (with a group column).
type School = (String, f64, f64, Option<String>);

/// What every chart of the tab needs about the selected indicator.
#[derive(Clone, Debug, PartialEq)]
struct Selected {
    name: String,
    /// Name in the page's language.
    label: String,
    /// Name with unit, for axes.
    value_label: String,
    mean: Option<f64>,
    gini: Option<f64>,
    /// (school name, value, weight, group cell) per school, in file order.
    schools: Shared<Vec<School>>,
    /// (group, CV) from the report.
    group_cvs: Vec<(String, Option<f64>)>,
}

/// The charts of the selected indicator.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = Memo::new(move |_| {
        let (analysis, index) = current(state)?;
        let dataset = state.dataset.get()?;
        let lang = state.lang.get();
        let (result, values) = parts(&analysis, index);
        let table = &dataset.ingested.table;
        let name_column = dataset
            .ingested
            .mapping
            .get(Field::SchoolName)
            .map(|m| m.column);
        let group_column = analysis
            .report
            .group
            .as_deref()
            .and_then(|g| table.column(g));
        let lookup = SchoolLookup::new(table, name_column, None, None);
        let line_word = state.t(K::Line);
        let schools = values
            .lines
            .iter()
            .zip(&values.values)
            .zip(&values.weights)
            .map(|((&line, &value), &weight)| {
                (
                    lookup.name(line, line_word),
                    value,
                    weight,
                    group_column.map(|c| lookup.cell(line, Some(c)).unwrap_or_default()),
                )
            })
            .collect();
        Some(Selected {
            name: result.name.clone(),
            label: indicator_label(lang, &result.name, result.label_zh.as_deref()),
            value_label: value_label(lang, &result.name, result.label_zh.as_deref()),
            mean: result[Measure::Mean],
            gini: result[Measure::Gini],
            schools: Shared::new(schools),
            group_cvs: result
                .groups
                .iter()
                .map(|g| (g.group.clone(), g.cv))
                .collect(),
        })
    });
    let level = move || state.level.get().as_deref().and_then(level_of);
    let sentence_label = move || {
        let lang = state.lang.get();
        selected.with(|s| {
            s.as_ref()
                .map_or(String::new(), |s| in_sentence(lang, &s.label))
        })
    };
    let name = Signal::derive(move || {
        selected.with(|s| s.as_ref().map_or(String::new(), |s| s.name.clone()))
    });
    let axis = Signal::derive(move || {
        selected.with(|s| s.as_ref().map_or(String::new(), |s| s.value_label.clone()))
    });
    let text = move |key: K| Signal::derive(move || state.t(key).to_string());

    // Lorenz curve.
    let lorenz_figure = RwSignal::new(None::<Figure>);
    let lorenz_data = Signal::derive(move || {
        selected.with(|s| {
            s.as_ref().map_or(Vec::new(), |s| {
                s.schools
                    .iter()
                    .map(|(label, value, weight, _)| WeightedDatum {
                        label: label.clone(),
                        value: *value,
                        weight: *weight,
                    })
                    .collect()
            })
        })
    });
    let lorenz_title = Signal::derive(move || {
        let lang = state.lang.get();
        let label = sentence_label();
        selected.with(|s| {
            s.as_ref().map_or(String::new(), |s| {
                let values: Vec<f64> = s.schools.iter().map(|r| r.1).collect();
                let weights: Vec<f64> = s.schools.iter().map(|r| r.2).collect();
                lorenz_title(lang, &label, s.gini, poorest_half_share(&values, &weights))
            })
        })
    });

    // Per-school bars.
    let bars_figure = RwSignal::new(None::<Figure>);
    let standard = Signal::derive(move || {
        let name = name.get();
        standard_value(&name, level()).map(|v| RefLine::new(v, state.t(K::NationalStandard)))
    });
    // Bars below the standard are coloured by the chart itself; no extra outline.
    let bars_data = Signal::derive(move || {
        selected.with(|s| {
            s.as_ref().map_or(Vec::new(), |s| {
                s.schools
                    .iter()
                    .map(|(label, value, _, _)| BarDatum::new(label, *value))
                    .collect()
            })
        })
    });
    let bars_title = Signal::derive(move || {
        let lang = state.lang.get();
        let label = sentence_label();
        let line = standard.get().map(|s| s.value);
        selected.with(|s| {
            s.as_ref().map_or(String::new(), |s| {
                let pairs: Vec<(String, f64)> =
                    s.schools.iter().map(|r| (r.0.clone(), r.1)).collect();
                bars_title(lang, &label, &pairs, s.mean, line)
            })
        })
    });
    let bars_desc = Signal::derive(move || {
        state
            .t(if standard.get().is_some() {
                K::DescBarsStandard
            } else {
                K::DescBars
            })
            .to_string()
    });
    let mean = Signal::derive(move || selected.with(|s| s.as_ref().and_then(|s| s.mean)));

    // Distribution per group.
    let box_figure = RwSignal::new(None::<Figure>);
    let has_groups = move || {
        selected.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.schools.first().is_some_and(|r| r.3.is_some()))
        })
    };
    let box_data = Signal::derive(move || {
        selected.with(|s| {
            s.as_ref().map_or(Vec::new(), |s| {
                s.schools
                    .iter()
                    .map(|(label, value, weight, group)| GroupedDatum {
                        group: group.clone().unwrap_or_default(),
                        label: label.clone(),
                        value: *value,
                        weight: *weight,
                    })
                    .collect()
            })
        })
    });
    let box_title = Signal::derive(move || {
        let lang = state.lang.get();
        let label = sentence_label();
        selected.with(|s| {
            s.as_ref()
                .map_or(String::new(), |s| box_title(lang, &label, &s.group_cvs))
        })
    });

    // Years or counties: one analysis per value of the column, with the page's other choices.
    let slice_column = Memo::new(move |_| {
        state.dataset.with(|d| {
            d.as_ref()
                .and_then(|d| find_slice_column(&d.ingested.table.headers))
        })
    });
    let slices = Memo::new(move |_| {
        let (column, kind) = slice_column.get()?;
        let dataset = state.dataset.get()?;
        let name = name.get();
        if name.is_empty() {
            return None;
        }
        let filters = match (dataset.header_of(Field::Level), state.level.get()) {
            (Some(column), Some(value)) => vec![Filter { column, value }],
            _ => Vec::new(),
        };
        let config = AnalysisConfig {
            indicators: Vec::new(),
            extra: state.custom.get(),
            weight: state.weight.get(),
            group: None,
            filters,
            median_rule: state.median_rule.get(),
            ..AnalysisConfig::new()
        };
        let figures = per_slice(&dataset.ingested, &config, column, &name);
        (figures.len() > 1).then(|| {
            (
                kind,
                dataset.ingested.table.headers[column].clone(),
                figures,
            )
        })
    });
    let slice_figure = RwSignal::new(None::<Figure>);
    let series = Signal::derive(move || {
        let Some((SliceKind::Year, _, figures)) = slices.get() else {
            return Vec::new();
        };
        let points = |get: fn(&SliceFigures) -> Option<f64>| {
            figures
                .iter()
                .filter_map(|f| Some((year_of(&f.value)?, get(f).unwrap_or(f64::NAN))))
                .collect::<Vec<_>>()
        };
        vec![
            LineSeries {
                name: state.t(K::Cv).to_string(),
                points: points(|f| f.cv),
            },
            LineSeries {
                name: state.t(K::Gini).to_string(),
                points: points(|f| f.gini),
            },
        ]
    });
    let county_bars = Signal::derive(move || {
        let Some((SliceKind::County, _, figures)) = slices.get() else {
            return Vec::new();
        };
        figures
            .iter()
            .map(|f| BarDatum::new(&f.value, f.cv.unwrap_or(f64::NAN)))
            .collect::<Vec<_>>()
    });
    let threshold = Signal::derive(move || {
        cv_threshold(&name.get(), level()).map(|v| RefLine::new(v, state.t(K::Threshold)))
    });
    let slice_title = Signal::derive(move || {
        let lang = state.lang.get();
        let label = sentence_label();
        match slices.get() {
            Some((SliceKind::Year, _, figures)) => {
                let points: Vec<(i32, f64)> = figures
                    .iter()
                    .filter_map(|f| Some((year_of(&f.value)?, f.cv?)))
                    .collect();
                trend_title(lang, &label, &points)
            }
            Some((SliceKind::County, _, figures)) => {
                let pairs: Vec<(String, f64)> = figures
                    .iter()
                    .filter_map(|f| Some((f.value.clone(), f.cv?)))
                    .collect();
                counties_title(lang, &label, &pairs)
            }
            None => String::new(),
        }
    });
    let slice_note = move || {
        slices
            .get()
            .map(|(_, column, _)| fill(state.t(K::SliceNote), &[("column", &column)]))
    };
    let is_year = move || matches!(slices.get(), Some((SliceKind::Year, _, _)));
    let is_county = move || matches!(slices.get(), Some((SliceKind::County, _, _)));

    view! {
        <div class="panel-tools">
            <IndicatorPicker test_id="charts-indicator" />
        </div>
        <Show when=move || selected.with(Option::is_some)>
            <section class="chart-block" data-testid="chart-lorenz">
                <h3>{move || state.t(K::LorenzHeading)}</h3>
                <LorenzChart data=lorenz_data title=lorenz_title desc=text(K::DescLorenz)
                    value_label=axis on_figure=Callback::new(move |f: Figure| lorenz_figure.set(Some(f))) />
                <ChartDownloads figure=lorenz_figure kind="lorenz" indicator=name />
            </section>
            <section class="chart-block" data-testid="chart-bars">
                <h3>{move || state.t(K::BarsHeading)}</h3>
                <BarChart data=bars_data title=bars_title desc=bars_desc value_label=axis
                    mean=mean standard=standard
                    on_figure=Callback::new(move |f: Figure| bars_figure.set(Some(f))) />
                <ChartDownloads figure=bars_figure kind="bars" indicator=name />
            </section>
            <section class="chart-block" data-testid="chart-box">
                <h3>{move || state.t(K::BoxHeading)}</h3>
                <Show when=has_groups
                    fallback=move || view! { <p class="hint">{move || state.t(K::BoxNeedsGroup)}</p> }>
                    <BoxPlot data=box_data title=box_title desc=text(K::DescBox) value_label=axis
                        on_figure=Callback::new(move |f: Figure| box_figure.set(Some(f))) />
                    <ChartDownloads figure=box_figure kind="box" indicator=name />
                </Show>
            </section>
            <Show when=is_year>
                <section class="chart-block" data-testid="chart-trend">
                    <h3>{move || state.t(K::TrendHeading)}</h3>
                    <p class="note">{slice_note}</p>
                    <LineChart series=series title=slice_title desc=text(K::DescTrend)
                        value_label=text(K::Cv) threshold=threshold
                        on_figure=Callback::new(move |f: Figure| slice_figure.set(Some(f))) />
                    <ChartDownloads figure=slice_figure kind="trend" indicator=name />
                </section>
            </Show>
            <Show when=is_county>
                <section class="chart-block" data-testid="chart-counties">
                    <h3>{move || state.t(K::CountiesHeading)}</h3>
                    <p class="note">{slice_note}</p>
                    <GroupBars data=county_bars title=slice_title desc=text(K::DescCounties)
                        value_label=text(K::Cv) reference=threshold
                        on_figure=Callback::new(move |f: Figure| slice_figure.set(Some(f))) />
                    <ChartDownloads figure=slice_figure kind="counties" indicator=name />
                </section>
            </Show>
        </Show>
    }
}
