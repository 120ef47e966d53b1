//! Managing a plan's scenarios: adding, copying, renaming, deleting,
//! ordering, choosing the base, locking, and starting next year's plan.
//!
//! Every operation either does all it says or refuses, naming the
//! [`Problem`] (its `Display` is the English message), and changes nothing,
//! so the planner can show the message in its language and keep going.
//! The rules are in docs/model.md, "Scenarios".

use rust_decimal::Decimal;

use super::date::{Date, MAX_YEAR};
use super::money::{MAX_UNITS, from_minor, round_to_minor};
use super::plan::{Horizon, Plan, Scenario};
use super::problem::{ChangeOf, Problem};

impl Plan {
    /// The scenario others are compared with: the one `base_scenario` names,
    /// else the first (a plan file written before plans named their base).
    pub fn base_index(&self) -> usize {
        self.base_scenario
            .as_deref()
            .and_then(|name| self.scenario_index(name))
            .unwrap_or(0)
    }

    /// A new, trimmed scenario name: refused when empty or taken by a
    /// scenario other than `except`.
    fn free_name(&self, name: &str, except: Option<usize>) -> Result<String, Problem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Problem::ScenarioNeedsName);
        }
        match self.scenario_index(name) {
            Some(i) if Some(i) != except => Err(Problem::ScenarioExists {
                name: name.to_string(),
            }),
            _ => Ok(name.to_string()),
        }
    }

    fn scenario_at(&self, index: usize) -> Result<&Scenario, Problem> {
        self.scenarios
            .get(index)
            .ok_or(Problem::NoScenarioNumber { number: index + 1 })
    }

    /// Adds an empty scenario at the end: no positions, default people costs
    /// and cloud, and the first scenario's teams and levels, so positions can
    /// be added to it at once. Returns its index.
    pub fn add_scenario(&mut self, name: &str) -> Result<usize, Problem> {
        let name = self.free_name(name, None)?;
        let mut scenario = Scenario::blank(name);
        if let Some(first) = self.scenarios.first() {
            scenario.teams = first.teams.clone();
            scenario.levels = first.levels.clone();
        }
        self.scenarios.push(scenario);
        Ok(self.scenarios.len() - 1)
    }

    /// Inserts a full, independent copy of scenario `index` right after it,
    /// unlocked (a copy is a draft to change). Returns the copy's index.
    pub fn duplicate_scenario(&mut self, index: usize, name: &str) -> Result<usize, Problem> {
        let name = self.free_name(name, None)?;
        let mut copy = self.scenario_at(index)?.clone();
        copy.name = name;
        copy.locked_on = None;
        self.scenarios.insert(index + 1, copy);
        Ok(index + 1)
    }

    /// Renames scenario `index` (trimmed, not empty, unique); the base
    /// scenario follows the rename.
    pub fn rename_scenario(&mut self, index: usize, name: &str) -> Result<(), Problem> {
        let name = self.free_name(name, Some(index))?;
        let old = self.scenario_at(index)?.name.clone();
        if self.base_scenario.as_deref() == Some(old.as_str()) {
            self.base_scenario = Some(name.clone());
        }
        if let Some(scenario) = self.scenarios.get_mut(index) {
            scenario.name = name;
        }
        Ok(())
    }

    /// Deletes scenario `index`. Refuses the last scenario (a plan needs
    /// one) and a locked one (a lock protects an agreed budget). Deleting
    /// the base names the first scenario left as the base; deleting another
    /// names the base as it was (a plan without a named base had its first).
    pub fn delete_scenario(&mut self, index: usize) -> Result<(), Problem> {
        let scenario = self.scenario_at(index)?;
        if self.scenarios.len() == 1 {
            return Err(Problem::LastScenario);
        }
        if scenario.locked_on.is_some() {
            return Err(Problem::DeletingLocked {
                name: scenario.name.clone(),
            });
        }
        let base = self.base_index();
        self.scenarios.remove(index);
        let base = if base == index {
            0
        } else if base > index {
            base - 1
        } else {
            base
        };
        self.base_scenario = self.scenarios.get(base).map(|s| s.name.clone());
        Ok(())
    }

    /// Moves scenario `from` to position `to`; the others keep their order.
    /// The base stays the scenario it was: a plan that does not name its
    /// base (an older file, whose base is its first scenario) names it
    /// before the move.
    pub fn move_scenario(&mut self, from: usize, to: usize) -> Result<(), Problem> {
        self.scenario_at(from)?;
        self.scenario_at(to)?;
        if from == to {
            return Ok(());
        }
        self.name_base();
        let scenario = self.scenarios.remove(from);
        self.scenarios.insert(to, scenario);
        Ok(())
    }

    /// Names the base scenario in `base_scenario` when it is not named (or
    /// names a scenario that is gone), so that it stays the base whatever
    /// the order of the scenarios.
    pub fn name_base(&mut self) {
        let base = self.base_index();
        if let Some(scenario) = self.scenarios.get(base)
            && self.base_scenario.as_deref() != Some(scenario.name.as_str())
        {
            self.base_scenario = Some(scenario.name.clone());
        }
    }

    /// Makes scenario `index` the one others are compared with. It is kept
    /// by name, so it stays the base when scenarios move.
    pub fn set_base_scenario(&mut self, index: usize) -> Result<(), Problem> {
        let name = self.scenario_at(index)?.name.clone();
        self.base_scenario = Some(name);
        Ok(())
    }

    /// Locks scenario `index` as agreed on `on`. Refuses one already locked,
    /// so the date of the agreement is not overwritten.
    pub fn lock_scenario(&mut self, index: usize, on: Date) -> Result<(), Problem> {
        let scenario = self.scenario_at(index)?;
        if let Some(since) = scenario.locked_on {
            return Err(Problem::AlreadyLocked {
                name: scenario.name.clone(),
                since,
            });
        }
        if let Some(scenario) = self.scenarios.get_mut(index) {
            scenario.locked_on = Some(on);
        }
        Ok(())
    }

    /// Unlocks scenario `index` so it can be edited again.
    pub fn unlock_scenario(&mut self, index: usize) -> Result<(), Problem> {
        let scenario = self.scenario_at(index)?;
        if scenario.locked_on.is_none() {
            return Err(Problem::NotLocked {
                name: scenario.name.clone(),
            });
        }
        if let Some(scenario) = self.scenarios.get_mut(index) {
            scenario.locked_on = None;
        }
        Ok(())
    }

    /// "Copy last year's plan with an across-the-board change": a new plan
    /// named "<name> (next year)" whose horizon starts 12 months later (same
    /// length), holding only scenario `index` (unlocked, adjustments kept,
    /// named as the base),
    /// with every position's own annual base and every band × (1 +
    /// `salary_pct` %) and every cloud line's on-demand baseline × (1 +
    /// `cloud_pct` %), each rounded half away from zero to the minor unit.
    pub fn next_year_plan(
        &self,
        index: usize,
        salary_pct: Decimal,
        cloud_pct: Decimal,
    ) -> Result<Plan, Problem> {
        let mut scenario = self.scenario_at(index)?.clone();
        let exponent = self.currency_exponent();
        let start = self
            .horizon
            .start
            .add_months(12)
            .ok_or(Problem::NextYearPastYear { year: MAX_YEAR })?;
        let salary = Change::new(salary_pct, ChangeOf::Salaries)?;
        let cloud = Change::new(cloud_pct, ChangeOf::CloudCosts)?;
        for position in &mut scenario.positions {
            if let Some(base) = &mut position.annual_base {
                *base = salary.apply(*base, exponent)?;
            }
        }
        for band in &mut scenario.bands {
            band.min = salary.apply(band.min, exponent)?;
            band.mid = salary.apply(band.mid, exponent)?;
            band.max = salary.apply(band.max, exponent)?;
        }
        for line in &mut scenario.cloud.lines {
            line.on_demand_monthly = cloud.apply(line.on_demand_monthly, exponent)?;
        }
        scenario.locked_on = None;
        Ok(Plan {
            name: format!("{} (next year)", self.name),
            currency: self.currency.clone(),
            fiscal_year_start_month: self.fiscal_year_start_month,
            horizon: Horizon {
                start,
                months: self.horizon.months,
            },
            base_scenario: Some(scenario.name.clone()),
            scenarios: vec![scenario],
            roster_columns: self.roster_columns.clone(),
            // A new year starts with no actuals of its own.
            actuals: Default::default(),
        })
    }
}

/// An across-the-board change of `pct` %, as a factor.
struct Change {
    factor: Decimal,
    of: ChangeOf,
}

impl Change {
    fn new(pct: Decimal, of: ChangeOf) -> Result<Self, Problem> {
        if pct <= -Decimal::ONE_HUNDRED {
            return Err(Problem::ChangeLeavesNothing { pct, of });
        }
        let factor = pct
            .checked_div(Decimal::ONE_HUNDRED)
            .and_then(|f| f.checked_add(Decimal::ONE))
            .ok_or(Problem::ChangeTooLarge { pct, of })?;
        Ok(Self { factor, of })
    }

    /// `amount × factor`, rounded half away from zero to the minor unit;
    /// refused beyond the plan's limit of 10^15.
    fn apply(&self, amount: Decimal, exponent: u32) -> Result<Decimal, Problem> {
        let too_large = || Problem::ChangeBeyondLimit {
            of: self.of,
            amount,
        };
        let minor = amount
            .checked_mul(self.factor)
            .and_then(|v| round_to_minor(v, exponent))
            .ok_or_else(too_large)?;
        let value = from_minor(minor, exponent);
        if value > Decimal::from(MAX_UNITS) {
            return Err(too_large());
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cloud, PeopleCosts, YearMonth, generate_plan, validate};

    fn dec(n: i64, scale: u32) -> Decimal {
        Decimal::new(n, scale)
    }

    /// Base, Aggressive, Conservative.
    fn plan() -> Plan {
        generate_plan(6, 12, 3, 5)
    }

    fn names(plan: &Plan) -> Vec<&str> {
        plan.scenarios.iter().map(|s| s.name.as_str()).collect()
    }

    /// "100000.10": dollars and cents as written.
    fn usd(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn the_base_is_the_named_scenario_else_the_first() {
        let mut plan = plan();
        assert_eq!(plan.base_index(), 0);
        plan.set_base_scenario(2).unwrap();
        assert_eq!(plan.base_scenario.as_deref(), Some("Conservative"));
        assert_eq!(plan.base_index(), 2);
        // Kept by name: moving scenarios keeps the base.
        plan.move_scenario(2, 0).unwrap();
        assert_eq!(plan.base_index(), 0);
        assert_eq!(plan.scenarios[plan.base_index()].name, "Conservative");
        plan.base_scenario = Some("Gone".into());
        assert_eq!(plan.base_index(), 0);
        let before = plan.clone();
        assert_eq!(
            plan.set_base_scenario(3).unwrap_err().to_string(),
            "There is no scenario number 4."
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn an_added_scenario_is_empty_but_has_the_first_ones_teams_and_levels() {
        let mut plan = plan();
        plan.scenarios[0].levels.push("Principal".into());
        let index = plan.add_scenario("  Lean  ").unwrap();
        assert_eq!(index, 3);
        let added = &plan.scenarios[3];
        assert_eq!(added.name, "Lean");
        assert!(added.positions.is_empty() && added.bands.is_empty());
        assert_eq!(added.teams, plan.scenarios[0].teams);
        assert_eq!(added.levels, plan.scenarios[0].levels);
        assert_eq!(added.people, PeopleCosts::default());
        assert_eq!(added.cloud, Cloud::default());
        assert!(added.adjustments.is_none() && added.locked_on.is_none());
        assert!(validate(&plan).is_empty());
        // A position can be added to it at once.
        let team = added.teams[0].name.clone();
        plan.scenarios[3].add_position("Engineer", team, dec(6_000_000, 0), day(2026, 5, 1));
        assert!(validate(&plan).is_empty());
    }

    #[test]
    fn a_scenario_name_must_be_new_and_not_empty() {
        let mut plan = plan();
        let before = plan.clone();
        assert_eq!(
            plan.add_scenario("   ").unwrap_err().to_string(),
            "A scenario needs a name."
        );
        assert_eq!(
            plan.add_scenario(" Base").unwrap_err().to_string(),
            "There is already a scenario named \u{201c}Base\u{201d}."
        );
        assert!(plan.duplicate_scenario(0, "Aggressive").is_err());
        assert!(plan.duplicate_scenario(7, "New").is_err());
        assert!(plan.rename_scenario(1, "Base").is_err());
        assert!(plan.rename_scenario(1, "").is_err());
        assert!(plan.rename_scenario(5, "New").is_err());
        assert_eq!(plan, before);
    }

    #[test]
    fn a_duplicate_is_an_independent_unlocked_copy_right_after() {
        let mut plan = plan();
        plan.scenarios[0].adjustments.raise_points = dec(1, 0);
        plan.lock_scenario(0, day(2026, 3, 31)).unwrap();
        let index = plan.duplicate_scenario(0, "Base v2").unwrap();
        assert_eq!(index, 1);
        assert_eq!(
            names(&plan),
            ["Base", "Base v2", "Aggressive", "Conservative"]
        );
        let (original, copy) = (&plan.scenarios[0], &plan.scenarios[1]);
        assert_eq!(copy.positions, original.positions);
        assert_eq!(copy.adjustments, original.adjustments);
        assert_eq!(copy.locked_on, None);
        assert_eq!(original.locked_on, Some(day(2026, 3, 31)));
        plan.scenarios[1].positions.clear();
        assert!(!plan.scenarios[0].positions.is_empty());
    }

    #[test]
    fn renaming_the_base_keeps_it_the_base() {
        let mut plan = plan();
        plan.set_base_scenario(1).unwrap();
        plan.rename_scenario(1, " Stretch ").unwrap();
        assert_eq!(plan.scenarios[1].name, "Stretch");
        assert_eq!(plan.base_scenario.as_deref(), Some("Stretch"));
        assert_eq!(plan.base_index(), 1);
        // Renaming another scenario leaves the base alone; its own name is fine.
        plan.rename_scenario(0, "Base").unwrap();
        plan.rename_scenario(0, "Plan A").unwrap();
        assert_eq!(plan.base_scenario.as_deref(), Some("Stretch"));
    }

    #[test]
    fn deleting_refuses_the_last_and_a_locked_scenario() {
        let mut plan = plan();
        plan.set_base_scenario(1).unwrap();
        plan.delete_scenario(1).unwrap();
        assert_eq!(names(&plan), ["Base", "Conservative"]);
        assert_eq!(
            plan.base_scenario.as_deref(),
            Some("Base"),
            "the first left is named the base"
        );
        plan.set_base_scenario(1).unwrap();
        plan.delete_scenario(0).unwrap();
        assert_eq!(plan.base_scenario.as_deref(), Some("Conservative"));
        let before = plan.clone();
        assert_eq!(
            plan.delete_scenario(0).unwrap_err().to_string(),
            "A plan needs at least one scenario: this is the last one."
        );
        assert!(plan.delete_scenario(1).is_err());
        assert_eq!(plan, before);

        let mut plan = self::plan();
        plan.lock_scenario(2, day(2026, 4, 1)).unwrap();
        let before = plan.clone();
        assert_eq!(
            plan.delete_scenario(2).unwrap_err().to_string(),
            "\u{201c}Conservative\u{201d} is locked: unlock it before deleting it."
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn moving_reorders_and_refuses_unknown_places() {
        let mut plan = plan();
        plan.move_scenario(0, 2).unwrap();
        assert_eq!(names(&plan), ["Aggressive", "Conservative", "Base"]);
        plan.move_scenario(2, 1).unwrap();
        assert_eq!(names(&plan), ["Aggressive", "Base", "Conservative"]);
        plan.move_scenario(1, 1).unwrap();
        assert_eq!(names(&plan), ["Aggressive", "Base", "Conservative"]);
        let before = plan.clone();
        assert!(plan.move_scenario(0, 3).is_err());
        assert!(plan.move_scenario(3, 0).is_err());
        assert_eq!(plan, before);
    }

    #[test]
    fn moving_keeps_the_base_even_when_the_plan_did_not_name_it() {
        let mut plan = plan();
        assert_eq!(plan.base_scenario.as_deref(), Some("Base"), "named");
        plan.move_scenario(2, 0).unwrap();
        assert_eq!(names(&plan), ["Conservative", "Base", "Aggressive"]);
        assert_eq!(plan.scenarios[plan.base_index()].name, "Base");
        // A plan file from before: no base named, the first is the base.
        let mut older = self::plan();
        older.base_scenario = None;
        older.move_scenario(1, 0).unwrap();
        assert_eq!(names(&older), ["Aggressive", "Base", "Conservative"]);
        assert_eq!(older.base_scenario.as_deref(), Some("Base"));
        assert_eq!(older.scenarios[older.base_index()].name, "Base");
        // A name that is gone counted as the first: that one is named.
        let mut gone = self::plan();
        gone.base_scenario = Some("Gone".into());
        gone.move_scenario(0, 2).unwrap();
        assert_eq!(gone.base_scenario.as_deref(), Some("Base"));
        // A move to the same place changes nothing at all.
        let mut same = self::plan();
        same.base_scenario = None;
        let before = same.clone();
        same.move_scenario(1, 1).unwrap();
        assert_eq!(same, before);
        // A refused move names nothing either.
        assert!(same.move_scenario(0, 3).is_err());
        assert_eq!(same, before);
    }

    #[test]
    fn deleting_keeps_the_base_or_names_the_new_first() {
        // A plan file from before, whose base is its first scenario.
        let mut older = plan();
        older.base_scenario = None;
        older.delete_scenario(1).unwrap();
        assert_eq!(older.base_scenario.as_deref(), Some("Base"));
        older.delete_scenario(0).unwrap();
        assert_eq!(names(&older), ["Conservative"]);
        assert_eq!(older.base_scenario.as_deref(), Some("Conservative"));
        // A base after the deleted scenario stays the base.
        let mut plan = plan();
        plan.set_base_scenario(2).unwrap();
        plan.delete_scenario(0).unwrap();
        assert_eq!(plan.scenarios[plan.base_index()].name, "Conservative");
        assert_eq!(plan.base_scenario.as_deref(), Some("Conservative"));
    }

    #[test]
    fn locking_records_the_day_and_unlocking_clears_it() {
        let mut plan = plan();
        plan.lock_scenario(1, day(2026, 3, 31)).unwrap();
        assert_eq!(plan.scenarios[1].locked_on, Some(day(2026, 3, 31)));
        assert_eq!(
            plan.lock_scenario(1, day(2026, 4, 2))
                .unwrap_err()
                .to_string(),
            "\u{201c}Aggressive\u{201d} has been locked since 2026-03-31."
        );
        assert_eq!(plan.scenarios[1].locked_on, Some(day(2026, 3, 31)));
        plan.unlock_scenario(1).unwrap();
        assert_eq!(plan.scenarios[1].locked_on, None);
        assert_eq!(
            plan.unlock_scenario(1).unwrap_err().to_string(),
            "\u{201c}Aggressive\u{201d} is not locked."
        );
        assert!(plan.lock_scenario(3, day(2026, 1, 1)).is_err());
        assert!(plan.unlock_scenario(3).is_err());
    }

    fn usd_plan() -> Plan {
        let mut plan = Plan::blank("FY2026", "USD", 1, YearMonth::new(2026, 1).unwrap(), 18);
        let scenario = &mut plan.scenarios[0];
        scenario.add_position("Engineer", "Core", dec(1010, 2), day(2025, 1, 1));
        scenario.add_position("Engineer", "Core", usd("100000.00"), day(2025, 1, 1));
        scenario.bands.push(crate::model::SalaryBand {
            level: "Senior".into(),
            location: None,
            min: usd("90000.00"),
            mid: usd("100000.10"),
            max: usd("120000.00"),
        });
        scenario.add_position("Senior", "Core", Decimal::ZERO, day(2025, 1, 1));
        scenario.positions[2].annual_base = None;
        scenario.positions[2].level = "Senior".into();
        scenario.cloud.lines.push(crate::model::CloudLine {
            currency: None,
            name: "Compute".into(),
            category: crate::model::CloudCategory::Compute,
            on_demand_monthly: usd("2000.10"),
            monthly_growth_pct: dec(15, 1),
            commitment: None,
            savings: Vec::new(),
            one_offs: Vec::new(),
        });
        scenario.adjustments.hire_slip_months = 2;
        scenario.locked_on = Some(day(2025, 12, 20));
        plan.add_scenario("Other").unwrap();
        plan.set_base_scenario(1).unwrap();
        plan
    }

    #[test]
    fn next_year_moves_the_horizon_and_changes_pay_and_cloud_across_the_board() {
        let plan = usd_plan();
        let next = plan.next_year_plan(0, dec(5, 0), dec(-10, 0)).unwrap();
        assert_eq!(next.name, "FY2026 (next year)");
        assert_eq!(next.horizon.start, YearMonth::new(2027, 1).unwrap());
        assert_eq!(next.horizon.months, 18);
        assert_eq!(
            (next.currency.as_str(), next.fiscal_year_start_month),
            ("USD", 1)
        );
        assert_eq!(names(&next), ["Base"]);
        assert_eq!(next.base_scenario.as_deref(), Some("Base"), "named");
        let s = &next.scenarios[0];
        assert_eq!(s.locked_on, None);
        assert_eq!(s.adjustments.hire_slip_months, 2);
        // 10.10 × 1.05 = 10.605 → 10.61 (half away from zero).
        assert_eq!(s.positions[0].annual_base, Some(dec(1061, 2)));
        assert_eq!(s.positions[1].annual_base, Some(usd("105000.00")));
        // A position on its band's midpoint follows the band.
        assert_eq!(s.positions[2].annual_base, None);
        let band = &s.bands[0];
        assert_eq!((band.min, band.max), (usd("94500.00"), usd("126000.00")));
        // 100,000.10 × 1.05 = 105,000.105 → 105,000.11.
        assert_eq!(band.mid, usd("105000.11"));
        // 2,000.10 × 0.9 = 1,800.09.
        assert_eq!(s.cloud.lines[0].on_demand_monthly, usd("1800.09"));
        // Everything else is copied as it was.
        assert_eq!(s.positions[0].start, plan.scenarios[0].positions[0].start);
        assert_eq!(s.people, plan.scenarios[0].people);
        assert!(validate(&next).is_empty(), "{:?}", validate(&next));
        // The plan it came from keeps its figures.
        assert_eq!(
            plan.scenarios[0].positions[0].annual_base,
            Some(dec(1010, 2))
        );
    }

    #[test]
    fn next_year_rounds_yen_to_whole_yen() {
        let mut plan = Plan::blank("Plan", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
        plan.scenarios[0].add_position("E", "Core", dec(6_000_001, 0), day(2026, 4, 1));
        plan.scenarios[0].add_position("E", "Core", dec(5, 0), day(2026, 4, 1));
        let next = plan.next_year_plan(0, dec(37, 1), Decimal::ZERO).unwrap();
        let bases: Vec<_> = next.scenarios[0]
            .positions
            .iter()
            .map(|p| p.annual_base)
            .collect();
        // 6,000,001 × 1.037 = 6,222,001.037 → 6,222,001; 5 × 1.037 = 5.185 → 5.
        assert_eq!(bases, [Some(dec(6_222_001, 0)), Some(dec(5, 0))]);
        let next = plan.next_year_plan(0, dec(10, 0), Decimal::ZERO).unwrap();
        // 5 × 1.1 = 5.5 → 6.
        assert_eq!(next.scenarios[0].positions[1].annual_base, Some(dec(6, 0)));
        assert_eq!(next.horizon.start, YearMonth::new(2027, 4).unwrap());
    }

    #[test]
    fn next_year_refuses_impossible_changes() {
        let plan = usd_plan();
        assert!(
            plan.next_year_plan(2, Decimal::ZERO, Decimal::ZERO)
                .is_err()
        );
        assert_eq!(
            plan.next_year_plan(0, dec(-100, 0), Decimal::ZERO)
                .unwrap_err()
                .to_string(),
            "A change of -100 % would leave no salaries: it must be above −100 %."
        );
        assert_eq!(
            plan.next_year_plan(0, Decimal::ZERO, Decimal::MIN)
                .unwrap_err()
                .to_string(),
            format!(
                "A change of {} % would leave no cloud costs: it must be above −100 %.",
                Decimal::MIN
            )
        );
        assert_eq!(
            plan.next_year_plan(0, Decimal::ZERO, Decimal::MAX)
                .unwrap_err(),
            Problem::ChangeBeyondLimit {
                of: ChangeOf::CloudCosts,
                amount: usd("2000.10")
            }
        );
        let mut rich = plan.clone();
        rich.scenarios[0].positions[1].annual_base = Some(Decimal::from(MAX_UNITS));
        let refused = rich
            .next_year_plan(0, dec(1, 0), Decimal::ZERO)
            .unwrap_err()
            .to_string();
        assert_eq!(
            refused,
            format!("The change to salaries would take {MAX_UNITS} beyond the limit of 10^15.")
        );
        let mut late = plan.clone();
        late.horizon.start = YearMonth::new(9999, 1).unwrap();
        assert_eq!(
            late.next_year_plan(0, Decimal::ZERO, Decimal::ZERO)
                .unwrap_err()
                .to_string(),
            "The next year would start after the year 9999."
        );
    }
}
