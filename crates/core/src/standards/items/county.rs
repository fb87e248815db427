//! The county's own figures and judgements (docs/domain.md §2.2: what a school table cannot
//! hold): a county sheet, the second sheet 县级指标 of the workbook or a CSV of its own, with rows
//! `指标,值[,说明[,佐证材料]]`. 指标 begins with the item id (then its name, and 小学 or 初中 for
//! a value per level); 值 is a number, a percentage (`96%`, `96.5％`) or 是/否 (达到/未达到,
//! 有/无, Y/N).
//!
//! [`CountySheet`] holds the rows as read (from a CSV, [`CountySheet::from_csv`], or a workbook's
//! sheet, [`CountySheet::from_grid`]); `county_read.rs` matches them with a standard's items
//! ([`CountySheet::resolve`]) into [`CountyValues`], the structured values the page's form edits
//! too. [`CountyValues::to_rows`] writes them back as the sheet (and, with no value, it is the
//! blank county sheet of the template).

use serde::{Deserialize, Serialize};

use super::super::input::Level;
use super::super::table::Standard;
use super::table::{ItemKind, Op, ValueUnit};
use crate::ingest::{decode, sniff, Grid};
use crate::Error;

/// The name of the county sheet in a workbook.
pub const COUNTY_SHEET: &str = "县级指标";

/// The header of the county sheet.
pub const COUNTY_HEADER: [&str; 4] = ["指标", "值", "说明", "佐证材料"];

/// A county sheet as read, before it is matched with a standard's items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountySheet {
    /// Where it comes from: the CSV's name, or the workbook's name and sheet.
    pub source: String,
    /// Its non-empty rows, each with its line (spreadsheet row) and cells.
    pub rows: Vec<SheetRow>,
}

/// A row of a county sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetRow {
    /// Line in the file or row of the sheet, from 1.
    pub line: u64,
    /// Its cells, from column A.
    pub cells: Vec<String>,
}

impl CountySheet {
    /// Reads a county CSV (any encoding the school table may have: UTF-8 with or without BOM,
    /// GBK/GB18030, UTF-16; comma, tab or semicolon). A workbook gives
    /// [`Error::SpreadsheetNeedsReader`]: read its 县级指标 sheet with a workbook reader and
    /// call [`CountySheet::from_grid`].
    pub fn from_csv(bytes: &[u8], source: &str) -> Result<CountySheet, Error> {
        if bytes.is_empty() {
            return Err(Error::EmptyFile);
        }
        if crate::ingest::is_spreadsheet(bytes) {
            return Err(Error::SpreadsheetNeedsReader);
        }
        let (text, _) = decode::decode(bytes, None);
        let delimiter = sniff::sniff_delimiter(&text);
        if let Some(line) = sniff::unclosed_quote(&text, delimiter) {
            return Err(Error::UnclosedQuote { line });
        }
        let rows = sniff::parse_delimited(&text, delimiter)
            .into_iter()
            .map(|row| SheetRow {
                line: row.line,
                cells: row.cells.into_iter().map(String::from).collect(),
            })
            .filter(|row| row.cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        Ok(CountySheet {
            source: source.to_string(),
            rows,
        })
    }

    /// A workbook's county sheet, as a workbook reader hands it over.
    pub fn from_grid(grid: Grid, source: &str) -> CountySheet {
        let first = grid.first_row.max(1);
        let rows = grid
            .rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| SheetRow {
                line: first + i as u64,
                cells,
            })
            .filter(|row| row.cells.iter().any(|c| !c.trim().is_empty()))
            .collect();
        CountySheet {
            source: source.to_string(),
            rows,
        }
    }
}

/// The county's figures and judgements, matched with a standard's items: what the items are
/// judged with, what the page's form edits and what is written back as the county sheet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CountyValues {
    /// Where they come from (file, sheet, or the page's form).
    pub source: String,
    /// One entry per value given, in the order given.
    pub entries: Vec<CountyEntry>,
}

/// One figure or judgement of the county.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountyEntry {
    /// The item (G1…V6).
    pub id: String,
    /// The value of the item (`nearby_rate`); null for a 是/否 on the whole item.
    pub key: Option<String>,
    /// The level of a value per level; null for both levels, or a value that is not per level.
    pub level: Option<Level>,
    /// The figure (a rate as a fraction: 96 % is 0.96), when a number was given.
    pub value: Option<f64>,
    /// 是 (true) or 否 (false), when a yes/no was given. For V1–V6, 是 means the condition
    /// holds.
    pub answer: Option<bool>,
    /// 说明: the county's note.
    #[serde(default)]
    pub note: String,
    /// 佐证材料: the name of the evidence document.
    #[serde(default)]
    pub evidence: String,
    /// Line of the county sheet it was read from; null when entered in the page.
    #[serde(default)]
    pub line: Option<u64>,
}

impl CountyValues {
    /// No values yet, from `source`.
    pub fn new(source: &str) -> CountyValues {
        CountyValues {
            source: source.to_string(),
            entries: Vec::new(),
        }
    }

    /// The entry of an item's value at a level: the level's own, else the one for both levels.
    pub fn get(&self, id: &str, key: Option<&str>, level: Option<Level>) -> Option<&CountyEntry> {
        let matches = |e: &&CountyEntry| e.id == id && e.key.as_deref() == key;
        self.entries
            .iter()
            .rev()
            .filter(matches)
            .find(|e| level.is_some() && e.level == level)
            .or_else(|| {
                self.entries
                    .iter()
                    .rev()
                    .filter(matches)
                    .find(|e| e.level.is_none())
            })
    }

    /// The notes and evidence given for an item, in order, without repeats.
    pub fn notes_of(&self, id: &str) -> (Vec<&str>, Vec<&str>) {
        let mut notes: Vec<&str> = Vec::new();
        let mut evidence: Vec<&str> = Vec::new();
        for e in self.entries.iter().filter(|e| e.id == id) {
            let (n, d) = (e.note.trim(), e.evidence.trim());
            if !n.is_empty() && !notes.contains(&n) {
                notes.push(n);
            }
            if !d.is_empty() && !evidence.contains(&d) {
                evidence.push(d);
            }
        }
        (notes, evidence)
    }

    /// Sets (or, with no value and no answer, clears) one value: what the page's form does. The
    /// note and evidence are kept when the entry exists and none is given.
    pub fn set(&mut self, entry: CountyEntry) {
        let same =
            |e: &CountyEntry| e.id == entry.id && e.key == entry.key && e.level == entry.level;
        match self.entries.iter_mut().find(|e| same(e)) {
            Some(e) => *e = entry,
            None => self.entries.push(entry),
        }
    }

    /// The county sheet's rows for a standard: the header, then one row per value the county
    /// can enter, in the official order, with the figure, note and evidence given (empty
    /// otherwise). With no entries it is the blank sheet of the template. Each 指标 cell is the
    /// item id, the value's name and the level, so the rows read back as they were written.
    pub fn to_rows(&self, standard: &Standard) -> Vec<Vec<String>> {
        let mut rows = vec![COUNTY_HEADER.iter().map(|h| h.to_string()).collect()];
        let row = |label: String, entry: Option<&CountyEntry>, unit: ValueUnit| {
            let value = entry.map_or(String::new(), |e| cell_text(e, unit));
            let (note, evidence) = entry.map_or((String::new(), String::new()), |e| {
                (e.note.clone(), e.evidence.clone())
            });
            vec![label, value, note, evidence]
        };
        let all = slots(standard);
        for item in standard.items() {
            let mine: Vec<&Slot> = all.iter().filter(|s| s.id == item.id).collect();
            for slot in &mine {
                let entry = self.get(&slot.id, slot.key.as_deref(), slot.level);
                rows.push(row(slot.label.clone(), entry, slot.unit));
            }
            // A 是/否 on an item whose rows are its values (G11 as a whole): its own row.
            if mine.iter().all(|s| s.key.is_some()) {
                if let Some(entry) = self.get(&item.id, None, None) {
                    let label = format!("{} {}", item.id, item.name_zh);
                    rows.push(row(label, Some(entry), ValueUnit::YesNo));
                }
            }
        }
        rows
    }

    /// [`CountyValues::to_rows`] as a CSV for Excel: UTF-8 with a BOM, CRLF line ends, cells
    /// quoted when needed, text that a spreadsheet would run as a formula prefixed with `'`.
    pub fn to_csv(&self, standard: &Standard) -> String {
        let mut out = String::from("\u{feff}");
        for row in self.to_rows(standard) {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    let c = crate::csv_cell::csv_cell(c);
                    if c.contains([',', '"', '\n', '\r']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.into_owned()
                    }
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// A row of the county sheet: an item's value at a level, or the item as a whole.
pub(super) struct Slot {
    pub(super) id: String,
    pub(super) key: Option<String>,
    pub(super) level: Option<Level>,
    pub(super) unit: ValueUnit,
    pub(super) label: String,
}

/// The rows the county can fill for a standard, in the official order: each value it can
/// enter (per level when per level); a judgement, a condition of non-recognition, and a
/// per-school item that takes no county figure, as one 是/否 row.
pub(super) fn slots(standard: &Standard) -> Vec<Slot> {
    let mut out = Vec::new();
    for item in standard.items() {
        let entered: Vec<_> = item.values.iter().filter(|v| v.entered).collect();
        if entered.is_empty() {
            let hint = if item.kind == ItemKind::PerSchool {
                "（学校表无相应列时填写）"
            } else {
                ""
            };
            out.push(Slot {
                id: item.id.clone(),
                key: None,
                level: None,
                unit: ValueUnit::YesNo,
                label: format!("{} {}{hint}", item.id, item.name_zh),
            });
            continue;
        }
        for v in entered {
            for level in v.levels() {
                let level_text = match level {
                    Some(l) => format!("（{}）", l.name_zh()),
                    None => String::new(),
                };
                out.push(Slot {
                    id: item.id.clone(),
                    key: Some(v.key.clone()),
                    level,
                    unit: if v.op == Op::Yes {
                        ValueUnit::YesNo
                    } else {
                        v.unit
                    },
                    label: format!("{} {}{level_text}", item.id, v.name_zh),
                });
            }
        }
    }
    out
}

/// The 值 cell of an entry: 是/否, a rate as a percentage, a number.
fn cell_text(entry: &CountyEntry, unit: ValueUnit) -> String {
    if let Some(answer) = entry.answer {
        return if answer { "是" } else { "否" }.to_string();
    }
    match entry.value {
        None => String::new(),
        Some(v) if unit == ValueUnit::Percent => format!("{}%", short(v * 100.0)),
        Some(v) => short(v),
    }
}

/// A number in at most 12 significant digits, without trailing zeros: 96.49999999999999 → 96.5.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{v:.11e}").parse().unwrap_or(v);
    format!("{rounded}")
}
