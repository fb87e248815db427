//! The built-in sample county, embedded so the page shows real results with no file.

/// File name shown for the sample.
pub const SAMPLE_NAME: &str = "示例县-sample-county.csv";

/// The synthetic county written by `tools/gen_sample.py` (92 schools, UTF-8 CSV).
pub const SAMPLE_CSV: &str = include_str!("../../data/sample/county.csv");

/// The sample as counties send it, to try the reader: GBK, CRLF, a title row, a unit line and
/// a 合计 row (`tools/gen_sample_variants.py`). The page links to the file in `dist/sample/`
/// rather than embedding it; the constant is for tests.
pub const SAMPLE_MESSY_GBK_CSV: &[u8] = include_bytes!("../../data/sample/county-messy-gbk.csv");

/// The sample as an Excel workbook with two sheets, 小学 and 初中 (`tools/gen_sample_variants.py`).
/// Linked, not embedded, by the page, like the GBK file.
pub const SAMPLE_XLSX: &[u8] = include_bytes!("../../data/sample/county.xlsx");

// Native only: these tests read workbooks back with junheng-sheets, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use junheng_core::analysis::{run, AnalysisConfig, Filter};
    use junheng_core::ingest::ReadOptions;
    use junheng_core::measures::Measure;
    use junheng_sheets::{read, sheet_names};

    fn config(levels: &[&str]) -> AnalysisConfig {
        AnalysisConfig {
            filters: levels
                .iter()
                .map(|v| Filter {
                    column: "学段".into(),
                    value: v.to_string(),
                })
                .collect(),
            group: Some("城乡分类".into()),
            ..AnalysisConfig::new()
        }
    }

    fn cvs(bytes: &[u8], options: &ReadOptions, levels: &[&str]) -> Vec<(String, Option<f64>)> {
        let ingested = read(bytes, options).unwrap();
        let report = run(&ingested, &config(levels)).unwrap();
        report
            .indicators
            .iter()
            .map(|i| (i.name.clone(), i[Measure::Cv]))
            .collect()
    }

    fn close(a: &[(String, Option<f64>)], b: &[(String, Option<f64>)]) {
        assert_eq!(a.len(), b.len());
        for ((na, ca), (nb, cb)) in a.iter().zip(b) {
            assert_eq!(na, nb);
            match (ca, cb) {
                (Some(x), Some(y)) => assert!((x - y).abs() <= 1e-12 * x.abs().max(1.0), "{na}"),
                _ => assert_eq!(ca, cb, "{na}"),
            }
        }
    }

    #[test]
    fn the_messy_csv_reads_as_the_sample() {
        let ingested = read(
            SAMPLE_MESSY_GBK_CSV,
            &ReadOptions::new("county-messy-gbk.csv"),
        )
        .unwrap();
        let source = &ingested.table.source;
        assert_eq!(source.encoding, "gb18030");
        assert_eq!(ingested.table.rows.len(), 92);
        assert_eq!(source.skipped.len(), 1, "the 合计 row");
        assert!(source
            .title
            .iter()
            .any(|(_, text)| text.contains("某县2023年")));
        let clean = ReadOptions::new(SAMPLE_NAME);
        let messy = ReadOptions::new("county-messy-gbk.csv");
        for levels in [&["小学"][..], &["初中"], &[]] {
            close(
                &cvs(SAMPLE_MESSY_GBK_CSV, &messy, levels),
                &cvs(SAMPLE_CSV.as_bytes(), &clean, levels),
            );
        }
    }

    #[test]
    fn the_workbook_sheets_are_the_sample_by_level() {
        assert_eq!(sheet_names(SAMPLE_XLSX).unwrap(), vec!["小学", "初中"]);
        let clean = ReadOptions::new(SAMPLE_NAME);
        for (sheet, levels) in [
            ("小学", &["小学", "小学教学点", "九年一贯制学校"][..]),
            ("初中", &["初中", "九年一贯制学校"]),
        ] {
            let options = ReadOptions {
                sheet: Some(sheet.into()),
                ..ReadOptions::new("county.xlsx")
            };
            close(
                &cvs(SAMPLE_XLSX, &options, &[]),
                &cvs(SAMPLE_CSV.as_bytes(), &clean, levels),
            );
        }
    }
}
