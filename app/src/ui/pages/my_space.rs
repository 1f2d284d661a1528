//! `/il-mio-spazio` (English `/en/my-space`): the space managers' area. Signed out, the form
//! that e-mails a sign-in link (the same answer for any address); signed in, the spaces the
//! address manages. `/il-mio-spazio/accesso/{token}`: the link's page, one button that signs
//! in (a mail scanner opening the link does not use it up). The posts are
//! `web::forms::managers`. Works without JavaScript.

use crate::api::managers::{
    manager_area, manager_colleagues, manager_confirmation, manager_confirmation_answer,
    manager_editor, manager_link,
};
use crate::core::datetime::day_date;
use crate::core::model::PhotoSize;
use crate::core::model::SpaceStatus;
use crate::core::paths;
use crate::core::validate::space::{Field, SpaceInput};
use crate::core::validate::FieldErrors;
use crate::core::view::{ManagerArea, ManagerEditor};
use crate::ui::components::form::EditFormState;
use crate::ui::components::form::{EmailField, ErrorSummary};
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::admin::space_edit::{PhotoField, SpaceFields};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn MySpacePage() -> impl IntoView {
    let m = use_texts().managers;
    let (sent, signed_out, proposed, published, kept, old_link) =
        use_query_map().with_untracked(|q| {
            (
                q.get_str("inviato").is_some(),
                q.get_str("uscito").is_some(),
                q.get_str("inviate").is_some(),
                q.get_str("pubblicate").is_some(),
                q.get_str("scaduta").is_some(),
                q.get_str("vecchio").is_some(),
            )
        });
    view! {
        <Title text=m.title />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <h1>{m.title}</h1>
            <Suspense>
                {Suspend::new(async move {
                    match manager_area().await {
                        Ok(Some(area)) => view! {
                            {proposed.then(|| view! {
                                <p class="notice notice--success" role="status">{m.proposal_sent}</p>
                            })}
                            {published.then(|| view! {
                                <p class="notice notice--success" role="status">{m.proposal_published}</p>
                            })}
                            <Area area />
                        }
                        .into_any(),
                        Ok(None) => view! {
                            {signed_out.then(|| view! {
                                <p class="notice notice--success" role="status">{m.signed_out}</p>
                            })}
                            {old_link.then(|| view! {
                                <p class="notice notice--warning" role="status">{m.confirm_update_old}</p>
                            })}
                            {kept.then(|| view! {
                                <p class="notice notice--warning" role="alert">{m.draft_kept}</p>
                            })}
                            <RequestForm sent />
                        }
                        .into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The form that e-mails a sign-in link (or, once sent, what happens next).
#[component]
fn RequestForm(sent: bool) -> impl IntoView {
    let m = use_texts().managers;
    if sent {
        return view! {
            <p class="notice notice--success" role="status">{m.sent}</p>
            <p><a href=link(paths::MY_SPACE)>{m.ask_again}</a></p>
        }
        .into_any();
    }
    view! {
        <p class="lead">{m.intro}</p>
        <form class="form" method="post" action=link(paths::MY_SPACE) novalidate>
            <EmailField
                id="email"
                label=m.email_label.to_owned()
                hint=m.email_hint
                autocomplete="email"
            />
            <button type="submit" class="btn btn--primary">{m.ask}</button>
        </form>
        <p>{m.who}</p>
    }
    .into_any()
}

/// A signed-in manager's spaces.
#[component]
fn Area(area: ManagerArea) -> impl IntoView {
    let t = use_texts();
    let m = t.managers;
    let none = area.spaces.is_empty();
    let spaces = area
        .spaces
        .into_iter()
        .map(|space| {
            let published = space.status == SpaceStatus::Published;
            view! {
                <li class="managed-space">
                    <h3>{space.name}</h3>
                    <p>
                        {space.municipality} " · "
                        <span class=format!("status status--{}", space.status.code())>
                            {m.status(space.status)}
                        </span>
                    </p>
                    {space.proposal.map(|p| {
                        let date = day_date(p.at, t.lang);
                        let state = match p.status.as_str() {
                            "approved" => (m.proposal_approved)(&date),
                            "rejected" => (m.proposal_rejected)(&date),
                            _ => (m.proposal_pending)(&date),
                        };
                        view! {
                            <p class="managed-space__proposal">{state}</p>
                            {p.reason.map(|r| view! { <p>{m.reason_label} ": " {r}</p> })}
                        }
                    })}
                    <p class="managed-space__actions">
                        <a class="btn btn--primary" href=link(&paths::my_space_edit(space.id))>{m.propose_link}</a>
                        " " <a href=link(&paths::my_space_managers(space.id))>{m.colleagues_link}</a>
                        {published.then(|| view! {
                            " " <a href=link(&paths::space(&space.slug))>{m.public_page}</a>
                        })}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="manager-bar">
            <p>{(m.signed_in_as)(&area.email)}</p>
            <form method="post" action=link(paths::MY_SPACE_SIGN_OUT)>
                <input type="hidden" name="csrf" value=area.csrf_token />
                <button type="submit" class="btn btn--secondary">{m.sign_out}</button>
            </form>
        </div>
        <h2>{m.spaces_title}</h2>
        {if none {
            view! { <p>{m.none}</p> }.into_any()
        } else {
            view! { <ul class="managed-spaces">{spaces}</ul> }.into_any()
        }}
    }
}

#[component]
pub fn ManagerLinkPage() -> impl IntoView {
    let m = use_texts().managers;
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    view! {
        <Title text=m.link_title />
        // The address holds the link's secret: never sent to other sites, never indexed.
        <Meta name="referrer" content="same-origin" />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <h1>{m.link_title}</h1>
            <Suspense>
                {Suspend::new(async move {
                    match manager_link(token.clone()).await {
                        Ok(Some(email)) => view! {
                            <p class="lead">{(m.link_intro)(&email)}</p>
                            <form method="post" action=link(&paths::my_space_link(&token))>
                                <button type="submit" class="btn btn--primary">{m.link_button}</button>
                            </form>
                        }
                        .into_any(),
                        Ok(None) => {
                            crate::api::context::set_status(404);
                            view! {
                                <p class="notice notice--error" role="alert">{m.link_dead}</p>
                                <RequestForm sent=false />
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

/// The proposal form again after a refused post: what was typed, its problems, its base.
pub type ProposalFormState = EditFormState<SpaceInput, Field>;

#[component]
pub fn ManagerEditPage() -> impl IntoView {
    let m = use_texts().managers;
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=crate::api::error::AppError::NotFound /> }.into_any();
                    };
                    match manager_editor(id).await {
                        Ok(Some(editor)) => view! { <Editor editor /> }.into_any(),
                        // Signed out (the session ended): sign in again from the area.
                        Ok(None) => {
                            crate::api::context::redirect(&link(paths::MY_SPACE));
                            view! { <p>{m.title}</p> }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A manager's form of changes to their space: the space form of staff, the same checks.
#[component]
fn Editor(editor: ManagerEditor) -> impl IntoView {
    let t = use_texts();
    let m = t.managers;
    let state = use_context::<ProposalFormState>();
    // Sent from an earlier session: the same words as for changes kept after one ended.
    let resumed = editor.restored || state.as_ref().is_some_and(|s| s.resumed);
    let unchanged = use_query_map().with_untracked(|q| q.get_str("invariata").is_some());
    let (input, errors, base) = match state {
        Some(s) => (s.input, s.errors, s.base.unwrap_or(editor.base.clone())),
        None => (
            editor.input.clone(),
            FieldErrors::default(),
            editor.base.clone(),
        ),
    };
    let waiting = editor
        .space
        .proposal
        .as_ref()
        .filter(|p| p.status == "pending")
        .map(|p| (m.edit_waiting)(&day_date(p.at, t.lang)));
    let title = (m.edit_title)(&editor.space.name);
    let photo = PhotoField {
        at: paths::MY_SPACE_PHOTO,
        saved: Some(editor.input.photo.clone()).filter(|p| !p.is_empty()),
    };
    view! {
        <Title text=title.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=link(paths::MY_SPACE)>{m.title}</a>
        </nav>
        <h1>{title}</h1>
        <p class="lead">{if editor.trusted { m.edit_intro_trusted } else { m.edit_intro }}</p>
        {waiting.map(|w| view! { <p class="notice" role="status">{w}</p> })}
        {resumed.then(|| view! { <p class="notice notice--warning" role="alert">{m.draft_restored}</p> })}
        {(editor.from_rejected && !resumed).then(|| {
            let reason = editor.space.proposal.as_ref().and_then(|p| p.reason.clone()).unwrap_or_default();
            let afresh = format!("{}?da-capo=1", paths::my_space_edit(editor.space.id));
            view! {
                <div class="notice notice--warning" role="status">
                    <p>{(m.edit_from_rejected)(&reason)}</p>
                    <p><a href=link(&afresh)>{m.edit_afresh}</a></p>
                </div>
            }
        })}
        {unchanged.then(|| view! { <p class="notice notice--error" role="alert">{m.edit_nothing}</p> })}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--wide" method="post" action=link(&paths::my_space_edit(editor.space.id)) enctype="multipart/form-data" novalidate>
            <input type="hidden" name="csrf" value=editor.csrf_token.clone() />
            <input type="hidden" name="base" value=base />
            <SpaceFields input errors municipalities=editor.municipalities.clone() photo=photo />
            <button type="submit" class="btn btn--primary">
                {if editor.trusted { m.edit_submit_trusted } else { m.edit_submit }}
            </button>
        </form>
        <p><a href=link(paths::MY_SPACE)>{m.edit_back}</a></p>
    }
}

/// The field of the confirmation's buttons: `conferma`, `aggiorna` or `chiuso`.
pub const ANSWER: &str = "azione";

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let t = use_texts();
    let m = t.managers;
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let done = use_query_map().with_untracked(|q| q.get("fatto"));
    view! {
        <Title text=m.confirm_title />
        // The address holds the link's secret: never sent to other sites, never indexed.
        <Meta name="referrer" content="same-origin" />
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <Suspense>
                {Suspend::new(async move {
                    // Answered: the thanks (the link itself is used up) — for the answer the
                    // link was given, whatever the address says.
                    if done.is_some() {
                        let thanks = match manager_confirmation_answer(token.clone()).await.ok().flatten().as_deref() {
                            Some("confirmed") => Some(m.confirm_done),
                            Some("closed") => Some(m.confirm_closed_done),
                            _ => None,
                        };
                        if let Some(thanks) = thanks {
                            return view! {
                                <h1>{m.confirm_answered_title}</h1>
                                <p class="notice notice--success" role="status">{thanks}</p>
                            }
                            .into_any();
                        }
                    }
                    let title = view! { <h1>{m.confirm_title}</h1> };
                    match manager_confirmation(token.clone()).await {
                        Ok(Some((since, space))) => view! {
                            {title}
                            {since.map(|at| view! {
                                <p class="notice" role="status">
                                    {(m.confirm_already)(&crate::core::datetime::day_date(at, t.lang))}
                                </p>
                            })}
                            <ConfirmForm token=token.clone() space />
                        }
                        .into_any(),
                        Ok(None) => {
                            crate::api::context::set_status(404);
                            view! {
                                {title}
                                <p class="notice notice--error" role="alert">{m.confirm_dead}</p>
                                <p><a href=link(paths::MY_SPACE)>{m.title}</a></p>
                            }
                            .into_any()
                        }
                        Err(err) => view! { {title} <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The listing as the public sees it, and the three answers.
#[component]
fn ConfirmForm(token: String, space: crate::core::view::SpaceDetail) -> impl IntoView {
    let t = use_texts();
    let m = t.managers;
    let s = &space.summary;
    let kinds = s
        .kinds
        .iter()
        .map(|k| t.kind(*k))
        .collect::<Vec<_>>()
        .join(", ");
    let place = s.place();
    // An empty field is said to be empty: what is missing is worth confirming too.
    let item = |label: &'static str, value: Option<String>| {
        let (value, empty) = match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => (v, false),
            None => (m.confirm_not_given.to_owned(), true),
        };
        view! { <dt>{label}</dt> <dd class:facts__empty=empty>{value}</dd> }
    };
    let action = link(&paths::my_space_confirm(&token));
    let o = space
        .organisation
        .clone()
        .unwrap_or(crate::core::view::Organisation {
            name: String::new(),
            kind: None,
            website: None,
            description: None,
        });
    let organisation = (!o.name.is_empty()).then(|| o.name.clone());
    view! {
        <p class="lead">{(m.confirm_intro)(&s.name)}</p>
        // Everything the listing shows, field by field, so that nothing is confirmed unseen.
        {s.photo.clone().map(|p| view! {
            <img
                class="space__photo confirm__photo"
                src=paths::photo(&p.name, PhotoSize::Phone)
                srcset=crate::ui::pages::space::page_photo_srcset(&p.name)
                sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)"
                alt=p.alt
                width="720"
                height="480"
            />
        })}
        <dl class="facts">
            {item(t.field(Field::Name), Some(s.name.clone()))}
            {item(t.field(Field::Kinds), Some(kinds))}
            {item(t.field(Field::Address), Some(place))}
            {item(t.field(Field::Precision), Some(t.admin.precision(s.precision).to_owned()))}
            {item(t.field(Field::Description), s.description.clone())}
            {item(t.field(Field::Services), space.services.clone())}
            {item(t.field(Field::OpeningHours), space.opening_hours.clone())}
            {item(t.field(Field::Website), space.website.clone())}
            {item(t.field(Field::Email), space.email.clone())}
            {item(t.field(Field::Phone), space.phone.clone())}
            {item(t.field(Field::Organisation), organisation)}
            {item(t.field(Field::OrganisationKind), o.kind.map(|k| t.organisation_kind(k).to_owned()))}
            {item(t.field(Field::OrganisationWebsite), o.website.clone())}
            {item(t.field(Field::OrganisationDescription), o.description.clone())}
            {s.photo.as_ref().map(|p| item(t.field(Field::PhotoAlt), Some(p.alt.clone())))}
        </dl>
        <p><a href=link(&paths::space(&s.slug))>{m.confirm_see_page}</a></p>
        <form method="post" action=action class="confirm-answers">
            <button type="submit" name=ANSWER value="conferma" class="btn btn--primary">{m.confirm_yes}</button>
            <button type="submit" name=ANSWER value="aggiorna" class="btn btn--secondary">{m.confirm_update}</button>
            <button type="submit" name=ANSWER value="chiuso" class="btn btn--outline" aria-describedby="closed-hint">
                {m.confirm_closed}
            </button>
            <p class="field__hint" id="closed-hint">{m.confirm_closed_hint}</p>
        </form>
    }
}

#[component]
pub fn ColleaguesPage() -> impl IntoView {
    let t = use_texts();
    let m = t.managers;
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let (invited, already) = use_query_map().with_untracked(|q| {
        let at = q.get("a").and_then(|a| a.parse::<i64>().ok());
        (q.get("invitato").zip(at), q.get("gia"))
    });
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page page--narrow">
            <Suspense>
                {Suspend::new(async move {
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=crate::api::error::AppError::NotFound /> }.into_any();
                    };
                    let (csrf, name, managers) = match manager_colleagues(id).await {
                        Ok(Some(found)) => found,
                        Ok(None) => {
                            crate::api::context::redirect(&link(paths::MY_SPACE));
                            return view! { <p>{m.title}</p> }.into_any();
                        }
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    let title = (m.colleagues_title)(&name);
                    let rows = managers
                        .iter()
                        .cloned()
                        .map(|manager| view! { <li class="manager"><span class="manager__email">{manager.email}</span></li> })
                        .collect_view();
                    view! {
                        <Title text=title.clone() />
                        <nav class="breadcrumb" aria-label=t.breadcrumb>
                            <a href=link(paths::MY_SPACE)>{m.title}</a>
                        </nav>
                        <h1>{title}</h1>
                        {invited
                            .clone()
                            .filter(|(email, at)| managers.iter().any(|m| &m.email == email && m.added_at == *at))
                            .map(|(email, _)| view! {
                                <p class="notice notice--success" role="status">{(m.invited)(&email)}</p>
                            })}
                        {already.clone().filter(|email| managers.iter().any(|m| &m.email == email)).map(|email| view! {
                            <p class="notice" role="status">{(m.staff_already)(&email)}</p>
                        })}
                        <ul class="managers">{rows}</ul>
                        <p>{m.colleagues_intro}</p>
                        <form class="form" method="post" action=link(&paths::my_space_managers(id)) novalidate>
                            <input type="hidden" name="csrf" value=csrf />
                            <EmailField id="invite-email" label=m.invite_label.to_owned() autocomplete="off" />
                            <button type="submit" class="btn btn--primary">{m.invite_submit}</button>
                        </form>
                        <p><a href=link(paths::MY_SPACE)>{m.edit_back}</a></p>
                    }
                    .into_any()
                })}
            </Suspense>
        </div>
    }
}
