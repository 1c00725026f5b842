//! A flowing page layout over printpdf's operation list.
//!
//! Blocks are placed top to bottom; a block that does not fit starts a new
//! page. Text is wrapped with the fonts' own metrics ([`crate::text`]), so
//! nothing runs off the page; tables repeat their header row on every page
//! they span and never split a row. Running header, footer and page numbers
//! are added once the page count is known, and the document outline, the
//! metadata and the file identifier are written in a final pass over the
//! serialized document (printpdf's own would be random or unordered).

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Object, StringFormat};
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, TextMatrix, TextRenderingMode, WindingOrder,
};

use crate::fonts::FontSet;
use crate::text::{span, width, wrap, LineOut, Span, Style};

/// Paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

pub(crate) const INK: [f32; 3] = [0.11, 0.13, 0.16];
pub(crate) const MUTED: [f32; 3] = [0.36, 0.39, 0.43];
pub(crate) const BRAND: [f32; 3] = [0.05, 0.36, 0.62];
pub(crate) const RULE: [f32; 3] = [0.80, 0.82, 0.85];
pub(crate) const SHADE: [f32; 3] = [0.93, 0.95, 0.97];
pub(crate) const GREEN: [f32; 3] = [0.13, 0.55, 0.29];
pub(crate) const AMBER: [f32; 3] = [0.85, 0.55, 0.05];
pub(crate) const RED: [f32; 3] = [0.78, 0.16, 0.16];
pub(crate) const GREY: [f32; 3] = [0.62, 0.64, 0.67];

const MARGIN_X: f32 = 50.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 62.0;
/// Line height as a multiple of the font size.
pub(crate) const LEADING: f32 = 1.38;

/// A table column: its share of the content width and its header.
pub(crate) struct Column {
    pub share: f32,
    pub header: String,
}

/// A table cell: text, optionally after a mark (an empty checkbox or a
/// coloured status dot).
#[derive(Default)]
pub(crate) struct Cell {
    pub spans: Vec<Span>,
    pub mark: Option<Mark>,
}

#[derive(Clone, Copy)]
pub(crate) enum Mark {
    Checkbox,
    Dot([f32; 3]),
}

impl Cell {
    pub fn text(text: impl Into<String>, style: Style) -> Cell {
        Cell { spans: vec![span(text, style)], mark: None }
    }
}

/// A table row laid out: each cell's lines and mark, and the row's height.
type LaidRow = (Vec<(Vec<LineOut>, Option<Mark>)>, f32);

/// An outline entry: level (0 = top), title, page index, y.
struct Bookmark {
    level: u8,
    title: String,
    page: usize,
    y: f32,
}

/// The document's metadata, written in the final pass.
pub(crate) struct Meta<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub lang: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    /// Running header (pages after the cover).
    pub header: &'a str,
    pub footer: &'a str,
    /// "Page {page} of {pages}" with the two placeholders.
    pub page_label: &'a dyn Fn(usize, usize) -> String,
}

pub(crate) struct Doc<'f> {
    pub fonts: &'f FontSet,
    pub page_w: f32,
    page_h: f32,
    pages: Vec<Vec<Op>>,
    /// Baseline cursor: the top of the next block.
    y: f32,
    /// Characters drawn, by face resource key.
    used: BTreeMap<&'static str, BTreeSet<char>>,
    /// Characters no face has (never drawn).
    missing: Vec<char>,
    outline: Vec<Bookmark>,
    /// Every string drawn, for tests and the coverage check.
    pub drawn: String,
}

impl<'f> Doc<'f> {
    pub fn new(fonts: &'f FontSet, paper: Paper) -> Doc<'f> {
        let (page_w, page_h) = paper.size();
        Doc {
            fonts,
            page_w,
            page_h,
            pages: vec![Vec::new()],
            y: page_h - MARGIN_TOP,
            used: BTreeMap::new(),
            missing: Vec::new(),
            outline: Vec::new(),
            drawn: String::new(),
        }
    }

    pub fn left(&self) -> f32 {
        MARGIN_X
    }

    pub fn content_width(&self) -> f32 {
        self.page_w - 2.0 * MARGIN_X
    }

    fn top(&self) -> f32 {
        self.page_h - MARGIN_TOP
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// Room left on the page, in points.
    pub fn room(&self) -> f32 {
        self.y - MARGIN_BOTTOM
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top();
    }

    /// Starts a new page unless `height` fits in what is left (a block
    /// taller than a whole page is placed anyway, from the top).
    pub fn keep(&mut self, height: f32) {
        if height > self.room() && self.y < self.top() - 0.5 {
            self.new_page();
        }
    }

    pub fn space(&mut self, d: f32) {
        self.y -= d;
    }

    pub fn missing(&self) -> &[char] {
        &self.missing
    }

    /// Adds an outline entry pointing at the current position.
    pub fn bookmark(&mut self, level: u8, title: &str) {
        self.outline.push(Bookmark { level, title: title.to_string(), page: self.pages.len() - 1, y: self.y + 4.0 });
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Draws one laid-out line with its baseline at `y`.
    pub fn draw_line(&mut self, line: &LineOut, x: f32, y: f32) {
        for (dx, piece) in &line.pieces {
            self.draw_text(&piece.text, piece.style, x + dx, y);
        }
    }

    /// Draws `text` on one line (no wrapping), split into runs by the face
    /// that has each character. Characters no face has are recorded and
    /// skipped; the caller refuses the document if any were.
    pub fn draw_text(&mut self, text: &str, style: Style, x: f32, y: f32) {
        self.drawn.push_str(text);
        self.drawn.push('\n');
        let mut x = x;
        let mut run = String::new();
        let mut run_face: Option<usize> = None;
        let mut run_x = x;
        let flush = |doc: &mut Doc<'_>, run: &mut String, face: Option<usize>, at: f32| {
            if let Some(face) = face
                && !run.is_empty()
            {
                doc.emit(face, run, style, at, y);
            }
            run.clear();
        };
        for c in text.chars() {
            let face = self.fonts.face_for(c, style.bold);
            if face.is_none() && !c.is_whitespace() && !self.missing.contains(&c) {
                self.missing.push(c);
            }
            if face != run_face {
                flush(self, &mut run, run_face, run_x);
                run_face = face;
                run_x = x;
            }
            if face.is_some() {
                run.push(c);
            }
            x += self.fonts.advance(c, style.bold) * style.size;
        }
        flush(self, &mut run, run_face, run_x);
    }

    fn emit(&mut self, face: usize, text: &str, style: Style, x: f32, y: f32) {
        let f = &self.fonts.faces[face];
        let key = f.key;
        let synthetic_bold = f.synthetic_bold;
        self.used.entry(key).or_default().extend(text.chars());
        let color = rgb(style.color);
        let ops = self.pages.last_mut().expect("there is always a page");
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont { font: PdfFontHandle::External(FontId(key.to_string())), size: Pt(style.size) });
        ops.push(Op::SetFillColor { col: color.clone() });
        if synthetic_bold {
            ops.push(Op::SetOutlineColor { col: color });
            ops.push(Op::SetOutlineThickness { pt: Pt(style.size * 0.035) });
            ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
        }
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(y)) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(text.to_string())] });
        if synthetic_bold {
            ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
        }
        ops.push(Op::EndTextSection);
    }

    /// Wrapped text at `indent` from the left margin, flowing across pages
    /// line by line; `after` is the space below it.
    pub fn paragraph(&mut self, spans: &[Span], indent: f32, after: f32) {
        let max = self.content_width() - indent;
        let lines = wrap(self.fonts, spans, max);
        for line in &lines {
            let h = line_height(line);
            if h > self.room() {
                self.new_page();
            }
            self.y -= h;
            let x = self.left() + indent;
            let baseline = self.y + h * 0.28;
            self.draw_line(line, x, baseline);
        }
        self.y -= after;
    }

    /// Height of `spans` wrapped at the content width minus `indent`.
    pub fn measure(&self, spans: &[Span], indent: f32) -> f32 {
        wrap(self.fonts, spans, self.content_width() - indent).iter().map(line_height).sum()
    }

    /// A heading kept with at least `keep_with` points of what follows, and
    /// an outline entry at `level` (none when `None`).
    pub fn heading(&mut self, text: &str, style: Style, level: Option<u8>, keep_with: f32) {
        let spans = [span(text, style)];
        let h = self.measure(&spans, 0.0);
        self.keep(h + keep_with);
        if let Some(level) = level {
            self.bookmark(level, text);
        }
        self.paragraph(&spans, 0.0, style.size * 0.5);
    }

    /// A filled rectangle; `y` is its bottom edge.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: [f32; 3]) {
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: rgb(fill) });
        ops.push(Op::DrawPolygon { polygon: rect_polygon(x, y, w, h, PaintMode::Fill) });
    }

    /// A rectangle outline.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, stroke: [f32; 3], thickness: f32) {
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: rgb(stroke) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawPolygon { polygon: rect_polygon(x, y, w, h, PaintMode::Stroke) });
    }

    pub fn hline(&mut self, x0: f32, x1: f32, y: f32, color: [f32; 3], thickness: f32) {
        self.line((x0, y), (x1, y), color, thickness);
    }

    pub fn vline(&mut self, x: f32, y0: f32, y1: f32, color: [f32; 3], thickness: f32) {
        self.line((x, y0), (x, y1), color, thickness);
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), color: [f32; 3], thickness: f32) {
        let p = |(x, y): (f32, f32)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false };
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: rgb(color) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine { line: Line { points: vec![p(from), p(to)], is_closed: false } });
    }

    /// A filled circle (four Bézier arcs) centred on (`cx`, `cy`).
    pub fn dot(&mut self, cx: f32, cy: f32, r: f32, fill: [f32; 3]) {
        const K: f32 = 0.552_284_8;
        let p = |x: f32, y: f32, bezier: bool| LinePoint { p: Point { x: Pt(cx + x * r), y: Pt(cy + y * r) }, bezier };
        let points = vec![
            p(1.0, 0.0, false),
            p(1.0, K, true),
            p(K, 1.0, true),
            p(0.0, 1.0, false),
            p(-K, 1.0, true),
            p(-1.0, K, true),
            p(-1.0, 0.0, false),
            p(-1.0, -K, true),
            p(-K, -1.0, true),
            p(0.0, -1.0, false),
            p(K, -1.0, true),
            p(1.0, -K, true),
        ];
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: rgb(fill) });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// A table across the content width: a shaded header row, repeated on
    /// every page the table spans; rows are never split, and each row's
    /// height is its tallest cell.
    pub fn table(&mut self, columns: &[Column], rows: Vec<Vec<Cell>>, body: Style) {
        const PAD: f32 = 4.0;
        // Extra room on the right of each cell: a clear gutter keeps
        // text extraction from joining neighbouring cells into one line.
        const GUTTER: f32 = 10.0;
        const MARK: f32 = 14.0;
        let total: f32 = columns.iter().map(|c| c.share).sum();
        let widths: Vec<f32> = columns.iter().map(|c| c.share / total * self.content_width()).collect();
        let head_style = body.bold().color(INK);
        let head: Vec<Vec<LineOut>> =
            columns.iter().zip(&widths).map(|(c, w)| wrap(self.fonts, &[span(&c.header, head_style)], w - 2.0 * PAD - GUTTER)).collect();
        let head_h = head.iter().map(|ls| ls.iter().map(line_height).sum::<f32>()).fold(0.0, f32::max) + 2.0 * PAD;
        let laid: Vec<LaidRow> = rows
            .into_iter()
            .map(|row| {
                let cells: Vec<(Vec<LineOut>, Option<Mark>)> = row
                    .into_iter()
                    .zip(&widths)
                    .map(|(cell, w)| {
                        let inner = w - 2.0 * PAD - GUTTER - if cell.mark.is_some() { MARK } else { 0.0 };
                        (wrap(self.fonts, &cell.spans, inner.max(10.0)), cell.mark)
                    })
                    .collect();
                let h = cells
                    .iter()
                    .map(|(ls, m)| ls.iter().map(line_height).sum::<f32>().max(if m.is_some() { 12.0 } else { 0.0 }))
                    .fold(0.0, f32::max)
                    + 2.0 * PAD;
                (cells, h)
            })
            .collect();
        let draw_head = |doc: &mut Doc<'_>| {
            let x0 = doc.left();
            let top = doc.y;
            doc.rect(x0, top - head_h, doc.content_width(), head_h, SHADE);
            let mut x = x0;
            for (lines, w) in head.iter().zip(&widths) {
                let mut y = top - PAD;
                for l in lines {
                    let h = line_height(l);
                    doc.draw_line(l, x + PAD, y - h * 0.72);
                    y -= h;
                }
                x += w;
            }
            doc.y = top - head_h;
            doc.hline(x0, x0 + doc.content_width(), doc.y, MUTED, 0.6);
        };
        self.keep(head_h + laid.first().map_or(0.0, |r| r.1));
        draw_head(self);
        for (cells, h) in laid {
            if h > self.room() {
                self.new_page();
                draw_head(self);
            }
            let top = self.y;
            let mut x = self.left();
            for ((lines, mark), w) in cells.iter().zip(&widths) {
                let mut tx = x + PAD;
                if let Some(mark) = mark {
                    let first = lines.first().map_or(body.size * LEADING, line_height);
                    let cy = top - PAD - first * 0.5 - 1.5;
                    match mark {
                        Mark::Checkbox => self.frame(tx + 0.5, cy - 4.5, 9.0, 9.0, INK, 0.8),
                        Mark::Dot(c) => self.dot(tx + 5.0, cy, 3.6, *c),
                    }
                    tx += MARK;
                }
                let mut y = top - PAD;
                for l in lines {
                    let lh = line_height(l);
                    self.draw_line(l, tx, y - lh * 0.72);
                    y -= lh;
                }
                x += w;
            }
            self.y = top - h;
            let x0 = self.left();
            self.hline(x0, x0 + self.content_width(), self.y, RULE, 0.4);
        }
        self.y -= 10.0;
    }

    /// Adds the running header, footer and page numbers, embeds the fonts,
    /// serializes, and writes metadata, outline and file identifier.
    pub fn finish(mut self, meta: &Meta<'_>) -> Result<Vec<u8>, String> {
        let count = self.pages.len();
        let small = Style::new(7.5, false, MUTED);
        for i in 0..count {
            // Header and footer drawn onto page i (the cursor is not used).
            let last = std::mem::take(&mut self.pages[i]);
            let saved = std::mem::replace(&mut self.pages, vec![last]);
            let w = self.content_width();
            let x0 = self.left();
            let top = self.page_h - 38.0;
            if i > 0 {
                let header = crate::text::ellipsize(self.fonts, meta.header, small, w);
                self.draw_text(&header, small, x0, top);
                self.hline(x0, x0 + w, top - 6.0, RULE, 0.5);
            }
            self.hline(x0, x0 + w, 44.0, RULE, 0.5);
            let number = (meta.page_label)(i + 1, count);
            let nw = width(self.fonts, &number, small);
            let footer = crate::text::ellipsize(self.fonts, meta.footer, small, w - nw - 16.0);
            self.draw_text(&footer, small, x0, 32.0);
            self.draw_text(&number, small, x0 + w - nw, 32.0);
            let page = self.pages.pop().expect("one page");
            self.pages = saved;
            self.pages[i] = page;
        }
        if !self.missing.is_empty() {
            return Err("missing glyphs".into());
        }
        let mut doc = PdfDocument::new(meta.title);
        self.fonts.embed(&mut doc, &self.used)?;
        let (w, h) = (self.page_w, self.page_h);
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|ops| PdfPage::new(printpdf::Mm::from(Pt(w)), printpdf::Mm::from(Pt(h)), ops))
            .collect();
        doc.with_pages(pages);
        let mut warnings = Vec::new();
        let opts = PdfSaveOptions { optimize: false, subset_fonts: false, secure: false, image_optimization: None };
        let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
        finalize(&mut lo, meta, &self.outline)?;
        lo.compress();
        let mut out = Vec::new();
        lo.save_to(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }
}

fn line_height(line: &LineOut) -> f32 {
    line.size.max(1.0) * LEADING
}

fn rgb(c: [f32; 3]) -> Color {
    Color::Rgb(Rgb { r: c[0], g: c[1], b: c[2], icc_profile: None })
}

fn rect_polygon(x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Polygon {
    let p = |x: f32, y: f32| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false };
    Polygon {
        rings: vec![PolygonRing { points: vec![p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)] }],
        mode,
        winding_order: WindingOrder::NonZero,
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The final pass: document information (title, subject, producer, dates
/// from the given date), the catalog's language and outline, and a file
/// identifier derived from the content, so the same input gives the same
/// bytes.
fn finalize(doc: &mut lopdf::Document, meta: &Meta<'_>, outline: &[Bookmark]) -> Result<(), String> {
    use lopdf::Dictionary;
    let compact: String = meta.date.chars().filter(char::is_ascii_digit).collect();
    let date = Object::String(format!("D:{compact}000000Z").into_bytes(), StringFormat::Literal);
    let mut info = Dictionary::new();
    info.set("Title", text_string(meta.title));
    info.set("Subject", text_string(meta.subject));
    info.set("Creator", text_string("DingTalk compliance self-assessment"));
    info.set("Producer", text_string("printpdf 0.12.8"));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.trailer.get(b"Root").and_then(Object::as_reference).map_err(|e| e.to_string())?;

    // The outline: entries nest under the closest previous entry of a
    // lower level.
    let outline_root = doc.new_object_id();
    let ids: Vec<lopdf::ObjectId> = outline.iter().map(|_| doc.new_object_id()).collect();
    let parent_of = |i: usize| -> Option<usize> { (0..i).rev().find(|&j| outline[j].level < outline[i].level) };
    let mut dicts: Vec<Dictionary> = Vec::new();
    for (i, b) in outline.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&b.title));
        let page = pages.get(b.page).copied().ok_or("a bookmark points past the last page")?;
        d.set(
            "Dest",
            Object::Array(vec![Object::Reference(page), "XYZ".into(), Object::Null, Object::Real(b.y), Object::Null]),
        );
        let parent = parent_of(i);
        d.set("Parent", Object::Reference(parent.map_or(outline_root, |p| ids[p])));
        let siblings: Vec<usize> = (0..outline.len()).filter(|&j| parent_of(j) == parent && outline[j].level == b.level).collect();
        let pos = siblings.iter().position(|&j| j == i).expect("an entry is its own sibling");
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        let children: Vec<usize> = (i + 1..outline.len()).filter(|&j| parent_of(j) == Some(i)).collect();
        if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            // Negative: closed, so the outline opens on the parts only.
            d.set("Count", Object::Integer(-(children.len() as i64)));
        }
        dicts.push(d);
    }
    for (id, d) in ids.iter().zip(dicts) {
        doc.objects.insert(*id, Object::Dictionary(d));
    }
    let tops: Vec<usize> = (0..outline.len()).filter(|&i| parent_of(i).is_none()).collect();
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", "Outlines");
    if let (Some(&first), Some(&last)) = (tops.first(), tops.last()) {
        root_dict.set("First", Object::Reference(ids[first]));
        root_dict.set("Last", Object::Reference(ids[last]));
        root_dict.set("Count", Object::Integer(tops.len() as i64));
    }
    doc.objects.insert(outline_root, Object::Dictionary(root_dict));

    let catalog = doc.get_object_mut(root).and_then(Object::as_dict_mut).map_err(|e| e.to_string())?;
    catalog.set("Lang", Object::String(meta.lang.as_bytes().to_vec(), StringFormat::Literal));
    catalog.set("Outlines", Object::Reference(outline_root));
    catalog.set("PageMode", "UseOutlines");
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    catalog.remove(b"PageLayout");

    // The file identifier: a hash of every object, in object order.
    let mut h = crate::FNV_OFFSET;
    for (id, obj) in &doc.objects {
        h = crate::fnv1a(&id.0.to_be_bytes(), h);
        h = match obj {
            Object::Stream(s) => crate::fnv1a(&s.content, crate::fnv1a(format!("{:?}", s.dict).as_bytes(), h)),
            other => crate::fnv1a(format!("{other:?}").as_bytes(), h),
        };
    }
    let id = format!("{h:016x}{:016x}", crate::fnv1a(meta.title.as_bytes(), h));
    let id = Object::String(id.into_bytes(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}
