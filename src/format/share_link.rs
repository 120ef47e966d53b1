//! A plan carried in a link's fragment, for sharing with no server:
//! `https://…/#plan=1.<data>`, where `<data>` is the plan file (`plan_json`),
//! its insignificant whitespace removed, compressed with raw DEFLATE
//! (RFC 1951) and written in base64url without padding (RFC 4648 §5).
//!
//! The fragment (after `#`) is never sent to a server. The browser
//! compresses with its own `CompressionStream("deflate-raw")`, so the wasm
//! bundle carries no compressor; this module does the rest and is tested
//! natively with a DEFLATE of Rust's (miniz_oxide, a test dependency only).
//! Any DEFLATE decoder reads what any encoder wrote, so the two meet.
//!
//! Size: chat tools and mail clients keep links of up to about 8,000
//! characters whole ([`LINK_LIMIT`]); the 60-position demo plan's link
//! (an 83 KB plan file) takes about 3,400 (tested below).

use std::fmt;

/// What starts a fragment that carries a plan (after the `#`).
pub const PREFIX: &str = "plan=";
/// The version of the encoding, first in the data.
pub const VERSION: &str = "1";
/// The longest link, in characters, that chat tools and mail clients keep
/// whole: a plan whose link is longer is offered as a file instead.
pub const LINK_LIMIT: usize = 8_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// A version of the encoding this planner does not read.
    Version(String),
    /// A character outside base64url, or a length base64 never has.
    Encoding,
    /// The data does not inflate (cut short, or not DEFLATE).
    Compression,
    /// The inflated data is not UTF-8 text.
    Text,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Version(v) => write!(f, "link version {v} is not one this planner reads"),
            Self::Encoding => f.write_str("the link is damaged or cut short"),
            Self::Compression => f.write_str("the link's data is damaged or cut short"),
            Self::Text => f.write_str("the link's data is not text"),
        }
    }
}

/// The plan file's text without whitespace between its tokens: the same
/// JSON, smaller. Whitespace inside strings is kept.
pub fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}

/// The fragment (without `#`) for compressed plan bytes.
pub fn fragment(deflated: &[u8]) -> String {
    format!("{PREFIX}{VERSION}.{}", base64url_encode(deflated))
}

/// The compressed bytes a fragment carries: `None` when the fragment does
/// not carry a plan (a view's name, `#headcount`), else the bytes or why
/// they cannot be read. Takes the fragment with or without its `#`.
pub fn deflated(fragment: &str) -> Option<Result<Vec<u8>, LinkError>> {
    let data = fragment.trim_start_matches('#').strip_prefix(PREFIX)?;
    let (version, data) = data.split_once('.').unwrap_or((data, ""));
    if version != VERSION {
        return Some(Err(LinkError::Version(version.chars().take(8).collect())));
    }
    Some(base64url_decode(data).ok_or(LinkError::Encoding))
}

/// The text inflated from a link, checked to be UTF-8.
pub fn text(inflated: Vec<u8>) -> Result<String, LinkError> {
    String::from_utf8(inflated).map_err(|_| LinkError::Text)
}

/// The whole link for `base` (the planner's address without its fragment).
pub fn link(base: &str, deflated: &[u8]) -> String {
    format!("{base}#{}", fragment(deflated))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url with or without padding; `None` for any other character
/// or an impossible length.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

// Native only: the browser compresses with its own CompressionStream, and
// miniz_oxide is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::plan_json::{read_plan_file, write_plan_file};
    use crate::model::YearMonth;
    use crate::model::presets::demo_plan;

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        // Level 6: zlib's default, which browsers' CompressionStream uses.
        miniz_oxide::deflate::compress_to_vec(bytes, 6)
    }

    fn inflate(bytes: &[u8]) -> Result<Vec<u8>, LinkError> {
        miniz_oxide::inflate::decompress_to_vec(bytes).map_err(|_| LinkError::Compression)
    }

    fn demo() -> crate::model::Plan {
        demo_plan(YearMonth::new(2027, 4).unwrap())
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url_encode(&bytes);
            assert!(text.bytes().all(|c| ALPHABET.contains(&c)), "{text}");
            assert_eq!(base64url_decode(&text), Some(bytes));
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("-_8="), Some(b"\xfb\xff".to_vec()));
        assert_eq!(base64url_decode("abcde"), None);
        assert_eq!(base64url_decode("ab+c"), None);
    }

    #[test]
    fn minified_json_is_the_same_json() {
        let text = write_plan_file(&demo());
        let small = minify_json(&text);
        assert!(small.len() < text.len());
        let a: serde_json::Value = serde_json::from_str(&text).unwrap();
        let b: serde_json::Value = serde_json::from_str(&small).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            minify_json(r#"{ "a b": "x \" y\\", "c": [1, 2] }"#),
            r#"{"a b":"x \" y\\","c":[1,2]}"#
        );
    }

    /// The round trip of the plan, as the browser makes and opens a link:
    /// the plan file written again from the link is the same bytes.
    #[test]
    fn the_demo_plan_round_trips_byte_identical_in_a_link_under_the_limit() {
        let plan = demo();
        let file = write_plan_file(&plan);
        let url = link(
            "http://127.0.0.1:8080/",
            &deflate(minify_json(&file).as_bytes()),
        );
        assert!(
            url.len() < LINK_LIMIT,
            "the 60-position demo takes {} characters",
            url.len()
        );
        println!(
            "the demo plan's link: {} characters (file {} bytes)",
            url.len(),
            file.len()
        );
        let fragment = &url[url.find('#').unwrap()..];
        let bytes = deflated(fragment).unwrap().unwrap();
        let text = text(inflate(&bytes).unwrap()).unwrap();
        let opened = read_plan_file(&text).unwrap();
        assert_eq!(write_plan_file(&opened), file);
        assert_eq!(opened, plan);
    }

    #[test]
    fn other_fragments_are_not_links_and_damage_is_named() {
        assert_eq!(deflated("#headcount"), None);
        assert_eq!(deflated(""), None);
        assert_eq!(
            deflated("#plan=9.AAAA"),
            Some(Err(LinkError::Version("9".into())))
        );
        assert_eq!(deflated("#plan=1.a*b"), Some(Err(LinkError::Encoding)));
        let whole = fragment(&deflate(b"{\"x\":1}"));
        let cut = &whole[..whole.len() - 4];
        let bytes = deflated(cut).unwrap().unwrap();
        assert!(inflate(&bytes).is_err());
        assert_eq!(text(vec![0xff, 0xfe]), Err(LinkError::Text));
    }
}
