//! What really happened: the plan's actual costs (and, optionally, heads),
//! month by month.
//!
//! Actuals belong to the plan, not to a scenario: reality is one, and every
//! scenario's latest estimate reads the same actuals
//! ([`variance`](super::variance)). Amounts are exact in the plan's
//! currency; credits and refunds are negative.
//!
//! The amounts are kept sorted by month, category and team, with one amount
//! per key, so two plans holding the same actuals are equal and write the
//! same file.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::date::YearMonth;
use super::decimal_serde;
use super::ledger::Category;
use super::plan::CloudCategory;

/// The plan's actuals. Empty by default; a plan without actuals writes no
/// `actuals` field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actuals {
    /// The last month whose actuals are final (the books are closed). The
    /// latest estimate takes actuals through it and the forecast after it;
    /// `None`: no month is closed yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_through: Option<YearMonth>,
    /// Sorted by (month, category, team); one amount per key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<Actual>,
    /// Sorted by (month, team); one count per key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heads: Vec<ActualHeads>,
}

/// One actual amount: what was spent on `category` for `team` (or for no
/// team) in `month`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub month: YearMonth,
    pub category: Category,
    /// A team's name; `None` for costs of no team (cloud, shared costs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// For cloud costs from a bill: the plan's cloud category it maps to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_category: Option<CloudCategory>,
    /// In units of the plan's currency, with at most its decimals. Negative
    /// for a credit or refund.
    #[serde(with = "decimal_serde")]
    pub amount: Decimal,
    /// A cost billed in another currency: what was billed, and the rate it
    /// was converted at (`amount` is `foreign.amount × foreign.rate`,
    /// rounded once to the plan's minor unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign: Option<ForeignAmount>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An amount in another currency and the rate that converted it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignAmount {
    /// ISO 4217 code, such as "USD".
    pub currency: String,
    #[serde(with = "decimal_serde")]
    pub amount: Decimal,
    /// Units of the plan's currency per unit of `currency` (152.30 yen a dollar).
    #[serde(with = "decimal_serde")]
    pub rate: Decimal,
}

/// The people a team really had at the end of a month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActualHeads {
    pub month: YearMonth,
    pub team: String,
    pub heads: u32,
    /// Full-time equivalents; `None` when only heads were given.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub fte: Option<Decimal>,
}

/// The key an amount is kept under: month, category, team, cloud
/// category and billing currency (`None`: the plan's own).
pub type AmountKey<'a> = (
    YearMonth,
    Category,
    Option<&'a str>,
    Option<CloudCategory>,
    Option<&'a str>,
);

impl Actual {
    pub fn key(&self) -> AmountKey<'_> {
        (
            self.month,
            self.category,
            self.team.as_deref(),
            self.cloud_category,
            self.foreign.as_ref().map(|f| f.currency.as_str()),
        )
    }
}

impl Actuals {
    pub fn is_empty(&self) -> bool {
        self.closed_through.is_none() && self.amounts.is_empty() && self.heads.is_empty()
    }

    fn find(&self, key: AmountKey<'_>) -> Result<usize, usize> {
        self.amounts.binary_search_by(|a| a.key().cmp(&key))
    }

    /// The amount kept for one month, category and team, entered in the
    /// plan's currency with no cloud category (as the grid enters them).
    pub fn amount(
        &self,
        month: YearMonth,
        category: Category,
        team: Option<&str>,
    ) -> Option<&Actual> {
        self.find((month, category, team, None, None))
            .ok()
            .map(|i| &self.amounts[i])
    }

    /// Every amount of one month, category and team (of every cloud
    /// category and currency).
    pub fn amounts_of<'a>(
        &'a self,
        month: YearMonth,
        category: Category,
        team: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Actual> + 'a {
        let key = (month, category, team);
        let first = self
            .amounts
            .partition_point(|a| (a.month, a.category, a.team.as_deref()) < key);
        self.amounts[first..]
            .iter()
            .take_while(move |a| (a.month, a.category, a.team.as_deref()) == key)
    }

    /// Sets one amount (`Some`) or removes it (`None`), keeping the order
    /// and one amount per key. A note already kept stays.
    pub fn set_amount(
        &mut self,
        month: YearMonth,
        category: Category,
        team: Option<&str>,
        amount: Option<Decimal>,
    ) {
        match (self.find((month, category, team, None, None)), amount) {
            (Ok(i), Some(amount)) => self.amounts[i].amount = amount,
            (Ok(i), None) => {
                self.amounts.remove(i);
            }
            (Err(i), Some(amount)) => self.amounts.insert(
                i,
                Actual {
                    month,
                    category,
                    team: team.map(str::to_string),
                    cloud_category: None,
                    amount,
                    foreign: None,
                    note: String::new(),
                },
            ),
            (Err(_), None) => {}
        }
    }

    /// Replaces every amount of the months × categories in `covered` (all
    /// their teams) with `amounts`, which must lie inside `covered`. This is
    /// what an import does: importing the same file twice gives the same
    /// actuals, because the second replaces what the first wrote.
    pub fn replace(&mut self, covered: &BTreeSet<(YearMonth, Category)>, amounts: Vec<Actual>) {
        self.amounts
            .retain(|a| !covered.contains(&(a.month, a.category)));
        self.amounts.extend(amounts);
        self.normalize();
    }

    /// Replaces the heads of the months × teams in `covered` with `heads`.
    pub fn replace_heads(
        &mut self,
        covered: &BTreeSet<(YearMonth, String)>,
        heads: Vec<ActualHeads>,
    ) {
        self.heads
            .retain(|h| !covered.contains(&(h.month, h.team.clone())));
        self.heads.extend(heads);
        self.heads
            .sort_by(|a, b| (a.month, &a.team).cmp(&(b.month, &b.team)));
        self.heads.dedup_by(|later, earlier| {
            (later.month, &later.team) == (earlier.month, &earlier.team)
        });
    }

    /// Sets one team's heads for a month (`None` removes them).
    pub fn set_heads(
        &mut self,
        month: YearMonth,
        team: &str,
        heads: Option<(u32, Option<Decimal>)>,
    ) {
        let found = self
            .heads
            .binary_search_by(|h| (h.month, h.team.as_str()).cmp(&(month, team)));
        match (found, heads) {
            (Ok(i), Some((heads, fte))) => {
                self.heads[i].heads = heads;
                self.heads[i].fte = fte;
            }
            (Ok(i), None) => {
                self.heads.remove(i);
            }
            (Err(i), Some((heads, fte))) => self.heads.insert(
                i,
                ActualHeads {
                    month,
                    team: team.to_string(),
                    heads,
                    fte,
                },
            ),
            (Err(_), None) => {}
        }
    }

    /// Sorts the amounts and sums the ones that share a key (their notes
    /// joined with "; "), as a file's rows are read.
    pub fn normalize(&mut self) {
        self.amounts.sort_by(|a, b| a.key().cmp(&b.key()));
        let mut merged: Vec<Actual> = Vec::with_capacity(self.amounts.len());
        for actual in self.amounts.drain(..) {
            match merged.last_mut() {
                Some(last) if last.key() == actual.key() => {
                    last.amount += actual.amount;
                    // One currency per key; its amounts sum. Converted at
                    // two rates, the rate kept is the amounts' ratio.
                    if let (Some(kept), Some(more)) = (&mut last.foreign, &actual.foreign) {
                        kept.amount += more.amount;
                        if kept.rate != more.rate && !kept.amount.is_zero() {
                            kept.rate = (last.amount / kept.amount).round_dp(6);
                        }
                    }
                    if !actual.note.is_empty() {
                        if !last.note.is_empty() {
                            last.note.push_str("; ");
                        }
                        last.note.push_str(&actual.note);
                    }
                }
                _ => merged.push(actual),
            }
        }
        self.amounts = merged;
    }

    /// The teams the actuals name, in order.
    pub fn teams(&self) -> BTreeSet<&str> {
        self.amounts
            .iter()
            .filter_map(|a| a.team.as_deref())
            .chain(self.heads.iter().map(|h| h.team.as_str()))
            .collect()
    }

    /// Renames a team in every amount and count (a scenario's team renamed:
    /// its actuals follow it). Keys stay unique: amounts that meet under the
    /// new name are summed.
    pub fn rename_team(&mut self, old: &str, new: &str) {
        let mut touched = false;
        for a in &mut self.amounts {
            if a.team.as_deref() == Some(old) {
                a.team = Some(new.to_string());
                touched = true;
            }
        }
        for h in &mut self.heads {
            if h.team == old {
                h.team = new.to_string();
                touched = true;
            }
        }
        if touched {
            self.normalize();
            let heads = std::mem::take(&mut self.heads);
            self.replace_heads(&BTreeSet::new(), heads);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn amounts_stay_sorted_with_one_per_key() {
        let mut a = Actuals::default();
        a.set_amount(ym(2026, 5), Category::Cloud, None, Some(Decimal::from(300)));
        a.set_amount(
            ym(2026, 4),
            Category::Base,
            Some("Web"),
            Some(Decimal::from(100)),
        );
        a.set_amount(
            ym(2026, 4),
            Category::Base,
            Some("Web"),
            Some(Decimal::from(-50)),
        );
        assert_eq!(a.amounts.len(), 2);
        assert_eq!(a.amounts[0].amount, Decimal::from(-50));
        a.set_amount(ym(2026, 4), Category::Base, Some("Web"), None);
        assert_eq!(a.amounts.len(), 1);
        assert!(a.amount(ym(2026, 5), Category::Cloud, None).is_some());
    }

    #[test]
    fn replacing_covers_every_team_of_a_month_and_category() {
        let mut a = Actuals::default();
        a.set_amount(
            ym(2026, 4),
            Category::Base,
            Some("Web"),
            Some(Decimal::from(100)),
        );
        a.set_amount(
            ym(2026, 4),
            Category::Base,
            Some("App"),
            Some(Decimal::from(200)),
        );
        a.set_amount(ym(2026, 4), Category::Cloud, None, Some(Decimal::from(7)));
        let covered = BTreeSet::from([(ym(2026, 4), Category::Base)]);
        let new = vec![Actual {
            month: ym(2026, 4),
            category: Category::Base,
            team: Some("Web".into()),
            cloud_category: None,
            amount: Decimal::from(120),
            foreign: None,
            note: String::new(),
        }];
        a.replace(&covered, new.clone());
        let once = a.clone();
        a.replace(&covered, new);
        assert_eq!(a, once);
        assert_eq!(a.amounts.len(), 2);
        assert!(a.amount(ym(2026, 4), Category::Base, Some("App")).is_none());
    }

    #[test]
    fn a_renamed_team_keeps_its_actuals_and_merges_into_an_existing_name() {
        let mut a = Actuals::default();
        a.set_amount(
            ym(2026, 4),
            Category::Base,
            Some("Web"),
            Some(Decimal::from(100)),
        );
        a.set_amount(
            ym(2026, 4),
            Category::Base,
            Some("Front"),
            Some(Decimal::from(5)),
        );
        a.set_heads(ym(2026, 4), "Web", Some((3, None)));
        a.rename_team("Web", "Front");
        assert_eq!(a.amounts.len(), 1);
        assert_eq!(a.amounts[0].amount, Decimal::from(105));
        assert_eq!(a.heads[0].team, "Front");
    }
}
