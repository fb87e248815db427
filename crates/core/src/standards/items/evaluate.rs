//! Each item's status (docs/domain.md §2.2): computed from the school table where its columns
//! exist (G3, G4, G5, G6, G12, Q4), else judged from the county's figures and answers; each
//! part's verdict; and whether the county can be recognised: every part met and no condition
//! of non-recognition declared. Missing data never meets an item: it leaves it unknown.

use super::super::compare::{at_least, at_most};
use super::super::input::Level;
use super::super::report::{LevelReport, OtherCheck, Text};
use super::super::split::Prepared;
use super::super::table::Standard;
use super::county::CountyValues;
use super::report::{ItemResult, ItemsReport, PartResult, UnknownSchool, ValueResult};
use super::schools::{self, Outcome};
use super::table::{Item, ItemKind, ItemValue, Op, Part};
use super::text::{amount, threshold, yes_no};
use crate::fields::Field;
use crate::quote::quote;
use crate::Lang;

/// The items of `standard` over a county: `levels` are the resource verdicts per level (the
/// levels present), `county` the values the county gave. Pure, O(schools × items).
pub fn evaluate_items(
    standard: &Standard,
    prepared: &Prepared,
    levels: &[LevelReport],
    county: Option<&CountyValues>,
) -> ItemsReport {
    if standard.items().is_empty() {
        return ItemsReport::default();
    }
    let empty = CountyValues::default();
    let values = county.unwrap_or(&empty);
    let present: Vec<Level> = Level::ALL
        .into_iter()
        .filter(|l| levels.iter().any(|r| r.level == l.id()))
        .collect();
    let present = if present.is_empty() {
        Level::ALL.to_vec()
    } else {
        present
    };
    let items: Vec<ItemResult> = standard
        .items()
        .iter()
        .map(|item| evaluate_item(standard, item, prepared, values, &present))
        .collect();
    let mut parts = vec![resources(standard, levels)];
    for part in [
        Part::Government,
        Part::Quality,
        Part::Recognition,
        Part::Veto,
    ] {
        let of: Vec<&ItemResult> = items.iter().filter(|i| i.part == part.id()).collect();
        parts.push(PartResult {
            part: part.id().to_string(),
            name_zh: part.name_zh().to_string(),
            name_en: part.name_en().to_string(),
            met: all(of.iter().map(|i| i.met)),
            items: of.len(),
            not_met: of.iter().filter(|i| i.met == Some(false)).count(),
            unknown: of.iter().filter(|i| i.met.is_none()).count(),
        });
    }
    ItemsReport {
        recognized: all(parts.iter().map(|p| p.met)),
        unknown_items: items
            .iter()
            .filter(|i| i.met.is_none())
            .map(|i| i.id.clone())
            .collect(),
        items,
        parts,
        county_values: county.cloned(),
    }
}

/// False when any is false, true when all are true (and there is one), else unknown.
fn all(statuses: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut any = false;
    let mut unknown = false;
    for s in statuses {
        any = true;
        match s {
            Some(false) => return Some(false),
            None => unknown = true,
            Some(true) => {}
        }
    }
    (any && !unknown).then_some(true)
}

/// The resources part: every level's verdict (every CV within its limit, every school 6 of 7).
fn resources(standard: &Standard, levels: &[LevelReport]) -> PartResult {
    let failing = |id: &str, bad: &dyn Fn(&super::super::report::IndicatorReport) -> bool| {
        levels
            .iter()
            .any(|l| l.indicators.iter().any(|i| i.id == id && bad(i)))
    };
    let ids: Vec<&str> = standard
        .indicators()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    PartResult {
        part: "resources".into(),
        name_zh: "资源配置".into(),
        name_en: "Resource allocation".into(),
        met: (!levels.is_empty()).then(|| levels.iter().all(|l| l.verdict)),
        items: ids.len(),
        not_met: ids
            .iter()
            .filter(|id| failing(id, &|i| i.cv_ok == Some(false) && i.cv.is_some()))
            .count(),
        unknown: ids
            .iter()
            .filter(|id| failing(id, &|i| i.cv.is_none()))
            .count(),
    }
}

fn evaluate_item(
    standard: &Standard,
    item: &Item,
    prepared: &Prepared,
    county: &CountyValues,
    present: &[Level],
) -> ItemResult {
    let mut reasons: Vec<Text> = Vec::new();
    let values: Vec<ValueResult> = item
        .values
        .iter()
        .flat_map(|v| {
            let levels: Vec<Option<Level>> = if v.per_level {
                present.iter().map(|l| Some(*l)).collect()
            } else {
                vec![None]
            };
            levels
                .into_iter()
                .map(|level| value_result(item, v, level, county))
        })
        .collect();
    let declared = county.get(&item.id, None, None).and_then(|e| e.answer);
    let (notes, evidence) = county.notes_of(&item.id);
    let join = |parts: Vec<&str>| (!parts.is_empty()).then(|| parts.join("；"));

    let outcome = item
        .is_computed()
        .then(|| computed(standard, item, prepared, county));
    let from_values = judged(item, &values);
    let (met, decided_by) = match (&outcome, item.part) {
        (_, Part::Veto) => (declared.map(|d| !d), declared.map(|_| "county")),
        (Some(o), _) => match o.met() {
            Some(m) => (Some(m), Some("table")),
            None => match from_values.or(declared) {
                Some(m) => {
                    reasons.push(Text::new(
                        "学校表无法判断本项，按县级填报判断。",
                        "The school table cannot decide this item; judged from the county's entry.",
                    ));
                    (Some(m), Some("county"))
                }
                None => (None, None),
            },
        },
        (None, _) => match from_values.or(declared) {
            Some(m) => (Some(m), Some("county")),
            None => (None, None),
        },
    };
    if let (Some(d), Some(m)) = (declared, met) {
        if d != m && item.part != Part::Veto {
            reasons.push(Text::new(
                format!(
                    "县级填报为“{}”，但按{}判断为{}。",
                    yes_no(d, Lang::Zh),
                    if decided_by == Some("table") {
                        "学校表"
                    } else {
                        "所填数值"
                    },
                    if m { "达到" } else { "未达到" }
                ),
                format!(
                    "The county answered “{}”, but {} show{} it {}.",
                    yes_no(d, Lang::En),
                    if decided_by == Some("table") {
                        "the school table"
                    } else {
                        "the figures entered"
                    },
                    if decided_by == Some("table") { "s" } else { "" },
                    if m { "met" } else { "not met" }
                ),
            ));
        }
    }
    let mut failing: Vec<OtherCheck> = Vec::new();
    let mut unknown: Vec<UnknownSchool> = Vec::new();
    let mut schools_checked = None;
    if let Some(o) = outcome {
        schools_checked = Some(o.schools);
        reasons.extend(o.notes.iter().cloned());
        failing = o
            .checks
            .iter()
            .filter(|c| c.ok == Some(false))
            .cloned()
            .collect();
        unknown = o.unknown.clone();
        unknown.extend(
            o.checks
                .iter()
                .filter(|c| c.ok.is_none())
                .map(|c| UnknownSchool {
                    name: c.name.clone(),
                    line: c.line,
                    missing: Vec::new(),
                    note: c.note.clone(),
                }),
        );
        unknown.sort_by_key(|u| u.line);
        school_reasons(item, &failing, &unknown, met, &mut reasons);
    }
    value_reasons(item, &values, declared, met, &mut reasons);
    ItemResult {
        id: item.id.clone(),
        part: item.part.id().to_string(),
        kind: item.kind.id().to_string(),
        name_zh: item.name_zh.clone(),
        name_en: item.name_en.clone(),
        source: item.source.clone(),
        unsure: item.unsure,
        met,
        decided_by: decided_by.map(str::to_string),
        values,
        declared,
        schools_checked,
        failing_schools: failing,
        unknown_schools: unknown,
        note: join(notes),
        evidence: join(evidence),
        reasons,
    }
}

/// One value at one level, with the county's figure or answer and whether it meets the
/// threshold.
fn value_result(
    item: &Item,
    v: &ItemValue,
    level: Option<Level>,
    county: &CountyValues,
) -> ValueResult {
    let entry = v
        .entered
        .then(|| county.get(&item.id, Some(&v.key), level))
        .flatten();
    let (value, answer) = entry.map_or((None, None), |e| (e.value, e.answer));
    let limit = v.threshold_for(level.unwrap_or(Level::Primary));
    let met = match (v.op, value, answer, limit) {
        (Op::Input, ..) => None,
        (_, _, Some(a), _) => Some(a),
        (Op::AtLeast, Some(x), _, Some(t)) => Some(at_least(x, t)),
        (Op::AtMost, Some(x), _, Some(t)) => Some(at_most(x, t)),
        (Op::Below, Some(x), _, Some(t)) => Some(!at_least(x, t)),
        _ => None,
    };
    ValueResult {
        key: v.key.clone(),
        name_zh: v.name_zh.clone(),
        name_en: v.name_en.clone(),
        level: level.map(|l| l.id().to_string()),
        op: v.op.id().to_string(),
        unit: v.unit.id().to_string(),
        threshold: limit,
        unsure: v.unsure,
        value,
        answer,
        met,
    }
}

/// A county or judgement item from its values: every judged value met, one not met, or
/// unknown while one is missing. A per-school item's values count only as the county's
/// fallback (G12's rate).
fn judged(item: &Item, values: &[ValueResult]) -> Option<bool> {
    let judged: Vec<Option<bool>> = item
        .values
        .iter()
        .filter(|v| v.op != Op::Input && (item.kind != ItemKind::PerSchool || v.entered))
        .flat_map(|v| values.iter().filter(move |r| r.key == v.key).map(|r| r.met))
        .collect();
    if judged.is_empty() {
        None
    } else {
        all(judged.into_iter())
    }
}

/// The per-school item computed from the table.
fn computed(
    standard: &Standard,
    item: &Item,
    prepared: &Prepared,
    county: &CountyValues,
) -> Outcome {
    let facts = &prepared.facts;
    let threshold = |key: &str| {
        item.value(key)
            .and_then(|v| v.threshold_for(Level::Primary))
            .unwrap_or(f64::NAN)
    };
    let limits = standard.size_limits();
    match item.id.as_str() {
        "G3" => schools::g3(
            facts,
            threshold("rooms"),
            threshold("music_room_area"),
            threshold("art_room_area"),
        ),
        "G4" => limits.map_or_else(Outcome::default, |l| schools::g4(&l, facts)),
        "G5" => limits.map_or_else(Outcome::default, |l| schools::g5(&l, facts)),
        "G6" => {
            let benchmark = Level::ALL.map(|l| {
                county
                    .get(&item.id, Some("benchmark"), Some(l))
                    .and_then(|e| e.value)
            });
            schools::g6(facts, threshold("funded_pupils"), benchmark)
        }
        "G12" => schools::share(
            facts,
            Field::TeachersCertified,
            Field::Teachers,
            "certified_teachers",
            threshold("certified_rate"),
        ),
        "Q4" => schools::share(
            facts,
            Field::TrainingFunds,
            Field::PublicFunds,
            "training_funds_share",
            threshold("training_share"),
        ),
        _ => Outcome::default(),
    }
}

/// The names of up to five schools: 甲（第 3 行）、乙（第 5 行）等.
fn school_names(schools: &[(String, u64)], lang: Lang) -> String {
    let shown: Vec<String> = schools
        .iter()
        .take(5)
        .map(|(n, l)| match lang {
            Lang::Zh => format!("{}（第 {l} 行）", quote(n)),
            Lang::En => format!("{} (line {l})", quote(n)),
        })
        .collect();
    let more = schools.len() > 5;
    match lang {
        Lang::Zh => format!("{}{}", shown.join("、"), if more { "等" } else { "" }),
        Lang::En => format!(
            "{}{}",
            shown.join(", "),
            if more {
                format!(" and {} more", schools.len() - 5)
            } else {
                String::new()
            }
        ),
    }
}

fn field_name(id: &str, lang: Lang) -> String {
    match (Field::from_id(id), lang) {
        (Some(f), Lang::Zh) => f.name_zh().to_string(),
        (Some(f), Lang::En) => f.name_en().to_string(),
        (None, Lang::Zh) if id == "benchmark" => "生均公用经费基准定额（县级指标 G6）".into(),
        (None, Lang::En) if id == "benchmark" => {
            "the per-pupil benchmark (county sheet, G6)".into()
        }
        (None, _) => id.to_string(),
    }
}

fn school_reasons(
    item: &Item,
    failing: &[OtherCheck],
    unknown: &[UnknownSchool],
    met: Option<bool>,
    reasons: &mut Vec<Text>,
) {
    let mut failing_schools: Vec<(String, u64)> = Vec::new();
    for c in failing {
        if !failing_schools.iter().any(|(_, l)| *l == c.line) {
            failing_schools.push((c.name.clone(), c.line));
        }
    }
    if !failing_schools.is_empty() {
        reasons.push(Text::new(
            format!(
                "{} 所学校未达到：{}。",
                failing_schools.len(),
                school_names(&failing_schools, Lang::Zh)
            ),
            format!(
                "{} school(s) fail: {}.",
                failing_schools.len(),
                school_names(&failing_schools, Lang::En)
            ),
        ));
    }
    if !unknown.is_empty() && met != Some(false) {
        let mut fields: Vec<&str> = Vec::new();
        for u in unknown {
            for m in &u.missing {
                if !fields.contains(&m.as_str()) {
                    fields.push(m);
                }
            }
        }
        let names: Vec<(String, u64)> = unknown.iter().map(|u| (u.name.clone(), u.line)).collect();
        let (zh, en) = if fields.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!(
                    "（缺少{}）",
                    fields
                        .iter()
                        .map(|f| format!("“{}”", field_name(f, Lang::Zh)))
                        .collect::<Vec<_>>()
                        .join("、")
                ),
                format!(
                    " (missing {})",
                    fields
                        .iter()
                        .map(|f| field_name(f, Lang::En))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        };
        reasons.push(Text::new(
            format!("{} 所学校无法判断{zh}：{}。请在学校表或县级指标中补充相应的列或数据。", unknown.len(), school_names(&names, Lang::Zh)),
            format!("{} school(s) cannot be judged{en}: {}. Add the column or the cells to the school table, or the county value.", unknown.len(), school_names(&names, Lang::En)),
        ));
    }
    if item.id == "G3" && met == Some(true) {
        reasons.push(Text::new(
            "学校表给出各校专用教室的间数和总面积，按每间平均面积判断；单间面积不足无法从表中看出。",
            "The school table gives each school's rooms and their total area, so the mean room area is judged; a single small room cannot be seen.",
        ));
    }
}

fn value_reasons(
    item: &Item,
    values: &[ValueResult],
    declared: Option<bool>,
    met: Option<bool>,
    reasons: &mut Vec<Text>,
) {
    let level_words = |r: &ValueResult, lang: Lang| match (r.level.as_deref(), lang) {
        (Some("primary"), Lang::Zh) => "（小学）",
        (Some("junior"), Lang::Zh) => "（初中）",
        (Some("primary"), Lang::En) => " (primary)",
        (Some("junior"), Lang::En) => " (junior)",
        _ => "",
    };
    for r in values {
        let Some(spec) = item.value(&r.key) else {
            continue;
        };
        let level = r.level.as_deref().and_then(Level::from_id);
        if r.met == Some(false) {
            let shown = |lang: Lang| match (r.value, r.answer) {
                (Some(v), _) => amount(spec.unit, v, lang),
                (_, Some(a)) => yes_no(a, lang).to_string(),
                _ => String::new(),
            };
            reasons.push(Text::new(
                format!(
                    "{}{}为 {}，未达到 {}。",
                    spec.name_zh,
                    level_words(r, Lang::Zh),
                    shown(Lang::Zh),
                    threshold(spec, level, Lang::Zh)
                ),
                format!(
                    "{}{} is {}, short of {}.",
                    spec.name_en,
                    level_words(r, Lang::En),
                    shown(Lang::En),
                    threshold(spec, level, Lang::En)
                ),
            ));
        }
    }
    if met.is_some() {
        return;
    }
    if item.is_computed() {
        let needed: Vec<&ValueResult> = values
            .iter()
            .filter(|r| r.op == "input" && r.value.is_none())
            .collect();
        for r in needed {
            reasons.push(Text::new(
                format!(
                    "县级指标尚未填写“{}{}”。",
                    r.name_zh,
                    level_words(r, Lang::Zh)
                ),
                format!(
                    "The county sheet does not give “{}{}” yet.",
                    r.name_en,
                    level_words(r, Lang::En)
                ),
            ));
        }
        return;
    }
    let missing: Vec<&ValueResult> = values
        .iter()
        .filter(|r| r.op != "input" && r.met.is_none())
        .collect();
    if missing.is_empty() && declared.is_none() {
        let (zh, en) = if item.part == Part::Veto {
            (
                "尚未填写：请填写“是”（存在该情形）或“否”。",
                "Not answered yet: write 是 (the condition holds) or 否.",
            )
        } else {
            (
                "尚未填写：请填写“是”或“否”，并注明佐证材料。",
                "Not answered yet: write 是 or 否 (yes or no) and name the evidence.",
            )
        };
        reasons.push(Text::new(zh, en));
        return;
    }
    if !missing.is_empty() {
        let names = |lang: Lang| {
            missing
                .iter()
                .map(|r| match lang {
                    Lang::Zh => format!("“{}{}”", r.name_zh, level_words(r, lang)),
                    Lang::En => format!("“{}{}”", r.name_en, level_words(r, lang)),
                })
                .collect::<Vec<_>>()
        };
        reasons.push(Text::new(
            format!("尚未填写：{}。", names(Lang::Zh).join("、")),
            format!("Not entered yet: {}.", names(Lang::En).join(", ")),
        ));
    }
}
