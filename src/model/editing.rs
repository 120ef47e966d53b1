//! Editing a scenario's lists: the rows a planner adds, and moving rows.
//!
//! The editor adds a row without asking validation, so every new row is
//! valid in any valid plan: it has a name, costs nothing, and its months are
//! the horizon's first. The planner then edits its fields in place, each
//! edit validated.

use rust_decimal::Decimal;

use super::plan::{
    BonusPayout, BurdenComponent, CloudCategory, CloudLine, Commitment, OneOff, OtherCost,
    OtherCostKind, PeopleCosts, Plan, Saving, Tool,
};

/// A burden component at 0 % on base pay and bonuses, without caps.
pub fn new_burden_component() -> BurdenComponent {
    BurdenComponent::uncapped("New component", Decimal::ZERO)
}

/// A payout of 0 months in the first calendar month no payout uses yet
/// (two payouts in one month are invalid); `None` when all twelve are used.
pub fn new_bonus_payout(people: &PeopleCosts) -> Option<BonusPayout> {
    let month = (1..=12u8).find(|m| people.bonus_payouts.iter().all(|p| p.month != *m))?;
    Some(BonusPayout {
        month,
        months: Decimal::ZERO,
        assessment: None,
    })
}

/// A tool at 0 per seat for every position.
pub fn new_tool() -> Tool {
    Tool {
        currency: None,
        name: "New tool".into(),
        monthly_per_seat: Decimal::ZERO,
        teams: Vec::new(),
    }
}

/// A one-off of 0 in the horizon's first month, of no team.
pub fn new_other_cost(plan: &Plan) -> OtherCost {
    OtherCost {
        currency: None,
        name: "New cost".into(),
        team: None,
        kind: OtherCostKind::OneOff,
        amount: Decimal::ZERO,
        start: plan.horizon.start,
        end: None,
        yearly_escalation_pct: Decimal::ZERO,
    }
}

/// A compute line at 0 a month, not growing.
pub fn new_cloud_line() -> CloudLine {
    CloudLine {
        currency: None,
        name: "New line".into(),
        category: CloudCategory::Compute,
        on_demand_monthly: Decimal::ZERO,
        monthly_growth_pct: Decimal::ZERO,
        commitment: None,
        savings: Vec::new(),
        one_offs: Vec::new(),
    }
}

/// A commitment of 0 % coverage at 0 % discount from the horizon's start.
pub fn new_commitment(plan: &Plan) -> Commitment {
    Commitment {
        coverage_pct: Decimal::ZERO,
        discount_pct: Decimal::ZERO,
        start: plan.horizon.start,
    }
}

/// A savings initiative of 0 % from the horizon's start.
pub fn new_saving(plan: &Plan) -> Saving {
    Saving {
        name: "New initiative".into(),
        pct: Decimal::ZERO,
        start: plan.horizon.start,
    }
}

/// A one-off of 0 in the horizon's first month.
pub fn new_one_off(plan: &Plan) -> OneOff {
    OneOff {
        month: plan.horizon.start,
        amount: Decimal::ZERO,
        note: String::new(),
    }
}

/// Swaps row `index` with the one above (`up`) or below; `false` (and
/// nothing moved) at either end or for an index outside the list.
pub fn move_row<T>(rows: &mut [T], index: usize, up: bool) -> bool {
    let other = if up {
        index.checked_sub(1)
    } else {
        index.checked_add(1)
    };
    match other {
        Some(other) if index < rows.len() && other < rows.len() => {
            rows.swap(index, other);
            true
        }
        _ => false,
    }
}

/// Removes row `index`; `None` (and nothing removed) outside the list.
pub fn remove_row<T>(rows: &mut Vec<T>, index: usize) -> Option<T> {
    (index < rows.len()).then(|| rows.remove(index))
}

/// Gives (`on`) or takes away the team's seats of a tool. A tool that names
/// no team is for every position, so taking away its last team widens it.
pub fn set_tool_team(tool: &mut Tool, team: &str, on: bool) {
    if on {
        if !tool.teams.iter().any(|t| t == team) {
            tool.teams.push(team.to_string());
        }
    } else {
        tool.teams.retain(|t| t != team);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{forecast_scenario, generate_plan, validate};

    #[test]
    fn new_rows_keep_a_valid_plan_valid_and_cost_nothing() {
        let mut plan = generate_plan(12, 24, 1, 3);
        assert!(validate(&plan).is_empty());
        let before = forecast_scenario(&plan, 0).unwrap().total();
        let payout = new_bonus_payout(&plan.scenarios[0].people).expect("a free month");
        let other_cost = new_other_cost(&plan);
        let mut line = new_cloud_line();
        line.commitment = Some(new_commitment(&plan));
        line.savings.push(new_saving(&plan));
        line.one_offs.push(new_one_off(&plan));
        let scenario = &mut plan.scenarios[0];
        scenario.people.burden.push(new_burden_component());
        scenario.people.bonus_payouts.push(payout);
        scenario.tools.push(new_tool());
        scenario.other_costs.push(other_cost);
        scenario.cloud.lines.push(line);
        assert_eq!(validate(&plan), Vec::new());
        assert_eq!(forecast_scenario(&plan, 0).unwrap().total(), before);
    }

    #[test]
    fn new_rows_start_in_the_horizons_first_month() {
        let plan = generate_plan(1, 12, 1, 1);
        let start = plan.horizon.start;
        assert_eq!(new_other_cost(&plan).start, start);
        assert_eq!(new_commitment(&plan).start, start);
        assert_eq!(new_saving(&plan).start, start);
        assert_eq!(new_one_off(&plan).month, start);
    }

    #[test]
    fn a_new_payout_takes_the_first_free_month() {
        let mut people = PeopleCosts::default();
        assert_eq!(new_bonus_payout(&people).map(|p| p.month), Some(1));
        for month in [1, 2, 6] {
            people.bonus_payouts.push(BonusPayout {
                month,
                months: Decimal::ONE,
                assessment: None,
            });
        }
        assert_eq!(new_bonus_payout(&people).map(|p| p.month), Some(3));
        people.bonus_payouts = (1..=12)
            .map(|month| BonusPayout {
                month,
                months: Decimal::ONE,
                assessment: None,
            })
            .collect();
        assert_eq!(new_bonus_payout(&people), None);
    }

    #[test]
    fn rows_move_within_the_list_only() {
        let mut rows = vec!['a', 'b', 'c'];
        assert!(move_row(&mut rows, 1, true));
        assert_eq!(rows, ['b', 'a', 'c']);
        assert!(move_row(&mut rows, 1, false));
        assert_eq!(rows, ['b', 'c', 'a']);
        assert!(!move_row(&mut rows, 0, true));
        assert!(!move_row(&mut rows, 2, false));
        assert!(!move_row(&mut rows, 7, true));
        assert!(!move_row(&mut rows, usize::MAX, false));
        assert_eq!(rows, ['b', 'c', 'a']);
    }

    #[test]
    fn rows_are_removed_only_when_they_exist() {
        let mut rows = vec![1, 2, 3];
        assert_eq!(remove_row(&mut rows, 1), Some(2));
        assert_eq!(remove_row(&mut rows, 2), None);
        assert_eq!(rows, [1, 3]);
    }

    #[test]
    fn tool_teams_are_added_once_and_removed() {
        let mut tool = new_tool();
        set_tool_team(&mut tool, "Platform", true);
        set_tool_team(&mut tool, "Platform", true);
        set_tool_team(&mut tool, "Product", true);
        assert_eq!(tool.teams, ["Platform", "Product"]);
        set_tool_team(&mut tool, "Platform", false);
        set_tool_team(&mut tool, "Mobile", false);
        assert_eq!(tool.teams, ["Product"]);
    }
}
