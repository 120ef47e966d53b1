//! The loader against damaged records: 10,000 random mutations of saved
//! records (truncation, flipped, inserted and deleted characters, edited
//! headers, wrong versions, wrong types, huge values) under a plan's key.
//! Whatever is there, starting the app does not panic, a record that cannot
//! be read keeps its raw text untouched (and a copy under the recovery key,
//! or, with no room for one, the record itself listed with the kept texts),
//! and the other plan still opens.

use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::format::record::encode_record;
use fleetplan::model::{Plan, YearMonth, generate_plan};
use fleetplan::storage::library::{KeyValue, Library, MemoryStore, Opened, plan_key, recovery_key};

/// xorshift64*: deterministic, so a failure names its case and reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPLICES: &[&str] = &[
    "\"x\"",
    "{}",
    "[]",
    "null",
    "1e999",
    "-1",
    "18446744073709551616",
    "99999999999999999999999999999",
    "\u{FFFF}",
    "\u{1F600}",
    "\\u0000",
    "\n",
    "fleetplan-record 4 ",
    "fleetplan-record 2 r=18446744073709551615 ",
    "n=4294967295 ",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\"version\": 2",
    "\"positions\": {}",
    "\"fte\": \"x\"",
];

fn char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut text = base.to_string();
    for _ in 0..=rng.below(3) {
        let at = char_boundary(&text, rng.below(text.len() + 1));
        match rng.below(7) {
            // Truncated.
            0 => text.truncate(at),
            // A character replaced by another (a flipped bit, mostly).
            1 => {
                if let Some(c) = text[at..].chars().next() {
                    let flipped = char::from_u32(c as u32 ^ (1 << rng.below(15))).unwrap_or('?');
                    text.replace_range(at..at + c.len_utf8(), &flipped.to_string());
                }
            }
            // A character deleted.
            2 => {
                if let Some(c) = text[at..].chars().next() {
                    text.replace_range(at..at + c.len_utf8(), "");
                }
            }
            // Something inserted.
            3 => text.insert_str(at, SPLICES[rng.below(SPLICES.len())]),
            // A value replaced by one of another type or size.
            4 => {
                let end = char_boundary(&text, at + rng.below(12));
                text.replace_range(at..end, SPLICES[rng.below(SPLICES.len())]);
            }
            // The header's numbers changed.
            5 => {
                let digits = ["0", "1", "2", "3", "9", "4294967296", "-2", "x"];
                let digit = digits[rng.below(digits.len())];
                if let Some(i) = text.find(|c: char| c.is_ascii_digit()) {
                    text.replace_range(i..i + 1, digit);
                }
            }
            // Two records run together.
            _ => {
                let tail = &base[char_boundary(base, rng.below(base.len()))..];
                text.push_str(tail);
            }
        }
    }
    text
}

fn small_plan() -> Plan {
    let mut plan = generate_plan(3, 12, 2, 7);
    plan.scenarios[0].positions[0].title = "データエンジニア".into();
    plan
}

fn bases() -> [String; 4] {
    let example = read_plan_file(include_str!("../docs/example-plan.json")).unwrap();
    [
        encode_record(&example, 7),
        encode_record(&small_plan(), 1),
        write_plan_file(&small_plan()),
        include_str!("fixtures/storage/plan-record-v0.json").to_string(),
    ]
}

#[test]
fn ten_thousand_damaged_records_load_without_panic_or_loss() {
    let bases = bases();
    let other = Plan::blank("Other", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
    let mut rng = Rng(0x5EED_F1EE_7B1A_2026);
    let (mut readable, mut unreadable, mut newer) = (0, 0, 0);
    for case in 0..10_000 {
        let base = &bases[case % bases.len()];
        let damaged = mutate(&mut rng, base);
        let mut library = Library::new(MemoryStore::default());
        let good = library.create(&other).unwrap();
        let bad = library.create(&other).unwrap();
        // Opened last, then damaged: the app tries it first on start.
        assert!(matches!(library.open_chosen(&bad), Opened::Plan { .. }));
        library.store_mut().set(&plan_key(&bad), &damaged).unwrap();

        let start =
            library.start(|| panic!("case {case}: a plan is stored, none should be created"));
        match start.opened {
            Opened::Plan { id, .. } if id == bad => readable += 1,
            Opened::Plan { id, plan, .. } => {
                assert_eq!(id, good, "case {case}");
                assert_eq!(plan, other, "case {case}: the other plan opens");
                let raw = library.store().get(&plan_key(&bad)).unwrap();
                assert_eq!(
                    raw.as_deref(),
                    Some(damaged.as_str()),
                    "case {case}: raw text untouched"
                );
                assert_eq!(start.notices.len(), 1, "case {case}: {:?}", start.notices);
                if start.notices[0].to_string().contains("newer version") {
                    newer += 1;
                } else {
                    unreadable += 1;
                    let kept = library.store().get(&recovery_key(&bad)).unwrap();
                    assert_eq!(
                        kept.as_deref(),
                        Some(damaged.as_str()),
                        "case {case}: copy kept"
                    );
                }
                // And a save into it is refused.
                assert!(library.save(&bad, &other, 1).is_err(), "case {case}");
                let raw = library.store().get(&plan_key(&bad)).unwrap();
                assert_eq!(raw.as_deref(), Some(damaged.as_str()), "case {case}");
            }
            other => panic!("case {case}: {other:?}"),
        }
    }
    // The mutations reach every outcome, so the test exercises each branch.
    assert!(
        readable > 100 && unreadable > 5_000 && newer > 10,
        "{readable} {unreadable} {newer}"
    );
}

#[test]
fn damaged_records_with_no_room_for_a_copy_stay_listed_with_their_text() {
    let bases = bases();
    let other = Plan::blank("Other", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
    let mut rng = Rng(0xF011_57A6_E000_2026);
    let mut unreadable = 0;
    for case in 0..2_000 {
        let damaged = mutate(&mut rng, &bases[case % bases.len()]);
        let mut library = Library::new(MemoryStore::default());
        let good = library.create(&other).unwrap();
        let bad = library.create(&other).unwrap();
        assert!(matches!(library.open_chosen(&bad), Opened::Plan { .. }));
        library.store_mut().set(&plan_key(&bad), &damaged).unwrap();
        // Full: a copy of the damaged text cannot be stored.
        library.store_mut().quota = Some(library.store().used());

        let start = library.start(|| panic!("case {case}: no plan should be created"));
        let Opened::Plan { id, .. } = start.opened else {
            panic!("case {case}: {:?}", start.opened);
        };
        if id == bad || start.notices[0].to_string().contains("newer version") {
            continue;
        }
        unreadable += 1;
        assert_eq!(id, good, "case {case}");
        assert_eq!(library.store().get(&recovery_key(&bad)).unwrap(), None);
        let listed = library.recoveries();
        assert_eq!(listed.len(), 1, "case {case}: {listed:?}");
        assert_eq!(listed[0].key, plan_key(&bad), "case {case}");
        assert!(listed[0].in_place, "case {case}");
        assert_eq!(
            library.recovery_text(&listed[0].key).as_deref(),
            Some(damaged.as_str()),
            "case {case}: its text, untouched"
        );
    }
    assert!(unreadable > 1_000, "{unreadable}");
}
