//! Browser tests of share links: the passphrase through WebCrypto, and a view captured from one
//! page state, encoded, decoded and applied to another.
#![cfg(target_arch = "wasm32")]

use junheng_app::browser::share_crypto::{decrypt, encrypt};
use junheng_app::share::codec::{self, Opened};
use junheng_app::share::LinkError;
use junheng_app::state::{AppState, Tab};
use junheng_app::ui::frame::link_prompt::apply;
use junheng_app::ui::frame::share_panel::capture;
use junheng_core::analysis::{IndicatorSpec, WeightSpec};
use junheng_core::measures::Measure;
use junheng_core::{Field, Lang};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_passphrase_opens_the_link_and_nothing_else_does() {
    let plain = "学校名称,在校学生数\n一小,100\n".as_bytes().to_vec();
    let (salt, iv, ciphertext) = encrypt("正确 correct", &plain).await.unwrap();
    assert_eq!(
        ciphertext.len(),
        plain.len() + 16,
        "ciphertext and the GCM tag"
    );
    assert!(!ciphertext.windows(6).any(|w| w == "学校".as_bytes()));
    assert_eq!(
        decrypt("正确 correct", &salt, &iv, &ciphertext).await,
        Ok(plain.clone())
    );
    assert_eq!(
        decrypt("正确 correct ", &salt, &iv, &ciphertext).await,
        Err(LinkError::WrongPassphrase)
    );
    let mut altered = ciphertext.clone();
    altered[0] ^= 1;
    assert_eq!(
        decrypt("正确 correct", &salt, &iv, &altered).await,
        Err(LinkError::WrongPassphrase)
    );
    // A random salt and nonce per link: the same text never gives the same link.
    let (salt2, iv2, ciphertext2) = encrypt("正确 correct", &plain).await.unwrap();
    assert!(salt2 != salt && iv2 != iv && ciphertext2 != ciphertext);
}

#[wasm_bindgen_test]
fn a_captured_view_applies_to_another_page() {
    Owner::new().with(|| {
        let state = AppState::new(Lang::Zh);
        junheng_app::load::sample(state);
        state.set_mapping(Field::Books, None);
        state.level.set(Some("初中".into()));
        state.weight.set(WeightSpec::Unweighted);
        state.tab.set(Tab::Charts);
        state.custom.set(vec![IndicatorSpec {
            name: "每百生计算机".into(),
            expr: "计算机台数/在校学生数*100".into(),
        }]);
        let link = capture(state, false).unwrap();
        assert_eq!(link.view.mapping, vec![(Field::Books, None)]);
        let fragment = codec::fragment(&codec::compress(&link), false);
        let Ok(Some(Opened::Plain(back))) = codec::open(&fragment) else {
            panic!("{fragment}");
        };
        assert_eq!(*back, link);

        let other = AppState::new(Lang::En);

        junheng_app::load::sample(other);
        let missing = apply(other, &back.view);
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(other.level.get_untracked().as_deref(), Some("初中"));
        assert_eq!(other.weight.get_untracked(), WeightSpec::Unweighted);
        assert_eq!(other.tab.get_untracked(), Tab::Charts);
        assert_eq!(other.lang.get_untracked(), Lang::Zh);
        assert!(other.dataset.with_untracked(|d| d
            .as_ref()
            .unwrap()
            .ingested
            .mapping
            .get(Field::Books)
            .is_none()));
        let cvs = |s: AppState| {
            s.analysis.with_untracked(|a| {
                let a = a.as_ref().unwrap().as_ref().unwrap();
                a.report
                    .indicators
                    .iter()
                    .map(|i| (i.name.clone(), i[Measure::Cv]))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(cvs(other), cvs(state));
        assert!(cvs(other).iter().any(|(name, _)| name == "每百生计算机"));
    });
}
