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
