//! Locales, localized text and locale-correct formatting, shared by the app and
//! the PDF report. Pure: no I/O, no clock.
//!
//! UI and report strings live in `content/i18n/{en,zh-Hant,pt}.toml`; the build
//! script turns them into the typed [`Msg`] enum, so a missing key is a compile
//! error and a missing translation fails the build.

mod format;

use std::sync::OnceLock;


use serde::{Deserialize, Serialize};

pub use format::{format_decimal, format_integer, format_percent, parse_decimal, ParseNumberError};

include!(concat!(env!("OUT_DIR"), "/msg.rs"));
include!(concat!(env!("OUT_DIR"), "/boot.rs"));

/// Why a catalog could not be installed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub expected: usize,
    pub found: usize,
}

#[cfg(not(feature = "embedded-catalogs"))]
static INSTALLED: [OnceLock<Vec<String>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// Installs a locale's catalog (one string per [`Msg`], in `Msg::ALL`
/// order), as fetched by the app. Installing twice keeps the first; with the
/// embedded catalogs, only the length is checked.
pub fn install_catalog(locale: Locale, messages: Vec<String>) -> Result<(), CatalogError> {
    if messages.len() != Msg::ALL.len() {
        return Err(CatalogError { expected: Msg::ALL.len(), found: messages.len() });
    }
    #[cfg(not(feature = "embedded-catalogs"))]
    let _ = INSTALLED[locale as usize].set(messages);
    #[cfg(feature = "embedded-catalogs")]
    let _ = (locale, messages);
    Ok(())
}

/// Whether [`Locale::t`] can answer for this locale.
pub fn has_catalog(locale: Locale) -> bool {
    #[cfg(feature = "embedded-catalogs")]
    {
        let _ = locale;
        true
    }
    #[cfg(not(feature = "embedded-catalogs"))]
    {
        INSTALLED[locale as usize].get().is_some()
    }
}

/// The strings of the loading screen and of the recovery screen, compiled
/// in: available before any catalog is installed, and after a crash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BootMsg {
    Loading,
    LoadFailed,
    Retry,
    RecoveryTitle,
    RecoveryBody,
    RecoveryReload,
    RecoveryDownload,
}

/// The three languages of the product. Portuguese is European Portuguese as
/// written in Macau's official texts (tag `pt`, not `pt-BR`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "pt")]
    Pt,
}

impl Locale {
    /// All locales in menu order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhHant, Locale::Pt];

    /// The BCP 47 tag, as used in `lang` attributes and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhHant => "zh-Hant",
            Locale::Pt => "pt",
        }
    }

    /// The language's own name for itself (for the language menu).
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhHant => "繁體中文",
            Locale::Pt => "Português",
        }
    }

    /// Parses a tag leniently: `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant-*` give
    /// Traditional Chinese; any `pt*` gives Portuguese; `en*` gives English.
    /// Simplified Chinese and unknown languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Locale::En),
            "pt" => Some(Locale::Pt),
            "zh" => {
                let traditional = ["hant", "tw", "hk", "mo"];
                lower.split(['-', '_']).skip(1).any(|p| traditional.contains(&p)).then_some(Locale::ZhHant)
            }
            _ => None,
        }
    }

    /// The first supported locale in a browser's preference list, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred.into_iter().find_map(Locale::from_tag).unwrap_or_default()
    }

    /// The catalog of this locale, one string per [`Msg`] in `Msg::ALL` order
    /// (what the app's per-language file carries).
    #[cfg(feature = "embedded-catalogs")]
    pub fn catalog_values(self) -> Vec<String> {
        self.catalog().to_vec()
    }

    /// A loading-screen string, available before any catalog is installed.
    pub fn boot(self, msg: BootMsg) -> &'static str {
        BOOT[self as usize][msg as usize]
    }

    #[cfg(not(feature = "embedded-catalogs"))]
    fn catalog(self) -> &'static [String] {
        INSTALLED[self as usize].get().map(Vec::as_slice).unwrap_or(&[])
    }

    #[cfg(feature = "embedded-catalogs")]
    fn catalog(self) -> &'static [String] {
        static CATALOGS: OnceLock<[Vec<String>; 3]> = OnceLock::new();
        let all = CATALOGS.get_or_init(|| {
            let parse = |json: &str| -> Vec<String> {
                serde_json::from_str(json).expect("catalog JSON is written by build.rs")
            };
            [
                parse(include_str!(concat!(env!("OUT_DIR"), "/en.json"))),
                parse(include_str!(concat!(env!("OUT_DIR"), "/zh-Hant.json"))),
                parse(include_str!(concat!(env!("OUT_DIR"), "/pt.json"))),
            ]
        });
        &all[self as usize]
    }

    /// The message in this locale (its key, or nothing without embedded
    /// catalogs, if the locale's catalog is not installed yet, which the app
    /// prevents by installing before rendering).
    pub fn t(self, msg: Msg) -> &'static str {
        let index = Msg::ALL.binary_search(&msg).expect("Msg::ALL lists every variant in order");
        // Without embedded catalogs (the app), a missing message is empty
        // rather than its key: the key table would cost the app's download
        // about 4 KB, and the app installs the catalog before rendering.
        #[cfg(feature = "embedded-catalogs")]
        let fallback = msg.key();
        #[cfg(not(feature = "embedded-catalogs"))]
        let fallback = "";
        self.catalog().get(index).map(String::as_str).unwrap_or(fallback)
    }

    /// The message with `{name}` placeholders replaced.
    pub fn tf(self, msg: Msg, args: &[(&str, &str)]) -> String {
        let mut out = self.t(msg).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// A text in all three languages, as authored in `content/`. A per-language
/// bank file carries only one of them; the others are then empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Text {
    pub en: String,
    #[serde(rename = "zh-Hant")]
    pub zh_hant: String,
    pub pt: String,
}

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::ZhHant => &self.zh_hant,
            Locale::Pt => &self.pt,
        }
    }

    /// The locales whose text is empty (content tests use this).
    pub fn missing(&self) -> Vec<Locale> {
        Locale::ALL.into_iter().filter(|l| self.get(*l).trim().is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages_negotiate_to_supported_locales() {
        assert_eq!(Locale::negotiate(["zh-TW", "en"]), Locale::ZhHant);
        assert_eq!(Locale::negotiate(["zh-CN", "pt-PT"]), Locale::Pt);
        assert_eq!(Locale::negotiate(["zh-Hant-MO"]), Locale::ZhHant);
        assert_eq!(Locale::negotiate(["fr", "de"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }

    #[test]
    fn every_message_exists_in_every_locale() {
        for locale in Locale::ALL {
            for msg in Msg::ALL {
                assert!(!locale.t(*msg).trim().is_empty(), "{:?} {}", locale, msg.key());
            }
        }
    }

    #[test]
    fn boot_strings_match_the_catalogs() {
        for locale in Locale::ALL {
            assert_eq!(locale.boot(BootMsg::Loading), locale.t(Msg::AppLoading));
            assert_eq!(locale.boot(BootMsg::LoadFailed), locale.t(Msg::AppLoadFailed));
            assert_eq!(locale.boot(BootMsg::Retry), locale.t(Msg::AppRetry));
            assert_eq!(locale.boot(BootMsg::RecoveryTitle), locale.t(Msg::RecoveryTitle));
            assert_eq!(locale.boot(BootMsg::RecoveryDownload), locale.t(Msg::RecoveryDownload));
        }
    }

    #[test]
    fn placeholders_are_substituted() {
        let s = Locale::En.tf(Msg::ScoreLabel, &[("score", "62")]);
        assert!(s.contains("62") && !s.contains('{'), "{s}");
    }
}
