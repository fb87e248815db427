//! Problems found while reading that do not stop the reading ([`Issue`]), each with its
//! message in Chinese and English and a stable code for the report.

use std::fmt;

use crate::error::{column_letter, join_lines, quoted_en, quoted_zh, Cell, Lang};
use crate::fields::Field;
use crate::quote::quote;

/// Lines listed in one issue at most (the message shows five of them).
pub const MAX_LINES: usize = 20;

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
    /// Cells of a numeric column whose separators leave the number in doubt (`12 5`, or `500,5`
    /// in a column that writes its decimals with a point): each is left out (empty, missing)
    /// rather than guessed as 125 or 5005. One issue per column.
    AmbiguousNumbers {
        /// The first such cell.
        cell: Cell,
        /// Its text.
        text: String,
        /// Lines of the cells, ascending (at most [`MAX_LINES`]).
        lines: Vec<u64>,
        /// How many cells of the column were left out.
        count: usize,
    },
    /// Cells whose own unit cannot belong to their column (元 or % in an area column, 万册 in a
    /// pupils column): left out (missing). One issue per column.
    CellUnitMismatch {
        /// The first such cell.
        cell: Cell,
        /// Its text.
        text: String,
        /// The column's unit as written or implied (平方米, 人, 万元).
        expected: String,
        /// Lines of the cells, ascending (at most [`MAX_LINES`]).
        lines: Vec<u64>,
        /// How many cells of the column were left out.
        count: usize,
    },
    /// A second header row further down with the first header's columns in another order: the
    /// rows below it were read in its order.
    HeaderReordered {
        /// Line of the first header.
        first: u64,
        /// Line of the second header.
        line: u64,
        /// Rows read under the second header.
        rows: usize,
    },
    /// The workbook has hidden sheets: the first visible sheet was read.
    HiddenSheets {
        /// The sheet read.
        read: String,
        /// The hidden sheets, in order.
        hidden: Vec<String>,
    },
    /// A number in merged cells that span more than one cell of the data: a spreadsheet stores
    /// it once, in the top-left cell, where it is counted; the other cells are left empty
    /// rather than holding copies that would count it again.
    MergedNumber {
        /// The range as a spreadsheet writes it (`C4:C5`).
        range: String,
        /// Header of the top-left cell's column.
        header: Option<String>,
        /// The number as written.
        value: String,
        /// Names (or `#line`) of the schools of the rows the range covers, top first.
        schools: Vec<String>,
        /// Lines of those rows.
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
    /// The stable code of the report's warning (`docs/report-schema.md`).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::RaggedRow { .. } => "ragged_row",
            Issue::DerivedColumn { .. } => "derived_column",
            Issue::DuplicateField { .. } => "duplicate_field",
            Issue::UnitMismatch { .. } => "unit_mismatch",
            Issue::UnitFromTitle { .. } => "unit_from_title",
            Issue::MoneyUnitGuess { .. } => "money_unit_guess",
            Issue::LevelFromSections { .. } => "level_from_sections",
            Issue::UnknownCategory { .. } => "unknown_category",
            Issue::DuplicateSchool { .. } => "duplicate_school",
            Issue::AmbiguousNumbers { .. } => "ambiguous_number",
            Issue::CellUnitMismatch { .. } => "cell_unit_mismatch",
            Issue::HeaderReordered { .. } => "header_reordered",
            Issue::HiddenSheets { .. } => "hidden_sheets",
            Issue::MergedNumber { .. } => "merged_numeric",
        }
    }

    /// The line concerned, if the issue is about one row.
    pub fn line(&self) -> Option<u64> {
        match self {
            Issue::RaggedRow { line, .. }
            | Issue::UnitFromTitle { line, .. }
            | Issue::HeaderReordered { line, .. } => Some(*line),
            Issue::UnknownCategory { cell, .. }
            | Issue::AmbiguousNumbers { cell, .. }
            | Issue::CellUnitMismatch { cell, .. } => Some(cell.line),
            Issue::DuplicateSchool { lines, .. } => lines.get(1).copied(),
            Issue::MergedNumber { lines, .. } => lines.first().copied(),
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
                column_letter(*column),
                header = quote(header)
            ),
            (Issue::DerivedColumn { column, header }, Lang::En) => format!(
                "Column {} “{header}” is a per-student value or ratio, not a count, and is not used. Provide the raw counts (areas, persons).",
                column_letter(*column),
                header = quote(header)
            ),
            (Issue::DuplicateField { field, column, header, kept }, Lang::Zh) => format!(
                "{} 列“{header}”与 {} 列同为“{}”，使用 {} 列。如不对，请在列对应中更改。",
                column_letter(*column),
                column_letter(*kept),
                field.name_zh(),
                column_letter(*kept),
                header = quote(header)
            ),
            (Issue::DuplicateField { field, column, header, kept }, Lang::En) => format!(
                "Column {} “{header}” is “{}” like column {}; column {} is used. Change the column mapping if that is wrong.",
                column_letter(*column),
                field.name_en(),
                column_letter(*kept),
                column_letter(*kept),
                header = quote(header)
            ),
            (Issue::UnitMismatch { column, header, unit, field }, Lang::Zh) => format!(
                "{} 列“{header}”的单位“{unit}”不适用于“{}”，已忽略该单位。请核对这一列。",
                column_letter(*column),
                field.name_zh(),
                header = quote(header),
                unit = quote(unit)
            ),
            (Issue::UnitMismatch { column, header, unit, field }, Lang::En) => format!(
                "Column {} “{header}”: unit “{unit}” does not fit “{}” and was ignored. Check this column.",
                column_letter(*column),
                field.name_en(),
                header = quote(header),
                unit = quote(unit)
            ),
            (Issue::UnitFromTitle { line, column, header, unit }, Lang::Zh) => format!(
                "{} 列“{header}”的表头没有单位，按第 {line} 行的说明以“{unit}”读取。如不对，请在列对应中更改。",
                column_letter(*column),
                header = quote(header),
                unit = quote(unit)
            ),
            (Issue::UnitFromTitle { line, column, header, unit }, Lang::En) => format!(
                "Column {} “{header}” has no unit in its header; it is read in {unit} as line {line} says. Change it in the column mapping if that is wrong.",
                column_letter(*column),
                header = quote(header),
                unit = quote(unit)
            ),
            (Issue::MoneyUnitGuess { field, column, header, per_student }, Lang::Zh) => format!(
                "{} 列“{header}”没有注明单位，按元计算生均{}只有 {per_student:.2} 元，低于 50，数据可能以万元为单位。请确认单位后在列对应中选择。",
                column_letter(*column),
                field.name_zh(),
                header = quote(header)
            ),
            (Issue::MoneyUnitGuess { field, column, header, per_student }, Lang::En) => format!(
                "Column {} “{header}” has no unit. Read as yuan, {} per student is only {per_student:.2}, below 50: the values are probably in 万元 (10,000 yuan). Confirm the unit in the column mapping.",
                column_letter(*column),
                field.name_en(),
                header = quote(header)
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
                join_lines(lines, "、"),
                name = quote(name)
            ),
            (Issue::DuplicateSchool { name, lines }, Lang::En) => format!(
                "“{name}” appears {} times (lines {}) with the same level and code, so it is counted more than once. If it is one school, delete the extra rows; if they are different schools, tell them apart by name or school code.",
                lines.len(),
                join_lines(lines, ", "),
                name = quote(name)
            ),
            (Issue::UnknownCategory { field, cell, text }, Lang::Zh) => format!(
                "第 {} 行 {} 列{}的“{text}”不是可识别的{}。请改为如{}。",
                cell.line,
                cell.letter(),
                quoted_zh(&cell.header),
                field.name_zh(),
                if *field == Field::UrbanRural { "城区、镇区、乡村" } else { "小学、初中、九年一贯制学校" },
                text = quote(text)
            ),
            (Issue::UnknownCategory { field, cell, text }, Lang::En) => format!(
                "Line {}, column {}{}: “{text}” is not a known {} value. Write it like {}.",
                cell.line,
                cell.letter(),
                quoted_en(&cell.header),
                field.name_en().to_lowercase(),
                if *field == Field::UrbanRural { "城区, 镇区 or 乡村" } else { "小学, 初中 or 九年一贯制学校" },
                text = quote(text)
            ),
            (Issue::AmbiguousNumbers { cell, text, lines, count }, Lang::Zh) => format!(
                "{} 列{}有 {count} 个数字的分隔符含义不明（第 {} 行，如“{}”）：可能是千位分隔，也可能是小数点。这些单元格按缺失处理，未计入。请写成不带分隔符的数字，如 1200 或 12.5。",
                cell.letter(),
                quoted_zh(&cell.header),
                join_lines(lines, "、"),
                quote(text)
            ),
            (Issue::AmbiguousNumbers { cell, text, lines, count }, Lang::En) => format!(
                "Column {}{}: {count} cell(s) whose separators leave the number in doubt (line {}, e.g. “{}”): a thousands separator or a decimal mark? They are left out (missing). Write the number without separators, e.g. 1200 or 12.5.",
                cell.letter(),
                quoted_en(&cell.header),
                join_lines(lines, ", "),
                quote(text)
            ),
            (Issue::CellUnitMismatch { cell, text, expected, lines, count }, Lang::Zh) => format!(
                "{} 列{}有 {count} 个单元格写的单位不属于这一列（第 {} 行，如“{}”；这一列的单位是{expected}），按缺失处理，未计入。请改为以{expected}为单位的数值。",
                cell.letter(),
                quoted_zh(&cell.header),
                join_lines(lines, "、"),
                quote(text)
            ),
            (Issue::CellUnitMismatch { cell, text, expected, lines, count }, Lang::En) => format!(
                "Column {}{}: {count} cell(s) carry a unit that cannot belong to this column (line {}, e.g. “{}”; the column is in {expected}). They are left out (missing). Enter the values in {expected}.",
                cell.letter(),
                quoted_en(&cell.header),
                join_lines(lines, ", "),
                quote(text)
            ),
            (Issue::HeaderReordered { first, line, rows }, Lang::Zh) => format!(
                "第 {line} 行是第二个表头，列与第 {first} 行的表头相同但顺序不同；其下 {rows} 行已按第 {line} 行的顺序读取。请核对。"
            ),
            (Issue::HeaderReordered { first, line, rows }, Lang::En) => format!(
                "Line {line} is a second header row with the columns of line {first} in another order; the {rows} rows below it were read in its order. Please check."
            ),
            (Issue::HiddenSheets { read, hidden }, Lang::Zh) => format!(
                "工作簿中有隐藏的工作表（{}），已读取第一个可见的工作表“{}”。如需读取其他工作表，请选择工作表。",
                quote_names(hidden, "、"),
                quote(read)
            ),
            (Issue::HiddenSheets { read, hidden }, Lang::En) => format!(
                "The workbook has hidden sheets ({}); the first visible sheet, “{}”, was read. Choose another sheet if that is not the one.",
                quote_names(hidden, ", "),
                quote(read)
            ),
            (Issue::MergedNumber { range, header, value, schools, .. }, Lang::Zh) => format!(
                "单元格 {range}{}是合并单元格，数值 {} 跨越了 {}。电子表格只在左上角单元格中保存这个值，因此只计入“{}”一次，其余为空，不重复计算。如果这是几所学校共用的数值，请按学校拆分后分别填写。",
                quoted_zh(header),
                quote(value),
                quote_names(schools, "、"),
                schools.first().map_or(String::new(), |s| quote(s).into_owned())
            ),
            (Issue::MergedNumber { range, header, value, schools, .. }, Lang::En) => format!(
                "Cells {range}{} are merged around the number {}, across {}. A spreadsheet stores it once, in the top-left cell, so it counts once, for “{}”; the other cells are left empty, not copied. If the schools share this value, split it among them.",
                quoted_en(header),
                quote(value),
                quote_names(schools, ", "),
                schools.first().map_or(String::new(), |s| quote(s).into_owned())
            ),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Names from the file (schools, sheets), each quoted, at most five.
fn quote_names(names: &[String], separator: &str) -> String {
    let mut text: Vec<String> = names
        .iter()
        .take(5)
        .map(|n| quote(n).into_owned())
        .collect();
    if names.len() > 5 {
        text.push(format!("… ({})", names.len()));
    }
    text.join(separator)
}
