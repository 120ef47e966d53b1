//! Plan-file and CSV formats: pure functions from model to text and back.

pub mod input;
