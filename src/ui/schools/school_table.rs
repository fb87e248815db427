//! The per-school table of one indicator: sortable by every column (a button in each header,
//! `aria-sort` on the sorted one), filtered by name and "below the mean", 100 rows a page.
//! Rows, order and filter are memos over plain `school_rows` functions, so a click re-sorts in
//! O(n log n) and only the visible page is drawn, whatever the number of schools.

use junheng_core::measures::Measure;
use junheng_core::Field;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::chart::ticks::format_value;
use crate::i18n::K;
use crate::model::findings::{page_status, percent};
use crate::model::format::fixed;
use crate::model::school_rows::{
    next_sort, page_count, page_range, school_rows, sorted, Direction, RowFilter, SchoolLookup,
    SchoolRow, SortKey,
};
use crate::model::shared::Shared;
use crate::state::AppState;
use crate::ui::widgets::indicator_picker::{current, parts};

/// A signed number with four significant digits: "+1.25", "−0.8".
fn signed(value: f64) -> String {
    let text = format_value(value.abs());
    if value > 0.0 {
        format!("+{text}")
    } else if value < 0.0 {
        format!("−{text}")
    } else {
        text
    }
}

/// A signed percentage: "+12.3%", "−4.0%".
fn signed_percent(value: Option<f64>) -> String {
    match value {
        Some(v) if v > 0.0 => format!("+{}", percent(v)),
        Some(v) if v < 0.0 => format!("−{}", percent(-v)),
        Some(v) => percent(v),
        None => "—".into(),
    }
}

/// A signed CV change with three decimals.
fn signed_cv(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() && (v * 1000.0).round() != 0.0 => {
            let text = fixed(Some(v.abs()), 3);
            if v > 0.0 {
                format!("+{text}")
            } else {
                format!("−{text}")
            }
        }
        Some(v) if v.is_finite() => "0.000".into(),
        _ => "—".into(),
    }
}

/// The rows of the selected indicator, or none.
#[derive(Clone, Debug, PartialEq)]
struct Rows {
    rows: Shared<Vec<SchoolRow>>,
    has_level: bool,
    class_label: Option<String>,
    weight: Option<String>,
}

/// The sortable, filterable, paged table of schools.
#[component]
pub fn SchoolTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sort = RwSignal::new((SortKey::Share, Direction::Descending));
    let filter = RwSignal::new(RowFilter::default());
    let page = RwSignal::new(0usize);

    let rows = Memo::new(move |_| {
        let (analysis, index) = current(state)?;
        let dataset = state.dataset.get()?;
        let line_word = state.t(K::Line);
        let (result, values) = parts(&analysis, index);
        let mapping = &dataset.ingested.mapping;
        let column = |field: Field| mapping.get(field).map(|m| m.column);
        let lookup = SchoolLookup::new(
            &dataset.ingested.table,
            column(Field::SchoolName),
            column(Field::Level),
            column(Field::UrbanRural),
        );
        let rows = school_rows(
            values,
            result[Measure::Mean]?,
            result[Measure::Cv],
            &lookup,
            line_word,
        );
        Some(Rows {
            rows: Shared::new(rows),
            has_level: lookup.level.is_some(),
            class_label: dataset.header_of(Field::UrbanRural),
            weight: analysis.report.weight.clone(),
        })
    });
    let order = Memo::new(move |_| {
        let (key, direction) = sort.get();
        rows.with(|r| {
            r.as_ref()
                .map(|r| Shared::new(sorted(&r.rows, key, direction)))
        })
    });
    let visible = Memo::new(move |_| {
        let order = order.get()?;
        let rows = rows.get()?;
        Some(Shared::new(filter.with(|f| f.apply(&rows.rows, &order))))
    });
    // A new indicator, dataset or level starts again at page 1.
    Effect::new(move |_| {
        rows.track();
        page.set(0);
    });
    // Another file: its own order and filter too (a name typed for the last file matches
    // nothing in this one).
    Effect::new(move |previous: Option<()>| {
        state.dataset.track();
        if previous.is_some() {
            sort.set((SortKey::Share, Direction::Descending));
            filter.set(RowFilter::default());
        }
    });

    let text = move |key: K| Signal::derive(move || state.t(key).to_string());
    let tip_of = move |key: K| Signal::derive(move || Some(state.t(key).to_string()));
    let no_tip = Signal::derive(|| None::<String>);
    let header = move |key: SortKey, label: Signal<String>, tip: Signal<Option<String>>| {
        let aria = move || {
            let (k, d) = sort.get();
            if k == key {
                d.aria()
            } else {
                "none"
            }
        };
        let arrow = move || {
            let (k, d) = sort.get();
            match (k == key, d) {
                (false, _) => "",
                (true, Direction::Ascending) => " ▲",
                (true, Direction::Descending) => " ▼",
            }
        };
        view! {
            <th scope="col" aria-sort=aria data-sort=key.id()>
                <button type="button" class="sort" title=move || tip.get()
                    on:click=move |_| {
                        sort.update(|s| *s = next_sort(*s, key));
                        page.set(0);
                    }>
                    {move || label.get()}<span aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let on_name = move |ev: leptos::ev::Event| {
        let value = event_target::<HtmlInputElement>(&ev).value();
        filter.update(|f| f.name = value);
        page.set(0);
    };
    let on_below = move |ev: leptos::ev::Event| {
        let checked = event_target::<HtmlInputElement>(&ev).checked();
        filter.update(|f| f.below_mean = checked);
        page.set(0);
    };

    let total = move || visible.with(|v| v.as_ref().map_or(0, |v| v.len()));
    let pages = move || page_count(total());
    let shown_page = move || page.get().min(pages() - 1);
    let status = move || {
        let n = total();
        let range = page_range(n, shown_page());
        let from = if n == 0 { 0 } else { range.start + 1 };
        page_status(state.lang.get(), shown_page(), pages(), from, range.end, n)
    };

    view! {
        <div class="table-tools">
            <label>
                <span>{move || state.t(K::FilterByName)}</span>
                <input type="search" data-testid="school-filter" on:input=on_name
                    prop:value=move || filter.with(|f| f.name.clone()) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="below-mean" on:change=on_below
                    prop:checked=move || filter.with(|f| f.below_mean) />
                <span>{move || state.t(K::BelowMeanOnly)}</span>
            </label>
        </div>
        {move || rows.get().map(|r| {
            let has_level = r.has_level;
            let has_class = r.class_label.is_some();
            let class_label = r.class_label.clone();
            let weight_tip = r.weight.clone();
            view! {
                <div class="scroll" tabindex="0" role="region" aria-labelledby="schools-title">
                    <table class="numbers schools" data-testid="school-table">
                        <thead>
                            <tr>
                                {header(SortKey::Line, text(K::Line), no_tip)}
                                {header(SortKey::Name, text(K::SchoolName), no_tip)}
                                {has_level.then(|| header(SortKey::Level, text(K::Level), no_tip))}
                                {class_label.clone().map(|label| header(SortKey::Class, Signal::stored(label), no_tip))}
                                {header(SortKey::Weight, text(K::WeightPupils), Signal::stored(weight_tip.clone()))}
                                {header(SortKey::Value, text(K::Value), no_tip)}
                                {header(SortKey::Deviation, text(K::Deviation), tip_of(K::TipDeviation))}
                                {header(SortKey::DeviationPct, text(K::DeviationPct), tip_of(K::TipDeviation))}
                                {header(SortKey::Share, text(K::ShareOfVariance), tip_of(K::TipShare))}
                                {header(SortKey::CvWithout, text(K::CvWithout), tip_of(K::TipCvWithout))}
                                {header(SortKey::CvChange, text(K::CvChange), tip_of(K::TipCvChange))}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let Some(visible) = visible.get() else { return Vec::new() };
                                // The rows of now, not those this table was drawn with: after
                                // another file, the positions index the new rows (issue 16).
                                let Some(current) = rows.get() else { return Vec::new() };
                                let range = page_range(visible.len(), shown_page());
                                visible[range].iter().filter_map(|&i| current.rows.get(i).cloned()).map(|row| {
                                    let below = row.deviation < 0.0;
                                    view! {
                                        <tr data-testid="school-row" data-line=row.line
                                            data-value=row.value.to_string()
                                            data-share=row.share.map(|s| s.to_string()).unwrap_or_default()
                                            class:below=below>
                                            <td class="line">{row.line}</td>
                                            <th scope="row">{row.name.clone()}</th>
                                            {has_level.then(|| view! { <td class="text">{row.level.clone().unwrap_or_default()}</td> })}
                                            {has_class.then(|| view! { <td class="text">{row.class.clone().unwrap_or_default()}</td> })}
                                            <td>{format_value(row.weight)}</td>
                                            <td>{format_value(row.value)}</td>
                                            <td>{signed(row.deviation)}</td>
                                            <td>{signed_percent(row.deviation_pct)}</td>
                                            <td>{row.share.map_or("—".into(), percent)}</td>
                                            <td>{fixed(row.cv_without, 3)}</td>
                                            <td class:up=row.cv_change.is_some_and(|c| c < 0.0)>{signed_cv(row.cv_change)}</td>
                                        </tr>
                                    }
                                }).collect::<Vec<_>>()
                            }}
                        </tbody>
                    </table>
                </div>
            }
        })}
        <Show when=move || total() == 0>
            <p class="note" data-testid="no-school">{move || state.t(K::NoSchoolMatches)}</p>
        </Show>
        <nav class="pager" aria-label=move || state.t(K::SchoolsTitle)>
            <button type="button" class="secondary" data-testid="page-prev"
                disabled=move || shown_page() == 0
                on:click=move |_| page.set(shown_page().saturating_sub(1))>
                {move || state.t(K::PagePrev)}
            </button>
            <span data-testid="page-status" aria-live="polite">{status}</span>
            <button type="button" class="secondary" data-testid="page-next"
                disabled=move || { shown_page() + 1 >= pages() }
                on:click=move |_| page.set((shown_page() + 1).min(pages() - 1))>
                {move || state.t(K::PageNext)}
            </button>
        </nav>
    }
}
