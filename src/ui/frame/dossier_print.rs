//! What the page prints: the engine's dossier (`junheng_core::dossier::html::body`), the very
//! document `junheng report -o x.html` writes, mounted in a shadow root with its own CSS so that
//! neither the page's CSS reaches it nor its CSS the page. Hidden on screen; the print
//! stylesheet hides everything else (and shows the charts after it when the appendix is
//! chosen). The `@page` rule (A4, "第 x 页 共 y 页") cannot live in a shadow root: it is in the
//! document, printed only.

use junheng_core::dossier::html::{body, embedded_css, page_css};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::state::AppState;

/// The shadow root of `host`, attached on first use.
fn shadow(host: &web_sys::HtmlDivElement) -> Option<ShadowRoot> {
    if let Some(root) = host.shadow_root() {
        return Some(root);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .ok()
}

/// The print-only dossier.
#[component]
pub fn DossierPrint() -> impl IntoView {
    let state = expect_context::<AppState>();
    let host = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let lang = state.lang.get();
        let html = match state.dossier.get() {
            Some(Ok(d)) => format!("<style>{}</style>{}", embedded_css(lang), body(&d, lang)),
            _ => String::new(),
        };
        let Some(element) = host.get() else {
            return;
        };
        let element: web_sys::HtmlDivElement = element.unchecked_into();
        if let Some(root) = shadow(&element) {
            root.set_inner_html(&html);
        }
    });
    view! {
        <style media="print">{move || {
            let lang = state.lang.get();
            match state.dossier.get() {
                Some(Ok(d)) => page_css(lang, &d.county),
                _ => page_css(lang, &Default::default()),
            }
        }}</style>
        <div class="dossier-print" data-testid="dossier-print" node_ref=host
            class:with-appendix=move || state.print_appendix.get()></div>
    }
}
