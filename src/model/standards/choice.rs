//! The standard in force: the built-in pick, the split choice, a provincial file.

use junheng_core::standards::{self, CountyRule, Split, Standard};

use crate::i18n::K;

/// The built-in national standards offered by the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// 基本均衡, 教督〔2012〕3号.
    Basic2012,
    /// 优质均衡, 教督〔2017〕6号 (the default).
    Quality2017,
}

impl Pick {
    /// Both, in the picker's order.
    pub const ALL: [Pick; 2] = [Pick::Quality2017, Pick::Basic2012];

    /// The engine's id of the built-in table.
    pub fn id(self) -> &'static str {
        match self {
            Pick::Basic2012 => "basic-2012",
            Pick::Quality2017 => "quality-2017",
        }
    }

    /// The pick with this id.
    pub fn from_id(id: &str) -> Option<Pick> {
        Pick::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Label key in the picker.
    pub fn label(self) -> K {
        match self {
            Pick::Basic2012 => K::StdBasic2012,
            Pick::Quality2017 => K::StdQuality2017,
        }
    }

    /// One line saying what the standard judges.
    pub fn explain(self) -> K {
        match self {
            Pick::Basic2012 => K::StdBasic2012Explain,
            Pick::Quality2017 => K::StdQuality2017Explain,
        }
    }
}

/// How spanning schools are split, as offered by the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitChoice {
    /// Guidance weights: junior pupil 1.1, senior 1.32.
    Guidance,
    /// Shares proportional to pupils.
    Pupils,
    /// Rows are already 小学部 / 初中部.
    AlreadySplit,
}

impl SplitChoice {
    /// Every choice, in the picker's order.
    pub const ALL: [SplitChoice; 3] = [
        SplitChoice::Guidance,
        SplitChoice::Pupils,
        SplitChoice::AlreadySplit,
    ];

    /// Stable id (the option's value).
    pub fn id(self) -> &'static str {
        match self {
            SplitChoice::Guidance => "weighted",
            SplitChoice::Pupils => "pupils",
            SplitChoice::AlreadySplit => "already_split",
        }
    }

    /// The choice with this id.
    pub fn from_id(id: &str) -> Option<SplitChoice> {
        SplitChoice::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The engine's split.
    pub fn split(self) -> Split {
        match self {
            SplitChoice::Guidance => Split::GUIDANCE,
            SplitChoice::Pupils => Split::PupilProportional,
            SplitChoice::AlreadySplit => Split::AlreadySplit,
        }
    }

    /// The choice of an engine split (any weighted split is shown as the guidance's).
    pub fn of(split: Split) -> SplitChoice {
        match split {
            Split::Weighted { .. } => SplitChoice::Guidance,
            Split::PupilProportional => SplitChoice::Pupils,
            Split::AlreadySplit => SplitChoice::AlreadySplit,
        }
    }

    /// Label key.
    pub fn label(self) -> K {
        match self {
            SplitChoice::Guidance => K::StdSplitGuidance,
            SplitChoice::Pupils => K::StdSplitPupils,
            SplitChoice::AlreadySplit => K::StdSplitAlready,
        }
    }
}

/// What kind of provincial file was loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomKind {
    /// A whole standard table (replaces the built-in one).
    Json,
    /// Per-school values (and optionally CV thresholds) replacing the built-in's.
    Csv,
}

/// A provincial standard file as loaded, kept as text and read again when the built-in
/// standard it modifies changes.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomStandard {
    /// The file's name, shown in the picker and the 口径 line.
    pub file_name: String,
    /// JSON (whole table) or CSV (values).
    pub kind: CustomKind,
    /// The file's text.
    pub text: String,
}

impl CustomStandard {
    /// A file by its name: `.json` is a whole table, anything else (`.csv`, `.txt`) a table of
    /// values; a text starting with `{` is JSON whatever its name.
    pub fn new(file_name: &str, text: &str) -> CustomStandard {
        let text = text.trim_start_matches('\u{feff}').to_string();
        let json =
            file_name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
        CustomStandard {
            file_name: file_name.to_string(),
            kind: if json {
                CustomKind::Json
            } else {
                CustomKind::Csv
            },
            text,
        }
    }
}

/// The standard in force: the built-in pick, replaced (JSON) or modified (CSV) by a loaded
/// file.
pub fn resolve_standard(
    pick: Pick,
    custom: Option<&CustomStandard>,
) -> Result<Standard, standards::Error> {
    match custom {
        None => Standard::builtin(pick.id()),
        Some(c) if c.kind == CustomKind::Json => Standard::from_json(&c.text),
        Some(c) => Standard::builtin(pick.id())?.with_values_csv(&c.text),
    }
}

/// Whether a standard judges the county on the composite (2012 style).
pub fn judges_composite(standard: &Standard) -> bool {
    matches!(standard.county_rule(), CountyRule::Composite { .. })
}
