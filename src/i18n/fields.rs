//! The texts of the shared input fields (`ui::field`): the mark of a value
//! not saved, and the messages for text that is not a valid value.
//!
//! The messages for typed text come from `format::input` in English (the
//! same parsers read CSV imports); [`input_error`] gives them in the UI's
//! language when a field shows them. A message it does not know (the
//! engine's validation) is shown as it comes.

use super::{Lang, Text, lang};

crate::texts! {
    pub enum FieldText {
        /// After a field's message: the plan keeps its last valid value.
        NotSaved => " Not saved.", "保存されていません。";
        PickMonth => "Pick a month.", "月を選択してください。";
        PickOrTypeMonth => "Pick a month, or type it as 2026-04.",
            "月を選択するか、2026-04の形式で入力してください。";
        // The messages of `format::input`, in its English word for word.
        EnterAmount => "Enter an amount.", "金額を入力してください。";
        NegativeAmount => "The amount cannot be negative.", "金額にマイナスは入力できません。";
        AmountTooLargeForPlan =>
            "That is more than 1,000,000,000,000,000, the largest amount a plan holds.",
            "計画で扱える金額の上限（1,000,000,000,000,000）を超えています。";
        WholeAmount => "This currency has no minor unit: enter a whole amount.",
            "この通貨には小数点以下の単位がありません。整数で入力してください。";
        EnterPercentage => "Enter a percentage, such as 12.5.",
            "12.5のように割合（%）を入力してください。";
        EnterNumber => "Enter a number.", "数値を入力してください。";
        NegativeNumber => "The number cannot be negative.", "マイナスの数値は入力できません。";
    }
}

/// A message for a field in the UI's language: `message` is English, as
/// `format::input` and the field's own checks write it.
pub fn input_error(message: &str) -> String {
    match lang() {
        Lang::En => message.to_string(),
        Lang::Ja => japanese(message).unwrap_or_else(|| message.to_string()),
    }
}

/// The text between “ and ” at the start of `message`, if the rest is `tail`.
fn quoted<'a>(message: &'a str, tail: &str) -> Option<&'a str> {
    message
        .strip_prefix('\u{201c}')?
        .strip_suffix(tail)?
        .strip_suffix('\u{201d}')
}

fn japanese(message: &str) -> Option<String> {
    if let Some(key) = FieldText::all().iter().find(|k| k.en() == message) {
        return Some(key.ja().to_string());
    }
    if let Some(text) = quoted(message, " is not an amount, type digits such as 1,200,000.") {
        return Some(format!(
            "「{text}」は金額として読み取れません。1,200,000のように数字で入力してください。"
        ));
    }
    if let Some(text) = quoted(message, " is too large.") {
        return Some(format!("「{text}」は大きすぎます。"));
    }
    if let Some(text) = quoted(message, " is not a percentage: type a number such as 12.5.") {
        return Some(format!(
            "「{text}」は割合として読み取れません。12.5のように数値で入力してください。"
        ));
    }
    if let Some(text) = quoted(message, " is not a number such as 0.8.") {
        return Some(format!(
            "「{text}」は数値として読み取れません。0.8のように入力してください。"
        ));
    }
    if let Some(range) = message
        .strip_prefix("Enter a whole number from ")
        .and_then(|m| m.strip_suffix('.'))
    {
        let (min, max) = range.split_once(" to ")?;
        let (min, max) = (min.parse::<i64>().ok()?, max.parse::<i64>().ok()?);
        return Some(format!("{min}～{max}の整数を入力してください。"));
    }
    if let Some(n) = message
        .strip_prefix("Enter at most ")
        .and_then(|m| m.strip_suffix(" decimals."))
    {
        let n = n.parse::<u32>().ok()?;
        return Some(format!("小数点以下は{n}桁までで入力してください。"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::input::{parse_amount, parse_number, parse_percent, parse_whole};
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        assert_translated::<FieldText>();
    }

    /// Every message the parsers give has its Japanese: a change of their
    /// English shows here. (The typed text is quoted as typed, so it has no
    /// Latin word here.)
    #[test]
    fn every_parse_message_reads_in_japanese() {
        let messages = [
            parse_amount("", 0),
            parse_amount("-5", 0),
            parse_amount("12x", 0),
            parse_amount("1.5", 0),
            parse_amount("1.555", 2),
            parse_amount("99999999999999999999999999999999", 0),
            parse_amount("2000000000000000", 0),
            parse_percent("", false),
            parse_percent("x%", false),
        ]
        .into_iter()
        .map(|r| r.map(drop))
        .chain([
            parse_number("").map(drop),
            parse_number("-1").map(drop),
            parse_number("0.8x").map(drop),
            parse_whole("x", 0, 120).map(drop),
            parse_whole("500", -120, 120).map(drop),
        ])
        .map(|r| r.unwrap_err());
        for message in messages {
            let ja = japanese(&message).unwrap_or_else(|| panic!("no Japanese for {message:?}"));
            assert!(reads_as_japanese(&ja), "{message:?}: {ja:?}");
        }
        assert_eq!(
            japanese("\u{201c}abc\u{201d} is not an amount, type digits such as 1,200,000.")
                .as_deref(),
            Some("「abc」は金額として読み取れません。1,200,000のように数字で入力してください。")
        );
        assert_eq!(
            japanese("Enter a whole number from -120 to 120.").as_deref(),
            Some("-120～120の整数を入力してください。")
        );
    }

    #[test]
    fn english_and_unknown_messages_are_kept() {
        set_lang(Lang::En);
        assert_eq!(input_error("Enter a number."), "Enter a number.");
        set_lang(Lang::Ja);
        assert_eq!(input_error("Enter a number."), "数値を入力してください。");
        assert_eq!(
            input_error("A band needs a level."),
            "A band needs a level."
        );
        set_lang(Lang::En);
    }
}
