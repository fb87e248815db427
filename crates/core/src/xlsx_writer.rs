//! A small `.xlsx` writer: a workbook of sheets with inline strings and numbers, cell styles
//! (number formats, bold and title fonts, alignment, wrap, borders, a header fill), merged
//! cells, column widths, row heights, a frozen header, and A4 print settings (orientation,
//! fit to width, rows repeated on every page, a 第 x 页 共 y 页 footer), in a zip whose entries
//! are stored (not compressed). Enough for the page's template and the dossier to open in
//! Excel and WPS ready to print or paste, with no zip or spreadsheet crate in the page's bundle
//! (rust_xlsxwriter would add about 401 KB gzipped).
//!
//! The zip format (PKWARE APPNOTE 6.3): for each file a local header and the bytes, then a
//! central directory listing them, then the end-of-central-directory record. Stored entries need
//! only the CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), computed by [`crate::crc32`].
//! The spreadsheet parts follow ECMA-376 Part 1 (SpreadsheetML), in the element order its schema
//! requires.

mod styles;

pub use crate::crc32::crc32;
pub use styles::{Align, FontSize, Style, StyleSheet};

/// A cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, written as an inline string.
    Text(String),
    /// A number, written as a numeric cell (non-finite numbers are left empty).
    Number(f64),
    /// Nothing: no cell is written, unless it has a style (a border under a merged range).
    Empty,
}

/// A rectangle of cells merged into one, 0-based and inclusive: rows `first_row..=last_row`,
/// columns `first_col..=last_col`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// First row.
    pub first_row: usize,
    /// First column.
    pub first_col: usize,
    /// Last row.
    pub last_row: usize,
    /// Last column.
    pub last_col: usize,
}

/// A sheet: its name (at most 31 characters in Excel), its rows, and how it is laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Tab name.
    pub name: String,
    /// Rows of cells, from the first row.
    pub rows: Vec<Vec<Cell>>,
    /// The style of each cell, in the shape of `rows`; a cell without one has the default.
    pub styles: Vec<Vec<Style>>,
    /// Merged ranges.
    pub merges: Vec<Merge>,
    /// Column widths in characters, from column A; `None` keeps the default.
    pub widths: Vec<Option<f64>>,
    /// Row heights in points, by row index; `None` lets Excel choose.
    pub heights: Vec<Option<f64>>,
    /// Rows frozen at the top when scrolling.
    pub frozen_rows: usize,
    /// Rows printed at the top of every page (0-based, inclusive), e.g. a table's header.
    pub repeat_rows: Option<(usize, usize)>,
    /// Print in landscape.
    pub landscape: bool,
}

impl Sheet {
    /// A sheet of plain rows, with no layout.
    pub fn new(name: impl Into<String>, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            name: name.into(),
            rows,
            styles: Vec::new(),
            merges: Vec::new(),
            widths: Vec::new(),
            heights: Vec::new(),
            frozen_rows: 0,
            repeat_rows: None,
            landscape: false,
        }
    }

    /// Whether the sheet asks for any print or view setting beyond the plain rows.
    fn has_layout(&self) -> bool {
        !self.merges.is_empty()
            || !self.widths.is_empty()
            || self.frozen_rows > 0
            || self.repeat_rows.is_some()
            || self.landscape
    }
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

/// A cell reference such as `B3` of 0-based row and column.
fn cell_ref(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// The worksheet XML of `sheet`, registering its cells' styles in `styles`.
fn sheet_xml(sheet: &Sheet, styles: &mut StyleSheet) -> String {
    let mut xml = format!(r#"{XML_DECL}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">"#);
    let laid_out = sheet.has_layout();
    if laid_out {
        // Fit every column on the page's width; as many pages down as needed.
        xml.push_str(r#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#);
    }
    if sheet.frozen_rows > 0 {
        let n = sheet.frozen_rows;
        xml.push_str(&format!(
            r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="{n}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
            n + 1
        ));
    }
    if sheet.widths.iter().any(Option::is_some) {
        xml.push_str("<cols>");
        for (c, width) in sheet.widths.iter().enumerate() {
            if let Some(w) = width {
                let n = c + 1;
                xml.push_str(&format!(
                    r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#
                ));
            }
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        match sheet.heights.get(r).copied().flatten() {
            Some(h) => xml.push_str(&format!(r#"<row r="{}" ht="{h}" customHeight="1">"#, r + 1)),
            None => xml.push_str(&format!(r#"<row r="{}">"#, r + 1)),
        }
        for (c, cell) in row.iter().enumerate() {
            let at = cell_ref(r, c);
            let style = sheet
                .styles
                .get(r)
                .and_then(|row| row.get(c))
                .map_or(0, |style| styles.index(*style));
            let s = if style == 0 {
                String::new()
            } else {
                format!(r#" s="{style}""#)
            };
            match cell {
                Cell::Text(text) => xml.push_str(&format!(
                    r#"<c r="{at}"{s} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    xml_escape(text)
                )),
                Cell::Number(v) if v.is_finite() => {
                    xml.push_str(&format!(r#"<c r="{at}"{s}><v>{v}</v></c>"#))
                }
                _ if style != 0 => xml.push_str(&format!(r#"<c r="{at}"{s}/>"#)),
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    if !sheet.merges.is_empty() {
        xml.push_str(&format!(r#"<mergeCells count="{}">"#, sheet.merges.len()));
        for m in &sheet.merges {
            xml.push_str(&format!(
                r#"<mergeCell ref="{}:{}"/>"#,
                cell_ref(m.first_row, m.first_col),
                cell_ref(m.last_row, m.last_col)
            ));
        }
        xml.push_str("</mergeCells>");
    }
    if laid_out {
        let orientation = if sheet.landscape {
            "landscape"
        } else {
            "portrait"
        };
        // Margins in inches (about 15 mm and 18 mm); paper size 9 is A4.
        xml.push_str(r#"<pageMargins left="0.6" right="0.6" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>"#);
        xml.push_str(&format!(
            r#"<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>"#
        ));
        xml.push_str(
            "<headerFooter><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>",
        );
    }
    xml.push_str("</worksheet>");
    xml
}

/// A sheet name quoted for a formula: `'表1 学校'` (a quote inside is doubled).
fn quoted_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// The bytes of an `.xlsx` workbook holding `sheets`, in order.
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    let mut content_types = format!(
        r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    );
    let mut sheet_list = String::new();
    let mut sheet_rels = String::new();
    let mut defined_names = String::new();
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
        if let Some((first, last)) = sheet.repeat_rows {
            defined_names.push_str(&format!(
                r#"<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{}!${}:${}</definedName>"#,
                xml_escape(&quoted_sheet(&sheet.name)),
                first + 1,
                last + 1
            ));
        }
    }
    let styles_rel = sheets.len() + 1;
    sheet_rels.push_str(&format!(
        r#"<Relationship Id="rId{styles_rel}" Type="{REL_NS}/styles" Target="styles.xml"/>"#
    ));
    content_types.push_str("</Types>");
    let root_rels = format!(
        r#"{XML_DECL}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let defined_names = if defined_names.is_empty() {
        String::new()
    } else {
        format!("<definedNames>{defined_names}</definedNames>")
    };
    let workbook = format!(
        r#"{XML_DECL}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{sheet_list}</sheets>{defined_names}</workbook>"#
    );
    let workbook_rels =
        format!(r#"{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">{sheet_rels}</Relationships>"#);
    let mut styles = StyleSheet::new();
    let sheet_xmls: Vec<(String, String)> = sheets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                format!("xl/worksheets/sheet{}.xml", i + 1),
                sheet_xml(s, &mut styles),
            )
        })
        .collect();
    let styles_xml = styles.xml();
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/styles.xml", styles_xml.as_bytes()),
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
