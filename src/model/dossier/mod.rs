//! The acceptance dossier as the page shows it (docs/dossier.md): the engine's
//! [`junheng_core::dossier::Dossier`], built by one memo of the page state
//! (`AppState::dossier`) with [`config`], is what the overview, the county fields, the print
//! and the Excel export show. The views are functions of that model and the page's choices:
//! when the engine moves into the worker (issue 20) the page receives the same `Dossier` as
//! data and these stay as they are.
//!
//! - `county.rs`: the county fields (typed, read from the file, the sample's, remembered).
//! - `overview.rs`: both verdicts per level, what fails and where its detail is.

pub mod county;
pub mod overview;

use junheng_core::analysis::AnalysisConfig;
use junheng_core::county::{County, CountyGiven};
use junheng_core::dossier::DossierConfig;
use junheng_core::measures::MedianRule;
use junheng_core::standards::{Level, Options};

use crate::model::dataset::Dataset;

/// The dossier's configuration from the page's choices: the whole file (the page's level and
/// grouping are for the research tabs), the standards tab's scope and split options and its
/// level for a file without a level column, the median rule, the county as resolved by
/// [`county::resolve`], and the appendix of research measures when it is to be printed.
pub fn config(
    options: &Options,
    level: Option<Level>,
    median_rule: MedianRule,
    county: &CountyGiven,
    research: bool,
) -> DossierConfig {
    DossierConfig {
        analysis: AnalysisConfig {
            standard_options: *options,
            level,
            median_rule,
            county: county.clone(),
            ..AnalysisConfig::new()
        },
        research,
    }
}

/// What the file says of its county (title rows, a 县 column over every row, a 填报单位 line),
/// with nothing given: the engine's own detection, which the dossier repeats.
pub fn detected_county(dataset: &Dataset) -> County {
    let table = &dataset.ingested.table;
    let rows: Vec<usize> = (0..table.rows.len()).collect();
    junheng_core::county::detect(table, &rows, &CountyGiven::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use junheng_core::county::Origin;
    use junheng_core::ingest::{read, ReadOptions};
    use std::sync::Arc;

    fn dataset(text: &str) -> Dataset {
        let options = ReadOptions::new("青山县.csv");
        let ingested = read(text.as_bytes(), &options).unwrap();
        Dataset::new(Arc::from(text.as_bytes()), options, ingested, false)
    }

    #[test]
    fn the_file_names_its_county_and_the_dossier_prints_what_was_resolved() {
        let d = dataset(
            "青山县2023年义务教育学校办学条件统计表\n学校名称,学段,在校学生数,图书册数\n一小,小学,500,2000\n二小,小学,400,1500\n一中,初中,600,3000\n",
        );
        let detected = detected_county(&d);
        let name = detected.name.as_ref().unwrap();
        assert_eq!(name.value, "青山县");
        assert_eq!(name.from, Origin::Title);
        assert_eq!(detected.year.as_ref().unwrap().value, 2023);

        let remembered = CountyGiven {
            unit: Some("青山县教育局".into()),
            ..CountyGiven::none()
        };
        let resolved = county::resolve(
            &CountyGiven::none(),
            &detected,
            &CountyGiven::none(),
            &remembered,
        );
        let config = config(
            &Options::national(),
            None,
            MedianRule::AtOrBelow,
            &resolved.given,
            false,
        );
        let dossier = junheng_core::dossier::build(&d.ingested, &config).unwrap();
        assert_eq!(dossier.county.name.as_ref().unwrap().value, "青山县");
        assert_eq!(dossier.county.name.as_ref().unwrap().from, Origin::Title);
        assert_eq!(dossier.county.unit.as_ref().unwrap().value, "青山县教育局");
        assert_eq!(dossier.county.unit.as_ref().unwrap().from, Origin::Given);
        assert!(dossier.research.is_none());
    }

    // Native only: junheng-sheets, the reader of the workbook, is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_workbook_the_page_exports_holds_the_json_reports_cvs() {
        use crate::load::sample::{SAMPLE_CSV, SAMPLE_NAME};
        use junheng_core::analysis::{run, StandardChoice};
        let ingested = read(SAMPLE_CSV.as_bytes(), &ReadOptions::new(SAMPLE_NAME)).unwrap();
        // As the page builds it for the sample: its own county given, national options.
        let resolved = county::resolve(
            &CountyGiven::none(),
            &County::default(),
            &county::sample_county(),
            &CountyGiven::none(),
        );
        let config = config(
            &Options::national(),
            None,
            MedianRule::AtOrBelow,
            &resolved.given,
            false,
        );
        let dossier = junheng_core::dossier::build(&ingested, &config).unwrap();
        let bytes = junheng_core::dossier::xlsx::workbook(&dossier, junheng_core::Lang::Zh);
        let rows = junheng_sheets::read_grid(&bytes, Some("表2 差异系数"))
            .unwrap()
            .rows;
        assert!(rows[0][0].contains("示例县"), "{:?}", rows[0]);
        let mut checked = 0;
        for (standard, short) in [("basic-2012", "基本均衡"), ("quality-2017", "优质均衡")]
        {
            let analysis = AnalysisConfig {
                standard: Some(StandardChoice::Builtin(standard.into())),
                ..AnalysisConfig::new()
            };
            let report = run(&ingested, &analysis).unwrap();
            let levels = &report.standard.as_ref().unwrap().evaluation.levels;
            for level in levels {
                let name = if level.level == "primary" {
                    "小学"
                } else {
                    "初中"
                };
                let heading = rows
                    .iter()
                    .position(|r| r[0].starts_with(name) && r[0].contains(short))
                    .unwrap();
                for (k, indicator) in level.indicators.iter().enumerate() {
                    let row = &rows[heading + 2 + k];
                    assert_eq!(row[0], indicator.name_zh);
                    assert_eq!(row[5].parse::<f64>().ok(), indicator.cv, "{}", indicator.id);
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 2 * (8 + 7));
    }
}
