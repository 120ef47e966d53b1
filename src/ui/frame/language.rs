//! The language of the UI: chosen once on start (the one this browser
//! remembers, else the browser's own), switched from the header at any time.

use leptos::prelude::*;

use crate::i18n::shell::ShellText;
use crate::i18n::{Lang, set_lang, t};
use crate::storage;

/// The language the page is in; the views rebuild when it changes.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

impl Language {
    /// The remembered language, else the browser's; applied before the
    /// first view is built.
    pub fn start() -> Self {
        let lang = storage::saved_language()
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_else(browser_language);
        apply(lang);
        Self(RwSignal::new(lang))
    }

    pub fn expect() -> Self {
        expect_context()
    }

    /// Switches to `lang` and remembers the choice.
    pub fn switch(self, lang: Lang) {
        storage::save_language(lang.code());
        apply(lang);
        self.0.set(lang);
    }
}

fn browser_language() -> Lang {
    let tags: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|t| t.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::preferred(tags.iter().map(String::as_str))
}

/// Texts are taken in `lang` from now on, and the document says so, for
/// screen readers and for the browser's choice of Japanese fonts.
fn apply(lang: Lang) {
    set_lang(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The switch in the header: each language named in itself.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = Language::expect();
    view! {
        <div class="language">
            <label for="language" class="visually-hidden">{t(ShellText::Language)}</label>
            <select
                id="language"
                data-testid="language"
                class="language-select"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        language.switch(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() selected=language.0.get_untracked() == l lang=l.code()>
                                {l.own_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
