//! Japan's social insurance as payroll charges it (docs/model.md, "Graded
//! mode"), pay stated by the month, allowances, per-head costs and the
//! first-bonus policies: hand-computed cases. Amounts are in yen (cents for
//! USD). Each test writes its arithmetic in comments.

use fleetplan::model::presets::japan_burden_fy2026;
use fleetplan::model::{
    Assessment, Attrition, BonusPayout, BurdenBasis, Category, Component, Date, Employment,
    FirstBonus, LedgerCollector, LedgerRow, PerHeadCost, Plan, Position, PositionStatus, Source,
    Team, YearMonth, explain, forecast_scenario_into, validate,
};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// A JPY plan with Japan's FY2026 graded social insurance, no raise, no
/// bonus, teams Platform and Product.
fn graded_plan(fy_start: u8, start: &str, months: u16) -> Plan {
    let start: YearMonth = start.parse().unwrap();
    let mut plan = Plan::blank("Payroll", "JPY", fy_start, start, months);
    let s = &mut plan.scenarios[0];
    s.teams = ["Platform", "Product"]
        .map(|name| Team {
            name: name.into(),
            attrition: None,
        })
        .to_vec();
    s.people.burden = japan_burden_fy2026();
    plan
}

fn employee(annual: &str, start: &str) -> Position {
    Position {
        id: "a".into(),
        title: "Engineer".into(),
        team: "Platform".into(),
        level: "Mid".into(),
        status: PositionStatus::Filled,
        employment: Employment::Employee,
        annual_base: Some(d(annual)),
        fte: Decimal::ONE,
        start: date(start),
        end: None,
        recruiting_fee_pct: None,
        age_dependent_burden: false,
        location: None,
        monthly_base: None,
        allowances: Vec::new(),
    }
}

fn with(plan: &mut Plan, position: Position) {
    let s = &mut plan.scenarios[0];
    let mut position = position;
    position.id = format!("p{}", s.positions.len() + 1);
    s.positions.push(position);
}

fn rows(plan: &Plan) -> Vec<LedgerRow> {
    assert_eq!(validate(plan), Vec::new());
    let mut sink = LedgerCollector::default();
    forecast_scenario_into(plan, 0, &mut sink).unwrap();
    sink.rows
}

/// Position `p`'s burden component named `name` in month `m`.
fn burden(plan: &Plan, p: u32, m: u16, name: &str) -> i64 {
    let c = plan.scenarios[0]
        .people
        .burden
        .iter()
        .position(|b| b.name == name)
        .unwrap() as u16;
    rows(plan)
        .iter()
        .filter(|r| {
            r.source == Source::Position(p) && r.month == m && r.component == Component::Burden(c)
        })
        .map(|r| r.amount_minor)
        .sum()
}

/// Position `p`'s rows of `category` in month `m`, summed.
fn category(plan: &Plan, p: u32, m: u16, c: Category) -> i64 {
    rows(plan)
        .iter()
        .filter(|r| r.source == Source::Position(p) && r.month == m && r.category == c)
        .map(|r| r.amount_minor)
        .sum()
}

fn months_of(plan: &Plan, p: u32, name: &str, months: std::ops::Range<u16>) -> Vec<i64> {
    months.map(|m| burden(plan, p, m, name)).collect()
}

const HEALTH: &str = "Health insurance";
const PENSION: &str = "Employees' pension";
const EMPLOYMENT: &str = "Employment insurance";

#[test]
fn grade_boundaries_decide_the_standard_amount() {
    // Pay stated by the month. 394,999 is in health grade 26 (370,000 to
    // 395,000): 380,000 × 4.925 % = 18,715. 395,000 is the first yen of
    // grade 27: 410,000 × 4.925 % = 20,192.5 → 20,193.
    let mut plan = graded_plan(4, "2026-04", 1);
    let mut below = employee("0", "2020-04-01");
    below.set_monthly_base(d("394999"));
    with(&mut plan, below);
    let mut at = employee("0", "2020-04-01");
    at.set_monthly_base(d("395000"));
    with(&mut plan, at);
    assert_eq!(burden(&plan, 0, 0, HEALTH), 18_715);
    assert_eq!(burden(&plan, 1, 0, HEALTH), 20_193);
    // Pension: 634,999 is grade 31 (620,000), 635,000 the top grade 32
    // (650,000): 56,730 and 59,475.
    let mut plan = graded_plan(4, "2026-04", 1);
    for monthly in ["634999", "635000"] {
        let mut p = employee("0", "2020-04-01");
        p.set_monthly_base(d(monthly));
        with(&mut plan, p);
    }
    assert_eq!(burden(&plan, 0, 0, PENSION), 56_730);
    assert_eq!(burden(&plan, 1, 0, PENSION), 59_475);
    // The base row is the monthly amount, the annual base 12 × it.
    assert_eq!(category(&plan, 1, 0, Category::Base), 635_000);
    let s = &plan.scenarios[0];
    assert_eq!(s.annual_base_of(&s.positions[1]), Some(d("7620000")));
}

#[test]
fn joining_on_the_20th_charges_the_whole_month_on_the_grade() {
    // ¥7,200,000 = 600,000 a month: health grade 33 (575,000 to 605,000)
    // 590,000, pension grade 30 590,000. Hired on 20 May 2026, enrolled on
    // 31 May: May's premiums are a whole month's.
    // Health 590,000 × 4.925 % = 29,057.5 → 29,058; pension 590,000 ×
    // 9.15 % = 53,985. Employment insurance is on the wages paid: base
    // 600,000 × 12/31 = 232,258.06 → 232,258, × 0.85 % = 1,974.19 → 1,974.
    // (Rate × booked pay would have charged health 11,439 and pension
    // 21,252: 50,352 too little.)
    let mut plan = graded_plan(4, "2026-04", 3);
    with(&mut plan, employee("7200000", "2026-05-20"));
    assert_eq!(category(&plan, 0, 1, Category::Base), 232_258);
    assert_eq!(months_of(&plan, 0, HEALTH, 0..3), vec![0, 29_058, 29_058]);
    assert_eq!(months_of(&plan, 0, PENSION, 0..3), vec![0, 53_985, 53_985]);
    assert_eq!(burden(&plan, 0, 1, EMPLOYMENT), 1_974);
    assert_eq!(burden(&plan, 0, 2, EMPLOYMENT), 5_100);
}

#[test]
fn leaving_on_the_15th_is_not_charged_leaving_on_the_last_day_is() {
    // Eligibility is lost the day after the last working day. Leaving on
    // 15 September 2026: lost on the 16th, so September has no health or
    // pension premium; employment insurance on the 15 days paid: 600,000 ×
    // 15/30 = 300,000 × 0.85 % = 2,550.
    let mut plan = graded_plan(4, "2026-04", 8);
    let mut p = employee("7200000", "2020-04-01");
    p.end = Some(date("2026-09-15"));
    with(&mut plan, p.clone());
    // Leaving on 30 September: lost on 1 October, September charged in full.
    p.end = Some(date("2026-09-30"));
    with(&mut plan, p);
    assert_eq!(burden(&plan, 0, 4, HEALTH), 29_058, "August");
    assert_eq!(burden(&plan, 0, 5, HEALTH), 0);
    assert_eq!(burden(&plan, 0, 5, PENSION), 0);
    assert_eq!(burden(&plan, 0, 5, EMPLOYMENT), 2_550);
    assert_eq!(burden(&plan, 1, 5, HEALTH), 29_058);
    assert_eq!(burden(&plan, 1, 5, PENSION), 53_985);
    assert_eq!(burden(&plan, 1, 5, EMPLOYMENT), 5_100);
    assert_eq!(burden(&plan, 1, 6, HEALTH), 0, "gone in October");
}

#[test]
fn joining_and_leaving_in_the_same_month_is_charged_once_for_health() {
    // 5 to 20 June 2026 (16 of 30 days): health 590,000 × 4.925 % = 29,058
    // once; no pension (refunded when the person joins the national
    // pension in the month, the usual case); employment insurance on the
    // pay, 600,000 × 16/30 = 320,000 × 0.85 % = 2,720.
    let mut plan = graded_plan(4, "2026-04", 4);
    let mut p = employee("7200000", "2026-06-05");
    p.end = Some(date("2026-06-20"));
    with(&mut plan, p);
    assert_eq!(category(&plan, 0, 2, Category::Base), 320_000);
    assert_eq!(months_of(&plan, 0, HEALTH, 0..4), vec![0, 0, 29_058, 0]);
    assert_eq!(months_of(&plan, 0, PENSION, 0..4), vec![0; 4]);
    assert_eq!(burden(&plan, 0, 2, EMPLOYMENT), 2_720);
}

#[test]
fn a_bonus_is_truncated_to_1000_yen_and_not_charged_in_the_leaving_month() {
    // ¥6,222,000 = 518,500 a month (health grade 31, 515,000 to 545,000:
    // 530,000; pension grade 28, 530,000). December bonus 0.8 month:
    // 414,800, standard bonus amount 414,000.
    // Health (530,000 + 414,000) × 4.925 % = 46,492; pension 944,000 ×
    // 9.15 % = 86,376; employment on what is paid: (518,500 + 414,800) ×
    // 0.85 % = 7,933.05 → 7,933.
    let mut plan = graded_plan(4, "2026-04", 12);
    plan.scenarios[0].people.bonus_payouts = vec![BonusPayout {
        month: 12,
        months: d("0.8"),
        assessment: None,
    }];
    with(&mut plan, employee("6222000", "2020-04-01"));
    // The same person leaving on 15 December: the bonus is paid (active on
    // the 1st) but eligibility is lost in December: no health or pension
    // premium at all that month; employment on 518,500 × 15/31 =
    // 250,887.10 → 250,887 plus 414,800: 665,687 × 0.85 % = 5,658.34 → 5,658.
    let mut leaving = employee("6222000", "2020-04-01");
    leaving.end = Some(date("2026-12-15"));
    with(&mut plan, leaving);
    let december = 8;
    assert_eq!(category(&plan, 0, december, Category::Bonus), 414_800);
    assert_eq!(burden(&plan, 0, december, HEALTH), 46_492);
    assert_eq!(burden(&plan, 0, december, PENSION), 86_376);
    assert_eq!(burden(&plan, 0, december, EMPLOYMENT), 7_933);
    assert_eq!(category(&plan, 1, december, Category::Bonus), 414_800);
    assert_eq!(burden(&plan, 1, december, HEALTH), 0);
    assert_eq!(burden(&plan, 1, december, PENSION), 0);
    assert_eq!(burden(&plan, 1, december, EMPLOYMENT), 5_658);
}

#[test]
fn the_health_bonus_cap_runs_april_to_march_with_a_january_fiscal_year() {
    // ¥24,000,000 (2,000,000 a month: health's top grade, 1,390,000),
    // bonuses of 2 months (4,000,000) in March, June and December, plan
    // years January to December. The ¥5,730,000 cap counts April to March:
    // March 2026 (statutory year 2025): (1,390,000 + 4,000,000) × 4.925 %
    // = 265,457.5 → 265,458; June 2026 (year 2026 starts in April): the
    // same; December 2026: 1,730,000 of the cap left, (1,390,000 +
    // 1,730,000) × 4.925 % = 153,660; March 2027, still year 2026: nothing
    // left, 1,390,000 × 4.925 % = 68,457.5 → 68,458; June 2027: 265,458.
    // (Counted by the plan's January year, June 2026 would have had only
    // 1,730,000 and December nothing.)
    let mut plan = graded_plan(1, "2026-01", 18);
    plan.scenarios[0].people.bonus_payouts = [3, 6, 12]
        .map(|month| BonusPayout {
            month,
            months: d("2"),
            assessment: None,
        })
        .to_vec();
    with(&mut plan, employee("24000000", "2020-04-01"));
    assert_eq!(burden(&plan, 0, 2, HEALTH), 265_458, "March 2026");
    assert_eq!(burden(&plan, 0, 5, HEALTH), 265_458, "June 2026");
    assert_eq!(burden(&plan, 0, 11, HEALTH), 153_660, "December 2026");
    assert_eq!(burden(&plan, 0, 14, HEALTH), 68_458, "March 2027");
    assert_eq!(burden(&plan, 0, 17, HEALTH), 265_458, "June 2027");
    // Pension caps each payment at 1,500,000: (650,000 + 1,500,000) × 9.15 %.
    assert_eq!(burden(&plan, 0, 11, PENSION), 196_725);
}

#[test]
fn a_raise_of_one_grade_waits_for_september_two_grades_the_fourth_month() {
    // ¥6,000,000 (500,000 a month: health grade 30, 485,000 to 515,000),
    // raised in April 2026.
    // +3 %: 515,000, grade 31 — one grade: April to August stay on
    // 500,000 (24,625 health, 45,750 pension); the September
    // redetermination from April to June pay (515,000) gives 530,000:
    // 26,102.5 → 26,103 health and 48,495 pension.
    // +10 %: 550,000, grade 32 (545,000 to 575,000) — two grades: from the
    // fourth month, July (April, May, June are the three months): 560,000,
    // 27,580 health and 51,240 pension; September keeps it.
    // Employment insurance follows the pay at once: 515,000 × 0.85 % =
    // 4,377.5 → 4,378.
    let mut plan = graded_plan(4, "2026-04", 12);
    with(&mut plan, employee("6000000", "2020-04-01"));
    plan.scenarios[0].people.raise_pct = d("3");
    plan.scenarios[0].people.raise_month = 4;
    assert_eq!(
        months_of(&plan, 0, HEALTH, 0..7),
        vec![24_625, 24_625, 24_625, 24_625, 24_625, 26_103, 26_103]
    );
    assert_eq!(burden(&plan, 0, 5, PENSION), 48_495);
    assert_eq!(burden(&plan, 0, 0, EMPLOYMENT), 4_378);
    plan.scenarios[0].people.raise_pct = d("10");
    assert_eq!(
        months_of(&plan, 0, HEALTH, 0..7),
        vec![24_625, 24_625, 24_625, 27_580, 27_580, 27_580, 27_580]
    );
    assert_eq!(months_of(&plan, 0, PENSION, 2..4), vec![45_750, 51_240]);
}

#[test]
fn the_pension_ceiling_steps_up_from_september_2027() {
    // ¥12,000,000 (1,000,000 a month), 36 months from April 2027: pension
    // 650,000 × 9.15 % = 59,475 until August 2027; 680,000 → 62,220 from
    // September 2027; 710,000 → 64,965 from September 2028; 750,000 →
    // 68,625 from September 2029. Health stays on grade 43 (955,000 to
    // 1,005,000): 980,000 × 4.925 % = 48,265.
    let mut plan = graded_plan(4, "2027-04", 36);
    with(&mut plan, employee("12000000", "2020-04-01"));
    let pension = months_of(&plan, 0, PENSION, 0..36);
    assert_eq!(pension[4], 59_475, "August 2027");
    assert_eq!(pension[5], 62_220, "September 2027");
    assert_eq!(pension[16], 62_220, "August 2028");
    assert_eq!(pension[17], 64_965, "September 2028");
    assert_eq!(pension[29], 68_625, "September 2029");
    assert_eq!(burden(&plan, 0, 5, HEALTH), 48_265);
    // The simple mode follows the same schedule of the monthly cap.
    for c in &mut plan.scenarios[0].people.burden {
        c.basis = BurdenBasis::Simple;
    }
    let pension = months_of(&plan, 0, PENSION, 0..36);
    assert_eq!(
        (pension[4], pension[5], pension[17]),
        (59_475, 62_220, 64_965)
    );
}

#[test]
fn fixed_allowances_count_in_the_grade_and_are_rows_of_base_pay() {
    // Monthly base 480,000 + commuting 15,000 + fixed overtime 30,000 =
    // 525,000: health grade 31 (515,000 to 545,000), 530,000 × 4.925 % =
    // 26,102.5 → 26,103 (the base alone, 480,000, would be grade 29,
    // 470,000). Employment insurance on all wages paid: 525,000 × 0.85 % =
    // 4,462.5 → 4,463. In a month started on the 16th of June (15 of 30
    // days) each allowance is prorated like pay: 7,500 and 15,000.
    let mut plan = graded_plan(4, "2026-04", 3);
    let mut p = employee("0", "2020-04-01");
    p.set_monthly_base(d("480000"));
    p.set_allowance("Commuting", d("15000"));
    p.set_allowance("Fixed overtime", d("30000"));
    with(&mut plan, p.clone());
    p.start = date("2026-06-16");
    with(&mut plan, p);
    let all = rows(&plan);
    let row = |p: u32, m: u16, c: Component| {
        all.iter()
            .filter(|r| r.source == Source::Position(p) && r.month == m && r.component == c)
            .map(|r| (r.category, r.amount_minor))
            .collect::<Vec<_>>()
    };
    assert_eq!(row(0, 0, Component::Main), vec![(Category::Base, 480_000)]);
    assert_eq!(
        row(0, 0, Component::Allowance(0)),
        vec![(Category::Base, 15_000)]
    );
    assert_eq!(
        row(0, 0, Component::Allowance(1)),
        vec![(Category::Base, 30_000)]
    );
    assert_eq!(category(&plan, 0, 0, Category::Base), 525_000);
    assert_eq!(burden(&plan, 0, 0, HEALTH), 26_103);
    assert_eq!(burden(&plan, 0, 0, EMPLOYMENT), 4_463);
    assert_eq!(
        row(1, 2, Component::Allowance(0)),
        vec![(Category::Base, 7_500)]
    );
    assert_eq!(
        row(1, 2, Component::Allowance(1)),
        vec![(Category::Base, 15_000)]
    );
    assert_eq!(
        burden(&plan, 1, 2, HEALTH),
        26_103,
        "a whole month on the grade"
    );
}

#[test]
fn a_monthly_base_is_raised_as_a_monthly_amount() {
    // 500,001 a month + 3.7 % = 518,501.037 → 518,501 a month (the annual
    // base 6,000,012 would give 6,222,012.444 → 6,222,012 ÷ 12 = 518,501).
    let mut plan = graded_plan(4, "2026-04", 1);
    let mut p = employee("0", "2020-04-01");
    p.set_monthly_base(d("500001"));
    with(&mut plan, p);
    plan.scenarios[0].people.raise_pct = d("3.7");
    assert_eq!(category(&plan, 0, 0, Category::Base), 518_501);
}

#[test]
fn each_first_bonus_policy() {
    // ¥6,000,000 hired on 20 May 2026; payouts of 0.8 month (400,000) in
    // June (assessment period October to March) and December (April to
    // September). A month counts when worked from its first day, so May
    // does not: June to September are 4 of the 6 months.
    // full: 400,000 in June 2026 (active on 1 June), December, June 2027;
    // prorated: June 2026 0 (0 of 6), December 400,000 × 4/6 = 266,666.67
    // → 266,667, June 2027 400,000 (October to March all worked);
    // none before a first payout: 0, 0, 400,000.
    let cases = [
        (FirstBonus::Full, [400_000, 400_000, 400_000]),
        (FirstBonus::Prorated, [0, 266_667, 400_000]),
        (FirstBonus::NoneBeforeFirstPayout, [0, 0, 400_000]),
    ];
    for (policy, expected) in cases {
        let mut plan = graded_plan(4, "2026-04", 15);
        let people = &mut plan.scenarios[0].people;
        people.first_bonus = policy;
        people.bonus_payouts = vec![
            BonusPayout {
                month: 6,
                months: d("0.8"),
                assessment: Some(Assessment { from: 10, to: 3 }),
            },
            BonusPayout {
                month: 12,
                months: d("0.8"),
                assessment: Some(Assessment { from: 4, to: 9 }),
            },
        ];
        with(&mut plan, employee("6000000", "2026-05-20"));
        // Someone in post all along gets every payout in full.
        with(&mut plan, employee("6000000", "2020-04-01"));
        let got = [2, 8, 14].map(|m| category(&plan, 0, m, Category::Bonus));
        assert_eq!(got, expected, "{policy:?}");
        let old_hand = [2, 8, 14].map(|m| category(&plan, 1, m, Category::Bonus));
        assert_eq!(old_hand, [400_000; 3], "{policy:?}");
    }
    // Without a stated period: the 6 months before the payout (December:
    // June to November, 6 of 6 for a hire of 1 June).
    let mut plan = graded_plan(4, "2026-04", 9);
    plan.scenarios[0].people.first_bonus = FirstBonus::Prorated;
    plan.scenarios[0].people.bonus_payouts = vec![BonusPayout {
        month: 12,
        months: d("0.8"),
        assessment: None,
    }];
    with(&mut plan, employee("6000000", "2026-06-01"));
    assert_eq!(category(&plan, 0, 8, Category::Bonus), 400_000);
}

#[test]
fn per_head_costs_follow_their_teams_and_contractors() {
    // DC pension ¥20,000 for Platform's employees; welfare ¥5,000 for
    // everyone, contractors included. A Platform employee: 25,000 a month,
    // in full even in a month started on the 20th; a Product employee:
    // 5,000; a Platform contractor: 5,000. With attrition of 12 % and a
    // 3-month lag, the employee's second month is × 0.99: 24,750.
    let mut plan = graded_plan(4, "2026-04", 2);
    plan.scenarios[0].people.per_head = vec![
        PerHeadCost {
            currency: None,
            name: "DC pension".into(),
            monthly: d("20000"),
            teams: vec!["Platform".into()],
            contractors: false,
        },
        PerHeadCost {
            currency: None,
            name: "Welfare".into(),
            monthly: d("5000"),
            teams: Vec::new(),
            contractors: true,
        },
    ];
    with(&mut plan, employee("6000000", "2026-04-20"));
    let mut product = employee("6000000", "2020-04-01");
    product.team = "Product".into();
    with(&mut plan, product);
    let mut contractor = employee("6000000", "2020-04-01");
    contractor.employment = Employment::Contractor;
    with(&mut plan, contractor);
    assert_eq!(category(&plan, 0, 0, Category::Benefits), 25_000);
    assert_eq!(category(&plan, 1, 0, Category::Benefits), 5_000);
    assert_eq!(category(&plan, 2, 0, Category::Benefits), 5_000);
    let dc = rows(&plan)
        .into_iter()
        .find(|r| r.component == Component::PerHead(0))
        .unwrap();
    assert_eq!(
        fleetplan::model::component_label(&plan.scenarios[0], &dc),
        "DC pension"
    );
    plan.scenarios[0].people.attrition = Attrition {
        annual_rate_pct: d("12"),
        backfill_lag_months: 3,
    };
    assert_eq!(category(&plan, 0, 1, Category::Benefits), 24_750);
    assert_eq!(category(&plan, 2, 1, Category::Benefits), 5_000);
}

#[test]
fn explain_names_the_grade_and_the_rule() {
    let mut plan = graded_plan(4, "2026-04", 3);
    with(&mut plan, employee("7200000", "2026-05-20"));
    let lines = explain(&plan, 0, 0, 1).unwrap().to_lines();
    let text = lines.join("\n");
    assert!(
        text.contains(
            "health grade 33 (standard monthly remuneration 590,000): determined at hiring from 600,000 a month"
        ),
        "{text}"
    );
    assert!(text.contains("pension grade 30"), "{text}");
    assert!(text.contains("enrolled on the month's last day"), "{text}");
    assert!(
        text.contains("4.925 % × 590,000 (standard monthly remuneration 590,000 of health grade 33, after caps) = 29,058"),
        "{text}"
    );
}

#[test]
fn graded_components_need_a_yen_plan() {
    let mut plan = graded_plan(4, "2026-04", 1);
    plan.currency = "USD".into();
    let errors = validate(&plan);
    assert!(
        errors
            .iter()
            .any(|e| e.path == "scenarios[0].people.burden[0].basis"),
        "{errors:?}"
    );
}
