//! Where a number came from: one position's amounts in one month, each with
//! the rule, its inputs and the booked result (docs/model.md has the rules).

use rust_decimal::Decimal;

use super::forecast::{Charge, Determination, GradeTrace, PreparedScenario};
use super::ledger::{Category, Component, LedgerRow, component_label};
use super::money::format_minor;
use super::plan::BurdenBasis;
use super::plan::Plan;
use super::problem::Problem;
use super::validate::PlanError;

/// One ledger row of the month, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplainedRow {
    pub category: Category,
    pub component: Component,
    /// "Health insurance", "agency fee", or "" for a category's only rule.
    pub label: String,
    pub amount_minor: i64,
    /// The rule with this month's numbers, ending in the booked amount.
    pub steps: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub position_id: String,
    pub title: String,
    pub month: String,
    /// The inputs every row shares: base in force, active days, vacancy.
    pub context: Vec<String>,
    pub rows: Vec<ExplainedRow>,
}

impl Explanation {
    /// The explanation as plain text lines.
    pub fn to_lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} ({}), {}",
            self.title, self.position_id, self.month
        )];
        lines.extend(self.context.iter().cloned());
        for row in &self.rows {
            let name = if row.label.is_empty() {
                row.category.as_str().to_string()
            } else {
                format!("{} ({})", row.category.as_str(), row.label)
            };
            lines.push(format!("{name}: {}", row.steps));
        }
        lines
    }
}

/// Explains position `position` of scenario `scenario` in horizon month
/// `month` (0 = the horizon's first month). A month in which the position is
/// not active has no rows.
pub fn explain(
    plan: &Plan,
    scenario: usize,
    position: usize,
    month: usize,
) -> Result<Explanation, Vec<PlanError>> {
    let prepared = PreparedScenario::new(plan, scenario)?;
    let s = prepared.scenario();
    let Some(p) = s.positions.get(position) else {
        return Err(vec![PlanError::at(
            format!("scenarios[{scenario}].positions"),
            Problem::NoSuchPosition {
                number: position + 1,
            },
        )]);
    };
    let months = plan.months();
    let Some(ym) = months.get(month) else {
        return Err(vec![PlanError::at(
            "horizon",
            Problem::MonthOutsideHorizon { number: month + 1 },
        )]);
    };
    let currency = prepared.currency();
    let mut rows: Vec<LedgerRow> = Vec::new();
    let traces = prepared.trace_position(position, &mut rows);
    let money = |minor: i64| format_minor(minor, currency);
    let mut explanation = Explanation {
        position_id: p.id.clone(),
        title: p.title.clone(),
        month: ym.to_string(),
        context: Vec::new(),
        rows: Vec::new(),
    };
    let Some(t) = traces.iter().find(|t| usize::from(t.month) == month) else {
        explanation
            .context
            .push("not active in this month: no costs".to_string());
        return Ok(explanation);
    };
    let fte = p.fte.normalize();
    let share = if t.days_active == t.days_in_month {
        "the whole month".to_string()
    } else {
        format!("{} of {} days", t.days_active, t.days_in_month)
    };
    let occupied = ratio_text(t.occupied);
    explanation.context = vec![
        format!("annual base in force {} at FTE {fte}", money(t.annual)),
        format!("active {share}"),
        format!(
            "expected occupancy 1 − v = {occupied} ({} month(s) of vacancy build-up)",
            t.vacancy_step
        ),
    ];
    if t.allowances > 0 {
        explanation.context.push(format!(
            "fixed allowances this month {}",
            money(t.allowances)
        ));
    }
    for (table, grade) in [("health", t.health_grade), ("pension", t.pension_grade)] {
        if let Some(grade) = grade {
            explanation.context.push(format!(
                "{table} grade {} (standard monthly remuneration {}): {}",
                grade.number,
                money(grade.standard),
                determination_text(&grade, &money)
            ));
        }
    }
    if t.health_grade.is_some() || t.pension_grade.is_some() {
        explanation.context.push(
            match t.charge {
                Charge::EnrolledAtMonthEnd => {
                    "enrolled on the month's last day: graded premiums charged for the whole month"
                }
                Charge::SameMonth => {
                    "joined and left in the same month: health charged once, no pension"
                }
                Charge::NotCharged => {
                    "eligibility lost in this month (left before its last day): no graded premium"
                }
            }
            .to_string(),
        );
    }
    let a = if t.days_active == t.days_in_month {
        String::new()
    } else {
        format!(" × {}/{}", t.days_active, t.days_in_month)
    };
    let v = if t.occupied.0 == t.occupied.1 {
        String::new()
    } else {
        format!(" × {occupied}")
    };
    let people = &s.people;
    for row in rows.iter().filter(|r| usize::from(r.month) == month) {
        let booked = money(row.amount_minor);
        let steps = match (row.category, row.component) {
            (Category::Base, Component::Allowance(_)) => {
                format!("fixed monthly allowance{a}{v} = {booked}")
            }
            (Category::Base, _) => format!("{} × {fte} ÷ 12{a}{v} = {booked}", money(t.annual)),
            (Category::Bonus, _) => {
                let months = people
                    .bonus_payouts
                    .iter()
                    .find(|b| b.month == ym.month())
                    .map_or(Decimal::ZERO, |b| b.months)
                    .normalize();
                let share = if t.bonus_share.0 == t.bonus_share.1 {
                    "paid in full: active on the 1st".to_string()
                } else {
                    format!(
                        "a first bonus: {} of the {} months of its assessment period worked",
                        t.bonus_share.0, t.bonus_share.1
                    )
                };
                let worked = if t.bonus_share.0 == t.bonus_share.1 {
                    String::new()
                } else {
                    format!(" × {}/{}", t.bonus_share.0, t.bonus_share.1)
                };
                format!(
                    "{} ÷ 12 × {fte} × {months} months{worked}{v} = {booked} ({share})",
                    money(t.annual)
                )
            }
            (Category::Burden, Component::Burden(c)) => {
                let component = people.burden.get(usize::from(c));
                // The rate in force: the last step of the schedule from
                // this month or before that sets one, else the stated rate.
                let rate = component
                    .map_or(Decimal::ZERO, |b| {
                        b.schedule
                            .iter()
                            .filter(|s| s.from <= *ym)
                            .filter_map(|s| s.rate_pct)
                            .next_back()
                            .unwrap_or(b.rate_pct)
                    })
                    .normalize();
                let subject = t
                    .burden_subjects
                    .iter()
                    .find(|(i, _)| *i == c)
                    .map_or(0, |(_, s)| *s);
                let grade = match component.map(|b| b.basis) {
                    Some(BurdenBasis::HealthGrades) => t.health_grade.map(|g| ("health", g)),
                    Some(BurdenBasis::PensionGrades) => t.pension_grade.map(|g| ("pension", g)),
                    _ => None,
                };
                match grade {
                    Some((table, grade)) => {
                        let bonus = if t.bonus_basis > 0 {
                            if t.bonus_charged {
                                format!(
                                    " and standard bonus {} (bonus {} truncated to ¥1,000)",
                                    money(t.bonus_standard),
                                    money(t.bonus_basis)
                                )
                            } else {
                                format!(
                                    " (no premium on the bonus {}: paid in the month eligibility is lost)",
                                    money(t.bonus_basis)
                                )
                            }
                        } else {
                            String::new()
                        };
                        format!(
                            "{rate} % × {} (standard monthly remuneration {} of {table} grade {}{bonus}, after caps){v} = {booked}",
                            money(subject),
                            money(grade.standard),
                            grade.number
                        )
                    }
                    None => {
                        let wages = t.pay.saturating_add(t.allowances);
                        let pay = if t.bonus_basis > 0 {
                            format!("pay {} and bonus {}", money(wages), money(t.bonus_basis))
                        } else {
                            format!("pay {}", money(wages))
                        };
                        format!(
                            "{rate} % × {} (of {pay}, after caps){v} = {booked}",
                            money(subject)
                        )
                    }
                }
            }
            (Category::Benefits, _) => format!("per head, a month active{v} = {booked}"),
            (Category::Recruiting, Component::HireFee) => format!(
                "{} % × {} × {fte} = {booked} (a hire, in its start month)",
                p.recruiting_fee_pct
                    .unwrap_or(people.recruiting_fee_pct)
                    .normalize(),
                money(t.annual)
            ),
            (Category::Recruiting, Component::BackfillFee) => format!(
                "attrition ÷ 12 × {fte}{a} × {} % × {} = {booked}",
                p.recruiting_fee_pct
                    .unwrap_or(people.recruiting_fee_pct)
                    .normalize(),
                money(t.annual)
            ),
            (Category::Tools, _) => format!("seats of the team's tools{v} = {booked}"),
            (Category::Training, _) => format!(
                "{} ÷ 12{a}{v} = {booked}",
                people.training_per_head_annual.normalize()
            ),
            (Category::Cloud, _) => format!(
                "{} × {fte}{a} = {booked}",
                s.cloud.per_engineer_monthly.normalize()
            ),
            _ => format!("per hire = {booked}"),
        };
        explanation.rows.push(ExplainedRow {
            category: row.category,
            component: row.component,
            label: component_label(s, row),
            amount_minor: row.amount_minor,
            steps,
        });
    }
    Ok(explanation)
}

/// How a grade was determined, in words.
fn determination_text(grade: &GradeTrace, money: &dyn Fn(i64) -> String) -> String {
    let from = money(grade.determined_from);
    match grade.determination {
        Determination::AtHiring => format!("determined at hiring from {from} a month"),
        Determination::AtHorizonStart => {
            format!("in force at the horizon's start, from {from} a month")
        }
        Determination::September => {
            format!("September redetermination from April to June pay ({from})")
        }
        Determination::FourthMonth => {
            format!("changed by two grades or more: from the fourth month ({from})")
        }
    }
}

/// `n/d` as a decimal when exact to 6 places, else as a fraction.
fn ratio_text((n, d): (i64, i64)) -> String {
    if n == d {
        return "1".to_string();
    }
    let value = Decimal::from(n).checked_div(Decimal::from(d.max(1)));
    match value {
        Some(v) if v.normalize().scale() <= 6 => v.normalize().to_string(),
        _ => format!("{n}/{d}"),
    }
}
