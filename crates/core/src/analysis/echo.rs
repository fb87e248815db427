//! The report's echo of its input: how the file was read, and ingestion's issues as warnings.

use crate::ingest::SourceInfo;
use crate::report::{SkippedRow, SliceEcho, Source, TitleLine, Warning};
use crate::{Issue, Lang};

/// How the file was read, as the report says it.
pub(crate) fn source(source: &SourceInfo, county: crate::county::County) -> Source {
    Source {
        name: source.name.clone(),
        format: source.format.clone(),
        encoding: source.encoding.clone(),
        delimiter: source.delimiter,
        header_row: source.header_row,
        data_rows: source.data_rows,
        skipped: source
            .skipped
            .iter()
            .map(|s| SkippedRow {
                line: s.line,
                reason: s.reason.clone(),
                reason_zh: s.reason_zh.clone(),
            })
            .collect(),
        header_lines: source.header_lines.clone(),
        title: source
            .title
            .iter()
            .map(|(line, text)| TitleLine {
                line: *line,
                text: text.clone(),
            })
            .collect(),
        sheet: source.sheet.clone(),
        decimal_comma: source.decimal_comma,
        county,
        slice: source.slice.as_ref().map(|s| SliceEcho {
            by: s.by.clone(),
            value: s.value.clone(),
        }),
    }
}

/// An ingestion issue as a report warning.
pub(crate) fn issue_warning(issue: &Issue) -> Warning {
    let code = issue.code();
    Warning {
        code,
        indicator: None,
        line: issue.line(),
        zh: issue.message(Lang::Zh),
        en: issue.message(Lang::En),
    }
}

/// The rows analysed hold several counties or years: the CVs and verdicts computed over them
/// mix counties (or years), where the national measure is one county's in one year
/// (docs/domain.md §6); each is analysed on its own with `--by` (`crate::slices`).
pub(crate) fn several_counties(ingested: &crate::ingest::Ingested, kept: &[usize]) -> Vec<Warning> {
    crate::county::several_values(ingested, kept, 5)
        .into_iter()
        .map(|(column, values)| {
            let header = crate::quote::quote(&ingested.table.headers[column]).into_owned();
            let shown: Vec<String> = values
                .iter()
                .map(|v| crate::quote::quote(v).into_owned())
                .collect();
            Warning {
                code: "several_counties",
                indicator: None,
                line: None,
                zh: format!(
                    "“{header}”列有多个值（{} 等）：这是多个县或多个年份的数据，合在一起算出的差异系数和结论不是任何一个县的。请按该列分别计算（junheng analyze --by {header}），或筛选其中一个值（--where {header}=…）。",
                    shown.join("、")
                ),
                en: format!(
                    "Column “{header}” holds several values ({} …): these are several counties or years, and CVs and verdicts computed over them together belong to no county. Analyse each on its own (junheng analyze --by {header}) or keep one (--where {header}=…).",
                    shown.join(", ")
                ),
            }
        })
        .collect()
}
