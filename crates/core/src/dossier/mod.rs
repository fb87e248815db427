//! The acceptance dossier (验收材料): what a county hands the inspectors, built from its own
//! per-school file, both national standards evaluated together (docs/domain.md §2.1, §2.2, §6).
//!
//! In the order inspectors read: page 1, a summary (county, year, data source, both verdicts per
//! level, the failing items, blanks to sign); 表1 the county's schools by type and the schools
//! left out with their reason; 表2 the CV table per level and standard; 表3 each school against
//! the 2017 standards (实际值 / 达标值 / 基本值 / 是否达标); 表4 the shortfalls and the plans;
//! then notes and explanations; research measures only as an appendix.
//!
//! One model ([`Dossier`], [`build`]), two writers over it: [`xlsx::workbook`] (a sheet per
//! table, numbers as numeric cells with display formats) and [`html::page`] (a self-contained
//! printable A4 page). Both take their headers and words from [`labels`], so the workbook and
//! the printed page say the same thing. The model serializes, so the page's worker can hand it
//! over as JSON.

pub mod build;
pub mod html;
pub mod items;
pub mod labels;
pub mod model;
pub mod notes;
pub mod xlsx;

pub use build::{build, DossierConfig, STANDARDS};
pub use model::Dossier;
