//! The texts of the shared input fields (`ui::field`): the mark of a value
//! not saved, and the messages for text that is not a valid value.
//!
//! The parsers of `format::input` name what is wrong as data
//! ([`InputError`], English as its `Display`: the same parsers read CSV
//! imports); [`input_error`] says it in the UI's language where a view turns
//! it into the message it shows.

use super::{Lang, lang};
use crate::format::input::{Expected, InputError};

crate::texts! {
    pub enum FieldText {
        /// After a field's message: the plan keeps its last valid value.
        NotSaved => " Not saved.", "保存されていません。";
        PickMonth => "Pick a month.", "月を選択してください。";
        PickOrTypeMonth => "Pick a month, or type it as 2026-04.",
            "月を選択するか、2026-04の形式で入力してください。";
    }
}

/// Why typed text is not a valid value, in the UI's language.
pub fn input_error(error: &InputError) -> String {
    input_error_in(error, lang())
}

/// Why typed text is not a valid value, in `lang`: the parser's own
/// message in English.
pub fn input_error_in(error: &InputError, lang: Lang) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Ja => japanese(error),
    }
}

fn japanese(error: &InputError) -> String {
    match error {
        InputError::EnterAmount => "金額を入力してください。".into(),
        InputError::NegativeAmount => "金額にマイナスは入力できません。".into(),
        InputError::NotAnAmount { text } => format!(
            "「{text}」は金額として読み取れません。1,200,000のように数字で入力してください。"
        ),
        InputError::TooLarge { text } => format!("「{text}」は大きすぎます。"),
        InputError::AboveLargestAmount => {
            "計画で扱える金額の上限（1,000,000,000,000,000）を超えています。".into()
        }
        InputError::NoMinorUnit => {
            "この通貨には小数点以下の単位がありません。整数で入力してください。".into()
        }
        InputError::TooManyDecimals { max } => {
            format!("小数点以下は{max}桁までで入力してください。")
        }
        InputError::EnterPercentage => "12.5のように割合（%）を入力してください。".into(),
        InputError::NotAPercentage { text } => {
            format!("「{text}」は割合として読み取れません。12.5のように数値で入力してください。")
        }
        InputError::EnterNumber => "数値を入力してください。".into(),
        InputError::NegativeNumber => "マイナスの数値は入力できません。".into(),
        InputError::NotANumber { text } => {
            format!("「{text}」は数値として読み取れません。0.8のように入力してください。")
        }
        InputError::WholeNumber { min, max } => {
            format!("{min}～{max}の整数を入力してください。")
        }
        InputError::AmbiguousComma { text, expected } => {
            let what = match expected {
                Expected::Amount => "金額",
                Expected::Percentage => "割合",
                Expected::Number => "数値",
            };
            format!(
                "「{text}」は{what}として読み取れません。カンマは3桁区切り（1,500）に使います。\
                 小数点はピリオド（1.5）で入力してください。"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::input::tests::samples;
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        assert_translated::<FieldText>();
    }

    /// Every error the parsers give reads in each language: the English is
    /// the parser's, the Japanese a sentence with no English left. (The
    /// samples' typed text has no Latin word.)
    #[test]
    fn every_input_error_reads_in_each_language() {
        for (error, english) in samples() {
            assert_eq!(input_error_in(&error, Lang::En), english);
            let ja = input_error_in(&error, Lang::Ja);
            assert!(reads_as_japanese(&ja), "{error:?}: {ja:?}");
            assert!(ja.ends_with('。'), "{error:?}: {ja:?} is not a sentence");
            assert!(
                !ja.contains(". "),
                "{error:?}: English punctuation in {ja:?}"
            );
        }
        let ja = |e: InputError| input_error_in(&e, Lang::Ja);
        assert_eq!(
            ja(InputError::NotAnAmount { text: "abc".into() }),
            "「abc」は金額として読み取れません。1,200,000のように数字で入力してください。"
        );
        assert_eq!(
            ja(InputError::WholeNumber {
                min: -120,
                max: 120
            }),
            "-120～120の整数を入力してください。"
        );
        assert_eq!(
            ja(InputError::TooManyDecimals { max: 2 }),
            "小数点以下は2桁までで入力してください。"
        );
        assert_eq!(
            ja(InputError::AmbiguousComma {
                text: "1,5".into(),
                expected: Expected::Amount
            }),
            "「1,5」は金額として読み取れません。カンマは3桁区切り（1,500）に使います。\
             小数点はピリオド（1.5）で入力してください。"
        );
        assert_eq!(
            ja(InputError::AmbiguousComma {
                text: "１２，５％".into(),
                expected: Expected::Percentage
            }),
            "「１２，５％」は割合として読み取れません。カンマは3桁区切り（1,500）に使います。\
             小数点はピリオド（1.5）で入力してください。"
        );
        assert_eq!(
            ja(InputError::AmbiguousComma {
                text: "0,8".into(),
                expected: Expected::Number
            }),
            "「0,8」は数値として読み取れません。カンマは3桁区切り（1,500）に使います。\
             小数点はピリオド（1.5）で入力してください。"
        );
    }

    #[test]
    fn the_current_language_is_used() {
        set_lang(Lang::En);
        assert_eq!(input_error(&InputError::EnterNumber), "Enter a number.");
        set_lang(Lang::Ja);
        assert_eq!(
            input_error(&InputError::EnterNumber),
            "数値を入力してください。"
        );
        set_lang(Lang::En);
    }
}
