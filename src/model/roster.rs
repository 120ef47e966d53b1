//! Which positions the roster shows, in which order: filters by team, status
//! and level, a text search, and a sort on any column.

use std::cmp::Ordering;

use super::bands::band_check;
use super::plan::{Position, PositionStatus, Scenario};

/// A column the roster can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Plan order (the order positions were added).
    #[default]
    Plan,
    Id,
    Title,
    Team,
    /// Ladder order, lowest level first.
    Level,
    Status,
    Employment,
    /// The annual base in force (own salary or band midpoint).
    Salary,
    Fte,
    Start,
    End,
    Location,
    RecruitingFee,
    CompaRatio,
}

/// What the roster shows.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RosterQuery {
    pub team: Option<String>,
    pub status: Option<PositionStatus>,
    pub level: Option<String>,
    /// Case-insensitive part of the title or id.
    pub text: String,
    pub sort: SortKey,
    pub descending: bool,
}

/// Indexes of the scenario's positions that match the query, in its order.
/// Ties keep plan order, so the order is stable while editing.
pub fn roster_order(scenario: &Scenario, query: &RosterQuery) -> Vec<usize> {
    let needle = query.text.trim().to_lowercase();
    let mut indexes: Vec<usize> = scenario
        .positions
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            query.team.as_ref().is_none_or(|t| &p.team == t)
                && query.status.is_none_or(|s| p.status == s)
                && query.level.as_ref().is_none_or(|l| &p.level == l)
                && (needle.is_empty()
                    || p.title.to_lowercase().contains(&needle)
                    || p.id.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    if query.sort != SortKey::Plan {
        let positions = &scenario.positions;
        indexes.sort_by(|&a, &b| {
            let order = compare(scenario, query.sort, &positions[a], &positions[b]);
            let order = if query.descending {
                order.reverse()
            } else {
                order
            };
            order.then(a.cmp(&b))
        });
    } else if query.descending {
        indexes.reverse();
    }
    indexes
}

/// How many positions each team has, in the scenario's team order.
pub fn positions_per_team(scenario: &Scenario) -> Vec<usize> {
    let mut counts = vec![0; scenario.teams.len()];
    for p in &scenario.positions {
        if let Some(t) = scenario.team_index(&p.team) {
            counts[t] += 1;
        }
    }
    counts
}

fn compare(scenario: &Scenario, key: SortKey, a: &Position, b: &Position) -> Ordering {
    let level_rank = |p: &Position| scenario.levels.iter().position(|l| *l == p.level);
    match key {
        SortKey::Plan => Ordering::Equal,
        SortKey::Id => natural(&a.id, &b.id),
        SortKey::Title => natural(&a.title, &b.title),
        SortKey::Team => natural(&a.team, &b.team),
        SortKey::Level => level_rank(a).cmp(&level_rank(b)),
        SortKey::Status => status_rank(a.status).cmp(&status_rank(b.status)),
        SortKey::Employment => (a.employment as u8).cmp(&(b.employment as u8)),
        SortKey::Salary => scenario.annual_base_of(a).cmp(&scenario.annual_base_of(b)),
        SortKey::Fte => a.fte.cmp(&b.fte),
        SortKey::Start => a.start.cmp(&b.start),
        // Open-ended positions last.
        SortKey::End => match (a.end, b.end) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Location => a.location.cmp(&b.location),
        SortKey::RecruitingFee => a.recruiting_fee_pct.cmp(&b.recruiting_fee_pct),
        SortKey::CompaRatio => band_check(scenario, a)
            .compa_ratio
            .cmp(&band_check(scenario, b).compa_ratio),
    }
}

fn status_rank(status: PositionStatus) -> u8 {
    match status {
        PositionStatus::Filled => 0,
        PositionStatus::Open => 1,
        PositionStatus::Planned => 2,
    }
}

/// Case-insensitive order in which digit runs compare as numbers, so `p9`
/// comes before `p10` and "Engineer 2" before "Engineer 10".
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let run = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                        digits.push(c);
                        it.next();
                    }
                    digits
                };
                let (m, n) = (run(&mut x), run(&mut y));
                let (m, n) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
                let order = m.len().cmp(&n.len()).then_with(|| m.cmp(n));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(c), Some(d)) => {
                let order = c.to_lowercase().cmp(d.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                x.next();
                y.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, SalaryBand};
    use rust_decimal::Decimal;

    fn scenario() -> Scenario {
        let mut s = Scenario::blank("Base");
        let start = Date::new(2026, 4, 1).unwrap();
        for (title, team, salary) in [
            ("Engineer 10", "Platform", 7),
            ("engineer 2", "Product", 5),
            ("Designer", "Product", 6),
            ("SRE", "Platform", 5),
        ] {
            s.add_position(title, team, Decimal::from(salary), start);
        }
        s.positions[1].status = PositionStatus::Open;
        s.positions[2].level = "Senior".into();
        s.positions[3].annual_base = None;
        s.bands.push(SalaryBand {
            level: "Mid".into(),
            location: None,
            min: Decimal::from(4),
            mid: Decimal::from(8),
            max: Decimal::from(9),
        });
        s
    }

    fn order(s: &Scenario, query: RosterQuery) -> Vec<usize> {
        roster_order(s, &query)
    }

    #[test]
    fn filters_combine() {
        let s = scenario();
        let team = |t: &str| Some(t.to_string());
        assert_eq!(order(&s, RosterQuery::default()), [0, 1, 2, 3]);
        let product = RosterQuery {
            team: team("Product"),
            ..Default::default()
        };
        assert_eq!(order(&s, product.clone()), [1, 2]);
        let open = RosterQuery {
            status: Some(PositionStatus::Open),
            ..product
        };
        assert_eq!(order(&s, open), [1]);
        let senior = RosterQuery {
            level: Some("Senior".into()),
            ..Default::default()
        };
        assert_eq!(order(&s, senior), [2]);
        let text = RosterQuery {
            text: " ENGINEER ".into(),
            ..Default::default()
        };
        assert_eq!(order(&s, text), [0, 1]);
        let id = RosterQuery {
            text: "p4".into(),
            ..Default::default()
        };
        assert_eq!(order(&s, id), [3]);
    }

    #[test]
    fn sorts_by_any_column_with_ties_in_plan_order() {
        let s = scenario();
        let by = |sort, descending| RosterQuery {
            sort,
            descending,
            ..Default::default()
        };
        assert_eq!(order(&s, by(SortKey::Title, false)), [2, 1, 0, 3]);
        // Salary in force: p4 has none, so the band midpoint 8.
        assert_eq!(order(&s, by(SortKey::Salary, false)), [1, 2, 0, 3]);
        assert_eq!(order(&s, by(SortKey::Salary, true)), [3, 0, 2, 1]);
        assert_eq!(order(&s, by(SortKey::Team, false)), [0, 3, 1, 2]);
        assert_eq!(order(&s, by(SortKey::Level, true)), [2, 0, 1, 3]);
        assert_eq!(order(&s, by(SortKey::Status, true)), [1, 0, 2, 3]);
        assert_eq!(order(&s, by(SortKey::Plan, true)), [3, 2, 1, 0]);
        // Compa-ratio: Mid band only; Senior has none (sorts first ascending).
        assert_eq!(order(&s, by(SortKey::CompaRatio, false)), [2, 1, 0, 3]);
    }

    #[test]
    fn counts_positions_per_team_in_team_order() {
        let s = scenario();
        assert_eq!(s.teams.len(), 2);
        assert_eq!(positions_per_team(&s), [2, 2]);
        assert_eq!(
            positions_per_team(&Scenario::blank("Empty")),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn natural_order_reads_numbers_as_numbers() {
        assert_eq!(natural("p9", "p10"), Ordering::Less);
        assert_eq!(natural("p010", "p9"), Ordering::Greater);
        assert_eq!(natural("Engineer 2", "engineer 10"), Ordering::Less);
        assert_eq!(natural("b", "A"), Ordering::Greater);
        assert_eq!(natural("a", "a1"), Ordering::Less);
        assert_eq!(natural("x", "x"), Ordering::Equal);
    }
}
