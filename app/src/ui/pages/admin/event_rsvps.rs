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

/// The registrations page (`/admin/eventi/{id}/iscrizioni`) and the door's check-in screen
/// (`/admin/eventi/{id}/ingresso`): the same search, two layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RsvpLayout {
    Table,
    Door,
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
fn RsvpsPage(layout: RsvpLayout) -> impl IntoView {
    let id = id_param();
    let q = use_query_map().with_untracked(|q| q.get("q"));
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = match layout {
                        RsvpLayout::Table => paths::event_rsvps(id.unwrap_or_default()),
                        RsvpLayout::Door => paths::check_in(id.unwrap_or_default()),
                    };
                    let staff = match staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_event_rsvps(id, q.clone()).await {
                        Ok(page) => view! { <RsvpList staff page layout /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn RsvpList(staff: StaffContext, page: StaffRsvpsPage, layout: RsvpLayout) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let ev = page.event.clone();
    let (here, title) = match layout {
        RsvpLayout::Table => (paths::event_rsvps(ev.id), (e.rsvps_title)(&ev.title)),
        RsvpLayout::Door => (paths::check_in(ev.id), (e.checkin_title)(&ev.title)),
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
                            <tr>
                                <td>{format!("{} {}", r.last_name, r.first_name)}</td>
                                <td>{r.email.clone()}</td>
                                <td>{r.affiliation.clone().unwrap_or_default()}</td>
                                <td>{r.role.clone().unwrap_or_default()}</td>
                                <td class="prewrap">{r.accessibility.clone().unwrap_or_default()}</td>
                                <td>{e.rsvp_status(r.status)} <br /> {short_date(r.created_at)}</td>
                                <td>{present_text(r)} {check_in(r)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{e.col_name}</th>
                                    <th scope="col">"Email"</th>
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
                let cards = page
                    .rsvps
                    .iter()
                    .filter(|r| r.status == RsvpStatus::Confirmed)
                    .map(|r| {
                        view! {
                            <li class="checkin-card" class:checkin-card--present=r.checked_in_at.is_some()>
                                <p class="checkin-card__name">{format!("{} {}", r.first_name, r.last_name)}</p>
                                <p class="checkin-card__meta">{r.affiliation.clone().unwrap_or_else(|| r.email.clone())}</p>
                                {present_text(r).map(|p| view! { <p class="checkin-card__state">{p}</p> })}
                                {check_in(r)}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="checkin-list">{cards}</ul> }.into_any()
            }
        }
    };
    view! {
        <Title text=title.clone() />
        <AdminBar staff />
        <nav class="breadcrumb" aria-label="breadcrumb">
            <a href=paths::ADMIN_EVENTS>{e.title}</a> " › "
            <a href=paths::admin_event(ev.id)>{ev.title.clone()}</a>
        </nav>
        <h1>{title}</h1>
        <p id="rsvp-counts">{counts_line(&ev)}</p>
        {(layout == RsvpLayout::Door).then(|| view! { <p>{e.checkin_hint}</p> })}
        <form class="filters" method="get" action=here.clone() role="search">
            <div class="field">
                <label for="q">{e.search_label}</label>
                <input id="q" name="q" type="search" value=page.q.clone() autocomplete="off" />
            </div>
            <div class="filters__actions">
                <button type="submit" class="btn btn--primary">{e.search}</button>
            </div>
        </form>
        {(layout == RsvpLayout::Table).then(|| view! {
            <p><a href=paths::event_rsvps_csv(ev.id) download="">{e.export_csv}</a></p>
        })}
        {list}
    }
}
