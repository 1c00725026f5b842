//! Writes `bank.<hash>.<tag>.bin` (postcard) for every language into the directory given
//! as the only argument, or else into `$TRUNK_STAGING_DIR/content` (Trunk's
//! post-build hook, see Trunk.toml), so the files land in `dist/content/`.
//! Each holds the UI catalog and what the questionnaire needs (`LocaleBundle`).

use std::path::PathBuf;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(|d| PathBuf::from(d).join("content")));
    let Some(dir) = dir else {
        eprintln!("usage: content-export <output-directory>");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("content-export: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for locale in i18n::Locale::ALL {
        let path = dir.join(engine::content::locale_file_name(locale));
        if let Err(e) = std::fs::write(&path, engine::content::LocaleBundle::build(locale).to_postcard()) {
            eprintln!("content-export: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
