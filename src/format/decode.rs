//! Turning the bytes of a file people chose into text: one function,
//! [`decode`], for every file the planner reads (roster CSV, plan files, and
//! the imports that come after them), in the browser and on the command line.
//!
//! What people really have:
//! - UTF-8, with or without a byte-order mark (`EF BB BF`): "CSV UTF-8",
//!   every plan file, most tools;
//! - UTF-16 with a byte-order mark (`FF FE` little-endian, `FE FF`
//!   big-endian): Excel's "Unicode text", tab-separated;
//! - Shift_JIS as Windows writes it (CP932, WHATWG's `Shift_JIS`): what
//!   Japanese Excel saves as "CSV".
//!
//! A file without a byte-order mark is UTF-8 when it is valid UTF-8, else
//! Shift_JIS when it is valid Shift_JIS, else refused: [`DecodeError`] says
//! which encodings were tried and on which line the first byte that none of
//! them reads is. Nothing is ever replaced by U+FFFD: a name that cannot be
//! read is refused, never saved garbled.
//!
//! UTF-8 and UTF-16 are decoded here, in Rust. Shift_JIS needs the JIS X
//! 0208 table: in the browser it is the browser's own `TextDecoder` (no wasm
//! bytes), natively `encoding_rs`, which implements the same WHATWG decoder.
//! `tests/web.rs` checks in Chromium that both give the same text for every
//! two-byte sequence.

use std::fmt;

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Shift_JIS with Microsoft's extensions (CP932, Windows-31J).
    ShiftJis,
}

impl Encoding {
    /// The encoding's name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::ShiftJis => "Shift_JIS (CP932)",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Text read from a file, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without the byte-order mark.
    pub text: String,
    pub encoding: Encoding,
}

/// Why a file's bytes are not text the planner reads. Each names the
/// encoding(s) tried and the line (1-based) of the first byte that could
/// not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A byte-order mark promised this encoding, and line `line` breaks it.
    Broken { encoding: Encoding, line: usize },
    /// No byte-order mark; line `line` is neither UTF-8 nor Shift_JIS.
    Unknown { line: usize },
    /// NUL bytes between the letters and no byte-order mark: UTF-16 whose
    /// byte order cannot be known.
    Utf16WithoutBom,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Broken { encoding, line } => write!(
                f,
                "the file starts as {encoding} text, but line {line} is not {encoding}: save it again as \u{201c}CSV UTF-8\u{201d}"
            ),
            DecodeError::Unknown { line } => write!(
                f,
                "line {line} is neither UTF-8 nor Shift_JIS (CP932) text: save the file as \u{201c}CSV UTF-8\u{201d}"
            ),
            DecodeError::Utf16WithoutBom => f.write_str(
                "this looks like UTF-16 text without a byte-order mark: save it again as \u{201c}CSV UTF-8\u{201d} or \u{201c}Unicode text\u{201d}",
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads `bytes` as text (see the module's documentation for the rules).
/// Pure apart from Shift_JIS, which asks the platform's decoder; the same
/// bytes give the same text or the same error everywhere.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(Decoded {
                text: text.to_string(),
                encoding: Encoding::Utf8Bom,
            }),
            Err(e) => Err(DecodeError::Broken {
                encoding: Encoding::Utf8Bom,
                line: line_at(rest, e.valid_up_to()),
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, Encoding::Utf16Le, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, Encoding::Utf16Be, u16::from_be_bytes);
    }
    let bad_utf8 = match std::str::from_utf8(bytes) {
        Ok(text) => {
            if looks_like_utf16(bytes) {
                return Err(DecodeError::Utf16WithoutBom);
            }
            return Ok(Decoded {
                text: text.to_string(),
                encoding: Encoding::Utf8,
            });
        }
        Err(e) => e.valid_up_to(),
    };
    match shift_jis(bytes) {
        Some(text) => Ok(Decoded {
            text,
            encoding: Encoding::ShiftJis,
        }),
        None => Err(DecodeError::Unknown {
            line: line_at(bytes, bad_utf8),
        }),
    }
}

fn utf16(
    bytes: &[u8],
    encoding: Encoding,
    unit: fn([u8; 2]) -> u16,
) -> Result<Decoded, DecodeError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => Ok(unit([*a, *b])),
        // An odd byte at the end.
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut line = 1;
    let mut pending_cr = false;
    let mut units = units.peekable();
    while let Some(u) = units.next() {
        let Ok(u) = u else {
            return Err(DecodeError::Broken { encoding, line });
        };
        let c = if (0xD800..0xDC00).contains(&u) {
            match units.peek() {
                Some(Ok(low)) if (0xDC00..0xE000).contains(low) => {
                    let low = *low;
                    units.next();
                    char::from_u32(
                        0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )
                }
                _ => None,
            }
        } else {
            char::from_u32(u32::from(u))
        };
        let Some(c) = c else {
            return Err(DecodeError::Broken { encoding, line });
        };
        // Lines as the CSV reader counts them: CRLF, CR or LF.
        if c == '\n' {
            if !pending_cr {
                line += 1;
            }
        } else if c == '\r' {
            line += 1;
        }
        pending_cr = c == '\r';
        text.push(c);
    }
    Ok(Decoded { text, encoding })
}

/// Valid UTF-8 whose first bytes are half NUL: UTF-16 of ASCII letters,
/// which no CSV or plan file holds otherwise.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(256)];
    head.len() >= 4 && head.iter().filter(|&&b| b == 0).count() * 3 >= head.len()
}

/// The 1-based line of byte `offset`: line ends are CRLF, CR or LF.
pub fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + count_line_breaks(&bytes[..offset.min(bytes.len())])
}

/// How many line ends (CRLF, CR alone or LF alone) `bytes` holds.
pub fn count_line_breaks(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut previous = 0u8;
    for &b in bytes {
        if b == b'\r' || (b == b'\n' && previous != b'\r') {
            n += 1;
        }
        previous = b;
    }
    n
}

/// Shift_JIS (WHATWG, as browsers decode it), or `None` for any byte
/// sequence it does not map: no replacement characters.
#[cfg(target_arch = "wasm32")]
pub fn shift_jis(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Shift_JIS (WHATWG, as browsers decode it), or `None` for any byte
/// sequence it does not map: no replacement characters.
#[cfg(not(target_arch = "wasm32"))]
pub fn shift_jis(bytes: &[u8]) -> Option<String> {
    encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

/// [`decode`] a slice at a time, so a browser reads a large file between
/// frames (a 34 MB bill decoded whole held the page for 110–230 ms). UTF-8,
/// with or without its mark, is checked and copied up to `slice` bytes per
/// [`step`](Self::step), a character cut by a slice's end carried to the
/// next; anything else (UTF-16, Shift_JIS, broken UTF-8) is left to
/// [`decode`] in one step. The result is always [`decode`]'s.
pub struct SliceDecoder<'a> {
    bytes: &'a [u8],
    /// Bytes decoded so far (after the mark).
    at: usize,
    text: String,
    encoding: Encoding,
    /// Not UTF-8: [`decode`] the whole at the next step.
    whole: bool,
}

impl<'a> SliceDecoder<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        let (at, encoding) = if bytes.starts_with(UTF8_BOM) {
            (UTF8_BOM.len(), Encoding::Utf8Bom)
        } else {
            (0, Encoding::Utf8)
        };
        let whole = bytes.starts_with(b"\xFF\xFE")
            || bytes.starts_with(b"\xFE\xFF")
            || (at == 0 && looks_like_utf16(bytes));
        Self {
            bytes,
            at,
            text: String::new(),
            encoding,
            whole,
        }
    }

    /// Decodes up to `slice` more bytes (at least 4: a whole character);
    /// the decoded file once the last byte is read.
    pub fn step(&mut self, slice: usize) -> Option<Result<Decoded, DecodeError>> {
        if self.whole {
            return Some(decode(self.bytes));
        }
        if self.text.capacity() == 0 {
            self.text.reserve(self.bytes.len() - self.at);
        }
        let end = self.at.saturating_add(slice.max(4)).min(self.bytes.len());
        let part = &self.bytes[self.at..end];
        match std::str::from_utf8(part) {
            Ok(text) => {
                self.text.push_str(text);
                self.at = end;
            }
            // A character cut by the slice's end: the rest comes next.
            Err(e) if e.error_len().is_none() && end < self.bytes.len() => {
                let valid = &part[..e.valid_up_to()];
                self.text
                    .push_str(std::str::from_utf8(valid).unwrap_or_default());
                self.at += valid.len();
            }
            // Not UTF-8 after all.
            Err(_) => {
                self.whole = true;
                self.text = String::new();
                return Some(decode(self.bytes));
            }
        }
        (self.at >= self.bytes.len()).then(|| {
            Ok(Decoded {
                text: std::mem::take(&mut self.text),
                encoding: self.encoding,
            })
        })
    }

    /// Bytes decoded, of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.at, self.bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn reads_each_encoding_and_names_it() {
        let plain = decode("名前,a\r\n".as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            ("名前,a\r\n", Encoding::Utf8)
        );
        let bom = decode("\u{feff}名前".as_bytes()).unwrap();
        assert_eq!(
            (bom.text.as_str(), bom.encoding),
            ("名前", Encoding::Utf8Bom)
        );
        let le = decode(&utf16le("職種\t😀\r\n")).unwrap();
        assert_eq!(
            (le.text.as_str(), le.encoding),
            ("職種\t😀\r\n", Encoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        for u in "チーム".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "チーム");
        assert_eq!(decode(&be).unwrap().encoding, Encoding::Utf16Be);
        // 職種 in Shift_JIS, and CP932's ① (0x8740) and ～ (0x8160).
        let sjis = decode(b"\x90\x45\x8e\xed,\x87\x40\x81\x60").unwrap();
        assert_eq!(
            (sjis.text.as_str(), sjis.encoding),
            ("職種,①～", Encoding::ShiftJis)
        );
        assert_eq!(decode(b"").unwrap().encoding, Encoding::Utf8);
    }

    #[test]
    fn refuses_what_no_encoding_reads_naming_the_line() {
        // 0xFF is neither UTF-8 nor Shift_JIS; on line 3 (CR-only lines).
        assert_eq!(
            decode(b"a\rb\r\xFF\xFF").unwrap_err(),
            DecodeError::Unknown { line: 3 }
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFok\r\n\x90\x45").unwrap_err(),
            DecodeError::Broken {
                encoding: Encoding::Utf8Bom,
                line: 2
            }
        );
        // A lone surrogate, and an odd byte.
        assert_eq!(
            decode(b"\xFF\xFEa\x00\n\x00\x00\xD8b\x00").unwrap_err(),
            DecodeError::Broken {
                encoding: Encoding::Utf16Le,
                line: 2
            }
        );
        assert!(matches!(
            decode(b"\xFF\xFEa\x00b").unwrap_err(),
            DecodeError::Broken { .. }
        ));
        assert_eq!(
            decode(b"t\x00i\x00t\x00l\x00e\x00").unwrap_err(),
            DecodeError::Utf16WithoutBom
        );
        assert_eq!(
            DecodeError::Unknown { line: 3 }.to_string(),
            "line 3 is neither UTF-8 nor Shift_JIS (CP932) text: save the file as \u{201c}CSV UTF-8\u{201d}"
        );
    }

    #[test]
    fn counts_crlf_cr_and_lf_as_one_line_end_each() {
        assert_eq!(count_line_breaks(b"a\r\nb\rc\nd"), 3);
        assert_eq!(count_line_breaks(b"\r\r\n\n"), 3);
        assert_eq!(line_at(b"a\rb\rc", 4), 3);
    }
}
