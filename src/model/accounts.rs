//! Accounts (勘定科目): the name and code finance books a cost under.
//!
//! A scenario maps each cost category to an account, and can map a single
//! burden component, per-head cost, other cost or cloud line to an
//! account of its own (health insurance to 法定福利費 while a DC pension
//! goes to 福利厚生費). Tools are not mapped one by one: the ledger books a
//! position's seats as one tools row, so they take the tools category's
//! account. Every mapping is optional and absent when unset, so a
//! plan without accounts is the same file and the same stored record as
//! before accounts existed. Lines are mapped by their name, as the plan
//! names them; a line without a mapping takes its category's account.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ledger::{Category, Component, LedgerRow, Source};
use super::plan::Scenario;

/// One account of the chart of accounts: its code (as finance writes it,
/// "5110", "610-20") and name (給料手当). Either may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Account {
    pub fn new(code: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            name: name.into(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.code.trim().is_empty() && self.name.trim().is_empty()
    }
}

/// Which kind of line an account is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    Burden,
    PerHead,
    OtherCost,
    CloudLine,
}

impl LineKind {
    pub const ALL: [LineKind; 4] = [
        Self::Burden,
        Self::PerHead,
        Self::OtherCost,
        Self::CloudLine,
    ];

    /// The category a line of this kind books under by default (an other
    /// cost books under "other").
    pub fn category(self) -> Category {
        match self {
            Self::Burden => Category::Burden,
            Self::PerHead => Category::Benefits,
            Self::OtherCost => Category::Other,
            Self::CloudLine => Category::Cloud,
        }
    }
}

/// A scenario's accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accounts {
    /// Per cost category (keys as in the ledger: "base", "burden", …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<Category, Account>,
    /// Per burden component, by its name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub burden: BTreeMap<String, Account>,
    /// Per per-head cost, by its name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub per_head: BTreeMap<String, Account>,
    /// Per other cost, by its name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub other_costs: BTreeMap<String, Account>,
    /// Per cloud line, by its name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cloud_lines: BTreeMap<String, Account>,
}

impl Accounts {
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() && LineKind::ALL.iter().all(|&k| self.lines(k).is_empty())
    }

    /// The account of a category (an empty account when unmapped).
    pub fn category(&self, category: Category) -> Account {
        self.categories.get(&category).cloned().unwrap_or_default()
    }

    pub fn lines(&self, kind: LineKind) -> &BTreeMap<String, Account> {
        match kind {
            LineKind::Burden => &self.burden,
            LineKind::PerHead => &self.per_head,
            LineKind::OtherCost => &self.other_costs,
            LineKind::CloudLine => &self.cloud_lines,
        }
    }

    pub fn lines_mut(&mut self, kind: LineKind) -> &mut BTreeMap<String, Account> {
        match kind {
            LineKind::Burden => &mut self.burden,
            LineKind::PerHead => &mut self.per_head,
            LineKind::OtherCost => &mut self.other_costs,
            LineKind::CloudLine => &mut self.cloud_lines,
        }
    }

    /// Sets (or, when `account` is empty, removes) a category's account:
    /// an unset account is absent from the file.
    pub fn set_category(&mut self, category: Category, account: Account) {
        if account.is_empty() {
            self.categories.remove(&category);
        } else {
            self.categories.insert(category, account);
        }
    }

    /// Sets (or removes, when empty) the account of line `name` of `kind`.
    pub fn set_line(&mut self, kind: LineKind, name: &str, account: Account) {
        let map = self.lines_mut(kind);
        if account.is_empty() {
            map.remove(name);
        } else {
            map.insert(name.to_string(), account);
        }
    }

    /// The account a line books under: its own, else its category's.
    pub fn line(&self, kind: LineKind, name: &str, category: Category) -> Account {
        self.lines(kind)
            .get(name)
            .filter(|a| !a.is_empty())
            .cloned()
            .unwrap_or_else(|| self.category(category))
    }

    /// The account a ledger row of `scenario` books under.
    pub fn of_row(&self, scenario: &Scenario, row: &LedgerRow) -> Account {
        let named = |kind: LineKind, name: Option<&String>| match name {
            Some(name) => self.line(kind, name, row.category),
            None => self.category(row.category),
        };
        match (row.source, row.component) {
            (_, Component::Burden(c)) => named(
                LineKind::Burden,
                scenario.people.burden.get(usize::from(c)).map(|b| &b.name),
            ),
            (_, Component::PerHead(i)) => named(
                LineKind::PerHead,
                scenario
                    .people
                    .per_head
                    .get(usize::from(i))
                    .map(|c| &c.name),
            ),
            (Source::OtherCost(o), _) => named(
                LineKind::OtherCost,
                scenario.other_costs.get(o as usize).map(|c| &c.name),
            ),
            (Source::CloudLine(l), _) => named(
                LineKind::CloudLine,
                scenario.cloud.lines.get(l as usize).map(|c| &c.name),
            ),
            _ => self.category(row.category),
        }
    }
}

/// The accounts a Japanese finance team typically books engineering costs
/// under (domain reference, "Finance conventions"): 給料手当 (base pay and
/// allowances), 賞与, 法定福利費 (social insurance), 福利厚生費 (per-head
/// benefits), 採用教育費 (recruiting), 支払手数料 (tools), 消耗品費
/// (equipment), 研修費, 雑費 (other) and 通信費 (cloud). No codes: a
/// company's chart of accounts decides them, and finance types its own.
pub fn japan_accounts() -> Accounts {
    let mut accounts = Accounts::default();
    for (category, name) in [
        (Category::Base, "給料手当"),
        (Category::Bonus, "賞与"),
        (Category::Burden, "法定福利費"),
        (Category::Benefits, "福利厚生費"),
        (Category::Recruiting, "採用教育費"),
        (Category::Tools, "支払手数料"),
        (Category::Equipment, "消耗品費"),
        (Category::Training, "研修費"),
        (Category::Other, "雑費"),
        (Category::Cloud, "通信費"),
    ] {
        accounts.set_category(category, Account::new("", name));
    }
    accounts
}

/// The longest account code: chart-of-accounts codes are short ("5110",
/// "610-20-001"); a longer text is almost surely a name typed in the
/// wrong field.
pub const CODE_MAX_CHARS: usize = 20;
/// The longest account name.
pub const NAME_MAX_CHARS: usize = 60;

/// Why a typed account code or name is refused; the English is the
/// [`Display`](std::fmt::Display), the UI says it in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountProblem {
    /// More than [`CODE_MAX_CHARS`] characters.
    CodeTooLong { max: usize },
    /// A character a code does not hold (codes are letters, digits and
    /// `-` `.` `/` `_`).
    CodeCharacter { found: char },
    /// More than [`NAME_MAX_CHARS`] characters.
    NameTooLong { max: usize },
    /// A control character (a tab or line break pasted from a sheet).
    ControlCharacter,
}

impl std::fmt::Display for AccountProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CodeTooLong { max } => {
                write!(f, "An account code has at most {max} characters.")
            }
            Self::CodeCharacter { found } if found.is_whitespace() => write!(
                f,
                "An account code holds letters, digits and - . / _ only, without spaces."
            ),
            Self::CodeCharacter { found } => write!(
                f,
                "An account code holds letters, digits and - . / _ only, not \u{201c}{found}\u{201d}."
            ),
            Self::NameTooLong { max } => {
                write!(f, "An account name has at most {max} characters.")
            }
            Self::ControlCharacter => {
                write!(f, "Tabs and line breaks cannot be part of an account.")
            }
        }
    }
}

/// A full-width ASCII form (５１１０, Ａ－１, typed with a Japanese input
/// method left on) as its ASCII letter; the ideographic space as a space.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        'ー' | '−' => '-',
        _ => c,
    }
}

/// Reads a typed account code: trimmed, full-width letters and digits made
/// ASCII; empty means unset.
pub fn parse_code(text: &str) -> Result<String, AccountProblem> {
    let code: String = text.chars().map(half_width).collect();
    let code = code.trim();
    if code.chars().any(char::is_control) {
        return Err(AccountProblem::ControlCharacter);
    }
    if let Some(found) = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | '_')))
    {
        return Err(AccountProblem::CodeCharacter { found });
    }
    if code.chars().count() > CODE_MAX_CHARS {
        return Err(AccountProblem::CodeTooLong {
            max: CODE_MAX_CHARS,
        });
    }
    Ok(code.to_string())
}

/// Reads a typed account name: trimmed (the ideographic space too); empty
/// means unset.
pub fn parse_name(text: &str) -> Result<String, AccountProblem> {
    let name = text.trim();
    if name.chars().any(char::is_control) {
        return Err(AccountProblem::ControlCharacter);
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(AccountProblem::NameTooLong {
            max: NAME_MAX_CHARS,
        });
    }
    Ok(name.to_string())
}

/// What an account is edited for: a category, or one line by its name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AccountTarget {
    Category(Category),
    Line(LineKind, String),
}

impl Accounts {
    /// The account set for `target` itself (a line's own, not its
    /// category's; empty when unset).
    pub fn own(&self, target: &AccountTarget) -> Account {
        match target {
            AccountTarget::Category(c) => self.category(*c),
            AccountTarget::Line(kind, name) => {
                self.lines(*kind).get(name).cloned().unwrap_or_default()
            }
        }
    }

    /// Sets (or removes, when empty) the account of `target`.
    pub fn set(&mut self, target: &AccountTarget, account: Account) {
        match target {
            AccountTarget::Category(c) => self.set_category(*c, account),
            AccountTarget::Line(kind, name) => self.set_line(*kind, name, account),
        }
    }
}

/// The lines of `scenario` that can carry an account of their own, in the
/// order Assumptions shows them: burden components, per-head costs, other
/// costs, cloud lines (each name once).
pub fn account_lines(scenario: &Scenario) -> Vec<(LineKind, String)> {
    let mut lines: Vec<(LineKind, String)> = Vec::new();
    let names = scenario
        .people
        .burden
        .iter()
        .map(|b| (LineKind::Burden, &b.name))
        .chain(
            scenario
                .people
                .per_head
                .iter()
                .map(|c| (LineKind::PerHead, &c.name)),
        )
        .chain(
            scenario
                .other_costs
                .iter()
                .map(|c| (LineKind::OtherCost, &c.name)),
        )
        .chain(
            scenario
                .cloud
                .lines
                .iter()
                .map(|l| (LineKind::CloudLine, &l.name)),
        );
    for (kind, name) in names {
        if !lines.iter().any(|(k, n)| *k == kind && n == name) {
            lines.push((kind, name.clone()));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_accounts_leave_no_trace_in_the_file() {
        let mut accounts = Accounts::default();
        assert_eq!(serde_json::to_string(&accounts).unwrap(), "{}");
        accounts.set_category(Category::Base, Account::new("5110", "給料手当"));
        accounts.set_line(LineKind::CloudLine, "AWS", Account::new("", "通信費"));
        let json = serde_json::to_string(&accounts).unwrap();
        assert_eq!(
            json,
            r#"{"categories":{"base":{"code":"5110","name":"給料手当"}},"cloud_lines":{"AWS":{"name":"通信費"}}}"#
        );
        let back: Accounts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, accounts);
        accounts.set_category(Category::Base, Account::default());
        accounts.set_line(LineKind::CloudLine, "AWS", Account::new(" ", ""));
        assert!(accounts.is_empty());
    }

    #[test]
    fn a_line_without_its_own_account_takes_its_category() {
        let mut accounts = japan_accounts();
        assert_eq!(
            accounts
                .line(LineKind::CloudLine, "AWS", Category::Cloud)
                .name,
            "通信費"
        );
        accounts.set_line(
            LineKind::CloudLine,
            "AWS",
            Account::new("6150", "支払手数料"),
        );
        assert_eq!(
            accounts
                .line(LineKind::CloudLine, "AWS", Category::Cloud)
                .code,
            "6150"
        );
    }
    #[test]
    fn typed_codes_are_read_as_finance_writes_them() {
        assert_eq!(parse_code(" 5110 ").unwrap(), "5110");
        // A Japanese input method left on: full-width digits and hyphen.
        assert_eq!(parse_code("６１０－２０").unwrap(), "610-20");
        assert_eq!(parse_code("").unwrap(), "");
        assert_eq!(
            parse_code("51 10"),
            Err(AccountProblem::CodeCharacter { found: ' ' })
        );
        assert_eq!(
            parse_code("給料手当"),
            Err(AccountProblem::CodeCharacter { found: '給' })
        );
        assert_eq!(
            parse_code(&"1".repeat(CODE_MAX_CHARS + 1)),
            Err(AccountProblem::CodeTooLong {
                max: CODE_MAX_CHARS
            })
        );
        assert_eq!(parse_name("　給料手当 ").unwrap(), "給料手当");
        assert_eq!(
            parse_name("給料\t手当"),
            Err(AccountProblem::ControlCharacter)
        );
        assert_eq!(
            parse_name(&"あ".repeat(NAME_MAX_CHARS + 1)),
            Err(AccountProblem::NameTooLong {
                max: NAME_MAX_CHARS
            })
        );
    }

    #[test]
    fn a_target_sets_its_own_account_only() {
        let mut accounts = japan_accounts();
        let line = AccountTarget::Line(LineKind::Burden, "Health insurance".into());
        assert!(accounts.own(&line).is_empty());
        accounts.set(&line, Account::new("", "福利厚生費"));
        assert_eq!(accounts.own(&line).name, "福利厚生費");
        assert_eq!(accounts.category(Category::Burden).name, "法定福利費");
        let base = AccountTarget::Category(Category::Base);
        accounts.set(&base, Account::new("5110", "給料手当"));
        assert_eq!(accounts.own(&base), Account::new("5110", "給料手当"));
        accounts.set(&line, Account::default());
        assert!(accounts.burden.is_empty());
    }
}
