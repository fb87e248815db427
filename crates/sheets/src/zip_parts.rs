//! The parts of a zip workbook (.xlsx, .xlsb, .ods), checked before the reader opens it: how
//! many parts, how large they inflate to, how many shared strings they declare, and which
//! format they make.
//!
//! The reader (calamine) reserves room for every shared string the file declares as it opens
//! the workbook, and inflates whatever the parts hold. The zip's central directory says how
//! large each part is once inflated, and the zip reader refuses to inflate a part beyond what it
//! declares; so the declared sizes bound the work, and are checked here first.

use std::io::{Cursor, Read};

use junheng_core::error::WorkbookLimit;
use junheng_core::Error;
use zip::ZipArchive;

/// Parts of a workbook at most (an .xlsx has a dozen, one per sheet and a few more).
pub const MAX_PARTS: u64 = 10_000;
/// The parts may inflate to this many times the file's size: workbooks compress 5 to 20 times;
/// a zip bomb a thousand times.
pub const MAX_RATIO: u64 = 100;
/// ... but a small file may always inflate to this much.
pub const MIN_INFLATED: u64 = 64 << 20;
/// ... and no file to more than this.
pub const MAX_INFLATED: u64 = 1 << 30;
/// Shared strings declared at most (each is reserved when the workbook opens).
pub const MAX_SHARED_STRINGS: u64 = 1 << 24;

/// The format the parts make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML: `xl/workbook.xml`.
    Xlsx,
    /// Excel binary: `xl/workbook.bin`.
    Xlsb,
    /// OpenDocument: `content.xml`.
    Ods,
}

fn unreadable(detail: impl ToString) -> Error {
    Error::Spreadsheet {
        detail: detail.to_string(),
    }
}

/// The bytes a file of `len` bytes may inflate to.
pub fn inflated_allowed(len: u64) -> u64 {
    len.saturating_mul(MAX_RATIO)
        .clamp(MIN_INFLATED, MAX_INFLATED)
}

/// Checks the parts of a zip workbook and names its format.
pub fn check(bytes: &[u8]) -> Result<Format, Error> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let parts = zip.len() as u64;
    if parts > MAX_PARTS {
        return Err(Error::WorkbookTooLarge {
            limit: WorkbookLimit::Parts {
                parts,
                max: MAX_PARTS,
            },
        });
    }
    let mut inflated: u64 = 0;
    let mut format = None;
    let mut shared_strings = Vec::new();
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(unreadable)?;
        inflated = inflated.saturating_add(part.size());
        let name = part.name().map_err(unreadable)?.to_ascii_lowercase();
        if name.ends_with("workbook.xml") && format.is_none() {
            format = Some(Format::Xlsx);
        } else if name.ends_with("workbook.bin") && format.is_none() {
            format = Some(Format::Xlsb);
        } else if name == "content.xml" {
            format = Some(Format::Ods);
        }
        if name.ends_with("sharedstrings.xml") {
            shared_strings.push((i, part.size()));
        }
    }
    let allowed = inflated_allowed(bytes.len() as u64);
    if inflated > allowed {
        return Err(Error::WorkbookTooLarge {
            limit: WorkbookLimit::Inflated {
                bytes: inflated,
                max: allowed,
            },
        });
    }
    for (i, size) in shared_strings {
        let declared = declared_strings(&mut zip, i)?;
        // Each <si> takes bytes of the part: a count beyond them is not the truth.
        let max = (size / 4 + 16).min(MAX_SHARED_STRINGS);
        if declared > max {
            return Err(Error::WorkbookTooLarge {
                limit: WorkbookLimit::SharedStrings { declared, max },
            });
        }
    }
    format.ok_or_else(|| unreadable("no workbook part (xl/workbook.xml, content.xml) in the zip"))
}

/// The `uniqueCount` of the `<sst>` element of part `i`, read from its first 4 KB (0 if none).
fn declared_strings(zip: &mut ZipArchive<Cursor<&[u8]>>, i: usize) -> Result<u64, Error> {
    let mut head = Vec::with_capacity(4096);
    zip.by_index(i)
        .map_err(unreadable)?
        .take(4096)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let text = String::from_utf8_lossy(&head);
    let Some(start) = text.find("<sst") else {
        return Ok(0);
    };
    let Some(at) = text[start..].find("uniqueCount=") else {
        return Ok(0);
    };
    let value = &text[start + at + "uniqueCount=".len()..];
    let digits = value
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit);
    // Saturating: 10^40 is as refused as u64::MAX.
    Ok(digits.fold(0u64, |n, d| {
        n.saturating_mul(10)
            .saturating_add(u64::from(d.to_digit(10).unwrap_or(0)))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowance_grows_with_the_file_between_bounds() {
        assert_eq!(inflated_allowed(2_000), MIN_INFLATED);
        assert_eq!(inflated_allowed(1 << 20), 100 << 20);
        assert_eq!(inflated_allowed(1 << 40), MAX_INFLATED);
    }

    #[test]
    fn a_zip_that_is_no_workbook() {
        assert!(matches!(
            check(b"PK\x03\x04junk"),
            Err(Error::Spreadsheet { .. })
        ));
    }
}
