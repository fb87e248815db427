//! Page state: signals created once at the root and shared through one context.
//!
//! Data flows one way: `crate::load` makes the loaded bytes a [`Dataset`] (ingested table and
//! column mapping); the user's choices ([`AppState`]'s signals) become an [`AnalysisConfig`];
//! the engine turns both into an [`Analysis`] in a memo. Components only read these and write
//! choices; no component computes a measure itself.

use junheng_core::analysis::{run_detailed, Analysis, AnalysisConfig, IndicatorSpec, WeightSpec};
use junheng_core::county::{County, CountyGiven};
use junheng_core::dossier::Dossier;
use junheng_core::measures::MedianRule;
use junheng_core::standards::{self, planner::Change, Level};
use junheng_core::{Error, Field, Lang};
use leptos::prelude::*;

use crate::i18n::{t, K};
use crate::load::progress::Progress;
use crate::model::dataset::Dataset;
use crate::model::dossier::{self, county};
use crate::model::shared::Shared;
use crate::model::standards::{CustomStandard, Pick};

/// The page's tabs. Every tab is rendered (so printing shows all); one is visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Both national verdicts per level, the county fields: the first thing after loading.
    Overview,
    /// What was read and how columns map.
    Data,
    /// Every measure of every indicator: the research measures (研究指标).
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
    pub const ALL: [Tab; 7] = [
        Tab::Overview,
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
            Tab::Overview => "overview",
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
            Tab::Overview => K::TabOverview,
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

/// The acceptance dossier of the current dataset and choices, or why there is none.
pub type DossierResult = Option<Result<Shared<Dossier>, Error>>;

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
    // Large files (`crate::load`, the progress bar).
    /// A large file being read by the engine worker, and where it stands.
    pub progress: RwSignal<Option<Progress>>,
    /// The dataset has more than [`crate::model::bounds::BUILD_WHEN_OPENED`] rows: per-school
    /// tabs and the standards wait until opened (`ui/frame/tabs.rs`, `ui/standards/panel.rs`).
    pub big_file: RwSignal<bool>,
    /// Counts large files announced before they arrive (`load/entry.rs`): each closes those
    /// tabs again.
    pub big_files: RwSignal<u32>,
    // The acceptance dossier (model/dossier): the overview, the print and the Excel export.
    /// County, year and 填报单位 typed for the file on screen (emptied by a new file).
    pub county_typed: RwSignal<CountyGiven>,
    /// The last ones typed, from the saved settings: they fill a file that names no county.
    pub county_remembered: RwSignal<CountyGiven>,
    /// What the file says of its county (the engine's detection, nothing given).
    pub county_detected: Memo<Option<County>>,
    /// The county fields as shown and given to the engine.
    pub county: Memo<Option<county::Resolved>>,
    /// The printout carries the appendix of research measures and charts.
    pub print_appendix: RwSignal<bool>,
    /// The dossier: both national standards over the whole file, built by the engine.
    pub dossier: Memo<DossierResult>,
}

impl AppState {
    /// Creates the state in `lang`, with no dataset (`crate::load::sample` loads the sample).
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
                filters: dataset.level_filter(level.get()),
                median_rule: median_rule.get(),
                ..AnalysisConfig::new()
            };
            Some(run_detailed(&dataset.ingested, &config).map(Shared::new))
        });
        let standard_options = RwSignal::new(standards::Options::national());
        let standard_level = RwSignal::new(None);
        let county_typed = RwSignal::new(CountyGiven::none());
        let county_remembered = RwSignal::new(CountyGiven::none());
        let county_detected =
            Memo::new(move |_| dataset.with(|d| d.as_ref().map(|d| dossier::detected_county(d))));
        let county = Memo::new(move |_| {
            let detected = county_detected.get()?;
            let sample = match dataset.with(|d| d.as_ref().is_some_and(|d| d.is_sample)) {
                true => county::sample_county(),
                false => CountyGiven::none(),
            };
            Some(county::resolve(
                &county_typed.get(),
                &detected,
                &sample,
                &county_remembered.get(),
            ))
        });
        let print_appendix = RwSignal::new(false);
        let dossier = Memo::new(move |_| {
            let dataset = dataset.get()?;
            let county = county.get()?;
            let config = dossier::config(
                &standard_options.get(),
                standard_level.get(),
                median_rule.get(),
                &county.given,
                print_appendix.get(),
            );
            Some(junheng_core::dossier::build(&dataset.ingested, &config).map(Shared::new))
        });
        AppState {
            lang: RwSignal::new(lang),
            tab: RwSignal::new(Tab::Overview),
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
            standard_options,
            custom_standard: RwSignal::new(None),
            standard_level,
            what_if: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            big_file: RwSignal::new(false),
            big_files: RwSignal::new(0),
            county_typed,
            county_remembered,
            county_detected,
            county,
            print_appendix,
            dossier,
        }
    }

    /// Text of `key` in the page's language.
    pub fn t(&self, key: K) -> &'static str {
        t(self.lang.get(), key)
    }

    /// Maps `field` to `column` (or unmaps it with `None`), keeping the detected unit scale
    /// when the column is the detected one.
    pub fn set_mapping(&self, field: Field, column: Option<usize>) {
        let Some(dataset) = self.dataset.get_untracked() else {
            return;
        };
        let updated = dataset.with_mapping(field, column);
        self.dataset.set(Some(Shared::new(updated)));
    }
}
