//! The texts of keeping a plan outside the browser: the header's backup
//! reminder, plan files on disk, and a plan shared by link.

use super::{Lang, lang};
use crate::storage::linked_file::FileError;

crate::texts! {
    pub enum KeepingText {
        NeverBackedUp => "Not backed up yet", "まだバックアップしていません";
        BackedUpToday => "Backed up today", "今日バックアップ済み";
        ReminderText => "Changes since the last backup are only in this browser, which may clear them. Keep a copy?",
            "前回のバックアップ以降の変更はこのブラウザーにしかなく、消されることがあります。コピーを保存しますか？";
        ReminderDownload => "Download a backup", "バックアップをダウンロード";
        ReminderLater => "Later", "後で";
        FilesTitle => "Plan file on disk", "ディスク上の計画ファイル";
        FilesIntro => "Link the open plan to a file you choose: every later save also writes that file, the plan file the command-line tool reads. Open file… opens a plan file as a new plan and links it.",
            "編集中の計画を選んだファイルにリンクすると、以後の保存のたびにそのファイルにも書き込みます。コマンドラインツールが読む計画ファイルです。「ファイルを開く…」は計画ファイルを新しい計画として開き、リンクします。";
        FilesFallback => "This browser does not let a page keep writing a file you choose (only Chromium-based browsers such as Chrome and Edge do; Firefox and Safari do not). Here Save to file… downloads the plan file, and Open file… opens one you pick as a new plan.",
            "このブラウザーでは、選んだファイルにページが書き込み続けることはできません（できるのはChromeやEdgeなどChromium系のブラウザーで、FirefoxやSafariではできません）。ここでは「ファイルに保存…」は計画ファイルをダウンロードし、「ファイルを開く…」は選んだファイルを新しい計画として開きます。";
        SaveToFile => "Save to file…", "ファイルに保存…";
        OpenFile => "Open file…", "ファイルを開く…";
        Unlink => "Stop writing the file", "ファイルへの書き込みをやめる";
        AllowWriting => "Allow writing the file", "ファイルへの書き込みを許可";
        NotKept => "This browser could not keep the link for your next visit: after a reload, choose Save to file… again to go on writing the file.",
            "このブラウザーは次回のためにリンクを保持できませんでした。再読み込みの後でファイルへの書き込みを続けるには、もう一度「ファイルに保存…」を選んでください。";
        PickerRefused => "The browser did not open the file picker. Nothing was changed.",
            "ブラウザーがファイル選択を開きませんでした。何も変更していません。";
        FileKind => "Fleetplan plan", "Fleetplanの計画ファイル";
        WriteDenied => "the browser no longer allows writing it", "ブラウザーが書き込みを許可していません";
        WriteGone => "the file or its folder is gone", "ファイルまたはそのフォルダーが見つかりません";
        WriteFull => "the disk is full", "ディスクがいっぱいです";
        WriteOther => "the browser could not write it", "ブラウザーが書き込めませんでした";
        LinkTitle => "Share by link", "リンクで共有";
        LinkIntro => "Copy link puts the whole plan, compressed, after the # of the planner's address. That part never reaches a server, but the link carries every salary: send it only to people who may see them.",
            "「リンクをコピー」は計画全体を圧縮して、プランナーのアドレスの # より後ろに入れます。その部分がサーバーに送られることはありませんが、リンクにはすべての給与が含まれます。見てよい人にだけ送ってください。";
        CopyLink => "Copy link", "リンクをコピー";
        CopyFailed => "The browser did not allow copying: select the link below and copy it.",
            "ブラウザーがコピーを許可しませんでした。下のリンクを選択してコピーしてください。";
        DownloadPlanFile => "Download the plan file", "計画ファイルをダウンロード";
        ImportShared => "Import as a new plan", "新しい計画として取り込む";
        Dismiss => "Dismiss", "閉じる";
        SharedLink => "Link", "リンク";
    }
}

/// "Backed up 3 days ago", in the header.
pub fn backed_up_days(days: i64) -> String {
    match (lang(), days) {
        (_, 0) => super::t(KeepingText::BackedUpToday).to_string(),
        (Lang::En, 1) => "Backed up yesterday".to_string(),
        (Lang::En, n) => format!("Backed up {n} days ago"),
        (Lang::Ja, n) => format!("{n}日前にバックアップ"),
    }
}

/// The plan file the open plan is linked to. `kept`: the link is kept for
/// the next visit (where the browser asks again before writing).
pub fn linked(file: &str, kept: bool) -> String {
    match (lang(), kept) {
        (Lang::En, true) => format!(
            "Linked to {file}: every save also writes it. The link is kept for your next visit, where the browser asks once before Fleetplan writes the file again."
        ),
        (Lang::En, false) => format!("Linked to {file}: every save also writes it."),
        (Lang::Ja, true) => format!(
            "「{file}」にリンク中：保存のたびにこのファイルにも書き込みます。リンクは次回も保持され、次回はファイルに書き込む前にブラウザーが一度許可を求めます。"
        ),
        (Lang::Ja, false) => {
            format!("「{file}」にリンク中：保存のたびにこのファイルにも書き込みます。")
        }
    }
}

/// Why the linked file could not be written.
pub fn write_error(error: FileError) -> &'static str {
    super::t(match error {
        FileError::Denied => KeepingText::WriteDenied,
        FileError::Gone => KeepingText::WriteGone,
        FileError::Full => KeepingText::WriteFull,
        FileError::Failed => KeepingText::WriteOther,
    })
}

/// A write to the linked file failed, on Plans & backups.
pub fn write_failed(file: &str, error: FileError) -> String {
    let reason = write_error(error);
    match lang() {
        Lang::En => format!(
            "{file} could not be written: {reason}. The plan is still saved in this browser, and the next change tries the file again; choose Save to file… to write another file."
        ),
        Lang::Ja => format!(
            "「{file}」に書き込めませんでした（{reason}）。計画はこのブラウザーに保存されています。次の変更でもう一度書き込みます。別のファイルに書き込むには「ファイルに保存…」を選んでください。"
        ),
    }
}

/// The browser asks again before the linked file may be written.
pub fn needs_permission(file: &str) -> String {
    match lang() {
        Lang::En => format!(
            "The browser asks your leave again before Fleetplan writes {file} (it does after a reload). Until you allow it, changes are saved in this browser only."
        ),
        Lang::Ja => format!(
            "Fleetplanが「{file}」に書き込む前に、ブラウザーがもう一度許可を求めています（再読み込みの後はこうなります）。許可するまで、変更はこのブラウザーにだけ保存されます。"
        ),
    }
}

/// The header's state of the linked file: `written`, `writing`, `failed`
/// (the write failed), `permission` (waiting for leave to write) or
/// `behind` (the plan itself could not be saved, so neither was the file).
pub fn file_state(file: &str, state: &str) -> String {
    match (lang(), state) {
        (Lang::En, "written") => format!("Also saved to {file}"),
        (Lang::En, "writing") => format!("Writing {file}…"),
        (Lang::En, "failed") => format!("Not saved to {file}: it could not be written"),
        (Lang::En, "permission") => format!("Not saved to {file}: allow writing it"),
        (Lang::En, _) => format!("Not saved to {file} either"),
        (Lang::Ja, "written") => format!("「{file}」にも保存済み"),
        (Lang::Ja, "writing") => format!("「{file}」に書き込み中…"),
        (Lang::Ja, "failed") => format!("「{file}」に未保存：書き込めませんでした"),
        (Lang::Ja, "permission") => format!("「{file}」に未保存：書き込みを許可してください"),
        (Lang::Ja, _) => format!("「{file}」にも未保存"),
    }
}

/// The link was copied.
pub fn link_copied(characters: usize) -> String {
    match lang() {
        Lang::En => format!("Link copied ({characters} characters)."),
        Lang::Ja => format!("リンクをコピーしました（{characters}文字）。"),
    }
}

/// The plan does not fit in a link that chat and mail keep whole.
pub fn link_too_large(characters: usize, limit: usize) -> String {
    match lang() {
        Lang::En => format!(
            "This plan is too large for a link: {characters} characters, where chat tools and mail keep links of up to {limit} whole. Share the plan file instead."
        ),
        Lang::Ja => format!(
            "この計画はリンクには大きすぎます（{characters}文字。チャットやメールで切れずに送れるのは{limit}文字まで）。代わりに計画ファイルを共有してください。"
        ),
    }
}

/// A link with a plan in it was opened.
pub fn shared_offer(name: &str, positions: usize) -> String {
    match lang() {
        Lang::En => format!(
            "This link carries a plan, “{name}” ({positions} positions). Import it as a new plan on this device? No plan here is overwritten."
        ),
        Lang::Ja => format!(
            "このリンクには計画「{name}」（{positions}ポジション）が含まれています。この端末に新しい計画として取り込みますか？既存の計画は上書きされません。"
        ),
    }
}

/// A link whose plan could not be read.
pub fn shared_unreadable(reason: &str) -> String {
    match lang() {
        Lang::En => format!("This link's plan could not be read ({reason}). Nothing was changed."),
        Lang::Ja => {
            format!("このリンクの計画を読み込めませんでした（{reason}）。何も変更していません。")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{reads_as_english, reads_as_japanese, set_lang};

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<KeepingText>();
        for lang in Lang::ALL {
            set_lang(lang);
            let texts = [
                backed_up_days(0),
                backed_up_days(1),
                backed_up_days(12),
                linked("plan.fleetplan.json", true),
                linked("plan.fleetplan.json", false),
                write_failed("plan.fleetplan.json", FileError::Gone),
                needs_permission("plan.fleetplan.json"),
                file_state("plan.fleetplan.json", "written"),
                file_state("plan.fleetplan.json", "writing"),
                file_state("plan.fleetplan.json", "failed"),
                file_state("plan.fleetplan.json", "permission"),
                file_state("plan.fleetplan.json", "behind"),
                link_copied(5000),
                link_too_large(9000, 8000),
                shared_offer(if lang == Lang::En { "Plan" } else { "計画" }, 60),
                shared_unreadable("x"),
            ];
            for text in texts {
                let ok = match lang {
                    Lang::En => reads_as_english(&text),
                    Lang::Ja => reads_as_japanese(&text.replace("plan.fleetplan.json", "")),
                };
                assert!(ok, "{text}");
            }
        }
        set_lang(Lang::En);
    }
}
