//! The question bank as typed data, parsed once from `content/` (see
//! `content/README.md` for the schema and how to add a question).
//!
//! Question ids are stable forever: saved assessments and share links refer to
//! them, never to positions. Retire an id rather than change its meaning.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use i18n::Text;
use serde::{Deserialize, Serialize};

/// The whole bank: sections of questions plus the tables they refer to.
#[derive(Clone, Debug, PartialEq, Deserialize)]
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
    /// interpreted by the money model.
    pub costs: serde_json::Value,
}

/// A scoring area (the five backend modules, the security checklist, the
/// data-protection law, setup readiness, monitoring, sector rules).
#[derive(Clone, Debug, PartialEq, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Deserialize)]
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
/// applicable" when the question allows it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
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
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub credit: u32,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: Text,
    /// Percentage of the question's weight this option earns, 0..=100.
    pub credit: u32,
}

/// Which costs a gap on this question exposes the company to.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remediation {
    /// What to do.
    pub action: Text,
    /// Where in the DingTalk admin console, as far as publicly known.
    pub console: Option<Text>,
    pub effort: Effort,
    pub owner: Owner,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    #[serde(rename = "reference")]
    pub items: Vec<Reference>,
}

/// An item of the seed articles that the bank must cover.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedItem {
    pub id: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
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

/// The bank compiled into the binary. Its validity is proven by
/// `tests/content.rs`, so a parse failure here is a build defect.
pub fn builtin() -> &'static QuestionBank {
    static BANK: OnceLock<QuestionBank> = OnceLock::new();
    BANK.get_or_init(|| {
        QuestionBank::from_json(include_str!(concat!(env!("OUT_DIR"), "/bank.json")))
            .expect("content is validated by crates/engine/tests/content.rs")
    })
}
