//! Thresholds of the items as a county or a province changes them: one at a time (the page's
//! form, [`Standard::set_item_threshold`]) or from the rows of a provincial CSV
//! ([`Standard::with_values_csv`]); and the size limits that G4 and G5 give.

use super::super::error::{Error, ItemProblem};
use super::super::input::Level;
use super::super::table::Standard;
use super::table::{check_threshold, size_limits_of};

impl Standard {
    /// Changes a threshold of an item, for one level or (`None`) both: what the page's form
    /// does when a county edits a threshold its province sets otherwise. A rate is a fraction
    /// (0.95). The size limits of G4 and G5 follow.
    pub fn set_item_threshold(
        &mut self,
        id: &str,
        key: &str,
        level: Option<Level>,
        value: f64,
    ) -> Result<(), Error> {
        let item = self
            .items
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or_else(|| Error::UnknownItem { id: id.to_string() })?;
        let bad = |problem| Error::BadItem {
            id: id.to_string(),
            problem,
        };
        let v = item
            .values
            .iter_mut()
            .find(|v| v.key == key)
            .ok_or_else(|| {
                bad(ItemProblem::MissingValue {
                    key: key.to_string(),
                })
            })?;
        let Some(threshold) = v.threshold.as_mut() else {
            return Err(bad(ItemProblem::NoThreshold {
                key: key.to_string(),
            }));
        };
        check_threshold(key, v.unit, value).map_err(bad)?;
        match level {
            Some(Level::Primary) if v.per_level => threshold.primary = value,
            Some(Level::Junior) if v.per_level => threshold.junior = value,
            _ => {
                threshold.primary = value;
                threshold.junior = value;
            }
        }
        if !self.items.is_empty() {
            self.size_limits = size_limits_of(&self.items);
        }
        Ok(())
    }

    /// One CSV row of [`Standard::with_values_csv`] that names an item: `[primary, junior,
    /// value]` cells.
    pub(in crate::standards) fn override_item(
        &mut self,
        line: u64,
        name: &str,
        cells: [&str; 3],
    ) -> Result<(), Error> {
        let (id, key) = match name.split_once('.') {
            Some((id, key)) => (id, Some(key)),
            None => (name, None),
        };
        let item = self.item(id).ok_or_else(|| Error::UnknownIndicator {
            line,
            id: name.to_string(),
        })?;
        let with_threshold: Vec<&str> = item
            .values
            .iter()
            .filter(|v| v.threshold.is_some())
            .map(|v| v.key.as_str())
            .collect();
        let key = match key {
            Some(k) if with_threshold.contains(&k) => k.to_string(),
            Some(_) => {
                return Err(Error::UnknownIndicator {
                    line,
                    id: name.to_string(),
                })
            }
            None if with_threshold.len() == 1 => with_threshold[0].to_string(),
            None => {
                return Err(Error::ItemKeyNeeded {
                    line,
                    id: id.to_string(),
                    keys: with_threshold.iter().map(|k| k.to_string()).collect(),
                })
            }
        };
        let per_level = item.value(&key).is_some_and(|v| v.per_level);
        let read = |cell: &str| -> Result<Option<f64>, Error> {
            let cell = cell.trim();
            if cell.is_empty() {
                return Ok(None);
            }
            let folded = crate::ingest::number::fold_width(cell);
            let (text, scale) = match folded.strip_suffix('%') {
                Some(rest) => (rest.trim().to_string(), 0.01),
                None => (folded.clone(), 1.0),
            };
            text.parse::<f64>()
                .map(|v| Some(v * scale))
                .map_err(|_| Error::Csv {
                    line,
                    detail: format!("“{cell}” is not a number"),
                })
        };
        let [p, j, value] = [read(cells[0])?, read(cells[1])?, read(cells[2])?];
        if per_level {
            for (level, v) in [(Level::Primary, p.or(value)), (Level::Junior, j.or(value))] {
                if let Some(v) = v {
                    self.set_item_threshold(id, &key, Some(level), v)?;
                }
            }
            return Ok(());
        }
        let given: Vec<f64> = [p, j, value].into_iter().flatten().collect();
        if given.windows(2).any(|w| w[0] != w[1]) {
            return Err(Error::ItemThresholdTwice {
                line,
                id: format!("{id}.{key}"),
            });
        }
        if let Some(v) = given.first() {
            self.set_item_threshold(id, &key, None, *v)?;
        }
        Ok(())
    }
}
