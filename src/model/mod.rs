//! The planning domain: pure Rust, no browser code.
