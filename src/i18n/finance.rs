//! The texts of the outputs finance takes: the Pivot view, units of
//! display and the pivot's print header. Words as a Japanese finance team
//! writes them: 上期/下期, 第1四半期, 通期, 千円, 単位未満四捨五入, 勘定科目.

use super::{Lang, lang};
use crate::model::periods::Slot;
use crate::model::units::{Unit, currency_name_ja};
use crate::model::{Currency, Date, FiscalYear};

crate::texts! {
    pub enum FinanceText {
        /// The view's tab.
        View => "Pivot", "集計表";
        Title => "Pivot by month, quarter and half", "月次・四半期・半期の集計表";
        Lead => "Each fiscal year's months with quarter and half subtotals and the year's total, summed from the ledger. The download is the same table as a CSV file.",
            "年度ごとの月次金額に、四半期・半期の小計と通期の合計を付けた表です（月次明細の合計）。ダウンロードすると同じ表をCSVファイルで保存できます。";
        Layout => "Rows and columns", "集計の軸";
        MonthCategory => "Months × categories", "月 × 費目";
        MonthTeam => "Months × teams", "月 × チーム";
        TeamCategory => "Teams × categories", "チーム × 費目";
        Unit => "Unit", "単位";
        FileLabels => "Japanese headers and labels in the file", "ファイルの見出しと項目名を日本語にする";
        FileLabelsNote => "Without it the file uses English keys, whatever the language of the screen, so the command line writes the same file.",
            "チェックしない場合、画面の言語にかかわらず英語のキーで出力します（コマンドラインと同じファイルになります）。";
        Download => "Download pivot CSV", "集計表CSVをダウンロード";
        Account => "Account", "勘定科目";
        AccountCode => "Code", "科目コード";
        NoTeam => "No team", "チームなし";
        Total => "Total", "合計";
        Partial => "partial", "一部期間";
        OutsideHorizon => "outside the plan's horizon", "計画期間外";
        NoFigures => "The plan has problems to fix before its figures can be shown (see the Overview).",
            "数値を表示するには、計画の問題を修正してください（概要画面を参照）。";
    }
}

/// The name of a display unit, as a selector shows it: "¥K (thousands)" /
/// "千円".
pub fn unit_name(unit: Unit, currency: Currency) -> String {
    match lang() {
        Lang::En => {
            let what = match unit {
                Unit::One => "exact",
                Unit::Thousand => "thousands",
                Unit::Million => "millions",
            };
            format!("{} ({what})", unit.name_en(currency))
        }
        Lang::Ja => unit.name_ja(currency),
    }
}

/// A unit for a column heading: the currency while amounts are exact
/// ("Amount (JPY)" / "金額（円）"), else the unit ("Amount (¥K)" / "金額（千円）").
pub fn heading_unit(unit: Unit, currency: Currency) -> String {
    if !unit.rounds() {
        return currency_unit(currency).to_string();
    }
    match lang() {
        Lang::En => unit.name_en(currency),
        Lang::Ja => unit.name_ja(currency),
    }
}

/// The plan's currency where a heading, caption or axis names the unit of
/// exact amounts: "JPY" / "円", "USD" / "米ドル", "EUR" / "EUR". A Japanese
/// finance reviewer reads 「金額（円）」, as on a payroll sheet.
pub fn currency_unit(currency: Currency) -> &'static str {
    match lang() {
        Lang::En => currency.code(),
        Lang::Ja => currency_name_ja(currency),
    }
}

/// What the page states about its amounts: "単位：千円（単位未満四捨五入）"
/// / "Amounts in ¥K, rounded to the unit shown".
pub fn unit_statement(unit: Unit, currency: Currency) -> String {
    match lang() {
        Lang::En => unit.statement_en(currency),
        Lang::Ja => unit.statement_ja(currency),
    }
}

/// A pivot column's header on screen: "Apr" / "4月", "Q1" / "第1四半期",
/// "H1" / "上期", "FY total" / "通期".
pub fn slot(slot: Slot, start_month: u8) -> String {
    let ja = lang() == Lang::Ja;
    match slot {
        Slot::Month(_) => {
            let m = slot.calendar_month(start_month).unwrap_or(1);
            if ja {
                format!("{m}月")
            } else {
                crate::model::date::month_abbreviation(m).to_string()
            }
        }
        Slot::Quarter(q) if ja => format!("第{q}四半期"),
        Slot::Quarter(q) => format!("Q{q}"),
        Slot::Half(1) if ja => "上期".to_string(),
        Slot::Half(_) if ja => "下期".to_string(),
        Slot::Half(h) => format!("H{h}"),
        Slot::Year if ja => "通期".to_string(),
        Slot::Year => "FY total".to_string(),
    }
}

/// A partial period's note: "2 of 3 months" / "3か月中2か月".
pub fn months_of(months: usize, whole: usize) -> String {
    match lang() {
        Lang::En => format!("{months} of {whole} months"),
        Lang::Ja => format!("{whole}か月中{months}か月"),
    }
}

/// The print header's line: plan, scenario, period and the print date.
pub fn print_line(plan: &str, scenario: &str, period: &str, printed: Date) -> String {
    let date = super::format::date(printed);
    match lang() {
        Lang::En => format!("{plan} · Scenario: {scenario} · Period: {period} · Printed {date}"),
        Lang::Ja => format!("{plan}　シナリオ：{scenario}　対象期間：{period}　印刷日：{date}"),
    }
}

/// A fiscal year and its months in the horizon: "FY2026 (Apr 2026 – Mar 2027)".
pub fn year_span(year: FiscalYear, span: &str) -> String {
    let year = super::format::fiscal_year(year);
    match lang() {
        Lang::En => format!("{year} ({span})"),
        Lang::Ja => format!("{year}（{span}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, set_lang};

    #[test]
    fn translated() {
        assert_translated::<FinanceText>();
    }

    #[test]
    fn quarters_and_halves_read_as_finance_writes_them() {
        set_lang(Lang::Ja);
        assert_eq!(slot(Slot::Half(1), 4), "上期");
        assert_eq!(slot(Slot::Quarter(3), 4), "第3四半期");
        assert_eq!(slot(Slot::Month(10), 4), "1月");
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(
            unit_statement(Unit::Thousand, jpy),
            "単位：千円（単位未満四捨五入）"
        );
        assert_eq!(months_of(2, 3), "3か月中2か月");
        set_lang(Lang::En);
        assert_eq!(slot(Slot::Half(2), 1), "H2");
        assert_eq!(slot(Slot::Month(1), 1), "Jan");
        assert_eq!(unit_name(Unit::Million, jpy), "¥M (millions)");
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!(
            unit_statement(Unit::Thousand, usd),
            "Amounts in $K, rounded to the unit shown"
        );
    }

    #[test]
    fn exact_amounts_are_in_yen_for_a_japanese_reader_and_in_the_code_in_english() {
        let [jpy, usd, eur] = ["JPY", "USD", "EUR"].map(|c| Currency::from_code(c).unwrap());
        set_lang(Lang::Ja);
        assert_eq!(currency_unit(jpy), "円");
        assert_eq!(currency_unit(usd), "米ドル");
        assert_eq!(currency_unit(eur), "EUR");
        assert_eq!(heading_unit(Unit::One, jpy), "円");
        assert_eq!(heading_unit(Unit::Thousand, jpy), "千円");
        set_lang(Lang::En);
        assert_eq!(currency_unit(jpy), "JPY");
        assert_eq!(heading_unit(Unit::One, usd), "USD");
        assert_eq!(heading_unit(Unit::Thousand, jpy), "¥K");
    }
}
