//! 表3 (学校达标): each school of a level against the 2017 per-school standards (实际值 / 达标值 /
//! 基本值 / 是否达标) under two header rows.

use super::builder::{sheet_name, Builder};
use super::cells::{
    bold, centred, count, covered, header, num, text, text_width, wrapped_height, Styled,
};
use crate::dossier::labels::{self, Titles};
use crate::dossier::model::*;
use crate::xlsx_writer::{FontSize, Merge, Sheet};
use crate::Lang;

/// 表3 学校达标, for one level.
pub(super) fn school_sheet(d: &Dossier, table: &SchoolTable, lang: Lang) -> Sheet {
    let which = match table.level {
        crate::standards::Level::Primary => "schools-primary",
        crate::standards::Level::Junior => "schools-junior",
    };
    let (before, after) = labels::school_headers(lang);
    let sub = labels::school_sub_headers(lang);
    let mut widths = vec![6.0, 24.0, 9.0];
    for _ in &table.indicators {
        widths.extend([9.0, 8.0, 8.0, 7.0]);
    }
    widths.extend([8.0, 9.0]);
    let mut b = Builder::new(
        sheet_name(lang, which),
        Titles::schools(lang),
        d,
        lang,
        &widths,
    );
    b.merged_row(
        bold(
            labels::school_table_heading(lang, table.level, table.passing, table.rows.len()),
            FontSize::Heading,
        ),
        Some(20.0),
    );
    let first = b.sheet.rows.len();
    let mut top: Vec<Styled> = before.iter().map(|h| header(*h)).collect();
    let mut second: Vec<Styled> = before.iter().map(|_| covered(true)).collect();
    for (k, c) in table.indicators.iter().enumerate() {
        let unit = match lang {
            Lang::Zh => c.unit_zh.clone(),
            Lang::En => c.unit_en.clone(),
        };
        let name = match lang {
            Lang::Zh => format!("{}（{unit}）", c.indicator.name_zh),
            Lang::En => format!("{} ({unit})", c.indicator.name_en),
        };
        top.push(header(name));
        top.extend((0..3).map(|_| covered(true)));
        second.extend(sub.iter().map(|h| header(*h)));
        let col = before.len() + 4 * k;
        b.sheet.merges.push(Merge {
            first_row: first,
            first_col: col,
            last_row: first,
            last_col: col + 3,
        });
    }
    top.extend(after.iter().map(|h| header(*h)));
    second.extend(after.iter().map(|_| covered(true)));
    let last_col = top.len() - 1;
    for c in (0..before.len()).chain(last_col - 1..=last_col) {
        b.sheet.merges.push(Merge {
            first_row: first,
            first_col: c,
            last_row: first + 1,
            last_col: c,
        });
    }
    // The indicator names are long: the top header row is sized for them over four columns.
    let longest = table
        .indicators
        .iter()
        .map(|c| text_width(&c.indicator.name_zh) + 12)
        .max()
        .unwrap_or(10);
    b.push(
        top,
        Some(wrapped_height(&"字".repeat(longest / 2), 32.0, 11.0)),
    );
    b.push(second, Some(30.0));
    b.sheet.repeat_rows = Some((first, first + 1));
    let yes_no = |r: Option<bool>| match (r, lang) {
        (Some(true), Lang::Zh) => "是",
        (Some(false), Lang::Zh) => "否",
        (None, Lang::Zh) => "缺数据",
        (Some(true), Lang::En) => "yes",
        (Some(false), Lang::En) => "no",
        (None, Lang::En) => "missing",
    };
    for (k, row) in table.rows.iter().enumerate() {
        let mut cells = vec![
            count((k + 1) as f64),
            text(row.name.clone()),
            count(row.students),
        ];
        for (i, c) in table.indicators.iter().enumerate() {
            cells.push(num(row.values[i], c.kind));
            cells.push(num(Some(c.standard), c.kind));
            cells.push(num(Some(c.floor), c.kind));
            cells.push(centred(yes_no(row.reached[i])));
        }
        cells.push(count(row.met as f64));
        cells.push(centred(labels::pass(lang, row.passes)));
        b.data_row(cells);
    }
    b.sheet.frozen_rows = first + 2;
    b.sheet.landscape = true;
    b.finish()
}
