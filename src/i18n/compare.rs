//! The texts of the compare part of the planner.

use super::{Lang, lang};

crate::texts! {
    pub enum CompareText {
        Title => "Compare scenarios", "シナリオの比較";
        Period => "Period", "期間";
        WholeHorizon => "Whole horizon", "計画期間全体";
        FixFirst => "Fix these first:", "先に次の問題を修正してください：";
        DownloadCsv => "Download the comparison (CSV)", "比較結果をダウンロード（CSV）";
        MonthlyChart => "Monthly total by scenario", "シナリオ別の月次合計";
        MonthlyChartNote => "Every scenario's total cost, month by month.",
            "各シナリオの費用合計を月ごとに表示します。";
        MonthlyChartEmpty => "No costs in any scenario yet.", "どのシナリオにもまだ費用がありません。";
        /// After the base scenario's name in the table's head.
        BaseTag => " (base)", "（基準）";
        HeadsFteAtEnd => "Heads / FTE at the end", "期末の人数／FTE";
        CostPerEngineer => "Cost per engineer", "エンジニア1人あたり費用";
        CloudPerEngineer => "Cloud cost per engineer", "エンジニア1人あたりクラウド費用";
        BridgeTitle => "Where the difference comes from", "差異の内訳";
        BridgeOther => "From the base to", "基準シナリオと比べるシナリオ";
        BreakDownBy => "Break down by", "内訳の切り口";
        ByCategory => "By category", "費目別";
        ByTeam => "By team", "チーム別";
        NoBridge => "Add a second scenario to see a bridge.",
            "差異分析を表示するには、2つ目のシナリオを追加してください。";
        Difference => "Difference", "差額";
    }
}

/// While a large plan's scenarios are forecast between frames: "Computing
/// the scenarios: 45 %".
pub fn computing(percent: u32) -> String {
    match lang() {
        Lang::En => format!("Computing the scenarios: {percent} %"),
        Lang::Ja => format!("シナリオを計算しています：{percent}%"),
    }
}

/// The table's caption: what its figures are in and what is under them.
pub fn table_caption(code: &str) -> String {
    match lang() {
        Lang::En => format!("{code}; under each figure, its difference from the base scenario"),
        Lang::Ja => format!("単位：{code}。各数値の下は基準シナリオとの差額です"),
    }
}

/// A difference in % after the amount: " (+18.39 %)"; `signed` carries its
/// sign ("+18.39", "−2.50", "0").
pub fn difference_pct(signed: &str) -> String {
    match lang() {
        Lang::En => format!(" ({signed} %)"),
        Lang::Ja => format!("（{signed}%）"),
    }
}

/// A locked scenario's mark in the table's head: " 🔒 2026-04-01" /
/// " 🔒 2026年4月1日".
pub fn locked_mark(day: crate::model::Date) -> String {
    match lang() {
        Lang::En => format!(" 🔒 {}", super::format::date_in(day, Lang::En)),
        Lang::Ja => format!(" 🔒 {}", super::format::date_in(day, Lang::Ja)),
    }
}

/// A bar's tooltip in the bridge: "Base: ¥120,000,000".
pub fn labelled(name: &str, figure: &str) -> String {
    match lang() {
        Lang::En => format!("{name}: {figure}"),
        Lang::Ja => format!("{name}：{figure}"),
    }
}

/// The bridge drawing's text for screen readers.
pub fn bridge_label(from: &str, to: &str) -> String {
    match lang() {
        Lang::En => {
            format!("Bridge from {from} to {to}; the table below gives the exact steps.")
        }
        Lang::Ja => format!("「{from}」から「{to}」への差異分析。正確な内訳は下の表のとおりです。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};
    use crate::model::Date;

    #[test]
    fn translated() {
        assert_translated::<CompareText>();
    }

    #[test]
    fn sentences_in_each_language() {
        let day = Date::new(2026, 4, 1).unwrap();
        set_lang(Lang::En);
        assert_eq!(
            table_caption("JPY"),
            "JPY; under each figure, its difference from the base scenario"
        );
        assert_eq!(difference_pct("+18.39"), " (+18.39 %)");
        assert_eq!(computing(45), "Computing the scenarios: 45 %");
        assert_eq!(labelled("Base", "¥1"), "Base: ¥1");
        assert_eq!(locked_mark(day), " 🔒 1 Apr 2026");
        assert_eq!(
            bridge_label("Base", "Lean"),
            "Bridge from Base to Lean; the table below gives the exact steps."
        );
        set_lang(Lang::Ja);
        assert_eq!(difference_pct("\u{2212}2.50"), "（\u{2212}2.50%）");
        assert_eq!(locked_mark(day), " 🔒 2026年4月1日");
        assert_eq!(labelled("基準", "¥1"), "基準：¥1");
        for text in [
            table_caption("JPY"),
            bridge_label("基準", "採用抑制"),
            computing(45),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
        }
        set_lang(Lang::En);
    }
}
