//! The question bank as typed data, parsed once from `content/` (see
//! `content/README.md` for the schema and how to add a question).
//!
//! Question ids are stable forever: saved assessments and share links refer to
//! them, never to positions. Retire an id rather than change its meaning.

use std::collections::BTreeMap;

use i18n::Text;
use serde::{Deserialize, Serialize};

/// The whole bank: sections of questions plus the tables they refer to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionBank {
    /// Bumped whenever a question's meaning or scoring changes; stored with
    /// every saved assessment.
    pub version: u32,
    /// Date (YYYY-MM-DD) up to which the legal content was checked.
    pub legal_as_of: String,
    /// Not-legal-advice disclaimer, mentioning the as-of date.
    pub disclaimer: Text,
    #[serde(rename = "area")]
    pub areas: Vec<Area>,
    #[serde(rename = "section")]
    pub sections: Vec<Section>,
    pub references: References,
    pub seeds: Seeds,
    /// Cost-of-violation tables and default assumptions (`content/costs.toml`);
    /// interpreted by the money model (`Costs::parse`). Kept as JSON text, so
    /// the bank also fits non-self-describing formats (postcard, below) and
    /// the app needs no generic JSON-value decoder.
    pub costs: String,
}

/// A scoring area (the five backend modules, the security checklist, the
/// data-protection law, setup readiness, monitoring, sector rules).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: Text,
}

/// When a section applies, from the profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    #[default]
    Always,
    /// Critical-infrastructure operators (Cybersecurity Law 13/2019).
    CriticalInfrastructure,
    /// Companies that offer services to or monitor people in the EU (GDPR Art. 3(2)).
    ServesEu,
    /// Companies operating in Hong Kong (PDPO, Cap. 486).
    OperatesInHongKong,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub area: String,
    #[serde(default)]
    pub condition: Condition,
    pub title: Text,
    pub intro: Text,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlType {
    Preventive,
    Detective,
    Corrective,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Obligation {
    /// Required by law (a reference to the article is expected).
    Mandatory,
    /// Good practice.
    Recommended,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Effort {
    S,
    M,
    L,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    ItAdmin,
    Hr,
    LegalDpo,
    Management,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Low,
    Medium,
    High,
}

/// How a question is answered. Every kind also accepts "Don't know", and "Not
/// applicable" when the question allows it. Authored as `kind = { type =
/// "number", … }`; `build.rs` rewrites it to serde's external tagging
/// (`"status"`, `{"number": {…}}`), which binary formats can read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Kind {
    /// Yes / Partly / No.
    Status,
    /// A number with a unit, a valid range and scoring bands.
    Number {
        unit: Text,
        min: f64,
        max: f64,
        /// Decimals accepted when typing (0 for whole numbers).
        #[serde(default)]
        decimals: u32,
        /// Evaluated in order; the first band the value falls in gives the
        /// credit. The last band must have neither bound (catch-all).
        bands: Vec<Band>,
    },
    /// One of a fixed list of options, each with its credit.
    Choice { options: Vec<ChoiceOption> },
}

/// A scoring band for a number: matches when `min <= value <= max` (absent
/// bounds are open). Credit is a percentage, 0..=100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub credit: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: Text,
    /// Percentage of the question's weight this option earns, 0..=100.
    pub credit: u32,
}

/// Which costs a gap on this question exposes the company to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// Statutory fine bands (keys of `content/costs.toml` `[fine.*]`).
    #[serde(default)]
    pub fines: Vec<FineExposure>,
    /// How much the gap raises the likelihood of a serious incident.
    pub incident: Option<Level>,
    /// Whether an incident caused by this gap stops work (downtime).
    #[serde(default)]
    pub downtime: bool,
    /// Whether the gap costs managers' time (manual work, firefighting).
    #[serde(default)]
    pub management_time: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FineExposure {
    /// Key of the fine band in `content/costs.toml`, e.g. `pdpa-33-2`.
    pub band: String,
    /// Reference id of the article breached, e.g. `pdpa-art-20`.
    pub article: String,
    /// Number of infringements (counts) the gap typically implies.
    #[serde(default = "one")]
    pub counts: u32,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remediation {
    /// What to do.
    pub action: Text,
    /// Where in the DingTalk admin console, as far as publicly known.
    pub console: Option<Text>,
    pub effort: Effort,
    pub owner: Owner,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable, unique, `section-word.question-words` in lower-case kebab case.
    pub id: String,
    pub text: Text,
    /// A short "why it matters".
    pub why: Text,
    /// Written as an inline table: `kind = { type = "status" }`.
    pub kind: Kind,
    /// Whether "Not applicable" is offered.
    #[serde(default = "yes")]
    pub allow_na: bool,
    /// Relative weight within its area, 1..=5.
    pub weight: u32,
    pub control: ControlType,
    pub obligation: Obligation,
    /// A "No" here is a red flag whatever the total score.
    #[serde(default)]
    pub critical: bool,
    #[serde(default)]
    pub exposes: Exposure,
    pub remediation: Remediation,
    /// Reference ids (`content/references.toml`).
    #[serde(default)]
    pub refs: Vec<String>,
    /// The seed items this question covers (`content/seeds.toml`).
    pub seeds: Vec<String>,
}

fn yes() -> bool {
    true
}

/// A legal or factual reference, as checked in the facts file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    /// Citation as printed, e.g. "Law 8/2005, Art. 15".
    pub label: Text,
    /// What the provision does, in a line.
    pub summary: Text,
    /// Confidence from the facts file: V (verified), S (secondary), R (reconstructed).
    pub confidence: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    #[serde(rename = "reference")]
    pub items: Vec<Reference>,
}

/// An item of the seed articles that the bank must cover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedItem {
    pub id: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seeds {
    #[serde(rename = "seed")]
    pub items: Vec<SeedItem>,
}

impl QuestionBank {
    /// Parses the JSON produced by `build.rs`.
    pub fn from_json(json: &str) -> Result<QuestionBank, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The compact binary form (postcard) the app fetches: no field names and
    /// far less decoding code in the wasm than JSON (see ARCHITECTURE.md).
    pub fn to_postcard(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("the bank is plain data")
    }

    /// The part of the bank the questionnaire screen needs: remediation texts,
    /// reference labels and summaries, the cost tables and seed descriptions
    /// are emptied (ids, structure, weights and exposures stay, so answers
    /// and [`crate::summarize`] work unchanged). The app's per-language file
    /// is this, to keep its first download small; anything that evaluates
    /// money or shows remediation needs the full bank.
    pub fn questionnaire_only(&self) -> QuestionBank {
        let mut bank = self.clone();
        for section in &mut bank.sections {
            for question in &mut section.questions {
                question.remediation.action = Text::default();
                question.remediation.console = None;
            }
        }
        for reference in &mut bank.references.items {
            reference.label = Text::default();
            reference.summary = Text::default();
        }
        for seed in &mut bank.seeds.items {
            seed.description.clear();
        }
        bank.costs.clear();
        bank
    }

    /// Reads [`QuestionBank::to_postcard`]'s output.
    pub fn from_postcard(bytes: &[u8]) -> Result<QuestionBank, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// Every question with its section, in bank order.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.items.iter().find(|r| r.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// Question ids mapped to their section index, for fast lookups.
    pub fn index(&self) -> BTreeMap<&str, usize> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (q.id.as_str(), i)))
            .collect()
    }
}

/// A short hash of the bank's content, for cache-busting file names of the
/// per-language bank files (`bank.<hash>.<tag>.json`).
pub const CONTENT_HASH: &str = env!("BANK_CONTENT_HASH");

/// The whole trilingual bank as JSON, as built from `content/`.
#[cfg(feature = "embedded-bank")]
pub const BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.json"));

/// What the app fetches for one language: the UI catalog (one string per
/// `i18n::Msg`) and the questionnaire part of the bank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocaleBundle {
    pub messages: Vec<String>,
    pub bank: QuestionBank,
}

impl LocaleBundle {
    /// The bundle for one language, from the embedded bank and catalogs.
    #[cfg(feature = "embedded-bank")]
    pub fn build(locale: i18n::Locale) -> LocaleBundle {
        let json = split_for_locale(BANK_JSON, locale).expect("the embedded bank is valid JSON");
        let bank = QuestionBank::from_json(&json).expect("the bank parses (tests/content.rs)");
        let messages = i18n::Msg::ALL
            .iter()
            .zip(locale.catalog_values())
            .map(|(msg, text)| if worker_only(msg.key()) { String::new() } else { text })
            .collect();
        LocaleBundle { messages, bank: bank.questionnaire_only() }
    }

    pub fn to_postcard(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("plain data")
    }

    pub fn from_postcard(bytes: &[u8]) -> Result<LocaleBundle, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// Catalog keys the app's wasm never shows: the workers' (the results worker
/// formats every figure and term; the report worker prints the report), the
/// recovery screen's (compiled into `i18n` as `BootMsg`), the service
/// worker banner's (written into `register-sw.js` at build time) and the
/// embedding's and contact form's (written into `contact.js`). The app's
/// bundle carries them empty. `crates/results/tests/app_messages.rs` checks that the
/// app's code uses none of them.
pub const WORKER_ONLY_KEYS: [&str; 26] = [
    "term.", "formula.", "assumption.", "maturity.", "maturity-about.", "risk.", "effort.", "owner.", "source-kind.", "report.",
    "recovery.", "sw.", "embed.", "lead.",
    "view.gain", "view.avoids", "view.months", "view.payback-never", "view.payback-none", "view.roi-undefined", "view.hkd",
    "view.mop", "view.employees-default", "view.default", "view.invalid-assumption", "view.gdpr",
];

/// Whether a catalog key is in [`WORKER_ONLY_KEYS`] (a prefix ending in a
/// dot, or the whole key).
pub fn worker_only(key: &str) -> bool {
    WORKER_ONLY_KEYS.iter().any(|k| if k.ends_with('.') { key.starts_with(k) } else { key == *k })
}

/// File name of the bundle file for one language (postcard bytes).
pub fn locale_file_name(locale: i18n::Locale) -> String {
    format!("bank.{CONTENT_HASH}.{}.bin", locale.tag())
}

/// The bank JSON with every text reduced to one language (the others are
/// dropped; [`Text`]'s fields default to empty). Structure, ids and numbers
/// are unchanged, so scoring gives the same results in every language.
pub fn split_for_locale(full_json: &str, locale: i18n::Locale) -> Result<String, serde_json::Error> {
    fn walk(value: &mut serde_json::Value, tag: &str) {
        match value {
            serde_json::Value::Object(map) => {
                let is_text = map.len() == 3 && ["en", "zh-Hant", "pt"].iter().all(|k| map.contains_key(*k));
                if is_text {
                    map.retain(|k, _| k == tag);
                } else {
                    map.values_mut().for_each(|v| walk(v, tag));
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| walk(v, tag)),
            _ => {}
        }
    }
    let mut value: serde_json::Value = serde_json::from_str(full_json)?;
    walk(&mut value, locale.tag());
    serde_json::to_string(&value)
}

/// The bank compiled into the binary. Its validity is proven by
/// `tests/content.rs`, so a parse failure here is a build defect.
#[cfg(feature = "embedded-bank")]
pub fn builtin() -> &'static QuestionBank {
    static BANK: std::sync::OnceLock<QuestionBank> = std::sync::OnceLock::new();
    BANK.get_or_init(|| QuestionBank::from_json(BANK_JSON).expect("content is validated by crates/engine/tests/content.rs"))
}

#[cfg(all(test, feature = "embedded-bank"))]
mod tests {
    use super::*;
    use i18n::Locale;

    #[test]
    fn a_locale_file_holds_one_language_and_scores_the_same() {
        for locale in Locale::ALL {
            let json = split_for_locale(BANK_JSON, locale).unwrap();
            let bank = QuestionBank::from_json(&json).unwrap();
            let full = builtin();
            assert_eq!(bank.sections.len(), full.sections.len());
            for ((_, a), (_, b)) in bank.questions().zip(full.questions()) {
                assert_eq!(a.id, b.id);
                assert_eq!(a.weight, b.weight);
                assert_eq!(a.text.get(locale), b.text.get(locale));
                for other in Locale::ALL.into_iter().filter(|l| *l != locale) {
                    assert_eq!(a.text.get(other), "", "{} keeps {:?} text", a.id, other);
                }
            }
            assert_eq!(bank.costs, full.costs);
            let bundle = LocaleBundle::build(locale);
            let bytes = bundle.to_postcard();
            assert_eq!(LocaleBundle::from_postcard(&bytes).unwrap(), bundle, "postcard round trip");
            assert!(LocaleBundle::from_postcard(&bytes[..bytes.len() / 2]).is_err(), "a truncated file is an error");
            assert_eq!(bundle.messages.len(), i18n::Msg::ALL.len());
            let lean = bundle.bank;
            let mut all_no = crate::Assessment::default();
            for (_, q) in bank.questions() {
                all_no.answers.insert(q.id.clone(), crate::Answer::No);
            }
            all_no.answers.insert(bank.sections[0].questions[0].id.clone(), crate::Answer::Yes);
            assert_eq!(crate::summarize(&lean, &all_no), crate::summarize(&bank, &all_no));
        }
    }
}
