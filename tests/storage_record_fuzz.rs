//! Damaged records: tens of thousands of seeded mutations of saved records
//! (truncations, flipped, inserted and deleted characters, edited headers,
//! wrongly typed JSON, concatenations). Reading one never panics, never
//! allocates far beyond the size of the text, and a damaged version-2 record
//! is always refused rather than read as a different plan.
//!
//! Deterministic: a failure names its case number, and the same build
//! replays the same cases.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use fleetplan::format::plan_json::{parse_plan_file, write_plan_file};
use fleetplan::format::record::{RecordError, decode_record, encode_record};
use fleetplan::model::{Plan, generate_plan};

/// Notes the largest single allocation made by the current thread, so a
/// test can tell whether decoding trusted a declared length.
struct Largest;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    // `try_with`: allocations happen while thread locals are torn down too.
    let _ = LARGEST.try_with(|l| l.set(l.get().max(size)));
}

unsafe impl GlobalAlloc for Largest {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Largest = Largest;

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A character a record might hold, or one it never does.
    fn char(&mut self) -> char {
        let code = match self.below(4) {
            0 => 0x20 + self.below(0x5F) as u32,
            1 => 0xA0 + self.below(0x7FA1) as u32,
            2 => self.below(0x20) as u32,
            _ => self.next() as u32 % 0x11_0000,
        };
        char::from_u32(code).unwrap_or('\u{FFFD}')
    }
}

/// A random char boundary of `text` (0 and `len` included).
fn boundary(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

const HEADER_EDITS: &[(&str, &[&str])] = &[
    (
        "fleetplan-record 4 ",
        &[
            "fleetplan-record 0 ",
            "fleetplan-record 1 ",
            // A version-4 payload read as version 2 or 3: the checksum
            // covers the version from version 3 on.
            "fleetplan-record 2 ",
            "fleetplan-record 3 ",
            "fleetplan-record 5 ",
            "fleetplan-record 4294967295 ",
            "fleetplan-record 04 ",
            "fleetplan-record -4 ",
            "fleetplan-record 4.0 ",
            "fleetplan-record 4294967296 ",
            "fleetplan-record  4 ",
            "fleetplan-record 4\n",
            "fleetplan-recorb 4 ",
            "",
        ],
    ),
    (
        " n=",
        &[
            " n=18446744073709551615 n=",
            " n=99999999999999999999999 n=",
            " n=0 n=",
            " n=",
            " m=",
            " n=-",
            " n=1",
            " n=9",
        ],
    ),
    (
        " r=",
        &[" r=1", " r=0", " r=-", " r=18446744073709551616 r=", " r= "],
    ),
    (
        " h=",
        &[" h=0", " h=f", " h=", " h=X", " h=0123456789abcdef h="],
    ),
];

const JSON_EDITS: &[(&str, &[&str])] = &[
    (
        "\"fte\": \"",
        &[
            "\"fte\": \"x",
            "\"fte\": 1e999, \"x\": \"",
            "\"fte\": 4.955, \"y\": \"",
            "\"fte\": \"-",
            "\"fte\": [\"",
        ],
    ),
    (
        "\"positions\": [",
        &[
            "\"positions\": {}, \"x\": [",
            "\"positions\": [1e999, ",
            "\"positions\": null, \"z\": [",
            "\"positions\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ],
    ),
    (
        "\"version\": 1",
        &[
            "\"version\": 2",
            "\"version\": -1",
            "\"version\": 1e999",
            "\"version\": \"1\"",
            "\"version\": 18446744073709551616",
        ],
    ),
    (
        "\"months\": ",
        &[
            "\"months\": 1e999, \"q\": ",
            "\"months\": 99999999999999999999, \"q\": ",
            "\"months\": -",
        ],
    ),
    (
        "\"start\": \"",
        &[
            "\"start\": \"2026-02-30",
            "\"start\": \"x",
            "\"start\": 7, \"s\": \"",
        ],
    ),
    (
        "\"format\": \"fleetplan-plan\"",
        &["\"format\": \"other\"", "\"format\": null"],
    ),
    ("{", &["[", "{\"a\": {}, ", "{{"]),
];

/// Replaces one random occurrence of one of `edits`' patterns; where the
/// pattern does not occur, inserts the replacement somewhere instead.
fn replace_one(rng: &mut Rng, text: &str, edits: &[(&str, &[&str])]) -> String {
    let (pattern, replacements) = edits[rng.below(edits.len())];
    let hits: Vec<usize> = text.match_indices(pattern).map(|(i, _)| i).collect();
    if hits.is_empty() {
        let at = boundary(rng, text);
        return format!("{}{}{}", &text[..at], rng.pick(replacements), &text[at..]);
    }
    let at = hits[rng.below(hits.len())];
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..at]);
    out.push_str(rng.pick(replacements));
    out.push_str(&text[at + pattern.len()..]);
    out
}

fn mutate(rng: &mut Rng, text: &str, others: &[String]) -> String {
    match rng.below(9) {
        0 => text[..boundary(rng, text)].to_string(),
        1 => {
            // One character replaced, near the header or anywhere.
            let at = if rng.below(3) == 0 {
                let header = text.char_indices().nth(80).map_or(text.len(), |(i, _)| i);
                boundary(rng, &text[..header])
            } else {
                boundary(rng, text)
            };
            let mut out = text[..at].to_string();
            out.push(rng.char());
            let rest = &text[at..];
            out.push_str(
                rest.get(rest.chars().next().map_or(0, char::len_utf8)..)
                    .unwrap_or(""),
            );
            out
        }
        2 => {
            let at = boundary(rng, text);
            let mut out = text[..at].to_string();
            out.push(rng.char());
            out.push_str(&text[at..]);
            out
        }
        3 => {
            let at = boundary(rng, text);
            let rest = &text[at..];
            let skip = rest.chars().next().map_or(0, char::len_utf8);
            format!("{}{}", &text[..at], &rest[skip..])
        }
        4 => replace_one(rng, text, HEADER_EDITS),
        5 => replace_one(rng, text, JSON_EDITS),
        6 => {
            let other = &others[rng.below(others.len())];
            match rng.below(3) {
                0 => format!("{text}{other}"),
                1 => format!("{}{}", &text[..boundary(rng, text)], other),
                _ => format!("{text}{}", &other[..boundary(rng, other)]),
            }
        }
        7 => {
            // Deeply nested arrays where a value goes.
            // Mostly shallow; now and then far past any parser's limit.
            let depth = if rng.below(50) == 0 {
                100_000
            } else {
                1 + rng.below(300)
            };
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let edits: &[(&str, &[&str])] = &[("\"fte\": ", &[""])];
            let at = text.find(edits[0].0).map_or(0, |i| i + edits[0].0.len());
            format!("{}{}{}", &text[..at], nested, &text[at..])
        }
        _ => {
            // Several damages at once.
            let mut out = text.to_string();
            for _ in 0..2 + rng.below(3) {
                out = mutate(rng, &out, others);
            }
            out
        }
    }
}

struct Saved {
    name: &'static str,
    text: String,
    plan: Plan,
    revision: u64,
    /// Version 2: any change is damage. Version 1 (JSON) has no checksum,
    /// so an edit may well be another valid plan.
    checked: bool,
}

/// Decodes `text`, catching a panic and noting the largest allocation.
fn decode_watched(
    case: usize,
    name: &str,
    text: &str,
) -> Result<fleetplan::format::record::Record, RecordError> {
    LARGEST.with(|l| l.set(0));
    let result = catch_unwind(AssertUnwindSafe(|| decode_record(text)));
    let largest = LARGEST.with(Cell::get);
    let Ok(result) = result else {
        panic!(
            "case {case} ({name}): decoding panicked on {} chars starting {:?}",
            text.chars().count(),
            text.chars().take(120).collect::<String>()
        );
    };
    // Linear in the text: the plan itself takes a few times its record.
    let bound = 64 * text.len() + (1 << 20);
    assert!(
        largest <= bound,
        "case {case} ({name}): one allocation of {largest} bytes for {} bytes of text",
        text.len()
    );
    result
}

/// What the mutations of one set of saved records came to.
#[derive(Debug, Default)]
struct Outcomes {
    unreadable: usize,
    newer: usize,
    unchanged: usize,
    read: usize,
}

/// `cases` seeded mutations of `saved`, in turn: none may panic or allocate
/// beyond the text's size, and a checked record must refuse every change.
fn fuzz(saved: &[Saved], cases: usize, seed: u64) -> Outcomes {
    let others: Vec<String> = saved.iter().map(|s| s.text.clone()).collect();
    for s in saved {
        let record = decode_watched(0, s.name, &s.text).expect("the undamaged record reads");
        assert_eq!((&record.plan, record.revision), (&s.plan, s.revision));
    }
    let mut rng = Rng(seed);
    let mut outcomes = Outcomes::default();
    for case in 0..cases {
        let s = &saved[case % saved.len()];
        let text = mutate(&mut rng, &s.text, &others);
        // A "damage" that gives exactly another saved record is no damage:
        // that record, whole, reads as its own plan.
        if text != s.text && others.contains(&text) {
            continue;
        }
        let result = decode_watched(case, s.name, &text);
        if text == s.text {
            outcomes.unchanged += 1;
            assert!(
                result.is_ok(),
                "case {case} ({}): unchanged text refused",
                s.name
            );
            continue;
        }
        match result {
            Err(RecordError::Newer { .. }) => outcomes.newer += 1,
            Err(RecordError::Unreadable(reason)) => {
                assert!(
                    !reason.to_string().is_empty(),
                    "case {case}: a refusal without a reason"
                );
                outcomes.unreadable += 1;
            }
            Ok(record) => {
                assert!(
                    !s.checked,
                    "case {case} ({}): damaged record read as a plan; text starts {:?}",
                    s.name,
                    text.chars().take(120).collect::<String>()
                );
                // A JSON edit that still parses is read like the plan file.
                assert_eq!((record.version, record.revision), (1, 0), "case {case}");
                assert_eq!(Ok(record.plan), parse_plan_file(&text), "case {case}");
                outcomes.read += 1;
            }
        }
    }
    println!(
        "{cases} mutations of {}: {outcomes:?}",
        saved.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
    );
    outcomes
}

fn example() -> Plan {
    parse_plan_file(include_str!("../docs/example-plan.json")).expect("example")
}

fn small() -> Plan {
    generate_plan(12, 24, 2, 5)
}

#[test]
fn damaged_version_2_records_never_panic_and_are_always_refused() {
    let saved = [
        Saved {
            name: "v2 example",
            text: encode_record(&example(), 41),
            plan: example(),
            revision: 41,
            checked: true,
        },
        Saved {
            name: "v2 generated",
            text: encode_record(&small(), 7),
            plan: small(),
            revision: 7,
            checked: true,
        },
    ];
    let cases = 8_000;
    let outcomes = fuzz(&saved, cases, 0x5EED_F1EE_7B1A);
    assert_eq!(outcomes.read, 0);
    // The mutations must reach the paths they are for.
    assert!(outcomes.unreadable > cases * 9 / 10, "{outcomes:?}");
    assert!(
        outcomes.newer > 0,
        "no mutation reached the newer-version path"
    );
}

/// Version 1 has no checksum: a damaged plan file may read as another plan,
/// but then exactly as the plan file reader reads it.
#[test]
fn damaged_version_1_records_never_panic() {
    let saved = [
        Saved {
            name: "v1 example",
            text: include_str!("../docs/example-plan.json").to_string(),
            plan: example(),
            revision: 0,
            checked: false,
        },
        Saved {
            name: "v1 generated",
            text: write_plan_file(&small()),
            plan: small(),
            revision: 0,
            checked: false,
        },
    ];
    let cases = 2_500;
    let outcomes = fuzz(&saved, cases, 0x0DD_BA11_C0DE);
    assert!(outcomes.unreadable > cases / 2, "{outcomes:?}");
    assert!(outcomes.read > 0, "no mutation left a readable plan file");
}

#[test]
fn huge_declared_lengths_are_refused_without_allocating() {
    let text = encode_record(&generate_plan(2, 12, 1, 1), 1);
    for n in ["18446744073709551615", "4611686018427387904", "1000000000"] {
        let (head, tail) = text.split_once(" h=").expect("a checksum field");
        let head = head.rsplit_once(" n=").expect("a length field").0;
        let edited = format!("{head} n={n} h={tail}");
        assert!(matches!(
            decode_watched(0, n, &edited),
            Err(RecordError::Unreadable(_))
        ));
        assert!(LARGEST.with(Cell::get) < 1 << 20, "{n}");
    }
}

// A damaged payload with a valid checksum (a bug, or a record forged by
// hand) must be refused as well, or read; never panic. The checksum keeps
// such payloads from random damage, so they are made here: the packing and
// checksum below are written from docs/storage.md, independently of the
// codec, and must reproduce its records exactly.

/// The version-3 checksum: FNV-1a over the version, the revision and the
/// payload (docs/storage.md).
fn fnv1a(revision: u64, payload: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for &byte in 4_u32
        .to_le_bytes()
        .iter()
        .chain(&revision.to_le_bytes())
        .chain(payload)
    {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn unit_to_char(bits: u32) -> char {
    let code = bits + 0x20;
    char::from_u32(if code >= 0x7F { code + 0x21 } else { code }).expect("a char")
}

fn char_to_unit(c: char) -> u32 {
    let code = u32::from(c);
    if code < 0x7F {
        code - 0x20
    } else {
        code - 0x41
    }
}

fn signed(payload: &[u8], revision: u64) -> String {
    let mut text = format!(
        "fleetplan-record 4 r={revision} n={} h={:016x}\n",
        payload.len(),
        fnv1a(revision, payload)
    );
    // Big-endian bit order: the first byte's high bit is the first unit's.
    let (mut acc, mut held) = (0_u32, 0);
    for &byte in payload {
        acc = acc << 8 | u32::from(byte);
        held += 8;
        if held >= 15 {
            held -= 15;
            text.push(unit_to_char(acc >> held & 0x7FFF));
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        text.push(unit_to_char(acc << (15 - held) & 0x7FFF));
    }
    text
}

fn payload_of(record: &str) -> Vec<u8> {
    let (header, packed) = record.split_once('\n').expect("a header line");
    let length: usize = header
        .split(' ')
        .find_map(|f| f.strip_prefix("n="))
        .and_then(|n| n.parse().ok())
        .expect("a length");
    let bits: Vec<bool> = packed
        .chars()
        .flat_map(|c| {
            let unit = char_to_unit(c);
            (0..15).rev().map(move |i| unit >> i & 1 == 1)
        })
        .collect();
    bits.chunks(8)
        .take(length)
        .map(|byte| byte.iter().fold(0, |b, &bit| b << 1 | u8::from(bit)))
        .collect()
}

fn varint_at(bytes: &[u8], pos: &mut usize) -> u64 {
    let mut value = 0;
    for shift in (0..64).step_by(7) {
        let byte = bytes[*pos];
        *pos += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            break;
        }
    }
    value
}

fn varint(mut value: u64) -> Vec<u8> {
    let mut out = Vec::new();
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
    out
}

/// Where the payload's scenario count and its first position count start,
/// and where they end (docs/storage.md: plan JSON, count, scenario JSON,
/// count).
fn counts_of(payload: &[u8]) -> [(usize, usize); 2] {
    let mut pos = 0;
    let top = varint_at(payload, &mut pos) as usize;
    pos += top;
    let scenarios = pos;
    varint_at(payload, &mut pos);
    let scenarios = (scenarios, pos);
    let shell = varint_at(payload, &mut pos) as usize;
    pos += shell;
    let positions = pos;
    varint_at(payload, &mut pos);
    [scenarios, (positions, pos)]
}

#[test]
fn damaged_payloads_with_a_valid_checksum_never_panic() {
    let originals = [encode_record(&example(), 3), encode_record(&small(), 9)];
    let payloads: Vec<Vec<u8>> = originals.iter().map(|r| payload_of(r)).collect();
    for (record, payload) in originals.iter().zip(&payloads) {
        let revision = if record.contains(" r=3 ") { 3 } else { 9 };
        assert_eq!(&signed(payload, revision), record, "the documented layout");
    }
    let mut rng = Rng(0xB17E_5EED);
    let (mut refused, mut read) = (0, 0);
    let cases = 1_500;
    for case in 0..cases {
        let mut bytes = payloads[case % payloads.len()].clone();
        if case % 3 == 0 {
            // A count far larger than the data: nothing may be allocated for it.
            let (start, end) = counts_of(&bytes)[rng.below(2)];
            let huge = match rng.below(3) {
                0 => rng.next(),
                1 => (1 << (10 + rng.below(54))) - 1,
                _ => u64::MAX,
            };
            bytes.splice(start..end, varint(huge));
            if rng.below(2) == 0 {
                // With nothing after it, or with the rest of the plan.
                bytes.truncate(end + 4);
            }
        }
        let damages = if case % 3 == 0 { 0 } else { 1 } + rng.below(3);
        for _ in 0..damages {
            let at = rng.below(bytes.len());
            match rng.below(5) {
                0 => bytes.truncate(at),
                1 => {
                    if let Some(b) = bytes.get_mut(at) {
                        *b ^= 1 << rng.below(8);
                    }
                }
                2 => bytes.insert(at.min(bytes.len()), rng.next() as u8),
                3 => {
                    if at < bytes.len() {
                        bytes.remove(at);
                    }
                }
                // A long varint: a huge count, length or string number.
                _ => {
                    let run = 1 + rng.below(20);
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, std::iter::repeat_n(0xFF, run).chain([0x0F]));
                }
            }
        }
        match decode_watched(case, "forged", &signed(&bytes, 1)) {
            Ok(_) => read += 1,
            Err(RecordError::Unreadable(reason)) => {
                assert!(
                    reason.to_string().contains("damaged"),
                    "case {case}: {reason}"
                );
                refused += 1;
            }
            Err(e) => panic!("case {case}: {e:?}"),
        }
    }
    println!("{cases} forged payloads: {refused} refused, {read} read");
    assert!(refused > cases / 2, "{refused}");
}
