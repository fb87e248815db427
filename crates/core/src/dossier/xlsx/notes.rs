//! 说明: the 口径 line, the explanations, the notes about the data and the cells read as missing.

use super::builder::{sheet_name, Builder};
use super::cells::{bold, count, header, text};
use crate::dossier::labels::{self, t, Titles};
use crate::dossier::model::*;
use crate::xlsx_writer::{FontSize, Sheet};
use crate::Lang;

/// 说明.
pub(super) fn notes_sheet(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [24.0, 8.0, 28.0, 40.0];
    let mut b = Builder::new(
        sheet_name(lang, "notes"),
        Titles::notes(lang),
        d,
        lang,
        &widths,
    );
    let pick = |t: &crate::standards::report::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    b.paragraph(pick(&d.scope), FontSize::Normal);
    for e in &d.explanations {
        b.paragraph(
            match lang {
                Lang::Zh => format!("{}：{}", e.title.zh, e.text.zh),
                Lang::En => format!("{}: {}", e.title.en, e.text.en),
            },
            FontSize::Normal,
        );
    }
    if !d.notes.is_empty() {
        b.blank();
        b.merged_row(
            bold(t(lang, "数据说明", "About the data"), FontSize::Heading),
            None,
        );
        for n in &d.notes {
            b.paragraph(format!("• {}", pick(n)), FontSize::Normal);
        }
    }
    b.blank();
    b.merged_row(
        bold(
            match lang {
                Lang::Zh => format!("{}（{} 处）", Titles::missing(lang), d.missing_cells.len()),
                Lang::En => format!("{} ({})", Titles::missing(lang), d.missing_cells.len()),
            },
            FontSize::Heading,
        ),
        None,
    );
    if d.missing_cells.is_empty() {
        b.paragraph(labels::none(lang).into(), FontSize::Normal);
    } else {
        b.header_row(
            labels::missing_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect(),
            false,
        );
        for c in &d.missing_cells {
            b.data_row(vec![
                text(c.name.clone()),
                count(c.line as f64),
                text(c.column.clone()),
                text(if c.cell.is_empty() {
                    t(lang, "（空白）", "(blank)").to_string()
                } else {
                    c.cell.clone()
                }),
            ]);
        }
    }
    b.finish()
}
