//! What-if adjustments: a scenario as the engine forecasts it.
//!
//! A scenario's [`Adjustments`](super::plan::Adjustments) (hires slipping,
//! cloud growing faster, a bigger raise, another attrition rate) are applied
//! to a copy of it, so the figures the person stated stay as they are and
//! the adjustment can be undone by setting it back to neutral. The rules
//! are in docs/model.md, "What-if adjustments".

use std::borrow::Cow;

use super::plan::Scenario;

/// The scenario with its adjustments applied, as the engine forecasts it:
/// borrowed unchanged (no copy) when every adjustment is neutral.
///
/// Validation ([`validate_scenario`](super::validate::validate_scenario))
/// checks that the adjusted rates are valid, so a valid scenario gives a
/// valid adjusted scenario. The adjusted copy keeps the adjustments: they
/// describe how it was made, and the engine does not read them.
pub fn adjusted_scenario(scenario: &Scenario) -> Cow<'_, Scenario> {
    let adjustments = &scenario.adjustments;
    if adjustments.is_none() {
        return Cow::Borrowed(scenario);
    }
    let mut adjusted = scenario.clone();
    if adjustments.hire_slip_months != 0 {
        adjusted.shift_hires(None, adjustments.hire_slip_months);
    }
    if !adjustments.cloud_growth_points.is_zero() {
        for line in &mut adjusted.cloud.lines {
            line.monthly_growth_pct =
                added(line.monthly_growth_pct, adjustments.cloud_growth_points);
        }
    }
    if !adjustments.raise_points.is_zero() {
        adjusted.people.raise_pct = added(adjusted.people.raise_pct, adjustments.raise_points);
    }
    if let Some(rate) = adjustments.attrition_pct {
        adjusted.people.attrition.annual_rate_pct = rate;
        for attrition in adjusted
            .teams
            .iter_mut()
            .filter_map(|t| t.attrition.as_mut())
        {
            attrition.annual_rate_pct = rate;
        }
    }
    if !adjustments.fx_pct.is_zero() {
        for rate in &mut adjusted.exchange_rates {
            rate.rate = super::fx::moved(rate.rate, adjustments.fx_pct);
        }
    }
    Cow::Owned(adjusted)
}

/// `rate + points`; validation keeps both far inside `Decimal`'s range, and
/// an overflow (never reached) keeps the stated rate rather than panic.
fn added(rate: rust_decimal::Decimal, points: rust_decimal::Decimal) -> rust_decimal::Decimal {
    rate.checked_add(points).unwrap_or(rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Date, PositionStatus, forecast_after_position_edit, forecast_scenario, generate_plan,
        validate,
    };
    use rust_decimal::Decimal;

    fn dec(n: i64, scale: u32) -> Decimal {
        Decimal::new(n, scale)
    }

    /// The forecast with an adjustment set must equal the forecast of the
    /// same change made by hand, and differ from the unadjusted forecast
    /// (so the adjustment is not silently ignored).
    fn assert_adjustment_is_the_edit(
        adjust: impl Fn(&mut Scenario),
        by_hand: impl Fn(&mut Scenario),
    ) {
        let plan = generate_plan(60, 36, 1, 11);
        let stated = forecast_scenario(&plan, 0).unwrap();
        let mut adjusted = plan.clone();
        adjust(&mut adjusted.scenarios[0]);
        let mut edited = plan.clone();
        by_hand(&mut edited.scenarios[0]);
        assert!(validate(&adjusted).is_empty(), "{:?}", validate(&adjusted));
        let adjusted_forecast = forecast_scenario(&adjusted, 0).unwrap();
        let edited_forecast = forecast_scenario(&edited, 0).unwrap();
        assert_eq!(adjusted_forecast, edited_forecast);
        assert_ne!(adjusted_forecast.total(), stated.total());
        // The plan's own figures are not touched by forecasting.
        assert_eq!(adjusted.scenarios[0].positions, plan.scenarios[0].positions);
    }

    #[test]
    fn neutral_adjustments_borrow_the_scenario_without_a_copy() {
        let plan = generate_plan(5, 12, 1, 1);
        let scenario = &plan.scenarios[0];
        assert!(scenario.adjustments.is_none());
        match adjusted_scenario(scenario) {
            Cow::Borrowed(s) => assert!(std::ptr::eq(s, scenario)),
            Cow::Owned(_) => panic!("a neutral adjustment copied the scenario"),
        }
    }

    #[test]
    fn any_adjustment_makes_an_adjusted_copy() {
        let mut scenario = generate_plan(5, 12, 1, 1).scenarios.remove(0);
        scenario.adjustments.raise_points = dec(5, 1);
        assert!(!scenario.adjustments.is_none());
        let adjusted = adjusted_scenario(&scenario);
        assert!(matches!(adjusted, Cow::Owned(_)));
        assert_eq!(
            adjusted.people.raise_pct,
            scenario.people.raise_pct + dec(5, 1)
        );
    }

    #[test]
    fn a_hire_slip_equals_moving_every_hire_by_hand() {
        assert_adjustment_is_the_edit(
            |s| s.adjustments.hire_slip_months = 3,
            |s| {
                assert!(s.shift_hires(None, 3) > 0);
            },
        );
        assert_adjustment_is_the_edit(
            |s| s.adjustments.hire_slip_months = -2,
            |s| {
                s.shift_hires(None, -2);
            },
        );
    }

    #[test]
    fn a_hire_slip_moves_hires_only() {
        let mut scenario = generate_plan(40, 24, 1, 3).scenarios.remove(0);
        scenario.adjustments.hire_slip_months = 4;
        let adjusted = adjusted_scenario(&scenario);
        for (before, after) in scenario.positions.iter().zip(&adjusted.positions) {
            if before.status == PositionStatus::Filled {
                assert_eq!(before.start, after.start);
            } else {
                assert_eq!(before.start.add_months(4), Some(after.start));
            }
        }
    }

    #[test]
    fn raise_points_equal_a_higher_raise() {
        assert_adjustment_is_the_edit(
            |s| s.adjustments.raise_points = Decimal::ONE,
            |s| s.people.raise_pct += Decimal::ONE,
        );
        assert_adjustment_is_the_edit(
            |s| s.adjustments.raise_points = dec(-15, 1),
            |s| s.people.raise_pct -= dec(15, 1),
        );
    }

    #[test]
    fn an_attrition_rate_replaces_the_scenario_and_team_rates() {
        assert_adjustment_is_the_edit(
            |s| s.adjustments.attrition_pct = Some(dec(20, 0)),
            |s| {
                s.people.attrition.annual_rate_pct = dec(20, 0);
                let mut overridden = 0;
                for team in &mut s.teams {
                    if let Some(a) = &mut team.attrition {
                        a.annual_rate_pct = dec(20, 0);
                        overridden += 1;
                    }
                }
                assert!(overridden > 0, "the test plan needs team overrides");
            },
        );
        // Teams keep their own backfill lag.
        let mut scenario = generate_plan(5, 12, 1, 1).scenarios.remove(0);
        scenario.teams[3]
            .attrition
            .as_mut()
            .unwrap()
            .backfill_lag_months = 5;
        scenario.adjustments.attrition_pct = Some(Decimal::ZERO);
        let adjusted = adjusted_scenario(&scenario);
        let team = adjusted.teams[3].attrition.as_ref().unwrap();
        assert_eq!(
            (team.annual_rate_pct, team.backfill_lag_months),
            (Decimal::ZERO, 5)
        );
        assert!(adjusted.teams[0].attrition.is_none());
    }

    #[test]
    fn cloud_growth_points_add_to_every_line() {
        assert_adjustment_is_the_edit(
            |s| s.adjustments.cloud_growth_points = dec(5, 1),
            |s| {
                for line in &mut s.cloud.lines {
                    line.monthly_growth_pct += dec(5, 1);
                }
            },
        );
    }

    #[test]
    fn adjustments_combine() {
        assert_adjustment_is_the_edit(
            |s| {
                s.adjustments.hire_slip_months = 1;
                s.adjustments.raise_points = dec(2, 0);
                s.adjustments.cloud_growth_points = dec(-1, 0);
                s.adjustments.attrition_pct = Some(dec(5, 0));
            },
            |s| {
                s.shift_hires(None, 1);
                s.people.raise_pct += dec(2, 0);
                for line in &mut s.cloud.lines {
                    line.monthly_growth_pct -= Decimal::ONE;
                }
                s.people.attrition.annual_rate_pct = dec(5, 0);
                for a in s.teams.iter_mut().filter_map(|t| t.attrition.as_mut()) {
                    a.annual_rate_pct = dec(5, 0);
                }
            },
        );
    }

    #[test]
    fn a_position_edit_in_an_adjusted_scenario_asks_for_a_full_run() {
        let mut plan = generate_plan(10, 12, 1, 2);
        let before = forecast_scenario(&plan, 0).unwrap();
        let old = plan.scenarios[0].positions[0].clone();
        plan.scenarios[0].positions[0].start = Date::new(2026, 6, 1).unwrap();
        assert!(forecast_after_position_edit(&before, &plan, 0, 0, &old).is_some());
        plan.scenarios[0].adjustments.hire_slip_months = 2;
        assert!(forecast_after_position_edit(&before, &plan, 0, 0, &old).is_none());
    }

    #[test]
    fn adjustments_out_of_range_are_reported_on_their_field() {
        let base = generate_plan(5, 24, 1, 1);
        let errors_with = |f: &dyn Fn(&mut Scenario)| {
            let mut plan = base.clone();
            f(&mut plan.scenarios[0]);
            validate(&plan)
        };
        let paths = |f: &dyn Fn(&mut Scenario)| -> Vec<String> {
            errors_with(f).into_iter().map(|e| e.path).collect()
        };
        assert!(
            errors_with(&|s| {
                s.adjustments.hire_slip_months = 120;
                s.adjustments.raise_points = dec(5, 0);
                s.adjustments.cloud_growth_points = dec(-3, 0);
                s.adjustments.attrition_pct = Some(dec(30, 0));
            })
            .is_empty()
        );
        assert_eq!(
            paths(&|s| s.adjustments.hire_slip_months = -121),
            ["scenarios[0].adjustments.hire_slip_months"]
        );
        // The stated raise is 3.7 %: −4 points would make it negative.
        let errors = errors_with(&|s| s.adjustments.raise_points = dec(-4, 0));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "scenarios[0].adjustments.raise_points");
        assert!(
            errors[0].message.contains("-0.3 %"),
            "{}",
            errors[0].message
        );
        assert_eq!(
            paths(&|s| s.adjustments.raise_points = dec(1, 7)),
            ["scenarios[0].adjustments.raise_points"]
        );
        // A line declines 0.5 % a month: −99.5 points would make it −100 %.
        let errors = errors_with(&|s| s.adjustments.cloud_growth_points = dec(-995, 1));
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].path,
            "scenarios[0].adjustments.cloud_growth_points"
        );
        assert!(
            errors[0].message.contains("Network"),
            "{}",
            errors[0].message
        );
        assert_eq!(
            paths(&|s| s.adjustments.cloud_growth_points = dec(100, 0)),
            ["scenarios[0].adjustments.cloud_growth_points"]
        );
        assert_eq!(
            paths(&|s| s.adjustments.attrition_pct = Some(dec(101, 0))),
            ["scenarios[0].adjustments.attrition_pct"]
        );
        // 100 % a year with the scenario's 3-month lag is fine; with a
        // 13-month team lag it would vacate more than the seat.
        assert!(errors_with(&|s| s.adjustments.attrition_pct = Some(dec(100, 0))).is_empty());
        let errors = errors_with(&|s| {
            s.teams[3].attrition.as_mut().unwrap().backfill_lag_months = 13;
            s.adjustments.attrition_pct = Some(dec(100, 0));
        });
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "scenarios[0].adjustments.attrition_pct");
        assert!(
            errors[0].message.contains("Mobile"),
            "{}",
            errors[0].message
        );
    }
}
