//! `/admin/cerca?q=`: the staff's one search box (on every staff page, in the bar) and what it
//! finds, by kind: spaces, join requests, registrations, events — each result a link to where
//! the work on it is done.

use crate::api::staff_search;
use crate::core::datetime::short_date;
use crate::core::paths;
use crate::core::view::search::{Found, StaffSearchPage};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let q = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = format!(
                        "{}?q={}",
                        paths::STAFF_SEARCH,
                        crate::core::text::query_encode(&q)
                    );
                    let staff = match staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_search(q.clone()).await {
                        Ok(page) => view! { <AdminBar staff /> <Results page /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// One kind of result: its heading with the count, the list, and a word when only the first
/// are shown.
fn section<T>(
    heading: String,
    found: &Found<T>,
    item: impl Fn(&T) -> AnyView,
) -> Option<impl IntoView> {
    let a = use_texts().admin;
    (found.total > 0).then(|| {
        let items = found.first.iter().map(|r| view! { <li>{item(r)}</li> }).collect_view();
        let more = (found.total > found.first.len())
            .then(|| view! { <p class="field__hint">{(a.search_more)(found.first.len() as i64, found.total as i64)}</p> });
        view! {
            <section class="search-results">
                <h2>{heading}</h2>
                <ul>{items}</ul>
                {more}
            </section>
        }
    })
}

#[component]
fn Results(page: StaffSearchPage) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let e = t.events;
    let count = |n: usize| n as i64;
    let title = if page.q.is_empty() {
        a.search_title.to_owned()
    } else {
        (a.search_results)(&page.q)
    };
    let nothing =
        page.spaces.total + page.requests.total + page.registrations.total + page.events.total == 0;
    let short = crate::core::text::search_key(&page.q)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count()
        < 2;
    let spaces = section(
        (a.search_spaces)(count(page.spaces.total)),
        &page.spaces,
        |s| {
            view! {
                <a href=paths::admin_space(s.id)>{s.name.clone()}</a>
                {format!(" · {} · {}", s.municipality, a.status(s.status))}
            }
            .into_any()
        },
    );
    let requests = section(
        (a.search_requests)(count(page.requests.total)),
        &page.requests,
        |r| {
            view! {
                <a href=paths::submission(r.id)>{format!("{} – {}", r.reference, r.space_name)}</a>
                {format!(" · {} · {}", short_date(r.submitted_at), t.review.decision(r.decision))}
            }
            .into_any()
        },
    );
    let registrations = section(
        (a.search_registrations)(count(page.registrations.total)),
        &page.registrations,
        |r| {
            let name = format!("{} {}", r.first_name, r.last_name);
            let href = format!(
                "{}?q={}#rsvp-{}",
                paths::event_rsvps(r.event_id),
                crate::core::text::query_encode(&name),
                r.id
            );
            let contact = if r.email.is_empty() {
                e.no_email.to_owned()
            } else {
                r.email.clone()
            };
            view! {
                <a href=href>{name.clone()}</a>
                {format!(" ({contact}) · {} · {}", r.event_title, e.rsvp_status(r.status))}
            }
            .into_any()
        },
    );
    let events = section(
        (a.search_events)(count(page.events.total)),
        &page.events,
        |ev| {
            view! {
                <a href=paths::admin_event(ev.id)>{ev.title.clone()}</a>
                {format!(" · {} · {}", short_date(ev.starts_at), e.status(ev.status))}
            }
            .into_any()
        },
    );
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p>{a.search_hint}</p>
        {if short {
            Some(view! { <p>{a.search_short}</p> })
        } else if nothing {
            Some(view! { <p>{a.search_none}</p> })
        } else {
            None
        }}
        {spaces}
        {requests}
        {registrations}
        {events}
    }
}
