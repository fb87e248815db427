//! Arbitrary CSV text through `dossier::build` (both national standards, every school taken as
//! primary when the file has no level column; by the first byte: teaching points and private
//! schools counted, the research appendix) and both writers: no panic. (Numbers are printed
//! through `format::number`, which prints "—" for a non-finite value; a cell of the user's file
//! may itself read "NaN", so the page's text is not searched for it.)
#![no_main]

use junheng_core::analysis::AnalysisConfig;
use junheng_core::dossier::{self, html, xlsx, DossierConfig};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::standards::Level;
use junheng_core::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let text = String::from_utf8_lossy(bytes);
    let Ok(ingested) = read(text.as_bytes(), &ReadOptions::new("fuzz.csv")) else {
        return;
    };
    let mut analysis = AnalysisConfig::new();
    analysis.level = Some(Level::Primary);
    analysis.standard_options.include_teaching_points = choice & 1 == 1;
    analysis.standard_options.include_private = choice & 2 == 2;
    let config = DossierConfig {
        analysis,
        research: choice & 4 == 4,
    };
    let Ok(dossier) = dossier::build(&ingested, &config) else {
        return;
    };
    let lang = if choice & 8 == 8 { Lang::En } else { Lang::Zh };
    let page = html::page(&dossier, lang);
    assert!(page.ends_with("</html>\n"));
    let bytes = xlsx::workbook(&dossier, lang);
    assert!(bytes.starts_with(b"PK\x03\x04"));
});
