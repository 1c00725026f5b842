//! Writes a sample report per language (and US Letter in English) into the
//! directory given as the first argument: `scripts/report-samples.sh` runs
//! it and renders every page to PNG with pdftoppm.

#[path = "../tests/common/sample.rs"]
mod sample;

use i18n::Locale;
use report::{Fonts, Options, Paper};

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/report-samples".into()));
    std::fs::create_dir_all(&dir).unwrap();
    let fonts = Fonts::from_dir(&Fonts::bundled_dir()).unwrap();
    for (locale, paper, name) in [
        (Locale::En, Paper::A4, "en"),
        (Locale::ZhHant, Paper::A4, "zh-Hant"),
        (Locale::Pt, Paper::A4, "pt"),
        (Locale::En, Paper::Letter, "en-letter"),
    ] {
        let start = std::time::Instant::now();
        let pdf = report::render(engine::builtin(), &sample::assessment(locale), Options { locale, date: "2026-11-25", paper }, &fonts)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let path = dir.join(format!("report-{name}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        println!("{}: {:.1} KiB, {} ms", path.display(), pdf.len() as f64 / 1024.0, start.elapsed().as_millis());
    }
}
