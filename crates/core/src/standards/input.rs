//! The plain, already-mapped input of the standards engine: one [`SchoolInput`] per row of the
//! user's table, plus the [`Options`] that the official texts leave open.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fields::Field;

/// Level (学段) of compulsory education. Evaluation is always separate per level. Serialized
/// as its id (`primary`, `junior`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 小学, id `primary`.
    Primary,
    /// 初中, id `junior`.
    Junior,
}

impl Level {
    /// Both levels, primary first.
    pub const ALL: [Level; 2] = [Level::Primary, Level::Junior];

    /// Stable id: `primary` or `junior`.
    pub fn id(self) -> &'static str {
        match self {
            Level::Primary => "primary",
            Level::Junior => "junior",
        }
    }

    /// Chinese name: 小学 or 初中.
    pub fn name_zh(self) -> &'static str {
        match self {
            Level::Primary => "小学",
            Level::Junior => "初中",
        }
    }

    /// The level with this id.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// Kind of school as far as the standards care: which levels it teaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SchoolType {
    /// 小学.
    Primary,
    /// 初中 / 初级中学.
    Junior,
    /// 九年一贯制学校: primary + junior, split (docs/domain.md §2.3).
    NineYear,
    /// 十二年一贯制学校: primary + junior + senior; the senior part is dropped.
    TwelveYear,
    /// 完全中学: junior + senior; the senior part is dropped.
    Complete,
    /// 小学教学点 (teaching point); primary, in scope only when chosen.
    TeachingPoint,
    /// 小学部 of a spanning school given as its own row (already split).
    PrimarySection,
    /// 初中部 of a spanning school given as its own row (already split).
    JuniorSection,
    /// 高中 only: not compulsory education, never evaluated.
    Senior,
}

impl SchoolType {
    /// Reads the common Chinese names after the ingest layer's normalisation (spaces removed).
    /// Returns `None` for anything else; the ingest layer owns the full synonym list.
    pub fn parse(text: &str) -> Option<SchoolType> {
        let t = text.trim();
        Some(match t {
            "小学" => SchoolType::Primary,
            "初中" | "初级中学" => SchoolType::Junior,
            "九年一贯制" | "九年一贯制学校" => SchoolType::NineYear,
            "十二年一贯制" | "十二年一贯制学校" => SchoolType::TwelveYear,
            "完全中学" | "完中" => SchoolType::Complete,
            "教学点" | "小学教学点" => SchoolType::TeachingPoint,
            "小学部" => SchoolType::PrimarySection,
            "初中部" => SchoolType::JuniorSection,
            "高中" | "高级中学" => SchoolType::Senior,
            _ => return None,
        })
    }

    /// Whether rows of this type teach more than one level and must be split.
    pub fn is_spanning(self) -> bool {
        matches!(
            self,
            SchoolType::NineYear | SchoolType::TwelveYear | SchoolType::Complete
        )
    }

    /// Every type.
    pub const ALL: [SchoolType; 9] = [
        SchoolType::Primary,
        SchoolType::Junior,
        SchoolType::NineYear,
        SchoolType::TwelveYear,
        SchoolType::Complete,
        SchoolType::TeachingPoint,
        SchoolType::PrimarySection,
        SchoolType::JuniorSection,
        SchoolType::Senior,
    ];

    /// The type with this report id.
    pub fn from_id(id: &str) -> Option<SchoolType> {
        SchoolType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Stable id used in reports.
    pub fn id(self) -> &'static str {
        match self {
            SchoolType::Primary => "primary",
            SchoolType::Junior => "junior",
            SchoolType::NineYear => "nine_year",
            SchoolType::TwelveYear => "twelve_year",
            SchoolType::Complete => "complete",
            SchoolType::TeachingPoint => "teaching_point",
            SchoolType::PrimarySection => "primary_section",
            SchoolType::JuniorSection => "junior_section",
            SchoolType::Senior => "senior",
        }
    }
}

/// One row of the user's table, mapped to canonical fields. Built by the glue code from a
/// mapped table; nothing here reads text.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolInput {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file, from 1 (for messages).
    pub line: u64,
    /// Which levels the school teaches.
    pub school_type: SchoolType,
    /// 民办 (private): in scope only when chosen.
    pub private: bool,
    /// What the type and operator were recognised by, when not by their own columns; kept
    /// for the list of schools left out (`standard.excluded`).
    pub evidence: ScopeEvidence,
    /// 在校学生数 (whole school).
    pub students: Option<f64>,
    /// 小学部学生数 (spanning schools).
    pub students_primary: Option<f64>,
    /// 初中部学生数 (spanning schools).
    pub students_junior: Option<f64>,
    /// 高中部学生数 (十二年一贯制, 完全中学).
    pub students_senior: Option<f64>,
    /// Resource counts of the whole school in base units (m², 元, persons, counts): not ratios.
    /// A missing key is a missing value (never read as 0).
    pub values: BTreeMap<Field, f64>,
    /// Per-section counts of a spanning school, e.g. teachers recorded by teaching level. A value
    /// here is taken as is for that level instead of an apportioned share.
    pub section_values: BTreeMap<Level, BTreeMap<Field, f64>>,
    /// 班级数.
    pub classes: Option<f64>,
    /// 最大班额 (largest class).
    pub max_class_size: Option<f64>,
}

impl SchoolInput {
    /// A school with the given name, line, type and pupils, and no values yet.
    pub fn new(name: &str, line: u64, school_type: SchoolType, students: f64) -> SchoolInput {
        SchoolInput {
            name: name.to_string(),
            line,
            school_type,
            private: false,
            evidence: ScopeEvidence::default(),
            students: Some(students),
            students_primary: None,
            students_junior: None,
            students_senior: None,
            values: BTreeMap::new(),
            section_values: BTreeMap::new(),
            classes: None,
            max_class_size: None,
        }
    }

    /// Sets one resource count (builder style).
    pub fn with(mut self, field: Field, value: f64) -> SchoolInput {
        self.values.insert(field, value);
        self
    }
}

/// What a row's scope rests on when its own columns do not say it (docs/domain.md §6: in real
/// files a teaching point is often recognisable only by its name while its level says 小学).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScopeEvidence {
    /// A 教学点 by its name (…教学点) while its level column says 小学.
    pub teaching_point_by_name: bool,
    /// 民办 by its name (民办, 私立) while its operator column does not say so.
    pub private_by_name: bool,
}

/// How spanning schools (九年一贯制, 十二年一贯制, 完全中学) are split into sections.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Split {
    /// Shares by weighted pupils: a primary pupil counts 1, a junior pupil `junior`, a senior
    /// pupil `senior` (docs/domain.md §2.3 \[S\]: 1.1 and 1.32 = 1.1 × 1.2). Section share of level l =
    /// w_l·n_l / Σ w·n.
    Weighted {
        /// Weight of a junior pupil (1.1).
        junior: f64,
        /// Weight of a senior pupil (1.32).
        senior: f64,
    },
    /// Shares proportional to pupils (all weights 1).
    PupilProportional,
    /// Rows are already sections (小学部 / 初中部); a whole spanning school row is excluded
    /// with a note.
    AlreadySplit,
}

impl Split {
    /// The local guidance's weights (docs/domain.md §2.3): junior 1.1, senior 1.32.
    pub const GUIDANCE: Split = Split::Weighted {
        junior: 1.1,
        senior: 1.32,
    };
}

/// Choices the official texts leave open. Each is printed in the report's `options`.
/// No `Default`: use [`Options::national`] and change what the province rules differently.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// How to split spanning schools.
    pub split: Split,
    /// Count 教学点 as primary schools. The national application form excludes them
    /// (docs/domain.md §2.3 \[V\]); whether the national CV does is \[U\].
    pub include_teaching_points: bool,
    /// Count 民办 schools. The national application form excludes them \[V\]; some districts
    /// include them \[S\].
    pub include_private: bool,
    /// Take teaching area minus the indoor gym and sports area plus the gym, so the gym is not
    /// counted twice (docs/domain.md §2.2, national rule \[U\]). A missing gym area counts as 0 then.
    pub gym_in_sports: bool,
}

impl Options {
    /// The defaults of the national application form: guidance split weights, 教学点 and 民办
    /// excluded, gym left inside teaching area.
    pub fn national() -> Options {
        Options {
            split: Split::GUIDANCE,
            include_teaching_points: false,
            include_private: false,
            gym_in_sports: false,
        }
    }
}
