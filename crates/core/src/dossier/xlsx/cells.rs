//! The cells of the workbook: a value with its border, alignment, wrap and display format
//! ([`Kind::excel_format`]), and the height wrapped text needs.

use crate::dossier::labels;
use crate::format::Kind;
use crate::xlsx_writer::{Align, Cell, FontSize, Style};
use crate::Lang;

/// A cell and its style.
pub(super) type Styled = (Cell, Style);

pub(super) fn style(format: Option<&'static str>, align: Align) -> Style {
    Style {
        format,
        border: true,
        align,
        wrap: true,
        ..Style::default()
    }
}

/// A bordered text cell.
pub(super) fn text(value: impl Into<String>) -> Styled {
    (Cell::Text(value.into()), style(None, Align::Left))
}

/// A bordered, centred text cell.
pub(super) fn centred(value: impl Into<String>) -> Styled {
    (Cell::Text(value.into()), style(None, Align::Center))
}

/// A bordered number with the display format of its kind; "—" when undefined.
pub(super) fn num(value: Option<f64>, kind: Kind) -> Styled {
    match value.filter(|v| v.is_finite()) {
        Some(v) => (
            Cell::Number(v),
            style(Some(kind.excel_format()), Align::Right),
        ),
        None => (Cell::Text("—".into()), style(None, Align::Center)),
    }
}

/// Nothing, unstyled.
pub(super) fn empty() -> Styled {
    (Cell::Empty, Style::default())
}

pub(super) fn count(value: f64) -> Styled {
    num(Some(value), Kind::Count)
}

/// A table header cell: bold, centred, wrapped, grey.
pub(super) fn header(value: impl Into<String>) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            bold: true,
            fill: true,
            ..style(None, Align::Center)
        },
    )
}

/// A bordered empty cell (under a merged header).
pub(super) fn covered(fill: bool) -> Styled {
    (
        Cell::Empty,
        Style {
            fill,
            ..style(None, Align::Center)
        },
    )
}

pub(super) fn bold(value: impl Into<String>, size: FontSize) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            bold: true,
            size,
            align: Align::Left,
            ..Style::default()
        },
    )
}

pub(super) fn plain(value: impl Into<String>) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            wrap: true,
            align: Align::Left,
            ..Style::default()
        },
    )
}

pub(super) fn small(value: impl Into<String>) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            wrap: true,
            size: FontSize::Small,
            align: Align::Left,
            ..Style::default()
        },
    )
}

/// Display width of a text in character cells: CJK and full-width characters take two.
pub(super) fn text_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// Height in points of `text` wrapped in `width` character cells at `points`.
pub(super) fn wrapped_height(text: &str, width: f64, points: f64) -> f64 {
    let lines = (text_width(text) as f64 / width.max(1.0)).ceil().max(1.0);
    lines * points * 1.35
}

/// A verdict as a cell says it: pass or fail, "（临界）" when borderline, "—" when unknown.
pub(super) fn result_text(lang: Lang, pass: Option<bool>, borderline: bool) -> String {
    match pass {
        None => "—".into(),
        Some(ok) if borderline => match lang {
            Lang::Zh => format!("{}（临界）", labels::pass(lang, ok)),
            Lang::En => format!("{} (borderline)", labels::pass(lang, ok)),
        },
        Some(ok) => labels::pass(lang, ok).into(),
    }
}
