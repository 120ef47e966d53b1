//! The ledger: one row per month, source (position or line), category and
//! component, and the sinks the engine hands rows to.
//!
//! The engine never builds the whole ledger unless asked: it calls
//! [`LedgerSink::row`] for each row, and a sink keeps what it needs (totals
//! in [`ScenarioForecast`](super::ScenarioForecast), every row in a `Vec`).

/// What a cost is for. Every ledger row has exactly one category. Written
/// in plan files as its [`as_str`](Category::as_str) key (actuals).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Base,
    Bonus,
    Burden,
    /// Per-head costs: benefits, DC pension, welfare (福利厚生費).
    Benefits,
    Recruiting,
    Tools,
    Equipment,
    Training,
    Other,
    Cloud,
}

/// How many categories there are.
pub const CATEGORY_COUNT: usize = 10;

impl Category {
    /// Every category, in the order of [`index`](Self::index).
    pub const ALL: [Category; CATEGORY_COUNT] = [
        Self::Base,
        Self::Bonus,
        Self::Burden,
        Self::Benefits,
        Self::Recruiting,
        Self::Tools,
        Self::Equipment,
        Self::Training,
        Self::Other,
        Self::Cloud,
    ];

    /// Position in [`ALL`](Self::ALL), for arrays of totals.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The category whose [`as_str`](Self::as_str) key is `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == key)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Base => "base",
            Self::Bonus => "bonus",
            Self::Burden => "burden",
            Self::Benefits => "benefits",
            Self::Recruiting => "recruiting",
            Self::Tools => "tools",
            Self::Equipment => "equipment",
            Self::Training => "training",
            Self::Other => "other",
            Self::Cloud => "cloud",
        }
    }
}

/// Where a row comes from; indexes are into the scenario's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Position(u32),
    OtherCost(u32),
    CloudLine(u32),
}

/// Which rule inside a category produced a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    /// The category's only rule (base pay, bonus, tools, training, ...).
    Main,
    /// Burden component `n` of the scenario's `people.burden`.
    Burden(u16),
    /// The agency fee booked in a hire's start month.
    HireFee,
    /// The per-hire onboarding cost.
    Onboarding,
    /// The expected recruiting fee of backfilling attrition.
    BackfillFee,
    /// Per-engineer cloud cost (development environments, CI).
    DevEnvironments,
    /// One-off `n` of a cloud line.
    OneOff(u16),
    /// Fixed allowance `n` of the position (category base).
    Allowance(u16),
    /// Per-head cost `n` of the scenario's `people.per_head` (category benefits).
    PerHead(u16),
}

/// One amount of the ledger, in minor units of the plan's currency.
///
/// 40 bytes (checked by a test): the ledger export keeps every row of a
/// window of months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LedgerRow {
    /// Month of the horizon, 0 for its first month.
    pub month: u16,
    /// Index into the scenario's teams; `None` for costs of no team.
    pub team: Option<u32>,
    pub source: Source,
    pub category: Category,
    pub component: Component,
    pub amount_minor: i64,
    /// The amount in the currency the cost is stated in, for a row
    /// converted from another currency (see [`Foreign`]).
    pub foreign: Foreign,
}

/// A converted row's amount before conversion: exact in minor units of
/// its currency, which is the `index`-th of the scenario's rate paths
/// ([`RatePaths::currencies`](super::fx::RatePaths::currencies)). The rate is
/// the path's rate in the row's month. Packed (9 bytes, no `Option`) so a
/// row is 40 bytes rather than 48: the ledger of a large plan is millions
/// of rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C, packed)]
pub struct Foreign {
    /// 1 + the currency's index in the rate paths; 0 for the plan's currency.
    pub currency: u8,
    pub amount_minor: i64,
}

impl Foreign {
    /// A row in the plan's own currency.
    pub const NONE: Foreign = Foreign {
        currency: 0,
        amount_minor: 0,
    };

    /// `amount_minor` of the `index`-th currency of the rate paths
    /// (`NONE` past the 255th, which no plan has).
    pub fn of(index: usize, amount_minor: i64) -> Foreign {
        match u8::try_from(index + 1) {
            Ok(currency) => Foreign {
                currency,
                amount_minor,
            },
            Err(_) => Self::NONE,
        }
    }

    /// The currency's index in the rate paths and the amount, if converted.
    pub fn get(self) -> Option<(usize, i64)> {
        let (currency, amount) = (self.currency, self.amount_minor);
        (currency > 0).then(|| (usize::from(currency - 1), amount))
    }

    /// The same amount with the opposite sign.
    pub fn negated(self) -> Foreign {
        let amount = self.amount_minor;
        Foreign {
            amount_minor: -amount,
            ..self
        }
    }
}

/// A position's presence in one month: what headcount is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activity {
    pub month: u16,
    pub team: u32,
    pub position: u32,
    /// Days worked in the month (start and end inclusive), 1 to 31.
    pub days_active: u8,
    pub days_in_month: u8,
    /// FTE in millionths: 1 FTE is 1,000,000.
    pub fte_micro: i64,
    /// Active on the month's last day: counted in the month's headcount.
    pub on_last_day: bool,
    /// An open or planned position starting this month.
    pub hire: bool,
    /// The position's end date falls in this month.
    pub departure: bool,
}

/// Receives the ledger as the engine computes it.
pub trait LedgerSink {
    fn row(&mut self, row: &LedgerRow);

    /// Called once per position and month in which it is active.
    fn activity(&mut self, _activity: &Activity) {}

    /// Whether the engine should call [`row`](Self::row) for the rows of
    /// positions. A sink that only keeps totals answers `false` and receives
    /// each position-month's rows summed per category through
    /// [`position_month`](Self::position_month) instead: the same amounts,
    /// added up before they arrive (lines always come as rows).
    fn wants_position_rows(&self) -> bool {
        true
    }

    /// The sum per category ([`Category::ALL`] order) of one position's rows
    /// in one month. Called for every active position-month, whatever
    /// [`wants_position_rows`](Self::wants_position_rows) says.
    fn position_month(&mut self, _month: u16, _team: u32, _by_category: &[i128; CATEGORY_COUNT]) {}
}

impl LedgerSink for Vec<LedgerRow> {
    fn row(&mut self, row: &LedgerRow) {
        self.push(*row);
    }
}

impl<S: LedgerSink + ?Sized> LedgerSink for &mut S {
    fn row(&mut self, row: &LedgerRow) {
        (**self).row(row);
    }

    fn activity(&mut self, activity: &Activity) {
        (**self).activity(activity);
    }

    fn wants_position_rows(&self) -> bool {
        (**self).wants_position_rows()
    }

    fn position_month(&mut self, month: u16, team: u32, by_category: &[i128; CATEGORY_COUNT]) {
        (**self).position_month(month, team, by_category);
    }
}

/// Keeps every row and every activity: for tests, export and explanations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerCollector {
    pub rows: Vec<LedgerRow>,
    pub activities: Vec<Activity>,
}

impl LedgerSink for LedgerCollector {
    fn row(&mut self, row: &LedgerRow) {
        self.rows.push(*row);
    }

    fn activity(&mut self, activity: &Activity) {
        self.activities.push(*activity);
    }
}

/// Hands everything to two sinks.
pub struct Both<'a, A: ?Sized, B: ?Sized>(pub &'a mut A, pub &'a mut B);

impl<A: LedgerSink + ?Sized, B: LedgerSink + ?Sized> LedgerSink for Both<'_, A, B> {
    fn row(&mut self, row: &LedgerRow) {
        // A side that takes positions as position-months gets them only so.
        let position = matches!(row.source, Source::Position(_));
        if !position || self.0.wants_position_rows() {
            self.0.row(row);
        }
        if !position || self.1.wants_position_rows() {
            self.1.row(row);
        }
    }

    fn activity(&mut self, activity: &Activity) {
        self.0.activity(activity);
        self.1.activity(activity);
    }

    /// Rows always flow: one side may need them.
    fn wants_position_rows(&self) -> bool {
        true
    }

    fn position_month(&mut self, month: u16, team: u32, by_category: &[i128; CATEGORY_COUNT]) {
        self.0.position_month(month, team, by_category);
        self.1.position_month(month, team, by_category);
    }
}

/// A short human label of a row's component: the burden component's name,
/// "agency fee", "one-off: migration", or "" for a category's only rule.
pub fn component_label(scenario: &super::Scenario, row: &LedgerRow) -> String {
    match row.component {
        Component::Main => String::new(),
        Component::Burden(c) => scenario
            .people
            .burden
            .get(usize::from(c))
            .map_or_else(|| format!("burden {c}"), |b| b.name.clone()),
        Component::HireFee => "agency fee".to_string(),
        Component::Onboarding => "onboarding".to_string(),
        Component::BackfillFee => "expected backfill fee".to_string(),
        Component::DevEnvironments => "development environments".to_string(),
        Component::Allowance(i) => match row.source {
            Source::Position(p) => scenario
                .positions
                .get(p as usize)
                .and_then(|p| p.allowances.get(usize::from(i)))
                .map_or_else(|| format!("allowance {i}"), |a| a.name.clone()),
            _ => format!("allowance {i}"),
        },
        Component::PerHead(i) => scenario
            .people
            .per_head
            .get(usize::from(i))
            .map_or_else(|| format!("per head {i}"), |c| c.name.clone()),
        Component::OneOff(i) => {
            let note = match row.source {
                Source::CloudLine(l) => scenario
                    .cloud
                    .lines
                    .get(l as usize)
                    .and_then(|line| line.one_offs.get(usize::from(i)))
                    .map(|o| o.note.trim().to_string())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            if note.is_empty() {
                "one-off".to_string()
            } else {
                format!("one-off: {note}")
            }
        }
    }
}

/// The id and name of a row's source: a position's id and title, or a
/// line's name twice.
pub fn source_label(scenario: &super::Scenario, source: Source) -> (&'static str, String, String) {
    match source {
        Source::Position(p) => scenario.positions.get(p as usize).map_or_else(
            || ("position", String::new(), String::new()),
            |pos| ("position", pos.id.clone(), pos.title.clone()),
        ),
        Source::OtherCost(o) => (
            "other_cost",
            String::new(),
            scenario
                .other_costs
                .get(o as usize)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
        ),
        Source::CloudLine(l) => (
            "cloud_line",
            String::new(),
            scenario
                .cloud
                .lines
                .get(l as usize)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_stays_forty_bytes() {
        // The ledger export holds a window of a million rows.
        assert_eq!(std::mem::size_of::<LedgerRow>(), 40);
    }

    #[test]
    fn a_foreign_amount_knows_its_currency_and_sign() {
        assert_eq!(Foreign::NONE.get(), None);
        let f = Foreign::of(0, 2_100);
        assert_eq!(f.get(), Some((0, 2_100)));
        assert_eq!(f.negated().get(), Some((0, -2_100)));
        assert_eq!(Foreign::of(1, -5).get(), Some((1, -5)));
        assert_eq!(Foreign::of(255, 1), Foreign::NONE);
    }
}
