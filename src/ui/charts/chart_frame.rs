//! The shared wrapper of every chart: a `<figure>` with the SVG drawn from a [`Figure`], a
//! readout line for the hovered or focused mark, and the `<details>` data table.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html::Figure as FigureElement;
use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use wasm_bindgen::JsCast;

use crate::chart::draw::frame::clamp_width;
use crate::chart::svg::{num, Figure, Mark, FOCUS_STYLE};

/// Ids of `<title>` and `<desc>` must be unique in the page.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// Width used before the container is measured (and when it has no width, e.g. hidden).
const DEFAULT_WIDTH: f64 = 640.0;

/// A chart laid out for the width of its container and redrawn when the window resizes.
///
/// `draw` turns a width in CSS pixels into a [`Figure`]; the chart components pass a closure
/// over their data signals and one of the `crate::chart::*_figure` functions.
#[component]
pub fn ChartFrame(
    /// `data-testid` of the `<figure>`.
    test_id: &'static str,
    /// Lays the chart out for a width.
    draw: Callback<f64, Figure>,
    /// Called with every new figure, e.g. to offer it for download with `to_svg_string`.
    #[prop(default = None)]
    on_figure: Option<Callback<Figure>>,
) -> impl IntoView {
    let id = format!("chart-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let container = NodeRef::<FigureElement>::new();
    let width = RwSignal::new(DEFAULT_WIDTH);
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            let measured = f64::from(element.client_width());
            if measured > 0.0 {
                let layout = clamp_width(measured.round());
                if layout != width.get_untracked() {
                    width.set(layout);
                }
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let figure = Memo::new(move |_| draw.run(width.get()));
    if let Some(on_figure) = on_figure {
        Effect::new(move |_| on_figure.run(figure.get()));
    }
    let readout = RwSignal::new(String::new());
    let show_tip = move |ev: &web_sys::Event| {
        let target = event_target::<web_sys::Element>(ev);
        if let Ok(Some(mark)) = target.closest(".tip") {
            readout.set(mark.get_attribute("aria-label").unwrap_or_default());
        }
    };
    // One tab stop per chart: Tab reaches the first mark, the arrow keys move between marks
    // (a roving tabindex), so a chart of 90 schools does not take 90 presses of Tab to leave.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let forward = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => true,
            "ArrowLeft" | "ArrowUp" => false,
            _ => return,
        };
        let Ok(Some(current)) = event_target::<web_sys::Element>(&ev).closest(".tip") else {
            return;
        };
        let step = |el: &web_sys::Element| {
            if forward {
                el.next_element_sibling()
            } else {
                el.previous_element_sibling()
            }
        };
        let mut next = step(&current);
        while let Some(candidate) = next {
            if candidate.matches(".tip").unwrap_or(false) {
                ev.prevent_default();
                let _ = current.set_attribute("tabindex", "-1");
                let _ = candidate.set_attribute("tabindex", "0");
                let _ = candidate.unchecked_into::<web_sys::SvgElement>().focus();
                return;
            }
            next = step(&candidate);
        }
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");

    view! {
        <figure class="chart" data-testid=test_id node_ref=container style="margin:0">
            <svg
                role="img"
                aria-labelledby=labelled_by
                width="100%"
                viewBox=move || figure.with(|f| format!("0 0 {} {}", num(f.width), num(f.height)))
                data-layout-width=move || num(width.get())
                style="display:block;height:auto"
                on:mouseover=move |ev| show_tip(&ev)
                on:focusin=move |ev| show_tip(&ev)
                on:keydown=on_key
                on:mouseleave=move |_| readout.set(String::new())
            >
                // Builders: in `view!` a <title> under <svg> would be an HTML <title>.
                {leptos::svg::title()
                    .add_any_attr(custom_attribute("id", title_id))
                    .child(move || figure.with(|f| f.title.clone()))}
                {leptos::svg::desc()
                    .add_any_attr(custom_attribute("id", desc_id))
                    .child(move || figure.with(|f| f.desc.clone()))}
                {leptos::svg::style().child(FOCUS_STYLE)}
                <rect class="background" x="0" y="0" width="100%" height="100%" fill="#ffffff"></rect>
                {move || figure.with(|f| {
                    let first_tip = f.marks.iter().position(|m| m.tip.is_some());
                    f.marks
                        .iter()
                        .enumerate()
                        .map(|(i, mark)| mark_view(mark, Some(i) == first_tip))
                        .collect_view()
                })}
            </svg>
            <p class="chart-readout" aria-live="polite" style="min-height:1.4em;margin:.25rem 0;font-size:.9rem">
                {move || readout.get()}
            </p>
            <details>
                <summary>"数据表 · Data table"</summary>
                <div class="scroll" tabindex="0" role="region" aria-label="数据表 · Data table">
                    {move || figure.with(data_table)}
                </div>
            </details>
        </figure>
    }
}

/// One mark, with the attributes of [`Mark::attributes`] (shared with the SVG export). Only the
/// first mark with a tip is in the tab order (`tab_stop`); the others are reached by arrow keys.
fn mark_view(mark: &Mark, tab_stop: bool) -> AnyView {
    let attributes: Vec<AnyAttribute> = mark
        .attributes()
        .into_iter()
        .map(|(name, value)| custom_attribute(name, value).into_any_attr())
        .collect();
    let shape = match mark.tag() {
        "rect" => leptos::svg::rect().add_any_attr(attributes).into_any(),
        "line" => leptos::svg::line().add_any_attr(attributes).into_any(),
        "path" => leptos::svg::path().add_any_attr(attributes).into_any(),
        "circle" => leptos::svg::circle().add_any_attr(attributes).into_any(),
        _ => leptos::svg::text()
            .add_any_attr(attributes)
            .child(mark.text().unwrap_or_default().to_string())
            .into_any(),
    };
    match &mark.tip {
        Some(tip) => leptos::svg::g()
            .add_any_attr(vec![
                custom_attribute("class", "tip").into_any_attr(),
                custom_attribute("tabindex", if tab_stop { "0" } else { "-1" }).into_any_attr(),
                custom_attribute("aria-label", tip.clone()).into_any_attr(),
            ])
            .child((leptos::svg::title().child(tip.clone()), shape))
            .into_any(),
        None => shape,
    }
}

/// The figure's data as an HTML table; numeric columns are right-aligned. A table that lists
/// part of the data (a national file) says so under it.
fn data_table(figure: &Figure) -> impl IntoView {
    let table = figure.table.clone();
    let note = table
        .note
        .clone()
        .map(|note| view! { <p class="note" data-testid="chart-table-note">{note}</p> });
    let numeric = table.numeric.clone();
    let align = move |i: usize| {
        if numeric.get(i).copied().unwrap_or(false) {
            "text-align:right"
        } else {
            "text-align:left"
        }
    };
    let caption = figure.title.clone();
    view! {
        <table>
            <caption style="text-align:left;font-weight:600">{caption}</caption>
            <thead>
                <tr>
                    {table.headers.iter().enumerate().map(|(i, h)| view! {
                        <th scope="col" style=align(i)>{h.clone()}</th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {table.rows.iter().map(|row| view! {
                    <tr>
                        {row.iter().enumerate().map(|(i, cell)| view! {
                            <td style=align(i)>{cell.clone()}</td>
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {note}
    }
}
