//! 表5 政府保障程度, 表6 教育质量 and the recognition result on the printed page: one section
//! after 表4, the three tables one after the other in small type (a county's 31 items fit
//! on about two pages); and the line of page 1 that says where the county stands on each part.

use std::fmt::Write;

use super::{esc, head_row, pick, td, td_c};
use crate::dossier::items::{
    headers, part_status, recognized_text, remarks, result, table_parts, table_title, unsure_mark,
    unsure_note,
};
use crate::dossier::model::{Dossier, ItemLine};
use crate::Lang;

/// Page 1: each part's verdict in one line, and whether the county can be recognised.
pub(super) fn summary_line(out: &mut String, d: &Dossier, lang: Lang) {
    let e = &d.evaluation;
    let (sep, join) = match lang {
        Lang::Zh => ("：", "；"),
        Lang::En => (": ", "; "),
    };
    let parts: Vec<String> = e
        .parts
        .iter()
        .map(|p| {
            let name = match lang {
                Lang::Zh => &p.name_zh,
                Lang::En => &p.name_en,
            };
            format!("{name}{sep}{}", part_status(p, lang))
        })
        .collect();
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p class=\"note\">{}</p>\n<p class=\"note\">{}</p>",
        esc(match lang {
            Lang::Zh => "优质均衡评估各部分",
            Lang::En => "Parts of the 2017 evaluation",
        }),
        esc(&parts.join(join)),
        esc(&recognized_text(e, lang))
    );
}

/// 表5, 表6 and the recognition result.
pub(super) fn tables(out: &mut String, d: &Dossier, lang: Lang) {
    let e = &d.evaluation;
    // No page break before: the tables follow 表4 on its last page.
    out.push_str("<section>\n");
    for which in ["government", "quality", "recognition"] {
        let _ = writeln!(out, "<h2>{}</h2>", esc(table_title(lang, which)));
        if which == "recognition" {
            let _ = writeln!(out, "<p><b>{}</b></p>", esc(&recognized_text(e, lang)));
        }
        let parts = table_parts(which);
        let of_part = |l: &&ItemLine| parts.contains(&l.part.as_str());
        // Without a county sheet the county's items are all blank: the printed page lists them
        // by id (the workbook has every row) and shows what the school table decided.
        let compact = e.county_values.is_none();
        let shown: Vec<&ItemLine> = e
            .items
            .iter()
            .filter(of_part)
            .filter(|l| !compact || l.decided_by.is_some() || !l.reasons.is_empty())
            .collect();
        let blank: Vec<&str> = e
            .items
            .iter()
            .filter(of_part)
            .filter(|l| !shown.iter().any(|s| s.id == l.id))
            .map(|l| l.id.as_str())
            .collect();
        if !blank.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                esc(&match lang {
                    Lang::Zh => format!(
                        "县级指标未填报，待填报：{}（各项内容与标准见工作簿）。",
                        blank.join("、")
                    ),
                    Lang::En => format!(
                        "No county values given; to enter: {} (each item and its standard are in the workbook).",
                        blank.join(", ")
                    ),
                })
            );
        }
        if shown.is_empty() {
            continue;
        }
        out.push_str("<table class=\"evaluation\">\n");
        let _ = write!(
            out,
            "<colgroup><col style=\"width:9mm\"><col style=\"width:52mm\"><col style=\"width:32mm\"><col style=\"width:32mm\"><col style=\"width:14mm\"><col></colgroup>"
        );
        head_row(out, &headers(lang));
        out.push_str("<tbody>\n");
        for line in shown {
            out.push_str("<tr>");
            td_c(out, &line.id);
            td(
                out,
                match lang {
                    Lang::Zh => &line.name_zh,
                    Lang::En => &line.name_en,
                },
            );
            td(
                out,
                &format!("{}{}", pick(lang, &line.standard), unsure_mark(line)),
            );
            td(out, pick(lang, &line.value));
            let word = result(line, lang);
            if line.met == Some(false) {
                let _ = write!(out, "<td class=\"c fail\">{}</td>", esc(word));
            } else {
                td_c(out, word);
            }
            let _ = write!(
                out,
                "<td>{}</td>",
                esc(&remarks(line, lang)).replace('\n', "<br>")
            );
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
        if e.items.iter().filter(of_part).any(|l| l.unsure) {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(unsure_note(lang)));
        }
    }
    if let Some(source) = &e.county_values {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&match lang {
                Lang::Zh => format!("县级指标来自：{source}"),
                Lang::En => format!("County values from: {source}"),
            })
        );
    }
    out.push_str("</section>\n");
}
