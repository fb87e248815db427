//! The user's choices that survive a reload: language, tab, level, group, weight, median rule,
//! and the county, year and 填报单位 typed on the overview. Never the data. Stored in
//! `localStorage` under [`KEY`] as a small versioned JSON object:
//!
//! ```json
//! {"county":"青山县","group":null,"lang":"en","level":"初中","median_rule":"strict","tab":"charts","unit":"青山县教育局","v":1,"weight":"none","year":2023}
//! ```
//!
//! A key is present only once the user has changed that choice ([`Settings::record`]), so
//! nothing is written until the user changes something.
//! `level` and `group` may be `null`: "every school", "no grouping". `weight` is `"auto"`,
//! `"none"` or `{"column": HEADER}`. `county` and `unit` are texts of at most
//! [`county::MAX_CHARS`] characters, `year` a number in `junheng_core::county::YEARS`: the
//! last ones typed, which fill a file that does not name its county (`model/dossier/county.rs`).
//! Reading ([`Settings::parse`]) keeps every valid key and ignores the rest: an unknown
//! version, a wrong type or an unknown value never fails the page.

use junheng_core::analysis::{median_rule_id, parse_median_rule, WeightSpec};
use junheng_core::county::YEARS;
use junheng_core::measures::MedianRule;
use junheng_core::Lang;
use serde_json::{Map, Value};

use crate::model::dossier::county;

/// The `localStorage` key.
pub const KEY: &str = "junheng.settings";

/// Version written in `v`; a stored object with another version is ignored.
pub const VERSION: u64 = 1;

/// Ids of the page's tabs (`state::Tab::id`), the only values `tab` may take.
pub const TAB_IDS: [&str; 7] = [
    "overview",
    "data",
    "indicators",
    "schools",
    "groups",
    "charts",
    "standards",
];

/// Longest text kept for a level value or a column header (a header is a line, not a page).
const MAX_TEXT: usize = 200;

/// Stored choices; `None`: not stored (the page decides).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Page language.
    pub lang: Option<Lang>,
    /// Selected tab, by id (one of [`TAB_IDS`]).
    pub tab: Option<String>,
    /// Level value; `Some(None)`: every school.
    pub level: Option<Option<String>>,
    /// Group column header; `Some(None)`: no grouping.
    pub group: Option<Option<String>>,
    /// Weight.
    pub weight: Option<WeightSpec>,
    /// McLoone/Verstegen median rule.
    pub median_rule: Option<MedianRule>,
    /// County name typed on the overview.
    pub county: Option<String>,
    /// Year typed on the overview.
    pub year: Option<u32>,
    /// 填报单位 typed on the overview.
    pub unit: Option<String>,
}

fn text(value: &Value) -> Option<String> {
    let s = value.as_str()?.trim();
    (!s.is_empty() && s.chars().count() <= MAX_TEXT).then(|| s.to_string())
}

/// A text or `null`; anything else is invalid.
fn optional_text(value: &Value) -> Option<Option<String>> {
    if value.is_null() {
        Some(None)
    } else {
        text(value).map(Some)
    }
}

/// A county name or 填报单位 as typed (`county::parse_text`).
fn county_text(value: &Value) -> Option<String> {
    county::parse_text(value.as_str()?).ok().flatten()
}

fn optional_text_value(value: &Option<String>) -> Value {
    value.clone().map_or(Value::Null, Value::String)
}

impl Settings {
    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        *self == Settings::default()
    }

    /// Reads stored settings, keeping the valid keys. Malformed JSON, another version or
    /// another shape give empty settings.
    pub fn parse(json: &str) -> Settings {
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(json) else {
            return Settings::default();
        };
        if map.get("v").and_then(Value::as_u64) != Some(VERSION) {
            return Settings::default();
        }
        Settings::from_map(&map)
    }

    /// Reads the valid keys of a JSON object, with no version check (share links carry these
    /// keys inside their own versioned format, [`crate::share`]).
    pub fn from_map(map: &Map<String, Value>) -> Settings {
        let lang = map
            .get("lang")
            .and_then(Value::as_str)
            .and_then(|s| match s {
                "zh" => Some(Lang::Zh),
                "en" => Some(Lang::En),
                _ => None,
            });
        let tab = map
            .get("tab")
            .and_then(Value::as_str)
            .filter(|id| TAB_IDS.contains(id))
            .map(str::to_string);
        let weight = map.get("weight").and_then(|w| match w {
            Value::String(s) if s == "auto" => Some(WeightSpec::Auto),
            Value::String(s) if s == "none" => Some(WeightSpec::Unweighted),
            Value::Object(o) => o.get("column").and_then(text).map(WeightSpec::Column),
            _ => None,
        });
        Settings {
            lang,
            tab,
            level: map.get("level").and_then(optional_text),
            group: map.get("group").and_then(optional_text),
            weight,
            median_rule: map
                .get("median_rule")
                .and_then(Value::as_str)
                .and_then(parse_median_rule),
            county: map.get("county").and_then(county_text),
            year: map
                .get("year")
                .and_then(Value::as_u64)
                .and_then(|y| u32::try_from(y).ok())
                .filter(|y| YEARS.contains(y)),
            unit: map.get("unit").and_then(county_text),
        }
    }

    /// The JSON written to storage (only the keys set, in alphabetical order).
    pub fn to_json(&self) -> String {
        let mut map = self.to_map();
        map.insert("v".into(), Value::from(VERSION));
        Value::Object(map).to_string()
    }

    /// The keys set, as a JSON object without the version.
    pub fn to_map(&self) -> Map<String, Value> {
        let mut map = Map::new();
        if let Some(lang) = self.lang {
            let code = match lang {
                Lang::Zh => "zh",
                Lang::En => "en",
            };
            map.insert("lang".into(), Value::from(code));
        }
        if let Some(tab) = &self.tab {
            map.insert("tab".into(), Value::from(tab.as_str()));
        }
        if let Some(level) = &self.level {
            map.insert("level".into(), optional_text_value(level));
        }
        if let Some(group) = &self.group {
            map.insert("group".into(), optional_text_value(group));
        }
        if let Some(weight) = &self.weight {
            let value = match weight {
                WeightSpec::Auto => Value::from("auto"),
                WeightSpec::Unweighted => Value::from("none"),
                WeightSpec::Column(c) => {
                    let mut o = Map::new();
                    o.insert("column".into(), Value::from(c.as_str()));
                    Value::Object(o)
                }
            };
            map.insert("weight".into(), value);
        }
        if let Some(rule) = self.median_rule {
            map.insert("median_rule".into(), Value::from(median_rule_id(rule)));
        }
        if let Some(county) = &self.county {
            map.insert("county".into(), Value::from(county.as_str()));
        }
        if let Some(year) = self.year {
            map.insert("year".into(), Value::from(year));
        }
        if let Some(unit) = &self.unit {
            map.insert("unit".into(), Value::from(unit.as_str()));
        }
        map
    }

    /// Records the user's changes between two states of the page (`before`, `after`, both
    /// with every key set). When the file changed in between, level, group and weight were
    /// reset to the new file's own choices and the tab to the overview, not the user's: those
    /// are not recorded. The county
    /// fields hold what was typed for the file on screen: a new file empties them, and what
    /// was typed before stays recorded (a value is recorded only when there is one).
    pub fn record(&mut self, before: &Settings, after: &Settings, file_changed: bool) {
        fn take<T: PartialEq + Clone>(kept: &mut Option<T>, before: &Option<T>, after: &Option<T>) {
            if before != after && after.is_some() {
                kept.clone_from(after);
            }
        }
        take(&mut self.lang, &before.lang, &after.lang);
        take(
            &mut self.median_rule,
            &before.median_rule,
            &after.median_rule,
        );
        take(&mut self.county, &before.county, &after.county);
        take(&mut self.year, &before.year, &after.year);
        take(&mut self.unit, &before.unit, &after.unit);
        if !file_changed {
            take(&mut self.tab, &before.tab, &after.tab);
            take(&mut self.level, &before.level, &after.level);
            take(&mut self.group, &before.group, &after.group);
            take(&mut self.weight, &before.weight, &after.weight);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Settings {
        Settings {
            lang: Some(Lang::En),
            tab: Some("charts".into()),
            level: Some(Some("初中".into())),
            group: Some(None),
            weight: Some(WeightSpec::Column("在校学生数".into())),
            median_rule: Some(MedianRule::Strict),
            county: Some("青山县".into()),
            year: Some(2023),
            unit: Some("青山县教育局".into()),
        }
    }

    #[test]
    fn round_trips() {
        let settings = full();
        let json = settings.to_json();
        assert_eq!(
            json,
            r#"{"county":"青山县","group":null,"lang":"en","level":"初中","median_rule":"strict","tab":"charts","unit":"青山县教育局","v":1,"weight":{"column":"在校学生数"},"year":2023}"#
        );
        assert_eq!(Settings::parse(&json), settings);
        for weight in [WeightSpec::Auto, WeightSpec::Unweighted] {
            let s = Settings {
                weight: Some(weight),
                ..Settings::default()
            };
            assert_eq!(Settings::parse(&s.to_json()), s);
        }
        assert_eq!(Settings::default().to_json(), r#"{"v":1}"#);
        assert!(Settings::parse(r#"{"v":1}"#).is_empty());
    }

    #[test]
    fn malformed_or_other_versions_give_nothing() {
        for json in [
            "",
            "null",
            "[]",
            "\"x\"",
            "{",
            r#"{"lang":"en"}"#,
            r#"{"v":2,"lang":"en"}"#,
            r#"{"v":"1","lang":"en"}"#,
        ] {
            assert!(Settings::parse(json).is_empty(), "{json}");
        }
    }

    #[test]
    fn invalid_values_are_ignored_one_by_one() {
        let json = r#"{"v":1,"lang":"fr","tab":"secret","level":7,"group":"城乡分类",
            "weight":{"col":"x"},"median_rule":"below","extra":true}"#;
        assert_eq!(
            Settings::parse(json),
            Settings {
                group: Some(Some("城乡分类".into())),
                ..Settings::default()
            }
        );
        let json = r#"{"v":1,"lang":"zh","level":"  ","group":["a"],"weight":"students","median_rule":"at-or-below"}"#;
        assert_eq!(
            Settings::parse(json),
            Settings {
                lang: Some(Lang::Zh),
                median_rule: Some(MedianRule::AtOrBelow),
                ..Settings::default()
            }
        );
        let json = r#"{"v":1,"county":"  ","year":1800,"unit":7}"#;
        assert!(Settings::parse(json).is_empty());
        let json = r#"{"v":1,"year":"2023","county":["青山县"]}"#;
        assert!(Settings::parse(json).is_empty());
        let long = "长".repeat(MAX_TEXT + 1);
        let json = format!(r#"{{"v":1,"level":"{long}","weight":{{"column":""}}}}"#);
        assert!(Settings::parse(&json).is_empty());
    }

    #[test]
    fn every_tab_id_is_accepted() {
        for id in TAB_IDS {
            let json = format!(r#"{{"v":1,"tab":"{id}"}}"#);
            assert_eq!(Settings::parse(&json).tab.as_deref(), Some(id));
        }
    }

    #[test]
    fn only_the_users_changes_are_recorded() {
        let page = Settings {
            lang: Some(Lang::Zh),
            tab: Some("indicators".into()),
            level: Some(Some("小学".into())),
            group: Some(Some("城乡分类".into())),
            weight: Some(WeightSpec::Auto),
            median_rule: Some(MedianRule::AtOrBelow),
            county: None,
            year: None,
            unit: None,
        };
        let mut kept = Settings::default();
        kept.record(&page, &page, false);
        assert!(kept.is_empty(), "nothing changed, nothing kept");
        let mut after = page.clone();
        after.level = Some(None);
        after.median_rule = Some(MedianRule::Strict);
        kept.record(&page, &after, false);
        let expected = Settings {
            level: Some(None),
            median_rule: Some(MedianRule::Strict),
            ..Settings::default()
        };
        assert_eq!(kept, expected);
        // Another file resets level, group and weight: the user's choice stays kept.
        let mut reset = after.clone();
        reset.level = Some(Some("初中".into()));
        reset.group = Some(None);
        reset.weight = Some(WeightSpec::Unweighted);
        reset.tab = Some("overview".into());
        kept.record(&after, &reset, true);
        assert_eq!(kept, expected);
        // A change back to the page's own choice is a choice too.
        kept.record(&reset, &page, false);
        assert_eq!(kept.level, Some(Some("小学".into())));
        assert_eq!(kept.weight, Some(WeightSpec::Auto));
        kept.record(&page, &full(), false);
        assert_eq!(kept, full());
    }

    #[test]
    fn the_county_typed_is_kept_when_another_file_empties_the_fields() {
        let typed = Settings {
            county: Some("青山县".into()),
            year: Some(2023),
            ..Settings::default()
        };
        let mut kept = Settings::default();
        kept.record(&Settings::default(), &typed, false);
        assert_eq!(kept, typed);
        // Another file: the fields start empty (the new file's own county shows).
        kept.record(&typed, &Settings::default(), true);
        assert_eq!(kept, typed, "the last values typed stay");
        let json = kept.to_json();
        assert_eq!(json, r#"{"county":"青山县","v":1,"year":2023}"#);
        assert_eq!(Settings::parse(&json), typed);
    }
}
