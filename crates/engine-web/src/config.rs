//! The configuration the page sends to the worker, read from JSON at the boundary only.
//!
//! `{}` means the page's defaults on a new file: the first primary level, grouped by the
//! 城乡分类 column when there is one, pupil weights, median rule `at_or_below`. Each field may
//! override: `{"level": "初中" | null, "group": "乡镇" | null, "median_rule": "strict"}`
//! (`null`: no level filter, no group).

use junheng_core::analysis::{parse_median_rule, AnalysisConfig};
use junheng_core::ingest::Ingested;
use junheng_core::measures::MedianRule;
use junheng_core::Field;
use serde_json::Value;

/// A field left to the default, or set (possibly to nothing).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Choice {
    /// The page's default for a new file.
    #[default]
    Default,
    /// This value; `None`: none.
    Set(Option<String>),
}

/// What the worker analyzes with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkerConfig {
    /// Value of the level column to keep.
    pub level: Choice,
    /// Header of the group column.
    pub group: Choice,
    /// McLoone/Verstegen median rule.
    pub median_rule: MedianRule,
}

impl WorkerConfig {
    /// Reads the configuration; unknown keys are ignored.
    pub fn from_json(text: &str) -> Result<WorkerConfig, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let object = value.as_object().ok_or("not an object")?;
        let choice = |key: &str| -> Result<Choice, String> {
            match object.get(key) {
                None => Ok(Choice::Default),
                Some(Value::Null) => Ok(Choice::Set(None)),
                Some(Value::String(s)) => Ok(Choice::Set(Some(s.clone()))),
                Some(other) => Err(format!("{key}: expected a string or null, got {other}")),
            }
        };
        let median_rule = match object.get("median_rule") {
            None => MedianRule::AtOrBelow,
            Some(Value::String(s)) => {
                parse_median_rule(s).ok_or_else(|| format!("median_rule: unknown rule {s}"))?
            }
            Some(other) => return Err(format!("median_rule: expected a string, got {other}")),
        };
        Ok(WorkerConfig {
            level: choice("level")?,
            group: choice("group")?,
            median_rule,
        })
    }

    /// The analysis configuration for this table.
    pub fn to_analysis_config(&self, ingested: &Ingested) -> AnalysisConfig {
        let level = match &self.level {
            Choice::Default => crate::default_level(ingested),
            Choice::Set(level) => level.clone(),
        };
        let group = match &self.group {
            Choice::Default => crate::header_of(ingested, Field::UrbanRural),
            Choice::Set(group) => group.clone(),
        };
        crate::page_defaults(ingested, level, group, self.median_rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_defaults_overrides_and_rejects_bad_types() {
        assert_eq!(
            WorkerConfig::from_json("{}").unwrap(),
            WorkerConfig::default()
        );
        let c = WorkerConfig::from_json(r#"{"level":null,"group":"乡镇","median_rule":"strict"}"#)
            .unwrap();
        assert_eq!(c.level, Choice::Set(None));
        assert_eq!(c.group, Choice::Set(Some("乡镇".into())));
        assert_eq!(c.median_rule, MedianRule::Strict);
        assert!(WorkerConfig::from_json(r#"{"level":3}"#).is_err());
        assert!(WorkerConfig::from_json(r#"{"median_rule":"x"}"#).is_err());
        assert!(WorkerConfig::from_json("[]").is_err());
    }
}
