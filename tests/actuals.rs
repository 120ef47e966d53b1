//! Actuals, budget against actual and the latest estimate (docs/actuals.md),
//! checked against figures computed by hand, and the actuals import.

use std::collections::BTreeMap;

use fleetplan::format::actuals::{
    ActualsMapping, ActualsProblem, ColumnUse, actuals_template, preview_actuals,
};
use fleetplan::format::export::{self, ExportOptions};
use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::format::variance::variance_csv;
use fleetplan::model::variance::{
    ActualGrid, BridgeBy, BridgePart, BudgetActual, Pick, estimate_bridge, latest_estimate,
};
use fleetplan::model::{
    Category, Date, OtherCost, OtherCostKind, Plan, YearMonth, forecast_scenario, validate,
};
use rust_decimal::Decimal;

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// A yen plan of FY2026 (April to March): "Base" budgets one Web engineer
/// at ¥12,000,000 a year (¥1,000,000 a month) and an office of ¥200,000 a
/// month for no team; "Reforecast" pays the engineer ¥13,200,000.
fn yen_plan() -> Plan {
    let mut plan = Plan::blank("予実", "JPY", 4, ym(2026, 4), 12);
    let base = &mut plan.scenarios[0];
    base.add_position(
        "Engineer",
        "Web",
        d(12_000_000),
        Date::new(2026, 4, 1).unwrap(),
    );
    base.other_costs.push(OtherCost {
        currency: None,
        name: "Office".into(),
        team: None,
        kind: OtherCostKind::Monthly,
        amount: d(200_000),
        start: ym(2026, 4),
        end: None,
        yearly_escalation_pct: Decimal::ZERO,
    });
    let mut reforecast = base.clone();
    reforecast.name = "Reforecast".into();
    reforecast.positions[0].annual_base = Some(d(13_200_000));
    plan.scenarios.push(reforecast);
    let a = &mut plan.actuals;
    a.closed_through = Some(ym(2026, 6));
    a.set_amount(ym(2026, 4), Category::Base, Some("Web"), Some(d(1_020_000)));
    a.set_amount(ym(2026, 4), Category::Other, None, Some(d(180_000)));
    a.set_amount(ym(2026, 5), Category::Base, Some("Web"), Some(d(990_000)));
    a.set_amount(ym(2026, 5), Category::Other, None, Some(d(200_000)));
    a.set_amount(ym(2026, 5), Category::Cloud, None, Some(d(50_000)));
    a.set_amount(ym(2026, 6), Category::Base, Some("Web"), Some(d(1_000_000)));
    // A refund: a credit of ¥20,000.
    a.set_amount(ym(2026, 6), Category::Other, None, Some(d(-20_000)));
    // After the closed month: not final, so no estimate reads it.
    a.set_amount(ym(2026, 7), Category::Base, Some("Web"), Some(d(5)));
    assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    plan
}

#[test]
fn the_budget_is_what_the_hand_computation_assumes() {
    let plan = yen_plan();
    let base = forecast_scenario(&plan, 0).unwrap();
    let refo = forecast_scenario(&plan, 1).unwrap();
    for m in 0..12 {
        assert_eq!(base.month_category(m, Category::Base), 1_000_000);
        assert_eq!(base.month_category(m, Category::Other), 200_000);
        assert_eq!(base.month_total(m), 1_200_000);
        assert_eq!(refo.month_total(m), 1_300_000);
    }
}

#[test]
fn variance_and_year_to_date_in_yen_by_hand() {
    let plan = yen_plan();
    let budget = forecast_scenario(&plan, 0).unwrap();
    let ba = BudgetActual::new(&plan, &budget);
    assert_eq!(ba.closed(), 3);
    let years = ba.fiscal_years();
    assert_eq!(years.len(), 1);
    let ytd = ba.to_date(&years[0].1);
    assert_eq!(ytd, 0..3);
    // April: 1,020,000 + 180,000 against 1,200,000.
    let april = ba.month(0, Pick::All);
    assert_eq!(
        (april.budget, april.actual, april.variance()),
        (1_200_000, 1_200_000, 0)
    );
    // Year to date: 3,420,000 against 3,600,000: −180,000, −5.0 %.
    let all = ba.over(ytd.clone(), Pick::All);
    assert_eq!((all.budget, all.actual), (3_600_000, 3_420_000));
    assert_eq!(all.variance(), -180_000);
    assert_eq!(all.variance_pct(), Some(Decimal::new(-50, 1)));
    // Base pay: +10,000 on 3,000,000 is 0.333… %, shown as 0.3 %.
    let base = ba.over(ytd.clone(), Pick::Category(Category::Base));
    assert_eq!(
        (base.budget, base.actual, base.variance()),
        (3_000_000, 3_010_000, 10_000)
    );
    assert_eq!(base.variance_pct(), Some(Decimal::new(3, 1)));
    // Other costs: 360,000 against 600,000 (the refund included): −40.0 %.
    let other = ba.over(ytd.clone(), Pick::Category(Category::Other));
    assert_eq!((other.budget, other.actual), (600_000, 360_000));
    assert_eq!(other.variance_pct(), Some(Decimal::new(-400, 1)));
    // Cloud was not budgeted: no percentage.
    let cloud = ba.over(ytd.clone(), Pick::Category(Category::Cloud));
    assert_eq!(
        (cloud.budget, cloud.actual, cloud.variance_pct()),
        (0, 50_000, None)
    );
    // Drill-down: Web's base pay, and the costs of no team.
    let web = ba
        .teams()
        .iter()
        .position(|t| t.as_deref() == Some("Web"))
        .unwrap();
    let none = ba.teams().iter().position(Option::is_none).unwrap();
    assert_eq!(ba.over(ytd.clone(), Pick::Team(web)).variance(), 10_000);
    assert_eq!(ba.over(ytd.clone(), Pick::Team(none)).variance(), -190_000);
    // Every total is the sum of its rows: categories, and teams.
    let by_category: i128 = Category::ALL
        .iter()
        .map(|c| ba.over(ytd.clone(), Pick::Category(*c)).actual)
        .sum();
    let by_team: i128 = (0..ba.teams().len())
        .map(|t| ba.over(ytd.clone(), Pick::Team(t)).actual)
        .sum();
    assert_eq!((by_category, by_team), (3_420_000, 3_420_000));
}

#[test]
fn the_latest_estimate_and_its_split_bridge_in_yen_by_hand() {
    let plan = yen_plan();
    let budget = forecast_scenario(&plan, 0).unwrap();
    let refo = forecast_scenario(&plan, 1).unwrap();
    let grid = ActualGrid::of(&plan);
    let year = fleetplan::model::summary::FiscalYear {
        start_year: 2026,
        start_month: 4,
    };
    // Base: 3,420,000 to date + 9 × 1,200,000 = 14,220,000.
    let base = latest_estimate(&grid, &budget, &budget, year, 0..12);
    assert_eq!(base.budget_total(), 14_400_000);
    assert_eq!(base.actual_to_date_total(), 3_420_000);
    assert_eq!(base.estimate_total(), 14_220_000);
    // Reforecast: 3,420,000 + 9 × 1,300,000 = 15,120,000.
    let re = latest_estimate(&grid, &budget, &refo, year, 0..12);
    assert_eq!(re.estimate_total(), 15_120_000);
    assert_eq!(
        re.estimate()[Category::Base.index()],
        3_010_000 + 9 * 1_100_000
    );
    // Budget → Reforecast's estimate: +720,000 = −180,000 to date + 900,000 after.
    let bridge = estimate_bridge(&grid, &budget, &refo, 0..12, BridgeBy::Category);
    assert_eq!((bridge.budget, bridge.estimate), (14_400_000, 15_120_000));
    assert_eq!(
        bridge.to_date,
        vec![
            (BridgePart::Category(Category::Base), 10_000),
            (BridgePart::Category(Category::Other), -240_000),
            (BridgePart::Category(Category::Cloud), 50_000),
        ]
    );
    assert_eq!(
        bridge.rest_of_year,
        vec![(BridgePart::Category(Category::Base), 900_000)]
    );
    assert_eq!(
        bridge.to_date_total() + bridge.rest_of_year_total(),
        bridge.difference()
    );
    let by_team = estimate_bridge(&grid, &budget, &refo, 0..12, BridgeBy::Team);
    assert_eq!(
        by_team.to_date,
        vec![
            (BridgePart::Team(None), -190_000),
            (BridgePart::Team(Some("Web".into())), 10_000),
        ]
    );
    assert_eq!(
        by_team.rest_of_year,
        vec![(BridgePart::Team(Some("Web".into())), 900_000)]
    );
    assert_eq!(by_team.difference(), 720_000);
}

#[test]
fn dollars_keep_their_cents() {
    let mut plan = Plan::blank("USD plan", "USD", 1, ym(2027, 1), 12);
    plan.scenarios[0].add_position(
        "Engineer",
        "Platform",
        Decimal::new(12_000_000, 2),
        Date::new(2027, 1, 1).unwrap(),
    );
    plan.actuals.closed_through = Some(ym(2027, 1));
    plan.actuals.set_amount(
        ym(2027, 1),
        Category::Base,
        Some("Platform"),
        Some(Decimal::new(1_012_345, 2)),
    );
    let budget = forecast_scenario(&plan, 0).unwrap();
    let ba = BudgetActual::new(&plan, &budget);
    let jan = ba.month(0, Pick::All);
    // $10,123.45 against $10,000.00: +$123.45, 1.2345 % shown as 1.2 %.
    assert_eq!(
        (jan.budget, jan.actual, jan.variance()),
        (1_000_000, 1_012_345, 12_345)
    );
    assert_eq!(jan.variance_pct(), Some(Decimal::new(12, 1)));
    let grid = ActualGrid::of(&plan);
    let year = fleetplan::model::summary::FiscalYear {
        start_year: 2027,
        start_month: 1,
    };
    let le = latest_estimate(&grid, &budget, &budget, year, 0..12);
    assert_eq!(le.estimate_total(), 12_012_345);
    let csv = String::from_utf8(variance_csv(&plan, 0, None, false).unwrap()).unwrap();
    assert_eq!(
        csv,
        "budget_scenario,fiscal_year,month,category,team,budget,actual,variance,variance_pct,\
         ytd_budget,ytd_actual,ytd_variance,ytd_variance_pct\r\n\
         Base,FY2027,2027-01,base,Platform,10000.00,10123.45,123.45,1.2,10000.00,10123.45,123.45,1.2\r\n"
    );
}

#[test]
fn the_variance_csv_in_yen_runs_the_year_to_date_per_row() {
    let plan = yen_plan();
    let bytes = variance_csv(&plan, 0, None, true).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let rows: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    // Three closed months: base (Web) and other (no team) each month, cloud in May.
    assert_eq!(rows.len(), 1 + 3 + 3 + 1, "{text}");
    assert!(rows.contains(&"Base,FY2026,2026-06,other,(no team),200000,-20000,-220000,-110.0,600000,360000,-240000,-40.0"));
    assert!(rows.contains(&"Base,FY2026,2026-05,cloud,(no team),0,50000,50000,,0,50000,50000,"));
    // July is after the closed month: not in the file.
    assert!(!text.contains("2026-07"));
}

const SJIS_ACTUALS: &str = "月,費目,チーム,金額,備考\r\n\
2026/4,給料手当,Web,\"1,020,000\",４月分\r\n\
2026年5月,基本給,ｗｅｂ,９９万,\r\n\
2026-05,クラウド費用,,50000,AWS\r\n\
2026/6/1,その他の費用,（チームなし）,▲20000,返金\r\n";

fn sjis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_shift_jis_file_with_japanese_headers_imports_and_reimporting_changes_nothing() {
    let mut plan = yen_plan();
    plan.actuals = Default::default();
    let preview = preview_actuals(&plan, &sjis(SJIS_ACTUALS), &ActualsMapping::default()).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert!(preview.encoding.name().starts_with("Shift_JIS"));
    assert_eq!(preview.rows, 4);
    assert_eq!(preview.proposed_closed, Some(ym(2026, 6)));
    let changed: BTreeMap<(YearMonth, Category), (i128, i128)> = preview
        .changes
        .iter()
        .map(|c| ((c.month, c.category), (c.before, c.after)))
        .collect();
    assert_eq!(changed[&(ym(2026, 4), Category::Base)], (0, 1_020_000));
    assert_eq!(changed[&(ym(2026, 5), Category::Base)], (0, 990_000));
    assert_eq!(changed[&(ym(2026, 6), Category::Other)], (0, -20_000));
    preview.apply(&mut plan, true).unwrap();
    assert_eq!(plan.actuals.closed_through, Some(ym(2026, 6)));
    let web = plan
        .actuals
        .amount(ym(2026, 5), Category::Base, Some("Web"))
        .unwrap();
    assert_eq!(web.amount, d(990_000));
    assert_eq!(
        plan.actuals
            .amount(ym(2026, 4), Category::Base, Some("Web"))
            .unwrap()
            .note,
        "４月分"
    );
    // The same file again: nothing changes, and the plan is the same.
    let once = plan.clone();
    let again = preview_actuals(&plan, &sjis(SJIS_ACTUALS), &ActualsMapping::default()).unwrap();
    assert!(again.changes.is_empty());
    assert_eq!(again.unchanged, 4);
    assert_eq!(again.proposed_closed, None);
    again.apply(&mut plan, true).unwrap();
    assert_eq!(plan, once);
    // A correction replaces the month and category for every team.
    let fix = "month,category,team,amount\r\n2026-05,base,Web,1000000\r\n";
    preview_actuals(&plan, fix.as_bytes(), &ActualsMapping::default())
        .unwrap()
        .apply(&mut plan, false)
        .unwrap();
    assert_eq!(
        plan.actuals
            .amount(ym(2026, 5), Category::Base, Some("Web"))
            .unwrap()
            .amount,
        d(1_000_000)
    );
    assert_eq!(plan.actuals.amounts.len(), once.actuals.amounts.len());
    // The plan file keeps them.
    let reread = read_plan_file(&write_plan_file(&plan)).unwrap();
    assert_eq!(reread, plan);
}

#[test]
fn errors_name_their_line_and_nothing_is_applied_while_any_remains() {
    let mut plan = yen_plan();
    let before = plan.clone();
    let file = "month,category,team,amount\n\
                2026-04,base,Web,100\n\
                2028-01,base,Web,100\n\
                2026-04,travel,Web,100\n\
                2026-04,base,Mobile,100\n\
                2026-04,base,Web,100.5\n\
                April,base,Web,100\n";
    let preview = preview_actuals(&plan, file.as_bytes(), &ActualsMapping::default()).unwrap();
    let lines: Vec<(usize, &ActualsProblem)> = preview
        .errors
        .iter()
        .map(|e| (e.line, &e.problem))
        .collect();
    assert_eq!(lines.len(), 5, "{:?}", preview.errors);
    assert!(matches!(
        lines[0],
        (3, ActualsProblem::MonthOutsideHorizon { .. })
    ));
    assert!(matches!(
        lines[1],
        (4, ActualsProblem::UnknownCategory { .. })
    ));
    assert!(matches!(lines[2], (5, ActualsProblem::UnknownTeam { .. })));
    assert!(matches!(lines[3], (6, ActualsProblem::Amount { .. })));
    assert!(matches!(
        lines[4],
        (7, ActualsProblem::MonthUnreadable { .. })
    ));
    assert_eq!(
        preview.errors[3].to_string(),
        "line 6 (amount): amount \u{201c}100.5\u{201d}: This currency has no minor unit: enter a whole amount."
    );
    assert!(preview.apply(&mut plan, true).is_err());
    assert_eq!(plan, before);
}

#[test]
fn the_ledger_export_imports_back_as_actuals_equal_to_the_budget() {
    let mut plan = yen_plan();
    plan.actuals = Default::default();
    let ledger = export::ledger(
        &plan,
        ExportOptions {
            scenario: Some(0),
            bom: true,
        },
    )
    .unwrap();
    let preview = preview_actuals(&plan, &ledger, &ActualsMapping::default()).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    preview.apply(&mut plan, true).unwrap();
    assert_eq!(plan.actuals.closed_through, Some(ym(2027, 3)));
    let budget = forecast_scenario(&plan, 0).unwrap();
    let ba = BudgetActual::new(&plan, &budget);
    for m in 0..12 {
        for t in 0..ba.teams().len() {
            assert_eq!(ba.month(m, Pick::Team(t)).variance(), 0);
        }
    }
    // The ledger of two scenarios is refused: which one is the actual?
    let both = export::ledger(&plan, ExportOptions::default()).unwrap();
    let preview = preview_actuals(&plan, &both, &ActualsMapping::default()).unwrap();
    assert!(matches!(
        preview.errors[0].problem,
        ActualsProblem::SeveralScenarios { .. }
    ));
}

#[test]
fn the_summary_export_imports_where_its_rows_are_single_months() {
    let mut plan = yen_plan();
    plan.horizon.months = 1;
    plan.actuals = Default::default();
    let summary = export::summary(
        &plan,
        ExportOptions {
            scenario: Some(0),
            bom: false,
        },
    )
    .unwrap();
    let preview = preview_actuals(&plan, &summary, &ActualsMapping::default()).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    preview.apply(&mut plan, true).unwrap();
    let total: Decimal = plan.actuals.amounts.iter().map(|a| a.amount).sum();
    // The team rows only: the scenario's total row is not counted twice.
    assert_eq!(total, d(1_200_000));
    // A year of months in one row cannot be monthly actuals.
    let plan = yen_plan();
    let summary = export::summary(
        &plan,
        ExportOptions {
            scenario: Some(0),
            bom: false,
        },
    )
    .unwrap();
    let preview = preview_actuals(&plan, &summary, &ActualsMapping::default()).unwrap();
    assert!(matches!(
        preview.errors[0].problem,
        ActualsProblem::SeveralMonths { .. }
    ));
}

#[test]
fn one_column_per_category_and_a_mapped_header() {
    let mut plan = yen_plan();
    plan.actuals = Default::default();
    let file = "計上月,部署,基本給,Cloud,Miscellaneous\n2026-04,Web,1000,\"(300)\",9\n";
    let mut mapping = ActualsMapping::default();
    mapping.by_header.insert(
        fleetplan::format::values::key("Miscellaneous"),
        ColumnUse::Category(Category::Other),
    );
    let preview = preview_actuals(&plan, file.as_bytes(), &mapping).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    preview.apply(&mut plan, false).unwrap();
    let of = |c| {
        plan.actuals
            .amount(ym(2026, 4), c, Some("Web"))
            .map(|a| a.amount)
    };
    assert_eq!(of(Category::Base), Some(d(1000)));
    assert_eq!(of(Category::Cloud), Some(d(-300)));
    assert_eq!(of(Category::Other), Some(d(9)));
    assert_eq!(plan.actuals.closed_through, None);
}

#[test]
fn the_template_reads_back_with_its_blank_rows_left_out() {
    let plan = yen_plan();
    for japanese in [false, true] {
        let template = actuals_template(&plan, japanese);
        let preview = preview_actuals(&plan, &template, &ActualsMapping::default()).unwrap();
        assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        assert_eq!(preview.skipped, 10);
        assert!(preview.amounts.is_empty());
    }
}

#[test]
fn actuals_outside_the_horizon_hold_the_horizon() {
    let mut plan = yen_plan();
    plan.horizon.months = 2;
    let errors = validate(&plan);
    assert!(
        errors.iter().any(|e| e.path == "actuals.closed_through"),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.path.starts_with("actuals.amounts["))
    );
}

// proptest builds natively only.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use fleetplan::model::generate_plan;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Every latest estimate is the actuals to date plus the forecast
        /// after, every total is the sum of its rows, and each bridge sums
        /// to its difference.
        #[test]
        fn estimates_are_actuals_plus_forecast_and_totals_sum(
            entries in proptest::collection::vec(
                (0_u16..24, 0_usize..10, 0_usize..4, -5_000_000_i64..50_000_000),
                0..60,
            ),
            closed in proptest::option::of(0_u16..24),
        ) {
            let mut plan = generate_plan(12, 24, 2, 7);
            let teams: Vec<Option<String>> = plan.scenarios[0]
                .teams
                .iter()
                .take(3)
                .map(|t| Some(t.name.clone()))
                .chain([None])
                .collect();
            let start = plan.horizon.start;
            for (m, c, t, amount) in entries {
                let month = start.add_months(i32::from(m)).unwrap();
                let team = teams[t.min(teams.len() - 1)].as_deref();
                plan.actuals
                    .set_amount(month, Category::ALL[c], team, Some(Decimal::from(amount)));
            }
            plan.actuals.closed_through = closed.map(|m| start.add_months(i32::from(m)).unwrap());
            prop_assert!(validate(&plan).is_empty());
            let budget = forecast_scenario(&plan, 0).unwrap();
            let other = forecast_scenario(&plan, 1).unwrap();
            let grid = ActualGrid::of(&plan);
            let ba = BudgetActual::new(&plan, &budget);
            let closed_n = grid.closed();
            for (year, months) in ba.fiscal_years() {
                let le = latest_estimate(&grid, &budget, &other, year, months.clone());
                let mut expected = 0_i128;
                for m in months.clone() {
                    expected += if m < closed_n {
                        grid.month_categories(m).iter().sum::<i128>()
                    } else {
                        other.month_total(m)
                    };
                }
                prop_assert_eq!(le.estimate_total(), expected);
                prop_assert_eq!(
                    le.budget_total(),
                    months.clone().map(|m| budget.month_total(m)).sum::<i128>()
                );
                for by in [BridgeBy::Category, BridgeBy::Team] {
                    let bridge = estimate_bridge(&grid, &budget, &other, months.clone(), by);
                    prop_assert_eq!(bridge.estimate, le.estimate_total());
                    prop_assert_eq!(bridge.budget, le.budget_total());
                    prop_assert_eq!(
                        bridge.to_date_total() + bridge.rest_of_year_total(),
                        bridge.difference()
                    );
                }
                let all = ba.over(months.clone(), Pick::All);
                let by_category: i128 = Category::ALL
                    .iter()
                    .map(|c| ba.over(months.clone(), Pick::Category(*c)).actual)
                    .sum();
                let by_team: i128 = (0..ba.teams().len())
                    .map(|t| ba.over(months.clone(), Pick::Team(t)).actual)
                    .sum();
                prop_assert_eq!(all.actual, by_category);
                prop_assert_eq!(all.actual, by_team);
                prop_assert_eq!(
                    all.budget,
                    months.clone().map(|m| budget.month_total(m)).sum::<i128>()
                );
            }
            // The actuals' own sum, amount by amount.
            let listed: i128 = plan.actuals.amounts.iter().map(|a| a.amount.mantissa()).sum();
            let gridded: i128 = (0..grid.months()).map(|m| grid.month_categories(m).iter().sum::<i128>()).sum();
            prop_assert_eq!(listed, gridded);
        }
    }
}

#[test]
fn renaming_a_team_takes_its_actuals_along_unless_another_scenario_keeps_the_name() {
    let mut plan = yen_plan();
    // Both scenarios have Web: renaming it in one leaves the actuals where
    // the other still finds them.
    plan.rename_team(1, "Web", "Frontend").unwrap();
    assert!(
        plan.actuals
            .amount(ym(2026, 4), Category::Base, Some("Web"))
            .is_some()
    );
    // Renamed in the last scenario that had it, the actuals follow.
    plan.rename_team(0, "Web", "Frontend").unwrap();
    assert!(
        plan.actuals
            .amount(ym(2026, 4), Category::Base, Some("Web"))
            .is_none()
    );
    assert_eq!(
        plan.actuals
            .amount(ym(2026, 4), Category::Base, Some("Frontend"))
            .unwrap()
            .amount,
        d(1_020_000)
    );
    let budget = forecast_scenario(&plan, 0).unwrap();
    let ba = BudgetActual::new(&plan, &budget);
    // One team slot for Frontend (budget and actuals), and no team.
    assert_eq!(ba.teams().len(), 2);
}
