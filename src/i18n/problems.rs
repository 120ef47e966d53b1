//! The texts of the model's validation messages and of the errors of files
//! and storage.
//!
//! The model names what is wrong as data ([`Problem`], [`DateProblem`]) and
//! writes it in English itself (the CLI and the tests read that); the
//! Japanese is written here from the same figures and names.

use super::{Lang, format, lang};
use crate::model::date::{MAX_YEAR, MIN_YEAR};
use crate::model::{ChangeOf, DateError, DateProblem, Named, PlanError, Problem, Quantity};

/// A problem with the plan, in the current language.
pub fn problem_text(error: &PlanError) -> String {
    problem_text_in(error, lang())
}

/// A problem with the plan in `lang`: the model's own message in English.
pub fn problem_text_in(error: &PlanError, lang: Lang) -> String {
    match lang {
        Lang::En => error.message.clone(),
        Lang::Ja => japanese(&error.problem),
    }
}

/// Why the model refused a change (of teams, of scenarios, …), in the
/// current language.
pub fn refusal(problem: &Problem) -> String {
    refusal_in(problem, lang())
}

/// Why the model refused a change, in `lang`: its own message in English.
pub fn refusal_in(problem: &Problem, lang: Lang) -> String {
    match lang {
        Lang::En => problem.to_string(),
        Lang::Ja => japanese(problem),
    }
}

/// Why a date or month was refused, in `lang`.
pub fn date_problem_text_in(error: &DateError, lang: Lang) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Ja => date_japanese(error),
    }
}

crate::texts! {
    /// Why an edit is refused before validation.
    pub enum ProblemsText {
        Locked => "This scenario is locked. Unlock it in Scenarios to change it.",
            "このシナリオはロックされています。変更するには、シナリオ画面でロックを解除してください。";
        NoScenarioToEdit => "There is no scenario to edit.", "編集するシナリオがありません。";
    }
}

/// "シナリオ名", "職種": what a thing's name is called.
fn name_of(what: Named) -> &'static str {
    match what {
        Named::Scenario => "シナリオ名",
        Named::Team => "チーム名",
        Named::Level => "等級名",
        Named::Tool => "ツール名",
        Named::Cost => "費用の名称",
        Named::CloudLine => "クラウド費用の項目名",
        Named::SavingsInitiative => "削減施策の名称",
        Named::Position => "職種",
        Named::BurdenComponent => "法定福利費の項目名",
        Named::Allowance => "手当の名称",
        Named::PerHeadCost => "一人当たり費用の名称",
    }
}

fn noun(what: Named) -> &'static str {
    match what {
        Named::Scenario => "シナリオ",
        Named::Team => "チーム",
        Named::Level => "等級",
        Named::Tool => "ツール",
        Named::Cost => "費用",
        Named::CloudLine => "クラウド費用の項目",
        Named::SavingsInitiative => "削減施策",
        Named::Position => "ポジション",
        Named::BurdenComponent => "法定福利費の項目",
        Named::Allowance => "手当",
        Named::PerHeadCost => "一人当たり費用",
    }
}

fn change_of(of: ChangeOf) -> &'static str {
    match of {
        ChangeOf::Salaries => "給与",
        ChangeOf::CloudCosts => "クラウド費用",
    }
}

fn quantity(what: Quantity) -> &'static str {
    match what {
        Quantity::Percentage => "率（%）",
        Quantity::Fte => "FTE",
        Quantity::Months => "賞与の月数",
        Quantity::Points => "調整幅（ポイント）",
        Quantity::Rate => "為替レート",
    }
}

/// 10^15, the largest amount, as Japanese finance says it.
const LIMIT: &str = "1,000兆";
const GROWTH_RANGE: &str = "-100%より大きく100%以下";

fn japanese(problem: &Problem) -> String {
    match problem {
        Problem::NoSuchScenario { number } => format!("{number}番目のシナリオはありません。"),
        Problem::PlanNeedsName => "計画名を入力してください。".into(),
        Problem::UnknownCurrency { code } => format!(
            "通貨コード「{code}」は使えません。JPYやUSDなどの通貨コードを入力してください。"
        ),
        Problem::HorizonLength { months, max } => {
            format!("計画期間は1～{max}か月で入力してください（{months}か月）。")
        }
        Problem::HorizonPastYear { year } => format!("計画期間が{year}年を超えています。"),
        Problem::NoScenarios => "計画にはシナリオが1つ以上必要です。".into(),
        Problem::MonthOutOfRange { month } => month_out_of_range(*month),
        Problem::NeedsName { what } => format!("{}を入力してください。", name_of(*what)),
        Problem::NameTaken { what, name } => format!("{}「{name}」はすでにあります。", noun(*what)),
        Problem::LevelTaken { level } => format!("等級「{level}」はすでにあります。"),
        Problem::UnknownLevel { level } => format!("等級「{level}」は等級の一覧にありません。"),
        Problem::UnknownTeam { team } => format!("チーム「{team}」はありません。"),
        Problem::PositionNeedsId => "ポジションのIDを入力してください。".into(),
        Problem::IdTaken { id } => format!("ID「{id}」のポジションはすでにあります。"),
        Problem::NegativeAmount { value } => format!("金額は0以上で入力してください（{value}）。"),
        Problem::AmountTooLarge { value } => {
            format!("金額は{LIMIT}以下で入力してください（{value}）。")
        }
        Problem::NoMinorUnit { currency, value } => {
            format!("{currency}の金額は整数で入力してください（{value}）。")
        }
        Problem::TooManyAmountDecimals {
            currency,
            decimals,
            value,
        } => format!("{currency}の金額は小数点以下{decimals}桁までで入力してください（{value}）。"),
        Problem::TooManyDecimals { what, max, value } => format!(
            "{}は小数点以下{max}桁までで入力してください（{value}）。",
            quantity(*what)
        ),
        Problem::RateOutOfRange { value } => format!("率は0～100%で入力してください（{value}%）。"),
        Problem::GrowthOutOfRange { value } => {
            format!("月次成長率は{GROWTH_RANGE}で入力してください（{value}%）。")
        }
        Problem::FteOutOfRange { value } => {
            format!("FTEは0より大きく1以下で入力してください（{value}）。")
        }
        Problem::PayoutOutOfRange { months } => {
            format!("賞与は基本給の0～12か月分で入力してください（{months}か月）。")
        }
        Problem::BandTaken => "同じ等級・勤務地の給与レンジがすでにあります。".into(),
        Problem::MidBelowMin => "中央値が下限を下回っています。".into(),
        Problem::MaxBelowMid => "上限が中央値を下回っています。".into(),
        Problem::NoBaseNorBand { level } => {
            format!("年間基本給が未入力で、等級「{level}」の給与レンジもありません。")
        }
        Problem::EndMonthBeforeStart { end, start } => format!(
            "終了月（{}）が開始月（{}）より前です。",
            format::month_in(*end, Lang::Ja),
            format::month_in(*start, Lang::Ja)
        ),
        Problem::EndDateBeforeStart { end, start } => format!(
            "終了日（{}）が開始日（{}）より前です。",
            format::date_in(*end, Lang::Ja),
            format::date_in(*start, Lang::Ja)
        ),
        Problem::PayoutMonthTaken { month } => {
            format!("{month}月の賞与はすでに登録されています。")
        }
        Problem::EscalationBeyondLimit => {
            format!("年次上昇率により、計画期間内に金額が{LIMIT}を超えます。")
        }
        Problem::GrowthBeyondLimit => {
            format!("成長率により、計画期間内に費用が{LIMIT}を超えます。")
        }
        Problem::RaisesBeyondLimit => {
            format!("昇給を重ねると、計画期間内に最も高い基本給が{LIMIT}を超えます。")
        }
        Problem::VacancyBeyondSeat { rate, lag } => {
            format!("離職率が年{rate}%で欠員補充に{lag}か月かかると、欠員が1人分を超えます。")
        }
        Problem::HireSlipOutOfRange { months, max } => {
            format!("採用時期のずれは前後{max}か月以内で入力してください（{months}か月）。")
        }
        Problem::AdjustedRaiseBeyondLimit { points, raise } => format!(
            "{points}ポイント調整すると昇給率が年{raise}%になり、計画期間内に最も高い基本給が{LIMIT}を超えます。"
        ),
        Problem::AdjustedRaiseOutOfRange { points, raise } => {
            let raise = match raise {
                Some(raise) => format!("年{raise}%に"),
                None => "範囲外に".into(),
            };
            format!(
                "{points}ポイント調整すると昇給率が{raise}なります。昇給率は0～100%にしてください。"
            )
        }
        Problem::AdjustedGrowthOverflow { points, line } => {
            format!("{points}ポイント調整すると「{line}」の成長率が範囲外になります。")
        }
        Problem::AdjustedGrowthOutOfRange {
            points,
            line,
            growth,
        } => format!(
            "{points}ポイント調整すると「{line}」の成長率が月{growth}%になります。月次成長率は{GROWTH_RANGE}にしてください。"
        ),
        Problem::AdjustedGrowthBeyondLimit {
            points,
            line,
            growth,
        } => format!(
            "{points}ポイント調整すると「{line}」の成長率が月{growth}%になり、計画期間内に費用が{LIMIT}を超えます。"
        ),
        Problem::AdjustedVacancyBeyondSeat { rate, team, lag } => {
            let whose = match team {
                None => "このシナリオ".to_string(),
                Some(name) => format!("チーム「{name}」"),
            };
            format!(
                "離職率を年{rate}%にすると、{whose}の欠員補充期間（{lag}か月）では欠員が1人分を超えます。"
            )
        }
        Problem::NoSuchPosition { number } => format!("{number}番目のポジションはありません。"),
        Problem::MonthOutsideHorizon { number } => format!("{number}か月目は計画期間外です。"),
        Problem::PlanHasNoScenario => "計画にシナリオがありません。".into(),
        Problem::FiscalYearOutsideHorizon => "その年度は計画期間外です。".into(),
        Problem::NoBaseScenario => "基準シナリオがありません。".into(),
        Problem::NotAFiscalYearOfHorizon { year } => format!(
            "{}は計画期間に含まれていません。",
            format::fiscal_year_in(*year, Lang::Ja)
        ),
        Problem::NoScenarioToCompareWith { number } => {
            format!("比較対象の{number}番目のシナリオはありません。")
        }
        Problem::CurrencyNotKnown => "計画の通貨が不明です。".into(),
        Problem::ScenarioMissing => "該当するシナリオがありません。".into(),
        Problem::TooLargeToCompute => {
            "このシナリオの金額が大きすぎるため、正確に計算できません。".into()
        }
        Problem::ScenarioIndexOutOfRange { index, count } => {
            format!("指定したシナリオ（{index}）はありません。この計画のシナリオは{count}件です。")
        }
        Problem::UnknownCurrencyCode { code } => format!("通貨コード「{code}」は使えません。"),
        Problem::NotJson { .. } => {
            "Fleetplanの計画ファイルではありません（JSONとして読み取れません）。".into()
        }
        Problem::OtherFormat { found, .. } => {
            format!("「{found}」形式のファイルです。Fleetplanの計画ファイルを選んでください。")
        }
        Problem::FormatMissing { .. } => {
            "Fleetplanの計画ファイルではありません（ファイル形式の指定がありません）。".into()
        }
        Problem::NewerVersion { version, supported } => format!(
            "この計画ファイルは新しいFleetplanで作成されています（バージョン{version}）。読み込めるのはバージョン{supported}までです。"
        ),
        Problem::UnsupportedVersion { expected } => format!(
            "対応していない計画ファイルのバージョンです（対応しているのはバージョン{expected}です）。"
        ),
        Problem::FileHasNoPlan => "ファイルに計画が含まれていません。".into(),
        Problem::Unreadable { .. } => {
            "この項目の値を読み取れません。ファイルの内容を確認してください。".into()
        }
        Problem::TeamNeedsName => "チーム名を入力してください。".into(),
        Problem::TeamExists { name } => format!("「{name}」という名前のチームはすでにあります。"),
        Problem::MoveToSameTeam => "移動先には別のチームを選んでください。".into(),
        Problem::NoTeamNamed { name } => format!("「{name}」という名前のチームはありません。"),
        Problem::TeamHasPositions { name, positions } => format!(
            "「{name}」にはまだ{positions}件のポジションがあります。先に移動または削除してください。"
        ),
        Problem::TeamStillNamed { name } => {
            format!("「{name}」を対象とするツールまたはその他の費用がまだあります。")
        }
        Problem::ScenarioNeedsName => "シナリオ名を入力してください。".into(),
        Problem::ScenarioExists { name } => {
            format!("「{name}」という名前のシナリオはすでにあります。")
        }
        Problem::NoScenarioNumber { number } => format!("{number}番目のシナリオはありません。"),
        Problem::LastScenario => {
            "計画にはシナリオが1つ以上必要なため、最後のシナリオは削除できません。".into()
        }
        Problem::DeletingLocked { name } => {
            format!("「{name}」はロックされています。削除するにはロックを解除してください。")
        }
        Problem::AlreadyLocked { name, since } => format!(
            "「{name}」は{}からロックされています。",
            format::date_in(*since, Lang::Ja)
        ),
        Problem::NotLocked { name } => format!("「{name}」はロックされていません。"),
        Problem::NextYearPastYear { year } => {
            format!("翌年度が{year}年より後に始まるため、作成できません。")
        }
        Problem::ChangeLeavesNothing { pct, of } => format!(
            "{}を{pct}%変更すると0以下になります。-100%より大きい値を入力してください。",
            change_of(*of)
        ),
        Problem::ChangeTooLarge { pct, of } => {
            format!("{}の変更率（{pct}%）が大きすぎます。", change_of(*of))
        }
        Problem::ChangeBeyondLimit { of, amount } => format!(
            "{}を変更すると、金額{amount}が上限（{LIMIT}）を超えます。",
            change_of(*of)
        ),
        Problem::LevelNeedsName => "等級名を入力してください。".into(),
        Problem::LevelExists { name } => format!("「{name}」という名前の等級はすでにあります。"),
        Problem::NoLevelNamed { name } => format!("「{name}」という名前の等級はありません。"),
        Problem::LevelInUse {
            name,
            positions,
            bands,
        } => {
            let users: Vec<String> = [
                (*positions > 0).then(|| format!("ポジション{positions}件")),
                (*bands > 0).then(|| format!("給与レンジ{bands}件")),
            ]
            .into_iter()
            .flatten()
            .collect();
            format!(
                "{}が「{name}」を使っています。先に移動または削除してください。",
                users.join("と")
            )
        }
        Problem::BandExists { level, location } => match location {
            Some(location) => {
                format!("「{level}」には勤務地「{location}」の給与レンジがすでにあります。")
            }
            None => format!("「{level}」には勤務地指定なしの給与レンジがすでにあります。"),
        },
        Problem::TwoBases => "年間基本給と月給のどちらか一方を入力してください。".into(),
        Problem::ScheduleOutOfOrder { from } => format!(
            "{}からの改定は、その前の改定より後の月にしてください。",
            format::month_in(*from, Lang::Ja)
        ),
        Problem::GradedNeedsYen { currency } => format!(
            "標準報酬月額の等級表は円建てです。等級方式の項目は通貨が円の計画でのみ使えます（{currency}）。"
        ),
        Problem::NoExchangeRate { currency } => format!(
            "この費用は{currency}建てです。シナリオに{currency}の為替レートを設定してください。"
        ),
        Problem::RateOfPlanCurrency { currency } => {
            format!("{currency}は計画の通貨です。為替レートは不要です。")
        }
        Problem::RateOutOfBounds { value } => {
            format!("為替レートは0より大きく10億以下にしてください（{value}）。")
        }
        Problem::RateStepTaken { currency, from } => format!(
            "{currency}には{}年{}月からのレートがすでにあります。",
            from.year(),
            from.month()
        ),
        Problem::FxChangeOutOfRange { value } => {
            format!("為替の変動は−90%から+900%の範囲にしてください（{value}%）。")
        }
        Problem::ActualOutsideHorizon { month } => {
            format!("{}年{}月は計画期間外です。", month.year(), month.month())
        }
        Problem::ActualTwice {
            month,
            category,
            team,
        } => match (
            team,
            crate::model::Category::from_key(category)
                .map_or(*category, |c| super::common::category_in(c, Lang::Ja)),
        ) {
            (Some(team), category) => format!(
                "{}年{}月の実績「{category}」がチーム「{team}」に二つあります。",
                month.year(),
                month.month()
            ),
            (None, category) => format!(
                "{}年{}月の実績「{category}」（チームなし）が二つあります。",
                month.year(),
                month.month()
            ),
        },
        // Known only in English: said in general terms.
        Problem::Other(_) => "内容に誤りがあります。".into(),
    }
}

fn month_out_of_range(month: impl std::fmt::Display) -> String {
    format!("月は1～12で入力してください（{month}）。")
}

fn date_japanese(error: &DateError) -> String {
    let text = error.text.as_deref().unwrap_or_default();
    match error.problem {
        DateProblem::YearOutOfRange { year } => {
            format!("年は{MIN_YEAR}～{MAX_YEAR}で入力してください（{year}）。")
        }
        DateProblem::MonthOutOfRange { month } => month_out_of_range(month),
        DateProblem::NoSuchDay {
            year,
            month,
            days,
            day,
        } => format!("{year}年{month}月に{day}日はありません（{days}日までです）。"),
        DateProblem::NotAMonth => {
            format!("「{text}」は年月として読み取れません。2026-04のように入力してください。")
        }
        DateProblem::NotADate => {
            format!("「{text}」は日付として読み取れません。2026-04-01のように入力してください。")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::reads_as_japanese;
    use crate::model::problem::tests::samples;
    use crate::model::{Date, YearMonth};

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::ProblemsText>();
    }

    fn assert_japanese(japanese: &str, of: &dyn std::fmt::Debug) {
        assert!(!japanese.trim().is_empty(), "{of:?}: no Japanese");
        assert!(
            reads_as_japanese(japanese),
            "{of:?}: English left in {japanese:?}"
        );
        assert!(
            japanese.ends_with('。'),
            "{of:?}: {japanese:?} is not a sentence"
        );
        assert!(
            !japanese.contains(". ") && !japanese.ends_with('.'),
            "{of:?}: English punctuation in {japanese:?}"
        );
    }

    #[test]
    fn every_problem_reads_in_each_language() {
        for (problem, english) in samples() {
            let error = PlanError::at("scenarios[0].positions[2].fte", problem.clone());
            assert_eq!(problem_text_in(&error, Lang::En), english);
            assert_japanese(&problem_text_in(&error, Lang::Ja), &problem);
        }
    }

    #[test]
    fn japanese_messages_carry_the_figures_and_names() {
        let ja = |problem: Problem| problem_text_in(&PlanError::at("", problem), Lang::Ja);
        assert_eq!(
            ja(Problem::NegativeAmount {
                value: rust_decimal::dec!(-5)
            }),
            "金額は0以上で入力してください（-5）。"
        );
        assert_eq!(
            ja(Problem::UnknownTeam {
                team: "データ基盤".into()
            }),
            "チーム「データ基盤」はありません。"
        );
        assert_eq!(
            ja(Problem::EndDateBeforeStart {
                end: Date::new(2026, 3, 31).unwrap(),
                start: Date::new(2026, 4, 1).unwrap(),
            }),
            "終了日（2026年3月31日）が開始日（2026年4月1日）より前です。"
        );
        assert_eq!(
            ja(Problem::NeedsName {
                what: Named::Position
            }),
            "職種を入力してください。"
        );
    }

    #[test]
    fn the_current_language_is_used() {
        let error = PlanError::at("name", Problem::PlanNeedsName);
        crate::i18n::set_lang(Lang::Ja);
        assert_eq!(problem_text(&error), "計画名を入力してください。");
        crate::i18n::set_lang(Lang::En);
        assert_eq!(problem_text(&error), "the plan needs a name");
        // A message known only in English stays English in English.
        let other = PlanError::new("", "the CSV has no header");
        assert_eq!(problem_text(&other), "the CSV has no header");
    }

    #[test]
    fn the_models_refusals_read_in_each_language() {
        use crate::model::teams::TeamDeletion;
        use crate::model::{Plan, generate_plan};
        use rust_decimal::Decimal;

        // Base, Aggressive, Conservative.
        let mut plan = generate_plan(2, 12, 3, 1);
        let day = Date::new(2026, 4, 1).unwrap();
        plan.lock_scenario(1, day).unwrap();
        let mut big = plan.clone();
        big.scenarios[0].bands[0].max = Decimal::from(5 * 10_i64.pow(14));
        let late = Plan::blank("P", "JPY", 4, YearMonth::new(9999, 1).unwrap(), 12);
        let mut one = late.clone();
        let mut s = late.scenarios[0].clone();
        s.add_position("A", "Platform", Decimal::from(6_000_000), day);
        s.ensure_team("Product");
        let (team, other) = ("Platform".to_string(), "Product".to_string());
        let cases = [
            (
                s.add_team(" ").unwrap_err(),
                "チーム名を入力してください。".to_string(),
            ),
            (
                s.add_team(&other).unwrap_err(),
                format!("「{other}」という名前のチームはすでにあります。"),
            ),
            (
                s.rename_team(&team, "").unwrap_err(),
                "チーム名を入力してください。".into(),
            ),
            (
                s.rename_team(&team, &other).unwrap_err(),
                format!("「{other}」という名前のチームはすでにあります。"),
            ),
            (
                s.delete_team(&team, TeamDeletion::MoveTo(team.clone()))
                    .unwrap_err(),
                "移動先には別のチームを選んでください。".into(),
            ),
            (
                s.delete_team(&team, TeamDeletion::MoveTo("Mobile".into()))
                    .unwrap_err(),
                "「Mobile」という名前のチームはありません。".into(),
            ),
            (
                s.remove_team(&team).unwrap_err(),
                format!("「{team}」にはまだ"),
            ),
            (
                plan.add_scenario(" ").unwrap_err(),
                "シナリオ名を入力してください。".into(),
            ),
            (
                plan.rename_scenario(0, "Aggressive").unwrap_err(),
                "「Aggressive」という名前のシナリオはすでにあります。".into(),
            ),
            (
                plan.set_base_scenario(7).unwrap_err(),
                "8番目のシナリオはありません。".into(),
            ),
            (
                plan.delete_scenario(1).unwrap_err(),
                "「Aggressive」はロックされています。削除するにはロックを解除してください。".into(),
            ),
            (
                plan.lock_scenario(1, day).unwrap_err(),
                "「Aggressive」は2026年4月1日からロックされています。".into(),
            ),
            (
                plan.unlock_scenario(0).unwrap_err(),
                "「Base」はロックされていません。".into(),
            ),
            (
                one.delete_scenario(0).unwrap_err(),
                "計画にはシナリオが1つ以上必要なため、最後のシナリオは削除できません。".into(),
            ),
            (
                late.next_year_plan(0, Decimal::ZERO, Decimal::ZERO)
                    .unwrap_err(),
                "翌年度が9999年より後に始まるため、作成できません。".into(),
            ),
            (
                plan.next_year_plan(0, Decimal::from(-100), Decimal::ZERO)
                    .unwrap_err(),
                "給与を-100%変更すると0以下になります。-100%より大きい値を入力してください。"
                    .into(),
            ),
            (
                big.next_year_plan(0, Decimal::from(900), Decimal::ZERO)
                    .unwrap_err(),
                "給与を変更すると、金額500000000000000が上限（1,000兆）を超えます。".into(),
            ),
        ];
        for (problem, expected) in cases {
            let ja = refusal_in(&problem, Lang::Ja);
            assert!(ja.starts_with(&expected), "{problem:?} → {ja}");
            let names = ["Base", "Aggressive", "Mobile", "Platform", "Product"];
            let bare = names.iter().fold(ja.clone(), |ja, n| ja.replace(n, ""));
            assert_japanese(&bare, &problem);
            assert_eq!(refusal_in(&problem, Lang::En), problem.to_string());
        }
        assert_eq!(
            refusal_in(
                &Problem::ChangeTooLarge {
                    pct: rust_decimal::dec!(1),
                    of: ChangeOf::CloudCosts
                },
                Lang::Ja
            ),
            "クラウド費用の変更率（1%）が大きすぎます。"
        );
    }

    #[test]
    fn the_ladders_refusals_read_in_each_language() {
        use crate::model::Scenario;
        use rust_decimal::Decimal;

        let day = Date::new(2026, 4, 1).unwrap();
        let mut s = Scenario::blank("Base");
        s.rename_level("Mid", "ミドル").unwrap();
        s.add_level("プリンシパル").unwrap();
        s.add_position("A", "Platform", Decimal::from(6_000_000), day);
        s.positions[0].level = "ミドル".into();
        s.add_band("ミドル", None).unwrap();
        s.add_band("ミドル", Some("大阪")).unwrap();
        s.add_band("プリンシパル", Some("大阪")).unwrap();
        let mut one = s.clone();
        one.positions.clear();
        one.bands.truncate(1);
        let cases = [
            (s.add_level(" "), "等級名を入力してください。"),
            (
                s.add_level(" ミドル "),
                "「ミドル」という名前の等級はすでにあります。",
            ),
            (s.rename_level("ミドル", ""), "等級名を入力してください。"),
            (
                s.rename_level("ミドル", "プリンシパル"),
                "「プリンシパル」という名前の等級はすでにあります。",
            ),
            (
                s.rename_level("エキスパート", "マスター"),
                "「エキスパート」という名前の等級はありません。",
            ),
            (
                s.remove_level("エキスパート"),
                "「エキスパート」という名前の等級はありません。",
            ),
            (
                s.remove_level("ミドル"),
                "ポジション1件と給与レンジ2件が「ミドル」を使っています。先に移動または削除してください。",
            ),
            (
                s.remove_level("プリンシパル"),
                "給与レンジ1件が「プリンシパル」を使っています。先に移動または削除してください。",
            ),
            (
                one.remove_level("ミドル"),
                "給与レンジ1件が「ミドル」を使っています。先に移動または削除してください。",
            ),
            (
                s.add_band("エキスパート", None).map(drop),
                "「エキスパート」という名前の等級はありません。",
            ),
            (
                s.add_band("ミドル", None).map(drop),
                "「ミドル」には勤務地指定なしの給与レンジがすでにあります。",
            ),
            (
                s.add_band("ミドル", Some(" 大阪 ")).map(drop),
                "「ミドル」には勤務地「大阪」の給与レンジがすでにあります。",
            ),
        ];
        for (result, expected) in cases {
            let problem = result.unwrap_err();
            let ja = refusal_in(&problem, Lang::Ja);
            assert_eq!(ja, expected, "{problem:?}");
            assert_japanese(&ja, &problem);
            assert_eq!(refusal_in(&problem, Lang::En), problem.to_string());
        }
        let mut positions_only = s.clone();
        positions_only.bands.clear();
        let problem = positions_only.remove_level("ミドル").unwrap_err();
        assert_eq!(
            refusal_in(&problem, Lang::En),
            "1 position still uses “ミドル”: move or delete them first."
        );
        assert_eq!(
            refusal_in(&problem, Lang::Ja),
            "ポジション1件が「ミドル」を使っています。先に移動または削除してください。"
        );
        let problem = s.add_band("ミドル", Some("大阪")).unwrap_err();
        assert_eq!(
            refusal_in(&problem, Lang::En),
            "“ミドル” already has a band for 大阪."
        );
    }

    #[test]
    fn a_refusal_is_in_the_current_language() {
        crate::i18n::set_lang(Lang::Ja);
        assert_eq!(
            refusal(&Problem::TeamNeedsName),
            "チーム名を入力してください。"
        );
        assert_eq!(
            refusal(&Problem::LevelNeedsName),
            "等級名を入力してください。"
        );
        crate::i18n::set_lang(Lang::En);
        assert_eq!(refusal(&Problem::TeamNeedsName), "A team needs a name.");
        assert_eq!(refusal(&Problem::LevelNeedsName), "A level needs a name.");
    }

    #[test]
    fn every_date_problem_reads_in_each_language() {
        let errors = [
            "2026-02-30".parse::<Date>().unwrap_err(),
            Date::new(2025, 2, 29).unwrap_err(),
            "2026-13".parse::<YearMonth>().unwrap_err(),
            YearMonth::new(10_000, 1).unwrap_err(),
            "0999-01".parse::<YearMonth>().unwrap_err(),
            "2026/04".parse::<YearMonth>().unwrap_err(),
            "2026/04/01".parse::<Date>().unwrap_err(),
        ];
        let mut kinds = std::collections::HashSet::new();
        for error in &errors {
            kinds.insert(std::mem::discriminant(&error.problem));
            assert_eq!(date_problem_text_in(error, Lang::En), error.to_string());
            assert_japanese(&date_problem_text_in(error, Lang::Ja), error);
        }
        assert_eq!(kinds.len(), 5, "a sample of every date problem");
        assert_eq!(
            date_problem_text_in(&errors[0], Lang::Ja),
            "2026年2月に30日はありません（28日までです）。"
        );
        assert_eq!(
            date_problem_text_in(&errors[6], Lang::Ja),
            "「2026/04/01」は日付として読み取れません。2026-04-01のように入力してください。"
        );
    }
}
