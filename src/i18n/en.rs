//! English catalog.

use super::K;

/// The English text of `key`.
pub fn text(key: K) -> &'static str {
    match key {
        K::AppTitle => "junheng · Balance of education across a county's schools",
        K::Tagline => "Coefficient of variation, Gini, Theil and the national balance standards, computed in your browser",
        K::LanguageSwitch => "中文",
        K::DropHere => "Drop a CSV or Excel file here, or",
        K::ChooseFile => "Choose file",
        K::LoadSample => "Load the sample",
        K::Privacy => "Your file is processed in this browser and never uploaded to any server.",
        K::SampleBadge => "Sample data (a synthetic county)",
        K::Rows => "rows",
        K::Columns => "columns",
        K::WeightColumn => "Weight column (enrollment)",
        K::Unweighted => "unweighted",
        K::CvByColumn => "Coefficient of variation by column",
        K::Column => "Column",
        K::Missing => "Missing",
        K::Mean => "Mean",
        K::Cv => "CV",
        K::CvFormula => "CV = S / X̄, S = √(Σ Pᵢ(Xᵢ − X̄)² / N), weighted by enrollment",
        K::Preview => "Preview",
        K::Line => "Line",
        K::FileUnreadable => "The file could not be read.",
    }
}
