//! Page state: signals created once at the root and shared through one context.
//!
//! Data flows one way: the loaded bytes become a [`Dataset`] (ingested table and column
//! mapping); the user's choices ([`AppState`]'s signals) become an [`AnalysisConfig`]; the
//! engine turns both into an [`Analysis`] in a memo. Components only read these and write
//! choices; no component computes a measure itself.

use std::sync::Arc;

use junheng_core::analysis::{
    run_detailed, Analysis, AnalysisConfig, Filter, IndicatorSpec, WeightSpec,
};
use junheng_core::ingest::{read, Ingested, Mapping, ReadOptions, SchoolKind};
use junheng_core::measures::MedianRule;
use junheng_core::standards::{self, planner::Change, Level};
use junheng_core::{Error, Field, Lang};
use leptos::prelude::*;

use crate::i18n::{t, K};
use crate::sample::{SAMPLE_CSV, SAMPLE_NAME};
use crate::shared::Shared;
use crate::standards_view::{CustomStandard, Pick};

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
}

/// The page's tabs. Every tab is rendered (so printing shows all); one is visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// What was read and how columns map.
    Data,
    /// Every measure of every indicator.
    Indicators,
    /// Schools, their values and their weight in the CV.
    Schools,
    /// Urban/rural or any grouping, with the Theil split.
    Groups,
    /// Lorenz curve, bars, distributions.
    Charts,
    /// 2012 and 2017 national verdicts and the gap planner.
    Standards,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Tab; 6] = [
        Tab::Data,
        Tab::Indicators,
        Tab::Schools,
        Tab::Groups,
        Tab::Charts,
        Tab::Standards,
    ];

    /// Stable id, used in element ids, settings and links.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Data => "data",
            Tab::Indicators => "indicators",
            Tab::Schools => "schools",
            Tab::Groups => "groups",
            Tab::Charts => "charts",
            Tab::Standards => "standards",
        }
    }

    /// The tab with this id.
    pub fn from_id(id: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|tab| tab.id() == id)
    }

    /// Label key.
    pub fn label(self) -> K {
        match self {
            Tab::Data => K::TabData,
            Tab::Indicators => K::TabIndicators,
            Tab::Schools => K::TabSchools,
            Tab::Groups => K::TabGroups,
            Tab::Charts => K::TabCharts,
            Tab::Standards => K::TabStandards,
        }
    }
}

/// The analysis of the current dataset and choices, or why there is none.
pub type AnalysisResult = Option<Result<Shared<Analysis>, Error>>;

/// The signals every component reads; provided once by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// Language of the page.
    pub lang: RwSignal<Lang>,
    /// The visible tab.
    pub tab: RwSignal<Tab>,
    /// The loaded file, if any.
    pub dataset: RwSignal<Option<Shared<Dataset>>>,
    /// Why the last file could not be loaded.
    pub load_error: RwSignal<Option<Error>>,
    /// A load is under way (reading the file).
    pub loading: RwSignal<bool>,
    /// Value of the level column to analyze (小学, 初中, ...); `None`: every school.
    pub level: RwSignal<Option<String>>,
    /// Header of the group column (城乡分类, 乡镇, ...); `None`: no grouping.
    pub group: RwSignal<Option<String>>,
    /// Where the weights come from.
    pub weight: RwSignal<WeightSpec>,
    /// The user's own ratio indicators, computed after the standard ones.
    pub custom: RwSignal<Vec<IndicatorSpec>>,
    /// McLoone/Verstegen treatment of the median.
    pub median_rule: RwSignal<MedianRule>,
    /// Indicator shown in the schools table and the charts (by name).
    pub selected: RwSignal<Option<String>>,
    /// The engine's result for the dataset and the choices above.
    pub analysis: Memo<AnalysisResult>,
    // National standards tab (ui/standards): evaluated from the whole file, both levels.
    /// The national standard judged (default 2017 high-quality balance).
    pub standard_pick: RwSignal<Pick>,
    /// Scope and split choices of the standards (default: the national form's).
    pub standard_options: RwSignal<standards::Options>,
    /// A provincial standard file (JSON table or CSV of values), read locally.
    pub custom_standard: RwSignal<Option<CustomStandard>>,
    /// Level of every school when the table has no level column.
    pub standard_level: RwSignal<Option<Level>>,
    /// What-if changes (plans applied, schools edited) on top of the file's values.
    pub what_if: RwSignal<Vec<Change>>,
    // Large files (engine_worker.rs, ui/progress.rs).
    /// A large file being read by the engine worker, and where it stands.
    pub progress: RwSignal<Option<crate::load_progress::Progress>>,
    /// The dataset has more than [`crate::load_progress::BUILD_WHEN_OPENED`] rows: per-school
    /// tabs and the standards wait until opened (`ui/tabs.rs`, `ui/standards/panel.rs`).
    pub big_file: RwSignal<bool>,
    /// Counts large files announced by [`AppState::expect_rows`]: each closes those tabs again.
    pub big_files: RwSignal<u32>,
}

impl AppState {
    /// Creates the state in `lang`, with the built-in sample loaded.
    pub fn new(lang: Lang) -> AppState {
        let dataset = RwSignal::new(None::<Shared<Dataset>>);
        let level = RwSignal::new(None);
        let group = RwSignal::new(None);
        let weight = RwSignal::new(WeightSpec::Auto);
        let custom = RwSignal::new(Vec::new());
        let median_rule = RwSignal::new(MedianRule::AtOrBelow);
        let analysis = Memo::new(move |_| {
            let dataset = dataset.get()?;
            let config = AnalysisConfig {
                indicators: Vec::new(),
                extra: custom.get(),
                weight: weight.get(),
                group: group.get(),
                filters: level_filter(&dataset, level.get()),
                median_rule: median_rule.get(),
                ..AnalysisConfig::new()
            };
            Some(run_detailed(&dataset.ingested, &config).map(Shared::new))
        });
        let state = AppState {
            lang: RwSignal::new(lang),
            tab: RwSignal::new(Tab::Indicators),
            dataset,
            load_error: RwSignal::new(None),
            loading: RwSignal::new(false),
            level,
            group,
            weight,
            custom,
            median_rule,
            selected: RwSignal::new(None),
            analysis,
            standard_pick: RwSignal::new(Pick::Quality2017),
            standard_options: RwSignal::new(standards::Options::national()),
            custom_standard: RwSignal::new(None),
            standard_level: RwSignal::new(None),
            what_if: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            big_file: RwSignal::new(false),
            big_files: RwSignal::new(0),
        };
        state.load(
            Arc::from(SAMPLE_CSV.as_bytes()),
            ReadOptions::new(SAMPLE_NAME),
            true,
        );
        state
    }

    /// Text of `key` in the page's language.
    pub fn t(&self, key: K) -> &'static str {
        t(self.lang.get(), key)
    }

    /// Reads `bytes` and makes them the current dataset, or shows why they cannot be read.
    /// Choices that name columns are reset to what the new file suggests.
    /// A workbook is read by the spreadsheet module, fetched on first use
    /// ([`crate::spreadsheet`]); the result then arrives later.
    pub fn load(&self, bytes: Arc<[u8]>, options: ReadOptions, is_sample: bool) {
        // A large file still in the engine worker is given up: this one replaces it.
        crate::engine_worker::supersede(*self);
        let load = crate::spreadsheet::next_load();
        if junheng_core::ingest::is_spreadsheet(&bytes) {
            crate::spreadsheet::load(*self, bytes, options, is_sample, load);
            return;
        }
        let result = read(&bytes, &options);
        self.finish_load(bytes, options, is_sample, result);
    }

    /// Announces a dataset of `rows` rows before it is set: a large one closes the per-school
    /// tabs first, so they are not built for it in the same task as the measures. The caller
    /// lets the page render once before [`AppState::finish_load`].
    pub fn expect_rows(&self, rows: usize) {
        let big = rows > crate::load_progress::BUILD_WHEN_OPENED;
        self.big_file.set(big);
        if big {
            self.big_files.update(|n| *n += 1);
        }
    }

    /// Makes what ingestion made of `bytes` the current dataset, or shows why it failed.
    pub fn finish_load(
        &self,
        bytes: Arc<[u8]>,
        options: ReadOptions,
        is_sample: bool,
        result: Result<Ingested, Error>,
    ) {
        self.loading.set(false);
        match result {
            Ok(ingested) => {
                let big = ingested.table.rows.len() > crate::load_progress::BUILD_WHEN_OPENED;
                if big != self.big_file.get_untracked() {
                    self.big_file.set(big);
                }
                let dataset = Dataset {
                    bytes,
                    options,
                    detected: ingested.mapping.clone(),
                    ingested,
                    is_sample,
                };
                self.level.set(default_level(&dataset));
                self.group.set(dataset.header_of(Field::UrbanRural));
                self.weight.set(WeightSpec::Auto);
                self.custom.set(Vec::new());
                self.selected.set(None);
                // What-if changes name the last file's schools by line.
                self.what_if.set(Vec::new());
                self.load_error.set(None);
                self.dataset.set(Some(Shared::new(dataset)));
            }
            Err(error) => self.load_error.set(Some(error)),
        }
    }

    /// Loads the built-in sample county.
    pub fn load_sample(&self) {
        self.load(
            Arc::from(SAMPLE_CSV.as_bytes()),
            ReadOptions::new(SAMPLE_NAME),
            true,
        );
    }

    /// Reads the current file again with other options (encoding, sheet, delimiter).
    pub fn reread(&self, options: ReadOptions) {
        let Some(dataset) = self.dataset.get_untracked() else {
            return;
        };
        let (bytes, is_sample) = (dataset.bytes.clone(), dataset.is_sample);
        self.load(bytes, options, is_sample);
    }

    /// Maps `field` to `column` (or unmaps it with `None`), keeping the detected unit scale
    /// when the column is the detected one.
    pub fn set_mapping(&self, field: Field, column: Option<usize>) {
        let Some(dataset) = self.dataset.get_untracked() else {
            return;
        };
        let mut mapping = dataset.ingested.mapping.clone();
        match column {
            Some(column) => {
                let scale = dataset
                    .detected
                    .get(field)
                    .filter(|m| m.column == column)
                    .map_or(1.0, |m| m.scale);
                mapping.set(field, column, scale);
            }
            None => mapping.clear(field),
        }
        let ingested = Ingested {
            mapping,
            ..dataset.ingested.clone()
        };
        let updated = Dataset {
            bytes: dataset.bytes.clone(),
            options: dataset.options.clone(),
            ingested,
            detected: dataset.detected.clone(),
            is_sample: dataset.is_sample,
        };
        self.dataset.set(Some(Shared::new(updated)));
    }
}

/// The filter on the level column for `level`, if both exist.
fn level_filter(dataset: &Dataset, level: Option<String>) -> Vec<Filter> {
    match (dataset.header_of(Field::Level), level) {
        (Some(column), Some(value)) => vec![Filter { column, value }],
        _ => Vec::new(),
    }
}

/// The national CV is computed per level: start on the first primary level value, if any.
fn default_level(dataset: &Dataset) -> Option<String> {
    let values = dataset.values_of(Field::Level);
    values
        .iter()
        .find(|v| SchoolKind::parse(v) == Some(SchoolKind::Primary))
        .cloned()
}
