//! The plans kept on this device (`storage::library`) over a store in
//! memory with local storage's quota rule: several plans, the last one
//! reopening, revisions between tabs, faults that must not lose data.

use std::cell::RefCell;
use std::rc::Rc;

use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::format::record::{RECORD_VERSION, decode_record};
use fleetplan::model::{Plan, YearMonth, forecast_scenario};
use fleetplan::storage::library::{
    INDEX_KEY, IndexProblem, KeyValue, LEGACY_PLAN_KEY, Library, MemoryStore, Notice, Opened,
    PlanRef, RecoveryLabel, RenameError, SaveError, StoreError, plan_key, recovery_key,
    replaced_key, unique_name,
};

fn example() -> Plan {
    read_plan_file(include_str!("../docs/example-plan.json")).expect("the example is valid")
}

fn blank(name: &str) -> Plan {
    Plan::blank(name, "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12)
}

/// A store that records which keys were written.
#[derive(Clone, Default)]
struct Watched {
    inner: MemoryStore,
    writes: Rc<RefCell<Vec<String>>>,
}

impl KeyValue for Watched {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writes.borrow_mut().push(key.to_string());
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.inner.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
}

/// How a record of the current version begins.
fn current_header() -> String {
    format!("fleetplan-record {RECORD_VERSION} ")
}

/// A record cut in half (at a character, whatever characters it packs).
fn first_half(record: &str) -> String {
    record.chars().take(record.chars().count() / 2).collect()
}

fn opened_plan(opened: Opened) -> (String, Plan, u64) {
    match opened {
        Opened::Plan { id, plan, revision } => (id, plan, revision),
        other => panic!("expected a plan, got {other:?}"),
    }
}

#[test]
fn a_fresh_store_starts_with_a_new_plan_in_the_list() {
    let mut library = Library::new(MemoryStore::default());
    let start = library.start(|| blank("First"));
    let (id, plan, revision) = opened_plan(start.opened);
    assert_eq!(plan.name, "First");
    assert_eq!(revision, 1);
    let index = library.index().unwrap();
    assert_eq!(index.plans.len(), 1);
    assert_eq!(index.plans[0].id, id);
    assert!(start.notices.is_empty());
}

#[test]
fn several_plans_are_created_renamed_duplicated_and_deleted() {
    let mut library = Library::new(MemoryStore::default());
    let a = library.create(&example()).unwrap();
    let b = library.create(&blank("Second")).unwrap();
    assert_ne!(a, b);

    library.rename(&b, "  Hiring plan  ").unwrap();
    assert_eq!(
        library.rename(&b, "   "),
        Err(RenameError::EmptyName),
        "an empty name is refused"
    );
    let (_, renamed, revision) = opened_plan(library.open(&b));
    assert_eq!(renamed.name, "Hiring plan");
    assert_eq!(revision, 2, "a rename is a save");

    let copy = library.duplicate(&a).unwrap();
    let (_, copied, _) = opened_plan(library.open(&copy));
    let mut expected = example();
    expected.name = format!("{} (copy)", expected.name);
    assert_eq!(
        copied, expected,
        "a duplicate is a full copy under a new name"
    );

    library.delete(&a).unwrap();
    let names: Vec<String> = library
        .index()
        .unwrap()
        .plans
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Hiring plan", expected.name.as_str()]);
    assert!(matches!(library.open(&a), Opened::Missing { .. }));
    assert_eq!(library.store().get(&plan_key(&a)).unwrap(), None);
}

#[test]
fn the_plan_opened_last_reopens_on_start() {
    let mut library = Library::new(MemoryStore::default());
    library.create(&blank("One")).unwrap();
    let two = library.create(&blank("Two")).unwrap();
    assert!(matches!(library.open_chosen(&two), Opened::Plan { .. }));
    let store = library.store().clone();
    let mut again = Library::new(store);
    let (id, plan, _) = opened_plan(again.start(|| blank("unused")).opened);
    assert_eq!((id.as_str(), plan.name.as_str()), (two.as_str(), "Two"));
}

#[test]
fn saving_one_plan_writes_only_its_record() {
    let store = Watched::default();
    let writes = store.writes.clone();
    let mut library = Library::new(store);
    let a = library.create(&example()).unwrap();
    let b = library.create(&blank("Other")).unwrap();
    let other_before = library.store().get(&plan_key(&b)).unwrap();
    writes.borrow_mut().clear();

    let mut plan = example();
    plan.scenarios[0].positions[0].title = "Head of Engineering".into();
    let revision = library.save(&a, &plan, 1).unwrap();
    assert_eq!(revision, 2);
    assert_eq!(*writes.borrow(), [plan_key(&a)], "only the plan's record");
    assert_eq!(library.store().get(&plan_key(&b)).unwrap(), other_before);

    // A new name is also written to the list.
    writes.borrow_mut().clear();
    plan.name = "Renamed".into();
    library.save(&a, &plan, 2).unwrap();
    assert_eq!(*writes.borrow(), [plan_key(&a), INDEX_KEY.to_string()]);
    assert_eq!(library.index().unwrap().plans[0].name, "Renamed");
}

#[test]
fn a_save_from_a_tab_that_missed_another_tabs_save_is_refused() {
    let mut library = Library::new(MemoryStore::default());
    let id = library.create(&example()).unwrap();
    // Two tabs opened the plan at revision 1; the first saves.
    let mut first = example();
    first.scenarios[0].positions[0].title = "First tab".into();
    assert_eq!(library.save(&id, &first, 1), Ok(2));
    // The second's save still expects revision 1.
    let mut second = example();
    second.scenarios[0].positions[1].title = "Second tab".into();
    assert_eq!(
        library.save(&id, &second, 1),
        Err(SaveError::Conflict { theirs: 2 })
    );
    let (_, stored, _) = opened_plan(library.open(&id));
    assert_eq!(stored, first, "the first tab's save is not discarded");
    // The person chose to keep the second tab's plan.
    assert_eq!(library.overwrite(&id, &second, 1), Ok(3));
    let (_, stored, revision) = opened_plan(library.open(&id));
    assert_eq!((stored, revision), (second, 3));
    // The first tab, told of revision 3, learns its revision 2 was replaced.
    assert_eq!(library.replaced_since(&id, 3), Some(1));
}

#[test]
fn keep_mine_says_which_revisions_it_replaced() {
    let mut library = Library::new(MemoryStore::default());
    let id = library.create(&example()).unwrap();
    // The first tab saves twice (revisions 2 and 3, the second after the
    // clash); the second tab, still at revision 1, keeps its version.
    let mut first = example();
    first.scenarios[0].positions[0].title = "First tab".into();
    assert_eq!(library.save(&id, &first, 1), Ok(2));
    first.scenarios[0].positions[0].title = "First tab, after the clash".into();
    assert_eq!(library.save(&id, &first, 2), Ok(3));
    let mut second = example();
    second.scenarios[0].positions[1].title = "Second tab".into();
    assert_eq!(library.overwrite(&id, &second, 1), Ok(4));
    assert_eq!(
        library.replaced_since(&id, 4),
        Some(1),
        "revisions 2 and 3 were replaced"
    );
    // Any other revision replaced nothing: a save that follows is a save.
    assert_eq!(library.replaced_since(&id, 3), None);
    let (_, _, revision) = opened_plan(library.open(&id));
    assert_eq!(library.save(&id, &second, revision), Ok(5));
    assert_eq!(library.replaced_since(&id, 5), None);

    // Keeping this tab's version when no other tab saved in between
    // replaces nothing, and says nothing.
    let other = library.create(&blank("Other")).unwrap();
    assert_eq!(library.overwrite(&other, &blank("Other"), 1), Ok(2));
    assert_eq!(library.replaced_since(&other, 2), None);
    assert_eq!(library.store().get(&replaced_key(&other)).unwrap(), None);

    // A keep-mine that cannot be written leaves no word of a replacement
    // behind (the revision it would have had may be saved later).
    assert_eq!(library.save(&other, &blank("Other"), 2), Ok(3));
    // Room for the word of it, not for the record.
    library.store_mut().quota = Some(library.store().used() + 200);
    let mut bigger = example();
    bigger.name = "Other".into();
    assert_eq!(library.overwrite(&other, &bigger, 2), Err(SaveError::Full));
    assert_eq!(library.store().get(&replaced_key(&other)).unwrap(), None);
    library.store_mut().quota = None;

    // Deleting the plan deletes what was said of it.
    assert!(library.store().get(&replaced_key(&id)).unwrap().is_some());
    library.delete(&id).unwrap();
    assert_eq!(library.store().get(&replaced_key(&id)).unwrap(), None);
    // Not a plan, not a kept text.
    assert!(library.recoveries().is_empty());
    assert_eq!(library.index().unwrap().plans.len(), 1);
}

#[test]
fn an_unreadable_record_is_kept_and_the_other_plans_still_open() {
    let mut library = Library::new(MemoryStore::default());
    let good = library.create(&blank("Good")).unwrap();
    let bad = library.create(&example()).unwrap();
    assert!(matches!(library.open_chosen(&bad), Opened::Plan { .. }));
    let record = library.store().get(&plan_key(&bad)).unwrap().unwrap();
    let broken = first_half(&record);
    library.store_mut().set(&plan_key(&bad), &broken).unwrap();

    let start = library.start(|| blank("unused"));
    let (id, plan, _) = opened_plan(start.opened);
    assert_eq!((id.as_str(), plan.name.as_str()), (good.as_str(), "Good"));
    assert_eq!(start.notices.len(), 1);
    assert!(
        start.notices[0].to_string().contains("could not be read")
            && start.notices[0].to_string().contains(&recovery_key(&bad)),
        "{}",
        start.notices[0]
    );
    assert_eq!(
        library.store().get(&recovery_key(&bad)).unwrap().as_deref(),
        Some(broken.as_str())
    );
    // Never written over, even by a save that thinks it owns it.
    assert_eq!(library.save(&bad, &example(), 1), Err(SaveError::Blocked));
    assert_eq!(
        library.store().get(&plan_key(&bad)).unwrap().as_deref(),
        Some(broken.as_str())
    );
    let recoveries = library.recoveries();
    assert_eq!(recoveries.len(), 1);
    assert_eq!(recoveries[0].key, recovery_key(&bad));
    assert!(
        recoveries[0]
            .label
            .to_string()
            .contains("Engineering budget"),
        "{:?}",
        recoveries[0]
    );
    assert_eq!(
        library.recovery_text(&recoveries[0].key).as_deref(),
        Some(broken.as_str())
    );
    library.discard_recovery(&recoveries[0].key);
    assert!(library.recoveries().is_empty());
    assert_eq!(
        library.recovery_text(INDEX_KEY),
        None,
        "only kept texts are offered"
    );
}

#[test]
fn a_record_from_a_newer_version_is_left_alone() {
    let mut library = Library::new(MemoryStore::default());
    let id = library.create(&example()).unwrap();
    let record = library.store().get(&plan_key(&id)).unwrap().unwrap();
    let newer = record.replacen(&current_header(), "fleetplan-record 9 ", 1);
    assert_ne!(newer, record);
    library.store_mut().set(&plan_key(&id), &newer).unwrap();
    assert!(matches!(
        library.open(&id),
        Opened::Newer { version: 9, .. }
    ));
    assert_eq!(library.save(&id, &example(), 1), Err(SaveError::Blocked));
    assert_eq!(
        library.overwrite(&id, &example(), 1),
        Err(SaveError::Blocked)
    );
    assert_eq!(
        library.store().get(&plan_key(&id)).unwrap().as_deref(),
        Some(newer.as_str())
    );
}

#[test]
fn the_first_versions_plan_becomes_the_first_plan_of_the_list() {
    let v1 = include_str!("fixtures/storage/plan-record-v0.json");
    let mut store = MemoryStore::default();
    store.set(LEGACY_PLAN_KEY, v1).unwrap();
    let mut library = Library::new(store);
    let start = library.start(|| blank("unused"));
    assert!(start.notices.is_empty(), "{:?}", start.notices);
    let (id, plan, _) = opened_plan(start.opened);
    assert_eq!(plan.name, "FY2026 エンジニアリング予算");
    assert_eq!(forecast_scenario(&plan, 0).unwrap().total(), 13_800_000);
    assert_eq!(library.store().get(LEGACY_PLAN_KEY).unwrap(), None);
    let stored = library.store().get(&plan_key(&id)).unwrap().unwrap();
    assert!(
        stored.starts_with(&current_header()),
        "written in the current format"
    );
    assert_eq!(decode_record(&stored).unwrap().plan, plan);
}

#[test]
fn an_unreadable_first_version_plan_stays_where_it_was() {
    let mut store = MemoryStore::default();
    store
        .set(LEGACY_PLAN_KEY, "{\"format\": \"fleetplan-plan\", \"ver")
        .unwrap();
    let mut library = Library::new(store);
    let (_, plan, _) = opened_plan(library.start(|| blank("New")).opened);
    assert_eq!(plan.name, "New");
    assert!(library.store().get(LEGACY_PLAN_KEY).unwrap().is_some());
    let recoveries = library.recoveries();
    assert_eq!(recoveries.len(), 1);
    assert_eq!(recoveries[0].key, LEGACY_PLAN_KEY);
}

#[test]
fn a_full_store_refuses_the_save_and_keeps_what_was_stored() {
    let mut library = Library::new(MemoryStore::default());
    let id = library.create(&example()).unwrap();
    let stored = library.store().get(&plan_key(&id)).unwrap();
    let used = library.store().used();
    library.store_mut().quota = Some(used);
    let mut bigger = example();
    bigger.scenarios[0].positions[0].title = "A much longer title than before, surely".into();
    assert_eq!(library.save(&id, &bigger, 1), Err(SaveError::Full));
    assert_eq!(library.store().get(&plan_key(&id)).unwrap(), stored);
    assert_eq!(library.create(&blank("More")), Err(SaveError::Full));
    assert_eq!(library.index().unwrap().plans.len(), 1);
    // Room again: the same revision saves.
    library.store_mut().quota = None;
    assert_eq!(library.save(&id, &bigger, 1), Ok(2));
}

#[test]
fn an_unreadable_plan_list_is_kept_and_rebuilt_from_the_records() {
    let mut library = Library::new(MemoryStore::default());
    let a = library.create(&blank("Alpha")).unwrap();
    let b = library.create(&example()).unwrap();
    library
        .store_mut()
        .set(INDEX_KEY, "{\"format\": 1")
        .unwrap();
    let start = library.start(|| blank("unused"));
    assert!(
        start.notices[0].to_string().contains("rebuilt"),
        "{:?}",
        start.notices
    );
    let index = library.index().unwrap();
    let listed: Vec<(&str, &str)> = index
        .plans
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (a.as_str(), "Alpha"),
            (b.as_str(), "Engineering budget FY2026-FY2027")
        ]
    );
    assert_eq!(
        library
            .store()
            .get(&recovery_key("index"))
            .unwrap()
            .as_deref(),
        Some("{\"format\": 1")
    );
}

#[test]
fn a_missing_plan_list_is_rebuilt_from_the_records_and_the_person_told() {
    let mut library = Library::new(MemoryStore::default());
    let a = library.create(&blank("Alpha")).unwrap();
    let b = library.create(&example()).unwrap();
    assert!(matches!(library.open_chosen(&b), Opened::Plan { .. }));
    library.store_mut().remove(INDEX_KEY);
    let keys_before = library.store().keys().len();

    // Another tab (a reload) starts on the same store.
    let mut again = Library::new(library.store().clone());
    let start = again.start(|| panic!("plans are stored: no new plan is created"));
    assert_eq!(start.notices, [Notice::IndexMissing { plans: 2 }]);
    assert_eq!(
        start.notices[0].to_string(),
        "The list of plans was missing; it was rebuilt from the 2 plans found."
    );
    let (id, plan, _) = opened_plan(start.opened);
    assert_eq!((id.as_str(), plan.name.as_str()), (a.as_str(), "Alpha"));
    let listed: Vec<(String, String)> = again
        .index()
        .unwrap()
        .plans
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    assert_eq!(
        listed,
        [
            (a.clone(), "Alpha".to_string()),
            (b.clone(), "Engineering budget FY2026-FY2027".to_string())
        ]
    );
    // The list is back, and nothing else was added.
    assert_eq!(again.store().keys().len(), keys_before + 1);
    assert!(again.start(|| blank("unused")).notices.is_empty());

    // Removed while the app runs: the next look at the list rebuilds it.
    again.store_mut().remove(INDEX_KEY);
    match again.index() {
        Err(problem @ IndexProblem::Lost(_)) => {
            assert_eq!(problem.notice(), Some(Notice::IndexMissing { plans: 2 }))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(again.index().unwrap().plans.len(), 2);
    // A create on a missing list keeps the plans stored in it.
    again.store_mut().remove(INDEX_KEY);
    let c = again.create(&blank("Gamma")).unwrap();
    assert_eq!(listed_names(&mut again).len(), 3);
    assert_ne!(c, a);

    // No list and no records: a first start, nothing to say.
    let mut fresh = Library::new(MemoryStore::default());
    assert!(fresh.start(|| blank("First")).notices.is_empty());
}

#[test]
fn an_unreadable_record_with_no_room_for_a_copy_is_listed_as_itself() {
    let mut library = Library::new(MemoryStore::default());
    let good = library.create(&blank("Good")).unwrap();
    let bad = library.create(&example()).unwrap();
    assert!(matches!(library.open_chosen(&bad), Opened::Plan { .. }));
    let record = library.store().get(&plan_key(&bad)).unwrap().unwrap();
    let broken = first_half(&record);
    library.store_mut().set(&plan_key(&bad), &broken).unwrap();
    // Full: not even a copy fits.
    library.store_mut().quota = Some(library.store().used());

    let mut tab = Library::new(library.store().clone());
    let start = tab.start(|| blank("unused"));
    let (id, _, _) = opened_plan(start.opened);
    assert_eq!(id, good);
    match &start.notices[..] {
        [
            Notice::Unreadable {
                plan: PlanRef::Named(name),
                key,
                kept: false,
                ..
            },
        ] => {
            assert_eq!(name, "Engineering budget FY2026-FY2027");
            assert_eq!(*key, plan_key(&bad));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        start.notices[0]
            .to_string()
            .contains("no room for a copy, so its text stays untouched under its own key"),
        "{}",
        start.notices[0]
    );
    assert_eq!(tab.store().get(&recovery_key(&bad)).unwrap(), None);

    // Listed with the kept texts, with its text, like a copy.
    let recoveries = tab.recoveries();
    assert_eq!(recoveries.len(), 1, "{recoveries:?}");
    assert_eq!(recoveries[0].key, plan_key(&bad));
    assert!(recoveries[0].in_place);
    assert_eq!(
        recoveries[0].label,
        RecoveryLabel::Plan {
            name: "Engineering budget FY2026-FY2027".into()
        }
    );
    assert_eq!(recoveries[0].length, broken.chars().count());
    assert_eq!(
        tab.recovery_text(&plan_key(&bad)).as_deref(),
        Some(broken.as_str())
    );
    // A readable record is not a kept text.
    assert_eq!(tab.recovery_text(&plan_key(&good)), None);

    // Room again: opening it copies it, and the copy is listed instead.
    tab.store_mut().quota = None;
    assert!(matches!(
        tab.open(&bad),
        Opened::Unreadable { kept: true, .. }
    ));
    let recoveries = tab.recoveries();
    assert_eq!(recoveries.len(), 1);
    assert_eq!(
        (recoveries[0].key.as_str(), recoveries[0].in_place),
        (recovery_key(&bad).as_str(), false)
    );

    // Discarding a record kept in place deletes its plan.
    let mut full = Library::new(library.store().clone());
    full.store_mut().quota = Some(full.store().used());
    assert!(matches!(
        full.open(&bad),
        Opened::Unreadable { kept: false, .. }
    ));
    assert_eq!(full.recoveries().len(), 1);
    full.discard_recovery(&plan_key(&bad));
    assert!(full.recoveries().is_empty());
    assert_eq!(full.store().get(&plan_key(&bad)).unwrap(), None);
    assert_eq!(listed_names(&mut full), ["Good"]);
    // A readable plan is never discarded as a kept text.
    full.discard_recovery(&plan_key(&good));
    assert!(full.store().get(&plan_key(&good)).unwrap().is_some());
}

#[test]
fn a_plan_list_from_a_newer_version_changes_nothing() {
    let mut store = MemoryStore::default();
    let index = "{\"format\":\"fleetplan-plans\",\"version\":7,\"plans\":[]}";
    store.set(INDEX_KEY, index).unwrap();
    let mut library = Library::new(store);
    let start = library.start(|| blank("New"));
    assert!(start.newer_index);
    assert_eq!(library.create(&blank("x")), Err(SaveError::Blocked));
    assert_eq!(
        library.store().get(INDEX_KEY).unwrap().as_deref(),
        Some(index)
    );
    assert_eq!(library.store().keys(), [INDEX_KEY]);
}

#[test]
fn a_backup_file_opened_as_a_new_plan_is_the_same_plan() {
    let mut library = Library::new(MemoryStore::default());
    let text = write_plan_file(&example());
    let plan = read_plan_file(&text).unwrap();
    let id = library.create(&plan).unwrap();
    let (_, opened, _) = opened_plan(library.open(&id));
    assert_eq!(write_plan_file(&opened), text);
}

#[test]
fn a_plan_of_5000_positions_in_3_scenarios_fits_in_1_5_mib() {
    let plan = fleetplan::model::generate_plan(5000, 36, 3, 2026);
    let mut library = Library::new(MemoryStore::with_quota(1536 * 1024));
    let id = library.create(&plan).expect("fits in 1.5 MiB");
    assert!(library.store().used() <= 1536 * 1024);
    let (_, opened, _) = opened_plan(library.open(&id));
    assert!(opened == plan);
}

fn listed_names<S: KeyValue>(library: &mut Library<S>) -> Vec<String> {
    library
        .index()
        .unwrap()
        .plans
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn a_name_taken_gets_the_next_free_number() {
    assert_eq!(unique_name("Budget", ["Plan", "Other"]), "Budget");
    assert_eq!(unique_name("Budget", ["Budget"]), "Budget (2)");
    assert_eq!(
        unique_name("Budget", ["Budget", "Budget (2)", "Budget (4)"]),
        "Budget (3)"
    );
    // A numbered name counts on from its stem, not "Budget (2) (2)".
    assert_eq!(
        unique_name("Budget (2)", ["Budget", "Budget (2)"]),
        "Budget (3)"
    );
    assert_eq!(unique_name("Budget (2)", ["Budget"]), "Budget (2)");
    // Not a number of ours: kept whole.
    assert_eq!(
        unique_name("Budget (copy)", ["Budget (copy)"]),
        "Budget (copy) (2)"
    );
    assert_eq!(unique_name("FY (1)", ["FY (1)"]), "FY (1) (2)");
    assert_eq!(unique_name("(2)", ["(2)"]), "(2) (2)");
    // Spaces around a name do not make it another name.
    assert_eq!(unique_name(" Budget ", ["Budget"]), "Budget (2)");
    assert_eq!(unique_name("Budget", [" Budget "]), "Budget (2)");
    assert_eq!(unique_name("予算", ["予算"]), "予算 (2)");
}

#[test]
fn creating_duplicating_and_opening_a_file_keep_names_unique() {
    let mut library = Library::new(MemoryStore::default());
    let first = library.create(&blank("Budget")).unwrap();
    let second = library.create(&blank("Budget")).unwrap();
    let third = library.create_entry(&blank("Budget")).unwrap();
    assert_eq!(third.name, "Budget (3)");
    let (_, opened, _) = opened_plan(library.open(&second));
    assert_eq!(opened.name, "Budget (2)", "the record has the name listed");
    assert_eq!(opened, blank("Budget (2)"), "only the name differs");

    // Duplicates: "… (copy)", then numbered.
    library.duplicate(&first).unwrap();
    library.duplicate(&first).unwrap();
    library
        .duplicate_named(&second, |name| format!("{name} (copy)"))
        .unwrap();
    // A plan file whose name is taken, as a backup opened again.
    let file = read_plan_file(&write_plan_file(&blank("Budget (2)"))).unwrap();
    let opened_file = library.create(&file).unwrap();
    assert_eq!(
        listed_names(&mut library),
        [
            "Budget",
            "Budget (2)",
            "Budget (3)",
            "Budget (copy)",
            "Budget (copy) (2)",
            "Budget (2) (copy)",
            "Budget (4)",
        ]
    );
    let (_, plan, _) = opened_plan(library.open(&opened_file));
    assert_eq!(plan.name, "Budget (4)");

    // A name freed by a delete can be taken again.
    library.delete(&first).unwrap();
    let again = library.create_entry(&blank("Budget")).unwrap();
    assert_eq!(again.name, "Budget");
}

#[test]
fn a_new_plan_on_start_is_numbered_like_the_one_stored() {
    // The only plan cannot be read: start makes a new one, whose name the
    // unreadable one has.
    let mut library = Library::new(MemoryStore::default());
    let id = library.create(&blank("My plan")).unwrap();
    library.store_mut().set(&plan_key(&id), "damaged").unwrap();
    let start = library.start(|| blank("My plan"));
    let (new_id, plan, _) = opened_plan(start.opened);
    assert_ne!(new_id, id);
    assert_eq!(plan.name, "My plan (2)");
    let (_, stored, _) = opened_plan(library.open(&new_id));
    assert_eq!(stored, plan, "the plan opened is the one stored");
    assert_eq!(listed_names(&mut library), ["My plan", "My plan (2)"]);
}

#[test]
fn a_rename_to_a_name_taken_is_refused_and_changes_nothing() {
    let mut library = Library::new(MemoryStore::default());
    let budget = library.create(&blank("Budget")).unwrap();
    let stretch = library.create(&blank("Stretch")).unwrap();
    let before = library.store().clone();
    assert_eq!(
        library.rename(&stretch, "  Budget "),
        Err(RenameError::NameTaken {
            name: "Budget".into()
        })
    );
    assert_eq!(library.store().keys(), before.keys());
    for key in before.keys() {
        assert_eq!(library.store().get(&key), before.get(&key), "{key}");
    }
    assert_eq!(
        library.check_rename(&budget, "Stretch"),
        Err(RenameError::NameTaken {
            name: "Stretch".into()
        })
    );
    assert_eq!(
        library.check_rename(&budget, "   "),
        Err(RenameError::EmptyName)
    );
    // Its own name, or another free one, is fine.
    assert_eq!(
        library.check_rename(&budget, " Budget "),
        Ok("Budget".to_string())
    );
    library.rename(&stretch, " Stretch ").unwrap();
    library.rename(&stretch, "Budget 2").unwrap();
    assert_eq!(listed_names(&mut library), ["Budget", "Budget 2"]);
}

#[test]
fn new_plans_name_their_base_scenario() {
    let mut library = Library::new(MemoryStore::default());
    let id = library.create(&blank("Budget")).unwrap();
    let (_, plan, _) = opened_plan(library.open(&id));
    assert_eq!(plan.base_scenario.as_deref(), Some("Base"));
    // A plan file without one (an older file) opens and keeps its first
    // scenario as the base.
    let older = example();
    assert_eq!(older.base_scenario, None);
    let id = library.create(&older).unwrap();
    let (_, plan, _) = opened_plan(library.open(&id));
    assert_eq!(plan.base_scenario, None);
    assert_eq!(plan.base_index(), 0);
}
