//! A minimal `.xlsx` writer: one workbook of sheets with inline strings and numbers, in a zip
//! whose entries are stored (not compressed). Enough for a template Excel and WPS open, with no
//! zip or spreadsheet crate in the page's bundle.
//!
//! The zip format (PKWARE APPNOTE 6.3): for each file a local header and the bytes, then a
//! central directory listing them, then the end-of-central-directory record. Stored entries need
//! only the CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), computed by [`crate::crc32`].

pub use crate::crc32::crc32;

/// A cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, written as an inline string.
    Text(String),
    /// A number, written as a numeric cell (non-finite numbers are left empty).
    Number(f64),
    /// Nothing: no cell is written.
    Empty,
}

/// A sheet: its name (at most 31 characters in Excel) and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Tab name.
    pub name: String,
    /// Rows of cells, from the first row.
    pub rows: Vec<Vec<Cell>>,
}

/// MS-DOS date of 2023-01-01 00:00 (zip timestamps; fixed so the bytes are reproducible).
const DOS_DATE: u16 = ((2023 - 1980) << 9) | (1 << 5) | 1;

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A zip archive of `files` (name, bytes), every entry stored. Names are UTF-8 (flag bit 11).
/// Sizes must fit in 32 bits (no ZIP64): a template is a few kilobytes.
pub fn zip_stored(files: &[(&str, &[u8])]) -> Vec<u8> {
    const UTF8_NAMES: u16 = 1 << 11;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, 20); // version needed: 2.0
        put16(&mut out, UTF8_NAMES);
        put16(&mut out, 0); // method: stored
        put16(&mut out, 0); // time 00:00
        put16(&mut out, DOS_DATE);
        put32(&mut out, crc);
        put32(&mut out, size);
        put32(&mut out, size);
        put16(&mut out, name.len() as u16);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // version made by: 2.0, MS-DOS
        put16(&mut central, 20);
        put16(&mut central, UTF8_NAMES);
        put16(&mut central, 0);
        put16(&mut central, 0);
        put16(&mut central, DOS_DATE);
        put32(&mut central, crc);
        put32(&mut central, size);
        put32(&mut central, size);
        put16(&mut central, name.len() as u16);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, files.len() as u16);
    put16(&mut out, files.len() as u16);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}

/// `text` escaped for XML character data and attribute values; characters XML 1.0 forbids
/// (control characters other than tab and line breaks) are dropped.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Column letters of the 0-based column `index`: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The worksheet XML of `rows`.
fn sheet_xml(rows: &[Vec<Cell>]) -> String {
    let mut xml = format!(r#"{XML_DECL}<worksheet xmlns="{MAIN_NS}"><sheetData>"#);
    for (r, row) in rows.iter().enumerate() {
        let line = r + 1;
        xml.push_str(&format!(r#"<row r="{line}">"#));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{line}", column_letters(c));
            match cell {
                Cell::Text(text) => xml.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    xml_escape(text)
                )),
                Cell::Number(v) if v.is_finite() => {
                    xml.push_str(&format!(r#"<c r="{at}"><v>{v}</v></c>"#))
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// The bytes of an `.xlsx` workbook holding `sheets`, in order.
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    let mut content_types = format!(
        r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    );
    let mut sheet_list = String::new();
    let mut sheet_rels = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        content_types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet_type}"/>"#
        ));
        sheet_list.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            xml_escape(&sheet.name)
        ));
        sheet_rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
    }
    content_types.push_str("</Types>");
    let root_rels = format!(
        r#"{XML_DECL}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"{XML_DECL}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{sheet_list}</sheets></workbook>"#
    );
    let workbook_rels =
        format!(r#"{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">{sheet_rels}</Relationships>"#);
    let sheet_xmls: Vec<(String, String)> = sheets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                format!("xl/worksheets/sheet{}.xml", i + 1),
                sheet_xml(&s.rows),
            )
        })
        .collect();
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
    ];
    for (name, xml) in &sheet_xmls {
        files.push((name, xml.as_bytes()));
    }
    zip_stored(&files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_roll_over() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            xml_escape("a<b>&\"c'\u{1}\td"),
            "a&lt;b&gt;&amp;&quot;c&apos;\td"
        );
    }

    #[test]
    fn zip_layout_is_what_readers_expect() {
        let zip = zip_stored(&[("a.txt", b"hello"), ("目录/b.txt", b"")]);
        assert!(zip.starts_with(b"PK\x03\x04"));
        // End of central directory: 22 bytes, 2 entries.
        let end = &zip[zip.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
        let central_size = u32::from_le_bytes(end[12..16].try_into().unwrap()) as usize;
        let central_offset = u32::from_le_bytes(end[16..20].try_into().unwrap()) as usize;
        assert_eq!(central_offset + central_size, zip.len() - 22);
        assert_eq!(&zip[central_offset..central_offset + 4], b"PK\x01\x02");
        // The first entry's CRC and the stored bytes.
        assert_eq!(
            u32::from_le_bytes(zip[14..18].try_into().unwrap()),
            crc32(b"hello")
        );
        assert_eq!(&zip[30 + 5..30 + 10], b"hello");
    }
}
