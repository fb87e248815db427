//! The dossier as an Excel workbook: one sheet per table, each with a title row naming the
//! county and year, Chinese headers with units, numbers as numeric cells with a display format
//! ([`Kind::excel_format`]: counts whole, areas and money 2 decimals, CVs 3), so it opens in
//! Excel or WPS ready to paste into the official forms, and prints on A4 with the header rows
//! repeated.
//!
//! `builder.rs` lays out a sheet (title row, header rows repeated on every printed page, rows as
//! tall as their wrapped text) from the cells of `cells.rs`; each sheet has its own file, in
//! the order of the workbook: `summary.rs` (page 1), `overview.rs` (表1), `cv.rs` (表2),
//! `schools.rs` (表3), `shortfalls.rs` (表4), `items.rs` (表5, 表6, the recognition result), `notes.rs` (说明), `research.rs` (the appendix).
//!
//! [`Kind::excel_format`]: crate::format::Kind::excel_format

mod builder;
mod cells;
mod cv;
mod items;
mod notes;
mod overview;
mod research;
mod schools;
mod shortfalls;
mod summary;

use super::model::Dossier;
use crate::xlsx_writer::workbook as write_workbook;
use crate::Lang;
use cv::cv_sheet;
use items::items_sheet;
use notes::notes_sheet;
use overview::overview;
use research::research_sheet;
use schools::school_sheet;
use shortfalls::shortfall_sheet;
use summary::summary;

pub use builder::sheet_name;

/// The workbook's bytes.
pub fn workbook(d: &Dossier, lang: Lang) -> Vec<u8> {
    write_workbook(&sheets(d, lang))
}

/// The workbook's sheets, in order (a city's workbook puts each county's after its own
/// summary, `crate::slices`).
pub fn sheets(d: &Dossier, lang: Lang) -> Vec<crate::xlsx_writer::Sheet> {
    let mut sheets = vec![summary(d, lang), overview(d, lang), cv_sheet(d, lang)];
    for table in &d.school_tables {
        sheets.push(school_sheet(d, table, lang));
    }
    sheets.push(shortfall_sheet(d, lang));
    for which in ["government", "quality", "recognition"] {
        sheets.push(items_sheet(d, which, lang));
    }
    sheets.push(notes_sheet(d, lang));
    if let Some(research) = &d.research {
        sheets.push(research_sheet(d, research, lang));
    }
    sheets
}
