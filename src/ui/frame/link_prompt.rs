//! Opening a share link: reads the page's fragment once; asks for the passphrase of an encrypted
//! link; loads the data a link carries; waits for the file when the link holds settings only
//! and another file is loaded; applies the settings and names what the file lacks. A damaged,
//! cut or foreign fragment gives its message in both languages, never a crash.

use std::sync::Arc;

use junheng_core::ingest::ReadOptions;
use junheng_core::{Field, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::browser::share_crypto;
use crate::i18n::{t, K};
use crate::model::dataset::Dataset;
use crate::model::shared::Shared;
use crate::share::apply::plan;
use crate::share::codec::{self, Opened, IV_LEN, SALT_LEN};
use crate::share::view::{Link, SharedView};
use crate::share::LinkError;
use crate::state::{AppState, Tab};

/// Sets the view's choices on the loaded file; gives what the file lacks.
pub fn apply(state: AppState, view: &SharedView) -> Vec<String> {
    let Some(dataset) = state.dataset.get_untracked() else {
        return Vec::new();
    };
    let headers = dataset.ingested.table.headers.clone();
    for (field, column) in plan(view, &headers, &[]).mapping {
        state.set_mapping(field, column);
    }
    let levels = state
        .dataset
        .get_untracked()
        .map(|d| d.values_of(Field::Level))
        .unwrap_or_default();
    let plan = plan(view, &headers, &levels);
    if let Some(level) = plan.level {
        state.level.set(level);
    }
    if let Some(group) = plan.group {
        state.group.set(group);
    }
    if let Some(weight) = plan.weight {
        state.weight.set(weight);
    }
    let settings = &view.settings;
    if let Some(rule) = settings.median_rule {
        state.median_rule.set(rule);
    }
    state.custom.set(view.custom.clone());
    if let Some(standard) = &view.standard {
        state.standard_pick.set(standard.pick);
        state.standard_options.set(standard.options);
    }
    if settings.county.is_some() || settings.year.is_some() || settings.unit.is_some() {
        state.county_typed.set(junheng_core::county::CountyGiven {
            name: settings.county.clone(),
            year: settings.year,
            unit: settings.unit.clone(),
        });
    }
    if let Some(tab) = settings.tab.as_deref().and_then(Tab::from_id) {
        state.tab.set(tab);
    }
    if let Some(lang) = settings.lang {
        state.lang.set(lang);
    }
    plan.missing
}

/// Where the link stands.
#[derive(Clone, PartialEq)]
enum Status {
    /// No link, or dismissed.
    Idle,
    /// The fragment cannot be opened.
    Failed(LinkError),
    /// Encrypted: waiting for the passphrase.
    Locked {
        salt: [u8; SALT_LEN],
        iv: [u8; IV_LEN],
        ciphertext: Arc<[u8]>,
    },
    /// Settings only, for a file not loaded yet (named when known).
    Waiting(Option<String>),
    /// Applied; the headers and levels the file lacks.
    Applied(Vec<String>),
}

/// The settings waiting for a file: applied when the dataset is no longer `baseline`.
type Pending = Option<(SharedView, Option<Shared<Dataset>>)>;

/// A message in the page's language, then in the other one.
fn both(lang: Lang, key: K) -> impl IntoView {
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    view! { {t(lang, key)}<br /><span class="other-lang" lang=crate::i18n::lang_code(other)>{t(other, key)}</span> }
}

/// The link's prompt and notes, above the tabs.
#[component]
pub fn LinkPrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(Status::Idle);
    let pending = StoredValue::new(None as Pending);
    let wrong = RwSignal::new(None::<LinkError>);
    let unlocking = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());

    let handle = move |link: Link| {
        let baseline = state.dataset.get_untracked();
        let Link { view, data } = link;
        if let Some(data) = data {
            let name = view
                .file
                .as_ref()
                .map_or("data", |f| f.name.as_str())
                .to_string();
            pending.set_value(Some((view, baseline)));
            crate::load::bytes(state, Arc::from(data), ReadOptions::new(&name), false);
            return;
        }
        let matches = match (&view.file, &baseline) {
            (Some(file), Some(dataset)) => file.matches(&dataset.bytes),
            (None, Some(_)) => true,
            _ => false,
        };
        if matches {
            status.set(Status::Applied(apply(state, &view)));
        } else {
            status.set(Status::Waiting(view.file.as_ref().map(|f| f.name.clone())));
            pending.set_value(Some((view, baseline)));
        }
    };

    match codec::open(&share_crypto::fragment()) {
        Ok(None) => {}
        Ok(Some(Opened::Plain(link))) => handle(*link),
        Ok(Some(Opened::Encrypted {
            salt,
            iv,
            ciphertext,
        })) => status.set(Status::Locked {
            salt,
            iv,
            ciphertext: ciphertext.into(),
        }),
        Err(error) => status.set(Status::Failed(error)),
    }

    // A file arrived (chosen by the user, or the link's own data): apply the waiting settings.
    Effect::new(move |_| {
        let dataset = state.dataset.get();
        let ready =
            pending.with_value(|p| matches!(p, Some((_, baseline)) if *baseline != dataset));
        if !ready || dataset.is_none() {
            return;
        }
        if let Some((view, _)) = pending.try_update_value(Option::take).flatten() {
            status.set(Status::Applied(apply(state, &view)));
        }
    });

    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Status::Locked {
            salt,
            iv,
            ciphertext,
        } = status.get_untracked()
        else {
            return;
        };
        if unlocking.get_untracked() {
            return;
        }
        unlocking.set(true);
        wrong.set(None);
        let pass = passphrase.get_untracked();
        spawn_local(async move {
            let opened = match share_crypto::decrypt(&pass, &salt, &iv, &ciphertext).await {
                Ok(plain) => codec::open_inner(&plain),
                Err(error) => Err(error),
            };
            unlocking.set(false);
            match opened {
                Ok(link) => {
                    passphrase.set(String::new());
                    status.set(Status::Idle);
                    handle(link);
                }
                Err(error) => wrong.set(Some(error)),
            }
        });
    };
    let dismiss = move |_| {
        pending.set_value(None);
        status.set(Status::Idle);
    };

    move || {
        let lang = state.lang.get();
        match status.get() {
            Status::Idle => ().into_any(),
            Status::Failed(error) => view! {
                <div class="error link-note" role="alert" data-testid="link-error">
                    <strong>{t(lang, K::LinkTitle)}</strong>{both(lang, error.key())}
                    " "<button type="button" class="link" on:click=dismiss>{t(lang, K::ShareClose)}</button>
                </div>
            }
            .into_any(),
            Status::Locked { .. } => view! {
                <form class="link-note link-unlock" data-testid="link-unlock-form" on:submit=unlock>
                    <p><strong>{t(lang, K::LinkEncrypted)}</strong></p>
                    <label>
                        <span>{t(lang, K::LinkPassphrase)}</span>
                        <input type="password" autocomplete="off" data-testid="link-passphrase" autofocus
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target::<HtmlInputElement>(&ev).value()) />
                    </label>
                    <button type="submit" data-testid="link-unlock" disabled=move || unlocking.get()>
                        {move || if unlocking.get() { t(lang, K::LinkUnlocking) } else { t(lang, K::LinkUnlock) }}
                    </button>
                    " "<button type="button" class="link" on:click=dismiss>{t(lang, K::LinkIgnore)}</button>
                    {move || wrong.get().map(|e| view! {
                        <p class="error" role="alert" data-testid="link-error">{both(lang, e.key())}</p>
                    })}
                </form>
            }
            .into_any(),
            Status::Waiting(name) => view! {
                <div class="link-note" role="status" data-testid="link-waiting">
                    <p><strong>{t(lang, K::LinkWaiting)}</strong></p>
                    {name.map(|n| view! { <p>{t(lang, K::LinkMadeWith)}<span class="file-name">{n}</span></p> })}
                    <button type="button" class="link" on:click=dismiss>{t(lang, K::LinkIgnore)}</button>
                </div>
            }
            .into_any(),
            Status::Applied(missing) => view! {
                <div class="link-note" role="status" data-testid="link-applied">
                    <p>{t(lang, K::LinkApplied)}</p>
                    {(!missing.is_empty()).then(|| view! {
                        <p class="warning" data-testid="link-missing">{t(lang, K::LinkMissing)}{missing.join("、")}</p>
                    })}
                    <button type="button" class="link" on:click=dismiss>{t(lang, K::ShareClose)}</button>
                </div>
            }
            .into_any(),
        }
    }
}
