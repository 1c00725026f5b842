//! A realistic, fully answered assessment for report tests and samples:
//! every kind of answer, a profile that opens every section, and a plan
//! with owners and due dates typed in the visitor's script.

use engine::content::Kind;
use engine::{Answer, Assessment, PlanEntry, Status};
use i18n::Locale;

pub fn company(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "Harbour View Trading (Macau) Ltd.",
        Locale::ZhHant => "澳門海景貿易有限公司",
        Locale::Pt => "Companhia Comercial Vista do Porto, Lda.",
    }
}

pub fn assessment(locale: Locale) -> Assessment {
    let bank = engine::builtin();
    let mut a = Assessment::default();
    a.profile.company_name = company(locale).into();
    a.profile.employees = Some(180);
    a.profile.revenue_mop = Some(95_000_000);
    a.profile.operates_in_hong_kong = true;
    a.profile.operates_in_mainland = true;
    a.profile.serves_eu = true;
    a.profile.critical_infrastructure = true;
    let pattern = [Answer::Yes, Answer::Partly, Answer::No, Answer::Yes, Answer::DontKnow, Answer::Yes, Answer::No];
    for (i, (_, q)) in bank.questions().enumerate() {
        let answer = match &q.kind {
            Kind::Status => pattern[i % pattern.len()].clone(),
            Kind::Number { bands, .. } => Answer::Number(bands.iter().find_map(|b| b.min).unwrap_or(10.0)),
            Kind::Choice { options } => Answer::Choice(options[i % options.len()].id.clone()),
        };
        a.answers.insert(q.id.clone(), answer);
    }
    let owners = match locale {
        Locale::En => ["Ana Lopes (IT)", "Legal team"],
        Locale::ZhHant => ["陳大文（資訊科技部）", "法律部"],
        Locale::Pt => ["Ana Lopes (Informática)", "Departamento Jurídico"],
    };
    let gaps: Vec<String> =
        results::view::build(bank, &a, locale).actions.iter().take(3).map(|x| x.id.clone()).collect();
    for (i, id) in gaps.iter().enumerate() {
        a.plan.insert(
            id.clone(),
            PlanEntry {
                planned: true,
                owner: owners.get(i).map(|s| s.to_string()),
                due: Some(format!("2027-0{}-15", i + 1)),
                status: if i == 0 { Status::Doing } else { Status::Todo },
            },
        );
    }
    a
}
