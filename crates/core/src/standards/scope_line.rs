//! The 口径 line of the national evaluation: what was counted and what was left out, written
//! from the [`Prepared`] sections (after the scope and split of `split.rs`), so it says only
//! what the numbers rest on.

use super::input::{Level, Options, SchoolType, Split};
use super::report::Text;
use super::split::Prepared;
use crate::fields::Field;

/// The 口径 line: how many school sections of each level were counted (teaching points and
/// sections of spanning schools among them), how many rows were left out and why, and the
/// choices that changed the numbers. Written from `prepared`, so it never says "不含教学点"
/// while counting one.
pub fn scope_text(prepared: &Prepared, options: &Options) -> Text {
    let mut zh: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    let mut counted_zh = Vec::new();
    let mut counted_en = Vec::new();
    for level in Level::ALL {
        let sections: Vec<_> = prepared
            .sections
            .iter()
            .filter(|s| s.level == level)
            .collect();
        if sections.is_empty() {
            continue;
        }
        let split = sections
            .iter()
            .filter(|s| s.school_type.is_spanning())
            .count();
        let points = sections
            .iter()
            .filter(|s| s.school_type == SchoolType::TeachingPoint)
            .count();
        let (part_zh, part_en) = match level {
            Level::Primary => ("小学部", "primary sections"),
            Level::Junior => ("初中部", "junior sections"),
        };
        let mut among_zh = Vec::new();
        let mut among_en = Vec::new();
        if split > 0 {
            among_zh.push(format!("跨学段学校拆出的{part_zh} {split} 个"));
            among_en.push(format!("{split} {part_en} of spanning schools"));
        }
        if points > 0 {
            among_zh.push(format!("教学点 {points} 所"));
            among_en.push(format!("{points} teaching points"));
        }
        let among_zh = if among_zh.is_empty() {
            String::new()
        } else {
            format!("（含{}）", among_zh.join("、"))
        };
        let among_en = if among_en.is_empty() {
            String::new()
        } else {
            format!(" (including {})", among_en.join(" and "))
        };
        counted_zh.push(format!(
            "{} {} 所{among_zh}",
            level.name_zh(),
            sections.len()
        ));
        counted_en.push(format!(
            "{} {}{among_en}",
            sections.len(),
            match level {
                Level::Primary => "primary schools",
                Level::Junior => "junior schools",
            }
        ));
    }
    if counted_zh.is_empty() {
        zh.push("没有纳入评估的学校".into());
        en.push("no school evaluated".into());
    } else {
        zh.push(format!("纳入评估的{}", counted_zh.join("，")));
        en.push(format!("evaluated: {}", counted_en.join(", ")));
    }

    if !prepared.excluded.is_empty() {
        let reasons: [(&str, &str, &str); 6] = [
            ("teaching_point", "教学点", "teaching points"),
            ("private", "民办学校", "private schools"),
            ("senior", "高中", "senior high schools"),
            (
                "no_students",
                "缺在校学生数的学校",
                "schools without pupils",
            ),
            (
                "cannot_split",
                "无法拆分的跨学段学校",
                "spanning schools that cannot be split",
            ),
            (
                "whole_spanning_row",
                "未拆分的一贯制学校整行",
                "whole spanning-school rows",
            ),
        ];
        let mut parts_zh = Vec::new();
        let mut parts_en = Vec::new();
        for (id, name_zh, name_en) in reasons {
            let n = prepared
                .excluded
                .iter()
                .filter(|e| e.reason_id() == id)
                .count();
            if n > 0 {
                parts_zh.push(format!("{name_zh} {n} 所"));
                parts_en.push(format!("{n} {name_en}"));
            }
        }
        let by_name = prepared
            .excluded
            .iter()
            .filter(|e| e.basis() == Some("name"))
            .count();
        let (by_name_zh, by_name_en) = if by_name > 0 {
            (
                format!("，其中 {by_name} 所按校名识别"),
                format!(", {by_name} of them recognised by their name"),
            )
        } else {
            (String::new(), String::new())
        };
        zh.push(format!(
            "未纳入 {} 所：{}{by_name_zh}（名单见“未纳入评估的学校”）",
            prepared.excluded.len(),
            parts_zh.join("、")
        ));
        en.push(format!(
            "left out {}: {}{by_name_en} (listed under “schools left out”)",
            prepared.excluded.len(),
            parts_en.join(", ")
        ));
    }

    let any_split = prepared.sections.iter().any(|s| s.share.is_some());
    if any_split {
        match options.split {
            Split::Weighted { junior, senior } => {
                zh.push(format!("跨学段学校的校舍、场地、设备、图书和计算机按加权学生数拆分（1 名初中生折合 {junior} 名小学生，1 名高中生折合 {senior} 名小学生）"));
                en.push(format!("spanning schools' buildings, grounds, equipment, books and computers split by weighted pupils (a junior pupil counts {junior} primary pupils, a senior pupil {senior})"));
            }
            Split::PupilProportional => {
                zh.push("跨学段学校的校舍、场地、设备、图书和计算机按学生人数比例拆分".into());
                en.push("spanning schools' buildings, grounds, equipment, books and computers split in proportion to pupils".into());
            }
            Split::AlreadySplit => {}
        }
    }
    if matches!(options.split, Split::AlreadySplit) {
        zh.push("各学部已分行填报".into());
        en.push("sections given on their own rows".into());
    }
    let any_gym = prepared
        .sections
        .iter()
        .any(|s| s.values.contains_key(&Field::GymArea));
    if options.gym_in_sports {
        zh.push("室内体育用房面积从教学及辅助用房面积移入体育运动场馆面积".into());
        en.push("indoor gym area moved from teaching area to sports area".into());
    } else if any_gym {
        zh.push("室内体育用房面积留在教学及辅助用房面积内".into());
        en.push("indoor gym area left in teaching area".into());
    }
    zh.push("差异系数按学生数加权".into());
    en.push("CVs weighted by pupils".into());
    Text::new(
        format!("口径：{}。", zh.join("；")),
        format!("Scope: {}.", en.join("; ")),
    )
}
