//! Plan-file and CSV formats: pure functions from model to text and back.

pub mod actuals;
pub mod decode;
pub mod export;
pub mod focus;
pub mod import;
pub mod input;
pub mod pivot;
pub mod plan_json;
pub mod record;
pub mod share_link;
pub mod table;
pub mod values;
pub mod variance;
