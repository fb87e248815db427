//! A sheet under construction ([`Builder`]): its title row naming the county and year, merged
//! rows, paragraphs and header rows (repeated on every printed page), each row as tall as its
//! wrapped text; and the names of the sheets.

use super::cells::{bold, covered, empty, plain, small, wrapped_height, Styled};
use crate::dossier::labels;
use crate::dossier::model::Dossier;
use crate::xlsx_writer::{Cell, FontSize, Merge, Sheet};
use crate::Lang;

/// The sheet names, in order (each at most 31 characters, as Excel requires).
pub fn sheet_name(lang: Lang, which: &str) -> String {
    match (which, lang) {
        ("summary", Lang::Zh) => "封面与结论".into(),
        ("summary", Lang::En) => "Summary".into(),
        ("overview", Lang::Zh) => "表1 学校基本情况".into(),
        ("overview", Lang::En) => "Table 1 Schools".into(),
        ("cv", Lang::Zh) => "表2 差异系数".into(),
        ("cv", Lang::En) => "Table 2 CVs".into(),
        ("schools-primary", Lang::Zh) => "表3 小学学校达标".into(),
        ("schools-primary", Lang::En) => "Table 3 Primary schools".into(),
        ("schools-junior", Lang::Zh) => "表3 初中学校达标".into(),
        ("schools-junior", Lang::En) => "Table 3 Junior schools".into(),
        ("shortfalls", Lang::Zh) => "表4 缺口与方案".into(),
        ("shortfalls", Lang::En) => "Table 4 Shortfalls".into(),
        ("government", Lang::Zh) => "表5 政府保障程度".into(),
        ("government", Lang::En) => "Table 5 Government".into(),
        ("quality", Lang::Zh) => "表6 教育质量".into(),
        ("quality", Lang::En) => "Table 6 Quality".into(),
        ("recognition", Lang::Zh) => "认定结果".into(),
        ("recognition", Lang::En) => "Recognition".into(),
        ("notes", Lang::Zh) => "说明".into(),
        ("notes", Lang::En) => "Notes".into(),
        (_, Lang::Zh) => "附录 研究指标".into(),
        (_, Lang::En) => "Appendix Research".into(),
    }
}

/// A sheet under construction: rows, merges and heights, with a title row first.
pub(super) struct Builder {
    pub(super) sheet: Sheet,
    pub(super) width: usize,
}

impl Builder {
    /// A sheet titled `title` (merged over `widths.len()` columns), then the county and year.
    pub(super) fn new(
        name: String,
        title: &str,
        d: &Dossier,
        lang: Lang,
        widths: &[f64],
    ) -> Builder {
        let mut b = Builder {
            sheet: Sheet::new(name, Vec::new()),
            width: widths.len(),
        };
        b.sheet.widths = widths.iter().map(|w| Some(*w)).collect();
        let heading = match lang {
            Lang::Zh => format!(
                "{}　{}　{}年",
                title,
                labels::county_name(d),
                labels::year(d)
            ),
            Lang::En => format!(
                "{} — {}, {}",
                title,
                labels::county_name(d),
                labels::year(d)
            ),
        };
        b.merged_row(bold(heading, FontSize::Title), Some(24.0));
        b
    }

    pub(super) fn total_width(&self, from: usize) -> f64 {
        self.sheet.widths[from..].iter().flatten().sum()
    }

    pub(super) fn push(&mut self, cells: Vec<Styled>, height: Option<f64>) {
        let (cells, styles) = cells.into_iter().unzip();
        self.sheet.rows.push(cells);
        self.sheet.styles.push(styles);
        self.sheet.heights.push(height);
    }

    /// One cell merged across the sheet's width.
    pub(super) fn merged_row(&mut self, cell: Styled, height: Option<f64>) {
        let row = self.sheet.rows.len();
        let mut cells = vec![cell];
        let bordered = cells[0].1.border;
        for _ in 1..self.width {
            cells.push(if bordered { covered(false) } else { empty() });
        }
        self.push(cells, height);
        if self.width > 1 {
            self.sheet.merges.push(Merge {
                first_row: row,
                first_col: 0,
                last_row: row,
                last_col: self.width - 1,
            });
        }
    }

    /// A wrapped paragraph across the sheet, as tall as its text.
    pub(super) fn paragraph(&mut self, text: String, size: FontSize) {
        let points = if size == FontSize::Small { 9.0 } else { 11.0 };
        let height = wrapped_height(&text, self.total_width(0), points);
        let cell = if size == FontSize::Small {
            small(text)
        } else {
            plain(text)
        };
        self.merged_row(cell, Some(height));
    }

    pub(super) fn blank(&mut self) {
        self.push(Vec::new(), None);
    }

    /// A header row; remembered as the rows to repeat on every printed page when `repeat`.
    pub(super) fn header_row(&mut self, cells: Vec<Styled>, repeat: bool) {
        let row = self.sheet.rows.len();
        let tallest = cells
            .iter()
            .zip(&self.sheet.widths)
            .map(|(c, w)| match c {
                (Cell::Text(t), _) => wrapped_height(t, w.unwrap_or(8.0), 11.0),
                _ => 15.0,
            })
            .fold(15.0, f64::max);
        self.push(cells, Some(tallest));
        if repeat {
            self.sheet.repeat_rows = Some(match self.sheet.repeat_rows {
                Some((first, _)) => (first, row),
                None => (row, row),
            });
        }
    }

    /// A data row, as tall as its longest wrapped text.
    pub(super) fn data_row(&mut self, cells: Vec<Styled>) {
        let tallest = cells
            .iter()
            .zip(&self.sheet.widths)
            .map(|(c, w)| match c {
                (Cell::Text(t), _) => wrapped_height(t, w.unwrap_or(8.0), 11.0),
                _ => 15.0,
            })
            .fold(15.0, f64::max);
        self.push(cells, Some(tallest));
    }

    pub(super) fn finish(self) -> Sheet {
        self.sheet
    }
}
