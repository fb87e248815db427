//! Every string of the page, in one catalog per language (`zh.rs`, `en.rs`).
//!
//! A key is a variant of [`K`]; each catalog is one exhaustive `match`, so a key missing from
//! either language does not compile. Messages from the engine come with both languages already
//! (`junheng_core::Error::message`).

mod en;
mod zh;

pub use junheng_core::Lang;

/// A message key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum K {
    AppTitle,
    Tagline,
    LanguageSwitch,
    DropHere,
    ChooseFile,
    LoadSample,
    Loading,
    Privacy,
    FileUnreadable,
    Dataset,
    SampleBadge,
    Rows,
    Columns,
    Settings,
    Level,
    AllSchools,
    GroupBy,
    NoGrouping,
    Weight,
    WeightAuto,
    Unweighted,
    MedianRule,
    MedianAtOrBelow,
    MedianStrict,
    TabData,
    TabIndicators,
    TabSchools,
    TabGroups,
    TabCharts,
    TabStandards,
    Detected,
    Format,
    Encoding,
    Delimiter,
    HeaderRow,
    DataRows,
    Sheet,
    SkippedRows,
    Issues,
    Line,
    ColumnMapping,
    ColumnMappingHint,
    NotMapped,
    Preview,
    IndicatorTable,
    IndicatorTableNote,
    Indicator,
    TipN,
    Mean,
    TipMean,
    Cv,
    TipCv,
    Gini,
    TipGini,
    Theil,
    TipTheil,
    McLoone,
    TipMcLoone,
    Verstegen,
    TipVerstegen,
    RangeRatio,
    TipRangeRatio,
    FederalRangeRatio,
    TipFederalRangeRatio,
    Atkinson05,
    Atkinson1,
    Atkinson2,
    TipAtkinson,
    Hoover,
    TipHoover,
    Threshold,
    TipThreshold,
    Pass,
    Fail,
    CustomIndicators,
    Numerator,
    Denominator,
    Factor,
    IndicatorName,
    ChooseColumn,
    NoDenominator,
    Add,
    Remove,
    Warnings,
    // Load extras, export bar, print report, settings (ui-export).
    Templates,
    TemplateHint,
    TemplateCsv,
    TemplateXlsx,
    SampleGbkCsv,
    SampleXlsx,
    Export,
    ExportCsv,
    ExportCsvTip,
    ExportJson,
    ExportJsonTip,
    Print,
    PrintTip,
    ReportTitle,
    DataSource,
    ReportDate,
    ReportSettings,
    Definitions,
    DefinitionCv,
    DefinitionMedian,
    DefinitionLocal,
    NoData,
    SkipToResults,
    // Results: schools, groups and charts tabs (ui-results).
    SchoolsTitle,
    SchoolsNote,
    SchoolName,
    WeightPupils,
    Value,
    Deviation,
    DeviationPct,
    TipDeviation,
    ShareOfVariance,
    TipShare,
    CvWithout,
    TipCvWithout,
    CvChange,
    TipCvChange,
    FilterByName,
    BelowMeanOnly,
    PagePrev,
    PageNext,
    PageStatus,
    NoSchoolMatches,
    DriversSentence,
    GroupsTitle,
    NoGroupHint,
    Group,
    AllGroups,
    TheilSplit,
    TipTheilShare,
    CountyMean,
    NationalStandard,
    LorenzHeading,
    BarsHeading,
    BoxHeading,
    TrendHeading,
    CountiesHeading,
    BoxNeedsGroup,
    SliceNote,
    DownloadSvg,
    DownloadPng,
    DownloadFailed,
    FindLorenz,
    FindLorenzShort,
    FindBars,
    FindBarsNoRatio,
    FindBarsStandard,
    FindGroups,
    FindBox,
    FindTrendDown,
    FindTrendUp,
    FindTrendFlat,
    FindCounties,
    DescLorenz,
    DescBars,
    DescBarsStandard,
    DescGroups,
    DescBox,
    DescTrend,
    DescCounties,
    // National standards tab (ui/standards, model/standards).
    StdBasic2012,
    StdQuality2017,
    StdBasic2012Explain,
    StdQuality2017Explain,
    StdPickLabel,
    StdSplitLabel,
    StdSplitGuidance,
    StdSplitPupils,
    StdSplitAlready,
    StdSplitExplain,
    StdIncludeTp,
    StdIncludeTpExplain,
    StdIncludePrivate,
    StdIncludePrivateExplain,
    StdGym,
    StdGymExplain,
    StdLevelDefault,
    StdFileLabel,
    StdFileExplain,
    StdFileLoaded,
    StdFileError,
    StdWholeFileNote,
    StdVerdicts,
    StdSchools,
    StdPupils,
    StdFailingSchools,
    StdJudgedComposite,
    StdJudgedEvery,
    StdMeanInfo,
    StdSingleCvs,
    StdBorderline,
    StdWas,
    StdAllMet,
    StdCvTable,
    StdRowMean,
    StdRowSd,
    StdRowCv,
    StdRowThreshold,
    StdRowVerdict,
    StdComposite,
    StdNotJudged,
    StdInfoOnly,
    StdCvTableNote,
    StdAttainment,
    StdFailingOnly,
    StdSchool,
    StdType,
    StdFloor,
    StdStandardValue,
    StdActual,
    StdReached,
    StdMet,
    StdSchoolVerdict,
    StdBelowFloor,
    StdMissing,
    StdAttainmentNote,
    StdEvaluating,
    StdNoSchoolRule,
    StdShortfalls,
    StdLacks,
    StdCountyTotal,
    StdTotalFailing,
    StdTotalAll,
    StdSchoolsBelow,
    StdFillSchool,
    StdFillLevel,
    StdNoFailing,
    StdMissingData,
    StdEdit,
    StdEditIndicator,
    StdEditAmount,
    StdEditAdd,
    StdEditHint,
    StdPlanner,
    StdPlannerNone,
    StdFloorPlan,
    StdFloorExplain,
    StdFloorLevel,
    StdSchoolsAffected,
    StdCost,
    StdCvBefore,
    StdCvAfter,
    StdTopK,
    StdRaise,
    StdLower,
    StdApplyPlan,
    StdCompositePlan,
    StdCap,
    StdWhatIf,
    StdChanges,
    StdReset,
    StdCsv,
    StdCsvTip,
    StdWhatIfNone,
    StdOtherChecks,
    StdCheckSchoolSize,
    StdCheckClassSize,
    StdLimit,
    StdValue,
    StdOk,
    StdNotOk,
    StdUndetermined,
    StdOtherChecksNote,
    StdShowOk,
    StdNotes,
    StdPrimary,
    StdJunior,
    StdUnitM2,
    StdUnitYuan,
    StdUnitTeachers,
    StdUnitRooms,
    StdUnitComputers,
    StdUnitVolumes,
    StdUnitUnits,
    StdTypePrimary,
    StdTypeJunior,
    StdTypeNineYear,
    StdTypeTwelveYear,
    StdTypeComplete,
    StdTypeTeachingPoint,
    StdTypePrimarySection,
    StdTypeJuniorSection,
    StdTypeOther,
    StdScope,
    StdScopeSplitPupils,
    StdScopeSplitAlready,
    StdScopeTpIn,
    StdScopeTpOut,
    StdScopePrivateIn,
    StdScopePrivateOut,
    StdScopeGymMoved,
    StdScopeGymKept,
    StdScopeWeighted,
    StdScopeEqual,
    StdScopeWholeFile,
    StdScopeFile,
    StdScopeLegend,
    // Share links and offline use (share_panel, link_prompt).
    ShareOpen,
    ShareTitle,
    ShareIntro,
    ShareIncludeData,
    ShareIncludeDataHint,
    SharePassphrase,
    SharePassphraseHint,
    ShareCopy,
    ShareMaking,
    ShareCopied,
    ShareCopyManual,
    ShareLink,
    ShareLength,
    ShareChars,
    ShareWarnChat,
    ShareWarnBrowser,
    ShareQr,
    ShareQrTooLong,
    ShareEncrypted,
    ShareFailed,
    ShareClose,
    OfflineTitle,
    OfflineIntro,
    OfflineDownload,
    OfflineFailed,
    LinkWaiting,
    LinkMadeWith,
    LinkApplied,
    LinkMissing,
    LinkEncrypted,
    LinkPassphrase,
    LinkUnlock,
    LinkUnlocking,
    LinkIgnore,
    LinkTitle,
    LinkForeign,
    LinkDamaged,
    LinkNewer,
    LinkTooLarge,
    LinkWrongPassphrase,
    LinkNoCrypto,
    // Large files: the engine worker's progress bar (ui/frame/progress.rs).
    /// Reading a large file in the background
    ProgressTitle,
    /// Reading the file
    ProgressReading,
    /// Decoding and parsing the table
    ProgressParsing,
    /// Computing the measures
    ProgressComputing,
    /// rows
    ProgressRows,
    /// Cancel
    ProgressCancel,
    /// Loading cancelled.
    ProgressCancelled,
    /// The page stays usable while the file loads.
    ProgressHint,
    /// “N more schools are not listed here …” under a capped per-school table.
    RowsCapped,
    // A national file on the page: lists and charts that show part of it (model/bounds.rs,
    // chart/draw/*). Chart notes are templates drawn in both languages, "中文 · English".
    /// “N more are not listed here …” under a capped list that is not of schools.
    ListCapped,
    /// “N more columns are not listed here …” under the preview of a file of many columns.
    ColumnsCapped,
    /// “N more groups are not listed here …” under a capped group table.
    GroupsCapped,
    /// The Lorenz curve is drawn through {m} of the {n} schools' points; the Gini counts all.
    ChartLorenzThinned,
    /// The bar chart shows the {k} lowest and {k} highest of {n} schools.
    ChartBarsCapped,
    /// The box plot of {n} schools draws boxes and outliers, not every school.
    ChartBoxNoPoints,
    /// {total} outliers, the {shown} most extreme drawn.
    ChartOutliersCapped,
    /// The box plot shows the {k} groups with the most schools of {n} groups.
    ChartGroupsCapped,
    /// The group bars show the {k} lowest and {k} highest of {n} groups.
    ChartGroupBarsCapped,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: K) -> &'static str {
    match lang {
        Lang::Zh => zh::text(key),
        Lang::En => en::text(key),
    }
}

/// `template` with every `{name}` replaced by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The page language for a browser language tag: Chinese for `zh*`, English otherwise.
pub fn lang_from_tag(tag: &str) -> Lang {
    if tag.trim().to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The stable code of a language, as stored in settings and links: `zh` or `en`.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_templates() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
    }

    #[test]
    fn languages_from_browser_tags() {
        let cases = [
            ("zh-CN", Lang::Zh),
            ("zh-TW", Lang::Zh),
            ("ZH", Lang::Zh),
            ("en-US", Lang::En),
            ("fr", Lang::En),
            ("", Lang::En),
        ];
        for (tag, lang) in cases {
            assert_eq!(lang_from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn catalogs_differ_and_are_not_empty() {
        for key in [
            K::AppTitle,
            K::DropHere,
            K::Privacy,
            K::SampleBadge,
            K::FileUnreadable,
        ] {
            assert!(!t(Lang::Zh, key).is_empty() && !t(Lang::En, key).is_empty());
            assert_ne!(t(Lang::Zh, key), t(Lang::En, key), "{key:?}");
        }
    }
}
