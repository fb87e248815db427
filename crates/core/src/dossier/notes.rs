//! How the numbers are made, in words a county clerk reads (issue 17 item 7): the CV, the two
//! national rules, the borderline flag, equality, the split of spanning schools, shortfalls and
//! plans, and, with the research appendix, the median rule. Each explanation follows the
//! options actually used.

use super::model::Explanation;
use crate::measures::MedianRule;
use crate::standards::evaluate::BORDERLINE_MARGIN;
use crate::standards::report::Text;
use crate::standards::{Options, Split};

fn explanation(title_zh: &str, title_en: &str, zh: String, en: String) -> Explanation {
    Explanation {
        title: Text::new(title_zh, title_en),
        text: Text::new(zh, en),
    }
}

/// The explanations of a dossier made with `options`; the median rule only with the research
/// appendix.
pub fn explanations(
    options: &Options,
    research: bool,
    median_rule: MedianRule,
) -> Vec<Explanation> {
    let mut out = vec![
        explanation(
            "差异系数",
            "Coefficient of variation (差异系数)",
            "差异系数 = 标准差 ÷ 全县平均值，小学、初中分开计算，按各校在校学生数加权：全县平均值是全县资源总量除以全县学生总数，学生多的学校分量大。差异系数越小，学校之间越均衡。".into(),
            "The CV (差异系数) is the standard deviation divided by the county mean, computed separately for primary and junior schools and weighted by each school's pupils: the county mean is the county's total resource divided by its total pupils, so larger schools weigh more. The smaller the CV, the more even the schools.".into(),
        ),
        explanation(
            "基本均衡（2012）",
            "Basic balance (2012)",
            "八项指标各算一个差异系数，八个数的平均值是综合差异系数；综合差异系数小学不超过 0.65、初中不超过 0.55 即为达标。某一项单独超过该值不影响结论（教督〔2012〕3号）。".into(),
            "Each of the eight indicators has a CV; their mean is the composite CV, which must be at most 0.65 for primary and 0.55 for junior schools. A single CV above that does not change the verdict (教督〔2012〕3号).".into(),
        ),
        explanation(
            "优质均衡（2017）资源配置",
            "High-quality balance (2017), resource allocation",
            "七项指标的差异系数每一项都要达标：小学不超过 0.50，初中不超过 0.45；并且每所学校至少 6 项达到标准值（“达标值”），其余一项不低于标准值的 85%（“基本值”）（教督〔2017〕6号）。".into(),
            "Every one of the seven CVs must be at most 0.50 for primary and 0.45 for junior schools; and every school must reach the standard (达标值) on at least 6 of the 7 indicators, the seventh at 85 % of it or more (基本值) (教督〔2017〕6号).".into(),
        ),
        explanation(
            "临界",
            "Borderline (临界)",
            format!("差异系数与限值相差不到 {BORDERLINE_MARGIN} 时标为“临界”：这时原始数据稍有出入（例如一所学校的面积或学生数多填、少填一些）就可能改变结论，请重点核对这些指标的原始数据。是否达标按未四舍五入的数值判断，表中显示三位小数。"),
            format!("A CV within {BORDERLINE_MARGIN} of its limit is marked borderline (临界): a small error in the data (one school's area or pupils entered a little high or low) could change the verdict, so check those indicators' source data first. Verdicts compare unrounded values; tables show three decimals."),
        ),
        explanation(
            "等于标准",
            "Equal to the standard",
            "数值恰好等于标准值或限值时算作达到。文件写作“达到……以上”，未说明是否包含等于。".into(),
            "A value exactly equal to the standard or limit counts as reaching it: the texts say “达到…以上” without saying whether equality is included.".into(),
        ),
    ];
    let split = match options.split {
        Split::Weighted { junior, senior } => {
            let share = 166.0 / (166.0 + junior * 210.0) * 100.0;
            Some((
                format!("九年一贯制等跨学段学校的校舍面积、运动场地、仪器设备、图书和计算机按学生数拆给小学部和初中部：1 名初中生按 {junior} 名小学生计算，1 名高中生按 {senior} 名小学生计算（高中部分不计入义务教育）。例如小学部 166 人、初中部 210 人，小学部分得 166 ÷ (166 + {junior} × 210) ≈ {share:.1}%。教师按学部填报的人数取用，没有分学部人数时按同一比例拆分。每个学部作为一所学校参加本学段的计算。"),
                format!("A school spanning levels (九年一贯制 and others) has its buildings, grounds, equipment, books and computers split between its primary and junior sections by pupils, a junior pupil counting as {junior} primary pupils and a senior pupil as {senior} (the senior part is not compulsory education). For example, with 166 primary and 210 junior pupils the primary section gets 166 ÷ (166 + {junior} × 210) ≈ {share:.1} %. Teachers are taken per section when the file gives them, otherwise split the same way. Each section counts as one school of its level."),
            ))
        }
        Split::PupilProportional => Some((
            "跨学段学校的校舍面积、运动场地、仪器设备、图书和计算机按小学部、初中部学生人数的比例拆分；教师没有分学部人数时按同一比例拆分。每个学部作为一所学校参加本学段的计算。".into(),
            "A school spanning levels has its buildings, grounds, equipment, books and computers split between its sections in proportion to their pupils; teachers too when the file does not give them per section. Each section counts as one school of its level.".into(),
        )),
        Split::AlreadySplit => Some((
            "跨学段学校的小学部、初中部已在表中分行填报，不再拆分；每个学部作为一所学校参加本学段的计算。".into(),
            "Sections of schools spanning levels are given on their own rows and not split again; each counts as one school of its level.".into(),
        )),
    };
    if let Some((zh, en)) = split {
        out.push(explanation("跨学段学校", "Schools spanning levels", zh, en));
    }
    let points = if options.include_teaching_points {
        "本表计入了教学点"
    } else {
        "本表按国家申报表口径不计入教学点"
    };
    let private = if options.include_private {
        "计入了民办学校"
    } else {
        "不计入民办学校"
    };
    out.push(explanation(
        "计入范围",
        "Scope",
        format!("{points}，{private}（可在选项中改变）；学段列写“小学”但校名以“教学点”结尾的也按教学点处理，校名含“民办”“私立”的按民办学校处理。未纳入评估的学校及原因见表1。"),
        format!(
            "Teaching points {} and private schools {} (an option changes this); a row whose level says 小学 but whose name ends in 教学点 counts as a teaching point, and a name containing 民办 or 私立 as private. Table 1 lists the schools left out and why.",
            if options.include_teaching_points { "are counted" } else { "are left out, as on the national form," },
            if options.include_private { "are counted" } else { "are left out" },
        ),
    ));
    out.push(explanation(
        "缺口与方案",
        "Shortfalls and plans",
        "缺口是学校达到标准还需增加的资源：面积和金额为“标准值 × 学生数 − 现有量”，教师、教室、计算机、图书按整数向上取整。跨学段学校的学部分得的是全校资源的一部分，所以学部的教师、教室缺口可能带小数，全校补充时按整数计。方案（提高底线）是把低于某一数值的学校都补到这一数值、使差异系数降到限值以内所需的补充量，只供参考。".into(),
        "A shortfall is what a school must add to reach the standard: standard × pupils − what it has for areas and money, rounded up to whole teachers, rooms, computers and books. A section of a spanning school holds a share of the school's resources, so its teacher or room shortfall may be a fraction; the school adds whole ones. A plan (raise the floor) brings every school below a level up to it, the smallest level that puts the CV within its limit; it is a guide, not a requirement.".into(),
    ));
    if research {
        let (zh, en) = match median_rule {
            MedianRule::AtOrBelow => (
                "本附录把恰好处在中位数上的学校算在“低于或等于中位数”一侧",
                "this appendix counts a school exactly at the median on the “at or below” side",
            ),
            MedianRule::Strict => (
                "本附录只计算严格低于中位数的学校，恰好处在中位数上的学校不计入",
                "this appendix counts only the schools strictly below the median",
            ),
        };
        out.push(explanation(
            "中位数规则（研究指标）",
            "Median rule (research measures)",
            format!("麦克卢恩指数是低于中位数的学校的平均值与中位数之比（1 为完全均衡），维斯特根指数是高于中位数的一侧的同一比值；中位数按学生数确定。{zh}。两种算法在学校少的县差别可能很大。基尼系数、泰尔指数等只供研究参考，不是国家标准。"),
            format!("McLoone is the mean of the schools below the median divided by the median (1 = perfectly even); Verstegen is the same ratio above the median; the median is by pupils. {}; the two rules can differ a lot in a small county. Gini, Theil and the others are for research, not national standards.", capitalise(en)),
        ));
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_example_is_the_guidance_example() {
        // docs/domain.md §2.3: A = 166, B = 210 → primary share 166 / 397 = 41.8 %.
        let texts = explanations(&Options::national(), false, MedianRule::AtOrBelow);
        let split = texts.iter().find(|e| e.title.zh == "跨学段学校").unwrap();
        assert!(split.text.zh.contains("≈ 41.8%"), "{}", split.text.zh);
        assert!(split.text.zh.contains("1.1 名小学生"));
        assert!(!texts.iter().any(|e| e.title.zh.contains("中位数")));
        let with_research = explanations(&Options::national(), true, MedianRule::Strict);
        let median = with_research.last().unwrap();
        assert!(median.text.zh.contains("严格低于中位数"));
        assert!(median.text.en.contains("This appendix counts only"));
    }
}
