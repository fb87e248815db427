//! 表5 政府保障程度, 表6 教育质量, and public recognition with the result (S1, V1–V6, each
//! part's verdict, whether the county can be recognised): one row per item in the official
//! order, with its standard, what the county entered or the table gave, the result, and the
//! reasons, note and evidence.

use super::builder::{sheet_name, Builder};
use super::cells::{bold, centred, header, text};
use crate::dossier::items::{
    headers, part_status, recognized_text, remarks, result, table_parts, table_title, unsure_mark,
    unsure_note,
};
use crate::dossier::model::*;
use crate::xlsx_writer::{FontSize, Sheet};
use crate::Lang;

/// The sheet of `which`: `government` (表5), `quality` (表6) or `recognition`.
pub(super) fn items_sheet(d: &Dossier, which: &str, lang: Lang) -> Sheet {
    let widths = [7.0, 42.0, 24.0, 26.0, 10.0, 40.0];
    let mut b = Builder::new(
        sheet_name(lang, which),
        table_title(lang, which),
        d,
        lang,
        &widths,
    );
    let e = &d.evaluation;
    if which == "recognition" {
        b.merged_row(bold(recognized_text(e, lang), FontSize::Heading), None);
        for part in &e.parts {
            let name = match lang {
                Lang::Zh => &part.name_zh,
                Lang::En => &part.name_en,
            };
            let sep = if lang == Lang::Zh { "：" } else { ": " };
            b.paragraph(
                format!("{name}{sep}{}", part_status(part, lang)),
                FontSize::Normal,
            );
        }
        b.blank();
    }
    b.header_row(headers(lang).iter().map(|h| header(*h)).collect(), true);
    let parts = table_parts(which);
    for line in e.items.iter().filter(|l| parts.contains(&l.part.as_str())) {
        let (name, standard, value) = match lang {
            Lang::Zh => (&line.name_zh, &line.standard.zh, &line.value.zh),
            Lang::En => (&line.name_en, &line.standard.en, &line.value.en),
        };
        b.data_row(vec![
            centred(line.id.clone()),
            text(name.clone()),
            text(format!("{standard}{}", unsure_mark(line))),
            text(value.clone()),
            centred(result(line, lang)),
            text(remarks(line, lang)),
        ]);
    }
    if e.items
        .iter()
        .any(|l| l.unsure && parts.contains(&l.part.as_str()))
    {
        b.blank();
        b.paragraph(unsure_note(lang).into(), FontSize::Small);
    }
    if let Some(source) = &e.county_values {
        b.blank();
        b.paragraph(
            match lang {
                Lang::Zh => format!("县级指标来自：{source}"),
                Lang::En => format!("County values from: {source}"),
            },
            FontSize::Small,
        );
    }
    b.sheet.landscape = true;
    b.finish()
}
