//! The public events pages: `/eventi` (upcoming and past), `/eventi/{slug}` (the event, its
//! map, "add to calendar" and the RSVP form, which posts to the page's own URL — see
//! `crate::events`), and `/prenotazione/{token}`, the personal page of one registration
//! reached from its e-mail, where it can be cancelled. Everything works without JavaScript.

use crate::api::error::AppError;
use crate::api::{event_page, events_page, rsvp_page};
use crate::core::calendar::{google_link, outlook_link};
use crate::core::datetime::{clock_time, long_date};
use crate::core::model::event::{RsvpStatus, Window};
use crate::core::paths;
use crate::core::validate::rsvp::{
    Field, RsvpInput, ACCESSIBILITY_MAX, AFFILIATION_MAX, PERSON_NAME_MAX, ROLE_MAX,
};
use crate::core::validate::FieldErrors;
use crate::core::view::event::{EventPage, EventView, RsvpView};
use crate::core::view::MapMarker;
use crate::i18n::events::when_line;
use crate::ui::components::form::{ErrorSummary, PrivacyConsent, TextField};
use crate::ui::components::place::GettingThere;
use crate::ui::islands::join_assist::{AssistMode, RsvpAssist};
use crate::ui::islands::map::{MapMode, MapSettings, SpacesMap};
use crate::ui::lang::use_texts;
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

/// The field of the personal page's confirmation that cancels ("1"); without it the cancel
/// button asks first.
pub const CONFIRM: &str = "conferma";

/// The field of the personal page's "register again" ("1"): the same details, a new
/// registration.
pub const AGAIN: &str = "di_nuovo";

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

#[component]
fn EventList(events: Vec<EventView>, now: i64, empty: &'static str) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    if events.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let items = events
        .into_iter()
        .map(|ev| {
            let href = paths::event(&ev.slug);
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
                        <time datetime=crate::core::datetime::utc_iso(ev.starts_at)>
                            {when_line(&ev, t.lang)}
                        </time>
                    </p>
                    <h3 class="event-card__title">
                        <a href=href>{ev.title.clone()}</a>
                    </h3>
                    <p class="event-card__place">{ev.venue_name.clone()} " · " {ev.venue_address.clone()}</p>
                    {(!ev.summary.is_empty()).then(|| view! { <p>{ev.summary.clone()}</p> })}
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
    let page_url = paths::event(&ev.slug);
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
            <a href=paths::space(&slug)>{name}</a>
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
            }];
            Some(view! {
                <aside class="event__map" aria-label=e.where_>
                    <SpacesMap markers settings lang=t.lang mode=MapMode::Single />
                </aside>
            })
        }
        _ => None,
    };
    let description = ev
        .description
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p class="prewrap">{p.trim().to_owned()}</p> })
        .collect_view();
    let programme = (!ev.programme.is_empty()).then(|| {
        let items = ev
            .programme
            .iter()
            .map(|item| view! { <li>{item.clone()}</li> })
            .collect_view();
        view! {
            <h2>{e.programme}</h2>
            <ul class="programme">{items}</ul>
        }
    });
    let calendar = matches!(window, Window::Open | Window::NotYetOpen(_) | Window::Closed).then(|| {
        // Calendars need the page's absolute address.
        let absolute = format!("{}{page_url}", page.base_url);
        view! {
            <h2>{e.add_to_calendar}</h2>
            <ul class="link-list calendar-links">
                <li><a href=format!("{page_url}/calendario.ics") download="">{e.calendar_file}</a></li>
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
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::EVENTS>{e.all_events}</a>
        </nav>
        <article class="event">
            <h1>{ev.title.clone()}</h1>
            {(!ev.summary.is_empty()).then(|| view! { <p class="lead">{ev.summary.clone()}</p> })}
            {status_notice}
            <div class="event__body">
                <div>
                    <dl class="facts">
                        <dt>{e.when}</dt>
                        <dd>
                            <time datetime=crate::core::datetime::utc_iso(ev.starts_at)>
                                {when_line(&ev, t.lang)}
                            </time>
                        </dd>
                        <dt>{e.where_}</dt>
                        <dd>
                            {venue} <br /> {ev.venue_address.clone()}
                            <GettingThere exact=ev.lat.zip(ev.lon) address=ev.venue_address.clone() />
                        </dd>
                        {(!ev.travel.is_empty()).then(|| view! {
                            <dt>{e.getting_there}</dt>
                            <dd class="prewrap" id="getting-there">{ev.travel.clone()}</dd>
                        })}
                        {(!ev.access.is_empty()).then(|| view! {
                            <dt>{e.venue_access}</dt>
                            <dd class="prewrap" id="venue-access">{ev.access.clone()}</dd>
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
            action=paths::event(&ev.slug)
            novalidate
        >
            <input type="hidden" name="started" value=token />
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
                    <a href=paths::PRIVACY target="_blank" rel="noopener">{j.privacy_link}</a>
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

#[component]
pub fn RsvpPage() -> impl IntoView {
    let e = use_texts().events;
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let (new, cancelled, confirming) = use_query_map().with_untracked(|q| {
        (
            q.get("nuova").is_some(),
            q.get("annullata"),
            q.get("annulla").is_some(),
        )
    });
    view! {
        <Title text=e.your_rsvp />
        // The address holds the personal token: never send it to other sites, never index it.
        // ("no-referrer" would make the browser send `Origin: null` with the cancel form, which
        // the same-origin check refuses.)
        <Meta name="referrer" content="same-origin" />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <Suspense>
                {Suspend::new(async move {
                    match rsvp_page(token.clone()).await {
                        Ok(rsvp) => view! { <RsvpDetail rsvp token=token.clone() new cancelled=cancelled.clone() confirming /> }.into_any(),
                        // A link that leads nowhere any more: said in its own words, with the
                        // likely reasons and the way on (not a bare "page not found").
                        Err(AppError::NotFound) => {
                            crate::api::context::set_status(404);
                            view! {
                                <h1>{e.link_gone_title}</h1>
                                <p class="lead">{e.link_gone_text}</p>
                                <p><a class="btn btn--primary" href=paths::EVENTS>{e.all_events}</a></p>
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

#[component]
fn RsvpDetail(
    rsvp: RsvpView,
    token: String,
    new: bool,
    /// `?annullata=`: "attesa" when a place in line was given up, otherwise a seat.
    cancelled: Option<String>,
    /// `?annulla=1`: the cancel button was pressed once, the page asks to confirm.
    confirming: bool,
) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let ev = rsvp.event.clone();
    let (class, status) = match rsvp.status {
        RsvpStatus::Confirmed => ("notice notice--success", e.status_confirmed.to_owned()),
        RsvpStatus::Waiting => (
            "notice notice--warning",
            (e.status_waiting)(rsvp.queue_position.unwrap_or(1)),
        ),
        RsvpStatus::Cancelled => ("notice", e.status_cancelled.to_owned()),
    };
    let flash = if new {
        Some(e.just_registered)
    } else if rsvp.status == RsvpStatus::Cancelled {
        match cancelled.as_deref() {
            Some("attesa") => Some(e.just_cancelled_waiting),
            Some(_) => Some(e.just_cancelled),
            None => None,
        }
    } else {
        None
    };
    let detail = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd class="prewrap">{v}</dd> })
    };
    let action = if rsvp.can_cancel {
        view! {
            <section class="rsvp-cancel" aria-labelledby="cancel-title">
                <h2 id="cancel-title">{e.cancel_title}</h2>
                <p>
                    {if rsvp.status == RsvpStatus::Waiting { e.cancel_hint_waiting } else { e.cancel_hint }}
                </p>
                {if confirming {
                    // Asked once more, with the way back.
                    view! {
                        <div class="notice notice--warning" role="alert">
                            <p><strong>{e.cancel_confirm_question}</strong></p>
                            <form method="post" action=paths::rsvp(&token) class="inline-actions">
                                <input type="hidden" name=CONFIRM value="1" />
                                <button type="submit" class="btn btn--danger">{e.cancel_confirm}</button>
                                <a class="btn btn--outline" href=paths::rsvp(&token)>{e.cancel_keep}</a>
                            </form>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <form method="post" action=paths::rsvp(&token)>
                            <button type="submit" class="btn btn--outline">{e.cancel_button}</button>
                        </form>
                    }
                    .into_any()
                }}
            </section>
        }
        .into_any()
    } else if rsvp.can_register_again && !rsvp.email.is_empty() {
        // Changed one's mind: one tap, the same details (the form on the event's page for
        // other ones).
        view! {
            <form method="post" action=paths::rsvp(&token)>
                <input type="hidden" name=AGAIN value="1" />
                <button type="submit" class="btn btn--primary">{e.register_again}</button>
            </form>
            <p class="field__hint">
                {e.register_again_hint} " "
                <a href=format!("{}#{RSVP_ANCHOR}", paths::event(&ev.slug))>{e.register_again_other}</a>
            </p>
        }
        .into_any()
    } else if rsvp.status != RsvpStatus::Cancelled {
        view! { <p>{e.cannot_cancel}</p> }.into_any()
    } else {
        ().into_any()
    };
    view! {
        <h1>{e.your_rsvp}</h1>
        {flash.map(|f| view! {
            <div class="notice notice--success" role="status" tabindex="-1" autofocus><p>{f}</p></div>
        })}
        {new.then(|| view! { <RsvpAssist lang=t.lang mode=AssistMode::Sent event=ev.slug.clone() /> })}
        <div class=class role="status" id="rsvp-status"><p><strong>{status}</strong></p></div>
        <h2><a href=paths::event(&ev.slug)>{ev.title.clone()}</a></h2>
        <dl class="facts">
            <dt>{e.when}</dt>
            <dd>{when_line(&ev, t.lang)}</dd>
            <dt>{e.where_}</dt>
            <dd>{ev.venue_name.clone()} <br /> {ev.venue_address.clone()}</dd>
        </dl>
        <h2>{e.your_details}</h2>
        <dl class="facts">
            <dt>{e.name}</dt>
            <dd>{format!("{} {}", rsvp.first_name, rsvp.last_name)}</dd>
            <dt>{t.field(Field::Email)}</dt>
            <dd>{rsvp.email.clone()}</dd>
            {detail(t.field(Field::Affiliation), rsvp.affiliation.clone())}
            {detail(t.field(Field::Role), rsvp.role.clone())}
            {detail(t.field(Field::Accessibility), rsvp.accessibility.clone())}
        </dl>
        {rsvp.checkin_qr.clone().map(|svg| view! {
            <section class="rsvp-door" aria-labelledby="door-title">
                <h2 id="door-title">{e.door_title}</h2>
                <p>{e.door_hint}</p>
                // Made by the server from the registration's own code: no user text inside.
                <div class="qr" role="img" aria-label=e.door_title inner_html=svg></div>
                <p>{e.door_code} ": " <code id="checkin-code">{rsvp.checkin_code.clone()}</code></p>
            </section>
        })}
        {action}
        <p class="field__hint">{e.keep_link}</p>
    }
}
