//! Undo and redo: what each edit of the plan replaced, kept in two stacks.
//!
//! An edit of one position keeps only that position's old value (the hot
//! path of the roster); every other edit keeps the whole plan it replaced,
//! which the edit had moved out anyway. Undoing swaps the kept value with the
//! current one, so the step's inverse is what redo needs.

use std::collections::VecDeque;

use crate::model::{Plan, Position};

/// The most steps kept, undo and redo together.
pub const MAX_STEPS: usize = 100;

/// The most positions the kept steps may hold, undo and redo together: a
/// whole-plan step holds every position of every scenario, a one-position
/// step one. A 5,000-position plan with 3 scenarios (15,000 positions, a few
/// MB in memory each) keeps its 13 latest whole-plan steps; a small plan its
/// 100 latest steps of any kind. The newest step is always kept, however
/// large.
pub const MAX_POSITIONS: usize = 200_000;

/// What an edit replaced, and so what undoing it puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// One position of a scenario, as it was.
    Position {
        scenario: usize,
        index: usize,
        position: Box<Position>,
    },
    /// The whole plan, as it was.
    Plan(Box<Plan>),
}

/// How much of the memory bound a step uses.
pub trait Weight {
    /// Positions held (at least 1, so every step counts).
    fn weight(&self) -> usize;
}

impl Weight for Change {
    fn weight(&self) -> usize {
        match self {
            Change::Position { .. } => 1,
            Change::Plan(plan) => {
                1 + plan
                    .scenarios
                    .iter()
                    .map(|s| s.positions.len())
                    .sum::<usize>()
            }
        }
    }
}

/// One step: an id that stays with it across undo and redo (so a view can
/// tell whether "its" edit is the one an undo would take back), the change
/// and its weight.
#[derive(Debug)]
pub struct Step<E> {
    pub id: u64,
    pub change: E,
    weight: usize,
}

/// The undo and redo stacks, bounded by [`MAX_STEPS`] and [`MAX_POSITIONS`]:
/// beyond them the oldest undo steps go first, then the redo steps farthest
/// from the present.
#[derive(Debug)]
pub struct History<E> {
    /// Oldest first; the back is undone next.
    undo: VecDeque<Step<E>>,
    /// Farthest first; the back is redone next.
    redo: VecDeque<Step<E>>,
    /// The weight of every step in both stacks.
    weight: usize,
    next_id: u64,
}

impl<E> Default for History<E> {
    fn default() -> Self {
        Self {
            undo: VecDeque::new(),
            redo: VecDeque::new(),
            weight: 0,
            next_id: 1,
        }
    }
}

impl<E: Weight> History<E> {
    /// Keeps what a new edit replaced; the redo steps no longer apply.
    /// Returns the step's id.
    pub fn record(&mut self, change: E) -> u64 {
        self.redo.clear();
        self.weight = self.undo.iter().map(|s| s.weight).sum();
        let id = self.next_id;
        self.next_id += 1;
        self.push(Side::Undo, id, change);
        id
    }

    /// Takes the step to undo; give its inverse to [`undone`](Self::undone).
    pub fn take_undo(&mut self) -> Option<Step<E>> {
        self.take(Side::Undo)
    }

    /// Keeps the inverse of the step just undone, for redo.
    pub fn undone(&mut self, id: u64, inverse: E) {
        self.push(Side::Redo, id, inverse);
    }

    /// Takes the step to redo; give its inverse to [`redone`](Self::redone).
    pub fn take_redo(&mut self) -> Option<Step<E>> {
        self.take(Side::Redo)
    }

    /// Keeps the inverse of the step just redone, for undo.
    pub fn redone(&mut self, id: u64, inverse: E) {
        self.push(Side::Undo, id, inverse);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The id of the step an undo would take back.
    pub fn last_id(&self) -> Option<u64> {
        self.undo.back().map(|s| s.id)
    }

    /// Forgets every step (another plan was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.weight = 0;
    }

    /// Steps kept, undo and redo together.
    pub fn len(&self) -> usize {
        self.undo.len() + self.redo.len()
    }

    /// Positions held by the kept steps.
    #[cfg(test)]
    pub fn weight(&self) -> usize {
        self.weight
    }

    fn take(&mut self, side: Side) -> Option<Step<E>> {
        let step = self.stack(side).pop_back()?;
        self.weight -= step.weight;
        Some(step)
    }

    fn push(&mut self, side: Side, id: u64, change: E) {
        let weight = change.weight();
        self.weight += weight;
        self.stack(side).push_back(Step { id, change, weight });
        self.trim(side);
    }

    /// Drops the oldest undo steps, then the farthest redo steps, until the
    /// bounds hold, keeping the step just pushed on `newest`.
    fn trim(&mut self, newest: Side) {
        while self.len() > MAX_STEPS || self.weight > MAX_POSITIONS {
            let keep_undo = usize::from(newest == Side::Undo);
            let dropped = if self.undo.len() > keep_undo {
                self.undo.pop_front()
            } else if self.redo.len() > 1 - keep_undo {
                self.redo.pop_front()
            } else {
                None
            };
            match dropped {
                Some(step) => self.weight -= step.weight,
                None => break,
            }
        }
    }

    fn stack(&mut self, side: Side) -> &mut VecDeque<Step<E>> {
        match side {
            Side::Undo => &mut self.undo,
            Side::Redo => &mut self.redo,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Undo,
    Redo,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step that holds `.0` positions, named by `.1`.
    #[derive(Debug, PartialEq)]
    struct Held(usize, &'static str);

    impl Weight for Held {
        fn weight(&self) -> usize {
            self.0
        }
    }

    fn undo(h: &mut History<Held>) -> Option<&'static str> {
        let step = h.take_undo()?;
        let name = step.change.1;
        h.undone(step.id, step.change);
        Some(name)
    }

    fn redo(h: &mut History<Held>) -> Option<&'static str> {
        let step = h.take_redo()?;
        let name = step.change.1;
        h.redone(step.id, step.change);
        Some(name)
    }

    #[test]
    fn undo_and_redo_walk_the_steps_in_order() {
        let mut h = History::default();
        assert!(!h.can_undo() && !h.can_redo());
        let a = h.record(Held(1, "a"));
        let b = h.record(Held(1, "b"));
        assert_ne!(a, b);
        assert_eq!(h.last_id(), Some(b));
        assert_eq!(undo(&mut h), Some("b"));
        assert_eq!(h.last_id(), Some(a));
        assert!(h.can_redo());
        assert_eq!(undo(&mut h), Some("a"));
        assert_eq!(undo(&mut h), None);
        assert!(!h.can_undo());
        assert_eq!(redo(&mut h), Some("a"));
        assert_eq!(redo(&mut h), Some("b"));
        assert_eq!(redo(&mut h), None);
        // The id stays with its step.
        assert_eq!(h.last_id(), Some(b));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record(Held(5, "a"));
        h.record(Held(7, "b"));
        undo(&mut h);
        assert!(h.can_redo());
        h.record(Held(1, "c"));
        assert!(!h.can_redo());
        assert_eq!(h.weight(), 6);
        assert_eq!(undo(&mut h), Some("c"));
        assert_eq!(undo(&mut h), Some("a"));
    }

    #[test]
    fn at_most_max_steps_are_kept_and_the_oldest_go() {
        let mut h = History::default();
        for _ in 0..MAX_STEPS + 20 {
            h.record(Held(1, "x"));
        }
        h.record(Held(1, "last"));
        assert_eq!(h.len(), MAX_STEPS);
        assert_eq!(h.weight(), MAX_STEPS);
        assert_eq!(undo(&mut h), Some("last"));
        let mut undone = 1;
        while undo(&mut h).is_some() {
            undone += 1;
        }
        assert_eq!(undone, MAX_STEPS);
    }

    #[test]
    fn large_snapshots_are_bounded_by_the_positions_they_hold() {
        let mut h = History::default();
        let plan = 15_001; // 5,000 positions × 3 scenarios, plus one
        for _ in 0..20 {
            h.record(Held(plan, "plan"));
        }
        assert_eq!(h.len(), MAX_POSITIONS / plan);
        assert!(h.weight() <= MAX_POSITIONS);
        // Another snapshot pushes out the oldest; a one-position step fits.
        h.record(Held(plan, "plan"));
        assert_eq!(h.len(), MAX_POSITIONS / plan);
        h.record(Held(1, "position"));
        assert_eq!(h.len(), MAX_POSITIONS / plan + 1);
        assert!(h.weight() <= MAX_POSITIONS);
    }

    #[test]
    fn the_newest_step_stays_even_when_it_alone_is_too_large() {
        let mut h = History::default();
        h.record(Held(1, "small"));
        h.record(Held(MAX_POSITIONS + 1, "huge"));
        assert_eq!(h.len(), 1);
        let step = h.take_undo().unwrap();
        assert_eq!(step.change, Held(MAX_POSITIONS + 1, "huge"));
        // Its inverse is kept for redo too.
        h.undone(step.id, Held(MAX_POSITIONS + 2, "huge inverse"));
        assert_eq!(h.len(), 1);
        assert!(h.can_redo());
        assert_eq!(redo(&mut h), Some("huge inverse"));
        assert!(h.can_undo());
    }

    #[test]
    fn an_undo_whose_inverse_is_larger_drops_the_oldest_undo_steps_first() {
        let mut h = History::default();
        h.record(Held(100_000, "old"));
        h.record(Held(50_000, "middle"));
        h.record(Held(1, "empty plan"));
        // Undoing gives back a large plan: its inverse holds it.
        let step = h.take_undo().unwrap();
        h.undone(step.id, Held(100_000, "large"));
        assert_eq!(h.weight(), 150_000);
        assert_eq!(undo(&mut h), Some("middle"));
        assert!(!h.can_undo(), "the oldest step was dropped");
        assert_eq!(redo(&mut h), Some("middle"));
        assert_eq!(redo(&mut h), Some("large"));
    }

    #[test]
    fn clear_forgets_everything() {
        let mut h = History::default();
        h.record(Held(3, "a"));
        h.record(Held(3, "b"));
        undo(&mut h);
        h.clear();
        assert!(!h.can_undo() && !h.can_redo());
        assert_eq!((h.len(), h.weight(), h.last_id()), (0, 0, None));
    }

    #[test]
    fn a_plan_step_weighs_its_positions() {
        let plan = crate::model::generate_plan(40, 12, 2, 1);
        let positions: usize = plan.scenarios.iter().map(|s| s.positions.len()).sum();
        assert!(positions >= 40);
        let position = plan.scenarios[0].positions[0].clone();
        assert_eq!(Change::Plan(Box::new(plan)).weight(), positions + 1);
        let one = Change::Position {
            scenario: 0,
            index: 0,
            position: Box::new(position),
        };
        assert_eq!(one.weight(), 1);
    }
}
