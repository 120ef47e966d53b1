//! Records that earlier versions of the app left in local storage must stay
//! readable. Each fixture is what that version stored, captured from the
//! running app; a later storage format migrates from these.

use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::forecast_scenario;

/// The first app version stores the plan file itself under `fleetplan.plan`.
#[test]
fn the_first_versions_plan_record_still_loads_with_its_totals() {
    let text = include_str!("fixtures/storage/plan-record-v0.json");
    let plan = read_plan_file(text).expect("the stored record is a valid plan file");
    assert_eq!(plan.name, "FY2026 エンジニアリング予算");
    let scenario = &plan.scenarios[0];
    let titles: Vec<&str> = scenario
        .positions
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(titles, ["Backend engineer", "データエンジニア"]);
    // 6,000,000 + 7,800,000 a year, both from the first month of a 12-month horizon.
    let forecast = forecast_scenario(&plan, 0).expect("valid");
    assert_eq!(forecast.total(), 13_800_000);
}
