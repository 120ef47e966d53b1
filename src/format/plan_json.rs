//! The versioned plan file: `{"format": "fleetplan-plan", "version": 1, "plan": {...}}`.
//!
//! The browser stores and exports plans in this format and the CLI reads it.
//! A reader refuses other formats and versions it does not know with a clear
//! message; field errors carry the JSON path of the field
//! (`plan.scenarios[0].positions[3].fte: invalid decimal "abc" ...`).
//! See docs/plan-format.md.

use serde::{Deserialize, Serialize};

use crate::model::{Plan, PlanError, validate};

/// The `format` value of a plan file.
pub const FORMAT: &str = "fleetplan-plan";
/// The version this build writes, and the newest it reads.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    plan: &'a Plan,
}

/// Just the envelope, read before the plan so that a file of another
/// version is reported as such rather than as a field error.
#[derive(Deserialize)]
struct Envelope {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    plan: Option<serde_json::Value>,
}

/// Reads and validates a plan file. Errors name the JSON path of each field.
pub fn read_plan_file(text: &str) -> Result<Plan, Vec<PlanError>> {
    let plan = parse_plan_file(text)?;
    let errors = validate(&plan);
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors
            .into_iter()
            .map(|e| PlanError::new(prefixed(&e.path), e.message))
            .collect())
    }
}

/// Reads a plan file without validating the plan's values (a UI may want to
/// open a plan with errors and show them next to their fields).
pub fn parse_plan_file(text: &str) -> Result<Plan, Vec<PlanError>> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        vec![PlanError::new(
            "",
            format!("not a Fleetplan plan file: the text is not a JSON object ({e})"),
        )]
    })?;
    match envelope.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(vec![PlanError::new(
                "format",
                format!(
                    "this is a \u{201c}{other}\u{201d} file, not a Fleetplan plan (\u{201c}{FORMAT}\u{201d})"
                ),
            )]);
        }
        None => {
            return Err(vec![PlanError::new(
                "format",
                format!("not a Fleetplan plan file: \"format\": \"{FORMAT}\" is missing"),
            )]);
        }
    }
    match envelope
        .version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
    {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return Err(vec![PlanError::new(
                "version",
                format!(
                    "the plan file is version {v}, written by a newer Fleetplan; this one reads version {VERSION}"
                ),
            )]);
        }
        _ => {
            return Err(vec![PlanError::new(
                "version",
                format!("unsupported plan file version; expected {VERSION}"),
            )]);
        }
    }
    let Some(plan) = envelope.plan else {
        return Err(vec![PlanError::new("plan", "the file has no plan")]);
    };
    serde_path_to_error::deserialize::<_, Plan>(plan).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![PlanError::new(prefixed(&path), e.into_inner().to_string())]
    })
}

fn prefixed(path: &str) -> String {
    if path.is_empty() {
        "plan".to_string()
    } else {
        format!("plan.{path}")
    }
}

/// The plan as a pretty-printed plan file, fields in a fixed order.
pub fn write_plan_file(plan: &Plan) -> String {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        plan,
    };
    let mut text =
        serde_json::to_string_pretty(&file).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::YearMonth;

    fn blank() -> Plan {
        Plan::blank("Test", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12)
    }

    #[test]
    fn round_trips() {
        let mut plan = blank();
        plan.scenarios[0].add_position(
            "Engineer",
            "Core",
            rust_decimal::Decimal::from(6_000_000),
            YearMonth::new(2026, 4).unwrap().first_day(),
        );
        let text = write_plan_file(&plan);
        assert!(text.starts_with("{\n  \"format\": \"fleetplan-plan\",\n  \"version\": 1,"));
        assert!(text.contains("\"annual_base\": \"6000000\""), "{text}");
        assert_eq!(read_plan_file(&text), Ok(plan));
    }

    #[test]
    fn refuses_other_formats_and_versions() {
        let e =
            read_plan_file("{\"format\": \"other\", \"version\": 1, \"plan\": {}}").unwrap_err();
        assert_eq!(e[0].path, "format");
        let e = read_plan_file("{\"format\": \"fleetplan-plan\", \"version\": 2, \"plan\": {}}")
            .unwrap_err();
        assert!(e[0].message.contains("newer"), "{}", e[0]);
        let e = read_plan_file("[1, 2]").unwrap_err();
        assert!(
            e[0].message.contains("not a Fleetplan plan file"),
            "{}",
            e[0]
        );
        let e = read_plan_file("{\"format\": \"fleetplan-plan\", \"version\": 1}").unwrap_err();
        assert_eq!(e[0].path, "plan");
    }
}
