//! Glue: an ingested table ([`Ingested`]) → one [`SchoolInput`] per row, for the standards
//! engine.
//!
//! - Numbers come from the [`Mapping`](crate::ingest::Mapping) through
//!   [`read_column`], so every value is in the field's base unit: a column in 万元 gives the
//!   same yuan as a column in 元, a column of 万册 the same volumes as one of 册.
//! - The type of school comes from the level column (学段 / 办学类型) read by
//!   [`SchoolKind::parse`]; a row whose level says 小学 and whose name ends in 教学点 is a
//!   teaching point (docs/domain.md §6). Private (民办) comes from the operator column
//!   (举办者 / 办学性质) or the name (民办, 私立). Scope itself is decided later, in
//!   [`prepare`](super::prepare), which lists every row it leaves out.
//! - A missing or placeholder cell is a missing key, never 0 (docs/domain.md §3.3); a cell that is not
//!   a number is missing too and listed in a warning.
//! - Rows the engine cannot use are listed, never dropped silently: a row whose level cannot be
//!   read is left out with a warning; a row without pupils is kept (the engine leaves it out of
//!   every indicator with a note) and listed too.
//! - Without a level column, every row is taken as one level given by the caller
//!   (`--level primary|junior`), or [`Error::StandardNeedsLevel`] says which column is needed.

use std::collections::BTreeMap;

use super::input::{Level, SchoolInput, SchoolType, ScopeEvidence};
use super::report::{MissingCell, Text};
use super::scope::{is_private_name, is_teaching_point_name};
use crate::fields::{Field, Unit};
use crate::ingest::number::fold_width;
use crate::ingest::{parse_number, read_column, Ingested, Number, SchoolKind};
use crate::quote::quote;
use crate::Error;

/// The schools of a table, and what the reader should know about the rows.
#[derive(Clone, Debug, PartialEq)]
pub struct TableSchools {
    /// One entry per usable row, in row order.
    pub schools: Vec<SchoolInput>,
    /// Rows left out or incomplete, cells that are not numbers, defaults applied.
    pub warnings: Vec<RowWarning>,
}

/// A remark about the rows, with a stable code.
#[derive(Clone, Debug, PartialEq)]
pub struct RowWarning {
    /// `standard_unknown_level`, `standard_no_students`, `standard_not_a_number`,
    /// `standard_level_default` or `standard_no_name`.
    pub code: &'static str,
    /// The first line concerned, if any.
    pub line: Option<u64>,
    /// Every line concerned, ascending.
    pub lines: Vec<u64>,
    /// The message.
    pub text: Text,
}

/// The standards' school type of an ingest [`SchoolKind`].
pub fn school_type(kind: SchoolKind) -> SchoolType {
    match kind {
        SchoolKind::Primary => SchoolType::Primary,
        SchoolKind::Junior => SchoolType::Junior,
        SchoolKind::NineYear => SchoolType::NineYear,
        SchoolKind::TwelveYear => SchoolType::TwelveYear,
        SchoolKind::CompleteSecondary => SchoolType::Complete,
        SchoolKind::TeachingPoint => SchoolType::TeachingPoint,
        SchoolKind::PrimarySection => SchoolType::PrimarySection,
        SchoolKind::JuniorSection => SchoolType::JuniorSection,
        SchoolKind::Senior => SchoolType::Senior,
    }
}

/// Whether an operator cell (举办者 / 办学性质) names a private school: 民办, 私立, `private`.
/// Anything else, including an empty cell, is public.
pub fn is_private(text: &str) -> bool {
    let t = fold_width(text).to_lowercase();
    t.contains("民办") || t.contains("私立") || t.trim() == "private"
}

/// Fields read into dedicated slots of [`SchoolInput`] rather than into `values`.
const SLOTS: [Field; 6] = [
    Field::Students,
    Field::StudentsPrimary,
    Field::StudentsJunior,
    Field::StudentsSenior,
    Field::Classes,
    Field::MaxClassSize,
];

/// The schools of every row of the table. See [`schools_from_rows`].
pub fn schools_from_table(
    ingested: &Ingested,
    default_level: Option<Level>,
) -> Result<TableSchools, Error> {
    let all: Vec<usize> = (0..ingested.table.rows.len()).collect();
    schools_from_rows(ingested, &all, default_level)
}

/// Checks that the table has what the standards need: a students column (whole school or per
/// section), and a level column or a default level. The one check shared by
/// [`schools_from_rows`] and the analysis' option validation.
pub fn check_columns(ingested: &Ingested, default_level: Option<Level>) -> Result<(), Error> {
    let mapping = &ingested.mapping;
    if mapping.get(Field::Level).is_none() && default_level.is_none() {
        return Err(Error::StandardNeedsLevel);
    }
    let students = [
        Field::Students,
        Field::StudentsPrimary,
        Field::StudentsJunior,
    ];
    if students.iter().all(|f| mapping.get(*f).is_none()) {
        return Err(Error::StandardNeedsStudents);
    }
    Ok(())
}

/// The schools of the given rows (indices into `ingested.table.rows`, e.g. the rows kept by
/// the analysis' filters), in that order.
///
/// `default_level` is the level of every row when the table has no level column; with a level
/// column it is ignored (and a warning says so). Errors: no level column and no default
/// ([`Error::StandardNeedsLevel`]); no students column ([`Error::StandardNeedsStudents`]).
pub fn schools_from_rows(
    ingested: &Ingested,
    rows: &[usize],
    default_level: Option<Level>,
) -> Result<TableSchools, Error> {
    check_columns(ingested, default_level)?;
    let table = &ingested.table;
    let mapping = &ingested.mapping;
    let mut warnings = Vec::new();

    // Every numeric field once, as line → value in base units.
    let mut numbers: BTreeMap<Field, BTreeMap<u64, f64>> = BTreeMap::new();
    for field in Field::ALL {
        if field.unit() == Unit::Text {
            continue;
        }
        let Some(column) = read_column(table, mapping, field) else {
            continue;
        };
        if !column.invalid.is_empty() {
            let lines: Vec<u64> = column
                .invalid
                .iter()
                .filter_map(|e| match e {
                    Error::BadNumber { cell, .. } => Some(cell.line),
                    _ => None,
                })
                .collect();
            let header = mapping
                .get(field)
                .and_then(|m| table.headers.get(m.column))
                .cloned()
                .unwrap_or_else(|| field.name_zh().to_string());
            let (zh, en) = (join_lines(&lines, "、"), join_lines(&lines, ", "));
            warnings.push(RowWarning {
                code: "standard_not_a_number",
                line: lines.first().copied(),
                text: Text::new(
                    format!("“{header}”列第 {zh} 行不是数字，均衡标准评估中按缺失处理（不按 0 计）。", header = quote(&header)),
                    format!("Column “{header}”, line {en}: not a number; treated as missing (not 0) in the standards evaluation.", header = quote(&header)),
                ),
                lines,
            });
        }
        numbers.insert(field, column.values.into_iter().collect());
    }

    let text_cell = |field: Field, row: usize| -> Option<&str> {
        let column = mapping.get(field)?.column;
        table.rows[row].cells.get(column).map(|c| c.trim())
    };

    let mut schools = Vec::with_capacity(rows.len());
    let mut unknown_level: Vec<(u64, String)> = Vec::new();
    let mut no_students: Vec<u64> = Vec::new();
    for &r in rows {
        let Some(row) = table.rows.get(r) else {
            continue;
        };
        let line = row.line;
        let school_type = match mapping.get(Field::Level) {
            Some(_) => {
                let cell = text_cell(Field::Level, r).unwrap_or("");
                match SchoolKind::parse(cell) {
                    Some(kind) => school_type(kind),
                    None => {
                        unknown_level.push((line, cell.to_string()));
                        continue;
                    }
                }
            }
            None => match default_level {
                Some(Level::Primary) => SchoolType::Primary,
                Some(Level::Junior) => SchoolType::Junior,
                None => return Err(Error::StandardNeedsLevel),
            },
        };
        let name = text_cell(Field::SchoolName, r)
            .filter(|n| !n.is_empty())
            .map_or_else(|| format!("#{line}"), str::to_string);
        let mut evidence = ScopeEvidence::default();
        let school_type = if school_type == SchoolType::Primary && is_teaching_point_name(&name) {
            evidence.teaching_point_by_name = true;
            SchoolType::TeachingPoint
        } else {
            school_type
        };
        let private_by_operator = text_cell(Field::Operator, r).is_some_and(is_private);
        evidence.private_by_name = !private_by_operator && is_private_name(&name);
        let get = |field: Field| numbers.get(&field).and_then(|m| m.get(&line)).copied();
        let mut values = BTreeMap::new();
        for (&field, by_line) in &numbers {
            if SLOTS.contains(&field) {
                continue;
            }
            if let Some(&v) = by_line.get(&line) {
                values.insert(field, v);
            }
        }
        let school = SchoolInput {
            name,
            line,
            school_type,
            private: private_by_operator || evidence.private_by_name,
            evidence,
            students: get(Field::Students),
            students_primary: get(Field::StudentsPrimary),
            students_junior: get(Field::StudentsJunior),
            students_senior: get(Field::StudentsSenior),
            values,
            section_values: BTreeMap::new(),
            classes: get(Field::Classes),
            max_class_size: get(Field::MaxClassSize),
        };
        let pupils = [
            school.students,
            school.students_primary,
            school.students_junior,
        ];
        if school_type != SchoolType::Senior && !pupils.iter().flatten().any(|p| *p > 0.0) {
            no_students.push(line);
        }
        schools.push(school);
    }

    if !unknown_level.is_empty() {
        let lines: Vec<u64> = unknown_level.iter().map(|(l, _)| *l).collect();
        let more = if unknown_level.len() > 10 { "…" } else { "" };
        let shown_zh: Vec<String> = unknown_level
            .iter()
            .take(10)
            .map(|(l, t)| format!("第 {l} 行（“{}”）", quote(t)))
            .collect();
        let shown_en: Vec<String> = unknown_level
            .iter()
            .take(10)
            .map(|(l, t)| format!("line {l} (“{}”)", quote(t)))
            .collect();
        let header = mapping
            .get(Field::Level)
            .and_then(|m| table.headers.get(m.column))
            .cloned()
            .unwrap_or_default();
        warnings.push(RowWarning {
            code: "standard_unknown_level",
            line: lines.first().copied(),
            text: Text::new(
                format!(
                    "{} 行的“{header}”无法识别，未计入均衡标准评估：{}{more}。请写成小学、初中、九年一贯制学校、完全中学、十二年一贯制学校或教学点。",
                    lines.len(),
                    shown_zh.join("、"),
                    header = quote(&header)
                ),
                format!(
                    "{} row(s) with a “{header}” that is not a known level left out of the standards evaluation: {}{more}. Write 小学, 初中, 九年一贯制学校, 完全中学, 十二年一贯制学校 or 教学点.",
                    lines.len(),
                    shown_en.join(", "),
                    header = quote(&header)
                ),
            ),
            lines,
        });
    }
    if !no_students.is_empty() {
        let (zh, en) = (
            join_lines(&no_students, "、"),
            join_lines(&no_students, ", "),
        );
        warnings.push(RowWarning {
            code: "standard_no_students",
            line: no_students.first().copied(),
            text: Text::new(
                format!("第 {zh} 行没有在校学生数（缺失或为 0），不参加任何均衡指标的计算。"),
                format!(
                    "No pupils (missing or 0) on line {en}; left out of every standards indicator."
                ),
            ),
            lines: no_students,
        });
    }
    if let (Some(level), Some(_)) = (default_level, mapping.get(Field::Level)) {
        warnings.push(RowWarning {
            code: "standard_level_default",
            line: None,
            lines: Vec::new(),
            text: Text::new(
                format!(
                    "表中有学段列，按该列判断学段；所给的默认学段（{}）未使用。",
                    level.name_zh()
                ),
                format!(
                    "The table has a level column, which decides each school's level; the default level ({}) was not used.",
                    level.id()
                ),
            ),
        });
    }
    Ok(TableSchools { schools, warnings })
}

/// The cells of `fields` that read as missing (blank or a placeholder, not a number) on the
/// given rows (indices into `ingested.table.rows`), row by row, in the order of `fields`. A field
/// without a column is not listed here: a whole missing column is a different message.
pub fn missing_cells(ingested: &Ingested, rows: &[usize], fields: &[Field]) -> Vec<MissingCell> {
    let table = &ingested.table;
    let mapping = &ingested.mapping;
    let columns: Vec<(Field, usize)> = fields
        .iter()
        .filter_map(|&f| mapping.get(f).map(|m| (f, m.column)))
        .collect();
    let mut out = Vec::new();
    for &r in rows {
        let Some(row) = table.rows.get(r) else {
            continue;
        };
        for &(field, column) in &columns {
            let cell = row.cells.get(column).map_or("", |c| c.as_str());
            if parse_number(cell) != Number::Missing {
                continue;
            }
            let name = mapping
                .get(Field::SchoolName)
                .and_then(|m| row.cells.get(m.column))
                .map(|c| c.trim())
                .filter(|n| !n.is_empty())
                .map_or_else(|| format!("#{}", row.line), str::to_string);
            out.push(MissingCell {
                name,
                line: row.line,
                column: table.headers.get(column).cloned().unwrap_or_default(),
                field: field.id().to_string(),
                cell: cell.trim().to_string(),
            });
        }
    }
    out
}

/// `3、5、9` (Chinese) or `3, 5, 9`, with at most 20 lines, then `…`.
fn join_lines(lines: &[u64], separator: &str) -> String {
    let mut s: Vec<String> = lines.iter().take(20).map(u64::to_string).collect();
    if lines.len() > 20 {
        s.push("…".into());
    }
    s.join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_type() {
        let kinds = [
            ("小学", SchoolType::Primary),
            ("初级中学", SchoolType::Junior),
            ("九年一贯制学校", SchoolType::NineYear),
            ("十二年一贯制学校", SchoolType::TwelveYear),
            ("完全中学", SchoolType::Complete),
            ("小学教学点", SchoolType::TeachingPoint),
            ("小学部", SchoolType::PrimarySection),
            ("初中部", SchoolType::JuniorSection),
            ("高级中学", SchoolType::Senior),
            ("312", SchoolType::NineYear),
        ];
        for (text, expected) in kinds {
            assert_eq!(
                SchoolKind::parse(text).map(school_type),
                Some(expected),
                "{text}"
            );
        }
    }

    #[test]
    fn private_operators() {
        for t in ["民办", "民办学校", "私立", "Private", "ＰＲＩＶＡＴＥ"] {
            assert!(is_private(t), "{t}");
        }
        for t in ["", "公办", "教育部门", "public"] {
            assert!(!is_private(t), "{t}");
        }
    }
}
