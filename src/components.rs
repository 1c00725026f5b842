//! Presentational pieces: props in, markup out. No browser APIs here.

use engine::content::{Kind, Question};
use engine::{Answer, Profile, Sector};
use i18n::{Locale, Msg};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub question: Question,
    pub answer: Option<Answer>,
    pub locale: Locale,
    /// A valid answer, or `None` to clear it (an emptied number field).
    pub onanswer: Callback<Option<Answer>>,
}

/// One question with its answer controls. Radio groups are native, so the
/// arrow keys move within a group and Tab moves between groups.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let QuestionCardProps { question, answer, locale, onanswer } = props;
    let locale = *locale;
    let name = question.id.clone();
    let mut options: Vec<(String, Answer, String)> = Vec::new();
    match &question.kind {
        Kind::Status => {
            options.push(("yes".into(), Answer::Yes, locale.t(Msg::AnswerYes).into()));
            options.push(("partly".into(), Answer::Partly, locale.t(Msg::AnswerPartly).into()));
            options.push(("no".into(), Answer::No, locale.t(Msg::AnswerNo).into()));
        }
        Kind::Choice { options: choices } => {
            for o in choices {
                options.push((format!("choice-{}", o.id), Answer::Choice(o.id.clone()), o.label.get(locale).into()));
            }
        }
        Kind::Number { .. } => {}
    }
    options.push(("dont-know".into(), Answer::DontKnow, locale.t(Msg::AnswerDontKnow).into()));
    if question.allow_na {
        options.push(("na".into(), Answer::NotApplicable, locale.t(Msg::AnswerNotApplicable).into()));
    }
    let number = match &question.kind {
        Kind::Number { unit, min, max, decimals, .. } => Some(html! {
            <NumberInput
                id={format!("{}-number", question.id)}
                unit={unit.get(locale).to_string()}
                min={*min} max={*max} decimals={*decimals}
                value={match answer { Some(Answer::Number(v)) => Some(*v), _ => None }}
                {locale}
                onvalue={onanswer.reform(|v: Option<f64>| v.map(Answer::Number))}
            />
        }),
        _ => None,
    };
    let why_id = format!("{}-why", question.id);
    html! {
        <fieldset class="question" id={question.id.clone()} data-question={question.id.clone()}>
            <legend>{ question.text.get(locale) }</legend>
            <details class="why">
                <summary>{ locale.t(Msg::QuestionWhy) }</summary>
                <p id={why_id}>{ question.why.get(locale) }</p>
            </details>
            { number.unwrap_or_default() }
            <div class="choices">
                { for options.into_iter().map(|(key, value, label)| {
                    let checked = answer.as_ref() == Some(&value);
                    let onchange = onanswer.reform(move |_: Event| Some(value.clone()));
                    html! {
                        <label class={classes!("choice", checked.then_some("checked"))}>
                            <input type="radio" name={name.clone()} value={key} {checked} {onchange} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub id: AttrValue,
    pub unit: AttrValue,
    pub min: f64,
    pub max: f64,
    pub decimals: u32,
    pub value: Option<f64>,
    pub locale: Locale,
    /// A valid number, or `None` when the field is emptied.
    pub onvalue: Callback<Option<f64>>,
    /// The visible label; the unit is the label when absent.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// A number typed in the user's own notation (`1,5` or `1.5`), validated
/// against the question's range, with an inline message when it is not valid.
#[component]
pub fn NumberInput(props: &NumberInputProps) -> Html {
    let NumberInputProps { id, unit, min, max, decimals, value, locale, onvalue, label } = props;
    let (min, max, decimals, locale) = (*min, *max, *decimals, *locale);
    let error = use_state(|| None::<String>);
    let shown = value.map(|v| fmt_number(v, decimals, locale)).unwrap_or_default();
    let oninput = {
        let error = error.clone();
        let onvalue = onvalue.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if input.value().trim().is_empty() {
                error.set(None);
                onvalue.emit(None);
                return;
            }
            match check_number(&input.value(), min, max, decimals, locale) {
                Ok(v) => {
                    error.set(None);
                    onvalue.emit(Some(v));
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let error_id = format!("{id}-error");
    html! {
        <div class="number">
            if let Some(label) = label {
                <label for={id.clone()}>{ label.clone() }</label>
            }
            <input type="text" inputmode="decimal" id={id.clone()} value={shown}
                aria-label={if label.is_some() { None } else { Some(unit.clone()) }}
                aria-invalid={error.is_some().to_string()}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                {oninput} />
            <span class="unit">{ unit.clone() }</span>
            if let Some(message) = &*error {
                <p class="field-error" id={error_id} role="alert">{ message.clone() }</p>
            }
        </div>
    }
}

/// The number in the locale's notation, without trailing zeros ("50", "2.5",
/// "99.22"), as a person would type it.
fn fmt_number(v: f64, decimals: u32, locale: Locale) -> String {
    let scale = 10f64.powi(decimals as i32);
    let text = i18n::format_decimal((v * scale).round() as i64, decimals, locale).replace('\u{a0}', "");
    if decimals == 0 { text } else { text.trim_end_matches('0').trim_end_matches(['.', ',']).to_string() }
}

/// Parses and range-checks a typed number; the error is a localized message.
pub fn check_number(text: &str, min: f64, max: f64, decimals: u32, locale: Locale) -> Result<f64, String> {
    let range = || locale.tf(Msg::NumberRange, &[("min", &fmt_number(min, decimals, locale)), ("max", &fmt_number(max, decimals, locale))]);
    match i18n::parse_decimal(text, locale, decimals) {
        Ok(units) => {
            let v = units as f64 / 10f64.powi(decimals as i32);
            if v < min || v > max { Err(range()) } else { Ok(v) }
        }
        Err(i18n::ParseNumberError::TooManyDecimals { max }) => {
            Err(locale.tf(Msg::NumberDecimals, &[("max", &max.to_string())]))
        }
        Err(i18n::ParseNumberError::TooLarge) => Err(range()),
        Err(_) => Err(locale.t(Msg::NumberInvalid).to_string()),
    }
}

#[derive(Properties, PartialEq)]
pub struct ProfileFormProps {
    pub profile: Profile,
    pub locale: Locale,
    pub onchange: Callback<Profile>,
}

/// The optional company profile: it decides which conditional sections apply
/// and feeds the money model.
#[component]
pub fn ProfileForm(props: &ProfileFormProps) -> Html {
    let ProfileFormProps { profile, locale, onchange } = props;
    let locale = *locale;
    let edit = |f: fn(&mut Profile, Event)| {
        let profile = profile.clone();
        let onchange = onchange.clone();
        Callback::from(move |e: Event| {
            let mut next = profile.clone();
            f(&mut next, e);
            onchange.emit(next);
        })
    };
    let number = |f: fn(&mut Profile, Option<f64>)| {
        let profile = profile.clone();
        let onchange = onchange.clone();
        Callback::from(move |v: Option<f64>| {
            let mut next = profile.clone();
            f(&mut next, v);
            onchange.emit(next);
        })
    };
    let sectors = [
        (Sector::Gaming, Msg::SectorGaming, "gaming"),
        (Sector::Finance, Msg::SectorFinance, "finance"),
        (Sector::Hospitality, Msg::SectorHospitality, "hospitality"),
        (Sector::Retail, Msg::SectorRetail, "retail"),
        (Sector::Public, Msg::SectorPublic, "public"),
        (Sector::Other, Msg::SectorOther, "other"),
    ];
    let checkbox = |id: &'static str, msg: Msg, checked: bool, f: fn(&mut Profile, bool)| {
        let onchange = {
            let profile = profile.clone();
            let onchange = onchange.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = profile.clone();
                f(&mut next, input.checked());
                onchange.emit(next);
            })
        };
        html! {
            <label class="check"><input type="checkbox" {id} {checked} {onchange} /><span>{ locale.t(msg) }</span></label>
        }
    };
    html! {
        <section class="section profile" aria-labelledby="profile-title">
            <h3 id="profile-title">{ locale.t(Msg::ProfileHeading) }</h3>
            <p class="intro">{ locale.t(Msg::ProfileIntro) }</p>
            <div class="grid">
                <div class="field">
                    <label for="profile-company">{ locale.t(Msg::ProfileCompany) }</label>
                    <input type="text" id="profile-company" maxlength="200" autocomplete="organization"
                        value={profile.company_name.clone()}
                        onchange={edit(|p, e| p.company_name = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().chars().take(200).collect())} />
                </div>
                <div class="field">
                    <label for="profile-sector">{ locale.t(Msg::ProfileSector) }</label>
                    <select id="profile-sector" onchange={edit(|p, e| {
                        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        p.sector = match v.as_str() {
                            "gaming" => Sector::Gaming, "finance" => Sector::Finance, "hospitality" => Sector::Hospitality,
                            "retail" => Sector::Retail, "public" => Sector::Public, _ => Sector::Other,
                        };
                    })}>
                        { for sectors.iter().map(|(sector, msg, value)| html! {
                            <option value={*value} selected={profile.sector == *sector}>{ locale.t(*msg) }</option>
                        }) }
                    </select>
                </div>
                <NumberInput id="profile-employees" unit={locale.t(Msg::ProfileEmployeesUnit)} label={locale.t(Msg::ProfileEmployees)}
                    min={1.0} max={1_000_000.0} decimals={0} {locale}
                    value={profile.employees.map(f64::from)}
                    onvalue={number(|p, v| p.employees = v.map(|v| v as u32))} />
                <NumberInput id="profile-revenue" unit={"MOP"} label={locale.t(Msg::ProfileRevenue)}
                    min={0.0} max={1e12} decimals={0} {locale}
                    value={profile.revenue_mop.map(|v| v as f64)}
                    onvalue={number(|p, v| p.revenue_mop = v.map(|v| v as i64))} />
            </div>
            <fieldset class="checks">
                <legend>{ locale.t(Msg::ProfileOperations) }</legend>
                { checkbox("profile-hk", Msg::ProfileHongKong, profile.operates_in_hong_kong, |p, v| p.operates_in_hong_kong = v) }
                { checkbox("profile-mainland", Msg::ProfileMainland, profile.operates_in_mainland, |p, v| p.operates_in_mainland = v) }
                { checkbox("profile-eu", Msg::ProfileEu, profile.serves_eu, |p, v| p.serves_eu = v) }
                { checkbox("profile-ciio", Msg::ProfileCiio, profile.critical_infrastructure, |p, v| p.critical_infrastructure = v) }
            </fieldset>
        </section>
    }
}
