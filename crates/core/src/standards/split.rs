//! Scope and split: school rows → sections, one per level (docs/domain.md §2.3).
//!
//! A spanning school (九年一贯制, 十二年一贯制, 完全中学) becomes one section per compulsory level
//! it teaches, each counted as one school of its level. The resources the local guidance names
//! are apportioned by weighted pupils; teachers come from per-section values when given,
//! otherwise they are apportioned by the same shares (with a note). Nothing is rounded.
//! A school is never counted in both levels with full resources.

use std::collections::BTreeMap;

use super::input::{Level, Options, SchoolInput, SchoolType, Split};
use super::report::Text;
use super::scope::{exclusion_notes, name_list, Excluded, Exclusion};
use crate::fields::Field;

/// Resources apportioned between sections: the five of the guidance for 2012 (teaching area,
/// sports area, equipment value, computers, books) and, for 2017, the gym and multimedia rooms
/// (docs/domain.md §2.3 \[S\]).
pub const APPORTIONED: [Field; 7] = [
    Field::TeachingArea,
    Field::SportsArea,
    Field::EquipmentValue,
    Field::Computers,
    Field::Books,
    Field::GymArea,
    Field::MultimediaRooms,
];

/// Teacher counts: taken per section when the row gives them per level, otherwise apportioned
/// by the same shares (and said so in a note).
pub const TEACHERS: [Field; 5] = [
    Field::Teachers,
    Field::TeachersAboveQual,
    Field::TeachersBackbone,
    Field::TeachersPeArts,
    Field::TeachersMidTitle,
];

/// One school of one level: a single-level school, or a section of a spanning school.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Level of this section.
    pub level: Level,
    /// Type of the row it comes from.
    pub school_type: SchoolType,
    /// Pupils of this section, > 0.
    pub students: f64,
    /// Share of the apportioned resources (spanning schools only).
    pub share: Option<f64>,
    /// Resource counts of this section in base units.
    pub values: BTreeMap<Field, f64>,
}

/// What the items of 2017 that a school table can settle (docs/domain.md §2.2: G3 rooms, G4
/// school size, G5 class size, G6 funds of small schools, G12 certified teachers, Q4 training
/// funds) read of one school row: whole-school figures, never split.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolFacts {
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Type of the row.
    pub school_type: SchoolType,
    /// Whether the row is evaluated (in scope). A 教学点 left out by the scope options is kept
    /// here, out of scope, for G6, which names teaching points.
    pub in_scope: bool,
    /// Compulsory-stage pupils (primary + junior; junior only for 完全中学).
    pub compulsory_students: Option<f64>,
    /// 小学部学生数 of a spanning school.
    pub students_primary: Option<f64>,
    /// 初中部学生数 of a spanning school.
    pub students_junior: Option<f64>,
    /// 班级数.
    pub classes: Option<f64>,
    /// 最大班额.
    pub max_class_size: Option<f64>,
    /// The row's whole-school counts the items read (rooms and their areas, funds, teachers,
    /// class-size bands), in base units; a missing key is a missing cell.
    pub values: BTreeMap<Field, f64>,
}

/// The fields of a school row that the items of 2017 read (kept whole in [`SchoolFacts`]).
pub const ITEM_FIELDS: [Field; 16] = [
    Field::MusicRooms,
    Field::MusicRoomArea,
    Field::ArtRooms,
    Field::ArtRoomArea,
    Field::PublicFunds,
    Field::TrainingFunds,
    Field::Teachers,
    Field::TeachersCertified,
    Field::ClassesOver45,
    Field::ClassesOver50,
    Field::ClassesOver55,
    Field::ClassesOver65,
    Field::Classes46To50,
    Field::Classes51To55,
    Field::Classes56To60,
    Field::Classes61To65,
];

/// Sections in scope, school facts and notes: the input of the evaluation, editable for what-if.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// Sections in scope, in row order.
    pub sections: Vec<Section>,
    /// Whole-school facts of the in-scope school rows (and of the 教学点 left out), in row order.
    pub facts: Vec<SchoolFacts>,
    /// School rows left out, with the reason, in row order.
    pub excluded: Vec<Excluded>,
    /// What was excluded, derived or apportioned.
    pub notes: Vec<Text>,
}

/// Spanning schools whose teachers were apportioned (not given per section), grouped by the
/// teacher fields concerned, for one note per group.
struct Apportioned {
    /// The teacher fields apportioned, Chinese names joined.
    fields: String,
    /// The schools, "name（第 n 行）".
    zh: Vec<String>,
    /// The schools, "name (line n)".
    en: Vec<String>,
}

/// Applies the scope options and splits spanning schools. Pure; O(rows).
pub fn prepare(schools: &[SchoolInput], options: &Options) -> Prepared {
    let mut out = Prepared {
        sections: Vec::new(),
        facts: Vec::new(),
        excluded: Vec::new(),
        notes: Vec::new(),
    };
    let mut apportioned: Vec<Apportioned> = Vec::new();
    for school in schools {
        let exclusion = if school.school_type == SchoolType::Senior {
            Some(Exclusion::Senior)
        } else if school.school_type == SchoolType::TeachingPoint
            && !options.include_teaching_points
        {
            Some(Exclusion::TeachingPoint {
                by_name: school.evidence.teaching_point_by_name,
            })
        } else if school.private && !options.include_private {
            Some(Exclusion::Private {
                by_name: school.evidence.private_by_name,
            })
        } else {
            None
        };
        if let Some(exclusion) = exclusion {
            if matches!(exclusion, Exclusion::TeachingPoint { .. }) {
                if let Some(facts) = school_facts(school, false) {
                    out.facts.push(facts);
                }
            }
            exclude(school, exclusion, &mut out);
            continue;
        }
        let before = out.sections.len();
        if school.school_type.is_spanning() {
            split_spanning(school, options, &mut out, &mut apportioned);
        } else {
            single(school, &mut out);
        }
        if out.sections.len() == before {
            continue;
        }
        if let Some(facts) = school_facts(school, true) {
            out.facts.push(facts);
        }
    }
    for a in apportioned {
        out.notes.push(Text::new(
            format!(
                "{} 所跨学段学校没有分学部的教师数，{}按与校舍设备相同的比例拆分：{}。",
                a.zh.len(),
                a.fields,
                name_list(&a.zh, true)
            ),
            format!(
                "{} schools spanning levels have no per-section teacher counts; their teachers were apportioned by the same shares as buildings and equipment: {}.",
                a.en.len(),
                name_list(&a.en, false)
            ),
        ));
    }
    let scope_notes = exclusion_notes(&out.excluded);
    out.notes.extend(scope_notes);
    out
}

/// Lists a school row as left out.
fn exclude(school: &SchoolInput, exclusion: Exclusion, out: &mut Prepared) {
    out.excluded.push(Excluded {
        name: school.name.clone(),
        line: school.line,
        school_type: school.school_type,
        exclusion,
    });
}

fn single(school: &SchoolInput, out: &mut Prepared) {
    let level = match school.school_type {
        SchoolType::Primary | SchoolType::TeachingPoint | SchoolType::PrimarySection => {
            Level::Primary
        }
        _ => Level::Junior,
    };
    let own = match level {
        Level::Primary => school.students_primary,
        Level::Junior => school.students_junior,
    };
    let students = school.students.or(own);
    let Some(students) = students.filter(|p| p.is_finite() && *p > 0.0) else {
        no_pupils(school, out);
        return;
    };
    let mut values = clean_values(school, &school.values, out);
    if let Some(extra) = school.section_values.get(&level) {
        values.extend(clean_values(school, extra, out));
    }
    out.sections.push(Section {
        name: school.name.clone(),
        line: school.line,
        level,
        school_type: school.school_type,
        students,
        share: None,
        values,
    });
}

fn no_pupils(school: &SchoolInput, out: &mut Prepared) {
    exclude(school, Exclusion::NoPupils, out);
    out.notes.push(Text::new(
        format!(
            "{}（第 {} 行）在校学生数缺失或为 0，未参加任何指标的计算。",
            school.name, school.line
        ),
        format!(
            "{} (line {}) has no or zero pupils and is left out of every indicator.",
            school.name, school.line
        ),
    ));
}

/// Drops negative or non-finite counts with a note (docs/domain.md §3.3: reject, never impute).
fn clean_values(
    school: &SchoolInput,
    values: &BTreeMap<Field, f64>,
    out: &mut Prepared,
) -> BTreeMap<Field, f64> {
    let mut kept = BTreeMap::new();
    for (&field, &value) in values {
        if value.is_finite() && value >= 0.0 {
            kept.insert(field, value);
        } else {
            out.notes.push(Text::new(
                format!("{}（第 {} 行）的“{}”为 {value}，不是有效的非负数，按缺失处理。", school.name, school.line, field.name_zh()),
                format!(
                    "{} (line {}): “{}” is {value}, not a valid non-negative number; treated as missing.",
                    school.name,
                    school.line,
                    field.name_en()
                ),
            ));
        }
    }
    kept
}

/// Pupils per part (primary, junior, senior) of a spanning school; one missing part may be
/// derived from the total.
fn parts(school: &SchoolInput, out: &mut Prepared) -> Option<[f64; 3]> {
    let needed = match school.school_type {
        SchoolType::NineYear => [true, true, false],
        SchoolType::TwelveYear => [true, true, true],
        _ => [false, true, true],
    };
    let mut given = [
        school.students_primary,
        school.students_junior,
        school.students_senior,
    ];
    for (g, need) in given.iter_mut().zip(needed) {
        if !need {
            *g = Some(0.0);
        }
    }
    let missing: Vec<usize> = (0..3).filter(|&k| given[k].is_none()).collect();
    if missing.len() == 1 {
        if let Some(total) = school.students {
            let known: f64 = given.iter().flatten().sum();
            let derived = total - known;
            if derived >= 0.0 {
                given[missing[0]] = Some(derived);
                out.notes.push(Text::new(
                    format!("{}（第 {} 行）缺一个学段的学生数，按“在校学生数减其余学段”推得 {derived}。", school.name, school.line),
                    format!(
                        "{} (line {}): one section's pupils were missing and derived as total minus the others: {derived}.",
                        school.name, school.line
                    ),
                ));
            }
        }
    }
    let [Some(p), Some(j), Some(s)] = given else {
        exclude(school, Exclusion::CannotSplit, out);
        out.notes.push(Text::new(
            format!("{}（第 {} 行）是跨学段学校，但缺少分学段学生数，无法拆分，未计入。请填写小学部、初中部（及高中部）学生数。", school.name, school.line),
            format!(
                "{} (line {}) spans levels but lacks per-section pupils, so it cannot be split and is left out. Give primary, junior (and senior) pupils.",
                school.name, school.line
            ),
        ));
        return None;
    };
    if [p, j, s].iter().any(|v| !v.is_finite() || *v < 0.0) {
        no_pupils(school, out);
        return None;
    }
    Some([p, j, s])
}

/// Splits a spanning school into sections; adds it to `apportioned` (the teacher fields that
/// were apportioned, and the schools) when its teachers are not given per section.
fn split_spanning(
    school: &SchoolInput,
    options: &Options,
    out: &mut Prepared,
    apportioned: &mut Vec<Apportioned>,
) {
    let (junior_weight, senior_weight) = match options.split {
        Split::AlreadySplit => {
            exclude(school, Exclusion::WholeSpanningRow, out);
            out.notes.push(Text::new(
                format!("{}（第 {} 行）是未拆分的跨学段学校，但已选择“各行已按学部拆分”，因此未计入。请改选拆分方式或提供学部行。", school.name, school.line),
                format!(
                    "{} (line {}) is a whole spanning school while rows are declared already split, so it is left out. Choose a split rule or give section rows.",
                    school.name, school.line
                ),
            ));
            return;
        }
        Split::PupilProportional => (1.0, 1.0),
        Split::Weighted { junior, senior } => (junior, senior),
    };
    let Some([p, j, s]) = parts(school, out) else {
        return;
    };
    let weighted = [p, junior_weight * j, senior_weight * s];
    let total: f64 = weighted.iter().sum();
    if total.is_nan() || total <= 0.0 {
        no_pupils(school, out);
        return;
    }
    let values = clean_values(school, &school.values, out);
    let mut apportioned_teachers: Vec<&str> = Vec::new();
    for (level, pupils, weighted_pupils) in [
        (Level::Primary, p, weighted[0]),
        (Level::Junior, j, weighted[1]),
    ] {
        if pupils <= 0.0 {
            continue;
        }
        let share = weighted_pupils / total;
        let own = school
            .section_values
            .get(&level)
            .map(|v| clean_values(school, v, out))
            .unwrap_or_default();
        let mut section_values = BTreeMap::new();
        for field in APPORTIONED {
            if let Some(v) = own.get(&field).or(values.get(&field)).copied() {
                let v = if own.contains_key(&field) {
                    v
                } else {
                    v * weighted_pupils / total
                };
                section_values.insert(field, v);
            }
        }
        for field in TEACHERS {
            if let Some(v) = own.get(&field) {
                section_values.insert(field, *v);
            } else if let Some(v) = values.get(&field) {
                section_values.insert(field, v * weighted_pupils / total);
                if !apportioned_teachers.contains(&field.name_zh()) {
                    apportioned_teachers.push(field.name_zh());
                }
            }
        }
        for (field, v) in own {
            section_values.entry(field).or_insert(v);
        }
        out.sections.push(Section {
            name: school.name.clone(),
            line: school.line,
            level,
            school_type: school.school_type,
            students: pupils,
            share: Some(share),
            values: section_values,
        });
    }
    if !apportioned_teachers.is_empty() {
        let fields = apportioned_teachers.join("、");
        let zh = format!("{}（第 {} 行）", school.name, school.line);
        let en = format!("{} (line {})", school.name, school.line);
        match apportioned.iter_mut().find(|a| a.fields == fields) {
            Some(a) => {
                a.zh.push(zh);
                a.en.push(en);
            }
            None => apportioned.push(Apportioned {
                fields,
                zh: vec![zh],
                en: vec![en],
            }),
        }
    }
}

/// The whole-school facts of a row; none for a section row (小学部 / 初中部), whose school is
/// not whole.
fn school_facts(school: &SchoolInput, in_scope: bool) -> Option<SchoolFacts> {
    let compulsory = match school.school_type {
        SchoolType::PrimarySection | SchoolType::JuniorSection => return None,
        SchoolType::NineYear | SchoolType::TwelveYear => {
            match (school.students_primary, school.students_junior) {
                (Some(p), Some(j)) => Some(p + j),
                _ if school.school_type == SchoolType::NineYear => school.students,
                _ => None,
            }
        }
        SchoolType::Complete => school.students_junior,
        _ => school.students,
    };
    let values = ITEM_FIELDS
        .iter()
        .filter_map(|f| {
            let v = *school.values.get(f)?;
            (v.is_finite() && v >= 0.0).then_some((*f, v))
        })
        .collect();
    Some(SchoolFacts {
        name: school.name.clone(),
        line: school.line,
        school_type: school.school_type,
        in_scope,
        compulsory_students: compulsory,
        students_primary: school.students_primary,
        students_junior: school.students_junior,
        classes: school.classes,
        max_class_size: school.max_class_size,
        values,
    })
}
