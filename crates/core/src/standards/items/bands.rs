//! Class-size bands (G5, docs/domain.md §2.2): a file may count classes by size (46-50人,
//! 56人以上 = 大班额, …) instead of giving the largest class. How many classes are above a
//! limit is known exactly when bands above the limit cover every size from limit + 1 up,
//! without a gap; a band above the limit with classes in it shows there is at least that many
//! even with a gap; otherwise the bands cannot tell.

use std::collections::BTreeMap;

use crate::fields::Field;

/// Classes above a limit, as far as the bands tell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Above {
    /// Exactly this many (the bands cover every size above the limit).
    Exactly(f64),
    /// At least this many (a band above the limit has classes; the bands leave a gap).
    AtLeast(f64),
    /// The bands cannot tell (none of them, or a gap and no class in the others).
    Unknown,
}

/// Classes of more than `limit` pupils, from the band counts among `values`.
pub fn above(values: &BTreeMap<Field, f64>, limit: u32) -> Above {
    let bands: Vec<(u32, Option<u32>, f64)> = values
        .iter()
        .filter_map(|(f, v)| f.class_band().map(|(lo, hi)| (lo, hi, *v)))
        .filter(|(lo, _, _)| *lo > limit)
        .collect();
    if let Some(total) = cover(&bands, limit + 1) {
        return Above::Exactly(total);
    }
    let most = bands.iter().map(|b| b.2).fold(0.0, f64::max);
    if most > 0.0 {
        Above::AtLeast(most)
    } else {
        Above::Unknown
    }
}

/// The classes of bands that cover every size from `from` up, one after the other; `None`
/// when no chain of bands does.
fn cover(bands: &[(u32, Option<u32>, f64)], from: u32) -> Option<f64> {
    bands
        .iter()
        .filter(|(lo, _, _)| *lo == from)
        .find_map(|(_, hi, count)| match hi {
            None => Some(*count),
            Some(hi) => cover(bands, hi + 1).map(|rest| count + rest),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(Field, f64)]) -> BTreeMap<Field, f64> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn a_chain_of_bands_counts_exactly() {
        let v = with(&[
            (Field::Classes46To50, 2.0),
            (Field::Classes51To55, 1.0),
            (Field::ClassesOver55, 0.0),
        ]);
        assert_eq!(above(&v, 45), Above::Exactly(3.0));
        assert_eq!(above(&v, 50), Above::Exactly(1.0));
        let full = with(&[
            (Field::Classes46To50, 0.0),
            (Field::Classes51To55, 0.0),
            (Field::Classes56To60, 0.0),
            (Field::Classes61To65, 0.0),
            (Field::ClassesOver65, 1.0),
        ]);
        assert_eq!(above(&full, 45), Above::Exactly(1.0));
        assert_eq!(
            above(&with(&[(Field::ClassesOver45, 0.0)]), 45),
            Above::Exactly(0.0)
        );
    }

    #[test]
    fn a_gap_gives_at_least_or_unknown() {
        let big = with(&[(Field::ClassesOver55, 2.0)]);
        assert_eq!(above(&big, 45), Above::AtLeast(2.0));
        assert_eq!(above(&big, 50), Above::AtLeast(2.0));
        let none = with(&[(Field::ClassesOver55, 0.0)]);
        assert_eq!(
            above(&none, 45),
            Above::Unknown,
            "classes of 46 to 55 are not counted"
        );
        assert_eq!(above(&BTreeMap::new(), 45), Above::Unknown);
        // 46人以上 says nothing of classes above 50 alone: 46-50 are inside it.
        assert_eq!(
            above(&with(&[(Field::ClassesOver45, 3.0)]), 50),
            Above::Unknown
        );
    }
}
