//! Scope: which schools the national evaluation counts, which it leaves out and why. The 口径
//! line that says so, written from what was actually counted, is in `scope_line.rs`.
//!
//! The national application form's per-school table excludes 教学点 (teaching points), 民办
//! (private) schools and schools not run by the county (docs/domain.md §2.3, §6). In real files
//! a teaching point is often recognisable only by its name ("…教学点") while its level column
//! says 小学, and a private school only by its name ("…民办…", "…私立…") when the file has no
//! 举办者 / 办学性质 column: [`is_teaching_point_name`] and [`is_private_name`] catch those.

use super::input::SchoolType;
use super::report::{ExcludedSchool, Text};
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
