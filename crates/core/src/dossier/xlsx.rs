//! The dossier as an Excel workbook: one sheet per table, each with a title row naming the
//! county and year, Chinese headers with units, numbers as numeric cells with a display format
//! ([`Kind::excel_format`]: counts whole, areas and money 2 decimals, CVs 3), so it opens in
//! Excel or WPS ready to paste into the official forms, and prints on A4 with the header rows
//! repeated.

use super::labels::{self, failing_items, indicator_name, quality_cvs_text, t, Titles};
use super::model::*;
use crate::format::Kind;
use crate::names::school_type_name;
use crate::standards::SchoolType;
use crate::xlsx_writer::{workbook as write_workbook, Align, Cell, FontSize, Merge, Sheet, Style};

/// A cell and its style.
type Styled = (Cell, Style);
use crate::Lang;

/// The workbook's bytes.
pub fn workbook(d: &Dossier, lang: Lang) -> Vec<u8> {
    let mut sheets = vec![summary(d, lang), overview(d, lang), cv_sheet(d, lang)];
    for table in &d.school_tables {
        sheets.push(school_sheet(d, table, lang));
    }
    sheets.push(shortfall_sheet(d, lang));
    sheets.push(notes_sheet(d, lang));
    if let Some(research) = &d.research {
        sheets.push(research_sheet(d, research, lang));
    }
    write_workbook(&sheets)
}

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
        ("notes", Lang::Zh) => "说明".into(),
        ("notes", Lang::En) => "Notes".into(),
        (_, Lang::Zh) => "附录 研究指标".into(),
        (_, Lang::En) => "Appendix Research".into(),
    }
}

// ---- cells ------------------------------------------------------------------------------

fn style(format: Option<&'static str>, align: Align) -> Style {
    Style {
        format,
        border: true,
        align,
        wrap: true,
        ..Style::default()
    }
}

/// A bordered text cell.
fn text(value: impl Into<String>) -> Styled {
    (Cell::Text(value.into()), style(None, Align::Left))
}

/// A bordered, centred text cell.
fn centred(value: impl Into<String>) -> Styled {
    (Cell::Text(value.into()), style(None, Align::Center))
}

/// A bordered number with the display format of its kind; "—" when undefined.
fn num(value: Option<f64>, kind: Kind) -> Styled {
    match value.filter(|v| v.is_finite()) {
        Some(v) => (
            Cell::Number(v),
            style(Some(kind.excel_format()), Align::Right),
        ),
        None => (Cell::Text("—".into()), style(None, Align::Center)),
    }
}

/// Nothing, unstyled.
fn empty() -> Styled {
    (Cell::Empty, Style::default())
}

fn count(value: f64) -> Styled {
    num(Some(value), Kind::Count)
}

/// A table header cell: bold, centred, wrapped, grey.
fn header(value: impl Into<String>) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            bold: true,
            fill: true,
            ..style(None, Align::Center)
        },
    )
}

/// A bordered empty cell (under a merged header).
fn covered(fill: bool) -> Styled {
    (
        Cell::Empty,
        Style {
            fill,
            ..style(None, Align::Center)
        },
    )
}

fn bold(value: impl Into<String>, size: FontSize) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            bold: true,
            size,
            align: Align::Left,
            ..Style::default()
        },
    )
}

fn plain(value: impl Into<String>) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            wrap: true,
            align: Align::Left,
            ..Style::default()
        },
    )
}

fn small(value: impl Into<String>) -> Styled {
    (
        Cell::Text(value.into()),
        Style {
            wrap: true,
            size: FontSize::Small,
            align: Align::Left,
            ..Style::default()
        },
    )
}

/// Display width of a text in character cells: CJK and full-width characters take two.
fn text_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// Height in points of `text` wrapped in `width` character cells at `points`.
fn wrapped_height(text: &str, width: f64, points: f64) -> f64 {
    let lines = (text_width(text) as f64 / width.max(1.0)).ceil().max(1.0);
    lines * points * 1.35
}

/// A sheet under construction: rows, merges and heights, with a title row first.
struct Builder {
    sheet: Sheet,
    width: usize,
}

impl Builder {
    /// A sheet titled `title` (merged over `widths.len()` columns), then the county and year.
    fn new(name: String, title: &str, d: &Dossier, lang: Lang, widths: &[f64]) -> Builder {
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

    fn total_width(&self, from: usize) -> f64 {
        self.sheet.widths[from..].iter().flatten().sum()
    }

    fn push(&mut self, cells: Vec<Styled>, height: Option<f64>) {
        let (cells, styles) = cells.into_iter().unzip();
        self.sheet.rows.push(cells);
        self.sheet.styles.push(styles);
        self.sheet.heights.push(height);
    }

    /// One cell merged across the sheet's width.
    fn merged_row(&mut self, cell: Styled, height: Option<f64>) {
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
    fn paragraph(&mut self, text: String, size: FontSize) {
        let points = if size == FontSize::Small { 9.0 } else { 11.0 };
        let height = wrapped_height(&text, self.total_width(0), points);
        let cell = if size == FontSize::Small {
            small(text)
        } else {
            plain(text)
        };
        self.merged_row(cell, Some(height));
    }

    fn blank(&mut self) {
        self.push(Vec::new(), None);
    }

    /// A header row; remembered as the rows to repeat on every printed page when `repeat`.
    fn header_row(&mut self, cells: Vec<Styled>, repeat: bool) {
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
    fn data_row(&mut self, cells: Vec<Styled>) {
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

    fn finish(self) -> Sheet {
        self.sheet
    }
}

fn result_text(lang: Lang, pass: Option<bool>, borderline: bool) -> String {
    match pass {
        None => "—".into(),
        Some(ok) if borderline => match lang {
            Lang::Zh => format!("{}（临界）", labels::pass(lang, ok)),
            Lang::En => format!("{} (borderline)", labels::pass(lang, ok)),
        },
        Some(ok) => labels::pass(lang, ok).into(),
    }
}

// ---- sheets -----------------------------------------------------------------------------

fn summary(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [10.0, 11.0, 11.0, 15.0, 10.0, 15.0, 11.0, 11.0];
    let mut b = Builder {
        sheet: Sheet::new(sheet_name(lang, "summary"), Vec::new()),
        width: widths.len(),
    };
    b.sheet.widths = widths.iter().map(|w| Some(*w)).collect();
    b.merged_row(bold(labels::title(d, lang), FontSize::Title), Some(28.0));
    b.paragraph(labels::subtitle(lang).to_string(), FontSize::Small);
    b.blank();
    let ident = labels::identity(lang);
    let unit = d
        .county
        .unit
        .as_ref()
        .map_or_else(|| labels::BLANK.to_string(), |f| f.value.clone());
    let scope = labels::scope_body(d, lang);
    let values = [
        labels::county_name(d),
        labels::year(d),
        unit,
        labels::data_source(d, lang),
        scope,
    ];
    for (label, value) in ident.iter().zip(values) {
        let row = b.sheet.rows.len();
        let height = wrapped_height(&value, b.total_width(1), 11.0)
            .max(wrapped_height(label, widths[0], 11.0));
        let mut cells = vec![header(*label), text(value)];
        cells.extend((2..b.width).map(|_| covered(false)));
        b.push(cells, Some(height));
        b.sheet.merges.push(Merge {
            first_row: row,
            first_col: 1,
            last_row: row,
            last_col: b.width - 1,
        });
    }
    b.blank();
    b.header_row(
        labels::verdict_headers(lang)
            .iter()
            .map(|h| header(*h))
            .collect(),
        false,
    );
    for level in &d.levels {
        let basic = level.basic.as_ref();
        let quality = level.quality.as_ref();
        let cvs = quality.map_or_else(|| "—".to_string(), |q| quality_cvs_text(lang, q));
        b.data_row(vec![
            centred(labels::level(lang, level.level)),
            count(level.schools as f64),
            count(level.students),
            num(basic.and_then(|v| v.composite_cv), Kind::Cv),
            centred(basic.map_or_else(
                || "—".to_string(),
                |v| result_text(lang, Some(v.pass), v.borderline),
            )),
            text(cvs),
            centred(quality.map_or_else(
                || "—".to_string(),
                |q| format!("{} / {}", q.schools_passing, q.schools),
            )),
            centred(quality.map_or_else(
                || "—".to_string(),
                |q| result_text(lang, Some(q.pass), !q.borderline_cvs.is_empty()),
            )),
        ]);
    }
    b.blank();
    b.merged_row(
        bold(t(lang, "未达标事项", "What fails"), FontSize::Heading),
        None,
    );
    let items = failing_items(d, lang);
    if items.is_empty() {
        b.paragraph(
            t(
                lang,
                "无：两项标准在各学段均达标。",
                "None: both standards pass at every level.",
            )
            .into(),
            FontSize::Normal,
        );
    }
    for item in items {
        b.paragraph(format!("• {item}"), FontSize::Normal);
    }
    b.blank();
    let [filled, checked, seal, date] = labels::signatures(lang);
    let date_blank = t(lang, "　　　　年　　月　　日", "");
    b.push(
        vec![
            bold(filled, FontSize::Normal),
            empty(),
            empty(),
            bold(checked, FontSize::Normal),
            empty(),
            bold(seal, FontSize::Normal),
            empty(),
            empty(),
        ],
        Some(30.0),
    );
    b.push(
        vec![
            bold(date, FontSize::Normal),
            (
                Cell::Text(date_blank.to_string()),
                Style {
                    align: Align::Left,
                    ..Style::default()
                },
            ),
        ],
        Some(30.0),
    );
    // The date's blank spans three columns, unwrapped.
    let row = b.sheet.rows.len() - 1;
    b.sheet.merges.push(Merge {
        first_row: row,
        first_col: 1,
        last_row: row,
        last_col: 3,
    });
    b.sheet.landscape = false;
    b.finish()
}

fn overview(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [20.0, 11.0, 14.0, 14.0, 12.0, 14.0];
    let mut b = Builder::new(
        sheet_name(lang, "overview"),
        Titles::overview(lang),
        d,
        lang,
        &widths,
    );
    b.header_row(
        labels::overview_headers(lang)
            .iter()
            .map(|h| header(*h))
            .collect(),
        true,
    );
    let row_cells = |r: &TypeRow| -> Vec<Styled> {
        let name = match lang {
            Lang::Zh => r.name_zh.clone(),
            Lang::En => r.name_en.clone(),
        };
        vec![
            text(name),
            count(r.schools as f64),
            count(r.students_primary),
            count(r.students_junior),
            num(r.classes, Kind::Count),
            num(r.teachers, Kind::Count),
        ]
    };
    for r in &d.overview.rows {
        b.data_row(row_cells(r));
    }
    let total: Vec<Styled> = row_cells(&d.overview.total)
        .into_iter()
        .map(|(c, s)| (c, Style { bold: true, ..s }))
        .collect();
    b.data_row(total);
    b.paragraph(labels::overview_note(lang).into(), FontSize::Small);
    b.blank();
    let excluded = &d.overview.excluded;
    b.merged_row(
        bold(
            match lang {
                Lang::Zh => format!("{}（{} 所）", Titles::excluded(lang), excluded.len()),
                Lang::En => format!("{} ({})", Titles::excluded(lang), excluded.len()),
            },
            FontSize::Heading,
        ),
        None,
    );
    if excluded.is_empty() {
        b.paragraph(labels::none(lang).into(), FontSize::Normal);
    } else {
        let heads = labels::excluded_headers(lang);
        // Five headings over six columns: the reason spans the last two.
        let row = b.sheet.rows.len();
        let mut cells: Vec<Styled> = heads.iter().map(|h| header(*h)).collect();
        cells.push(covered(true));
        b.header_row(cells, false);
        b.sheet.merges.push(Merge {
            first_row: row,
            first_col: 4,
            last_row: row,
            last_col: 5,
        });
        for (k, e) in excluded.iter().enumerate() {
            let row = b.sheet.rows.len();
            let school_type = SchoolType::from_id(&e.school_type)
                .map_or(e.school_type.as_str(), |t| school_type_name(t, lang));
            let reason = match lang {
                Lang::Zh => e.text.zh.clone(),
                Lang::En => e.text.en.clone(),
            };
            b.data_row(vec![
                count((k + 1) as f64),
                text(e.name.clone()),
                count(e.line as f64),
                text(school_type),
                text(reason),
                covered(false),
            ]);
            b.sheet.merges.push(Merge {
                first_row: row,
                first_col: 4,
                last_row: row,
                last_col: 5,
            });
        }
    }
    b.sheet.frozen_rows = 2;
    b.finish()
}

fn cv_sheet(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [34.0, 12.0, 8.0, 13.0, 13.0, 10.0, 8.0, 14.0];
    let mut b = Builder::new(sheet_name(lang, "cv"), Titles::cv(lang), d, lang, &widths);
    for table in &d.cv_tables {
        b.merged_row(
            bold(
                labels::cv_table_heading(
                    lang,
                    table.level,
                    &table.standard,
                    table.schools,
                    table.students,
                ),
                FontSize::Heading,
            ),
            Some(20.0),
        );
        b.header_row(
            labels::cv_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect(),
            false,
        );
        for row in &table.rows {
            let unit = match lang {
                Lang::Zh => row.unit_zh.clone(),
                Lang::En => row.unit_en.clone(),
            };
            b.data_row(vec![
                text(indicator_name(lang, &row.indicator)),
                centred(unit),
                count(row.n as f64),
                num(row.mean, row.kind),
                num(row.std, row.kind),
                num(row.cv, Kind::Cv),
                match row.cv_max {
                    Some(m) => num(Some(m), Kind::Cv),
                    None => centred("—"),
                },
                centred(result_text(lang, row.pass, row.borderline)),
            ]);
        }
        let judged = table.composite.max.is_some();
        b.data_row(vec![
            (
                Cell::Text(labels::composite(lang, judged, table.rows.len())),
                Style {
                    bold: judged,
                    ..style(None, Align::Left)
                },
            ),
            covered(false),
            covered(false),
            covered(false),
            covered(false),
            num(table.composite.cv, Kind::Cv),
            match table.composite.max {
                Some(m) => num(Some(m), Kind::Cv),
                None => centred("—"),
            },
            centred(result_text(
                lang,
                table.composite.pass,
                table.composite.borderline,
            )),
        ]);
        b.merged_row(
            small(match lang {
                Lang::Zh => format!("结论：{}。{}", labels::pass(lang, table.pass), table.source),
                Lang::En => format!(
                    "Verdict: {}. {}",
                    labels::pass(lang, table.pass),
                    table.source
                ),
            }),
            None,
        );
        b.blank();
    }
    b.finish()
}

fn school_sheet(d: &Dossier, table: &SchoolTable, lang: Lang) -> Sheet {
    let which = match table.level {
        crate::standards::Level::Primary => "schools-primary",
        crate::standards::Level::Junior => "schools-junior",
    };
    let (before, after) = labels::school_headers(lang);
    let sub = labels::school_sub_headers(lang);
    let mut widths = vec![6.0, 24.0, 9.0];
    for _ in &table.indicators {
        widths.extend([9.0, 8.0, 8.0, 7.0]);
    }
    widths.extend([8.0, 9.0]);
    let mut b = Builder::new(
        sheet_name(lang, which),
        Titles::schools(lang),
        d,
        lang,
        &widths,
    );
    b.merged_row(
        bold(
            labels::school_table_heading(lang, table.level, table.passing, table.rows.len()),
            FontSize::Heading,
        ),
        Some(20.0),
    );
    let first = b.sheet.rows.len();
    let mut top: Vec<Styled> = before.iter().map(|h| header(*h)).collect();
    let mut second: Vec<Styled> = before.iter().map(|_| covered(true)).collect();
    for (k, c) in table.indicators.iter().enumerate() {
        let unit = match lang {
            Lang::Zh => c.unit_zh.clone(),
            Lang::En => c.unit_en.clone(),
        };
        let name = match lang {
            Lang::Zh => format!("{}（{unit}）", c.indicator.name_zh),
            Lang::En => format!("{} ({unit})", c.indicator.name_en),
        };
        top.push(header(name));
        top.extend((0..3).map(|_| covered(true)));
        second.extend(sub.iter().map(|h| header(*h)));
        let col = before.len() + 4 * k;
        b.sheet.merges.push(Merge {
            first_row: first,
            first_col: col,
            last_row: first,
            last_col: col + 3,
        });
    }
    top.extend(after.iter().map(|h| header(*h)));
    second.extend(after.iter().map(|_| covered(true)));
    let last_col = top.len() - 1;
    for c in (0..before.len()).chain(last_col - 1..=last_col) {
        b.sheet.merges.push(Merge {
            first_row: first,
            first_col: c,
            last_row: first + 1,
            last_col: c,
        });
    }
    // The indicator names are long: the top header row is sized for them over four columns.
    let longest = table
        .indicators
        .iter()
        .map(|c| text_width(&c.indicator.name_zh) + 12)
        .max()
        .unwrap_or(10);
    b.push(
        top,
        Some(wrapped_height(&"字".repeat(longest / 2), 32.0, 11.0)),
    );
    b.push(second, Some(30.0));
    b.sheet.repeat_rows = Some((first, first + 1));
    let yes_no = |r: Option<bool>| match (r, lang) {
        (Some(true), Lang::Zh) => "是",
        (Some(false), Lang::Zh) => "否",
        (None, Lang::Zh) => "缺数据",
        (Some(true), Lang::En) => "yes",
        (Some(false), Lang::En) => "no",
        (None, Lang::En) => "missing",
    };
    for (k, row) in table.rows.iter().enumerate() {
        let mut cells = vec![
            count((k + 1) as f64),
            text(row.name.clone()),
            count(row.students),
        ];
        for (i, c) in table.indicators.iter().enumerate() {
            cells.push(num(row.values[i], c.kind));
            cells.push(num(Some(c.standard), c.kind));
            cells.push(num(Some(c.floor), c.kind));
            cells.push(centred(yes_no(row.reached[i])));
        }
        cells.push(count(row.met as f64));
        cells.push(centred(labels::pass(lang, row.passes)));
        b.data_row(cells);
    }
    b.sheet.frozen_rows = first + 2;
    b.sheet.landscape = true;
    b.finish()
}

fn shortfall_sheet(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [24.0, 7.0, 30.0, 11.0, 11.0, 13.0, 8.0, 10.0, 10.0];
    let mut b = Builder::new(
        sheet_name(lang, "shortfalls"),
        Titles::shortfalls(lang),
        d,
        lang,
        &widths,
    );
    let [schools_part, totals_part, plans_part] = labels::shortfall_parts(lang);
    for table in &d.shortfalls {
        let level = labels::level(lang, table.level);
        b.merged_row(bold(level, FontSize::Heading), Some(20.0));
        b.merged_row(bold(schools_part, FontSize::Normal), None);
        if table.schools.is_empty() {
            b.paragraph(labels::none(lang).into(), FontSize::Normal);
        } else {
            let mut heads: Vec<Styled> = labels::shortfall_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect();
            heads.push(covered(true));
            b.header_row(heads, false);
            for s in &table.schools {
                for item in &s.items {
                    b.data_row(vec![
                        text(s.name.clone()),
                        count(s.line as f64),
                        text(indicator_name(lang, &item.indicator)),
                        num(Some(item.value), item.kind),
                        num(Some(item.standard), item.kind),
                        num(
                            Some(item.shortfall),
                            Kind::of_amount(&item.unit, item.shortfall),
                        ),
                        centred(labels::unit(lang, &item.unit)),
                        centred(labels::pass(lang, s.passes)),
                        covered(false),
                    ]);
                }
            }
        }
        b.merged_row(bold(totals_part, FontSize::Normal), None);
        if table.totals.is_empty() {
            b.paragraph(labels::none(lang).into(), FontSize::Normal);
        } else {
            b.header_row(
                labels::totals_headers(lang)
                    .iter()
                    .map(|h| header(*h))
                    .collect(),
                false,
            );
            for total in &table.totals {
                b.data_row(vec![
                    text(indicator_name(lang, &total.indicator)),
                    count(total.schools as f64),
                    num(Some(total.total), Kind::of_amount(&total.unit, total.total)),
                    num(
                        Some(total.total_failing),
                        Kind::of_amount(&total.unit, total.total_failing),
                    ),
                    centred(labels::unit(lang, &total.unit)),
                ]);
            }
        }
        b.merged_row(bold(plans_part, FontSize::Normal), None);
        if table.plans.is_empty() {
            b.paragraph(
                t(
                    lang,
                    "无：各项差异系数均在限值以内。",
                    "None: every CV is within its limit.",
                )
                .into(),
                FontSize::Normal,
            );
        } else {
            b.header_row(
                labels::plan_headers(lang)
                    .iter()
                    .map(|h| header(*h))
                    .collect(),
                false,
            );
            for p in &table.plans {
                b.data_row(vec![
                    text(labels::standard_short(lang, &p.standard)),
                    text(indicator_name(lang, &p.indicator)),
                    num(Some(p.cv_before), Kind::Cv),
                    num(Some(p.target), Kind::Cv),
                    num(Some(p.floor), p.kind),
                    num(Some(p.cv_after), Kind::Cv),
                    count(p.schools as f64),
                    num(Some(p.cost), Kind::of_amount(&p.unit, p.cost)),
                    centred(labels::unit(lang, &p.unit)),
                ]);
            }
        }
        b.blank();
    }
    b.finish()
}

fn notes_sheet(d: &Dossier, lang: Lang) -> Sheet {
    let widths = [24.0, 8.0, 28.0, 40.0];
    let mut b = Builder::new(
        sheet_name(lang, "notes"),
        Titles::notes(lang),
        d,
        lang,
        &widths,
    );
    let pick = |t: &crate::standards::report::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    b.paragraph(pick(&d.scope), FontSize::Normal);
    for e in &d.explanations {
        b.paragraph(
            match lang {
                Lang::Zh => format!("{}：{}", e.title.zh, e.text.zh),
                Lang::En => format!("{}: {}", e.title.en, e.text.en),
            },
            FontSize::Normal,
        );
    }
    if !d.notes.is_empty() {
        b.blank();
        b.merged_row(
            bold(t(lang, "数据说明", "About the data"), FontSize::Heading),
            None,
        );
        for n in &d.notes {
            b.paragraph(format!("• {}", pick(n)), FontSize::Normal);
        }
    }
    b.blank();
    b.merged_row(
        bold(
            match lang {
                Lang::Zh => format!("{}（{} 处）", Titles::missing(lang), d.missing_cells.len()),
                Lang::En => format!("{} ({})", Titles::missing(lang), d.missing_cells.len()),
            },
            FontSize::Heading,
        ),
        None,
    );
    if d.missing_cells.is_empty() {
        b.paragraph(labels::none(lang).into(), FontSize::Normal);
    } else {
        b.header_row(
            labels::missing_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect(),
            false,
        );
        for c in &d.missing_cells {
            b.data_row(vec![
                text(c.name.clone()),
                count(c.line as f64),
                text(c.column.clone()),
                text(if c.cell.is_empty() {
                    t(lang, "（空白）", "(blank)").to_string()
                } else {
                    c.cell.clone()
                }),
            ]);
        }
    }
    b.finish()
}

fn research_sheet(d: &Dossier, research: &[ResearchTable], lang: Lang) -> Sheet {
    let mut widths = vec![34.0, 8.0, 12.0];
    widths.extend([10.0; 8]);
    let mut b = Builder::new(
        sheet_name(lang, "research"),
        Titles::research(lang),
        d,
        lang,
        &widths,
    );
    for table in research {
        b.merged_row(
            bold(labels::level(lang, table.level), FontSize::Heading),
            Some(20.0),
        );
        b.header_row(
            labels::research_headers(lang)
                .iter()
                .map(|h| header(*h))
                .collect(),
            false,
        );
        for r in &table.rows {
            b.data_row(vec![
                text(indicator_name(lang, &r.indicator)),
                count(r.n as f64),
                num(r.mean, r.kind),
                num(r.cv, Kind::Cv),
                num(r.range_ratio, Kind::Value(2)),
                num(r.federal_range_ratio, Kind::Value(3)),
                num(r.mcloone, Kind::Value(3)),
                num(r.verstegen, Kind::Value(3)),
                num(r.gini, Kind::Value(3)),
                num(r.theil, Kind::Value(4)),
                num(r.hoover, Kind::Value(3)),
            ]);
        }
        b.blank();
    }
    b.sheet.landscape = true;
    b.finish()
}
