//! The 2017 evaluation beyond resource allocation (docs/domain.md §2.2): 15 items of government
//! guarantee (G1–G15), 9 of quality (Q1–Q9), public recognition (S1), and six conditions under
//! which a county is not recognised (V1–V6).
//!
//! - `table.rs`: the items as data, in the standard's JSON beside the resource indicators
//!   ([`Item`]); `thresholds.rs`: a province's or a county's thresholds.
//! - `county.rs`, `county_read.rs`, `county_error.rs`: the county's own figures and judgements,
//!   from its sheet 县级指标 (or a CSV) to [`CountyValues`] and back.
//! - `schools.rs` (with `bands.rs` for class-size bands): the items a school table settles,
//!   school by school (G3, G4, G5, G6, G12, Q4).
//! - `evaluate.rs`: each item's status, each part's verdict, whether the county can be
//!   recognised ([`ItemsReport`], keys of the report's `standard` section); `text.rs`: values
//!   and thresholds in words.

pub mod bands;
pub mod county;
pub mod county_error;
pub mod county_read;
pub mod evaluate;
pub mod report;
pub mod schools;
pub mod table;
pub mod text;
pub mod thresholds;

pub use county::{CountyEntry, CountySheet, CountyValues, SheetRow, COUNTY_HEADER, COUNTY_SHEET};
pub use county_error::{CountyError, Expected};
pub use county_read::Resolved;
pub use evaluate::evaluate_items;
pub use report::{ItemResult, ItemsReport, PartResult, UnknownSchool, ValueResult};
pub use table::{Item, ItemKind, ItemValue, Op, Part, ValueUnit, ITEM_IDS};
