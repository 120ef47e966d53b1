//! The Headcount view: the roster as an editable, filterable, sortable table
//! that renders only the rows in view, with totals per team, bulk actions and
//! undo of the last delete.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::add_position::AddPosition;
use super::allowance_editor::{AllowanceEditing, AllowanceEditor};
use super::bulk_actions::BulkActions;
use super::hiring_plan::HiringPlanGrid;
use super::monthly_cost::MonthlyCost;
use super::position_row::{PositionRow, RosterContext};
use super::team_totals::TeamTotals;
use crate::i18n::common::Common;
use crate::i18n::roster::{self as texts, RosterText};
use crate::i18n::shell::ShellText;
use crate::i18n::{Lang, Text, lang, t};
use crate::model::PositionStatus;
use crate::model::roster::{RosterQuery, SortKey, roster_order};
use crate::ui::frame::state::PlanState;

/// Height of one roster row in pixels (style/main.css keeps rows at it).
const ROW_HEIGHT: i32 = 37;
/// Rows rendered above and below the visible ones, so fast scrolling and
/// Enter to the next row find a row already there.
const OVERSCAN: usize = 6;
/// What the roster's card shows above its scroller (heading, filters) and
/// the least height the scroller may grow to, in pixels: `.roster-scroll`
/// in style/main.css grows to `max(320px, 100vh - 120px)`.
const ROSTER_CHROME: i32 = 120;
const ROSTER_MIN_HEIGHT: i32 = 320;

/// A column's heading: a shared word or the roster's own.
#[derive(Clone, Copy)]
enum Heading {
    Shared(Common),
    Own(RosterText),
    Blank,
}

impl Heading {
    fn get(self, lang: Lang) -> &'static str {
        match self {
            Heading::Shared(key) => key.get(lang),
            Heading::Own(key) => key.get(lang),
            Heading::Blank => "",
        }
    }
}

/// The columns, their labels and what clicking their heading sorts by.
const COLUMNS: [(Heading, SortKey, bool); 16] = [
    (Heading::Own(RosterText::Id), SortKey::Id, false),
    (Heading::Shared(Common::Title), SortKey::Title, false),
    (Heading::Shared(Common::Team), SortKey::Team, false),
    (Heading::Shared(Common::Level), SortKey::Level, false),
    (Heading::Shared(Common::Status), SortKey::Status, false),
    (
        Heading::Shared(Common::Employment),
        SortKey::Employment,
        false,
    ),
    (Heading::Own(RosterText::BasePay), SortKey::Salary, true),
    (
        Heading::Own(RosterText::AllowancesColumn),
        SortKey::Plan,
        false,
    ),
    (Heading::Shared(Common::Fte), SortKey::Fte, true),
    (Heading::Shared(Common::Start), SortKey::Start, false),
    (Heading::Shared(Common::End), SortKey::End, false),
    (Heading::Shared(Common::Location), SortKey::Location, false),
    (
        Heading::Own(RosterText::FeeColumn),
        SortKey::RecruitingFee,
        true,
    ),
    (Heading::Own(RosterText::AgeColumn), SortKey::Plan, false),
    (
        Heading::Shared(Common::CompaRatio),
        SortKey::CompaRatio,
        true,
    ),
    (Heading::Blank, SortKey::Plan, false),
];

#[component]
pub fn Roster() -> impl IntoView {
    let state = PlanState::expect();
    let query = RwSignal::new(RosterQuery::default());
    let deleted = RwSignal::new(None);
    let teams = Memo::new(move |_| {
        state
            .with_scenario(|s| {
                s.teams
                    .iter()
                    .map(|t| (t.name.clone(), t.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let levels = Memo::new(move |_| {
        state
            .with_scenario(|s| {
                s.levels
                    .iter()
                    .map(|l| (l.clone(), l.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    provide_context(RosterContext {
        deleted,
        teams,
        levels,
    });
    provide_context(AllowanceEditing(RwSignal::new(None)));

    let order = Memo::new(move |_| {
        query.with(|q| {
            state
                .with_scenario(|s| roster_order(s, q))
                .unwrap_or_default()
        })
    });
    let total = Memo::new(move |_| state.with_scenario(|s| s.positions.len()).unwrap_or(0));

    // Virtualisation: only the rows between `first` and `last` exist.
    let scroller = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0i32);
    let viewport = RwSignal::new(600i32);
    let window = Memo::new(move |_| {
        let rows = order.with(Vec::len);
        let first = usize::try_from(scroll_top.get() / ROW_HEIGHT)
            .unwrap_or(0)
            .saturating_sub(OVERSCAN);
        let visible = usize::try_from(viewport.get() / ROW_HEIGHT + 1).unwrap_or(1);
        let first = first.min(rows);
        (first, (first + visible + 2 * OVERSCAN).min(rows), rows)
    });
    let visible_ids = Memo::new(move |_| {
        let (first, last, _) = window.get();
        order.with(|o| {
            state
                .with_scenario(|s| {
                    o.get(first..last)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|&i| s.positions.get(i).map(|p| p.id.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // A row is built for the lock as it is: locking or unlocking the
    // scenario builds the rows in sight again (a row's cells are disabled
    // while it is locked, without a binding per cell).
    let locked = Memo::new(move |_| state.locked());
    let rows = move || {
        let locked = locked.get();
        visible_ids
            .get()
            .into_iter()
            .map(|id| (id, locked))
            .collect::<Vec<_>>()
    };
    let pad_top = move || format!("{}px", window.with(|w| w.0) as i64 * i64::from(ROW_HEIGHT));
    let pad_bottom = move || {
        let (_, last, rows) = window.get();
        format!("{}px", (rows - last) as i64 * i64::from(ROW_HEIGHT))
    };
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(el.scroll_top());
        }
    };
    // The scroller grows with its rows up to the window's height less what
    // sits above it in its card (`max-height` in style/main.css, never below
    // `ROSTER_MIN_HEIGHT`): the rows to render follow from the window's
    // height, read again when it changes (a resize, a zoom). Reading the
    // window's height, unlike the element's, never forces a layout; and
    // while the scroller is lower than that, every row fits and is rendered.
    let fit_window = move || {
        if let Some(height) = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
        {
            viewport.set((height as i32 - ROSTER_CHROME).max(ROSTER_MIN_HEIGHT));
        }
    };
    fit_window();
    let resize = window_event_listener(leptos::ev::resize, move |_| fit_window());
    on_cleanup(move || resize.remove());

    let sort_by = move |key: SortKey| {
        query.update(|q| {
            if q.sort == key {
                q.descending = !q.descending;
            } else {
                q.sort = key;
                q.descending = false;
            }
        });
    };
    let header = COLUMNS
        .into_iter()
        .map(|(heading, key, numeric)| {
            // `data-sort` names the column in English whatever the language;
            // the pay column sorts by the annual salary, however the pay
            // is stated.
            let sort_name = if key == SortKey::Salary {
                Common::Salary.get(Lang::En)
            } else {
                heading.get(Lang::En)
            };
            let label = heading.get(lang());
            let sorted = move || query.with(|q| (q.sort == key && key != SortKey::Plan).then_some(q.descending));
            let aria = move || match sorted() {
                Some(false) => "ascending",
                Some(true) => "descending",
                None => "none",
            };
            if key == SortKey::Plan {
                view! { <th scope="col" class:num=numeric>{label}</th> }.into_any()
            } else {
                view! {
                    <th scope="col" class:num=numeric aria-sort=aria>
                        <button type="button" class="sort" data-sort=sort_name on:click=move |_| sort_by(key)>
                            {label}
                            <span class="sort-mark" aria-hidden="true">
                                {move || match sorted() { Some(false) => "▲", Some(true) => "▼", None => "" }}
                            </span>
                        </button>
                    </th>
                }
                .into_any()
            }
        })
        .collect_view();

    let count = move || texts::positions_shown(order.with(Vec::len), total.get());

    view! {
        <MonthlyCost />
        <TeamTotals />
        <HiringPlanGrid />
        <section class="card" aria-labelledby="roster-title">
            <div class="card-head">
                <h2 id="roster-title">{t(RosterText::Positions)}</h2>
                <span class="muted" data-testid="position-count">{count}</span>
            </div>
            <RosterFilters query=query />
            <UndoDelete />
            <div
                class="roster-scroll"
                node_ref=scroller
                on:scroll=on_scroll
                data-testid="roster-scroll"
            >
                <table class="grid roster-table" data-testid="roster">
                    <colgroup>
                        <col class="c-id" /><col class="c-title" /><col class="c-team" /><col class="c-level" />
                        <col class="c-status" /><col class="c-employment" /><col class="c-salary" /><col class="c-allowances" /><col class="c-fte" />
                        <col class="c-date" /><col class="c-date" /><col class="c-location" /><col class="c-fee" />
                        <col class="c-age" /><col class="c-band" /><col class="c-actions" />
                    </colgroup>
                    <thead><tr>{header}</tr></thead>
                    <tbody on:keydown=move_between_rows>
                        <tr class="spacer" aria-hidden="true"><td colspan="16" style:height=pad_top></td></tr>
                        <For each=rows key=|row| row.clone() let:((id, _))>
                            <PositionRow id=id />
                        </For>
                        <tr class="spacer" aria-hidden="true"><td colspan="16" style:height=pad_bottom></td></tr>
                    </tbody>
                </table>
            </div>
            <Show when=move || total.get() == 0>
                <p class="empty" data-testid="roster-empty">
                    {t(RosterText::Empty)}
                </p>
            </Show>
            <Show when=move || total.get() != 0 && order.with(Vec::is_empty)>
                <p class="empty">{t(RosterText::NoMatch)}</p>
            </Show>
            // A locked scenario is read (filters, search, sort above) but
            // not edited: the rows' own cells are disabled by the rows.
            <fieldset class="edit-lock" disabled=move || locked.get()>
                <AddPosition />
            </fieldset>
        </section>
        <BulkActions />
        <AllowanceEditor />
    }
}

/// Enter moves to the same field of the next row, Shift+Enter to the row
/// above, as in a spreadsheet (the field commits as it loses focus).
fn move_between_rows(ev: leptos::ev::KeyboardEvent) {
    if ev.key() != "Enter" {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(field) = target.get_attribute("data-field") else {
        return;
    };
    let Ok(Some(row)) = target.closest("tr") else {
        return;
    };
    let next = if ev.shift_key() {
        row.previous_element_sibling()
    } else {
        row.next_element_sibling()
    };
    let Some(cell) = next
        .and_then(|r| {
            r.query_selector(&format!("[data-field=\"{field}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    let _ = cell.focus();
}

/// Filters by team, status and level, and a search on title or id.
#[component]
fn RosterFilters(query: RwSignal<RosterQuery>) -> impl IntoView {
    let roster = expect_context::<RosterContext>();
    let choice =
        move |all: &'static str, options: Vec<(String, String)>, current: Option<String>| {
            std::iter::once((String::new(), all.to_string()))
                .chain(options)
                .map(|(value, label)| {
                    let selected = current.as_deref() == Some(value.as_str())
                        || (current.is_none() && value.is_empty());
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view()
        };
    let some = |v: String| (!v.is_empty()).then_some(v);
    let statuses = [
        PositionStatus::Filled,
        PositionStatus::Open,
        PositionStatus::Planned,
    ]
    .into_iter()
    .map(|s| (s.as_str().to_string(), texts::status_filter(s).to_string()))
    .collect();
    view! {
        <div class="filters" data-testid="roster-filters">
            <label class="field">
                <span class="field-label">{t(Common::Team)}</span>
                <select data-testid="filter-team" on:change=move |ev| {
                    let team = some(event_target_value(&ev));
                    query.update(|q| q.team = team);
                }>
                    {move || choice(t(Common::AllTeams), roster.teams.get(), query.with(|q| q.team.clone()))}
                </select>
            </label>
            <label class="field">
                <span class="field-label">{t(Common::Status)}</span>
                <select data-testid="filter-status" on:change=move |ev| {
                    let status = match event_target_value(&ev).as_str() {
                        "filled" => Some(PositionStatus::Filled),
                        "open" => Some(PositionStatus::Open),
                        "planned" => Some(PositionStatus::Planned),
                        _ => None,
                    };
                    query.update(|q| q.status = status);
                }>
                    {choice(t(RosterText::AllStatuses), statuses, None)}
                </select>
            </label>
            <label class="field">
                <span class="field-label">{t(Common::Level)}</span>
                <select data-testid="filter-level" on:change=move |ev| {
                    let level = some(event_target_value(&ev));
                    query.update(|q| q.level = level);
                }>
                    {move || choice(t(RosterText::AllLevels), roster.levels.get(), query.with(|q| q.level.clone()))}
                </select>
            </label>
            <label class="field">
                <span class="field-label">{t(RosterText::Search)}</span>
                <input type="search" data-testid="filter-text" placeholder=t(RosterText::SearchPlaceholder)
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        query.update(|q| q.text = text);
                    } />
            </label>
        </div>
    }
}

/// "Deleted … Undo" after a delete, while the delete is the edit the
/// header's Undo would take back: its Undo is that undo, so the bar and the
/// history never disagree. Another edit, an undo or a dismissal hides it.
#[component]
fn UndoDelete() -> impl IntoView {
    let state = PlanState::expect();
    let roster = expect_context::<RosterContext>();
    let latest = move || {
        roster
            .deleted
            .get()
            .filter(|d| d.edit.is_some() && d.edit == state.last_edit.get())
    };
    let undo = move |_| {
        let edit = roster
            .deleted
            .with_untracked(|d| d.as_ref().and_then(|d| d.edit));
        if edit.is_some() && edit == state.last_edit.get_untracked() {
            state.undo();
        }
        roster.deleted.set(None);
    };
    move || {
        latest().map(|d| {
            view! {
                <div class="undo-bar" role="status" data-testid="undo-delete">
                    <span>{texts::deleted(&d.position.title, &d.position.id)}</span>
                    <button type="button" class="button-secondary" data-testid="undo-delete-button" on:click=undo>{t(ShellText::Undo)}</button>
                    <button type="button" class="button-quiet" aria-label=t(ShellText::Dismiss) on:click=move |_| roster.deleted.set(None)>"✕"</button>
                </div>
            }
        })
    }
}
