//! Bad input never panics: it gives an error or an issue whose message names line, column and
//! header in Chinese and English.

use std::path::PathBuf;

use junheng_core::error::Cell;
use junheng_core::ingest::{self, read, ReadOptions};
use junheng_core::{Error, Field, Issue, Lang};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/ingest")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Exact messages, both languages.
fn check(error: &Error, zh: &str, en: &str) {
    assert_eq!(error.message(Lang::Zh), zh);
    assert_eq!(error.message(Lang::En), en);
}

#[test]
fn messages() {
    check(
        &Error::BadNumber {
            cell: Cell {
                line: 37,
                column: 4,
                header: Some("在校学生数".into()),
            },
            text: "三百".into(),
        },
        "第 37 行 E 列“在校学生数”不是数字：“三百”。请改为数字后重新导入。",
        "Line 37, column E “在校学生数”: “三百” is not a number. Enter a number and import again.",
    );
    check(
        &Error::UnknownSheet {
            name: "初中".into(),
            available: vec!["小学".into(), "说明".into()],
        },
        "工作簿中没有名为“初中”的工作表。现有工作表：小学、说明。请从中选择一个。",
        "The workbook has no sheet named “初中”. Its sheets are: 小学, 说明. Choose one of them.",
    );
    check(
        &Error::UnknownEncoding {
            label: "klingon".into(),
        },
        "不认识的文字编码“klingon”。请选择 UTF-8、GBK（GB18030）或 Big5。",
        "Unknown text encoding “klingon”. Choose UTF-8, GBK (GB18030) or Big5.",
    );
    check(
        &Error::SpreadsheetNeedsReader,
        "这是 Excel/WPS/ODS 表格文件，需要表格读取模块才能读取。请重试，或在 Excel 中另存为 CSV 再导入。",
        "This is an Excel/ODS file; it needs the spreadsheet reader. Try again, or save it as CSV in Excel and import that.",
    );
    check(
        &Error::EmptyFile,
        "文件是空的。请选择包含学校数据的 CSV 或 Excel 文件。",
        "The file is empty. Choose a CSV or Excel file with one row per school.",
    );
    let issue = Issue::UnknownCategory {
        field: Field::UrbanRural,
        cell: Cell {
            line: 9,
            column: 2,
            header: Some("城乡分类".into()),
        },
        text: "郊区".into(),
    };
    assert_eq!(
        issue.message(Lang::Zh),
        "第 9 行 C 列“城乡分类”的“郊区”不是可识别的城乡分类。请改为如城区、镇区、乡村。"
    );
    assert_eq!(
        issue.message(Lang::En),
        "Line 9, column C “城乡分类”: “郊区” is not a known urban/rural value. Write it like 城区, 镇区 or 乡村."
    );
    let issue = Issue::RaggedRow {
        line: 4,
        expected: 3,
        found: 4,
    };
    assert_eq!(
        issue.message(Lang::Zh),
        "第 4 行有 4 个单元格，表头有 3 列。已按表头读取，请核对该行是否错位。"
    );
    assert_eq!(
        issue.message(Lang::En),
        "Line 4 has 4 cells but the header has 3 columns. It was read against the header; check that its cells are not shifted."
    );
}

/// `Ok(n)` = loads with n data rows; `Err(e)` = that error.
fn check_read(name: &str, expected: Result<usize, Error>) {
    let got = read(&fixture(name), &ReadOptions::new(name)).map(|i| i.table.rows.len());
    assert_eq!(got, expected, "{name}");
}

#[test]
fn bad_files() {
    check_read("bad/empty.csv", Err(Error::EmptyFile));
    check_read("bad/header_only.csv", Err(Error::NoData));
    check_read("bad/binary.bin", Err(Error::NotATable));
    // The quote opened on line 3 is never closed: read as Excel does, 三小 on line 4 would
    // vanish into 二小's name, so the file is refused with the line.
    check_read(
        "bad/unbalanced_quotes.csv",
        Err(Error::UnclosedQuote { line: 3 }),
    );
    check_read("bad/huge_field.csv", Ok(2));
    check_read("bad/ragged.csv", Ok(3));
    check_read("bad/bad_number.csv", Ok(8));
}

#[test]
fn odd_bytes_never_panic() {
    let cases: &[&[u8]] = &[
        b"",
        b"\n\n\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFF\xFEa",
        b"PK\x03\x04",
        b"\xD0\xCF\x11\xE0",
        b"\"",
        b",,,,\n,,,,",
        b"a",
        b"\0\0\0\0",
        "学校名称,学生数\n合计,3".as_bytes(),
        "一、小学".as_bytes(),
        "学校名称,在校学生数\n\"一小\",\"1\"\"2\"\n".as_bytes(),
    ];
    for bytes in cases {
        let _ = read(bytes, &ReadOptions::new("x"));
        let _ = ingest::sheet_names(bytes);
        let _ = junheng_sheets::read(bytes, &ReadOptions::new("x"));
        let _ = junheng_sheets::sheet_names(bytes);
    }
}

#[test]
fn bad_number_names_line_column_and_header() {
    let ingested = read(
        &fixture("bad/bad_number.csv"),
        &ReadOptions::new("bad_number.csv"),
    )
    .unwrap();
    let students =
        ingest::read_column(&ingested.table, &ingested.mapping, Field::Students).unwrap();
    assert_eq!(students.values.len(), 7);
    assert_eq!(students.invalid.len(), 1);
    check(
        &students.invalid[0],
        "第 3 行 E 列“在校学生数”不是数字：“三百”。请改为数字后重新导入。",
        "Line 3, column E “在校学生数”: “三百” is not a number. Enter a number and import again.",
    );
    let computers =
        ingest::read_column(&ingested.table, &ingested.mapping, Field::Computers).unwrap();
    assert_eq!(computers.missing, [6], "an empty cell is missing, never 0");
}

#[test]
fn ragged_rows_are_issues() {
    let ingested = read(&fixture("bad/ragged.csv"), &ReadOptions::new("ragged.csv")).unwrap();
    let ragged: Vec<&Issue> = ingested
        .issues
        .iter()
        .filter(|i| matches!(i, Issue::RaggedRow { .. }))
        .collect();
    assert_eq!(
        ragged,
        [
            &Issue::RaggedRow {
                line: 3,
                expected: 3,
                found: 2
            },
            &Issue::RaggedRow {
                line: 4,
                expected: 3,
                found: 4
            }
        ]
    );
}

#[test]
fn options_are_validated() {
    let bytes = fixture("clean.csv");
    let mut options = ReadOptions::new("clean.csv");
    options.encoding = Some("klingon".into());
    assert_eq!(
        read(&bytes, &options),
        Err(Error::UnknownEncoding {
            label: "klingon".into()
        })
    );
    let mut options = ReadOptions::new("clean.csv");
    options.delimiter = Some(b'"');
    assert!(matches!(
        read(&bytes, &options),
        Err(Error::BadOption { .. })
    ));
    let mut options = ReadOptions::new("twin.xlsx");
    options.sheet = Some("初中".into());
    assert_eq!(
        read(&fixture("twin.xlsx"), &options),
        Err(Error::SpreadsheetNeedsReader)
    );
    assert_eq!(
        junheng_sheets::read(&fixture("twin.xlsx"), &options),
        Err(Error::UnknownSheet {
            name: "初中".into(),
            available: vec!["学校数据".into(), "简表".into()]
        })
    );
    // A forced delimiter and encoding are used.
    let mut options = ReadOptions::new("gbk_crlf.csv");
    options.delimiter = Some(b',');
    options.encoding = Some("gbk".into());
    let ingested = read(&fixture("gbk_crlf.csv"), &options).unwrap();
    assert_eq!(ingested.table.source.delimiter, Some(','));
    assert_eq!(ingested.table.source.encoding, "gbk");
    assert_eq!(ingested.table.headers[0], "学校名称");
    // A wrong delimiter gives one column per row: no header with several known names.
    options.delimiter = Some(b'|');
    assert_eq!(read(&fixture("gbk_crlf.csv"), &options), Err(Error::NoData));
}

#[test]
fn unknown_categories_are_issues() {
    let text = "学校名称,学段,城乡分类,在校学生数\n一小,小学,城区,100\n二小,幼儿园,郊区,50\n";
    let ingested = read(text.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
    let lines: Vec<(Field, u64, &str)> = ingested
        .issues
        .iter()
        .filter_map(|i| match i {
            Issue::UnknownCategory { field, cell, text } => {
                Some((*field, cell.line, text.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        lines,
        [(Field::Level, 3, "幼儿园"), (Field::UrbanRural, 3, "郊区")]
    );
}

#[test]
fn user_can_override_the_mapping() {
    let mut ingested = read(&fixture("clean.csv"), &ReadOptions::new("clean.csv")).unwrap();
    let teachers = ingested.mapping.get(Field::Teachers).unwrap().column;
    ingested.mapping.set(Field::Staff, teachers, 1.0);
    ingested.mapping.clear(Field::Teachers);
    assert_eq!(ingested.mapping.get(Field::Teachers), None);
    assert_eq!(ingested.mapping.field_of(teachers), Some(Field::Staff));
    assert_eq!(
        ingested.mapping.get(Field::Staff).unwrap().detection,
        ingest::Detection::User
    );
}
