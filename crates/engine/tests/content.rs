//! Content checks ("tidy" tests): the bank parses, ids are unique and well
//! formed, every text exists in all three languages, every reference and seed
//! tag resolves. Failures name the question.

use std::collections::BTreeSet;

use engine::content::{Kind, QuestionBank};
use engine::costs::Costs;
use i18n::{Locale, Text};

fn bank() -> &'static QuestionBank {
    engine::builtin()
}

fn well_formed(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty()
                && !part.starts_with('-')
                && !part.ends_with('-')
                && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[test]
fn ids_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for section in &bank().sections {
        assert!(well_formed(&section.id), "section id `{}`", section.id);
        assert!(seen.insert(section.id.clone()), "duplicate id `{}`", section.id);
        assert!(bank().area(&section.area).is_some(), "section `{}`: unknown area `{}`", section.id, section.area);
        for q in &section.questions {
            assert!(well_formed(&q.id), "question id `{}`", q.id);
            assert!(seen.insert(q.id.clone()), "duplicate id `{}`", q.id);
        }
    }
}

#[test]
fn every_text_exists_in_every_language() {
    let b = bank();
    let costs = Costs::parse(&b.costs).unwrap_or_else(|e| panic!("content/costs.toml: {e:?}"));
    let mut texts = vec![("disclaimer".to_string(), &b.disclaimer)];
    for a in &b.areas {
        texts.push((format!("area {}", a.id), &a.title));
    }
    for s in &b.sections {
        texts.push((format!("{} title", s.id), &s.title));
        texts.push((format!("{} intro", s.id), &s.intro));
        for q in &s.questions {
            texts.push((format!("{} text", q.id), &q.text));
            texts.push((format!("{} why", q.id), &q.why));
            texts.push((format!("{} remediation", q.id), &q.remediation.action));
            if let Some(c) = &q.remediation.console {
                texts.push((format!("{} console", q.id), c));
            }
            match &q.kind {
                Kind::Number { unit, .. } => texts.push((format!("{} unit", q.id), unit)),
                Kind::Choice { options } => {
                    for o in options {
                        texts.push((format!("{} option {}", q.id, o.id), &o.label));
                    }
                }
                Kind::Status => {}
            }
        }
    }
    for r in &b.references.items {
        texts.push((format!("reference {}", r.id), &r.label));
        texts.push((format!("reference {} summary", r.id), &r.summary));
    }
    for (id, source) in cost_sources(&costs) {
        texts.push((format!("content/costs.toml {id} source"), source));
    }
    for (what, text) in texts {
        assert!(text.missing().is_empty(), "{what}: missing {:?}", text.missing());
    }
}

/// The source text of every fine band, cap and assumption of `content/costs.toml`.
fn cost_sources(costs: &Costs) -> Vec<(&str, &Text)> {
    let rows = costs.assumptions.values().map(|a| (a.id.as_str(), &a.source));
    rows.chain(costs.caps.values().map(|c| (c.id.as_str(), &c.source))).collect()
}

#[test]
fn every_cost_source_is_translated() {
    let costs = Costs::parse(&bank().costs).unwrap_or_else(|e| panic!("content/costs.toml: {e:?}"));
    let sources = cost_sources(&costs);
    assert_eq!(sources.len(), 28, "6 fine bands, 2 GDPR caps and 20 assumptions");
    for (id, source) in sources {
        for locale in [Locale::ZhHant, Locale::Pt] {
            let text = source.get(locale).trim();
            assert!(!text.is_empty() && text != source.en.trim(), "content/costs.toml {id}: the {locale:?} source is missing or still English");
        }
    }
}

#[test]
fn references_and_seed_tags_resolve_and_every_seed_is_covered() {
    let b = bank();
    let seeds: BTreeSet<&str> = b.seeds.items.iter().map(|s| s.id.as_str()).collect();
    let mut covered = BTreeSet::new();
    for (_, q) in b.questions() {
        assert!(!q.seeds.is_empty(), "{}: names no seed item", q.id);
        for tag in &q.seeds {
            assert!(seeds.contains(tag.as_str()), "{}: unknown seed tag `{tag}`", q.id);
            covered.insert(tag.as_str());
        }
        for r in q.refs.iter().chain(q.exposes.fines.iter().map(|f| &f.article)) {
            assert!(b.reference(r).is_some(), "{}: unknown reference `{r}`", q.id);
        }
    }
    let uncovered: Vec<_> = seeds.difference(&covered).collect();
    assert!(uncovered.is_empty(), "seed items no question covers: {uncovered:?}");
}

#[test]
fn weights_and_number_bands_are_sane() {
    for (_, q) in bank().questions() {
        assert!((1..=5).contains(&q.weight), "{}: weight {}", q.id, q.weight);
        match &q.kind {
            Kind::Number { min, max, bands, .. } => {
                assert!(min < max, "{}: empty range", q.id);
                let last = bands.last().unwrap_or_else(|| panic!("{}: no bands", q.id));
                assert!(last.min.is_none() && last.max.is_none(), "{}: last band must be a catch-all", q.id);
                assert!(bands.iter().all(|b| b.credit <= 100), "{}: credit over 100", q.id);
            }
            Kind::Choice { options } => {
                assert!(options.len() >= 2, "{}: fewer than two options", q.id);
                assert!(options.iter().all(|o| o.credit <= 100), "{}: credit over 100", q.id);
            }
            Kind::Status => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Legal-citation guards. The seed articles cite law numbers, articles and
// figures that ../shared/facts/macau-law.md (§4) marks wrong or unverifiable;
// none of them may reach the content, in any language. Text that explicitly
// rejects such a claim ("not used", "not found", …) is allowed.

use std::path::{Path, PathBuf};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Splits a line into clauses: TOML strings (so the three languages of a
/// field stay apart), then sentences and semicolon-separated parts. Comment
/// lines are kept whole.
fn clauses(line: &str) -> Vec<String> {
    let line = line.replace(['\u{a0}', '\u{202f}'], " ");
    let pieces: Vec<&str> = if line.trim_start().starts_with('#') { vec![line.as_str()] } else { line.split('"').collect() };
    let mut out = Vec::new();
    for piece in pieces {
        let chars: Vec<char> = piece.chars().collect();
        let mut current = String::new();
        for (i, &c) in chars.iter().enumerate() {
            current.push(c);
            let sentence_end = c == '.'
                && chars.get(i + 1) == Some(&' ')
                && chars.get(i + 2).is_some_and(|n| n.is_uppercase());
            if sentence_end || matches!(c, '。' | '；' | ';' | '!' | '?' | '！' | '？') {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.trim().is_empty() {
            out.push(current);
        }
    }
    out
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    let word: Vec<char> = word.chars().collect();
    chars.len() >= at + word.len() && chars[at..at + word.len()] == word[..]
}

/// Numbers following an article marker: "Art. 19–20", "Arts 6 and 7",
/// "artigo 20.º, n.º 1" (→ 20), "Art. 20(1)" (→ 20).
fn article_numbers(chars: &[char], mut j: usize) -> Vec<u32> {
    let mut numbers = Vec::new();
    loop {
        while j < chars.len() && " .,º°–-—/".contains(chars[j]) {
            j += 1;
        }
        if j >= chars.len() {
            break;
        }
        if chars[j] == '(' {
            while j < chars.len() && chars[j] != ')' {
                j += 1;
            }
            j += 1;
            continue;
        }
        if chars[j].is_ascii_digit() {
            let start = j;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            numbers.push(chars[start..j].iter().collect::<String>().parse().unwrap_or(0));
            continue;
        }
        let connector = ["and", "to", "or", "ou", "e", "a"].iter().find(|w| {
            starts_with_at(chars, j, w) && !chars.get(j + w.chars().count()).is_some_and(|c| c.is_alphabetic())
        });
        match connector {
            Some(w) if !numbers.is_empty() => j += w.chars().count(),
            _ => break,
        }
    }
    numbers
}

fn chinese_number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let (mut total, mut current) = (0, 0);
    for c in text.chars() {
        match "零一二三四五六七八九".chars().position(|d| d == c) {
            Some(d) => current = d as u32,
            None if c == '十' => {
                total += if current == 0 { 10 } else { current * 10 };
                current = 0;
            }
            None if c == '百' => {
                total += current * 100;
                current = 0;
            }
            None => return None,
        }
    }
    Some(total + current).filter(|n| *n > 0)
}

/// Every article number a clause cites, in English, Portuguese or Chinese.
fn cited_articles(clause: &str) -> BTreeSet<u32> {
    let chars: Vec<char> = clause.to_lowercase().chars().collect();
    let mut cited = BTreeSet::new();
    for i in 0..chars.len() {
        if chars[i] == 'a' && (i == 0 || !chars[i - 1].is_alphabetic()) {
            let markers = ["articles", "article", "artigos", "artigo", "arts", "art"];
            if let Some(m) = markers.iter().find(|m| starts_with_at(&chars, i, m)) {
                cited.extend(article_numbers(&chars, i + m.chars().count()));
            }
        }
        if chars[i] == '第' {
            let rest: String = chars[i + 1..].iter().take(16).collect();
            if let Some(end) = rest.find('條') {
                for part in rest[..end].split(['、', '及', '至', '和', '與', '或', '-', '–']) {
                    cited.extend(chinese_number(part));
                }
            }
        }
    }
    cited
}

/// Whether `pattern` occurs in `text` as a whole number (not inside a longer
/// figure such as 1,500,000 or 一百五十萬).
fn has_figure(text: &str, pattern: &str) -> bool {
    text.match_indices(pattern).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || ",.".contains(c) || "零一二三四五六七八九十百千".contains(c))
    })
}

fn any_of(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The wrong claims a clause makes, per the facts file's verdicts (§4).
fn wrong_citations(clause: &str) -> Vec<&'static str> {
    let text = clause.to_lowercase();
    let rejected = [
        "not used", "not repeated", "do not cite", "not cited", "not found", "not identified", "does not exist",
        "unverifiable", "unsourced", "could not be sourced", "wrong", "misquot", "incorrect", "no such", "錯誤", "不正確",
        "無法核實", "未能核實", "並不存在", "não verificável", "não identificad", "não existe", "errad",
    ];
    if any_of(&text, &rejected) {
        return Vec::new();
    }
    let hk_currency = any_of(&text, &["hk$", "港元", "港幣", "hong kong dollar", "dólares de hong kong"]);
    let mut found = Vec::new();
    if has_figure(&text, "8/2022") {
        found.push("“Law 8/2022” does not exist as cited (facts §2.2)");
    }
    let million = ["1 million", "1,000,000", "1 000 000", "1.000.000", "1 milhão", "um milhão", "100萬", "一百萬", "100 萬"];
    if !hk_currency && million.iter().any(|p| has_figure(&text, p)) {
        found.push("“MOP 1 million” is not a Macau fine cap (facts §4 #7)");
    }
    let half_million = ["500,000", "500 000", "500.000", "50萬", "五十萬"];
    if !hk_currency && half_million.iter().any(|p| has_figure(&text, p)) {
        found.push("“MOP 500,000” localisation fine is wrong (facts §4 #9)");
    }
    if ["280,000", "280 000", "280.000", "28萬", "二十八萬"].iter().any(|p| has_figure(&text, p)) {
        found.push("“HK$280,000 per breach” is unsourced (facts §4 #12)");
    }
    let average = any_of(&text, &["average", "平均", "média"]);
    if average && ["120,000", "120 000", "120.000", "12萬", "十二萬"].iter().any(|p| has_figure(&text, p)) {
        found.push("“average fine MOP 120,000” is unverifiable (facts §4 #8)");
    }
    let misquoted_mfa = ["99.9%", "99.9 %", "99,9%", "99,9 %", "99.9％", "99.9 per", "99,9 por"];
    if !text.contains("less likely") && misquoted_mfa.iter().any(|p| has_figure(&text, p)) {
        found.push("MFA “99.9 %” is a misquote; use Microsoft 2023's 99.22 % (facts §4 #13)");
    }

    // Article misattributions, Law 8/2005 only: GDPR, HK and Cybersecurity
    // Law clauses number their articles differently.
    let other_law = ["gdpr", "rgpd", "2016/679", "通用數據保障條例", "歐盟", "pdpo", "cap. 486", "第486章", "13/2019"];
    if any_of(&text, &other_law) {
        return found;
    }
    let articles = cited_articles(&text);
    let transfer = any_of(
        &text,
        &[
            "transfer", "cross-border", "cross border", "outside macau", "abroad", "overseas", "轉移", "跨境", "境外",
            "澳門以外", "transferênc", "transfronteiri", "fora de macau", "fora da raem", "estrangeiro",
        ],
    );
    let notification = any_of(&text, &["notif", "content", "request", "通知", "內容", "申請", "conteúdo", "pedido"]);
    let access = any_of(
        &text,
        &[
            "access", "erase", "erasure", "delet", "rectif", "查閱", "刪除", "更正", "存取", "acesso", "apag", "eliminação",
            "retificação",
        ],
    );
    let legality = any_of(
        &text,
        &[
            "legality", "lawfulness", "lawful basis", "legal basis", "legitimacy", "legitimate processing", "合法性",
            "正當性", "licitude", "legitimidade",
        ],
    );
    // A clause that also cites the right article (a list such as "lawful
    // basis (Art. 6) … processors (Art. 17)") attributes the topic correctly.
    let cites_transfer_articles = articles.contains(&19) || articles.contains(&20);
    if articles.contains(&24) && transfer && !cites_transfer_articles {
        found.push("transfers are Arts. 19–20, not Art. 24 (facts §4 #4)");
    }
    if articles.contains(&23) && transfer && !notification && !cites_transfer_articles {
        found.push("Art. 23 is the content of notifications, not a transfer rule (facts §4 #6)");
    }
    if articles.contains(&12) && !articles.contains(&11) && access {
        found.push("access, rectification and erasure are Art. 11; Art. 12 is objection (facts §4 #3)");
    }
    if articles.contains(&17) && !articles.contains(&6) && legality {
        found.push("legality is Art. 6; Art. 17 is processing by a processor (facts §4 #5)");
    }
    found
}

#[test]
fn no_wrong_citation_appears_anywhere() {
    let mut files = Vec::new();
    files_under(&content_dir(), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no files under content/");
    let mut problems = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let text = String::from_utf8_lossy(&bytes);
        let name = file.strip_prefix(content_dir()).unwrap_or(file).display().to_string();
        // Consecutive comment lines are read as one block, so a rejection
        // ("… does not exist") on the next line still counts.
        let mut logical: Vec<(usize, String)> = Vec::new();
        let mut previous_was_comment = false;
        for (n, line) in text.lines().enumerate() {
            let comment = line.trim_start().starts_with('#');
            match logical.last_mut() {
                Some((_, block)) if comment && previous_was_comment => {
                    block.push(' ');
                    block.push_str(line.trim_start().trim_start_matches('#').trim());
                }
                _ => logical.push((n + 1, line.to_string())),
            }
            previous_was_comment = comment;
        }
        for (n, line) in logical {
            for clause in clauses(&line) {
                for why in wrong_citations(&clause) {
                    problems.push(format!("content/{name}:{n}: {why}\n    in: {}", clause.trim()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "wrong legal citations or figures (see shared/facts/macau-law.md §4):\n{}", problems.join("\n"));
}

#[test]
fn wrong_citation_guard_catches_the_seed_claims_and_passes_correct_text() {
    let wrong = [
        "Configure keyword alerts to comply with Macau's Law No. 8/2022.",
        "「依照第8/2022號法律」設定關鍵字提示",
        "they could face fines of up to MOP 1 million",
        "罰款最高可達一百萬澳門元",
        "multas até 1 000 000 de patacas",
        "triggering fines of up to MOP$500,000",
        "SMEs suffer an average loss of HK$280,000 per security breach",
        "three similar violations resulted in average fines of MOP 120,000",
        "enabling MFA blocks 99.9% of automated attacks",
        "Article 12 grants individuals the right to access and delete their data",
        "第十二條賦予查閱及刪除資料的權利",
        "o artigo 12.º confere o direito de acesso",
        "Article 24 restricts cross-border data transfers",
        "第二十四條限制跨境轉移資料",
        "o artigo 24.º restringe as transferências para fora de Macau",
        "Article 17 regarding the legality of data processing",
        "Article 23 limiting cross-border transfers",
    ];
    for claim in wrong {
        assert!(!wrong_citations(claim).is_empty(), "not caught: {claim}");
    }
    let correct = [
        "Microsoft's 2023 study found MFA cut the risk of account compromise by 99.22 %.",
        "Art. 23 lists what a notification must contain, including proposed transfers abroad.",
        "第二十三條列明通知須載的內容，包括擬向外地轉移的資料",
        "O artigo 23.º enumera o conteúdo da notificação, incluindo as transferências previstas para o exterior.",
        "Transfers outside Macau need a ground under Arts. 19–20.",
        "Art. 11 gives access; Art. 12 gives the right to object.",
        "可要求查閱、更正或刪除資料（第十一條），並可反對資料的使用（第十二條）",
        "Processing by a processor needs a written contract (Art. 17).",
        "up to HK$1,000,000 and five years where data is provided for gain",
        "GDPR fines reach €10 million or 2 % of worldwide turnover (Art. 83(4)).",
        "Not used: the seeds' HK$280,000 (report not found)",
        "Microsoft 2019: 'more than 99.9 % less likely'",
        "fines of MOP 8,000–80,000 per infringement, MOP 150,000–5,000,000 under Law 13/2019",
        "lawful basis (Art. 6), access and correction (Art. 11), processors (Art. 17), transfers (Arts. 19–20)",
        "The seed's Law 8/2022 for message moderation does not exist.",
    ];
    for text in correct {
        assert!(wrong_citations(text).is_empty(), "false alarm on: {text}: {:?}", wrong_citations(text));
    }
    assert_eq!(cited_articles("Arts. 19–20 and Art. 23(1)"), BTreeSet::from([19, 20, 23]));
    assert_eq!(cited_articles("artigo 20.º, n.º 1, e artigo 33.º"), BTreeSet::from([20, 33]));
    assert_eq!(cited_articles("第8/2005號法律第二十條及第十一條"), BTreeSet::from([11, 20]));
}

#[test]
fn references_carry_confidence_labels() {
    let refs = &bank().references.items;
    assert!(!refs.is_empty(), "no references");
    let mut ids = BTreeSet::new();
    for r in refs {
        assert!(ids.insert(r.id.as_str()), "duplicate reference id `{}`", r.id);
        assert!(
            matches!(r.confidence.as_str(), "V" | "S" | "R"),
            "reference {}: confidence `{}` is not V, S or R",
            r.id,
            r.confidence
        );
    }
}

fn chinese_numeral(n: u32) -> String {
    let digit = |d: u32| "零一二三四五六七八九".chars().nth(d as usize).unwrap().to_string();
    match n {
        0..=9 => digit(n),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { String::new() } else { digit(n % 10) }),
        _ => format!("{}十{}", digit(n / 10), if n.is_multiple_of(10) { String::new() } else { digit(n % 10) }),
    }
}

#[test]
fn pdpa_reference_labels_match_their_ids() {
    for r in &bank().references.items {
        let Some(n) = r.id.strip_prefix("pdpa-art-").and_then(|n| n.parse::<u32>().ok()) else { continue };
        let en = format!("Art. {n}");
        assert!(
            r.label.en.match_indices(&en).any(|(at, _)| !r.label.en[at + en.len()..].starts_with(|c: char| c.is_ascii_digit())),
            "reference {}: English label `{}` does not cite {en}",
            r.id,
            r.label.en
        );
        let pt = format!("artigo {n}.º");
        assert!(r.label.pt.contains(&pt), "reference {}: Portuguese label `{}` does not cite {pt}", r.id, r.label.pt);
        let zh = format!("第{}條", chinese_numeral(n));
        assert!(r.label.zh_hant.contains(&zh), "reference {}: Chinese label `{}` does not cite {zh}", r.id, r.label.zh_hant);
        assert!(r.label.en.contains("Law 8/2005"), "reference {}: label must name Law 8/2005", r.id);
    }
}
