//! A minimal flowing layout over printpdf's operation list: blocks of wrapped
//! text placed top to bottom, a new page when the next block does not fit,
//! and a footer with page numbers added once the page count is known.

use printpdf::{
    BuiltinFont, Color, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rgb,
    TextItem,
};

use crate::text::{unsupported_chars, width, wrap};

const PAGE_W: f32 = 595.28; // A4 in points
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const BOTTOM: f32 = MARGIN + 24.0; // room for the footer

const INK: Rgb = Rgb { r: 0.11, g: 0.13, b: 0.16, icc_profile: None };
const MUTED: Rgb = Rgb { r: 0.35, g: 0.38, b: 0.42, icc_profile: None };
const BRAND: Rgb = Rgb { r: 0.05, g: 0.36, b: 0.62, icc_profile: None };

struct Line_ {
    text: String,
    size: f32,
    bold: bool,
    color: Rgb,
    x: f32,
}

pub(crate) struct Document {
    pages: Vec<Vec<Op>>,
    y: f32,
    all_text: String,
}

impl Document {
    pub(crate) fn new() -> Self {
        Document { pages: vec![Vec::new()], y: PAGE_H - MARGIN, all_text: String::new() }
    }

    /// Places lines as one block: kept together on a page when it fits.
    fn block(&mut self, lines: Vec<Line_>, space_before: f32, space_after: f32) {
        let height: f32 = lines.iter().map(|l| l.size * 1.35).sum();
        if self.y - space_before - height < BOTTOM && self.y < PAGE_H - MARGIN {
            self.pages.push(Vec::new());
            self.y = PAGE_H - MARGIN;
        } else {
            self.y -= space_before;
        }
        for line in lines {
            self.y -= line.size * 1.35;
            if self.y < BOTTOM {
                self.pages.push(Vec::new());
                self.y = PAGE_H - MARGIN - line.size * 1.35;
            }
            self.all_text.push_str(&line.text);
            let page = self.pages.last_mut().expect("there is always a page");
            push_text(page, &line.text, line.x, self.y, line.size, line.bold, line.color);
        }
        self.y -= space_after;
    }

    fn lines(text: &str, size: f32, bold: bool, color: Rgb, x: f32) -> Vec<Line_> {
        wrap(text, size, bold, CONTENT_W - (x - MARGIN))
            .into_iter()
            .map(|text| Line_ { text, size, bold, color: color.clone(), x })
            .collect()
    }

    pub(crate) fn title(&mut self, text: &str) {
        let lines = Self::lines(text, 22.0, true, BRAND, MARGIN);
        self.block(lines, 0.0, 6.0);
    }

    pub(crate) fn subtitle(&mut self, text: &str) {
        let lines = Self::lines(text, 14.0, true, INK, MARGIN);
        self.block(lines, 0.0, 4.0);
    }

    pub(crate) fn heading(&mut self, text: &str) {
        let lines = Self::lines(text, 14.0, true, BRAND, MARGIN);
        self.block(lines, 14.0, 4.0);
    }

    pub(crate) fn paragraph(&mut self, text: &str) {
        let lines = Self::lines(text, 10.0, false, MUTED, MARGIN);
        self.block(lines, 2.0, 4.0);
    }

    /// A question and its answer, kept together.
    pub(crate) fn question(&mut self, question: &str, answer: &str) {
        let mut lines = Self::lines(question, 10.5, false, INK, MARGIN);
        lines.extend(Self::lines(answer, 10.5, true, BRAND, MARGIN + 14.0));
        self.block(lines, 6.0, 2.0);
    }

    pub(crate) fn unsupported_chars(&self) -> Vec<char> {
        unsupported_chars(&self.all_text)
    }

    /// Adds running header and footer with page numbers, and serializes.
    pub(crate) fn finish(self, title: &str, footer: &str) -> Vec<u8> {
        let count = self.pages.len();
        let pages = self
            .pages
            .into_iter()
            .enumerate()
            .map(|(i, mut ops)| {
                let number = format!("{} / {count}", i + 1);
                push_rule(&mut ops, PAGE_H - MARGIN + 14.0);
                push_text(&mut ops, title, MARGIN, PAGE_H - MARGIN + 20.0, 8.0, false, MUTED);
                push_rule(&mut ops, MARGIN);
                push_text(&mut ops, footer, MARGIN, MARGIN - 14.0, 8.0, false, MUTED);
                let w = width(&number, 8.0, false);
                push_text(&mut ops, &number, PAGE_W - MARGIN - w, MARGIN - 14.0, 8.0, false, MUTED);
                PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), ops)
            })
            .collect();
        let mut doc = PdfDocument::new(title);
        let mut warnings = Vec::new();
        doc.with_pages(pages).save(&PdfSaveOptions::default(), &mut warnings)
    }
}

fn push_text(ops: &mut Vec<Op>, text: &str, x: f32, y: f32, size: f32, bold: bool, color: Rgb) {
    let font = if bold { BuiltinFont::HelveticaBold } else { BuiltinFont::Helvetica };
    ops.extend([
        Op::StartTextSection,
        Op::SetFillColor { col: Color::Rgb(color) },
        Op::SetFont { font: PdfFontHandle::Builtin(font), size: Pt(size) },
        Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
        Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
        Op::EndTextSection,
    ]);
}

fn push_rule(ops: &mut Vec<Op>, y: f32) {
    ops.extend([
        Op::SetOutlineColor { col: Color::Rgb(Rgb { r: 0.8, g: 0.82, b: 0.85, icc_profile: None }) },
        Op::SetOutlineThickness { pt: Pt(0.5) },
        Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint { p: Point { x: Pt(MARGIN), y: Pt(y) }, bezier: false },
                    LinePoint { p: Point { x: Pt(PAGE_W - MARGIN), y: Pt(y) }, bezier: false },
                ],
                is_closed: false,
            },
        },
    ]);
}
