//! The texts of keeping a plan outside the browser: the header's backup
//! reminder, plan files on disk, and a plan shared by link.

use super::{Lang, lang};

crate::texts! {
    pub enum KeepingText {
        NeverBackedUp => "Not backed up yet", "まだバックアップしていません";
        BackedUpToday => "Backed up today", "今日バックアップ済み";
        ReminderText => "Changes since the last backup are only in this browser, which may clear them. Keep a copy?",
            "前回のバックアップ以降の変更はこのブラウザにしかなく、消されることがあります。コピーを保存しますか？";
        ReminderDownload => "Download a backup", "バックアップをダウンロード";
        ReminderLater => "Later", "後で";
        FilesTitle => "Plan file on disk", "ディスク上の計画ファイル";
        FilesIntro => "Link the open plan to a file you choose: every later save also writes that file, the plan file the command-line tool reads.",
            "開いている計画を選んだファイルにリンクすると、以後の保存のたびにそのファイルにも書き込みます。コマンドラインツールが読む計画ファイルです。";
        FilesFallback => "This browser cannot keep writing a file you choose: Save to file downloads the plan file, and Open file reads one you pick.",
            "このブラウザは選んだファイルへの書き込みを続けられません。「ファイルに保存」は計画ファイルをダウンロードし、「ファイルを開く」は選んだファイルを読み込みます。";
        SaveToFile => "Save to file…", "ファイルに保存…";
        OpenFile => "Open file…", "ファイルを開く…";
        Unlink => "Stop writing the file", "ファイルへの書き込みをやめる";
        WriteFailed => "The linked file could not be written. The plan is still saved in this browser; save to a file again to link another one.",
            "リンクしたファイルに書き込めませんでした。計画はこのブラウザに保存されています。別のファイルにリンクするには、もう一度ファイルに保存してください。";
        LinkTitle => "Share by link", "リンクで共有";
        LinkIntro => "Copy link puts the whole plan, compressed, after the # of the planner's address. That part never reaches a server, but the link carries every salary: send it only to people who may see them.",
            "「リンクをコピー」は計画全体を圧縮して、プランナーのアドレスの # より後ろに入れます。その部分がサーバーに送られることはありませんが、リンクにはすべての給与が含まれます。見てよい人にだけ送ってください。";
        CopyLink => "Copy link", "リンクをコピー";
        CopyFailed => "The browser did not allow copying: select the link below and copy it.",
            "ブラウザがコピーを許可しませんでした。下のリンクを選択してコピーしてください。";
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

/// The plan file the open plan is linked to.
pub fn linked(file: &str) -> String {
    match lang() {
        Lang::En => format!("Linked to {file}: every save also writes it."),
        Lang::Ja => format!("「{file}」にリンク中：保存のたびにこのファイルにも書き込みます。"),
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
                linked("plan.fleetplan.json"),
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
