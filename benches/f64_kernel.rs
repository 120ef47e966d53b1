//! A plain f64 kernel of the forecast, for comparison with the exact engine.
//!
//! Same loop structure and the same rules as `src/model/forecast.rs`
//! (base, raises, bonus, burden with caps, recruiting, attrition, tools,
//! training, per-engineer cloud, other costs, cloud lines, totals per month ×
//! category and month × team × category, headcount), in binary floating
//! point, rounding each amount with `f64::round` as a naive implementation
//! would. It is not part of the product: it only measures what exactness
//! costs. Reusable from a wasm test with
//! `#[path = "../benches/f64_kernel.rs"] mod f64_kernel;`.

#![allow(dead_code)]

use fleetplan::model::{CapPeriod, Employment, OtherCostKind, Plan};
use rust_decimal::prelude::ToPrimitive;

const CATS: usize = 9;

fn f(value: rust_decimal::Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

pub struct Burden {
    rate: f64,
    on_base: bool,
    on_bonus: bool,
    monthly_cap: f64,
    payment_cap: f64,
    fy_cap: f64,
    annual_cap: f64,
    fiscal_period: bool,
    age: bool,
}

pub struct Pos {
    team: usize,
    employee: bool,
    hire: bool,
    age: bool,
    annual: f64,
    fte: f64,
    start_index: i32,
    start_day: i32,
    end_index: i32,
    end_day: i32,
    fee: f64,
    tools: f64,
    rate: f64,
    lag: f64,
}

pub struct Month {
    index: i32,
    days: i32,
    calendar_month: u8,
    year: i32,
    fiscal_year: i32,
}

pub struct Line {
    monthly: bool,
    team: Option<usize>,
    amount: f64,
    start: i32,
    end: i32,
    escalation: f64,
}

pub struct CloudLine {
    on_demand: f64,
    growth: f64,
    commitment: Option<(i32, f64)>,
    savings: Vec<(i32, f64)>,
    one_offs: Vec<(i32, f64)>,
}

pub struct F64Scenario {
    months: Vec<Month>,
    teams: usize,
    burden: Vec<Burden>,
    bonus: [f64; 13],
    raise: f64,
    raise_month: u8,
    equipment: f64,
    onboarding: f64,
    training: f64,
    dev_cloud: f64,
    positions: Vec<Pos>,
    lines: Vec<Line>,
    cloud: Vec<CloudLine>,
}

#[derive(Default)]
pub struct F64Totals {
    pub by_month: Vec<[f64; CATS]>,
    pub by_team: Vec<[f64; CATS]>,
    pub heads: Vec<u32>,
    pub fte: Vec<f64>,
    pub hires: Vec<u32>,
    pub departures: Vec<u32>,
}

impl F64Totals {
    pub fn total(&self) -> f64 {
        self.by_month.iter().flat_map(|m| m.iter()).sum()
    }
}

/// Converts a (valid) scenario into f64 arrays.
pub fn prepare(plan: &Plan, s: usize) -> F64Scenario {
    let scenario = &plan.scenarios[s];
    let fy = plan.fiscal_year_start_month;
    let months = plan
        .months()
        .iter()
        .map(|ym| Month {
            index: ym.index(),
            days: i32::from(ym.days()),
            calendar_month: ym.month(),
            year: ym.year(),
            fiscal_year: if ym.month() >= fy {
                ym.year()
            } else {
                ym.year() - 1
            },
        })
        .collect();
    let people = &scenario.people;
    let cap = |c: Option<rust_decimal::Decimal>| c.map_or(f64::INFINITY, f);
    let burden = people
        .burden
        .iter()
        .map(|c| Burden {
            rate: f(c.rate_pct) / 100.0,
            on_base: c.on_base,
            on_bonus: c.on_bonus,
            monthly_cap: cap(c.monthly_pay_cap),
            payment_cap: cap(c.bonus_payment_cap),
            fy_cap: cap(c.bonus_fiscal_year_cap),
            annual_cap: cap(c.annual_pay_cap.as_ref().map(|a| a.amount)),
            fiscal_period: c
                .annual_pay_cap
                .as_ref()
                .is_some_and(|a| a.period == CapPeriod::FiscalYear),
            age: c.age_dependent,
        })
        .collect();
    let mut bonus = [0.0; 13];
    for b in &people.bonus_payouts {
        bonus[usize::from(b.month)] = f(b.months);
    }
    let mut team_tools = vec![0.0; scenario.teams.len()];
    for tool in &scenario.tools {
        for (t, team) in scenario.teams.iter().enumerate() {
            if tool.teams.is_empty() || tool.teams.contains(&team.name) {
                team_tools[t] += f(tool.monthly_per_seat);
            }
        }
    }
    let positions = scenario
        .positions
        .iter()
        .map(|p| {
            let team = scenario.team_index(&p.team).unwrap_or(0);
            let attrition = scenario.teams[team]
                .attrition
                .as_ref()
                .unwrap_or(&people.attrition);
            Pos {
                team,
                employee: p.employment == Employment::Employee,
                hire: p.status.is_hire(),
                age: p.age_dependent_burden,
                annual: f(scenario.annual_base_of(p).unwrap_or_default()),
                fte: f(p.fte),
                start_index: p.start.year_month().index(),
                start_day: i32::from(p.start.day()),
                end_index: p.end.map_or(i32::MAX, |e| e.year_month().index()),
                end_day: p.end.map_or(31, |e| i32::from(e.day())),
                fee: f(p.recruiting_fee_pct.unwrap_or(people.recruiting_fee_pct)) / 100.0,
                tools: team_tools[team],
                rate: f(attrition.annual_rate_pct) / 100.0,
                lag: f64::from(attrition.backfill_lag_months),
            }
        })
        .collect();
    let lines = scenario
        .other_costs
        .iter()
        .map(|c| Line {
            monthly: c.kind == OtherCostKind::Monthly,
            team: c.team.as_deref().and_then(|t| scenario.team_index(t)),
            amount: f(c.amount),
            start: c.start.index(),
            end: c.end.map_or(i32::MAX, |e| e.index()),
            escalation: f(c.yearly_escalation_pct) / 100.0,
        })
        .collect();
    let cloud = scenario
        .cloud
        .lines
        .iter()
        .map(|l| CloudLine {
            on_demand: f(l.on_demand_monthly),
            growth: f(l.monthly_growth_pct) / 100.0,
            commitment: l.commitment.as_ref().map(|c| {
                (
                    c.start.index(),
                    f(c.coverage_pct) / 100.0 * f(c.discount_pct) / 100.0,
                )
            }),
            savings: l
                .savings
                .iter()
                .map(|s| (s.start.index(), f(s.pct) / 100.0))
                .collect(),
            one_offs: l
                .one_offs
                .iter()
                .map(|o| (o.month.index(), f(o.amount)))
                .collect(),
        })
        .collect();
    F64Scenario {
        months,
        teams: scenario.teams.len(),
        burden,
        bonus,
        raise: f(people.raise_pct) / 100.0,
        raise_month: people.raise_month,
        equipment: f(people.per_hire.equipment),
        onboarding: f(people.per_hire.onboarding),
        training: f(people.training_per_head_annual),
        dev_cloud: f(scenario.cloud.per_engineer_monthly),
        positions,
        lines,
        cloud,
    }
}

/// Forecasts a prepared scenario in f64.
pub fn run(s: &F64Scenario) -> F64Totals {
    let n = s.months.len();
    let width = s.teams + 1;
    let mut t = F64Totals {
        by_month: vec![[0.0; CATS]; n],
        by_team: vec![[0.0; CATS]; n * width],
        heads: vec![0; n],
        fte: vec![0.0; n],
        hires: vec![0; n],
        departures: vec![0; n],
    };
    let h0 = s.months[0].index;
    let mut fy_used = vec![0.0; s.burden.len()];
    let mut fy_key = vec![i32::MIN; s.burden.len()];
    let mut year_used = vec![0.0; s.burden.len()];
    let mut year_key = vec![i32::MIN; s.burden.len()];
    for p in &s.positions {
        let first_m = (p.start_index - h0).max(0);
        let last_m = (p.end_index.saturating_sub(h0)).min(n as i32 - 1);
        if first_m > last_m {
            continue;
        }
        fy_key.fill(i32::MIN);
        year_key.fill(i32::MIN);
        let mut annual = p.annual;
        for m in first_m..=last_m {
            let mo = &s.months[m as usize];
            let first_day = if mo.index == p.start_index {
                p.start_day
            } else {
                1
            };
            let last_day = if mo.index == p.end_index {
                p.end_day.min(mo.days)
            } else {
                mo.days
            };
            let active = last_day - first_day + 1;
            if active <= 0 {
                continue;
            }
            if p.employee && mo.calendar_month == s.raise_month && p.start_index < mo.index {
                annual = (annual * (1.0 + s.raise)).round();
            }
            let a = f64::from(active) / f64::from(mo.days);
            let k = f64::from(m - first_m);
            let occupied = if p.employee {
                1.0 - p.rate / 12.0 * k.min(p.lag)
            } else {
                1.0
            };
            let row = m as usize * width + p.team;
            let mut add = |c: usize, amount: f64| {
                if amount != 0.0 {
                    t.by_month[m as usize][c] += amount;
                    t.by_team[row][c] += amount;
                }
            };
            let pay = (annual * p.fte / 12.0 * a).round();
            add(0, (annual * p.fte / 12.0 * a * occupied).round());
            let mut bonus_basis = 0.0;
            if p.employee && first_day == 1 && s.bonus[mo.calendar_month as usize] > 0.0 {
                let months = s.bonus[mo.calendar_month as usize];
                add(1, (annual / 12.0 * p.fte * months * occupied).round());
                bonus_basis = (annual / 12.0 * p.fte * months).round();
            }
            if p.employee {
                for (c, b) in s.burden.iter().enumerate() {
                    if b.age && !p.age {
                        continue;
                    }
                    let mut subject = 0.0;
                    if b.on_base {
                        subject = pay.min(b.monthly_cap);
                    }
                    if b.on_bonus && bonus_basis > 0.0 {
                        let mut part = bonus_basis.min(b.payment_cap);
                        if b.fy_cap.is_finite() {
                            if fy_key[c] != mo.fiscal_year {
                                fy_key[c] = mo.fiscal_year;
                                fy_used[c] = 0.0;
                            }
                            part = part.min(b.fy_cap - fy_used[c]).max(0.0);
                            fy_used[c] += part;
                        }
                        subject += part;
                    }
                    if b.annual_cap.is_finite() {
                        let y = if b.fiscal_period {
                            mo.fiscal_year
                        } else {
                            mo.year
                        };
                        if year_key[c] != y {
                            year_key[c] = y;
                            year_used[c] = 0.0;
                        }
                        subject = subject.min(b.annual_cap - year_used[c]).max(0.0);
                        year_used[c] += subject;
                    }
                    add(2, (subject * b.rate * occupied).round());
                }
            }
            if p.hire && mo.index == p.start_index {
                add(3, (annual * p.fte * p.fee).round());
                add(3, s.onboarding);
                add(5, s.equipment);
            }
            if p.employee {
                add(3, (p.rate / 12.0 * p.fte * a * p.fee * annual).round());
            }
            add(4, (p.tools * occupied).round());
            add(6, (s.training / 12.0 * a * occupied).round());
            add(8, (s.dev_cloud * p.fte * a).round());
            let mi = m as usize;
            if last_day == mo.days {
                t.heads[mi] += 1;
                t.fte[mi] += p.fte;
            }
            t.hires[mi] += u32::from(p.hire && mo.index == p.start_index);
            t.departures[mi] += u32::from(mo.index == p.end_index);
        }
    }
    for line in &s.lines {
        for (m, mo) in s.months.iter().enumerate() {
            let row = m * width + line.team.unwrap_or(s.teams);
            let amount = if line.monthly {
                if mo.index < line.start || mo.index > line.end {
                    continue;
                }
                let years = (mo.index - line.start) / 12;
                (line.amount * (1.0 + line.escalation).powi(years)).round()
            } else if mo.index == line.start {
                line.amount
            } else {
                continue;
            };
            t.by_month[m][7] += amount;
            t.by_team[row][7] += amount;
        }
    }
    for line in &s.cloud {
        for (m, mo) in s.months.iter().enumerate() {
            let mut cost = line.on_demand * (1.0 + line.growth).powi(m as i32);
            if let Some((start, share)) = line.commitment
                && mo.index >= start
            {
                cost *= 1.0 - share;
            }
            for &(start, pct) in &line.savings {
                if mo.index >= start {
                    cost *= 1.0 - pct;
                }
            }
            let mut amount = cost.round();
            for &(month, one_off) in &line.one_offs {
                if month == mo.index {
                    amount += one_off;
                }
            }
            let row = m * width + s.teams;
            t.by_month[m][8] += amount;
            t.by_team[row][8] += amount;
        }
    }
    t
}
