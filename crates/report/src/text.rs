//! Text measurement and line breaking over the report's font chain.
//!
//! Lines break at spaces, and between Chinese characters (which have no
//! spaces), except before closing punctuation (，。」…) and after opening
//! punctuation (「（…), and never next to a no-break space (money figures
//! such as "MOP 12,000" stay whole). A word wider than the line is split
//! between characters. An explicit `\n` starts a new line.

use crate::fonts::FontSet;

/// How a piece of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: [f32; 3],
}

impl Style {
    pub const fn new(size: f32, bold: bool, color: [f32; 3]) -> Style {
        Style { size, bold, color }
    }

    pub const fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub const fn color(self, color: [f32; 3]) -> Style {
        Style { color, ..self }
    }
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Span {
    pub text: String,
    pub style: Style,
}

pub(crate) fn span(text: impl Into<String>, style: Style) -> Span {
    Span { text: text.into(), style }
}

/// A laid-out line: pieces with their x offset from the line start.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct LineOut {
    pub pieces: Vec<(f32, Span)>,
    pub width: f32,
    /// Largest font size on the line (for its height).
    pub size: f32,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// May not start a line.
fn is_closing(c: char) -> bool {
    "，。、；：？！）」』〉》】〕｝］…—·ー～%％,.;:?!)]}’”".contains(c)
}

/// May not end a line.
fn is_opening(c: char) -> bool {
    "（「『〈《【〔｛［([{‘“".contains(c)
}

/// Whether a line may break between `a` and `b` (the space, if any, stays
/// with `a`'s side).
fn can_break(a: char, b: char) -> bool {
    if b == ' ' || is_closing(b) || is_opening(a) || a == '\u{a0}' || b == '\u{a0}' {
        return false;
    }
    a == ' ' || is_cjk(a) || is_cjk(b)
}

pub(crate) fn width(fonts: &FontSet, text: &str, style: Style) -> f32 {
    text.chars().map(|c| fonts.advance(c, style.bold)).sum::<f32>() * style.size
}

/// Breaks styled text into lines no wider than `max`.
pub(crate) fn wrap(fonts: &FontSet, spans: &[Span], max: f32) -> Vec<LineOut> {
    // Flatten to styled characters.
    let chars: Vec<(char, Style)> = spans.iter().flat_map(|s| s.text.chars().map(move |c| (c, s.style))).collect();
    let mut lines = Vec::new();
    for paragraph in chars.split(|(c, _)| *c == '\n') {
        lines.extend(wrap_paragraph(fonts, paragraph, max));
    }
    lines
}

fn wrap_paragraph(fonts: &FontSet, chars: &[(char, Style)], max: f32) -> Vec<LineOut> {
    // Units: stretches between break opportunities.
    let mut units: Vec<&[(char, Style)]> = Vec::new();
    let mut start = 0;
    for i in 1..chars.len() {
        if can_break(chars[i - 1].0, chars[i].0) {
            units.push(&chars[start..i]);
            start = i;
        }
    }
    if start < chars.len() {
        units.push(&chars[start..]);
    }
    let adv = |&(c, s): &(char, Style)| fonts.advance(c, s.bold) * s.size;
    let trimmed = |u: &[(char, Style)]| {
        let end = u.iter().rposition(|(c, _)| *c != ' ').map_or(0, |i| i + 1);
        u[..end].iter().map(adv).sum::<f32>()
    };
    let mut lines: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    let mut current = 0.0f32; // width including trailing spaces
    for unit in units {
        let line = lines.last_mut().expect("never empty");
        let unit_width: f32 = unit.iter().map(adv).sum();
        let content_end = line.iter().rposition(|(c, _)| *c != ' ').map_or(0, |i| i + 1);
        let fits = current + trimmed(unit) <= max + 0.01;
        if fits || content_end == 0 && trimmed(unit) <= max + 0.01 {
            line.extend_from_slice(unit);
            current += unit_width;
            continue;
        }
        if content_end > 0 {
            line.truncate(content_end);
            lines.push(Vec::new());
            current = 0.0;
        }
        // The unit alone: split it if it is wider than a line.
        for &ch in unit {
            let line = lines.last_mut().expect("never empty");
            let w = adv(&ch);
            if current + w > max + 0.01 && !line.is_empty() && ch.0 != ' ' {
                lines.push(Vec::new());
                current = 0.0;
            }
            let line = lines.last_mut().expect("never empty");
            if line.is_empty() && ch.0 == ' ' {
                continue;
            }
            line.push(ch);
            current += w;
        }
    }
    lines
        .into_iter()
        .map(|mut l| {
            let end = l.iter().rposition(|(c, _)| *c != ' ').map_or(0, |i| i + 1);
            l.truncate(end);
            to_line(fonts, &l)
        })
        .collect()
}

/// Groups styled characters into spans with their offsets.
fn to_line(fonts: &FontSet, chars: &[(char, Style)]) -> LineOut {
    let mut out = LineOut::default();
    let mut x = 0.0;
    for &(c, style) in chars {
        match out.pieces.last_mut() {
            Some((_, span)) if span.style == style => span.text.push(c),
            _ => out.pieces.push((x, Span { text: c.to_string(), style })),
        }
        x += fonts.advance(c, style.bold) * style.size;
        out.size = out.size.max(style.size);
    }
    out.width = x;
    out
}

/// Shortens `text` with an ellipsis to fit `max` (running headers).
pub(crate) fn ellipsize(fonts: &FontSet, text: &str, style: Style, max: f32) -> String {
    if width(fonts, text, style) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(fonts, &format!("{out}{c}…"), style) > max {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;

    const S: Style = Style::new(10.0, false, [0.0; 3]);

    fn fonts() -> FontSet {
        FontSet::new(&Fonts::from_dir(&Fonts::bundled_dir()).unwrap())
    }

    fn texts(lines: &[LineOut]) -> Vec<String> {
        lines.iter().map(|l| l.pieces.iter().map(|(_, s)| s.text.as_str()).collect()).collect()
    }

    #[test]
    fn latin_wraps_at_spaces_within_the_width() {
        let f = fonts();
        let text = "Is multi-factor authentication required for every DingTalk account in the organisation?";
        let lines = wrap(&f, &[span(text, S)], 150.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 150.01));
        assert_eq!(texts(&lines).join(" "), text);
        let long = "x".repeat(500);
        let lines = wrap(&f, &[span(long.as_str(), S)], 100.0);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(texts(&lines).concat(), long);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        let f = fonts();
        let text = "本自我評估僅供一般參考，並非法律意見。所引用的法律條文已按截至2026年11月24日的公開資料核對。";
        for max in [40.0, 55.0, 60.0, 75.0, 100.0, 130.0] {
            let lines = wrap(&f, &[span(text, S)], max);
            assert!(lines.len() > 1);
            assert!(lines.iter().all(|l| l.width <= max + 0.01), "{max}");
            let t = texts(&lines);
            assert_eq!(t.concat(), text);
            for l in &t[1..] {
                assert!(!l.starts_with(['，', '。']), "{max}: {l}");
            }
        }
    }

    #[test]
    fn styles_are_kept_and_newlines_break() {
        let f = fonts();
        let lines = wrap(&f, &[span("Answer: ", S), span("Yes\nNext", S.bold())], 500.0);
        assert_eq!(texts(&lines), vec!["Answer: Yes", "Next"]);
        assert_eq!(lines[0].pieces.len(), 2);
        assert!(lines[0].pieces[1].1.style.bold);
    }
}
