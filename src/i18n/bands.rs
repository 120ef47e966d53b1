//! The texts of the bands part of the planner: the career ladder, the salary
//! bands, the chart of salaries against their bands and the positions
//! outside them.

use super::{Lang, lang};

crate::texts! {
    pub enum BandsText {
        SalaryBands => "Salary bands", "給与レンジ";
        // The career ladder
        CareerLadder => "Career ladder", "等級体系";
        LowestLevelFirst => "Lowest level first", "下位の等級から順に表示";
        NewLevel => "New level, added at the top", "新しい等級（最上位に追加）";
        /// An example level name, as the new level's placeholder.
        NewLevelExample => "Principal", "プリンシパル";
        AddLevel => "Add level", "等級を追加";
        LevelName => "Level name", "等級名";
        // The bands table
        /// Before the currency code: "Annual base, JPY. A position …".
        AnnualBasePrefix => "Annual base, ", "年間基本給（";
        AnnualBaseSuffix => ". A position without a salary is paid its band's midpoint.",
            "）。年間基本給が未設定のポジションにはレンジの中央値を適用します。";
        Minimum => "Minimum", "下限";
        Midpoint => "Midpoint", "中央値";
        Maximum => "Maximum", "上限";
        NoBandsYet => "No bands yet. Add one for each level of the ladder.",
            "給与レンジはまだありません。等級ごとに追加してください。";
        LocationEmptyAny => "Location (empty: any)", "勤務地（空欄：指定なし）";
        /// An example location, as the new band's placeholder.
        LocationExample => "Osaka", "大阪";
        AddBand => "Add band", "レンジを追加";
        /// Under the new band's figures when nothing suggests any.
        TypeFigures => "Type the band's minimum, midpoint and maximum.",
            "レンジの下限・中央値・上限を入力してください。";
        /// Under the new band's figures when they come from elsewhere.
        SuggestedFigures => "Suggested from the level's salaries or the nearest band; change them before adding.",
            "等級の年間基本給または近い等級のレンジからの提案値です。必要に応じて変更してから追加してください。";
        /// A band for every location (a placeholder and a table cell).
        AnyLocation => "any", "指定なし";
        // The chart
        ChartTitle => "Salaries against their bands", "給与レンジと各ポジションの年間基本給";
        Chart => "Chart", "グラフ";
        Table => "Table", "表";
        /// "No bands yet: add one with the form under [Salary bands] above.",
        /// the link between the two parts.
        NoBandsBefore => "No bands yet: add one with the form under ", "給与レンジはまだありません。上の「";
        NoBandsAfter => " above.", "」のフォームで追加してください。";
        /// "No levels yet: add one under [Career ladder] above, then …".
        NoLevelsBefore => "No levels yet: add one under ", "等級はまだありません。上の「";
        NoLevelsAfter => " above, then a band for it.", "」で等級を追加してから、その給与レンジを追加してください。";
        FiguresCaption => "Salary bands and the salaries at each level",
            "等級ごとの給与レンジと年間基本給";
        NoBand => "no band", "レンジなし";
        Min => "Min", "下限";
        Mid => "Mid", "中央値";
        Max => "Max", "上限";
        PositionsAtLevel => "Positions at level", "ポジション数";
        LowestSalary => "Lowest salary", "最低年間基本給";
        HighestSalary => "Highest salary", "最高年間基本給";
        BelowBand => "Below band", "レンジ未満";
        AboveBand => "Above band", "レンジ超過";
        // Outside their band
        OutsideTitle => "Outside their band", "レンジ外のポジション";
        AllWithin => "Every salary is within its band.", "すべての年間基本給がレンジ内です。";
        Position => "Position", "ポジション";
        Salary => "Salary", "年間基本給";
        Band => "Band", "レンジ";
        BelowOrAbove => "Below or above", "下限未満／上限超過";
        Below => "Below", "下限未満";
        Above => "Above", "上限超過";
        // The review of those outside their band
        SummaryCaption => "Positions outside their band, per band", "給与レンジ別のレンジ外ポジション";
        PositionsInBand => "Positions", "ポジション数";
        ShortOfMinimum => "Short of minimum", "下限までの不足額";
        OverMaximum => "Over maximum", "上限超過額";
        SummaryNote => "Short of minimum: what raising every salary below its band to the minimum would add to the annual base. Over maximum: by how much the salaries above their band exceed its maximum, in all.",
            "下限までの不足額：レンジ下限を下回る年間基本給をすべて下限まで引き上げた場合の年間基本給の増加額です。上限超過額：レンジ上限を上回る年間基本給の、上限からの超過額の合計です。";
        OutsideBy => "Outside by", "レンジとの差";
        /// The list's filter by band: every band.
        EveryBand => "Every band", "すべてのレンジ";
        /// The list's filter by side.
        Side => "Below or above", "下限未満／上限超過";
        BelowAndAbove => "Both", "両方";
        BelowOnly => "Below only", "下限未満のみ";
        AboveOnly => "Above only", "上限超過のみ";
        NoneMatch => "No position outside its band matches this choice.", "この条件に当てはまるレンジ外のポジションはありません。";
    }
}

/// What a level is used by: "1 position, 2 bands" / "ポジション1件、レンジ2件".
pub fn level_uses(positions: usize, bands: usize) -> String {
    match lang() {
        Lang::En => {
            let plural = |n: usize, one: &str| {
                if n == 1 {
                    format!("1 {one}")
                } else {
                    format!("{n} {one}s")
                }
            };
            format!(
                "{}, {}",
                plural(positions, "position"),
                plural(bands, "band")
            )
        }
        Lang::Ja => format!("ポジション{positions}件、レンジ{bands}件"),
    }
}

pub fn move_level_lower(level: &str) -> String {
    match lang() {
        Lang::En => format!("Move {level} one level lower"),
        Lang::Ja => format!("{level}を1つ下の等級へ移動"),
    }
}

pub fn move_level_higher(level: &str) -> String {
    match lang() {
        Lang::En => format!("Move {level} one level higher"),
        Lang::Ja => format!("{level}を1つ上の等級へ移動"),
    }
}

pub fn delete_level(level: &str) -> String {
    match lang() {
        Lang::En => format!("Delete level {level}"),
        Lang::Ja => format!("等級{level}を削除"),
    }
}

pub fn add_band_for(level: &str) -> String {
    match lang() {
        Lang::En => format!("Add band for {level}"),
        Lang::Ja => format!("{level}のレンジを追加"),
    }
}

pub fn delete_band(level: &str) -> String {
    match lang() {
        Lang::En => format!("Delete band {level}"),
        Lang::Ja => format!("{level}のレンジを削除"),
    }
}

/// A range of money: "¥6,000,000 – ¥8,400,000" / "¥6,000,000～¥8,400,000".
pub fn range(min: &str, max: &str) -> String {
    match lang() {
        Lang::En => format!("{min} – {max}"),
        Lang::Ja => format!("{min}～{max}"),
    }
}

/// The count of positions outside their band, by side: "9,348 positions:
/// 5,012 below, 4,336 above" / "9,348件（下限未満5,012件、上限超過4,336件）".
pub fn outside_counts(total: &str, below: &str, above: &str) -> String {
    match lang() {
        Lang::En if total == "1" => format!("1 position: {below} below, {above} above"),
        Lang::En => format!("{total} positions: {below} below, {above} above"),
        Lang::Ja => format!("{total}件（下限未満{below}件、上限超過{above}件）"),
    }
}

/// Which rows of the list are on screen: "Showing 1–50 of 9,348, farthest
/// outside first" / "レンジから遠い順に9,348件中1～50件を表示".
pub fn showing(last: &str, total: &str) -> String {
    match lang() {
        Lang::En => format!("Showing 1–{last} of {total}, farthest outside first"),
        Lang::Ja => format!("レンジから遠い順に{total}件中1～{last}件を表示"),
    }
}

/// The button that lengthens the list: "Show 50 more" / "さらに50件を表示".
pub fn show_more(n: &str) -> String {
    match lang() {
        Lang::En => format!("Show {n} more"),
        Lang::Ja => format!("さらに{n}件を表示"),
    }
}

/// While a large roster is checked: "Checking salaries against their
/// bands: 45 %" / "年間基本給をレンジと照合しています：45%".
pub fn reviewing(percent: u32) -> String {
    match lang() {
        Lang::En => format!("Checking salaries against their bands: {percent} %"),
        Lang::Ja => format!("年間基本給をレンジと照合しています：{percent}%"),
    }
}

/// How far outside its band a salary is: "¥500,000 (10.0 %)" /
/// "¥500,000（10.0%）"; the amount alone when the limit is zero.
pub fn outside_by(amount: &str, percent: Option<&str>) -> String {
    match (lang(), percent) {
        (_, None) => amount.to_string(),
        (Lang::En, Some(p)) => format!("{amount} ({p} %)"),
        (Lang::Ja, Some(p)) => format!("{amount}（{p}%）"),
    }
}

/// A band by its level and location: "L3" / "L3, Osaka" / "L3（大阪）".
pub fn band_name(level: &str, location: Option<&str>) -> String {
    match (lang(), location) {
        (_, None) => level.to_string(),
        (Lang::En, Some(l)) => format!("{level}, {l}"),
        (Lang::Ja, Some(l)) => format!("{level}（{l}）"),
    }
}

/// A band bar's tooltip: "L3 in Osaka: ¥6,000,000 – ¥8,400,000, midpoint
/// ¥7,200,000" / "L3（大阪）：¥6,000,000～¥8,400,000、中央値 ¥7,200,000".
pub fn band_title(level: &str, location: Option<&str>, min: &str, max: &str, mid: &str) -> String {
    match lang() {
        Lang::En => {
            let place = location.map(|l| format!(" in {l}")).unwrap_or_default();
            format!("{level}{place}: {min} – {max}, midpoint {mid}")
        }
        Lang::Ja => {
            let place = location.map(|l| format!("（{l}）")).unwrap_or_default();
            format!("{level}{place}：{min}～{max}、中央値 {mid}")
        }
    }
}

/// Where a salary sits against its band, for a dot's tooltip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Within,
    Below,
    Above,
}

/// A salary dot's tooltip: "Backend: ¥9,000,000, compa-ratio 1.25 (above
/// its band)" / "Backend：¥9,000,000、コンパレシオ 1.25（レンジ上限超過）".
pub fn salary_title(title: &str, salary: &str, compa_ratio: Option<&str>, fit: Fit) -> String {
    match lang() {
        Lang::En => {
            let ratio = compa_ratio
                .map(|r| format!(", compa-ratio {r}"))
                .unwrap_or_default();
            let fit = match fit {
                Fit::Below => " (below its band)",
                Fit::Above => " (above its band)",
                Fit::Within => "",
            };
            format!("{title}: {salary}{ratio}{fit}")
        }
        Lang::Ja => {
            let ratio = compa_ratio
                .map(|r| format!("、コンパレシオ {r}"))
                .unwrap_or_default();
            let fit = match fit {
                Fit::Below => "（レンジ下限未満）",
                Fit::Above => "（レンジ上限超過）",
                Fit::Within => "",
            };
            format!("{title}：{salary}{ratio}{fit}")
        }
    }
}

/// The chart's text for screen readers.
pub fn chart_summary(levels: usize, positions: usize, outside: usize) -> String {
    match lang() {
        Lang::En => format!(
            "Salary bands of {levels} levels with {positions} positions, {outside} outside their band. The Table button shows the figures."
        ),
        Lang::Ja => format!(
            "{levels}等級の給与レンジと{positions}件のポジション（うちレンジ外{outside}件）のグラフです。「表」ボタンで数値を表示できます。"
        ),
    }
}

/// Under a dense chart: how its rows read. "1,200 salaries: each level's row
/// counts them per salary range, …".
pub fn dense_note(salaries: &str) -> String {
    match lang() {
        Lang::En => format!(
            "{salaries} salaries: each level's row counts them per salary range (the taller the bar, the more positions; red: outside their band). The Table button shows the exact figures."
        ),
        Lang::Ja => format!(
            "{salaries}件の年間基本給を、等級ごとに年間基本給の区間別の件数で表示しています（棒が高いほど件数が多く、赤はレンジ外）。正確な数値は「表」ボタンで表示できます。"
        ),
    }
}

/// A salary range's tooltip in a dense chart: "Senior, ¥6,000,000 –
/// ¥6,250,000: 120 positions, 4 outside their band".
pub fn bin_title(level: &str, from: &str, to: &str, positions: &str, outside: &str) -> String {
    match lang() {
        Lang::En => {
            format!("{level}, {from} – {to}: {positions} positions, {outside} outside their band")
        }
        Lang::Ja => format!("{level}、{from}～{to}：{positions}件（うちレンジ外{outside}件）"),
    }
}

/// The chart's axis: "Annual base salary, JPY" / "年間基本給（円）".
pub fn axis_title(code: &str) -> String {
    match lang() {
        Lang::En => format!("Annual base salary, {code}"),
        Lang::Ja => format!("年間基本給（{code}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::BandsText>();
    }

    #[test]
    fn sentences_in_each_language() {
        set_lang(Lang::En);
        assert_eq!(level_uses(1, 0), "1 position, 0 bands");
        assert_eq!(level_uses(3, 1), "3 positions, 1 band");
        assert_eq!(
            band_title("L3", Some("Osaka"), "¥6", "¥8", "¥7"),
            "L3 in Osaka: ¥6 – ¥8, midpoint ¥7"
        );
        assert_eq!(
            salary_title("Backend", "¥9", Some("1.25"), Fit::Above),
            "Backend: ¥9, compa-ratio 1.25 (above its band)"
        );
        assert_eq!(
            salary_title("Backend", "¥9", None, Fit::Within),
            "Backend: ¥9"
        );
        assert_eq!(axis_title("JPY"), "Annual base salary, JPY");
        assert_eq!(
            bin_title("Senior", "¥6", "¥7", "120", "4"),
            "Senior, ¥6 – ¥7: 120 positions, 4 outside their band"
        );
        assert!(dense_note("1,200").starts_with("1,200 salaries: "));
        assert_eq!(
            outside_counts("9,348", "5,012", "4,336"),
            "9,348 positions: 5,012 below, 4,336 above"
        );
        assert_eq!(
            outside_counts("1", "0", "1"),
            "1 position: 0 below, 1 above"
        );
        assert_eq!(
            showing("50", "9,348"),
            "Showing 1–50 of 9,348, farthest outside first"
        );
        assert_eq!(outside_by("¥5", Some("10.0")), "¥5 (10.0 %)");
        assert_eq!(outside_by("¥5", None), "¥5");
        assert_eq!(band_name("L3", Some("Osaka")), "L3, Osaka");
        set_lang(Lang::Ja);
        assert_eq!(
            outside_counts("9,348", "5,012", "4,336"),
            "9,348件（下限未満5,012件、上限超過4,336件）"
        );
        assert_eq!(outside_by("¥5", Some("10.0")), "¥5（10.0%）");
        assert_eq!(level_uses(1, 2), "ポジション1件、レンジ2件");
        assert_eq!(
            band_title("L3", None, "¥6", "¥8", "¥7"),
            "L3：¥6～¥8、中央値 ¥7"
        );
        for text in [
            level_uses(1, 2),
            move_level_lower("L3"),
            move_level_higher("L3"),
            delete_level("L3"),
            add_band_for("L3"),
            delete_band("L3"),
            range("¥6", "¥8"),
            salary_title("L3", "¥9", Some("0.8"), Fit::Below),
            chart_summary(3, 12, 1),
            axis_title("JPY"),
            dense_note("1,200"),
            bin_title("L3", "¥6", "¥7", "120", "4"),
            outside_counts("3", "1", "2"),
            showing("50", "9,348"),
            show_more("50"),
            reviewing(45),
            band_name("L3", Some("大阪")),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
        }
        set_lang(Lang::En);
    }
}
