//! Items' values and thresholds in words, for reasons, the dossier and the page: `≥ 95%`,
//! `小学 100%，初中 ≥ 95%`, `6000 元/生`.

use super::super::input::Level;
use super::county::short;
use super::table::{ItemValue, Op, ValueUnit};
use crate::Lang;

/// A number in a unit: `96%`, `6000 元/生`, `45 人`, `0.12`.
pub fn amount(unit: ValueUnit, value: f64, lang: Lang) -> String {
    let (zh, en) = match unit {
        ValueUnit::Percent => return format!("{}%", short(value * 100.0)),
        ValueUnit::YuanPerPupil => ("元/生", "yuan per pupil"),
        ValueUnit::Pupils => ("人", "pupils"),
        ValueUnit::SquareMetres => ("平方米", "m²"),
        ValueUnit::RoomsPer12Classes => ("间/12个班", "rooms per 12 classes"),
        ValueUnit::Number | ValueUnit::YesNo => return short(value),
    };
    match lang {
        Lang::Zh => format!("{} {zh}", short(value)),
        Lang::En => format!("{} {en}", short(value)),
    }
}

/// The sign of an op: ≥, ≤, <; empty for a yes/no or an input.
pub fn sign(op: Op) -> &'static str {
    match op {
        Op::AtLeast => "≥ ",
        Op::AtMost => "≤ ",
        Op::Below => "< ",
        Op::Yes | Op::Input => "",
    }
}

/// A threshold with its sign: `≥ 95%`; `是` for a yes/no; `—` for an input.
pub fn threshold(value: &ItemValue, level: Option<Level>, lang: Lang) -> String {
    match (value.op, value.threshold) {
        (Op::Yes, _) => yes_no(true, lang).to_string(),
        (_, None) => "—".to_string(),
        (op, Some(t)) => {
            let t = t.get(level.unwrap_or(Level::Primary));
            format!("{}{}", sign(op), amount(value.unit, t, lang))
        }
    }
}

/// Every threshold of a value, by level when they differ: `小学 ≥ 100%，初中 ≥ 95%`.
pub fn thresholds(value: &ItemValue, lang: Lang) -> String {
    match value.threshold {
        Some(t) if t.primary != t.junior => match lang {
            Lang::Zh => format!(
                "小学 {}，初中 {}",
                threshold(value, Some(Level::Primary), lang),
                threshold(value, Some(Level::Junior), lang)
            ),
            Lang::En => format!(
                "primary {}, junior {}",
                threshold(value, Some(Level::Primary), lang),
                threshold(value, Some(Level::Junior), lang)
            ),
        },
        _ => threshold(value, None, lang),
    }
}

/// 是 / 否 (yes / no).
pub fn yes_no(answer: bool, lang: Lang) -> &'static str {
    match (answer, lang) {
        (true, Lang::Zh) => "是",
        (false, Lang::Zh) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standards::Standard;

    #[test]
    fn words() {
        let s = Standard::builtin("quality-2017").unwrap();
        let nearby = s.item("G13").unwrap().value("nearby_rate").unwrap();
        assert_eq!(thresholds(nearby, Lang::Zh), "小学 ≥ 100%，初中 ≥ 95%");
        assert_eq!(thresholds(nearby, Lang::En), "primary ≥ 100%, junior ≥ 95%");
        let g7 = s.item("G7").unwrap().value("special_school_funds").unwrap();
        assert_eq!(thresholds(g7, Lang::Zh), "≥ 6000 元/生");
        let q9 = s.item("Q9").unwrap().value("difference_rate").unwrap();
        assert_eq!(thresholds(q9, Lang::En), "< 0.15");
        let tilt = s.item("G14").unwrap().value("rural_tilt").unwrap();
        assert_eq!(thresholds(tilt, Lang::Zh), "是");
        assert_eq!(amount(ValueUnit::Percent, 0.965, Lang::En), "96.5%");
    }
}
