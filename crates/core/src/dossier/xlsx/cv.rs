//! 表2 (差异系数): per level and standard, each indicator's mean, standard deviation and CV
//! against its limit, and the composite.

use super::builder::{sheet_name, Builder};
use super::cells::{bold, centred, count, covered, header, num, result_text, small, style, text};
use crate::dossier::labels::{self, indicator_name, Titles};
use crate::dossier::model::*;
use crate::format::Kind;
use crate::xlsx_writer::{Align, Cell, FontSize, Sheet, Style};
use crate::Lang;

/// 表2 差异系数.
pub(super) fn cv_sheet(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [34.0, 12.0, 8.0, 13.0, 13.0, 10.0, 8.0, 14.0];
    let mut b = Builder::new(sheet_name(lang, "cv"), Titles::cv(lang), d, lang, &widths);
    for table in &d.cv_tables {
        b.merged_row(
            bold(
                labels::cv_table_heading(
                    lang,
                    table.level,
                    &table.standard,
                    table.schools,
                    table.students,
                ),
                FontSize::Heading,
            ),
            Some(20.0),
        );
        b.header_row(
            labels::cv_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect(),
            false,
        );
        for row in &table.rows {
            let unit = match lang {
                Lang::Zh => row.unit_zh.clone(),
                Lang::En => row.unit_en.clone(),
            };
            b.data_row(vec![
                text(indicator_name(lang, &row.indicator)),
                centred(unit),
                count(row.n as f64),
                num(row.mean, row.kind),
                num(row.std, row.kind),
                num(row.cv, Kind::Cv),
                match row.cv_max {
                    Some(m) => num(Some(m), Kind::Cv),
                    None => centred("—"),
                },
                centred(result_text(lang, row.pass, row.borderline)),
            ]);
        }
        let judged = table.composite.max.is_some();
        b.data_row(vec![
            (
                Cell::Text(labels::composite(lang, judged, table.rows.len())),
                Style {
                    bold: judged,
                    ..style(None, Align::Left)
                },
            ),
            covered(false),
            covered(false),
            covered(false),
            covered(false),
            num(table.composite.cv, Kind::Cv),
            match table.composite.max {
                Some(m) => num(Some(m), Kind::Cv),
                None => centred("—"),
            },
            centred(result_text(
                lang,
                table.composite.pass,
                table.composite.borderline,
            )),
        ]);
        b.merged_row(
            small(match lang {
                Lang::Zh => format!("结论：{}。{}", labels::pass(lang, table.pass), table.source),
                Lang::En => format!(
                    "Verdict: {}. {}",
                    labels::pass(lang, table.pass),
                    table.source
                ),
            }),
            None,
        );
        b.blank();
    }
    b.finish()
}
