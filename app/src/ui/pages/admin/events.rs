//! Staff pages of events (`/admin/eventi/…`): the list with counts, the new-event and edit
//! forms (posting to their own URLs — see `web::forms::events`), publish and cancel (the
//! registrations and the check-in screen are `event_rsvps`). Every page checks the session on
//! the server (`staff_gate`).

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::{staff_event, staff_event_venues, staff_events};
use crate::core::datetime::{clock_time, short_date};
use crate::core::model::event::EventStatus;
use crate::core::paths;
use crate::core::validate::event::{
    EventInput, Field, EVENT_DESCRIPTION_MAX, PROGRAMME_MAX, SUMMARY_MAX, TITLE_MAX, VENUE_MAX,
    VENUE_NOTES_MAX,
};
use crate::core::validate::FieldErrors;
use crate::core::view::event::{StaffEventPage, StaffEventRow, VenueChoice};
use crate::ui::components::audit::AuditTable;
use crate::ui::components::form::{Conflict, EditFormState, ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Provided in context when the event form is rendered again after a failed post.
pub type EventFormState = EditFormState<EventInput, Field>;

/// The saved version of an event that changed while a colleague edited it.
pub type EventConflict = Conflict<EventInput>;

pub(super) fn id_param() -> Option<i64> {
    use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()))
}

pub(super) fn counts_line(e: &StaffEventRow) -> String {
    let c = e.counts;
    (use_texts().events.counts)(
        c.confirmed,
        e.capacity,
        c.waiting,
        c.cancelled,
        c.checked_in,
    )
}

#[component]
pub fn StaffEventsPage() -> impl IntoView {
    let e = use_texts().events;
    let discarded = use_query_map().with_untracked(|q| q.get_str("eliminata").is_some());
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match staff_gate(paths::ADMIN_EVENTS).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_events().await {
                        Ok(events) => view! { <EventTable staff events discarded /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
        <Title text=e.title />
    }
}

#[component]
fn EventTable(staff: StaffContext, events: Vec<StaffEventRow>, discarded: bool) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let rows = events
        .iter()
        .map(|ev| {
            view! {
                <tr>
                    <td><a href=paths::admin_event(ev.id)>{ev.title.clone()}</a></td>
                    <td>{short_date(ev.starts_at)} " " {clock_time(ev.starts_at)}</td>
                    <td><span class=format!("status status--{}", ev.status.code())>{e.status(ev.status)}</span></td>
                    <td>
                        <a href=paths::event_rsvps(ev.id)>{counts_line(ev)}</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <AdminBar staff />
        <h1>{e.title}</h1>
        {discarded.then(|| view! { <p class="notice" role="status">{e.draft_discarded}</p> })}
        <p>{e.staff_intro}</p>
        <p><a class="btn btn--primary" href=paths::NEW_EVENT>{e.new_event}</a></p>
        {if events.is_empty() {
            view! { <p>{e.no_events}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{e.col_event}</th>
                                <th scope="col">{e.when}</th>
                                <th scope="col">{e.col_status}</th>
                                <th scope="col">{e.col_registrations}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
                .into_any()
        }}
    }
}

/// The fields of the event form (new and edit).
/// Choosing a mapped space fills in the venue's name and address at once (without JavaScript
/// the server does it for fields left empty). A field is filled when it is empty or still holds
/// what the last choice put there: what staff typed themselves is never overwritten, and
/// choosing "no mapped space" leaves the fields as they are.
const VENUE_FILL: &str = "(function(){var s=document.getElementById('venue_space');\
if(!s)return;var o=s.options[s.selectedIndex];\
var put={name:o&&o.dataset.name||'',address:o&&o.dataset.address||''};\
s.addEventListener('change',function(){var o=s.options[s.selectedIndex];\
if(!o||!o.dataset.name)return;['name','address'].forEach(function(k){\
var el=document.getElementById('venue_'+k);if(!el)return;var v=o.dataset[k]||'';\
if(el.value.trim()===''||el.value===put[k]){el.value=v;put[k]=v;}});});})();";

#[component]
fn EventFields(
    input: EventInput,
    errors: FieldErrors<Field>,
    spaces: Vec<VenueChoice>,
) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let err = || errors.clone();
    let venue_error = errors.get(Field::VenueSpace).map(|p| t.problem(p));
    let venue_invalid = venue_error.is_some();
    // The chosen venue's position is not exact: its page and calendars show no point to go
    // to until staff correct it on the space's page.
    let imprecise = spaces
        .iter()
        .find(|v| !v.exact && v.id.to_string() == input.venue_space.trim())
        .map(|v| {
            view! {
                <p class="notice notice--warning" id="venue-imprecise">
                    {(e.venue_imprecise)(&v.name)} " "
                    <a href=paths::admin_space(v.id)>{e.venue_imprecise_fix}</a>
                </p>
            }
        });
    let options = spaces
        .into_iter()
        .map(|VenueChoice { id, name, address, .. }| {
            let value = id.to_string();
            let selected = value == input.venue_space;
            // What the browser fills in as it is chosen (`VENUE_FILL`).
            let label = name.clone();
            view! {
                <option value=value selected=selected data-name=name data-address=address>{label}</option>
            }
        })
        .collect_view();
    let datetime = |field: Field, value: String, required: bool| {
        view! {
            <TextField field value errors=err() kind="datetime-local" required hint=e.times_hint.to_owned() />
        }
    };
    view! {
        <fieldset>
            <legend>{e.section_texts}</legend>
            <TextField field=Field::TitleIt value=input.title_it.clone() errors=err() max=TITLE_MAX required=true />
            <TextField field=Field::TitleEn value=input.title_en.clone() errors=err() max=TITLE_MAX />
            <TextField field=Field::Slug value=input.slug.clone() errors=err() max=crate::core::validate::event::SLUG_MAX hint=e.slug_hint.to_owned() />
            <TextField field=Field::SummaryIt value=input.summary_it.clone() errors=err() max=SUMMARY_MAX multiline=true />
            <TextField field=Field::SummaryEn value=input.summary_en.clone() errors=err() max=SUMMARY_MAX multiline=true />
            <TextField field=Field::DescriptionIt value=input.description_it.clone() errors=err() max=EVENT_DESCRIPTION_MAX multiline=true />
            <TextField field=Field::DescriptionEn value=input.description_en.clone() errors=err() max=EVENT_DESCRIPTION_MAX multiline=true />
            <TextField field=Field::ProgrammeIt value=input.programme_it.clone() errors=err() max=PROGRAMME_MAX multiline=true />
            <TextField field=Field::ProgrammeEn value=input.programme_en.clone() errors=err() max=PROGRAMME_MAX multiline=true />
        </fieldset>
        <fieldset>
            <legend>{e.section_when}</legend>
            <div class="field-row">
                {datetime(Field::StartsAt, input.starts_at.clone(), true)}
                {datetime(Field::EndsAt, input.ends_at.clone(), true)}
            </div>
        </fieldset>
        <fieldset>
            <legend>{e.section_venue}</legend>
            <div class="field" class:field--invalid=venue_invalid>
                <label for="venue_space">{t.field(Field::VenueSpace)}</label>
                {venue_error.map(|m| view! { <p class="field__error" id="venue_space-error">{m}</p> })}
                <select
                    id="venue_space"
                    name="venue_space"
                    aria-invalid=venue_invalid.then_some("true")
                    aria-describedby=if venue_invalid { "venue_space-error venue_space-hint" } else { "venue_space-hint" }
                >
                    <option value="">{e.venue_none}</option>
                    {options}
                </select>
                <p class="field__hint" id="venue_space-hint">{e.venue_fill_hint}</p>
                {imprecise}
                <script nonce=leptos::nonce::use_nonce()>{VENUE_FILL}</script>
            </div>
            // Required, unless a mapped space is chosen: then left empty, they are its own.
            <TextField field=Field::VenueName value=input.venue_name.clone() errors=err() max=VENUE_MAX />
            <TextField field=Field::VenueAddress value=input.venue_address.clone() errors=err() max=crate::core::validate::ADDRESS_MAX required=true />
            <TextField field=Field::TravelIt value=input.travel_it.clone() errors=err() max=VENUE_NOTES_MAX multiline=true hint=e.travel_hint.to_owned() />
            <TextField field=Field::TravelEn value=input.travel_en.clone() errors=err() max=VENUE_NOTES_MAX multiline=true />
            <TextField field=Field::AccessIt value=input.access_it.clone() errors=err() max=VENUE_NOTES_MAX multiline=true hint=e.access_hint.to_owned() />
            <TextField field=Field::AccessEn value=input.access_en.clone() errors=err() max=VENUE_NOTES_MAX multiline=true />
            <TextField field=Field::Organiser value=input.organiser.clone() errors=err() max=crate::core::validate::ORGANISATION_MAX required=true />
            <TextField field=Field::Email value=input.contact_email.clone() errors=err() kind="email" max=crate::core::validate::EMAIL_MAX required=true />
        </fieldset>
        <fieldset>
            <legend>{e.section_rsvp}</legend>
            <TextField field=Field::Capacity value=input.capacity.clone() errors=err() kind="number" required=true />
            // The window's hint belongs to its two fields, not to the seats above them.
            <div class="field-row">
                {datetime(Field::RsvpOpensAt, input.rsvp_opens_at.clone(), false)}
                {datetime(Field::RsvpClosesAt, input.rsvp_closes_at.clone(), false)}
            </div>
            <p class="field__hint">{e.window_hint}</p>
        </fieldset>
    }
}

#[component]
pub fn EventNewPage() -> impl IntoView {
    let e = use_texts().events;
    let state = use_context::<EventFormState>();
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=e.new_event />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match staff_gate(paths::NEW_EVENT).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let spaces = match staff_event_venues().await {
                        Ok(s) => s,
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    let state = state.clone().unwrap_or_else(|| EventFormState {
                        input: EventInput {
                            organiser: "Città metropolitana di Bologna – Progetti d'impresa".into(),
                            contact_email: "progimpresa@cittametropolitana.bo.it".into(),
                            ..Default::default()
                        },
                        errors: FieldErrors::default(),
                        conflict: None,
                        version: None,
                        base: None,
                        resumed: false,
                    });
                    let csrf = staff.csrf_token.clone();
                    view! {
                        <AdminBar staff />
                        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
                            <a href=paths::ADMIN_EVENTS>{e.title}</a>
                        </nav>
                        <h1>{e.new_event}</h1>
                        <ErrorSummary errors=state.errors.clone() />
                        <form class="form form--wide" method="post" action=paths::NEW_EVENT novalidate>
                            <input type="hidden" name="csrf" value=csrf />
                            <EventFields input=state.input errors=state.errors spaces />
                            <button type="submit" class="btn btn--primary">{e.create_event}</button>
                        </form>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn EventEditPage() -> impl IntoView {
    let id = id_param();
    let (saved, created, promoted, cancelled, stale, follow) =
        use_query_map().with_untracked(|q| {
            (
                q.get_str("salvato").is_some(),
                q.get_str("creato").is_some(),
                q.get_str("promossi").and_then(|n| n.parse::<usize>().ok()),
                q.get_str("annullato").and_then(|n| n.parse::<usize>().ok()),
                q.get_str("superato").is_some(),
                // After following or no longer following it: which.
                q.get_str("seguito").map(|v| v == "1"),
            )
        });
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = paths::admin_event(id.unwrap_or_default());
                    let staff = match staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_event(id).await {
                        Ok(page) => view! { <EventEditor staff page saved created promoted cancelled stale follow /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn EventEditor(
    staff: StaffContext,
    page: StaffEventPage,
    saved: bool,
    created: bool,
    promoted: Option<usize>,
    cancelled: Option<usize>,
    stale: bool,
    follow: Option<bool>,
) -> impl IntoView {
    let t = use_texts();
    let e = t.events;
    let ev = page.event.clone();
    let state = use_context::<EventFormState>();
    let resumed = state.as_ref().is_some_and(|s| s.resumed);
    let (input, errors, conflict, posted, form_base) = match state {
        Some(s) => (s.input, s.errors, s.conflict, s.version, s.base),
        None => (page.input.clone(), FieldErrors::default(), None, None, None),
    };
    let form_base = form_base.unwrap_or_else(|| page.base.clone());
    // The version the form was read at: after a conflict, the saved one (saving again is
    // then a choice made with both versions in view); after refused input, the one posted.
    let version = conflict
        .as_ref()
        .map(|c| c.version)
        .or(posted)
        .unwrap_or(ev.version);
    let conflict = conflict.map(|c| {
        view! {
            <crate::ui::components::form::ConflictNotice
                title=e.conflict_title
                mine=input.values()
                saved=c.saved.values()
            />
        }
    });
    let base = paths::admin_event(ev.id);
    // The status buttons belong to the edit form (`formaction`): what was typed goes with
    // them and is saved first, never dropped.
    let status_button = |status: EventStatus, label: &'static str, class: &'static str| {
        view! {
            <button type="submit" class=class formaction=paths::admin_event_status(ev.id) name="stato" value=status.code()>
                {label}
            </button>
        }
    };
    let to_email = ev.counts.confirmed + ev.counts.waiting;
    // Irreversible actions open a second step first (a native disclosure: no JavaScript
    // needed) that says what will happen.
    let actions = match ev.status {
        EventStatus::Draft => Some(
            view! {
                <div class="status-actions">
                    {status_button(EventStatus::Published, e.publish, "btn btn--outline")}
                    <details class="confirm">
                        <summary class="btn btn--outline">{e.discard_draft}</summary>
                        <p>{e.discard_draft_effect}</p>
                        <button type="submit" class="btn btn--danger" formaction=paths::admin_event_discard(ev.id)>
                            {e.discard_draft_confirm}
                        </button>
                    </details>
                </div>
            }
            .into_any(),
        ),
        EventStatus::Published => Some(
            view! {
                <div class="status-actions">
                    <details class="confirm">
                        <summary class="btn btn--outline">{e.cancel_event_step}</summary>
                        <p>{(e.cancel_event_effect)(to_email)}</p>
                        <p class="field__hint">{e.cancel_event_hint}</p>
                        {status_button(EventStatus::Cancelled, e.cancel_event_confirm, "btn btn--danger")}
                    </details>
                </div>
            }
            .into_any(),
        ),
        EventStatus::Cancelled => None,
    };
    let notice = if let Some(n) = cancelled {
        Some((e.cancelled_report)(n))
    } else if created {
        Some(e.created.to_owned())
    } else if saved {
        Some(match promoted {
            Some(n) if n > 0 => format!("{} {}", e.saved, (e.promoted)(n)),
            _ => e.saved.to_owned(),
        })
    } else {
        follow.map(|f| if f { e.followed } else { e.unfollowed }.to_owned())
    };
    // The daily digest of its registrations, for whoever follows it.
    let following = page.following;
    let follow_form = view! {
        <form method="post" action=paths::event_follow(ev.id) class="follow-form">
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="segui" value=if following { "0" } else { "1" } />
            <p>
                {if following { e.following_note } else { e.follow_note }} " "
                <button type="submit" class="btn btn--outline btn--small">
                    {if following { e.unfollow } else { e.follow }}
                </button>
            </p>
        </form>
    };
    view! {
        <Title text=format!("{} – {}", ev.title, t.admin.area) />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::ADMIN_EVENTS>{e.title}</a>
        </nav>
        <h1>{ev.title.clone()}</h1>
        <p>
            {e.col_status} ": "
            <span class=format!("status status--{}", ev.status.code())>{e.status(ev.status)}</span>
            {(ev.status != EventStatus::Draft).then(|| view! {
                " · " <a href=paths::event(&ev.slug)>{e.public_page}</a>
            })}
        </p>
        <p>
            {counts_line(&ev)} " · "
            <a href=paths::event_rsvps(ev.id)>{e.rsvps_link}</a> " · "
            <a href=paths::check_in(ev.id)>{e.checkin_link}</a>
        </p>
        {follow_form}
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {stale.then(|| view! { <p class="notice notice--error" role="alert">{e.stale}</p> })}
        {resumed.then(|| view! { <p class="notice notice--error" role="alert">{t.admin.resumed}</p> })}
        {conflict}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--wide" method="post" action=base.clone() novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="version" value=version />
            <input type="hidden" name="base" value=form_base />
            <input type="hidden" name="modulo" value="1" />
            <EventFields input errors spaces=page.spaces.clone() />
            // Saving comes first in the form: Enter in a field saves, never changes status.
            <button type="submit" class="btn btn--primary">{t.admin.save}</button>
            {actions}
        </form>
        <h2>{t.admin.history}</h2>
        <AuditTable entries=page.audit.clone() names=crate::ui::components::audit::Names { venues: page.spaces.iter().map(|v| (v.id, v.name.clone())).collect(), ..Default::default() } />
    }
}
