//! The printed page's CSS: the `@page` rule (A4, the page number in the margin) and the rules
//! of its content. The standalone page ([`super::page`]) puts both in its `<style>`; the web
//! page puts [`page_css`] in the document (an `@page` rule inside a shadow root is ignored) and
//! [`embedded_css`] in the shadow root that holds [`super::body`], where it cannot reach the
//! rest of the page.

use crate::county::County;
use crate::Lang;

/// The font stack: the CJK fonts of Linux, macOS and Windows, then SimSun.
const FONTS: &str = r#""Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif"#;

/// The whole CSS of the standalone page.
pub(super) fn css(lang: Lang, county: &County) -> String {
    format!(
        "{}* {{ box-sizing: border-box; }}\nhtml {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}\n{}",
        page_css(lang, county),
        content_css(lang, "body")
    )
}

/// The `@page` rule: A4, its margins, and at the foot of every page the county and year (left)
/// and "第 x 页 共 y 页" (English: "Page x of y"), so that a loose sheet still says whose it is.
pub fn page_css(lang: Lang, county: &County) -> String {
    let page_number = match lang {
        Lang::Zh => r#""第 " counter(page) " 页 共 " counter(pages) " 页""#,
        Lang::En => r#""Page " counter(page) " of " counter(pages)"#,
    };
    let whose = footer_text(lang, county);
    let left = if whose.is_empty() {
        String::new()
    } else {
        format!(
            "\n  @bottom-left {{ content: {}; font-size: 8.5pt; font-family: {FONTS}; }}",
            css_string(&whose)
        )
    };
    format!(
        r#"@page {{ size: A4; margin: 11mm 10mm 13mm 10mm;{left}
  @bottom-center {{ content: {page_number}; font-size: 8.5pt; font-family: {FONTS}; }} }}
"#
    )
}

/// "青山县 2023年" / "青山县, 2023": the county and the year, either alone, or nothing.
fn footer_text(lang: Lang, county: &County) -> String {
    let name = county.name.as_ref().map(|n| n.value.trim()).unwrap_or("");
    match (name, county.year.as_ref().map(|y| y.value), lang) {
        ("", None, _) => String::new(),
        (name, None, _) => name.to_string(),
        ("", Some(year), Lang::Zh) => format!("{year}年"),
        ("", Some(year), Lang::En) => year.to_string(),
        (name, Some(year), Lang::Zh) => format!("{name} {year}年"),
        (name, Some(year), Lang::En) => format!("{name}, {year}"),
    }
}

/// A CSS string literal of user text: quotes and backslashes escaped, control characters and
/// `<` written as hex escapes (so that "</style>" in a county name cannot end the style element).
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '<' || c == '>' => {
                out.push_str(&format!("\\{:X} ", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The rules of the content for a shadow root whose host stands for the page's `body`.
pub fn embedded_css(lang: Lang) -> String {
    format!(
        "* {{ box-sizing: border-box; }}\n:host {{ display: block; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}\n{}",
        content_css(lang, ":host")
    )
}

/// The rules of the content, `root` being the element that holds it (`body`, `:host`).
fn content_css(lang: Lang, root: &str) -> String {
    // Chinese units are short (平方米/生) and stay on one line; English ones wrap.
    let unit_wrap = match lang {
        Lang::Zh => "td.unit { white-space: nowrap; }",
        Lang::En => "",
    };
    format!(
        r#"{root} {{ font-family: {FONTS}; font-size: 9.5pt; line-height: 1.3; color: #000; margin: 0; }}
@media screen {{ {root} {{ max-width: 200mm; margin: 0 auto; padding: 8mm 6mm; }} }}
h1 {{ font-size: 17pt; text-align: center; margin: 2mm 0 1.5mm; }}
p.sub {{ text-align: center; font-size: 9pt; margin: 0 0 5mm; }}
h2 {{ font-size: 12.5pt; margin: 0 0 2mm; break-after: avoid; }}
h3 {{ font-size: 10.5pt; margin: 3mm 0 1.2mm; break-after: avoid; }}
section {{ margin-bottom: 4mm; }}
section.new-page {{ break-before: page; }}
div.keep {{ break-inside: avoid; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 2.5mm; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
th, td {{ border: 0.6pt solid #000; padding: 0.6mm 1.2mm; vertical-align: middle; }}
th {{ background: #efefef; font-weight: bold; text-align: center; }}
td.n {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
td.nw, th.nw {{ white-space: nowrap; }}
td.c {{ text-align: center; }}
td.label {{ background: #efefef; font-weight: bold; width: 24mm; text-align: center; }}
.fail {{ font-weight: bold; }}
.small, p.note {{ font-size: 8pt; }}
p.note {{ margin: 0 0 2mm; }}
ul.items {{ margin: 1mm 0 4mm 5mm; padding: 0; }}
table.schools, table.gaps {{ table-layout: fixed; }}
table.schools {{ font-size: 7.6pt; }}
table.gaps {{ font-size: 8.2pt; }}
table.gaps td {{ padding: 0.4mm 1mm; }}
table.schools th {{ font-size: 7pt; font-weight: normal; padding: 0.4mm 0.5mm; }}
table.schools td {{ padding: 0.3mm 0.7mm; }}
td.name {{ white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
table.cv, table.evaluation {{ table-layout: fixed; }}
table.evaluation {{ font-size: 7.8pt; }}
td.unit {{ font-size: 8.5pt; text-align: center; }}
table.cv th {{ font-size: 8.5pt; }}
section.notes {{ font-size: 8pt; }}
{unit_wrap}
table.signatures {{ margin-top: 10mm; }}
table.signatures td {{ border: none; padding: 4mm 1mm; width: 50%; }}
dl.explain dt {{ font-weight: bold; margin-top: 1mm; }}
dl.explain dd {{ margin: 0 0 0 5mm; }}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::county::{Found, Origin};

    fn county(name: &str, year: Option<u32>) -> County {
        let found = |value| Found {
            value,
            from: Origin::Given,
            line: None,
        };
        County {
            name: (!name.is_empty()).then(|| found(name.to_string())),
            year: year.map(|y| Found {
                value: y,
                from: Origin::Given,
                line: None,
            }),
            unit: None,
        }
    }

    #[test]
    fn every_page_names_the_county_and_year() {
        let css = page_css(Lang::Zh, &county("青山县", Some(2023)));
        assert!(
            css.contains(r#"@bottom-left { content: "青山县 2023年";"#),
            "{css}"
        );
        assert!(page_css(Lang::En, &county("青山县", Some(2023))).contains(r#""青山县, 2023""#));
        assert!(!page_css(Lang::Zh, &County::default()).contains("bottom-left"));
    }

    #[test]
    fn a_county_name_cannot_leave_its_css_string() {
        let css = page_css(Lang::Zh, &county("a\"b\\c</style><script>", None));
        assert!(
            css.contains(r#"content: "a\"b\\c\3C /style\3E \3C script\3E ";"#),
            "{css}"
        );
        assert!(!css.contains('<'));
    }
}
