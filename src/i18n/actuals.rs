//! The texts of budget against actual (予実), the latest estimate
//! (着地見込み) and entering or importing actuals.

use rust_decimal::Decimal;

use super::common::category;
use super::{Lang, lang};
use crate::format::actuals::{ActualsError, ActualsField, ActualsProblem, ColumnUse};
use crate::model::YearMonth;

crate::texts! {
    pub enum ActualsText {
        /// The navigation's tab.
        View => "Budget vs actual", "予実";
        Title => "Budget vs actual", "予実管理";
        BudgetScenario => "Budget", "予算シナリオ";
        /// After the base scenario's name in the budget's choices.
        BaseTag => " (base)", "（基準）";
        ClosedThrough => "Closed through", "締め月";
        NoneClosed => "None (no month closed)", "なし（未締め）";
        ClosedHelp => "The last month whose actuals are final. Budget and actual are compared through it; the latest estimate takes actuals through it and the forecast after it.",
            "実績が確定した最後の月です。予実はこの月まで比較し、着地見込みはこの月までの実績とそれ以降の見込みを合計します。";
        Budget => "Budget", "予算";
        Actual => "Actual", "実績";
        Variance => "Variance", "差異";
        VariancePct => "Variance %", "差異率";
        YearToDate => "Year to date", "年度累計";
        YearBudget => "Year budget", "年間予算";
        /// The year to date's actual as a share of the year's budget.
        Used => "Used", "消化率";
        /// A cost above its budget: bad.
        Over => "over", "超過";
        /// A cost below its budget.
        Under => "under", "予算内";
        ByCategory => "By category", "費目別";
        ByTeam => "By team", "チーム別";
        ByMonth => "By month", "月別";
        MonthShown => "Month", "対象月";
        /// The by-month table's group of one month's figures.
        ThisMonth => "Month", "当月";
        AllCategories => "All categories", "全費目";
        ShowTeams => "Show the teams", "チーム別を表示";
        HideTeams => "Hide the teams", "チーム別を閉じる";
        NothingClosed => "No month of this fiscal year is closed yet. Choose the closed-through month above to compare the budget with actuals.",
            "この年度にはまだ締めた月がありません。上の「締め月」を選ぶと、予算と実績を比較できます。";
        FixFirst => "Fix these first:", "先に次の問題を修正してください：";
        MonthlyChart => "Monthly budget and actual", "月次の予算と実績";
        MonthlyChartNote => "Each closed month of the year: the budget (dotted) and the actual.",
            "年度の締めた各月の予算（点線）と実績です。";
        CumulativeChart => "Year to date, cumulative", "年度累計の予算と実績";
        CumulativeChartNote => "Budget (dotted) and actual added up from the year's first month.",
            "年度の最初の月から積み上げた予算（点線）と実績です。";
        ChartEmpty => "No figures for the closed months of this year.",
            "この年度の締めた月には数値がありません。";
        HeadsTitle => "Headcount: planned and actual", "人数：計画と実績";
        HeadsNote => "Heads at each month's end, where actual heads were imported.",
            "実績人数を読み込んだ月の月末人数です。";
        HeadsNone => "No actual heads for the closed months of this year. An actuals file with a heads column brings them in.",
            "この年度の締めた月には実績人数がありません。人数の列がある実績ファイルを読み込むと表示されます。";
        Planned => "Planned", "計画";
        Difference => "Difference", "差";
        EstimateTitle => "Latest estimate", "着地見込み";
        ActualToDate => "Actual to date", "実績累計";
        ForecastRest => "Forecast, rest of year", "残期間の見込み";
        BridgeTitle => "From the budget to the latest estimate", "予算から着地見込みへの差異";
        BridgeToDate => "Actual to date against budget", "実績累計と予算の差";
        BridgeRest => "Rest of year: forecast against budget", "残期間：見込みと予算の差";
        BreakDownBy => "Break down by", "内訳の切り口";
        EntryTitle => "Enter actuals", "実績の入力";
        EntryHelp => "An amount per month and category, in the plan's currency. Leave a cell empty to remove its actual; a credit or refund is negative (-1,200, ▲1,200 or (1,200)). Each cell saved is one step of undo.",
            "月・費目ごとの金額を計画の通貨で入力します。空欄にするとその実績を削除します。戻入・返金はマイナス（-1,200、▲1,200、(1,200)）で入力します。保存したセルごとに1回元に戻せます。";
        EntryFor => "Actuals of", "入力するチーム";
        /// The entry grid's first column.
        Month => "Month", "月";
        CompareEstimates => "Latest estimates", "着地見込みの比較";
        CompareEstimatesNote => "Each scenario's latest estimate of the year: actuals through the closed month, then its forecast.",
            "各シナリオの年度の着地見込み（締め月までの実績と、それ以降の各シナリオの見込み）です。";
        DownloadVariance => "Download", "ダウンロード";
        DownloadVarianceBom => "Download (with BOM)", "ダウンロード（BOM付き）";
        VarianceFile => "Variance (budget vs actual)", "予実差異";
        VarianceFileNote => "Month, category, team, budget, actual, variance, variance % and year to date for every closed month, against the budget scenario chosen. The same bytes as fleetplan-cli variance.",
            "締めた各月の月・費目・チーム・予算・実績・差異・差異率・年度累計です。選んだ予算シナリオと比較します。コマンドラインで書き出す内容と同じです。";
        AllClosedYears => "Every year with a closed month", "締めた月のあるすべての年度";
        ImportTitle => "Import actuals", "実績の読み込み";
        ImportHelp => "A CSV with the columns month, category, team, amount and note (Japanese headers are read too), or the planner's ledger or summary export edited in Excel. UTF-8 or Shift_JIS. Re-importing replaces the months and categories the file covers.",
            "月・費目・チーム・金額・備考の列があるCSV、またはExcelで編集した台帳・集計の書き出しファイルを読み込めます。文字コードはUTF-8またはShift_JISです。再読み込みすると、ファイルに含まれる月・費目の実績を置き換えます。";
        ImportFile => "Actuals file (CSV)", "実績ファイル（CSV）";
        Template => "Download the template", "テンプレートをダウンロード";
        ColumnsHeading => "Columns", "列の割り当て";
        MappingHelp => "What each column of the file holds.", "ファイルの各列の内容を選んでください。";
        IgnoreColumn => "Not imported", "読み込まない";
        ChangesHeading => "Totals that change", "変更される合計";
        Before => "Before", "変更前";
        After => "After", "変更後";
        Apply => "Import the actuals", "実績を読み込む";
        NothingChanges => "The file changes no total: the actuals already hold it.",
            "変更される合計はありません。実績はすでにこのファイルの内容です。";
        FixErrors => "Nothing is imported while an error remains. Correct the file or the columns and choose it again.",
            "エラーが残っている間は読み込めません。ファイルまたは列の割り当てを修正してから、もう一度選んでください。";
    }
}

crate::texts! {
    /// Importing a cloud provider's bill (FOCUS) as cloud actuals.
    pub enum FocusText {
        KindCsv => "Actuals CSV", "実績CSV";
        KindFocus => "Cloud bill (FOCUS)", "クラウド請求（FOCUS）";
        Help => "A cost and usage export in FOCUS 1.0 to 1.2, as AWS, Azure, Google Cloud and OCI write it. Its costs become the cloud actuals of the months it covers; importing it again replaces them.",
            "AWS・Azure・GCP・OCIが出力するFOCUS 1.0～1.2形式のコスト・使用量データを読み込みます。対象月のクラウド費の実績になり、再度読み込むと置き換えます。";
        File => "Cloud bill (FOCUS CSV)", "クラウド請求ファイル（FOCUS形式のCSV）";
        Reading => "Reading the bill", "請求ファイルを読み込んでいます";
        CostHeading => "Cost", "計上する金額";
        Effective => "EffectiveCost: commitments spread over their months (compares with the budget)",
            "EffectiveCost：コミットメントを対象月に按分した額（予算と比較する額）";
        Billed => "BilledCost: as invoiced", "BilledCost：請求書の額";
        TeamSourceLabel => "Team from", "チームの判定元";
        TeamNone => "No team", "チームなし";
        SubAccount => "Sub-account (SubAccountName)", "サブアカウント（SubAccountName）";
        TeamsHeading => "Teams", "チームの割り当て";
        TeamsHelp => "Each value of the bill and the team its costs go to.", "請求データの値ごとに、費用を計上するチームを選んでください。";
        Value => "Value", "値";
        Rows => "Rows", "行数";
        ServicesHeading => "Service categories", "サービスカテゴリの割り当て";
        CloudCategoryLabel => "Cloud category", "クラウド費の区分";
        RatesHeading => "Exchange rates", "為替レート";
        RatesHelp => "The base scenario has no rate for these currencies. Give one: units of the plan's currency per unit.",
            "基準シナリオにこの通貨の為替レートがありません。1単位あたりの計画通貨の額を入力してください。";
        Apply => "Import the cloud actuals", "クラウド費の実績を読み込む";
        StartLines => "Start cloud lines from this bill", "この請求からクラウド費の計画を作成";
    }
}

/// The progress of a bill being read: "Reading the bill: 42 %".
pub fn reading(pct: u32) -> String {
    match lang() {
        Lang::En => format!("Reading the bill: {pct} %"),
        Lang::Ja => format!("請求ファイルを読み込んでいます：{pct}%"),
    }
}

/// A tag key offered as the team source.
pub fn tag_source(key: &str) -> String {
    match lang() {
        Lang::En => format!("Tag \u{201c}{key}\u{201d}"),
        Lang::Ja => format!("タグ「{key}」"),
    }
}

/// What "Start cloud lines" does, with the bill's last full month.
pub fn start_lines_help(month: &str, scenario: &str) -> String {
    match lang() {
        Lang::En => format!(
            "Each cloud category's cost in {month}, the bill's last full month, becomes the on-demand baseline of its line in {scenario} (a new line where there is none)."
        ),
        Lang::Ja => format!(
            "請求データで1か月分がそろう最後の月（{month}）のクラウド費を区分ごとに、「{scenario}」の各区分の行のオンデマンド基準額にします（行がない区分は追加します）。"
        ),
    }
}

/// After starting cloud lines from a bill.
pub fn lines_started(n: usize, scenario: &str) -> String {
    match lang() {
        Lang::En if n == 1 => format!("1 cloud line of {scenario} set from the bill."),
        Lang::En => format!("{n} cloud lines of {scenario} set from the bill."),
        Lang::Ja => format!("請求から「{scenario}」のクラウド費の行を{n}件設定しました。"),
    }
}

/// A billing currency converted at the base scenario's rates, with the
/// rate of each month: "USD (12 rows): the base scenario's rates (Apr 2026
/// 152.3)".
pub fn scenario_rates(currency: &str, steps: &[String]) -> String {
    match lang() {
        Lang::En => format!(
            "{currency}: the base scenario's rates ({})",
            steps.join(", ")
        ),
        Lang::Ja => format!(
            "{currency}：基準シナリオの為替レート（{}）",
            steps.join("、")
        ),
    }
}

/// A billing currency with its rows: "USD (12 rows)".
pub fn currency_rows(code: &str, rows: usize) -> String {
    match lang() {
        Lang::En => format!("{code} ({rows} rows)"),
        Lang::Ja => format!("{code}（{rows}行）"),
    }
}

/// Which way a cost's variance goes: the word after the figure, so the
/// meaning does not rest on colour.
pub fn variance_word(variance: i128) -> &'static str {
    use super::t;
    match variance.signum() {
        1 => t(ActualsText::Over),
        -1 => t(ActualsText::Under),
        _ => "",
    }
}

/// A variance percentage with its sign: "+12.5 %", "−3.0 %" / "+12.5%".
pub fn signed_pct(pct: Option<Decimal>) -> String {
    let Some(pct) = pct else {
        return "—".to_string();
    };
    let sign = if pct.is_sign_negative() && !pct.is_zero() {
        "\u{2212}"
    } else if pct.is_zero() {
        ""
    } else {
        "+"
    };
    let abs = pct.abs();
    match lang() {
        Lang::En => format!("{sign}{abs} %"),
        Lang::Ja => format!("{sign}{abs}%"),
    }
}

/// A share without a sign: "62.5 %" / "62.5%"; a dash without a base.
pub fn share_pct(pct: Option<Decimal>) -> String {
    match (pct, lang()) {
        (None, _) => "—".to_string(),
        (Some(p), Lang::En) => format!("{p} %"),
        (Some(p), Lang::Ja) => format!("{p}%"),
    }
}

/// The view's subtitle: "Base against actuals, FY2026".
pub fn budget_against_actuals(budget: &str, year: &str) -> String {
    match lang() {
        Lang::En => format!("{budget} against actuals, {year}"),
        Lang::Ja => format!("{year}　{budget}と実績"),
    }
}

/// The latest estimate's scenario: "Estimate of Aggressive".
pub fn estimate_of(scenario: &str) -> String {
    match lang() {
        Lang::En => format!("Latest estimate of {scenario}"),
        Lang::Ja => format!("{scenario}の着地見込み"),
    }
}

/// Under the estimate: "Actuals through Jun 2026, then the forecast".
pub fn estimate_basis(closed: Option<&str>) -> String {
    match (closed, lang()) {
        (Some(month), Lang::En) => format!("Actuals through {month}, then the forecast"),
        (Some(month), Lang::Ja) => format!("{month}までの実績と、それ以降の見込み"),
        (None, Lang::En) => "No month closed: the forecast alone".to_string(),
        (None, Lang::Ja) => "締めた月がないため、見込みのみです".to_string(),
    }
}

/// A budget figure's note: "Budget: Base, FY2026".
pub fn budget_of(scenario: &str, year: &str) -> String {
    match lang() {
        Lang::En => format!("{scenario}, {year}"),
        Lang::Ja => format!("{scenario}・{year}"),
    }
}

/// A year-to-date note: "Apr–Jun 2026 against a budget of ¥…".
pub fn against_budget(budget: &str) -> String {
    match lang() {
        Lang::En => format!("against a budget of {budget}"),
        Lang::Ja => format!("予算 {budget} に対して"),
    }
}

/// A caption with the table's unit: "Budget vs actual by category, JPY".
pub fn table_caption(what: &str, code: &str) -> String {
    match lang() {
        Lang::En => format!("{what}, {code}"),
        Lang::Ja => format!("{what}（単位：{code}）"),
    }
}

/// An entry cell's name for screen readers: "Base salary, Apr 2026".
pub fn cell_label(category: &str, month: &str) -> String {
    match lang() {
        Lang::En => format!("{category}, {month}"),
        Lang::Ja => format!("{month}の{category}"),
    }
}

/// A column's use, as the mapping step offers it: "Month" / "月",
/// "Amount of Cloud" / "クラウド費用の金額".
pub fn column_use(used: ColumnUse) -> String {
    match used {
        ColumnUse::Field(f) => field_name(f).to_string(),
        ColumnUse::Category(c) => match lang() {
            Lang::En => format!("Amount of {}", category(c)),
            Lang::Ja => format!("{}の金額", category(c)),
        },
        ColumnUse::Ignored => super::t(ActualsText::IgnoreColumn).to_string(),
    }
}

/// A field of an actuals file in the current language.
pub fn field_name(field: ActualsField) -> &'static str {
    let (en, ja) = match field {
        ActualsField::Month => ("Month", "月"),
        ActualsField::Category => ("Category", "費目"),
        ActualsField::Team => ("Team", "チーム"),
        ActualsField::Amount => ("Amount", "金額"),
        ActualsField::Note => ("Note", "備考"),
        ActualsField::Heads => ("Heads", "人数"),
        ActualsField::Fte => ("FTE", "FTE"),
        ActualsField::Scenario => ("Scenario", "シナリオ"),
        ActualsField::FirstMonth => ("First month", "開始月"),
        ActualsField::Months => ("Months", "月数"),
    };
    match lang() {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

/// An import's error with its line, in the current language.
pub fn import_error(e: &ActualsError) -> String {
    import_error_in(e, lang())
}

pub fn import_error_in(e: &ActualsError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let problem = japanese_problem(&e.problem);
    match &e.column {
        Some(column) => format!("{}行目（{column}）：{problem}", e.line),
        None => format!("{}行目：{problem}", e.line),
    }
}

fn japanese_problem(problem: &ActualsProblem) -> String {
    use crate::i18n::fields::input_error_in;
    let month = |m: &YearMonth| super::format::month_in(*m, Lang::Ja);
    match problem {
        ActualsProblem::Unreadable { detail } => format!("行を読み取れません（{detail}）。"),
        ActualsProblem::NoColumn { field } => {
            let name = match field {
                ActualsField::Month => "月",
                ActualsField::Category => "費目",
                ActualsField::Team => "チーム",
                ActualsField::Amount => "金額",
                ActualsField::Note => "備考",
                ActualsField::Heads => "人数",
                ActualsField::Fte => "FTE",
                ActualsField::Scenario => "シナリオ",
                ActualsField::FirstMonth => "開始月",
                ActualsField::Months => "月数",
            };
            format!("「{name}」の列がありません。列の割り当てで選んでください。")
        }
        ActualsProblem::BothShapes => {
            "費目の列と金額の列か、費目ごとの金額の列のどちらか一方を割り当ててください。".into()
        }
        ActualsProblem::NoAmounts => {
            "金額がありません。費目の列と金額の列、または費目名の列を割り当ててください。".into()
        }
        ActualsProblem::MonthUnreadable { text } => {
            format!(
                "「{text}」は月として読み取れません。2026-04 または 2026/4 の形で入力してください。"
            )
        }
        ActualsProblem::MonthOutsideHorizon {
            month: m,
            first,
            last,
        } => format!(
            "{}は計画期間（{}～{}）の外です。",
            month(m),
            month(first),
            month(last)
        ),
        ActualsProblem::SeveralMonths { months } => format!(
            "この行は{months}か月分です。実績は月ごとに読み込むため、台帳の書き出しか1行1か月のファイルを使ってください。"
        ),
        ActualsProblem::UnknownCategory { text } => format!(
            "「{text}」は費目として読み取れません。基本給、賞与、法定福利費、福利厚生費、採用費、ツール費、機器・入社準備費、研修費、その他の費用、クラウド費用のいずれかを入力してください。"
        ),
        ActualsProblem::UnknownTeam { text } => format!(
            "「{text}」はどのシナリオのチームにもありません。チームを追加するか、名前を修正してください。"
        ),
        ActualsProblem::Amount { text, error } => {
            format!("金額「{text}」：{}", input_error_in(error, Lang::Ja))
        }
        ActualsProblem::HeadsUnreadable { text } => {
            format!("「{text}」は人数（整数）として読み取れません。")
        }
        ActualsProblem::FteUnreadable { text } => {
            format!("「{text}」はFTEとして読み取れません（例：12.5）。")
        }
        ActualsProblem::HeadsWithoutTeam => {
            "人数はチームごとに数えます。チームを入力してください。".into()
        }
        ActualsProblem::SeveralScenarios { first, other } => format!(
            "「{first}」の後にシナリオ「{other}」の行があります。1つのシナリオの行だけを読み込んでください。"
        ),
        ActualsProblem::NoRows => "見出しの下に行がありません。".into(),
        ActualsProblem::MissingColumns { names } => format!(
            "FOCUS形式のコストファイルではありません。列がありません：{}。",
            names.join("、")
        ),
        ActualsProblem::CostUnreadable { text } => {
            format!("「{text}」はコストとして読み取れません（例：12.345）。")
        }
        ActualsProblem::UnknownCurrency { code } => format!("「{code}」は対応していない通貨です。"),
        ActualsProblem::NoRate { currency } => format!(
            "請求は{currency}建てですが、基準シナリオに{currency}の為替レートがありません。レートを入力してください。"
        ),
    }
}

/// "Read as Shift_JIS (CP932); 40 rows." / "Shift_JIS (CP932)として読み取りました（40行）。"
pub fn read_as(encoding: &str, rows: usize, skipped: usize) -> String {
    match (lang(), skipped) {
        (Lang::En, 0) => format!("Read as {encoding}: {rows} rows."),
        (Lang::En, s) => {
            format!("Read as {encoding}: {rows} rows, {s} without an amount left out.")
        }
        (Lang::Ja, 0) => format!("{encoding}として読み取りました（{rows}行）。"),
        (Lang::Ja, s) => {
            format!("{encoding}として読み取りました（{rows}行、金額のない{s}行は除外）。")
        }
    }
}

/// "3 totals change, 1 stays the same."
pub fn import_summary(changes: usize, unchanged: usize) -> String {
    match lang() {
        Lang::En => {
            let totals = if changes == 1 {
                "total changes"
            } else {
                "totals change"
            };
            format!("{changes} {totals}, {unchanged} unchanged.")
        }
        Lang::Ja => format!("変更{changes}件、変更なし{unchanged}件。"),
    }
}

/// "The file has 2 errors:"
pub fn import_refused(errors: usize) -> String {
    match lang() {
        Lang::En if errors == 1 => "The file has 1 error:".to_string(),
        Lang::En => format!("The file has {errors} errors:"),
        Lang::Ja => format!("ファイルに{errors}件のエラーがあります："),
    }
}

/// "…and 12 more."
pub fn more(n: usize) -> String {
    match lang() {
        Lang::En => format!("…and {n} more."),
        Lang::Ja => format!("ほか{n}件"),
    }
}

/// The checkbox an import shows when its last month is after the closed one.
pub fn also_close(month: &str) -> String {
    match lang() {
        Lang::En => format!("Also close through {month}"),
        Lang::Ja => format!("締め月も{month}にする"),
    }
}

/// After the import: "Imported actuals.csv: 4 totals changed."
pub fn imported(file: &str, changes: usize, closed: Option<&str>) -> String {
    let closed_en = closed
        .map(|m| format!(" Closed through {m}."))
        .unwrap_or_default();
    let closed_ja = closed
        .map(|m| format!("締め月を{m}にしました。"))
        .unwrap_or_default();
    match lang() {
        Lang::En => format!("Imported {file}: {changes} totals changed.{closed_en}"),
        Lang::Ja => format!("{file}を読み込みました（変更{changes}件）。{closed_ja}"),
    }
}

/// The template's file name.
pub fn template_file_name() -> &'static str {
    match lang() {
        Lang::En => "actuals-template.csv",
        Lang::Ja => "実績テンプレート.csv",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, set_lang};
    use rust_decimal::dec;

    #[test]
    fn translated() {
        assert_translated::<ActualsText>();
        assert_translated::<FocusText>();
    }

    #[test]
    fn percentages_carry_their_sign_and_the_language_spacing() {
        assert_eq!(signed_pct(Some(dec!(12.5))), "+12.5 %");
        assert_eq!(signed_pct(Some(dec!(-3.0))), "\u{2212}3.0 %");
        assert_eq!(signed_pct(Some(dec!(0.0))), "0.0 %");
        assert_eq!(signed_pct(None), "—");
        set_lang(Lang::Ja);
        assert_eq!(signed_pct(Some(dec!(12.5))), "+12.5%");
        assert_eq!(variance_word(5), "超過");
        assert_eq!(variance_word(-5), "予算内");
        set_lang(Lang::En);
        assert_eq!(variance_word(5), "over");
        assert_eq!(variance_word(0), "");
        assert_eq!(share_pct(Some(dec!(62.5))), "62.5 %");
    }

    #[test]
    fn import_errors_read_in_japanese_with_their_line_and_column() {
        let e = ActualsError {
            line: 4,
            column: Some("チーム".into()),
            problem: ActualsProblem::UnknownTeam {
                text: "営業".into(),
            },
        };
        assert_eq!(
            import_error_in(&e, Lang::Ja),
            "4行目（チーム）：「営業」はどのシナリオのチームにもありません。チームを追加するか、名前を修正してください。"
        );
        assert_eq!(import_error_in(&e, Lang::En), e.to_string());
        let outside = ActualsError {
            line: 2,
            column: None,
            problem: ActualsProblem::MonthOutsideHorizon {
                month: YearMonth::new(2030, 1).unwrap(),
                first: YearMonth::new(2026, 4).unwrap(),
                last: YearMonth::new(2028, 3).unwrap(),
            },
        };
        assert_eq!(
            import_error_in(&outside, Lang::Ja),
            "2行目：2030年1月は計画期間（2026年4月～2028年3月）の外です。"
        );
    }
}
