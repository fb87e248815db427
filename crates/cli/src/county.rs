//! The county's sheet 县级指标 (docs/domain.md §2.2): from `--county-values FILE` (a CSV, or a
//! workbook whose 县级指标 sheet is read), else from the data file itself when it is a workbook
//! with such a sheet. The core matches the rows with the standard's items.

use junheng_core::analysis::CountyInput;
use junheng_core::standards::items::COUNTY_SHEET;
use junheng_core::standards::CountySheet;
use junheng_core::{ingest, Error, Lang};

use crate::flags::Analyze;
use crate::{failure, file_name, read_input, Failure};

/// The county sheet to judge the items with: the file of `--county-values`, else the data
/// file's own 县级指标 sheet (`data` are its bytes), else none.
pub fn county_input(
    analyze: &Analyze,
    data: &[u8],
    lang: Lang,
) -> Result<Option<CountyInput>, Failure> {
    let sheet = match &analyze.county_values {
        Some(path) => {
            let bytes = read_input(path, lang)?;
            read_sheet(&bytes, &file_name(path), true).map_err(|e| failure(path, &e, lang))?
        }
        None if ingest::is_spreadsheet(data) => {
            let name = file_name(&analyze.file);
            // The data file was read already: a county sheet that cannot be read is named.
            read_sheet(data, &name, false).map_err(|e| failure(&analyze.file, &e, lang))?
        }
        None => None,
    };
    Ok(sheet.map(CountyInput::Sheet))
}

/// A county sheet from a CSV or a workbook's 县级指标 sheet. A workbook without one is an error
/// when it was given as the county's file (`required`), and nothing otherwise.
fn read_sheet(bytes: &[u8], name: &str, required: bool) -> Result<Option<CountySheet>, Error> {
    if !ingest::is_spreadsheet(bytes) {
        return CountySheet::from_csv(bytes, name).map(Some);
    }
    match junheng_sheets::read_county_sheet(bytes)? {
        Some(grid) => Ok(Some(CountySheet::from_grid(
            grid,
            &format!("{name} / {COUNTY_SHEET}"),
        ))),
        None if required => Err(Error::UnknownSheet {
            name: COUNTY_SHEET.to_string(),
            available: junheng_sheets::sheet_names(bytes)?,
        }),
        None => Ok(None),
    }
}
