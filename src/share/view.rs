//! What a share link holds: the view's choices ([`SharedView`]) and, optionally, the file's
//! bytes ([`Link::data`]). The choices travel as one small JSON object (keys in
//! `docs/share-links.md`); the language, tab, level, group, weight and median rule reuse the
//! keys of the page's stored [`Settings`].

use junheng_core::analysis::IndicatorSpec;
use junheng_core::standards::{Options, Split};
use junheng_core::Field;
use serde_json::{Map, Value};

use crate::model::settings::Settings;
use crate::model::standards::Pick;

/// Longest text kept for a header, an indicator name or expression, a file name.
const MAX_TEXT: usize = 500;
/// Most custom indicators or mapping overrides a link may carry.
const MAX_ITEMS: usize = 100;

/// The file a link was made with: the settings fit it (its headers, its level values).
#[derive(Clone, Debug, PartialEq)]
pub struct FileRef {
    /// File name as the user chose it.
    pub name: String,
    /// Length in bytes.
    pub len: u64,
    /// CRC-32 of the bytes: the same file, byte for byte.
    pub crc: u32,
}

impl FileRef {
    /// The reference of `bytes` named `name`.
    pub fn of(name: &str, bytes: &[u8]) -> FileRef {
        FileRef {
            name: name.to_string(),
            len: bytes.len() as u64,
            crc: crate::crc32::crc32(bytes),
        }
    }

    /// True when `bytes` are the file referred to.
    pub fn matches(&self, bytes: &[u8]) -> bool {
        self.len == bytes.len() as u64 && self.crc == crate::crc32::crc32(bytes)
    }
}

/// The national standards tab's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct StandardChoice {
    /// Which national standard is judged.
    pub pick: Pick,
    /// Scope and split.
    pub options: Options,
}

/// Every choice of a view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SharedView {
    /// Language, tab, level, group, weight, median rule, county, year, 填报单位.
    pub settings: Settings,
    /// Mapping overrides: a field mapped to the column with this header, or unmapped (`None`),
    /// where the user changed what the page detected.
    pub mapping: Vec<(Field, Option<String>)>,
    /// The user's own ratio indicators.
    pub custom: Vec<IndicatorSpec>,
    /// The standards tab's choices.
    pub standard: Option<StandardChoice>,
    /// The file the view was made with.
    pub file: Option<FileRef>,
}

/// A decoded link: the view, and the file's bytes when the link includes them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    /// The choices.
    pub view: SharedView,
    /// The file's bytes (named by `view.file`), when included.
    pub data: Option<Vec<u8>>,
}

fn text(value: &Value) -> Option<String> {
    let s = value.as_str()?;
    (!s.trim().is_empty() && s.chars().count() <= MAX_TEXT).then(|| s.to_string())
}

fn split_value(split: Split) -> Value {
    match split {
        Split::Weighted { junior, senior } => {
            serde_json::json!({"kind": "weighted", "junior": junior, "senior": senior})
        }
        Split::PupilProportional => serde_json::json!({"kind": "pupils"}),
        Split::AlreadySplit => serde_json::json!({"kind": "already_split"}),
    }
}

fn parse_split(value: &Value) -> Option<Split> {
    let weight = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_f64)
            .filter(|w| w.is_finite() && *w > 0.0 && *w < 100.0)
    };
    match value.get("kind")?.as_str()? {
        "weighted" => Some(Split::Weighted {
            junior: weight("junior")?,
            senior: weight("senior")?,
        }),
        "pupils" => Some(Split::PupilProportional),
        "already_split" => Some(Split::AlreadySplit),
        _ => None,
    }
}

impl SharedView {
    /// The JSON object of the view (keys in `docs/share-links.md`).
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("s".into(), Value::Object(self.settings.to_map()));
        if !self.mapping.is_empty() {
            let m: Map<String, Value> = self
                .mapping
                .iter()
                .map(|(field, header)| {
                    (
                        field.id().to_string(),
                        header.clone().map_or(Value::Null, Value::String),
                    )
                })
                .collect();
            map.insert("m".into(), Value::Object(m));
        }
        if !self.custom.is_empty() {
            let c = self
                .custom
                .iter()
                .map(|spec| serde_json::json!([spec.name, spec.expr]))
                .collect();
            map.insert("c".into(), Value::Array(c));
        }
        if let Some(standard) = &self.standard {
            let o = &standard.options;
            map.insert(
                "std".into(),
                serde_json::json!({
                    "id": standard.pick.id(),
                    "split": split_value(o.split),
                    "teaching_points": o.include_teaching_points,
                    "private": o.include_private,
                    "gym_in_sports": o.gym_in_sports,
                }),
            );
        }
        if let Some(file) = &self.file {
            map.insert(
                "f".into(),
                serde_json::json!({"name": file.name, "len": file.len, "crc": file.crc}),
            );
        }
        Value::Object(map)
    }

    /// Reads a view, keeping every valid part: a link from a newer page with keys this one does
    /// not know still applies what it can. `None` when `value` is not an object.
    pub fn from_value(value: &Value) -> Option<SharedView> {
        let map = value.as_object()?;
        let settings = map
            .get("s")
            .and_then(Value::as_object)
            .map(Settings::from_map)
            .unwrap_or_default();
        let mapping = map
            .get("m")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter_map(|(id, header)| {
                        let field = Field::from_id(id)?;
                        let header = if header.is_null() {
                            None
                        } else {
                            Some(text(header)?)
                        };
                        Some((field, header))
                    })
                    .take(MAX_ITEMS)
                    .collect()
            })
            .unwrap_or_default();
        let custom = map
            .get("c")
            .and_then(Value::as_array)
            .map(|c| {
                c.iter()
                    .filter_map(|pair| {
                        let pair = pair.as_array()?;
                        Some(IndicatorSpec {
                            name: text(pair.first()?)?,
                            expr: text(pair.get(1)?)?,
                        })
                    })
                    .take(MAX_ITEMS)
                    .collect()
            })
            .unwrap_or_default();
        let standard = map.get("std").and_then(|s| {
            let national = Options::national();
            let flag =
                |key: &str, default: bool| s.get(key).and_then(Value::as_bool).unwrap_or(default);
            Some(StandardChoice {
                pick: Pick::from_id(s.get("id")?.as_str()?)?,
                options: Options {
                    split: s
                        .get("split")
                        .and_then(parse_split)
                        .unwrap_or(national.split),
                    include_teaching_points: flag(
                        "teaching_points",
                        national.include_teaching_points,
                    ),
                    include_private: flag("private", national.include_private),
                    gym_in_sports: flag("gym_in_sports", national.gym_in_sports),
                },
            })
        });
        let file = map.get("f").and_then(|f| {
            Some(FileRef {
                name: text(f.get("name")?)?,
                len: f.get("len")?.as_u64()?,
                crc: u32::try_from(f.get("crc")?.as_u64()?).ok()?,
            })
        });
        Some(SharedView {
            settings,
            mapping,
            custom,
            standard,
            file,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use junheng_core::analysis::WeightSpec;
    use junheng_core::measures::MedianRule;
    use junheng_core::Lang;

    /// A view with every part set.
    pub(crate) fn full_view() -> SharedView {
        SharedView {
            settings: Settings {
                lang: Some(Lang::En),
                tab: Some("groups".into()),
                level: Some(Some("初中".into())),
                group: Some(None),
                weight: Some(WeightSpec::Column("在校学生数".into())),
                median_rule: Some(MedianRule::Strict),
                county: Some("青山县".into()),
                year: Some(2023),
                unit: Some("青山县教育局".into()),
            },
            mapping: vec![
                (Field::Students, Some("学生数（人）".into())),
                (Field::Township, None),
            ],
            custom: vec![IndicatorSpec {
                name: "生均图书".into(),
                expr: "图书册数/[在校学生数]".into(),
            }],
            standard: Some(StandardChoice {
                pick: Pick::Basic2012,
                options: Options {
                    split: Split::Weighted {
                        junior: 1.2,
                        senior: 1.5,
                    },
                    include_teaching_points: true,
                    include_private: false,
                    gym_in_sports: true,
                },
            }),
            file: Some(FileRef::of("县.csv", "a,b\n1,2\n".as_bytes())),
        }
    }

    #[test]
    fn views_round_trip_through_json() {
        for view in [SharedView::default(), full_view()] {
            let json = view.to_value().to_string();
            let back = SharedView::from_value(&serde_json::from_str(&json).unwrap()).unwrap();
            assert_eq!(back, view, "{json}");
        }
        for split in [Split::PupilProportional, Split::AlreadySplit] {
            let mut view = full_view();
            view.standard.as_mut().unwrap().options.split = split;
            assert_eq!(SharedView::from_value(&view.to_value()), Some(view));
        }
    }

    #[test]
    fn invalid_parts_are_dropped_one_by_one() {
        let json = serde_json::json!({
            "s": {"lang": "fr", "tab": "charts"},
            "m": {"students": 3, "no_such_field": "x", "township": null},
            "c": [["a"], ["name", "expr"], 7],
            "std": {"id": "quality-2030"},
            "f": {"name": "x.csv", "len": -1, "crc": 1},
            "future_key": true
        });
        let view = SharedView::from_value(&json).unwrap();
        assert_eq!(view.settings.lang, None);
        assert_eq!(view.settings.tab.as_deref(), Some("charts"));
        assert_eq!(view.mapping, vec![(Field::Township, None)]);
        assert_eq!(view.custom.len(), 1);
        assert_eq!(view.standard, None);
        assert_eq!(view.file, None);
        assert_eq!(SharedView::from_value(&serde_json::json!([1])), None);
    }

    #[test]
    fn file_refs_match_bytes_exactly() {
        let file = FileRef::of("a.csv", b"x,y\n1,2\n");
        assert!(file.matches(b"x,y\n1,2\n"));
        assert!(!file.matches(b"x,y\n1,3\n"));
        assert!(!file.matches(b"x,y\n1,2\n\n"));
    }
}
