//! The "SVG" and "PNG" buttons under a chart: the figure on screen written by
//! `chart::svg::to_svg_string`, or drawn at twice the size onto a canvas and saved as PNG.
//! Everything happens in the page; nothing is sent anywhere.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, Url,
};

use crate::chart::svg::{to_svg_string, to_svg_string_scaled, Figure};
use crate::export::download::download_bytes;
use crate::i18n::K;
use crate::model::findings::chart_file_name;
use crate::state::AppState;

/// Pixel ratio of the PNG download.
const PNG_SCALE: f64 = 2.0;

fn js_error(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Rasterises `svg` (whose width and height attributes are `width` × `height`) into PNG bytes:
/// the SVG as an `<img>` from a Blob URL, drawn on a canvas of that size, `canvas.toBlob`.
pub async fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let image = HtmlImageElement::new().map_err(js_error)?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = Url::revoke_object_url(&url);
    decoded.map_err(js_error)?;

    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(js_error)?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_error)?
        .ok_or("no 2d context")?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(js_error)?;

    let mut failure = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if let Err(e) = canvas.to_blob(done.unchecked_ref()) {
            let _ = reject.call1(&JsValue::NULL, &e);
            failure = Some(());
        }
    });
    let png = JsFuture::from(promise).await.map_err(js_error)?;
    if failure.is_some() || png.is_null() {
        return Err("canvas.toBlob gave no image".into());
    }
    let png: Blob = png.unchecked_into();
    let buffer = JsFuture::from(png.array_buffer()).await.map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Two buttons that save `figure` as `junheng-<kind>-<indicator>.svg` / `.png`.
#[component]
pub fn ChartDownloads(
    /// The chart as last drawn (set by the chart's `on_figure`).
    figure: RwSignal<Option<Figure>>,
    /// What the chart is (`lorenz`, `bars`, `groups`, `box`, `trend`, `counties`): file name and
    /// test ids.
    kind: &'static str,
    /// The indicator's name, for the file name.
    #[prop(into)]
    indicator: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let save_svg = move |_| {
        let Some(figure) = figure.get_untracked() else {
            return;
        };
        let name = chart_file_name(kind, &indicator.get_untracked(), "svg");
        let svg = to_svg_string(&figure, &format!("junheng-{kind}"));
        error.set(download_bytes(svg.as_bytes(), &name, "image/svg+xml").err());
    };
    let save_png = move |_| {
        let Some(figure) = figure.get_untracked() else {
            return;
        };
        let name = chart_file_name(kind, &indicator.get_untracked(), "png");
        let svg = to_svg_string_scaled(&figure, &format!("junheng-{kind}"), PNG_SCALE);
        let width = (figure.width * PNG_SCALE).round() as u32;
        let height = (figure.height * PNG_SCALE).round() as u32;
        leptos::task::spawn_local(async move {
            let result = match svg_to_png(&svg, width, height).await {
                Ok(bytes) => download_bytes(&bytes, &name, "image/png"),
                Err(e) => Err(e),
            };
            error.set(result.err());
        });
    };
    view! {
        <div class="chart-downloads">
            <button type="button" class="secondary" data-testid=format!("download-svg-{kind}")
                aria-label=move || state.t(K::DownloadSvg) title=move || state.t(K::DownloadSvg)
                disabled=move || figure.with(Option::is_none) on:click=save_svg>"SVG"</button>
            <button type="button" class="secondary" data-testid=format!("download-png-{kind}")
                aria-label=move || state.t(K::DownloadPng) title=move || state.t(K::DownloadPng)
                disabled=move || figure.with(Option::is_none) on:click=save_png>"PNG"</button>
            {move || error.get().map(|e| view! {
                <span class="error-inline" role="alert">{state.t(K::DownloadFailed)}{e}</span>
            })}
        </div>
    }
}
