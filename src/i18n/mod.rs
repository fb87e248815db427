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
    // National standards tab (ui/standards, standards_view.rs).
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
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: K) -> &'static str {
    match lang {
        Lang::Zh => zh::text(key),
        Lang::En => en::text(key),
    }
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
