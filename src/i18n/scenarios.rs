//! The texts of the scenarios part of the planner: the list of scenarios,
//! the what-if adjustments, the copy into next year, and what the model
//! says when it refuses a change of scenarios (`model::scenarios`, which
//! speaks English; its messages are recognised here by their known forms).

use super::format::date;
use super::{Lang, lang};
use crate::model::Date;

crate::texts! {
    pub enum ScenariosText {
        Title => "Budget scenarios", "予算シナリオ";
        Hint => "Compared with the base scenario in Compare", "「比較」で基準シナリオと比較します";
        Lock => "Lock", "ロック";
        Actions => "Actions", "操作";
        NewBlank => "New blank scenario", "新しい空のシナリオ";
        Placeholder => "Hiring freeze", "採用凍結";
        Add => "Add scenario", "シナリオを追加";
        Shown => "Shown", "表示中";
        ConfirmDelete => "Delete this scenario? ", "このシナリオを削除しますか？ ";
        Show => "Show", "表示";
        MoveUp => "Move up", "上へ移動";
        MoveDown => "Move down", "下へ移動";
        ResetAll => "Reset all", "すべてリセット";
        AdjustIntro => "They change this scenario's forecast without editing its rows, and are undone by setting them back to 0 (or empty).",
            "行を編集せずにこのシナリオの予測を変えます。0（または空欄）に戻すと元に戻ります。";
        Slip => "Slip every open and planned hire", "募集中・採用予定の入社時期をずらす";
        SlipUnit => "months (+ later, − earlier)", "か月（＋で後ろ、−で前）";
        CloudGrowth => "Cloud growth", "クラウド費用の成長率";
        CloudGrowthUnit => "points a month (±)", "ポイント／月（±）";
        Raise => "Raise", "昇給率";
        RaiseUnit => "points (±)", "ポイント（±）";
        Attrition => "Attrition", "離職率";
        AttritionUnit => "% a year (empty: as planned)", "%／年（空欄：計画どおり）";
        NextYear => "Copy into next year", "翌年度の計画にコピー";
        NextYearIntro => "Makes a new plan from the scenario shown, its horizon a year later, with every salary, band and cloud baseline changed by the percentages below. This plan stays as it is.",
            "表示中のシナリオから、期間を1年後ろにずらした新しい計画を作ります。給与・給与レンジ・クラウドのベースラインは、下の変更率で一律に変わります。この計画はそのまま残ります。";
        Salaries => "Salaries and bands", "給与と給与レンジ";
        CloudBaselines => "Cloud baselines", "クラウドのベースライン";
        PercentChange => "% (±)", "%（±）";
        CopyNew => "Copy into a new plan", "新しい計画にコピー";
    }
}

/// The label of a scenario's name input, by its number in the list.
pub fn name_label(number: usize) -> String {
    match lang() {
        Lang::En => format!("Name of scenario {number}"),
        Lang::Ja => format!("シナリオ{number}の名前"),
    }
}

/// The label of the radio button that makes a scenario the base.
pub fn compare_with(name: &str) -> String {
    match lang() {
        Lang::En => format!("Compare with {name}"),
        Lang::Ja => format!("「{name}」を比較の基準にする"),
    }
}

/// The lock button of a locked scenario.
pub fn locked_on(day: Date) -> String {
    match lang() {
        Lang::En => format!("🔒 Locked on {} · Unlock", date(day)),
        Lang::Ja => format!("🔒 {}にロック · 解除", date(day)),
    }
}

/// The heading of the adjustments of the scenario shown.
pub fn adjustments_of(name: &str) -> String {
    match lang() {
        Lang::En => format!("What-if adjustments of \u{201c}{name}\u{201d}"),
        Lang::Ja => format!("「{name}」の試算用の調整"),
    }
}

/// The name of next year's plan made from this one: the model names it
/// "Plan (next year)"; `None` keeps that name.
pub fn next_year_name(plan_name: &str) -> Option<String> {
    match lang() {
        Lang::En => None,
        Lang::Ja => Some(format!("{plan_name}（翌年度）")),
    }
}

/// "“Name”" as the model quotes a name, and the rest of the message.
fn quoted(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix('\u{201c}')?;
    rest.rsplit_once('\u{201d}')
}

/// What the model says when it refuses a change of scenarios or next
/// year's plan, in the current language. A message it does not know (one
/// already translated elsewhere) is returned as it is.
pub fn scenario_error(message: &str) -> String {
    if lang() == Lang::En {
        return message.to_string();
    }
    let fixed = match message {
        "A scenario needs a name." => Some("シナリオ名を入力してください。"),
        "A plan needs at least one scenario: this is the last one." => {
            Some("計画にはシナリオが1つ以上必要です。これが最後のシナリオです。")
        }
        "The next year would start after the year 9999." => {
            Some("翌年度が9999年より後に始まるため、作成できません。")
        }
        _ => None,
    };
    if let Some(text) = fixed {
        return text.to_string();
    }
    if let Some(name) = message
        .strip_prefix("There is already a scenario named \u{201c}")
        .and_then(|m| m.strip_suffix("\u{201d}."))
    {
        return format!("「{name}」という名前のシナリオはすでにあります。");
    }
    if let Some(n) = message
        .strip_prefix("There is no scenario number ")
        .and_then(|m| m.strip_suffix('.'))
    {
        return format!("{n}番目のシナリオはありません。");
    }
    if let Some((name, rest)) = quoted(message) {
        match rest {
            " is locked: unlock it before deleting it." => {
                return format!(
                    "「{name}」はロックされています。削除するにはロックを解除してください。"
                );
            }
            " is not locked." => return format!("「{name}」はロックされていません。"),
            _ => {}
        }
        if let Some(day) = rest
            .strip_prefix(" has been locked since ")
            .and_then(|d| d.strip_suffix('.'))
            .and_then(|d| d.parse::<Date>().ok())
        {
            return format!("「{name}」は{}からロックされています。", date(day));
        }
    }
    let what = |en: &str| match en {
        "salaries" => Some("給与"),
        "cloud costs" => Some("クラウド費用"),
        _ => None,
    };
    if let Some((pct, rest)) = message
        .strip_prefix("A change of ")
        .and_then(|m| m.split_once(" % "))
    {
        if let Some(thing) = rest
            .strip_prefix("would leave no ")
            .and_then(|r| r.split_once(':'))
            .and_then(|(w, _)| what(w))
        {
            return format!(
                "{thing}を{pct}%変更すると0以下になります。−100%より大きい値を入力してください。"
            );
        }
        if let Some(thing) = rest
            .strip_prefix("to ")
            .and_then(|r| r.strip_suffix(" is too large."))
            .and_then(what)
        {
            return format!("{thing}の変更率{pct}%が大きすぎます。");
        }
    }
    if let Some((thing, amount)) = message
        .strip_prefix("The change to ")
        .and_then(|m| m.strip_suffix(" beyond the limit of 10^15."))
        .and_then(|m| m.split_once(" would take "))
        && let Some(thing) = what(thing)
    {
        return format!("{thing}を変更すると、{amount}が上限（10^15）を超えます。");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_japanese, set_lang};
    use crate::model::{Plan, YearMonth, generate_plan};
    use rust_decimal::Decimal;

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<ScenariosText>();
    }

    fn in_japanese(error: String) -> String {
        set_lang(Lang::Ja);
        let ja = scenario_error(&error);
        set_lang(Lang::En);
        assert_eq!(
            scenario_error(&error),
            error,
            "English as the model says it"
        );
        ja
    }

    #[test]
    fn the_models_refusals_in_japanese() {
        // Base, Aggressive, Conservative.
        let mut plan = generate_plan(2, 12, 3, 1);
        let day = Date::new(2026, 4, 1).unwrap();
        plan.lock_scenario(1, day).unwrap();
        let huge = Decimal::from(5 * 10_i64.pow(14));
        let mut big = plan.clone();
        big.scenarios[0].bands[0].max = huge;
        let mut late = Plan::blank("P", "JPY", 4, YearMonth::new(9999, 1).unwrap(), 12);
        let cases = [
            (
                plan.add_scenario(" ").unwrap_err(),
                "シナリオ名を入力してください。",
            ),
            (
                plan.add_scenario("Base").unwrap_err(),
                "「Base」という名前のシナリオはすでにあります。",
            ),
            (
                plan.set_base_scenario(7).unwrap_err(),
                "8番目のシナリオはありません。",
            ),
            (
                plan.delete_scenario(1).unwrap_err(),
                "「Aggressive」はロックされています。削除するにはロックを解除してください。",
            ),
            (
                plan.lock_scenario(1, day).unwrap_err(),
                "「Aggressive」は2026年4月1日からロックされています。",
            ),
            (
                plan.unlock_scenario(0).unwrap_err(),
                "「Base」はロックされていません。",
            ),
            (
                late.next_year_plan(0, Decimal::ZERO, Decimal::ZERO)
                    .unwrap_err(),
                "翌年度が9999年より後に始まるため、作成できません。",
            ),
            (
                plan.next_year_plan(0, Decimal::from(-100), Decimal::ZERO)
                    .unwrap_err(),
                "給与を-100%変更すると0以下になります。−100%より大きい値を入力してください。",
            ),
            (
                "A change of 1 % to cloud costs is too large.".to_string(),
                "クラウド費用の変更率1%が大きすぎます。",
            ),
            (
                big.next_year_plan(0, Decimal::from(900), Decimal::ZERO)
                    .unwrap_err(),
                "給与を変更すると、",
            ),
        ];
        for (error, expected) in cases {
            let ja = in_japanese(error.clone());
            assert!(ja.contains(expected), "{error} → {ja}");
            assert!(
                reads_as_japanese(&ja.replace("Base", "").replace("Aggressive", "")),
                "{ja}"
            );
        }
        assert_eq!(
            in_japanese(late.delete_scenario(0).unwrap_err()),
            "計画にはシナリオが1つ以上必要です。これが最後のシナリオです。"
        );
        // Already translated, or unknown: shown as it is.
        assert_eq!(in_japanese("未知のエラー".into()), "未知のエラー");
    }

    #[test]
    fn texts_with_figures() {
        let day = Date::new(2026, 4, 1).unwrap();
        set_lang(Lang::Ja);
        assert_eq!(locked_on(day), "🔒 2026年4月1日にロック · 解除");
        assert_eq!(name_label(2), "シナリオ2の名前");
        assert_eq!(compare_with("基準"), "「基準」を比較の基準にする");
        assert_eq!(adjustments_of("基準"), "「基準」の試算用の調整");
        assert_eq!(next_year_name("予算").as_deref(), Some("予算（翌年度）"));
        set_lang(Lang::En);
        assert_eq!(locked_on(day), "🔒 Locked on 1 Apr 2026 · Unlock");
        assert_eq!(name_label(2), "Name of scenario 2");
        assert_eq!(compare_with("Base"), "Compare with Base");
        assert_eq!(
            adjustments_of("Base"),
            "What-if adjustments of \u{201c}Base\u{201d}"
        );
        assert_eq!(next_year_name("Budget"), None);
    }
}
