//! Distribution per group (城区 / 镇区 / 乡村): pupil-weighted boxes with every school as a point.

use leptos::prelude::*;

use super::chart_frame::ChartFrame;
use crate::chart::svg::Figure;
use crate::chart::{box_figure, ChartText, GroupedDatum};
use crate::state::AppState;

/// A box per group (pupil-weighted quartiles, Tukey whiskers, the mean as a diamond) beside the
/// group's schools as points; groups in the order of their first datum.
#[component]
pub fn BoxPlot(
    /// The schools with their group and pupils (weight 1 each for unweighted quartiles).
    #[prop(into)]
    data: Signal<Vec<GroupedDatum>>,
    /// A title that states the finding.
    #[prop(into)]
    title: Signal<String>,
    /// What is drawn and what it shows (the SVG `<desc>`).
    #[prop(into)]
    desc: Signal<String>,
    /// What the values are, with the unit (value axis).
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
        data.with(|data| box_figure(data, &text, width))
    });
    view! { <ChartFrame test_id="box-plot" draw=draw on_figure=on_figure /> }
}
