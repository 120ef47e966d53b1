//! The texts of the running head every printed page carries: the plan, the
//! scenario, the period the page's figures cover and the day it was
//! printed, so a page taken out of the pile still says what it shows.

use super::finance::year_span;
use super::format::{date, month, month_range};
use super::{Lang, Text, lang};
use crate::model::periods::{Granularity, periods};
use crate::model::{Date, FiscalYear, YearMonth};

crate::texts! {
    pub enum PrintText {
        Scenario => "Scenario", "シナリオ";
        /// Compare prints every scenario side by side.
        Scenarios => "Scenarios", "シナリオ";
        Period => "Period", "対象期間";
        Printed => "Printed", "印刷日";
    }
}

/// What the figures of the view being printed cover.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintedPeriod {
    /// The plan's whole horizon (Compare's "Whole horizon", and views
    /// without a period of their own).
    #[default]
    Horizon,
    /// One fiscal year (Compare, the pivot).
    Year(FiscalYear),
    /// One fiscal year's figures above charts of every month of the
    /// horizon (the Overview).
    YearAndCharts(FiscalYear),
}

/// "Scenario: Base" / "シナリオ：Base".
pub fn labelled(label: PrintText, value: &str) -> String {
    match lang() {
        Lang::En => format!("{}: {value}", label.en()),
        Lang::Ja => format!("{}：{value}", label.ja()),
    }
}

/// Scenario names in a list: "Base, Aggressive" / "Base、Aggressive".
pub fn list(names: &[String]) -> String {
    names.join(match lang() {
        Lang::En => ", ",
        Lang::Ja => "、",
    })
}

fn span(months: &[YearMonth]) -> String {
    match (months.first(), months.last()) {
        (Some(first), Some(last)) if first != last => month_range(*first, *last),
        (Some(first), _) => month(*first),
        _ => String::new(),
    }
}

/// The period in words: "FY2026 (Apr 2026 – Mar 2027)", "Whole horizon
/// (Apr 2026 – Mar 2028)", or for the Overview "FY2026 (Apr 2026 – Mar
/// 2027); charts Apr 2026 – Mar 2028". A fiscal year names only its months
/// inside the horizon, so a partial year says so by its span.
pub fn period(months: &[YearMonth], start_month: u8, shown: PrintedPeriod) -> String {
    let horizon = span(months);
    let year = |y: FiscalYear| {
        periods(months, start_month, Granularity::Years)
            .into_iter()
            .find(|p| p.year == y)
            .map(|p| year_span(y, &span(&months[p.month_indexes()])))
    };
    let whole = || match lang() {
        Lang::En => format!("Whole horizon ({horizon})"),
        Lang::Ja => format!("計画期間全体（{horizon}）"),
    };
    match shown {
        PrintedPeriod::Horizon => whole(),
        PrintedPeriod::Year(y) => year(y).unwrap_or_else(whole),
        PrintedPeriod::YearAndCharts(y) => match year(y) {
            Some(year) => match lang() {
                Lang::En => format!("{year}; charts {horizon}"),
                Lang::Ja => format!("{year}、グラフは{horizon}"),
            },
            None => whole(),
        },
    }
}

/// "Printed: 7 Dec 2026" / "印刷日：2026年12月7日".
pub fn printed(day: Date) -> String {
    labelled(PrintText::Printed, &date(day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, set_lang};

    #[test]
    fn translated() {
        assert_translated::<PrintText>();
    }

    fn horizon(year: i32, month: u8, count: i32) -> Vec<YearMonth> {
        let first = YearMonth::new(year, month).unwrap();
        (0..count).map(|m| first.add_months(m).unwrap()).collect()
    }

    #[test]
    fn the_period_names_the_year_and_its_months_inside_the_horizon() {
        // Jan 2026 to Dec 2027 with April years: FY2025 is cut to 3 months.
        let months = horizon(2026, 1, 24);
        let fy = |start_year| FiscalYear {
            start_year,
            start_month: 4,
        };
        set_lang(Lang::En);
        assert_eq!(
            period(&months, 4, PrintedPeriod::Year(fy(2025))),
            "FY2025 (Jan 2026 – Mar 2026)"
        );
        assert_eq!(
            period(&months, 4, PrintedPeriod::Horizon),
            "Whole horizon (Jan 2026 – Dec 2027)"
        );
        assert_eq!(
            period(&months, 4, PrintedPeriod::YearAndCharts(fy(2026))),
            "FY2026 (Apr 2026 – Mar 2027); charts Jan 2026 – Dec 2027"
        );
        // A year the horizon does not reach falls back to the horizon.
        assert_eq!(
            period(&months, 4, PrintedPeriod::Year(fy(2030))),
            "Whole horizon (Jan 2026 – Dec 2027)"
        );
        assert_eq!(
            printed(Date::new(2026, 12, 7).unwrap()),
            "Printed: 7 Dec 2026"
        );
        set_lang(Lang::Ja);
        assert_eq!(
            period(&months, 4, PrintedPeriod::YearAndCharts(fy(2026))),
            "2026年度（2026年4月～2027年3月）、グラフは2026年1月～2027年12月"
        );
        assert_eq!(
            period(&months, 4, PrintedPeriod::Horizon),
            "計画期間全体（2026年1月～2027年12月）"
        );
        assert_eq!(
            printed(Date::new(2026, 12, 7).unwrap()),
            "印刷日：2026年12月7日"
        );
        assert_eq!(labelled(PrintText::Scenario, "基本"), "シナリオ：基本");
        let names = ["基本".to_string(), "積極".to_string()];
        assert_eq!(
            labelled(PrintText::Scenarios, &list(&names)),
            "シナリオ：基本、積極"
        );
        set_lang(Lang::En);
        assert_eq!(
            labelled(PrintText::Scenarios, &list(&names)),
            "Scenarios: 基本, 積極"
        );
        set_lang(Lang::En);
    }
}
