//! Converts the question bank and cost tables in `content/` from TOML (easy
//! to author and review) to JSON at build time, so the app's wasm carries
//! serde_json (already needed for saved state) but no TOML parser.
//! Typed parsing and validation happen in `src/content.rs` and its tests.

use std::path::{Path, PathBuf};

fn read_toml(path: &Path) -> toml::Table {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `{ type = "number", unit = … }` → `{ number = { unit = … } }`, and
/// `{ type = "status" }` → `"status"` (serde's external tagging).
fn externally_tagged(kind: toml::Value) -> toml::Value {
    let toml::Value::Table(mut table) = kind else { return kind };
    let Some(toml::Value::String(tag)) = table.remove("type") else { return toml::Value::Table(table) };
    if table.is_empty() {
        toml::Value::String(tag)
    } else {
        let mut outer = toml::Table::new();
        outer.insert(tag, toml::Value::Table(table));
        toml::Value::Table(outer)
    }
}

fn main() {
    let content = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../content");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    println!("cargo:rerun-if-changed={}", content.join("questionnaire").display());

    // The bank: content/bank.toml (version, areas, …), then every file in
    // content/questionnaire/ in file-name order; their `section` arrays are
    // concatenated, so the file-name prefix (01-, 02-, …) orders the sections.
    let mut bank = read_toml(&content.join("bank.toml"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(content.join("questionnaire"))
        .expect("content/questionnaire exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut sections = Vec::new();
    for file in &files {
        let table = read_toml(file);
        for (key, value) in table {
            match (key.as_str(), value) {
                ("section", toml::Value::Array(items)) => sections.extend(items),
                (other, _) => panic!("{}: unexpected top-level key `{other}` (only [[section]] is allowed)", file.display()),
            }
        }
    }
    for section in &mut sections {
        if let Some(toml::Value::Array(questions)) = section.get_mut("question") {
            for question in questions {
                if let Some(kind) = question.get_mut("kind") {
                    *kind = externally_tagged(kind.clone());
                }
            }
        }
    }
    bank.insert("section".into(), toml::Value::Array(sections));
    for extra in ["references", "seeds"] {
        let table = read_toml(&content.join(format!("{extra}.toml")));
        bank.insert(extra.into(), toml::Value::Table(table));
    }
    // The cost tables travel as JSON text (see `content::json_text`).
    let costs = read_toml(&content.join("costs.toml"));
    bank.insert("costs".into(), toml::Value::String(serde_json::to_string(&costs).unwrap()));
    let json = serde_json::to_string(&bank).expect("TOML values are JSON-representable");
    // FNV-1a, enough to tell versions of the bank apart in file names.
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    println!("cargo:rustc-env=BANK_CONTENT_HASH={:012x}", hash & 0xffff_ffff_ffff);
    std::fs::write(out.join("bank.json"), json).unwrap();
}
