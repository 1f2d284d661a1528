//! Server functions: the public read API behind the pages. Each one is thin — parse, call the
//! data layer with the pool from context, map the result — and each is also an HTTP endpoint,
//! so nothing here trusts its arguments.

use crate::error::AppError;
use crate::filter::SpaceFilter;
use crate::model::{MunicipalityOption, SpaceDetail, SpaceStatus, StaffSpaceRow};
use leptos::prelude::*;

/// How many spaces the map page lists at a time.
pub const DIRECTORY_PAGE_SIZE: u32 = 24;

/// One page (from 1) of the published spaces matching the filter, in name order, with the
/// total. A page past the end is empty (the page links say how many there are).
#[server(prefix = "/api/fn", endpoint = "directory")]
pub async fn space_directory(
    filter: SpaceFilter,
    page: u32,
) -> Result<crate::model::DirectoryPage, AppError> {
    let db = crate::server::db()?;
    Ok(db
        .published_page(&filter, page.clamp(1, 100_000), DIRECTORY_PAGE_SIZE)
        .await?)
}

/// One published space, or `NotFound` (also for spaces that exist but are not public).
#[server(prefix = "/api/fn", endpoint = "space")]
pub async fn get_space(slug: String) -> Result<SpaceDetail, AppError> {
    let db = crate::server::db()?;
    db.published_space(&slug).await?.ok_or(AppError::NotFound)
}

/// Municipalities that have at least one published space, for the filter.
#[server(prefix = "/api/fn", endpoint = "municipalities")]
pub async fn municipality_options() -> Result<Vec<MunicipalityOption>, AppError> {
    let db = crate::server::db()?;
    Ok(db.municipalities_with_spaces().await?)
}

/// Staff: spaces of any status, optionally by status, text, and approximate position (the
/// ones to correct). Editors and admins.
#[server(prefix = "/admin/api", endpoint = "spaces")]
pub async fn staff_spaces(
    status: Option<SpaceStatus>,
    q: Option<String>,
    approximate: Option<bool>,
) -> Result<Vec<StaffSpaceRow>, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(db
        .staff_spaces(status, q.as_deref(), approximate.unwrap_or(false))
        .await?)
}

/// Staff: one space (any status) as form values, with the municipalities and its audit trail.
#[server(prefix = "/admin/api", endpoint = "space")]
pub async fn staff_space_page(id: i64) -> Result<crate::model::StaffSpacePage, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    let space = db.staff_space(id).await?.ok_or(AppError::NotFound)?;
    let municipalities = db.all_municipalities().await?;
    let request = db
        .space_request(id)
        .await?
        .map(|(id, reference, decision)| {
            let open = decision != Some(crate::model::Decision::Approved);
            (id, reference, open)
        });
    let audit = db
        .audit_trail("space", id)
        .await?
        .into_iter()
        .map(crate::admin::audit_view)
        .collect();
    Ok(crate::model::StaffSpacePage {
        id: space.id,
        slug: space.slug,
        status: space.status,
        version: space.version,
        base: serde_json::to_string(&crate::db::as_input(&space.current)).unwrap_or_default(),
        request,
        input: crate::db::as_input(&space.current),
        municipalities,
        audit,
    })
}

/// Staff: the 55 municipalities, for the space form.
#[server(prefix = "/admin/api", endpoint = "municipalities")]
pub async fn staff_municipalities() -> Result<Vec<MunicipalityOption>, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(db.all_municipalities().await?)
}

/// Admins: every staff account, with the recent changes to accounts.
#[server(prefix = "/admin/api", endpoint = "staff")]
pub async fn staff_accounts() -> Result<crate::model::StaffAccountsPage, AppError> {
    crate::admin::require(crate::model::Role::Admin).await?;
    let db = crate::server::db()?;
    let accounts = db.list_staff().await?;
    let audit = db
        .recent_audit("staff_user", 50)
        .await?
        .into_iter()
        .map(crate::admin::audit_view)
        .collect();
    Ok(crate::model::StaffAccountsPage { accounts, audit })
}

/// Anyone holding an invitation link: the name and e-mail of the account it opens, or
/// `NotFound` when the link is unknown, used or expired.
#[server(prefix = "/admin/api", endpoint = "invitation")]
pub async fn invitation(token: String) -> Result<(String, String), AppError> {
    let db = crate::server::db()?;
    let hash = crate::auth::token_hash(token.trim());
    match db.invitation_account(&hash, crate::server::now()).await? {
        Some(record) => Ok((record.name, record.email)),
        None => {
            crate::server::set_status(axum::http::StatusCode::NOT_FOUND);
            Err(AppError::NotFound)
        }
    }
}

/// Staff: the latest imports.
#[server(prefix = "/admin/api", endpoint = "imports")]
pub async fn staff_imports() -> Result<Vec<crate::model::ImportListItem>, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(db.recent_imports(20).await?)
}

/// Staff: one import — its preview while it waits for confirmation, its progress, its report.
#[server(prefix = "/admin/api", endpoint = "import")]
pub async fn staff_import(id: i64) -> Result<crate::model::ImportPage, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    let record = db.import_record(id).await?.ok_or(AppError::NotFound)?;
    Ok(crate::import::page(&db, &record, crate::server::now()).await?)
}

/// What the join form needs: the 55 municipalities, and the signed "shown at" token for its
/// minimum-fill-time check.
#[server(prefix = "/api/fn", endpoint = "join-form")]
pub async fn join_form() -> Result<(Vec<MunicipalityOption>, String), AppError> {
    let db = crate::server::db()?;
    let secret = db.form_secret().await?;
    Ok((
        db.all_municipalities().await?,
        crate::join::form_token(&secret, crate::server::now()),
    ))
}

/// The confirmation page of a join request: the space's name and municipality (nothing
/// personal), by its reference code.
#[server(prefix = "/api/fn", endpoint = "join-sent")]
pub async fn join_sent(reference: String) -> Result<(String, String), AppError> {
    let db = crate::server::db()?;
    let reference: String = reference.chars().take(20).collect();
    match db.submission_summary(&reference).await? {
        Some(s) => Ok((s.space_name, s.municipality)),
        None => Err(AppError::NotFound),
    }
}

/// Staff: the join requests, waiting ones first.
#[server(prefix = "/admin/api", endpoint = "submissions")]
pub async fn staff_submissions() -> Result<Vec<crate::model::SubmissionRow>, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(db.submissions().await?)
}

/// Staff: one join request with the survey answers, the contact and the possible duplicates.
#[server(prefix = "/admin/api", endpoint = "submission")]
pub async fn staff_submission(id: i64) -> Result<crate::model::SubmissionPage, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    crate::review::page(&db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Staff: the survey's answers, aggregated.
#[server(prefix = "/admin/api", endpoint = "survey")]
pub async fn staff_survey() -> Result<crate::model::SurveySummary, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(crate::review::survey(&db).await?)
}

/// The events page: published and cancelled events, upcoming and past.
#[server(prefix = "/api/fn", endpoint = "events")]
pub async fn events_page() -> Result<crate::model::event::EventsPage, AppError> {
    let db = crate::server::db()?;
    Ok(db
        .public_events(crate::current_lang(), crate::server::now())
        .await?)
}

/// Up to how many space names the RSVP form carries in its page (more are fetched by the
/// browser when the field is used).
pub const SUGGESTIONS_IN_PAGE: usize = 300;

/// One event's page: the event, "now", the names of the mapped spaces (suggestions for the
/// form) and the form's signed "shown at" token.
#[server(prefix = "/api/fn", endpoint = "event")]
pub async fn event_page(slug: String) -> Result<crate::model::event::EventPage, AppError> {
    let db = crate::server::db()?;
    let now = crate::server::now();
    let Some((event, spaces)) = db
        .public_event_page(&slug, crate::current_lang(), SUGGESTIONS_IN_PAGE)
        .await?
    else {
        crate::server::set_status(axum::http::StatusCode::NOT_FOUND);
        return Err(AppError::NotFound);
    };
    let secret = db.form_secret().await?;
    Ok(crate::model::event::EventPage {
        event,
        now,
        spaces,
        token: crate::join::form_token(&secret, now),
        base_url: crate::server::base_url(),
    })
}

/// One registration by its personal link's token.
#[server(prefix = "/api/fn", endpoint = "rsvp")]
pub async fn rsvp_page(token: String) -> Result<crate::model::event::RsvpView, AppError> {
    let db = crate::server::db()?;
    match db
        .rsvp_by_token(token.trim(), crate::current_lang(), crate::server::now())
        .await?
    {
        Some(mut rsvp) => {
            // The door screen's address for this registration, as a QR code for staff's
            // phone camera.
            rsvp.checkin_qr = rsvp.checkin_code.as_ref().and_then(|code| {
                let url = format!(
                    "{}/admin/eventi/{}/ingresso?q={code}",
                    crate::server::base_url(),
                    rsvp.event.id
                );
                let qr = qrcode::QrCode::new(url.as_bytes()).ok()?;
                let svg = qr
                    .render::<qrcode::render::svg::Color>()
                    .min_dimensions(220, 220)
                    .build();
                // Inline in the page: without the XML declaration.
                Some(
                    svg.split_once("?>")
                        .map_or(svg.clone(), |(_, s)| s.to_owned()),
                )
            });
            Ok(rsvp)
        }
        None => {
            crate::server::set_status(axum::http::StatusCode::NOT_FOUND);
            Err(AppError::NotFound)
        }
    }
}

/// Staff: every event with its counts.
#[server(prefix = "/admin/api", endpoint = "events")]
pub async fn staff_events() -> Result<Vec<crate::model::event::StaffEventRow>, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(db.staff_events().await?)
}

/// Staff: the spaces an event can be hosted at (id, name).
#[server(prefix = "/admin/api", endpoint = "event-venues")]
pub async fn staff_event_venues() -> Result<Vec<(i64, String)>, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    Ok(db.space_choices().await?)
}

/// Staff: one event as form values, with its counts, venues and audit trail.
#[server(prefix = "/admin/api", endpoint = "event")]
pub async fn staff_event(id: i64) -> Result<crate::model::event::StaffEventPage, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    let (event, input) = db.staff_event(id).await?.ok_or(AppError::NotFound)?;
    let audit = db
        .audit_trail("event", id)
        .await?
        .into_iter()
        .map(crate::admin::audit_view)
        .collect();
    Ok(crate::model::event::StaffEventPage {
        event,
        base: serde_json::to_string(&input).unwrap_or_default(),
        input,
        spaces: db.space_choices().await?,
        audit,
    })
}

/// Staff: an event's registrations, optionally only those matching `q`.
#[server(prefix = "/admin/api", endpoint = "event-rsvps")]
pub async fn staff_event_rsvps(
    id: i64,
    q: Option<String>,
) -> Result<crate::model::event::StaffRsvpsPage, AppError> {
    crate::admin::require(crate::model::Role::Editor).await?;
    let db = crate::server::db()?;
    let (event, _) = db.staff_event(id).await?.ok_or(AppError::NotFound)?;
    let q = q.unwrap_or_default().chars().take(100).collect::<String>();
    Ok(crate::model::event::StaffRsvpsPage {
        rsvps: db.event_rsvps(id, &q).await?,
        event,
        q,
    })
}
