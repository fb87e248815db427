//! 表1 (学校基本情况): the county's schools by type, then the schools left out with their reason.

use super::builder::{sheet_name, Builder};
use super::cells::{bold, count, covered, header, num, text, Styled};
use crate::dossier::labels::{self, Titles};
use crate::dossier::model::*;
use crate::format::Kind;
use crate::names::school_type_name;
use crate::standards::SchoolType;
use crate::xlsx_writer::{FontSize, Merge, Sheet, Style};
use crate::Lang;

/// 表1 学校基本情况.
pub(super) fn overview(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [20.0, 11.0, 14.0, 14.0, 12.0, 14.0];
    let mut b = Builder::new(
        sheet_name(lang, "overview"),
        Titles::overview(lang),
        d,
        lang,
        &widths,
    );
    b.header_row(
        labels::overview_headers(lang)
            .iter()
            .map(|h| header(*h))
            .collect(),
        true,
    );
    let row_cells = |r: &TypeRow| -> Vec<Styled> {
        let name = match lang {
            Lang::Zh => r.name_zh.clone(),
            Lang::En => r.name_en.clone(),
        };
        vec![
            text(name),
            count(r.schools as f64),
            count(r.students_primary),
            count(r.students_junior),
            num(r.classes, Kind::Count),
            num(r.teachers, Kind::Count),
        ]
    };
    for r in &d.overview.rows {
        b.data_row(row_cells(r));
    }
    let total: Vec<Styled> = row_cells(&d.overview.total)
        .into_iter()
        .map(|(c, s)| (c, Style { bold: true, ..s }))
        .collect();
    b.data_row(total);
    b.paragraph(labels::overview_note(lang).into(), FontSize::Small);
    b.blank();
    let excluded = &d.overview.excluded;
    b.merged_row(
        bold(
            match lang {
                Lang::Zh => format!("{}（{} 所）", Titles::excluded(lang), excluded.len()),
                Lang::En => format!("{} ({})", Titles::excluded(lang), excluded.len()),
            },
            FontSize::Heading,
        ),
        None,
    );
    if excluded.is_empty() {
        b.paragraph(labels::none(lang).into(), FontSize::Normal);
    } else {
        let heads = labels::excluded_headers(lang);
        // Five headings over six columns: the reason spans the last two.
        let row = b.sheet.rows.len();
        let mut cells: Vec<Styled> = heads.iter().map(|h| header(*h)).collect();
        cells.push(covered(true));
        b.header_row(cells, false);
        b.sheet.merges.push(Merge {
            first_row: row,
            first_col: 4,
            last_row: row,
            last_col: 5,
        });
        for (k, e) in excluded.iter().enumerate() {
            let row = b.sheet.rows.len();
            let school_type = SchoolType::from_id(&e.school_type)
                .map_or(e.school_type.as_str(), |t| school_type_name(t, lang));
            let reason = match lang {
                Lang::Zh => e.text.zh.clone(),
                Lang::En => e.text.en.clone(),
            };
            b.data_row(vec![
                count((k + 1) as f64),
                text(e.name.clone()),
                count(e.line as f64),
                text(school_type),
                text(reason),
                covered(false),
            ]);
            b.sheet.merges.push(Merge {
                first_row: row,
                first_col: 4,
                last_row: row,
                last_col: 5,
            });
        }
    }
    b.sheet.frozen_rows = 2;
    b.finish()
}
