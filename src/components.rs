//! Presentational pieces: props in, markup out. No browser APIs here.

use engine::content::{Kind, Question};
use engine::Answer;
use i18n::{Locale, Msg};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub question: Question,
    pub answer: Option<Answer>,
    pub locale: Locale,
    pub onanswer: Callback<Answer>,
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
                onvalue={onanswer.reform(Answer::Number)}
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
                    let onchange = onanswer.reform(move |_: Event| value.clone());
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
    pub onvalue: Callback<f64>,
}

/// A number typed in the user's own notation (`1,5` or `1.5`), validated
/// against the question's range, with an inline message when it is not valid.
#[component]
pub fn NumberInput(props: &NumberInputProps) -> Html {
    let NumberInputProps { id, unit, min, max, decimals, value, locale, onvalue } = props;
    let (min, max, decimals, locale) = (*min, *max, *decimals, *locale);
    let error = use_state(|| None::<String>);
    let shown = value.map(|v| fmt_number(v, decimals, locale)).unwrap_or_default();
    let oninput = {
        let error = error.clone();
        let onvalue = onvalue.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match check_number(&input.value(), min, max, decimals, locale) {
                Ok(v) => {
                    error.set(None);
                    onvalue.emit(v);
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let error_id = format!("{id}-error");
    html! {
        <div class="number">
            <input type="text" inputmode="decimal" id={id.clone()} value={shown}
                aria-label={unit.clone()}
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

fn fmt_number(v: f64, decimals: u32, locale: Locale) -> String {
    let scale = 10f64.powi(decimals as i32);
    i18n::format_decimal((v * scale).round() as i64, decimals, locale).replace('\u{a0}', "")
}

/// Parses and range-checks a typed number; the error is a localized message.
pub fn check_number(text: &str, min: f64, max: f64, decimals: u32, locale: Locale) -> Result<f64, String> {
    let range = || {
        locale.tf(
            Msg::NumberRange,
            &[("min", &fmt_number(min, decimals, locale)), ("max", &fmt_number(max, decimals, locale))],
        )
    };
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
