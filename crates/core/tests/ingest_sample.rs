//! The sample county the page embeds maps every column to a canonical field, with its units.

use junheng_core::ingest::{read, ReadOptions};
use junheng_core::Field;

#[test]
fn sample_county_maps_every_column() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/sample/county.csv");
    let bytes = std::fs::read(path).expect("data/sample/county.csv");
    let ingested = read(&bytes, &ReadOptions::new("county.csv")).unwrap();
    let table = &ingested.table;
    for (column, header) in table.headers.iter().enumerate() {
        assert!(
            ingested.mapping.field_of(column).is_some(),
            "column {column} “{header}” is not mapped"
        );
    }
    assert_eq!(ingested.mapping.iter().count(), table.headers.len());
    assert_eq!(
        ingested.mapping.get(Field::EquipmentValue).unwrap().scale,
        10_000.0
    );
    assert_eq!(
        ingested.mapping.get(Field::TeachingArea).unwrap().scale,
        1.0
    );
    assert!(ingested.issues.is_empty(), "{:?}", ingested.issues);
    assert!(
        table.source.skipped.is_empty(),
        "{:?}",
        table.source.skipped
    );
}
