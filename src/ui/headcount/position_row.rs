//! One editable row of the roster: every field of a position, its band fit,
//! and duplicate / delete.
//!
//! Each field commits through [`PlanState::try_edit_scenario`] with its
//! path (`positions[3].fte`), so the engine's validation decides and its
//! message shows beside the field. The row has a fixed height (messages float
//! below the cell) because the roster is virtualised.

use std::rc::Rc;

use leptos::prelude::*;

use super::allowance_editor::allowances_cell;
use crate::format::input::{parse_number, parse_optional_amount, parse_optional_percent};
use crate::i18n::common::{self, Common};
use crate::i18n::fields::{FieldText, input_error};
use crate::i18n::roster::{self as texts, RosterText};
use crate::i18n::{format, t};
use crate::model::bands::{BandFit, band_check};
use crate::model::grades::starting_grades;
use crate::model::{Date, Employment, Position, PositionStatus};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::grid_cell::{CellCommit, RowError, check_cell, select_cell, text_cell};

/// An edit of a position, from the typed text and the currency's decimals.
type PositionEdit = Box<dyn FnOnce(&mut Position)>;
/// Turns typed text into a [`PositionEdit`] or a message.
type Parse = fn(&str, u32) -> Result<PositionEdit, String>;

/// A deleted position, named in the "Deleted … Undo" bar while its delete
/// is the edit an undo would take back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub position: Position,
    /// The delete's id in the undo history.
    pub edit: Option<u64>,
}

/// What the rows share with the roster.
#[derive(Clone, Copy)]
pub struct RosterContext {
    /// The last delete, until it is undone, dismissed or replaced.
    pub deleted: RwSignal<Option<Deleted>>,
    /// Team names, for the team select.
    pub teams: Memo<Vec<(String, String)>>,
    /// The ladder, for the level select.
    pub levels: Memo<Vec<(String, String)>>,
}

fn status_options() -> Vec<(String, String)> {
    [
        PositionStatus::Filled,
        PositionStatus::Open,
        PositionStatus::Planned,
    ]
    .into_iter()
    .map(|s| (s.as_str().to_string(), texts::status_choice(s).to_string()))
    .collect()
}

/// How a position's pay is stated: by the year or by the month (月給).
fn basis_options() -> Vec<(String, String)> {
    vec![
        ("annual".into(), t(RosterText::PerYear).into()),
        ("monthly".into(), t(RosterText::PerMonth).into()),
    ]
}

fn employment_options() -> Vec<(String, String)> {
    vec![
        (
            "employee".into(),
            common::employment(Employment::Employee).into(),
        ),
        (
            "contractor".into(),
            common::employment(Employment::Contractor).into(),
        ),
    ]
}

#[component]
pub fn PositionRow(id: String) -> impl IntoView {
    let state = PlanState::expect();
    let roster = expect_context::<RosterContext>();
    // The position and its index (for field paths); `None` once deleted.
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .with_scenario(|s| {
                    s.positions
                        .iter()
                        .position(|p| p.id == id)
                        .map(|i| (i, s.positions[i].clone()))
                })
                .flatten()
        })
    };
    let text = move |f: fn(&Position) -> String| {
        Signal::derive(move || row.with(|r| r.as_ref().map(|(_, p)| f(p)).unwrap_or_default()))
    };
    // Applies `apply` to this position if validation finds nothing wrong at
    // `positions[i].<field>`.
    let edit = move |field: &str, apply: Box<dyn FnOnce(&mut Position)>| {
        let Some(index) = row.with_untracked(|r| r.as_ref().map(|(i, _)| *i)) else {
            return Err(t(RosterText::PositionGone).to_string());
        };
        state.try_edit_position(index, field, apply)
    };
    let commit = move |field: &'static str, parse: Parse| -> CellCommit {
        Rc::new(move |typed: &str| {
            let apply = parse(typed, state.currency.get_untracked().exponent())?;
            edit(field, apply)
        })
    };

    let title = commit("title", |t, _| {
        let t = t.trim().to_string();
        if t.is_empty() {
            return Err(self::t(RosterText::TitleMissing).into());
        }
        Ok(Box::new(move |p| p.title = t))
    });
    let team = commit("team", |t, _| {
        let t = t.to_string();
        Ok(Box::new(move |p| p.team = t))
    });
    let level = commit("level", |t, _| {
        let t = t.to_string();
        Ok(Box::new(move |p| p.level = t))
    });
    let status = commit("status", |t, _| {
        let status = match t {
            "open" => PositionStatus::Open,
            "planned" => PositionStatus::Planned,
            _ => PositionStatus::Filled,
        };
        Ok(Box::new(move |p| p.status = status))
    });
    let employment = commit("employment", |t, _| {
        let employment = if t == "contractor" {
            Employment::Contractor
        } else {
            Employment::Employee
        };
        Ok(Box::new(move |p| p.employment = employment))
    });
    // The pay as HR states it: by the year (the annual base, or none: the
    // band's midpoint) or by the month (月給). The plan keeps the form
    // entered. A choice of the other form that cannot restate the amount
    // exactly (¥7,000,000 is not twelve whole-yen months) is held here
    // until an amount is typed in it.
    let chosen = RwSignal::new(None::<bool>);
    let stated_monthly =
        move || row.with(|r| r.as_ref().is_some_and(|(_, p)| p.monthly_base.is_some()));
    let by_month = move || chosen.get().unwrap_or_else(stated_monthly);
    let salary: CellCommit = Rc::new(move |typed: &str| {
        let exponent = state.currency.get_untracked().exponent();
        let amount = parse_optional_amount(typed, exponent).map_err(|e| input_error(&e))?;
        let monthly = untrack(by_month);
        let (field, apply): (&str, PositionEdit) = match amount {
            Some(a) if monthly => ("monthly_base", Box::new(move |p| p.set_monthly_base(a))),
            Some(a) => ("annual_base", Box::new(move |p| p.set_annual_base(Some(a)))),
            // Empty: the band's midpoint, whichever way the pay was stated.
            None => ("annual_base", Box::new(|p| p.set_annual_base(None))),
        };
        edit(field, apply)?;
        chosen.set(None);
        Ok(())
    });
    let basis: CellCommit = Rc::new(move |value: &str| {
        let monthly = value == "monthly";
        let exponent = state.currency.get_untracked().exponent();
        let restates = row.with_untracked(|r| {
            r.as_ref().is_some_and(|(_, p)| {
                let stated = p.annual_base.is_some() || p.monthly_base.is_some();
                stated && p.clone().restate_base(monthly, exponent)
            })
        });
        if restates {
            let field = if monthly {
                "monthly_base"
            } else {
                "annual_base"
            };
            edit(
                field,
                Box::new(move |p| {
                    p.restate_base(monthly, exponent);
                }),
            )?;
            chosen.set(None);
        } else {
            chosen.set(Some(monthly));
        }
        Ok(())
    });
    let fte = commit("fte", |t, _| {
        let fte = parse_number(t).map_err(|e| input_error(&e))?;
        Ok(Box::new(move |p| p.fte = fte))
    });
    let start = commit("start", |t, _| {
        let date: Date = t
            .parse()
            .map_err(|_| self::t(RosterText::StartFormat).to_string())?;
        Ok(Box::new(move |p| p.start = date))
    });
    let end = commit("end", |t, _| {
        let date = if t.trim().is_empty() {
            None
        } else {
            Some(
                t.parse::<Date>()
                    .map_err(|_| self::t(RosterText::EndFormat).to_string())?,
            )
        };
        Ok(Box::new(move |p| p.end = date))
    });
    let location = commit("location", |t, _| {
        let t = t.trim();
        let location = (!t.is_empty()).then(|| t.to_string());
        Ok(Box::new(move |p| p.location = location))
    });
    let fee = commit("recruiting_fee_pct", |t, _| {
        let pct = parse_optional_percent(t).map_err(|e| input_error(&e))?;
        Ok(Box::new(move |p| p.recruiting_fee_pct = pct))
    });
    let age: Rc<dyn Fn(bool) -> Result<(), String>> = Rc::new(move |checked| {
        edit(
            "age_dependent_burden",
            Box::new(move |p| p.age_dependent_burden = checked),
        )
    });

    // The salary as typed (`6,000,000`, no currency symbol): the cell is
    // an input, so its value stays parseable.
    let salary_text = Signal::derive(move || {
        let monthly = by_month();
        row.with(|r| {
            r.as_ref()
                .and_then(|(_, p)| {
                    if monthly {
                        p.monthly_base
                    } else {
                        p.annual_base
                    }
                })
                .map(|a| format::plain_amount(a, state.currency.get()))
                .unwrap_or_default()
        })
    });
    let band = Memo::new(move |_| {
        row.with(|r| {
            r.as_ref()
                .and_then(|(_, p)| state.with_scenario(|s| band_check(s, p)))
        })
    });
    let midpoint_hint = move || {
        let monthly = by_month();
        // The pay stated the other way, while the other form is chosen.
        let other = row.with(|r| {
            r.as_ref().and_then(|(_, p)| {
                if monthly {
                    p.annual_base
                } else {
                    p.monthly_base
                }
            })
        });
        if let Some(amount) = other {
            let amount = format::plain_amount(amount, state.currency.get());
            return Some(texts::stated_otherwise(&amount, !monthly));
        }
        band.with(|b| match b {
            Some(check) if check.fit != BandFit::NoBand => check.salary.map(|s| {
                let mid = format::plain_amount(s, state.currency.get());
                if monthly {
                    texts::band_midpoint_yearly(&mid)
                } else {
                    texts::band_midpoint(&mid)
                }
            }),
            _ => Some(t(RosterText::NoBand).to_string()),
        })
    };
    let basis_value =
        Signal::derive(move || if by_month() { "monthly" } else { "annual" }.to_string());
    // Graded mode: the social-insurance grades the position starts on.
    let grades = Memo::new(move |_| {
        row.with(|r| {
            r.as_ref()
                .and_then(|(_, p)| state.with_scenario(|s| starting_grades(s, p)))
        })
    });
    let grades_cell = move || {
        grades.get().and_then(|(health, pension)| {
            (health.is_some() || pension.is_some()).then(|| {
                let (short, title) = texts::starting_grades(health, pension);
                view! { <span class="grades" data-testid="grades" title=title>{short}</span> }
            })
        })
    };
    let band_cell = move || {
        band.with(|b| {
            let check = b.as_ref()?;
            let ratio = check.compa_ratio?;
            let (class, mark) = match check.fit {
                BandFit::Below => ("band-flag below", " ▼"),
                BandFit::Above => ("band-flag above", " ▲"),
                _ => ("band-flag", ""),
            };
            Some(view! {
                <span class=class title=texts::compa_ratio_title(&ratio.to_string(), check.fit)>
                    {ratio.to_string()}{mark}
                </span>
            })
        })
    };

    let duplicate = {
        let id = id.clone();
        move |_| {
            state.edit_scenario(|s| {
                s.duplicate_position(&id);
            })
        }
    };
    let delete = move |_| {
        let Some((index, position)) = row.get_untracked() else {
            return;
        };
        state.edit_scenario(|s| {
            s.positions.remove(index);
        });
        roster.deleted.set(Some(Deleted {
            position,
            edit: state.last_edit.get_untracked(),
        }));
    };
    let error: RowError = RwSignal::new(None);
    let message = move || {
        error.get().map(|(_, m)| {
            view! {
                <div class="row-error field-error" role="alert">{m}<span class="unsaved">{t(FieldText::NotSaved)}</span></div>
            }
        })
    };
    let label = move || row.with(|r| r.as_ref().map(|(_, p)| p.title.clone()).unwrap_or_default());
    let fte_text = text(|p| p.fte.normalize().to_string());
    // Read once: the roster rebuilds its rows when the lock changes.
    let row_locked = untrack(|| state.locked());

    view! {
        <tr data-testid="position-row" data-id=id.clone()>
            <td class="cell-id muted" title=id.clone()>{id.clone()}</td>
            <td>{text_cell("title", t(Common::Title), "text", false, text(|p| p.title.clone()), None, error, title)}</td>
            <td>{select_cell("team", t(Common::Team), text(|p| p.team.clone()), roster.teams.into(), error, team)}</td>
            <td>{select_cell("level", t(Common::Level), text(|p| p.level.clone()), roster.levels.into(), error, level)}</td>
            <td>{select_cell("status", t(Common::Status), text(|p| p.status.as_str().to_string()), Signal::stored(status_options()), error, status)}</td>
            <td>{select_cell("employment", t(Common::Employment), text(|p| match p.employment { Employment::Employee => "employee".into(), Employment::Contractor => "contractor".into() }), Signal::stored(employment_options()), error, employment)}</td>
            <td>
                <div class="salary-cell">
                    {text_cell("salary", t(RosterText::BasePay), "text", true, salary_text, Some(Signal::derive(midpoint_hint)), error, salary)}
                    {select_cell("salary_basis", t(RosterText::PayStated), basis_value, Signal::stored(basis_options()), error, basis)}
                </div>
            </td>
            <td>{allowances_cell(id.clone(), row)}</td>
            <td>{text_cell("fte", t(Common::Fte), "text", true, fte_text, None, error, fte)}</td>
            <td>{text_cell("start", t(RosterText::StartDate), "text", false, text(|p| p.start.to_string()), None, error, start)}</td>
            <td>{text_cell("end", t(RosterText::EndDate), "text", false, text(|p| p.end.map(|d| d.to_string()).unwrap_or_default()), Some(Signal::stored(Some(t(RosterText::OpenEnded).to_string()))), error, end)}</td>
            <td>{text_cell("location", t(Common::Location), "text", false, text(|p| p.location.clone().unwrap_or_default()), None, error, location)}</td>
            <td>{text_cell("fee", t(RosterText::FeeLabel), "text", true, text(|p| p.recruiting_fee_pct.map(|d| d.normalize().to_string()).unwrap_or_default()), Some(Signal::stored(Some(t(RosterText::Default).to_string()))), error, fee)}</td>
            <td class="cell-center">{check_cell("age", t(RosterText::AgeLabel), Signal::derive(move || row.with(|r| r.as_ref().is_some_and(|(_, p)| p.age_dependent_burden))), error, age)}</td>
            <td class="num cell-band" data-testid="band-fit">{band_cell}{grades_cell}</td>
            <td class="actions">
                <button type="button" class="button-quiet" data-testid="duplicate-position" disabled=row_locked
                    aria-label=move || texts::duplicate_position(&label()) title=t(Common::Duplicate) on:click=duplicate>
                    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="icon"><rect x="5" y="5" width="9" height="9" rx="1.5"/><path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5"/></svg>
                </button>
                <button type="button" class="button-quiet button-danger" data-testid="delete-position" disabled=row_locked
                    aria-label=move || texts::delete_position(&label()) title=t(Common::Delete) on:click=delete>
                    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="icon"><path d="M3 4h10M6.5 4V2.5h3V4M4.5 4l.7 9.5h5.6l.7-9.5"/></svg>
                </button>
                {message}
            </td>
        </tr>
    }
}
