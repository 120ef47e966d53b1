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
        CostPerEngineer => "Cost per engineer per year", "エンジニア1人あたり年間費用";
        CloudPerEngineer => "Cloud cost per engineer per year", "エンジニア1人あたり年間クラウド費用";
        BridgeTitle => "Where the difference comes from", "差異の内訳";
        BridgeOther => "From the base to", "基準シナリオと比べるシナリオ";
        BreakDownBy => "Break down by", "内訳の切り口";
        ByCategory => "By category", "費目別";
        ByTeam => "By team", "チーム別";
        NoBridge => "Add a second scenario to see a bridge.",
            "差異分析を表示するには、2つ目のシナリオを追加してください。";
        Difference => "Difference", "差額";
        /// Under the table: how "per engineer per year" is computed.
        PerYearNote => "Per engineer per year: the period's cost ÷ its average FTE × 12 ÷ its months, rounded once.",
            "1人あたり年間費用＝期間の費用÷平均FTE×12÷月数（端数は最後に1回だけ四捨五入）";
        AssumptionsTitle => "Assumptions and what-ifs", "前提条件と試算用の調整";
        AssumptionsNote => "The values the forecast uses, what-if adjustments included; the adjustments themselves are listed below them. A figure that differs from the base scenario's is marked.",
            "予測に使われる値です（試算用の調整を反映済み）。調整の内容は下段に示します。基準シナリオと異なる値には印を付けています。";
        Assumptions => "Assumptions", "前提条件";
        RaiseRow => "Raise (a year)", "昇給率（年率）";
        AttritionRow => "Attrition (a year)", "離職率（年率）";
        WhatIfs => "What-if adjustments", "試算用の調整";
        SlipRow => "Hires slipped by", "採用時期のずれ";
        RaisePointsRow => "Raise ±", "昇給率の調整";
        CloudPointsRow => "Cloud growth ±", "クラウド費用の伸び率の調整";
        AttritionOverrideRow => "Attrition replaced by", "離職率の置き換え";
        FxRow => "Exchange rates ±", "為替レートの調整";
        NoAdjustment => "None", "なし";
        RatesInPeriod => "Exchange rates in the period", "期間中の為替レート";
        NoRate => "—", "—";
        DiffersMark => "differs from the base", "基準と異なる";
    }
}

/// The row of hires in the period: "Hires in FY2026" / "2026年度の採用数";
/// `None`: the whole horizon.
pub fn hires_in(fiscal_year: Option<&str>) -> String {
    match (lang(), fiscal_year) {
        (Lang::En, Some(year)) => format!("Hires in {year}"),
        (Lang::En, None) => "Hires in the whole horizon".to_string(),
        (Lang::Ja, Some(year)) => format!("{year}の採用数"),
        (Lang::Ja, None) => "計画期間全体の採用数".to_string(),
    }
}

/// A team's own attrition row: "Attrition (a year): Data".
pub fn team_attrition(team: &str) -> String {
    match lang() {
        Lang::En => format!("Attrition (a year): {team}"),
        Lang::Ja => format!("離職率（年率）：{team}"),
    }
}

/// Under a bridge whose value axis is cut: "The axis is cut: it starts at
/// 1.90B, not at zero." / "縦軸は0ではなく19億から始まります（途中を省略）。"
pub fn axis_cut(first_tick: &str) -> String {
    match lang() {
        Lang::En => format!("The axis is cut: it starts at {first_tick}, not at zero."),
        Lang::Ja => format!("縦軸は0ではなく{first_tick}から始まります（途中を省略）。"),
    }
}

/// A cloud line's growth row: "Cloud growth: Data warehouse".
pub fn cloud_growth_of(line: &str) -> String {
    match lang() {
        Lang::En => format!("Cloud growth: {line}"),
        Lang::Ja => format!("クラウド費用の伸び率：{line}"),
    }
}

/// A currency's row: "Exchange rate: USD" / "為替レート：USD".
pub fn rate_of(currency: &str) -> String {
    match lang() {
        Lang::En => format!("Exchange rate: {currency}"),
        Lang::Ja => format!("為替レート：{currency}"),
    }
}

/// A cloud line's growth: "2.1 % a month (28.32 % a year)" /
/// "月2.1%（年28.32%）".
pub fn monthly_growth(monthly: &str, annual: Option<&str>) -> String {
    match (lang(), annual) {
        (Lang::En, Some(a)) => format!("{monthly} % a month ({a} % a year)"),
        (Lang::En, None) => format!("{monthly} % a month"),
        (Lang::Ja, Some(a)) => format!("月{monthly}%（年{a}%）"),
        (Lang::Ja, None) => format!("月{monthly}%"),
    }
}

/// Hires slipped: "+2 months", "−1 month" / "+2か月".
pub fn slip_months(months: i32) -> String {
    let sign = match months.signum() {
        1 => "+",
        -1 => "\u{2212}",
        _ => "",
    };
    let n = months.unsigned_abs();
    match lang() {
        Lang::En if n == 1 => format!("{sign}{n} month"),
        Lang::En => format!("{sign}{n} months"),
        Lang::Ja => format!("{sign}{n}か月"),
    }
}

/// Percentage points: "+1.5 points", "+1 point" / "+1.5ポイント";
/// `signed` carries its sign.
pub fn points(signed: &str) -> String {
    match lang() {
        Lang::En if is_one(signed) => format!("{signed} point"),
        Lang::En => format!("{signed} points"),
        Lang::Ja => format!("{signed}ポイント"),
    }
}

/// Percentage points on a monthly rate: "+0.5 points a month" / "月+0.5ポイント".
pub fn points_a_month(signed: &str) -> String {
    match lang() {
        Lang::En if is_one(signed) => format!("{signed} point a month"),
        Lang::En => format!("{signed} points a month"),
        Lang::Ja => format!("月{signed}ポイント"),
    }
}

/// "+1" or "−1": English says "point", not "points".
fn is_one(signed: &str) -> bool {
    signed.trim_start_matches(['+', '\u{2212}']) == "1"
}

/// A signed percentage: "+10 %" / "+10%".
pub fn signed_percent(signed: &str) -> String {
    match lang() {
        Lang::En => format!("{signed} %"),
        Lang::Ja => format!("{signed}%"),
    }
}

/// One step of a rate path: "165 from Apr 2026" / "2026年4月から165".
pub fn rate_from(rate: &str, month: &str) -> String {
    match lang() {
        Lang::En => format!("{rate} from {month}"),
        Lang::Ja => format!("{month}から{rate}"),
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
        assert_eq!(
            monthly_growth("2.1", Some("28.32")),
            "2.1 % a month (28.32 % a year)"
        );
        assert_eq!(rate_from("165", "Apr 2026"), "165 from Apr 2026");
        assert_eq!(slip_months(-1), "\u{2212}1 month");
        assert_eq!(slip_months(2), "+2 months");
        assert_eq!(points("+1"), "+1 point");
        assert_eq!(points("\u{2212}1.5"), "\u{2212}1.5 points");
        assert_eq!(points_a_month("+0.5"), "+0.5 points a month");
        assert_eq!(locked_mark(day), " 🔒 1 Apr 2026");
        assert_eq!(
            bridge_label("Base", "Lean"),
            "Bridge from Base to Lean; the table below gives the exact steps."
        );
        set_lang(Lang::Ja);
        assert_eq!(difference_pct("\u{2212}2.50"), "（\u{2212}2.50%）");
        assert_eq!(locked_mark(day), " 🔒 2026年4月1日");
        assert_eq!(labelled("基準", "¥1"), "基準：¥1");
        assert_eq!(monthly_growth("2.1", Some("28.32")), "月2.1%（年28.32%）");
        assert_eq!(rate_from("165", "2026年4月"), "2026年4月から165");
        assert_eq!(hires_in(Some("2026年度")), "2026年度の採用数");
        for text in [
            table_caption("JPY"),
            bridge_label("基準", "採用抑制"),
            computing(45),
            hires_in(Some("2026年度")),
            hires_in(None),
            team_attrition("データ"),
            cloud_growth_of("本番環境"),
            rate_of("USD"),
            slip_months(2),
            points("+1.5"),
            points_a_month("+0.5"),
            signed_percent("+10"),
            axis_cut("19億"),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
        }
        set_lang(Lang::En);
    }
}
