//! The texts of the cloud part of the planner.

use super::{Lang, lang};

crate::texts! {
    pub enum CloudText {
        Title => "Cloud", "クラウド費用";
        CloudLines => "Cloud lines", "クラウド明細";
        NoLines => "No cloud lines yet. Add one for each bill you forecast (compute, storage, data, ...).",
            "クラウド明細はまだありません。見込む請求ごとに1件ずつ追加してください（コンピュート、ストレージ、データ基盤など）。";
        AddLine => "Add cloud line", "クラウド明細を追加";
        ProblemsFirst => "The totals appear once these problems are fixed:",
            "次の問題を修正すると、合計が表示されます：";
        DevEnvironments => "Development environments and CI", "開発環境・CI";
        CloudTotal => "Cloud total", "クラウド費用合計";
        PerActiveFteMonth => "per active FTE per month", "稼働FTE1人あたり月額";
        DevEnvironmentsHint => "Booked for every position by its FTE and the days it is active in the month.",
            "各ポジションのFTEと、その月の稼働日数に応じて計上します。";
        // One cloud line.
        Line => "Line", "明細名";
        PickCategory => "Pick a category.", "費目を選んでください。";
        Up => "\u{2191} Up", "\u{2191} 上へ";
        Down => "\u{2193} Down", "\u{2193} 下へ";
        DeleteLine => "Delete line", "明細を削除";
        OnDemand => "On-demand cost, first month", "オンデマンド費用（初月）";
        Growth => "Growth", "成長率";
        PctAMonth => "% a month", "%／月";
        Commitment => "Commitment", "コミットメント割引";
        NoCommitment => "None: every month at on-demand prices.",
            "なし：毎月オンデマンド料金で計算します。";
        AddCommitment => "Add commitment", "コミットメント割引を追加";
        Coverage => "Coverage", "適用率";
        PctOfOnDemand => "% of on-demand", "%（オンデマンド費用に対する割合）";
        Discount => "Discount", "割引率";
        PctOnCovered => "% on the covered part", "%（適用部分に対する割引）";
        From => "From", "開始月";
        RemoveCommitment => "Remove commitment", "コミットメント割引を削除";
        Savings => "Savings initiatives", "削減施策";
        OneOffs => "One-offs", "一時費用";
        Projection => "Projection", "見通し";
        // A line's lists.
        Initiative => "Initiative", "施策名";
        Reduction => "Reduction (%)", "削減率（%）";
        /// One row of the savings list, for its buttons.
        SavingRow => "savings initiative", "削減施策";
        OneOffMonth => "Month", "計上月";
        /// The one-offs' amount column: in the line's currency, which each
        /// cell names.
        OneOffAmountColumn => "Amount", "金額";
        Note => "Note", "メモ";
        /// One row of the one-offs list, for its buttons.
        OneOffRow => "one-off", "一時費用";
        // A line's curve.
        MonthByMonth => "Month by month", "月ごとの金額";
    }
}

/// A fiscal year only partly inside the plan's horizon: "FY2029 (3 months
/// in the plan)".
pub fn partial_year(year: &str, months: usize) -> String {
    match lang() {
        Lang::En => format!("{year} ({months} months in the plan)"),
        Lang::Ja => format!("{year}（計画内は{months}か月）"),
    }
}

/// The card's note on the scenario it shows: "Scenario “Base”".
pub fn of_scenario(name: &str) -> String {
    match lang() {
        Lang::En => format!("Scenario \u{201c}{name}\u{201d}"),
        Lang::Ja => format!("シナリオ「{name}」"),
    }
}

/// A line's growth in a year: "≈ 26.8 % a year".
pub fn growth_a_year(pct: &str) -> String {
    match lang() {
        Lang::En => format!("\u{2248} {pct} % a year"),
        Lang::Ja => format!("年率 約{pct}%"),
    }
}

/// A line card's name for screen readers: "Cloud line Compute".
pub fn line_label(name: &str) -> String {
    match lang() {
        Lang::En => format!("Cloud line {name}"),
        Lang::Ja => format!("クラウド明細「{name}」"),
    }
}

pub fn move_up(name: &str) -> String {
    match lang() {
        Lang::En => format!("Move {name} up"),
        Lang::Ja => format!("「{name}」を上へ移動"),
    }
}

pub fn move_down(name: &str) -> String {
    match lang() {
        Lang::En => format!("Move {name} down"),
        Lang::Ja => format!("「{name}」を下へ移動"),
    }
}

/// The delete button's accessible name: its visible text ("Delete line",
/// 明細を削除) first, so the name a person says is the one it has.
pub fn delete_line(name: &str) -> String {
    match lang() {
        Lang::En => format!("Delete line {name}"),
        Lang::Ja => format!("明細を削除（{name}）"),
    }
}

/// The lowest and the highest month of a line's curve, in words.
pub fn extremes(low: &str, low_month: &str, high: &str, high_month: &str) -> String {
    match lang() {
        Lang::En => {
            format!("Lowest {low} ({low_month}), highest {high} ({high_month})")
        }
        Lang::Ja => format!("最低 {low}（{low_month}）、最高 {high}（{high_month}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        assert_translated::<CloudText>();
    }

    #[test]
    fn sentences_in_each_language() {
        set_lang(Lang::En);
        assert_eq!(partial_year("FY2029", 3), "FY2029 (3 months in the plan)");
        assert_eq!(of_scenario("Base"), "Scenario \u{201c}Base\u{201d}");
        assert_eq!(growth_a_year("26.8"), "\u{2248} 26.8 % a year");
        assert_eq!(line_label("Compute"), "Cloud line Compute");
        assert_eq!(move_up("Compute"), "Move Compute up");
        assert_eq!(move_down("Compute"), "Move Compute down");
        assert_eq!(delete_line("Compute"), "Delete line Compute");
        assert_eq!(
            extremes("¥1", "Apr 2026", "¥2", "Mar 2027"),
            "Lowest ¥1 (Apr 2026), highest ¥2 (Mar 2027)"
        );
        set_lang(Lang::Ja);
        for text in [
            partial_year("2029年度", 3),
            of_scenario("基準"),
            growth_a_year("26.8"),
            line_label("本番環境"),
            move_up("本番環境"),
            move_down("本番環境"),
            delete_line("本番環境"),
            extremes("¥1", "2026年4月", "¥2", "2027年3月"),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
        }
        set_lang(Lang::En);
    }
}
