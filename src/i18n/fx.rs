//! The texts of costs in other currencies: the scenario's exchange rates
//! (為替レート), a cost's currency and the exchange-rate what-if.

use super::{Lang, lang};

crate::texts! {
    pub enum FxText {
        RatesTitle => "Exchange rates", "為替レート";
        RatesNote => "Units of the plan's currency per unit of each foreign currency, from a month on; a later step changes the rate from its month. Costs stated in a foreign currency are converted at the month's rate.",
            "外貨1単位あたりの計画通貨の額を、適用開始月から設定します。後の行は、その月から為替レートを変更します。外貨建ての費用は各月の為替レートで換算します。";
        Currency => "Currency", "通貨";
        From => "From", "適用開始月";
        Rate => "Rate", "為替レート";
        /// One row of the table, for the buttons.
        RateRow => "exchange rate", "為替レート";
        /// The currency select's choice for a code not listed.
        OtherCurrency => "Other…", "その他…";
        /// The field for a currency code typed in.
        CurrencyCode => "Currency code (ISO)", "通貨コード（ISO）";
        FxWhatIf => "Exchange rates ±", "為替（円安＋／円高−）";
        FxWhatIfNote => "Moves every exchange rate of the scenario by this percentage: +10 makes each foreign currency cost 10 % more in the plan's currency.",
            "シナリオのすべての為替レートをこの割合で動かします。+10%なら外貨建ての費用が計画通貨で10%増えます。";
        BridgeRates => "Exchange rates", "為替レートの差";
    }
}

/// The plan's currency, as the first choice of a cost's currency.
pub fn plan_currency(code: &str) -> String {
    match lang() {
        Lang::En => format!("{code} (the plan's)"),
        Lang::Ja => format!("{code}（計画の通貨）"),
    }
}

/// Currencies a scenario's costs use without a rate for them.
pub fn missing_rates(codes: &str) -> String {
    match lang() {
        Lang::En => format!("Costs in {codes} have no rate yet: add one."),
        Lang::Ja => format!("{codes}建ての費用に為替レートがありません。追加してください。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    #[test]
    fn translated() {
        assert_translated::<FxText>();
    }
}
