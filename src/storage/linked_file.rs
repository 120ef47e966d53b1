//! A plan linked to a plan file on disk (the File System Access API, in
//! Chromium-based browsers): every save of the plan in local storage is
//! also written to that file, the plan file the command line reads.
//!
//! The sequencing is pure and tested natively: [`FileSync`] says what to
//! write when, and [`write_through`] writes it through any [`PlanFile`] (the
//! browser's file handle here, a test double in the tests). Local storage
//! stays the plan's home: the file is written only after a save there
//! succeeded, so a write that fails loses nothing, and says so.
//!
//! The browser's part (pickers, permissions, the handles kept in IndexedDB
//! by `src/linked_file.js` so the link outlives a reload) is below
//! [`BrowserFile`].

use std::cell::RefCell;
use std::fmt;
use std::future::Future;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a write to the linked file failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The browser no longer lets the page write it (permission withdrawn).
    Denied,
    /// The file or its folder is gone (moved, deleted, a drive removed).
    Gone,
    /// The disk is full.
    Full,
    /// Anything else the browser reported.
    Failed,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Denied => "the browser no longer allows writing it",
            Self::Gone => "the file or its folder is gone",
            Self::Full => "the disk is full",
            Self::Failed => "the browser could not write it",
        })
    }
}

/// The file a plan is linked to, as far as saving goes.
pub trait PlanFile {
    /// Replaces the file's content with `text` whole, or fails and leaves
    /// the file as it was.
    fn write(&self, text: &str) -> impl Future<Output = Result<(), FileError>>;
}

/// Where the linked file stands against the plan's saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileState {
    /// The latest save is in the file.
    Written,
    /// A save is being written, or waits for the write before it.
    Writing,
    /// The last write failed: the file lacks the latest save (which is in
    /// local storage). The next save tries again.
    Failed(FileError),
    /// The browser needs the person's leave to write again (after a
    /// reload): nothing is written until it is given.
    NeedsPermission,
}

/// The order of writes to one linked file: one at a time, and of the saves
/// made during a write only the latest is written after it (each save holds
/// the whole plan).
#[derive(Debug)]
pub struct FileSync {
    state: FileState,
    /// A write is under way.
    busy: bool,
    /// The text saved during the write under way.
    queued: Option<String>,
}

impl FileSync {
    /// A file just linked: its first write is under way (`Writing`), or it
    /// waits for permission.
    pub fn new(state: FileState) -> Self {
        Self {
            state,
            busy: false,
            queued: None,
        }
    }

    pub fn state(&self) -> FileState {
        self.state
    }

    /// The plan was saved as `text`: the text to write now, or `None` when
    /// a write is under way (this one follows it) or permission is lacking.
    pub fn saved(&mut self, text: String) -> Option<String> {
        if self.state == FileState::NeedsPermission {
            return None;
        }
        self.state = FileState::Writing;
        if self.busy {
            self.queued = Some(text);
            None
        } else {
            self.busy = true;
            Some(text)
        }
    }

    /// Permission was given again: the file is written from `text` (the
    /// plan as saved now).
    pub fn permitted(&mut self, text: String) -> Option<String> {
        if self.state == FileState::NeedsPermission {
            self.state = FileState::Written;
        }
        self.saved(text)
    }

    /// The write under way ended with `result`: the text saved meanwhile,
    /// to write next, if any.
    pub fn finished(&mut self, result: Result<(), FileError>) -> Option<String> {
        if let Some(next) = self.queued.take() {
            return Some(next);
        }
        self.busy = false;
        self.state = match result {
            Ok(()) => FileState::Written,
            // Permission withdrawn: only the person can give it back.
            Err(FileError::Denied) => FileState::NeedsPermission,
            Err(e) => FileState::Failed(e),
        };
        None
    }
}

/// Writes `text` to `file`, then whatever was saved during that write (the
/// latest only), until nothing waits; `written` is told of each write that
/// succeeded (a backup, for the reminder). The state after the last write.
///
/// `sync` is borrowed only between writes, never across one, so saves
/// keep coming in while the file is written.
pub async fn write_through<F: PlanFile>(
    sync: &RefCell<FileSync>,
    file: &F,
    mut text: String,
    mut written: impl FnMut(),
) -> FileState {
    loop {
        let result = file.write(&text).await;
        if result.is_ok() {
            written();
        }
        let next = sync.borrow_mut().finished(result);
        match next {
            Some(next) => text = next,
            None => return sync.borrow().state(),
        }
    }
}

/// The link as a person would name it: the file's name.
pub fn file_name(handle: &web_sys::FileSystemFileHandle) -> String {
    handle.name()
}

/// The browser's file handle.
#[derive(Clone, Debug)]
pub struct BrowserFile(pub web_sys::FileSystemFileHandle);

impl PlanFile for BrowserFile {
    fn write(&self, text: &str) -> impl Future<Output = Result<(), FileError>> {
        let handle = self.0.clone();
        let text = text.to_string();
        async move {
            // The browser writes to a copy and puts it in place on `close`:
            // a write that fails before that leaves the file as it was.
            let stream: web_sys::FileSystemWritableFileStream =
                JsFuture::from(handle.create_writable())
                    .await
                    .map_err(|e| classify(&e))?
                    .unchecked_into();
            let written = match stream.write_with_str(&text) {
                Ok(promise) => JsFuture::from(promise).await.map(|_| ()),
                Err(e) => Err(e),
            };
            if let Err(e) = written {
                let _ = JsFuture::from(stream.abort()).await;
                return Err(classify(&e));
            }
            JsFuture::from(stream.close())
                .await
                .map(|_| ())
                .map_err(|e| classify(&e))
        }
    }
}

/// A `DOMException`'s name, if `error` is one.
fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
}

fn classify(error: &JsValue) -> FileError {
    match error_name(error).as_deref() {
        Some("NotAllowedError" | "SecurityError") => FileError::Denied,
        Some("NotFoundError") => FileError::Gone,
        Some("QuotaExceededError") => FileError::Full,
        _ => FileError::Failed,
    }
}

/// A function of `window` by name, if this browser has it.
fn window_function(name: &str) -> Option<(web_sys::Window, js_sys::Function)> {
    let window = web_sys::window()?;
    let f = js_sys::Reflect::get(&window, &JsValue::from_str(name)).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    Some((window, f))
}

/// Whether this browser can link a plan to a file (`showSaveFilePicker`
/// and `showOpenFilePicker`: Chromium-based browsers; not Firefox, not
/// Safari).
pub fn supported() -> bool {
    window_function("showSaveFilePicker").is_some()
        && window_function("showOpenFilePicker").is_some()
}

/// What choosing a file came to.
#[derive(Debug)]
pub enum Picked {
    File(web_sys::FileSystemFileHandle),
    /// The person closed the picker.
    Cancelled,
    /// The browser refused (no picker here, or not allowed now).
    Refused,
}

/// The pickers' options: plan files, named as the backup download is.
fn picker_options(suggested_name: Option<&str>, description: &str) -> js_sys::Object {
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
    };
    let accept = js_sys::Object::new();
    set(
        &accept,
        "application/json",
        &js_sys::Array::of1(&JsValue::from_str(".json")),
    );
    let kind = js_sys::Object::new();
    set(&kind, "description", &JsValue::from_str(description));
    set(&kind, "accept", &accept);
    let options = js_sys::Object::new();
    set(&options, "types", &js_sys::Array::of1(&kind));
    // Opens where the last plan file was chosen.
    set(&options, "id", &JsValue::from_str("fleetplan-plan"));
    if let Some(name) = suggested_name {
        set(&options, "suggestedName", &JsValue::from_str(name));
    }
    options
}

async fn pick(function: &str, options: js_sys::Object) -> Picked {
    let Some((window, f)) = window_function(function) else {
        return Picked::Refused;
    };
    let Ok(promise) = f.call1(&window, &options) else {
        return Picked::Refused;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return Picked::Refused;
    };
    match JsFuture::from(promise).await {
        // showOpenFilePicker answers a list, showSaveFilePicker a handle.
        Ok(value) => {
            let value = if js_sys::Array::is_array(&value) {
                js_sys::Array::from(&value).get(0)
            } else {
                value
            };
            value
                .dyn_into::<web_sys::FileSystemFileHandle>()
                .map_or(Picked::Refused, Picked::File)
        }
        Err(e) if error_name(&e).as_deref() == Some("AbortError") => Picked::Cancelled,
        Err(_) => Picked::Refused,
    }
}

/// Asks where to save the plan file (`showSaveFilePicker`).
pub async fn pick_save(suggested_name: &str, description: &str) -> Picked {
    pick(
        "showSaveFilePicker",
        picker_options(Some(suggested_name), description),
    )
    .await
}

/// Asks which plan file to open (`showOpenFilePicker`).
pub async fn pick_open(description: &str) -> Picked {
    pick("showOpenFilePicker", picker_options(None, description)).await
}

/// The file's bytes, or `None` when it cannot be read.
pub async fn read(handle: &web_sys::FileSystemFileHandle) -> Option<Vec<u8>> {
    let file: web_sys::File = JsFuture::from(handle.get_file())
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether the page may write `handle`'s file: `query` only looks
/// (`queryPermission`), else it asks the person (`requestPermission`,
/// which needs a click or key press to show its prompt).
pub async fn may_write(handle: &web_sys::FileSystemFileHandle, ask: bool) -> bool {
    let name = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    let Ok(f) = js_sys::Reflect::get(handle, &JsValue::from_str(name)) else {
        return false;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        // No permission model (an older browser): writing will tell.
        return true;
    };
    let descriptor = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &descriptor,
        &JsValue::from_str("mode"),
        &JsValue::from_str("readwrite"),
    );
    let Ok(answer) = f.call1(handle, &descriptor) else {
        return false;
    };
    let Ok(promise) = answer.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|a| a.as_string())
        .as_deref()
        == Some("granted")
}

/// `window.fleetplanHandles` (src/linked_file.js): the handles kept in
/// IndexedDB, one per plan id.
fn handles_call(method: &str, args: &[JsValue]) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let handles = js_sys::Reflect::get(&window, &JsValue::from_str("fleetplanHandles")).ok()?;
    let f = js_sys::Reflect::get(&handles, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(&handles, &args).ok()?.dyn_into().ok()
}

/// Keeps plan `plan_id`'s link for the next visit; false when this browser
/// cannot (no IndexedDB, as in some private windows, or a handle it cannot
/// store).
pub async fn keep_link(plan_id: &str, handle: &web_sys::FileSystemFileHandle) -> bool {
    let Some(promise) = handles_call("keep", &[JsValue::from_str(plan_id), handle.into()]) else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

/// Plan `plan_id`'s kept link, if there is one.
pub async fn kept_link(plan_id: &str) -> Option<web_sys::FileSystemFileHandle> {
    let promise = handles_call("get", &[JsValue::from_str(plan_id)])?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Forgets plan `plan_id`'s link.
pub async fn forget_link(plan_id: &str) {
    if let Some(promise) = handles_call("forget", &[JsValue::from_str(plan_id)]) {
        let _ = JsFuture::from(promise).await;
    }
}

/// Forgets the links of plans no longer on the device (`ids` are the plans
/// listed; an empty list, the list unreadable, forgets nothing).
pub async fn forget_other_links(ids: &[&str]) {
    if ids.is_empty() {
        return;
    }
    let ids: js_sys::Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
    if let Some(promise) = handles_call("forgetOthers", &[ids.into()]) {
        let _ = JsFuture::from(promise).await;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::model::generate_plan;
    use crate::storage::backup_log::{BackupLog, DAY_MS};
    use crate::storage::library::{Library, MemoryStore, Opened};

    /// Runs a future whose awaits are all ready (the double's writes).
    fn run<T>(future: impl Future<Output = T>) -> T {
        let mut future = pin!(future);
        let mut cx = Context::from_waker(Waker::noop());
        for _ in 0..1000 {
            if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
                return value;
            }
        }
        panic!("the future never finished");
    }

    /// The test double: keeps the file's text, records each write, fails
    /// while `failing` is set, and can run a save in the middle of a write.
    #[derive(Default)]
    struct MemoryFile {
        text: RefCell<String>,
        writes: RefCell<Vec<String>>,
        failing: Cell<Option<FileError>>,
        during: RefCell<Option<Box<dyn FnOnce()>>>,
    }

    impl PlanFile for MemoryFile {
        fn write(&self, text: &str) -> impl Future<Output = Result<(), FileError>> {
            self.writes.borrow_mut().push(text.to_string());
            if let Some(during) = self.during.borrow_mut().take() {
                during();
            }
            let result = match self.failing.get() {
                Some(e) => Err(e),
                None => {
                    *self.text.borrow_mut() = text.to_string();
                    Ok(())
                }
            };
            std::future::ready(result)
        }
    }

    /// A save in local storage, then the linked file, as the app does it:
    /// the text to write is the plan file of the plan saved.
    fn save_and_write(
        library: &mut Library<MemoryStore>,
        sync: &RefCell<FileSync>,
        file: &MemoryFile,
        id: &str,
        revision: &mut u64,
        plan: &crate::model::Plan,
        backups: &Cell<u32>,
    ) -> FileState {
        *revision = library.save(id, plan, *revision).expect("saved locally");
        let text = crate::format::plan_json::write_plan_file(plan);
        let job = sync.borrow_mut().saved(text);
        match job {
            Some(text) => run(write_through(sync, file, text, || {
                backups.set(backups.get() + 1)
            })),
            None => sync.borrow().state(),
        }
    }

    fn opened(library: &mut Library<MemoryStore>, id: &str) -> crate::model::Plan {
        match library.open_chosen(id) {
            Opened::Plan { plan, .. } => plan,
            other => panic!("not opened: {other:?}"),
        }
    }

    #[test]
    fn every_save_is_written_after_it_is_stored_and_a_failed_write_keeps_the_plan() {
        let mut library = Library::new(MemoryStore::default());
        let mut plan = generate_plan(5, 12, 1, 2026);
        let id = library.create(&plan).unwrap();
        let mut revision = 1;
        let file = MemoryFile::default();
        let sync = RefCell::new(FileSync::new(FileState::Written));
        let backups = Cell::new(0);

        plan.name = "Edited".into();
        let state = save_and_write(
            &mut library,
            &sync,
            &file,
            &id,
            &mut revision,
            &plan,
            &backups,
        );
        assert_eq!(state, FileState::Written);
        // The file is the plan file, which reads back as the plan saved.
        let read = crate::format::plan_json::read_plan_file(&file.text.borrow()).unwrap();
        assert_eq!(read, plan);
        assert_eq!(backups.get(), 1);

        // The file cannot be written: said, and the save is in local storage.
        file.failing.set(Some(FileError::Gone));
        plan.name = "Edited again".into();
        let state = save_and_write(
            &mut library,
            &sync,
            &file,
            &id,
            &mut revision,
            &plan,
            &backups,
        );
        assert_eq!(state, FileState::Failed(FileError::Gone));
        assert_eq!(backups.get(), 1, "a failed write is no backup");
        assert_eq!(opened(&mut library, &id), plan);
        assert!(file.text.borrow().contains("\"Edited\""));

        // The next save tries again, and the file catches up.
        file.failing.set(None);
        plan.name = "Third".into();
        let state = save_and_write(
            &mut library,
            &sync,
            &file,
            &id,
            &mut revision,
            &plan,
            &backups,
        );
        assert_eq!(state, FileState::Written);
        assert!(file.text.borrow().contains("\"Third\""));
        assert_eq!(file.writes.borrow().len(), 3);
    }

    #[test]
    fn saves_during_a_write_are_written_after_it_the_latest_only() {
        let sync = std::rc::Rc::new(RefCell::new(FileSync::new(FileState::Written)));
        let file = MemoryFile::default();
        let first = sync.borrow_mut().saved("one".into()).unwrap();
        let during = sync.clone();
        // Two saves while "one" is being written.
        *file.during.borrow_mut() = Some(Box::new(move || {
            let sync = &during;
            assert_eq!(sync.borrow_mut().saved("two".into()), None);
            assert_eq!(sync.borrow().state(), FileState::Writing);
            assert_eq!(sync.borrow_mut().saved("three".into()), None);
        }));
        let state = run(write_through(&sync, &file, first, || {}));
        assert_eq!(state, FileState::Written);
        assert_eq!(*file.writes.borrow(), ["one", "three"]);
        assert_eq!(*file.text.borrow(), "three");
    }

    #[test]
    fn a_failed_write_followed_by_a_waiting_save_ends_written() {
        let mut sync = FileSync::new(FileState::Written);
        assert_eq!(sync.saved("a".into()).as_deref(), Some("a"));
        assert_eq!(sync.saved("b".into()), None);
        // "a" failed, but "b" holds everything "a" did.
        assert_eq!(sync.finished(Err(FileError::Full)).as_deref(), Some("b"));
        assert_eq!(sync.state(), FileState::Writing);
        assert_eq!(sync.finished(Ok(())), None);
        assert_eq!(sync.state(), FileState::Written);
        // Idle again: the next save writes at once.
        assert_eq!(sync.saved("c".into()).as_deref(), Some("c"));
        assert_eq!(sync.finished(Err(FileError::Gone)), None);
        assert_eq!(sync.state(), FileState::Failed(FileError::Gone));
        // Permission withdrawn: nothing more is written until it is given.
        assert_eq!(sync.saved("d".into()).as_deref(), Some("d"));
        assert_eq!(sync.finished(Err(FileError::Denied)), None);
        assert_eq!(sync.state(), FileState::NeedsPermission);
        assert_eq!(sync.saved("e".into()), None);
    }

    #[test]
    fn nothing_is_written_until_permission_is_given_again() {
        let mut sync = FileSync::new(FileState::NeedsPermission);
        assert_eq!(sync.saved("a".into()), None);
        assert_eq!(sync.state(), FileState::NeedsPermission);
        assert_eq!(sync.permitted("b".into()).as_deref(), Some("b"));
        assert_eq!(sync.state(), FileState::Writing);
        assert_eq!(sync.finished(Ok(())), None);
        assert_eq!(sync.state(), FileState::Written);
    }

    #[test]
    fn a_write_to_the_linked_file_counts_as_a_backup() {
        let mut store = MemoryStore::default();
        const START: i64 = 1_798_794_000_000;
        for i in 0..60 {
            BackupLog::saved(&mut store, "1", START + i);
        }
        assert!(BackupLog::read(&store, "1").due(START + DAY_MS));
        let sync = RefCell::new(FileSync::new(FileState::Written));
        let file = MemoryFile::default();
        let text = sync.borrow_mut().saved("plan".into()).unwrap();
        run(write_through(&sync, &file, text, || {
            BackupLog::written_to_file(&mut store, "1", START + DAY_MS);
        }));
        let log = BackupLog::read(&store, "1");
        assert!(!log.due(START + DAY_MS));
        assert_eq!(log.days_since_backup(START + 3 * DAY_MS), Some(2));
    }
}
