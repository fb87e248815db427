//! The loaded file as the page holds it ([`Dataset`]), and the choices a new file suggests: the
//! level to start on, the group column, the level filter of the analysis.

use std::sync::Arc;

use junheng_core::analysis::Filter;
use junheng_core::ingest::{Ingested, Mapping, ReadOptions, SchoolKind};
use junheng_core::Field;

/// A file as loaded: its bytes (kept to re-read with other options), what ingestion made of
/// them, and the mapping as detected (so a user's change can be undone).
#[derive(Debug)]
pub struct Dataset {
    /// The file's bytes; they never leave this tab.
    pub bytes: Arc<[u8]>,
    /// How the bytes were read.
    pub options: ReadOptions,
    /// Table, current mapping (with the user's changes) and ingestion issues.
    pub ingested: Ingested,
    /// The mapping ingestion detected.
    pub detected: Mapping,
    /// True for the built-in synthetic county.
    pub is_sample: bool,
}

impl Dataset {
    /// What ingestion made of `bytes`, with the mapping it detected.
    pub fn new(
        bytes: Arc<[u8]>,
        options: ReadOptions,
        ingested: Ingested,
        is_sample: bool,
    ) -> Dataset {
        Dataset {
            bytes,
            options,
            detected: ingested.mapping.clone(),
            ingested,
            is_sample,
        }
    }

    /// Header text of the column mapped to `field`, if any.
    pub fn header_of(&self, field: Field) -> Option<String> {
        let column = self.ingested.mapping.get(field)?.column;
        self.ingested.table.headers.get(column).cloned()
    }

    /// Distinct non-empty values of the column mapped to `field`, in order of appearance.
    pub fn values_of(&self, field: Field) -> Vec<String> {
        let Some(mapped) = self.ingested.mapping.get(field) else {
            return Vec::new();
        };
        let mut seen: Vec<String> = Vec::new();
        for (_, cell) in self.ingested.table.cells(mapped.column) {
            let cell = cell.trim();
            if !cell.is_empty() && !seen.iter().any(|s| s == cell) {
                seen.push(cell.to_string());
            }
        }
        seen
    }

    /// The level a new file starts on: the national CV is computed per level, so the first
    /// primary level value, if any.
    pub fn default_level(&self) -> Option<String> {
        let values = self.values_of(Field::Level);
        values
            .iter()
            .find(|v| SchoolKind::parse(v) == Some(SchoolKind::Primary))
            .cloned()
    }

    /// The filter on the level column for `level`, if both exist.
    pub fn level_filter(&self, level: Option<String>) -> Vec<Filter> {
        match (self.header_of(Field::Level), level) {
            (Some(column), Some(value)) => vec![Filter { column, value }],
            _ => Vec::new(),
        }
    }

    /// The same file with `field` mapped to `column` (or unmapped with `None`), keeping the
    /// detected unit scale when the column is the detected one.
    pub fn with_mapping(&self, field: Field, column: Option<usize>) -> Dataset {
        let mut mapping = self.ingested.mapping.clone();
        match column {
            Some(column) => {
                let scale = self
                    .detected
                    .get(field)
                    .filter(|m| m.column == column)
                    .map_or(1.0, |m| m.scale);
                mapping.set(field, column, scale);
            }
            None => mapping.clear(field),
        }
        Dataset {
            bytes: self.bytes.clone(),
            options: self.options.clone(),
            ingested: Ingested {
                mapping,
                ..self.ingested.clone()
            },
            detected: self.detected.clone(),
            is_sample: self.is_sample,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sample::{SAMPLE_CSV, SAMPLE_NAME};
    use junheng_core::ingest::read;

    fn dataset(csv: &str) -> Dataset {
        let options = ReadOptions::new("t.csv");
        let ingested = read(csv.as_bytes(), &options).unwrap();
        Dataset::new(Arc::from(csv.as_bytes()), options, ingested, false)
    }

    #[test]
    fn a_new_file_starts_on_its_primary_level() {
        let sample = dataset(SAMPLE_CSV);
        assert_eq!(sample.default_level().as_deref(), Some("小学"));
        let header = sample.header_of(Field::Level).unwrap();
        assert_eq!(
            sample.level_filter(Some("初中".into())),
            [Filter {
                column: header,
                value: "初中".into()
            }]
        );
        assert_eq!(sample.level_filter(None), []);
        let no_level = dataset("学校名称,在校学生数,图书册数\nA,10,100\nB,30,150\n");
        assert_eq!(no_level.default_level(), None);
        assert_eq!(no_level.level_filter(Some("小学".into())), []);
        assert!(SAMPLE_NAME.ends_with(".csv"));
    }

    #[test]
    fn a_mapping_change_keeps_what_was_detected() {
        let d = dataset("学校名称,在校学生数,图书册数,藏书\nA,10,100,5\nB,30,150,6\n");
        let books = d.ingested.mapping.get(Field::Books).unwrap().column;
        let moved = d.with_mapping(Field::Books, Some(3));
        assert_eq!(moved.ingested.mapping.get(Field::Books).unwrap().column, 3);
        assert_eq!(moved.detected.get(Field::Books).unwrap().column, books);
        let cleared = moved.with_mapping(Field::Books, None);
        assert!(cleared.ingested.mapping.get(Field::Books).is_none());
        assert_eq!(d.values_of(Field::SchoolName), ["A", "B"]);
    }
}
