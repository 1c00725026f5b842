//! Describes the report's fetched fonts (crates/report/fonts/, written by
//! scripts/fonts.sh) to the crate: the file name each is served under
//! (`<name>.<first 16 hex digits of its SHA-256>.ttf`, the same name
//! scripts/fonts-hook.mjs copies it to in the build) and the code points it
//! covers (from its `.cmap` file), so the worker knows which files a report
//! needs before fetching any.

use std::fmt::Write as _;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("fonts");
    println!("cargo:rerun-if-changed={}", dir.display());
    // The content subset first, then the common-character slices in order.
    let mut slices: Vec<String> = std::fs::read_dir(&dir)
        .expect("crates/report/fonts (run scripts/fonts.sh)")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_prefix("NotoSansTC-Common-")?.strip_suffix(".ttf").map(str::to_string))
        .collect();
    slices.sort_by_key(|n| n.parse::<u32>().unwrap_or(u32::MAX));
    let mut files = vec![("CONTENT".to_string(), "NotoSansTC-Content".to_string())];
    files.extend(slices.iter().map(|n| (format!("COMMON_{n}"), format!("NotoSansTC-Common-{n}"))));
    let mut code = String::new();
    let mut names = Vec::new();
    for (i, (konst, name)) in files.iter().enumerate() {
        names.push(konst.clone());
        let ttf = dir.join(format!("{name}.ttf"));
        let cmap = dir.join(format!("{name}.cmap"));
        println!("cargo:rerun-if-changed={}", ttf.display());
        println!("cargo:rerun-if-changed={}", cmap.display());
        let bytes = std::fs::read(&ttf).unwrap_or_else(|e| panic!("{}: {e} (run scripts/fonts.sh)", ttf.display()));
        let hash: String = Sha256::digest(&bytes).iter().take(8).map(|b| format!("{b:02x}")).collect();
        let text = std::fs::read_to_string(&cmap).unwrap_or_else(|e| panic!("{}: {e} (run scripts/fonts.sh)", cmap.display()));
        let mut ranges = String::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (a, b) = line.split_once('-').unwrap_or((line, line));
            let a = u32::from_str_radix(a.trim(), 16).unwrap_or_else(|e| panic!("{}: {line}: {e}", cmap.display()));
            let b = u32::from_str_radix(b.trim(), 16).unwrap_or_else(|e| panic!("{}: {line}: {e}", cmap.display()));
            write!(ranges, "({a:#x}, {b:#x}), ").unwrap();
        }
        // PDF resource names: F1 and F2 are the compiled-in Latin faces.
        let key = format!("F{}", i + 3);
        writeln!(
            code,
            "/// `fonts/{name}.ttf`.\npub const {konst}: FontFile = FontFile {{ name: {name:?}, key: {key:?}, file: \"{name}.{hash}.ttf\", ranges: &[{ranges}] }};"
        )
        .unwrap();
    }
    writeln!(code, "/// Every fetched file, in fallback order: the content subset, then the common-character slices.\npub const FETCHED: [FontFile; {}] = [{}];", names.len(), names.join(", ")).unwrap();
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("fonts.rs"), code).unwrap();
}
