//! The texts of the overview part of the planner, and of the charts it
//! shares with the comparison.

use rust_decimal::{Decimal, RoundingStrategy};

use super::problems::problem_text;
use super::{Lang, format, lang};
use crate::model::{PlanError, group_digits};

crate::texts! {
    pub enum OverviewText {
        HasProblems => "The plan has problems to fix before its figures can be shown",
            "数値を表示するには、計画の次の問題を修正してください";
        NothingPlanned => "Nothing planned yet", "まだ何も計画されていません";
        /// The views named in the empty overview, as the navigation names them.
        /// Before the Headcount view's name.
        EmptyLead => "Add positions on ", "「";
        /// Between the Headcount and the Cloud view's names.
        EmptyMiddle => " and cloud lines on ", "」画面でポジションを、「";
        EmptyTail => ". Totals per fiscal year, headcount, cost per engineer and the charts appear here as you go.",
            "」画面でクラウド明細を追加してください。年度ごとの合計、人数、エンジニア1人あたりの費用とグラフがここに表示されます。";
        Partial => "partial", "一部期間";
        NoMonths => "The horizon has no months.", "計画期間に月がありません。";
        NoFte => "No FTE in this year", "この年度のFTEはありません";
        TotalCost => "Total cost", "費用合計";
        CloudCost => "Cloud cost", "クラウド費用";
        HeadsFteAtYearEnd => "Heads / FTE at year end", "年度末の人数／FTE";
        CostPerEngineer => "Cost per engineer", "エンジニア1人あたり費用";
        CloudPerEngineer => "Cloud per engineer", "エンジニア1人あたりクラウド費用";
        Share => "Share", "構成比";
        ShareOfTotal => "Share of total", "合計に占める割合";
        CostChart => "Monthly cost by category", "費目別の月次費用";
        CostChartNote => "Every month of the horizon, stacked by cost category.",
            "計画期間の各月の費用を、費目別に積み上げて表示します。";
        CostChartEmpty => "No costs in the horizon.", "計画期間に費用がありません。";
        HeadcountChart => "Headcount", "人数の推移";
        HeadcountChartNote => "Heads and FTE on each month's last day, and the heads expected once attrition leaves seats empty until their backfill.",
            "各月末時点の人数とFTE、および離職による欠員（補充までの空席）を差し引いた見込み人数です。";
        /// The headcount chart's series of heads less attrition's vacancies.
        ExpectedHeads => "Expected heads (after attrition)", "見込み人数（離職考慮後）";
        HeadcountChartEmpty => "No one is on the plan in the horizon. Add positions on Headcount.",
            "計画期間に計上される人員がいません。「人員」画面でポジションを追加してください。";
        CloudChart => "Cloud spend", "クラウド費用の推移";
        CloudChartNote => "Cloud lines by category, and development environments per engineer.",
            "クラウド明細の区分別費用と、エンジニア1人あたりの開発環境費用です。";
        CloudChartEmpty => "No cloud costs in the horizon. Add cloud lines on Cloud.",
            "計画期間にクラウド費用がありません。「クラウド」画面でクラウド明細を追加してください。";
        /// The cloud chart's series of development environments.
        DevPerEngineer => "Dev environments (per engineer)", "開発環境（エンジニア1人あたり）";
        /// The headcount chart's value axis.
        People => "People", "人数";
        // The monthly cost on the Headcount view (`ui::monthly_cost`).
        MonthlyCost => "Monthly cost", "月次費用";
        /// Before the currency's code and the total.
        TotalOverHorizon => "Total over the horizon ", "計画期間の合計 ";
        /// The period selector's label and choices (`ui::period_select`).
        ShowBy => "Show by", "表示";
        ByMonth => "Months", "月次";
        ByQuarter => "Quarters", "四半期";
        ByHalf => "Halves", "半期";
        ByYear => "Years", "年度";
        /// The overview's table of the year's costs by period.
        ByPeriod => "Costs by period", "期間別の費用";
        HeadsAtPeriodEnd => "Heads at period end", "期末人数";
        // The hiring plan on the Headcount view (`ui::hiring_plan`).
        HiringPlan => "Hiring plan", "採用計画";
        HiringPlanNote => "Planned hires (open and planned positions starting in the period) per team, and each team's headcount at the period's end.",
            "チーム別の採用予定数（期間中に開始する募集中・計画中のポジション）と、各期末の人数です。";
        NewHires => "Hires", "採用数";
        Departures => "Departures", "退職者数";
        HeadsAtEnd => "Headcount at period end", "期末人員";
        NoTeams => "The scenario has no teams.", "このシナリオにはチームがありません。";
    }
}

/// A period of the horizon, as a column or a strip names it: "Apr 2026" /
/// "2026年4月", "FY2026 Q1" / "2026年度 第1四半期", "FY2026 H2" / "2026年度
/// 下期", "FY2026" / "2026年度".
pub fn period_label(
    period: &crate::model::periods::Period,
    start_month: u8,
    months: &[crate::model::YearMonth],
) -> String {
    use crate::model::periods::{Granularity, Slot};
    let year = format::fiscal_year(period.year);
    let slot = match period.granularity {
        Granularity::Months => {
            return months
                .get(period.first_month)
                .map(|m| format::month(*m))
                .unwrap_or_default();
        }
        Granularity::Quarters => Slot::Quarter(period.number),
        Granularity::Halves => Slot::Half(period.number),
        Granularity::Years => return year,
    };
    format!("{year} {}", super::finance::slot(slot, start_month))
}

/// A period's short name inside one fiscal year: "Apr" / "4月", "Q1" /
/// "第1四半期", "H1" / "上期", "FY total" / "通期".
pub fn period_short(period: &crate::model::periods::Period, start_month: u8) -> String {
    use crate::model::periods::{Granularity, Slot};
    let slot = match period.granularity {
        Granularity::Months => Slot::Month(period.number),
        Granularity::Quarters => Slot::Quarter(period.number),
        Granularity::Halves => Slot::Half(period.number),
        Granularity::Years => Slot::Year,
    };
    super::finance::slot(slot, start_month)
}

/// An amount in a display unit, with the unit: "¥1,940,679,422",
/// "¥1,940,679K" / "1,940,679千円", "$1,234M" / "1,234百万米ドル". The
/// currency's own unit is exact; the others round the exact total once.
pub fn amount_in(
    minor: i128,
    currency: crate::model::Currency,
    unit: crate::model::units::Unit,
) -> String {
    use crate::model::units::Unit;
    if unit == Unit::One {
        return format::money(minor, currency);
    }
    let figure = unit.grouped(minor, currency);
    match lang() {
        Lang::En => {
            let name = unit.name_en(currency);
            // "¥K" → "¥1,941K"; "CHF K" → "CHF 1,941K".
            let (symbol, suffix) = name.split_at(name.len() - 1);
            let (sign, digits) = match figure.strip_prefix('-') {
                Some(d) => ("-", d),
                None => ("", figure.as_str()),
            };
            format!("{sign}{symbol}{digits}{suffix}")
        }
        Lang::Ja => format!("{figure}{}", unit.name_ja(currency)),
    }
}

crate::texts! {
    /// The charts' own words (`ui::charts`).
    pub enum ChartText {
        Table => "Table", "表";
        HideTable => "Hide table", "表を閉じる";
    }
}

/// The KPI's note on the months of the year shown: "Apr 2026 – Mar 2027 ·
/// 12 months", or "… · partial: 9 of 12 months".
pub fn months_note(span: &str, partial: bool, months: usize) -> String {
    match (lang(), partial) {
        (Lang::En, true) => format!("{span} · partial: {months} of 12 months"),
        (Lang::En, false) => format!("{span} · 12 months"),
        (Lang::Ja, true) => format!("{span} · 一部期間：12か月中{months}か月"),
        (Lang::Ja, false) => format!("{span} · 12か月"),
    }
}

/// A count of people or FTE that need not be whole, as read on screen: at
/// most two decimals (rounded half away from zero), digits grouped: "12.5",
/// "4.8", "1,234.57". Files keep their own precision.
pub fn people_figure(value: Decimal) -> String {
    let shown = value
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    group_digits(&shown.to_string())
}

/// How a per-engineer figure is computed: "Total cost ÷ average FTE 12.5"
/// (the average with at most two decimals).
pub fn per_average_fte(what: &str, average_fte: Decimal) -> String {
    let fte = people_figure(average_fte);
    match lang() {
        Lang::En => format!("{what} ÷ average FTE {fte}"),
        Lang::Ja => format!("{what} ÷ 平均FTE {fte}"),
    }
}

/// The year's hires and planned departures (positions whose end date is
/// in the year).
pub fn hires_and_departures(
    hires: impl std::fmt::Display,
    departures: impl std::fmt::Display,
) -> String {
    match lang() {
        Lang::En => format!("Hires {hires} · planned departures {departures} in the year"),
        Lang::Ja => format!("年度内の採用 {hires}名・退職予定 {departures}名"),
    }
}

/// The year's departures expected at the scenario's attrition rate:
/// "Expected departures at 8 % attrition: 4.8". `team_rates`: some team
/// leaves at a rate of its own, which the figure includes.
pub fn expected_departures(rate_pct: Decimal, team_rates: bool, expected: Decimal) -> String {
    let rate = format::percent(rate_pct);
    let people = people_figure(expected);
    match (lang(), team_rates) {
        (Lang::En, false) => format!("Expected departures at {rate} attrition: {people}"),
        (Lang::En, true) => {
            format!("Expected departures at {rate} attrition and teams' own rates: {people}")
        }
        (Lang::Ja, false) => format!("離職率{rate}での想定退職者数 {people}名"),
        (Lang::Ja, true) => {
            format!("離職率{rate}（チーム別の離職率を含む）での想定退職者数 {people}名")
        }
    }
}

/// The caption of the category table: "FY2026 cost by category, JPY".
pub fn category_caption(year: &str, code: &str) -> String {
    match lang() {
        Lang::En => format!("{year} cost by category, {code}"),
        Lang::Ja => format!("{year}の費目別費用（{code}）"),
    }
}

/// A heading with its unit: "Amount (JPY)" / "金額（JPY）".
pub fn with_unit(label: &str, unit: &str) -> String {
    match lang() {
        Lang::En => format!("{label} ({unit})"),
        Lang::Ja => format!("{label}（{unit}）"),
    }
}

/// A problem in a list of problems: its path, then what is wrong.
pub fn problem_line(error: &PlanError) -> String {
    let text = problem_text(error);
    if error.path.is_empty() {
        text
    } else {
        format!("{}: {text}", error.path)
    }
}

/// A chart's text for screen readers.
pub fn chart_label(title: &str) -> String {
    match lang() {
        Lang::En => format!("{title}. The Table button below gives the exact figures."),
        Lang::Ja => format!("{title}。下の「表」ボタンで正確な数値を確認できます。"),
    }
}

/// The caption of a chart's table: "Headcount: exact figures (People)".
pub fn chart_table_caption(title: &str, unit: &str) -> String {
    match lang() {
        Lang::En => format!("{title}: exact figures ({unit})"),
        Lang::Ja => format!("{title}の数値（{unit}）"),
    }
}

/// A bar's tooltip: "Apr 2026 · Bonuses: ¥500,000 (month ¥6,000,000)".
pub fn bar_tip(month: &str, series: &str, value: &str, month_total: Option<&str>) -> String {
    match (lang(), month_total) {
        (Lang::En, Some(total)) => format!("{month} · {series}: {value} (month {total})"),
        (Lang::En, None) => format!("{month} · {series}: {value}"),
        (Lang::Ja, Some(total)) => format!("{month} · {series}：{value}（月合計 {total}）"),
        (Lang::Ja, None) => format!("{month} · {series}：{value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};
    use rust_decimal::dec;

    #[test]
    fn translated() {
        assert_translated::<OverviewText>();
        assert_translated::<ChartText>();
    }

    #[test]
    fn amounts_in_a_unit_and_period_names() {
        use crate::model::Currency;
        use crate::model::periods::{Granularity, periods};
        use crate::model::units::Unit;
        let jpy = Currency::from_code("JPY").unwrap();
        let usd = Currency::from_code("USD").unwrap();
        let months: Vec<crate::model::YearMonth> = (0..12)
            .map(|m| {
                crate::model::YearMonth::new(2026, 4)
                    .unwrap()
                    .add_months(m)
                    .unwrap()
            })
            .collect();
        let quarters = periods(&months, 4, Granularity::Quarters);
        set_lang(Lang::En);
        assert_eq!(amount_in(1_940_679_422, jpy, Unit::One), "¥1,940,679,422");
        assert_eq!(amount_in(1_940_679_422, jpy, Unit::Thousand), "¥1,940,679K");
        assert_eq!(amount_in(-1_500_000, jpy, Unit::Million), "-¥2M");
        assert_eq!(amount_in(123_456_789, usd, Unit::Thousand), "$1,235K");
        assert_eq!(period_label(&quarters[1], 4, &months), "FY2026 Q2");
        assert_eq!(period_short(&quarters[3], 4), "Q4");
        set_lang(Lang::Ja);
        assert_eq!(
            amount_in(1_940_679_422, jpy, Unit::Thousand),
            "1,940,679千円"
        );
        assert_eq!(amount_in(1_940_679_422, jpy, Unit::Million), "1,941百万円");
        assert_eq!(period_label(&quarters[1], 4, &months), "2026年度 第2四半期");
        let halves = periods(&months, 4, Granularity::Halves);
        assert_eq!(period_short(&halves[1], 4), "下期");
        set_lang(Lang::En);
    }

    #[test]
    fn sentences_in_each_language() {
        let error = PlanError::new("scenarios[0].positions[3].fte", "FTE must be above 0.");
        set_lang(Lang::En);
        assert_eq!(
            months_note("Apr 2026 – Dec 2026", true, 9),
            "Apr 2026 – Dec 2026 · partial: 9 of 12 months"
        );
        assert_eq!(months_note("FY", false, 12), "FY · 12 months");
        assert_eq!(
            per_average_fte("Total cost", dec!(12.5)),
            "Total cost ÷ average FTE 12.5"
        );
        // The summary's average keeps 6 decimals; the screen shows 2.
        assert_eq!(
            per_average_fte("Total cost", dec!(11.333333)),
            "Total cost ÷ average FTE 11.33"
        );
        assert_eq!(
            per_average_fte("Total cost", dec!(1234.005)),
            "Total cost ÷ average FTE 1,234.01"
        );
        assert_eq!(
            hires_and_departures(3, 1),
            "Hires 3 · planned departures 1 in the year"
        );
        assert_eq!(
            expected_departures(dec!(8), false, dec!(4.8)),
            "Expected departures at 8 % attrition: 4.8"
        );
        assert_eq!(
            expected_departures(dec!(8.0), true, dec!(0.165)),
            "Expected departures at 8 % attrition and teams' own rates: 0.17"
        );
        assert_eq!(
            expected_departures(dec!(0), false, Decimal::ZERO),
            "Expected departures at 0 % attrition: 0"
        );
        assert_eq!(
            category_caption("FY2026", "JPY"),
            "FY2026 cost by category, JPY"
        );
        assert_eq!(with_unit("Amount", "JPY"), "Amount (JPY)");
        assert_eq!(
            problem_line(&error),
            "scenarios[0].positions[3].fte: FTE must be above 0."
        );
        assert_eq!(problem_line(&PlanError::new("", "No.")), "No.");
        assert_eq!(
            chart_label("Headcount"),
            "Headcount. The Table button below gives the exact figures."
        );
        assert_eq!(
            chart_table_caption("Headcount", "People"),
            "Headcount: exact figures (People)"
        );
        assert_eq!(
            bar_tip("Apr 2026", "Bonuses", "¥5", Some("¥9")),
            "Apr 2026 · Bonuses: ¥5 (month ¥9)"
        );
        assert_eq!(
            bar_tip("Apr 2026", "Bonuses", "¥5", None),
            "Apr 2026 · Bonuses: ¥5"
        );

        set_lang(Lang::Ja);
        for text in [
            months_note("2026年4月～2026年12月", true, 9),
            months_note("2026年4月～2027年3月", false, 12),
            per_average_fte("費用合計", dec!(12.5)),
            hires_and_departures(3, 1),
            expected_departures(dec!(8), false, dec!(4.8)),
            expected_departures(dec!(8), true, dec!(4.8)),
            category_caption("2026年度", "JPY"),
            with_unit("金額", "JPY"),
            chart_label("人数の推移"),
            chart_table_caption("人数の推移", "人数"),
            bar_tip("2026年4月", "賞与", "¥5", Some("¥9")),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
        }
        assert_eq!(with_unit("金額", "JPY"), "金額（JPY）");
        assert_eq!(
            expected_departures(dec!(12), false, dec!(1.2)),
            "離職率12%での想定退職者数 1.2名"
        );
        assert_eq!(hires_and_departures(3, 1), "年度内の採用 3名・退職予定 1名");
        set_lang(Lang::En);
    }
}
