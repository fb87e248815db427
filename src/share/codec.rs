//! The fragment format (spec: `docs/share-links.md`).
//!
//! ```text
//! #jh2.<base64url(body)>
//! body = flags:u8 · payload · crc32(flags · payload):u32 LE
//! flags: bit 0 encrypted, bit 1 data included; other bits 0
//! payload, plain:     deflate(inner)
//! payload, encrypted: salt[16] · iv[12] · AES-GCM-256(deflate(inner))   (key: PBKDF2-SHA256)
//! inner = json length:u32 LE · json (SharedView) · file bytes (the rest, when included)
//! ```
//!
//! Version 1 (the first links: settings only, no flags, no data) is still read:
//! `#jh1.<base64url(deflate(json) · crc32(deflate(json)):u32 LE)>`.
//!
//! Encryption is done by the browser (WebCrypto); this module builds and splits the envelope.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde_json::Value;

use super::base64url;
use super::view::{Link, SharedView};
use crate::crc32::crc32;
use crate::i18n::K;

/// Prefix of every link fragment, before the version number.
pub const PREFIX: &str = "jh";
/// The version this page writes.
pub const VERSION: u32 = 2;
/// PBKDF2-SHA256 iterations for the passphrase key (OWASP 2023: 600 000; at least 210 000).
pub const PBKDF2_ITERATIONS: u32 = 210_000;
/// Random salt per link.
pub const SALT_LEN: usize = 16;
/// Random AES-GCM nonce per link.
pub const IV_LEN: usize = 12;
/// Largest inflated content accepted (a link is not a way to fill the tab's memory).
pub const MAX_INFLATED: usize = 64 << 20;
/// A link's content may inflate to at most this many times its compressed size (a county's
/// CSV deflates 4 to 10 times; a 163 KB link carrying a 60 MiB cell, 376 times, took 37 s and
/// 5.2 GB to open) ...
pub const MAX_RATIO: usize = 32;
/// ... or to this much, whatever its size: a small view or file always opens.
pub const MIN_INFLATED: usize = 1 << 20;

/// What `compressed` bytes may inflate to before the link is refused as too large.
pub fn inflate_limit(compressed: usize) -> usize {
    compressed
        .saturating_mul(MAX_RATIO)
        .clamp(MIN_INFLATED, MAX_INFLATED)
}
/// Longest fragment without the `jh` prefix taken for an in-page anchor and ignored.
const MAX_ANCHOR: usize = 40;

const ENCRYPTED: u8 = 1;
const HAS_DATA: u8 = 2;

/// Why a fragment cannot be opened. Each has a message in both languages ([`LinkError::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a junheng link at all.
    Foreign,
    /// Cut off or altered: the checksum, the base64 or the compressed stream is wrong.
    Damaged,
    /// Written by a newer page than this one.
    Newer(u32),
    /// Expands beyond [`MAX_INFLATED`].
    TooLarge,
    /// The passphrase does not open it (AES-GCM authentication failed).
    WrongPassphrase,
    /// The browser has no WebCrypto (an old browser, or a page not in a secure context).
    NoCrypto,
}

impl LinkError {
    /// Message key (the page shows it in both languages).
    pub fn key(self) -> K {
        match self {
            LinkError::Foreign => K::LinkForeign,
            LinkError::Damaged => K::LinkDamaged,
            LinkError::Newer(_) => K::LinkNewer,
            LinkError::TooLarge => K::LinkTooLarge,
            LinkError::WrongPassphrase => K::LinkWrongPassphrase,
            LinkError::NoCrypto => K::LinkNoCrypto,
        }
    }
}

/// A fragment split into its parts, before decryption.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// Readable as is.
    Plain(Box<Link>),
    /// Needs the passphrase: decrypt `ciphertext` with a key from `salt`, then [`open_inner`].
    Encrypted {
        /// PBKDF2 salt.
        salt: [u8; SALT_LEN],
        /// AES-GCM nonce.
        iv: [u8; IV_LEN],
        /// Ciphertext with its 16-byte tag at the end.
        ciphertext: Vec<u8>,
    },
}

/// The compressed inner content of `link` (what is encrypted when a passphrase is given).
pub fn compress(link: &Link) -> Vec<u8> {
    let json = link.view.to_value().to_string();
    let data = link.data.as_deref().unwrap_or_default();
    let mut inner = Vec::with_capacity(4 + json.len() + data.len());
    inner.extend_from_slice(&(json.len() as u32).to_le_bytes());
    inner.extend_from_slice(json.as_bytes());
    inner.extend_from_slice(data);
    compress_to_vec(&inner, 9)
}

fn seal(flags: u8, payload: &[&[u8]]) -> String {
    let mut body = vec![flags];
    for part in payload {
        body.extend_from_slice(part);
    }
    let crc = crc32(&body);
    body.extend_from_slice(&crc.to_le_bytes());
    format!("{PREFIX}{VERSION}.{}", base64url::encode(&body))
}

/// The fragment (without `#`) of a plain link; `compressed` from [`compress`].
pub fn fragment(compressed: &[u8], has_data: bool) -> String {
    seal(if has_data { HAS_DATA } else { 0 }, &[compressed])
}

/// The fragment of an encrypted link; `ciphertext` is AES-GCM of [`compress`]'s output.
pub fn encrypted_fragment(
    salt: &[u8; SALT_LEN],
    iv: &[u8; IV_LEN],
    ciphertext: &[u8],
    has_data: bool,
) -> String {
    let flags = ENCRYPTED | if has_data { HAS_DATA } else { 0 };
    seal(flags, &[salt, iv, ciphertext])
}

/// Reads a location fragment (with or without `#`). `Ok(None)`: no link (empty, or a short
/// in-page anchor like `#main`).
pub fn open(fragment: &str) -> Result<Option<Opened>, LinkError> {
    let fragment = fragment.trim().trim_start_matches('#');
    let Some(rest) = fragment.strip_prefix(PREFIX) else {
        return if is_anchor(fragment) {
            Ok(None)
        } else {
            Err(LinkError::Foreign)
        };
    };
    let Some((version, body)) = rest.split_once('.') else {
        return if is_anchor(fragment) {
            Ok(None)
        } else {
            Err(LinkError::Foreign)
        };
    };
    let version: u32 = match version.parse() {
        Ok(v) if !version.starts_with(['+', '0']) => v,
        _ => return Err(LinkError::Foreign),
    };
    let body = base64url::decode(body).ok_or(LinkError::Damaged)?;
    let body = checked(&body)?;
    match version {
        1 => {
            open_inner_v1(body).map(|view| Some(Opened::Plain(Box::new(Link { view, data: None }))))
        }
        2 => open_v2(body).map(Some),
        v if v > VERSION => Err(LinkError::Newer(v)),
        _ => Err(LinkError::Foreign),
    }
}

/// A short id-like fragment (`#main`): an in-page anchor, not a link.
fn is_anchor(fragment: &str) -> bool {
    fragment.len() <= MAX_ANCHOR
        && fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `body` without its CRC-32, if that matches.
fn checked(body: &[u8]) -> Result<&[u8], LinkError> {
    if body.len() < 5 {
        return Err(LinkError::Damaged);
    }
    let (content, crc) = body.split_at(body.len() - 4);
    if crc32(content).to_le_bytes() != crc {
        return Err(LinkError::Damaged);
    }
    Ok(content)
}

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, LinkError> {
    decompress_to_vec_with_limit(bytes, inflate_limit(bytes.len())).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
        _ => LinkError::Damaged,
    })
}

fn open_v2(body: &[u8]) -> Result<Opened, LinkError> {
    let (&flags, payload) = body.split_first().ok_or(LinkError::Damaged)?;
    if flags & !(ENCRYPTED | HAS_DATA) != 0 {
        return Err(LinkError::Damaged);
    }
    if flags & ENCRYPTED == 0 {
        return open_inner(payload).map(|link| Opened::Plain(Box::new(link)));
    }
    // The 16-byte tag of AES-GCM comes after the ciphertext.
    if payload.len() < SALT_LEN + IV_LEN + 16 {
        return Err(LinkError::Damaged);
    }
    let (salt, rest) = payload.split_at(SALT_LEN);
    let (iv, ciphertext) = rest.split_at(IV_LEN);
    Ok(Opened::Encrypted {
        salt: salt.try_into().expect("16 bytes"),
        iv: iv.try_into().expect("12 bytes"),
        ciphertext: ciphertext.to_vec(),
    })
}

/// The link in compressed inner content (a plain payload, or a decrypted one).
pub fn open_inner(compressed: &[u8]) -> Result<Link, LinkError> {
    let inner = inflate(compressed)?;
    if inner.len() < 4 {
        return Err(LinkError::Damaged);
    }
    let (len, rest) = inner.split_at(4);
    let len = u32::from_le_bytes(len.try_into().expect("4 bytes")) as usize;
    if rest.len() < len {
        return Err(LinkError::Damaged);
    }
    let (json, data) = rest.split_at(len);
    let view = view_of(json)?;
    let data = (!data.is_empty()).then(|| data.to_vec());
    if data.is_some() && view.file.is_none() {
        return Err(LinkError::Damaged);
    }
    Ok(Link { view, data })
}

fn view_of(json: &[u8]) -> Result<SharedView, LinkError> {
    serde_json::from_slice::<Value>(json)
        .ok()
        .as_ref()
        .and_then(SharedView::from_value)
        .ok_or(LinkError::Damaged)
}

/// Version 1: the body is deflated JSON of the view.
fn open_inner_v1(body: &[u8]) -> Result<SharedView, LinkError> {
    view_of(&inflate(body)?)
}

/// What a link of `len` characters risks: a chat app cutting it (> 2 000), a browser refusing
/// it (> 32 000).
pub fn length_warning(len: usize) -> Option<K> {
    match len {
        0..=2000 => None,
        2001..=32000 => Some(K::ShareWarnChat),
        _ => Some(K::ShareWarnBrowser),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::view::tests::full_view;
    use crate::share::view::FileRef;

    /// A version-1 link as the first release wrote it.
    fn v1(view: &SharedView) -> String {
        let mut body = compress_to_vec(view.to_value().to_string().as_bytes(), 9);
        let crc = crc32(&body);
        body.extend_from_slice(&crc.to_le_bytes());
        format!("jh1.{}", base64url::encode(&body))
    }

    fn plain(link: &Link) -> String {
        fragment(&compress(link), link.data.is_some())
    }

    fn data_link() -> Link {
        let bytes = "学校,学生数\n一小,100\n二小,200\n".repeat(400).into_bytes();
        let mut view = full_view();
        view.file = Some(FileRef::of("县.csv", &bytes));
        Link {
            view,
            data: Some(bytes),
        }
    }

    #[test]
    fn plain_links_round_trip() {
        let links = [
            Link::default(),
            Link {
                view: full_view(),
                data: None,
            },
            data_link(),
        ];
        for link in links {
            let text = plain(&link);
            assert!(text.starts_with("jh2."), "{text}");
            assert!(text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
            assert_eq!(open(&text), Ok(Some(Opened::Plain(Box::new(link.clone())))));
            assert_eq!(
                open(&format!("#{text}")),
                Ok(Some(Opened::Plain(Box::new(link))))
            );
        }
    }

    #[test]
    fn data_compresses() {
        let link = data_link();
        let text = plain(&link);
        assert!(
            text.len() * 8 < link.data.as_ref().unwrap().len(),
            "{}",
            text.len()
        );
    }

    #[test]
    fn encrypted_links_split_into_their_parts() {
        let salt = [7u8; SALT_LEN];
        let iv = [9u8; IV_LEN];
        let ciphertext = vec![1u8; 40];
        let text = encrypted_fragment(&salt, &iv, &ciphertext, true);
        assert_eq!(
            open(&text),
            Ok(Some(Opened::Encrypted {
                salt,
                iv,
                ciphertext
            }))
        );
        // Shorter than a tag: damaged.
        let text = encrypted_fragment(&salt, &iv, &[1u8; 15], false);
        assert_eq!(open(&text), Err(LinkError::Damaged));
    }

    #[test]
    fn a_newer_page_reads_version_1_links() {
        let view = full_view();
        assert_eq!(
            open(&v1(&view)),
            Ok(Some(Opened::Plain(Box::new(Link { view, data: None }))))
        );
    }

    #[test]
    fn bad_fragments_give_their_error_never_a_panic() {
        let good = plain(&Link {
            view: full_view(),
            data: None,
        });
        let body = good.strip_prefix("jh2.").unwrap();
        let mut flipped = body.as_bytes().to_vec();
        let middle = flipped.len() / 2;
        flipped[middle] = if flipped[middle] == b'A' { b'B' } else { b'A' };
        let flipped = format!("jh2.{}", String::from_utf8(flipped).unwrap());
        let bad_flags = {
            let mut body = vec![0x80u8, 1, 2, 3];
            let crc = crc32(&body);
            body.extend_from_slice(&crc.to_le_bytes());
            format!("jh2.{}", base64url::encode(&body))
        };
        let not_deflate = {
            let mut body = vec![0u8, 0xff, 0xff, 0xff];
            let crc = crc32(&body);
            body.extend_from_slice(&crc.to_le_bytes());
            format!("jh2.{}", base64url::encode(&body))
        };
        let cases: Vec<(String, Result<Option<()>, LinkError>)> = vec![
            (String::new(), Ok(None)),
            ("#".into(), Ok(None)),
            ("#main".into(), Ok(None)),
            ("jh".into(), Ok(None)),
            (good.clone(), Ok(Some(()))),
            (format!("  {good}\n"), Ok(Some(()))),
            (good[..good.len() - 1].into(), Err(LinkError::Damaged)),
            (good[..good.len() / 2].into(), Err(LinkError::Damaged)),
            (good[..6].into(), Err(LinkError::Damaged)),
            ("jh2.".into(), Err(LinkError::Damaged)),
            (format!("{good}x"), Err(LinkError::Damaged)),
            (format!("{good}%20"), Err(LinkError::Damaged)),
            (flipped, Err(LinkError::Damaged)),
            (bad_flags, Err(LinkError::Damaged)),
            (not_deflate, Err(LinkError::Damaged)),
            (good.replacen("jh2.", "jh3.", 1), Err(LinkError::Newer(3))),
            (good.replacen("jh2.", "jh17.", 1), Err(LinkError::Newer(17))),
            (good.replacen("jh2.", "jh0.", 1), Err(LinkError::Foreign)),
            (good.replacen("jh2.", "jh02.", 1), Err(LinkError::Foreign)),
            (good.replacen("jh2.", "jhx.", 1), Err(LinkError::Foreign)),
            (
                good.replacen("jh2.", "jh99999999999.", 1),
                Err(LinkError::Foreign),
            ),
            (
                "access_token=abc&expires_in=3600".into(),
                Err(LinkError::Foreign),
            ),
            ("x".repeat(41), Err(LinkError::Foreign)),
            ("/route/a.b".into(), Err(LinkError::Foreign)),
        ];
        for (fragment, expected) in cases {
            let got = open(&fragment).map(|o| o.map(|_| ()));
            assert_eq!(got, expected, "{fragment:?}");
        }
    }

    #[test]
    fn inner_content_is_checked() {
        // Length field longer than the content; data without a file name; a bomb.
        let mut inner = 100u32.to_le_bytes().to_vec();
        inner.extend_from_slice(b"{}");
        assert_eq!(
            open_inner(&compress_to_vec(&inner, 6)),
            Err(LinkError::Damaged)
        );
        let mut inner = 2u32.to_le_bytes().to_vec();
        inner.extend_from_slice(b"{}data");
        assert_eq!(
            open_inner(&compress_to_vec(&inner, 6)),
            Err(LinkError::Damaged)
        );
        let mut inner = 2u32.to_le_bytes().to_vec();
        inner.extend_from_slice(b"{}");
        assert_eq!(
            open_inner(&compress_to_vec(&inner, 6)).map(|l| l.view),
            Ok(SharedView::default())
        );
        let zeros = vec![0u8; MAX_INFLATED + 1];
        assert_eq!(
            open_inner(&compress_to_vec(&zeros, 6)),
            Err(LinkError::TooLarge)
        );
        assert_eq!(open_inner(b"not deflate"), Err(LinkError::Damaged));
    }

    #[test]
    fn a_link_inflates_at_most_a_bounded_multiple_of_its_size() {
        assert_eq!(inflate_limit(1000), MIN_INFLATED);
        assert_eq!(inflate_limit(163 << 10), (163 << 10) * MAX_RATIO);
        assert_eq!(inflate_limit(usize::MAX), MAX_INFLATED);
        // A file whose one cell is 60 MiB, as a link of the issue carried: refused before
        // the cell is inflated in full (it deflates about 1 000 times, beyond 32).
        let mut inner = 2u32.to_le_bytes().to_vec();
        inner.extend_from_slice(b"{}");
        inner.extend_from_slice(b"a,b\n1,\"");
        inner.resize(inner.len() + (60 << 20), b'7');
        let compressed = compress_to_vec(&inner, 9);
        assert!(compressed.len() < 200 << 10, "{}", compressed.len());
        assert_eq!(open_inner(&compressed), Err(LinkError::TooLarge));
        // A county file of ordinary text opens.
        let link = data_link();
        assert_eq!(open_inner(&compress(&link)), Ok(link));
    }

    #[test]
    fn every_error_has_both_messages() {
        use crate::i18n::t;
        use junheng_core::Lang;
        for error in [
            LinkError::Foreign,
            LinkError::Damaged,
            LinkError::Newer(3),
            LinkError::TooLarge,
            LinkError::WrongPassphrase,
            LinkError::NoCrypto,
        ] {
            let (zh, en) = (t(Lang::Zh, error.key()), t(Lang::En, error.key()));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{error:?}");
        }
    }

    #[test]
    fn length_warnings() {
        assert_eq!(length_warning(2000), None);
        assert_eq!(length_warning(2001), Some(K::ShareWarnChat));
        assert_eq!(length_warning(32000), Some(K::ShareWarnChat));
        assert_eq!(length_warning(32001), Some(K::ShareWarnBrowser));
    }
}
