//! "分享 / Share": the whole view as a link (settings, optionally the data, optionally encrypted
//! under a passphrase), its length and the chat-app warnings, its QR code when short; and the
//! offline copy of the page (`junheng.html`) to download.

use std::sync::Arc;

use junheng_core::Field;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::browser::share_crypto;
use crate::i18n::K;
use crate::model::settings::Settings;
use crate::share::codec::{self, length_warning};
use crate::share::qr::qr_svg;
use crate::share::view::{FileRef, Link, SharedView, StandardChoice};
use crate::state::AppState;

/// The current view as a link's content (read untracked: a snapshot).
pub fn capture(state: AppState, include_data: bool) -> Option<Link> {
    let dataset = state.dataset.get_untracked()?;
    let settings = Settings {
        lang: Some(state.lang.get_untracked()),
        tab: Some(state.tab.get_untracked().id().to_string()),
        level: Some(state.level.get_untracked()),
        group: Some(state.group.get_untracked()),
        weight: Some(state.weight.get_untracked()),
        median_rule: Some(state.median_rule.get_untracked()),
        county: state.county_typed.with_untracked(|c| c.name.clone()),
        year: state.county_typed.with_untracked(|c| c.year),
        unit: state.county_typed.with_untracked(|c| c.unit.clone()),
    };
    let column =
        |mapping: &junheng_core::ingest::Mapping, field| mapping.get(field).map(|m| m.column);
    let mapping = Field::ALL
        .into_iter()
        .filter(|&field| {
            column(&dataset.detected, field) != column(&dataset.ingested.mapping, field)
        })
        .map(|field| (field, dataset.header_of(field)))
        .collect();
    let view = SharedView {
        settings,
        mapping,
        custom: state.custom.get_untracked(),
        standard: Some(StandardChoice {
            pick: state.standard_pick.get_untracked(),
            options: state.standard_options.get_untracked(),
        }),
        file: Some(FileRef::of(
            &dataset.ingested.table.source.name,
            &dataset.bytes,
        )),
    };
    Some(Link {
        view,
        data: include_data.then(|| dataset.bytes.to_vec()),
    })
}

/// The link's full address.
async fn make(state: AppState, include_data: bool, passphrase: String) -> Result<String, String> {
    let link = capture(state, include_data).ok_or_else(|| "no data".to_string())?;
    let has_data = link.data.is_some();
    let compressed = codec::compress(&link);
    let fragment = if passphrase.is_empty() {
        codec::fragment(&compressed, has_data)
    } else {
        let (salt, iv, ciphertext) = share_crypto::encrypt(&passphrase, &compressed)
            .await
            .map_err(|e| state.t(e.key()).to_string())?;
        codec::encrypted_fragment(&salt, &iv, &ciphertext, has_data)
    };
    Ok(format!("{}#{fragment}", share_crypto::page_address()))
}

/// The made link and what happened to it.
#[derive(Clone, PartialEq)]
struct Made {
    url: Arc<str>,
    encrypted: bool,
    copied: bool,
}

/// The share button (in the export bar) and its panel, which opens below the bar's buttons.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let include_data = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let made = RwSignal::new(None::<Made>);
    let failure = RwSignal::new(None::<String>);
    let link_input = NodeRef::<leptos::html::Input>::new();
    // Another choice: the link shown no longer describes the view.
    Effect::new(move |_| {
        include_data.track();
        passphrase.track();
        state.dataset.track();
        state.lang.track();
        state.tab.track();
        state.level.track();
        state.group.track();
        state.weight.track();
        state.median_rule.track();
        state.custom.track();
        state.standard_pick.track();
        state.standard_options.track();
        made.set(None);
    });
    let copy = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        let (data, pass) = (include_data.get_untracked(), passphrase.get_untracked());
        spawn_local(async move {
            match make(state, data, pass.clone()).await {
                Ok(url) => {
                    let copied = share_crypto::copy_text(&url).await;
                    made.set(Some(Made {
                        url: url.into(),
                        encrypted: !pass.is_empty(),
                        copied,
                    }));
                    if !copied {
                        // The fallback: the link selected in its read-only field.
                        request_animation_frame(move || {
                            if let Some(input) = link_input.get_untracked() {
                                let _ = input.focus();
                                input.select();
                            }
                        });
                    }
                }
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };
    let offline_failure = RwSignal::new(None::<String>);
    let download_offline = move |_| {
        offline_failure.set(None);
        spawn_local(async move {
            let result = share_crypto::fetch_own("junheng.html")
                .await
                .and_then(|bytes| {
                    crate::export::download::download_bytes(
                        &bytes,
                        "junheng-offline.html",
                        "text/html",
                    )
                });
            if let Err(error) = result {
                offline_failure.set(Some(error));
            }
        });
    };
    let hosted = share_crypto::is_hosted();
    view! {
        <button type="button" class="secondary share-toggle" id="share-toggle" data-testid="share-open"
                aria-expanded=move || open.get().to_string() aria-controls="share-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
            {move || state.t(K::ShareOpen)}
        </button>
        <div id="share-panel" class="share-panel" data-testid="share-panel" hidden=move || !open.get()>
                <h2>{move || state.t(K::ShareTitle)}</h2>
                <p class="hint">{move || state.t(K::ShareIntro)}</p>
                <div class="share-options">
                    <label class="check">
                        <input type="checkbox" data-testid="share-include-data" prop:checked=move || include_data.get()
                            on:change=move |ev| include_data.set(event_target::<HtmlInputElement>(&ev).checked()) />
                        <span>{move || state.t(K::ShareIncludeData)}</span>
                    </label>
                    <p class="hint">{move || state.t(K::ShareIncludeDataHint)}</p>
                    <label class="passphrase">
                        <span>{move || state.t(K::SharePassphrase)}</span>
                        <input type="password" autocomplete="new-password" data-testid="share-passphrase"
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target::<HtmlInputElement>(&ev).value()) />
                    </label>
                    <p class="hint">{move || state.t(K::SharePassphraseHint)}</p>
                </div>
                <button type="button" data-testid="share-copy" on:click=copy disabled=move || busy.get()>
                    {move || if busy.get() { state.t(K::ShareMaking) } else { state.t(K::ShareCopy) }}
                </button>
                {move || failure.get().map(|e| view! {
                    <p class="error" role="alert" data-testid="share-error">{state.t(K::ShareFailed)}{e}</p>
                })}
                <div role="status" class="share-result">
                {move || made.get().map(|m| {
                    let len = m.url.chars().count();
                    let warning = length_warning(len);
                    let qr = qr_svg(&m.url);
                    let url = m.url.clone();
                    view! {
                        <p data-testid="share-status">
                            {if m.copied { state.t(K::ShareCopied) } else { state.t(K::ShareCopyManual) }}
                            {m.encrypted.then(|| view! { " " {state.t(K::ShareEncrypted)} })}
                        </p>
                        <label class="share-link">
                            <span>{state.t(K::ShareLink)}</span>
                            <input type="text" readonly=true data-testid="share-link" node_ref=link_input
                                prop:value=url.to_string() on:focus=move |ev| { event_target::<HtmlInputElement>(&ev).select(); } />
                        </label>
                        <p>
                            {state.t(K::ShareLength)}
                            <span data-testid="share-length">{len}</span>" "{state.t(K::ShareChars)}
                        </p>
                        {warning.map(|k| view! { <p class="warning" role="alert" data-testid="share-warning">{state.t(k)}</p> })}
                        {match qr {
                            Some(svg) => view! {
                                <figure class="qr">
                                    <div data-testid="share-qr" role="img" aria-label=state.t(K::ShareQr) inner_html=svg></div>
                                    <figcaption>{state.t(K::ShareQr)}</figcaption>
                                </figure>
                            }.into_any(),
                            None => view! { <p class="hint" data-testid="share-qr-none">{state.t(K::ShareQrTooLong)}</p> }.into_any(),
                        }}
                    }
                })}
                </div>
                <Show when=move || hosted>
                    <h3>{move || state.t(K::OfflineTitle)}</h3>
                    <p class="hint">{move || state.t(K::OfflineIntro)}</p>
                    <button type="button" class="secondary" data-testid="download-offline" on:click=download_offline>
                        {move || state.t(K::OfflineDownload)}
                    </button>
                    {move || offline_failure.get().map(|e| view! {
                        <p class="error" role="alert">{state.t(K::OfflineFailed)}{e}</p>
                    })}
                </Show>
                <p>
                    <button type="button" class="link" data-testid="share-close" on:click=move |_| open.set(false)>
                        {move || state.t(K::ShareClose)}
                    </button>
                </p>
        </div>
    }
}
