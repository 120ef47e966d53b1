//! The browser reads JSON with one serde_json reader, `from_str`
//! (DEVELOPERS.md): each other reader (`from_slice`, `from_reader`) compiles
//! every serde visitor it meets a second time into the first-load module.
//! The command line (`src/bin`) is not in the browser and may use any.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("bin") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_browser_reads_json_with_from_str_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the sources: {}", files.len());
    let mut other_readers = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            for reader in [
                "from_slice",
                "from_reader",
                "Deserializer::from_slice",
                "from_value",
            ] {
                if line.contains(&format!("serde_json::{reader}")) {
                    other_readers.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(other_readers.is_empty(), "{other_readers:#?}");
}
