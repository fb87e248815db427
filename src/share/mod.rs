//! Share links: the whole view (and optionally the data) in the URL fragment, which browsers
//! never send to a server. Pure code, compiled and tested natively; the page's side (WebCrypto,
//! clipboard, location) is in `ui/share_panel.rs` and `ui/link_prompt.rs`.
//!
//! - [`view`]: what a link holds ([`view::SharedView`], [`view::Link`]) and its JSON form.
//! - [`codec`]: fragment text ↔ bytes: version tag, deflate, base64url, CRC-32, encryption
//!   envelope (the cipher itself runs in the browser).
//! - [`apply`]: a link's settings against a loaded file: column indexes, what is missing.
//! - [`qr`]: the QR code of a short link as SVG.
//!
//! The format is specified in `docs/share-links.md`.

pub mod apply;
pub mod base64url;
pub mod codec;
pub mod qr;
pub mod view;

pub use codec::LinkError;
