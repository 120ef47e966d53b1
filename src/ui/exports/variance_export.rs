//! The variance CSV in the export list: a budget scenario against the
//! actuals, for one fiscal year or every year with a closed month. The
//! bytes are `format::variance::variance_csv`'s, the same as
//! `fleetplan-cli variance`.

use leptos::prelude::*;

use crate::format::export::{file_part, horizon_fiscal_years};
use crate::format::variance::variance_csv;
use crate::i18n::actuals::ActualsText as A;
use crate::i18n::exports::downloaded;
use crate::i18n::overview::problem_line;
use crate::i18n::{format, t};
use crate::model::{Date, FiscalYear, Plan};
use crate::ui::frame::clock::today;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download::download_bytes;
use crate::ui::widgets::download_chunks::CSV_MIME;

/// `budget_Base_variance_2026-12-07.csv`, or `…_variance-FY2026_…` for one year.
fn file_name(plan: &Plan, budget: usize, year: Option<FiscalYear>, date: Date) -> String {
    let scenario = plan.scenarios.get(budget).map_or_else(
        || "scenario".to_string(),
        |s| file_part(&s.name, "scenario"),
    );
    let kind = match year {
        Some(y) => format!("variance-{}", y.label()),
        None => "variance".to_string(),
    };
    format!(
        "{}_{scenario}_{kind}_{date}.csv",
        file_part(&plan.name, "plan")
    )
}

#[component]
pub fn VarianceExport(bom: RwSignal<bool>) -> impl IntoView {
    let state = PlanState::expect();
    // `None`: the base scenario.
    let budget = RwSignal::new(None::<usize>);
    let year = RwSignal::new(None::<FiscalYear>);
    let message = RwSignal::new(None::<Result<String, String>>);
    let shown_budget = move || {
        state.plan.with(|p| {
            budget
                .get()
                .filter(|&b| b < p.scenarios.len())
                .unwrap_or_else(|| p.base_index())
        })
    };
    let budget_options = move || {
        let chosen = shown_budget();
        state.plan.with(|p| {
            p.scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| view! { <option value=i.to_string() selected=i == chosen>{s.name.clone()}</option> })
                .collect_view()
        })
    };
    let year_options = move || {
        let chosen = year.get();
        let years = state.plan.with(horizon_fiscal_years);
        let each = years
            .into_iter()
            .map(|y| {
                view! { <option value=y.start_year.to_string() selected=chosen == Some(y)>{format::fiscal_year(y)}</option> }
            })
            .collect_view();
        view! { <option value="" selected=chosen.is_none()>{t(A::AllClosedYears)}</option> {each} }
    };
    let download = move |_| {
        let b = untrack(shown_budget);
        let y = year.get_untracked();
        let result = state.plan.with_untracked(|plan| {
            let bytes = variance_csv(plan, b, y, bom.get_untracked()).map_err(|errors| {
                errors
                    .iter()
                    .take(3)
                    .map(problem_line)
                    .collect::<Vec<_>>()
                    .join(" ")
            })?;
            let name = file_name(plan, b, y, today());
            download_bytes(&name, CSV_MIME, &bytes)?;
            Ok(downloaded(&name))
        });
        message.set(Some(result));
    };
    let set_year = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let start_month = state.plan.with_untracked(|p| p.fiscal_year_start_month);
        year.set(value.parse().ok().map(|start_year| FiscalYear {
            start_year,
            start_month,
        }));
    };
    view! {
        <li class="export-item" data-testid="export-variance-item">
            <div>
                <div class="export-title">{t(A::VarianceFile)}</div>
                <div class="muted">{t(A::VarianceFileNote)}</div>
                <div class="export-options">
                    <label class="field">
                        <span>{t(A::BudgetScenario)}</span>
                        <select data-testid="export-variance-budget" on:change=move |ev| budget.set(event_target_value(&ev).parse().ok())>
                            {budget_options}
                        </select>
                    </label>
                    <label class="field">
                        <span>{t(crate::i18n::common::Common::FiscalYear)}</span>
                        <select data-testid="export-variance-year" on:change=set_year>{year_options}</select>
                    </label>
                </div>
                {move || message.get().map(|m| match m {
                    Ok(text) => view! { <p class="note" role="status">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="field-error" role="alert" data-testid="export-variance-error">{text}</p> }.into_any(),
                })}
            </div>
            <button type="button" class="button-secondary" data-testid="export-variance" on:click=download>
                {move || t(if bom.get() { A::DownloadVarianceBom } else { A::DownloadVariance })}
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate_plan;

    #[test]
    fn the_file_is_named_after_the_plan_the_budget_and_the_year() {
        let mut plan = generate_plan(3, 12, 1, 2026);
        plan.name = "Budget 2026".into();
        plan.scenarios[0].name = "Base".into();
        let day: Date = "2026-12-07".parse().unwrap();
        assert_eq!(
            file_name(&plan, 0, None, day),
            "Budget-2026_Base_variance_2026-12-07.csv"
        );
        let fy = FiscalYear {
            start_year: 2026,
            start_month: 4,
        };
        assert_eq!(
            file_name(&plan, 0, Some(fy), day),
            "Budget-2026_Base_variance-FY2026_2026-12-07.csv"
        );
    }
}
