//! Delimited text → a grid of cells with their lines: the delimiter is sniffed among `,` `;`
//! tab and `|`, quotes and doubled quotes are honoured, lines may end in CRLF, LF or CR.
//! (Decimal commas are decided per column once the header is known: `separators`.)

use super::{CellText, RawRow};

/// Delimiters tried, in order of preference on a tie.
const CANDIDATES: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Picks the delimiter whose count per line is most consistent over the first lines, ignoring
/// delimiters inside quotes. Title rows (one cell) don't vote.
pub fn sniff_delimiter(text: &str) -> u8 {
    // The first 64 KB of each line vote: enough for any header, and a 10 MB field is not
    // scanned four times.
    let lines: Vec<&str> = text
        .lines()
        .take(60)
        .map(|line| {
            let mut end = line.len().min(65_536);
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            &line[..end]
        })
        .collect();
    let mut best = (b',', 0usize);
    for delimiter in CANDIDATES {
        let counts: Vec<usize> = lines
            .iter()
            .map(|line| count_outside_quotes(line, delimiter as char))
            .filter(|n| *n > 0)
            .collect();
        // Score: how many lines share the most common non-zero count, times that count's weight.
        let mut mode = (0usize, 0usize);
        for n in &counts {
            let same = counts.iter().filter(|m| *m == n).count();
            if same > mode.0 || (same == mode.0 && *n > mode.1) {
                mode = (same, *n);
            }
        }
        let score = mode.0 * 4 + counts.len() + usize::from(mode.1 > 1);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == delimiter && !in_quotes {
            n += 1;
        }
    }
    n
}

/// Splits text into records. Never fails: an unterminated quote runs to the end of the file,
/// as in Excel. CRLF and a bare CR (old Mac Excel) are read as LF, so lines count the same.
pub fn parse_delimited(text: &str, delimiter: u8) -> Vec<RawRow> {
    if delimiter.is_ascii() && !text.contains('"') {
        return split_unquoted(text, delimiter);
    }
    let owned;
    let text = if text.contains('\r') {
        owned = lf_line_ends(text);
        owned.as_str()
    } else {
        text
    };
    read_records(text, delimiter)
}

/// [`parse_delimited`] of text without a quote, as most exports are: then the csv reader's
/// records (after [`lf_line_ends`]) are the non-empty lines split on the delimiter (a test
/// compares the two). Splitting the text itself gives each cell as a `&str` of it, without
/// the reader's per-record copy and UTF-8 check nor a copy of the text for its line ends
/// (CRLF, LF and a lone CR each end one line, as in `lf_line_ends`). O(bytes).
fn split_unquoted(text: &str, delimiter: u8) -> Vec<RawRow> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let (mut line, mut start) = (1u64, 0usize);
    loop {
        let end = bytes[start..]
            .iter()
            .position(|b| matches!(b, b'\n' | b'\r'))
            .map_or(bytes.len(), |i| start + i);
        if end > start {
            rows.push(RawRow {
                line,
                cells: split_line(&text[start..end], delimiter),
            });
        }
        if end == bytes.len() {
            return rows;
        }
        start = end
            + if bytes[end..].starts_with(b"\r\n") {
                2
            } else {
                1
            };
        line += 1;
    }
}

/// The cells of one line: the delimiter is ASCII, so every cut is at a character boundary.
fn split_line(line: &str, delimiter: u8) -> Vec<CellText> {
    let bytes = line.as_bytes();
    let mut cells = Vec::with_capacity(bytes.iter().filter(|b| **b == delimiter).count() + 1);
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == delimiter {
            cells.push(CellText::from(&line[start..i]));
            start = i + 1;
        }
    }
    cells.push(CellText::from(&line[start..]));
    cells
}

/// [`parse_delimited`] by the csv reader, for text with LF line ends.
fn read_records(text: &str, delimiter: u8) -> Vec<RawRow> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted from byte offsets: the reader skips blank lines without counting them.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let mut start = record
                    .position()
                    .map_or(counted_to, |p| p.byte() as usize)
                    .clamp(counted_to, bytes.len());
                // The position is where the reader began, before the blank lines it skipped.
                while bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
                line += bytes[counted_to..start]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count() as u64;
                counted_to = start;
                rows.push(RawRow {
                    line,
                    cells: record.iter().map(CellText::from).collect(),
                });
            }
            // Input is valid UTF-8 text, so the reader has nothing left to complain about;
            // stop rather than loop if it ever does.
            Err(_) => break,
        }
    }
    rows
}

/// CRLF and bare CR as LF, in one pass over the text (CRLF first: `\r\r\n` is two line ends).
fn lf_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// Line (from 1) of a quote that opens a cell and is never closed, if any, read the way
/// [`parse_delimited`] reads: a quote opens a quoted cell only at the start of a cell, `""`
/// inside one is a literal quote, and a quote elsewhere is an ordinary character.
pub fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    // Most files have no quote at all: one fast search instead of a walk byte by byte.
    if !text.contains('"') {
        return None;
    }
    let bytes = text.as_bytes();
    let (mut line, mut open_line) = (1u64, 0u64);
    let (mut in_quotes, mut cell_start) = (false, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' && cell_start {
            in_quotes = true;
            open_line = line;
        } else {
            cell_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
        if in_quotes {
            cell_start = false;
        }
        i += 1;
    }
    in_quotes.then_some(open_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, delimiter: u8, expected: &[(u64, &[&str])]) {
        assert_eq!(sniff_delimiter(text), delimiter, "{text:?}");
        let rows = parse_delimited(text, delimiter);
        let got: Vec<(u64, Vec<&str>)> = rows
            .iter()
            .map(|r| (r.line, r.cells.iter().map(CellText::as_str).collect()))
            .collect();
        let expected: Vec<(u64, Vec<&str>)> =
            expected.iter().map(|(l, c)| (*l, c.to_vec())).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn splits() {
        check("a,b\n1,2\n", b',', &[(1, &["a", "b"]), (2, &["1", "2"])]);
        check(
            "a,b\r\n1,2\r\n",
            b',',
            &[(1, &["a", "b"]), (2, &["1", "2"])],
        );
        check("a,b\r1,2\r", b',', &[(1, &["a", "b"]), (2, &["1", "2"])]);
        check(
            "a;b\n1,5;2\n",
            b';',
            &[(1, &["a", "b"]), (2, &["1,5", "2"])],
        );
        check("a\tb\n1\t2", b'\t', &[(1, &["a", "b"]), (2, &["1", "2"])]);
        check(
            "a|b|c\n1|2|3",
            b'|',
            &[(1, &["a", "b", "c"]), (2, &["1", "2", "3"])],
        );
        check(
            "title\na,b\n\"1,234\",\"say \"\"hi\"\"\"\n",
            b',',
            &[
                (1, &["title"]),
                (2, &["a", "b"]),
                (3, &["1,234", "say \"hi\""]),
            ],
        );
        check(
            "a,b\n\"x\ny\",2\n3,4",
            b',',
            &[(1, &["a", "b"]), (2, &["x\ny", "2"]), (4, &["3", "4"])],
        );
        check(
            "a,b\n\"open,2\n3,4",
            b',',
            &[(1, &["a", "b"]), (2, &["open,2\n3,4"])],
        );
        check(
            "a,b\n1,2,3\n4\n",
            b',',
            &[(1, &["a", "b"]), (2, &["1", "2", "3"]), (3, &["4"])],
        );
        check(
            "a,b\n\n1,2\n\n\n3,4",
            b',',
            &[(1, &["a", "b"]), (3, &["1", "2"]), (6, &["3", "4"])],
        );
        check(
            "a,b\r\n\r\n1,2",
            b',',
            &[(1, &["a", "b"]), (3, &["1", "2"])],
        );
        check("", b',', &[]);
    }

    /// Quote-free text: the split gives exactly the csv reader's records and lines.
    #[test]
    fn unquoted_text_splits_as_the_reader_reads() {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "a", "中文", ",", ";", "\t", "\n", "\r", "\r\n", " ", "", "1.5",
        ]);
        let texts = prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat());
        proptest!(|(text in texts, delimiter in prop::sample::select(vec![b',', b';', b'\t']))| {
            prop_assert_eq!(
                split_unquoted(&text, delimiter),
                read_records(&lf_line_ends(&text), delimiter)
            );
        });
        for text in [
            "",
            "\n",
            "\n\na,b\n\n",
            ",",
            "a",
            "a,\n,b",
            "x\n\n\ny,z\n",
            "\r\r\n",
            "a\rb\r\nc\n\r",
        ] {
            let expected = read_records(&lf_line_ends(text), b',');
            assert_eq!(split_unquoted(text, b','), expected, "{text:?}");
        }
    }

    #[test]
    fn line_ends() {
        for text in [
            "a\r\nb\rc\n",
            "\r\r\n",
            "\r",
            "x\r\n\r\n",
            "",
            "no line end",
        ] {
            assert_eq!(
                lf_line_ends(text),
                text.replace("\r\n", "\n").replace('\r', "\n"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn unclosed_quotes() {
        let cases: [(&str, Option<u64>); 9] = [
            ("a,b\n1,2\n", None),
            ("a,b\n\"1,5\",2\n", None),
            ("a,b\n\"say \"\"hi\"\"\",2\n", None),
            ("a,b\n\"x\ny\",2\n3,4", None),
            ("a,b\n一\"小,2\n", None),
            ("a,b\n\"x\"y,2\n", None),
            ("a,b\n\"open,2\n3,4", Some(2)),
            ("a,b\r\n1,2\r\n3,\"4\r\n5,6", Some(3)),
            ("\"", Some(1)),
        ];
        for (text, expected) in cases {
            assert_eq!(unclosed_quote(text, b','), expected, "{text:?}");
        }
    }
}
