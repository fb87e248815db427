//! Cell styles of the workbook writer: number formats, bold and title fonts, alignment, wrap,
//! thin borders and a header fill, written as `xl/styles.xml` (ECMA-376 Part 1, §18.8).
//!
//! A style is a small value ([`Style`]); the writer collects the distinct styles a workbook
//! uses ([`StyleSheet::index`]) and writes one `cellXfs` entry for each. Style 0 is the
//! default (General, no border), so plain cells need no `s` attribute.

use super::xml_escape;

/// Horizontal alignment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Align {
    /// Excel's default: text left, numbers right.
    #[default]
    General,
    /// Left.
    Left,
    /// Centred.
    Center,
    /// Right.
    Right,
}

/// Font size of a cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FontSize {
    /// 11 pt.
    #[default]
    Normal,
    /// 9 pt, for notes.
    Small,
    /// 12 pt, for sub-headings.
    Heading,
    /// 16 pt, for the title row.
    Title,
}

impl FontSize {
    fn points(self) -> u32 {
        match self {
            FontSize::Normal => 11,
            FontSize::Small => 9,
            FontSize::Heading => 12,
            FontSize::Title => 16,
        }
    }
}

/// How a cell looks. `Style::default()` is Excel's default cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Style {
    /// Number format code (`#,##0`, `0.000`); `None` for General.
    pub format: Option<&'static str>,
    /// Bold font.
    pub bold: bool,
    /// Font size.
    pub size: FontSize,
    /// Horizontal alignment.
    pub align: Align,
    /// Wrap text in the cell.
    pub wrap: bool,
    /// Thin border on all four sides.
    pub border: bool,
    /// Light grey fill (table headers).
    pub fill: bool,
}

/// The distinct styles of a workbook, in order of first use; index 0 is the default.
#[derive(Clone, Debug, Default)]
pub struct StyleSheet {
    styles: Vec<Style>,
}

/// The font used throughout: 宋体 (SimSun) is on every Chinese Windows and in WPS.
const FONT: &str = "宋体";

impl StyleSheet {
    /// An empty style sheet holding only the default style.
    pub fn new() -> StyleSheet {
        StyleSheet {
            styles: vec![Style::default()],
        }
    }

    /// The `cellXfs` index of `style`, adding it when new.
    pub fn index(&mut self, style: Style) -> usize {
        if let Some(i) = self.styles.iter().position(|s| *s == style) {
            return i;
        }
        self.styles.push(style);
        self.styles.len() - 1
    }

    /// The `xl/styles.xml` part.
    pub fn xml(&self) -> String {
        let mut formats: Vec<&'static str> = Vec::new();
        let mut fonts: Vec<(bool, FontSize)> = vec![(false, FontSize::Normal)];
        for s in &self.styles {
            if let Some(f) = s.format {
                if !formats.contains(&f) {
                    formats.push(f);
                }
            }
            if !fonts.contains(&(s.bold, s.size)) {
                fonts.push((s.bold, s.size));
            }
        }
        // Custom number formats are numbered from 164 (ids below are built in).
        let format_id = |f: Option<&'static str>| {
            f.and_then(|f| formats.iter().position(|x| *x == f))
                .map_or(0, |i| 164 + i)
        };
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        );
        if !formats.is_empty() {
            xml.push_str(&format!(r#"<numFmts count="{}">"#, formats.len()));
            for (i, f) in formats.iter().enumerate() {
                xml.push_str(&format!(
                    r#"<numFmt numFmtId="{}" formatCode="{}"/>"#,
                    164 + i,
                    xml_escape(f)
                ));
            }
            xml.push_str("</numFmts>");
        }
        xml.push_str(&format!(r#"<fonts count="{}">"#, fonts.len()));
        for (bold, size) in &fonts {
            xml.push_str("<font>");
            if *bold {
                xml.push_str("<b/>");
            }
            xml.push_str(&format!(
                r#"<sz val="{}"/><name val="{FONT}"/><family val="3"/><charset val="134"/></font>"#,
                size.points()
            ));
        }
        xml.push_str("</fonts>");
        xml.push_str(r#"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>"#);
        xml.push_str(r#"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#);
        xml.push_str(r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#);
        xml.push_str(&format!(r#"<cellXfs count="{}">"#, self.styles.len()));
        for s in &self.styles {
            let font = fonts
                .iter()
                .position(|f| *f == (s.bold, s.size))
                .unwrap_or(0);
            let fill = if s.fill { 2 } else { 0 };
            let border = usize::from(s.border);
            xml.push_str(&format!(
                r#"<xf numFmtId="{}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">"#,
                format_id(s.format)
            ));
            let horizontal = match s.align {
                Align::General => None,
                Align::Left => Some("left"),
                Align::Center => Some("center"),
                Align::Right => Some("right"),
            };
            xml.push_str("<alignment");
            if let Some(h) = horizontal {
                xml.push_str(&format!(r#" horizontal="{h}""#));
            }
            xml.push_str(r#" vertical="center""#);
            if s.wrap {
                xml.push_str(r#" wrapText="1""#);
            }
            xml.push_str("/></xf>");
        }
        xml.push_str("</cellXfs>");
        xml.push_str(r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#);
        xml
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_numbered_once_and_formats_from_164() {
        let mut sheet = StyleSheet::new();
        let whole = Style {
            format: Some("#,##0"),
            border: true,
            ..Style::default()
        };
        let cv = Style {
            format: Some("0.000"),
            border: true,
            ..Style::default()
        };
        assert_eq!(sheet.index(Style::default()), 0);
        assert_eq!(sheet.index(whole), 1);
        assert_eq!(sheet.index(cv), 2);
        assert_eq!(sheet.index(whole), 1);
        let xml = sheet.xml();
        assert!(xml.contains(r##"<numFmt numFmtId="164" formatCode="#,##0"/>"##));
        assert!(xml.contains(r#"<numFmt numFmtId="165" formatCode="0.000"/>"#));
        assert!(xml.contains(r#"<cellXfs count="3">"#));
    }
}
