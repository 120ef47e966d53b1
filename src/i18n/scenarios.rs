//! The texts of the scenarios part of the planner: the list of scenarios,
//! the what-if adjustments and the copy into next year. What the model says
//! when it refuses a change of scenarios is a `model::Problem`, written in
//! the current language by `i18n::problems::refusal`.

use super::format::date;
use super::{Lang, lang};
use crate::model::Date;

crate::texts! {
    pub enum ScenariosText {
        Title => "Budget scenarios", "予算シナリオ";
        Hint => "Compared with the base scenario in Compare", "「比較」で基準シナリオと比較します";
        Lock => "Lock", "ロック";
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_lang;

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<ScenariosText>();
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
