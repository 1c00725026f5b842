//! Describes the report's fetched fonts (crates/report/fonts/, written by
//! scripts/fonts.sh) to the crate: the file name each is served under
//! (`<name>.<first 16 hex digits of its SHA-256>.ttf`, the same name
//! scripts/fonts-hook.mjs copies it to in the build) and the code points it
//! covers (from its `.cmap` file), so the worker knows which files a report
//! needs before fetching any.

use std::fmt::Write as _;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

const FETCHED: [(&str, &str); 2] = [("CONTENT", "NotoSansTC-Content"), ("COMMON", "NotoSansTC-Common")];

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("fonts");
    let mut code = String::new();
    for (konst, name) in FETCHED {
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
        writeln!(
            code,
            "/// `fonts/{name}.ttf`.\npub const {konst}: FontFile = FontFile {{ name: {name:?}, file: \"{name}.{hash}.ttf\", ranges: &[{ranges}] }};"
        )
        .unwrap();
    }
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("fonts.rs"), code).unwrap();
}
