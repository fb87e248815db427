//! What the page draws per column of a file. A school table has dozens of columns; a file may
//! have 200 000 (a transposed table, or junk), and a select per canonical field listing every
//! column, a preview row per column, made millions of elements: 20 000 columns took 69 s and
//! 3.9 GB (issue 16). Selects list the first [`MAX_COLUMNS_DRAWN`] columns (and any chosen
//! beyond them), the preview shows as many, and a cell shows at most [`MAX_CELL_DRAWN`]
//! characters. Above these bounds the page draws the same as before.

use std::borrow::Cow;

/// Columns listed in a select or shown in the preview.
pub const MAX_COLUMNS_DRAWN: usize = 200;

/// Characters of a cell drawn in the preview (a 20 MB cell is a file error, not a cell to show).
pub const MAX_CELL_DRAWN: usize = 200;

/// The columns (by index) a select of `count` columns lists: the first [`MAX_COLUMNS_DRAWN`],
/// then those of `keep` beyond them (the current choice stays visible), in column order.
pub fn listed(count: usize, keep: &[usize]) -> Vec<usize> {
    let mut columns: Vec<usize> = (0..count.min(MAX_COLUMNS_DRAWN)).collect();
    let mut beyond: Vec<usize> = keep
        .iter()
        .copied()
        .filter(|&k| k >= MAX_COLUMNS_DRAWN && k < count)
        .collect();
    beyond.sort_unstable();
    beyond.dedup();
    columns.extend(beyond);
    columns
}

/// The headers a select lists (see [`listed`]), keeping those named in `keep`, and how many
/// are not listed.
pub fn listed_headers(headers: &[String], keep: &[&str]) -> (Vec<String>, usize) {
    let kept: Vec<usize> = keep
        .iter()
        .filter_map(|name| headers.iter().position(|h| h == name))
        .collect();
    let columns = listed(headers.len(), &kept);
    let hidden = headers.len() - columns.len();
    (
        columns.into_iter().map(|c| headers[c].clone()).collect(),
        hidden,
    )
}

/// A cell's text as drawn: at most [`MAX_CELL_DRAWN`] characters, then `…`.
pub fn cell_drawn(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_CELL_DRAWN) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_list_a_bounded_number_of_columns_and_the_choice() {
        assert_eq!(listed(3, &[]), [0, 1, 2]);
        let many = listed(200_000, &[5, 150_000, 150_000, 199_999, 300_000]);
        assert_eq!(many.len(), MAX_COLUMNS_DRAWN + 2);
        assert_eq!(&many[MAX_COLUMNS_DRAWN..], [150_000, 199_999]);
        let headers: Vec<String> = (0..1000).map(|i| format!("c{i}")).collect();
        let (shown, hidden) = listed_headers(&headers, &["c900", "nope"]);
        assert_eq!(shown.len(), MAX_COLUMNS_DRAWN + 1);
        assert_eq!(shown.last().unwrap(), "c900");
        assert_eq!(hidden, 1000 - MAX_COLUMNS_DRAWN - 1);
    }

    #[test]
    fn long_cells_are_cut() {
        assert_eq!(cell_drawn("一小"), "一小");
        let long = "字".repeat(20_000);
        assert_eq!(cell_drawn(&long).chars().count(), MAX_CELL_DRAWN + 1);
    }
}
