//! Team operations beyond rename: adding, what refers to a team, deleting a
//! team with what belongs to it, a team's attrition override, and the
//! figures of each team in a fiscal year.
//!
//! Deleting a team keeps the plan valid: nothing may be left naming it.
//! - Moving to another team: its positions and other costs move there, and
//!   every tool that named it names the other team instead (once), so the
//!   moved positions keep their seats.
//! - Deleting with its positions: the positions go; the team leaves every
//!   tool's list, and a tool that named only this team is removed (an empty
//!   list would mean "every position", charging the whole scenario for a tool
//!   nobody left needs); its other costs stay in the budget as costs of no team.

use rust_decimal::Decimal;

use super::plan::{Attrition, Scenario, Team};
use super::problem::Problem;
use super::summary::FiscalYearSummary;
use super::totals::ScenarioForecast;

/// What names a team: it can be deleted at once only when nothing does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TeamUsage {
    pub positions: usize,
    /// Tools whose team list names it.
    pub tools: usize,
    /// Other costs booked to it.
    pub other_costs: usize,
}

impl TeamUsage {
    pub fn is_unused(&self) -> bool {
        *self == Self::default()
    }
}

/// What happens to a deleted team's positions (and what else names it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamDeletion {
    /// Positions, other costs and tool seats move to this other team.
    MoveTo(String),
    /// The positions are deleted with the team.
    WithPositions,
}

/// One team's figures in one fiscal year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TeamYearFigures {
    /// Positions active on the last day of the year's last month in the horizon.
    pub heads: u32,
    pub fte: Decimal,
    /// The team's cost over the year's months in the horizon, in minor units.
    pub cost: i128,
}

impl Scenario {
    /// Adds a team named `name` (trimmed). Refuses an empty name or one
    /// another team has.
    pub fn add_team(&mut self, name: &str) -> Result<(), Problem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Problem::TeamNeedsName);
        }
        if self.team_index(name).is_some() {
            return Err(Problem::TeamExists {
                name: name.to_string(),
            });
        }
        self.teams.push(Team {
            name: name.to_string(),
            attrition: None,
        });
        Ok(())
    }

    /// How many positions, tools and other costs name the team.
    pub fn team_usage(&self, name: &str) -> TeamUsage {
        TeamUsage {
            positions: self.positions.iter().filter(|p| p.team == name).count(),
            tools: self
                .tools
                .iter()
                .filter(|t| t.teams.iter().any(|n| n == name))
                .count(),
            other_costs: self
                .other_costs
                .iter()
                .filter(|c| c.team.as_deref() == Some(name))
                .count(),
        }
    }

    /// Deletes a team and settles everything that names it (see the module
    /// documentation). Refuses, changing nothing, an unknown team or a move
    /// to itself or to a team that does not exist.
    pub fn delete_team(&mut self, name: &str, how: TeamDeletion) -> Result<(), Problem> {
        let index = self.team_index(name).ok_or_else(|| Problem::NoTeamNamed {
            name: name.to_string(),
        })?;
        match how {
            TeamDeletion::MoveTo(target) => {
                if target == name {
                    return Err(Problem::MoveToSameTeam);
                }
                if self.team_index(&target).is_none() {
                    return Err(Problem::NoTeamNamed { name: target });
                }
                for position in self.positions.iter_mut().filter(|p| p.team == name) {
                    position.team.clone_from(&target);
                }
                for tool in &mut self.tools {
                    if tool.teams.iter().any(|t| t == name) {
                        let has_target = tool.teams.contains(&target);
                        tool.teams.retain(|t| t != name);
                        if !has_target {
                            tool.teams.push(target.clone());
                        }
                    }
                }
                for cost in &mut self.other_costs {
                    if cost.team.as_deref() == Some(name) {
                        cost.team = Some(target.clone());
                    }
                }
            }
            TeamDeletion::WithPositions => {
                self.positions.retain(|p| p.team != name);
                self.tools.retain_mut(|tool| {
                    let before = tool.teams.len();
                    tool.teams.retain(|t| t != name);
                    // Named only this team: nobody left needs the seat.
                    !(before > 0 && tool.teams.is_empty())
                });
                for cost in &mut self.other_costs {
                    if cost.team.as_deref() == Some(name) {
                        cost.team = None;
                    }
                }
            }
        }
        self.teams.remove(index);
        Ok(())
    }

    /// Sets the team's own annual attrition rate, or with `None` drops its
    /// override (the team then follows the scenario's). A new override starts
    /// from the scenario's backfill lag.
    pub fn set_team_attrition_rate(&mut self, team: &str, rate_pct: Option<Decimal>) {
        let default = self.people.attrition.clone();
        if let Some(t) = self.teams.iter_mut().find(|t| t.name == team) {
            t.attrition = rate_pct.map(|annual_rate_pct| Attrition {
                annual_rate_pct,
                backfill_lag_months: t.attrition.as_ref().unwrap_or(&default).backfill_lag_months,
            });
        }
    }

    /// Sets the team's own backfill lag, or with `None` drops its override.
    /// A new override starts from the scenario's annual rate.
    pub fn set_team_backfill_lag(&mut self, team: &str, months: Option<u8>) {
        let default = self.people.attrition.clone();
        if let Some(t) = self.teams.iter_mut().find(|t| t.name == team) {
            t.attrition = months.map(|backfill_lag_months| Attrition {
                annual_rate_pct: t.attrition.as_ref().unwrap_or(&default).annual_rate_pct,
                backfill_lag_months,
            });
        }
    }
}

/// Each team's heads and FTE at the end of `year` and its cost in `year`,
/// in the order of `forecast.teams()`.
pub fn team_year_figures(
    forecast: &ScenarioForecast,
    year: &FiscalYearSummary,
) -> Vec<TeamYearFigures> {
    let last = (year.first_month + year.months).checked_sub(1);
    (0..forecast.teams().len())
        .map(|t| {
            let headcount = last
                .map(|m| forecast.team_headcount(m, t))
                .unwrap_or_default();
            TeamYearFigures {
                heads: headcount.heads,
                fte: headcount.fte(),
                cost: year
                    .by_team
                    .iter()
                    .find(|ty| ty.team == Some(t))
                    .map_or(0, |ty| ty.total),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Date, OtherCost, OtherCostKind, Plan, Tool, YearMonth, fiscal_year_summaries,
        forecast_scenario, validate,
    };
    use rust_decimal::dec;

    fn tool(name: &str, teams: &[&str]) -> Tool {
        Tool {
            currency: None,
            name: name.into(),
            monthly_per_seat: dec!(1000),
            teams: teams.iter().map(|t| (*t).to_string()).collect(),
        }
    }

    fn cost(name: &str, team: Option<&str>) -> OtherCost {
        OtherCost {
            currency: None,
            name: name.into(),
            team: team.map(Into::into),
            kind: OtherCostKind::Monthly,
            amount: dec!(10000),
            start: YearMonth::new(2026, 4).unwrap(),
            end: None,
            yearly_escalation_pct: Decimal::ZERO,
        }
    }

    /// Platform (2 positions), Product (1), Data (none); tools for everyone,
    /// Platform only, Platform and Product, Product and Data; costs of
    /// Platform, Data and of no team.
    fn plan() -> Plan {
        let mut plan = Plan::blank("T", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
        let s = &mut plan.scenarios[0];
        let start = Date::new(2026, 4, 1).unwrap();
        s.add_position("A", "Platform", dec!(6000000), start);
        s.add_position("B", "Product", dec!(6000000), start);
        s.add_position("C", "Platform", dec!(6000000), start);
        s.ensure_team("Data");
        s.tools = vec![
            tool("GitHub", &[]),
            tool("Pager", &["Platform"]),
            tool("Figma", &["Platform", "Product"]),
            tool("Notebook", &["Product", "Data"]),
        ];
        s.other_costs = vec![
            cost("Offsite", Some("Platform")),
            cost("Licences", Some("Data")),
            cost("Office", None),
        ];
        plan
    }

    fn tool_teams(s: &Scenario) -> Vec<(String, Vec<String>)> {
        s.tools
            .iter()
            .map(|t| (t.name.clone(), t.teams.clone()))
            .collect()
    }

    #[test]
    fn a_new_team_needs_a_fresh_non_empty_name() {
        let mut s = plan().scenarios.remove(0);
        assert_eq!(s.add_team("  "), Err(Problem::TeamNeedsName));
        assert_eq!(
            s.add_team(" Platform").unwrap_err().to_string(),
            "There is already a team named \u{201c}Platform\u{201d}."
        );
        assert_eq!(s.teams.len(), 3);
        s.add_team("  Mobile ").unwrap();
        assert_eq!(s.teams.last().map(|t| t.name.as_str()), Some("Mobile"));
        assert_eq!(s.teams.last().and_then(|t| t.attrition.clone()), None);
    }

    #[test]
    fn usage_counts_positions_tools_and_costs() {
        let s = plan().scenarios.remove(0);
        assert_eq!(
            s.team_usage("Platform"),
            TeamUsage {
                positions: 2,
                tools: 2,
                other_costs: 1
            }
        );
        assert_eq!(
            s.team_usage("Data"),
            TeamUsage {
                positions: 0,
                tools: 1,
                other_costs: 1
            }
        );
        assert!(!s.team_usage("Data").is_unused());
        assert!(s.team_usage("Nobody").is_unused());
    }

    #[test]
    fn moving_a_team_away_moves_positions_costs_and_seats() {
        let mut plan = plan();
        let s = &mut plan.scenarios[0];
        s.delete_team("Platform", TeamDeletion::MoveTo("Product".into()))
            .unwrap();
        let names: Vec<&str> = s.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Product", "Data"]);
        assert_eq!(s.positions.len(), 3);
        assert!(s.positions.iter().all(|p| p.team == "Product"));
        assert_eq!(
            tool_teams(s),
            [
                ("GitHub".to_string(), vec![]),
                ("Pager".to_string(), vec!["Product".to_string()]),
                // Already named Product: named once.
                ("Figma".to_string(), vec!["Product".to_string()]),
                (
                    "Notebook".to_string(),
                    vec!["Product".to_string(), "Data".to_string()]
                ),
            ]
        );
        assert_eq!(s.other_costs[0].team.as_deref(), Some("Product"));
        assert_eq!(s.other_costs[1].team.as_deref(), Some("Data"));
        assert!(validate(&plan).is_empty());
    }

    #[test]
    fn deleting_with_positions_drops_tools_only_that_team_used() {
        let mut plan = plan();
        let s = &mut plan.scenarios[0];
        s.delete_team("Platform", TeamDeletion::WithPositions)
            .unwrap();
        assert_eq!(s.positions.len(), 1);
        assert_eq!(s.positions[0].title, "B");
        // Pager named only Platform: removed rather than charged to everyone.
        assert_eq!(
            tool_teams(s),
            [
                ("GitHub".to_string(), vec![]),
                ("Figma".to_string(), vec!["Product".to_string()]),
                (
                    "Notebook".to_string(),
                    vec!["Product".to_string(), "Data".to_string()]
                ),
            ]
        );
        // The offsite stays in the budget as a cost of no team.
        assert_eq!(s.other_costs.len(), 3);
        assert_eq!(s.other_costs[0].team, None);
        assert!(validate(&plan).is_empty());
    }

    #[test]
    fn an_unused_team_is_simply_removed() {
        let mut s = plan().scenarios.remove(0);
        s.add_team("Mobile").unwrap();
        let before = s.clone();
        s.delete_team("Mobile", TeamDeletion::WithPositions)
            .unwrap();
        assert_eq!(s.teams, before.teams[..3]);
        assert_eq!(s.positions, before.positions);
        assert_eq!(s.tools, before.tools);
        assert_eq!(s.other_costs, before.other_costs);
    }

    #[test]
    fn a_refused_deletion_changes_nothing() {
        let mut s = plan().scenarios.remove(0);
        let before = s.clone();
        assert_eq!(
            s.delete_team("Platform", TeamDeletion::MoveTo("Platform".into()))
                .unwrap_err()
                .to_string(),
            "Choose another team to move them to."
        );
        assert_eq!(
            s.delete_team("Platform", TeamDeletion::MoveTo("Mobile".into()))
                .unwrap_err()
                .to_string(),
            "There is no team named \u{201c}Mobile\u{201d}."
        );
        assert_eq!(
            s.delete_team("Mobile", TeamDeletion::WithPositions),
            Err(Problem::NoTeamNamed {
                name: "Mobile".into()
            })
        );
        assert_eq!(s, before);
    }

    #[test]
    fn an_attrition_override_starts_from_the_scenario_and_clears_whole() {
        let mut s = plan().scenarios.remove(0);
        s.people.attrition = Attrition {
            annual_rate_pct: dec!(12),
            backfill_lag_months: 3,
        };
        s.set_team_attrition_rate("Platform", Some(dec!(20)));
        assert_eq!(
            s.teams[0].attrition,
            Some(Attrition {
                annual_rate_pct: dec!(20),
                backfill_lag_months: 3
            })
        );
        s.set_team_backfill_lag("Platform", Some(5));
        assert_eq!(
            s.teams[0].attrition,
            Some(Attrition {
                annual_rate_pct: dec!(20),
                backfill_lag_months: 5
            })
        );
        s.set_team_backfill_lag("Product", Some(1));
        assert_eq!(
            s.teams[1].attrition,
            Some(Attrition {
                annual_rate_pct: dec!(12),
                backfill_lag_months: 1
            })
        );
        s.set_team_attrition_rate("Platform", None);
        assert_eq!(s.teams[0].attrition, None);
        s.set_team_backfill_lag("Product", None);
        assert_eq!(s.teams[1].attrition, None);
    }

    #[test]
    fn team_figures_are_year_end_heads_and_the_years_cost() {
        // Horizon Jan 2026 for 18 months, April fiscal year: FY2025 is
        // January to March 2026. Platform: A from January (500,000 a month),
        // C from March 16 (16 of 31 days: 258,064.5… → 258,065). Product: B
        // from April, outside FY2025. Data: one licence of 10,000 a month.
        let mut plan = Plan::blank("T", "JPY", 4, YearMonth::new(2026, 1).unwrap(), 18);
        let s = &mut plan.scenarios[0];
        s.add_position(
            "A",
            "Platform",
            dec!(6000000),
            Date::new(2026, 1, 1).unwrap(),
        );
        s.add_position(
            "B",
            "Product",
            dec!(6000000),
            Date::new(2026, 4, 1).unwrap(),
        );
        s.add_position(
            "C",
            "Platform",
            dec!(6000000),
            Date::new(2026, 3, 16).unwrap(),
        );
        s.positions[2].fte = dec!(0.5);
        s.ensure_team("Data");
        let mut licence = cost("Licences", Some("Data"));
        licence.start = YearMonth::new(2026, 1).unwrap();
        s.other_costs.push(licence);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let years = fiscal_year_summaries(&plan, &forecast);
        let figures = team_year_figures(&forecast, &years[0]);
        // C: 6,000,000 × 0.5 ÷ 12 × 16/31 = 129,032.26 → 129,032.
        assert_eq!(
            figures,
            [
                TeamYearFigures {
                    heads: 2,
                    fte: dec!(1.5),
                    cost: 3 * 500_000 + 129_032
                },
                TeamYearFigures::default(),
                TeamYearFigures {
                    heads: 0,
                    fte: Decimal::ZERO,
                    cost: 3 * 10_000
                },
            ]
        );
        let next = team_year_figures(&forecast, &years[1]);
        assert_eq!(next[1].heads, 1);
        assert_eq!(next[1].cost, 12 * 500_000);
    }
}
