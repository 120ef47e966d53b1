//! The texts of the exports part of the planner: the CSV downloads and
//! their options, and a download that could not be prepared. The files
//! themselves stay in English and locale-free (`format::export`).

use super::{Lang, Text, lang, t};
use crate::format::export::ExportKind;
use crate::model::PlanError;

crate::texts! {
    pub enum ExportsText {
        Title => "Export CSV for finance", "経理向けCSVの書き出し";
        AllScenarios => "All scenarios", "すべてのシナリオ";
        CompareAgainst => "Compare against", "比較の基準";
        Bom => "UTF-8 with byte-order mark: Excel in Japan needs it to show Japanese text instead of mojibake",
            "UTF-8（BOM付き）：日本語版のExcelで日本語を文字化けさせずに表示するには、これが必要です";
        DownloadBom => "Download CSV (UTF-8 with BOM, for Excel)", "CSVをダウンロード（UTF-8・BOM付き、Excel用）";
        Download => "Download CSV (UTF-8)", "CSVをダウンロード（UTF-8）";
        Ledger => "Monthly ledger", "月次明細";
        LedgerText => "One row per scenario, month, team, position or line and category, with its fiscal year and, where set, the account it books under.",
            "シナリオ・月・チーム・ポジション（または明細行）・費目ごとに1行、年度と（設定があれば）計上する勘定科目付きで出力します。";
        Summary => "Fiscal-year summary", "年度別サマリー";
        SummaryText => "Totals per scenario, fiscal year, team and category, with headcount, cost per engineer and each category's account.",
            "シナリオ・年度・チーム・費目ごとの合計を、人数・エンジニア1人あたりの費用・費目ごとの勘定科目付きで出力します。";
        Roster => "Roster", "ポジション一覧";
        RosterText => "Every position with its fields, band, compa-ratio and annual cost per fiscal year.",
            "すべてのポジションを、各項目・給与レンジ・コンパレシオ・年度ごとの年額費用付きで出力します。";
        Comparison => "Scenario comparison", "シナリオ比較";
        ComparisonText => "Each scenario's totals per fiscal year and category, and the difference from the base.",
            "各シナリオの年度・費目ごとの合計と、基準シナリオとの差を出力します。";
        Pivot => "Pivot by month, quarter and half", "月・四半期・半期別の集計表";
        PivotText => "Per fiscal year, each category's months with quarter (Q1–Q4) and half (H1/H2) subtotals and the year's total, with its account; more layouts in the Pivot view.",
            "年度ごとに、費目別の月次金額と四半期（第1〜第4四半期）・半期（上期・下期）の小計、通期の合計を勘定科目付きで出力します。ほかの集計軸は「集計表」画面で選べます。";
        /// The chooser of the ledger's months.
        LedgerYear => "Ledger's fiscal year", "月次明細の年度";
        WholeHorizon => "Whole horizon", "計画期間全体";
        Cancelled => "The download was cancelled.", "ダウンロードを中止しました。";
        /// The unit and labels of the summary and pivot files.
        FileUnit => "Unit of the summary and pivot", "サマリーと集計表の単位";
        FileUnitNote => "Thousands and millions are rounded half away from zero, each total from its exact amount, and the file says so; the ledger, roster and comparison stay exact.",
            "千円・百万円では単位未満を四捨五入します（合計は正確な金額から丸めます）。ファイルにもその旨を記載します。月次明細・ポジション一覧・シナリオ比較は丸めずに出力します。";
        FileLabels => "Japanese headers and labels in the summary and pivot", "サマリーと集計表の見出しと項目名を日本語にする";
        /// Before the command line that writes a file too large for the browser.
        CommandLine => "Command line:", "コマンドライン：";
    }
}

/// A file's size in decimal units, as download sizes are given: "12 KB",
/// "193 MB", "1.8 GB", "1 GB" (the same in both languages).
pub fn file_size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    } else if bytes < 1_000_000_000 {
        format!("{} MB", (bytes + 500_000) / 1_000_000)
    } else {
        let tenths = (bytes + 50_000_000) / 100_000_000;
        match tenths % 10 {
            0 => format!("{} GB", tenths / 10),
            t => format!("{}.{t} GB", tenths / 10),
        }
    }
}

/// An export's size before it is written: "About 193 MB" / "約193 MB";
/// without "about" when it was counted exactly.
pub fn size_note(bytes: u64, exact: bool) -> String {
    let size = file_size(bytes);
    match (lang(), exact) {
        (_, true) => size,
        (Lang::En, false) => format!("About {size}"),
        (Lang::Ja, false) => format!("約{size}"),
    }
}

/// A file larger than a browser is trusted to download: what to do
/// instead. `plans` is the name of the Plans & backups view; the command
/// line follows.
pub fn too_large(bytes: u64, limit: u64, plans: &str) -> String {
    let (size, limit) = (file_size(bytes), file_size(limit));
    match lang() {
        Lang::En => format!(
            "This file would be about {size}, more than a browser can hand to a download ({limit}). Choose one scenario or one fiscal year of the ledger, or download a backup of the plan ({plans}) and write the file with the command-line tool, which has no limit."
        ),
        Lang::Ja => format!(
            "このファイルは約{size}になり、ブラウザーでダウンロードできる大きさ（{limit}）を超えます。シナリオや月次明細の年度を1つに絞るか、計画のバックアップ（「{plans}」）をダウンロードして、上限のないコマンドラインツールで書き出してください。"
        ),
    }
}

/// While a file is written: "Monthly ledger: 45 % written" / "月次明細：45%書き出し済み".
pub fn writing(title: &str, permille: u32) -> String {
    let percent = permille / 10;
    match lang() {
        Lang::En => format!("{title}: {percent} % written"),
        Lang::Ja => format!("{title}：{percent}%書き出し済み"),
    }
}

/// An export's title and what its file holds.
pub fn describe(kind: ExportKind) -> (&'static str, &'static str) {
    use ExportsText as X;
    let (title, text) = match kind {
        ExportKind::Ledger => (X::Ledger, X::LedgerText),
        ExportKind::Summary => (X::Summary, X::SummaryText),
        ExportKind::Roster => (X::Roster, X::RosterText),
        ExportKind::Comparison => (X::Comparison, X::ComparisonText),
        ExportKind::Pivot => (X::Pivot, X::PivotText),
    };
    (t(title), t(text))
}

/// The plan cannot be exported: its first problems.
pub fn plan_has_errors(errors: &[PlanError]) -> String {
    let first = errors.iter().take(3);
    match lang() {
        Lang::En => {
            let first: Vec<String> = first.map(ToString::to_string).collect();
            format!("The plan has errors to fix first: {}", first.join("; "))
        }
        Lang::Ja => {
            let first: Vec<String> = first.map(super::problems::problem_text).collect();
            format!(
                "計画にエラーがあるため書き出せません。先に修正してください：{}",
                first.join("／")
            )
        }
    }
}

/// A file was handed to the browser.
pub fn downloaded(file_name: &str) -> String {
    match lang() {
        Lang::En => format!("Downloaded {file_name}"),
        Lang::Ja => format!("{file_name}をダウンロードしました"),
    }
}

crate::texts! {
    /// The step at which preparing a download failed.
    pub enum DownloadStep {
        Document => "no document", "ページがありません";
        Blob => "blob", "データの作成";
        Url => "url", "URLの作成";
        Link => "link", "リンクの作成";
    }
}

/// A download could not be prepared.
pub fn not_prepared(step: DownloadStep) -> String {
    match lang() {
        Lang::En => format!("The file could not be prepared ({}).", step.get(Lang::En)),
        Lang::Ja => format!("ファイルを準備できませんでした（{}）。", step.get(Lang::Ja)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, set_lang};

    #[test]
    fn translated() {
        assert_translated::<ExportsText>();
        assert_translated::<DownloadStep>();
    }

    #[test]
    fn sizes_and_progress() {
        assert_eq!(file_size(0), "1 KB");
        assert_eq!(file_size(12_345), "13 KB");
        assert_eq!(file_size(193_017_598), "193 MB");
        assert_eq!(file_size(1_000_000_000), "1 GB");
        assert_eq!(file_size(1_734_000_000), "1.7 GB");
        set_lang(Lang::En);
        assert_eq!(size_note(193_017_598, false), "About 193 MB");
        assert_eq!(size_note(12_000, true), "12 KB");
        assert_eq!(
            writing("Monthly ledger", 457),
            "Monthly ledger: 45 % written"
        );
        assert!(too_large(1_734_000_000, 1_000_000_000, "Plans & backups").starts_with(
            "This file would be about 1.7 GB, more than a browser can hand to a download (1 GB)."
        ));
        set_lang(Lang::Ja);
        assert_eq!(size_note(193_017_598, false), "約193 MB");
        for text in [
            size_note(193_017_598, false),
            writing("月次明細", 457),
            too_large(1_734_000_000, 1_000_000_000, "計画とバックアップ"),
        ] {
            assert!(crate::i18n::reads_as_japanese(&text), "{text}");
        }
        set_lang(Lang::En);
    }

    #[test]
    fn texts_with_figures() {
        let errors = [
            PlanError::new("name", "the plan needs a name"),
            PlanError::new("currency", "unknown currency"),
        ];
        set_lang(Lang::Ja);
        assert_eq!(downloaded("a.csv"), "a.csvをダウンロードしました");
        assert_eq!(describe(ExportKind::Roster).0, "ポジション一覧");
        assert!(plan_has_errors(&errors).starts_with("計画にエラーがあるため書き出せません。"));
        assert_eq!(
            not_prepared(DownloadStep::Url),
            "ファイルを準備できませんでした（URLの作成）。"
        );
        set_lang(Lang::En);
        assert_eq!(downloaded("a.csv"), "Downloaded a.csv");
        assert_eq!(
            plan_has_errors(&errors),
            "The plan has errors to fix first: name: the plan needs a name; currency: unknown currency"
        );
        assert_eq!(
            not_prepared(DownloadStep::Document),
            "The file could not be prepared (no document)."
        );
        assert_eq!(describe(ExportKind::Ledger).0, "Monthly ledger");
    }
}
