//! Whether the page is as narrow as a phone (≤ 480 CSS px). On a phone a wide table cannot
//! show every column, so the standards tables put the columns a reader looks for first
//! (差异系数, 是否达标, the school) and leave the rest to scroll inside the table
//! (issue 17 item 8). A signal rather than CSS: table columns cannot be reordered in CSS.

use leptos::prelude::*;

/// The widest viewport, in CSS pixels, laid out as a phone.
pub const NARROW_MAX: f64 = 480.0;

/// Whether a viewport `width` CSS pixels wide is laid out as a phone.
pub fn is_narrow(width: f64) -> bool {
    width <= NARROW_MAX
}

/// A signal that follows whether the window is phone-narrow, updated on resize.
pub fn use_narrow() -> ReadSignal<bool> {
    let width = || {
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(f64::INFINITY)
    };
    let (narrow, set_narrow) = signal(is_narrow(width()));
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let now = is_narrow(width());
        if now != narrow.get_untracked() {
            set_narrow.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    narrow
}
