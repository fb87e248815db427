//! Header text → canonical [`Field`] (docs/domain.md §5.2) and units in headers; the synonyms
//! themselves are data in `synonyms`, the category values in [`super::categories`].
//!
//! Headers are matched after folding full-width characters, removing spaces, line breaks,
//! punctuation and bracketed parts; a bracketed unit (`（万元）`) gives the scale to the field's
//! base unit ([`Field::unit`]). "差异系数" in a header is a computed statistic (or, in Chinese
//! papers, the entropy-weight g = 1 − e), never a data field (docs/toolchain.md).

use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use super::categories::{SchoolKind, UrbanRural};
use super::number::{fold_width, parse_quantity, Number};
use super::synonyms::{DERIVED_PREFIXES, HEADER_UNITS, NOT_DATA, SYNONYMS, TOTAL_CHILDREN};
use super::table::{CellText, Table};
use crate::error::Issue;
use crate::fast_hash::FastMap;
use crate::fields::{Field, Unit};

/// A unit found in a header.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderUnit {
    /// The unit as written (`万元`).
    pub text: String,
    /// The kind of quantity it measures.
    pub kind: Unit,
    /// Factor to the base unit (`万元` → 10 000).
    pub scale: f64,
}

/// What a header says about its column.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderMatch {
    /// The canonical field, if the header is a known synonym.
    pub field: Option<Field>,
    /// A derived value (生均…, 每百名…, 师生比): not to be read as a count.
    pub derived: bool,
    /// A unit in the header, if any.
    pub unit: Option<HeaderUnit>,
}

/// Normalises a header for matching: full-width folded, lower-case, bracketed parts, spaces,
/// line breaks and punctuation removed. Returns the key and the bracketed parts.
pub fn header_key(header: &str) -> (String, Vec<String>) {
    let folded = fold_width(header).to_lowercase();
    let mut key = String::new();
    let mut brackets = Vec::new();
    let mut depth = 0usize;
    let mut inside = String::new();
    for c in folded.chars() {
        match c {
            '(' | '[' | '【' | '〔' | '〖' | '<' | '《' => {
                depth += 1;
                if depth == 1 {
                    inside.clear();
                }
            }
            ')' | ']' | '】' | '〕' | '〗' | '>' | '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    brackets.push(strip_punct(&inside));
                }
            }
            _ if depth > 0 => inside.push(c),
            _ => key.push(c),
        }
    }
    // 单位：万元 written inside the header without brackets.
    if let Some(idx) = (!key.is_ascii()).then(|| key.find("单位:")).flatten() {
        brackets.push(strip_punct(&key[idx + "单位:".len()..]));
        key.truncate(idx);
    }
    (strip_punct(&key), brackets)
}

pub(super) fn strip_punct(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !(c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(
                    c,
                    '、' | '，'
                        | '。'
                        | '：'
                        | '；'
                        | '“'
                        | '”'
                        | '‘'
                        | '’'
                        | '·'
                        | '—'
                        | '…'
                        | '\u{00A0}'
                ))
        })
        .collect()
}

fn unit_of(text: &str) -> Option<HeaderUnit> {
    let text = text.strip_prefix("单位").unwrap_or(text);
    HEADER_UNITS
        .iter()
        .find(|(u, _, _)| text == *u)
        .map(|(u, kind, scale)| HeaderUnit {
            text: (*u).to_string(),
            kind: *kind,
            scale: *scale,
        })
}

/// The synonyms, normalised once, by key (the first field listed wins a key twice listed).
/// Looked up once or more per header: a file may have 200 000 columns.
fn synonym_keys() -> &'static FastMap<String, Field> {
    static KEYS: OnceLock<FastMap<String, Field>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = FastMap::default();
        for (field, names) in SYNONYMS {
            for name in *names {
                keys.entry(header_key(name).0).or_insert(*field);
            }
        }
        keys
    })
}

fn lookup(key: &str) -> Option<Field> {
    if key.is_empty() {
        return None;
    }
    synonym_keys().get(key).copied()
}

fn is_derived(key: &str) -> bool {
    DERIVED_PREFIXES.iter().any(|p| key.starts_with(p))
}

fn is_not_data(key: &str) -> bool {
    // Every word is Chinese: an ASCII key (c1, school, …) holds none.
    !key.is_ascii() && NOT_DATA.iter().any(|w| key.contains(w))
}

/// Matches one part of a header: key, unit, derived flag.
fn match_part(part: &str) -> (String, Option<HeaderUnit>, Option<Field>) {
    let (key, brackets) = header_key(part);
    let mut unit = brackets.iter().find_map(|b| unit_of(b));
    let mut field = lookup(&key);
    if field.is_none() && unit.is_none() {
        // A unit written without brackets at the end: 教学仪器设备值万元.
        for (u, _, _) in HEADER_UNITS {
            if let Some(rest) = key.strip_suffix(u) {
                if let Some(f) = lookup(rest) {
                    field = Some(f);
                    unit = unit_of(u);
                    break;
                }
            }
        }
    }
    (key, unit, field)
}

/// Matches a header, possibly joined from two rows as `parent/child`.
pub fn match_header(header: &str) -> HeaderMatch {
    let (whole_key, whole_unit, whole_field) = match_part(header);
    let (parent, child) = match header.rsplit_once('/') {
        Some((p, c)) if !p.trim().is_empty() && !c.trim().is_empty() => (p, Some(c)),
        _ => (header, None),
    };
    // A header without a child is its own parent: matched once (a file may have 200 000).
    let (parent_key, parent_unit, parent_field) = match child {
        Some(_) => match_part(parent),
        None => (whole_key.clone(), whole_unit.clone(), whole_field),
    };
    let (child_key, child_unit, child_field) = match child {
        Some(c) => match_part(c),
        None => (String::new(), None, None),
    };
    let derived = is_derived(&whole_key) || is_derived(&parent_key) || is_derived(&child_key);
    let not_data = is_not_data(&whole_key) || is_not_data(&child_key);
    let unit = child_unit.or(parent_unit).or(whole_unit);
    if derived || not_data {
        return HeaderMatch {
            field: None,
            derived,
            unit,
        };
    }
    let child_is_total = TOTAL_CHILDREN.contains(&child_key.as_str());
    let field = whole_field
        .or(child_field)
        .or(if child.is_none() || child_is_total {
            parent_field
        } else {
            None
        })
        .or_else(|| lookup(&format!("{parent_key}{child_key}")));
    HeaderMatch {
        field,
        derived,
        unit,
    }
}

/// How a field's column was found.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Detection {
    /// The header is a known synonym; `unit` is the unit written in it, if any.
    Header {
        /// Unit text from the header (`万元`).
        unit: Option<String>,
    },
    /// The header has no unit; the unit comes from a line above the table (单位：…万元).
    UnitLine {
        /// The unit applied (`万元`).
        unit: String,
        /// Line of the unit line, from 1.
        line: u64,
    },
    /// A column synthesised from section rows (一、小学 / 二、初中).
    Sections,
    /// Set by the user.
    User,
}

/// Where a field's values are and how to scale them to the field's base unit.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MappedColumn {
    /// Column index in [`Table::headers`].
    pub column: usize,
    /// Factor to the base unit of the field ([`Field::unit`]): 10 000 for a column in 万元.
    pub scale: f64,
    /// How the column was found.
    pub detection: Detection,
}

/// Canonical field → column. Detected from headers; callers may override any entry.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    columns: BTreeMap<Field, MappedColumn>,
}

impl Mapping {
    /// The column of `field`, if mapped.
    pub fn get(&self, field: Field) -> Option<&MappedColumn> {
        self.columns.get(&field)
    }

    /// Maps `field` to `column` with `scale`, replacing any earlier choice (a user override).
    pub fn set(&mut self, field: Field, column: usize, scale: f64) {
        self.columns.insert(
            field,
            MappedColumn {
                column,
                scale,
                detection: Detection::User,
            },
        );
    }

    /// Unmaps `field`.
    pub fn clear(&mut self, field: Field) {
        self.columns.remove(&field);
    }

    /// The field mapped to `column`, if any.
    pub fn field_of(&self, column: usize) -> Option<Field> {
        self.columns
            .iter()
            .find(|(_, m)| m.column == column)
            .map(|(f, _)| *f)
    }

    /// Mapped fields in canonical order.
    pub fn iter(&self) -> impl Iterator<Item = (Field, &MappedColumn)> + '_ {
        self.columns.iter().map(|(f, m)| (*f, m))
    }

    fn insert(&mut self, field: Field, mapped: MappedColumn) {
        self.columns.insert(field, mapped);
    }
}

fn compatible(field: Unit, unit: Unit) -> bool {
    field == unit
        || matches!(
            (field, unit),
            (Unit::Persons, Unit::Count) | (Unit::Count, Unit::Persons)
        )
}

/// The units written in the lines above the header (`单位：人、平方米、万元`, `金额单位：万元`),
/// with their line, in order. `填报单位：…` names an office, not a unit.
fn title_units(table: &Table) -> Vec<(HeaderUnit, u64)> {
    let mut units = Vec::new();
    for (line, text) in &table.source.title {
        let folded = fold_width(text);
        for (at, _) in folded.match_indices("单位") {
            let before = &folded[..at];
            if ["填报", "报送", "统计", "制表", "填表", "责任"]
                .iter()
                .any(|o| before.ends_with(o))
            {
                continue;
            }
            let after = folded[at + "单位".len()..].trim_start();
            let Some(rest) = after.strip_prefix([':', '：']) else {
                continue;
            };
            let rest = rest.split("单位").next().unwrap_or("");
            for token in
                rest.split(|c: char| c.is_whitespace() || "、,，/;；()（）[]【】".contains(c))
            {
                let token = token.trim().to_lowercase();
                // 为万元 or 万元: the unit ends the token.
                if let Some(unit) = HEADER_UNITS
                    .iter()
                    .find(|(u, _, _)| token.ends_with(u))
                    .and_then(|(u, _, _)| unit_of(u))
                {
                    units.push((unit, *line));
                }
            }
        }
    }
    units
}

/// The unit of the lines above the header that applies to a column of `field` without a unit
/// of its own: money always (so that 元 there says the values are not in 万元); other kinds
/// when they rescale (万平方米, 万册): 人 or 平方米 change nothing.
fn title_unit_for(units: &[(HeaderUnit, u64)], field: Field) -> Option<&(HeaderUnit, u64)> {
    units.iter().find(|(unit, _)| {
        let fits = match field.unit() {
            Unit::Yuan => unit.kind == Unit::Yuan,
            Unit::SquareMetres => unit.kind == Unit::SquareMetres,
            Unit::Persons => unit.kind == Unit::Persons,
            Unit::Count if field == Field::Books => unit.text.ends_with('册'),
            Unit::Count => unit.kind == Unit::Count && !unit.text.ends_with('册'),
            Unit::Text => false,
        };
        fits && (field.unit() == Unit::Yuan || unit.scale != 1.0)
    })
}

/// Detects the mapping of a table from its headers, and lists what the user should check:
/// derived columns, a second column for the same field, a unit that does not fit, a unit taken
/// from the lines above. ([`money_unit_guess`] reads the cells, once they are normalised.)
pub fn detect(table: &Table) -> (Mapping, Vec<Issue>) {
    let mut mapping = Mapping::default();
    let mut issues = Vec::new();
    let title = title_units(table);
    for (column, header) in table.headers.iter().enumerate() {
        if Some(column) == table.source.section_column {
            continue;
        }
        let found = match_header(header);
        if found.derived {
            issues.push(Issue::DerivedColumn {
                column,
                header: header.clone(),
            });
            continue;
        }
        let Some(field) = found.field else { continue };
        if let Some(first) = mapping.get(field) {
            issues.push(Issue::DuplicateField {
                field,
                column,
                header: header.clone(),
                kept: first.column,
            });
            continue;
        }
        let (scale, detection) = match &found.unit {
            Some(unit) if compatible(field.unit(), unit.kind) => (
                unit.scale,
                Detection::Header {
                    unit: Some(unit.text.clone()),
                },
            ),
            Some(unit) => {
                issues.push(Issue::UnitMismatch {
                    column,
                    header: header.clone(),
                    unit: unit.text.clone(),
                    field,
                });
                (1.0, Detection::Header { unit: None })
            }
            None => match title_unit_for(&title, field) {
                Some((unit, line)) => {
                    issues.push(Issue::UnitFromTitle {
                        line: *line,
                        column,
                        header: header.clone(),
                        unit: unit.text.clone(),
                    });
                    (
                        unit.scale,
                        Detection::UnitLine {
                            unit: unit.text.clone(),
                            line: *line,
                        },
                    )
                }
                None => (1.0, Detection::Header { unit: None }),
            },
        };
        mapping.insert(
            field,
            MappedColumn {
                column,
                scale,
                detection,
            },
        );
    }
    if let Some(level) = table.source.section_column {
        if mapping.get(Field::Level).is_none() {
            mapping.insert(
                Field::Level,
                MappedColumn {
                    column: level,
                    scale: 1.0,
                    detection: Detection::Sections,
                },
            );
        }
    }
    (mapping, issues)
}

/// Money per student below this suggests the column is in 万元 (docs/domain.md §5.3).
const WAN_YUAN_HINT: f64 = 50.0;

/// For money columns without a unit: a median per-student value below 50 suggests 万元.
/// The values are not changed; the issue asks the user.
pub fn money_unit_guess(table: &Table, mapping: &Mapping) -> Vec<Issue> {
    let Some(students) = mapping.get(Field::Students) else {
        return Vec::new();
    };
    let mut issues = Vec::new();
    for field in [Field::EquipmentValue, Field::PublicFunds] {
        let Some(mapped) = mapping.get(field) else {
            continue;
        };
        if !matches!(mapped.detection, Detection::Header { unit: None }) {
            continue;
        }
        let mut ratios: Vec<f64> = table
            .rows
            .iter()
            .filter_map(|row| {
                let cell = |i: usize| row.cells.get(i).map(CellText::as_str).unwrap_or("");
                let q = parse_quantity(cell(mapped.column), false);
                if q.cell_scale.is_some() {
                    return None;
                }
                match (
                    q.number,
                    parse_quantity(cell(students.column), false).number,
                ) {
                    (Number::Value(v), Number::Value(p)) if p > 0.0 && v >= 0.0 => Some(v / p),
                    _ => None,
                }
            })
            .collect();
        if ratios.is_empty() {
            continue;
        }
        ratios.sort_by(f64::total_cmp);
        let median = ratios[ratios.len() / 2];
        if median < WAN_YUAN_HINT {
            issues.push(Issue::MoneyUnitGuess {
                field,
                column: mapped.column,
                header: table
                    .headers
                    .get(mapped.column)
                    .cloned()
                    .unwrap_or_default(),
                per_student: median,
            });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, field: Option<Field>, derived: bool, unit: Option<(&str, f64)>) {
        let got = match_header(header);
        assert_eq!(got.field, field, "{header:?}");
        assert_eq!(got.derived, derived, "{header:?}");
        assert_eq!(
            got.unit.map(|u| (u.text, u.scale)),
            unit.map(|(t, s)| (t.to_string(), s)),
            "{header:?}"
        );
    }

    #[test]
    fn synonyms() {
        use Field::*;
        // Header, field, derived, unit and scale.
        type Case<'a> = (&'a str, Option<Field>, bool, Option<(&'a str, f64)>);
        let cases: &[Case] = &[
            ("学校名称", Some(SchoolName), false, None),
            ("学校（机构）名称", Some(SchoolName), false, None),
            (" 学 校 名 称 ", Some(SchoolName), false, None),
            ("School Name", Some(SchoolName), false, None),
            ("学校标识码", Some(SchoolCode), false, None),
            ("办学类型", Some(Level), false, None),
            ("驻地城乡类型", Some(UrbanRural), false, None),
            ("乡镇（街道）", Some(Township), false, None),
            ("公办/民办", Some(Operator), false, None),
            ("在校学生数", Some(Students), false, None),
            ("在校学生数（人）", Some(Students), false, Some(("人", 1.0))),
            ("学生数\n（人）", Some(Students), false, Some(("人", 1.0))),
            ("students", Some(Students), false, None),
            ("Enrollment", Some(Students), false, None),
            ("小学（部）学生数", Some(StudentsPrimary), false, None),
            ("初中(部)学生数", Some(StudentsJunior), false, None),
            ("teachers", Some(Teachers), false, None),
            ("专任教师/合计", Some(Teachers), false, None),
            (
                "专任教师/高于规定学历",
                Some(TeachersAboveQual),
                false,
                None,
            ),
            (
                "体育、艺术（美术、音乐）专任教师数",
                Some(TeachersPeArts),
                false,
                None,
            ),
            (
                "教学及辅助用房面积（平方米）",
                Some(TeachingArea),
                false,
                Some(("平方米", 1.0)),
            ),
            (
                "教学及辅助用房面积(㎡)",
                Some(TeachingArea),
                false,
                Some(("㎡", 1.0)),
            ),
            (
                "教学及辅助用房面积[m²]",
                Some(TeachingArea),
                false,
                Some(("m²", 1.0)),
            ),
            (
                "面积（平方米）/教学及辅助用房",
                Some(TeachingArea),
                false,
                Some(("平方米", 1.0)),
            ),
            ("体育运动场（馆）面积", Some(SportsArea), false, None),
            (
                "教学仪器设备值（万元）",
                Some(EquipmentValue),
                false,
                Some(("万元", 10_000.0)),
            ),
            (
                "教学仪器设备值（元）",
                Some(EquipmentValue),
                false,
                Some(("元", 1.0)),
            ),
            (
                "教学仪器设备值（单位：万元）",
                Some(EquipmentValue),
                false,
                Some(("万元", 10_000.0)),
            ),
            (
                "教学仪器设备值万元",
                Some(EquipmentValue),
                false,
                Some(("万元", 10_000.0)),
            ),
            ("图书（万册）", Some(Books), false, Some(("万册", 10_000.0))),
            ("books", Some(Books), false, None),
            ("computers", Some(Computers), false, None),
            (
                "网络多媒体教室（间）",
                Some(MultimediaRooms),
                false,
                Some(("间", 1.0)),
            ),
            ("生均教学及辅助用房面积", None, true, None),
            ("生均教学仪器设备值（元）", None, true, Some(("元", 1.0))),
            ("每百名学生拥有计算机台数", None, true, None),
            ("师生比", None, true, None),
            ("生师比", None, true, None),
            ("生均图书册数/实际值", None, true, None),
            ("差异系数", None, false, None),
            ("图书册数差异系数", None, false, None),
            ("序号", None, false, None),
            ("备注", None, false, None),
        ];
        for (header, field, derived, unit) in cases {
            check(header, *field, *derived, *unit);
        }
    }
}
