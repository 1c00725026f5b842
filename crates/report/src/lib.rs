//! The PDF report: an assessment, a locale, a date, a paper size and fonts
//! in; PDF bytes out. Nothing here reads a clock, the network or the
//! browser, and the same input always gives the same bytes.
//!
//! Every figure comes from the results screen's view model
//! ([`results::view::build`], i.e. `engine::evaluate` formatted per locale),
//! so the report and the screen agree. Layout is done by hand over
//! printpdf's operation list ([`layout`]) with the fonts' own metrics
//! ([`text`]); the fonts are subsets of Noto Sans TC ([`fonts`]).

mod fonts;
mod layout;
mod text;

use std::collections::BTreeSet;

use engine::content::Section;
use engine::{Answer, Assessment, QuestionBank};
use i18n::{Locale, Msg};
use results::{Explain, ResultsView};
use serde::{Deserialize, Serialize};

pub use fonts::{FontFile, Fonts, CONTENT, FETCHED};
pub use layout::Paper;

use layout::{Cell, Column, Doc, Mark, Meta, AMBER, BRAND, GREEN, GREY, INK, MUTED, RED};
use text::{span, Span, Style};

/// Why no PDF was produced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportError {
    /// The text holds characters no report font has; they are listed so the
    /// user can be told exactly which ones (never printed as empty boxes).
    UnsupportedCharacters(Vec<char>),
    /// The date is not `YYYY-MM-DD`.
    BadDate(String),
    /// A font file the report needs was not given (see [`fonts_needed`]).
    FontMissing(String),
    /// The PDF could not be written (a bug: reported, not hidden).
    Failed(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::UnsupportedCharacters(chars) => {
                let list: String = chars.iter().collect();
                write!(f, "the report fonts cannot show these characters: {list}")
            }
            ReportError::BadDate(d) => write!(f, "not a date: {d}"),
            ReportError::FontMissing(name) => write!(f, "the font file {name} is needed but was not loaded"),
            ReportError::Failed(why) => write!(f, "the PDF could not be written: {why}"),
        }
    }
}

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a, continuing from `h` (deterministic ids and tags).
pub(crate) fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The text the visitor typed that the report prints: the company name and
/// the plan's owners and due dates, cleaned of invisible characters.
fn typed_text(assessment: &Assessment) -> String {
    let mut s = fonts::clean_typed(&assessment.profile.company_name);
    for entry in assessment.plan.values() {
        s.push(' ');
        s.push_str(&fonts::clean_typed(entry.owner.as_deref().unwrap_or_default()));
        s.push(' ');
        s.push_str(&fonts::clean_typed(entry.due.as_deref().unwrap_or_default()));
    }
    s
}

/// The font files a report of `assessment` in `locale` needs besides the
/// compiled-in Latin faces: the Chinese content subset for a Chinese report
/// or Chinese typed text, the common-character set only for typed characters
/// the content subset lacks. `Err` lists typed characters no file has (the
/// report is refused before anything is fetched).
pub fn fonts_needed(assessment: &Assessment, locale: Locale) -> Result<Vec<FontFile>, Vec<char>> {
    let latin = fonts::FontSet::new(&Fonts::new());
    let mut need = BTreeSet::new();
    if locale == Locale::ZhHant {
        need.insert(0);
    }
    let mut missing = Vec::new();
    for c in typed_text(assessment).chars() {
        if c == ' ' || (latin.face_for(c, false).is_some() && latin.face_for(c, true).is_some()) {
            continue;
        }
        match FETCHED.iter().position(|f| f.covers(c)) {
            Some(i) => {
                need.insert(i);
            }
            None if !missing.contains(&c) => missing.push(c),
            None => {}
        }
    }
    if missing.is_empty() { Ok(need.into_iter().map(|i| FETCHED[i]).collect()) } else { Err(missing) }
}

/// The localized label of an answer, as shown in the report and the app.
pub fn answer_label(bank: &QuestionBank, question_id: &str, answer: &Answer, locale: Locale) -> String {
    match answer {
        Answer::Yes => locale.t(Msg::AnswerYes).to_string(),
        Answer::Partly => locale.t(Msg::AnswerPartly).to_string(),
        Answer::No => locale.t(Msg::AnswerNo).to_string(),
        Answer::DontKnow => locale.t(Msg::AnswerDontKnow).to_string(),
        Answer::NotApplicable => locale.t(Msg::AnswerNotApplicable).to_string(),
        Answer::Number(v) => {
            let unit = match bank.question(question_id).map(|q| &q.kind) {
                Some(engine::content::Kind::Number { unit, .. }) => unit.get(locale).to_string(),
                _ => String::new(),
            };
            format!("{v} {unit}").trim().to_string()
        }
        Answer::Choice(id) => match bank.question(question_id).map(|q| &q.kind) {
            Some(engine::content::Kind::Choice { options }) => {
                options.iter().find(|o| &o.id == id).map(|o| o.label.get(locale).to_string()).unwrap_or_else(|| id.clone())
            }
            _ => id.clone(),
        },
    }
}

/// What to render.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    pub locale: Locale,
    /// `YYYY-MM-DD`, from the caller's clock.
    pub date: &'a str,
    pub paper: Paper,
}

const BODY: Style = Style::new(9.5, false, INK);
const SMALL: Style = Style::new(8.0, false, MUTED);
/// Money figures in the five-column table.
const FIGURES: Style = Style::new(8.5, false, INK);
const H1: Style = Style::new(18.0, true, BRAND);
const H2: Style = Style::new(12.5, true, INK);

/// Renders the report. `fonts` must hold the files [`fonts_needed`] names.
pub fn render(bank: &QuestionBank, assessment: &Assessment, options: Options<'_>, fonts: &Fonts) -> Result<Vec<u8>, ReportError> {
    let Options { locale, date, paper } = options;
    if !is_date(date) {
        return Err(ReportError::BadDate(date.to_string()));
    }
    match fonts_needed(assessment, locale) {
        Err(missing) => return Err(ReportError::UnsupportedCharacters(missing)),
        Ok(files) => {
            if let Some(f) = files.iter().find(|f| !fonts.has(f)) {
                return Err(ReportError::FontMissing(f.file.to_string()));
            }
        }
    }
    let view = results::view::build(bank, assessment, locale);
    let set = fonts::FontSet::new(fonts);
    let mut doc = Doc::new(&set, paper);
    let r = Report { bank, assessment, locale, date, view: &view };
    let company = fonts::clean_typed(&assessment.profile.company_name);

    r.cover(&mut doc, &company);
    doc.new_page();
    r.summary(&mut doc);
    doc.new_page();
    r.findings(&mut doc);
    doc.new_page();
    r.checklist(&mut doc);
    doc.new_page();
    r.money(&mut doc);
    doc.new_page();
    r.method(&mut doc);
    r.disclaimer(&mut doc);

    if !doc.missing().is_empty() {
        return Err(ReportError::UnsupportedCharacters(doc.missing().to_vec()));
    }
    let title = locale.t(Msg::ReportTitle);
    let header = if company.is_empty() { title.to_string() } else { format!("{title} · {company}") };
    let page_label = |page: usize, pages: usize| {
        locale.tf(Msg::ReportPage, &[("page", &page.to_string()), ("pages", &pages.to_string())])
    };
    let doc_title = if company.is_empty() { title.to_string() } else { format!("{title}: {company}") };
    let meta = Meta {
        title: &doc_title,
        subject: locale.t(Msg::ReportSubtitle),
        lang: locale.tag(),
        date,
        header: &header,
        footer: locale.t(Msg::ReportFooter),
        page_label: &page_label,
    };
    doc.finish(&meta).map_err(ReportError::Failed)
}

struct Report<'a> {
    bank: &'a QuestionBank,
    assessment: &'a Assessment,
    locale: Locale,
    date: &'a str,
    view: &'a ResultsView,
}

/// A colour for a score out of 100.
fn score_color(points: u32) -> [f32; 3] {
    match points {
        0..40 => RED,
        40..70 => AMBER,
        _ => GREEN,
    }
}

impl Report<'_> {
    fn t(&self, msg: Msg) -> &'static str {
        self.locale.t(msg)
    }

    fn tf(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        self.locale.tf(msg, args)
    }

    fn cover(&self, doc: &mut Doc<'_>, company: &str) {
        doc.space(90.0);
        doc.paragraph(&[span(self.t(Msg::ReportTitle), Style::new(26.0, true, BRAND))], 0.0, 8.0);
        doc.paragraph(&[span(self.t(Msg::ReportSubtitle), Style::new(12.0, false, MUTED))], 0.0, 48.0);
        doc.paragraph(&[span(self.t(Msg::ReportPreparedFor), SMALL)], 0.0, 2.0);
        if company.is_empty() {
            doc.paragraph(&[span(self.t(Msg::ReportNoCompany), Style::new(16.0, false, MUTED))], 0.0, 6.0);
        } else {
            doc.paragraph(&[span(company, Style::new(20.0, true, INK))], 0.0, 6.0);
        }
        doc.paragraph(&[span(self.tf(Msg::ReportGenerated, &[("date", self.date)]), BODY)], 0.0, 40.0);

        let answered = self.tf(
            Msg::ReportCoverAnswered,
            &[("answered", &self.view.answered.to_string()), ("total", &self.view.total.to_string())],
        );
        doc.paragraph(&[span(self.t(Msg::ReportCoverScore), SMALL)], 0.0, 14.0);
        match &self.view.overall {
            Some(o) => {
                let color = score_color(o.points);
                doc.paragraph(
                    &[span(o.points.to_string(), Style::new(54.0, true, color)), span(" / 100", Style::new(20.0, false, MUTED))],
                    0.0,
                    6.0,
                );
                doc.paragraph(&[span(self.tf(Msg::ViewMaturity, &[("level", &o.maturity)]), Style::new(13.0, true, INK))], 0.0, 2.0);
                doc.paragraph(&[span(self.tf(Msg::ViewRisk, &[("level", &o.risk)]), Style::new(13.0, true, INK))], 0.0, 6.0);
                doc.paragraph(&[span(answered, BODY)], 0.0, 10.0);
                doc.paragraph(&[span(o.maturity_about.as_str(), BODY)], 0.0, 0.0);
            }
            None => {
                doc.paragraph(&[span("–", Style::new(54.0, true, MUTED))], 0.0, 6.0);
                doc.paragraph(&[span(answered, BODY)], 0.0, 0.0);
            }
        }
        // The privacy line and the legal as-of date at the foot of the cover.
        let foot = [
            span(self.t(Msg::ReportPrivacy), SMALL),
            span("\n", SMALL),
            span(self.tf(Msg::ReportAsOf, &[("date", &self.bank.legal_as_of)]), SMALL),
        ];
        let h = doc.measure(&foot, 0.0);
        if doc.room() > h + 20.0 {
            doc.set_y(62.0 + h + 20.0);
        }
        doc.paragraph(&foot, 0.0, 0.0);
    }

    fn summary(&self, doc: &mut Doc<'_>) {
        let v = self.view;
        doc.heading(self.t(Msg::ReportSummary), H1, Some(0), 60.0);
        // Sentences are separated by a space, except in Chinese.
        let gap = if self.locale == Locale::ZhHant { "" } else { " " };
        let mut text: Vec<Span> = Vec::new();
        if let Some(o) = &v.overall {
            text.push(span(
                self.tf(Msg::ReportSummaryScore, &[("score", &o.points.to_string()), ("maturity", &o.maturity), ("risk", &o.risk)]),
                BODY,
            ));
            if o.unknowns > 0 {
                text.push(span(gap, BODY));
                text.push(span(
                    self.tf(
                        Msg::ReportSummaryRange,
                        &[("count", &o.unknowns.to_string()), ("low", &o.low.to_string()), ("high", &o.high.to_string())],
                    ),
                    BODY,
                ));
            }
            if let Some(p) = o.planned {
                text.push(span(gap, BODY));
                text.push(span(self.tf(Msg::ViewPlannedScore, &[("score", &p.to_string())]), BODY));
            }
        }
        if v.answered < v.total {
            if !text.is_empty() {
                text.push(span(gap, BODY));
            }
            text.push(span(self.tf(Msg::ViewIncomplete, &[("count", &(v.total - v.answered).to_string())]), BODY));
        }
        doc.paragraph(&text, 0.0, 8.0);
        if let Some(m) = &v.money {
            if let Some(total) = m.rows.iter().find(|r| r.total) {
                let s = self.tf(Msg::ReportExposure, &[("typical", &total.now[1]), ("low", &total.now[0]), ("high", &total.now[2])]);
                doc.paragraph(&[span(s, BODY.bold())], 0.0, 6.0);
            }
            if v.actions.is_empty() {
                doc.paragraph(&[span(self.t(Msg::ReportNoGaps), BODY)], 0.0, 6.0);
            } else if m.all.rows.len() >= 4 {
                let r = &m.all.rows;
                let s = self.tf(
                    Msg::ReportRoi,
                    &[("avoided", &r[0].1[1]), ("cost", &r[1].1[1]), ("roi", &r[2].1[1]), ("payback", &r[3].1[1])],
                );
                doc.paragraph(&[span(s, BODY)], 0.0, 6.0);
            }
        }
        doc.space(6.0);

        doc.heading(self.t(Msg::ViewCritical), H2, Some(1), 30.0);
        if v.critical.is_empty() {
            doc.paragraph(&[span(self.t(Msg::ViewCriticalNone), BODY)], 0.0, 6.0);
        }
        for g in &v.critical {
            let mut line = vec![span("•  ", BODY.color(RED)), span(g.question.as_str(), BODY), span(format!("  ({})", g.area), SMALL)];
            if g.unknown {
                line.push(span(format!(" · {}", self.t(Msg::ViewCriticalUnknown)), SMALL));
            }
            doc.paragraph(&line, 8.0, 3.0);
        }
        doc.space(8.0);

        if !v.actions.is_empty() {
            doc.heading(self.t(Msg::ReportTopActions), H2, Some(1), 30.0);
            for (i, a) in v.actions.iter().take(5).enumerate() {
                let line = [
                    span(format!("{}.  ", i + 1), BODY.bold()),
                    span(a.action.as_str(), BODY),
                    span(format!("  {} · {}", a.avoids, a.gain), SMALL),
                ];
                doc.paragraph(&line, 8.0, 3.0);
            }
            doc.space(8.0);
        }

        self.chart(doc);
    }

    /// Horizontal bars per area, drawn with vector operations.
    fn chart(&self, doc: &mut Doc<'_>) {
        let v = self.view;
        let label_w = doc.content_width() * 0.36;
        let value_w = 46.0;
        let bar_x = doc.left() + label_w + 8.0;
        let bar_w = doc.content_width() - label_w - 8.0 - value_w;
        let rows: Vec<(Vec<text::LineOut>, f32)> = v
            .areas
            .iter()
            .map(|a| {
                let lines = text::wrap(doc.fonts, &[span(a.title.as_str(), BODY)], label_w);
                let h = (lines.len() as f32 * BODY.size * layout::LEADING).max(16.0) + 6.0;
                (lines, h)
            })
            .collect();
        let caption = [span(self.t(Msg::ReportChartCaption), SMALL)];
        let total: f32 = rows.iter().map(|r| r.1).sum::<f32>() + 24.0 + doc.measure(&caption, 0.0);
        doc.heading(self.t(Msg::ViewAreas), H2, Some(1), total);
        let top = doc.y();
        // Grid: 0, 25, 50, 75, 100.
        let bottom = top - rows.iter().map(|r| r.1).sum::<f32>();
        for step in 0..=4 {
            let x = bar_x + bar_w * step as f32 / 4.0;
            doc.vline(x, bottom, top, layout::RULE, 0.4);
            let label = (step * 25).to_string();
            let w = text::width(doc.fonts, &label, SMALL);
            doc.draw_text(&label, SMALL, x - w / 2.0, bottom - 10.0);
        }
        let mut y = top;
        for (a, (lines, h)) in v.areas.iter().zip(&rows) {
            let mid = y - h / 2.0;
            let mut ly = mid + (lines.len() as f32 * BODY.size * layout::LEADING) / 2.0;
            for l in lines {
                ly -= BODY.size * layout::LEADING;
                doc.draw_line(l, doc.left(), ly + BODY.size * 0.3);
            }
            let bar_h = 10.0;
            match a.current {
                Some(points) => {
                    let w = bar_w * points.min(100) as f32 / 100.0;
                    doc.rect(bar_x, mid - bar_h / 2.0, w.max(0.5), bar_h, score_color(points));
                    if let Some(p) = a.planned.filter(|p| *p > points) {
                        doc.frame(bar_x, mid - bar_h / 2.0 - 1.5, bar_w * p.min(100) as f32 / 100.0, bar_h + 3.0, BRAND, 0.9);
                    }
                    let label = match a.planned.filter(|p| *p > points) {
                        Some(p) => format!("{points}→{p}"),
                        None => points.to_string(),
                    };
                    doc.draw_text(&label, BODY.bold(), bar_x + bar_w + 4.0, mid - 3.2);
                }
                None => doc.draw_text(self.t(Msg::ViewAreaNone), SMALL, bar_x + 4.0, mid - 3.0),
            }
            y -= h;
        }
        doc.set_y(bottom - 16.0);
        doc.paragraph(&caption, 0.0, 6.0);
    }

    fn findings(&self, doc: &mut Doc<'_>) {
        doc.heading(self.t(Msg::ReportFindings), H1, Some(0), 80.0);
        doc.paragraph(&[span(self.t(Msg::ReportFindingsIntro), BODY)], 0.0, 4.0);
        self.legend(doc);
        for section in &self.bank.sections {
            if !self.assessment.profile.applies(section.condition) {
                continue;
            }
            self.section(doc, section);
        }
    }

    fn legend(&self, doc: &mut Doc<'_>) {
        let text = self.t(Msg::ReportLegend);
        // "Status: a · b · c · d": a dot before each of the four labels.
        let (head, items) = text.split_once([':', '：']).unwrap_or(("", text));
        let mut x = doc.left();
        doc.space(SMALL.size * layout::LEADING);
        let y = doc.y() + 2.5;
        if !head.is_empty() {
            let h = format!("{head}{}", if text.contains('：') { "：" } else { ":" });
            doc.draw_text(&h, SMALL, x, y);
            x += text::width(doc.fonts, &h, SMALL) + 6.0;
        }
        for (label, color) in items.split('·').map(str::trim).zip([GREEN, AMBER, RED, GREY]) {
            doc.dot(x + 3.0, y + 2.7, 3.0, color);
            x += 9.0;
            doc.draw_text(label, SMALL, x, y);
            x += text::width(doc.fonts, label, SMALL) + 12.0;
        }
        doc.space(10.0);
    }

    fn section(&self, doc: &mut Doc<'_>, section: &Section) {
        doc.space(4.0);
        doc.heading(section.title.get(self.locale), H2, Some(1), 60.0);
        let columns = [
            Column { share: 0.68, header: self.t(Msg::ReportQuestion).to_string() },
            Column { share: 0.32, header: self.t(Msg::ReportAnswer).to_string() },
        ];
        let rows = section
            .questions
            .iter()
            .map(|q| {
                let answer = self.assessment.answers.get(&q.id);
                let credit = answer.and_then(|a| engine::scoring::credit(q, a));
                let max = engine::scoring::max_credit(q).max(1);
                let color = match (answer, credit) {
                    (None, _) | (Some(Answer::DontKnow | Answer::NotApplicable), _) | (_, None) => GREY,
                    (_, Some(c)) if c >= max => GREEN,
                    (_, Some(0)) => RED,
                    _ => AMBER,
                };
                let gap = color != GREEN && !matches!(answer, Some(Answer::NotApplicable));
                let mut spans = vec![span(q.text.get(self.locale), BODY)];
                if gap {
                    spans.push(span(format!("\n{}: ", self.t(Msg::ViewWhy)), SMALL.bold()));
                    spans.push(span(q.why.get(self.locale), SMALL));
                }
                let refs: Vec<&str> = q.refs.iter().filter_map(|r| self.bank.reference(r)).map(|r| r.label.get(self.locale)).collect();
                if !refs.is_empty() {
                    spans.push(span(format!("\n{}: ", self.t(Msg::ViewLegal)), SMALL.bold()));
                    spans.push(span(refs.join("; "), SMALL));
                }
                let label = match answer {
                    Some(a) => answer_label(self.bank, &q.id, a, self.locale),
                    None => self.t(Msg::ReportUnanswered).to_string(),
                };
                let style = if answer.is_some() { BODY.bold() } else { BODY.color(MUTED) };
                vec![Cell { spans, mark: None }, Cell { spans: vec![span(label, style)], mark: Some(Mark::Dot(color)) }]
            })
            .collect();
        doc.table(&columns, rows, BODY);
    }

    fn checklist(&self, doc: &mut Doc<'_>) {
        let v = self.view;
        doc.heading(self.t(Msg::ReportChecklist), H1, Some(0), 80.0);
        if v.actions.is_empty() {
            doc.paragraph(&[span(self.t(Msg::ReportNoGaps), BODY)], 0.0, 6.0);
            return;
        }
        doc.paragraph(&[span(self.t(Msg::ReportChecklistIntro), BODY)], 0.0, 8.0);
        let columns = [
            Column { share: 0.09, header: self.t(Msg::ReportDone).to_string() },
            Column { share: 0.42, header: self.t(Msg::ReportAction).to_string() },
            Column { share: 0.17, header: self.t(Msg::ViewOwner).to_string() },
            Column { share: 0.14, header: self.t(Msg::ViewDue).to_string() },
            Column { share: 0.18, header: self.t(Msg::ReportValue).to_string() },
        ];
        let rows = v
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let entry = self.assessment.plan.get(&a.id);
                let mut action = vec![span(format!("{}. {}", i + 1, a.action), BODY.bold())];
                action.push(span(format!("\n{}", a.question), SMALL));
                if !a.console.is_empty() {
                    action.push(span(format!("\n{}", a.console), SMALL));
                }
                let mut tags = vec![a.area.clone(), self.tf(Msg::ViewEffort, &[("effort", &a.effort)])];
                if a.critical {
                    tags.push(self.t(Msg::ViewCriticalBadge).to_string());
                }
                if a.quick_win {
                    tags.push(self.t(Msg::ViewQuickWin).to_string());
                }
                action.push(span(format!("\n{}", tags.join(" · ")), SMALL.color(BRAND)));
                let owner = entry.map(|e| fonts::clean_typed(e.owner.as_deref().unwrap_or_default())).filter(|s| !s.is_empty());
                let owner_cell = match owner {
                    Some(o) => Cell::text(o, BODY),
                    None => Cell::text(a.owner_role.as_str(), SMALL),
                };
                let due = entry.map(|e| fonts::clean_typed(e.due.as_deref().unwrap_or_default())).unwrap_or_default();
                let mut value = vec![span(a.avoids.as_str(), SMALL), span(format!("\n{}", a.gain), SMALL.bold())];
                if let Some(e) = entry.filter(|e| e.planned) {
                    let status = match e.status {
                        engine::Status::Todo => Msg::StatusTodo,
                        engine::Status::Doing => Msg::StatusDoing,
                        engine::Status::Done => Msg::StatusDone,
                    };
                    value.push(span(format!("\n{} · {}", self.t(Msg::ReportPlanned), self.t(status)), SMALL.color(BRAND)));
                }
                vec![
                    Cell { spans: Vec::new(), mark: Some(Mark::Checkbox) },
                    Cell { spans: action, mark: None },
                    owner_cell,
                    Cell::text(due, BODY),
                    Cell { spans: value, mark: None },
                ]
            })
            .collect();
        doc.table(&columns, rows, BODY);
    }

    fn money(&self, doc: &mut Doc<'_>) {
        let v = self.view;
        doc.heading(self.t(Msg::ViewMoney), H1, Some(0), 80.0);
        let Some(m) = &v.money else { return };
        doc.paragraph(&[span(self.t(Msg::ViewMoneyIntro), BODY)], 0.0, 4.0);
        for note in &v.notes {
            doc.paragraph(&[span(note.as_str(), SMALL)], 0.0, 2.0);
        }
        doc.space(6.0);
        let three_cols = |first: &str, extra: Option<&str>| {
            let (label, value) = if extra.is_some() { (0.24, 0.19) } else { (0.34, 0.22) };
            let mut c = vec![
                Column { share: label, header: first.to_string() },
                Column { share: value, header: self.t(Msg::ViewLow).to_string() },
                Column { share: value, header: self.t(Msg::ViewTypical).to_string() },
                Column { share: value, header: self.t(Msg::ViewHigh).to_string() },
            ];
            if let Some(e) = extra {
                c.push(Column { share: value, header: e.to_string() });
            }
            c
        };
        // Figures never break inside ("MOP 12,000" stays on one line).
        let fig = |x: &str, s: Style| Cell::text(x.replace(' ', "\u{a0}"), s);
        let rows = m
            .rows
            .iter()
            .map(|r| {
                let s = if r.total { FIGURES.bold() } else { FIGURES };
                let mut cells = vec![Cell::text(r.label.as_str(), if r.total { BODY.bold() } else { BODY })];
                cells.extend(r.now.iter().map(|x| fig(x, s)));
                cells.push(fig(&r.now_hkd, SMALL));
                cells
            })
            .collect();
        doc.table(&three_cols(self.t(Msg::ReportMoneyRows), Some(self.t(Msg::ReportHkd))), rows, BODY);
        if v.overall.as_ref().is_some_and(|o| o.planned.is_some()) {
            doc.heading(self.t(Msg::ViewAfterPlan), H2, None, 60.0);
            let rows = m
                .rows
                .iter()
                .map(|r| {
                    let s = if r.total { BODY.bold() } else { BODY };
                    let mut cells = vec![Cell::text(r.label.as_str(), s)];
                    cells.extend(r.planned.iter().map(|x| fig(x, s)));
                    cells
                })
                .collect();
            doc.table(&three_cols(self.t(Msg::ReportMoneyRows), None), rows, BODY);
        }
        let mut returns = vec![(Msg::ViewReturnAll, &m.all)];
        if let Some(p) = &m.plan {
            returns.insert(0, (Msg::ViewReturnPlan, p));
        }
        for (msg, r) in returns {
            doc.heading(self.t(msg), H2, None, 60.0);
            let rows = r
                .rows
                .iter()
                .map(|(label, three)| {
                    let mut cells = vec![Cell::text(label.as_str(), BODY)];
                    cells.extend(three.iter().map(|x| fig(x, BODY)));
                    cells
                })
                .collect();
            doc.table(&three_cols("", None), rows, BODY);
        }
        if let Some(g) = &m.gdpr {
            doc.paragraph(&[span(g.as_str(), SMALL)], 0.0, 8.0);
        }

        doc.space(4.0);
        doc.heading(self.t(Msg::ViewAssumptions), H2, Some(1), 60.0);
        doc.paragraph(&[span(self.t(Msg::ViewAssumptionsIntro), SMALL)], 0.0, 6.0);
        let columns = [
            Column { share: 0.28, header: self.t(Msg::ReportAssumption).to_string() },
            Column { share: 0.22, header: self.t(Msg::ReportInUse).to_string() },
            Column { share: 0.50, header: self.t(Msg::ViewSource).to_string() },
        ];
        let rows = v
            .assumptions
            .iter()
            .map(|a| {
                let mut value = vec![span(format!("{} {}", a.value, a.unit).trim().to_string(), BODY)];
                if a.overridden {
                    value.push(span(format!("\n{} · {}", self.t(Msg::ViewEdited), a.default), SMALL.color(BRAND)));
                }
                vec![
                    Cell::text(a.name.as_str(), BODY.bold()),
                    Cell { spans: value, mark: None },
                    Cell { spans: vec![span(format!("{}: ", a.source_kind), SMALL.bold()), span(a.source.as_str(), SMALL)], mark: None },
                ]
            })
            .collect();
        doc.table(&columns, rows, BODY);
    }

    fn method(&self, doc: &mut Doc<'_>) {
        let v = self.view;
        doc.heading(self.t(Msg::ReportMethod), H1, Some(0), 80.0);
        doc.paragraph(&[span(self.t(Msg::ReportMethodIntro), BODY)], 0.0, 8.0);
        doc.heading(self.t(Msg::ReportMethodScores), H2, Some(1), 60.0);
        // The overall score's formula and total; its per-question terms are
        // the areas' below, each under its area's name.
        if let Some(o) = &v.overall {
            let overall = Explain { rows: Vec::new(), ..o.explain.clone() };
            self.explain(doc, self.t(Msg::ViewOverall), &overall);
        }
        for a in &v.areas {
            if let Some(x) = &a.explain {
                self.explain(doc, &a.title, x);
            }
        }
        if let Some(m) = &v.money {
            doc.heading(self.t(Msg::ReportMethodMoney), H2, Some(1), 60.0);
            for r in &m.rows {
                self.explain(doc, &r.label, &r.explain);
            }
            for (msg, r) in m.plan.iter().map(|p| (Msg::ViewReturnPlan, p)).chain([(Msg::ViewReturnAll, &m.all)]) {
                for x in &r.explain {
                    self.explain(doc, self.t(msg), x);
                }
            }
        }
    }

    /// One figure: its name, result, formula, then one line per subject.
    fn explain(&self, doc: &mut Doc<'_>, name: &str, x: &Explain) {
        let term = |t: &results::TermView| {
            let mut s = format!("{} {}", t.label, t.value);
            if !t.source.is_empty() {
                s.push_str(&format!(" ({})", t.source));
            }
            s
        };
        let head = [span(format!("{name}: "), BODY.bold().color(BRAND)), span(term(&x.result), BODY.bold())];
        let formula = [span(x.formula.as_str(), SMALL.color(INK))];
        doc.keep(doc.measure(&head, 0.0) + doc.measure(&formula, 0.0) + 20.0);
        doc.paragraph(&head, 0.0, 1.0);
        doc.paragraph(&formula, 0.0, 3.0);
        for row in &x.rows {
            let terms: Vec<String> = row.terms.iter().map(term).collect();
            let mut line = Vec::new();
            if !row.subject.is_empty() {
                line.push(span(format!("{}: ", row.subject), Style::new(7.5, true, MUTED)));
            }
            line.push(span(terms.join(" · "), Style::new(7.5, false, MUTED)));
            doc.paragraph(&line, 10.0, 1.5);
        }
        doc.space(7.0);
    }

    fn disclaimer(&self, doc: &mut Doc<'_>) {
        doc.space(10.0);
        let body = [span(self.bank.disclaimer.get(self.locale), BODY)];
        let h = doc.measure(&body, 0.0) + 60.0;
        doc.heading(self.t(Msg::ReportDisclaimer), H1, Some(0), h);
        doc.paragraph(&body, 0.0, 6.0);
        doc.paragraph(&[span(self.tf(Msg::ReportAsOf, &[("date", &self.bank.legal_as_of)]), BODY)], 0.0, 4.0);
        doc.paragraph(&[span(self.t(Msg::ReportPrivacy), SMALL)], 0.0, 0.0);
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_dates_are_rejected() {
        let options = Options { locale: Locale::En, date: "yesterday", paper: Paper::A4 };
        let result = render(engine::builtin(), &Assessment::default(), options, &Fonts::new());
        assert_eq!(result, Err(ReportError::BadDate("yesterday".into())));
    }

    #[test]
    fn fonts_needed_follow_the_language_and_the_typed_text() {
        let mut a = Assessment::default();
        assert_eq!(fonts_needed(&a, Locale::En), Ok(vec![]));
        assert_eq!(fonts_needed(&a, Locale::ZhHant), Ok(vec![CONTENT]));
        a.profile.company_name = "Companhia Ção".into();
        assert_eq!(fonts_needed(&a, Locale::Pt), Ok(vec![]));
        a.profile.company_name = "澳門".into();
        assert_eq!(fonts_needed(&a, Locale::En), Ok(vec![CONTENT]));
        // A common character the content does not use.
        let slice = FETCHED[3];
        let rare = (0x4e00..0x9fff).filter_map(char::from_u32).find(|c| slice.covers(*c)).unwrap();
        a.profile.company_name = format!("澳門{rare}");
        assert_eq!(fonts_needed(&a, Locale::Pt), Ok(vec![CONTENT, slice]));
        a.profile.company_name = "Acme 🚀".into();
        assert_eq!(fonts_needed(&a, Locale::En), Err(vec!['🚀']));
    }
}
