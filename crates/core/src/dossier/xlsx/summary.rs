//! Page 1 (封面与结论): the title, the county's identity and data source, both verdicts per
//! level, what fails, where the county stands on each part of the 2017 evaluation, and the
//! blanks to sign.

use super::builder::{sheet_name, Builder};
use super::cells::{
    bold, centred, count, covered, empty, header, num, result_text, text, wrapped_height,
};
use crate::dossier::items;
use crate::dossier::labels::{self, failing_items, quality_cvs_text, t};
use crate::dossier::model::*;
use crate::format::Kind;
use crate::xlsx_writer::{Align, Cell, FontSize, Merge, Sheet, Style};
use crate::Lang;

/// Page 1 (封面与结论).
pub(super) fn summary(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [10.0, 11.0, 11.0, 15.0, 10.0, 15.0, 11.0, 11.0];
    let mut b = Builder {
        sheet: Sheet::new(sheet_name(lang, "summary"), Vec::new()),
        width: widths.len(),
    };
    b.sheet.widths = widths.iter().map(|w| Some(*w)).collect();
    b.merged_row(bold(labels::title(d, lang), FontSize::Title), Some(28.0));
    b.paragraph(labels::subtitle(lang).to_string(), FontSize::Small);
    b.blank();
    let ident = labels::identity(lang);
    let unit = d
        .county
        .unit
        .as_ref()
        .map_or_else(|| labels::BLANK.to_string(), |f| f.value.clone());
    let scope = labels::scope_body(d, lang);
    let values = [
        labels::county_name(d),
        labels::year(d),
        unit,
        labels::data_source(d, lang),
        scope,
    ];
    for (label, value) in ident.iter().zip(values) {
        let row = b.sheet.rows.len();
        let height = wrapped_height(&value, b.total_width(1), 11.0)
            .max(wrapped_height(label, widths[0], 11.0));
        let mut cells = vec![header(*label), text(value)];
        cells.extend((2..b.width).map(|_| covered(false)));
        b.push(cells, Some(height));
        b.sheet.merges.push(Merge {
            first_row: row,
            first_col: 1,
            last_row: row,
            last_col: b.width - 1,
        });
    }
    b.blank();
    b.header_row(
        labels::verdict_headers(lang)
            .iter()
            .map(|h| header(*h))
            .collect(),
        false,
    );
    for level in &d.levels {
        let basic = level.basic.as_ref();
        let quality = level.quality.as_ref();
        let cvs = quality.map_or_else(|| "—".to_string(), |q| quality_cvs_text(lang, q));
        b.data_row(vec![
            centred(labels::level(lang, level.level)),
            count(level.schools as f64),
            count(level.students),
            num(basic.and_then(|v| v.composite_cv), Kind::Cv),
            centred(basic.map_or_else(
                || "—".to_string(),
                |v| result_text(lang, Some(v.pass), v.borderline),
            )),
            text(cvs),
            centred(quality.map_or_else(
                || "—".to_string(),
                |q| format!("{} / {}", q.schools_passing, q.schools),
            )),
            centred(quality.map_or_else(
                || "—".to_string(),
                |q| result_text(lang, Some(q.pass), !q.borderline_cvs.is_empty()),
            )),
        ]);
    }
    b.blank();
    b.merged_row(
        bold(t(lang, "未达标事项", "What fails"), FontSize::Heading),
        None,
    );
    let items = failing_items(d, lang);
    if items.is_empty() {
        b.paragraph(
            t(
                lang,
                "无：两项标准在各学段均达标。",
                "None: both standards pass at every level.",
            )
            .into(),
            FontSize::Normal,
        );
    }
    for item in items {
        b.paragraph(format!("• {item}"), FontSize::Normal);
    }
    b.blank();
    // Where the county stands on each part of the 2017 evaluation (表5, 表6, 认定结果).
    b.merged_row(
        bold(
            t(lang, "优质均衡评估各部分", "Parts of the 2017 evaluation"),
            FontSize::Heading,
        ),
        None,
    );
    for part in &d.evaluation.parts {
        let (name, sep) = match lang {
            Lang::Zh => (&part.name_zh, "："),
            Lang::En => (&part.name_en, ": "),
        };
        b.paragraph(
            format!("• {name}{sep}{}", items::part_status(part, lang)),
            FontSize::Normal,
        );
    }
    b.paragraph(
        items::recognized_text(&d.evaluation, lang),
        FontSize::Normal,
    );
    b.blank();
    let [filled, checked, seal, date] = labels::signatures(lang);
    let date_blank = t(lang, "　　　　年　　月　　日", "");
    b.push(
        vec![
            bold(filled, FontSize::Normal),
            empty(),
            empty(),
            bold(checked, FontSize::Normal),
            empty(),
            bold(seal, FontSize::Normal),
            empty(),
            empty(),
        ],
        Some(30.0),
    );
    b.push(
        vec![
            bold(date, FontSize::Normal),
            (
                Cell::Text(date_blank.to_string()),
                Style {
                    align: Align::Left,
                    ..Style::default()
                },
            ),
        ],
        Some(30.0),
    );
    // The date's blank spans three columns, unwrapped.
    let row = b.sheet.rows.len() - 1;
    b.sheet.merges.push(Merge {
        first_row: row,
        first_col: 1,
        last_row: row,
        last_col: 3,
    });
    b.sheet.landscape = false;
    b.finish()
}
