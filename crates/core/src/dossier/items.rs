//! 表5 政府保障程度, 表6 教育质量 and the recognition result, from the 2017 report's items
//! (docs/domain.md §2.2): each item with its standard and what the county entered or the table
//! gave, in words of both languages, so that both writers print the same thing.

use super::model::{Evaluation, ItemLine};
use crate::names::level_name;
use crate::report::StandardSection;
use crate::standards::items::text::{amount, thresholds, yes_no};
use crate::standards::items::{Item, ItemResult, Op};
use crate::standards::report::Text;
use crate::standards::{Level, Standard};
use crate::Lang;

/// The items of the 2017 section, with the standard they were judged by.
pub(super) fn evaluation(section: &StandardSection, standard: &Standard) -> Evaluation {
    let report = &section.evaluation.items;
    Evaluation {
        parts: report.parts.clone(),
        items: report
            .items
            .iter()
            .filter_map(|r| Some(line(r, standard.item(&r.id)?)))
            .collect(),
        recognized: report.recognized,
        unknown_items: report.unknown_items.clone(),
        county_values: report.county_values.as_ref().map(|c| c.source.clone()),
    }
}

fn line(r: &ItemResult, item: &Item) -> ItemLine {
    // Why an item is not met names its failing schools; an unknown per-school item names the
    // schools lacking a cell. An unknown county item needs no reason: it is to be entered.
    let reasons = match (r.met, r.decided_by.as_deref()) {
        (Some(false), _) => r.reasons.clone(),
        (None, _) if r.kind == "per_school" => r.reasons.clone(),
        _ => Vec::new(),
    };
    ItemLine {
        id: r.id.clone(),
        part: r.part.clone(),
        name_zh: r.name_zh.clone(),
        name_en: r.name_en.clone(),
        unsure: r.unsure,
        met: r.met,
        decided_by: r.decided_by.clone(),
        standard: Text::new(
            standard_text(r, item, Lang::Zh),
            standard_text(r, item, Lang::En),
        ),
        value: Text::new(value_text(r, item, Lang::Zh), value_text(r, item, Lang::En)),
        reasons,
        note: r.note.clone(),
        evidence: r.evidence.clone(),
    }
}

/// Each value's threshold, by level when they differ; for a judgement, what it takes.
fn standard_text(r: &ItemResult, item: &Item, lang: Lang) -> String {
    let judged: Vec<&crate::standards::items::ItemValue> =
        item.values.iter().filter(|v| v.op != Op::Input).collect();
    // One value: the item's wording names it already.
    if let [v] = judged[..] {
        return thresholds(v, lang);
    }
    let judged: Vec<String> = judged
        .into_iter()
        .map(|v| {
            let name = match lang {
                Lang::Zh => &v.name_zh,
                Lang::En => &v.name_en,
            };
            format!("{name} {}", thresholds(v, lang))
        })
        .collect();
    if !judged.is_empty() {
        return judged.join(separator(lang));
    }
    match (r.part == "veto", lang) {
        (true, Lang::Zh) => "不存在该情形".into(),
        (true, Lang::En) => "does not occur".into(),
        (false, Lang::Zh) => "达到".into(),
        (false, Lang::En) => "met".into(),
    }
}

/// What decided the item: the schools the table checked, the county's figures and answers.
fn value_text(r: &ItemResult, item: &Item, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(checked) = r
        .schools_checked
        .filter(|_| r.decided_by.is_some() || r.met.is_none())
    {
        let mut failing: Vec<&str> = r.failing_schools.iter().map(|c| c.name.as_str()).collect();
        failing.dedup();
        let unknown = r.unknown_schools.len();
        parts.push(match lang {
            Lang::Zh => {
                let mut s = format!("学校表：{checked} 所，{} 所未达到", failing.len());
                if unknown > 0 {
                    s.push_str(&format!("，{unknown} 所无法判断"));
                }
                s
            }
            Lang::En => {
                let mut s = format!("School table: {checked}, {} failing", failing.len());
                if unknown > 0 {
                    s.push_str(&format!(", {unknown} undetermined"));
                }
                s
            }
        });
    }
    for v in &r.values {
        let Some(value) = item.value(&v.key) else {
            continue;
        };
        let level = match v.level.as_deref() {
            Some("primary") => Some(Level::Primary),
            Some("junior") => Some(Level::Junior),
            _ => None,
        };
        let shown = match (v.value, v.answer) {
            (Some(x), _) => amount(value.unit, x, lang),
            (None, Some(a)) => yes_no(a, lang).to_string(),
            (None, None) => continue,
        };
        let name = match (lang, level) {
            (Lang::Zh, Some(l)) => format!("{}（{}）", value.name_zh, level_name(l, lang)),
            (Lang::Zh, None) => value.name_zh.clone(),
            (Lang::En, Some(l)) => format!("{} ({})", value.name_en, level_name(l, lang)),
            (Lang::En, None) => value.name_en.clone(),
        };
        parts.push(match lang {
            Lang::Zh => format!("{name}：{shown}"),
            Lang::En => format!("{name}: {shown}"),
        });
    }
    if let Some(answer) = r.declared {
        parts.push(yes_no(answer, lang).to_string());
    }
    if parts.is_empty() {
        return match lang {
            Lang::Zh => "未填报".into(),
            Lang::En => "not entered".into(),
        };
    }
    parts.join(separator(lang))
}

fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

// The words both writers print.

/// The titles of 表5, 表6 and the recognition result, by the parts they hold.
pub fn table_title(lang: Lang, which: &str) -> &'static str {
    match (which, lang) {
        ("government", Lang::Zh) => "表5 政府保障程度",
        ("government", Lang::En) => "Table 5 Government guarantee",
        ("quality", Lang::Zh) => "表6 教育质量",
        ("quality", Lang::En) => "Table 6 Quality of education",
        (_, Lang::Zh) => "社会认可度与认定结果",
        (_, Lang::En) => "Public recognition and the result",
    }
}

/// The parts each table holds: 表5 government, 表6 quality, the result S1 and V1–V6.
pub fn table_parts(which: &str) -> &'static [&'static str] {
    match which {
        "government" => &["government"],
        "quality" => &["quality"],
        _ => &["recognition", "veto"],
    }
}

/// The headers of an items table.
pub fn headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => [
            "编号",
            "评估内容",
            "标准",
            "填报值或计算结果",
            "结论",
            "说明与佐证材料",
        ],
        Lang::En => [
            "Item",
            "What is evaluated",
            "Standard",
            "Entered or computed",
            "Result",
            "Notes and evidence",
        ],
    }
}

/// An item's result: 达到 / 未达到 / 待定; for V1–V6, whether the condition occurs.
pub fn result(line: &ItemLine, lang: Lang) -> &'static str {
    let veto = line.part == "veto";
    match (line.met, veto, lang) {
        (Some(true), false, Lang::Zh) => "达到",
        (Some(false), false, Lang::Zh) => "未达到",
        (Some(true), true, Lang::Zh) => "无此情形",
        (Some(false), true, Lang::Zh) => "存在",
        (None, _, Lang::Zh) => "待定",
        (Some(true), false, Lang::En) => "met",
        (Some(false), false, Lang::En) => "not met",
        (Some(true), true, Lang::En) => "does not occur",
        (Some(false), true, Lang::En) => "occurs",
        (None, _, Lang::En) => "to decide",
    }
}

/// The 说明 cell: the reasons, the county's note and the evidence document; a mark when the
/// threshold was seen only in local rules.
pub fn remarks(line: &ItemLine, lang: Lang) -> String {
    let mut out: Vec<String> = line
        .reasons
        .iter()
        .map(|r| match lang {
            Lang::Zh => r.zh.clone(),
            Lang::En => r.en.clone(),
        })
        .collect();
    if let Some(note) = &line.note {
        out.push(note.clone());
    }
    if let Some(evidence) = &line.evidence {
        out.push(match lang {
            Lang::Zh => format!("佐证材料：{evidence}"),
            Lang::En => format!("Evidence: {evidence}"),
        });
    }
    out.join("\n")
}

/// The mark after a standard seen only in local rules, explained once under each table by
/// [`unsure_note`].
pub fn unsure_mark(line: &ItemLine) -> &'static str {
    if line.unsure {
        " ※"
    } else {
        ""
    }
}

/// What the mark ※ means.
pub fn unsure_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "※ 标准依地方实施办法（未见全国原文），请按本省规定核对。",
        Lang::En => {
            "※ Threshold from local rules (the national text was not seen): check your province's."
        }
    }
}

/// Where the county stands on a part: 达到, 未达到 (n items), or n items still to decide.
pub fn part_status(part: &crate::standards::items::PartResult, lang: Lang) -> String {
    let (bad, open) = (part.not_met, part.unknown);
    match (part.met, lang) {
        (Some(true), Lang::Zh) => "达到".into(),
        (Some(true), Lang::En) => "met".into(),
        (Some(false), Lang::Zh) if part.part == "veto" => format!("存在 {bad} 项不予认定情形"),
        (Some(false), Lang::En) if part.part == "veto" => {
            format!("{bad} condition(s) of non-recognition occur")
        }
        // Resources fail on a school below the per-school rule with no CV above its limit.
        (Some(false), Lang::Zh) if bad == 0 => "未达到".into(),
        (Some(false), Lang::En) if bad == 0 => "not met".into(),
        (Some(false), Lang::Zh) if open > 0 => format!("未达到（{bad} 项未达到，{open} 项待定）"),
        (Some(false), Lang::En) if open > 0 => format!("not met ({bad} not met, {open} to decide)"),
        (Some(false), Lang::Zh) => format!("未达到（{bad} 项）"),
        (Some(false), Lang::En) => format!("not met ({bad})"),
        (None, Lang::Zh) => format!("待定（{open} 项待填报或补充）"),
        (None, Lang::En) => format!("to decide ({open} to enter or complete)"),
    }
}

/// Whether the county can be recognised, in a sentence.
pub fn recognized_text(e: &Evaluation, lang: Lang) -> String {
    match (e.recognized, lang) {
        (Some(true), Lang::Zh) => "可以认定：资源配置、政府保障程度、教育质量、社会认可度均达到，且无不予认定情形。".into(),
        (Some(true), Lang::En) => "Can be recognised: resources, government guarantee, quality and public recognition are met, and no condition of non-recognition occurs.".into(),
        (Some(false), Lang::Zh) => "不能认定：有评估内容未达到或存在不予认定情形（见下表）。".into(),
        (Some(false), Lang::En) => "Cannot be recognised: an item is not met or a condition of non-recognition occurs (see below).".into(),
        (None, Lang::Zh) => format!(
            "尚不能判断：{} 项待填报县级指标或补充学校表（{}）。",
            e.unknown_items.len(),
            e.unknown_items.join("、")
        ),
        (None, Lang::En) => format!(
            "Not decided yet: {} item(s) to enter in the county sheet 县级指标 or to complete in the school table ({}).",
            e.unknown_items.len(),
            e.unknown_items.join(", ")
        ),
    }
}
