//! The roster import of pay as HR states it: a monthly base (月給) column,
//! allowance columns (通勤手当, 固定残業代, 住宅手当, `allowance: NAME`,
//! any `…手当`), kept in the plan as entered and costed as payroll does
//! (docs/csv.md, "Pay and allowances"). Figures are worked by hand in
//! comments.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use fleetplan::format::import::{
    ColumnSource, Field, import_roster, preview_roster, roster_template,
};
use fleetplan::model::presets::demo_plan;
use fleetplan::model::{
    Allowance, Category, Component, Date, LedgerCollector, Plan, Position, Source, Team, YearMonth,
    forecast_scenario_into, validate,
};
use rust_decimal::Decimal;

fn yen(n: i64) -> Decimal {
    Decimal::from(n)
}

/// A JPY plan from April 2026, 12 months, no burden, bonus or raise: the
/// base rows are the pay alone. One team, the default ladder, no bands.
fn plain_plan() -> Plan {
    let mut plan = Plan::blank("Pay", "JPY", 4, YearMonth::new(2026, 4).expect("month"), 12);
    plan.scenarios[0].teams.push(Team {
        name: "Platform".into(),
        attrition: None,
    });
    plan
}

fn applied(plan: &Plan, file: &str) -> Plan {
    let preview = preview_roster(plan, 0, file.as_bytes()).expect("imports");
    let mut after = plan.clone();
    preview.apply_to(&mut after, false).expect("applies");
    assert!(validate(&after).is_empty(), "{:?}", validate(&after));
    after
}

/// Position `index`'s rows of category `category` over the horizon, summed.
fn year_of(plan: &Plan, index: u32, category: Category) -> i64 {
    let mut sink = LedgerCollector::default();
    forecast_scenario_into(plan, 0, &mut sink).expect("forecast");
    sink.rows
        .iter()
        .filter(|r| r.source == Source::Position(index) && r.category == category)
        .map(|r| r.amount_minor)
        .sum()
}

fn position<'a>(plan: &'a Plan, id: &str) -> &'a Position {
    plan.scenarios[0].position(id).expect("position")
}

#[test]
fn a_monthly_base_column_is_kept_as_the_monthly_base() {
    let plan = plain_plan();
    for header in [
        "月給",
        "基本給(月額)",
        "基本給（月額）",
        "monthly base",
        "Monthly_Base",
    ] {
        let file = format!(
            "id,title,team,level,status,{header},start\nE1,Engineer,Platform,Mid,filled,\"480,000\",2026-04-01\n"
        );
        let after = applied(&plan, &file);
        let p = position(&after, "E1");
        // What was entered, not 12 × it: the plan file keeps 月給.
        assert_eq!(p.monthly_base, Some(yen(480_000)), "{header}");
        assert_eq!(p.annual_base, None, "{header}");
        assert_eq!(after.scenarios[0].annual_base_of(p), Some(yen(5_760_000)));
        // 480,000 a month × 12 months of the horizon.
        assert_eq!(year_of(&after, 0, Category::Base), 5_760_000, "{header}");
    }
}

#[test]
fn a_salary_restates_the_pay_the_other_way_and_an_empty_cell_keeps_it() {
    let mut plan = plain_plan();
    let id = plan.scenarios[0].add_position(
        "Engineer",
        "Platform",
        yen(6_000_000),
        Date::new(2026, 4, 1).expect("date"),
    );
    // An annual base is restated by the month: the annual one goes.
    let after = applied(
        &plan,
        &format!(
            "id,title,team,level,status,月給,start\n{id},Engineer,Platform,Mid,filled,510000,2026-04-01\n"
        ),
    );
    let p = position(&after, &id);
    assert_eq!((p.annual_base, p.monthly_base), (None, Some(yen(510_000))));
    // The roster export writes the annual base only (empty for a monthly
    // one): importing it back keeps the monthly base.
    let back = applied(
        &after,
        &format!(
            "id,title,team,level,status,annual_base,start\n{id},Engineer,Platform,Mid,filled,,2026-04-01\n"
        ),
    );
    assert_eq!(position(&back, &id), p);
    // An annual base in the file restates it by the year.
    let annual = applied(
        &after,
        &format!(
            "id,title,team,level,status,年間基本給,start\n{id},Engineer,Platform,Mid,filled,6120000,2026-04-01\n"
        ),
    );
    let p = position(&annual, &id);
    assert_eq!(
        (p.annual_base, p.monthly_base),
        (Some(yen(6_120_000)), None)
    );
}

#[test]
fn allowance_columns_add_each_allowance_under_base_pay() {
    let plan = plain_plan();
    let file = "title,team,level,status,月給,通勤手当（円）,固定残業代,住宅手当,allowance: 在宅勤務,資格手当,start\n\
                Engineer,Platform,Mid,filled,400000,\"12,000\",50000,,3000,0,2026-04-01\n";
    let report = import_roster(&plan, 0, file.as_bytes(), &BTreeMap::new()).expect("read");
    let allowances: Vec<_> = report
        .columns
        .iter()
        .filter(|c| c.field == Some(Field::Allowance))
        .map(|c| (c.allowance.as_deref().unwrap_or(""), c.source))
        .collect();
    assert_eq!(
        allowances,
        [
            ("通勤手当", ColumnSource::Named),
            ("固定残業代", ColumnSource::Named),
            ("住宅手当", ColumnSource::Named),
            ("在宅勤務", ColumnSource::Named),
            ("資格手当", ColumnSource::Named),
        ]
    );
    assert!(report.ignored().next().is_none());
    let after = applied(&plan, file);
    let p = &after.scenarios[0].positions[0];
    // An empty cell and a zero are no allowance.
    assert_eq!(
        p.allowances,
        [
            Allowance {
                name: "通勤手当".into(),
                monthly: yen(12_000),
            },
            Allowance {
                name: "固定残業代".into(),
                monthly: yen(50_000),
            },
            Allowance {
                name: "在宅勤務".into(),
                monthly: yen(3_000),
            },
        ]
    );
    // Base over the 12 months: 400,000 × 12 = 4,800,000 of pay, plus
    // (12,000 + 50,000 + 3,000) × 12 = 780,000 of allowances, each its own
    // component under base.
    assert_eq!(year_of(&after, 0, Category::Base), 4_800_000 + 780_000);
    let mut sink = LedgerCollector::default();
    forecast_scenario_into(&after, 0, &mut sink).expect("forecast");
    let commuting: i64 = sink
        .rows
        .iter()
        .filter(|r| r.component == Component::Allowance(0))
        .map(|r| r.amount_minor)
        .sum();
    assert_eq!(commuting, 144_000);
}

#[test]
fn an_allowance_of_a_known_kind_fills_the_one_the_position_has() {
    // The demo names its allowances in English (Commuting, Fixed overtime):
    // a Japanese HR file's 通勤手当 replaces Commuting's amount instead of
    // adding a second commuting allowance, and a new position gets the
    // scenario's name for it.
    let plan = demo_plan(YearMonth::new(2026, 4).expect("month"));
    let first = plan.scenarios[0].positions[0].clone();
    assert_eq!(first.allowance("Commuting"), Some(yen(15_000)));
    let file = format!(
        "id,title,team,level,status,annual_base,通勤手当,固定残業代,start\n\
         {},\"{}\",{},{},filled,{},20000,,{}\n\
         ,New hire,Platform,Mid,planned,,18000,25000,2026-10-01\n",
        first.id,
        first.title,
        first.team,
        first.level,
        first.annual_base.map(|a| a.to_string()).unwrap_or_default(),
        first.start
    );
    let after = applied(&plan, &file);
    let changed = position(&after, &first.id);
    assert_eq!(
        changed.allowances,
        [Allowance {
            name: "Commuting".into(),
            monthly: yen(20_000),
        }]
    );
    // Nothing else of the position changed.
    assert_eq!(
        Position {
            allowances: first.allowances.clone(),
            ..changed.clone()
        },
        first
    );
    let added = after.scenarios[0].positions.last().expect("added");
    let names: Vec<&str> = added.allowances.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Commuting", "Fixed overtime"]);
}

#[test]
fn bad_allowance_cells_and_columns_are_reported_with_their_column() {
    let plan = plain_plan();
    let file = "title,team,level,status,月給,通勤手当,start\n\
                A,Platform,Mid,filled,400000,-5000,2026-04-01\n\
                B,Platform,Mid,filled,400000,たくさん,2026-04-01\n";
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(
        text[0].starts_with("line 2, column 通勤手当: "),
        "{}",
        text[0]
    );
    assert!(
        text[1].starts_with("line 3, column 通勤手当: "),
        "{}",
        text[1]
    );
    // Two columns of one allowance (通勤手当 and 交通費 are both commuting).
    let twice = "title,team,level,status,月給,通勤手当,交通費,start\n\
                 A,Platform,Mid,filled,400000,1,2,2026-04-01\n";
    let errors = preview_roster(&plan, 0, twice.as_bytes()).expect_err("refused");
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["line 1, column 交通費: this column fills the same field as an earlier one"]
    );
}

#[test]
fn a_column_mapped_to_allowance_is_named_by_its_header() {
    let plan = plain_plan();
    let file = "title,team,level,status,月給,在宅勤務補助,start\n\
                A,Platform,Mid,filled,400000,5000,2026-04-01\n";
    // Unknown without a choice: ignored and listed.
    let report = import_roster(&plan, 0, file.as_bytes(), &BTreeMap::new()).expect("read");
    assert_eq!(
        report
            .ignored()
            .map(|c| c.header.as_str())
            .collect::<Vec<_>>(),
        ["在宅勤務補助"]
    );
    let choices = BTreeMap::from([("在宅勤務補助".to_string(), "allowance".to_string())]);
    let report = import_roster(&plan, 0, file.as_bytes(), &choices).expect("read");
    let preview = report.result.expect("imports");
    assert_eq!(
        preview.rows[0].position.allowance("在宅勤務補助"),
        Some(yen(5_000))
    );
    let mut after = plan.clone();
    preview.apply_to(&mut after, false).expect("applies");
    assert_eq!(
        after.roster_columns.get("在宅勤務補助").map(String::as_str),
        Some("allowance")
    );
}

#[test]
fn the_templates_state_pay_as_hr_does_and_import_as_they_are() {
    let plan = demo_plan(YearMonth::new(2026, 4).expect("month"));
    let ja = String::from_utf8(roster_template(&plan, 0, true)).expect("UTF-8");
    let mut lines = ja.lines();
    let header = lines.next().expect("header");
    assert!(
        header.contains(",月給,通勤手当,固定残業代,住宅手当,"),
        "{header}"
    );
    assert!(!header.contains("年収"), "{header}");
    // The demo's Mid band midpoint 6,500,000 ÷ 12 = 541,666.67 → 541,667.
    assert!(lines.next().expect("example").contains(",541667,"), "{ja}");
    let en = String::from_utf8(roster_template(&plan, 0, false)).expect("UTF-8");
    assert!(
        en.contains(
            ",annual_base,allowance: Commuting,allowance: Fixed overtime,allowance: Housing,"
        ),
        "{en}"
    );
    for japanese in [false, true] {
        let bytes = roster_template(&plan, 0, japanese);
        let report = import_roster(&plan, 0, &bytes, &BTreeMap::new()).expect("read");
        assert!(report.ignored().next().is_none());
        let preview = report.result.expect("the template imports");
        let p = &preview.rows[0].position;
        assert!(p.allowances.is_empty(), "empty allowance cells: none");
        if japanese {
            assert_eq!((p.monthly_base, p.annual_base), (Some(yen(541_667)), None));
        } else {
            assert_eq!(
                (p.monthly_base, p.annual_base),
                (None, Some(yen(6_500_000)))
            );
        }
    }
}

/// docs/csv.md's example of "Pay and allowances", as the page states it.
#[test]
fn the_documented_example_books_as_the_docs_say() {
    let plan = plain_plan();
    let after = applied(
        &plan,
        "title,team,level,status,月給,通勤手当（円）,固定残業代,住宅手当,start\n\
         Backend engineer,Platform,Mid,filled,400000,\"12,000\",50000,,2026-04-01\n",
    );
    let p = &after.scenarios[0].positions[0];
    assert_eq!(p.monthly_base, Some(yen(400_000)));
    assert_eq!(p.allowances_total(), yen(62_000));
    // 400,000 × 12 + (12,000 + 50,000) × 12 = 4,800,000 + 744,000.
    assert_eq!(year_of(&after, 0, Category::Base), 4_800_000 + 744_000);
}

/// What the roster's pay cell does when the person switches between a
/// year and a month (docs/model.md, "Editing the plan").
#[test]
fn pay_is_restated_only_when_the_amount_stays_the_same() {
    let mut plan = plain_plan();
    let id = plan.scenarios[0].add_position(
        "Engineer",
        "Platform",
        yen(7_200_000),
        Date::new(2026, 4, 1).expect("date"),
    );
    let p = plan.scenarios[0].position_mut(&id).expect("position");
    assert!(p.restate_base(true, 0));
    assert_eq!((p.annual_base, p.monthly_base), (None, Some(yen(600_000))));
    assert!(p.restate_base(false, 0));
    assert_eq!(
        (p.annual_base, p.monthly_base),
        (Some(yen(7_200_000)), None)
    );
    // ¥7,000,000 ÷ 12 = 583,333.33…: no whole-yen 月給 gives it.
    p.set_annual_base(Some(yen(7_000_000)));
    let before = p.clone();
    assert!(!p.restate_base(true, 0));
    assert_eq!(*p, before);
    // In dollars 100,000.20 ÷ 12 = 8,333.35 a month.
    p.set_annual_base(Some(Decimal::new(10_000_020, 2)));
    assert!(p.restate_base(true, 2));
    assert_eq!(p.monthly_base, Some(Decimal::new(833_335, 2)));
    // The band's midpoint is not the position's own pay: nothing to restate.
    p.set_annual_base(None);
    assert!(!p.restate_base(true, 0));
}
