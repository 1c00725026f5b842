//! The root component: fetches the question bank in the visitor's language,
//! loads the saved assessment, saves every change, and switches between the
//! questionnaire and the results.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use engine::persist::{self, LoadError};
use engine::{Action, Assessment, QuestionBank};
use i18n::{BootMsg, Locale, Msg};
use report_worker::ReportRequest;
use report_worker::PdfOutcome;
use yew::prelude::*;

use crate::components::{ProfileForm, QuestionCard};
use crate::platform;
use crate::results_panel::ResultsPanel;
use results::{ResultsOutcome, ResultsRequest, ResultsView};
use crate::state::{AppAction, AppState, Screen};

/// Something about saved data the user must know.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The saved data could not be read; it was copied to a backup key.
    Unreadable(String),
    /// Saved by a newer version of the app; kept untouched.
    Newer(String),
    /// The browser does not let us save.
    StorageUnavailable,
    /// A save failed (storage full, or blocked after loading): the latest
    /// state, as it would have been saved, is offered for download.
    SaveFailed(String),
}

/// The language the embedding page asked for, else the saved one, else the
/// browser's preferred one.
fn initial_locale() -> Locale {
    platform::embed_lang()
        .and_then(|tag| Locale::from_tag(&tag))
        .or_else(|| platform::load(platform::LOCALE_KEY).ok().flatten().and_then(|tag| Locale::from_tag(&tag)))
        .unwrap_or_else(|| Locale::negotiate(platform::preferred_languages().iter().map(String::as_str)))
}

/// Fetches one language's bundle (`dist/content/`, written at build time by
/// `content-export`), installs its UI catalog and returns its bank.
async fn fetch_bank(locale: Locale) -> Result<Rc<QuestionBank>, String> {
    let url = format!("./content/{}", engine::content::locale_file_name(locale));
    let bytes = platform::fetch_bytes(&url).await?;
    // A damaged or foreign file: postcard's own messages would add code and say no more.
    let bundle = engine::content::LocaleBundle::from_postcard(&bytes).map_err(|_| "damaged file".to_string())?;
    install_catalog(locale, bundle.messages)?;
    Ok(Rc::new(bundle.bank))
}

fn install_catalog(locale: Locale, messages: Vec<String>) -> Result<(), String> {
    if i18n::has_catalog(locale) {
        return Ok(());
    }
    i18n::install_catalog(locale, messages).map_err(|e| format!("catalog of {} strings, expected {}", e.found, e.expected))
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A trilingual bank to use instead of fetching one (component tests).
    #[prop_or_default]
    pub bank: Option<Rc<QuestionBank>>,
}

/// Loads the bank for the visitor's language, then shows the assessment.
#[component]
pub fn App(props: &AppProps) -> Html {
    let locale = *use_memo((), |_| initial_locale());
    let loaded = use_state(|| props.bank.clone().map(Ok::<_, String>));
    let attempt = use_state(|| 0u32);
    {
        let loaded = loaded.clone();
        let needs_fetch = props.bank.is_none();
        use_effect_with(*attempt, move |_| {
            if needs_fetch {
                wasm_bindgen_futures::spawn_local(async move { loaded.set(Some(fetch_bank(locale).await)) });
            }
        });
    }
    use_effect_with(locale, |locale| platform::set_document_language(locale.tag()));
    match &*loaded {
        None => html! { <main class="wrap"><p class="loading" role="status">{ locale.boot(BootMsg::Loading) }</p></main> },
        Some(Err(reason)) => {
            let onclick = {
                let loaded = loaded.clone();
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| {
                    loaded.set(None);
                    attempt.set(*attempt + 1);
                })
            };
            html! {
                <main class="wrap">
                    <div class="notice" role="alert">
                        <p>{ locale.boot(BootMsg::LoadFailed).replace("{reason}", reason) }</p>
                        <button type="button" class="primary" {onclick}>{ locale.boot(BootMsg::Retry) }</button>
                    </div>
                </main>
            }
        }
        Some(Ok(bank)) => html! { <AssessmentView bank={bank.clone()} {locale} trilingual={props.bank.is_some()} /> },
    }
}

fn initial(bank: Rc<QuestionBank>, locale: Locale) -> (AppState, Option<Notice>) {
    let (assessment, notice) = match platform::load(platform::SAVE_KEY) {
        Err(_) => (Assessment::default(), Some(Notice::StorageUnavailable)),
        Ok(None) => (Assessment::default(), None),
        Ok(Some(raw)) => match persist::load(&raw) {
            Ok(saved) => (saved.assessment, None),
            Err(error) => {
                // Keep the unreadable data before anything can overwrite it.
                let _ = platform::save(platform::BACKUP_KEY, &raw);
                let notice = match error {
                    LoadError::NewerFormat(_) => Notice::Newer(raw),
                    LoadError::Corrupted(_) => Notice::Unreadable(raw),
                };
                (Assessment::default(), Some(notice))
            }
        },
    };
    (AppState { bank, assessment, locale, screen: Screen::Questions }, notice)
}

/// Whether the presenter view is on; any action toggles it (the button and
/// the P shortcut both dispatch, so neither reads a stale value).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Presenter(bool);

impl Reducible for Presenter {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Presenter(!self.0))
    }
}

#[derive(Clone, Debug, PartialEq)]
enum PdfStatus {
    Idle,
    Working,
    Done,
    Failed(String),
}

#[derive(Properties, PartialEq)]
struct AssessmentViewProps {
    bank: Rc<QuestionBank>,
    locale: Locale,
    /// The bank holds all three languages (no fetch needed to switch).
    trilingual: bool,
}

#[component]
fn AssessmentView(props: &AssessmentViewProps) -> Html {
    let start = use_memo((), |_| initial(props.bank.clone(), props.locale));
    let state = use_reducer(|| start.0.clone());
    let banks = use_mut_ref(|| BTreeMap::from([(props.locale, props.bank.clone())]));
    let switching = use_state(|| None::<String>);
    let notice = use_state(|| start.1.clone());
    let pdf_status = use_state(|| PdfStatus::Idle);
    // The report's paper: A4, or US Letter.
    let letter = use_state(|| false);
    // The latest results from the results worker (kept while a newer request
    // runs, so the screen does not flash), or why they failed.
    let view = use_state(|| None::<Result<Rc<ResultsView>, String>>);
    let data_status = use_state(|| None::<String>);
    // Other clients' assessments on this device: (name, saved document).
    let clients = use_state(|| {
        platform::load(platform::CLIENTS_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<Vec<(String, String)>>(&text).ok())
            .unwrap_or_default()
    });
    let presenter = use_reducer(|| Presenter(platform::load(platform::PRESENTER_KEY).ok().flatten().as_deref() == Some("on")));
    let copied = use_state(|| None::<bool>);
    // Which stored client the results compare with (its name and saved text).
    let compare_with = use_state(|| None::<(String, String)>);
    let generation = use_mut_ref(|| 0u64);
    let heading = use_node_ref();
    let locale = state.locale;
    let bank: &QuestionBank = &state.bank;
    let version = bank.version;

    // Save every change. A newer-format save is never overwritten silently:
    // saving resumes only once the user starts answering here.
    {
        let notice = notice.clone();
        use_effect_with(state.assessment.clone(), move |assessment| {
            let untouched = *assessment == Assessment::default();
            let protect = matches!(*notice, Some(Notice::Newer(_)) | Some(Notice::Unreadable(_))) && untouched;
            if !protect {
                let text = persist::save(assessment, version);
                match platform::save(platform::SAVE_KEY, &text) {
                    Ok(()) if matches!(*notice, Some(Notice::SaveFailed(_))) => notice.set(None),
                    Ok(()) => {}
                    Err(platform::StorageError::Unavailable) => {
                        if !matches!(*notice, Some(Notice::StorageUnavailable)) {
                            notice.set(Some(Notice::StorageUnavailable));
                        }
                    }
                    Err(platform::StorageError::WriteFailed) => notice.set(Some(Notice::SaveFailed(text))),
                }
            }
        });
    }
    use_effect_with(locale, |locale| {
        platform::set_document_language(locale.tag());
        let _ = platform::save(platform::LOCALE_KEY, locale.tag());
    });
    // Focus the screen's heading when the screen changes (not on first load),
    // and prefetch the report worker once the results are in view.
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.screen, move |screen| {
            if std::mem::replace(&mut *first.borrow_mut(), false) && *screen == Screen::Questions {
                return;
            }
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            if *screen == Screen::Results {
                crate::pdf::prefetch();
            }
        });
    }
    // The presenter view (large type, high contrast) follows its switch and
    // is remembered on this device.
    use_effect_with(presenter.0, |on| {
        platform::set_root_class("presenter", *on);
        let _ = platform::save(platform::PRESENTER_KEY, if *on { "on" } else { "off" });
    });
    // Keyboard shortcuts for a meeting: P presenter view, Q questions, R results.
    {
        let dispatcher = state.dispatcher();
        let presenter = presenter.dispatcher();
        use_effect_with((), move |_| {
            platform::on_shortcut(move |key| match key.as_str() {
                "p" | "P" => presenter.dispatch(()),
                "q" | "Q" => dispatcher.dispatch(AppAction::Show(Screen::Questions)),
                "r" | "R" => dispatcher.dispatch(AppAction::Show(Screen::Results)),
                _ => {}
            });
        });
    }
    // A share link in the address (`#s1.…`): its answers replace the
    // current ones (after a confirmation if there is work to lose), then
    // the fragment is removed so a reload does not read it again.
    {
        let dispatcher = state.dispatcher();
        let bank = state.bank.clone();
        let current_is_blank = state.assessment == Assessment::default();
        let data_status = data_status.clone();
        use_effect_with((), move |_| {
            let fragment = platform::fragment();
            if fragment.starts_with(engine::share::PREFIX) {
                let message = match engine::share::decode(&bank, &fragment) {
                    Ok(a) if current_is_blank || platform::confirm(locale.t(Msg::ShareConfirm)) => {
                        let count = a.answers.len().to_string();
                        dispatcher.dispatch(AppAction::Engine(Action::Replace(a)));
                        Some(locale.tf(Msg::ShareOpened, &[("answered", &count)]))
                    }
                    Ok(_) => None,
                    Err(engine::share::ShareError::OtherVersion { .. }) => Some(locale.t(Msg::ShareOtherVersion).to_string()),
                    Err(_) => Some(locale.t(Msg::ShareDamaged).to_string()),
                };
                data_status.set(message);
                platform::clear_fragment();
            }
        });
    }
    // On the results screen, every change of the answers, the plan, the
    // assumptions or the language asks the results worker again; an answer
    // to an older request is dropped.
    {
        let view = view.clone();
        let deps = (state.screen == Screen::Results).then(|| (state.assessment.clone(), locale, (*compare_with).clone()));
        use_effect_with(deps, move |deps| {
            if let Some((assessment, locale, compare_with)) = deps.clone() {
                let compare = compare_with.and_then(|(name, saved)| persist::load(&saved).ok().map(|d| (name, d.assessment)));
                let share_base = platform::page_address();
                let id = {
                    let mut g = generation.borrow_mut();
                    *g += 1;
                    *g
                };
                let json = serde_json::to_string(&ResultsRequest { assessment, locale, share_base, compare }).expect("plain data");
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = crate::pdf::evaluate(json).await;
                    if *generation.borrow() == id {
                        view.set(Some(match outcome {
                            ResultsOutcome::View(v) => Ok(Rc::new(*v)),
                            ResultsOutcome::Failed(reason) => Err(reason),
                        }));
                    }
                });
            }
        });
    }

    // What the consent box, the host's events and the contact form
    // (embed-frame.js, contact.js) need to know; they fill the slots below.
    {
        let results = state.screen == Screen::Results;
        let summary = match &*view {
            Some(Ok(v)) if results => v.overall.as_ref().map(|o| (o.points, o.maturity.clone(), v.critical.len())),
            _ => None,
        };
        use_effect_with((!state.assessment.answers.is_empty(), results, summary), |(answered, results, summary)| {
            let summary = summary.as_ref().map_or("null".to_string(), |(score, maturity, critical)| {
                format!(r#"{{"score":{score},"maturity":{},"critical":{critical}}}"#, serde_json::to_string(maturity).expect("a string"))
            });
            platform::embed_state(&format!(r#"{{"answered":{answered},"results":{results},"summary":{summary}}}"#));
        });
    }

    // Test-only switch (see `platform::TEST_PANIC_FRAGMENT`): a real panic,
    // after the saved state has been read, to prove the recovery screen.
    if platform::test_panic_requested() {
        panic!("test panic requested by the page's fragment");
    }
    let summary = engine::summarize(bank, &state.assessment);
    let score_text = match summary.score {
        Some(score) => locale.tf(Msg::ScoreLabel, &[("score", &score.to_string())]),
        None => locale.t(Msg::ScoreNone).to_string(),
    };
    let answered_text = locale.tf(
        Msg::ScoreAnswered,
        &[("answered", &summary.answered.to_string()), ("total", &summary.total.to_string())],
    );

    let on_locale = {
        let dispatcher = state.dispatcher();
        let current = state.bank.clone();
        let trilingual = props.trilingual;
        let banks: Rc<RefCell<BTreeMap<Locale, Rc<QuestionBank>>>> = banks.clone();
        let switching = switching.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let Some(l) = Locale::from_tag(&select.value()) else { return };
            let cached = if trilingual { Some(current.clone()) } else { banks.borrow().get(&l).cloned() };
            if let Some(bank) = cached {
                dispatcher.dispatch(AppAction::SetLocale(l, bank));
                return;
            }
            let (dispatcher, banks, switching) = (dispatcher.clone(), banks.clone(), switching.clone());
            switching.set(Some(l.boot(BootMsg::Loading).to_string()));
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_bank(l).await {
                    Ok(bank) => {
                        banks.borrow_mut().insert(l, bank.clone());
                        switching.set(None);
                        dispatcher.dispatch(AppAction::SetLocale(l, bank));
                    }
                    Err(reason) => switching.set(Some(l.boot(BootMsg::LoadFailed).replace("{reason}", &reason))),
                }
            });
        })
    };
    let show = |screen: Screen| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::Show(screen)))
    };
    let on_download = {
        let state = state.clone();
        let pdf_status = pdf_status.clone();
        let letter = letter.clone();
        Callback::from(move |_: MouseEvent| {
            if *pdf_status == PdfStatus::Working {
                return;
            }
            let request = ReportRequest {
                assessment: state.assessment.clone(),
                locale: state.locale,
                date: platform::today(),
                letter: *letter,
            };
            let file = report_worker::file_name(&request.assessment.profile.company_name, &request.date);
            let json = serde_json::to_string(&request).expect("plain data");
            let pdf_status = pdf_status.clone();
            let locale = state.locale;
            pdf_status.set(PdfStatus::Working);
            wasm_bindgen_futures::spawn_local(async move {
                let status = match crate::pdf::make_pdf(json).await {
                    PdfOutcome::Pdf(bytes) => match platform::download(&bytes, &file, "application/pdf") {
                        Ok(()) => PdfStatus::Done,
                        Err(reason) => PdfStatus::Failed(locale.tf(Msg::PdfFailed, &[("reason", &reason)])),
                    },
                    PdfOutcome::UnsupportedCharacters(chars) => {
                        let mut shown: String = chars.iter().take(20).collect();
                        if chars.len() > 20 {
                            shown.push('…');
                        }
                        PdfStatus::Failed(locale.tf(Msg::PdfUnsupported, &[("chars", &shown)]))
                    }
                    PdfOutcome::FontUnavailable(reason) => {
                        PdfStatus::Failed(locale.tf(Msg::PdfFontFailed, &[("reason", &reason)]))
                    }
                    PdfOutcome::Failed(reason) => PdfStatus::Failed(locale.tf(Msg::PdfFailed, &[("reason", &reason)])),
                };
                pdf_status.set(status);
            });
        })
    };

    let notice_html = match &*notice {
        None => html! {},
        Some(n) => {
            let (text, raw) = match n {
                Notice::Unreadable(raw) => (locale.t(Msg::StorageUnreadable), Some(raw.clone())),
                Notice::Newer(raw) => (locale.t(Msg::StorageNewer), Some(raw.clone())),
                Notice::StorageUnavailable => (locale.t(Msg::StorageUnavailable), None),
                Notice::SaveFailed(latest) => (locale.t(Msg::StorageSaveFailed), Some(latest.clone())),
            };
            let download = raw.map(|raw| {
                let onclick = Callback::from(move |_: MouseEvent| {
                    let _ = platform::download(raw.as_bytes(), "dingtalk-assessment-saved-data.json", "application/json");
                });
                html! { <button type="button" class="secondary" id="storage-download" {onclick}>{ locale.t(Msg::StorageDownload) }</button> }
            });
            html! { <div class="notice" role="alert" id="storage-notice"><p>{ text }</p>{ download.unwrap_or_default() }</div> }
        }
    };

    // About 15 seconds a question, rounded to five minutes.
    let minutes = ((summary.total * 15 + 150) / 300 * 5).max(5);
    let duration_text = locale.tf(
        Msg::StartDuration,
        &[("questions", &summary.total.to_string()), ("sections", &bank.sections.iter().filter(|s| state.assessment.profile.applies(s.condition)).count().to_string()), ("minutes", &minutes.to_string())],
    );
    let start_over = {
        let dispatcher = state.dispatcher();
        let view = view.clone();
        let pdf_status = pdf_status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if platform::confirm(locale.t(Msg::StartStartOverConfirm)) {
                dispatcher.dispatch(AppAction::Engine(Action::Reset));
                dispatcher.dispatch(AppAction::Show(Screen::Questions));
                view.set(None);
                pdf_status.set(PdfStatus::Idle);
            }
        });
        html! { <button type="button" class="secondary" id="start-over" {onclick}>{ locale.t(Msg::StartStartOver) }</button> }
    };
    // Files: export the assessment as a versioned JSON file, import one (a
    // bad file changes nothing; replacing work asks first).
    let export_name = |ext: &str| {
        let pdf = report_worker::file_name(&state.assessment.profile.company_name, &platform::today());
        format!("{}.{ext}", pdf.trim_end_matches(".pdf"))
    };
    let on_export = {
        let text = persist::save(&state.assessment, version);
        let name = export_name("json");
        let data_status = data_status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(reason) = platform::download(text.as_bytes(), &name, "application/json") {
                data_status.set(Some(reason));
            }
        })
    };
    let on_import = {
        let dispatcher = state.dispatcher();
        let data_status = data_status.clone();
        let bank = state.bank.clone();
        let current_is_blank = state.assessment == Assessment::default();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let (dispatcher, data_status, bank) = (dispatcher.clone(), data_status.clone(), bank.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = platform::read_chosen_file(&input).await;
                input.set_value(""); // the same file can be chosen again
                let message = match read {
                    Ok(None) => return,
                    Err(reason) => locale.tf(Msg::DataImportBad, &[("reason", &reason)]),
                    Ok(Some(text)) => match persist::load(&text) {
                        Err(LoadError::NewerFormat(_)) => locale.t(Msg::DataImportNewer).to_string(),
                        Err(LoadError::Corrupted(reason)) => {
                            let reason: String = reason.chars().take(120).collect();
                            locale.tf(Msg::DataImportBad, &[("reason", &reason)])
                        }
                        Ok(saved) => {
                            if !current_is_blank && !platform::confirm(locale.t(Msg::DataImportConfirm)) {
                                return;
                            }
                            let clean = Assessment::sanitized(&bank, saved.assessment);
                            let count = clean.answers.len().to_string();
                            dispatcher.dispatch(AppAction::Engine(Action::Replace(clean)));
                            locale.tf(Msg::DataImported, &[("answered", &count)])
                        }
                    },
                };
                data_status.set(Some(message));
            });
        })
    };
    // Meeting mode: keep several clients' assessments on this device. The
    // open one is the usual saved state; the others wait in CLIENTS_KEY.
    let store_clients = {
        let clients = clients.clone();
        let data_status = data_status.clone();
        move |list: Vec<(String, String)>| {
            let text = serde_json::to_string(&list).expect("plain data");
            if platform::save(platform::CLIENTS_KEY, &text).is_err() {
                data_status.set(Some(locale.t(Msg::StorageUnavailable).to_string()));
            }
            clients.set(list);
        }
    };
    let current_name = {
        let name = state.assessment.profile.company_name.trim();
        if name.is_empty() { locale.tf(Msg::ClientsUnnamed, &[("n", &(clients.len() + 1).to_string())]) } else { name.to_string() }
    };
    let on_new_client = {
        let (dispatcher, clients, store) = (state.dispatcher(), clients.clone(), store_clients.clone());
        let current = (current_name.clone(), persist::save(&state.assessment, version));
        let blank = state.assessment == Assessment::default();
        Callback::from(move |_: MouseEvent| {
            if !blank {
                let mut list = (*clients).clone();
                list.push(current.clone());
                store(list);
            }
            dispatcher.dispatch(AppAction::Engine(Action::Reset));
        })
    };
    let client_rows = clients.iter().enumerate().map(|(i, (name, saved))| {
        let on_open = {
            let (dispatcher, clients, store, bank) = (state.dispatcher(), clients.clone(), store_clients.clone(), state.bank.clone());
            let current = (current_name.clone(), persist::save(&state.assessment, version));
            let blank = state.assessment == Assessment::default();
            let saved = saved.clone();
            Callback::from(move |_: MouseEvent| {
                let Ok(doc) = persist::load(&saved) else { return };
                let mut list = (*clients).clone();
                list.remove(i);
                if !blank {
                    list.push(current.clone());
                }
                store(list);
                dispatcher.dispatch(AppAction::Engine(Action::Replace(Assessment::sanitized(&bank, doc.assessment))));
            })
        };
        let on_rename = {
            let (clients, store, name) = (clients.clone(), store_clients.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(new) = platform::prompt(locale.t(Msg::ClientsRenamePrompt), &name) {
                    let new: String = new.trim().chars().take(200).collect();
                    if !new.is_empty() {
                        // The name is the client's company name: renaming
                        // changes it in the kept assessment too, so it stays
                        // when the client is opened and kept again.
                        let mut list = (*clients).clone();
                        if let Ok(mut doc) = persist::load(&list[i].1) {
                            doc.assessment.profile.company_name = new.clone();
                            list[i].1 = persist::save(&doc.assessment, version);
                        }
                        list[i].0 = new;
                        store(list);
                    }
                }
            })
        };
        let on_delete = {
            let (clients, store, name) = (clients.clone(), store_clients.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                if platform::confirm(&locale.tf(Msg::ClientsDeleteConfirm, &[("name", &name)])) {
                    let mut list = (*clients).clone();
                    list.remove(i);
                    store(list);
                }
            })
        };
        html! {
            <li class="client">
                <span class="client-name">{ name }</span>
                <button type="button" class="secondary" onclick={on_open}>{ locale.t(Msg::ClientsOpen) }</button>
                <button type="button" class="secondary" onclick={on_rename}>{ locale.t(Msg::ClientsRename) }</button>
                <button type="button" class="secondary" onclick={on_delete}>{ locale.t(Msg::ClientsDelete) }</button>
            </li>
        }
    });
    let clients_box = html! {
        <div class="clients" id="clients">
            <h4>{ locale.t(Msg::ClientsHeading) }</h4>
            <p>{ locale.tf(Msg::ClientsCurrent, &[("name", &current_name)]) }</p>
            if !clients.is_empty() { <ul>{ for client_rows }</ul> }
            <button type="button" class="secondary" id="new-client" onclick={on_new_client}>{ locale.t(Msg::ClientsNew) }</button>
        </div>
    };
    let data_tools = html! {
        <section class="section data" aria-labelledby="data-title">
            <h3 id="data-title">{ locale.t(Msg::DataHeading) }</h3>
            <p class="intro">{ locale.t(Msg::DataIntro) }</p>
            <div id="storage-slot"></div>
            <div class="actions">
                <button type="button" class="secondary" id="export-json" onclick={on_export}>{ locale.t(Msg::DataExport) }</button>
                <input type="file" id="import-json" class="visually-hidden" accept=".json,application/json" onchange={on_import} />
                <label class="file secondary" for="import-json">{ locale.t(Msg::DataImport) }</label>
                { start_over.clone() }
                <button type="button" class="secondary" id="end-meeting" onclick={Callback::from(move |_: MouseEvent| {
                    if platform::confirm(locale.t(Msg::MeetingEndConfirm)) {
                        platform::wipe();
                        platform::reload();
                    }
                })}>{ locale.t(Msg::MeetingEnd) }</button>
            </div>
            { clients_box }
            <p class="shortcuts">{ locale.t(Msg::MeetingShortcuts) }</p>
            <p class="status" role="status" id="data-status">{ (*data_status).clone().unwrap_or_default() }</p>
        </section>
    };
    let on_csv = {
        let state = state.clone();
        let name = export_name("csv");
        Callback::from(move |_: MouseEvent| {
            // From a fresh evaluation of the current state: the view on
            // screen may still be computing the last edit (an owner typed
            // just before the click).
            let request = ResultsRequest { assessment: state.assessment.clone(), locale: state.locale, share_base: String::new(), compare: None };
            let json = serde_json::to_string(&request).expect("plain data");
            let name = name.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let ResultsOutcome::View(v) = crate::pdf::evaluate(json).await {
                    let _ = platform::download(v.plan_csv.as_bytes(), &name, "text/csv;charset=utf-8");
                }
            });
        })
    };
    // Comparison with a client kept on this device (a reassessment with the
    // earlier one, or two clients), computed by the results worker.
    let compare_box = (!clients.is_empty()).then(|| {
        let onchange = {
            let (compare_with, clients) = (compare_with.clone(), clients.clone());
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                compare_with.set(v.parse::<usize>().ok().and_then(|i| clients.get(i).cloned()));
            })
        };
        let chosen = compare_with.as_ref().map(|(n, _)| n.clone());
        let comparison = match &*view {
            Some(Ok(v)) => v.comparison.clone(),
            _ => None,
        };
        html! {
            <section class="section compare" aria-labelledby="compare-title">
                <h3 id="compare-title">{ locale.t(Msg::CompareHeading) }</h3>
                <p class="intro">{ locale.t(Msg::CompareIntro) }</p>
                <label for="compare">{ locale.t(Msg::CompareWith) }</label>{ " " }
                <select id="compare" {onchange}>
                    <option value="" selected={chosen.is_none()}>{ locale.t(Msg::CompareNone) }</option>
                    { for clients.iter().enumerate().map(|(i, (name, _))| html! {
                        <option value={i.to_string()} selected={chosen.as_deref() == Some(name.as_str())}>{ name }</option>
                    }) }
                </select>
                if let Some(c) = comparison {
                    <div class="table-wrap" tabindex="0" role="region" aria-label={locale.t(Msg::CompareHeading)}>
                        <table class="money" id="comparison">
                            <thead><tr>
                                <th scope="col"><span class="visually-hidden">{ locale.t(Msg::CompareHeading) }</span></th>
                                <th scope="col">{ &c.with }</th>
                                <th scope="col">{ locale.t(Msg::ViewNow) }</th>
                                <th scope="col">{ locale.t(Msg::CompareChange) }</th>
                            </tr></thead>
                            <tbody>{ for c.rows.iter().map(|(label, before, after, change)| html! {
                                <tr><th scope="row">{ label }</th><td>{ before }</td><td>{ after }</td><td>{ change }</td></tr>
                            }) }</tbody>
                        </table>
                    </div>
                    <h4>{ locale.t(Msg::CompareResolved) }{ format!(" ({})", c.resolved.len()) }</h4>
                    <ul id="compare-resolved">{ for c.resolved.iter().map(|q| html! { <li>{ q }</li> }) }</ul>
                    <h4>{ locale.t(Msg::CompareNew) }{ format!(" ({})", c.new_gaps.len()) }</h4>
                    <ul id="compare-new">{ for c.new_gaps.iter().map(|q| html! { <li>{ q }</li> }) }</ul>
                }
            </section>
        }
    });
    // The share link with its QR code (drawn by the results worker).
    let share_box = {
        // The fragment comes with the worker's view (the app only decodes links).
        let link = match &*view {
            Some(Ok(v)) => format!("{}{}", platform::page_address(), v.share_fragment),
            _ => String::new(),
        };
        let onclick = {
            let link = link.clone();
            let copied = copied.clone();
            Callback::from(move |_: MouseEvent| {
                let (link, copied) = (link.clone(), copied.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = platform::copy_text(&link).await;
                    copied.set(Some(ok));
                });
            })
        };
        let qr = match &*view {
            Some(Ok(v)) => v.share_qr.clone(),
            _ => None,
        };
        html! {
            <section class="section share" aria-labelledby="share-title">
                <h3 id="share-title">{ locale.t(Msg::ShareHeading) }</h3>
                <p class="intro">{ locale.t(Msg::ShareIntro) }</p>
                <div class="share-row">
                    <div class="share-link">
                        <label for="share-link">{ locale.t(Msg::ShareLink) }</label>
                        <input type="text" id="share-link" readonly=true value={link} />
                        <button type="button" class="secondary" id="share-copy" {onclick}>{ locale.t(Msg::ShareCopy) }</button>
                        <p class="status" role="status">{ match *copied {
                            Some(true) => locale.t(Msg::ShareCopied),
                            Some(false) => locale.t(Msg::ShareCopyFailed),
                            None => "",
                        } }</p>
                    </div>
                    if let Some(q) = qr {
                        <svg class="qr" id="share-qr" role="img" aria-label={locale.t(Msg::ShareQr)}
                            viewBox={format!("0 0 {0} {0}", q.size)} shape-rendering="crispEdges">
                            <rect width={q.size.to_string()} height={q.size.to_string()} fill="#fff" />
                            <path d={q.path} fill="#000" />
                        </svg>
                    }
                </div>
            </section>
        }
    };
    let body = match state.screen {
        Screen::Questions => html! {
            <>
                <h2 ref={heading.clone()} tabindex="-1">{ locale.t(Msg::NavQuestions) }</h2>
                <p class="duration">{ duration_text }</p>
                <ProfileForm profile={state.assessment.profile.clone()} {locale} onchange={{
                    let dispatcher = state.dispatcher();
                    Callback::from(move |p| dispatcher.dispatch(AppAction::Engine(Action::SetProfile(p))))
                }} />
                <nav class="sections" aria-labelledby="sections-title">
                    <h3 id="sections-title">{ locale.t(Msg::StartSections) }</h3>
                    <ol>
                        { for bank.sections.iter().filter(|s| state.assessment.profile.applies(s.condition)).map(|section| {
                            let answered = section.questions.iter().filter(|q| state.assessment.answers.contains_key(&q.id)).count();
                            let total = section.questions.len();
                            let target = format!("{}-title", section.id);
                            let onclick = Callback::from(move |_: MouseEvent| platform::focus_by_id(&target));
                            html! {
                                <li class={classes!((answered == total).then_some("complete"))}>
                                    <button type="button" class="link" {onclick}>{ section.title.get(locale) }</button>
                                    <span class="section-progress">{ locale.tf(Msg::StartSectionProgress, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }</span>
                                </li>
                            }
                        }) }
                    </ol>
                </nav>
                { for bank.sections.iter().filter(|s| state.assessment.profile.applies(s.condition)).map(|section| html! {
                    <section class="section" aria-labelledby={format!("{}-title", section.id)}>
                        <h3 id={format!("{}-title", section.id)} tabindex="-1">{ section.title.get(locale) }</h3>
                        <p class="intro">{ section.intro.get(locale) }</p>
                        { for section.questions.iter().map(|q| {
                            let dispatcher = state.dispatcher();
                            let id = q.id.clone();
                            let onanswer = Callback::from(move |answer: Option<engine::Answer>| {
                                let action = match answer {
                                    Some(answer) => Action::Answer { question: id.clone(), answer },
                                    None => Action::Clear { question: id.clone() },
                                };
                                dispatcher.dispatch(AppAction::Engine(action))
                            });
                            html! {
                                <QuestionCard key={q.id.clone()} question={q.clone()}
                                    answer={state.assessment.answers.get(&q.id).cloned()} {locale} {onanswer} />
                            }
                        }) }
                    </section>
                }) }
                <div class="actions">
                    <button type="button" class="primary" id="see-results" onclick={show(Screen::Results)}
                        onmouseenter={Callback::from(|_: MouseEvent| crate::pdf::prefetch_results())}
                        onfocus={Callback::from(|_: FocusEvent| crate::pdf::prefetch_results())}>
                        { locale.t(Msg::NavResults) }
                    </button>
                </div>
                { data_tools }
            </>
        },
        Screen::Results => html! {
            <>
                <h2 ref={heading.clone()} tabindex="-1">{ locale.t(Msg::ResultsHeading) }</h2>
                { match &*view {
                    None => html! { <p class="status" role="status">{ locale.t(Msg::ViewComputing) }</p> },
                    Some(Err(reason)) => html! { <div class="notice" role="alert"><p>{ locale.tf(Msg::ViewFailed, &[("reason", reason)]) }</p></div> },
                    Some(Ok(v)) => html! {
                        <ResultsPanel view={v.clone()} {locale}
                            plan={state.assessment.plan.clone()} overrides={state.assessment.assumptions.clone()} onaction={{
                            let dispatcher = state.dispatcher();
                            Callback::from(move |a| dispatcher.dispatch(AppAction::Engine(a)))
                        }} />
                    },
                } }
                <div class="actions">
                    <label class="paper">{ locale.t(Msg::PdfPaper) }{" "}
                        <select id="pdf-paper" onchange={{
                            let letter = letter.clone();
                            Callback::from(move |e: Event| letter.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value() == "letter"))
                        }}>
                            <option value="a4" selected={!*letter}>{ locale.t(Msg::PdfPaperA4) }</option>
                            <option value="letter" selected={*letter}>{ locale.t(Msg::PdfPaperLetter) }</option>
                        </select>
                    </label>
                    <button type="button" class="primary" id="download-pdf" onclick={on_download}
                        disabled={*pdf_status == PdfStatus::Working} aria-busy={(*pdf_status == PdfStatus::Working).to_string()}>
                        { locale.t(Msg::PdfDownload) }
                    </button>
                    <button type="button" class="secondary" id="export-csv" onclick={on_csv} disabled={!matches!(&*view, Some(Ok(_)))}>
                        { locale.t(Msg::DataCsv) }
                    </button>
                    <button type="button" class="secondary" id="back-to-questions" onclick={show(Screen::Questions)}>
                        { locale.t(Msg::NavBack) }
                    </button>
                    { start_over }
                </div>
                <p class="status" role="status" id="pdf-status">{ match &*pdf_status {
                    PdfStatus::Idle => String::new(),
                    PdfStatus::Working => locale.t(Msg::PdfPreparing).to_string(),
                    PdfStatus::Done => locale.t(Msg::PdfReady).to_string(),
                    PdfStatus::Failed(message) => message.clone(),
                } }</p>
                <div id="contact-slot"></div>
                { compare_box.unwrap_or_default() }
                { share_box }
                <p class="disclaimer">{ bank.disclaimer.get(locale) }</p>
            </>
        },
    };

    html! {
        <>
            <header class="top">
                <div class="wrap">
                    <h1>{ locale.t(Msg::AppTitle) }</h1>
                    <label class="language">
                        <span>{ locale.t(Msg::AppLanguage) }</span>
                        <select id="language" onchange={on_locale} disabled={switching.as_deref().is_some_and(|m| Locale::ALL.iter().any(|l| l.boot(BootMsg::Loading) == m))}>
                            { for Locale::ALL.iter().map(|l| html! {
                                <option value={l.tag()} lang={l.tag()} selected={*l == locale}>{ l.endonym() }</option>
                            }) }
                        </select>
                    </label>
                    <button type="button" class="secondary" id="presenter" aria-pressed={presenter.0.to_string()}
                        title={locale.t(Msg::MeetingShortcuts)} onclick={{
                            let presenter = presenter.dispatcher();
                            Callback::from(move |_: MouseEvent| presenter.dispatch(()))
                        }}>
                        { locale.t(Msg::MeetingPresenter) }
                    </button>
                </div>
            </header>
            <main class="wrap">
                <p class="tagline">{ locale.t(Msg::AppTagline) }</p>
                <p class="privacy"><strong>{ locale.t(Msg::PrivacyNote) }</strong>{ " " }{ locale.t(Msg::PrivacyHow) }</p>
                <div id="consent-slot"></div>
                { notice_html }
                if let Some(message) = &*switching {
                    <p class="status" role="status">{ message.clone() }</p>
                }
                <aside class="score" aria-live="polite" id="live-score">
                    <span class="score-title">{ locale.t(Msg::ScoreHeading) }</span>
                    <span class="score-value" id="score-value">{ score_text }</span>
                    <span class="score-answered">{ answered_text }</span>
                    <progress max={summary.total.to_string()} value={summary.answered.to_string()} aria-hidden="true"></progress>
                </aside>
                { body }
            </main>
        </>
    }
}
