//! The indicator CV table of one level in the national report format (docs/domain.md §6.2): rows
//! 全县平均值, 标准差, 差异系数, 达标线, 是否达标; one column per indicator, then 综合. On a phone
//! the 差异系数 and 是否达标 rows come first (see [`cv_rows`]).

use junheng_core::standards::Level;
use leptos::prelude::*;

use crate::i18n::K;
use crate::model::standards::{cv, cv_table, indicator_name, value, CvColumn};
use crate::state::AppState;
use crate::ui::standards::context::StdCtx;
use crate::ui::widgets::narrow::use_narrow;

/// A row of the CV table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CvRow {
    /// 全县平均值.
    Mean,
    /// 标准差.
    Sd,
    /// 差异系数.
    Cv,
    /// 达标线 (the CV ceiling).
    Threshold,
    /// 是否达标.
    Verdict,
}

/// The rows in the order drawn: the national report's order, or on a phone (`narrow`) the
/// 差异系数 and 是否达标 first, so that a reader sees them without scrolling down a long table.
pub fn cv_rows(narrow: bool) -> [CvRow; 5] {
    use CvRow::*;
    if narrow {
        [Cv, Verdict, Threshold, Mean, Sd]
    } else {
        [Mean, Sd, Cv, Threshold, Verdict]
    }
}

/// The CV table of `level`.
#[component]
pub fn CvTable(
    /// The level shown.
    level: Level,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StdCtx>();
    let narrow = use_narrow();
    let columns = move || -> Option<Vec<CvColumn>> {
        ctx.current.with(|o| {
            let o = o.as_ref()?;
            let l = o.report.levels.iter().find(|l| l.level == level.id())?;
            Some(cv_table(l))
        })
    };
    let id = level.id();
    let caption_id = format!("std-cv-caption-{id}");
    view! {
        {move || columns().map(|columns| {
            let lang = state.lang.get();
            let mark = |c: &CvColumn| match (c.line.ok, c.line.max) {
                (Some(true), _) => state.t(K::Pass),
                (Some(false), _) => state.t(K::Fail),
                (None, _) if c.composite => state.t(K::StdInfoOnly),
                (None, _) => state.t(K::StdNotJudged),
            };
            let row = |r: CvRow| match r {
                CvRow::Mean => view! {
                    <tr>
                        <th scope="row">{state.t(K::StdRowMean)}</th>
                        {columns.iter().map(|c| view! { <td>{if c.composite { String::new() } else { value(c.mean) }}</td> }).collect_view()}
                    </tr>
                }.into_any(),
                CvRow::Sd => view! {
                    <tr>
                        <th scope="row">{state.t(K::StdRowSd)}</th>
                        {columns.iter().map(|c| view! { <td>{if c.composite { String::new() } else { value(c.sd) }}</td> }).collect_view()}
                    </tr>
                }.into_any(),
                CvRow::Cv => view! {
                    <tr class="std-cv-row">
                        <th scope="row">{state.t(K::StdRowCv)}</th>
                        {columns.iter().map(|c| {
                            let class = match c.line.ok { Some(true) => "pass", Some(false) => "fail", None => "" };
                            view! {
                                <td class=class data-indicator=c.line.id.clone()
                                    data-value=c.line.cv.map(|v| v.to_string()).unwrap_or_default()>
                                    {cv(c.line.cv)}
                                    {c.line.borderline.then(|| view! { " "<span class="std-borderline" title=state.t(K::StdBorderlineExplain)>{state.t(K::StdBorderline)}</span> })}
                                </td>
                            }
                        }).collect_view()}
                    </tr>
                }.into_any(),
                CvRow::Threshold => view! {
                    <tr>
                        <th scope="row">{state.t(K::StdRowThreshold)}</th>
                        {columns.iter().map(|c| view! { <td>{c.line.max.map(|m| format!("≤ {m:.2}")).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                    </tr>
                }.into_any(),
                CvRow::Verdict => view! {
                    <tr>
                        <th scope="row">{state.t(K::StdRowVerdict)}</th>
                        {columns.iter().map(|c| {
                            let class = match c.line.ok { Some(true) => "pass", Some(false) => "fail", None => "muted" };
                            view! { <td class=class data-indicator=c.line.id.clone() data-testid="std-cv-verdict">{mark(c)}</td> }
                        }).collect_view()}
                    </tr>
                }.into_any(),
            };
            let rows = cv_rows(narrow.get()).into_iter().map(row).collect_view();
            view! {
                <div class="scroll" tabindex="0" role="region" aria-labelledby=caption_id.clone()>
                    <table class="numbers std-cv-table" data-testid=format!("std-cv-table-{id}")>
                        <caption id=caption_id.clone() class="visually-hidden">{state.t(K::StdCvTable)}</caption>
                        <thead>
                            <tr>
                                <th scope="col"></th>
                                {columns.iter().map(|c| view! {
                                    <th scope="col" data-indicator=c.line.id.clone()
                                        title=indicator_name(lang, &c.unit_zh, &c.unit_en).to_string()>
                                        {if c.composite { state.t(K::StdComposite).to_string() } else { indicator_name(lang, &c.line.name_zh, &c.line.name_en).to_string() }}
                                    </th>
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="note">{state.t(K::StdCvTableNote)}</p>
            }
        })}
    }
}
