//! Bridges to browser APIs, wasm32 only: localStorage (`persist.rs`), the `TextDecoder` for
//! GBK/Big5 files (`text_decoder.rs`), WebCrypto and the clipboard for share links
//! (`share_crypto.rs`).

pub mod persist;
pub mod share_crypto;
pub mod text_decoder;
