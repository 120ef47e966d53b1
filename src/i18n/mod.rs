//! English and Japanese: the language the planner speaks, its texts and how
//! it writes figures and dates on screen.
//!
//! Pure Rust with no web-sys, so every table and format is tested natively.
//! Texts live in typed tables made with [`texts!`](crate::texts): a key is an
//! enum variant and each one states its English and its Japanese, so a key
//! without a translation does not compile. Texts with figures in them are
//! functions next to their table.
//!
//! The language is read when a view is built, not tracked: switching it
//! rebuilds the page (`ui::app`), which is rare, and keeps thousands of
//! texts from each becoming a reactive closure in the wasm bundle.

pub mod actuals;
pub mod assumptions;
pub mod bands;
pub mod cloud;
pub mod common;
pub mod compare;
pub mod exports;
pub mod fields;
pub mod finance;
pub mod format;
pub mod fx;
pub mod keeping;
pub mod overview;
pub mod plans;
pub mod print;
pub mod problems;
pub mod roster;
pub mod scenarios;
pub mod shell;
pub mod start;
pub mod teams;

use std::cell::Cell;

/// A language of the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag, for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The first of the browser's preferred languages (`navigator.languages`,
    /// "ja-JP", "en-US", …) that the planner speaks; English otherwise.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default();
                Self::from_code(&primary.to_ascii_lowercase())
            })
            .unwrap_or_default()
    }

    /// The language's name in itself, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the UI is in.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language texts are taken in from now on; the UI rebuilds itself
/// to follow (see the module's documentation).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// A key of a table of texts, made by [`texts!`](crate::texts).
pub trait Text: Copy + 'static {
    fn en(self) -> &'static str;
    fn ja(self) -> &'static str;
    /// Every key of the table, for the tests that check the translations.
    fn all() -> &'static [Self];

    /// The text in `lang`.
    fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ja => self.ja(),
        }
    }
}

/// The text of `key` in the current language.
pub fn t<K: Text>(key: K) -> &'static str {
    key.get(lang())
}

/// Declares a table of texts: an enum of keys and each key's English and
/// Japanese. Leaving out either language is a compile error.
///
/// ```ignore
/// crate::texts! {
///     pub enum OverviewText {
///         Title => "Overview", "概要";
///     }
/// }
/// ```
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$key_meta:meta])* $key:ident => $en:literal, $ja:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$key_meta])* $key,)*
        }

        impl $crate::i18n::Text for $name {
            fn en(self) -> &'static str {
                match self {
                    $(Self::$key => $en,)*
                }
            }
            fn ja(self) -> &'static str {
                match self {
                    $(Self::$key => $ja,)*
                }
            }
            fn all() -> &'static [Self] {
                &[$(Self::$key,)*]
            }
        }
    };
}

/// Latin words that read the same in a Japanese UI: acronyms, units, names.
pub const SHARED_WORDS: &[&str] = &[
    "Fleetplan",
    "FTE",
    "CSV",
    "JSON",
    "Excel",
    "UTF",
    "BOM",
    "ID",
    "SaaS",
    "URL",
    "OK",
    "FY",
    "JPY",
    "USD",
    "Ctrl",
    "Shift",
    "Enter",
    "Esc",
    "Escape",
    "Tab",
    "Mac",
    "PDF",
    "AWS",
    "GCP",
    "Azure",
    // FOCUS, the cloud bills' format, and its column names.
    "FOCUS",
    "EffectiveCost",
    "BilledCost",
    "SubAccountName",
    "English",
    // Browsers, named as their makers name them in Japanese too.
    "Safari",
    "Firefox",
    "Chrome",
    "Chromium",
    "Edge",
];

/// Whether `text` is all translated into Japanese: no Latin word in it other
/// than [`SHARED_WORDS`] and letter codes such as "L3" or "EUR".
pub fn reads_as_japanese(text: &str) -> bool {
    latin_words(text).all(|w| SHARED_WORDS.contains(&w) || is_code_like(w))
}

/// Whether `text` has no Japanese in it (for the English UI).
pub fn reads_as_english(text: &str) -> bool {
    !text.chars().any(is_japanese)
}

fn latin_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
}

/// "L3", "SRE", "EUR": a letter code (a level, an acronym, an ISO
/// currency), not a word.
fn is_code_like(word: &str) -> bool {
    word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase())
}

pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' // punctuation: 、。「」
        | '\u{3040}'..='\u{30ff}' // kana
        | '\u{4e00}'..='\u{9fff}' // kanji
        | '\u{ff00}'..='\u{ffef}' // full-width forms
    )
}

/// Checks a table: every key has both texts, the English has no Japanese in
/// it and the Japanese no untranslated English.
#[cfg(test)]
pub fn assert_translated<K: Text + std::fmt::Debug>() {
    assert!(!K::all().is_empty(), "an empty table");
    for &key in K::all() {
        let (en, ja) = (key.en(), key.ja());
        assert!(!en.trim().is_empty(), "{key:?}: no English");
        assert!(!ja.trim().is_empty(), "{key:?}: no Japanese");
        assert!(
            reads_as_english(en),
            "{key:?}: Japanese in the English {en:?}"
        );
        assert!(
            reads_as_japanese(ja),
            "{key:?}: English left in the Japanese {ja:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::texts! {
        enum Sample {
            Plan => "Plan", "計画";
            Csv => "Export CSV", "CSVを書き出す";
        }
    }

    #[test]
    fn picks_the_language() {
        assert_eq!(Sample::Plan.get(Lang::En), "Plan");
        assert_eq!(Sample::Plan.get(Lang::Ja), "計画");
        set_lang(Lang::Ja);
        assert_eq!(t(Sample::Csv), "CSVを書き出す");
        set_lang(Lang::En);
        assert_eq!(t(Sample::Csv), "Export CSV");
        assert_translated::<Sample>();
    }

    #[test]
    fn browser_languages() {
        assert_eq!(Lang::preferred(["ja-JP", "en-US"]), Lang::Ja);
        assert_eq!(Lang::preferred(["fr-FR", "en-GB", "ja"]), Lang::En);
        assert_eq!(Lang::preferred(["fr-FR", "JA_jp"]), Lang::Ja);
        assert_eq!(Lang::preferred(["de"]), Lang::En);
        assert_eq!(Lang::preferred([]), Lang::En);
        assert_eq!(Lang::from_code("ja"), Some(Lang::Ja));
        assert_eq!(Lang::from_code("jp"), None);
    }

    #[test]
    fn finds_untranslated_words() {
        assert!(reads_as_japanese("人件費（FTE、L3、EUR）"));
        assert!(!reads_as_japanese("人件費 Cost"));
        assert!(!reads_as_japanese("人件費 Salaries"));
        assert!(reads_as_english("Salaries"));
        assert!(!reads_as_english("Salaries 給与"));
    }
}
