//! The overview's verdicts, as plain data: per level, the 2012 basic-balance verdict and the
//! 2017 resource-allocation verdict side by side, each with what fails and where its detail is
//! on the standards tab. Everything is read from the engine's [`Dossier`]; numbers go through
//! the core's one formatter.

use junheng_core::dossier::model::{BasicVerdict, IndicatorName, LevelSummary, QualityVerdict};
use junheng_core::dossier::Dossier;
use junheng_core::format::{number, optional, Kind};
use junheng_core::standards::Level;
use junheng_core::Lang;

use crate::i18n::{fill, t, K};
use crate::model::standards::Pick;

/// A part of the standards tab an overview line leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The CV table of a level under a standard.
    Cv(Pick, Level),
    /// The per-school attainment table of a level (2017).
    Attainment(Level),
    /// The schools below a standard and what they lack (2017).
    Shortfalls(Level),
}

impl Detail {
    /// The standard the standards tab must show.
    pub fn pick(self) -> Pick {
        match self {
            Detail::Cv(pick, _) => pick,
            Detail::Attainment(_) | Detail::Shortfalls(_) => Pick::Quality2017,
        }
    }

    /// The id of the element on the standards tab.
    pub fn anchor(self) -> String {
        match self {
            Detail::Cv(_, level) => format!("std-cv-{}", level.id()),
            Detail::Attainment(level) => format!("std-attain-{}", level.id()),
            Detail::Shortfalls(level) => format!("std-gaps-{}", level.id()),
        }
    }
}

/// One line under a verdict: what fails (or is close), and where its detail is.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The sentence.
    pub text: String,
    /// Where the detail is.
    pub detail: Option<Detail>,
    /// A failure (else information: a borderline CV, a single CV that does not decide).
    pub fails: bool,
}

/// One standard's verdict of one level.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// 达标.
    pub pass: bool,
    /// A CV that decides lies within 0.005 of its limit.
    pub borderline: bool,
    /// The rule and the number that decides: "综合差异系数 0.215 ≤ 0.65".
    pub headline: String,
    /// What fails, then what is close, each with its detail.
    pub items: Vec<Item>,
}

/// Both verdicts of a level.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelView {
    /// The level.
    pub level: Level,
    /// "46 所学校 · 23,456 名学生".
    pub facts: String,
    /// 2012 basic balance.
    pub basic: Option<Verdict>,
    /// 2017 high-quality balance, resource allocation.
    pub quality: Option<Verdict>,
}

fn name(lang: Lang, i: &IndicatorName) -> &str {
    match lang {
        Lang::Zh => &i.name_zh,
        Lang::En => &i.name_en,
    }
}

/// A limit as the documents print it: 0.65, 0.50.
fn limit(max: f64) -> String {
    number(max, Kind::Value(2))
}

/// The verdicts of every level of `d`, primary first.
pub fn levels(d: &Dossier, lang: Lang) -> Vec<LevelView> {
    d.levels.iter().map(|l| level_view(l, lang)).collect()
}

fn level_view(l: &LevelSummary, lang: Lang) -> LevelView {
    LevelView {
        level: l.level,
        facts: fill(
            t(lang, K::OvFacts),
            &[
                ("schools", &number(l.schools as f64, Kind::Count)),
                ("pupils", &number(l.students, Kind::Count)),
            ],
        ),
        basic: l.basic.as_ref().map(|b| basic(b, l.level, lang)),
        quality: l.quality.as_ref().map(|q| quality(q, l.level, lang)),
    }
}

fn basic(b: &BasicVerdict, level: Level, lang: Lang) -> Verdict {
    let cv = optional(b.composite_cv, Kind::Cv);
    let sign = if b.pass { "≤" } else { ">" };
    let headline = fill(
        t(lang, K::OvComposite),
        &[("cv", &cv), ("sign", sign), ("max", &limit(b.max))],
    );
    let detail = Some(Detail::Cv(Pick::Basic2012, level));
    let mut items = Vec::new();
    if !b.pass {
        let key = if b.composite_cv.is_some() {
            K::OvCompositeAbove
        } else {
            K::OvCompositeUndefined
        };
        items.push(Item {
            text: fill(t(lang, key), &[("cv", &cv), ("max", &limit(b.max))]),
            detail,
            fails: true,
        });
    }
    if b.borderline {
        items.push(Item {
            text: t(lang, K::OvCompositeBorderline).to_string(),
            detail,
            fails: false,
        });
    }
    if !b.above.is_empty() {
        let names: Vec<&str> = b.above.iter().map(|i| name(lang, i)).collect();
        items.push(Item {
            text: fill(
                t(lang, K::OvSingleAbove),
                &[
                    ("max", &limit(b.max)),
                    ("names", &names.join(t(lang, K::ListSeparator))),
                ],
            ),
            detail,
            fails: false,
        });
    }
    Verdict {
        pass: b.pass,
        borderline: b.borderline,
        headline,
        items,
    }
}

fn quality(q: &QualityVerdict, level: Level, lang: Lang) -> Verdict {
    let max = q.cv_max.map_or_else(|| "—".to_string(), limit);
    let headline = if q.failing_cvs.is_empty() {
        fill(t(lang, K::OvEveryCvWithin), &[("max", &max)])
    } else {
        fill(
            t(lang, K::OvCvsAbove),
            &[("n", &q.failing_cvs.len().to_string()), ("max", &max)],
        )
    };
    let cv_detail = Some(Detail::Cv(Pick::Quality2017, level));
    let mut items: Vec<Item> = q
        .failing_cvs
        .iter()
        .map(|f| Item {
            text: match f.cv {
                Some(cv) => fill(
                    t(lang, K::OvCvAbove),
                    &[
                        ("name", name(lang, &f.indicator)),
                        ("cv", &number(cv, Kind::Cv)),
                        ("max", &limit(f.max)),
                    ],
                ),
                None => fill(
                    t(lang, K::OvCvUndefined),
                    &[("name", name(lang, &f.indicator))],
                ),
            },
            detail: cv_detail,
            fails: true,
        })
        .collect();
    let short = q.schools.saturating_sub(q.schools_passing);
    items.push(Item {
        text: fill(
            t(lang, K::OvSchoolsPassing),
            &[
                ("passing", &number(q.schools_passing as f64, Kind::Count)),
                ("schools", &number(q.schools as f64, Kind::Count)),
            ],
        ),
        detail: Some(Detail::Attainment(level)),
        fails: false,
    });
    if short > 0 {
        items.push(Item {
            text: fill(
                t(lang, K::OvSchoolsShort),
                &[("n", &number(short as f64, Kind::Count))],
            ),
            detail: Some(Detail::Shortfalls(level)),
            fails: true,
        });
    }
    if !q.borderline_cvs.is_empty() {
        let names: Vec<&str> = q.borderline_cvs.iter().map(|i| name(lang, i)).collect();
        items.push(Item {
            text: fill(
                t(lang, K::OvCvsBorderline),
                &[("names", &names.join(t(lang, K::ListSeparator)))],
            ),
            detail: cv_detail,
            fails: false,
        });
    }
    Verdict {
        pass: q.pass,
        borderline: !q.borderline_cvs.is_empty(),
        headline,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sample::{SAMPLE_CSV, SAMPLE_NAME};
    use junheng_core::dossier::{build, DossierConfig};
    use junheng_core::ingest::{read, ReadOptions};

    fn sample_dossier() -> Dossier {
        let ingested = read(SAMPLE_CSV.as_bytes(), &ReadOptions::new(SAMPLE_NAME)).unwrap();
        let config = DossierConfig {
            analysis: junheng_core::analysis::AnalysisConfig::new(),
            research: false,
        };
        build(&ingested, &config).unwrap()
    }

    #[test]
    fn the_sample_both_verdicts_per_level() {
        let d = sample_dossier();
        let zh = levels(&d, Lang::Zh);
        assert_eq!(zh.len(), 2);
        let primary = &zh[0];
        assert_eq!(primary.level, Level::Primary);
        // 2012: the composite passes (0.215 ≤ 0.65, tests/e2e/standards.test.mjs).
        let basic = primary.basic.as_ref().unwrap();
        assert!(basic.pass);
        assert_eq!(basic.headline, "综合差异系数 0.215 ≤ 0.65");
        assert!(basic.items.iter().all(|i| !i.fails));
        // 2017: every CV within 0.50, 36 schools short of the per-school rule.
        let quality = primary.quality.as_ref().unwrap();
        assert!(!quality.pass);
        assert_eq!(quality.headline, "各项差异系数均不超过 0.50");
        let short = quality.items.iter().find(|i| i.fails).unwrap();
        assert_eq!(short.text, "36 所学校未达到，缺什么、缺多少见明细");
        assert_eq!(short.detail, Some(Detail::Shortfalls(Level::Primary)));
        assert_eq!(short.detail.unwrap().anchor(), "std-gaps-primary");
        assert!(primary.facts.contains("所学校"), "{}", primary.facts);
        assert!(!primary.facts.contains(".000"));

        let en = levels(&d, Lang::En);
        let junior = en[1].quality.as_ref().unwrap();
        assert!(junior
            .items
            .iter()
            .any(|i| i.text == "Schools falling short: 6; see what each lacks"));
        assert_eq!(
            en[1].basic.as_ref().unwrap().headline,
            "Composite CV 0.200 ≤ 0.55"
        );
    }

    #[test]
    fn failing_cvs_lead_to_their_table_and_use_display_names() {
        let mut d = sample_dossier();
        let q = d.levels[1].quality.as_mut().unwrap();
        let indicator = IndicatorName {
            id: "backbone_teachers_per_100".into(),
            name_zh: "每百名学生拥有县级及以上骨干教师数".into(),
            name_en: "County-level key teachers per 100 pupils".into(),
        };
        q.failing_cvs.push(junheng_core::dossier::model::FailingCv {
            indicator: indicator.clone(),
            cv: Some(0.5625),
            max: 0.45,
        });
        q.borderline_cvs.push(indicator);
        let b = d.levels[1].basic.as_mut().unwrap();
        b.pass = false;
        b.composite_cv = Some(0.6);
        for lang in [Lang::Zh, Lang::En] {
            let v = levels(&d, lang);
            let q = v[1].quality.as_ref().unwrap();
            let cv = &q.items[0];
            assert!(cv.fails);
            assert_eq!(
                cv.detail,
                Some(Detail::Cv(Pick::Quality2017, Level::Junior))
            );
            assert!(cv.text.contains("0.563"), "{}", cv.text);
            let all: String = q.items.iter().map(|i| i.text.as_str()).collect();
            assert!(!all.contains("backbone_teachers"), "no id in {all}");
            assert!(q.borderline);
            let b = v[1].basic.as_ref().unwrap();
            assert!(b.headline.contains("> 0.55"), "{}", b.headline);
            assert_eq!(
                b.items[0].detail,
                Some(Detail::Cv(Pick::Basic2012, Level::Junior))
            );
        }
        assert_eq!(
            levels(&d, Lang::Zh)[1].quality.as_ref().unwrap().items[0].text,
            "“每百名学生拥有县级及以上骨干教师数”差异系数 0.563，超过 0.45"
        );
        assert_eq!(
            Detail::Attainment(Level::Junior).anchor(),
            "std-attain-junior"
        );
        assert_eq!(Detail::Shortfalls(Level::Junior).pick(), Pick::Quality2017);
    }
}
