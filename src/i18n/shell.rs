//! The texts of the page's frame: header, navigation, banners and notices.

use super::{Lang, lang};

crate::texts! {
    pub enum ShellText {
        Language => "Language", "表示言語";
        // While a view's code arrives (`ui::lazy_view`).
        ViewLoading => "Loading this view…", "この画面を読み込んでいます…";
        ViewLoadFailed => "This view could not be loaded. The rest of the planner works, and your plan is safe. Check the connection and try again.",
            "この画面を読み込めませんでした。ほかの画面は使え、計画も失われていません。接続を確認して、もう一度お試しください。";
        ViewLoadRetry => "Try again", "再読み込み";
        PlanName => "Plan name", "計画名";
        // After a crash (`ui::crash`, shown by `src/crash.js`).
        CrashTitle => "Fleetplan stopped working and can no longer save this plan.",
            "Fleetplanが停止したため、この計画を保存できなくなりました。";
        /// The header's save state after a crash.
        CrashHeader => "Not saved: the page stopped", "未保存：ページが停止しました";
        /// {0} is the browser's time of the last save.
        CrashSavedAt => "The plan was last saved on this device at {0}; changes after that are not saved. Reload to go on from that save.",
            "この端末への最後の保存は{0}です。それ以降の変更は保存されていません。再読み込みすると、その時点から続けられます。";
        CrashNothingSaved => "Nothing was changed since the plan was opened; reloading loses nothing.",
            "計画を開いてから変更はありません。再読み込みしても失われるものはありません。";
        CrashReload => "Reload", "再読み込み";
        CrashDownload => "Download the plan as it was on screen", "画面上の計画をダウンロード";
        RenamePlan => "Plan name: click to rename", "計画名：クリックして変更";
        PlanNeedsName => "The plan needs a name.", "計画名を入力してください。";
        Saved => "Saved on this device", "この端末に保存済み";
        Saving => "Saving…", "保存中…";
        SaveBlocked => "Not saving: these plans were saved by a newer version of Fleetplan",
            "保存していません：これらの計画は新しいバージョンのFleetplanで保存されています";
        EditHistory => "Edit history", "編集履歴";
        Undo => "Undo", "元に戻す";
        UndoTitle => "Undo the last change (Ctrl+Z, ⌘Z on a Mac)", "直前の変更を元に戻す（Ctrl+Z、Macでは⌘Z）";
        Redo => "Redo", "やり直す";
        RedoTitle => "Redo (Ctrl+Shift+Z or Ctrl+Y, ⇧⌘Z on a Mac)", "やり直す（Ctrl+Shift+ZまたはCtrl+Y、Macでは⇧⌘Z）";
        Views => "Views", "画面";
        Dismiss => "Dismiss", "閉じる";
        SaveFailedTail => ". The plan is safe in this tab while it stays open; a backup keeps it for good.",
            "。このタブを開いている間、計画は失われません。バックアップを保存すれば確実に残せます。";
        DownloadBackup => "Download a backup", "バックアップをダウンロード";
        Conflict => "This plan was saved in another tab while this tab had changes not yet saved. Which version should be kept?",
            "このタブに未保存の変更がある間に、別のタブでこの計画が保存されました。どちらの版を残しますか？";
        KeepMine => "Keep this tab’s version", "このタブの版を残す";
        TakeTheirs => "Use the other tab’s version", "別のタブの版を使う";
        DownloadMine => "Download this tab’s version", "このタブの版をダウンロード";
        ViewOverview => "Overview", "概要";
        ViewHeadcount => "Headcount", "人員";
        ViewTeams => "Teams", "チーム";
        ViewBands => "Salary bands", "給与レンジ";
        ViewCloud => "Cloud", "クラウド";
        ViewAssumptions => "Assumptions", "前提条件";
        ViewExports => "Export & import", "書き出し・読み込み";
        ViewScenarios => "Scenarios", "シナリオ";
        ViewCompare => "Compare", "比較";
        ViewPlans => "Plans & backups", "計画とバックアップ";
    }
}

/// The banner over a locked scenario's views.
pub fn locked_banner(name: &str, day: &str) -> String {
    match lang() {
        Lang::En => format!(
            "\u{201c}{name}\u{201d} is locked as a snapshot since {day}: its figures are read-only. Unlock it in Scenarios to change it."
        ),
        Lang::Ja => format!(
            "「{name}」は{day}からスナップショットとしてロックされており、数値は閲覧のみです。変更するには「シナリオ」画面でロックを解除してください。"
        ),
    }
}

/// The tag beside a locked scenario in the header, and its tooltip.
pub fn locked_tag(day: &str) -> (String, String) {
    match lang() {
        Lang::En => (format!("🔒 Locked {day}"), format!("Locked on {day}")),
        Lang::Ja => (format!("🔒 {day}ロック"), format!("{day}にロック")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<ShellText>();
        set_lang(Lang::Ja);
        assert!(reads_as_japanese(&locked_banner("基準", "2026年4月1日")));
        assert!(reads_as_japanese(&locked_tag("2026年4月1日").0));
        set_lang(Lang::En);
        assert!(locked_banner("Base", "1 Apr 2026").starts_with("\u{201c}Base\u{201d} is locked"));
    }
}
