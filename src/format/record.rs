//! TEMPORARY stand-in while the real codec is written in /work/wt-record. Not committed.
use crate::format::plan_json::{parse_plan_file, write_plan_file};
use crate::model::Plan;
pub const RECORD_VERSION: u32 = 2;
pub struct Record {
    pub plan: Plan,
    pub revision: u64,
    pub version: u32,
}
#[derive(Debug)]
pub enum RecordError {
    Newer { version: u32 },
    Unreadable(String),
}
impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Newer { version } => write!(f, "newer {version}"),
            Self::Unreadable(r) => f.write_str(r),
        }
    }
}
pub fn encode_record(plan: &Plan, revision: u64) -> String {
    format!("fleetplan-record 2 r={revision}\n{}", write_plan_file(plan))
}
pub fn record_revision(text: &str) -> Option<u64> {
    if text.starts_with('{') {
        return Some(0);
    }
    let head = text.lines().next()?;
    head.split(' ')
        .find_map(|p| p.strip_prefix("r=")?.parse().ok())
}
pub fn decode_record(text: &str) -> Result<Record, RecordError> {
    if text.starts_with('{') {
        return parse_plan_file(text)
            .map(|plan| Record {
                plan,
                revision: 0,
                version: 1,
            })
            .map_err(|e| RecordError::Unreadable(e[0].to_string()));
    }
    let (head, body) = text
        .split_once('\n')
        .ok_or(RecordError::Unreadable("no header".into()))?;
    let mut parts = head.split(' ');
    if parts.next() != Some("fleetplan-record") {
        return Err(RecordError::Unreadable("not a record".into()));
    }
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(RecordError::Unreadable("no version".into()))?;
    if version > RECORD_VERSION {
        return Err(RecordError::Newer { version });
    }
    let revision = record_revision(text).ok_or(RecordError::Unreadable("no revision".into()))?;
    parse_plan_file(body)
        .map(|plan| Record {
            plan,
            revision,
            version,
        })
        .map_err(|e| RecordError::Unreadable(e[0].to_string()))
}

pub fn record_header(text: &str) -> Option<(u32, u64)> {
    match decode_record(text) {
        Ok(r) => Some((r.version, r.revision)),
        Err(RecordError::Newer { version }) => Some((version, 0)),
        Err(_) => None,
    }
}
