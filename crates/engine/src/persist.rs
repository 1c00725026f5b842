//! The saved-state format: a versioned document, separate from the domain
//! types so that old saves keep loading after the domain changes.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;

/// The current format version of [`Saved`].
pub const FORMAT: u32 = 1;

/// What goes into localStorage and export files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Format of this document.
    pub format: u32,
    /// Version of the question bank the answers were given against.
    pub content_version: u32,
    pub assessment: Assessment,
}

/// Why saved data could not be loaded. The raw text is never discarded by
/// the caller: it is kept and offered for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the expected shape.
    Corrupted(String),
    /// Written by a newer version of the app.
    NewerFormat(u32),
}

pub fn save(assessment: &Assessment, content_version: u32) -> String {
    let saved = Saved { format: FORMAT, content_version, assessment: assessment.clone() };
    serde_json::to_string(&saved).expect("the assessment is plain data")
}

pub fn load(text: &str) -> Result<Saved, LoadError> {
    #[derive(Deserialize)]
    struct Header {
        format: u32,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| LoadError::Corrupted(e.to_string()))?;
    if header.format > FORMAT {
        return Err(LoadError::NewerFormat(header.format));
    }
    serde_json::from_str(text).map_err(|e| LoadError::Corrupted(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Answer;

    #[test]
    fn saved_state_round_trips() {
        let mut a = Assessment::default();
        a.answers.insert("security.mfa".into(), Answer::Partly);
        a.answers.insert("security.privileged-share".into(), Answer::Number(2.5));
        a.profile.company_name = "澳門<b>測試</b> 🚀".into();
        let text = save(&a, 1);
        assert_eq!(load(&text).unwrap().assessment, a);
    }

    #[test]
    fn corrupted_and_newer_states_are_reported() {
        assert!(matches!(load("{not json"), Err(LoadError::Corrupted(_))));
        assert!(matches!(load("{\"format\":1}"), Err(LoadError::Corrupted(_))));
        assert_eq!(load("{\"format\":99,\"x\":1}"), Err(LoadError::NewerFormat(99)));
    }
}
