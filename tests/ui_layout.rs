//! `src/ui` is grouped by what a person sees (DEVELOPERS.md): the page's
//! frame, shared widgets, and a folder per view. A view may use the frame
//! and the widgets, never another view's folder; what two views share
//! belongs in `widgets/`. Widgets use no view either.

use std::fs;
use std::path::Path;

const SHARED: [&str; 2] = ["frame", "widgets"];

fn folders(ui: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(ui)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn no_view_reaches_into_another_views_folder() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let folders = folders(&ui);
    let views: Vec<&String> = folders
        .iter()
        .filter(|f| !SHARED.contains(&f.as_str()))
        .collect();
    assert!(views.len() >= 12, "a folder per view: {views:?}");
    let mut reaches = Vec::new();
    for folder in &folders {
        // The frame declares each view's chunk and so names every view.
        if folder == "frame" {
            continue;
        }
        for entry in fs::read_dir(ui.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            for view in &views {
                if *view != folder && text.contains(&format!("crate::ui::{view}::")) {
                    reaches.push(format!("{} uses the {view} view's folder", path.display()));
                }
            }
        }
    }
    assert!(reaches.is_empty(), "{}", reaches.join("\n"));
}

#[test]
fn the_frame_names_views_only_to_show_them() {
    let frame = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/frame");
    let views = folders(&frame.join(".."));
    for entry in fs::read_dir(&frame).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "views.rs" || name == "mod.rs" {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for view in views.iter().filter(|v| !SHARED.contains(&v.as_str())) {
            // The Overview is the landing view: the page shows it without a chunk.
            if name == "app.rs" && view == "overview" {
                continue;
            }
            assert!(
                !text.contains(&format!("crate::ui::{view}::")),
                "{name} uses the {view} view's folder: only views.rs (and app.rs, the Overview) may"
            );
        }
    }
}
