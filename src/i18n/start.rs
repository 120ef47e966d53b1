//! The texts of the empty Overview's ways to begin.

crate::texts! {
    pub enum StartText {
        Heading => "Start a plan", "計画を始める";
        Lead => "Begin from an example, a country's payroll rules, an empty plan or a plan file. Each starts with the next fiscal year and is kept on this device.",
            "例、国ごとの給与・社会保険のルール、空の計画、または計画ファイルから始められます。いずれも次の年度から始まり、この端末に保存されます。";
        Demo => "Demo plan", "デモ計画";
        DemoNote => "60 positions, two scenarios and cloud lines over 3 years, to look around.",
            "60ポジション・2シナリオ・クラウド費用の3年分。操作を試すための例です。";
        Japan => "Japan", "日本";
        JapanNote => "April fiscal year, yen, social insurance with its caps, June and December bonuses.",
            "4月始まりの年度、円建て、上限つきの社会保険、6月・12月賞与。";
        UnitedStates => "United States", "米国";
        UnitedStatesNote => "January fiscal year, dollars, Social Security, Medicare and benefits.",
            "1月始まりの年度、ドル建て、社会保障税・メディケア・福利厚生。";
        Blank => "Blank plan", "空の計画";
        BlankNote => "No rules and no positions: add your own.", "ルールもポジションもなし。一から入力します。";
        OpenFile => "Open a plan file…", "計画ファイルを開く…";
        OpenFileNote => "A backup downloaded from Plans & backups, or a file the command-line tool wrote.",
            "「計画とバックアップ」で保存したバックアップ、またはコマンドラインツールが書き出したファイル。";

    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translated() {
        crate::i18n::assert_translated::<StartText>();
    }
}
