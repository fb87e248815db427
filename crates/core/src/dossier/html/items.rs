//! 表5 政府保障程度, 表6 教育质量 and the recognition result on the printed page: one section
//! from a new page, the three tables one after the other in small type (a county's 31 items fit
//! on about two pages); and the line of page 1 that says where the county stands on each part.

use std::fmt::Write;

use super::{esc, head_row, pick, td, td_c};
use crate::dossier::items::{
    headers, part_status, recognized_text, remarks, result, table_parts, table_title,
};
use crate::dossier::model::Dossier;
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
    out.push_str("<section class=\"new-page\">\n");
    for which in ["government", "quality", "recognition"] {
        let _ = writeln!(out, "<h2>{}</h2>", esc(table_title(lang, which)));
        if which == "recognition" {
            let _ = writeln!(out, "<p><b>{}</b></p>", esc(&recognized_text(e, lang)));
        }
        out.push_str("<table class=\"evaluation\">\n");
        let _ = write!(
            out,
            "<colgroup><col style=\"width:9mm\"><col style=\"width:52mm\"><col style=\"width:32mm\"><col style=\"width:32mm\"><col style=\"width:14mm\"><col></colgroup>"
        );
        head_row(out, &headers(lang));
        out.push_str("<tbody>\n");
        let parts = table_parts(which);
        for line in e.items.iter().filter(|l| parts.contains(&l.part.as_str())) {
            out.push_str("<tr>");
            td_c(out, &line.id);
            td(
                out,
                match lang {
                    Lang::Zh => &line.name_zh,
                    Lang::En => &line.name_en,
                },
            );
            td(out, pick(lang, &line.standard));
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
