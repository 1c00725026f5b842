//! Component tests in headless Chromium (wasm-bindgen-test): the real App is
//! mounted in a div, driven with DOM clicks, and checked through its text.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount() -> web_sys::Element {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = app::app::AppProps { bank: Some(std::rc::Rc::new(engine::builtin().clone())) };
    yew::Renderer::<app::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap()
}

fn click(root: &web_sys::Element, selector: &str) {
    let el: web_sys::HtmlElement =
        root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
    el.click();
}

#[wasm_bindgen_test]
async fn answering_changes_the_live_score() {
    let root = mount().await;
    let en_none = i18n::Locale::En.t(i18n::Msg::ScoreNone);
    assert!(text(&root, "#score-value").contains(en_none) || !text(&root, "#score-value").is_empty());

    click(&root, r#"fieldset[data-question="security.mfa"] input[value="no"]"#);
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#score-value"), "0 / 100");

    click(&root, r#"fieldset[data-question="security.mfa"] input[value="yes"]"#);
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#score-value"), "100 / 100");

    // The answer is saved in localStorage as versioned JSON.
    let saved = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item(app::platform::SAVE_KEY).unwrap();
    let saved = engine::persist::load(&saved.expect("saved")).expect("readable");
    assert_eq!(saved.assessment.answers.get("security.mfa"), Some(&engine::Answer::Yes));
    root.remove();
}

#[wasm_bindgen_test]
async fn an_invalid_number_shows_an_inline_message() {
    let root = mount().await;
    let bank = engine::builtin();
    let (_, question) = bank
        .questions()
        .find(|(_, q)| matches!(q.kind, engine::content::Kind::Number { .. }))
        .expect("the bank has a number question");
    let input: web_sys::HtmlInputElement =
        root.query_selector(&format!("#{}-number", question.id.replace('.', "\\."))).unwrap().unwrap().dyn_into().unwrap();
    input.set_value("abc");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    let message = text(&root, ".field-error");
    assert_eq!(message, i18n::Locale::En.t(i18n::Msg::NumberInvalid));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn switching_language_changes_the_text_and_keeps_the_answers() {
    let root = mount().await;
    click(&root, r#"fieldset[data-question="security.mfa"] input[value="partly"]"#);
    yew::scheduler::flush().await;
    let select: web_sys::HtmlSelectElement = root.query_selector("#language").unwrap().unwrap().dyn_into().unwrap();
    select.set_value("pt");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "h1"), i18n::Locale::Pt.t(i18n::Msg::AppTitle));
    let root_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(root_lang.as_deref(), Some("pt"));
    let mfa = engine::builtin().question("security.mfa").unwrap();
    assert!(root.text_content().unwrap().contains(&mfa.text.pt));
    let partly: web_sys::HtmlInputElement = root
        .query_selector(r#"fieldset[data-question="security.mfa"] input[value="partly"]"#)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(partly.checked(), "the answer survives the language switch");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_results_panel_shows_the_engine_view_and_emits_plan_and_assumption_edits() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use engine::{Action, Answer, Assessment};
    use yew::prelude::*;

    let bank = engine::builtin();
    let mut a = Assessment::default();
    for (_, q) in bank.questions() {
        if matches!(q.kind, engine::content::Kind::Status) {
            a = a.apply(bank, Action::Answer { question: q.id.clone(), answer: Answer::No });
        }
    }
    let view = Rc::new(results::view::build(bank, &a, i18n::Locale::Pt));
    let seen: Rc<RefCell<Vec<Action>>> = Rc::default();

    #[derive(Properties)]
    struct Host {
        view: Rc<results::ResultsView>,
        seen: Rc<RefCell<Vec<Action>>>,
    }
    impl PartialEq for Host {
        fn eq(&self, other: &Self) -> bool {
            Rc::ptr_eq(&self.view, &other.view)
        }
    }
    #[component]
    fn HostView(p: &Host) -> Html {
        let seen = p.seen.clone();
        let onaction = Callback::from(move |a| seen.borrow_mut().push(a));
        html! {
            <app::results_panel::ResultsPanel view={p.view.clone()} locale={i18n::Locale::Pt} {onaction}
                plan={std::collections::BTreeMap::<String, engine::PlanEntry>::new()}
                overrides={std::collections::BTreeMap::<String, engine::AssumptionValue>::new()} />
        }
    }

    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<HostView>::with_root_and_props(root.clone(), Host { view: view.clone(), seen: seen.clone() }).render();
    yew::scheduler::flush().await;

    let o = view.overall.as_ref().unwrap();
    assert_eq!(text(&root, "#results-score"), format!("{} / 100", o.points));
    assert!(text(&root, ".maturity").starts_with("Maturidade: "));
    let first = &view.actions[0];
    assert!(text(&root, "#action-plan").contains(&first.action));
    assert!(text(&root, "#exposure-now").contains("MOP"));

    // Ticking an action asks to plan it.
    click(&root, &format!("#plan-{}-planned", first.id.replace('.', "\\.")));
    yew::scheduler::flush().await;
    assert_eq!(seen.borrow().last(), Some(&Action::SetPlanned { action: first.id.clone(), planned: true }));

    // A Portuguese decimal in an assumption becomes basis points; out of range is refused inline.
    let input: web_sys::HtmlInputElement =
        root.query_selector("#assumption-p-enforcement").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("12,5");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        seen.borrow().last(),
        Some(&Action::SetAssumption { id: "p-enforcement".into(), value: engine::AssumptionValue::Single(1_250) })
    );
    let before = seen.borrow().len();
    input.set_value("101");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(seen.borrow().len(), before, "an out-of-range value is not applied");
    assert_eq!(text(&root, "#assumption-p-enforcement-error"), "Introduza um valor entre 0 e 100.");
    root.remove();
}
