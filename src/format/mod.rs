//! Plan-file and CSV formats: pure functions from model to text and back.

pub mod csv;
pub mod input;
pub mod plan_json;
