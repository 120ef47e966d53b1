//! Cloud bills as actuals: the FinOps Foundation's FOCUS cost-and-usage
//! CSV (versions 1.0 to 1.2), which AWS, Azure, Google Cloud and OCI export.
//! docs/actuals.md, "Cloud bills (FOCUS)", has the rules.
//!
//! Each row's cost (EffectiveCost by default, BilledCost on request) is
//! summed exactly, in its BillingCurrency, per month of ChargePeriodStart,
//! team and cloud category (ServiceCategory, mapped); each sum is then
//! converted once at its month's rate and rounded to the plan's minor unit.
//! The result is a preview of actuals of category `cloud`, applied as any
//! actuals import is: the months it covers are replaced.
//!
//! The reader works in slices ([`FocusReader::read`]), so a browser can
//! read a large bill between frames and show its progress.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::actuals::{
    ActualsColumn, ActualsError, ActualsPreview, ActualsProblem, ColumnUse, Read, assemble,
};
use super::decode::DecodeError;
use super::table::Table;
use super::values::{fold, key, parse_month};
use crate::model::fx::RatePaths;
use crate::model::{Actual, Category, CloudCategory, Currency, ForeignAmount, Plan, YearMonth};

/// Which cost of a FOCUS row is the actual.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FocusCost {
    /// Commitments amortised over the months they cover: what compares
    /// with a budget.
    #[default]
    Effective,
    /// What the invoice charges (cash).
    Billed,
}

impl FocusCost {
    pub fn column(self) -> &'static str {
        match self {
            Self::Effective => "EffectiveCost",
            Self::Billed => "BilledCost",
        }
    }
}

/// Where a row's team comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum TeamSource {
    /// Every cost is of no team.
    #[default]
    None,
    /// The value of this key in the row's Tags (a JSON object).
    Tag(String),
    /// The row's SubAccountName (an AWS account, an Azure subscription).
    SubAccountName,
}

/// The person's choices for a bill.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FocusOptions {
    pub cost: FocusCost,
    pub team_source: TeamSource,
    /// A tag value or sub-account name → the team it is (`None`: no team).
    /// Values not listed take the team of the same name, else no team.
    pub teams: BTreeMap<String, Option<String>>,
    /// A ServiceCategory (its [`key`]) → the plan's cloud category, over
    /// [`default_cloud_category`].
    pub categories: BTreeMap<String, CloudCategory>,
    /// Rates for billing currencies the base scenario has no rate for:
    /// plan units per unit of the currency.
    pub rates: BTreeMap<String, Decimal>,
}

/// FOCUS's ServiceCategory values (1.0 to 1.2) and the plan's cloud
/// category each maps to by default.
pub const SERVICE_CATEGORIES: [(&str, CloudCategory); 19] = [
    ("AI and Machine Learning", CloudCategory::Data),
    ("Analytics", CloudCategory::Data),
    ("Business Applications", CloudCategory::Other),
    ("Compute", CloudCategory::Compute),
    ("Databases", CloudCategory::Data),
    ("Developer Tools", CloudCategory::Compute),
    ("Multicloud", CloudCategory::Other),
    ("Identity", CloudCategory::Other),
    ("Integration", CloudCategory::Data),
    ("Internet of Things", CloudCategory::Data),
    ("Management and Governance", CloudCategory::Observability),
    ("Media", CloudCategory::Data),
    ("Migration", CloudCategory::Other),
    ("Mobile", CloudCategory::Compute),
    ("Networking", CloudCategory::Network),
    ("Security", CloudCategory::Other),
    ("Storage", CloudCategory::Storage),
    ("Web", CloudCategory::Compute),
    ("Other", CloudCategory::Other),
];

/// The cloud category a ServiceCategory maps to unless the person says
/// otherwise: the table above, `other` for anything else.
pub fn default_cloud_category(service_category: &str) -> CloudCategory {
    let k = key(service_category);
    SERVICE_CATEGORIES
        .iter()
        .find(|(name, _)| key(name) == k)
        .map_or(CloudCategory::Other, |(_, c)| *c)
}

/// The columns a bill must have, besides the chosen cost.
const REQUIRED: [&str; 3] = ["ChargePeriodStart", "BillingCurrency", "ServiceCategory"];

/// A team source value as the preview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamValue {
    /// The tag value or sub-account name.
    pub value: String,
    pub rows: usize,
    /// The team its costs go to (`None`: no team).
    pub team: Option<String>,
    /// Chosen by the person, rather than matched by name.
    pub chosen: bool,
}

/// A billing currency as the preview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillingCurrency {
    pub code: String,
    pub rows: usize,
    /// Where its rate comes from, per month: `None` when it is the plan's.
    pub rates: Vec<(YearMonth, Decimal)>,
    /// Given by the person in the preview, not the scenario's path.
    pub asked: bool,
}

/// A bill read: its actuals, and what the person may want to map.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusPreview {
    pub actuals: ActualsPreview,
    /// ServiceCategory values with their rows and the category they map to.
    pub service_categories: Vec<(String, usize, CloudCategory)>,
    pub team_values: Vec<TeamValue>,
    /// Tag keys seen in the Tags column (to offer as a team source).
    pub tag_keys: Vec<String>,
    pub currencies: Vec<BillingCurrency>,
    /// The last month whose charge periods reach its end: a full month.
    pub last_full_month: Option<YearMonth>,
    /// That month's cost per cloud category, in the plan's currency.
    pub last_full_month_by_category: Vec<(CloudCategory, Decimal)>,
}

/// The bill's aggregate key: month, team (an index into the teams seen),
/// cloud category, currency (an index into the currencies seen).
type Key = (YearMonth, u32, CloudCategory, u16);

/// Reads a FOCUS file a slice at a time.
pub struct FocusReader {
    table: Table,
    columns: Vec<ActualsColumn>,
    /// Indexes of the columns read.
    cost: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    currency: Option<usize>,
    service: Option<usize>,
    tags: Option<usize>,
    sub_account: Option<usize>,
    options: FocusOptions,
    plan_currency: Currency,
    first: YearMonth,
    last: YearMonth,
    rates: RatePaths,
    /// A team's folded name → its name in the plan.
    teams: HashMap<String, String>,
    sums: HashMap<Key, Decimal>,
    /// The teams rows go to; 0 is no team.
    team_names: Vec<Option<String>>,
    /// The billing currencies seen, in order.
    codes: Vec<&'static str>,
    errors: Vec<ActualsError>,
    rows: usize,
    skipped: usize,
    /// ServiceCategory values: rows and the cloud category.
    services: HashMap<String, (usize, CloudCategory)>,
    /// Team source values: rows and the team index.
    team_values: HashMap<String, (usize, u32)>,
    tag_keys: BTreeSet<String>,
    currency_rows: HashMap<String, usize>,
    /// Currencies already reported as without a rate.
    no_rate: BTreeSet<String>,
    /// Per month, whether some charge period reaches the month's end.
    full: BTreeSet<YearMonth>,
    last_month: Option<YearMonth>,
    done: bool,
}

impl FocusReader {
    /// Opens the bill and reads its header. A bill without a required
    /// column gets one error naming them all, and reads no rows.
    pub fn start(plan: &Plan, bytes: &[u8], options: FocusOptions) -> Result<Self, DecodeError> {
        super::decode::decode(bytes).map(|decoded| Self::start_decoded(plan, decoded, options))
    }

    /// [`start`](Self::start) with the bill already decoded: the browser
    /// decodes it a slice at a time ([`SliceDecoder`](super::decode::SliceDecoder)).
    pub fn start_decoded(
        plan: &Plan,
        decoded: super::decode::Decoded,
        options: FocusOptions,
    ) -> Self {
        let mut table = Table::from_decoded(decoded);
        let mut errors = Vec::new();
        let header: Vec<String> = match table.next_row() {
            Some(Ok(row)) => row.cells.iter().map(|c| c.trim().to_string()).collect(),
            Some(Err(e)) => {
                errors.push(ActualsError {
                    line: e.line,
                    column: None,
                    problem: ActualsProblem::Unreadable { detail: e.detail },
                });
                Vec::new()
            }
            None => Vec::new(),
        };
        let find = |name: &str| header.iter().position(|h| key(h) == key(name));
        let cost = find(options.cost.column());
        let mut missing: Vec<String> = REQUIRED
            .iter()
            .filter(|n| find(n).is_none())
            .map(|n| n.to_string())
            .collect();
        if cost.is_none() {
            missing.insert(0, options.cost.column().to_string());
        }
        if errors.is_empty() && !missing.is_empty() {
            errors.push(ActualsError {
                line: 1,
                column: None,
                problem: ActualsProblem::MissingColumns { names: missing },
            });
        }
        let used = |i: usize| {
            [cost, find("ChargePeriodStart"), find("BillingCurrency")].contains(&Some(i))
        };
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, h)| ActualsColumn {
                header: h.clone(),
                used_as: if used(i) {
                    ColumnUse::Category(Category::Cloud)
                } else {
                    ColumnUse::Ignored
                },
                chosen: false,
            })
            .collect();
        let plan_currency = plan
            .currency()
            .or_else(|| Currency::from_code("JPY"))
            .unwrap_or(Currency::all()[0]);
        let first = plan.horizon.start;
        let last = first
            .add_months(i32::from(plan.horizon.months.max(1)) - 1)
            .unwrap_or(first);
        let base = plan.scenarios.get(plan.base_index());
        let rates = base.map_or_else(RatePaths::default, |s| {
            let adjusted = crate::model::adjusted_scenario(s);
            RatePaths::of(&adjusted.exchange_rates)
        });
        Self {
            done: !errors.is_empty(),
            table,
            columns,
            cost,
            start: find("ChargePeriodStart"),
            end: find("ChargePeriodEnd"),
            currency: find("BillingCurrency"),
            service: find("ServiceCategory"),
            tags: find("Tags"),
            sub_account: find("SubAccountName"),
            options,
            plan_currency,
            first,
            last,
            rates,
            teams: plan
                .scenarios
                .iter()
                .flat_map(|s| s.teams.iter())
                .map(|t| (fold(&t.name), t.name.clone()))
                .collect(),
            sums: HashMap::new(),
            team_names: vec![None],
            codes: Vec::new(),
            errors,
            rows: 0,
            skipped: 0,
            services: HashMap::new(),
            team_values: HashMap::new(),
            tag_keys: BTreeSet::new(),
            currency_rows: HashMap::new(),
            no_rate: BTreeSet::new(),
            full: BTreeSet::new(),
            last_month: None,
        }
    }

    /// Reads up to `max_rows` rows; `true` when the whole file is read.
    pub fn read(&mut self, max_rows: usize) -> bool {
        let mut n = 0;
        while !self.done && n < max_rows {
            match self.table.next_row() {
                None => self.done = true,
                Some(Err(e)) => self.errors.push(ActualsError {
                    line: e.line,
                    column: None,
                    problem: ActualsProblem::Unreadable { detail: e.detail },
                }),
                Some(Ok(row)) => {
                    n += 1;
                    self.rows += 1;
                    self.row(row.line, &row.cells);
                }
            }
        }
        self.done
    }

    /// Bytes of text read, of all.
    pub fn progress(&self) -> (usize, usize) {
        self.table.progress()
    }

    fn cell(cells: &csv::StringRecord, at: Option<usize>) -> Option<&str> {
        let text = cells.get(at?)?.trim();
        // FOCUS exports write a missing value as an empty cell or NULL.
        (!text.is_empty() && !text.eq_ignore_ascii_case("null")).then_some(text)
    }

    fn error(&mut self, line: usize, column: Option<usize>, problem: ActualsProblem) {
        self.errors.push(ActualsError {
            line,
            column: column
                .and_then(|i| self.columns.get(i))
                .map(|c| c.header.clone()),
            problem,
        });
    }

    fn row(&mut self, line: usize, cells: &csv::StringRecord) {
        let Some(cost_text) = Self::cell(cells, self.cost) else {
            // No cost on this row (a NULL cost): nothing to add.
            self.skipped += 1;
            return;
        };
        let Some(cost) = parse_number(cost_text) else {
            self.error(
                line,
                self.cost,
                ActualsProblem::CostUnreadable {
                    text: cost_text.to_string(),
                },
            );
            return;
        };
        let start_text = Self::cell(cells, self.start).unwrap_or("");
        let Some(month) = month_of(start_text) else {
            self.error(
                line,
                self.start,
                ActualsProblem::MonthUnreadable {
                    text: start_text.to_string(),
                },
            );
            return;
        };
        if month < self.first || month > self.last {
            self.error(
                line,
                self.start,
                ActualsProblem::MonthOutsideHorizon {
                    month,
                    first: self.first,
                    last: self.last,
                },
            );
            return;
        }
        let code_text = Self::cell(cells, self.currency).unwrap_or("");
        let Some(billed_in) = Currency::from_code(code_text)
            .or_else(|| Currency::from_code(&code_text.to_uppercase()))
        else {
            self.error(
                line,
                self.currency,
                ActualsProblem::UnknownCurrency {
                    code: code_text.to_string(),
                },
            );
            return;
        };
        let code = billed_in.code();
        if billed_in != self.plan_currency
            && !self.options.rates.contains_key(billed_in.code())
            && self.rates.rate(billed_in.code(), month.index()).is_none()
        {
            if self.no_rate.insert(code.to_string()) {
                self.error(
                    line,
                    self.currency,
                    ActualsProblem::NoRate {
                        currency: code.to_string(),
                    },
                );
            }
            return;
        }
        match self.currency_rows.get_mut(code) {
            Some(rows) => *rows += 1,
            None => {
                self.currency_rows.insert(code.to_string(), 1);
            }
        }
        // The cloud category: looked up once per distinct ServiceCategory.
        let service = Self::cell(cells, self.service).unwrap_or("Other");
        let category = match self.services.get_mut(service) {
            Some((rows, category)) => {
                *rows += 1;
                *category
            }
            None => {
                let category = self
                    .options
                    .categories
                    .get(&key(service))
                    .copied()
                    .unwrap_or_else(|| default_cloud_category(service));
                self.services.insert(service.to_string(), (1, category));
                category
            }
        };
        // The team, as an index into the teams seen.
        let team = self.team_of(cells);
        // A month is full when some charge period reaches its end.
        if let Some(end) = Self::cell(cells, self.end)
            && let Some(end_month) = month_of(end)
            && end_month > month
        {
            self.full.insert(month);
        }
        self.last_month = self.last_month.max(Some(month));
        let currency = match self.codes.iter().position(|c| *c == code) {
            Some(i) => i,
            None => {
                self.codes.push(code);
                self.codes.len() - 1
            }
        };
        let sum = self
            .sums
            .entry((month, team, category, currency as u16))
            .or_default();
        *sum = sum.checked_add(cost).unwrap_or(*sum);
    }

    /// The row's team as an index into `team_names` (0: no team).
    fn team_of(&mut self, cells: &csv::StringRecord) -> u32 {
        // The Tags of the first rows are read even without a tag source, to
        // offer their keys in the preview.
        let tags = Self::cell(cells, self.tags);
        if self.rows <= 1_000
            && let Some(tags) = tags
        {
            for k in tag_keys(tags) {
                if self.tag_keys.len() < 200 {
                    self.tag_keys.insert(k);
                }
            }
        }
        let value = match &self.options.team_source {
            TeamSource::None => return 0,
            TeamSource::SubAccountName => match Self::cell(cells, self.sub_account) {
                Some(v) => std::borrow::Cow::Borrowed(v),
                None => return 0,
            },
            TeamSource::Tag(tag) => match tags.and_then(|t| tag_value(t, tag)) {
                Some(v) => v,
                None => return 0,
            },
        };
        if let Some((rows, team)) = self.team_values.get_mut(value.as_ref()) {
            *rows += 1;
            return *team;
        }
        let (team, _) = self.team_for(&value);
        let index = match team {
            None => 0,
            Some(name) => match self
                .team_names
                .iter()
                .position(|t| t.as_deref() == Some(&name))
            {
                Some(i) => i as u32,
                None => {
                    self.team_names.push(Some(name));
                    (self.team_names.len() - 1) as u32
                }
            },
        };
        self.team_values.insert(value.into_owned(), (1, index));
        index
    }

    /// The team a source value goes to, and whether the person chose it.
    fn team_for(&self, value: &str) -> (Option<String>, bool) {
        match self.options.teams.get(value) {
            Some(team) => (team.clone(), true),
            None => (self.teams.get(&fold(value)).cloned(), false),
        }
    }

    /// The rate of `code` in `month`: the person's, else the base
    /// scenario's path.
    fn rate(&self, code: &str, month: YearMonth) -> Option<Decimal> {
        self.options
            .rates
            .get(code)
            .copied()
            .or_else(|| self.rates.rate(code, month.index()))
    }

    /// Reads what is left and makes the preview.
    pub fn finish(mut self, plan: &Plan) -> FocusPreview {
        while !self.read(10_000) {}
        let exponent = self.plan_currency.exponent();
        let mut amounts = Vec::with_capacity(self.sums.len());
        let mut covered = BTreeSet::new();
        let mut by_category: BTreeMap<(YearMonth, CloudCategory), Decimal> = BTreeMap::new();
        let mut currencies: BTreeMap<String, BillingCurrency> = BTreeMap::new();
        // Sorted, so that the preview does not depend on the hash order.
        let mut sums: Vec<(&Key, &Decimal)> = self.sums.iter().collect();
        sums.sort_by_key(|(k, _)| **k);
        for (&(month, team, category, currency), sum) in sums {
            let (month, category) = (&month, &category);
            let code = &self.codes[usize::from(currency)].to_string();
            let team = &self.team_names[team as usize];
            let (amount, foreign) = if *code == self.plan_currency.code() {
                (round(*sum, exponent), None)
            } else {
                let rate = self.rate(code, *month).unwrap_or(Decimal::ONE);
                let entry = currencies
                    .entry(code.clone())
                    .or_insert_with(|| BillingCurrency {
                        code: code.clone(),
                        rows: self.currency_rows.get(code).copied().unwrap_or(0),
                        rates: Vec::new(),
                        asked: self.options.rates.contains_key(code),
                    });
                if !entry.rates.iter().any(|(m, _)| m == month) {
                    entry.rates.push((*month, rate));
                }
                let converted = sum
                    .checked_mul(rate)
                    .map_or(Decimal::ZERO, |v| round(v, exponent));
                (
                    converted,
                    Some(ForeignAmount {
                        currency: code.clone(),
                        amount: sum.normalize(),
                        rate,
                    }),
                )
            };
            covered.insert((*month, Category::Cloud));
            *by_category.entry((*month, *category)).or_default() += amount;
            amounts.push(Actual {
                month: *month,
                category: Category::Cloud,
                team: team.clone(),
                cloud_category: Some(*category),
                amount,
                foreign,
                note: String::new(),
            });
        }
        let last_full_month = self.full.iter().next_back().copied();
        let last_full_month_by_category = last_full_month
            .map(|m| {
                CloudCategory::ALL
                    .iter()
                    .filter_map(|c| by_category.get(&(m, *c)).map(|v| (*c, *v)))
                    .collect()
            })
            .unwrap_or_default();
        let mut service_categories: Vec<(String, usize, CloudCategory)> = self
            .services
            .iter()
            .map(|(name, (rows, category))| (name.clone(), *rows, *category))
            .collect();
        service_categories.sort();
        let mut team_values: Vec<TeamValue> = self
            .team_values
            .keys()
            .map(|value| {
                let (team, chosen) = self.team_for(value);
                TeamValue {
                    value: value.clone(),
                    rows: self.team_values[value].0,
                    team,
                    chosen,
                }
            })
            .collect();
        team_values.sort_by(|a, b| a.value.cmp(&b.value));
        let encoding = self.table.encoding;
        let actuals = assemble(
            plan,
            Read {
                encoding,
                columns: self.columns,
                rows: self.rows,
                skipped: self.skipped,
                errors: self.errors,
                amounts,
                heads: Vec::new(),
                covered,
                heads_covered: BTreeSet::new(),
                last_month: self.last_month,
            },
        );
        FocusPreview {
            actuals,
            service_categories,
            team_values,
            tag_keys: self.tag_keys.into_iter().collect(),
            currencies: currencies.into_values().collect(),
            last_full_month,
            last_full_month_by_category,
        }
    }
}

/// Reads a whole bill at once (the CLI, and tests).
pub fn preview_focus(
    plan: &Plan,
    bytes: &[u8],
    options: FocusOptions,
) -> Result<FocusPreview, DecodeError> {
    FocusReader::start(plan, bytes, options).map(|reader| reader.finish(plan))
}

/// The month of a FOCUS timestamp (`2026-04-01T00:00:00Z`): read straight
/// from its digits, else as any date the imports read.
fn month_of(text: &str) -> Option<YearMonth> {
    let b = text.as_bytes();
    if b.len() >= 7 && b[4] == b'-' && b[..4].iter().chain(&b[5..7]).all(u8::is_ascii_digit) {
        let year = i32::from(b[0] - b'0') * 1000
            + i32::from(b[1] - b'0') * 100
            + i32::from(b[2] - b'0') * 10
            + i32::from(b[3] - b'0');
        let month = (b[5] - b'0') * 10 + (b[6] - b'0');
        return YearMonth::new(year, month).ok();
    }
    text.get(..10).and_then(parse_month)
}

/// The keys of a Tags object, without building its values.
fn tag_keys(tags: &str) -> Vec<String> {
    serde_json::from_str::<BTreeMap<String, serde::de::IgnoredAny>>(tags)
        .map(|m| m.into_keys().collect())
        .unwrap_or_default()
}

/// The value of `key` in a Tags object (a JSON object); other values are
/// skipped, not built. A value that is not text is its JSON.
fn tag_value<'a>(tags: &'a str, key: &str) -> Option<std::borrow::Cow<'a, str>> {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
    use std::borrow::Cow;
    struct Find<'k>(&'k str);
    impl<'de> Visitor<'de> for Find<'_> {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                if found.is_none() && k == self.0 {
                    let value: serde_json::Value = map.next_value()?;
                    found = match value {
                        serde_json::Value::String(v) => Some(Cow::Owned(v)),
                        serde_json::Value::Null => None,
                        other => Some(Cow::Owned(other.to_string())),
                    };
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(found)
        }
    }
    let mut de = serde_json::Deserializer::from_str(tags);
    de.deserialize_map(Find(key)).ok().flatten()
}

/// `value` rounded half away from zero to `exponent` decimals.
fn round(value: Decimal, exponent: u32) -> Decimal {
    value.round_dp_with_strategy(exponent, RoundingStrategy::MidpointAwayFromZero)
}

/// A FOCUS number: a plain decimal (`-12.5`, `0.000123`) or scientific
/// notation as some exports write small costs (`1.2E-5`).
fn parse_number(text: &str) -> Option<Decimal> {
    Decimal::from_str(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
}

/// The plan's cloud lines started from a bill: each category's cost in the
/// bill's last full month becomes the on-demand baseline of the scenario's
/// line of that category (the first one; a new line named after the
/// category when there is none). Returns how many lines were set.
pub fn start_cloud_lines(
    scenario: &mut crate::model::Scenario,
    preview: &FocusPreview,
    name_of: impl Fn(CloudCategory) -> String,
) -> usize {
    let mut set = 0;
    for (category, amount) in &preview.last_full_month_by_category {
        if amount.is_sign_negative() {
            continue;
        }
        match scenario
            .cloud
            .lines
            .iter_mut()
            .find(|l| l.category == *category && l.currency.is_none())
        {
            Some(line) => line.on_demand_monthly = *amount,
            None => scenario.cloud.lines.push(crate::model::CloudLine {
                name: name_of(*category),
                category: *category,
                on_demand_monthly: *amount,
                currency: None,
                monthly_growth_pct: Decimal::ZERO,
                commitment: None,
                savings: Vec::new(),
                one_offs: Vec::new(),
            }),
        }
        set += 1;
    }
    set
}
