//! The items a school table settles (docs/domain.md §2.2), school by school: G3 music and art
//! rooms, G4 school size, G5 class size, G6 funds of schools under 100 pupils, G12 certified
//! teachers, Q4 training funds. Each gives a check per school it can judge (value against
//! limit) and the schools it cannot, with the cells they lack: a missing cell never passes.
//!
//! The schools are the rows in scope (the same as the resource indicators'), whole, never
//! split; G6 also reads the 教学点 the scope left out, since it is about them.

use super::super::compare::{at_least, at_most, ceil_whole};
use super::super::input::SchoolType;
use super::super::report::{OtherCheck, Text};
use super::super::split::SchoolFacts;
use super::super::table::SizeLimits;
use super::bands::{above, Above};
use super::report::UnknownSchool;
use crate::fields::Field;

/// What a per-school item found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Every check made, passing or not (`ok: None` when the table cannot tell).
    pub checks: Vec<OtherCheck>,
    /// Schools lacking a cell the item needs.
    pub unknown: Vec<UnknownSchool>,
    /// Schools the item concerns (all in scope; for G6 those under 100 pupils).
    pub schools: usize,
    /// Remarks (no school concerned, how a value was read).
    pub notes: Vec<Text>,
    /// Met because no school is concerned (G6 without a school under 100 pupils).
    pub vacuous: bool,
}

impl Outcome {
    /// Met when every school concerned passes; not met when one fails; unknown when one
    /// cannot be judged (or no school is in scope).
    pub fn met(&self) -> Option<bool> {
        if self.checks.iter().any(|c| c.ok == Some(false)) {
            Some(false)
        } else if !self.unknown.is_empty()
            || self.checks.iter().any(|c| c.ok.is_none())
            || (self.checks.is_empty() && !self.vacuous)
        {
            None
        } else {
            Some(true)
        }
    }

    fn check(
        &mut self,
        facts: &SchoolFacts,
        check: &str,
        value: f64,
        limit: f64,
        ok: Option<bool>,
        note: Option<Text>,
    ) {
        self.checks.push(OtherCheck {
            check: check.to_string(),
            name: facts.name.clone(),
            line: facts.line,
            value,
            limit,
            ok,
            note,
        });
    }

    fn lacks(&mut self, facts: &SchoolFacts, missing: Vec<&str>) {
        self.unknown.push(UnknownSchool {
            name: facts.name.clone(),
            line: facts.line,
            missing: missing.into_iter().map(str::to_string).collect(),
            note: None,
        });
    }
}

fn in_scope(facts: &[SchoolFacts]) -> impl Iterator<Item = &SchoolFacts> {
    facts.iter().filter(|f| f.in_scope)
}

/// G4 and G5 as the report's `other_checks` have listed them: each school's size and largest
/// class against its limit, in row order.
pub fn size_checks(limits: &SizeLimits, facts: &[SchoolFacts]) -> Vec<OtherCheck> {
    let mut out = Outcome::default();
    for f in in_scope(facts) {
        school_size(&mut out, limits, f);
        if let Some(class) = f.max_class_size {
            largest_class(&mut out, limits, f, class);
        }
    }
    out.checks
}

/// G4: a 小学 or 初中 against 2000 pupils, a 九年/十二年一贯制 against 2500 with its compulsory
/// pupils; a 完全中学 on its junior pupils against the junior limit (no national rule seen).
pub fn g4(limits: &SizeLimits, facts: &[SchoolFacts]) -> Outcome {
    let mut out = Outcome::default();
    for f in in_scope(facts) {
        out.schools += 1;
        if f.compulsory_students.is_none() {
            let missing = match f.school_type {
                SchoolType::TwelveYear => vec!["students_primary", "students_junior"],
                SchoolType::Complete => vec!["students_junior"],
                _ => vec!["students"],
            };
            out.lacks(f, missing);
        }
        school_size(&mut out, limits, f);
    }
    out
}

fn school_size(out: &mut Outcome, limits: &SizeLimits, f: &SchoolFacts) {
    let Some(pupils) = f.compulsory_students else {
        return;
    };
    let limit = match f.school_type {
        SchoolType::NineYear | SchoolType::TwelveYear => limits.spanning_students,
        SchoolType::Primary | SchoolType::TeachingPoint => limits.school_students.primary,
        _ => limits.school_students.junior,
    };
    let note = (f.school_type == SchoolType::Complete).then(|| {
        Text::new(
            "完全中学按初中部学生数对照初中规模上限（未见全国规定）。",
            "完全中学: junior-section pupils compared with the junior limit (no national rule seen).",
        )
    });
    out.check(
        f,
        "school_size",
        pupils,
        limit,
        Some(at_most(pupils, limit)),
        note,
    );
}

/// The levels whose classes a school has: (primary, junior).
fn teaches(t: SchoolType) -> (bool, bool) {
    let primary = matches!(
        t,
        SchoolType::Primary
            | SchoolType::TeachingPoint
            | SchoolType::NineYear
            | SchoolType::TwelveYear
    );
    let junior = !matches!(t, SchoolType::Primary | SchoolType::TeachingPoint);
    (primary, junior)
}

/// G5: the largest class (最大班额) when the file gives it, else the class-size bands.
pub fn g5(limits: &SizeLimits, facts: &[SchoolFacts]) -> Outcome {
    let mut out = Outcome::default();
    for f in in_scope(facts) {
        out.schools += 1;
        match f.max_class_size {
            Some(class) => largest_class(&mut out, limits, f, class),
            None => bands(&mut out, limits, f),
        }
    }
    out
}

fn largest_class(out: &mut Outcome, limits: &SizeLimits, f: &SchoolFacts, class: f64) {
    let (p, j) = (limits.class_size.primary, limits.class_size.junior);
    let spanning = matches!(f.school_type, SchoolType::NineYear | SchoolType::TwelveYear);
    let (teaches_primary, _) = teaches(f.school_type);
    let (limit, ok, note) = if spanning {
        let ok = if at_most(class, p) {
            Some(true)
        } else if at_most(class, j) {
            None
        } else {
            Some(false)
        };
        let note = Text::new(
            format!("一贯制学校只有一个最大班额：小学班不超过 {p}、初中班不超过 {j}；介于两者之间时无法判断。"),
            format!("Spanning school with one largest class: primary classes ≤ {p}, junior ≤ {j}; undetermined in between."),
        );
        (p, ok, Some(note))
    } else if teaches_primary {
        (p, Some(at_most(class, p)), None)
    } else {
        (j, Some(at_most(class, j)), None)
    };
    out.check(f, "class_size", class, limit, ok, note);
}

/// G5 from class-size bands: classes above the limit must be none.
fn bands(out: &mut Outcome, limits: &SizeLimits, f: &SchoolFacts) {
    let has_bands = f.values.keys().any(|k| k.is_class_band());
    if !has_bands {
        out.lacks(f, vec![Field::MaxClassSize.id()]);
        return;
    }
    let (p, j) = (limits.class_size.primary, limits.class_size.junior);
    let (teaches_primary, teaches_junior) = teaches(f.school_type);
    let spanning = teaches_primary && teaches_junior;
    // The limits are whole pupils; a band starts at a whole number.
    let over = |limit: f64| above(&f.values, limit.floor() as u32);
    let (limit, result) = if spanning {
        // One set of bands for two levels: none above the junior limit, none above the primary
        // limit either for the school to pass surely.
        match (over(j), over(p)) {
            (Above::Exactly(n) | Above::AtLeast(n), _) if n > 0.0 => (j, (n, Some(false))),
            (_, Above::Exactly(0.0)) => (p, (0.0, Some(true))),
            (_, Above::Exactly(n) | Above::AtLeast(n)) => (p, (n, None)),
            _ => (p, (0.0, None)),
        }
    } else {
        let limit = if teaches_primary { p } else { j };
        match over(limit) {
            Above::Exactly(n) => (limit, (n, Some(n == 0.0))),
            Above::AtLeast(n) => (limit, (n, Some(false))),
            Above::Unknown => (limit, (0.0, None)),
        }
    };
    let (count, ok) = result;
    let note = match ok {
        Some(_) => Text::new(
            format!("按班额分段统计：超过 {limit} 人的班级 {count} 个。"),
            format!("From the class-size bands: {count} classes above {limit} pupils."),
        ),
        None if spanning => Text::new(
            format!("一贯制学校只有一组班额分段：无超过 {j} 人的班级，但无法判断小学是否有超过 {p} 人的班级。"),
            format!("Spanning school with one set of class-size bands: none above {j}, but the bands cannot tell whether a primary class is above {p}."),
        ),
        None => Text::new(
            format!("班额分段没有覆盖超过 {limit} 人的全部班级，无法判断。"),
            format!("The class-size bands do not cover every class above {limit} pupils; undetermined."),
        ),
    };
    out.check(f, "class_size_bands", count, limit, ok, Some(note));
}

/// G3: music and art rooms, at least `rooms` of each per 12 classes (rounded up, at least 1),
/// and their mean area at least `music_area` / `art_area` m². The table gives each school's
/// rooms and their total area, so the mean room area is what can be checked: one small room
/// among large ones passes unseen (said in the item's reasons).
pub fn g3(facts: &[SchoolFacts], rooms: f64, music_area: f64, art_area: f64) -> Outcome {
    let mut out = Outcome::default();
    for f in in_scope(facts) {
        out.schools += 1;
        let classes = f.classes.filter(|c| *c > 0.0);
        let mut missing: Vec<&str> = Vec::new();
        let mut failed = false;
        if classes.is_none() {
            missing.push(Field::Classes.id());
        }
        for (count_field, area_field, check, area_check, min_area) in [
            (
                Field::MusicRooms,
                Field::MusicRoomArea,
                "music_rooms",
                "music_room_area",
                music_area,
            ),
            (
                Field::ArtRooms,
                Field::ArtRoomArea,
                "art_rooms",
                "art_room_area",
                art_area,
            ),
        ] {
            let count = f.values.get(&count_field).copied();
            match (count, classes) {
                (Some(n), Some(c)) => {
                    let needed = ceil_whole(rooms * c / 12.0).max(1.0);
                    let ok = at_least(n, needed);
                    failed |= !ok;
                    out.check(f, check, n, needed, Some(ok), None);
                }
                (None, _) => missing.push(count_field.id()),
                _ => {}
            }
            match (count, f.values.get(&area_field)) {
                (Some(n), Some(area)) if n > 0.0 => {
                    let mean = area / n;
                    let ok = at_least(mean, min_area);
                    failed |= !ok;
                    out.check(f, area_check, mean, min_area, Some(ok), None);
                }
                (Some(n), _) if n <= 0.0 => {}
                _ => missing.push(area_field.id()),
            }
        }
        if !failed && !missing.is_empty() {
            out.lacks(f, missing);
        }
    }
    out
}

/// G6: a school (or 教学点, in scope or not) under `pupils` pupils gets at least `pupils` ×
/// the per-pupil benchmark of its level as public funds. A spanning school's benchmark is its
/// levels' benchmarks weighted by its pupils.
pub fn g6(facts: &[SchoolFacts], pupils: f64, benchmark: [Option<f64>; 2]) -> Outcome {
    let mut out = Outcome::default();
    let mut any = false;
    for f in facts
        .iter()
        .filter(|f| f.in_scope || f.school_type == SchoolType::TeachingPoint)
    {
        let Some(size) = f.compulsory_students else {
            if f.in_scope {
                out.lacks(f, vec![Field::Students.id()]);
            }
            continue;
        };
        any = true;
        if at_least(size, pupils) {
            continue;
        }
        out.schools += 1;
        let rate = match teaches(f.school_type) {
            (true, true) => match (f.students_primary, f.students_junior, benchmark) {
                (Some(a), Some(b), [Some(bp), Some(bj)]) if a + b > 0.0 => {
                    Some((a * bp + b * bj) / (a + b))
                }
                (_, _, [Some(bp), Some(bj)]) if bp == bj => Some(bp),
                _ => None,
            },
            (true, false) => benchmark[0],
            _ => benchmark[1],
        };
        let funds = f.values.get(&Field::PublicFunds).copied();
        match (funds, rate.filter(|r| *r > 0.0)) {
            (Some(funds), Some(rate)) => {
                let funded = funds / rate;
                let note = Text::new(
                    format!("在校生 {size} 人，公用经费折合 {} 名学生（基准定额 {rate} 元/生）。", short(funded)),
                    format!("{size} pupils; public funds worth {} pupils (benchmark {rate} yuan per pupil).", short(funded)),
                );
                out.check(
                    f,
                    "small_school_funds",
                    funded,
                    pupils,
                    Some(at_least(funded, pupils)),
                    Some(note),
                );
            }
            (funds, rate) => {
                let mut missing = Vec::new();
                if funds.is_none() {
                    missing.push(Field::PublicFunds.id());
                }
                if rate.is_none() {
                    missing.push("benchmark");
                }
                out.lacks(f, missing);
            }
        }
    }
    if any && out.schools == 0 && out.unknown.is_empty() {
        out.vacuous = true;
        out.notes.push(Text::new(
            format!("没有不足 {pupils} 名学生的学校或教学点，本项不涉及。"),
            format!(
                "No school or teaching point has fewer than {pupils} pupils: nothing to check."
            ),
        ));
    }
    out
}

/// A ratio of two cells per school (G12 certified ÷ full-time teachers, Q4 training ÷ public
/// funds) against a minimum share.
pub fn share(facts: &[SchoolFacts], part: Field, whole: Field, check: &str, min: f64) -> Outcome {
    let mut out = Outcome::default();
    for f in in_scope(facts) {
        out.schools += 1;
        let (p, w) = (f.values.get(&part).copied(), f.values.get(&whole).copied());
        match (p, w) {
            (Some(p), Some(w)) if w > 0.0 => {
                out.check(f, check, p / w, min, Some(at_least(p / w, min)), None);
            }
            // No teachers: nobody to certify. No public funds: the share is undefined.
            (Some(_), Some(_)) if whole == Field::Teachers => out.schools -= 1,
            (Some(_), Some(_)) => out.lacks(f, vec![whole.id()]),
            _ => {
                let missing = [(p, part), (w, whole)]
                    .iter()
                    .filter(|(v, _)| v.is_none())
                    .map(|(_, f)| f.id())
                    .collect();
                out.lacks(f, missing);
            }
        }
    }
    out
}

fn short(v: f64) -> String {
    super::county::short((v * 100.0).round() / 100.0)
}
