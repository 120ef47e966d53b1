//! The texts of the assumptions part of the planner: the plan's settings,
//! the scenario's cost assumptions and the tables of rows they are edited in.

use super::{Lang, format, lang};
use crate::model::YearMonth;

crate::texts! {
    pub enum AssumptionsText {
        Assumptions => "Assumptions", "前提条件";
        ScenarioOnly => " \u{2014} the assumptions below belong to this scenario only.",
            "の前提条件です。ほかのシナリオには適用されません。";
        // Plan settings
        SharedByEveryScenario => "Shared by every scenario", "全シナリオ共通";
        Currency => "Currency", "通貨";
        FiscalYearStartsIn => "Fiscal year starts in", "年度の開始月";
        HorizonStarts => "Horizon starts", "計画期間の開始月";
        HorizonLength => "Horizon length", "計画期間の長さ";
        HorizonMonths => "months (1 to 120)", "か月（1～120）";
        // Raises, hiring, attrition and training
        PeopleTitle => "Raises, hiring, attrition and training", "昇給・採用・離職・研修";
        Raises => "Raises", "昇給";
        Raise => "Raise", "昇給率";
        PctPerYear => "% per year", "%（年率）";
        TakesEffectIn => "Takes effect in", "昇給月";
        Hiring => "Hiring", "採用";
        RecruitingFee => "Recruiting (agency) fee", "紹介手数料";
        PctOfAnnualBase => "% of annual base", "%（年間基本給に対する割合）";
        Equipment => "Equipment", "機器費";
        Onboarding => "Onboarding", "入社準備費";
        PerHire => "per hire", "採用1人あたり";
        Attrition => "Attrition", "離職";
        Leaving => "Leaving", "離職率";
        PctOfEmployeesPerYear => "% of employees per year", "%（正社員に対する年率）";
        BackfillLag => "Backfill lag", "欠員補充までの期間";
        TeamsSetTheirOwn => "A team can set its own in the Teams view.",
            "チームごとの値はチーム画面で設定できます。";
        Training => "Training", "研修";
        TrainingBudget => "Training budget", "研修費";
        PerHeadPerYear => "per head per year", "1人あたり年額";
        // Bonus payouts
        BonusPayouts => "Bonus payouts", "賞与の支給";
        BonusPayoutsNote =>
            "In months of monthly base pay, paid to employees active on the month\u{2019}s first day; a new hire\u{2019}s first bonus follows the policy below",
            "月額基本給の何か月分かで指定し、支給月の初日に在籍する正社員に支給します。入社後初回の賞与は下の方針に従います。";
        BonusPayout => "bonus payout", "賞与の支給月";
        MonthsOfPay => "Months of pay", "支給月数";
        AssessedFrom => "Assessment period from", "算定期間（開始月）";
        AssessedTo => "Assessment period to", "算定期間（終了月）";
        FirstBonus => "A new hire\u{2019}s first bonus", "入社後初回の賞与";
        FirstBonusFull => "Paid in full", "全額支給";
        FirstBonusProrated => "Prorated by the months worked in the assessment period",
            "算定期間の在籍月数で按分";
        FirstBonusNone => "None until an assessment period is worked whole",
            "算定期間の全期間に在籍するまで不支給";
        FirstBonusHint =>
            "A month counts as worked when the person is in post from its first day; anyone in post before the assessment period started gets the bonus in full. Without a stated period, a payout\u{2019}s is the 6 months before it.",
            "月の初日から在籍した月を在籍月として数えます。算定期間の開始前から在籍している人には全額を支給します。算定期間を指定しない場合は、支給月の前6か月を算定期間とします。";
        // Per-head costs
        PerHeadTitle => "Monthly costs per head", "一人当たり月額費用";
        PerHeadNote =>
            "Benefits, defined-contribution pension, welfare: charged in full for every month a position is active, as benefits per head; no team ticked means every team",
            "福利厚生、企業型DC（確定拠出年金）の掛金などです。ポジションが在籍する月ごとに全額を福利厚生費として計上します。チームを選択しない場合は全チームが対象です。";
        /// One row of the per-head costs table, for its buttons.
        PerHeadRow => "per-head cost", "一人当たり費用";
        /// The name a new per-head cost starts with.
        NewPerHeadCost => "New per-head cost", "新しい一人当たり費用";
        PerHeadMonthly => "Amount per head per month", "一人当たり月額";
        /// Amounts of several currencies: each cell names its own.
        PerHeadColumn => "Per head, per month", "一人当たり月額";
        ContractorsColumn => "Contractors", "業務委託";
        ContractorsField => "Contractors get it too", "業務委託も対象";
        EveryTeam => "Every team", "全チーム";
        // Tools
        ToolsPerSeat => "Tools per seat", "ツール費（1席あたり）";
        ToolsNote =>
            "Charged in full for every month a position is active; no team ticked means every position",
            "ポジションが有効な月ごとに全額を計上します。チームを選択しない場合は全ポジションが対象です。";
        Tool => "Tool", "ツール";
        /// One row of the tools table, for its buttons.
        ToolRow => "tool", "ツール";
        CostPerSeatPerMonth => "Cost per seat per month", "1席あたりの月額";
        /// Amounts of several currencies: each cell names its own.
        PerSeatColumn => "Per seat, per month", "1席あたり月額";
        EveryPosition => "Every position", "全ポジション";
        // Other costs
        OtherCosts => "Other costs", "その他の費用";
        OtherCostsNote =>
            "Monthly from the start to the end month (open-ended when empty), or once in the start month",
            "開始月から終了月まで毎月計上します（終了月が空欄なら継続）。一時費用は開始月に1回だけ計上します。";
        OtherCost => "other cost", "その他の費用";
        Monthly => "Monthly", "毎月";
        OneOff => "One-off", "一時";
        Kind => "Kind", "種類";
        StartMonthField => "Start month (the month of a one-off)", "開始月（一時費用は計上月）";
        EndMonthField => "End month (empty: runs on)", "終了月（空欄：継続）";
        YearlyEscalationField => "Yearly escalation (%)", "年間上昇率（%）";
        /// Amounts of several currencies: each cell names its own.
        AmountColumn => "Amount", "金額";
        StartMonth => "Start", "開始月";
        EndMonth => "End", "終了月";
        EscalationColumn => "Escalation (% per year)", "上昇率（%、年率）";
        // Employer burden
        BurdenNote =>
            "Social insurance and payroll taxes on employees\u{2019} pay; an empty cap means none",
            "正社員の給与にかかる社会保険料や税です。上限が空欄の場合は上限なしとして計算します。";
        BurdenComponent => "burden component", "法定福利費の項目";
        RateColumn => "Rate (%)", "料率（%）";
        OnBase => "On base", "基本給に適用";
        OnBonus => "On bonus", "賞与に適用";
        MonthlyPayCapColumn => "Monthly pay cap (¤)", "月額報酬の上限（¤）";
        BonusCapColumn => "Cap per bonus (¤)", "賞与1回あたりの上限（¤）";
        BonusYearCapColumn => "Bonus cap per fiscal year (¤)", "賞与の年度上限（¤）";
        AnnualPayCapColumn => "Annual pay cap (¤)", "年間報酬の上限（¤）";
        CapYear => "Cap year", "上限の集計期間";
        AgeDependent => "Age-dependent", "年齢により適用";
        OnBasePay => "On base pay", "基本給に適用";
        OnBonuses => "On bonuses", "賞与に適用";
        MonthlyPayCap => "Monthly pay cap", "月額報酬の上限";
        BonusPaymentCap => "Cap per bonus payment", "賞与1回あたりの上限";
        BonusFiscalYearCap => "Bonus cap per fiscal year", "賞与の年度上限";
        AnnualPayCap => "Annual pay cap", "年間報酬の上限";
        AnnualPayCapYear => "Annual pay cap year", "年間報酬の上限の集計期間";
        AgeDependentField => "Age-dependent (only positions marked age-dependent)",
            "年齢により適用（年齢対象に指定したポジションのみ）";
        /// The placeholder of an empty cap.
        NoCap => "none", "なし";
        CalendarYear => "Calendar year", "暦年";
        AgeDependentHint =>
            "Age-dependent components apply only to positions marked so (Japan\u{2019}s long-term care insurance, ages 40 to 64).",
            "年齢により適用する項目は、年齢対象に指定したポジションにだけ適用されます（介護保険料：40～64歳）。";
        // How a component is computed (docs/model.md "Graded mode").
        BasisColumn => "Computed on", "計算の基礎";
        BasisSimple => "Pay as booked (simple)", "支給額（簡易）";
        BasisHealth => "Health insurance grades", "健康保険の標準報酬";
        BasisPension => "Pension grades", "厚生年金の標準報酬";
        BasisHint => "Graded components charge Japan\u{2019}s standard monthly remuneration of the grade, as payroll does; simple ones the month\u{2019}s pay as booked.",
            "標準報酬で計算する項目は、給与計算と同じく等級の標準報酬月額に料率をかけます。簡易の項目は、その月の支給額にかけます。";
        GradeTables => "Standard monthly remuneration grades", "標準報酬月額の等級表";
        GradeTablesMonth => "Grades added later show the month they start.",
            "後から加わる等級は適用開始月を示します。";
        GradeColumn => "Grade", "等級";
        StandardColumn => "Standard monthly remuneration", "標準報酬月額";
        FromColumn => "Monthly pay from", "報酬月額（以上）";
        SinceColumn => "In force from", "適用開始";
        HealthTable => "Health insurance (Japan Health Insurance Association)", "健康保険（協会けんぽ）";
        PensionTable => "Employees\u{2019} pension", "厚生年金保険";
    }
}

/// The scenario whose assumptions are shown: "Scenario “Base”" / "シナリオ「基準」".
pub fn scenario_heading(name: &str) -> String {
    match lang() {
        Lang::En => format!("Scenario \u{201c}{name}\u{201d}"),
        Lang::Ja => format!("シナリオ「{name}」"),
    }
}

/// The plan's horizon: "Apr 2026 to Mar 2029" / "2026年4月～2029年3月".
pub fn horizon_span(first: YearMonth, last: YearMonth) -> String {
    match lang() {
        Lang::En => format!("{} to {}", format::month(first), format::month(last)),
        Lang::Ja => format::month_range(first, last),
    }
}

/// An amount's unit beside a field: "JPY per hire" / "JPY（採用1人あたり）".
pub fn money_unit(code: &str, per: &str) -> String {
    match lang() {
        Lang::En => format!("{code} {per}"),
        Lang::Ja => format!("{code}（{per}）"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month of the year, for the month selects: "April" / "4月".
pub fn month_of_year(month: u8) -> String {
    match lang() {
        Lang::En => MONTHS_EN
            .get(usize::from(month).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
        Lang::Ja => format!("{month}月"),
    }
}

/// The delete button of a row: "Delete burden component 2" / "2行目の法定福利費の項目を削除".
pub fn delete_row(what: &str, number: usize) -> String {
    match lang() {
        Lang::En => format!("Delete {what} {number}"),
        Lang::Ja => format!("{number}行目の{what}を削除"),
    }
}

crate::texts! {
    pub enum AccountsText {
        Title => "Accounts", "勘定科目";
        Note => "The account (code and name) each cost books under in the exports; a line without its own takes its category\u{2019}s",
            "書き出すファイルに載せる勘定科目（科目コードと科目名）です。個別に設定しない明細は費目の勘定科目を使います。";
        CostItem => "Cost", "費用項目";
        Code => "Account code", "科目コード";
        Name => "Account name", "勘定科目";
        Categories => "Categories", "費目";
        Lines => "Lines with an account of their own", "明細ごとの勘定科目";
        LinesNote => "Leave a line empty to book it under its category\u{2019}s account. Tools per seat take the tools category\u{2019}s.",
            "空欄の明細は費目の勘定科目で計上します。ツール（1席あたり）はツール費の勘定科目を使います。";
        Burden => "burden", "法定福利費の内訳";
        PerHead => "per head", "一人当たり費用";
        OtherCost => "other cost", "その他の費用";
        CloudLine => "cloud", "クラウド";
        ResetToPreset => "Reset to the Japan preset", "日本のプリセットに戻す";
        ResetNote => "Sets each category to the account Japanese finance teams usually book it under, without codes, and clears the lines\u{2019} own accounts. Undo puts them back.",
            "費目を一般的な勘定科目（給料手当、賞与、法定福利費など、科目コードなし）に戻し、明細ごとの設定を消去します。元に戻すボタンで取り消せます。";
    }
}

/// A refused account code or name, as a sentence for the field.
pub fn account_problem(problem: &crate::model::accounts::AccountProblem) -> String {
    use crate::model::accounts::AccountProblem as P;
    match lang() {
        Lang::En => problem.to_string(),
        Lang::Ja => match problem {
            P::CodeTooLong { max } => format!("科目コードは{max}文字以内で入力してください。"),
            P::CodeCharacter { found } if found.is_whitespace() => {
                "科目コードに使えるのは英数字と「- . / _」だけです（空白は使えません）。"
                    .to_string()
            }
            P::CodeCharacter { found } => format!(
                "科目コードに使えるのは英数字と「- . / _」だけです（「{found}」は使えません）。"
            ),
            P::NameTooLong { max } => format!("勘定科目は{max}文字以内で入力してください。"),
            P::ControlCharacter => "タブや改行は入力できません。".to_string(),
        },
    }
}

/// An empty table of rows: "No tools yet." / "ツールはまだありません。".
pub fn no_rows(what: &str) -> String {
    match lang() {
        Lang::En => format!("No {what}s yet."),
        Lang::Ja => format!("{what}はまだありません。"),
    }
}

/// The add button below a table of rows: "Add tool" / "ツールを追加".
pub fn add_row(what: &str) -> String {
    match lang() {
        Lang::En => format!("Add {what}"),
        Lang::Ja => format!("{what}を追加"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::AssumptionsText>();
        crate::i18n::assert_translated::<super::AccountsText>();
    }

    #[test]
    fn sentences_in_each_language() {
        let (first, last) = (
            YearMonth::new(2026, 4).unwrap(),
            YearMonth::new(2029, 3).unwrap(),
        );
        set_lang(Lang::En);
        assert_eq!(horizon_span(first, last), "Apr 2026 to Mar 2029");
        assert_eq!(
            horizon_span(first, last),
            format!("{} to {}", first.label(), last.label())
        );
        assert_eq!(scenario_heading("Base"), "Scenario \u{201c}Base\u{201d}");
        assert_eq!(money_unit("JPY", "per hire"), "JPY per hire");
        assert_eq!(month_of_year(4), "April");
        assert_eq!(delete_row("tool", 2), "Delete tool 2");
        assert_eq!(no_rows("bonus payout"), "No bonus payouts yet.");
        assert_eq!(add_row("other cost"), "Add other cost");
        set_lang(Lang::Ja);
        assert_eq!(horizon_span(first, last), "2026年4月～2029年3月");
        assert_eq!(scenario_heading("基準"), "シナリオ「基準」");
        assert_eq!(month_of_year(12), "12月");
        for text in [
            money_unit("JPY", "採用1人あたり"),
            delete_row("ツール", 2),
            no_rows("ツール"),
            add_row("ツール"),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
        }
        set_lang(Lang::En);
    }

    #[test]
    fn account_problems_in_each_language() {
        use crate::model::accounts::AccountProblem as P;
        let problems = [
            P::CodeTooLong { max: 20 },
            P::CodeCharacter { found: '給' },
            P::CodeCharacter { found: ' ' },
            P::NameTooLong { max: 60 },
            P::ControlCharacter,
        ];
        set_lang(Lang::En);
        assert_eq!(
            account_problem(&P::CodeTooLong { max: 20 }),
            "An account code has at most 20 characters."
        );
        set_lang(Lang::Ja);
        for p in &problems {
            assert!(reads_as_japanese(&account_problem(p)), "{p}");
        }
        set_lang(Lang::En);
    }
}
