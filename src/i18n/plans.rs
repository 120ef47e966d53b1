//! The texts of the plans part of the planner: the plans on this device,
//! backups, what storage says (its errors, what it found on start, the text
//! it keeps), plan files that cannot be opened, and the presets.
//!
//! `storage` and `format` speak English only (their texts also go to files
//! and logs); what they say reaches the screen through the functions here.
//! Their messages are plain strings, so the Japanese is chosen by the
//! English text's known forms, each tested against what storage really says;
//! an unknown form is shown as it is.

use super::format::count;
use super::{Lang, Text, lang, t};
use crate::model::{Plan, PlanError};
use crate::storage::Persistence;
use crate::storage::library::SaveError;

crate::texts! {
    pub enum PlansText {
        Title => "Plans on this device", "この端末の計画";
        Intro => "Plans are stored in this browser only. Every change is saved as you work.",
            "計画はこのブラウザーにのみ保存されます。変更は編集するたびに保存されます。";
        Granted => "Persistent: the browser keeps these plans until you clear its site data.",
            "永続保存：サイトデータを消去するまで、ブラウザーはこれらの計画を保持します。";
        BestEffort => "Not persistent: the browser may clear these plans when the disk runs low. Keep backups.",
            "永続保存ではありません：ディスクの空きが少なくなると、ブラウザーがこれらの計画を消去することがあります。バックアップを取っておいてください。";
        Unsupported => "This browser cannot promise to keep its storage. Keep backups.",
            "このブラウザーは保存データの保持を保証できません。バックアップを取っておいてください。";
        Asking => "Asking the browser to keep these plans…", "これらの計画を保持するようブラウザーに依頼しています…";
        Actions => "Actions", "操作";
        StartFrom => "Start from", "ひな形";
        Demo => "Demo: a 60-person organisation", "デモ：60人規模の組織";
        Create => "Create plan", "計画を作成";
        OpenTag => "Open", "編集中";
        ConfirmDelete => "Delete this plan? This cannot be undone. ", "この計画を削除しますか？元に戻せません。 ";
        FileUnreadable => "The file could not be read.", "ファイルを読み込めませんでした。";
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
        Persistence::Unknown => ("unknown", t(PlansText::Asking)),
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

/// The name of a copy: "Plan (copy)" / "Planのコピー".
pub fn copy_name(name: &str) -> String {
    match lang() {
        Lang::En => format!("{name} (copy)"),
        Lang::Ja => format!("{name}のコピー"),
    }
}

/// A plan that could not be opened from the list, its text kept.
pub fn unreadable_plan(reason: &str, key: &str) -> String {
    match lang() {
        Lang::En => format!(
            "That plan could not be read ({reason}). Its text is kept untouched under \u{201c}{key}\u{201d}; download it below."
        ),
        Lang::Ja => format!(
            "その計画を読み取れませんでした（{}）。データは「{key}」にそのまま保管しています。下の一覧からダウンロードできます。",
            record_reason(reason)
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

/// The text between `open` and the last `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let rest = &text[text.find(open)? + open.len()..];
    Some(&rest[..rest.rfind(close)?])
}

/// Why storage could not read a plan (`Opened::Unreadable`'s reason, a
/// record's `RecordError::Unreadable`), in the current language.
pub fn record_reason(reason: &str) -> String {
    if lang() == Lang::En {
        return reason.to_string();
    }
    let fixed = match reason {
        "this browser's storage could not be read" => {
            Some("ブラウザーのストレージを読み取れませんでした")
        }
        "it is damaged (its checksum does not match its contents)" => {
            Some("データが壊れています（チェックサムが内容と一致しません）")
        }
        "its first line has no end" => Some("1行目が途中で終わっています"),
        "its header has unknown fields" => Some("見出し行に不明な項目があります"),
        "its revision is not a number" => Some("リビジョンが数値ではありません"),
        "its length is not a number" => Some("長さが数値ではありません"),
        "its checksum is not 16 hexadecimal digits" => {
            Some("チェックサムが16桁の16進数ではありません")
        }
        "it is cut short or has text added to it" => {
            Some("途中で切れているか、余分な文字が加わっています")
        }
        _ => None,
    };
    if let Some(text) = fixed {
        return text.to_string();
    }
    if let Some(detail) = reason
        .strip_prefix("it is damaged (")
        .and_then(|r| r.strip_suffix(')'))
    {
        return format!("データが壊れています「{detail}」");
    }
    if let Some(version) = between(reason, "its version \u{201c}", "\u{201d}") {
        return format!("形式のバージョン「{version}」はFleetplanが書き込むものではありません");
    }
    if let Some(key) = reason
        .strip_prefix("its header has no ")
        .and_then(|r| r.strip_suffix(" field"))
    {
        return format!("見出し行に「{key}」の項目がありません");
    }
    if let Some(code) = between(reason, "it holds a character (", ")") {
        return format!("保存データにありえない文字（{code}）が含まれています");
    }
    format!("内容を読み取れません「{reason}」")
}

/// "“Name”" or "plan 3", as storage names a plan in a notice.
fn plan_reference(text: &str) -> String {
    match text
        .strip_prefix('\u{201c}')
        .and_then(|t| t.strip_suffix('\u{201d}'))
    {
        Some(name) => format!("計画「{name}」"),
        None => format!("ID {}の計画", text.strip_prefix("plan ").unwrap_or(text)),
    }
}

/// What storage found on start (a plan list rebuilt, a plan it could not
/// read, …), in the current language.
pub fn storage_notice(notice: &str) -> String {
    if lang() == Lang::En {
        return notice.to_string();
    }
    match notice {
        "This browser's storage is unavailable: nothing will be saved." => {
            return "このブラウザーのストレージを使用できないため、何も保存されません。".into();
        }
        "The plan saved by an earlier version could not be moved to the current format (storage is full); it is kept as it was." =>
        {
            return "以前のバージョンで保存された計画を現在の形式に移せませんでした（ストレージがいっぱいです）。元のまま保管しています。".into();
        }
        _ => {}
    }
    if notice.starts_with("The list of plans could not be read;")
        && let Some(n) = between(notice, "rebuilt from the ", " plans found")
        && let Some(key) = between(notice, "\u{201c}", "\u{201d}")
    {
        return format!(
            "計画の一覧を読み取れなかったため、見つかった{n}件の計画から作り直しました。元のデータは「{key}」に保管しています。"
        );
    }
    if let Some(version) = between(
        notice,
        "These plans were saved by a newer version of Fleetplan (list version ",
        ");",
    ) {
        return format!(
            "これらの計画は新しいバージョンのFleetplanで保存されています（一覧のバージョン{version}）。このバージョンでは新しい計画を表示し、保存済みのものは変更しません。"
        );
    }
    if let Some(rest) = notice.strip_prefix("The plan ") {
        if let Some((name, rest)) = rest.split_once(" could not be read (")
            && let Some((reason, kept)) = rest.rsplit_once("); its text is ")
            && let Some(key) = between(kept, "\u{201c}", "\u{201d}")
        {
            let kept = if kept.starts_with("kept") {
                "そのまま保管しています"
            } else {
                "そのまま残しています"
            };
            return format!(
                "{}を読み取れませんでした（{}）。データは「{key}」に{kept}。",
                plan_reference(name),
                record_reason(reason)
            );
        }
        if let Some((name, rest)) =
            rest.split_once(" was saved by a newer version of Fleetplan (record version ")
            && let Some((version, _)) = rest.split_once(')')
        {
            return format!(
                "{}は新しいバージョンのFleetplanで保存されています（記録バージョン{version}）。変更せずにそのままにしています。",
                plan_reference(name)
            );
        }
    }
    notice.to_string()
}

/// What a kept text was (`Recovery::label`), in the current language.
pub fn recovery_label(label: &str) -> String {
    if lang() == Lang::En {
        return label.to_string();
    }
    match label {
        "The list of plans" => return "計画の一覧".into(),
        "A plan an earlier version could not read" => {
            return "以前のバージョンが読み取れなかった計画".into();
        }
        "The plan saved by an earlier version" => {
            return "以前のバージョンで保存された計画".into();
        }
        _ => {}
    }
    if let Some(name) = label
        .strip_prefix("Plan \u{201c}")
        .and_then(|l| l.strip_suffix('\u{201d}'))
    {
        return format!("計画「{name}」");
    }
    if let Some(id) = label
        .strip_prefix("Plan ")
        .and_then(|l| l.strip_suffix(" (deleted)"))
    {
        return format!("ID {id}の計画（削除済み）");
    }
    label.to_string()
}

/// One problem of a plan file that cannot be opened. `parsing`: the file
/// could not be read as a plan (its envelope, or a value serde refused);
/// otherwise the plan was read and a value is not valid.
pub fn plan_file_error(error: &PlanError, parsing: bool) -> String {
    if lang() == Lang::En {
        return error.to_string();
    }
    let (path, message) = (error.path.as_str(), error.message.as_str());
    if !parsing {
        let text = super::problems::problem_text(error);
        return if path.is_empty() {
            text
        } else {
            format!("{text}「{path}」")
        };
    }
    let version = crate::format::plan_json::VERSION;
    match path {
        "" => {
            let detail = between(message, "not a JSON object (", ")").unwrap_or(message);
            return format!(
                "Fleetplanの計画ファイルではありません（JSONオブジェクトとして読めません）。「{detail}」"
            );
        }
        "format" => {
            return match between(message, "this is a \u{201c}", "\u{201d} file") {
                Some(other) => format!(
                    "これは「{other}」のファイルで、Fleetplanの計画ファイル（「{}」）ではありません。",
                    crate::format::plan_json::FORMAT
                ),
                None => format!(
                    "Fleetplanの計画ファイルではありません（\"format\": \"{}\" がありません）。",
                    crate::format::plan_json::FORMAT
                ),
            };
        }
        "version" => {
            return match between(message, "the plan file is version ", ", written") {
                Some(v) => format!(
                    "この計画ファイルはバージョン{v}で、新しいFleetplanで書き出されています。このバージョンで読めるのはバージョン{version}です。"
                ),
                None => format!(
                    "対応していない計画ファイルのバージョンです。読めるのはバージョン{version}です。"
                ),
            };
        }
        "plan" if message == "the file has no plan" => {
            return "ファイルに計画がありません。".into();
        }
        _ => {}
    }
    if let Some(field) = between(message, "missing field `", "`") {
        return format!("必要な項目「{field}」がありません。「{path}」");
    }
    if let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split_once('`'))
        .map(|(f, _)| f)
    {
        return format!("不明な項目「{field}」があります。「{path}」");
    }
    format!("項目の値を読み取れません。「{error}」")
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
pub fn preset_label(preset: crate::model::presets::Preset) -> &'static str {
    use crate::model::presets::Preset;
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
        Benefits => "Benefits (per head)", "福利厚生（1人あたり）";
        Platform => "Platform", "プラットフォーム";
        Product => "Product", "プロダクト";
        Mobile => "Mobile", "モバイル";
        Data => "Data", "データ";
        Compute => "Compute", "コンピュート";
        Storage => "Storage", "ストレージ";
        Warehouse => "Data warehouse", "データウェアハウス";
        Observability => "Observability", "監視・可観測性";
        Lifecycle => "Lifecycle rules to cold storage", "ライフサイクルルールによるコールドストレージへの移行";
    }
}

/// Gives a plan just made from a preset (or the demo) the names of `lang`:
/// in Japanese, 健康保険 for "Health insurance", the team プラットフォーム
/// for "Platform" (its positions, tools and other costs follow), and so on.
/// Names it does not know (tool brands, "SRE", levels and titles) stay.
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
        for line in &mut scenario.cloud.lines {
            rename(&mut line.name);
            line.savings.iter_mut().for_each(|s| rename(&mut s.name));
        }
        let teams: Vec<String> = scenario.teams.iter().map(|t| t.name.clone()).collect();
        for team in teams {
            if let Some(new) = named(&team) {
                // Positions, tools and other costs follow the team.
                let _ = scenario.rename_team(&team, &new);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::plan_json::{parse_plan_file, read_plan_file, write_plan_file};
    use crate::format::record::encode_record;
    use crate::i18n::{assert_translated, reads_as_japanese, set_lang};
    use crate::model::presets::{Preset, demo_plan};
    use crate::model::{YearMonth, forecast_scenario, validate};
    use crate::storage::library::{
        INDEX_KEY, KeyValue, LEGACY_PLAN_KEY, Library, MemoryStore, Opened, PLAN_PREFIX,
    };

    #[test]
    fn translated() {
        assert_translated::<PlansText>();
        assert_translated::<SaveText>();
        assert_translated::<PresetLabel>();
        assert_translated::<PresetName>();
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
            names.extend(s.teams.iter().map(|t| t.name.clone()));
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
    }

    #[test]
    fn plan_file_problems_in_japanese() {
        let plan = Preset::Japan2026.plan("P", april());
        let good = write_plan_file(&plan);
        let bad_fte = {
            let mut p = plan.clone();
            p.scenarios[0].add_position("Engineer", "Core", 6_000_000.into(), april().first_day());
            write_plan_file(&p).replacen("\"fte\": \"1\"", "\"fte\": true", 1)
        };
        let cases = [
            ("not json".to_string(), "JSONオブジェクトとして読めません"),
            (
                good.replacen("fleetplan-plan", "other-plan", 1),
                "これは「other-plan」のファイルで",
            ),
            (
                good.replacen("\"format\": \"fleetplan-plan\",", "", 1),
                "\"format\": \"fleetplan-plan\" がありません",
            ),
            (
                good.replacen("\"version\": 1", "\"version\": 7", 1),
                "バージョン7で、新しいFleetplan",
            ),
            (
                good.replacen("\"version\": 1", "\"version\": \"x\"", 1),
                "対応していない",
            ),
            (
                r#"{"format": "fleetplan-plan", "version": 1}"#.to_string(),
                "ファイルに計画がありません。",
            ),
            (
                good.replacen("\"currency\": \"JPY\",", "", 1),
                "必要な項目「currency」がありません。「plan」",
            ),
            (
                good.replacen("\"currency\"", "\"colour\": 1, \"currency\"", 1),
                "不明な項目「colour」があります。「plan.colour」",
            ),
            (
                bad_fte,
                "項目の値を読み取れません。「plan.scenarios[0].positions[0].fte: ",
            ),
        ];
        for (text, expected) in cases {
            let errors = parse_plan_file(&text).expect_err(&text);
            set_lang(Lang::Ja);
            let ja = plan_file_error(&errors[0], true);
            set_lang(Lang::En);
            assert!(ja.contains(expected), "{ja:?} lacks {expected:?}");
            assert_eq!(plan_file_error(&errors[0], true), errors[0].to_string());
        }
        // A plan read whole with an invalid value names its field.
        let mut invalid = plan.clone();
        invalid.name = String::new();
        let text = write_plan_file(&invalid);
        assert!(parse_plan_file(&text).is_ok());
        let errors = read_plan_file(&text).unwrap_err();
        set_lang(Lang::Ja);
        assert!(plan_file_error(&errors[0], false).ends_with("「plan.name」"));
        set_lang(Lang::En);
        assert_eq!(
            plan_file_error(&errors[0], false),
            "plan.name: the plan needs a name"
        );
    }

    /// What storage says on start about `store`, in Japanese.
    fn notices_in_japanese(store: MemoryStore) -> Vec<String> {
        let mut library = Library::new(store);
        let start = library.start(|| Plan::blank("P", "JPY", 4, april(), 12));
        set_lang(Lang::Ja);
        let notices = start.notices.iter().map(|n| storage_notice(n)).collect();
        set_lang(Lang::En);
        for n in &start.notices {
            assert_eq!(&storage_notice(n), n);
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

    fn ja_and_japanese(notices: &[String]) {
        for n in notices {
            assert!(reads_as_japanese_except_quotes(n), "{n}");
        }
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
                &record.replacen("fleetplan-record 2 ", "fleetplan-record 9 ", 1),
            )
            .unwrap();
        let notices = notices_in_japanese(store);
        assert_eq!(notices.len(), 3, "{notices:?}");
        assert_eq!(
            notices[0],
            "計画「Cut」を読み取れませんでした（途中で切れているか、余分な文字が加わっています）。データは「fleetplan.recovery.1」にそのまま保管しています。"
        );
        assert!(
            notices[1].starts_with("計画「Damaged」を読み取れませんでした（データが壊れています"),
            "{}",
            notices[1]
        );
        assert_eq!(
            notices[2],
            "計画「Newer」は新しいバージョンのFleetplanで保存されています（記録バージョン9）。変更せずにそのままにしています。"
        );
        ja_and_japanese(&notices);

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
        ja_and_japanese(&notices);
    }

    #[test]
    fn record_reasons_and_kept_texts_in_japanese() {
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
                record.replacen("record 2 ", "record 02 ", 1),
                "形式のバージョン「02」",
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
            (cut_short(&record), "途中で切れているか"),
            (
                damaged(&record),
                "データが壊れています（チェックサムが内容と一致しません）",
            ),
            (odd, "保存データにありえない文字（U+007F）"),
            ("{\"format\": \"x\"}".to_string(), "内容を読み取れません「"),
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
            set_lang(Lang::Ja);
            let ja = record_reason(&reason);
            set_lang(Lang::En);
            assert_eq!(record_reason(&reason), reason);
            assert!(ja.contains(expected), "{reason:?}: {ja:?}");
            if !ja.starts_with("内容を読み取れません") {
                assert!(reads_as_japanese_except_quotes(&ja), "{reason:?} → {ja:?}");
            }
        }

        // The kept texts' labels.
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
        for r in library.recoveries() {
            assert_eq!(recovery_label(&r.label), r.label);
        }
    }

    #[test]
    fn texts_with_figures() {
        set_lang(Lang::Ja);
        assert_eq!(characters(12_345), "12,345文字");
        assert_eq!(copy_name("予算"), "予算のコピー");
        assert_eq!(plan_name_label("予算"), "計画「予算」の名前");
        assert!(
            unreadable_plan("its first line has no end", "fleetplan.recovery.3")
                .contains("（1行目が途中で終わっています）")
        );
        assert!(reads_as_japanese(&newer_plan(3)));
        assert_eq!(
            record_reason("it is damaged (a scenario: x)"),
            "データが壊れています「a scenario: x」"
        );
        assert_eq!(
            record_reason("this browser's storage could not be read"),
            "ブラウザーのストレージを読み取れませんでした"
        );
        assert_eq!(persistence(Persistence::Granted).0, "granted");
        set_lang(Lang::En);
        assert_eq!(characters(12_345), "12345 characters");
        assert_eq!(copy_name("Budget"), "Budget (copy)");
        assert_eq!(
            persistence(Persistence::Unknown),
            ("unknown", "Asking the browser to keep these plans…")
        );
    }
}
