//! Problems found while reading that do not stop the reading ([`Issue`]), each with its
//! message in Chinese and English and a stable code for the report.

use std::fmt;

use crate::error::{column_letter, join_lines, quoted_en, quoted_zh, Cell, Lang};
use crate::fields::Field;

/// A problem found while reading that does not stop the reading: the rows and columns concerned
/// are still there (or listed as skipped), and the page shows the message for the user to check.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum Issue {
    /// A row with more or fewer cells than the header.
    RaggedRow {
        /// Line, from 1.
        line: u64,
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A derived column (生均…, 每百名…, 师生比): a value per student, not a count; not mapped.
    DerivedColumn {
        /// Column index, from 0.
        column: usize,
        /// Header text.
        header: String,
    },
    /// A second column for a field that is already mapped; the first one is used.
    DuplicateField {
        /// The field.
        field: Field,
        /// The column left out.
        column: usize,
        /// Its header.
        header: String,
        /// The column used.
        kept: usize,
    },
    /// The unit in a header does not fit its field (an area in 元); the unit is ignored.
    UnitMismatch {
        /// Column index.
        column: usize,
        /// Header text.
        header: String,
        /// The unit found.
        unit: String,
        /// The field matched.
        field: Field,
    },
    /// A money column without a unit in its header takes the unit of the line above the table.
    UnitFromTitle {
        /// Line of the unit line.
        line: u64,
        /// Column index.
        column: usize,
        /// Header text.
        header: String,
        /// The unit applied.
        unit: String,
    },
    /// A money column without a unit whose typical value per student suggests 万元. The values
    /// are left unchanged: the user decides.
    MoneyUnitGuess {
        /// The field.
        field: Field,
        /// Column index.
        column: usize,
        /// Header text.
        header: String,
        /// Median value per student, as read.
        per_student: f64,
    },
    /// The level of the rows comes from section rows (一、小学 / 二、初中).
    LevelFromSections {
        /// Rows that received a level.
        rows: usize,
    },
    /// Rows with the same school name, level and code: a school entered twice would count twice
    /// (its pupils and resources in every measure). Rows that differ in code or level are
    /// different schools (or sections) and are not listed.
    DuplicateSchool {
        /// The name.
        name: String,
        /// Lines of every row with it, first one first.
        lines: Vec<u64>,
    },
    /// A 学段 or 城乡分类 value that is not recognised.
    UnknownCategory {
        /// [`Field::Level`] or [`Field::UrbanRural`].
        field: Field,
        /// Where.
        cell: Cell,
        /// The text found.
        text: String,
    },
}

impl Issue {
    /// The line concerned, if the issue is about one row.
    pub fn line(&self) -> Option<u64> {
        match self {
            Issue::RaggedRow { line, .. } | Issue::UnitFromTitle { line, .. } => Some(*line),
            Issue::UnknownCategory { cell, .. } => Some(cell.line),
            Issue::DuplicateSchool { lines, .. } => lines.get(1).copied(),
            _ => None,
        }
    }

    /// The message in the given language: what, where, and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Issue::RaggedRow { line, expected, found }, Lang::Zh) => format!(
                "第 {line} 行有 {found} 个单元格，表头有 {expected} 列。已按表头读取，请核对该行是否错位。"
            ),
            (Issue::RaggedRow { line, expected, found }, Lang::En) => format!(
                "Line {line} has {found} cells but the header has {expected} columns. It was read against the header; check that its cells are not shifted."
            ),
            (Issue::DerivedColumn { column, header }, Lang::Zh) => format!(
                "{} 列“{header}”是生均或比例值，不是原始数量，未作为数据列使用。请提供原始数量（如面积、人数）。",
                column_letter(*column)
            ),
            (Issue::DerivedColumn { column, header }, Lang::En) => format!(
                "Column {} “{header}” is a per-student value or ratio, not a count, and is not used. Provide the raw counts (areas, persons).",
                column_letter(*column)
            ),
            (Issue::DuplicateField { field, column, header, kept }, Lang::Zh) => format!(
                "{} 列“{header}”与 {} 列同为“{}”，使用 {} 列。如不对，请在列对应中更改。",
                column_letter(*column),
                column_letter(*kept),
                field.name_zh(),
                column_letter(*kept)
            ),
            (Issue::DuplicateField { field, column, header, kept }, Lang::En) => format!(
                "Column {} “{header}” is “{}” like column {}; column {} is used. Change the column mapping if that is wrong.",
                column_letter(*column),
                field.name_en(),
                column_letter(*kept),
                column_letter(*kept)
            ),
            (Issue::UnitMismatch { column, header, unit, field }, Lang::Zh) => format!(
                "{} 列“{header}”的单位“{unit}”不适用于“{}”，已忽略该单位。请核对这一列。",
                column_letter(*column),
                field.name_zh()
            ),
            (Issue::UnitMismatch { column, header, unit, field }, Lang::En) => format!(
                "Column {} “{header}”: unit “{unit}” does not fit “{}” and was ignored. Check this column.",
                column_letter(*column),
                field.name_en()
            ),
            (Issue::UnitFromTitle { line, column, header, unit }, Lang::Zh) => format!(
                "{} 列“{header}”的表头没有单位，按第 {line} 行的说明以“{unit}”读取。如不对，请在列对应中更改。",
                column_letter(*column)
            ),
            (Issue::UnitFromTitle { line, column, header, unit }, Lang::En) => format!(
                "Column {} “{header}” has no unit in its header; it is read in {unit} as line {line} says. Change it in the column mapping if that is wrong.",
                column_letter(*column)
            ),
            (Issue::MoneyUnitGuess { field, column, header, per_student }, Lang::Zh) => format!(
                "{} 列“{header}”没有注明单位，按元计算生均{}只有 {per_student:.2} 元，低于 50，数据可能以万元为单位。请确认单位后在列对应中选择。",
                column_letter(*column),
                field.name_zh()
            ),
            (Issue::MoneyUnitGuess { field, column, header, per_student }, Lang::En) => format!(
                "Column {} “{header}” has no unit. Read as yuan, {} per student is only {per_student:.2}, below 50: the values are probably in 万元 (10,000 yuan). Confirm the unit in the column mapping.",
                column_letter(*column),
                field.name_en()
            ),
            (Issue::LevelFromSections { rows }, Lang::Zh) => format!(
                "表中没有学段列，{rows} 所学校的学段取自分节行（如“一、小学”）。请核对。"
            ),
            (Issue::LevelFromSections { rows }, Lang::En) => format!(
                "The table has no level column; the level of {rows} schools comes from section rows (such as “一、小学”). Please check."
            ),
            (Issue::DuplicateSchool { name, lines }, Lang::Zh) => format!(
                "“{name}”出现了 {} 次（第 {} 行），学段和代码都相同，会被重复计算。若是同一所学校，请删除多余的行；若是不同学校，请在名称或学校代码上加以区分。",
                lines.len(),
                join_lines(lines, "、")
            ),
            (Issue::DuplicateSchool { name, lines }, Lang::En) => format!(
                "“{name}” appears {} times (lines {}) with the same level and code, so it is counted more than once. If it is one school, delete the extra rows; if they are different schools, tell them apart by name or school code.",
                lines.len(),
                join_lines(lines, ", ")
            ),
            (Issue::UnknownCategory { field, cell, text }, Lang::Zh) => format!(
                "第 {} 行 {} 列{}的“{text}”不是可识别的{}。请改为如{}。",
                cell.line,
                cell.letter(),
                quoted_zh(&cell.header),
                field.name_zh(),
                if *field == Field::UrbanRural { "城区、镇区、乡村" } else { "小学、初中、九年一贯制学校" }
            ),
            (Issue::UnknownCategory { field, cell, text }, Lang::En) => format!(
                "Line {}, column {}{}: “{text}” is not a known {} value. Write it like {}.",
                cell.line,
                cell.letter(),
                quoted_en(&cell.header),
                field.name_en().to_lowercase(),
                if *field == Field::UrbanRural { "城区, 镇区 or 乡村" } else { "小学, 初中 or 九年一贯制学校" }
            ),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
