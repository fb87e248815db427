//! Per-school bars, sorted, with the mean line and an optional standard line.

use leptos::prelude::*;

use super::chart_frame::ChartFrame;
use crate::chart::svg::Figure;
use crate::chart::{bar_figure, BarDatum, ChartText, RefLine};
use crate::state::AppState;

/// One bar per school from the lowest value to the highest; bars below the standard are
/// vermillion, highlighted bars outlined.
#[component]
pub fn BarChart(
    /// The schools.
    #[prop(into)]
    data: Signal<Vec<BarDatum>>,
    /// A title that states the finding.
    #[prop(into)]
    title: Signal<String>,
    /// What is drawn and what it shows (the SVG `<desc>`).
    #[prop(into)]
    desc: Signal<String>,
    /// What the values are, with the unit (value axis and table).
    #[prop(into)]
    value_label: Signal<String>,
    /// The mean line; absent, the unweighted mean of the bars (pass the pupil-weighted mean
    /// from the engine to match the page).
    #[prop(optional, into)]
    mean: MaybeProp<f64>,
    /// The standard; bars below it are coloured differently.
    #[prop(optional, into)]
    standard: MaybeProp<RefLine>,
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
        let standard = standard.get();
        data.with(|data| bar_figure(data, &text, mean.get(), standard.as_ref(), width))
    });
    view! { <ChartFrame test_id="bar-chart" draw=draw on_figure=on_figure /> }
}
