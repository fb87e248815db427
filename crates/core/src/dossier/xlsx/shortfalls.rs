//! 表4 (缺口与方案): per level, each failing school's shortfalls, the county's totals, and the
//! plans that bring each CV within its limit.

use super::builder::{sheet_name, Builder};
use super::cells::{bold, centred, count, covered, header, num, text, Styled};
use crate::dossier::labels::{self, indicator_name, t, Titles};
use crate::dossier::model::*;
use crate::format::Kind;
use crate::xlsx_writer::{FontSize, Sheet};
use crate::Lang;

/// 表4 缺口与方案.
pub(super) fn shortfall_sheet(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [24.0, 7.0, 30.0, 11.0, 11.0, 13.0, 8.0, 10.0, 10.0];
    let mut b = Builder::new(
        sheet_name(lang, "shortfalls"),
        Titles::shortfalls(lang),
        d,
        lang,
        &widths,
    );
    let [schools_part, totals_part, plans_part] = labels::shortfall_parts(lang);
    for table in &d.shortfalls {
        let level = labels::level(lang, table.level);
        b.merged_row(bold(level, FontSize::Heading), Some(20.0));
        b.merged_row(bold(schools_part, FontSize::Normal), None);
        if table.schools.is_empty() {
            b.paragraph(labels::none(lang).into(), FontSize::Normal);
        } else {
            let mut heads: Vec<Styled> = labels::shortfall_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect();
            heads.push(covered(true));
            b.header_row(heads, false);
            for s in &table.schools {
                for item in &s.items {
                    b.data_row(vec![
                        text(s.name.clone()),
                        count(s.line as f64),
                        text(indicator_name(lang, &item.indicator)),
                        num(Some(item.value), item.kind),
                        num(Some(item.standard), item.kind),
                        num(
                            Some(item.shortfall),
                            Kind::of_amount(&item.unit, item.shortfall),
                        ),
                        centred(labels::unit(lang, &item.unit)),
                        centred(labels::pass(lang, s.passes)),
                        covered(false),
                    ]);
                }
            }
        }
        b.merged_row(bold(totals_part, FontSize::Normal), None);
        if table.totals.is_empty() {
            b.paragraph(labels::none(lang).into(), FontSize::Normal);
        } else {
            b.header_row(
                labels::totals_headers(lang)
                    .iter()
                    .map(|h| header(*h))
                    .collect(),
                false,
            );
            for total in &table.totals {
                b.data_row(vec![
                    text(indicator_name(lang, &total.indicator)),
                    count(total.schools as f64),
                    num(Some(total.total), Kind::of_amount(&total.unit, total.total)),
                    num(
                        Some(total.total_failing),
                        Kind::of_amount(&total.unit, total.total_failing),
                    ),
                    centred(labels::unit(lang, &total.unit)),
                ]);
            }
        }
        b.merged_row(bold(plans_part, FontSize::Normal), None);
        if table.plans.is_empty() {
            b.paragraph(
                t(
                    lang,
                    "无：各项差异系数均在限值以内。",
                    "None: every CV is within its limit.",
                )
                .into(),
                FontSize::Normal,
            );
        } else {
            b.header_row(
                labels::plan_headers(lang)
                    .iter()
                    .map(|h| header(*h))
                    .collect(),
                false,
            );
            for p in &table.plans {
                b.data_row(vec![
                    text(labels::standard_short(lang, &p.standard)),
                    text(indicator_name(lang, &p.indicator)),
                    num(Some(p.cv_before), Kind::Cv),
                    num(Some(p.target), Kind::Cv),
                    num(Some(p.floor), p.kind),
                    num(Some(p.cv_after), Kind::Cv),
                    count(p.schools as f64),
                    num(Some(p.cost), Kind::of_amount(&p.unit, p.cost)),
                    centred(labels::unit(lang, &p.unit)),
                ]);
            }
        }
        b.blank();
    }
    b.finish()
}
