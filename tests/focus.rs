//! Cloud bills in FOCUS as actuals (docs/actuals.md, "Cloud bills
//! (FOCUS)"), from files written after the specification's column
//! definitions, checked against sums done by hand.

use fleetplan::format::actuals::ActualsProblem;
use fleetplan::format::focus::{
    FocusCost, FocusOptions, FocusReader, TeamSource, preview_focus, start_cloud_lines,
};
use fleetplan::model::{Category, CloudCategory, ExchangeRate, Plan, YearMonth, validate};
use rust_decimal::Decimal;

const AWS: &str = include_str!("fixtures/focus/focus-1.2-aws.csv");

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// A yen plan of FY2026 with teams Web and Data, and the dollar at ¥150 in
/// its base scenario.
fn plan() -> Plan {
    let mut plan = Plan::blank("クラウド", "JPY", 4, ym(2026, 4), 12);
    let s = &mut plan.scenarios[0];
    s.ensure_team("Web");
    s.ensure_team("Data");
    s.exchange_rates.push(ExchangeRate {
        currency: "USD".into(),
        from: ym(2026, 4),
        rate: Decimal::from(150),
    });
    assert!(validate(&plan).is_empty());
    plan
}

fn by_tag() -> FocusOptions {
    FocusOptions {
        team_source: TeamSource::Tag("team".into()),
        ..Default::default()
    }
}

fn amount(plan: &Plan, month: YearMonth, team: Option<&str>, cloud: CloudCategory) -> Decimal {
    plan.actuals
        .amounts_of(month, Category::Cloud, team)
        .filter(|a| a.cloud_category == Some(cloud))
        .map(|a| a.amount)
        .sum()
}

#[test]
fn effective_cost_by_tag_converted_once_per_month_team_and_category() {
    let mut plan = plan();
    let preview = preview_focus(&plan, AWS.as_bytes(), by_tag()).unwrap();
    assert!(
        preview.actuals.errors.is_empty(),
        "{:?}",
        preview.actuals.errors
    );
    // Seven rows; the last has a NULL EffectiveCost: nothing to add.
    assert_eq!((preview.actuals.rows, preview.actuals.skipped), (7, 1));
    preview.actuals.apply(&mut plan, true).unwrap();
    // Web's compute: $90.50 − $10.00 credit = $80.50 at ¥150 = ¥12,075.
    assert_eq!(
        amount(&plan, ym(2026, 4), Some("Web"), CloudCategory::Compute),
        Decimal::from(12_075)
    );
    // Data's storage: $20.00 = ¥3,000.
    assert_eq!(
        amount(&plan, ym(2026, 4), Some("Data"), CloudCategory::Storage),
        Decimal::from(3_000)
    );
    // No team key ({}): $5.25 of Databases (→ data) = ¥787.5 → ¥788.
    assert_eq!(
        amount(&plan, ym(2026, 4), None, CloudCategory::Data),
        Decimal::from(788)
    );
    // The Tax row (Tags NULL) counts, in category other: $8 = ¥1,200.
    assert_eq!(
        amount(&plan, ym(2026, 4), None, CloudCategory::Other),
        Decimal::from(1_200)
    );
    // May is billed in yen: no conversion, no rate kept.
    let may: Vec<_> = plan
        .actuals
        .amounts_of(ym(2026, 5), Category::Cloud, None)
        .collect();
    assert_eq!(may.len(), 1);
    assert_eq!(may[0].amount, Decimal::from(1_500));
    assert!(may[0].foreign.is_none());
    // The dollar amounts keep what was billed and the rate.
    let web = plan
        .actuals
        .amounts_of(ym(2026, 4), Category::Cloud, Some("Web"))
        .next()
        .unwrap();
    let foreign = web.foreign.as_ref().unwrap();
    assert_eq!(
        (foreign.currency.as_str(), foreign.amount, foreign.rate),
        ("USD", Decimal::new(805, 1), Decimal::from(150))
    );
    assert_eq!(plan.actuals.closed_through, Some(ym(2026, 5)));
    // The same bill again changes nothing.
    let again = preview_focus(&plan, AWS.as_bytes(), by_tag()).unwrap();
    assert!(again.actuals.changes.is_empty());
    // What the preview offers to map.
    assert_eq!(
        preview.tag_keys,
        vec!["env".to_string(), "team".to_string()]
    );
    let values: Vec<(&str, Option<&str>)> = preview
        .team_values
        .iter()
        .map(|v| (v.value.as_str(), v.team.as_deref()))
        .collect();
    assert_eq!(values, vec![("data", Some("Data")), ("web", Some("Web"))]);
    assert_eq!(preview.currencies.len(), 1);
    assert_eq!(preview.currencies[0].code, "USD");
}

#[test]
fn billed_cost_a_mapped_team_and_the_last_full_month() {
    let plan = plan();
    let mut options = by_tag();
    options.cost = FocusCost::Billed;
    options.teams.insert("data".into(), None);
    options
        .categories
        .insert("other".into(), CloudCategory::Network);
    let preview = preview_focus(&plan, AWS.as_bytes(), options).unwrap();
    assert!(preview.actuals.errors.is_empty());
    // BilledCost NULL on the RDS row: skipped this time; the Lambda row
    // counts ($0.0000005 = ¥0.000075 → ¥0).
    assert_eq!(preview.actuals.skipped, 1);
    let total = |team: Option<&str>, cloud| -> Decimal {
        preview
            .actuals
            .amounts
            .iter()
            .filter(|a| {
                a.month == ym(2026, 4)
                    && a.team.as_deref() == team
                    && a.cloud_category == Some(cloud)
            })
            .map(|a| a.amount)
            .sum()
    };
    // $100 − $10 = $90 = ¥13,500; Data's storage went to no team.
    assert_eq!(
        total(Some("Web"), CloudCategory::Compute),
        Decimal::from(13_500)
    );
    assert_eq!(total(None, CloudCategory::Storage), Decimal::from(3_000));
    // Tax mapped to network by the person.
    assert_eq!(total(None, CloudCategory::Network), Decimal::from(1_200));
    // April is the last month a charge period runs to the end of.
    assert_eq!(preview.last_full_month, Some(ym(2026, 4)));
    let mut scenario = plan.scenarios[0].clone();
    let set = start_cloud_lines(&mut scenario, &preview, |c| c.as_str().to_string());
    assert_eq!(set, 3);
    let compute = scenario
        .cloud
        .lines
        .iter()
        .find(|l| l.category == CloudCategory::Compute)
        .unwrap();
    assert_eq!(compute.on_demand_monthly, Decimal::from(13_500));
}

#[test]
fn teams_from_sub_account_names_mapped_in_the_preview() {
    let mut plan = plan();
    let mut options = FocusOptions {
        team_source: TeamSource::SubAccountName,
        ..Default::default()
    };
    // The person maps two accounts; "shared" is no team's name: no team.
    options.teams.insert("prod-web".into(), Some("Web".into()));
    options.teams.insert("tokyo".into(), Some("Data".into()));
    let preview = preview_focus(&plan, AWS.as_bytes(), options).unwrap();
    assert!(
        preview.actuals.errors.is_empty(),
        "{:?}",
        preview.actuals.errors
    );
    let values: Vec<(&str, Option<&str>)> = preview
        .team_values
        .iter()
        .map(|v| (v.value.as_str(), v.team.as_deref()))
        .collect();
    assert_eq!(
        values,
        vec![
            ("prod-web", Some("Web")),
            ("shared", None),
            ("tokyo", Some("Data"))
        ]
    );
    preview.actuals.apply(&mut plan, true).unwrap();
    // prod-web in April: $90.50 − $10.00 credit of compute = ¥12,075, $20
    // of storage = ¥3,000 and the $8 Tax row = ¥1,200, all Web's now
    // (the tags said Data for the storage; the account decides here).
    assert_eq!(
        amount(&plan, ym(2026, 4), Some("Web"), CloudCategory::Compute),
        Decimal::from(12_075)
    );
    assert_eq!(
        amount(&plan, ym(2026, 4), Some("Web"), CloudCategory::Storage),
        Decimal::from(3_000)
    );
    assert_eq!(
        amount(&plan, ym(2026, 4), Some("Web"), CloudCategory::Other),
        Decimal::from(1_200)
    );
    assert_eq!(
        amount(&plan, ym(2026, 4), Some("Data"), CloudCategory::Storage),
        Decimal::ZERO
    );
    // "shared": the $5.25 database row is of no team, ¥787.5 → ¥788.
    assert_eq!(
        amount(&plan, ym(2026, 4), None, CloudCategory::Data),
        Decimal::from(788)
    );
    // "tokyo" billed ¥1,500 of networking in May: Data's, unconverted.
    assert_eq!(
        amount(&plan, ym(2026, 5), Some("Data"), CloudCategory::Network),
        Decimal::from(1_500)
    );
}

#[test]
fn a_second_currency_needs_a_rate_and_takes_the_one_given() {
    let plan = plan();
    let eur = "BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ServiceCategory\n\
               12.34,12.34,EUR,2026-06-01T00:00:00Z,Compute\n\
               1.00,1.00,EUR,2026-06-02T00:00:00Z,Compute\n\
               1.00,1.00,USD,2026-06-02T00:00:00Z,Storage\n";
    let preview = preview_focus(&plan, eur.as_bytes(), FocusOptions::default()).unwrap();
    assert_eq!(preview.actuals.errors.len(), 1, "reported once");
    assert_eq!(preview.actuals.errors[0].line, 2);
    assert!(matches!(
        preview.actuals.errors[0].problem,
        ActualsProblem::NoRate { .. }
    ));
    let mut options = FocusOptions::default();
    options.rates.insert("EUR".into(), Decimal::new(16512, 2));
    let preview = preview_focus(&plan, eur.as_bytes(), options).unwrap();
    assert!(preview.actuals.errors.is_empty());
    // €13.34 at ¥165.12 = ¥2,202.6… → ¥2,203.
    let compute: Decimal = preview
        .actuals
        .amounts
        .iter()
        .filter(|a| a.cloud_category == Some(CloudCategory::Compute))
        .map(|a| a.amount)
        .sum();
    assert_eq!(compute, Decimal::from(2_203));
    assert!(
        preview
            .currencies
            .iter()
            .any(|c| c.code == "EUR" && c.asked)
    );
}

#[test]
fn a_file_missing_required_columns_names_them_and_reads_nothing() {
    let plan = plan();
    let file = "BilledCost,ChargePeriodStart,ServiceName\n1,2026-04-01,EC2\n";
    let preview = preview_focus(&plan, file.as_bytes(), FocusOptions::default()).unwrap();
    assert_eq!(preview.actuals.errors.len(), 1);
    assert_eq!(
        preview.actuals.errors[0].to_string(),
        "line 1: this is not a FOCUS cost file: it has no EffectiveCost, BillingCurrency, \
         ServiceCategory columns"
    );
    assert_eq!(preview.actuals.rows, 0);
}

#[test]
fn the_reader_reads_in_slices_and_reports_progress() {
    let plan = plan();
    let mut reader = FocusReader::start(&plan, AWS.as_bytes(), by_tag()).unwrap();
    assert!(!reader.read(2));
    let (read, all) = reader.progress();
    assert!(read > 0 && read < all);
    while !reader.read(2) {}
    let preview = reader.finish(&plan);
    assert_eq!(preview.actuals.rows, 7);
}

// proptest builds natively only.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes give an error or a preview, never a panic.
        #[test]
        fn any_bytes_give_an_error_or_a_preview(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let plan = plan();
            let _ = preview_focus(&plan, &bytes, by_tag());
        }

        /// A real header with rows of arbitrary cells never panics either.
        #[test]
        fn any_cells_under_a_focus_header(rows in proptest::collection::vec(
            proptest::collection::vec("[-0-9A-Za-z.,:{}\"NUL ]{0,12}", 5), 0..20)) {
            let plan = plan();
            let mut text = String::from("EffectiveCost,BillingCurrency,ChargePeriodStart,ServiceCategory,Tags\n");
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
                text.push_str(&cells.join(","));
                text.push('\n');
            }
            let _ = preview_focus(&plan, text.as_bytes(), by_tag());
        }
    }
}
