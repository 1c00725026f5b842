//! The only module that touches the browser: storage, downloads, the clock,
//! the document's language. Every function degrades gracefully: storage may
//! be blocked (private mode, partitioned iframes), and nothing here panics.

use wasm_bindgen::JsCast;

/// localStorage key of the saved assessment.
pub const SAVE_KEY: &str = "dingtalk-macau-assessment.v1";
/// Where unreadable saved data is copied before anything can overwrite it.
pub const BACKUP_KEY: &str = "dingtalk-macau-assessment.unreadable-backup";
/// The chosen language.
pub const LOCALE_KEY: &str = "dingtalk-macau-assessment.locale";
/// Whether the presenter view is on.
pub const PRESENTER_KEY: &str = "dingtalk-macau-assessment.presenter";
/// Other clients' assessments kept on this device (meeting mode): a JSON
/// array of `[name, saved document]` pairs.
pub const CLIENTS_KEY: &str = "dingtalk-macau-assessment.clients";
/// Every key this app writes (what "end meeting" wipes).
pub const ALL_KEYS: [&str; 5] = [SAVE_KEY, BACKUP_KEY, LOCALE_KEY, PRESENTER_KEY, CLIENTS_KEY];

/// Removes everything this app stored in this browser. `false` if storage
/// could not be reached.
pub fn wipe() -> bool {
    let Some(storage) = storage() else { return false };
    ALL_KEYS.iter().all(|k| storage.remove_item(k).is_ok())
}

/// The browser's own text prompt; `None` when cancelled.
pub fn prompt(message: &str, default: &str) -> Option<String> {
    web_sys::window().and_then(|w| w.prompt_with_message_and_default(message, default).ok()).flatten()
}

/// Reloads the page (a fresh start after a wipe).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Adds or removes a class on `<html>` (the presenter view's styles hang on it).
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let list = root.class_list();
        let _ = if on { list.add_1(class) } else { list.remove_1(class) };
    }
}

/// Calls `handler` with the key of every key press made outside a text
/// field, a select or a modified combination (keyboard shortcuts). Lives as
/// long as the page.
pub fn on_shortcut(handler: impl Fn(String) + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
            return;
        }
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") || el.has_attribute("contenteditable"));
        if !typing {
            handler(e.key());
        }
    });
    let _ = document.add_event_listener_with_callback("keydown", closure.as_ref().unchecked_ref());
    closure.forget();
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Why storage failed, for a message to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    Unavailable,
    WriteFailed,
}

pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    let storage = storage().ok_or(StorageError::Unavailable)?;
    storage.get_item(key).map_err(|_| StorageError::Unavailable)
}

pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
    let storage = storage().ok_or(StorageError::Unavailable)?;
    storage.set_item(key, value).map_err(|_| StorageError::WriteFailed)
}


/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let navigator = window.navigator();
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() { navigator.language().into_iter().collect() } else { list }
}

/// Sets `<html lang>` so assistive technology and fonts follow the choice.
pub fn set_document_language(tag: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Fetches a file of the app's own origin as bytes (a plain GET; no data in
/// the URL).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "network error".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| "unreadable response".to_string())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer).await.map_err(|_| "unreadable response".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Asks the browser's own confirmation dialog (modal, keyboard-operable,
/// announced by screen readers). `false` when it cannot be shown.
pub fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}

/// Moves focus to the element with this id (which scrolls it into view);
/// used to jump between sections without touching the URL.
pub fn focus_by_id(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Today's date in the user's time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Hands bytes to the browser as a file download.
fn object_url(bytes: &[u8], mime: &str) -> Result<String, String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused to create the file".to_string())?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL".to_string())
}

/// Saves bytes as a file through the browser's download.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let url = object_url(bytes, mime)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no anchor")?.dyn_into().map_err(|_| "no anchor")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).ok();
    anchor.click();
    body.remove_child(&anchor).ok();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Fragment that makes the app panic once loaded (end-to-end test of the
/// recovery screen). The fragment never reaches a server.
pub const TEST_PANIC_FRAGMENT: &str = "#test-panic";

/// Whether the page was opened with [`TEST_PANIC_FRAGMENT`].
pub fn test_panic_requested() -> bool {
    web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| h == TEST_PANIC_FRAGMENT)
}

/// The panic hook. A panic aborts the wasm app, so instead of a
/// dead page the hook replaces the page with a recovery screen in the
/// visitor's language: the compiled-in strings of `i18n::BootMsg`, plain
/// elements and two links that work without any more Rust code (reload, and
/// download of the saved answers exactly as stored). Nothing is written to
/// storage: the last good save stays as it is.
/// (Installed through `yew::set_custom_panic_hook`: Yew replaces any other
/// hook when it starts rendering.)
pub fn on_panic(info: &std::panic::PanicHookInfo) {
    web_sys::console::error_1(&wasm_bindgen::JsValue::from_str(&info.to_string()));
    let _ = show_recovery();
}

fn show_recovery() -> Option<()> {
    use i18n::{BootMsg, Locale};
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let locale = load(LOCALE_KEY)
        .ok()
        .flatten()
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_else(|| Locale::negotiate(preferred_languages().iter().map(String::as_str)));
    let el = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e.set_text_content(Some(text));
        Some(e)
    };
    body.set_text_content(None);
    let main = el("main", "wrap recovery", "")?;
    main.set_id("recovery");
    let notice = el("div", "notice", "")?;
    notice.set_attribute("role", "alert").ok()?;
    let title = el("h1", "", locale.boot(BootMsg::RecoveryTitle))?;
    notice.append_child(&title).ok()?;
    let text = el("p", "", locale.boot(BootMsg::RecoveryBody))?;
    notice.append_child(&text).ok()?;
    let actions = el("p", "actions", "")?;
    let reload = el("a", "button primary", locale.boot(BootMsg::RecoveryReload))?;
    reload.set_attribute("href", "./").ok()?;
    reload.set_id("recovery-reload");
    actions.append_child(&reload).ok()?;
    if let Ok(Some(saved)) = load(SAVE_KEY)
        && let Ok(url) = object_url(saved.as_bytes(), "application/json")
    {
        let download = el("a", "button secondary", locale.boot(BootMsg::RecoveryDownload))?;
        download.set_attribute("href", &url).ok()?;
        download.set_attribute("download", "dingtalk-assessment-saved-answers.json").ok()?;
        download.set_id("recovery-download");
        actions.append_child(&download).ok()?;
    }
    notice.append_child(&actions).ok()?;
    main.append_child(&notice).ok()?;
    body.append_child(&main).ok()?;
    let _ = document.document_element()?.set_attribute("lang", locale.tag());
    Some(())
}

/// Largest file the import accepts (a saved assessment is a few KB).
pub const MAX_IMPORT_BYTES: f64 = 2_000_000.0;

/// The text of the file chosen in a file input; `Ok(None)` if none is
/// chosen. Files over [`MAX_IMPORT_BYTES`] are refused unread.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<Option<String>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return Ok(None) };
    if file.size() > MAX_IMPORT_BYTES {
        return Err(format!("{} bytes", file.size()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "unreadable file".to_string())?;
    text.as_string().map(Some).ok_or_else(|| "not text".to_string())
}

/// The page's fragment (`#…`), or empty.
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading (after a
/// share link was read, so a reload does not read it again).
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let (Ok(path), Ok(search), Ok(history)) = (window.location().pathname(), window.location().search(), window.history()) else {
        return;
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// This page's address without its fragment (to build share links).
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let (origin, path, search) = (location.origin(), location.pathname(), location.search());
    match (origin, path, search) {
        (Ok(o), Ok(p), Ok(s)) => format!("{o}{p}{s}"),
        _ => String::new(),
    }
}

/// Copies text to the clipboard (needs a secure context, as HTTPS or
/// localhost); resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// `window.dtma`, set up by `static/embed-frame.js` (docs/embedding.md).
fn dtma() -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&web_sys::window()?.into(), &"dtma".into()).ok().filter(|v| v.is_object())
}

/// The language the embedding page asked for (only when `embed-frame.js`
/// verified the embedding).
pub fn embed_lang() -> Option<String> {
    js_sys::Reflect::get(&dtma()?, &"lang".into()).ok()?.as_string()
}

/// Tells the page's scripts (`embed-frame.js`, `contact.js`) what the
/// consent box, the events and the contact form need: a JSON text with
/// whether an answer exists, whether the results show, and the results'
/// summary (overall score, maturity, critical gaps). It stays in this page:
/// those scripts pass on only what the visitor consents to.
pub fn embed_state(json: &str) {
    let Some(d) = dtma() else { return };
    if let Ok(f) = js_sys::Reflect::get(&d, &"setState".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = f.call1(&d, &json.into());
    }
}
