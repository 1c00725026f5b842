//! The report's fonts: subsets of Noto Sans TC (SIL OFL 1.1, `fonts/OFL.txt`)
//! cut by `scripts/fonts.sh`.
//!
//! - Latin (regular and bold, ~27 KB each) is compiled in: every report
//!   uses it.
//! - [`CONTENT`] (the Chinese of the content, ~280 KB) and the eight slices
//!   of the rest of Big5 level 1 (~190 KB each) are files the worker fetches
//!   from the site only when a report needs them ([`crate::fonts_needed`]):
//!   the content subset for a Chinese report or Chinese typed text, a slice
//!   only for typed characters (a company name, an owner) it holds.
//!
//! Each character is drawn with the first face of the chain that has it
//! (Latin, content, common). A character no face has is never drawn: the
//! report is refused with the list of such characters. Chinese bold is
//! drawn by stroking the regular outlines (no bold Chinese file to fetch).
//!
//! Every face is subset again per document (only the glyphs it uses, with
//! allsorts, printpdf's font engine), under a deterministic name.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

/// A font file the worker fetches: its name, the file name it is served
/// under (with a hash of its bytes), and the code points it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FontFile {
    pub name: &'static str,
    /// Its resource name in the PDF.
    pub key: &'static str,
    /// Path relative to the site root's `fonts/` directory.
    pub file: &'static str,
    ranges: &'static [(u32, u32)],
}

include!(concat!(env!("OUT_DIR"), "/fonts.rs"));

impl FontFile {
    pub fn covers(&self, c: char) -> bool {
        let cp = c as u32;
        let i = self.ranges.partition_point(|&(_, end)| end < cp);
        self.ranges.get(i).is_some_and(|&(start, _)| start <= cp)
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.ranges.iter().map(|(a, b)| (b - a + 1) as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
}

const LATIN_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansTC-Latin-Regular.ttf");
const LATIN_BOLD: &[u8] = include_bytes!("../fonts/NotoSansTC-Latin-Bold.ttf");

/// Bytes of fetched font files, by [`FontFile::name`].
#[derive(Clone, Debug, Default)]
pub struct Fonts {
    files: BTreeMap<&'static str, Vec<u8>>,
}

impl Fonts {
    pub fn new() -> Fonts {
        Fonts::default()
    }

    /// Adds a fetched file's bytes; refused (with a reason) if they are not
    /// a font with the coverage `file` promises.
    pub fn add(&mut self, file: &FontFile, bytes: Vec<u8>) -> Result<(), String> {
        let face = Face::parse(file.name, "", &bytes).ok_or_else(|| format!("{} is not a font", file.file))?;
        let first = file.ranges.first().map(|r| r.0).unwrap_or(0x20);
        if !face.cmap.contains_key(&first) {
            return Err(format!("{} does not hold the characters it should (an older copy?)", file.file));
        }
        self.files.insert(file.name, bytes);
        Ok(())
    }

    /// Reads the fetched files from a directory holding `fonts/`'s files
    /// under their plain names (native use: tests, samples).
    pub fn from_dir(dir: &std::path::Path) -> Result<Fonts, String> {
        let mut fonts = Fonts::new();
        for file in FETCHED {
            let path = dir.join(format!("{}.ttf", file.name));
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            fonts.add(&file, bytes)?;
        }
        Ok(fonts)
    }

    /// The crate's own `fonts/` directory (native use).
    pub fn bundled_dir() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fonts")
    }

    pub fn has(&self, file: &FontFile) -> bool {
        self.files.contains_key(file.name)
    }
}

/// A parsed face: character to glyph, advances.
pub(crate) struct Face {
    /// Resource name in the PDF (stable: part of the deterministic output).
    pub key: &'static str,
    /// PostScript-style name (after the subset tag).
    pub ps_name: &'static str,
    /// Drawn bold by stroking (Chinese faces in a bold style).
    pub synthetic_bold: bool,
    bytes: Vec<u8>,
    cmap: BTreeMap<u32, u16>,
    widths: BTreeMap<u16, u16>,
    units_per_em: f32,
}

impl Face {
    fn parse(key: &'static str, ps_name: &'static str, bytes: &[u8]) -> Option<Face> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
        if parsed.codepoint_to_glyph.is_empty() || parsed.units_per_em == 0 {
            return None;
        }
        Some(Face {
            key,
            ps_name,
            synthetic_bold: false,
            bytes: bytes.to_vec(),
            cmap: parsed.codepoint_to_glyph,
            widths: parsed.glyph_widths,
            units_per_em: f32::from(parsed.units_per_em),
        })
    }

    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.get(&(c as u32)).copied().filter(|&g| g != 0)
    }

    /// Advance of `c` in em.
    pub fn advance(&self, c: char) -> f32 {
        let gid = self.glyph(c).unwrap_or(0);
        f32::from(self.widths.get(&gid).copied().unwrap_or(0)) / self.units_per_em
    }
}

/// Index of a face in [`FontSet::faces`].
pub(crate) type FaceId = usize;

/// The faces of one report: Latin regular and bold, then the fetched files
/// that were given.
pub(crate) struct FontSet {
    pub faces: Vec<Face>,
    /// Fallback chains (face indices) for regular and bold text.
    regular: Vec<FaceId>,
    bold: Vec<FaceId>,
}

/// Width of a character no face has: it is never drawn (the report is
/// refused), but a dry run still lays text out with it.
const MISSING_ADVANCE: f32 = 0.6;

impl FontSet {
    pub fn new(fonts: &Fonts) -> FontSet {
        let mut faces = vec![
            Face::parse("F1", "NotoSansTC-Regular", LATIN_REGULAR).expect("the compiled-in Latin font parses"),
            Face::parse("F2", "NotoSansTC-Bold", LATIN_BOLD).expect("the compiled-in Latin bold font parses"),
        ];
        let mut regular = vec![0];
        let mut bold = vec![1];
        for file in &FETCHED {
            let key = file.key;
            if let Some(bytes) = fonts.files.get(file.name)
                && let Some(face) = Face::parse(key, "NotoSansTC-Regular", bytes)
            {
                let id = faces.len();
                faces.push(face);
                let mut stroked = Face::parse(key, "NotoSansTC-Regular", bytes).expect("parsed just above");
                stroked.synthetic_bold = true;
                // The stroked twin shares the resource (same glyphs, same key);
                // only the drawing differs.
                faces.push(stroked);
                regular.push(id);
                bold.push(id + 1);
            }
        }
        FontSet { faces, regular, bold }
    }

    /// The face that draws `c` in this style, or `None` when no face has it.
    pub fn face_for(&self, c: char, bold: bool) -> Option<FaceId> {
        let chain = if bold { &self.bold } else { &self.regular };
        chain.iter().copied().find(|&i| self.faces[i].glyph(c).is_some())
    }

    /// Advance of `c` in em, in this style.
    pub fn advance(&self, c: char, bold: bool) -> f32 {
        match self.face_for(c, bold) {
            Some(i) => self.faces[i].advance(c),
            None => MISSING_ADVANCE,
        }
    }

    /// Registers the faces a document uses, each subset to the characters
    /// it draws (`used`: characters by face resource key), under fixed
    /// resource names and deterministic subset tags.
    pub fn embed(&self, doc: &mut PdfDocument, used: &BTreeMap<&'static str, BTreeSet<char>>) -> Result<(), String> {
        for (key, chars) in used {
            let face = self.faces.iter().find(|f| f.key == *key).expect("a used face is in the set");
            let mut gids: Vec<u16> = chars.iter().filter_map(|&c| face.glyph(c)).collect();
            gids.push(0);
            gids.sort_unstable();
            gids.dedup();
            let bytes = subset(&face.bytes, &gids).map_err(|e| format!("subsetting {}: {e}", face.ps_name))?;
            let mut warnings = Vec::new();
            let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
                .ok_or_else(|| format!("the subset of {} does not parse", face.ps_name))?;
            parsed.font_name = Some(format!("{}+{}", subset_tag(key, &gids), face.ps_name));
            doc.resources.fonts.map.insert(FontId((*key).to_string()), PdfFont::new(parsed));
        }
        Ok(())
    }
}

/// `bytes` reduced to `gids` (glyph 0 first), with a Unicode cmap for them.
fn subset(bytes: &[u8], gids: &[u16]) -> Result<Vec<u8>, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    let data = ReadScope::new(bytes).read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = data.table_provider(0).map_err(|e| e.to_string())?;
    allsorts::subset::subset(&provider, gids, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| format!("{e:?}"))
}

/// The six capital letters a subset font's name starts with (ISO 32000-1,
/// 9.6.4), derived from the face and its glyphs so the same document gets
/// the same name.
fn subset_tag(key: &str, gids: &[u16]) -> String {
    let mut h = crate::fnv1a(key.as_bytes(), crate::FNV_OFFSET);
    for g in gids {
        h = crate::fnv1a(&g.to_be_bytes(), h);
    }
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8)).collect()
}

/// Characters that are not drawn and need no glyph: typed text is cleaned of
/// them before layout (controls, zero-width and direction marks); spacing
/// characters become a plain space.
pub(crate) fn clean_typed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if c.is_control() || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}') {
            continue;
        } else {
            out.push(c);
        }
    }
    out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_lookup_matches_the_ranges() {
        assert!(CONTENT.covers('澳'));
        assert!(!CONTENT.covers('A'));
        assert!(!CONTENT.covers('🚀'));
        let common: usize = FETCHED[1..].iter().map(FontFile::len).sum();
        assert!(common > 4000, "{common}");
        assert!(FETCHED[1..].iter().all(|f| !f.covers('澳')), "the common slices hold only what the content file lacks");
        let keys: std::collections::BTreeSet<&str> = FETCHED.iter().map(|f| f.key).collect();
        assert_eq!(keys.len(), FETCHED.len());
    }

    #[test]
    fn typed_text_is_cleaned_of_invisible_characters() {
        assert_eq!(clean_typed("\u{202e}Acme\u{200f}\r\n\tLda\u{0}"), "Acme Lda");
        assert_eq!(clean_typed("  澳門 \u{feff} 公司 "), "澳門 公司");
    }
}
