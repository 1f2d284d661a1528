//! The public events pages: `/eventi` (upcoming and past) and `/eventi/{slug}` (the event, its
//! map, "add to calendar" and the RSVP form, which posts to the page's own URL — see
//! `web::forms::rsvp`); the personal page of a registration is `ui::pages::rsvp`. Everything
//! works without JavaScript.

use crate::api::{event_page, events_page};
use crate::core::calendar::{google_link, outlook_link};
use crate::core::datetime::{clock_time, long_date};
use crate::core::model::event::Window;
use crate::core::paths;
use crate::core::validate::rsvp::{
    Field, RsvpInput, ACCESSIBILITY_MAX, AFFILIATION_MAX, PERSON_NAME_MAX, ROLE_MAX,
};
use crate::core::validate::FieldErrors;
use crate::core::view::event::{EventPage, EventView, InItalian};
use crate::core::view::MapMarker;
use crate::i18n::events::when_line;
use crate::ui::components::form::{ErrorSummary, PrivacyConsent, TextField};
use crate::ui::components::place::{GettingThere, LinkedText};
use crate::ui::islands::join_assist::{AssistMode, RsvpAssist};
use crate::ui::islands::map::{MapMode, MapSettings, SpacesMap};
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Provided in context when the RSVP form is rendered again after a refused post.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RsvpFormState {
    pub input: RsvpInput,
    pub errors: FieldErrors<Field>,
    /// The form's genuine "shown at" token, kept so corrections are not slowed down.
    pub started: Option<String>,
    /// The question to answer, when many registrations came from this network.
    pub question: Option<crate::core::view::event::Question>,
}

impl RsvpFormState {
    /// The form back with what was typed and the problems beside the fields (no question).
    pub fn again(input: RsvpInput, errors: FieldErrors<Field>, started: Option<String>) -> Self {
        RsvpFormState {
            input,
            errors,
            started,
            question: None,
        }
    }
}

/// The id of the RSVP section (the form's anchor).
pub const RSVP_ANCHOR: &str = "iscrizione";

#[component]
pub fn EventsPage() -> impl IntoView {
    let e = use_texts().events;
    view! {
        <Title text=e.title />
        <Meta name="description" content=e.intro />
        <div class="container page">
            <h1>{e.title}</h1>
            <p class="lead">{e.intro}</p>
            <Suspense>
                {Suspend::new(async move {
                    match events_page().await {
                        Ok(page) => {
                            let now = page.now;
                            view! {
                                <section aria-labelledby="upcoming">
                                    <h2 id="upcoming">{e.upcoming}</h2>
                                    <EventList events=page.upcoming now empty=e.none_upcoming />
                                </section>
                                <section aria-labelledby="past">
                                    <h2 id="past">{e.past}</h2>
                                    <EventList events=page.past now empty=e.none_past />
                                </section>
                            }
                                .into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// When an event is, as the lists and the frames show it: its span and time zone, machine
/// readable too.
#[component]
pub(crate) fn EventTime(starts_at: i64, line: String) -> impl IntoView {
    view! { <time datetime=crate::core::datetime::utc_iso(starts_at)>{line}</time> }
}

/// Where an event is, on one line: the venue and its address.
pub(crate) fn place_line(ev: &EventView) -> String {
    format!("{} · {}", ev.venue_name, ev.venue_address)
}

#[component]
pub(crate) fn EventList(events: Vec<EventView>, now: i64, empty: &'static str) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    if events.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let items = events
        .into_iter()
        .map(|ev| {
            let href = link(&paths::event(&ev.slug));
            let state = match ev.window(now) {
                Window::Cancelled => Some(e.cancelled.to_owned()),
                Window::Past => None,
                Window::Open if ev.seats_left() == 0 => Some(e.full.to_owned()),
                Window::Open => Some((e.seats_left)(ev.seats_left(), ev.capacity)),
                Window::NotYetOpen(at) => Some((e.not_yet_open)(&long_date(at, t.lang))),
                Window::Closed | Window::Draft => Some(e.closed.to_owned()),
            };
            view! {
                <li class="event-card">
                    <p class="event-card__date">
                        <EventTime starts_at=ev.starts_at line=when_line(&ev, t.lang) />
                    </p>
                    <h3 class="event-card__title">
                        <a href=href lang=InItalian::lang(ev.in_italian.title)>{ev.title.clone()}</a>
                    </h3>
                    <p class="event-card__place">{place_line(&ev)}</p>
                    {(!ev.summary.is_empty()).then(|| view! {
                        <p lang=InItalian::lang(ev.in_italian.summary)>{ev.summary.clone()}</p>
                    })}
                    {state.map(|s| view! { <p class="event-card__state">{s}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="event-list">{items}</ul> }.into_any()
}

#[component]
pub fn EventPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let resent = use_query_map().with_untracked(|q| q.get("inviata").is_some());
    view! {
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    match event_page(slug.clone()).await {
                        Ok(page) => view! { <EventDetail page resent /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn EventDetail(page: EventPage, resent: bool) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let ev = page.event.clone();
    let window = ev.window(page.now);
    let page_url = link(&paths::event(&ev.slug));
    let status_notice = match window {
        Window::Cancelled => Some(
            view! {
                <div class="notice notice--warning" role="status"><p>{e.cancelled}</p></div>
            }
            .into_any(),
        ),
        Window::Past => Some(
            view! {
                <div class="notice" role="status">
                    <p>{(e.took_place)(&long_date(ev.starts_at, t.lang))}</p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    };
    let seats = match window {
        Window::Open | Window::NotYetOpen(_) | Window::Closed => Some(if ev.seats_left() == 0 {
            e.full.to_owned()
        } else {
            (e.seats_left)(ev.seats_left(), ev.capacity)
        }),
        _ => None,
    };
    let venue = match ev.venue_space.clone() {
        Some((slug, name)) => view! {
            <a href=link(&paths::space(&slug))>{name}</a>
        }
        .into_any(),
        None => view! { <span>{ev.venue_name.clone()}</span> }.into_any(),
    };
    let map = match (ev.lat, ev.lon) {
        (Some(lat), Some(lon)) => {
            let settings = use_context::<MapSettings>().unwrap_or_default();
            let markers = vec![MapMarker {
                slug: ev.venue_space.clone().map(|(s, _)| s).unwrap_or_default(),
                name: ev.venue_name.clone(),
                kinds: Vec::new(),
                municipality: String::new(),
                lat,
                lon,
                approximate: false,
                photo: false,
            }];
            Some(view! {
                <aside class="event__map" aria-label=e.where_>
                    <SpacesMap markers settings lang=t.lang mode=MapMode::Single />
                </aside>
            })
        }
        _ => None,
    };
    let description_lang = InItalian::lang(ev.in_italian.description);
    let description = ev
        .description
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p class="prewrap" lang=description_lang>{p.trim().to_owned()}</p> })
        .collect_view();
    let programme = (!ev.programme.is_empty()).then(|| {
        let items = ev
            .programme
            .iter()
            .map(|item| view! { <li>{item.clone()}</li> })
            .collect_view();
        view! {
            <h2>{e.programme}</h2>
            <ul class="programme" lang=InItalian::lang(ev.in_italian.programme)>{items}</ul>
        }
    });
    let calendar = matches!(window, Window::Open | Window::NotYetOpen(_) | Window::Closed).then(|| {
        // Calendars need the page's absolute address.
        let absolute = format!("{}{page_url}", page.base_url);
        view! {
            <h2>{e.add_to_calendar}</h2>
            <ul class="link-list calendar-links">
                <li><a href=link(&paths::event_calendar(&ev.slug)) download="">{e.calendar_file}</a></li>
                <li><a href=google_link(&ev, &absolute) rel="noopener" target="_blank">"Google Calendar"</a></li>
                <li><a href=outlook_link(&ev, &absolute) rel="noopener" target="_blank">"Outlook"</a></li>
            </ul>
        }
    });
    let rsvp = match window {
        Window::Open => Some(view! {
            <section class="rsvp" id=RSVP_ANCHOR aria-labelledby="rsvp-title">
                <h2 id="rsvp-title">{e.rsvp_title}</h2>
                {resent.then(|| view! {
                    <div class="notice notice--success" role="status" tabindex="-1" autofocus>
                        <p>{e.already_registered}</p>
                    </div>
                    <RsvpAssist lang=t.lang mode=AssistMode::Sent event=ev.slug.clone() />
                })}
                <p>{if ev.seats_left() == 0 { e.rsvp_waiting_intro } else { e.rsvp_intro }}</p>
                {ev.rsvp_closes_at.map(|at| view! {
                    <p class="field__hint">{(e.closes)(&format!("{} {}", long_date(at, t.lang), clock_time(at)))}</p>
                })}
                <RsvpForm page=page.clone() />
            </section>
        }
        .into_any()),
        Window::NotYetOpen(at) => Some(view! {
            <section class="rsvp" id=RSVP_ANCHOR>
                <h2>{e.rsvp_title}</h2>
                <p>{(e.not_yet_open)(&format!("{} {}", long_date(at, t.lang), clock_time(at)))}</p>
            </section>
        }
        .into_any()),
        Window::Closed => Some(view! {
            <section class="rsvp" id=RSVP_ANCHOR>
                <h2>{e.rsvp_title}</h2>
                <p>{e.closed}</p>
            </section>
        }
        .into_any()),
        _ => None,
    };
    view! {
        <Title text=ev.title.clone() />
        <Meta name="description" content=ev.summary.clone() />
        <crate::ui::components::oembed::OEmbedDiscovery
            page=link(&paths::event(&ev.slug))
            title=ev.title.clone()
        />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=link(paths::EVENTS)>{e.all_events}</a>
        </nav>
        <article class="event">
            <h1 lang=InItalian::lang(ev.in_italian.title)>{ev.title.clone()}</h1>
            {(!ev.summary.is_empty()).then(|| view! {
                <p class="lead" lang=InItalian::lang(ev.in_italian.summary)>{ev.summary.clone()}</p>
            })}
            {status_notice}
            <div class="event__body">
                <div>
                    <dl class="facts">
                        <dt>{e.when}</dt>
                        <dd>
                            <EventTime starts_at=ev.starts_at line=when_line(&ev, t.lang) />
                        </dd>
                        <dt>{e.where_}</dt>
                        <dd>
                            {venue} <br /> {ev.venue_address.clone()}
                            <GettingThere exact=ev.lat.zip(ev.lon) address=ev.venue_address.clone() />
                        </dd>
                        {(!ev.travel.is_empty()).then(|| view! {
                            <dt>{e.getting_there}</dt>
                            <dd class="prewrap" id="getting-there" lang=InItalian::lang(ev.in_italian.travel)><LinkedText text=ev.travel.clone() /></dd>
                        })}
                        {(!ev.access.is_empty()).then(|| view! {
                            <dt>{e.venue_access}</dt>
                            <dd class="prewrap" id="venue-access" lang=InItalian::lang(ev.in_italian.access)><LinkedText text=ev.access.clone() /></dd>
                        })}
                        <dt>{e.organiser}</dt>
                        <dd>{ev.organiser.clone()}</dd>
                        <dt>{e.contact}</dt>
                        <dd><a href=format!("mailto:{}", ev.contact_email)>{ev.contact_email.clone()}</a></dd>
                        {seats.map(|s| view! {
                            <dt>{e.seats}</dt>
                            <dd id="seats">{s}</dd>
                        })}
                    </dl>
                    {(window == Window::Open).then(|| view! {
                        <p><a class="btn btn--primary" href=format!("#{RSVP_ANCHOR}")>{e.rsvp_jump}</a></p>
                    })}
                    {description}
                    {programme}
                    {calendar}
                </div>
                {map}
            </div>
            {rsvp}
        </article>
    }
}

#[component]
fn RsvpForm(page: EventPage) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let j = t.join;
    let state = use_context::<RsvpFormState>().unwrap_or_default();
    let (input, errors) = (state.input, state.errors);
    let token = state.started.unwrap_or(page.token);
    let form_error = errors.get(Field::Form).map(|p| t.problem(p));
    let ev = &page.event;
    let full = ev.seats_left() == 0;
    let suggestions_source = page.spaces.is_none().then_some(paths::MAP_MARKERS);
    let suggestions = page
        .spaces
        .unwrap_or_default()
        .into_iter()
        .map(|name| view! { <option value=name></option> })
        .collect_view();
    let e_ = || errors.clone();
    view! {
        {form_error.map(|m| view! {
            <div class="notice notice--error" role="alert" id="form" tabindex="-1" autofocus>
                <p>{m}</p>
            </div>
        })}
        <ErrorSummary errors=errors.clone() />
        <form
            class="form form--rsvp"
            id="rsvp-form"
            method="post"
            action=link(&paths::event(&ev.slug))
            novalidate
        >
            <crate::ui::components::form::StartedToken token />
            <div class="visually-hidden" aria-hidden="true">
                <label for="fax">{j.honeypot}</label>
                <input id="fax" name="fax" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <RsvpAssist lang=t.lang mode=AssistMode::Form event=ev.slug.clone() />
            <div class="field-row">
                <TextField field=Field::FirstName value=input.first_name.clone() errors=e_() max=PERSON_NAME_MAX required=true autocomplete="given-name" />
                <TextField field=Field::LastName value=input.last_name.clone() errors=e_() max=PERSON_NAME_MAX required=true autocomplete="family-name" />
            </div>
            <TextField field=Field::Email value=input.email.clone() errors=e_() kind="email" max=crate::core::validate::EMAIL_MAX required=true autocomplete="email" hint=e.email_hint.to_owned() />
            <TextField field=Field::Affiliation value=input.affiliation.clone() errors=e_() max=AFFILIATION_MAX autocomplete="organization" hint=e.affiliation_hint.to_owned() list="spazi-elenco" />
            <datalist id="spazi-elenco" data-source=suggestions_source>{suggestions}</datalist>
            <TextField field=Field::Role value=input.role.clone() errors=e_() max=ROLE_MAX autocomplete="organization-title" hint=e.role_hint.to_owned() />
            <TextField field=Field::Accessibility value=input.accessibility.clone() errors=e_() max=ACCESSIBILITY_MAX multiline=true hint=e.accessibility_hint.to_owned() />
            <PrivacyConsent checked=input.consent_privacy.is_some() problem=errors.get(Field::ConsentPrivacy)>
                <p class="field__hint">
                    <a href=link(paths::PRIVACY) target="_blank" rel="noopener">{j.privacy_link}</a>
                </p>
            </PrivacyConsent>
            {state.question.map(|q| {
                let error = errors.get(Field::Answer).map(|p| t.problem(p));
                view! {
                    <div class="field field--invalid">
                        <label for="answer">{(e.question)(i64::from(q.a), i64::from(q.b))}</label>
                        {error.map(|m| view! { <p class="field__error" id="answer-error">{m}</p> })}
                        <input
                            id="answer"
                            name="answer"
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            class="input--short"
                            required
                            aria-invalid="true"
                            aria-describedby="answer-error"
                        />
                        <input type="hidden" name="question" value=q.token />
                    </div>
                }
            })}
            <button type="submit" class="btn btn--primary btn--block">
                {if full { e.submit_waiting } else { e.submit }}
            </button>
        </form>
    }
}
