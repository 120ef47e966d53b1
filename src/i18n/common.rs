//! Words every view uses, and the domain's names (cost categories, position
//! statuses) in each language. One table, so a word reads the same
//! everywhere: 法定福利費 is the employer burden on every page.

use super::{Lang, lang};
use crate::model::{Category, CloudCategory, Employment, PositionStatus};

crate::texts! {
    /// Words shared by several views.
    pub enum Common {
        Team => "Team", "チーム";
        Teams => "Teams", "チーム";
        Level => "Level", "等級";
        Title => "Title", "職種";
        Status => "Status", "状態";
        Employment => "Employment", "雇用形態";
        Start => "Start", "開始日";
        End => "End", "終了日";
        Fte => "FTE", "FTE";
        Salary => "Annual salary", "年間基本給";
        Name => "Name", "名称";
        Amount => "Amount", "金額";
        Total => "Total", "合計";
        Month => "Month", "月";
        Heads => "Heads", "人数";
        Scenario => "Scenario", "シナリオ";
        Scenarios => "Scenarios", "シナリオ";
        Plan => "Plan", "計画";
        FiscalYear => "Fiscal year", "年度";
        Category => "Category", "費目";
        Add => "Add", "追加";
        Delete => "Delete", "削除";
        Duplicate => "Duplicate", "複製";
        Cancel => "Cancel", "キャンセル";
        Save => "Save", "保存";
        Download => "Download", "ダウンロード";
        Open => "Open", "開く";
        AllTeams => "All teams", "全チーム";
        NoTeam => "No team", "チームなし";
        PerMonth => "per month", "月額";
        Months => "months", "か月";
        Base => "Base", "基準";
        Actions => "Actions", "操作";
        Location => "Location", "勤務地";
        CompaRatio => "Compa-ratio", "コンパレシオ";
    }
}

crate::texts! {
    enum CategoryName {
        Base => "Base salary", "基本給";
        Bonus => "Bonuses", "賞与";
        Burden => "Employer burden", "法定福利費";
        Benefits => "Benefits per head", "福利厚生費";
        Recruiting => "Recruiting", "採用費";
        Tools => "Tools", "ツール費";
        Equipment => "Equipment & onboarding", "機器・入社準備費";
        Training => "Training", "研修費";
        Other => "Other costs", "その他の費用";
        Cloud => "Cloud", "クラウド費用";
    }
}

/// A cost category as people read it: "Employer burden" / "法定福利費".
pub fn category(category: Category) -> &'static str {
    category_in(category, lang())
}

pub fn category_in(category: Category, lang: Lang) -> &'static str {
    use super::Text;
    let key = match category {
        Category::Base => CategoryName::Base,
        Category::Bonus => CategoryName::Bonus,
        Category::Burden => CategoryName::Burden,
        Category::Benefits => CategoryName::Benefits,
        Category::Recruiting => CategoryName::Recruiting,
        Category::Tools => CategoryName::Tools,
        Category::Equipment => CategoryName::Equipment,
        Category::Training => CategoryName::Training,
        Category::Other => CategoryName::Other,
        Category::Cloud => CategoryName::Cloud,
    };
    key.get(lang)
}

crate::texts! {
    enum CloudCategoryName {
        Compute => "Compute", "コンピュート";
        Storage => "Storage", "ストレージ";
        Data => "Data", "データ基盤";
        Observability => "Observability", "監視・可観測性";
        Network => "Network", "ネットワーク";
        Other => "Other cloud", "その他のクラウド";
    }
}

/// A cloud category as people read it: "Compute" / "コンピュート".
pub fn cloud_category(category: CloudCategory) -> &'static str {
    use super::Text;
    let key = match category {
        CloudCategory::Compute => CloudCategoryName::Compute,
        CloudCategory::Storage => CloudCategoryName::Storage,
        CloudCategory::Data => CloudCategoryName::Data,
        CloudCategory::Observability => CloudCategoryName::Observability,
        CloudCategory::Network => CloudCategoryName::Network,
        CloudCategory::Other => CloudCategoryName::Other,
    };
    key.get(lang())
}

crate::texts! {
    enum StatusName {
        Filled => "Filled", "在籍";
        Open => "Open (recruiting)", "募集中";
        Planned => "Planned", "採用予定";
        Employee => "Employee", "正社員";
        Contractor => "Contractor", "業務委託";
    }
}

/// A position's status: "Filled" / "在籍".
pub fn status(status: PositionStatus) -> &'static str {
    super::t(match status {
        PositionStatus::Filled => StatusName::Filled,
        PositionStatus::Open => StatusName::Open,
        PositionStatus::Planned => StatusName::Planned,
    })
}

/// How a position is employed: "Employee" / "正社員".
pub fn employment(employment: Employment) -> &'static str {
    super::t(match employment {
        Employment::Employee => StatusName::Employee,
        Employment::Contractor => StatusName::Contractor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;
    use crate::model::overview::{category_name, cloud_category_name};

    #[test]
    fn translated() {
        assert_translated::<Common>();
        assert_translated::<CategoryName>();
        assert_translated::<CloudCategoryName>();
        assert_translated::<StatusName>();
    }

    #[test]
    fn english_names_are_the_models() {
        for c in Category::ALL {
            assert_eq!(category_in(c, Lang::En), category_name(c));
        }
        for c in CloudCategory::ALL {
            assert_eq!(cloud_category(c), cloud_category_name(c));
        }
        assert_eq!(category_in(Category::Burden, Lang::Ja), "法定福利費");
    }
}
