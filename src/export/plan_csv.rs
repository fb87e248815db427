//! The plan and the what-if edits as the page's CSV download: headers, levels, kinds of row,
//! indicators (with their units) and resource units in the page's language; numbers with the
//! decimals the page shows (`junheng_core::format`) but plain, so a spreadsheet reads them as
//! numbers. The CLI's plan CSV (`junheng_core::standards::plan_csv`) stays bilingual with ids.

use junheng_core::format::{plain, Kind};
use junheng_core::standards::evaluate::resource_unit;
use junheng_core::standards::planner::Change;
use junheng_core::standards::{Level, Plan, Standard};
use junheng_core::Lang;

use super::csv_line as row;
use crate::model::standards::{level_name, unit_label};

/// Column headers: a file's header row is read as a whole, so it is kept here in one piece.
const HEADERS_ZH: [&str; 9] = [
    "学段",
    "类别",
    "指标",
    "学校",
    "行号",
    "当前值",
    "目标值",
    "资源变化量",
    "单位",
];
const HEADERS_EN: [&str; 9] = [
    "Level",
    "Kind",
    "Indicator",
    "School",
    "Line",
    "Value now",
    "Target value",
    "Resource change",
    "Unit",
];

/// What a row is, by the plan's part it comes from.
#[derive(Clone, Copy)]
enum RowKind {
    Shortfall,
    Total,
    Floor,
    CompositeFloor,
    TopK,
    WhatIf,
}

impl RowKind {
    fn text(self, lang: Lang) -> &'static str {
        let zh = lang == Lang::Zh;
        match (self, zh) {
            (RowKind::Shortfall, true) => "学校未达标的缺口",
            (RowKind::Shortfall, false) => "School shortfall",
            (RowKind::Total, true) => "全县缺口合计",
            (RowKind::Total, false) => "County total of shortfalls",
            (RowKind::Floor, true) => "差异系数达标方案：提升到下限",
            (RowKind::Floor, false) => "CV plan: raise to a floor",
            (RowKind::CompositeFloor, true) => "综合差异系数达标方案：提升到下限",
            (RowKind::CompositeFloor, false) => "Composite CV plan: raise to a floor",
            (RowKind::TopK, true) => "差异系数达标方案：调整偏离最大的学校",
            (RowKind::TopK, false) => "CV plan: adjust the schools furthest from the mean",
            (RowKind::WhatIf, true) => "自行调整",
            (RowKind::WhatIf, false) => "Your change",
        }
    }
}

/// The plan, then the user's what-if `changes`, as CSV in `lang` (UTF-8 with a BOM for Excel,
/// CRLF line ends).
pub fn plan_csv(lang: Lang, standard: &Standard, plan: &Plan, changes: &[Change]) -> String {
    let headers = if lang == Lang::Zh {
        HEADERS_ZH
    } else {
        HEADERS_EN
    };
    let mut out = String::from('\u{feff}');
    out.push_str(&row(headers.map(str::to_string)));
    let rows = Rows { lang, standard };
    for gap in &plan.gaps {
        for s in &gap.shortfalls {
            let amount = Kind::of_amount(&s.unit, s.shortfall);
            out.push_str(&row([
                level_name(lang, gap.level).to_string(),
                RowKind::Shortfall.text(lang).to_string(),
                rows.indicator(&s.indicator),
                gap.name.clone(),
                gap.line.to_string(),
                rows.value(&s.indicator, s.value),
                rows.value(&s.indicator, s.standard),
                plain(s.shortfall, amount),
                unit_label(lang, &s.unit).to_string(),
            ]));
        }
    }
    for t in &plan.totals {
        out.push_str(&row([
            level_name(lang, t.level).to_string(),
            RowKind::Total.text(lang).to_string(),
            rows.indicator(&t.indicator),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            plain(t.total, Kind::of_amount(&t.unit, t.total)),
            unit_label(lang, &t.unit).to_string(),
        ]));
    }
    let floors = plan.floors.iter().map(|f| (RowKind::Floor, f)).chain(
        plan.composite
            .iter()
            .flat_map(|c| c.floors.iter().map(|f| (RowKind::CompositeFloor, f))),
    );
    for (kind, f) in floors {
        for c in &f.changes {
            out.push_str(&rows.change(kind, f.level, c, f.unit));
        }
    }
    for p in &plan.top_k {
        for c in &p.changes {
            out.push_str(&rows.change(RowKind::TopK, p.level, c, p.unit));
        }
    }
    for c in changes {
        out.push_str(&rows.change(RowKind::WhatIf, c.level, c, resource_unit(c.field)));
    }
    out
}

/// Whether an English indicator name already ends with its unit, ignoring case.
fn ends_with_unit(name: &str, unit: &str) -> bool {
    name.to_ascii_lowercase()
        .ends_with(&unit.to_ascii_lowercase())
}

/// Cells that need the standard: indicator names and value decimals.
struct Rows<'a> {
    lang: Lang,
    standard: &'a Standard,
}

impl Rows<'_> {
    /// "生均图书册数（册/生）" / "Books per student (books per student)"; the id only for an
    /// indicator the standard does not have (never the case for a plan of that standard).
    fn indicator(&self, id: &str) -> String {
        match self.standard.indicators().iter().find(|i| i.id == id) {
            Some(i) if self.lang == Lang::Zh => format!("{}（{}）", i.name_zh, i.unit_zh),
            // "Books per student (books per student)" reads badly: the unit only when the
            // name does not already end with it.
            Some(i) if ends_with_unit(&i.name_en, &i.unit_en) => i.name_en.clone(),
            Some(i) => format!("{} ({})", i.name_en, i.unit_en),
            None => id.to_string(),
        }
    }

    /// An indicator's value with the decimals of its kind (4 for teachers per pupil, else 2).
    fn value(&self, id: &str, x: f64) -> String {
        let kind = self
            .standard
            .indicators()
            .iter()
            .find(|i| i.id == id)
            .map_or(Kind::Value(4), |i| {
                Kind::of_indicator(i.numerator, i.factor)
            });
        plain(x, kind)
    }

    fn change(&self, kind: RowKind, level: Level, c: &Change, unit: &str) -> String {
        row([
            level_name(self.lang, level).to_string(),
            kind.text(self.lang).to_string(),
            self.indicator(&c.indicator),
            c.name.clone(),
            c.line.to_string(),
            self.value(&c.indicator, c.from_value),
            self.value(&c.indicator, c.to_value),
            plain(c.delta, Kind::of_amount(unit, c.delta)),
            unit_label(self.lang, unit).to_string(),
        ])
    }
}
