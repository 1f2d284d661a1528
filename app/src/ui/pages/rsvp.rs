//! `/prenotazione/{token}` (English `/en/registration/{token}`): the personal page of one
//! registration, reached from its e-mail — its status, its details, the QR code for the door;
//! cancelling (asked first) and registering again. Works without JavaScript.

use crate::api::error::AppError;
use crate::api::rsvp_page;
use crate::core::model::event::RsvpStatus;
use crate::core::paths;
use crate::core::validate::rsvp::Field;
use crate::core::view::event::{InItalian, RsvpView};
use crate::i18n::events::when_line;
use crate::ui::islands::join_assist::{AssistMode, RsvpAssist};
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::events::RSVP_ANCHOR;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The field of the personal page's confirmation that cancels ("1"); without it the cancel
/// button asks first.
pub const CONFIRM: &str = "conferma";

/// The field of the personal page's "register again" ("1"): the same details, a new
/// registration.
pub const AGAIN: &str = "di_nuovo";

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
                                <p><a class="btn btn--primary" href=link(paths::EVENTS)>{e.all_events}</a></p>
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
            Some("libero") => Some(e.just_cancelled_free),
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
                    {match rsvp.status {
                        RsvpStatus::Waiting => e.cancel_hint_waiting,
                        // Nobody in line: the seat is simply free again.
                        _ if ev.waiting == 0 => e.cancel_hint_free,
                        _ => e.cancel_hint,
                    }}
                </p>
                {if confirming {
                    // Asked once more, with the way back.
                    view! {
                        <div class="notice notice--warning" role="alert">
                            <p><strong>{e.cancel_confirm_question}</strong></p>
                            <form method="post" action=link(&paths::rsvp(&token)) class="inline-actions">
                                <input type="hidden" name=CONFIRM value="1" />
                                <button type="submit" class="btn btn--danger">{e.cancel_confirm}</button>
                                <a class="btn btn--outline" href=link(&paths::rsvp(&token))>{e.cancel_keep}</a>
                            </form>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <form method="post" action=link(&paths::rsvp(&token))>
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
            <form method="post" action=link(&paths::rsvp(&token))>
                <input type="hidden" name=AGAIN value="1" />
                <button type="submit" class="btn btn--primary">{e.register_again}</button>
            </form>
            <p class="field__hint">
                {if ev.seats_left() == 0 { e.register_again_hint_full } else { e.register_again_hint }} " "
                <a href=link(&format!("{}#{RSVP_ANCHOR}", paths::event(&ev.slug)))>{e.register_again_other}</a>
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
        <h2><a href=link(&paths::event(&ev.slug)) lang=InItalian::lang(ev.in_italian.title)>{ev.title.clone()}</a></h2>
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
