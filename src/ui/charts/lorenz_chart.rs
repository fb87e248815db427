//! The Lorenz curve of a resource over pupils, with the line of equality and the Gini.

use leptos::prelude::*;

use super::chart_frame::ChartFrame;
use crate::chart::svg::Figure;
use crate::chart::{lorenz_figure, ChartText, WeightedDatum};
use crate::state::AppState;

/// Lorenz curve: schools sorted by value, cumulative share of pupils against cumulative share
/// of the resource; the Gini (the engine's) is written in the plot.
#[component]
pub fn LorenzChart(
    /// Schools with their value and pupils (weight 1 each for an unweighted curve).
    #[prop(into)]
    data: Signal<Vec<WeightedDatum>>,
    /// A title that states the finding.
    #[prop(into)]
    title: Signal<String>,
    /// What is drawn and what it shows (the SVG `<desc>`).
    #[prop(into)]
    desc: Signal<String>,
    /// What the values are, with the unit (table header).
    #[prop(into)]
    value_label: Signal<String>,
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
        data.with(|data| lorenz_figure(data, &text, width))
    });
    view! { <ChartFrame test_id="lorenz-chart" draw=draw on_figure=on_figure /> }
}
