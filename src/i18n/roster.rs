//! The texts of the roster part of the planner: the Headcount view's table,
//! its filters, the form that adds a position, the bulk changes and the
//! roster CSV import.

use rust_decimal::Decimal;

use super::fields::input_error_in;
use super::format::{count, date_in, percent};
use super::problems::{date_problem_text_in, problem_text_in};
use super::{Lang, common, lang};
use crate::format::decode::DecodeError;
use crate::format::import::{ImportError, ImportProblem};
use crate::model::bands::BandFit;
use crate::model::{Date, PlanError, PositionStatus};

crate::texts! {
    /// The roster's headings, labels and messages.
    pub enum RosterText {
        // The table and its filters.
        Id => "ID", "ID";
        FeeColumn => "Fee %", "手数料（%）";
        AgeColumn => "Age 40–64", "40～64歳";
        Positions => "Positions", "ポジション";
        Empty => "No positions yet. Add the first one below: its cost appears above at once.",
            "ポジションはまだありません。下のフォームで最初のポジションを追加すると、その費用がすぐ上に表示されます。";
        NoMatch => "No position matches the filters.", "絞り込み条件に一致するポジションはありません。";
        Search => "Search", "検索";
        SearchPlaceholder => "Title or id", "職種またはID";
        AllStatuses => "All statuses", "すべての状態";
        AllLevels => "All levels", "すべての等級";

        // A row's cells.
        StartDate => "Start date", "開始日";
        EndDate => "End date", "終了日";
        FeeLabel => "Recruiting fee %", "紹介手数料（%）";
        AgeLabel => "Age 40–64 (care insurance)", "40～64歳（介護保険の対象）";
        OpenEnded => "open-ended", "期限なし";
        Default => "default", "既定値";
        NoBand => "no band: enter", "給与レンジなし（要入力）";
        PositionGone => "This position was deleted.", "このポジションは削除されています。";
        TitleMissing => "A position needs a title.", "職種を入力してください。";
        StartFormat => "Write the first day of work as YYYY-MM-DD, such as 2026-04-01.",
            "勤務開始日を「年-月-日」の形式で、2026-04-01のように入力してください。";
        EndFormat => "Write the last day of work as YYYY-MM-DD, or leave it empty.",
            "最終勤務日を「年-月-日」の形式で入力するか、空欄にしてください。";

        // Adding a position.
        AddHeading => "Add a position", "ポジションの追加";
        TitlePlaceholder => "Senior backend engineer", "シニアバックエンドエンジニア";
        TeamPlaceholder => "Platform", "プラットフォーム";
        AddPosition => "Add position", "追加";
        TeamMissing => "Name the team.", "チームを入力してください。";
        StartDayMissing => "Pick the first day of work.", "勤務開始日を選んでください。";
        /// The quick-add salary's placeholder: an empty salary is the band's midpoint.
        SalaryFromBand => "Empty: band midpoint", "空欄：レンジ中央値";

        // Pay as HR states it: by the year or by the month, and allowances.
        /// The roster's pay column: an annual base or a monthly one (月給).
        BasePay => "Base pay", "基本給";
        /// How a position's pay is stated (the choice beside the amount).
        PayStated => "Pay stated", "基本給の単位";
        PerYear => "Year", "年額";
        PerMonth => "Month", "月給";
        /// The add form's choice.
        AnnualChoice => "Annual base", "年額";
        MonthlyChoice => "Monthly base", "月額（月給）";
        MonthlySalary => "Monthly base salary", "月給";
        AllowancesColumn => "Allowances", "手当";
        AllowancesHelp => "Paid every month with base pay, each booked as its own line under base salary; counted in the standard monthly remuneration, not raised, not in bonuses.",
            "毎月基本給とともに支給する手当です。基本給の内訳として1件ずつ計上し、標準報酬月額に含めます。昇給・賞与の計算には含めません。";
        AllowanceName => "Allowance", "手当の名称";
        AllowanceMonthly => "Amount per month", "月額";
        AllowanceColumn => "Per month (¤)", "月額（¤）";
        /// One row of the allowances table, for its buttons.
        AllowanceRow => "allowance", "手当";
        NewAllowance => "New allowance", "新しい手当";
        OtherAllowance => "Another allowance", "その他の手当";
        NoAllowances => "No allowances.", "手当はありません。";
        Done => "Done", "閉じる";
        /// The allowances cell of a position without any.
        NoneShort => "None", "なし";

        // Bulk changes.
        BulkHeading => "Bulk changes", "一括変更";
        MoveHiresHeading => "Move hires", "採用時期の移動";
        MoveHiresHelp => "Moves the start (and end) of every open or planned position. Filled positions stay.",
            "募集中・採用予定のすべてのポジションの開始日（と終了日）を動かします。在籍中のポジションは変わりません。";
        ByMonths => "By months (−: earlier)", "月数（−で前倒し）";
        MoveHires => "Move hires", "移動";
        MonthsMissing => "Enter how many months: 3 later, −3 earlier.",
            "動かす月数を入力してください（3で3か月後ろ倒し、−3で3か月前倒し）。";
        FeeHeading => "Recruiting fee", "紹介手数料";
        FeeHelp => "Sets the agency fee of a team's positions, in % of annual salary. Empty: the scenario's default.",
            "チームのポジションの紹介手数料を、年間基本給に対する%で設定します。空欄の場合はシナリオの既定値を使います。";
        FeePct => "Fee (%)", "手数料（%）";
        SetFee => "Set fee", "設定";

        // Importing a roster CSV.
        ImportHeading => "Import positions from a roster CSV", "名簿CSVからのポジション読み込み";
        ImportRows => "Rows with a known id change that position; the others are added. You see the changes before anything is applied.",
            "既存のIDを持つ行はそのポジションを変更し、それ以外の行は追加します。反映する前に変更内容を確認できます。";
        CsvFile => "CSV file", "CSVファイル";
        NewTeams => "New teams to create: ", "新しく作成するチーム：";
        Line => "Line", "行";
        ChangeKind => "Change", "区分";
        ChangeRow => "change", "変更";
        AddRow => "add", "追加";
        BandMidpoint => "band midpoint", "給与レンジの中央値";
        ImportForms => "Headers may be in English or Japanese, and files as Excel saves them: UTF-8, Shift_JIS or UTF-16, separated by commas, tabs or semicolons. The template has every column.",
            "見出しは英語でも日本語でも構いません。Excelで保存したファイル（UTF-8、Shift_JIS、UTF-16、カンマ・タブ・セミコロン区切り）をそのまま読み込めます。テンプレートにすべての列があります。";
        Template => "Download a template", "テンプレートをダウンロード";
        ColumnsHeading => "Columns", "列の対応";
        MappingHelp => "Choose the field a column holds, or ignore it. Your choice is kept with the plan for the next import.",
            "各列がどの項目にあたるかを選ぶか、読み込まないことを選んでください。選んだ対応は次回の読み込みのために計画に保存されます。";
        IgnoreColumn => "Ignore", "読み込まない";
        NothingToImport => "Nothing to import: every row matches the scenario.",
            "読み込む変更はありません。すべての行がシナリオと一致しています。";
        Reading => "Reading the file…", "ファイルを読み込んでいます…";
    }
}

/// "12 positions", "1 of 3 positions": what the roster shows of all.
pub fn positions_shown(shown: usize, all: usize) -> String {
    match lang() {
        Lang::En => match (shown, all) {
            (1, 1) => "1 position".to_string(),
            (s, a) if s == a => format!("{a} positions"),
            (s, a) => format!("{s} of {a} positions"),
        },
        Lang::Ja if shown == all => format!("{}件", count(all as u64)),
        Lang::Ja => format!("{}件中{}件", count(all as u64), count(shown as u64)),
    }
}

/// A status among the roster's choices: "Open (hiring)" / "募集中". The
/// Japanese is the shared name of the status.
pub fn status_choice(status: PositionStatus) -> &'static str {
    match lang() {
        Lang::En => match status {
            PositionStatus::Filled => "Filled",
            PositionStatus::Open => "Open (hiring)",
            PositionStatus::Planned => "Planned hire",
        },
        Lang::Ja => common::status(status),
    }
}

/// A status in the roster's filter: "Open" / "募集中".
pub fn status_filter(status: PositionStatus) -> &'static str {
    match lang() {
        Lang::En => match status {
            PositionStatus::Filled => "Filled",
            PositionStatus::Open => "Open",
            PositionStatus::Planned => "Planned",
        },
        Lang::Ja => common::status(status),
    }
}

/// A choice cell for screen readers: "Status: Filled" / "状態：在籍".
pub fn cell_choice(label: &str, chosen: &str) -> String {
    match lang() {
        Lang::En => format!("{label}: {chosen}"),
        Lang::Ja => format!("{label}：{chosen}"),
    }
}

/// The bar after a delete: "Deleted “Backend” (P-3)."
pub fn deleted(title: &str, id: &str) -> String {
    match lang() {
        Lang::En => format!("Deleted \u{201c}{title}\u{201d} ({id})."),
        Lang::Ja => format!("「{title}」（{id}）を削除しました。"),
    }
}

/// The button that duplicates a position, for screen readers.
pub fn duplicate_position(title: &str) -> String {
    match lang() {
        Lang::En => format!("Duplicate {title}"),
        Lang::Ja => format!("「{title}」を複製"),
    }
}

/// The button that deletes a position, for screen readers.
pub fn delete_position(title: &str) -> String {
    match lang() {
        Lang::En => format!("Delete {title}"),
        Lang::Ja => format!("「{title}」を削除"),
    }
}

/// The salary's placeholder when the position has a band: "mid ¥6,000,000".
pub fn band_midpoint(amount: &str) -> String {
    match lang() {
        Lang::En => format!("mid {amount}"),
        Lang::Ja => format!("中央値 {amount}"),
    }
}

/// The salary's placeholder in monthly form when the position has no pay
/// of its own: "mid 6,500,000 a year".
pub fn band_midpoint_yearly(amount: &str) -> String {
    match lang() {
        Lang::En => format!("mid {amount} a year"),
        Lang::Ja => format!("中央値 年額{amount}"),
    }
}

/// The salary's placeholder when the pay is stated the other way: "annual
/// 7,200,000" / 「年額 7,200,000」.
pub fn stated_otherwise(amount: &str, monthly: bool) -> String {
    match (lang(), monthly) {
        (Lang::En, false) => format!("annual {amount}"),
        (Lang::En, true) => format!("monthly {amount}"),
        (Lang::Ja, false) => format!("年額 {amount}"),
        (Lang::Ja, true) => format!("月給 {amount}"),
    }
}

/// The names of the allowances offered in one click: commuting, fixed
/// overtime, housing.
pub fn common_allowances() -> [&'static str; 3] {
    match lang() {
        Lang::En => ["Commuting", "Fixed overtime", "Housing"],
        Lang::Ja => ["通勤手当", "固定残業代", "住宅手当"],
    }
}

/// A one-click allowance: "Add Commuting" / 「通勤手当を追加」.
pub fn add_allowance(name: &str) -> String {
    match lang() {
        Lang::En => format!("Add {name}"),
        Lang::Ja => format!("{name}を追加"),
    }
}

/// The allowances editor's heading: "Allowances of Senior engineer".
pub fn allowances_of(title: &str) -> String {
    match lang() {
        Lang::En => format!("Fixed monthly allowances of \u{201c}{title}\u{201d}"),
        Lang::Ja => format!("「{title}」の固定手当（月額）"),
    }
}

/// The allowances cell's button for screen readers: "Allowances of
/// Backend: 2, 45,000 a month. Edit".
pub fn edit_allowances(title: &str, count: usize, total: &str) -> String {
    match (lang(), count) {
        (Lang::En, 0) => format!("Allowances of {title}: none. Edit"),
        (Lang::En, n) => format!("Allowances of {title}: {n}, {total} a month. Edit"),
        // The cell's text first, as a word of its own (screen readers and
        // speech input name the button by what it shows).
        (Lang::Ja, 0) => format!("なし 「{title}」の手当を編集"),
        (Lang::Ja, n) => format!("{total} 「{title}」の手当（{n}件、月額）を編集"),
    }
}

/// Deleting an allowance: "Delete allowance Commuting" / 「手当「通勤手当」を削除」.
pub fn delete_allowance(name: &str) -> String {
    match lang() {
        Lang::En => format!("Delete allowance {name}"),
        Lang::Ja => format!("手当「{name}」を削除"),
    }
}

/// The compa-ratio's tooltip: "Compa-ratio 0.92: below its band".
/// A position's social-insurance grades in the roster (graded mode): the
/// short form in the cell and the sentence of its tooltip.
pub fn starting_grades(health: Option<u8>, pension: Option<u8>) -> (String, String) {
    let part = |mark: &str, g: Option<u8>| g.map(|g| format!("{mark}{g}"));
    match lang() {
        Lang::En => (
            [part("H", health), part("P", pension)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
            format!(
                "Standard monthly remuneration grades it starts on: health {}, pension {}. Later changes are in the month's explanation.",
                health.map_or("–".to_string(), |g| g.to_string()),
                pension.map_or("–".to_string(), |g| g.to_string())
            ),
        ),
        Lang::Ja => (
            [part("健", health), part("厚", pension)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
            format!(
                "計画開始時（または入社時）の標準報酬月額の等級：健康保険{}等級、厚生年金{}等級。その後の改定は月ごとの内訳で確認できます。",
                health.map_or("–".to_string(), |g| g.to_string()),
                pension.map_or("–".to_string(), |g| g.to_string())
            ),
        ),
    }
}

pub fn compa_ratio_title(ratio: &str, fit: BandFit) -> String {
    match lang() {
        Lang::En => {
            let says = match fit {
                BandFit::Below => "below its band",
                BandFit::Above => "above its band",
                _ => "within its band",
            };
            format!("Compa-ratio {ratio}: {says}")
        }
        Lang::Ja => {
            let says = match fit {
                BandFit::Below => "給与レンジを下回っています",
                BandFit::Above => "給与レンジを上回っています",
                _ => "給与レンジ内です",
            };
            format!("コンパレシオ {ratio}：{says}")
        }
    }
}

/// After moving hires: "Moved 1 hire of Platform by +3 months." An empty
/// `team` is every team.
pub fn moved_hires(moved: usize, months: i32, team: &str) -> String {
    match lang() {
        Lang::En => {
            let hires = if moved == 1 { "hire" } else { "hires" };
            format!(
                "Moved {moved} {hires} {} by {months:+} months.",
                of_team_en(team)
            )
        }
        Lang::Ja => {
            let way = if months < 0 {
                "前倒し"
            } else {
                "後ろ倒し"
            };
            format!(
                "{}の採用{moved}件を{}か月{way}しました。",
                of_team_ja(team),
                months.unsigned_abs()
            )
        }
    }
}

/// After setting a recruiting fee: "2 position(s) of Platform now use 35 %."
/// `None` is the scenario's default fee; an empty `team` is every team.
pub fn fee_set(changed: usize, pct: Option<Decimal>, team: &str) -> String {
    match lang() {
        Lang::En => {
            let what = pct.map_or_else(|| "the scenario's default fee".to_string(), percent);
            format!("{changed} position(s) {} now use {what}.", of_team_en(team))
        }
        Lang::Ja => {
            let what = pct.map_or_else(|| "シナリオの既定値".to_string(), percent);
            format!(
                "{}のポジション{changed}件の紹介手数料を{what}にしました。",
                of_team_ja(team)
            )
        }
    }
}

fn of_team_en(team: &str) -> String {
    if team.is_empty() {
        "of all teams".to_string()
    } else {
        format!("of {team}")
    }
}

fn of_team_ja(team: &str) -> String {
    if team.is_empty() {
        "全チーム".to_string()
    } else {
        format!("チーム「{team}」")
    }
}

/// The columns an import needs at least, as the CSV names them (in English
/// in every language: they are the file's own headers).
pub const IMPORT_COLUMNS: [&str; 6] = ["title", "team", "level", "salary", "start", "status"];

/// The words around the list of [`IMPORT_COLUMNS`]: before it, between two
/// columns, and after it.
pub fn import_columns_frame() -> (&'static str, &'static str, &'static str) {
    match lang() {
        Lang::En => ("Columns: the roster export's, or at least ", ", ", ". "),
        Lang::Ja => (
            "列は名簿の書き出しと同じもの、または少なくとも ",
            "、",
            " が必要です。",
        ),
    }
}

/// What a column holds, after its name in Japanese: "（職種）".
pub fn import_column_gloss(column: &str) -> &'static str {
    if lang() == Lang::En {
        return "";
    }
    match column {
        "title" => "（職種）",
        "team" => "（チーム）",
        "level" => "（等級）",
        "salary" => "（年間基本給または月給）",
        "start" => "（開始日）",
        "status" => "（状態）",
        _ => "",
    }
}

/// After an import: "Imported roster.csv: 2 added, 1 changed." (and
/// "3 removed" when positions were removed).
pub fn imported(file: &str, added: usize, changed: usize, removed: usize) -> String {
    match (lang(), removed) {
        (Lang::En, 0) => format!("Imported {file}: {added} added, {changed} changed."),
        (Lang::En, r) => {
            format!("Imported {file}: {added} added, {changed} changed, {r} removed.")
        }
        (Lang::Ja, 0) => format!("「{file}」を読み込みました（追加{added}件、変更{changed}件）。"),
        (Lang::Ja, r) => {
            format!("「{file}」を読み込みました（追加{added}件、変更{changed}件、削除{r}件）。")
        }
    }
}

/// Where the import goes: "Into “Base”, the scenario shown." / 「表示中のシナリオ「基準」に読み込みます。」
pub fn import_into(scenario: &str) -> String {
    match lang() {
        Lang::En => format!("Positions go into \u{201c}{scenario}\u{201d}, the scenario shown."),
        Lang::Ja => format!("表示中のシナリオ「{scenario}」に読み込みます。"),
    }
}

/// How the file was read: "Read as Shift_JIS (CP932), comma-separated."
pub fn read_as(encoding: &str, separator: u8) -> String {
    match lang() {
        Lang::En => {
            let sep = match separator {
                b'\t' => "tab",
                b';' => "semicolon",
                _ => "comma",
            };
            format!("Read as {encoding}, {sep}-separated.")
        }
        Lang::Ja => {
            let sep = match separator {
                b'\t' => "タブ区切り",
                b';' => "セミコロン区切り",
                _ => "カンマ区切り",
            };
            format!("{encoding}、{sep}として読み込みました。")
        }
    }
}

/// The progress of reading a large file: "Reading… 40 %".
pub fn reading_progress(percent: usize) -> String {
    match lang() {
        Lang::En => format!("Reading the file… {percent} %"),
        Lang::Ja => format!("ファイルを読み込んでいます…{percent}%"),
    }
}

/// The columns left out: "Not imported: name, band_min." / 「読み込まない列：氏名、band_min」
pub fn ignored_columns(names: &[String]) -> String {
    match lang() {
        Lang::En => format!("Not imported: {}.", names.join(", ")),
        Lang::Ja => format!("読み込まない列：{}", names.join("、")),
    }
}

/// Rows of other scenarios left out: "Rows of other scenarios are left
/// out: Aggressive (12)."
pub fn other_scenarios(scenarios: &[(String, usize)]) -> String {
    match lang() {
        Lang::En => format!(
            "Rows of other scenarios are left out: {}.",
            scenarios
                .iter()
                .map(|(s, n)| format!("{s} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Lang::Ja => format!(
            "別のシナリオの行は読み込みません：{}",
            scenarios
                .iter()
                .map(|(s, n)| format!("{s}（{n}行）"))
                .collect::<Vec<_>>()
                .join("、")
        ),
    }
}

/// The option of a full sync: "Also remove the 3 position(s) of “Base”
/// that the file does not list".
pub fn remove_missing(n: usize, scenario: &str) -> String {
    match lang() {
        Lang::En => format!(
            "Also remove the {n} position(s) of \u{201c}{scenario}\u{201d} that the file does not list (a full sync from HR)"
        ),
        Lang::Ja => format!(
            "ファイルにない「{scenario}」のポジション{n}件も削除する（人事データとの完全な同期）"
        ),
    }
}

/// Above the preview's table: "The first 20 of 10,000 rows to add or change."
pub fn first_rows(shown: usize, all: usize) -> String {
    match lang() {
        Lang::En if shown == all => format!("{all} row(s) to add or change:"),
        Lang::En => format!("The first {shown} of {all} rows to add or change:"),
        Lang::Ja if shown == all => format!("追加・変更する{}行：", count(all as u64)),
        Lang::Ja => format!(
            "追加・変更する{}行のうち最初の{shown}行：",
            count(all as u64)
        ),
    }
}

/// After the listed errors: "… and 99,950 more." / 「ほか99,950件」
pub fn more_errors(n: usize) -> String {
    match lang() {
        Lang::En => format!("… and {} more.", count(n as u64)),
        Lang::Ja => format!("ほか{}件", count(n as u64)),
    }
}

/// The template's file name in the page's language.
pub fn template_file_name() -> &'static str {
    match lang() {
        Lang::En => "roster-template.csv",
        Lang::Ja => "名簿テンプレート.csv",
    }
}

/// A field of a position, as the mapping step offers it.
pub fn field_label(field: crate::format::import::Field) -> &'static str {
    use crate::format::import::Field;
    let (en, ja) = match field {
        Field::Id => ("ID", "ID"),
        Field::Title => ("Title", "職種"),
        Field::Team => ("Team", "チーム"),
        Field::Level => ("Level", "等級"),
        Field::Status => ("Status", "在籍状況"),
        Field::Employment => ("Employment", "雇用区分"),
        Field::AnnualBase => ("Annual base salary", "年間基本給"),
        Field::MonthlyBase => ("Monthly base salary", "月給"),
        Field::Fte => ("FTE", "FTE"),
        Field::Start => ("Start date", "開始日"),
        Field::End => ("End date", "終了日"),
        Field::Location => ("Location", "勤務地"),
        Field::RecruitingFeePct => ("Recruiting fee %", "採用手数料率"),
        Field::AgeDependentBurden => ("Age 40–64 (care insurance)", "介護保険対象"),
        Field::Scenario => ("Scenario", "シナリオ"),
        Field::Allowance => (
            "Fixed monthly allowance (named by the column)",
            "固定手当（列名を手当の名称とする）",
        ),
    };
    match lang() {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

/// What follows the file's name when it cannot be imported.
pub fn import_refused(problems: usize) -> String {
    match lang() {
        Lang::En => {
            format!(" cannot be imported: {problems} problem(s). Nothing was changed.")
        }
        Lang::Ja => format!("は読み込めません。問題が{problems}件あります。何も変更していません。"),
    }
}

/// What follows the file's name in the preview.
pub fn import_summary(added: usize, changed: usize, unchanged: usize) -> String {
    match lang() {
        Lang::En => format!(": {added} to add, {changed} to change, {unchanged} unchanged."),
        Lang::Ja => format!("：追加{added}件、変更{changed}件、変更なし{unchanged}件。"),
    }
}

/// Why the import is disabled: it goes into the plan's first scenario,
/// which is locked.
pub fn import_locked(scenario: &str) -> String {
    match lang() {
        Lang::En => format!(
            "An import goes into \u{201c}{scenario}\u{201d}, which is locked: unlock it in Scenarios to import a roster."
        ),
        Lang::Ja => format!(
            "読み込み先の「{scenario}」はロックされています。名簿を読み込むには「シナリオ」画面でロックを解除してください。"
        ),
    }
}

/// The import's button: "Import 3 position(s)".
pub fn import_button(n: usize) -> String {
    match lang() {
        Lang::En => format!("Import {n} position(s)"),
        Lang::Ja => format!("ポジション{n}件を読み込む"),
    }
}

/// A problem of an imported file, in the current language: "line 3,
/// column salary: Enter an amount." / 「3行目（列「salary」）：金額を入力してください。」
pub fn import_error(e: &ImportError) -> String {
    import_error_in(e, lang())
}

/// A problem of an imported file in `lang`: its own English in English.
/// Column names are the file's own headers, so they stay as the file spells
/// them.
pub fn import_error_in(e: &ImportError, lang: Lang) -> String {
    let text = match lang {
        Lang::En => return e.to_string(),
        Lang::Ja => import_problem_japanese(&e.problem),
    };
    match (&e.column, e.line) {
        // Line 0: the file as a whole.
        (_, 0) => text,
        (Some(column), line) => format!("{line}行目（列「{column}」）：{text}"),
        (None, line) => format!("{line}行目：{text}"),
    }
}

fn import_problem_japanese(problem: &ImportProblem) -> String {
    match problem {
        ImportProblem::NoSuchScenario { scenario } => {
            format!("計画にシナリオ{scenario}がありません。")
        }
        ImportProblem::Locked { scenario } => format!(
            "シナリオ「{scenario}」はロックされています。読み込むには「シナリオ」画面でロックを解除してください。"
        ),
        ImportProblem::EmptyFile => {
            "ファイルが空です。1行目に列名を並べた見出し行が必要です。".into()
        }
        ImportProblem::FileUnreadable => {
            "ファイルを読み込めませんでした。もう一度選ぶか、コピーを保存してそれを選んでください。"
                .into()
        }
        ImportProblem::NotText(e) => decode_error_in(e, Lang::Ja),
        ImportProblem::ColumnTwice => "この列は、前の列と同じ項目を指しています。".into(),
        ImportProblem::MissingColumn => {
            "見出し行にこの列がありません。列を追加するか、どの列がこの項目かを選んでください。"
                .into()
        }
        ImportProblem::CellCount { cells, columns } => {
            format!("この行のセルは{cells}個ですが、見出し行の列は{columns}個です。")
        }
        ImportProblem::DuplicateId { id } => {
            format!("ID「{id}」はファイルの別の行にもあります。")
        }
        ImportProblem::Unreadable { .. } => {
            "この行を読み取れません。CSVの形式を確認してください。".into()
        }
        ImportProblem::OnlyOtherScenarios { found, scenario } => format!(
            "すべての行が別のシナリオ（{}）のもので、「{scenario}」の行はありません。そのシナリオを表示して読み込むか、シナリオの列を空欄にしてください。",
            found
                .iter()
                .map(|s| format!("「{s}」"))
                .collect::<Vec<_>>()
                .join("、")
        ),
        ImportProblem::NeedsTitle => "職種を入力してください。".into(),
        ImportProblem::NeedsTeam => "チームを入力してください。".into(),
        ImportProblem::UnknownLevel { level, levels } if levels.is_empty() => {
            format!("等級「{level}」はありません。等級がまだ登録されていません。")
        }
        ImportProblem::UnknownLevel { level, levels } => format!(
            "等級「{level}」はありません。登録されている等級は{}です。",
            levels.join("、")
        ),
        ImportProblem::NotAStatus { text } => format!(
            "「{text}」は状態として読み取れません。filled（在籍）、open（募集中）、planned（採用予定）のいずれかを入力してください。"
        ),
        ImportProblem::NotAnEmployment { text } => format!(
            "「{text}」は雇用形態として読み取れません。employee（正社員）またはcontractor（業務委託）を入力してください。"
        ),
        ImportProblem::Amount(e) => input_error_in(e, Lang::Ja),
        ImportProblem::NotAnFte { text } => format!(
            "「{text}」はFTEとして読み取れません。0より大きく1以下の数値を、0.8のように入力してください。"
        ),
        ImportProblem::NeedsStart => {
            "開始日を、2026-04-01や2026/4/1のように入力してください。".into()
        }
        ImportProblem::NotADate { text } => format!(
            "「{text}」は日付として読み取れません。2026-04-01、2026/4/1、2026年4月1日のように入力してください。"
        ),
        ImportProblem::Date(e) => date_problem_text_in(e, Lang::Ja),
        ImportProblem::NotAPercentage { text } => format!(
            "「{text}」は割合として読み取れません。25%なら25のように数値で入力してください。"
        ),
        ImportProblem::NotABoolean { text } => format!(
            "「{text}」は読み取れません。true（対象）またはfalse（対象外）を入力してください。"
        ),
        ImportProblem::Invalid(problem) => {
            problem_text_in(&PlanError::at("", problem.clone()), Lang::Ja)
        }
        ImportProblem::Stale => {
            "プレビューの後でシナリオが変更されました。ファイルをもう一度選んでください。".into()
        }
    }
}

/// Why a file's bytes could not be read as text, in `lang`.
pub fn decode_error_in(e: &DecodeError, lang: Lang) -> String {
    match (lang, e) {
        (Lang::En, e) => e.to_string(),
        (Lang::Ja, DecodeError::Broken { encoding, line }) => format!(
            "ファイルは{encoding}で始まっていますが、{line}行目が{encoding}として読み取れません。「CSV UTF-8」形式で保存し直してください。"
        ),
        (Lang::Ja, DecodeError::Unknown { line }) => format!(
            "{line}行目がUTF-8としてもShift_JIS（CP932）としても読み取れません。「CSV UTF-8」形式で保存し直してください。"
        ),
        (Lang::Ja, DecodeError::Utf16WithoutBom) => "バイト順マークのないUTF-16のようです。「CSV UTF-8」または「Unicode テキスト」形式で保存し直してください。".into(),
    }
}

/// Why a file's bytes could not be read as text, in the current language.
pub fn decode_error(e: &DecodeError) -> String {
    decode_error_in(e, lang())
}

/// Names in a sentence: "Data, Mobile" / "Data、Mobile".
pub fn names(names: &[String]) -> String {
    match lang() {
        Lang::En => names.join(", "),
        Lang::Ja => names.join("、"),
    }
}

/// A start date in the preview: as in the file in English ("2026-04-01"),
/// "2026年4月1日" in Japanese.
pub fn preview_date(d: Date) -> String {
    match lang() {
        Lang::En => d.to_string(),
        Lang::Ja => date_in(d, Lang::Ja),
    }
}

/// A status in the preview: as in the file in English ("planned"), its
/// name in Japanese.
pub fn preview_status(status: PositionStatus) -> &'static str {
    match lang() {
        Lang::En => status.as_str(),
        Lang::Ja => common::status(status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_english, reads_as_japanese, set_lang};
    use rust_decimal::dec;

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::RosterText>();
    }

    #[test]
    fn pay_and_allowances_in_each_language() {
        set_lang(Lang::En);
        assert_eq!(stated_otherwise("7,200,000", false), "annual 7,200,000");
        assert_eq!(band_midpoint_yearly("6,500,000"), "mid 6,500,000 a year");
        assert_eq!(add_allowance(common_allowances()[0]), "Add Commuting");
        assert_eq!(
            edit_allowances("Backend", 2, "45,000"),
            "Allowances of Backend: 2, 45,000 a month. Edit"
        );
        for text in [
            allowances_of("Backend"),
            delete_allowance("Commuting"),
            edit_allowances("Backend", 0, "0"),
        ] {
            assert!(reads_as_english(&text), "{text}");
        }
        set_lang(Lang::Ja);
        assert_eq!(stated_otherwise("600,000", true), "月給 600,000");
        assert_eq!(common_allowances(), ["通勤手当", "固定残業代", "住宅手当"]);
        // The button's text leads its name, as a word of its own.
        assert!(edit_allowances("基盤", 0, "0").starts_with("なし "));
        assert!(edit_allowances("基盤", 2, "45,000").starts_with("45,000 "));
        for text in [
            allowances_of("バックエンド"),
            delete_allowance("通勤手当"),
            add_allowance("住宅手当"),
            band_midpoint_yearly("6,500,000"),
        ] {
            assert!(reads_as_japanese(&text), "{text}");
            // 年収 includes bonuses: never a label of base pay.
            assert!(!text.contains("年収"), "{text}");
        }
        set_lang(Lang::En);
    }

    #[test]
    fn sentences_in_each_language() {
        set_lang(Lang::En);
        assert_eq!(positions_shown(1, 1), "1 position");
        assert_eq!(positions_shown(60, 60), "60 positions");
        assert_eq!(positions_shown(1, 3), "1 of 3 positions");
        assert_eq!(status_choice(PositionStatus::Open), "Open (hiring)");
        assert_eq!(status_choice(PositionStatus::Planned), "Planned hire");
        assert_eq!(status_filter(PositionStatus::Open), "Open");
        assert_eq!(
            moved_hires(1, 3, "Platform"),
            "Moved 1 hire of Platform by +3 months."
        );
        assert_eq!(
            moved_hires(2, -2, ""),
            "Moved 2 hires of all teams by -2 months."
        );
        assert_eq!(
            fee_set(2, Some(dec!(35.0)), "Data"),
            "2 position(s) of Data now use 35 %."
        );
        assert_eq!(
            fee_set(0, None, ""),
            "0 position(s) of all teams now use the scenario's default fee."
        );
        assert_eq!(deleted("Backend", "P-3"), "Deleted “Backend” (P-3).");
        assert_eq!(
            compa_ratio_title("0.92", BandFit::Below),
            "Compa-ratio 0.92: below its band"
        );
        assert_eq!(preview_status(PositionStatus::Planned), "planned");
        let day = Date::new(2026, 4, 1).unwrap();
        assert_eq!(preview_date(day), "2026-04-01");
        let english = [
            positions_shown(2, 5),
            import_columns_frame().0.to_string(),
            import_column_gloss("title").to_string(),
            imported("a.csv", 1, 2, 0),
            imported("a.csv", 1, 2, 3),
            import_into("Base"),
            read_as("UTF-8", b';'),
            reading_progress(40),
            ignored_columns(&["name".into()]),
            other_scenarios(&[("Lean".into(), 3)]),
            remove_missing(2, "Base"),
            first_rows(20, 10_000),
            more_errors(5),
            field_label(crate::format::import::Field::MonthlyBase).to_string(),
            import_refused(3),
            import_summary(2, 0, 1),
            import_button(2),
            cell_choice("Status", "Filled"),
            import_locked("Base"),
        ];
        assert!(english.iter().all(|s| reads_as_english(s)));

        set_lang(Lang::Ja);
        assert_eq!(positions_shown(5000, 5000), "5,000件");
        assert_eq!(positions_shown(1, 3), "3件中1件");
        assert_eq!(status_choice(PositionStatus::Open), "募集中");
        assert_eq!(status_filter(PositionStatus::Planned), "採用予定");
        assert_eq!(
            moved_hires(1, 3, "Platform"),
            "チーム「Platform」の採用1件を3か月後ろ倒ししました。"
        );
        assert_eq!(
            moved_hires(2, -2, ""),
            "全チームの採用2件を2か月前倒ししました。"
        );
        assert_eq!(
            fee_set(2, Some(dec!(35)), ""),
            "全チームのポジション2件の紹介手数料を35%にしました。"
        );
        assert_eq!(preview_date(day), "2026年4月1日");
        assert_eq!(preview_status(PositionStatus::Filled), "在籍");
        let japanese = [
            positions_shown(2, 5),
            imported("", 1, 2, 0),
            imported("", 1, 2, 3),
            import_into(""),
            read_as("", b'\t'),
            reading_progress(40),
            ignored_columns(&[]),
            other_scenarios(&[(String::new(), 3)]),
            remove_missing(2, ""),
            first_rows(20, 10_000),
            first_rows(2, 2),
            more_errors(5),
            field_label(crate::format::import::Field::MonthlyBase).to_string(),
            import_refused(3),
            import_summary(2, 0, 1),
            import_button(2),
            import_locked(""),
            deleted("", ""),
            compa_ratio_title("1.1", BandFit::Above),
            fee_set(1, None, ""),
        ];
        assert!(
            japanese.iter().all(|s| reads_as_japanese(s)),
            "{japanese:?}"
        );
        set_lang(Lang::En);
    }

    /// The Japanese without the file's own words (column names and the
    /// values a cell takes), which stay as the file spells them.
    fn without_file_words(text: &str) -> String {
        let mut words = [
            "id",
            "title",
            "team",
            "level",
            "status",
            "employment",
            "salary",
            "annual_base",
            "fte",
            "start",
            "end",
            "location",
            "recruiting_fee_pct",
            "age_dependent_burden",
            "filled",
            "open",
            "planned",
            "employee",
            "contractor",
            "true",
            "false",
        ];
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
            .iter()
            .fold(text.to_string(), |text, word| text.replace(word, ""))
    }

    #[test]
    fn every_import_problem_reads_in_each_language() {
        use crate::format::import::tests::samples;
        for (problem, english) in samples() {
            for (line, column) in [(3, Some("salary")), (3, None), (0, None)] {
                let error = ImportError {
                    line,
                    column: column.map(str::to_string),
                    problem: problem.clone(),
                };
                let en = import_error_in(&error, Lang::En);
                assert_eq!(en, error.to_string());
                assert!(en.ends_with(english), "{en:?}");
                let ja = import_error_in(&error, Lang::Ja);
                assert!(
                    reads_as_japanese(&without_file_words(&ja)),
                    "{problem:?}: English left in {ja:?}"
                );
                assert!(ja.ends_with('。'), "{problem:?}: {ja:?} is not a sentence");
                assert!(
                    !ja.contains(". ") && !ja.contains(": "),
                    "{problem:?}: English punctuation in {ja:?}"
                );
            }
        }
    }

    #[test]
    fn import_errors_name_line_and_column() {
        let error = |column: Option<&str>, problem| ImportError {
            line: 3,
            column: column.map(str::to_string),
            problem,
        };
        let salary = error(
            Some("salary"),
            ImportProblem::Amount(crate::format::input::InputError::EnterAmount),
        );
        assert_eq!(
            import_error_in(&salary, Lang::Ja),
            "3行目（列「salary」）：金額を入力してください。"
        );
        let start = error(
            Some("start"),
            ImportProblem::Date("2026/04/01".parse::<Date>().unwrap_err()),
        );
        assert_eq!(
            import_error_in(&start, Lang::Ja),
            "3行目（列「start」）：「2026/04/01」は日付として読み取れません。2026-04-01のように入力してください。"
        );
        let row = error(
            None,
            ImportProblem::CellCount {
                cells: 2,
                columns: 6,
            },
        );
        assert_eq!(
            import_error_in(&row, Lang::Ja),
            "3行目：この行のセルは2個ですが、見出し行の列は6個です。"
        );
        let level = error(
            Some("level"),
            ImportProblem::UnknownLevel {
                level: "L9".into(),
                levels: vec!["L1".into(), "L2".into()],
            },
        );
        assert_eq!(
            import_error_in(&level, Lang::Ja),
            "3行目（列「level」）：等級「L9」はありません。登録されている等級はL1、L2です。"
        );
        let invalid = error(
            Some("fte"),
            ImportProblem::Invalid(crate::model::Problem::FteOutOfRange {
                value: rust_decimal::dec!(1.5),
            }),
        );
        assert_eq!(
            import_error_in(&invalid, Lang::En),
            "line 3, column fte: FTE must be above 0 and at most 1, not 1.5"
        );
        set_lang(Lang::Ja);
        assert_eq!(import_error(&salary), import_error_in(&salary, Lang::Ja));
        set_lang(Lang::En);
        assert_eq!(
            import_error(&salary),
            "line 3, column salary: Enter an amount."
        );
    }
}
