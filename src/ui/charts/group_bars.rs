//! Group comparison bars with values on top and an optional reference line.

use leptos::prelude::*;

use super::chart_frame::ChartFrame;
use crate::chart::svg::Figure;
use crate::chart::{group_bars_figure, BarDatum, ChartText, RefLine};
use crate::state::AppState;

/// One bar per group in the order given, labelled with its value.
#[component]
pub fn GroupBars(
    /// The groups and their values (e.g. the mean per 城区 / 镇区 / 乡村).
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
    /// A reference line: the county figure or a standard.
    #[prop(optional, into)]
    reference: MaybeProp<RefLine>,
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
        let reference = reference.get();
        data.with(|data| group_bars_figure(data, &text, reference.as_ref(), width))
    });
    view! { <ChartFrame test_id="group-bars" draw=draw on_figure=on_figure /> }
}
