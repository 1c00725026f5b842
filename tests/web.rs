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
