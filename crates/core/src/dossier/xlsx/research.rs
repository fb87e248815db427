//! The appendix (附录 研究指标): the research measures per level and indicator.

use super::builder::{sheet_name, Builder};
use super::cells::{bold, count, header, num, text};
use crate::dossier::labels::{self, indicator_name, Titles};
use crate::dossier::model::*;
use crate::format::Kind;
use crate::xlsx_writer::{FontSize, Sheet};
use crate::Lang;

/// 附录 研究指标.
pub(super) fn research_sheet(d: &Dossier, research: &[ResearchTable], lang: Lang) -> Sheet {
    let mut widths = vec![34.0, 8.0, 12.0];
    widths.extend([10.0; 8]);
    let mut b = Builder::new(
        sheet_name(lang, "research"),
        Titles::research(lang),
        d,
        lang,
        &widths,
    );
    for table in research {
        b.merged_row(
            bold(labels::level(lang, table.level), FontSize::Heading),
            Some(20.0),
        );
        b.header_row(
            labels::research_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect(),
            false,
        );
        for r in &table.rows {
            b.data_row(vec![
                text(indicator_name(lang, &r.indicator)),
                count(r.n as f64),
                num(r.mean, r.kind),
                num(r.cv, Kind::Cv),
                num(r.range_ratio, Kind::Value(2)),
                num(r.federal_range_ratio, Kind::Value(3)),
                num(r.mcloone, Kind::Value(3)),
                num(r.verstegen, Kind::Value(3)),
                num(r.gini, Kind::Value(3)),
                num(r.theil, Kind::Value(4)),
                num(r.hoover, Kind::Value(3)),
            ]);
        }
        b.blank();
    }
    b.sheet.landscape = true;
    b.finish()
}
