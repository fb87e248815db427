//! An .xls (an OLE compound file holding a BIFF stream), checked before the reader opens it.
//!
//! The reader (calamine) follows the file's sector chains as written and lays out each sheet as
//! its records say: a chain that loops made it read forever, a sector number beyond the table
//! made it index out of bounds, and a DIMENSIONS record or a cell at row 65 535, column 65 535
//! made it reserve billions of cells. Here every chain the reader follows (the directory, the
//! mini stream and its table, the workbook stream) is walked once, bounded by the file's own
//! size, and the workbook stream's records are scanned: each sheet's declared dimensions and the
//! box its cells span must lay out to at most [`MAX_CELLS`]. Anything else is
//! [`Error::Spreadsheet`] (damaged) or [`Error::WorkbookTooLarge`]. O(bytes).

use junheng_core::error::WorkbookLimit;
use junheng_core::Error;

use crate::bounds::{reference, MAX_CELLS};

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers from here on are markers (free, end of chain, FAT, DIFAT), not sectors.
const MAX_SECTOR_ID: u32 = 0xFFFF_FFFA;

fn damaged(what: &str) -> Error {
    Error::Spreadsheet {
        detail: format!("damaged .xls: {what}"),
    }
}

// Offsets come from the file (a BOUNDSHEET offset of 0xFFFFFFFF): checked sums, so that a
// 32-bit page cannot wrap around.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        bytes.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The compound file's sectors and tables.
struct Compound<'a> {
    bytes: &'a [u8],
    shift: u32,
    fat: Vec<u32>,
}

/// Sector `id` of a file whose sectors are `1 << shift` bytes (the header is sector −1).
fn sector_of(bytes: &[u8], shift: u32, id: u32) -> Option<&[u8]> {
    let size = 1usize << shift;
    let start = (id as usize).checked_add(1)?.checked_mul(size)?;
    bytes.get(start..start.checked_add(size)?)
}

impl Compound<'_> {
    fn sector(&self, id: u32) -> Option<&[u8]> {
        sector_of(self.bytes, self.shift, id)
    }

    /// The sectors of a chain, in order: every one inside the file and the table, none twice.
    fn chain(&self, first: u32, table: &[u32]) -> Result<Vec<u32>, Error> {
        let mut chain = Vec::new();
        let mut seen = vec![false; table.len()];
        let mut id = first;
        while id != END_OF_CHAIN {
            let slot = seen
                .get_mut(id as usize)
                .ok_or_else(|| damaged("a sector chain leaves the table"))?;
            if std::mem::replace(slot, true) {
                return Err(damaged("a sector chain loops"));
            }
            chain.push(id);
            id = table[id as usize];
        }
        Ok(chain)
    }

    /// A stream of `len` bytes from its chain of regular sectors.
    fn stream(&self, first: u32, len: usize) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        for id in self.chain(first, &self.fat)? {
            if out.len() >= len {
                break;
            }
            out.extend_from_slice(
                self.sector(id)
                    .ok_or_else(|| damaged("a sector lies past the end"))?,
            );
        }
        if out.len() < len {
            return Err(damaged("a stream is shorter than its directory entry says"));
        }
        out.truncate(len);
        Ok(out)
    }
}

/// Checks an .xls before the reader opens it.
pub fn check(bytes: &[u8]) -> Result<(), Error> {
    let workbook = workbook_stream(bytes)?;
    scan_biff(&workbook)
}

/// The `Workbook` (or BIFF5 `Book`) stream, after walking every chain the reader follows.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    if bytes.len() < 512 || bytes[..8] != SIGNATURE {
        return Err(damaged("not a compound file"));
    }
    let header = |at| u32_at(bytes, at).unwrap_or(0);
    let shift = match u16_at(bytes, 30) {
        Some(9) => 9,
        Some(12) => 12,
        _ => return Err(damaged("sector size")),
    };
    let sectors = (bytes.len() >> shift) as u64;
    let mut compound = Compound {
        bytes,
        shift,
        fat: Vec::new(),
    };
    // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109).map(|k| header(76 + 4 * k)).collect();
    let mut difat = header(68);
    let mut steps = 0;
    while difat < MAX_SECTOR_ID {
        steps += 1;
        if steps > sectors {
            return Err(damaged("the DIFAT chain loops"));
        }
        let sector = compound
            .sector(difat)
            .ok_or_else(|| damaged("a DIFAT sector lies past the end"))?;
        let entries = sector.len() / 4;
        fat_sectors.extend((0..entries - 1).map(|k| u32_at(sector, 4 * k).unwrap_or(u32::MAX)));
        difat = u32_at(sector, 4 * (entries - 1)).unwrap_or(END_OF_CHAIN);
    }
    // Each FAT sector once: the reader appends every one listed, so a sector listed a million
    // times made a table a million times the file.
    let mut listed = vec![false; sectors as usize + 1];
    for id in fat_sectors.into_iter().filter(|id| *id < MAX_SECTOR_ID) {
        let sector =
            sector_of(bytes, shift, id).ok_or_else(|| damaged("a FAT sector lies past the end"))?;
        if std::mem::replace(&mut listed[id as usize], true) {
            return Err(damaged("a FAT sector is listed twice"));
        }
        compound.fat.extend(
            sector
                .chunks_exact(4)
                .map(|c| u32_at(c, 0).unwrap_or(u32::MAX)),
        );
    }
    // The directory: the reader reads its whole chain.
    let directory_chain = compound.chain(header(48), &compound.fat)?;
    let mut directory = Vec::new();
    for id in directory_chain {
        directory.extend_from_slice(
            compound
                .sector(id)
                .ok_or_else(|| damaged("a directory sector lies past the end"))?,
        );
    }
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let root = entries.first().ok_or_else(|| damaged("no directory"))?;
    // A 32-bit page reads each entry's size as a 32-bit number.
    if shift == 12 && entries.iter().any(|e| u32_at(e, 124).unwrap_or(0) != 0) {
        return Err(damaged("a stream is larger than 4 GiB"));
    }
    let size_of = |entry: &[u8]| -> u64 {
        // Version 3 files use the low 32 bits only.
        if shift == 9 {
            u64::from(u32_at(entry, 120).unwrap_or(0))
        } else {
            u32_at(entry, 120).map_or(0, u64::from)
                | (u64::from(u32_at(entry, 124).unwrap_or(0)) << 32)
        }
    };
    // The mini stream (in the root's chain) and its table, when the file has one.
    let mini_fat_len = u64::from(header(64));
    let (mini_stream, mini_fat) = if mini_fat_len > 0 {
        let root_len = size_of(root);
        if root_len > bytes.len() as u64 {
            return Err(damaged("the mini stream is larger than the file"));
        }
        let mini_stream =
            compound.stream(u32_at(root, 116).unwrap_or(END_OF_CHAIN), root_len as usize)?;
        let table_len = mini_fat_len
            .checked_mul(1 << shift)
            .filter(|l| *l <= bytes.len() as u64)
            .ok_or_else(|| damaged("the mini FAT is larger than the file"))?;
        let table = compound.stream(header(60), table_len as usize)?;
        let mini_fat: Vec<u32> = table
            .chunks_exact(4)
            .map(|c| u32_at(c, 0).unwrap_or(u32::MAX))
            .collect();
        (mini_stream, mini_fat)
    } else {
        (Vec::new(), Vec::new())
    };
    let name_of = |entry: &[u8]| -> String {
        let units: Vec<u16> = entry[..64]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|u| *u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    if entries.iter().any(|e| name_of(e) == "EncryptedPackage") {
        return Err(Error::Spreadsheet {
            detail: "the workbook is protected by a password; remove it in Excel (File → Info → Protect Workbook) / 工作簿设有打开密码，请在 Excel 中取消密码".into(),
        });
    }
    let entry = entries
        .iter()
        .find(|e| name_of(e).eq_ignore_ascii_case("Workbook"))
        .or_else(|| {
            entries
                .iter()
                .find(|e| name_of(e).eq_ignore_ascii_case("Book"))
        })
        .ok_or_else(|| damaged("no Workbook stream"))?;
    let len = size_of(entry);
    if len > bytes.len() as u64 {
        return Err(damaged("the Workbook stream is larger than the file"));
    }
    let first = u32_at(entry, 116).unwrap_or(END_OF_CHAIN);
    if len < 4096 {
        // In 64-byte sectors of the mini stream.
        let mut out = Vec::new();
        for id in compound.chain(first, &mini_fat)? {
            let sector = (id as usize)
                .checked_mul(64)
                .and_then(|start| mini_stream.get(start..start.checked_add(64)?))
                .ok_or_else(|| damaged("a mini sector lies past the mini stream"))?;
            out.extend_from_slice(sector);
        }
        if (out.len() as u64) < len {
            return Err(damaged(
                "the Workbook stream is shorter than its entry says",
            ));
        }
        out.truncate(len as usize);
        Ok(out)
    } else {
        compound.stream(first, len as usize)
    }
}

/// The box the cells of one sheet span, and its declared dimensions.
#[derive(Default)]
struct Span {
    cells: Option<(u32, u32, u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, first_col: u32, last_col: u32) {
        self.cells = Some(match self.cells {
            None => (row, row, first_col, last_col),
            Some((r0, r1, c0, c1)) => (
                r0.min(row),
                r1.max(row),
                c0.min(first_col),
                c1.max(last_col),
            ),
        });
    }

    fn check(&self) -> Result<(), Error> {
        if let Some((r0, r1, c0, c1)) = self.cells {
            let (rows, columns) = (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1);
            if rows.saturating_mul(columns) > MAX_CELLS {
                return Err(Error::WorkbookTooLarge {
                    limit: WorkbookLimit::Cell {
                        cell: reference(r1, c1),
                        rows,
                        columns,
                        max: MAX_CELLS,
                    },
                });
            }
        }
        Ok(())
    }
}

/// Scans the BIFF records as the reader reads them: the workbook globals from the start, then
/// each sheet from the offset its BOUNDSHEET record gives (which need not follow the records
/// before it), checking each sheet's DIMENSIONS and the box of its cells.
fn scan_biff(stream: &[u8]) -> Result<(), Error> {
    let mut sheets = scan_from(stream, 0, false)?;
    sheets.sort_unstable();
    sheets.dedup();
    // The reader parses each sheet from its offset: a million sheets over one stream would be
    // a million passes.
    if sheets.len() > MAX_SHEETS {
        return Err(damaged("more than 1 024 sheets"));
    }
    for at in sheets {
        // The reader slices the stream from the offset unchecked (a panic, an abort in the
        // page): an offset past the end is a damaged file here.
        if at as usize > stream.len() {
            return Err(damaged(
                "a sheet starts past the end of the workbook stream",
            ));
        }
        scan_from(stream, at as usize, true)?;
    }
    Ok(())
}

/// Sheets of an .xls at most (Excel 97–2003 workbooks of a county have a few).
const MAX_SHEETS: usize = 1024;

/// Scans records from `at`, to the end of the stream, or to the first EOF record of a sheet
/// (`sheet`). Returns the sheets' offsets (BOUNDSHEET records).
fn scan_from(stream: &[u8], mut at: usize, sheet: bool) -> Result<Vec<u32>, Error> {
    let mut sheets = Vec::new();
    let mut span = Span::default();
    // `at` may be any offset a BOUNDSHEET record gives: compared by what is left after it.
    while stream.len().checked_sub(at).is_some_and(|left| left >= 4) {
        let kind = u16_at(stream, at).unwrap_or(0);
        let len = usize::from(u16_at(stream, at + 2).unwrap_or(0));
        let data = stream
            .get(at + 4..at + 4 + len)
            .ok_or_else(|| damaged("a record runs past the stream"))?;
        at += 4 + len;
        let u16_ = |k: usize| u32::from(u16_at(data, k).unwrap_or(0));
        match kind {
            // EOF: the end of a substream.
            0x000A => {
                span.check()?;
                if sheet {
                    return Ok(sheets);
                }
                span = Span::default();
            }
            // BOF: a new substream.
            0x0809 => {
                span.check()?;
                span = Span::default();
            }
            // BOUNDSHEET: a sheet and where it starts.
            0x0085 if !sheet && len >= 4 => sheets.push(u32_at(data, 0).unwrap_or(0)),
            // DIMENSIONS: the reader reserves (last row − first row) × (last col − first col).
            0x0200 => check_dimensions(data)?,
            // Cells: row, column first. MULRK: row, first column, …, last column.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 if len >= 4 => {
                span.add(u16_(0), u16_(2), u16_(2));
            }
            0x00BD if len >= 6 => span.add(u16_(0), u16_(2), u16_(len - 2).max(u16_(2))),
            _ => {}
        }
    }
    span.check()?;
    Ok(sheets)
}

/// A DIMENSIONS record read the reader's way (its first column reset to 0 when out of range).
fn check_dimensions(data: &[u8]) -> Result<(), Error> {
    let u16_ = |k: usize| u32::from(u16_at(data, k).unwrap_or(0));
    let (rf, rl, cf, cl) = match data.len() {
        10 => (u16_(0), u16_(2), u16_(4), u16_(6)),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u16_(8),
            u16_(10),
        ),
        _ => return Ok(()),
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    if rl == 0 || cl == 0 {
        return Ok(());
    }
    if rl <= rf || cl <= cf {
        return Err(damaged("DIMENSIONS end before they start"));
    }
    let (rows, columns) = (u64::from(rl - rf), u64::from(cl - cf));
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(Error::WorkbookTooLarge {
            limit: WorkbookLimit::Cell {
                cell: reference(rl - 1, cl - 1),
                rows,
                columns,
                max: MAX_CELLS,
            },
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn dimensions_and_cells_are_bounded() {
        let mut dims = Vec::new();
        dims.extend_from_slice(&0u32.to_le_bytes());
        dims.extend_from_slice(&u32::MAX.to_le_bytes());
        dims.extend_from_slice(&[0, 0, 255, 0, 0, 0]);
        assert!(matches!(
            scan_biff(&record(0x0200, &dims)),
            Err(Error::WorkbookTooLarge { .. })
        ));
        let far = [
            record(0x0203, &[0, 0, 0, 0, 0, 0]),
            record(0x0203, &[0xFF, 0xFF, 0xFF, 0xFF, 0, 0]),
        ]
        .concat();
        assert!(matches!(
            scan_biff(&far),
            Err(Error::WorkbookTooLarge { .. })
        ));
        let near = [
            record(0x0203, &[0, 0, 0, 0]),
            record(0x0203, &[10, 0, 3, 0]),
        ]
        .concat();
        assert!(scan_biff(&near).is_ok());
        assert!(scan_biff(&[0x03, 0x02, 0xFF]).is_ok());
        assert!(matches!(
            scan_biff(&[0x03, 0x02, 0x10, 0x00, 1]),
            Err(Error::Spreadsheet { .. })
        ));
    }

    #[test]
    fn broken_compound_files_are_damaged() {
        assert!(matches!(
            check(b"\xD0\xCF\x11\xE0short"),
            Err(Error::Spreadsheet { .. })
        ));
        let mut header = vec![0u8; 1024];
        header[..8].copy_from_slice(&SIGNATURE);
        header[30] = 9;
        // FAT in sector 0, whose first entry points to itself: the directory chain loops.
        header[76..80].copy_from_slice(&0u32.to_le_bytes());
        header[80..512].fill(0xFF);
        header[48..52].copy_from_slice(&0u32.to_le_bytes());
        header[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        header[512..516].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(check(&header), Err(damaged("a sector chain loops")));
    }

    #[test]
    fn a_sheet_offset_at_the_end_of_the_address_space_is_no_overflow() {
        // A BOUNDSHEET offset is any u32: on a 32-bit page 0xFFFFFFFE + 4 wrapped (a panic in a
        // debug build). Here usize::MAX stands for it on any target.
        assert_eq!(u16_at(&[1, 2], usize::MAX), None);
        assert_eq!(u32_at(&[1, 2, 3, 4], usize::MAX - 1), None);
        let stream = record(0x0203, &[0, 0, 0, 0]);
        assert_eq!(scan_from(&stream, usize::MAX - 1, true), Ok(Vec::new()));
        let mut boundsheet = record(0x0085, &u32::MAX.to_le_bytes());
        boundsheet.extend(record(0x000A, &[]));
        assert_eq!(
            scan_biff(&boundsheet),
            Err(damaged(
                "a sheet starts past the end of the workbook stream"
            ))
        );
    }
}
