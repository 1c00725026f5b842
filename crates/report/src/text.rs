//! What the built-in PDF fonts can show, and how wide it is.
//!
//! The built-in Helvetica covers only Windows-1252; printpdf silently prints
//! `?` for anything else, so every string is checked before rendering.

/// Characters of `s` outside Windows-1252 (control characters other than
/// tab are also refused), deduplicated in order of appearance.
pub fn unsupported_chars(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in s.chars() {
        if !is_win1252(c) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn is_win1252(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}')
        || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// Helvetica advance widths (AFM, 1/1000 em) for ASCII 32..=126.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // '0'..'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // '@'..'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 'P'..'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // '`'..'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p'..'~'
];

/// Width of `s` in points at `size`, for Helvetica (bold is about 7 % wider).
pub(crate) fn width(s: &str, size: f32, bold: bool) -> f32 {
    let units: u32 = s
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(HELVETICA[c as usize - 32]),
            // Accented Latin letters are as wide as their base letter, near enough.
            _ => 556,
        })
        .sum();
    let factor = if bold { 1.07 } else { 1.0 };
    units as f32 * size / 1000.0 * factor
}

/// Greedy line breaking at spaces; words longer than a line are split.
pub(crate) fn wrap(s: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&candidate, size, bold) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // Split a word that is wider than the line by itself.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if width(&piece, size, bold) > max_width {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portuguese_is_supported_but_cjk_and_math_are_not() {
        assert!(unsupported_chars("Avaliação — “protecção” €1.234,56 ç ã õ").is_empty());
        assert_eq!(unsupported_chars("≥ 3 ≤ 5 ≥"), vec!['≥', '≤']);
        assert_eq!(unsupported_chars("澳門"), vec!['澳', '門']);
    }

    #[test]
    fn wrapping_respects_the_width() {
        let text = "Is multi-factor authentication required for every DingTalk account in the organisation?";
        let lines = wrap(text, 10.0, false, 150.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 10.0, false) <= 150.0));
        assert_eq!(lines.join(" "), text);
        let long = "x".repeat(500);
        assert!(wrap(&long, 10.0, false, 100.0).iter().all(|l| width(l, 10.0, false) <= 100.0));
    }
}
