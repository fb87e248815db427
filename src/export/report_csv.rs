//! The indicator table as the page's CSV download: headers in the page's language, each
//! indicator by its name with its unit ("生均教学及辅助用房面积（平方米/生）"), values with the
//! decimals the page shows but as plain numbers (no thousands separators), so a spreadsheet
//! reads them as numbers. The machine-readable export is the JSON (and the CLI's CSV).

use junheng_core::format::{plain, Kind};
use junheng_core::measures::Measure;
use junheng_core::report::Report;
use junheng_core::Lang;

use super::csv_line;
use crate::i18n::{t, K};
use crate::model::findings::value_label;
use crate::model::metrics::METRICS;

/// The report's indicators as CSV in `lang` (no BOM: see `csv_for_excel`), CRLF line ends.
pub fn report_csv(lang: Lang, report: &Report) -> String {
    let mut header = vec![
        t(lang, K::Indicator).to_string(),
        t(lang, K::CsvSchools).to_string(),
        t(lang, K::CsvMissing).to_string(),
    ];
    header.extend(METRICS.iter().map(|m| t(lang, m.label).to_string()));
    header.push(t(lang, K::CsvFormula).to_string());
    let mut out = csv_line(header);
    for indicator in &report.indicators {
        let mut cells = vec![
            value_label(lang, &indicator.name, indicator.label_zh.as_deref()),
            indicator.n.to_string(),
            indicator.missing.to_string(),
        ];
        cells.extend(METRICS.iter().map(|m| {
            let kind = match m.measure {
                Measure::Cv => Kind::Cv,
                other => Kind::Value(other.def().decimals),
            };
            indicator[m.measure].map_or_else(String::new, |v| plain(v, kind))
        }));
        cells.push(indicator.formula.clone());
        out.push_str(&csv_line(cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use junheng_core::analysis::{run_detailed, AnalysisConfig};
    use junheng_core::ingest::{read, ReadOptions};

    /// Three schools with pupils and teaching area: one national indicator.
    fn report() -> Report {
        let csv = "学校名称,在校学生数,教学及辅助用房面积（平方米）\n\
                   甲小学,1000,4500\n乙小学,2000,12000.5\n丙小学,54,100\n";
        let ingested = read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
        run_detailed(&ingested, &AnalysisConfig::new())
            .unwrap()
            .report
    }

    #[test]
    fn headers_in_the_page_language_with_units() {
        let report = report();
        let zh = report_csv(Lang::Zh, &report);
        let header = zh.lines().next().unwrap();
        assert!(header.starts_with("指标,学校数,"), "{header}");
        assert!(header.contains(",差异系数,"), "{header}");
        assert!(
            zh.contains("生均教学及辅助用房面积（平方米/生）,3,0,"),
            "{zh}"
        );
        assert!(
            !zh.contains("teaching_area"),
            "no machine id in the Chinese CSV: {zh}"
        );
        let en = report_csv(Lang::En, &report);
        assert!(en.lines().next().unwrap().starts_with("Indicator,Schools,"));
        assert!(en.contains(",CV,"));
        assert!(en.contains("Teaching and auxiliary floor area per student (m² per student),3,0,"));
    }

    #[test]
    fn values_are_plain_numbers_with_the_page_decimals() {
        let report = report();
        let indicator = &report.indicators[0];
        let cv = indicator[Measure::Cv].unwrap();
        let csv = report_csv(Lang::Zh, &report);
        let line = csv.lines().nth(1).unwrap();
        // CV: 3 decimals, half away from zero, as the page and the dossier print it.
        assert!(
            line.contains(&format!(",{},", plain(cv, Kind::Cv))),
            "{line}"
        );
        assert_eq!(plain(cv, Kind::Cv).split('.').nth(1).map(str::len), Some(3));
        // No thousands separator inside a number: every cell but the quoted formula parses.
        let cells: Vec<&str> = line.split(',').collect();
        for cell in &cells[1..3 + METRICS.len()] {
            assert!(
                cell.is_empty() || cell.parse::<f64>().is_ok(),
                "{cell} in {line}"
            );
        }
        assert!(csv.ends_with("\r\n"));
    }
}
