//! Staff add, correct or cancel one registration of an event: the form to add one (a phone
//! call, a walk-in at the door, someone without e-mail; `/admin/eventi/{id}/aggiungi-iscrizione`),
//! the form to correct its details (`…/modifica-iscrizione?iscrizione={rsvp}`) and the step
//! that says what cancelling one will do (`…/annulla-iscrizione?iscrizione={rsvp}`).
//! Their posts are `web::forms::registrations`.

use super::events::{counts_line, id_param};
use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::{staff_event_rsvp, staff_event_summary};
use crate::core::model::event::RsvpStatus;
use crate::core::paths;
use crate::core::validate::rsvp::{
    Field, RsvpInput, ACCESSIBILITY_MAX, AFFILIATION_MAX, DETAILS, PERSON_NAME_MAX, ROLE_MAX,
};
use crate::core::validate::{FieldErrors, FormField, Problem};
use crate::core::view::event::{StaffEventRow, StaffRsvpRow};
use crate::ui::components::form::{ConflictNotice, ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// Provided in context when the add form is rendered again after a refused post.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RsvpAddState {
    pub input: RsvpInput,
    pub present: bool,
    pub beyond_capacity: bool,
    pub same_name_ok: bool,
    pub errors: FieldErrors<Field>,
}

/// The query that says staff came from the door screen (and go back there).
pub const FROM_DOOR: (&str, &str) = ("da", "ingresso");

#[component]
pub fn RsvpAddPage() -> impl IntoView {
    let id = id_param();
    let from_door = use_query_map().with_untracked(|q| q.get_str(FROM_DOOR.0) == Some(FROM_DOOR.1));
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    let staff = match staff_gate(&paths::rsvp_add(id, from_door)).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_event_summary(id).await {
                        Ok(event) => view! { <RsvpAdd staff event from_door /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn RsvpAdd(staff: StaffContext, event: StaffEventRow, from_door: bool) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    // From a search at the door that found nobody: the name typed there, first name first.
    let typed = use_query_map()
        .with_untracked(|q| q.get("nome"))
        .unwrap_or_default();
    let (first, last) = typed.trim().split_once(' ').unwrap_or((typed.trim(), ""));
    let state = use_context::<RsvpAddState>().unwrap_or(RsvpAddState {
        // At the door, the person added is usually the one in front of staff.
        present: from_door,
        input: RsvpInput {
            first_name: first.to_owned(),
            last_name: last.trim().to_owned(),
            ..Default::default()
        },
        ..Default::default()
    });
    let (input, errors) = (state.input, state.errors);
    let title = (e.add_rsvp_title)(&event.title);
    let (back, back_words) = if from_door {
        (paths::check_in(event.id), e.back_to_door)
    } else {
        (paths::event_rsvps(event.id), e.back_to_rsvps)
    };
    let full =
        event.counts.confirmed >= event.capacity || errors.get(Field::BeyondCapacity).is_some();
    let form_error = errors.get(Field::Form).map(|p| t.problem(p));
    let beyond_error = errors
        .get(Field::BeyondCapacity)
        .map(|p: Problem| t.problem(p));
    // Someone of the same name is there already: the box shows once that is said.
    let same_name = errors.get(Field::SameNameOk).map(|p: Problem| t.problem(p));
    let e_ = || errors.clone();
    let check = |field: Field, checked: bool, error: Option<String>| {
        let name = field.name();
        let error_id = format!("{name}-error");
        let invalid = error.is_some();
        view! {
            <div class="field" class:field--invalid=invalid>
                {error.map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
                <div class="check">
                    <input
                        type="checkbox"
                        id=name
                        name=name
                        value="1"
                        checked=checked
                        aria-invalid=invalid.then_some("true")
                        aria-describedby=invalid.then_some(error_id.clone())
                    />
                    <label for=name>{t.field(field)}</label>
                </div>
            </div>
        }
    };
    view! {
        <Title text=title.clone() />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=paths::ADMIN_EVENTS>{e.title}</a> " › "
            <a href=paths::admin_event(event.id)>{event.title.clone()}</a> " › "
            {if from_door {
                view! { <a href=paths::check_in(event.id)>{e.checkin_link}</a> }
            } else {
                view! { <a href=paths::event_rsvps(event.id)>{e.rsvps_link}</a> }
            }}
        </nav>
        <h1>{title}</h1>
        <p>{e.add_rsvp_intro}</p>
        <p>{counts_line(&event)}</p>
        {form_error.map(|m| view! {
            <div class="notice notice--error" role="alert" id="form" tabindex="-1" autofocus>
                <p>{m}</p>
            </div>
        })}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--rsvp" method="post" action=paths::rsvp_add(event.id, from_door) novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <div class="field-row">
                <TextField field=Field::FirstName value=input.first_name.clone() errors=e_() max=PERSON_NAME_MAX required=true autocomplete="off" />
                <TextField field=Field::LastName value=input.last_name.clone() errors=e_() max=PERSON_NAME_MAX required=true autocomplete="off" />
            </div>
            <TextField field=Field::Email value=input.email.clone() errors=e_() kind="email" max=crate::core::validate::EMAIL_MAX autocomplete="off" hint=e.add_rsvp_email_hint.to_owned() />
            <TextField field=Field::Affiliation value=input.affiliation.clone() errors=e_() max=AFFILIATION_MAX autocomplete="off" />
            <TextField field=Field::Role value=input.role.clone() errors=e_() max=ROLE_MAX autocomplete="off" />
            <TextField field=Field::Accessibility value=input.accessibility.clone() errors=e_() max=ACCESSIBILITY_MAX multiline=true />
            {same_name.map(|m| check(Field::SameNameOk, state.same_name_ok, Some(m)))}
            {check(Field::Present, state.present, None)}
            {full.then(|| view! {
                // Said once: as the box's error after a refusal, else before it.
                {beyond_error.is_none().then(|| view! { <p>{(e.add_rsvp_full)(event.capacity)}</p> })}
                {check(Field::BeyondCapacity, state.beyond_capacity, beyond_error.clone())}
            })}
            <div class="status-actions">
                <button type="submit" class="btn btn--primary">{e.add_rsvp_submit}</button>
                <a class="btn btn--outline" href=back>{back_words}</a>
            </div>
        </form>
    }
}

/// A page about one registration of an event (`…?iscrizione={rsvp}`): the event and the
/// registration read once staff are signed in, then `show` (given the page's own address for
/// the sign-in to come back to).
fn one_rsvp_page(
    address: fn(i64, i64) -> String,
    show: fn(StaffContext, StaffEventRow, StaffRsvpRow) -> AnyView,
) -> impl IntoView {
    let id = id_param();
    let rsvp = rsvp_param();
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let (Some(id), Some(rsvp)) = (id, rsvp) else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    let staff = match staff_gate(&address(id, rsvp)).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_event_rsvp(id, rsvp).await {
                        Ok((event, rsvp)) => show(staff, event, rsvp),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Staff cancel a registration, after saying what will follow
/// (`/admin/eventi/{id}/annulla-iscrizione?iscrizione={rsvp}`).
#[component]
pub fn RsvpCancelPage() -> impl IntoView {
    one_rsvp_page(paths::rsvp_cancel, |staff, event, rsvp| {
        if rsvp.status != RsvpStatus::Cancelled {
            return view! { <RsvpCancel staff event rsvp /> }.into_any();
        }
        // Cancelled already (by the person, or a colleague): said so.
        let e = use_texts().events;
        let name = format!("{} {}", rsvp.first_name, rsvp.last_name);
        view! {
            <AdminBar staff />
            <h1>{(e.already_cancelled)(&name)}</h1>
            <p><a href=paths::event_rsvps(event.id)>{e.back_to_rsvps}</a></p>
        }
        .into_any()
    })
}

#[component]
fn RsvpCancel(staff: StaffContext, event: StaffEventRow, rsvp: StaffRsvpRow) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let name = format!("{} {}", rsvp.first_name, rsvp.last_name);
    let title = (e.cancel_rsvp_title)(&name);
    let seat = (rsvp.status == RsvpStatus::Confirmed && event.counts.waiting > 0)
        .then(|| view! { <p>{e.cancel_rsvp_seat}</p> });
    let present = rsvp.checked_in_at.map(|at| {
        let when = crate::core::datetime::clock_time(at);
        view! { <p class="notice notice--warning">{(e.cancel_rsvp_present)(&name, &when)}</p> }
    });
    let (contact, mail) = if rsvp.email.is_empty() {
        (e.no_email.to_owned(), (e.cancel_rsvp_no_mail)(&name))
    } else {
        (rsvp.email.clone(), (e.cancel_rsvp_mail)(&name))
    };
    view! {
        <Title text=title.clone() />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=paths::ADMIN_EVENTS>{e.title}</a> " › "
            <a href=paths::admin_event(event.id)>{event.title.clone()}</a> " › "
            <a href=paths::event_rsvps(event.id)>{e.rsvps_link}</a>
        </nav>
        <h1>{title}</h1>
        <p>{format!("{contact} · {}", event.title)}</p>
        <p>{mail}</p>
        {present}
        {seat}
        <form method="post" action=paths::fill(paths::RSVP_CANCEL, event.id) class="status-actions">
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="rsvp" value=rsvp.id.to_string() />
            <button type="submit" class="btn btn--danger">{e.cancel_rsvp_confirm}</button>
            <a class="btn btn--outline" href=paths::event_rsvps(event.id)>{e.back_to_rsvps}</a>
        </form>
    }
}

/// Provided in context when the correction form is rendered again after a refused post.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RsvpEditState {
    pub input: RsvpInput,
    /// The details the form was read with (sent back as `base_…` hidden fields), kept
    /// through a re-render.
    pub base: RsvpInput,
    pub errors: FieldErrors<Field>,
    /// A colleague's correction made in between: the details as saved now.
    pub clash: Option<RsvpInput>,
}

/// The prefix of the hidden fields that carry the details a correction form was read with.
pub const BASE_PREFIX: &str = "base_";

/// The details the form was read with, as hidden fields (`base_first_name`, …): the server
/// tells from them which details staff changed (see `merge_correction`).
fn base_fields(base: &RsvpInput) -> impl IntoView {
    DETAILS
        .into_iter()
        .map(|f| {
            let name = format!("{BASE_PREFIX}{}", f.name());
            let value = base.detail(f).unwrap_or_default().to_owned();
            view! { <input type="hidden" name=name value=value /> }
        })
        .collect_view()
}

/// The registration a page names (`?iscrizione=`).
fn rsvp_param() -> Option<i64> {
    use_query_map().with_untracked(|q| q.get("iscrizione").and_then(|r| r.parse::<i64>().ok()))
}

/// Staff correct a registration's details (`/admin/eventi/{id}/modifica-iscrizione?iscrizione=`).
#[component]
pub fn RsvpEditPage() -> impl IntoView {
    one_rsvp_page(paths::rsvp_edit, |staff, event, rsvp| {
        view! { <RsvpEdit staff event rsvp /> }.into_any()
    })
}

#[component]
fn RsvpEdit(staff: StaffContext, event: StaffEventRow, rsvp: StaffRsvpRow) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let read = RsvpInput {
        first_name: rsvp.first_name.clone(),
        last_name: rsvp.last_name.clone(),
        email: rsvp.email.clone(),
        affiliation: rsvp.affiliation.clone().unwrap_or_default(),
        role: rsvp.role.clone().unwrap_or_default(),
        accessibility: rsvp.accessibility.clone().unwrap_or_default(),
        consent_privacy: None,
    };
    let state = use_context::<RsvpEditState>().unwrap_or_else(|| RsvpEditState {
        base: read.clone(),
        input: read,
        ..Default::default()
    });
    let (input, errors) = (state.input, state.errors);
    let name = format!("{} {}", rsvp.first_name, rsvp.last_name);
    let title = (e.edit_rsvp_title)(&name);
    let clash = state.clash.map(|saved| {
        let values = |i: &RsvpInput| {
            DETAILS
                .into_iter()
                .map(|f| (f, i.detail(f).unwrap_or_default().to_owned()))
                .collect::<Vec<_>>()
        };
        view! { <ConflictNotice title=e.edit_rsvp_clash mine=values(&input) saved=values(&saved) /> }
    });
    let e_ = || errors.clone();
    view! {
        <Title text=title.clone() />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=paths::ADMIN_EVENTS>{e.title}</a> " › "
            <a href=paths::admin_event(event.id)>{event.title.clone()}</a> " › "
            <a href=paths::event_rsvps(event.id)>{e.rsvps_link}</a>
        </nav>
        <h1>{title}</h1>
        {(rsvp.status == RsvpStatus::Cancelled).then(|| view! {
            <p class="notice notice--warning">{e.edit_rsvp_cancelled}</p>
        })}
        <p>{e.edit_rsvp_intro}</p>
        {clash}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--rsvp" method="post" action=paths::rsvp_edit(event.id, rsvp.id) novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            {base_fields(&state.base)}
            <div class="field-row">
                <TextField field=Field::FirstName value=input.first_name.clone() errors=e_() max=PERSON_NAME_MAX required=true autocomplete="off" />
                <TextField field=Field::LastName value=input.last_name.clone() errors=e_() max=PERSON_NAME_MAX required=true autocomplete="off" />
            </div>
            <TextField field=Field::Email value=input.email.clone() errors=e_() kind="email" max=crate::core::validate::EMAIL_MAX autocomplete="off" hint=e.edit_rsvp_email_hint.to_owned() />
            <TextField field=Field::Affiliation value=input.affiliation.clone() errors=e_() max=AFFILIATION_MAX autocomplete="off" />
            <TextField field=Field::Role value=input.role.clone() errors=e_() max=ROLE_MAX autocomplete="off" />
            <TextField field=Field::Accessibility value=input.accessibility.clone() errors=e_() max=ACCESSIBILITY_MAX multiline=true />
            <div class="status-actions">
                <button type="submit" class="btn btn--primary">{e.edit_rsvp_submit}</button>
                <a class="btn btn--outline" href=paths::event_rsvps(event.id)>{e.back_to_rsvps}</a>
            </div>
        </form>
    }
}
