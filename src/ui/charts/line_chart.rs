//! Series over years (CV and Gini by year) with an optional threshold line.

use leptos::prelude::*;

use super::chart_frame::ChartFrame;
use crate::chart::svg::Figure;
use crate::chart::{line_figure, ChartText, LineSeries, RefLine};
use crate::state::AppState;

/// One line per series over the years, each with its own colour, marker and dash.
#[component]
pub fn LineChart(
    /// The series.
    #[prop(into)]
    series: Signal<Vec<LineSeries>>,
    /// A title that states the finding.
    #[prop(into)]
    title: Signal<String>,
    /// What is drawn and what it shows (the SVG `<desc>`).
    #[prop(into)]
    desc: Signal<String>,
    /// What the values are (value axis).
    #[prop(into)]
    value_label: Signal<String>,
    /// A threshold, e.g. the national standard 0.65.
    #[prop(optional, into)]
    threshold: MaybeProp<RefLine>,
    /// Called with every new figure (for downloads).
    #[prop(optional)]
    on_figure: Option<Callback<Figure>>,
) -> impl IntoView {
    // The page's language; a chart mounted without the page (a component test) speaks both.
    let lang = use_context::<AppState>().map(|state| state.lang);
    let draw = Callback::new(move |width: f64| {
        let text = ChartText {
            title: title.get(),
            desc: desc.get(),
            value_label: value_label.get(),
            lang: lang.map(|lang| lang.get()),
        };
        let threshold = threshold.get();
        series.with(|series| line_figure(series, &text, threshold.as_ref(), width))
    });
    view! { <ChartFrame test_id="line-chart" draw=draw on_figure=on_figure /> }
}
