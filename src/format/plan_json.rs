//! The versioned plan file: `{"format": "fleetplan-plan", "version": 1, "plan": {...}}`.
//!
//! The browser stores and exports plans in this format and the CLI reads it.
//! A reader refuses other formats and versions it does not know with a clear
//! message; field errors carry the JSON path of the field
//! (`plan.scenarios[0].positions[3].fte: invalid decimal "abc" ...`).
//! See docs/plan-format.md.

use serde::{Deserialize, Serialize};

use crate::model::{Plan, PlanError, Problem, validate};

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
/// version is reported as such rather than as a field error. Its other
/// top-level fields are collected (their values skipped, not copied):
/// each is an error, as every unknown field of a plan file is.
struct Envelope {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    plan: Option<serde::de::IgnoredAny>,
    unknown: Vec<String>,
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Envelope;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a plan file object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Envelope, A::Error> {
                let mut envelope = Envelope {
                    format: None,
                    version: None,
                    plan: None,
                    unknown: Vec::new(),
                };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => envelope.format = Some(map.next_value()?),
                        "version" => envelope.version = Some(map.next_value()?),
                        "plan" => envelope.plan = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                            envelope.unknown.push(key);
                        }
                    }
                }
                Ok(envelope)
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// Reads a plan file from the bytes of a file: decoded as every file the
/// planner reads is ([`super::decode::decode`]: UTF-8 with or without BOM,
/// UTF-16 with BOM, Shift_JIS), then [`read_plan_file`]. The browser and the
/// command line open plan files through this, so they agree.
pub fn read_plan_bytes(bytes: &[u8]) -> Result<Plan, PlanFileError> {
    let text = super::decode::decode(bytes)
        .map_err(PlanFileError::NotText)?
        .text;
    read_plan_file(&text).map_err(PlanFileError::Plan)
}

/// Why a plan file's bytes did not open.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanFileError {
    /// Not text in an encoding the planner reads.
    NotText(super::decode::DecodeError),
    /// The plan file's problems, with their paths.
    Plan(Vec<PlanError>),
}

/// The plan of a file whose envelope was checked.
#[derive(Deserialize)]
struct PlanOnly {
    plan: Plan,
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
            .map(|e| PlanError {
                path: prefixed(&e.path),
                ..e
            })
            .collect())
    }
}

/// Reads a plan file without validating the plan's values (a UI may want to
/// open a plan with errors and show them next to their fields).
pub fn parse_plan_file(text: &str) -> Result<Plan, Vec<PlanError>> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        vec![PlanError::at(
            "",
            Problem::NotJson {
                detail: e.to_string(),
            },
        )]
    })?;
    match envelope.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(vec![PlanError::at(
                "format",
                Problem::OtherFormat {
                    found: other.to_string(),
                    expected: FORMAT.to_string(),
                },
            )]);
        }
        None => {
            return Err(vec![PlanError::at(
                "format",
                Problem::FormatMissing {
                    expected: FORMAT.to_string(),
                },
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
            return Err(vec![PlanError::at(
                "version",
                Problem::NewerVersion {
                    version: v,
                    supported: VERSION,
                },
            )]);
        }
        _ => {
            return Err(vec![PlanError::at(
                "version",
                Problem::UnsupportedVersion { expected: VERSION },
            )]);
        }
    }
    if !envelope.unknown.is_empty() {
        return Err(envelope
            .unknown
            .iter()
            .map(|key| {
                PlanError::at(
                    key.clone(),
                    Problem::Unreadable {
                        detail: format!(
                            "unknown field `{key}`, expected one of `format`, `version`, `plan`"
                        ),
                    },
                )
            })
            .collect());
    }
    if envelope.plan.is_none() {
        return Err(vec![PlanError::at("plan", Problem::FileHasNoPlan)]);
    }
    serde_json::from_str::<PlanOnly>(text)
        .map(|file| {
            let mut plan = file.plan;
            // Actuals in a file written by hand may come in any order; kept
            // sorted (a stable sort, so two amounts of one key stay side by
            // side for validation to name).
            plan.actuals.amounts.sort_by(|a, b| a.key().cmp(&b.key()));
            plan.actuals
                .heads
                .sort_by(|a, b| (a.month, &a.team).cmp(&(b.month, &b.team)));
            plan
        })
        .map_err(|e| {
            // serde_json says where it stopped; the field is found from there,
            // which costs far less wasm than tracking paths while parsing.
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message
                .strip_suffix(&suffix)
                .unwrap_or(&message)
                .to_string();
            let mut path = json_path_at(text, e.line(), e.column());
            if message.starts_with("missing field") {
                // Reported where the object ends: the path is the object's.
                path = path
                    .trim_end_matches(|c| c != '.' && c != ']')
                    .trim_end_matches('.')
                    .to_string();
            }
            vec![PlanError::at(
                if path.is_empty() {
                    "plan".to_string()
                } else {
                    path
                },
                Problem::Unreadable { detail: message },
            )]
        })
}

/// The JSON path (`plan.scenarios[0].positions[3].fte`) of the value being
/// read at a 1-based line and byte column of `text`.
fn json_path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object {
            key: Option<String>,
            expecting_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let bytes = text.as_bytes();
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let end = (line_start + column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    expecting_key: true,
                }) = stack.last_mut()
                {
                    let raw = text.get(start..=i.min(bytes.len() - 1)).unwrap_or("\"\"");
                    *key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
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

    #[test]
    fn unknown_top_level_fields_are_errors() {
        let text = write_plan_file(&blank());
        let extra = text.replacen(
            "{\n",
            "{\n  \"comment\": {\"a\": [1]},\n  \"plans\": 1,\n",
            1,
        );
        let e = read_plan_file(&extra).unwrap_err();
        let paths: Vec<&str> = e.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["comment", "plans"]);
        assert_eq!(
            e[0].to_string(),
            "comment: unknown field `comment`, expected one of `format`, `version`, `plan`"
        );
        assert_eq!(read_plan_file(&text), Ok(blank()));
    }

    #[test]
    fn plan_files_are_decoded_as_every_file_is() {
        let mut plan = blank();
        plan.name = "エンジニア計画".to_string();
        let text = write_plan_file(&plan);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_plan_bytes(&utf16), Ok(plan.clone()));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(read_plan_bytes(&bom), Ok(plan.clone()));
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        assert_eq!(read_plan_bytes(&sjis), Ok(plan));
        assert!(matches!(
            read_plan_bytes(b"{\xFF\xFF}"),
            Err(PlanFileError::NotText(_))
        ));
    }
}
