//! The engine in a Web Worker: `js/engine-worker.js` loads this module, receives a large file in
//! chunks (`File.slice`, transferred, never one JS string), and answers the page with the
//! analysis as JSON. The page's main thread stays free while a national panel (200 000 schools
//! and more) is parsed and measured.
//!
//! The boundary is plain: bytes in ([`Engine::push`]); out, either the parsed table as flat
//! buffers for the page to take in without reading the file again ([`Engine::pack`],
//! `junheng_core::ingest::wire`), or, for the benchmark and scripts, the report as JSON for a
//! small configuration ([`Engine::analyze`]). Everything is computed by `junheng-core`, as on the
//! main thread and in the CLI, so the numbers are the same bit for bit.
//!
//! Memory: the chunks are appended to one buffer reserved at the file's size, so the file is
//! held once in the module's memory (plus one chunk in flight), then the table.

use junheng_core::analysis::{run_detailed, AnalysisConfig, Filter, WeightSpec};
use junheng_core::ingest::wire::{pack, Packed};
use junheng_core::ingest::{read, Ingested, ReadOptions, SchoolKind};
use junheng_core::measures::MedianRule;
use junheng_core::{Error, Field, Lang};

pub mod config;

pub use config::WorkerConfig;

/// A file being received, then its table.
#[derive(Default)]
pub struct Engine {
    name: String,
    bytes: Vec<u8>,
    ingested: Option<Ingested>,
}

impl Engine {
    /// An engine expecting `size` bytes of the file `name`.
    pub fn new(name: &str, size: usize) -> Engine {
        Engine {
            name: name.to_string(),
            bytes: Vec::with_capacity(size),
            ingested: None,
        }
    }

    /// Appends one chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes.extend_from_slice(chunk);
    }

    /// Bytes received so far.
    pub fn received(&self) -> usize {
        self.bytes.len()
    }

    /// Decodes and parses the bytes received; gives the number of data rows. The bytes are
    /// released once the table is built.
    pub fn ingest(&mut self) -> Result<usize, Error> {
        let ingested = read(&self.bytes, &ReadOptions::new(&self.name))?;
        self.bytes = Vec::new();
        let rows = ingested.table.rows.len();
        self.ingested = Some(ingested);
        Ok(rows)
    }

    /// The parsed table as flat buffers (`ingest::wire`), for the page's main thread. The
    /// engine keeps nothing afterwards: the page holds the only table. One call per engine,
    /// in a worker about to end: the table's memory is not handed back.
    pub fn pack(&mut self) -> Result<Packed, Error> {
        let ingested = self.ingested.take().ok_or(Error::EmptyFile)?;
        let packed = pack(&ingested).map_err(|_| Error::TooLarge);
        // The worker is let go right after this (engine-client.js terminates it): freeing
        // millions of cells one by one would cost it about 160 ms at 200 000 rows for nothing.
        std::mem::forget(ingested);
        packed
    }

    /// Runs every measure with `config` (the page's defaults when a field is absent): the
    /// answer as JSON ([`Answer`]), or the error's message in `lang`.
    pub fn analyze(&self, config: &WorkerConfig) -> Result<String, Error> {
        let ingested = self.ingested.as_ref().ok_or(Error::EmptyFile)?;
        let analysis_config = config.to_analysis_config(ingested);
        let analysis = run_detailed(ingested, &analysis_config)?;
        Ok(answer_json(
            ingested,
            &analysis_config,
            &analysis.report.to_json(),
        ))
    }
}

/// The answer: rows read, the level and group used, and the report (schema junheng.report/1).
fn answer_json(ingested: &Ingested, config: &AnalysisConfig, report: &str) -> String {
    let level = config.filters.first().map(|f| f.value.clone());
    let head = serde_json::json!({
        "rows": ingested.table.rows.len(),
        "columns": ingested.table.headers.len(),
        "level": level,
        "group": config.group,
    });
    // The report is already JSON: spliced in rather than parsed and written again.
    let head = head.to_string();
    format!("{},\"report\":{}}}", &head[..head.len() - 1], report)
}

/// The message of an error in `lang`, for the page.
pub fn error_message(error: &Error, lang: Lang) -> String {
    error.message(lang)
}

/// Header of the column mapped to `field`.
pub(crate) fn header_of(ingested: &Ingested, field: Field) -> Option<String> {
    let column = ingested.mapping.get(field)?.column;
    ingested.table.headers.get(column).cloned()
}

/// The page's default level: the first level value that reads as primary (the national CV is
/// computed per level), as `state::default_level` does.
pub(crate) fn default_level(ingested: &Ingested) -> Option<String> {
    let column = ingested.mapping.get(Field::Level)?.column;
    ingested
        .table
        .cells(column)
        .map(|(_, cell)| cell.trim())
        .find(|v| SchoolKind::parse(v) == Some(SchoolKind::Primary))
        .map(str::to_string)
}

/// The page's defaults as an analysis configuration.
pub(crate) fn page_defaults(
    ingested: &Ingested,
    level: Option<String>,
    group: Option<String>,
    median_rule: MedianRule,
) -> AnalysisConfig {
    let filters = match (header_of(ingested, Field::Level), level) {
        (Some(column), Some(value)) => vec![Filter { column, value }],
        _ => Vec::new(),
    };
    AnalysisConfig {
        weight: WeightSpec::Auto,
        group,
        filters,
        median_rule,
        ..AnalysisConfig::new()
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    use super::{error_message, Engine, WorkerConfig};
    use junheng_core::Lang;

    /// The engine as the worker sees it.
    #[wasm_bindgen(js_name = Engine)]
    pub struct WebEngine(Engine);

    #[wasm_bindgen(js_class = Engine)]
    impl WebEngine {
        /// An engine for `size` bytes of the file `name`.
        #[wasm_bindgen(constructor)]
        pub fn new(name: &str, size: usize) -> WebEngine {
            WebEngine(Engine::new(name, size))
        }

        /// Appends a chunk.
        pub fn push(&mut self, chunk: &[u8]) {
            self.0.push(chunk);
        }

        /// Bytes received so far.
        pub fn received(&self) -> usize {
            self.0.received()
        }

        /// Parses what was received: the number of rows, or throws the error as JSON
        /// (`ingest::wire::error_to_json`; the page shows it in its language, as for a file it
        /// read itself), or `{}` for an error the page should find by reading the file itself.
        pub fn ingest(&mut self) -> Result<usize, JsValue> {
            self.0.ingest().map_err(|e| error_json(&e))
        }

        /// The parsed table for the page (`ingest::wire`): `{meta, text, cell_ends, row_ends,
        /// lines}`, each buffer a typed array of its own (transferable), or throws the error.
        pub fn pack(&mut self) -> Result<js_sys::Object, JsValue> {
            let packed = self.0.pack().map_err(|e| error_json(&e))?;
            let object = js_sys::Object::new();
            let set = |key: &str, value: &JsValue| {
                js_sys::Reflect::set(&object, &key.into(), value).map(|_| ())
            };
            set("meta", &packed.meta.into())?;
            set("text", &js_sys::Uint8Array::from(&packed.text[..]).into())?;
            set(
                "cell_ends",
                &js_sys::Uint32Array::from(&packed.cell_ends[..]).into(),
            )?;
            set(
                "row_ends",
                &js_sys::Uint32Array::from(&packed.row_ends[..]).into(),
            )?;
            set(
                "lines",
                &js_sys::Uint32Array::from(&packed.lines[..]).into(),
            )?;
            Ok(object)
        }

        /// Analyzes with a configuration in JSON (`{}`: the page's defaults): the answer in JSON.
        pub fn analyze(&self, config: &str, lang: &str) -> Result<String, JsValue> {
            let config = WorkerConfig::from_json(config)
                .map_err(|e| JsValue::from_str(&format!("bad configuration: {e}")))?;
            self.0
                .analyze(&config)
                .map_err(|e| JsValue::from_str(&error_message(&e, lang_of(lang))))
        }
    }

    fn error_json(error: &junheng_core::Error) -> JsValue {
        let json = junheng_core::ingest::wire::error_to_json(error);
        JsValue::from_str(json.as_deref().unwrap_or("{}"))
    }

    fn lang_of(lang: &str) -> Lang {
        if lang == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "学校名称,学段,城乡分类,在校学生数,专任教师数,图书册数\n\
        甲,小学,城区,100,8,3000\n乙,小学,乡村,50,5,2000\n丙,初中,镇区,80,9,4000\n丁,小学,镇区,70,5,1500\n";

    #[test]
    fn chunks_give_the_same_report_as_the_main_thread() {
        let mut engine = Engine::new("s.csv", CSV.len());
        for chunk in CSV.as_bytes().chunks(7) {
            engine.push(chunk);
        }
        assert_eq!(engine.received(), CSV.len());
        assert_eq!(engine.ingest().unwrap(), 4);
        let answer = engine.analyze(&WorkerConfig::default()).unwrap();
        let value: serde_json::Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(value["rows"], 4);
        assert_eq!(value["level"], "小学");
        assert_eq!(value["group"], "城乡分类");

        let ingested = read(CSV.as_bytes(), &ReadOptions::new("s.csv")).unwrap();
        let config = page_defaults(
            &ingested,
            Some("小学".into()),
            Some("城乡分类".into()),
            MedianRule::AtOrBelow,
        );
        let direct = run_detailed(&ingested, &config).unwrap().report.to_json();
        let direct: serde_json::Value = serde_json::from_str(&direct).unwrap();
        assert_eq!(value["report"], direct);
        assert_eq!(value["report"]["indicators"][0]["n"], 3);
    }

    #[test]
    fn a_bad_file_is_an_error_not_a_panic() {
        let mut engine = Engine::new("x.csv", 0);
        assert!(matches!(engine.ingest(), Err(Error::EmptyFile)));
        assert!(engine.analyze(&WorkerConfig::default()).is_err());
    }
}
