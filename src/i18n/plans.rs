//! The texts of the plans part of the planner: the plans on this device,
//! backups, what storage says (its errors, what it found on start, the text
//! it keeps), plan files that cannot be opened, and the presets.
//!
//! `storage` and `format` speak English only (their texts also go to files
//! and logs). What they say is data (`Notice`, `ReadProblem`, `Reason`,
//! `RecoveryLabel`, `SaveError`, `Problem`) whose `Display` is the English;
//! the functions here word it for the screen in the current language.

use super::format::{count, fiscal_year_in};
use super::{Lang, Text, lang, t};
use crate::format::record::{Damage, Part, Reason};
use crate::model::presets::{Preset, StartChoice};
use crate::model::{FiscalYear, Plan, PlanError, Problem, YearMonth};
use crate::storage::Persistence;
use crate::storage::library::{Notice, PlanRef, ReadProblem, RecoveryLabel, SaveError};

crate::texts! {
    pub enum PlansText {
        Title => "Plans on this device", "この端末の計画";
        Intro => "Plans are stored in this browser only. Every change is saved as you work.",
            "計画はこのブラウザーにのみ保存されます。変更は編集するたびに保存されます。";
        Granted => "Persistent: the browser keeps these plans until you clear its site data.",
            "永続保存：サイトデータを消去するまで、ブラウザーはこれらの計画を保持します。";
        BestEffort => "Not persistent: the browser did not agree to keep this site's storage, so it may clear these plans when the disk runs low. Keep backups.",
            "永続保存ではありません：ブラウザーがこのサイトの保存データの保持に同意しなかったため、ディスクの空きが少なくなるとこれらの計画を消去することがあります。バックアップを取っておいてください。";
        Unsupported => "This browser cannot promise to keep its storage. Keep backups.",
            "このブラウザーは保存データの保持を保証できません。バックアップを取っておいてください。";
        Asking => "Reading what the browser keeps…", "ブラウザーの保持状況を確認しています…";
        NotAskedYet => "Not persistent yet: when you first change a plan, Fleetplan asks the browser to keep this site's storage.",
            "まだ永続保存ではありません：計画を初めて変更したときに、このサイトの保存データを保持するようFleetplanがブラウザーに依頼します。";
        StorageTitle => "Storage in this browser", "このブラウザーの保存領域";
        AskAgain => "Ask the browser again", "もう一度ブラウザーに依頼";
        ClearingWipes => "Clearing this site's data, or all browsing data, deletes every plan stored here, persistent or not.",
            "このサイトのデータ（またはすべての閲覧データ）を消去すると、永続保存かどうかにかかわらず、ここに保存したすべての計画が削除されます。";
        SafariRule => "Safari deletes everything a site stored once Safari has been used on seven days without a visit to that site (Intelligent Tracking Prevention). In Safari, open Fleetplan at least once a week and keep backups.",
            "Safariは、あるサイトを開かないままSafariが7日間使われると、そのサイトが保存したデータをすべて削除します（インテリジェント・トラッキング・プリベンション）。Safariでは少なくとも週に一度Fleetplanを開き、バックアップを取っておいてください。";
        CopiesOutside => "A backup download or a linked plan file is a copy no browser clears.",
            "バックアップのダウンロードやリンクした計画ファイルは、どのブラウザーにも消されない写しです。";
        StartFrom => "Start from", "ひな形";
        Demo => "Demo: a 60-person organisation", "デモ：60人規模の組織";
        Create => "Create plan", "計画を作成";
        OpenTag => "Open", "編集中";
        ConfirmDelete => "Delete this plan? This cannot be undone. ", "この計画を削除しますか？元に戻せません。 ";
        FileUnreadable => "The file could not be read. Choose it again, or save a copy and choose that.",
            "ファイルを読み込めませんでした。もう一度選ぶか、コピーを保存してそれを選んでください。";
        Backups => "Backups", "バックアップ";
        BackupIntro => "A backup is the plan file that ", "バックアップは、";
        BackupDownload => "Download a backup of the open plan", "編集中の計画のバックアップをダウンロード";
        BackupOpen => "Open a backup file…", "バックアップファイルを開く…";
        NotAPlan => "This file is not a plan Fleetplan can open; nothing was changed:",
            "このファイルはFleetplanで開ける計画ではないため、何も変更していません。問題点：";
        Discard => "Discard", "破棄";
        DiscardForGood => "Discard for good", "完全に破棄";
        KeptTitle => "Kept because they could not be read", "読み取れなかったため保管しているデータ";
        KeptIntro => "Fleetplan never writes over stored text it cannot read. Download it to repair it by hand or to send it to us; discard it when you no longer need it.",
            "Fleetplanは、読み取れない保存データを上書きしません。ダウンロードして手作業で修復するか、開発元に送ってください。不要になったら破棄してください。";
        What => "What", "内容";
        Key => "Key", "キー";
        Size => "Size", "サイズ";
        PlanNeedsName => "A plan needs a name.", "計画名を入力してください。";
        NotStored => "This plan could not be stored in this browser; download a backup to keep it.",
            "この計画をこのブラウザーに保存できませんでした。残しておくにはバックアップをダウンロードしてください。";
        NotSavedStorage => "Not saved: this browser's storage is full or unavailable",
            "未保存：このブラウザーのストレージがいっぱいか、使用できません";
        Missing => "That plan is no longer stored (deleted in another tab).",
            "その計画はもう保存されていません（別のタブで削除されました）。";
        DeletedElsewhere => "This plan was deleted in another tab; keep editing to store it again.",
            "この計画は別のタブで削除されました。編集を続けると、もう一度保存されます。";
        UpdatedElsewhere => "This plan was updated with changes saved in another tab.",
            "別のタブで保存された変更をこの計画に反映しました。";
        ReplacedElsewhere => "Your changes in this tab were replaced: another tab kept its own version of this plan over them, and this tab now shows that version. Download this tab's version to keep your changes.",
            "このタブでの変更は置き換えられました。別のタブが自分の版でこの計画を上書きしたため、このタブには今その版を表示しています。変更を残すには、このタブの版をダウンロードしてください。";
        DownloadReplaced => "Download this tab's version", "このタブの版をダウンロード";
        OwnRecord => "(its own record: there was no room for a copy)", "元の記録のまま（コピーする空きがありませんでした）";
    }
}

crate::texts! {
    /// What storage says when it cannot save ([`SaveError`]).
    enum SaveText {
        Conflict => "Not saved: this plan was changed in another tab", "未保存：この計画は別のタブで変更されました";
        Full => "Not saved: this browser's storage for Fleetplan is full",
            "未保存：このブラウザーのFleetplan用ストレージがいっぱいです";
        Unavailable => "Not saved: this browser's storage is unavailable", "未保存：このブラウザーのストレージを使用できません";
        Blocked => "Not saved: the stored copy could not be read and is kept",
            "未保存：保存済みのデータを読み取れないため、そのまま保管しています";
    }
}

/// Why a save failed, for the header: "Not saved: …" / "未保存：…".
pub fn save_error(error: &SaveError) -> String {
    match lang() {
        Lang::En => error.message(),
        Lang::Ja => t(match error {
            SaveError::Conflict { .. } => SaveText::Conflict,
            SaveError::Full => SaveText::Full,
            SaveError::Unavailable => SaveText::Unavailable,
            SaveError::Blocked => SaveText::Blocked,
        })
        .to_string(),
    }
}

/// Whether the browser keeps the plans: the state for `data-state` and the
/// sentence.
pub fn persistence(p: Persistence) -> (&'static str, &'static str) {
    match p {
        Persistence::Granted => ("granted", t(PlansText::Granted)),
        Persistence::BestEffort => ("best-effort", t(PlansText::BestEffort)),
        Persistence::Unsupported => ("unsupported", t(PlansText::Unsupported)),
        Persistence::NotAsked => ("not-asked", t(PlansText::NotAskedYet)),
        Persistence::Unknown => ("unknown", t(PlansText::Asking)),
    }
}

/// A number of bytes as storage is counted: "850 B", "1.2 MB", "3.4 GB"
/// (units of 1,024, one decimal from KB on; the same units in Japanese).
pub fn byte_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut unit = 0;
    let mut scale: u64 = 1024;
    while unit + 1 < UNITS.len() && bytes >= scale * 1024 {
        scale *= 1024;
        unit += 1;
    }
    // Tenths, rounded half up, in integers.
    let (bytes, scale) = (u128::from(bytes), u128::from(scale));
    let tenths = (bytes * 10 + scale / 2) / scale;
    format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
}

/// What the browser counts as this site's storage (`navigator.storage.estimate()`).
pub fn storage_usage(used: u64, quota: u64) -> String {
    let (used, quota) = (byte_size(used), byte_size(quota));
    match lang() {
        Lang::En => format!(
            "The browser counts {used} stored by this site (the planner's offline copy included), of up to {quota} it allows."
        ),
        Lang::Ja => format!(
            "このサイトの保存量はブラウザーの見積もりで{used}（オフライン用のアプリ本体を含む）、上限は{quota}です。"
        ),
    }
}

/// The rest of the backup's explanation, after the name of the CLI: the
/// words before and after the format's document, which is named as a path.
pub fn backup_reads() -> (&'static str, &'static str) {
    match lang() {
        Lang::En => (
            " reads (",
            "). Opening one adds it as a new plan; nothing else changes.",
        ),
        Lang::Ja => (
            "が読み込む計画ファイル（",
            "）です。開くと新しい計画として追加され、ほかは何も変わりません。",
        ),
    }
}

/// The label of a plan's name input in the list.
pub fn plan_name_label(name: &str) -> String {
    match lang() {
        Lang::En => format!("Name of plan {name}"),
        Lang::Ja => format!("計画「{name}」の名前"),
    }
}

/// The size of a kept text.
pub fn characters(n: usize) -> String {
    match lang() {
        Lang::En => format!("{n} characters"),
        Lang::Ja => format!("{}文字", count(n as u64)),
    }
}

/// Why a plan cannot take a name another plan on this device has.
pub fn plan_name_taken(name: &str) -> String {
    match lang() {
        Lang::En => format!(
            "There is already a plan named \u{201c}{name}\u{201d} on this device: choose another name."
        ),
        Lang::Ja => format!(
            "この端末には「{name}」という名前の計画がすでにあります。別の名前を付けてください。"
        ),
    }
}

/// The name of a copy: "Plan (copy)" / "Planのコピー".
pub fn copy_name(name: &str) -> String {
    match lang() {
        Lang::En => format!("{name} (copy)"),
        Lang::Ja => format!("{name}のコピー"),
    }
}

/// A plan that could not be opened from the list, its text kept: copied
/// under `key` when `kept`, else left under its own key `key` (no room for
/// a copy).
pub fn unreadable_plan(reason: &ReadProblem, key: &str, kept: bool) -> String {
    match (lang(), kept) {
        (Lang::En, true) => format!(
            "That plan could not be read ({reason}). Its text is kept untouched under \u{201c}{key}\u{201d}; download it below."
        ),
        (Lang::En, false) => format!(
            "That plan could not be read ({reason}). There was no room for a copy, so its text stays untouched under its own key \u{201c}{key}\u{201d}; download it below."
        ),
        (Lang::Ja, true) => format!(
            "その計画を読み取れませんでした（{}）。データは「{key}」にそのまま保管しています。下の一覧からダウンロードできます。",
            read_problem_in(reason, Lang::Ja)
        ),
        (Lang::Ja, false) => format!(
            "その計画を読み取れませんでした（{}）。コピーを保存する空きがないため、データは元のキー「{key}」にそのまま残しています。下の一覧からダウンロードできます。",
            read_problem_in(reason, Lang::Ja)
        ),
    }
}

/// A plan from the list that a newer Fleetplan saved.
pub fn newer_plan(version: u32) -> String {
    match lang() {
        Lang::En => format!(
            "That plan was saved by a newer version of Fleetplan (record version {version}); this version leaves it unchanged."
        ),
        Lang::Ja => format!(
            "その計画は新しいバージョンのFleetplanで保存されています（記録バージョン{version}）。このバージョンでは変更しません。"
        ),
    }
}

/// Why storage could not read a plan (`Opened::Unreadable`'s reason), in
/// `lang`: a clause, to be put in parentheses.
pub fn read_problem_in(problem: &ReadProblem, lang: Lang) -> String {
    match (lang, problem) {
        (Lang::En, _) => problem.to_string(),
        (Lang::Ja, ReadProblem::Storage) => "ブラウザーのストレージを読み取れませんでした".into(),
        (Lang::Ja, ReadProblem::Record(reason)) => record_reason_ja(reason),
    }
}

/// Why a record cannot be read ([`Reason`]), in Japanese.
fn record_reason_ja(reason: &Reason) -> String {
    match reason {
        Reason::NoLineEnd => "1行目が途中で終わっています".into(),
        Reason::Version { found } => {
            format!("形式のバージョン「{found}」はFleetplanが書き込むものではありません")
        }
        Reason::NoField { key } => format!("見出し行に「{key}」の項目がありません"),
        Reason::UnknownFields => "見出し行に不明な項目があります".into(),
        Reason::RevisionNotANumber => "リビジョンが数値ではありません".into(),
        Reason::LengthNotANumber => "長さが数値ではありません".into(),
        Reason::ChecksumNotHex => "チェックサムが16桁の16進数ではありません".into(),
        Reason::WrongLength => "途中で切れているか、余分な文字が加わっています".into(),
        Reason::OddCharacter { code } => {
            format!("保存データにありえない文字（U+{code:04X}）が含まれています")
        }
        Reason::ChecksumMismatch => {
            "データが壊れています（チェックサムが内容と一致しません）".into()
        }
        Reason::Damaged(damage) => format!("データが壊れています（{}）", damage_ja(damage)),
        Reason::PlanFile(errors) => errors
            .iter()
            .map(plan_file_clause_ja)
            .collect::<Vec<_>>()
            .join("、"),
    }
}

/// What is wrong in a record's payload ([`Damage`]), in Japanese.
fn damage_ja(damage: &Damage) -> String {
    match damage {
        Damage::EndsInValue => "値の途中でデータが終わっています".into(),
        Damage::LengthPastEnd => "長さの指定がデータの末尾を超えています".into(),
        Damage::LengthWrong => "長さの指定が正しくありません".into(),
        Damage::NumberTooLarge => "数値が大きすぎます".into(),
        Damage::CountTooLarge => "件数がデータの量を超えています".into(),
        Damage::TextNotUtf8 => "文字列がUTF-8として正しくありません".into(),
        Damage::TextNotYetRead => "まだ読み込まれていない文字列を参照しています".into(),
        Damage::NumberOutOfRange => "数値が範囲外です".into(),
        Damage::NotACalendarDay => "存在しない日付があります".into(),
        Damage::UnknownStatus => "ポジションの状態が不明です".into(),
        Damage::BytesAfterPlan => "計画の後ろに余分なデータがあります".into(),
        Damage::Json { part, detail } => {
            let part = match part {
                Part::Plan => "計画",
                Part::Scenario => "シナリオ",
            };
            format!("{part}の項目を読み取れません：「{detail}」")
        }
    }
}

/// Why a version-1 record (a plan file) does not parse, in Japanese: a
/// clause, as [`record_reason_ja`] gives.
fn plan_file_clause_ja(error: &PlanError) -> String {
    match &error.problem {
        Problem::NotJson { detail } => format!("JSONとして読めません：「{detail}」"),
        Problem::OtherFormat { found, .. } => {
            format!("「{found}」形式のデータで、Fleetplanの計画ではありません")
        }
        Problem::FormatMissing { .. } => "データ形式の指定がありません".into(),
        Problem::NewerVersion { version, .. } => {
            format!("新しいFleetplanで書かれた計画ファイル（バージョン{version}）です")
        }
        Problem::UnsupportedVersion { .. } => "計画ファイルのバージョンに対応していません".into(),
        Problem::FileHasNoPlan => "計画が含まれていません".into(),
        Problem::Unreadable { detail } => {
            format!("項目「{}」を読み取れません：「{detail}」", error.path)
        }
        // Not said of a plan file that does not parse: worded as a
        // problem of the plan.
        _ => super::problems::problem_text_in(error, Lang::Ja),
    }
}

/// "計画「Name」" or "ID 3の計画", as a notice names a plan.
fn plan_ref_ja(plan: &PlanRef) -> String {
    match plan {
        PlanRef::Named(name) => format!("計画「{name}」"),
        PlanRef::Id(id) => format!("ID {id}の計画"),
    }
}

/// What storage found on start (a plan list rebuilt, a plan it could not
/// read, …), in the current language.
pub fn storage_notice(notice: &Notice) -> String {
    storage_notice_in(notice, lang())
}

/// What storage found on start, in `lang`.
pub fn storage_notice_in(notice: &Notice, lang: Lang) -> String {
    if lang == Lang::En {
        return notice.to_string();
    }
    match notice {
        Notice::IndexRebuilt { plans, key } => format!(
            "計画の一覧を読み取れなかったため、見つかった{}件の計画から作り直しました。元のデータは「{key}」に保管しています。",
            count(*plans as u64)
        ),
        Notice::IndexMissing { plans } => format!(
            "計画の一覧がなくなっていたため、保存されている{}件の計画から作り直しました。",
            count(*plans as u64)
        ),
        Notice::NewerIndex { version } => format!(
            "これらの計画は新しいバージョンのFleetplanで保存されています（一覧のバージョン{version}）。このバージョンでは新しい計画を表示し、保存済みのものは変更しません。"
        ),
        Notice::Unavailable => {
            "このブラウザーのストレージを使用できないため、何も保存されません。".into()
        }
        Notice::NotMigrated => "以前のバージョンで保存された計画を現在の形式に移せませんでした（ストレージがいっぱいです）。元のまま保管しています。".into(),
        Notice::Unreadable {
            plan,
            reason,
            key,
            kept,
        } => {
            if *kept {
                format!(
                    "{}を読み取れませんでした（{}）。データは「{key}」にそのまま保管しています。",
                    plan_ref_ja(plan),
                    read_problem_in(reason, Lang::Ja),
                )
            } else {
                format!(
                    "{}を読み取れませんでした（{}）。コピーを保存する空きがないため、データは元のキー「{key}」にそのまま残しています。",
                    plan_ref_ja(plan),
                    read_problem_in(reason, Lang::Ja),
                )
            }
        }
        Notice::Newer { plan, version } => format!(
            "{}は新しいバージョンのFleetplanで保存されています（記録バージョン{version}）。変更せずにそのままにしています。",
            plan_ref_ja(plan)
        ),
    }
}

/// What a kept text was, in the current language.
pub fn recovery_label(label: &RecoveryLabel) -> String {
    recovery_label_in(label, lang())
}

/// What a kept text was, in `lang`.
pub fn recovery_label_in(label: &RecoveryLabel, lang: Lang) -> String {
    if lang == Lang::En {
        return label.to_string();
    }
    match label {
        RecoveryLabel::Index => "計画の一覧".into(),
        RecoveryLabel::Plan { name } => format!("計画「{name}」"),
        RecoveryLabel::Deleted { id } => format!("ID {id}の計画（削除済み）"),
        RecoveryLabel::EarlierUnreadable => "以前のバージョンが読み取れなかった計画".into(),
        RecoveryLabel::EarlierPlan => "以前のバージョンで保存された計画".into(),
    }
}

/// One problem of a plan file that cannot be opened, in the current
/// language: a file that is not a plan Fleetplan reads, a value it could
/// not read, or a value that is not valid (named by its field).
pub fn plan_file_error(error: &PlanError) -> String {
    plan_file_error_in(error, lang())
}

/// One problem of a plan file that cannot be opened, in `lang`.
pub fn plan_file_error_in(error: &PlanError, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    let path = error.path.as_str();
    match &error.problem {
        Problem::NotJson { detail } => format!(
            "Fleetplanの計画ファイルではありません。JSONオブジェクトとして読めません（詳細：「{detail}」）。"
        ),
        Problem::OtherFormat { found, expected } => format!(
            "これは「{found}」のファイルで、Fleetplanの計画ファイル（「{expected}」）ではありません。"
        ),
        Problem::FormatMissing { expected } => format!(
            "Fleetplanの計画ファイルではありません（「\"format\": \"{expected}\"」の指定がありません）。"
        ),
        Problem::NewerVersion { version, supported } => format!(
            "この計画ファイルはバージョン{version}で、新しいFleetplanで書き出されています。このバージョンで読めるのはバージョン{supported}です。"
        ),
        Problem::UnsupportedVersion { expected } => format!(
            "対応していない計画ファイルのバージョンです。読めるのはバージョン{expected}です。"
        ),
        Problem::FileHasNoPlan => "ファイルに計画がありません。".into(),
        Problem::Unreadable { detail } => {
            format!("項目「{path}」の値を読み取れません（詳細：「{detail}」）。")
        }
        _ => {
            let text = super::problems::problem_text_in(error, Lang::Ja);
            if path.is_empty() {
                text
            } else {
                format!("{text}「{path}」")
            }
        }
    }
}

crate::texts! {
    /// The presets as the "Start from" list names them.
    enum PresetLabel {
        Japan => "Japan, FY2026 (April fiscal year, JPY)", "日本（2026年度・4月始まり・JPY）";
        UnitedStates => "United States, 2026 (January fiscal year, USD)", "米国（2026年・1月始まり・USD）";
        Blank => "Blank", "空の計画";
    }
}

/// A preset's name in the list of what a new plan starts from.
pub fn preset_label(preset: Preset) -> &'static str {
    match lang() {
        Lang::En => preset.label(),
        Lang::Ja => match preset {
            Preset::Japan2026 => PresetLabel::Japan.ja(),
            Preset::UnitedStates2026 => PresetLabel::UnitedStates.ja(),
            Preset::Blank => PresetLabel::Blank.ja(),
        },
    }
}

crate::texts! {
    /// What the presets and the demo name in a new plan: its name, its
    /// scenarios, employer burden components, tools, teams, cloud lines and
    /// savings.
    pub enum PresetName {
        MyPlan => "My engineering plan", "エンジニア組織の計画";
        DemoPlan => "Demo engineering plan", "デモ：エンジニア組織の計画";
        Base => "Base", "基準";
        Aggressive => "Aggressive", "積極採用";
        Health => "Health insurance", "健康保険";
        Care => "Long-term care insurance", "介護保険";
        Pension => "Employees' pension", "厚生年金保険";
        Employment => "Employment insurance", "雇用保険";
        ChildRearing => "Child-rearing contribution", "子ども・子育て拠出金";
        ChildSupport => "Child-support levy", "子ども・子育て支援金";
        Accident => "Workers' accident insurance", "労災保険";
        SocialSecurity => "Social Security", "社会保障税";
        Medicare => "Medicare", "メディケア税";
        Benefits => "Benefits", "福利厚生";
        Commuting => "Commuting", "通勤手当";
        FixedOvertime => "Fixed overtime", "固定残業代";
        Platform => "Platform", "プラットフォーム";
        Product => "Product", "プロダクト";
        Mobile => "Mobile", "モバイル";
        Data => "Data", "データ";
        Compute => "Compute", "コンピュート";
        Storage => "Storage", "ストレージ";
        Warehouse => "Data warehouse", "データウェアハウス";
        Observability => "Observability", "監視・可観測性";
        Lifecycle => "Lifecycle rules to cold storage", "ライフサイクルルールによるコールドストレージへの移行";
        Junior => "Junior", "ジュニア";
        Mid => "Mid", "ミドル";
        Senior => "Senior", "シニア";
        Staff => "Staff", "スタッフ";
        TechLead => "Tech Lead", "テックリード";
        EngineeringManager => "Engineering Manager", "エンジニアリングマネージャー";
        Director => "Director", "部長";
        DirectorTitle => "Director of Engineering", "エンジニアリング部長";
    }
}

crate::texts! {
    /// The demo's roles, which its job titles are made of ("Senior backend
    /// engineer").
    enum DemoRole {
        Backend => "backend engineer", "バックエンドエンジニア";
        FullStack => "full-stack engineer", "フルスタックエンジニア";
        Mobile => "mobile engineer", "モバイルエンジニア";
        Data => "data engineer", "データエンジニア";
        Reliability => "site reliability engineer", "SRE";
    }
}

/// A job title the demo made, in `lang`: "{level} {role}" becomes
/// シニアバックエンドエンジニア, "{level}, {team}" プラットフォームのテックリード.
/// Levels and teams are given already renamed, as (English, `lang`) pairs.
fn demo_title(
    title: &str,
    levels: &[(String, String)],
    teams: &[(String, String)],
    lang: Lang,
) -> Option<String> {
    if let Some(key) = PresetName::all().iter().find(|k| k.en() == title) {
        return Some(key.get(lang).to_string());
    }
    levels.iter().find_map(|(level, level_new)| {
        let rest = title.strip_prefix(level.as_str())?;
        if let Some(team) = rest.strip_prefix(", ") {
            let (_, team_new) = teams.iter().find(|(en, _)| en == team)?;
            return Some(format!("{team_new}の{level_new}"));
        }
        let role = rest.strip_prefix(' ')?;
        let role = DemoRole::all().iter().find(|k| k.en() == role)?;
        Some(format!("{level_new}{}", role.get(lang)))
    })
}

/// Gives a plan just made from a preset (or the demo) the names of `lang`:
/// in Japanese, 健康保険 for "Health insurance", the team プラットフォーム
/// for "Platform" (its positions, tools and other costs follow), and so on.
/// The demo's levels and job titles are named too (シニアバックエンドエンジニア).
/// Names it does not know (tool brands, "SRE") stay.
/// Only for a new plan: a person's own names are never changed.
pub fn name_new_plan(plan: &mut Plan, lang: Lang) {
    if lang == Lang::En {
        return;
    }
    let named = |name: &str| {
        PresetName::all()
            .iter()
            .find(|key| key.en() == name)
            .map(|key| key.get(lang).to_string())
    };
    let rename = |name: &mut String| {
        if let Some(new) = named(name) {
            *name = new;
        }
    };
    rename(&mut plan.name);
    for index in 0..plan.scenarios.len() {
        if let Some(new) = named(&plan.scenarios[index].name) {
            // Follows the base scenario, which is kept by name.
            let _ = plan.rename_scenario(index, &new);
        }
    }
    for scenario in &mut plan.scenarios {
        scenario
            .people
            .burden
            .iter_mut()
            .for_each(|b| rename(&mut b.name));
        scenario.tools.iter_mut().for_each(|t| rename(&mut t.name));
        scenario
            .people
            .per_head
            .iter_mut()
            .for_each(|c| rename(&mut c.name));
        for position in &mut scenario.positions {
            position
                .allowances
                .iter_mut()
                .for_each(|a| rename(&mut a.name));
        }
        for line in &mut scenario.cloud.lines {
            rename(&mut line.name);
            line.savings.iter_mut().for_each(|s| rename(&mut s.name));
        }
        let teams: Vec<(String, String)> = scenario
            .teams
            .iter()
            .map(|t| {
                (
                    t.name.clone(),
                    named(&t.name).unwrap_or_else(|| t.name.clone()),
                )
            })
            .collect();
        let levels: Vec<(String, String)> = scenario
            .levels
            .iter()
            .map(|l| (l.clone(), named(l).unwrap_or_else(|| l.clone())))
            .collect();
        // Titles first: they are read in the English names they were made of.
        for position in &mut scenario.positions {
            if let Some(title) = demo_title(&position.title, &levels, &teams, lang) {
                position.title = title;
            }
        }
        for (team, new) in &teams {
            // Positions, tools and other costs follow the team.
            let _ = scenario.rename_team(team, new);
        }
        for (level, new) in &levels {
            // Positions and bands follow the level.
            let _ = scenario.rename_level(level, new);
        }
    }
}

crate::texts! {
    /// What a new plan is named after, with the fiscal year it covers.
    enum StartName {
        Japan => "Japan", "日本";
        UnitedStates => "United States", "米国";
        Demo => "Demo", "デモ";
    }
}

/// The name of a new plan made from `choice` for fiscal year `year`, in
/// `lang`: "Japan FY2027 plan" / "日本 2027年度計画", "United States FY2027
/// plan" / "米国 2027年度計画", "Demo FY2027 plan" / "デモ 2027年度計画",
/// and a blank plan "FY2027 plan" / "2027年度計画".
pub fn start_plan_name(choice: StartChoice, year: FiscalYear, lang: Lang) -> String {
    let fiscal_year = fiscal_year_in(year, lang);
    let after = match choice {
        StartChoice::Demo => Some(StartName::Demo),
        StartChoice::Preset(Preset::Japan2026) => Some(StartName::Japan),
        StartChoice::Preset(Preset::UnitedStates2026) => Some(StartName::UnitedStates),
        StartChoice::Preset(Preset::Blank) => None,
    };
    match (lang, after) {
        (Lang::En, Some(what)) => format!("{} {fiscal_year} plan", what.en()),
        (Lang::En, None) => format!("{fiscal_year} plan"),
        (Lang::Ja, Some(what)) => format!("{} {fiscal_year}計画", what.ja()),
        (Lang::Ja, None) => format!("{fiscal_year}計画"),
    }
}

/// A new plan from `choice`, made in `today`'s month: it covers the next
/// fiscal year that has not started (`StartChoice::plan`), is named after
/// the choice and that year ([`start_plan_name`]), and the names the preset
/// gives are in `lang` ([`name_new_plan`]).
pub fn start_plan(choice: StartChoice, today: YearMonth, lang: Lang) -> Plan {
    let mut plan = choice.plan(today);
    name_new_plan(&mut plan, lang);
    let year = FiscalYear::of(plan.horizon.start, plan.fiscal_year_start_month);
    plan.name = start_plan_name(choice, year, lang);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::plan_json::{parse_plan_file, read_plan_file, write_plan_file};
    use crate::format::record::encode_record;
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};
    use crate::model::presets::demo_plan;
    use crate::model::{forecast_scenario, validate};
    use crate::storage::library::{
        INDEX_KEY, KeyValue, LEGACY_PLAN_KEY, Library, MemoryStore, Opened, PLAN_PREFIX,
    };

    #[test]
    fn translated() {
        assert_translated::<PlansText>();
        assert_translated::<SaveText>();
        assert_translated::<PresetLabel>();
        assert_translated::<PresetName>();
        assert_translated::<DemoRole>();
        assert_translated::<StartName>();
    }

    #[test]
    fn a_new_plan_is_named_after_its_start_and_the_fiscal_year_it_covers() {
        let december = YearMonth::new(2026, 12).unwrap();
        let cases = [
            (
                StartChoice::Preset(Preset::Japan2026),
                "Japan FY2027 plan",
                "日本 2027年度計画",
            ),
            (
                StartChoice::Preset(Preset::UnitedStates2026),
                "United States FY2027 plan",
                "米国 2027年度計画",
            ),
            (StartChoice::Demo, "Demo FY2027 plan", "デモ 2027年度計画"),
            (
                StartChoice::Preset(Preset::Blank),
                "FY2027 plan",
                "2027年度計画",
            ),
        ];
        for (choice, english, japanese) in cases {
            let plan = start_plan(choice, december, Lang::En);
            assert_eq!(plan.name, english);
            assert_eq!(plan.horizon.start, choice.horizon_start(december));
            assert_eq!(plan.base_scenario.as_deref(), Some("Base"));
            let plan = start_plan(choice, december, Lang::Ja);
            assert_eq!(plan.name, japanese);
            assert!(reads_as_japanese(&plan.name), "{}", plan.name);
            // The base follows its name into Japanese.
            assert_eq!(plan.scenarios[0].name, "基準");
            assert_eq!(plan.base_scenario.as_deref(), Some("基準"));
            assert_eq!(validate(&plan), Vec::new());
        }
        // The fiscal year is the one the horizon starts in: in April 2027
        // an April year has started, so FY2028; a January one is FY2028 too.
        let april = YearMonth::new(2027, 4).unwrap();
        assert_eq!(
            start_plan(StartChoice::Preset(Preset::Japan2026), april, Lang::En).name,
            "Japan FY2028 plan"
        );
        assert_eq!(
            start_plan(
                StartChoice::Preset(Preset::UnitedStates2026),
                april,
                Lang::Ja
            )
            .name,
            "米国 2028年度計画"
        );
    }

    fn april() -> YearMonth {
        YearMonth::new(2026, 4).unwrap()
    }

    #[test]
    fn save_errors_in_each_language() {
        let errors = [
            SaveError::Conflict { theirs: 3 },
            SaveError::Full,
            SaveError::Unavailable,
            SaveError::Blocked,
        ];
        set_lang(Lang::En);
        for e in &errors {
            assert_eq!(save_error(e), e.message());
        }
        set_lang(Lang::Ja);
        assert_eq!(
            save_error(&SaveError::Full),
            "未保存：このブラウザーのFleetplan用ストレージがいっぱいです"
        );
        for e in &errors {
            assert!(save_error(e).starts_with("未保存："), "{e:?}");
        }
        set_lang(Lang::En);
    }

    #[test]
    fn preset_labels() {
        set_lang(Lang::Ja);
        assert_eq!(
            preset_label(Preset::Japan2026),
            "日本（2026年度・4月始まり・JPY）"
        );
        assert_eq!(preset_label(Preset::Blank), "空の計画");
        set_lang(Lang::En);
        for p in Preset::ALL {
            assert_eq!(preset_label(p), p.label());
            assert_eq!(
                PresetLabel::all()
                    .iter()
                    .filter(|k| k.en() == p.label())
                    .count(),
                1
            );
        }
    }

    /// Every name a preset or the demo gives, for checking the table.
    fn names(plan: &Plan) -> Vec<String> {
        let mut names = vec![plan.name.clone()];
        for s in &plan.scenarios {
            names.push(s.name.clone());
            names.extend(s.people.burden.iter().map(|b| b.name.clone()));
            names.extend(s.tools.iter().map(|t| t.name.clone()));
            names.extend(s.people.per_head.iter().map(|c| c.name.clone()));
            for p in &s.positions {
                names.extend(p.allowances.iter().map(|a| a.name.clone()));
            }
            names.extend(s.teams.iter().map(|t| t.name.clone()));
            names.extend(s.levels.iter().cloned());
            names.extend(s.positions.iter().map(|p| p.title.clone()));
            for line in &s.cloud.lines {
                names.push(line.name.clone());
                names.extend(line.savings.iter().map(|s| s.name.clone()));
            }
        }
        names
    }

    fn every_new_plan() -> Vec<Plan> {
        let mut plans: Vec<Plan> = Preset::ALL
            .into_iter()
            .map(|p| p.plan(PresetName::MyPlan.en(), april()))
            .collect();
        plans.push(demo_plan(april()));
        plans
    }

    #[test]
    fn every_preset_name_is_one_a_preset_gives() {
        let given: Vec<String> = every_new_plan().iter().flat_map(names).collect();
        for key in PresetName::all() {
            assert!(given.iter().any(|n| n == key.en()), "{key:?} is not used");
        }
    }

    #[test]
    fn a_new_japan_plan_is_named_in_japanese() {
        let mut plan = Preset::Japan2026.plan(PresetName::MyPlan.en(), april());
        let english = plan.clone();
        name_new_plan(&mut plan, Lang::En);
        assert_eq!(plan, english, "English leaves the plan as it is");
        name_new_plan(&mut plan, Lang::Ja);
        assert_eq!(plan.name, "エンジニア組織の計画");
        assert_eq!(plan.scenarios[0].name, "基準");
        let burden: Vec<&str> = plan.scenarios[0]
            .people
            .burden
            .iter()
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(
            burden,
            [
                "健康保険",
                "介護保険",
                "厚生年金保険",
                "雇用保険",
                "子ども・子育て拠出金",
                "子ども・子育て支援金",
                "労災保険"
            ]
        );
        // Only names change: every rate and cap is the preset's.
        for (ja, en) in plan.scenarios[0]
            .people
            .burden
            .iter()
            .zip(&english.scenarios[0].people.burden)
        {
            assert_eq!(
                (ja.rate_pct, ja.monthly_pay_cap),
                (en.rate_pct, en.monthly_pay_cap)
            );
        }
        assert_eq!(validate(&plan), Vec::new());
    }

    #[test]
    fn the_demo_in_japanese_keeps_every_reference_and_figure() {
        let english = demo_plan(april());
        let mut plan = english.clone();
        plan.base_scenario = Some("Aggressive".into());
        name_new_plan(&mut plan, Lang::Ja);
        assert_eq!(plan.name, "デモ：エンジニア組織の計画");
        let scenarios: Vec<&str> = plan.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(scenarios, ["基準", "積極採用"]);
        assert_eq!(
            plan.base_scenario.as_deref(),
            Some("積極採用"),
            "the base follows"
        );
        let base = &plan.scenarios[0];
        let teams: Vec<&str> = base.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            teams,
            [
                "プラットフォーム",
                "プロダクト",
                "モバイル",
                "データ",
                "SRE"
            ]
        );
        for s in &plan.scenarios {
            assert!(
                s.positions.iter().all(|p| s.team_index(&p.team).is_some()),
                "every position's team exists"
            );
        }
        let lines: Vec<&str> = base.cloud.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            lines,
            [
                "コンピュート",
                "ストレージ",
                "データウェアハウス",
                "監視・可観測性"
            ]
        );
        assert_eq!(
            base.cloud.lines[1].savings[0].name,
            "ライフサイクルルールによるコールドストレージへの移行"
        );
        assert_eq!(base.tools[0].name, "GitHub Enterprise", "brands stay");
        assert_eq!(validate(&plan), Vec::new());
        for s in 0..2 {
            assert_eq!(
                forecast_scenario(&plan, s).unwrap().total(),
                forecast_scenario(&english, s).unwrap().total(),
                "scenario {s} costs the same"
            );
        }
        // Nothing the table knows is left in English.
        for name in names(&plan) {
            assert!(
                !PresetName::all().iter().any(|k| k.en() == name),
                "{name} left in English"
            );
        }
        // Levels, bands and job titles: every one in Japanese, every
        // position's level on the ladder with its band.
        assert_eq!(
            base.levels,
            [
                "ジュニア",
                "ミドル",
                "シニア",
                "スタッフ",
                "テックリード",
                "エンジニアリングマネージャー",
                "部長"
            ]
        );
        for s in &plan.scenarios {
            for p in &s.positions {
                assert!(s.levels.contains(&p.level), "{} has a level", p.title);
                assert!(
                    s.band_for(&p.level, None).is_some(),
                    "{} has a band",
                    p.level
                );
                assert!(reads_as_japanese(&p.title), "{} is in Japanese", p.title);
            }
        }
        let titles: Vec<&str> = base.positions.iter().map(|p| p.title.as_str()).collect();
        assert!(titles.contains(&"エンジニアリング部長"));
        assert!(titles.contains(&"プラットフォームのテックリード"));
        assert!(titles.contains(&"シニアバックエンドエンジニア"));
        assert!(titles.contains(&"ミドルSRE"));
    }

    /// Japanese apart from what it quotes in 「」 (keys, names, details).
    fn reads_as_japanese_except_quotes(text: &str) -> bool {
        let mut outside = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '「' => depth += 1,
                '」' => depth -= 1,
                _ if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        reads_as_japanese(&outside)
    }

    /// A sentence in Japanese: Japanese apart from what it quotes, ending in 。.
    fn japanese_sentence(text: &str) {
        assert!(reads_as_japanese_except_quotes(text), "{text}");
        assert!(text.ends_with('。'), "{text}");
    }

    #[test]
    fn plan_file_problems_in_each_language() {
        let plan = Preset::Japan2026.plan("P", april());
        let good = write_plan_file(&plan);
        let bad_fte = {
            let mut p = plan.clone();
            p.scenarios[0].add_position("Engineer", "Core", 6_000_000.into(), april().first_day());
            write_plan_file(&p).replacen("\"fte\": \"1\"", "\"fte\": true", 1)
        };
        let cases = [
            (
                "not json".to_string(),
                "not a Fleetplan plan file: the text is not a JSON object (expected ident at line 1 column 2)",
                "Fleetplanの計画ファイルではありません。JSONオブジェクトとして読めません（詳細：「expected ident at line 1 column 2」）。",
            ),
            (
                good.replacen("fleetplan-plan", "other-plan", 1),
                "format: this is a \u{201c}other-plan\u{201d} file, not a Fleetplan plan (\u{201c}fleetplan-plan\u{201d})",
                "これは「other-plan」のファイルで、Fleetplanの計画ファイル（「fleetplan-plan」）ではありません。",
            ),
            (
                good.replacen("\"format\": \"fleetplan-plan\",", "", 1),
                "format: not a Fleetplan plan file: \"format\": \"fleetplan-plan\" is missing",
                "Fleetplanの計画ファイルではありません（「\"format\": \"fleetplan-plan\"」の指定がありません）。",
            ),
            (
                good.replacen("\"version\": 1", "\"version\": 7", 1),
                "version: the plan file is version 7, written by a newer Fleetplan; this one reads version 1",
                "この計画ファイルはバージョン7で、新しいFleetplanで書き出されています。このバージョンで読めるのはバージョン1です。",
            ),
            (
                good.replacen("\"version\": 1", "\"version\": \"x\"", 1),
                "version: unsupported plan file version; expected 1",
                "対応していない計画ファイルのバージョンです。読めるのはバージョン1です。",
            ),
            (
                r#"{"format": "fleetplan-plan", "version": 1}"#.to_string(),
                "plan: the file has no plan",
                "ファイルに計画がありません。",
            ),
            (
                good.replacen("\"currency\": \"JPY\",", "", 1),
                "plan: missing field `currency`",
                "項目「plan」の値を読み取れません（詳細：「missing field `currency`」）。",
            ),
            (
                good.replacen("\"currency\"", "\"colour\": 1, \"currency\"", 1),
                "plan.colour: unknown field `colour`, expected one of ",
                "項目「plan.colour」の値を読み取れません（詳細：「unknown field `colour`, expected one of ",
            ),
            (
                bad_fte,
                "plan.scenarios[0].positions[0].fte: ",
                "項目「plan.scenarios[0].positions[0].fte」の値を読み取れません（詳細：「",
            ),
        ];
        for (text, english, japanese) in cases {
            let errors = parse_plan_file(&text).expect_err(&text);
            let (en, ja) = (
                plan_file_error_in(&errors[0], Lang::En),
                plan_file_error_in(&errors[0], Lang::Ja),
            );
            assert_eq!(en, errors[0].to_string());
            assert!(en.starts_with(english), "{en:?} is not {english:?}…");
            assert!(ja.starts_with(japanese), "{ja:?} is not {japanese:?}…");
            japanese_sentence(&ja);
        }
        // A plan read whole with an invalid value names its field.
        let mut invalid = plan.clone();
        invalid.name = String::new();
        let text = write_plan_file(&invalid);
        assert!(parse_plan_file(&text).is_ok());
        let errors = read_plan_file(&text).unwrap_err();
        set_lang(Lang::Ja);
        let ja = plan_file_error(&errors[0]);
        set_lang(Lang::En);
        assert!(ja.ends_with("。「plan.name」"), "{ja}");
        assert!(reads_as_japanese_except_quotes(&ja), "{ja}");
        assert_eq!(
            plan_file_error(&errors[0]),
            "plan.name: the plan needs a name"
        );
    }

    /// What storage says on start about `store`, in Japanese; its English
    /// is checked to be the notice's own.
    fn notices_in_japanese(store: MemoryStore) -> Vec<String> {
        let mut library = Library::new(store);
        let start = library.start(|| Plan::blank("P", "JPY", 4, april(), 12));
        set_lang(Lang::Ja);
        let notices = start.notices.iter().map(storage_notice).collect();
        set_lang(Lang::En);
        for n in &start.notices {
            assert_eq!(storage_notice(n), n.to_string());
        }
        notices
    }

    /// A store holding a plan of each name, with ids 1, 2, ….
    fn stored(names: &[&str]) -> MemoryStore {
        let mut library = Library::new(MemoryStore::default());
        for name in names {
            library
                .create(&Plan::blank(*name, "JPY", 4, april(), 12))
                .unwrap();
        }
        library.store().clone()
    }

    /// A record without its last character.
    fn cut_short(record: &str) -> String {
        let mut text = record.to_string();
        text.pop();
        text
    }

    /// A record with one character of its payload changed.
    fn damaged(record: &str) -> String {
        let (header, payload) = record.split_once('\n').unwrap();
        let mut chars: Vec<char> = payload.chars().collect();
        chars[0] = if chars[0] == 'A' { 'B' } else { 'A' };
        format!("{header}\n{}", chars.into_iter().collect::<String>())
    }

    #[test]
    fn storage_notices_in_japanese() {
        // The list cannot be read: rebuilt from the two records.
        let mut store = stored(&["FY2026", "FY2027"]);
        store.set(INDEX_KEY, "{broken").unwrap();
        let notices = notices_in_japanese(store);
        assert_eq!(
            notices,
            [
                "計画の一覧を読み取れなかったため、見つかった2件の計画から作り直しました。元のデータは「fleetplan.recovery.index」に保管しています。"
            ]
        );

        // The list is missing: rebuilt from the two records.
        let mut store = stored(&["FY2026", "FY2027"]);
        store.remove(INDEX_KEY);
        let notices = notices_in_japanese(store);
        assert_eq!(
            notices,
            ["計画の一覧がなくなっていたため、保存されている2件の計画から作り直しました。"]
        );

        // No room to copy a record that cannot be read: it stays under its
        // own key.
        let mut store = stored(&["Damaged", "Good"]);
        let record = encode_record(&Plan::blank("X", "JPY", 4, april(), 12), 1);
        store
            .set(&format!("{PLAN_PREFIX}1"), &cut_short(&record))
            .unwrap();
        store.quota = Some(store.used());
        let notices = notices_in_japanese(store);
        assert_eq!(
            notices,
            [
                "計画「Damaged」を読み取れませんでした（途中で切れているか、余分な文字が加わっています）。コピーを保存する空きがないため、データは元のキー「fleetplan.plan.1」にそのまま残しています。"
            ]
        );

        // A record cut short, one damaged, one from a newer version: each
        // is named, the others still open.
        let mut store = stored(&["Cut", "Damaged", "Newer", "Good"]);
        let record = encode_record(&Plan::blank("X", "JPY", 4, april(), 12), 1);
        store
            .set(&format!("{PLAN_PREFIX}1"), &cut_short(&record))
            .unwrap();
        store
            .set(&format!("{PLAN_PREFIX}2"), &damaged(&record))
            .unwrap();
        store
            .set(
                &format!("{PLAN_PREFIX}3"),
                &record.replacen(
                    &format!(
                        "fleetplan-record {} ",
                        crate::format::record::RECORD_VERSION
                    ),
                    "fleetplan-record 9 ",
                    1,
                ),
            )
            .unwrap();
        let notices = notices_in_japanese(store);
        assert_eq!(
            notices,
            [
                "計画「Cut」を読み取れませんでした（途中で切れているか、余分な文字が加わっています）。データは「fleetplan.recovery.1」にそのまま保管しています。",
                "計画「Damaged」を読み取れませんでした（データが壊れています（チェックサムが内容と一致しません））。データは「fleetplan.recovery.2」にそのまま保管しています。",
                "計画「Newer」は新しいバージョンのFleetplanで保存されています（記録バージョン9）。変更せずにそのままにしています。"
            ]
        );

        // Storage full: the first version's plan cannot be moved.
        let mut store = MemoryStore::default();
        let first = write_plan_file(&Plan::blank("Old", "JPY", 4, april(), 12));
        store.set(LEGACY_PLAN_KEY, &first).unwrap();
        store.quota = Some(store.used() + 100);
        let notices = notices_in_japanese(store);
        assert_eq!(
            notices[0],
            "以前のバージョンで保存された計画を現在の形式に移せませんでした（ストレージがいっぱいです）。元のまま保管しています。"
        );

        // A newer plan list.
        let mut store = MemoryStore::default();
        store
            .set(
                INDEX_KEY,
                r#"{"format":"fleetplan-plans","version":5,"plans":[]}"#,
            )
            .unwrap();
        let notices = notices_in_japanese(store);
        assert!(notices[0].contains("一覧のバージョン5"), "{notices:?}");
    }

    #[test]
    fn every_notice_in_each_language() {
        let unreadable = |plan: PlanRef, kept: bool, key: &str| Notice::Unreadable {
            plan,
            reason: ReadProblem::Record(Reason::NoLineEnd),
            key: key.into(),
            kept,
        };
        let cases = [
            (
                Notice::IndexRebuilt {
                    plans: 1200,
                    key: "fleetplan.recovery.index".into(),
                },
                "The list of plans could not be read; it was rebuilt from the 1200 plans found. Its text is kept under \u{201c}fleetplan.recovery.index\u{201d}.",
                "計画の一覧を読み取れなかったため、見つかった1,200件の計画から作り直しました。元のデータは「fleetplan.recovery.index」に保管しています。",
            ),
            (
                Notice::IndexMissing { plans: 1200 },
                "The list of plans was missing; it was rebuilt from the 1200 plans found.",
                "計画の一覧がなくなっていたため、保存されている1,200件の計画から作り直しました。",
            ),
            (
                Notice::NewerIndex { version: 5 },
                "These plans were saved by a newer version of Fleetplan (list version 5); this version shows a new plan and changes nothing stored.",
                "これらの計画は新しいバージョンのFleetplanで保存されています（一覧のバージョン5）。このバージョンでは新しい計画を表示し、保存済みのものは変更しません。",
            ),
            (
                Notice::Unavailable,
                "This browser's storage is unavailable: nothing will be saved.",
                "このブラウザーのストレージを使用できないため、何も保存されません。",
            ),
            (
                Notice::NotMigrated,
                "The plan saved by an earlier version could not be moved to the current format (storage is full); it is kept as it was.",
                "以前のバージョンで保存された計画を現在の形式に移せませんでした（ストレージがいっぱいです）。元のまま保管しています。",
            ),
            (
                unreadable(
                    PlanRef::Named("Budget".into()),
                    true,
                    "fleetplan.recovery.4",
                ),
                "The plan \u{201c}Budget\u{201d} could not be read (its first line has no end); its text is kept untouched under \u{201c}fleetplan.recovery.4\u{201d}.",
                "計画「Budget」を読み取れませんでした（1行目が途中で終わっています）。データは「fleetplan.recovery.4」にそのまま保管しています。",
            ),
            (
                unreadable(PlanRef::Id("4".into()), false, "fleetplan.plan.4"),
                "The plan plan 4 could not be read (its first line has no end); there was no room for a copy, so its text stays untouched under its own key \u{201c}fleetplan.plan.4\u{201d}.",
                "ID 4の計画を読み取れませんでした（1行目が途中で終わっています）。コピーを保存する空きがないため、データは元のキー「fleetplan.plan.4」にそのまま残しています。",
            ),
            (
                Notice::Unreadable {
                    plan: PlanRef::Named("Budget".into()),
                    reason: ReadProblem::Storage,
                    key: "fleetplan.recovery.4".into(),
                    kept: true,
                },
                "The plan \u{201c}Budget\u{201d} could not be read (this browser's storage could not be read); its text is kept untouched under \u{201c}fleetplan.recovery.4\u{201d}.",
                "計画「Budget」を読み取れませんでした（ブラウザーのストレージを読み取れませんでした）。データは「fleetplan.recovery.4」にそのまま保管しています。",
            ),
            (
                Notice::Newer {
                    plan: PlanRef::Named("Budget".into()),
                    version: 9,
                },
                "The plan \u{201c}Budget\u{201d} was saved by a newer version of Fleetplan (record version 9); it is left unchanged.",
                "計画「Budget」は新しいバージョンのFleetplanで保存されています（記録バージョン9）。変更せずにそのままにしています。",
            ),
            (
                Notice::Newer {
                    plan: PlanRef::Id("12".into()),
                    version: 9,
                },
                "The plan plan 12 was saved by a newer version of Fleetplan (record version 9); it is left unchanged.",
                "ID 12の計画は新しいバージョンのFleetplanで保存されています（記録バージョン9）。変更せずにそのままにしています。",
            ),
        ];
        for (notice, english, japanese) in cases {
            assert_eq!(notice.to_string(), english);
            assert_eq!(storage_notice_in(&notice, Lang::En), english);
            let ja = storage_notice_in(&notice, Lang::Ja);
            assert_eq!(ja, japanese);
            japanese_sentence(&ja);
        }
    }

    /// Every reason a record cannot be read, with its English (as storage
    /// said it before it said it as data) and its Japanese.
    fn every_reason() -> Vec<(Reason, String, String)> {
        let damage = [
            (
                Damage::EndsInValue,
                "the data ends in the middle of a value",
                "値の途中でデータが終わっています",
            ),
            (
                Damage::LengthPastEnd,
                "a length runs past the end of the data",
                "長さの指定がデータの末尾を超えています",
            ),
            (
                Damage::LengthWrong,
                "a length is wrong",
                "長さの指定が正しくありません",
            ),
            (
                Damage::NumberTooLarge,
                "a number is too large",
                "数値が大きすぎます",
            ),
            (
                Damage::CountTooLarge,
                "a count is larger than the data",
                "件数がデータの量を超えています",
            ),
            (
                Damage::TextNotUtf8,
                "a text is not valid UTF-8",
                "文字列がUTF-8として正しくありません",
            ),
            (
                Damage::TextNotYetRead,
                "a text refers to one not yet read",
                "まだ読み込まれていない文字列を参照しています",
            ),
            (
                Damage::NumberOutOfRange,
                "a number is out of range",
                "数値が範囲外です",
            ),
            (
                Damage::NotACalendarDay,
                "a date is not a calendar day",
                "存在しない日付があります",
            ),
            (
                Damage::UnknownStatus,
                "a position has an unknown status",
                "ポジションの状態が不明です",
            ),
            (
                Damage::BytesAfterPlan,
                "there are bytes after the plan",
                "計画の後ろに余分なデータがあります",
            ),
            (
                Damage::Json {
                    part: Part::Plan,
                    detail: "missing field `name`".into(),
                },
                "the plan: missing field `name`",
                "計画の項目を読み取れません：「missing field `name`」",
            ),
            (
                Damage::Json {
                    part: Part::Scenario,
                    detail: "EOF while parsing".into(),
                },
                "a scenario: EOF while parsing",
                "シナリオの項目を読み取れません：「EOF while parsing」",
            ),
        ];
        let mut reasons: Vec<(Reason, String, String)> = [
            (
                Reason::NoLineEnd,
                "its first line has no end",
                "1行目が途中で終わっています",
            ),
            (
                Reason::Version { found: "02".into() },
                "its version \u{201c}02\u{201d} is not one Fleetplan writes",
                "形式のバージョン「02」はFleetplanが書き込むものではありません",
            ),
            (
                Reason::NoField { key: "h=" },
                "its header has no h= field",
                "見出し行に「h=」の項目がありません",
            ),
            (
                Reason::UnknownFields,
                "its header has unknown fields",
                "見出し行に不明な項目があります",
            ),
            (
                Reason::RevisionNotANumber,
                "its revision is not a number",
                "リビジョンが数値ではありません",
            ),
            (
                Reason::LengthNotANumber,
                "its length is not a number",
                "長さが数値ではありません",
            ),
            (
                Reason::ChecksumNotHex,
                "its checksum is not 16 hexadecimal digits",
                "チェックサムが16桁の16進数ではありません",
            ),
            (
                Reason::WrongLength,
                "it is cut short or has text added to it",
                "途中で切れているか、余分な文字が加わっています",
            ),
            (
                Reason::OddCharacter { code: 0x7F },
                "it holds a character (U+007F) a record never has",
                "保存データにありえない文字（U+007F）が含まれています",
            ),
            (
                Reason::ChecksumMismatch,
                "it is damaged (its checksum does not match its contents)",
                "データが壊れています（チェックサムが内容と一致しません）",
            ),
        ]
        .into_iter()
        .map(|(r, en, ja)| (r, en.to_string(), ja.to_string()))
        .collect();
        reasons.extend(damage.into_iter().map(|(d, en, ja)| {
            (
                Reason::Damaged(d),
                format!("it is damaged ({en})"),
                format!("データが壊れています（{ja}）"),
            )
        }));
        // A version-1 record: its plan file's problems.
        let file = |path: &str, problem: Problem| PlanError::at(path, problem);
        let files = [
            (
                file(
                    "",
                    Problem::NotJson {
                        detail: "expected value at line 1 column 1".into(),
                    },
                ),
                "not a Fleetplan plan file: the text is not a JSON object (expected value at line 1 column 1)",
                "JSONとして読めません：「expected value at line 1 column 1」",
            ),
            (
                file(
                    "format",
                    Problem::OtherFormat {
                        found: "x".into(),
                        expected: "fleetplan-plan".into(),
                    },
                ),
                "format: this is a \u{201c}x\u{201d} file, not a Fleetplan plan (\u{201c}fleetplan-plan\u{201d})",
                "「x」形式のデータで、Fleetplanの計画ではありません",
            ),
            (
                file(
                    "format",
                    Problem::FormatMissing {
                        expected: "fleetplan-plan".into(),
                    },
                ),
                "format: not a Fleetplan plan file: \"format\": \"fleetplan-plan\" is missing",
                "データ形式の指定がありません",
            ),
            (
                file(
                    "version",
                    Problem::NewerVersion {
                        version: 3,
                        supported: 1,
                    },
                ),
                "version: the plan file is version 3, written by a newer Fleetplan; this one reads version 1",
                "新しいFleetplanで書かれた計画ファイル（バージョン3）です",
            ),
            (
                file("version", Problem::UnsupportedVersion { expected: 1 }),
                "version: unsupported plan file version; expected 1",
                "計画ファイルのバージョンに対応していません",
            ),
            (
                file("plan", Problem::FileHasNoPlan),
                "plan: the file has no plan",
                "計画が含まれていません",
            ),
            (
                file(
                    "plan.colour",
                    Problem::Unreadable {
                        detail: "unknown field `colour`".into(),
                    },
                ),
                "plan.colour: unknown field `colour`",
                "項目「plan.colour」を読み取れません：「unknown field `colour`」",
            ),
        ];
        reasons.extend(
            files
                .into_iter()
                .map(|(e, en, ja)| (Reason::PlanFile(vec![e]), en.to_string(), ja.to_string())),
        );
        reasons
    }

    #[test]
    fn every_record_reason_in_each_language() {
        for (reason, english, japanese) in every_reason() {
            let problem = ReadProblem::Record(reason.clone());
            assert_eq!(reason.to_string(), english);
            assert_eq!(problem.to_string(), english);
            assert_eq!(read_problem_in(&problem, Lang::En), english);
            assert_eq!(read_problem_in(&problem, Lang::Ja), japanese);
            assert!(
                reads_as_japanese_except_quotes(&japanese),
                "{reason:?}: {japanese}"
            );
            // A clause: the notice puts it in parentheses.
            assert!(!japanese.ends_with('。'), "{japanese}");
        }
        let storage = ReadProblem::Storage;
        assert_eq!(
            read_problem_in(&storage, Lang::En),
            "this browser's storage could not be read"
        );
        assert_eq!(
            read_problem_in(&storage, Lang::Ja),
            "ブラウザーのストレージを読み取れませんでした"
        );
        // Several problems of a plan file, as the first version's record
        // gives them.
        let two = Reason::PlanFile(vec![
            PlanError::at("plan", Problem::FileHasNoPlan),
            PlanError::at("version", Problem::UnsupportedVersion { expected: 1 }),
        ]);
        assert_eq!(
            two.to_string(),
            "plan: the file has no plan; version: unsupported plan file version; expected 1"
        );
        assert_eq!(
            read_problem_in(&ReadProblem::Record(two), Lang::Ja),
            "計画が含まれていません、計画ファイルのバージョンに対応していません"
        );
    }

    #[test]
    fn record_reasons_of_stored_texts_in_japanese() {
        let record = encode_record(&Plan::blank("X", "JPY", 4, april(), 12), 4);
        let mut odd = record.clone();
        let at = record.find('\n').unwrap() + 1;
        odd.replace_range(
            at..at + record[at..].chars().next().unwrap().len_utf8(),
            "\u{7f}",
        );
        let edits = [
            (record.replacen('\n', " ", 1), "1行目が途中で終わっています"),
            (
                record.replacen(
                    &format!("record {} ", crate::format::record::RECORD_VERSION),
                    "record 02 ",
                    1,
                ),
                "形式のバージョン「02」はFleetplanが書き込むものではありません",
            ),
            (
                record.replacen(" h=", " x=", 1),
                "見出し行に「h=」の項目がありません",
            ),
            (
                record.replacen('\n', " x=1\n", 1),
                "見出し行に不明な項目があります",
            ),
            (
                record.replacen(" r=4 ", " r=x ", 1),
                "リビジョンが数値ではありません",
            ),
            (
                record.replacen(" n=", " n=x", 1),
                "長さが数値ではありません",
            ),
            (
                record.replacen(" h=", " h=0", 1),
                "チェックサムが16桁の16進数ではありません",
            ),
            (
                cut_short(&record),
                "途中で切れているか、余分な文字が加わっています",
            ),
            (
                damaged(&record),
                "データが壊れています（チェックサムが内容と一致しません）",
            ),
            (odd, "保存データにありえない文字（U+007F）が含まれています"),
            (
                "{\"format\": \"x\"}".to_string(),
                "「x」形式のデータで、Fleetplanの計画ではありません",
            ),
            (
                "hello".to_string(),
                "JSONとして読めません：「expected value at line 1 column 1」",
            ),
        ];
        for (text, expected) in edits {
            let mut library = Library::new(MemoryStore::default());
            library
                .store_mut()
                .set(&format!("{PLAN_PREFIX}1"), &text)
                .unwrap();
            let Opened::Unreadable { reason, .. } = library.open("1") else {
                panic!("{text:?} opens");
            };
            assert_eq!(read_problem_in(&reason, Lang::Ja), expected, "{reason:?}");
        }
    }

    #[test]
    fn kept_texts_in_each_language() {
        let cases = [
            (RecoveryLabel::Index, "The list of plans", "計画の一覧"),
            (
                RecoveryLabel::Plan {
                    name: "Budget".into(),
                },
                "Plan \u{201c}Budget\u{201d}",
                "計画「Budget」",
            ),
            (
                RecoveryLabel::Deleted { id: "7".into() },
                "Plan 7 (deleted)",
                "ID 7の計画（削除済み）",
            ),
            (
                RecoveryLabel::EarlierUnreadable,
                "A plan an earlier version could not read",
                "以前のバージョンが読み取れなかった計画",
            ),
            (
                RecoveryLabel::EarlierPlan,
                "The plan saved by an earlier version",
                "以前のバージョンで保存された計画",
            ),
        ];
        for (label, english, japanese) in cases {
            assert_eq!(label.to_string(), english);
            assert_eq!(recovery_label_in(&label, Lang::En), english);
            assert_eq!(recovery_label_in(&label, Lang::Ja), japanese);
            assert!(reads_as_japanese_except_quotes(japanese), "{japanese}");
        }

        // What storage lists.
        let mut store = stored(&["Budget"]);
        store.set("fleetplan.recovery.1", "x").unwrap();
        store.set("fleetplan.recovery.7", "x").unwrap();
        store.set("fleetplan.recovery.index", "x").unwrap();
        store.set("fleetplan.recovery", "x").unwrap();
        store.set(LEGACY_PLAN_KEY, "x").unwrap();
        let library = Library::new(store);
        set_lang(Lang::Ja);
        let labels: Vec<String> = library
            .recoveries()
            .iter()
            .map(|r| recovery_label(&r.label))
            .collect();
        set_lang(Lang::En);
        assert_eq!(
            labels,
            [
                "以前のバージョンで保存された計画",
                "以前のバージョンが読み取れなかった計画",
                "計画「Budget」",
                "ID 7の計画（削除済み）",
                "計画の一覧"
            ]
        );
        let english: Vec<String> = library
            .recoveries()
            .iter()
            .map(|r| recovery_label(&r.label))
            .collect();
        assert_eq!(
            english,
            [
                "The plan saved by an earlier version",
                "A plan an earlier version could not read",
                "Plan \u{201c}Budget\u{201d}",
                "Plan 7 (deleted)",
                "The list of plans"
            ]
        );
    }

    #[test]
    fn a_copy_is_named_in_the_language_of_the_page() {
        let mut library = Library::new(stored(&["予算"]));
        set_lang(Lang::Ja);
        let copy = library.duplicate_named("1", copy_name).unwrap();
        set_lang(Lang::En);
        let english = library.duplicate_named("1", copy_name).unwrap();
        let names: Vec<(String, String)> = library
            .index()
            .unwrap()
            .plans
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        assert_eq!(
            names,
            [
                ("1".to_string(), "予算".to_string()),
                (copy, "予算のコピー".to_string()),
                (english, "予算 (copy)".to_string())
            ]
        );
    }

    #[test]
    fn texts_with_figures() {
        set_lang(Lang::Ja);
        assert_eq!(
            plan_name_taken("予算"),
            "この端末には「予算」という名前の計画がすでにあります。別の名前を付けてください。"
        );
        japanese_sentence(&plan_name_taken("Budget"));
        assert_eq!(characters(12_345), "12,345文字");
        assert_eq!(copy_name("予算"), "予算のコピー");
        assert_eq!(plan_name_label("予算"), "計画「予算」の名前");
        let reason = ReadProblem::Record(Reason::NoLineEnd);
        assert_eq!(
            unreadable_plan(&reason, "fleetplan.recovery.3", true),
            "その計画を読み取れませんでした（1行目が途中で終わっています）。データは「fleetplan.recovery.3」にそのまま保管しています。下の一覧からダウンロードできます。"
        );
        assert_eq!(
            unreadable_plan(&reason, "fleetplan.plan.3", false),
            "その計画を読み取れませんでした（1行目が途中で終わっています）。コピーを保存する空きがないため、データは元のキー「fleetplan.plan.3」にそのまま残しています。下の一覧からダウンロードできます。"
        );
        japanese_sentence(&unreadable_plan(&reason, "fleetplan.plan.3", false));
        assert_eq!(
            newer_plan(3),
            "その計画は新しいバージョンのFleetplanで保存されています（記録バージョン3）。このバージョンでは変更しません。"
        );
        assert!(reads_as_japanese(&newer_plan(3)));
        assert_eq!(persistence(Persistence::Granted).0, "granted");
        set_lang(Lang::En);
        assert_eq!(
            plan_name_taken("Budget"),
            "There is already a plan named \u{201c}Budget\u{201d} on this device: choose another name."
        );
        assert_eq!(characters(12_345), "12345 characters");
        assert_eq!(copy_name("Budget"), "Budget (copy)");
        assert_eq!(
            unreadable_plan(&reason, "fleetplan.recovery.3", true),
            "That plan could not be read (its first line has no end). Its text is kept untouched under \u{201c}fleetplan.recovery.3\u{201d}; download it below."
        );
        assert_eq!(
            unreadable_plan(&reason, "fleetplan.plan.3", false),
            "That plan could not be read (its first line has no end). There was no room for a copy, so its text stays untouched under its own key \u{201c}fleetplan.plan.3\u{201d}; download it below."
        );
        assert_eq!(
            newer_plan(3),
            "That plan was saved by a newer version of Fleetplan (record version 3); this version leaves it unchanged."
        );
        assert_eq!(
            persistence(Persistence::Unknown),
            ("unknown", "Reading what the browser keeps…")
        );
        assert_eq!(persistence(Persistence::NotAsked).0, "not-asked");
    }

    #[test]
    fn storage_sizes() {
        assert_eq!(byte_size(0), "0 B");
        assert_eq!(byte_size(1023), "1023 B");
        assert_eq!(byte_size(1024), "1.0 KB");
        assert_eq!(byte_size(1_258_291), "1.2 MB");
        assert_eq!(byte_size(1_048_576 * 1023), "1023.0 MB");
        assert_eq!(byte_size(300 * 1_073_741_824), "300.0 GB");
        assert_eq!(byte_size(u64::MAX / 20), "838860.8 TB");
        set_lang(Lang::Ja);
        let ja = storage_usage(1_258_291, 300 * 1_073_741_824);
        assert!(reads_as_japanese(&ja), "{ja}");
        assert!(ja.contains("1.2 MB") && ja.contains("300.0 GB"));
        set_lang(Lang::En);
        assert_eq!(
            storage_usage(1_258_291, 300 * 1_073_741_824),
            "The browser counts 1.2 MB stored by this site (the planner's offline copy included), of up to 300.0 GB it allows."
        );
    }
}
