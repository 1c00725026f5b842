//! App-wide state: a thin `Reducible` adapter over `engine::Assessment`, plus
//! the UI's own state (locale, screen). Reducers are pure: saving happens in
//! an effect in `app.rs`.

use std::rc::Rc;

use engine::{Action, Assessment, QuestionBank};
use i18n::Locale;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Questions,
    Results,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The bank in the current language (structure is the same in all).
    pub bank: Rc<QuestionBank>,
    pub assessment: Assessment,
    pub locale: Locale,
    pub screen: Screen,
}

pub enum AppAction {
    Engine(Action),
    /// Switches language once that language's bank is at hand.
    SetLocale(Locale, Rc<QuestionBank>),
    Show(Screen),
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        match action {
            AppAction::Engine(action) => {
                let assessment = self.assessment.apply(&self.bank, action);
                if assessment == self.assessment {
                    return self; // the same Rc: Yew skips the re-render
                }
                Rc::new(AppState { assessment, ..(*self).clone() })
            }
            AppAction::SetLocale(locale, bank) => Rc::new(AppState { locale, bank, ..(*self).clone() }),
            AppAction::Show(screen) => Rc::new(AppState { screen, ..(*self).clone() }),
        }
    }
}

pub type AppContext = UseReducerHandle<AppState>;
