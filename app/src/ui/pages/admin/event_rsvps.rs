//! The registrations of an event for staff (`/admin/eventi/{id}/iscrizioni`), with search and
//! CSV export, and the phone-friendly check-in screen for the door (`…/ingresso`).

use super::events::{counts_line, id_param};
use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::staff_event_rsvps;
use crate::core::datetime::{clock_time, short_date};
use crate::core::model::event::RsvpStatus;
use crate::core::paths;
use crate::core::validate::rsvp;
use crate::core::view::event::{StaffRsvpRow, StaffRsvpsPage};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The registrations page (`/admin/eventi/{id}/iscrizioni`), the door's check-in screen
/// (`/admin/eventi/{id}/ingresso`) and the door list to print (`…/lista`): the same search,
/// three layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RsvpLayout {
    Table,
    Door,
    Print,
}

#[component]
pub fn EventRsvpsPage() -> impl IntoView {
    view! { <RsvpsPage layout=RsvpLayout::Table /> }
}

#[component]
pub fn CheckInPage() -> impl IntoView {
    view! { <RsvpsPage layout=RsvpLayout::Door /> }
}

#[component]
pub fn DoorListPage() -> impl IntoView {
    view! { <RsvpsPage layout=RsvpLayout::Print /> }
}

#[component]
fn RsvpsPage(layout: RsvpLayout) -> impl IntoView {
    let id = id_param();
    let q = use_query_map().with_untracked(|q| q.get("q"));
    // After staff cancelled a registration: whose, and how many moved up from the line; after
    // they added one, whose; after they corrected one, whose and what followed.
    let (cancelled, added, done, corrected) = use_query_map().with_untracked(|q| {
        let number = |key: &str| q.get(key).and_then(|v| v.parse::<i64>().ok());
        (
            number("annullata").map(|id| (id, number("promossi").unwrap_or(0))),
            number("aggiunta"),
            // The registration just checked in (or out): its card takes the focus.
            number("fatto").or(number("aggiunta")),
            number("corretta").map(|id| (id, q.get("esito").unwrap_or_default())),
        )
    });
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let id_or_0 = id.unwrap_or_default();
                    let here = match layout {
                        RsvpLayout::Table => paths::event_rsvps(id_or_0),
                        RsvpLayout::Door => paths::check_in(id_or_0),
                        RsvpLayout::Print => paths::door_list(id_or_0),
                    };
                    let staff = match staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_event_rsvps(id, q.clone()).await {
                        Ok(page) => view! { <RsvpList staff page layout cancelled added done corrected /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn RsvpList(
    staff: StaffContext,
    page: StaffRsvpsPage,
    layout: RsvpLayout,
    cancelled: Option<(i64, i64)>,
    added: Option<i64>,
    done: Option<i64>,
    corrected: Option<(i64, String)>,
) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let ev = page.event.clone();
    let (here, title) = match layout {
        RsvpLayout::Table => (paths::event_rsvps(ev.id), (e.rsvps_title)(&ev.title)),
        RsvpLayout::Door => (paths::check_in(ev.id), (e.checkin_title)(&ev.title)),
        RsvpLayout::Print => (paths::door_list(ev.id), (e.door_list_title)(&ev.title)),
    };
    let csrf = staff.csrf_token.clone();
    let q = page.q.clone();
    let back = here.clone();
    let check_in = move |r: &StaffRsvpRow| {
        (r.status == RsvpStatus::Confirmed).then(|| {
            let present = r.checked_in_at.is_some();
            view! {
                <form method="post" action=paths::check_in(ev.id) class="checkin-form">
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <input type="hidden" name="rsvp" value=r.id.to_string() />
                    <input type="hidden" name="presente" value=if present { "0" } else { "1" } />
                    <input type="hidden" name="q" value=q.clone() />
                    <input type="hidden" name="torna" value=back.clone() />
                    <button
                        type="submit"
                        class=if present { "btn btn--outline btn--small" } else { "btn btn--primary" }
                        aria-label=format!("{}: {} {}", if present { e.undo_present } else { e.mark_present }, r.first_name, r.last_name)
                    >
                        {if present { e.undo_present } else { e.mark_present }}
                    </button>
                </form>
            }
        })
    };
    let present_text =
        |r: &StaffRsvpRow| r.checked_in_at.map(|at| (e.present_since)(&clock_time(at)));
    // Waiting people with their place in line.
    let status_text = |r: &StaffRsvpRow| match r.queue_position {
        Some(n) => (e.waiting_position)(n),
        None => e.rsvp_status(r.status).to_owned(),
    };
    let needs = t.field(rsvp::Field::Accessibility);
    // Someone staff added without an address.
    let contact = |r: &StaffRsvpRow| {
        if r.email.is_empty() {
            e.no_email.to_owned()
        } else {
            r.email.clone()
        }
    };
    let list = if page.rsvps.is_empty() {
        view! { <p>{e.no_rsvps}</p> }.into_any()
    } else {
        match layout {
            RsvpLayout::Table => {
                let rows = page
                    .rsvps
                    .iter()
                    .map(|r| {
                        view! {
                            <tr id=format!("rsvp-{}", r.id)>
                                <td>{format!("{} {}", r.last_name, r.first_name)}</td>
                                <td>{contact(r)}</td>
                                <td>{r.affiliation.clone().unwrap_or_default()}</td>
                                <td>{r.role.clone().unwrap_or_default()}</td>
                                <td class="prewrap">{r.accessibility.clone().unwrap_or_default()}</td>
                                <td>
                                    {status_text(r)} <br /> {short_date(r.created_at)}
                                    <br />
                                    <a
                                        class="no-print"
                                        href=paths::rsvp_edit(ev.id, r.id)
                                        aria-label=format!("{}: {} {}", e.edit_rsvp, r.first_name, r.last_name)
                                    >
                                        {e.edit_rsvp}
                                    </a>
                                    {(r.status != RsvpStatus::Cancelled).then(|| view! {
                                        <br />
                                        <a
                                            class="no-print"
                                            href=paths::rsvp_cancel(ev.id, r.id)
                                            aria-label=format!("{}: {} {}", e.cancel_rsvp, r.first_name, r.last_name)
                                        >
                                            {e.cancel_rsvp}
                                        </a>
                                    })}
                                </td>
                                <td>{present_text(r)} {check_in(r)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    // Scrolls sideways on a phone: reachable and named for the keyboard.
                    <div class="table-wrap" tabindex="0" role="region" aria-label=e.rsvps_link>
                        <table class="table table--rsvps">
                            <thead>
                                <tr>
                                    <th scope="col">{e.col_name}</th>
                                    <th scope="col">{t.field(rsvp::Field::Email)}</th>
                                    <th scope="col">{e.col_affiliation}</th>
                                    <th scope="col">{t.field(rsvp::Field::Role)}</th>
                                    <th scope="col">{t.field(rsvp::Field::Accessibility)}</th>
                                    <th scope="col">{e.col_registered}</th>
                                    <th scope="col">{e.col_present}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
            RsvpLayout::Door => {
                // Without a search, the people expected at the door; a search also finds those
                // waiting or cancelled, with their status, when they turn up.
                let searching = !page.q.trim().is_empty();
                let cards = page
                    .rsvps
                    .iter()
                    .filter(|r| searching || r.status == RsvpStatus::Confirmed)
                    .map(|r| {
                        let state = match r.status {
                            RsvpStatus::Confirmed => present_text(r),
                            _ => Some(status_text(r)),
                        };
                        // The card just acted on takes the focus: a screen reader reads its
                        // name and "Presente dalle …" (the browser also scrolls to it).
                        let focused = done == Some(r.id);
                        view! {
                            <li
                                tabindex=focused.then_some("-1")
                                autofocus=focused
                                class="checkin-card"
                                class:checkin-card--present=r.checked_in_at.is_some()
                                class:checkin-card--other=r.status != RsvpStatus::Confirmed
                                id=format!("rsvp-{}", r.id)
                            >
                                <p class="checkin-card__name">{format!("{} {}", r.first_name, r.last_name)}</p>
                                <p class="checkin-card__meta">{r.affiliation.clone().unwrap_or_else(|| contact(r))}</p>
                                {r.accessibility.clone().map(|a| view! {
                                    <p class="checkin-card__needs"><strong>{needs}": "</strong>{a}</p>
                                })}
                                {state.map(|p| view! { <p class="checkin-card__state">{p}</p> })}
                                {check_in(r)}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="checkin-list">{cards}</ul> }.into_any()
            }
            RsvpLayout::Print => {
                // Confirmed people, alphabetical, a box to tick by hand.
                let mut people: Vec<&StaffRsvpRow> = page
                    .rsvps
                    .iter()
                    .filter(|r| r.status == RsvpStatus::Confirmed)
                    .collect();
                people.sort_by_cached_key(|r| {
                    (
                        crate::core::text::search_key(&r.last_name),
                        crate::core::text::search_key(&r.first_name),
                    )
                });
                let rows = people
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                // Already in: ticked.
                                <td class="door-list__box" aria-hidden="true">
                                    {if r.checked_in_at.is_some() { "☑" } else { "☐" }}
                                </td>
                                <td>{format!("{} {}", r.last_name, r.first_name)}</td>
                                <td>{r.affiliation.clone().unwrap_or_default()}</td>
                                <td class="prewrap">{r.accessibility.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <table class="table door-list">
                        <thead>
                            <tr>
                                <th scope="col">{e.col_present}</th>
                                <th scope="col">{e.col_name}</th>
                                <th scope="col">{e.col_affiliation}</th>
                                <th scope="col">{needs}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }
        }
    };
    let scanned = layout == RsvpLayout::Door
        && crate::core::model::event::is_checkin_code(&page.q.trim().to_lowercase());
    let (list_first, list_after) = if scanned {
        (Some(list), None)
    } else {
        (None, Some(list))
    };
    // The staff bar and the way back: at the door after the work (the search must be on the
    // phone's first screen), elsewhere first.
    let door = layout == RsvpLayout::Door;
    let bar = {
        let ev = ev.clone();
        move || {
            view! {
                <AdminBar staff=staff.clone() />
                <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
                    <a href=paths::ADMIN_EVENTS>{e.title}</a> " › "
                    <a href=paths::admin_event(ev.id)>{ev.title.clone()}</a>
                </nav>
            }
        }
    };
    let (bar_first, bar_last) = if door {
        (None, Some(bar()))
    } else {
        (Some(bar()), None)
    };
    // From a search at the door: the name typed goes to the form that adds someone.
    let searched = page.q.trim().to_owned();
    let add_at_door = if searched.is_empty()
        || crate::core::model::event::is_checkin_code(&searched.to_lowercase())
    {
        paths::rsvp_add(ev.id, true)
    } else {
        format!(
            "{}&nome={}",
            paths::rsvp_add(ev.id, true),
            crate::core::text::query_encode(&searched)
        )
    };
    view! {
        <Title text=title.clone() />
        {bar_first}
        <h1 class:checkin-title=door>{title}</h1>
        {(layout == RsvpLayout::Print).then(|| view! {
            <p>{crate::core::datetime::span(ev.starts_at, ev.ends_at, t.lang)}</p>
        })}
        {cancelled.and_then(|(id, promoted)| {
            // Said only of a registration that is cancelled (the address can be typed).
            let r = page.rsvps.iter().find(|r| r.id == id && r.status == RsvpStatus::Cancelled)?;
            let name = format!("{} {}", r.first_name, r.last_name);
            let promoted = (promoted > 0).then(|| (e.promoted)(promoted as usize));
            let done = if r.email.is_empty() { &e.rsvp_cancelled_done_no_mail } else { &e.rsvp_cancelled_done };
            Some(
            view! {
                <div class="notice notice--success" role="status">
                    <p>{done(&name)} " " {promoted}</p>
                </div>
            })
        })}
        {corrected.and_then(|(id, outcome)| {
            let r = page.rsvps.iter().find(|r| r.id == id)?;
            let name = format!("{} {}", r.first_name, r.last_name);
            let said = match outcome.as_str() {
                "nessuna" => (e.rsvp_unchanged)(&name),
                "email" => (e.rsvp_edited_mail)(&name),
                _ => (e.rsvp_edited)(&name),
            };
            Some(view! {
                <div class="notice notice--success" role="status">
                    <p>{said}</p>
                </div>
            })
        })}
        {added.and_then(|id| {
            let r = page.rsvps.iter().find(|r| r.id == id && r.status == RsvpStatus::Confirmed)?;
            let name = format!("{} {}", r.first_name, r.last_name);
            let done = if r.email.is_empty() { &e.rsvp_added } else { &e.rsvp_added_mail };
            Some(view! {
                <div class="notice notice--success" role="status">
                    <p>{done(&name)}</p>
                </div>
            })
        })}
        // At the door the search comes first (it must be on the phone's first screen), except
        // after a QR scan: then the card it found does, above the search; the counts and the
        // hint follow the list.
        {(layout != RsvpLayout::Door).then(|| view! { <p id="rsvp-counts">{counts_line(&ev)}</p> })}
        {list_first}
        {(layout != RsvpLayout::Print).then(|| view! {
            <form class="filters filters--rsvps" method="get" action=here.clone() role="search">
                <div class="field">
                    <label for="q">{e.search_label}</label>
                    <input id="q" name="q" type="search" value=page.q.clone() autocomplete="off" />
                </div>
                <div class="filters__actions">
                    <button type="submit" class="btn btn--primary">{e.search}</button>
                </div>
            </form>
        })}
        {(layout == RsvpLayout::Table).then(|| view! {
            <p class="no-print">
                <a href=paths::rsvp_add(ev.id, false)>{e.add_rsvp}</a>
                " · "
                <a href=paths::event_rsvps_csv(ev.id) download="">{e.export_csv}</a>
                " · "
                <a href=paths::door_list(ev.id)>{e.door_list}</a>
            </p>
        })}
        {list_after}
        {(layout == RsvpLayout::Door).then(|| view! {
            <p><a class="btn btn--outline" href=add_at_door>{e.add_rsvp}</a></p>
            <p id="rsvp-counts">{counts_line(&ev)}</p>
            <p>{e.checkin_hint}</p>
        })}
        {bar_last}
    }
}
