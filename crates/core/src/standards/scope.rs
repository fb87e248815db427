//! Scope: which schools the national evaluation counts, which it leaves out and why, and the
//! 口径 line that says so, written from what was actually counted.
//!
//! The national application form's per-school table excludes 教学点 (teaching points), 民办
//! (private) schools and schools not run by the county (docs/domain.md §2.3, §6). In real files
//! a teaching point is often recognisable only by its name ("…教学点") while its level column
//! says 小学, and a private school only by its name ("…民办…", "…私立…") when the file has no
//! 举办者 / 办学性质 column: [`is_teaching_point_name`] and [`is_private_name`] catch those.

use super::input::{Level, Options, SchoolType, Split};
use super::report::{ExcludedSchool, Text};
use super::split::Prepared;
use crate::fields::Field;
use crate::ingest::number::fold_width;

/// Whether a school's name marks a teaching point: it ends in 教学点, ignoring spaces and
/// closing brackets (`龙潭村（教学点）`).
pub fn is_teaching_point_name(name: &str) -> bool {
    let folded = fold_width(name);
    let trimmed = folded.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '）'));
    trimmed.ends_with("教学点")
}

/// Whether a school's name marks a private school: it contains 民办 or 私立.
pub fn is_private_name(name: &str) -> bool {
    name.contains("民办") || name.contains("私立")
}

/// Why a school row is not evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// A 教学点 while the options leave them out; `by_name` when only its name says so.
    TeachingPoint {
        /// Recognised by its name (…教学点) while its level says 小学.
        by_name: bool,
    },
    /// A 民办 school while the options leave them out.
    Private {
        /// Recognised by its name (民办, 私立), not its operator column.
        by_name: bool,
    },
    /// 高中 only: not compulsory education.
    Senior,
    /// No pupils (missing or 0).
    NoPupils,
    /// A spanning school without per-section pupils: it cannot be split.
    CannotSplit,
    /// A whole spanning-school row while rows are declared already split.
    WholeSpanningRow,
}

/// One school row left out, with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Excluded {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Type of the row.
    pub school_type: SchoolType,
    /// Why.
    pub exclusion: Exclusion,
}

impl Excluded {
    /// The stable reason id of the report.
    pub fn reason_id(&self) -> &'static str {
        match self.exclusion {
            Exclusion::TeachingPoint { .. } => "teaching_point",
            Exclusion::Private { .. } => "private",
            Exclusion::Senior => "senior",
            Exclusion::NoPupils => "no_students",
            Exclusion::CannotSplit => "cannot_split",
            Exclusion::WholeSpanningRow => "whole_spanning_row",
        }
    }

    /// What the reason rests on: the level column, the operator column or the name.
    pub fn basis(&self) -> Option<&'static str> {
        match self.exclusion {
            Exclusion::TeachingPoint { by_name: true } | Exclusion::Private { by_name: true } => {
                Some("name")
            }
            Exclusion::TeachingPoint { by_name: false } | Exclusion::Senior => Some("level"),
            Exclusion::Private { by_name: false } => Some("operator"),
            _ => None,
        }
    }

    /// The reason in words a county clerk reads.
    pub fn text(&self) -> Text {
        match self.exclusion {
            Exclusion::TeachingPoint { by_name: false } => Text::new(
                "教学点（按学段列），国家申报表不含教学点",
                "teaching point (by its level column); the national form leaves them out",
            ),
            Exclusion::TeachingPoint { by_name: true } => Text::new(
                "教学点（学段列为小学，名称以“教学点”结尾），国家申报表不含教学点",
                "teaching point (level 小学, name ending in 教学点); the national form leaves them out",
            ),
            Exclusion::Private { by_name: false } => Text::new(
                "民办学校（按举办者/办学性质列），国家申报表不含民办学校",
                "private school (by its operator column); the national form leaves them out",
            ),
            Exclusion::Private { by_name: true } => Text::new(
                "民办学校（名称含“民办”或“私立”），国家申报表不含民办学校",
                "private school (name contains 民办 or 私立); the national form leaves them out",
            ),
            Exclusion::Senior => Text::new(
                "高中，不属义务教育",
                "senior high school, not compulsory education",
            ),
            Exclusion::NoPupils => Text::new(
                "在校学生数缺失或为 0，无法计算任何生均指标",
                "no pupils (missing or 0): no per-pupil indicator can be computed",
            ),
            Exclusion::CannotSplit => Text::new(
                "跨学段学校缺少分学段学生数，无法拆分到小学和初中",
                "spans levels but lacks per-section pupils, so it cannot be split",
            ),
            Exclusion::WholeSpanningRow => Text::new(
                "未拆分的一贯制学校整行，而已选择“各行已按学部拆分”",
                "a whole spanning-school row while rows are declared already split",
            ),
        }
    }

    /// The report entry.
    pub fn report(&self) -> ExcludedSchool {
        ExcludedSchool {
            name: self.name.clone(),
            line: self.line,
            school_type: self.school_type.id().to_string(),
            reason: self.reason_id().to_string(),
            basis: self.basis().map(str::to_string),
            text: self.text(),
        }
    }
}

/// Names listed in a note before "等（另 N 所）": the full list is `excluded`.
const NAMES_IN_NOTE: usize = 20;

/// `names` joined, at most [`NAMES_IN_NOTE`] of them, then how many more.
pub(super) fn name_list(names: &[String], zh: bool) -> String {
    let shown = &names[..names.len().min(NAMES_IN_NOTE)];
    let more = names.len() - shown.len();
    match (zh, more) {
        (true, 0) => shown.join("、"),
        (true, _) => format!("{}等（另 {more} 所）", shown.join("、")),
        (false, 0) => shown.join(", "),
        (false, _) => format!("{} and {more} more", shown.join(", ")),
    }
}

/// School names with their lines, in each language.
struct Tags {
    zh: Vec<String>,
    en: Vec<String>,
}

/// The notes of the schools left out by scope (teaching points, private, senior), one per
/// reason: what `prepare` adds to its notes. A document that lists `excluded` itself (the
/// dossier's 表1) leaves these out rather than say it twice.
pub fn exclusion_notes(excluded: &[Excluded]) -> Vec<Text> {
    // Each school as "name（第 n 行）" and "name (line n)".
    let tags = |reason: &str| -> Tags {
        let of_reason = || excluded.iter().filter(move |e| e.reason_id() == reason);
        Tags {
            zh: of_reason()
                .map(|e| format!("{}（第 {} 行）", e.name, e.line))
                .collect(),
            en: of_reason()
                .map(|e| format!("{} (line {})", e.name, e.line))
                .collect(),
        }
    };
    let mut notes = Vec::new();
    let points = tags("teaching_point");
    if !points.zh.is_empty() {
        notes.push(Text::new(
            format!(
                "国家申报表不含教学点，未计入 {} 所教学点（可选择计入）：{}。",
                points.zh.len(),
                name_list(&points.zh, true)
            ),
            format!(
                "The national form leaves teaching points out: {} left out (they can be included): {}.",
                points.en.len(),
                name_list(&points.en, false)
            ),
        ));
    }
    let private = tags("private");
    if !private.zh.is_empty() {
        notes.push(Text::new(
            format!(
                "国家申报表不含民办学校，未计入 {} 所民办学校（可选择计入）：{}。",
                private.zh.len(),
                name_list(&private.zh, true)
            ),
            format!(
                "The national form leaves private schools out: {} left out (they can be included): {}.",
                private.en.len(),
                name_list(&private.en, false)
            ),
        ));
    }
    let seniors = tags("senior");
    if !seniors.zh.is_empty() {
        notes.push(Text::new(
            format!(
                "高中不属义务教育，未计入：{}。",
                name_list(&seniors.zh, true)
            ),
            format!(
                "Senior high schools are not compulsory education and were left out: {}.",
                name_list(&seniors.en, false)
            ),
        ));
    }
    notes
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaching_point_names() {
        for name in [
            "龙潭第一教学点",
            "龙潭村（教学点）",
            "石门教学点 ",
            "桃源小学教学点",
        ] {
            assert!(is_teaching_point_name(name), "{name}");
        }
        for name in ["教学点小学", "龙潭小学", "", "教学点附近小学"] {
            assert!(!is_teaching_point_name(name), "{name}");
        }
    }

    #[test]
    fn private_names() {
        for name in ["育才民办学校", "启明私立小学", "民办光华中学"] {
            assert!(is_private_name(name), "{name}");
        }
        for name in ["城关第一小学", "公办民助实验学校", ""] {
            assert!(!is_private_name(name), "{name}");
        }
    }
}
