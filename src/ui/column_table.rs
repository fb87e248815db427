//! The weighted coefficient of variation of every numeric column.

use leptos::prelude::*;

use crate::format::fixed;
use crate::state::AppState;

/// One row per numeric column: n, missing, weighted mean and CV.
#[component]
pub fn ColumnTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section aria-labelledby="cv-title">
            <h2 id="cv-title">"各列差异系数 · Coefficient of variation by column"</h2>
            <table class="numbers" data-testid="cv-table">
                <thead>
                    <tr>
                        <th scope="col">"列 Column"</th>
                        <th scope="col">"n"</th>
                        <th scope="col">"缺失 Missing"</th>
                        <th scope="col">"均值 Mean"</th>
                        <th scope="col" title="CV = S / μ, S = sqrt(Σw(x−μ)²/Σw)">"差异系数 CV"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || state.profiles.get().into_iter().map(|p| view! {
                        <tr data-column=p.header.clone()>
                            <th scope="row">{p.header.clone()}</th>
                            <td>{p.n}</td>
                            <td>{p.missing}</td>
                            <td>{fixed(p.mean, 2)}</td>
                            <td class="cv" data-value=p.cv.map(|v| v.to_string()).unwrap_or_default()>{fixed(p.cv, 3)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
