//! The browser's side of share links: passphrase encryption with WebCrypto (PBKDF2-SHA256 →
//! AES-GCM 256, random salt and nonce per link), the clipboard, the page's own address.
//! The envelope around the ciphertext is [`crate::share::codec`].

use js_sys::{Array, Object, Reflect, Uint8Array};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::share::codec::{IV_LEN, PBKDF2_ITERATIONS, SALT_LEN};
use crate::share::LinkError;

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), LinkError> {
    let crypto = window().crypto().map_err(|_| LinkError::NoCrypto)?;
    // `crypto.subtle` is undefined outside a secure context.
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| LinkError::NoCrypto)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(LinkError::NoCrypto);
    }
    Ok((crypto, subtle.unchecked_into()))
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}

/// The AES-GCM key of `passphrase` with `salt`.
async fn key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    usage: &str,
) -> Result<CryptoKey, JsValue> {
    let raw: Object = Uint8Array::from(passphrase.as_bytes()).into();
    let base = subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?;
    let base: CryptoKey = JsFuture::from(base).await?.unchecked_into();
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", PBKDF2_ITERATIONS.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &aes,
        false,
        &Array::of1(&usage.into()),
    )?;
    Ok(JsFuture::from(key).await?.unchecked_into())
}

fn gcm(iv: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
    ])
}

/// Encrypts `plain` under `passphrase`: (salt, nonce, ciphertext with its tag).
pub async fn encrypt(
    passphrase: &str,
    plain: &[u8],
) -> Result<([u8; SALT_LEN], [u8; IV_LEN], Vec<u8>), LinkError> {
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; SALT_LEN];
    let mut iv = [0u8; IV_LEN];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut iv))
        .map_err(|_| LinkError::NoCrypto)?;
    let sealed = async {
        let key = key(&subtle, passphrase, &salt, "encrypt").await?;
        let promise = subtle.encrypt_with_object_and_u8_array(&gcm(&iv), &key, plain)?;
        JsFuture::from(promise).await
    }
    .await
    .map_err(|_| LinkError::NoCrypto)?;
    Ok((salt, iv, Uint8Array::new(&sealed).to_vec()))
}

/// Decrypts a link's ciphertext; a failed authentication is [`LinkError::WrongPassphrase`].
pub async fn decrypt(
    passphrase: &str,
    salt: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
) -> Result<Vec<u8>, LinkError> {
    let (_, subtle) = subtle()?;
    let key = key(&subtle, passphrase, salt, "decrypt")
        .await
        .map_err(|_| LinkError::NoCrypto)?;
    let promise = subtle
        .decrypt_with_object_and_u8_array(&gcm(iv), &key, ciphertext)
        .map_err(|_| LinkError::NoCrypto)?;
    // An OperationError: the tag does not match, so the key (the passphrase) is wrong.
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| LinkError::WrongPassphrase)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// Writes `text` to the clipboard; `false` when the browser refuses (no permission, no
/// secure context, an old browser).
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The page's address without its fragment.
pub fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The page's fragment (with `#`), or empty.
pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// True when the page is served over http(s), not opened from disk.
pub fn is_hosted() -> bool {
    matches!(
        window().location().protocol().as_deref(),
        Ok("http:") | Ok("https:")
    )
}

/// Fetches a file of the page's own origin (same-origin, allowed by the CSP).
pub async fn fetch_own(path: &str) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(window().fetch_with_str(path))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
