//! Turns the UI message catalogs (`content/i18n/*.toml`) into JSON plus a typed
//! `Msg` enum, so the compiler rejects a key that does not exist and the build
//! fails when a locale lacks a key (or has an extra one, or other placeholders).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

const LOCALES: [&str; 3] = ["en", "zh-Hant", "pt"];
/// Keys of `BootMsg`, in its variant order.
const BOOT_KEYS: [&str; 7] =
    ["app.loading", "app.load-failed", "app.retry", "recovery.title", "recovery.body", "recovery.reload", "recovery.download"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../content/i18n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut catalogs = Vec::new();
    for tag in LOCALES {
        let path = root.join(format!("{tag}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut flat = std::collections::BTreeMap::new();
        flatten("", &table, &mut flat, &path.display().to_string());
        catalogs.push((tag, flat));
    }
    let reference = &catalogs[0].1;
    for (tag, flat) in &catalogs[1..] {
        let a: BTreeSet<_> = reference.keys().collect();
        let b: BTreeSet<_> = flat.keys().collect();
        let missing: Vec<_> = a.difference(&b).collect();
        let extra: Vec<_> = b.difference(&a).collect();
        assert!(missing.is_empty(), "content/i18n/{tag}.toml lacks keys {missing:?}");
        assert!(extra.is_empty(), "content/i18n/{tag}.toml has keys not in en.toml: {extra:?}");
        for (key, value) in flat {
            assert!(!value.trim().is_empty(), "content/i18n/{tag}.toml: `{key}` is empty");
            assert_eq!(
                placeholders(value),
                placeholders(&reference[key]),
                "content/i18n/{tag}.toml: `{key}` has other {{placeholders}} than en.toml"
            );
        }
    }
    let mut code = String::from("/// Every UI and report message; generated from content/i18n/en.toml.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\npub enum Msg {\n");
    for key in reference.keys() {
        writeln!(code, "    /// `{key}`\n    {},", variant(key)).unwrap();
    }
    code.push_str("}\n\nimpl Msg {\n    /// All messages, in key order.\n    pub const ALL: &'static [Msg] = &[");
    for key in reference.keys() {
        write!(code, "Msg::{}, ", variant(key)).unwrap();
    }
    code.push_str("];\n\n    /// The dotted catalog key.\n    pub fn key(self) -> &'static str {\n        match self {\n");
    for key in reference.keys() {
        writeln!(code, "            Msg::{} => {key:?},", variant(key)).unwrap();
    }
    code.push_str("        }\n    }\n}\n");
    std::fs::write(out.join("msg.rs"), code).unwrap();
    // The few strings shown before a catalog is installed (loading screen),
    // or when the app can no longer use it (the recovery screen after a crash).
    let mut boot = format!(
        "/// Strings shown without a catalog, in `BootMsg` order: {BOOT_KEYS:?}.\npub(crate) const BOOT: [[&str; {}]; 3] = [\n",
        BOOT_KEYS.len()
    );
    for (_, flat) in &catalogs {
        let row: Vec<String> = BOOT_KEYS.iter().map(|k| format!("{:?}", flat[*k])).collect();
        writeln!(boot, "    [{}],", row.join(", ")).unwrap();
    }
    boot.push_str("];\n");
    std::fs::write(out.join("boot.rs"), boot).unwrap();
    for (tag, flat) in &catalogs {
        // Stored as a JSON array in key order, so lookup is an index into `Msg::ALL`.
        let values: Vec<&String> = flat.values().collect();
        std::fs::write(out.join(format!("{tag}.json")), serde_json::to_string(&values).unwrap()).unwrap();
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut std::collections::BTreeMap<String, String>, file: &str) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, out, file),
            other => panic!("{file}: `{key}` must be a string, found {other}"),
        }
    }
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        set.insert(rest[start + 1..start + len].to_string());
        rest = &rest[start + len + 1..];
    }
    set
}

fn variant(key: &str) -> String {
    key.split(['.', '_', '-'])
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect()
}
