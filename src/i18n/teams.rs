//! The texts of the teams part of the planner: the Teams view, deleting a
//! team, and the totals per team above the roster.

use rust_decimal::Decimal;

use super::format::{month_range, percent};
use super::{Lang, lang};
use crate::model::YearMonth;
use crate::model::teams::TeamUsage;

crate::texts! {
    /// The teams' headings, labels and messages.
    pub enum TeamsText {
        // Totals per team (Headcount view).
        TotalsHeading => "Totals per team", "チーム別合計";
        NoTeamRow => "No team (cloud, shared costs)", "チームなし（クラウド費用・共通費）";
        PositionCount => "Positions", "ポジション数";

        // The Teams view.
        FirstYear => "first FY", "初年度";
        FiguresLater => "Figures appear once the plan's problems are fixed.",
            "計画の問題を解消すると数値が表示されます。";
        Attrition => "Attrition % a year", "離職率（年率%）";
        BackfillLag => "Backfill lag, months", "欠員補充までの月数";
        NoTeams => "No teams yet. Add one below, or add a position with a new team.",
            "チームはまだありません。下のフォームで追加するか、新しいチーム名でポジションを追加してください。";
        NewTeam => "New team", "新しいチーム";
        NewTeamPlaceholder => "Mobile", "モバイル";
        AddTeam => "Add team", "チームを追加";

        // A team's row.
        TeamName => "Team name", "チーム名";
        AttritionOverride => "Attrition override, % a year", "離職率の個別設定（年率%）";
        BackfillOverride => "Backfill lag override, months", "欠員補充までの月数の個別設定";
        Default => "default", "既定値";

        // Deleting a team.
        WhatHappens => "What happens to them", "紐づく項目の扱い";
        DeleteTeam => "Delete team", "チームを削除";
        DeleteWithPositions => "Delete them with the team", "チームとともに削除";
        DeleteTeamOnly => "Delete the team only", "チームのみ削除";
        ToolsRemoved => "Tools only this team used are removed; the others no longer list it.",
            "このチームだけが使っていたツールは削除され、他のツールの対象からもこのチームが外れます。";
    }
}

/// A fiscal year that the plan covers only in part: "FY2026 (partial)".
pub fn partial_year(year: &str) -> String {
    match lang() {
        Lang::En => format!("{year} (partial)"),
        Lang::Ja => format!("{year}（一部期間）"),
    }
}

/// Beside the totals per team's heading; `currency` is the unit the
/// costs are shown in ("JPY", "¥K" / "千円").
pub fn totals_note(first_year: &str, currency: &str) -> String {
    match lang() {
        Lang::En => format!("Heads and FTE at the end of {first_year}; costs in {currency}"),
        Lang::Ja => format!("人数・FTEは{first_year}末時点、費用の単位は{currency}"),
    }
}

/// The months of the first fiscal year: "Apr 2026 – Mar 2027", with the
/// note that only part of it is in the plan when so.
pub fn year_months(first: YearMonth, last: YearMonth, partial: bool) -> String {
    let range = month_range(first, last);
    match (lang(), partial) {
        (_, false) => range,
        (Lang::En, true) => format!("{range}, the part inside the plan"),
        (Lang::Ja, true) => format!("{range}、計画期間内の部分"),
    }
}

/// "Figures for FY2026 (Apr 2026 – Mar 2027)".
pub fn figures_for(year: &str, months: &str) -> String {
    match lang() {
        Lang::En => format!("Figures for {year} ({months})"),
        Lang::Ja => format!("{year}の数値（{months}）"),
    }
}

/// Column: "Heads, end of FY2026".
pub fn heads_at_end(year: &str) -> String {
    match lang() {
        Lang::En => format!("Heads, end of {year}"),
        Lang::Ja => format!("{year}末の人数"),
    }
}

/// Column: "FTE, end of FY2026".
pub fn fte_at_end(year: &str) -> String {
    match lang() {
        Lang::En => format!("FTE, end of {year}"),
        Lang::Ja => format!("{year}末のFTE"),
    }
}

/// Column: "Cost FY2026" / 「2026年度の費用」, before its unit ("(JPY)" / 「（円）」).
pub fn cost_in(year: &str) -> String {
    match lang() {
        Lang::En => format!("Cost {year}"),
        Lang::Ja => format!("{year}の費用"),
    }
}

/// What an empty override means: the scenario's attrition.
pub fn attrition_defaults(rate_pct: Decimal, lag_months: u8) -> String {
    match lang() {
        Lang::En => format!(
            "Empty: the scenario's {} a year, {lag_months} months",
            percent(rate_pct)
        ),
        Lang::Ja => format!(
            "空欄の場合はシナリオの値（年{}、{lag_months}か月）",
            percent(rate_pct)
        ),
    }
}

/// The delete button and dialog, for screen readers: "Delete team Data".
pub fn delete_team(name: &str) -> String {
    match lang() {
        Lang::En => format!("Delete team {name}"),
        Lang::Ja => format!("チーム「{name}」を削除"),
    }
}

fn count_en(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// The tools and other costs that name a team: "1 tool and 2 other costs" /
/// "ツール1件とその他の費用2件"; empty when none does.
fn naming(tools: usize, other_costs: usize) -> String {
    let mut parts = Vec::new();
    match lang() {
        Lang::En => {
            if tools > 0 {
                parts.push(count_en(tools, "tool", "tools"));
            }
            if other_costs > 0 {
                parts.push(count_en(other_costs, "other cost", "other costs"));
            }
            parts.join(" and ")
        }
        Lang::Ja => {
            if tools > 0 {
                parts.push(format!("ツール{tools}件"));
            }
            if other_costs > 0 {
                parts.push(format!("その他の費用{other_costs}件"));
            }
            parts.join("と")
        }
    }
}

/// What deleting a team asks first: "Delete “Data”? It has 2 positions; 1
/// tool names it."
pub fn delete_question(name: &str, usage: TeamUsage) -> String {
    let TeamUsage {
        positions,
        tools,
        other_costs,
    } = usage;
    let naming = naming(tools, other_costs);
    match lang() {
        Lang::En => {
            let verb = if tools + other_costs == 1 {
                "names"
            } else {
                "name"
            };
            let positions_text = count_en(positions, "position", "positions");
            match (positions, naming.is_empty()) {
                (0, _) => format!("Delete \u{201c}{name}\u{201d}? {naming} {verb} it."),
                (_, true) => format!("Delete \u{201c}{name}\u{201d}? It has {positions_text}."),
                (_, false) => format!(
                    "Delete \u{201c}{name}\u{201d}? It has {positions_text}; {naming} {verb} it."
                ),
            }
        }
        Lang::Ja => match (positions, naming.is_empty()) {
            (0, _) => format!("「{name}」を削除しますか？{naming}がこのチームを参照しています。"),
            (_, true) => format!("「{name}」を削除しますか？ポジションが{positions}件あります。"),
            (_, false) => format!(
                "「{name}」を削除しますか？ポジションが{positions}件あり、{naming}がこのチームを参照しています。"
            ),
        },
    }
}

/// What deleting a team with what it has does.
pub fn deleted_with_team(usage: TeamUsage) -> String {
    let TeamUsage {
        positions,
        tools,
        other_costs,
    } = usage;
    let mut parts = Vec::new();
    match lang() {
        Lang::En => {
            if positions > 0 {
                parts.push(format!(
                    "{} deleted.",
                    count_en(positions, "position is", "positions are")
                ));
            }
            if tools > 0 {
                parts.push(super::t(TeamsText::ToolsRemoved).to_string());
            }
            if other_costs > 0 {
                parts.push(format!(
                    "{} in the budget as costs of no team.",
                    count_en(other_costs, "other cost stays", "other costs stay")
                ));
            }
            parts.join(" ")
        }
        Lang::Ja => {
            if positions > 0 {
                parts.push(format!("ポジション{positions}件を削除します。"));
            }
            if tools > 0 {
                parts.push(super::t(TeamsText::ToolsRemoved).to_string());
            }
            if other_costs > 0 {
                parts.push(format!(
                    "その他の費用{other_costs}件は、チームなしの費用として予算に残ります。"
                ));
            }
            parts.concat()
        }
    }
}

/// A choice of where a deleted team's belongings go: "Move them to Data"
/// when it has positions, else "Move its tool seats and costs to Data".
pub fn move_choice(team: &str, has_positions: bool) -> String {
    match (lang(), has_positions) {
        (Lang::En, true) => format!("Move them to {team}"),
        (Lang::En, false) => format!("Move its tool seats and costs to {team}"),
        (Lang::Ja, true) => format!("ポジションをチーム「{team}」へ移動"),
        (Lang::Ja, false) => format!("ツールの利用枠と費用をチーム「{team}」へ移動"),
    }
}

/// What moving a deleted team's belongings to `team` does.
pub fn moved_to(team: &str) -> String {
    match lang() {
        Lang::En => format!("Its positions, other costs and tool seats move to {team}."),
        Lang::Ja => {
            format!("ポジション、その他の費用、ツールの利用枠はチーム「{team}」に移ります。")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_japanese, set_lang};
    use rust_decimal::dec;

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::TeamsText>();
    }

    fn usage(positions: usize, tools: usize, other_costs: usize) -> TeamUsage {
        TeamUsage {
            positions,
            tools,
            other_costs,
        }
    }

    #[test]
    fn sentences_in_each_language() {
        let april = YearMonth::new(2026, 4).unwrap();
        let march = YearMonth::new(2027, 3).unwrap();
        set_lang(Lang::En);
        assert_eq!(year_months(april, march, false), "Apr 2026 – Mar 2027");
        assert_eq!(
            year_months(april, march, true),
            "Apr 2026 – Mar 2027, the part inside the plan"
        );
        assert_eq!(
            attrition_defaults(dec!(8.0), 3),
            "Empty: the scenario's 8 % a year, 3 months"
        );
        assert_eq!(
            delete_question("Data", usage(0, 1, 0)),
            "Delete “Data”? 1 tool names it."
        );
        assert_eq!(
            delete_question("Data", usage(2, 0, 0)),
            "Delete “Data”? It has 2 positions."
        );
        assert_eq!(
            delete_question("Data", usage(1, 2, 1)),
            "Delete “Data”? It has 1 position; 2 tools and 1 other cost name it."
        );
        assert_eq!(
            deleted_with_team(usage(1, 1, 2)),
            "1 position is deleted. Tools only this team used are removed; the others no longer list it. 2 other costs stay in the budget as costs of no team."
        );

        set_lang(Lang::Ja);
        assert_eq!(year_months(april, march, false), "2026年4月～2027年3月");
        assert_eq!(
            attrition_defaults(dec!(8.0), 3),
            "空欄の場合はシナリオの値（年8%、3か月）"
        );
        assert_eq!(
            delete_question("Data", usage(1, 2, 1)),
            "「Data」を削除しますか？ポジションが1件あり、ツール2件とその他の費用1件がこのチームを参照しています。"
        );
        let japanese = [
            partial_year("2026年度"),
            totals_note("2026年度", ""),
            year_months(april, march, true),
            figures_for("", ""),
            heads_at_end(""),
            fte_at_end(""),
            cost_in(""),
            delete_team(""),
            delete_question("", usage(0, 1, 1)),
            delete_question("", usage(3, 0, 0)),
            deleted_with_team(usage(1, 1, 1)),
            moved_to(""),
            move_choice("", true),
            move_choice("", false),
        ];
        assert!(
            japanese.iter().all(|s| reads_as_japanese(s)),
            "{japanese:?}"
        );
        set_lang(Lang::En);
    }
}
