//! Step 1: the columns the file is split by resolved, the configuration checked once against
//! the whole file, and every row moved to its slice in one pass (no filter over the whole table
//! per slice: a province's 1 000 slices cost one pass over its rows).

use std::collections::BTreeSet;

use super::{Dimension, Kind, Slice, Slices};
use crate::analysis::AnalysisConfig;
use crate::county::{self, year_of_cell, COUNTY_HEADERS, YEAR_HEADERS};
use crate::error::Error;
use crate::fast_hash::FastMap;
use crate::fields::Field;
use crate::ingest::mapping::header_key;
use crate::ingest::{slice, Ingested, Row, SliceOf, Table};

/// The columns a file could be split by: the county column and the year column (mapped as
/// [`Field::County`] and [`Field::Year`]) that hold more than one value, county first, by
/// header. A county column with one value names the county of a county's file
/// (`county::detect`) and splits nothing.
pub fn detect(ingested: &Ingested) -> Vec<String> {
    let all: Vec<usize> = (0..ingested.table.rows.len()).collect();
    county::several_values(ingested, &all, 1)
        .into_iter()
        .map(|(column, _)| ingested.table.headers[column].clone())
        .collect()
}

/// The key of a cell in a column of `kind`: its trimmed text, or for a year column the year it
/// stands for when it reads as one; `None` when empty.
fn cell_key(cell: &str, kind: Kind) -> Option<String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    Some(match (kind, year_of_cell(cell)) {
        // A leading NUL keeps a year apart from a text that happens to read the same.
        (Kind::Year, Some(year)) => format!("\0{year}"),
        _ => cell.to_string(),
    })
}

/// Splits `ingested` by the columns `by` (each a header, or the field id `county` or `year`),
/// in order of first appearance of each combination of values.
///
/// `config` is checked once against the whole file first, so that a mistake in the command
/// (a column that does not exist, a filter no row matches) is one error, not one per slice; a
/// county name or year given while the file is split by that column is refused
/// ([`Error::SliceAndGiven`]). Rows with an empty cell in one of the columns belong to no slice
/// and are listed in [`Slices::without_value`]. O(rows).
///
/// Errors: [`Error::ColumnNotFound`], [`Error::SliceColumnTwice`], [`Error::SliceAndGiven`],
/// [`Error::BadOption`] for no column, and those of `AnalysisConfig::validate`.
pub fn partition(
    ingested: Ingested,
    by: &[String],
    config: &AnalysisConfig,
) -> Result<Slices, Error> {
    if by.is_empty() {
        return Err(Error::BadOption {
            option: "by".into(),
            value: String::new(),
        });
    }
    let dimensions = resolve(&ingested, by)?;
    for d in &dimensions {
        let given = match d.kind {
            Kind::County if config.county.name.is_some() => Some("--county"),
            Kind::Year if config.county.year.is_some() => Some("--year"),
            _ => None,
        };
        if let Some(option) = given {
            return Err(Error::SliceAndGiven {
                option,
                column: d.header.clone(),
            });
        }
    }
    config.validate(&ingested)?;
    let all: Vec<usize> = (0..ingested.table.rows.len()).collect();
    let county = county::detect(&ingested.table, &all, &config.county);

    let Ingested {
        table,
        mapping,
        issues,
    } = ingested;
    let Table {
        headers,
        rows,
        source,
    } = table;
    let mut index: FastMap<String, usize> = FastMap::default();
    let mut parts: Vec<(Vec<String>, Option<u32>, Vec<Row>)> = Vec::new();
    let mut without_value = Vec::new();
    let mut key = String::new();
    'rows: for row in rows {
        key.clear();
        for d in &dimensions {
            let cell = row.cells.get(d.column).map_or("", |c| c.as_str());
            let Some(part) = cell_key(cell, d.kind) else {
                without_value.push(row.line);
                continue 'rows;
            };
            key.push_str(&part);
            key.push('\u{1f}');
        }
        let at = match index.get(key.as_str()) {
            Some(&at) => at,
            None => {
                let value = dimensions
                    .iter()
                    .map(|d| row.cells[d.column].trim().to_string())
                    .collect();
                let year = dimensions
                    .iter()
                    .find(|d| d.kind == Kind::Year)
                    .and_then(|d| year_of_cell(&row.cells[d.column]));
                index.insert(key.clone(), parts.len());
                parts.push((value, year, Vec::new()));
                parts.len() - 1
            }
        };
        parts[at].2.push(row);
    }

    let position = |kind: Kind| dimensions.iter().position(|d| d.kind == kind);
    let mut template = source.clone();
    template.skipped.clear();
    let slices = parts
        .into_iter()
        .map(|(value, year, rows)| {
            let mut source = template.clone();
            source.slice = Some(SliceOf {
                columns: dimensions.iter().map(|d| d.column).collect(),
                by: dimensions.iter().map(|d| d.header.clone()).collect(),
                value: value.clone(),
                county: position(Kind::County),
                year: position(Kind::Year),
            });
            let table = Table {
                headers: headers.clone(),
                rows,
                source,
            };
            Slice {
                value,
                year,
                ingested: slice::finish(table, &mapping, &issues),
            }
        })
        .collect();
    Ok(Slices {
        by: dimensions,
        slices,
        source,
        county,
        issues,
        without_value,
    })
}

/// Each name as a column: a header (trimmed, exact), else the field id `county` or `year` of
/// the mapped column; with what it holds.
fn resolve(ingested: &Ingested, by: &[String]) -> Result<Vec<Dimension>, Error> {
    let table = &ingested.table;
    let mapped = |field: Field| ingested.mapping.get(field).map(|m| m.column);
    let mut seen = BTreeSet::new();
    by.iter()
        .map(|name| {
            let column = table
                .column(name)
                .or_else(|| match Field::from_id(name.trim()) {
                    Some(field @ (Field::County | Field::Year)) => mapped(field),
                    _ => None,
                })
                .ok_or_else(|| Error::ColumnNotFound {
                    name: name.clone(),
                    used_in: "the columns to split by (--by)".into(),
                    used_in_zh: "分片列（--by）".into(),
                    header_line: table.source.header_row.max(1),
                    similar: crate::analysis::similar_header(table, name),
                })?;
            let header = table.headers[column].clone();
            if !seen.insert(column) {
                return Err(Error::SliceColumnTwice { column: header });
            }
            let key = header_key(&header).0;
            let kind = if Some(column) == mapped(Field::County)
                || COUNTY_HEADERS.contains(&key.as_str())
            {
                Kind::County
            } else if Some(column) == mapped(Field::Year) || YEAR_HEADERS.contains(&key.as_str()) {
                Kind::Year
            } else {
                Kind::Other
            };
            Ok(Dimension {
                column,
                header,
                kind,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read, ReadOptions};

    fn ingested(csv: &str) -> Ingested {
        read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap()
    }

    // Line 2 has no county (nothing above it to fill it from).
    const CITY: &str = "县区,年份,学校名称,学段,在校学生数,图书册数\n\
        ,2023,三小,小学,50,400\n青山县,2023,一小,小学,100,1000\n\
        青山县,2024学年,一小,小学,110,1200\n河口县,2023,二小,小学,90,800\n\
        青山县,2023年,四小,小学,70,900\n";

    #[test]
    fn rows_go_to_their_slices_in_order_of_first_appearance() {
        let config = AnalysisConfig::new();
        let by = |names: &[&str]| -> Vec<String> { names.iter().map(|s| s.to_string()).collect() };
        let slices = partition(ingested(CITY), &by(&["县区"]), &config).unwrap();
        let values: Vec<&[String]> = slices.slices.iter().map(|s| &s.value[..]).collect();
        assert_eq!(
            values,
            [&["青山县".to_string()][..], &["河口县".to_string()]]
        );
        let lines: Vec<Vec<u64>> = slices
            .slices
            .iter()
            .map(|s| s.ingested.table.rows.iter().map(|r| r.line).collect())
            .collect();
        assert_eq!(lines, [vec![3, 4, 6], vec![5]]);
        assert_eq!(slices.without_value, [2]);
        assert_eq!(slices.by[0].kind, Kind::County);
        // Years read as years: 2023 and 2023年 are one slice, named as first written.
        let slices = partition(ingested(CITY), &by(&["county", "year"]), &config).unwrap();
        let values: Vec<(String, Option<u32>)> = slices
            .slices
            .iter()
            .map(|s| (s.value.join("/"), s.year))
            .collect();
        assert_eq!(
            values,
            [
                ("青山县/2023".to_string(), Some(2023)),
                ("青山县/2024学年".to_string(), Some(2024)),
                ("河口县/2023".to_string(), Some(2023)),
            ]
        );
        assert_eq!(slices.slices[0].ingested.table.source.data_rows, 2);
        assert_eq!(slices.by[1].kind, Kind::Year);
    }

    #[test]
    fn what_cannot_be_split_is_an_error() {
        let config = AnalysisConfig::new();
        let one = |name: &str| vec![name.to_string()];
        assert!(matches!(
            partition(ingested(CITY), &one("片区"), &config),
            Err(Error::ColumnNotFound { .. })
        ));
        assert_eq!(
            partition(ingested(CITY), &["县区".into(), "county".into()], &config),
            Err(Error::SliceColumnTwice {
                column: "县区".into()
            })
        );
        let mut given = AnalysisConfig::new();
        given.county.name = Some("青山县".into());
        assert_eq!(
            partition(ingested(CITY), &one("县区"), &given),
            Err(Error::SliceAndGiven {
                option: "--county",
                column: "县区".into()
            })
        );
        // A county name with a year split is fine: a county's years.
        assert!(partition(ingested(CITY), &one("年份"), &given).is_ok());
    }

    #[test]
    fn the_columns_that_split_a_file() {
        assert_eq!(detect(&ingested(CITY)), ["县区", "年份"]);
        let one_county = "县区,学校名称,在校学生数\n青山县,一小,1\n青山县,二小,2\n";
        assert!(detect(&ingested(one_county)).is_empty());
    }
}
