//! The local-storage record: the plan as compact, versioned, checked text.
//!
//! Local storage holds about 5 MiB per origin, counted in UTF-16 code units,
//! and the plan file JSON of a 5,000-position, 3-scenario plan is ~5.6 MB and
//! slow to write and parse. A version-2 record is one ASCII header line and a
//! payload of bytes packed 15 bits to a character:
//!
//! ```text
//! fleetplan-record 2 r=<revision> n=<payload bytes> h=<checksum, 16 hex digits>
//! <packed payload>
//! ```
//!
//! Version 1 was the plan file itself (`plan_json`); it is still read. The
//! layout of the payload is described in docs/storage.md.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::plan_json::parse_plan_file;
use crate::model::accounts::Accounts;
use crate::model::{
    Actual, ActualHeads, Actuals, Adjustments, Allowance, Category, Cloud, CloudCategory, Date,
    Employment, ExchangeRate, ForeignAmount, Horizon, OtherCost, PeopleCosts, Plan, PlanError,
    Position, PositionStatus, SalaryBand, Scenario, Team, Tool, YearMonth,
};

/// The record version this build writes, and the newest it reads.
pub const RECORD_VERSION: u32 = 4;

/// The oldest packed version this build reads (version 1 is the plan file).
const OLDEST_PACKED_VERSION: u32 = 2;

/// How every record from version 2 on begins; version 1 begins with `{`.
const MAGIC: &str = "fleetplan-record ";

/// A record read back: the plan, the revision it was saved as, and the
/// version of the text (1 or [`RECORD_VERSION`]), so the caller knows to write
/// an older record back in the current version.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub plan: Plan,
    pub revision: u64,
    /// The version the text was written in.
    pub version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Written by a newer app: must not be overwritten.
    Newer { version: u32 },
    /// Not a record we can read, and why.
    Unreadable(Reason),
}

/// Why a record cannot be read, as data (a UI words it in its language);
/// its [`Display`](fmt::Display) is the English, a clause such as "its
/// first line has no end".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The header line has no line break after it.
    NoLineEnd,
    /// The header's version is not a number this build writes (`found`, at
    /// most 20 characters of it).
    Version {
        found: String,
    },
    /// The header lacks the field that starts with `key` (`"r="`, `"n="`,
    /// `"h="`).
    NoField {
        key: &'static str,
    },
    UnknownFields,
    RevisionNotANumber,
    LengthNotANumber,
    ChecksumNotHex,
    /// The payload is shorter or longer than the header says.
    WrongLength,
    /// A character (its code point) that packing never writes.
    OddCharacter {
        code: u32,
    },
    /// The payload does not match its checksum.
    ChecksumMismatch,
    /// The payload matches its checksum but is not a plan.
    Damaged(Damage),
    /// A version-1 record (a plan file) that does not parse: its first
    /// problems, at most 3.
    PlanFile(Vec<PlanError>),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoLineEnd => f.write_str("its first line has no end"),
            Self::Version { found } => write!(
                f,
                "its version \u{201c}{found}\u{201d} is not one Fleetplan writes"
            ),
            Self::NoField { key } => write!(f, "its header has no {key} field"),
            Self::UnknownFields => f.write_str("its header has unknown fields"),
            Self::RevisionNotANumber => f.write_str("its revision is not a number"),
            Self::LengthNotANumber => f.write_str("its length is not a number"),
            Self::ChecksumNotHex => f.write_str("its checksum is not 16 hexadecimal digits"),
            Self::WrongLength => f.write_str("it is cut short or has text added to it"),
            Self::OddCharacter { code } => {
                write!(f, "it holds a character (U+{code:04X}) a record never has")
            }
            Self::ChecksumMismatch => {
                f.write_str("it is damaged (its checksum does not match its contents)")
            }
            Self::Damaged(damage) => write!(f, "it is damaged ({damage})"),
            Self::PlanFile(errors) => {
                for (i, error) in errors.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{error}")?;
                }
                Ok(())
            }
        }
    }
}

/// What is wrong in a payload that matches its checksum (so was written
/// wrong, or forged): its [`Display`](fmt::Display) is the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    EndsInValue,
    LengthPastEnd,
    LengthWrong,
    NumberTooLarge,
    CountTooLarge,
    TextNotUtf8,
    TextNotYetRead,
    NumberOutOfRange,
    NotACalendarDay,
    UnknownStatus,
    BytesAfterPlan,
    /// A JSON part that serde refused; `detail` is serde's English.
    Json {
        part: Part,
        detail: String,
    },
}

/// The JSON parts of a payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The plan's own fields (name, currency, horizon, …).
    Plan,
    /// A scenario's fields other than its positions.
    Scenario,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EndsInValue => "the data ends in the middle of a value",
            Self::LengthPastEnd => "a length runs past the end of the data",
            Self::LengthWrong => "a length is wrong",
            Self::NumberTooLarge => "a number is too large",
            Self::CountTooLarge => "a count is larger than the data",
            Self::TextNotUtf8 => "a text is not valid UTF-8",
            Self::TextNotYetRead => "a text refers to one not yet read",
            Self::NumberOutOfRange => "a number is out of range",
            Self::NotACalendarDay => "a date is not a calendar day",
            Self::UnknownStatus => "a position has an unknown status",
            Self::BytesAfterPlan => "there are bytes after the plan",
            Self::Json { part, detail } => {
                let part = match part {
                    Part::Plan => "the plan",
                    Part::Scenario => "a scenario",
                };
                return write!(f, "{part}: {detail}");
            }
        })
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Newer { version } => write!(
                f,
                "the saved plan was written by a newer Fleetplan (record version {version}; \
                 this one reads up to version {RECORD_VERSION}), so it is left untouched"
            ),
            Self::Unreadable(reason) => write!(f, "the saved plan cannot be read: {reason}"),
        }
    }
}

impl std::error::Error for RecordError {}

fn unreadable(reason: Reason) -> RecordError {
    RecordError::Unreadable(reason)
}

/// The plan as a version-2 record saved as `revision`.
pub fn encode_record(plan: &Plan, revision: u64) -> String {
    let payload = encode_payload(plan);
    let checksum = checksum(RECORD_VERSION, revision, &payload);
    let mut text = String::with_capacity(80 + packed_units(payload.len()) * 3);
    text.push_str(&format!(
        "{MAGIC}{RECORD_VERSION} r={revision} n={} h={checksum:016x}\n",
        payload.len()
    ));
    pack(&payload, &mut text);
    text
}

/// Reads a record of any version this build knows.
pub fn decode_record(text: &str) -> Result<Record, RecordError> {
    let Some(rest) = text.strip_prefix(MAGIC) else {
        return decode_plan_file(text);
    };
    let header = parse_header(rest)?;
    let payload = unpack(header.packed, header.length)?;
    if checksum(header.version, header.revision, &payload) != header.checksum {
        return Err(unreadable(Reason::ChecksumMismatch));
    }
    let plan = decode_payload(&payload, header.version)
        .map_err(|damage| unreadable(Reason::Damaged(damage)))?;
    Ok(Record {
        plan,
        revision: header.revision,
        version: header.version,
    })
}

/// Reads only the header: cheap, for detecting that another tab saved in between.
///
/// `Some(0)` for what looks like a version-1 record (a JSON object: plan
/// files have no revision); `None` for a newer version, whose header this
/// build cannot interpret, and for anything that is not a record. The
/// payload is not checked: [`decode_record`] does that.
pub fn record_revision(text: &str) -> Option<u64> {
    match text.strip_prefix(MAGIC) {
        Some(rest) => parse_header(rest).ok().map(|h| h.revision),
        None => text.trim_start().starts_with('{').then_some(0),
    }
}

/// The version and revision of a record that is whole, without decoding its
/// plan: the header, and the payload against its checksum (a fraction of a
/// decode). `None` for text that is not a whole record. Storage checks this
/// before writing over a record, so damaged text is never replaced.
pub fn record_header(text: &str) -> Option<(u32, u64)> {
    let Some(rest) = text.strip_prefix(MAGIC) else {
        // Version 1 exists only until its plan is opened once; reading it
        // whole is the only way to know it is intact.
        return decode_plan_file(text).ok().map(|r| (r.version, r.revision));
    };
    match parse_header(rest) {
        Ok(header) => {
            let payload = unpack(header.packed, header.length).ok()?;
            (checksum(header.version, header.revision, &payload) == header.checksum)
                .then_some((header.version, header.revision))
        }
        Err(RecordError::Newer { version }) => Some((version, 0)),
        Err(RecordError::Unreadable(_)) => None,
    }
}

/// Version 1: the plan file, parsed but not validated, so a plan with
/// invalid values still opens with its errors shown.
fn decode_plan_file(text: &str) -> Result<Record, RecordError> {
    match parse_plan_file(text) {
        Ok(plan) => Ok(Record {
            plan,
            revision: 0,
            version: 1,
        }),
        Err(mut errors) => {
            errors.truncate(3);
            Err(unreadable(Reason::PlanFile(errors)))
        }
    }
}

// ---------------------------------------------------------------- header

struct Header<'a> {
    version: u32,
    revision: u64,
    length: u64,
    checksum: u64,
    packed: &'a str,
}

/// Parses what follows [`MAGIC`]. Strict (no leading zeros, single spaces,
/// lowercase hex), so that a record has exactly one spelling and an edited
/// header cannot pass for the original.
fn parse_header(rest: &str) -> Result<Header<'_>, RecordError> {
    let (line, packed) = rest
        .split_once('\n')
        .ok_or_else(|| unreadable(Reason::NoLineEnd))?;
    let mut fields = line.split(' ');
    let version = fields.next().unwrap_or("");
    let version = match decimal_digits(version).map(u32::try_from) {
        Some(Ok(known @ OLDEST_PACKED_VERSION..=RECORD_VERSION)) => known,
        Some(Ok(version)) if version > RECORD_VERSION => {
            return Err(RecordError::Newer { version });
        }
        _ => {
            return Err(unreadable(Reason::Version {
                found: truncated(version),
            }));
        }
    };
    let mut field = |key: &'static str| {
        fields
            .next()
            .and_then(|f| f.strip_prefix(key))
            .ok_or_else(|| unreadable(Reason::NoField { key }))
    };
    let revision = field("r=")?;
    let length = field("n=")?;
    let checksum = field("h=")?;
    if fields.next().is_some() {
        return Err(unreadable(Reason::UnknownFields));
    }
    let revision =
        decimal_digits(revision).ok_or_else(|| unreadable(Reason::RevisionNotANumber))?;
    let length = decimal_digits(length).ok_or_else(|| unreadable(Reason::LengthNotANumber))?;
    let checksum = (checksum.len() == 16
        && checksum
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    .then(|| u64::from_str_radix(checksum, 16).ok())
    .flatten()
    .ok_or_else(|| unreadable(Reason::ChecksumNotHex))?;
    Ok(Header {
        version,
        revision,
        length,
        checksum,
        packed,
    })
}

/// A whole number written in canonical decimal: digits only, no leading zero.
fn decimal_digits(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

/// At most 20 characters of `text`, for quoting damaged input in a message.
fn truncated(text: &str) -> String {
    text.chars().take(20).collect()
}

/// FNV-1a, 64 bits, over the revision and the payload: detects flipped,
/// lost or added bytes (it is not meant to resist deliberate forgery).
/// From version 3 the checksum covers the version too, so a header whose
/// version is edited (a version-3 payload read as version 2) is refused.
fn checksum(version: u32, revision: u64, payload: &[u8]) -> u64 {
    fn add(mut hash: u64, bytes: &[u8]) -> u64 {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    }
    let mut hash = 0xcbf2_9ce4_8422_2325;
    if version >= 3 {
        hash = add(hash, &version.to_le_bytes());
    }
    add(add(hash, &revision.to_le_bytes()), payload)
}

// ---------------------------------------------------------------- packing

/// Characters needed for `bytes` bytes at 15 bits each.
fn packed_units(bytes: usize) -> usize {
    bytes.saturating_mul(8).div_ceil(15)
}

/// The character for 15 bits: U+0020 upwards, skipping the DEL and C1
/// control characters (U+007F..U+009F), so the highest is U+8040: every
/// character is one UTF-16 unit, printable, and never a surrogate.
fn unit_char(bits: u32) -> char {
    let code = bits + 0x20;
    let code = if code >= 0x7F { code + 0x21 } else { code };
    // Below U+8041, so always a char; the fallback only satisfies the type.
    char::from_u32(code).unwrap_or(' ')
}

fn unit_bits(c: char) -> Option<u32> {
    match u32::from(c) {
        code @ 0x20..=0x7E => Some(code - 0x20),
        code @ 0xA0..=0x8040 => Some(code - 0x41),
        _ => None,
    }
}

fn pack(bytes: &[u8], out: &mut String) {
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit_char((acc >> bits) & 0x7FFF));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        // Padding bits are zero; the reader insists on it.
        out.push(unit_char((acc << (15 - bits)) & 0x7FFF));
    }
}

/// The `length` bytes packed in `text`, which must hold exactly as many
/// characters as they need, with zero padding bits.
fn unpack(text: &str, length: u64) -> Result<Vec<u8>, RecordError> {
    let mismatch = || unreadable(Reason::WrongLength);
    // Checked against the text before anything is allocated: each character
    // takes 1 to 3 UTF-8 bytes, so a huge declared length fails here.
    let length = usize::try_from(length).map_err(|_| mismatch())?;
    let units = packed_units(length);
    if length > text.len().saturating_mul(2) || text.len() < units || text.len() > units * 3 {
        return Err(mismatch());
    }
    // Written by index rather than pushed: a push per byte is a call per
    // byte at the size-optimised level the app is built with.
    let mut bytes = vec![0; length];
    let mut written = 0;
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut seen = 0;
    for c in text.chars() {
        seen += 1;
        if seen > units {
            return Err(mismatch());
        }
        let value =
            unit_bits(c).ok_or_else(|| unreadable(Reason::OddCharacter { code: u32::from(c) }))?;
        acc = (acc << 15) | value;
        bits += 15;
        while bits >= 8 {
            let Some(slot) = bytes.get_mut(written) else {
                break;
            };
            bits -= 8;
            // Truncation keeps the 8 bits just uncovered.
            *slot = (acc >> bits) as u8;
            written += 1;
        }
        acc &= (1 << bits) - 1;
    }
    if seen != units || written != length || acc != 0 {
        return Err(mismatch());
    }
    Ok(bytes)
}

// ---------------------------------------------------------------- payload
//
// Every scenario's positions are written field by field; everything else is
// small and goes as JSON ("shells"), so it shares the plan file's serde code.
// Strings of positions are interned: the first use writes the string, later
// uses its number.

#[derive(Serialize)]
struct PlanTopOut<'a> {
    name: &'a str,
    currency: &'a str,
    fiscal_year_start_month: u8,
    horizon: &'a Horizon,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_scenario: &'a Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    roster_columns: &'a BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanTopIn {
    name: String,
    currency: String,
    fiscal_year_start_month: u8,
    horizon: Horizon,
    // Optional fields added after version 2 shipped: absent in older
    // records, so they default and the record version stays 2.
    #[serde(default)]
    base_scenario: Option<String>,
    #[serde(default)]
    roster_columns: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct ScenarioShellOut<'a> {
    name: &'a str,
    teams: &'a [Team],
    levels: &'a [String],
    bands: &'a [SalaryBand],
    people: &'a PeopleCosts,
    tools: &'a [Tool],
    other_costs: &'a [OtherCost],
    cloud: &'a Cloud,
    #[serde(skip_serializing_if = "Adjustments::is_none")]
    adjustments: &'a Adjustments,
    #[serde(skip_serializing_if = "Option::is_none")]
    locked_on: &'a Option<Date>,
    #[serde(skip_serializing_if = "Accounts::is_empty")]
    accounts: &'a Accounts,
    #[serde(skip_serializing_if = "<[ExchangeRate]>::is_empty")]
    exchange_rates: &'a [ExchangeRate],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioShellIn {
    name: String,
    teams: Vec<Team>,
    levels: Vec<String>,
    bands: Vec<SalaryBand>,
    people: PeopleCosts,
    tools: Vec<Tool>,
    other_costs: Vec<OtherCost>,
    cloud: Cloud,
    // Added after version 2 shipped: older records lack them.
    #[serde(default)]
    adjustments: Adjustments,
    #[serde(default)]
    locked_on: Option<Date>,
    // Added with accounts (issue 20): optional, absent when unset.
    #[serde(default)]
    accounts: Accounts,
    // Added with costs in other currencies (issue 19): optional, absent
    // when unset, so the record version stays.
    #[serde(default)]
    exchange_rates: Vec<ExchangeRate>,
}

/// Bits of a position's flag byte. Status takes the two lowest bits.
const CONTRACTOR: u8 = 1 << 2;
const HAS_BASE: u8 = 1 << 3;
const HAS_END: u8 = 1 << 4;
const HAS_FEE: u8 = 1 << 5;
const AGE_DEPENDENT: u8 = 1 << 6;
const HAS_LOCATION: u8 = 1 << 7;
/// Version 3's second flags byte of a position: what of its pay follows.
const HAS_MONTHLY_BASE: u8 = 1;
const HAS_ALLOWANCES: u8 = 1 << 1;

// The flags byte of an actual amount (version 4): the category's index in
// bits 0–3, then whether a team, a note, a cloud category and a foreign
// amount follow.
const ACTUAL_CATEGORY: u8 = 0b1111;
const ACTUAL_HAS_TEAM: u8 = 1 << 4;
const ACTUAL_HAS_NOTE: u8 = 1 << 5;
const ACTUAL_HAS_CLOUD_CATEGORY: u8 = 1 << 6;
const ACTUAL_HAS_FOREIGN: u8 = 1 << 7;

/// The fewest bytes a position takes (four string numbers, flags, FTE and
/// start): caps what a declared count may allocate.
const MIN_POSITION_BYTES: usize = 8;
/// The fewest bytes a scenario takes (a shell's length and a position
/// count): caps what a declared count may allocate.
const MIN_SCENARIO_BYTES: usize = 2;

/// In the scale byte of a decimal: the value is a negative zero ("-0.00"),
/// which the mantissa alone cannot say.
const NEGATIVE_ZERO: u8 = 0x80;

/// Hashes the interned strings eight bytes at a step (in the manner of
/// rustc's FxHash): several times faster than the default SipHash on ids and
/// titles, and the keys are the user's own, so resisting crafted collisions
/// buys nothing.
#[derive(Default)]
struct WordHash(u64);

impl WordHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHash {
    /// The product's high bits are the well-mixed ones, and the table picks
    /// buckets by the low bits: without the rotation, ids that differ only
    /// after their first byte ("p1", "p2") would share buckets.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut word = [0; 8];
        let rest = chunks.remainder();
        word[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(word));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}

struct Writer<'a> {
    out: Vec<u8>,
    strings: HashMap<&'a str, u64, BuildHasherDefault<WordHash>>,
    /// Dates are written as months and days from the horizon's start: most
    /// are near it, so they take two bytes.
    base_month: i32,
}

impl<'a> Writer<'a> {
    /// LEB128: seven bits a byte, lowest first, high bit set on all but the last.
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.out.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.out.push(value as u8);
    }

    /// The same for decimal mantissas (up to 96 bits); 128-bit arithmetic is
    /// slow in wasm, so everything else stays in 64 bits.
    fn varint128(&mut self, mut value: u128) {
        while value >= 0x80 {
            self.out.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.out.push(value as u8);
    }

    fn count(&mut self, n: usize) {
        self.varint(n as u64);
    }

    /// Zigzag: small negative numbers stay small (-1 is 1, 1 is 2).
    fn signed(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.count(bytes.len());
        self.out.extend_from_slice(bytes);
    }

    /// 0 and the string the first time, its number plus 1 after that.
    fn string(&mut self, text: &'a str) {
        if let Some(&index) = self.strings.get(text) {
            self.varint(index + 1);
        } else {
            self.strings.insert(text, self.strings.len() as u64);
            self.varint(0);
            self.bytes(text.as_bytes());
        }
    }

    fn decimal(&mut self, value: Decimal) {
        let mantissa = value.mantissa();
        // Salaries and rates fit in 62 bits: the same bytes without 128-bit
        // arithmetic, which wasm emulates.
        match i64::try_from(mantissa) {
            Ok(small) if (-(1 << 62)..(1 << 62)).contains(&small) => {
                self.varint(((small << 1) ^ (small >> 63)) as u64);
            }
            _ => self.varint128(((mantissa << 1) ^ (mantissa >> 127)) as u128),
        }
        let sign = if value.is_zero() && value.is_sign_negative() {
            NEGATIVE_ZERO
        } else {
            0
        };
        // Scale is at most 28, so it fits beside the flag.
        self.out.push(value.scale() as u8 | sign);
    }

    fn date(&mut self, date: Date) {
        // Both months are within years 1000 to 9999: no overflow.
        let months = i64::from(date.year_month().index()) - i64::from(self.base_month);
        self.signed(months * 32 + i64::from(date.day()) - 1);
    }

    /// Serialising these plain structs to JSON cannot fail (no maps, no
    /// custom serialisers that fail); were it to, the empty part would make
    /// the record unreadable rather than load a wrong plan.
    fn json(&mut self, part: &impl Serialize) {
        let json = serde_json::to_vec(part).unwrap_or_default();
        self.bytes(&json);
    }

    /// Version 4: the plan's actuals, after the scenarios.
    fn actuals(&mut self, actuals: &'a Actuals) {
        let Actuals {
            closed_through,
            amounts,
            heads,
        } = actuals;
        match closed_through {
            Some(month) => {
                self.varint(1);
                self.signed(i64::from(month.index()) - i64::from(self.base_month));
            }
            None => self.varint(0),
        }
        self.count(amounts.len());
        for Actual {
            month,
            category,
            team,
            cloud_category,
            amount,
            foreign,
            note,
        } in amounts
        {
            self.signed(i64::from(month.index()) - i64::from(self.base_month));
            let mut flags = category.index() as u8;
            if team.is_some() {
                flags |= ACTUAL_HAS_TEAM;
            }
            if !note.is_empty() {
                flags |= ACTUAL_HAS_NOTE;
            }
            if cloud_category.is_some() {
                flags |= ACTUAL_HAS_CLOUD_CATEGORY;
            }
            if foreign.is_some() {
                flags |= ACTUAL_HAS_FOREIGN;
            }
            self.out.push(flags);
            if let Some(team) = team {
                self.string(team);
            }
            if let Some(cloud) = cloud_category {
                self.out.push(
                    CloudCategory::ALL
                        .iter()
                        .position(|c| c == cloud)
                        .unwrap_or(0) as u8,
                );
            }
            self.decimal(*amount);
            if let Some(ForeignAmount {
                currency,
                amount,
                rate,
            }) = foreign
            {
                self.string(currency);
                self.decimal(*amount);
                self.decimal(*rate);
            }
            if !note.is_empty() {
                self.string(note);
            }
        }
        self.count(heads.len());
        for ActualHeads {
            month,
            team,
            heads,
            fte,
        } in heads
        {
            self.signed(i64::from(month.index()) - i64::from(self.base_month));
            self.string(team);
            self.varint(u64::from(*heads));
            match fte {
                Some(fte) => {
                    self.varint(1);
                    self.decimal(*fte);
                }
                None => self.varint(0),
            }
        }
    }

    fn position(&mut self, position: &'a Position) {
        // No `..`: a new field must be given a place in the record here.
        let Position {
            id,
            title,
            team,
            level,
            status,
            employment,
            annual_base,
            fte,
            start,
            end,
            recruiting_fee_pct,
            age_dependent_burden,
            location,
            monthly_base,
            allowances,
        } = position;
        let mut flags = match status {
            PositionStatus::Filled => 0,
            PositionStatus::Open => 1,
            PositionStatus::Planned => 2,
        };
        for (set, flag) in [
            (*employment == Employment::Contractor, CONTRACTOR),
            (annual_base.is_some(), HAS_BASE),
            (end.is_some(), HAS_END),
            (recruiting_fee_pct.is_some(), HAS_FEE),
            (*age_dependent_burden, AGE_DEPENDENT),
            (location.is_some(), HAS_LOCATION),
        ] {
            if set {
                flags |= flag;
            }
        }
        self.string(id);
        self.string(title);
        self.string(team);
        self.string(level);
        self.out.push(flags);
        if let Some(base) = annual_base {
            self.decimal(*base);
        }
        self.decimal(*fte);
        self.date(*start);
        if let Some(end) = end {
            self.date(*end);
        }
        if let Some(fee) = recruiting_fee_pct {
            self.decimal(*fee);
        }
        if let Some(location) = location {
            self.string(location);
        }
        // Version 3: pay stated by the month, and fixed allowances.
        let mut pay = 0;
        if monthly_base.is_some() {
            pay |= HAS_MONTHLY_BASE;
        }
        if !allowances.is_empty() {
            pay |= HAS_ALLOWANCES;
        }
        self.out.push(pay);
        if let Some(monthly) = monthly_base {
            self.decimal(*monthly);
        }
        if !allowances.is_empty() {
            self.count(allowances.len());
            for allowance in allowances {
                self.string(&allowance.name);
                self.decimal(allowance.monthly);
            }
        }
    }

    fn scenario(&mut self, scenario: &'a Scenario) {
        let Scenario {
            name,
            teams,
            levels,
            bands,
            positions,
            people,
            tools,
            other_costs,
            cloud,
            adjustments,
            locked_on,
            accounts,
            exchange_rates,
        } = scenario;
        self.json(&ScenarioShellOut {
            name,
            teams,
            levels,
            bands,
            people,
            tools,
            other_costs,
            cloud,
            adjustments,
            locked_on,
            accounts,
            exchange_rates,
        });
        self.count(positions.len());
        for position in positions {
            self.position(position);
        }
    }
}

fn encode_payload(plan: &Plan) -> Vec<u8> {
    let Plan {
        name,
        currency,
        fiscal_year_start_month,
        horizon,
        scenarios,
        base_scenario,
        roster_columns,
        actuals,
    } = plan;
    let positions: usize = scenarios.iter().map(|s| s.positions.len()).sum();
    let mut writer = Writer {
        // About 20 bytes a position, plus the JSON parts.
        out: Vec::with_capacity(positions * 24 + 4096),
        strings: HashMap::default(),
        base_month: horizon.start.index(),
    };
    writer.json(&PlanTopOut {
        name,
        currency,
        fiscal_year_start_month: *fiscal_year_start_month,
        horizon,
        base_scenario,
        roster_columns,
    });
    writer.count(scenarios.len());
    for scenario in scenarios {
        writer.scenario(scenario);
    }
    writer.actuals(actuals);
    writer.out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    strings: Vec<String>,
    base_month: i32,
    /// The record version being read (2 to 4).
    version: u32,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    fn byte(&mut self) -> Result<u8, Damage> {
        let byte = *self.bytes.get(self.pos).ok_or(Damage::EndsInValue)?;
        self.pos += 1;
        Ok(byte)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Damage> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(Damage::LengthPastEnd)?;
        let slice = self.bytes.get(self.pos..end).ok_or(Damage::LengthWrong)?;
        self.pos = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, Damage> {
        let mut value: u64 = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            let part = u64::from(byte & 0x7F);
            if shift >= 64 || (shift > 57 && part >> (64 - shift) != 0) {
                return Err(Damage::NumberTooLarge);
            }
            value |= part << shift;
            if byte < 0x80 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn varint128(&mut self) -> Result<u128, Damage> {
        let mut value: u128 = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            let part = u128::from(byte & 0x7F);
            if shift >= 128 || (shift > 121 && part >> (128 - shift) != 0) {
                return Err(Damage::NumberTooLarge);
            }
            value |= part << shift;
            if byte < 0x80 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    /// A count of things that each take at least `min_bytes`: a count the
    /// remaining data cannot hold is refused before anything is allocated.
    fn count(&mut self, min_bytes: usize) -> Result<usize, Damage> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&n| n <= self.remaining() / min_bytes.max(1))
            .ok_or(Damage::CountTooLarge)
    }

    fn signed(&mut self) -> Result<i64, Damage> {
        let zigzag = self.varint()?;
        Ok(((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64))
    }

    fn bytes(&mut self) -> Result<&'a [u8], Damage> {
        let n = self.count(1)?;
        self.take(n)
    }

    fn string(&mut self) -> Result<String, Damage> {
        match self.varint()? {
            0 => {
                let text = std::str::from_utf8(self.bytes()?)
                    .map_err(|_| Damage::TextNotUtf8)?
                    .to_string();
                self.strings.push(text.clone());
                Ok(text)
            }
            n => usize::try_from(n - 1)
                .ok()
                .and_then(|i| self.strings.get(i))
                .cloned()
                .ok_or(Damage::TextNotYetRead),
        }
    }

    fn decimal(&mut self) -> Result<Decimal, Damage> {
        let zigzag = self.varint128()?;
        let mantissa = ((zigzag >> 1) as i128) ^ -((zigzag & 1) as i128);
        let scale = self.byte()?;
        let mut value = Decimal::try_from_i128_with_scale(mantissa, u32::from(scale & 0x7F))
            .map_err(|_| Damage::NumberOutOfRange)?;
        if scale & NEGATIVE_ZERO != 0 {
            value.set_sign_negative(true);
        }
        Ok(value)
    }

    fn date(&mut self) -> Result<Date, Damage> {
        let packed = self.signed()?;
        let bad = || Damage::NotACalendarDay;
        let months = i64::from(self.base_month) + packed.div_euclid(32);
        let day = u8::try_from(packed.rem_euclid(32) + 1).map_err(|_| bad())?;
        let month = i32::try_from(months)
            .ok()
            .and_then(YearMonth::from_index)
            .ok_or_else(bad)?;
        Date::new(month.year(), month.month(), day).map_err(|_| bad())
    }

    /// Read as text with `from_str`, the reader the plan file uses too:
    /// `from_slice` would compile every serde visitor a second time into the
    /// first-load module for the same JSON.
    fn json<T: for<'de> Deserialize<'de>>(&mut self, part: Part) -> Result<T, Damage> {
        let text = std::str::from_utf8(self.bytes()?).map_err(|e| Damage::Json {
            part,
            detail: e.to_string(),
        })?;
        serde_json::from_str(text).map_err(|e| Damage::Json {
            part,
            detail: e.to_string(),
        })
    }

    fn month(&mut self) -> Result<YearMonth, Damage> {
        let offset = self.signed()?;
        i64::from(self.base_month)
            .checked_add(offset)
            .and_then(|m| i32::try_from(m).ok())
            .and_then(YearMonth::from_index)
            .ok_or(Damage::NumberOutOfRange)
    }

    /// Version 4's actuals (see [`Writer::actuals`]).
    fn actuals(&mut self) -> Result<Actuals, Damage> {
        let closed_through = match self.varint()? {
            0 => None,
            1 => Some(self.month()?),
            _ => return Err(Damage::NumberOutOfRange),
        };
        // A month, flags and an amount (two bytes): at least four bytes each.
        let count = self.count(4)?;
        // An actual is far larger in memory than its bytes: grow as read
        // rather than trust the count with a large allocation.
        let mut amounts = Vec::with_capacity(count.min(256));
        for _ in 0..count {
            let month = self.month()?;
            let flags = self.byte()?;
            // Every bit of the flags has a meaning: none can be damage.
            let category = *Category::ALL
                .get(usize::from(flags & ACTUAL_CATEGORY))
                .ok_or(Damage::NumberOutOfRange)?;
            let team = (flags & ACTUAL_HAS_TEAM != 0)
                .then(|| self.string())
                .transpose()?;
            let cloud_category = if flags & ACTUAL_HAS_CLOUD_CATEGORY != 0 {
                Some(
                    *CloudCategory::ALL
                        .get(usize::from(self.byte()?))
                        .ok_or(Damage::NumberOutOfRange)?,
                )
            } else {
                None
            };
            let amount = self.decimal()?;
            let foreign = if flags & ACTUAL_HAS_FOREIGN != 0 {
                Some(ForeignAmount {
                    currency: self.string()?,
                    amount: self.decimal()?,
                    rate: self.decimal()?,
                })
            } else {
                None
            };
            let note = if flags & ACTUAL_HAS_NOTE != 0 {
                self.string()?
            } else {
                String::new()
            };
            amounts.push(Actual {
                month,
                category,
                team,
                cloud_category,
                amount,
                foreign,
                note,
            });
        }
        // A month, a team, heads and the FTE flag: four bytes at least.
        let count = self.count(4)?;
        let mut heads = Vec::with_capacity(count.min(256));
        for _ in 0..count {
            let month = self.month()?;
            let team = self.string()?;
            let count = u32::try_from(self.varint()?).map_err(|_| Damage::NumberOutOfRange)?;
            let fte = match self.varint()? {
                0 => None,
                1 => Some(self.decimal()?),
                _ => return Err(Damage::NumberOutOfRange),
            };
            heads.push(ActualHeads {
                month,
                team,
                heads: count,
                fte,
            });
        }
        // Written sorted with one entry per key; anything else was not
        // written by Fleetplan.
        let sorted = amounts.windows(2).all(|w| w[0].key() < w[1].key())
            && heads
                .windows(2)
                .all(|w| (w[0].month, &w[0].team) < (w[1].month, &w[1].team));
        if !sorted {
            return Err(Damage::NumberOutOfRange);
        }
        Ok(Actuals {
            closed_through,
            amounts,
            heads,
        })
    }

    fn position(&mut self) -> Result<Position, Damage> {
        let id = self.string()?;
        let title = self.string()?;
        let team = self.string()?;
        let level = self.string()?;
        let flags = self.byte()?;
        let status = match flags & 0b11 {
            0 => PositionStatus::Filled,
            1 => PositionStatus::Open,
            2 => PositionStatus::Planned,
            _ => return Err(Damage::UnknownStatus),
        };
        let employment = if flags & CONTRACTOR != 0 {
            Employment::Contractor
        } else {
            Employment::Employee
        };
        let annual_base = (flags & HAS_BASE != 0)
            .then(|| self.decimal())
            .transpose()?;
        let fte = self.decimal()?;
        let start = self.date()?;
        let end = (flags & HAS_END != 0).then(|| self.date()).transpose()?;
        let recruiting_fee_pct = (flags & HAS_FEE != 0).then(|| self.decimal()).transpose()?;
        let location = (flags & HAS_LOCATION != 0)
            .then(|| self.string())
            .transpose()?;
        // Version 2 has no pay byte: annual pay, no allowances.
        let pay = if self.version >= 3 { self.byte()? } else { 0 };
        if pay & !(HAS_MONTHLY_BASE | HAS_ALLOWANCES) != 0 {
            return Err(Damage::NumberOutOfRange);
        }
        let monthly_base = (pay & HAS_MONTHLY_BASE != 0)
            .then(|| self.decimal())
            .transpose()?;
        let mut allowances = Vec::new();
        if pay & HAS_ALLOWANCES != 0 {
            // A name (at least one byte) and an amount (two) each.
            let count = self.count(3)?;
            allowances.reserve(count);
            for _ in 0..count {
                let name = self.string()?;
                let monthly = self.decimal()?;
                allowances.push(Allowance { name, monthly });
            }
        }
        Ok(Position {
            id,
            title,
            team,
            level,
            status,
            employment,
            annual_base,
            fte,
            start,
            end,
            recruiting_fee_pct,
            age_dependent_burden: flags & AGE_DEPENDENT != 0,
            location,
            monthly_base,
            allowances,
        })
    }

    fn scenario(&mut self) -> Result<Scenario, Damage> {
        let ScenarioShellIn {
            name,
            teams,
            levels,
            bands,
            people,
            tools,
            other_costs,
            cloud,
            adjustments,
            locked_on,
            accounts,
            exchange_rates,
        } = self.json(Part::Scenario)?;
        let count = self.count(MIN_POSITION_BYTES)?;
        let mut positions = Vec::with_capacity(count);
        for _ in 0..count {
            positions.push(self.position()?);
        }
        Ok(Scenario {
            name,
            teams,
            levels,
            bands,
            positions,
            people,
            tools,
            other_costs,
            cloud,
            adjustments,
            locked_on,
            accounts,
            exchange_rates,
        })
    }
}

fn decode_payload(bytes: &[u8], version: u32) -> Result<Plan, Damage> {
    let mut reader = Reader {
        bytes,
        pos: 0,
        strings: Vec::new(),
        base_month: 0,
        version,
    };
    let PlanTopIn {
        name,
        currency,
        fiscal_year_start_month,
        horizon,
        base_scenario,
        roster_columns,
    } = reader.json(Part::Plan)?;
    reader.base_month = horizon.start.index();
    let count = reader.count(MIN_SCENARIO_BYTES)?;
    // A scenario is hundreds of bytes in memory and two in the payload:
    // grow as they are read rather than trust a damaged count.
    let mut scenarios = Vec::with_capacity(count.min(16));
    for _ in 0..count {
        scenarios.push(reader.scenario()?);
    }
    // Versions before 4 hold no actuals.
    let actuals = if version >= 4 {
        reader.actuals()?
    } else {
        Actuals::default()
    };
    if reader.remaining() != 0 {
        return Err(Damage::BytesAfterPlan);
    }
    Ok(Plan {
        name,
        currency,
        fiscal_year_start_month,
        horizon,
        scenarios,
        base_scenario,
        roster_columns,
        actuals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank() -> Plan {
        Plan::blank("Test", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12)
    }

    #[test]
    fn packing_round_trips_every_length_and_uses_one_printable_unit_per_char() {
        let mut state = 0x9e37_79b9_u32;
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    state as u8
                })
                .collect();
            let mut text = String::new();
            pack(&bytes, &mut text);
            assert_eq!(text.chars().count(), packed_units(len));
            assert_eq!(text.encode_utf16().count(), packed_units(len));
            assert!(text.chars().all(|c| !c.is_control()), "{text:?}");
            assert_eq!(unpack(&text, len as u64).unwrap(), bytes, "length {len}");
        }
        // The extremes of the 15-bit range and the skipped control block.
        assert_eq!(unit_char(0), ' ');
        assert_eq!(unit_char(0x5E), '~');
        assert_eq!(unit_char(0x5F), '\u{a0}');
        assert_eq!(unit_char(0x7FFF), '\u{8040}');
        for bits in [0, 0x5E, 0x5F, 0x1234, 0x7FFF] {
            assert_eq!(unit_bits(unit_char(bits)), Some(bits));
        }
        assert_eq!(unit_bits('\u{7f}'), None);
        assert_eq!(unit_bits('\u{8041}'), None);
    }

    #[test]
    fn unpacking_refuses_wrong_lengths_and_padding() {
        let mut text = String::new();
        pack(&[1, 2, 3], &mut text);
        assert!(unpack(&text, 4).is_err());
        assert!(unpack(&text, 1).is_err());
        assert!(unpack(&text, u64::MAX).is_err());
        // 3 bytes leave 6 padding bits in the second unit; set one.
        let mut chars: Vec<char> = text.chars().collect();
        chars[1] = unit_char(unit_bits(chars[1]).unwrap() | 1);
        let padded: String = chars.into_iter().collect();
        assert!(unpack(&padded, 3).is_err());
    }

    fn reader(bytes: &[u8]) -> Reader<'_> {
        Reader {
            bytes,
            pos: 0,
            strings: Vec::new(),
            base_month: 0,
            version: RECORD_VERSION,
        }
    }

    #[test]
    fn varints_that_overflow_are_refused() {
        let mut max64 = vec![0xFF; 9];
        max64.push(0x01);
        assert_eq!(reader(&max64).varint(), Ok(u64::MAX));
        *max64.last_mut().unwrap() = 0x02;
        assert!(reader(&max64).varint().is_err());
        assert!(reader(&[0xFF; 11]).varint().is_err());
        let mut max128 = vec![0xFF; 18];
        max128.push(0x03);
        assert_eq!(reader(&max128).varint128(), Ok(u128::MAX));
        *max128.last_mut().unwrap() = 0x04;
        assert!(reader(&max128).varint128().is_err());
        assert!(reader(&[0xFF; 20]).varint128().is_err());
        assert!(reader(&[0x80]).varint().is_err(), "cut short");
    }

    #[test]
    fn decimals_keep_their_scale_and_the_sign_of_zero() {
        let mut plan = blank();
        plan.scenarios[0].add_position(
            "Engineer",
            "Core",
            "6000000.00".parse().unwrap(),
            Date::new(1000, 1, 1).unwrap(),
        );
        let position = &mut plan.scenarios[0].positions[0];
        position.fte = "-0.000".parse().unwrap();
        position.fte.set_sign_negative(true);
        position.end = Some(Date::new(9999, 12, 31).unwrap());
        position.recruiting_fee_pct = Some(Decimal::MAX);
        let record = decode_record(&encode_record(&plan, 7)).unwrap();
        let decoded = &record.plan.scenarios[0].positions[0];
        assert_eq!(decoded.annual_base.unwrap().to_string(), "6000000.00");
        assert!(decoded.fte.is_sign_negative());
        assert_eq!(decoded.fte.scale(), 3);
        assert_eq!(record.plan, plan);
        assert_eq!((record.revision, record.version), (7, RECORD_VERSION));
    }

    #[test]
    fn scenario_fields_added_after_version_2_round_trip_and_are_absent_when_unset() {
        let contains =
            |bytes: &[u8], word: &str| bytes.windows(word.len()).any(|w| w == word.as_bytes());
        let mut plan = blank();
        // As earlier builds made it: no base named.
        plan.base_scenario = None;
        let unset = encode_payload(&plan);
        // Unset, they are not written: the payload is what earlier builds
        // of version 2 wrote and read.
        for word in ["adjustments", "locked_on", "base_scenario"] {
            assert!(!contains(&unset, word), "{word}");
        }
        plan.scenarios.push(Scenario::blank("Lean"));
        plan.scenarios[1].adjustments.hire_slip_months = -2;
        plan.scenarios[1].adjustments.raise_points = "0.50".parse().unwrap();
        plan.scenarios[1].adjustments.cloud_growth_points = "-1.25".parse().unwrap();
        plan.scenarios[1].adjustments.attrition_pct = Some("12".parse().unwrap());
        plan.scenarios[0].locked_on = Some(Date::new(2026, 3, 31).unwrap());
        plan.base_scenario = Some("Lean".to_string());
        let set = encode_payload(&plan);
        for word in ["adjustments", "locked_on", "base_scenario"] {
            assert!(contains(&set, word), "{word}");
        }
        let record = decode_record(&encode_record(&plan, 3)).unwrap();
        assert_eq!(record.plan, plan);
        assert_eq!(record.version, RECORD_VERSION);
    }

    #[test]
    fn the_remembered_roster_columns_round_trip_and_are_absent_when_unset() {
        let contains =
            |bytes: &[u8], word: &str| bytes.windows(word.len()).any(|w| w == word.as_bytes());
        let mut plan = blank();
        assert!(!contains(&encode_payload(&plan), "roster_columns"));
        plan.roster_columns
            .insert("年収".to_string(), "annual_base".to_string());
        assert!(contains(&encode_payload(&plan), "roster_columns"));
        let record = decode_record(&encode_record(&plan, 2)).unwrap();
        assert_eq!(record.plan, plan);
        assert_eq!(record.version, RECORD_VERSION);
    }

    /// A record of `payload`, with the checksum that matches it.
    fn signed(payload: &[u8]) -> String {
        let mut text = format!(
            "{MAGIC}{RECORD_VERSION} r=1 n={} h={:016x}\n",
            payload.len(),
            checksum(RECORD_VERSION, 1, payload)
        );
        pack(payload, &mut text);
        text
    }

    #[test]
    fn a_checked_payload_that_is_no_plan_says_what_is_wrong_as_data() {
        let damaged = |payload: &[u8]| match decode_record(&signed(payload)) {
            Err(RecordError::Unreadable(Reason::Damaged(damage))) => damage,
            other => panic!("{payload:?}: {other:?}"),
        };
        let mut payload = encode_payload(&blank());
        payload.push(0);
        assert_eq!(damaged(&payload), Damage::BytesAfterPlan);
        assert_eq!(damaged(&[]), Damage::EndsInValue);
        assert_eq!(damaged(&[9, b'{']), Damage::CountTooLarge);
        // The plan's JSON without its fields: serde's words are the detail.
        let Damage::Json { part, detail } = damaged(&[2, b'{', b'}']) else {
            panic!("not a JSON problem");
        };
        assert_eq!(part, Part::Plan);
        assert!(detail.starts_with("missing field `name`"), "{detail}");
        assert_eq!(
            decode_record(&signed(&[2, b'{', b'}']))
                .unwrap_err()
                .to_string(),
            format!("the saved plan cannot be read: it is damaged (the plan: {detail})")
        );
        // A JSON part that is not UTF-8 is damage too, not a panic.
        let Damage::Json { part, detail } = damaged(&[2, b'"', 0xFF]) else {
            panic!("not a JSON problem");
        };
        assert_eq!(part, Part::Plan);
        assert!(detail.contains("invalid utf-8"), "{detail}");
    }

    #[test]
    fn headers_have_one_spelling() {
        let text = encode_record(&blank(), 12);
        assert_eq!(record_revision(&text), Some(12));
        assert!(decode_record(&text).is_ok());
        for edited in [
            text.replacen(" r=12 ", " r=012 ", 1),
            text.replacen(" r=12 ", " r=13 ", 1),
            text.replacen(" r=12 ", "  r=12 ", 1),
            text.replacen(" r=12 ", " r=12 x=1 ", 1),
            text.replacen(" h=", " h=0", 1),
            text.replacen("record 4 ", "record 04 ", 1),
            text.replacen("record 4 ", "record 1 ", 1),
            // The checksum from version 3 on covers the version.
            text.replacen("record 4 ", "record 2 ", 1),
            text.replacen("record 4 ", "record 3 ", 1),
        ] {
            assert!(
                matches!(decode_record(&edited), Err(RecordError::Unreadable(_))),
                "{edited:?}"
            );
        }
        let newer = text.replacen("record 4 ", "record 5 ", 1);
        assert_eq!(
            decode_record(&newer),
            Err(RecordError::Newer { version: 5 })
        );
        assert_eq!(record_revision(&newer), None);
        assert_eq!(record_revision("{\"format\": \"fleetplan-plan\"}"), Some(0));
        assert_eq!(record_revision("garbage"), None);
    }
}
