//! `junheng report FILE -o OUT.xlsx|OUT.html`: the acceptance dossier (the core's `dossier`),
//! both national standards evaluated together, as an Excel workbook or a printable A4 page.
//!
//! Its own flags are `-o/--output` and `--research`; it shares `analyze`'s reading, filter,
//! scope and county flags (`flags/defs/`, scope `Reading`), so both commands read a file the
//! same way.

use junheng_core::dossier::{self, DossierConfig};
use junheng_core::ingest::Ingested;
use junheng_core::slices::{self, city_page, city_table, city_workbook};
use junheng_core::{ingest, Lang};

use crate::flags::{Output, Report};
use crate::{analysis_failure, failure, file_name, read_input, Failure, INPUT_ERROR};

/// Reads the file, builds the dossier and writes it. `lang` is the language of messages.
pub fn run(report: &Report, lang: Lang) -> Result<(), Failure> {
    let analyze = &report.analyze;
    let bytes = read_input(&analyze.file, lang)?;
    let options = ingest::ReadOptions {
        sheet: analyze.sheet.clone(),
        encoding: analyze.encoding.clone(),
        ..ingest::ReadOptions::new(&file_name(&analyze.file))
    };
    let ingested =
        junheng_sheets::read(&bytes, &options).map_err(|e| failure(&analyze.file, &e, lang))?;
    let mut analysis = analyze.config.clone();
    analysis.county_values = crate::county::county_input(analyze, &bytes, lang)?;
    let config = DossierConfig {
        analysis,
        research: report.research,
    };
    if !analyze.by.is_empty() {
        return city(report, ingested, &config, lang);
    }
    let dossier =
        dossier::build(&ingested, &config).map_err(|e| analysis_failure(analyze, &e, lang))?;
    let bytes = match report.format {
        Output::Xlsx => dossier::xlsx::workbook(&dossier, report.lang),
        Output::Html => dossier::html::page(&dossier, report.lang).into_bytes(),
    };
    write(&report.output, &bytes, lang)?;
    let verdicts: Vec<String> = dossier
        .levels
        .iter()
        .map(|l| {
            let word = |pass: Option<bool>| match (pass, lang) {
                (Some(true), Lang::Zh) => "达标",
                (Some(false), Lang::Zh) => "未达标",
                (Some(true), Lang::En) => "pass",
                (Some(false), Lang::En) => "fail",
                (None, _) => "—",
            };
            let basic = word(l.basic.as_ref().map(|b| b.pass));
            let quality = word(l.quality.as_ref().map(|q| q.pass));
            match lang {
                Lang::Zh => format!(
                    "{}：基本均衡{basic}，优质均衡{quality}",
                    junheng_core::names::level_name(l.level, lang)
                ),
                Lang::En => format!(
                    "{}: basic {basic}, high-quality {quality}",
                    junheng_core::names::level_name(l.level, lang)
                ),
            }
        })
        .collect();
    match lang {
        Lang::Zh => eprintln!(
            "junheng：已写入 {}（{}）",
            report.output,
            verdicts.join("；")
        ),
        Lang::En => eprintln!("junheng: wrote {} ({})", report.output, verdicts.join("; ")),
    }
    Ok(())
}

/// Writes `bytes` to `path`, or an error naming it.
fn write(path: &str, bytes: &[u8], lang: Lang) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| {
        let message = match lang {
            Lang::Zh => format!("{path}：无法写入（{e}）。请检查目录是否存在、是否有写权限。"),
            Lang::En => format!(
                "{path}: cannot be written ({e}). Check that the folder exists and is writable."
            ),
        };
        (INPUT_ERROR, message)
    })
}

/// `report --by`: the city table and each slice's dossier in one workbook or one page. A slice whose
/// dossier cannot be built (no level column …) has its reason in the city table.
fn city(
    report: &Report,
    ingested: Ingested,
    config: &DossierConfig,
    lang: Lang,
) -> Result<(), Failure> {
    let file = &report.analyze.file;
    let split = slices::partition(ingested, &report.analyze.by, &config.analysis)
        .map_err(|e| failure(file, &e, lang))?;
    let mut summaries = Vec::with_capacity(split.slices.len());
    let mut dossiers = Vec::new();
    for slice in &split.slices {
        summaries.push(slice.summary(&config.analysis));
        if let Ok(dossier) = slice.dossier(config) {
            dossiers.push((slice.value.clone(), dossier));
        }
    }
    let headers: Vec<String> = split.by.iter().map(|d| d.header.clone()).collect();
    let table = city_table(&headers, summaries);
    let bytes = match report.format {
        Output::Xlsx => city_workbook(&table, &dossiers, report.lang),
        Output::Html => city_page(&table, &dossiers, report.lang).into_bytes(),
    };
    write(&report.output, &bytes, lang)?;
    match lang {
        Lang::Zh => eprintln!(
            "junheng：已写入 {}（{} 片，{} 份评估报告）",
            report.output,
            split.slices.len(),
            dossiers.len()
        ),
        Lang::En => eprintln!(
            "junheng: wrote {} ({} slices, {} dossiers)",
            report.output,
            split.slices.len(),
            dossiers.len()
        ),
    }
    Ok(())
}
