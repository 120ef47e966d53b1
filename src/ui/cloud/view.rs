//! The cloud view: the current scenario's cloud cost per fiscal year, the
//! per-engineer cost of development environments and CI, and every cloud
//! line with its curve and yearly totals.

use leptos::prelude::*;

use super::cloud_line::CloudLineCard;
use crate::i18n::cloud::{CloudText as C, of_scenario, partial_year};
use crate::i18n::common::Common;
use crate::i18n::finance::currency_unit;
use crate::i18n::overview::{problem_line, with_unit};
use crate::i18n::{format, t};
use crate::model::cloud::{CloudMonths, cloud_months_of};
use crate::model::cloud_years::{CloudYear, cloud_years};
use crate::model::editing::new_cloud_line;
use crate::model::fiscal_year_summaries;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{At, CLOUD, money_unit};
use crate::ui::widgets::field::Field;

/// What every line card reads: the scenario's cloud months and years.
#[derive(Clone, Copy)]
pub struct CloudFigures {
    /// `None` while the scenario has problems that stop its forecast.
    pub months: Memo<Option<CloudMonths>>,
    pub years: Memo<Vec<CloudYear>>,
    /// "Apr 2026", one per horizon month.
    pub month_labels: Memo<Vec<String>>,
    /// How many lines the scenario has.
    pub count: Memo<usize>,
    /// Bumped when lines are deleted or moved, so the cards are rebuilt.
    pub layout: RwSignal<u32>,
}

#[component]
pub fn CloudView() -> impl IntoView {
    let state = PlanState::expect();
    // From the forecast on screen: only the lines are forecast again (a
    // whole forecast of 50,000 positions blocked the page for 250-450 ms).
    let months = Memo::new(move |_| {
        let s = state.scenario_index();
        state.forecast.with(|forecast| {
            let forecast = forecast.as_ref().ok()?;
            state.plan.with(|p| cloud_months_of(p, s, forecast).ok())
        })
    });
    let years = Memo::new(move |_| {
        months
            .with(|cloud| {
                let cloud = cloud.as_ref()?;
                state.forecast.with(|forecast| {
                    let forecast = forecast.as_ref().ok()?;
                    let summaries = state.plan.with(|p| fiscal_year_summaries(p, forecast));
                    Some(cloud_years(cloud, &summaries))
                })
            })
            .unwrap_or_default()
    });
    let figures = CloudFigures {
        months,
        years,
        month_labels: Memo::new(move |_| {
            state
                .plan
                .with(|p| p.months().into_iter().map(format::month).collect())
        }),
        count: Memo::new(move |_| state.with_scenario(|s| s.cloud.lines.len()).unwrap_or(0)),
        layout: RwSignal::new(0),
    };
    let keys = move || {
        let (scenario, version) = (state.scenario.get(), figures.layout.get());
        (0..figures.count.get())
            .map(|l| (scenario, version, l))
            .collect::<Vec<_>>()
    };
    let add_line = move |_| state.edit_scenario(|s| s.cloud.lines.push(new_cloud_line()));
    view! {
        <section class="cloud" data-testid="cloud" aria-labelledby="cloud-title">
            <CloudSummary years=years />
            <h2 class="section-title">{t(C::CloudLines)}</h2>
            // The lines' fields edit the scenario: read-only while it is
            // locked. Their month-by-month figures open all the same (a
            // `<details>` is no form control).
            <fieldset class="edit-lock" disabled=move || state.locked()>
                <For each=keys key=|k| *k let((_, _, l))>
                    <CloudLineCard index=l figures=figures />
                </For>
                <Show when=move || figures.count.get() == 0>
                    <p class="empty">{t(C::NoLines)}</p>
                </Show>
                <div>
                    <button
                        type="button"
                        class="button-primary"
                        data-testid="add-cloud-line"
                        on:click=add_line
                    >
                        {t(C::AddLine)}
                    </button>
                </div>
            </fieldset>
        </section>
    }
}

/// The cloud total per fiscal year, and the per-engineer cost.
#[component]
fn CloudSummary(years: Memo<Vec<CloudYear>>) -> impl IntoView {
    let state = PlanState::expect();
    let cloud = At::new(state, &CLOUD, [0, 0]);
    let code = move || currency_unit(state.currency.get());
    let problems = move || {
        state.forecast.with(|f| {
            f.as_ref()
                .err()
                .map(|errors| errors.iter().take(3).map(problem_line).collect::<Vec<_>>())
        })
    };
    let rows =
        move || {
            years
            .get()
            .into_iter()
            .map(|y| {
                let fy = y.year.label();
                let name = format::fiscal_year(y.year);
                let label = if y.partial { partial_year(&name, y.months) } else { name };
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{state.show_minor(y.lines_total)}</td>
                        <td class="num" data-testid="cloud-per-engineer-total" data-fy=fy.clone()>
                            {state.show_minor(y.per_engineer)}
                        </td>
                        <td class="num total-cell" data-testid="cloud-total" data-fy=fy>
                            {state.show_minor(y.total)}
                        </td>
                    </tr>
                }
            })
            .collect_view()
        };
    view! {
        <section class="card" aria-labelledby="cloud-title">
            <div class="card-head">
                <h2 id="cloud-title">{t(C::Title)}</h2>
                <span class="muted">
                    {move || {
                        state
                            .with_scenario(|s| of_scenario(&s.name))
                            .unwrap_or_default()
                    }}
                </span>
            </div>
            {move || {
                problems()
                    .map(|lines| {
                        view! {
                            <div class="field-error" role="alert">
                                {t(C::ProblemsFirst)}
                                <ul class="problems">
                                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            <table class="grid cloud-years">
                <thead>
                    <tr>
                        <th scope="col">{t(Common::FiscalYear)}</th>
                        <th scope="col" class="num">{move || with_unit(t(C::CloudLines), code())}</th>
                        <th scope="col" class="num">
                            {move || with_unit(t(C::DevEnvironments), code())}
                        </th>
                        <th scope="col" class="num">{move || with_unit(t(C::CloudTotal), code())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <fieldset class="per-engineer" disabled=move || state.locked()>
                <Field
                    label=t(C::DevEnvironments)
                    name="per_engineer_monthly"
                    numeric=true
                    unit=money_unit(state, t(C::PerActiveFteMonth))
                    value=cloud.amount(|c| Some(c.per_engineer_monthly))
                    commit=cloud
                        .commit_amount("per_engineer_monthly", |c, v| c.per_engineer_monthly = v)
                />
                <p class="muted hint">
                    {t(C::DevEnvironmentsHint)}
                </p>
            </fieldset>
        </section>
    }
}
