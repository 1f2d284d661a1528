//! Every route and middleware of the server in one table: the form posts, downloads and
//! health checks (each handled in `web::forms` or a module beside this one), the pages (the
//! Leptos routes of `ui::app::App`), then the layers every request passes; around them all,
//! `web::language`, which turns an English address into the Italian one the routes know.

use super::respond::see_other;
use super::{forms, opendata};
use crate::backend::context::AppState;
use crate::core::paths;
use crate::ui::app::{shell, App};
use axum::extract::{FromRef, Path};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Extension;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::CompressionLevel;

/// What the Leptos routes take from the state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The largest request body accepted where a route does not set its own limit (bytes).
pub const MAX_BODY: usize = 64 * 1024;
/// The longest a request may take (the slowest is a 5 MB import upload on a poor connection).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(state.config.map_settings());
            provide_context(state.config.privacy_facts());
            provide_context(state.config.freshness());
            crate::web::security::provide_request_nonce();
        }
    };
    let app_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    use axum::extract::DefaultBodyLimit;
    use axum::routing::post;
    use forms::{
        accounts, confirmations, events, imports, join, managers, passwords, registrations, review,
        revisions, rsvp, sign_in, space_managers, space_photo, spaces,
    };
    // Every route but the pages' (those are `ui::app::App`'s), then every middleware.
    let app = Router::new()
        .route(paths::LANGUAGE, get(super::language::switch_language))
        .route(paths::HEALTH, get(|| async { "ok" }))
        .route(paths::READY, get(super::security::ready))
        .route(paths::OEMBED, get(super::oembed::oembed))
        .route(paths::EMBED_PREVIEW, get(super::embed_preview::preview))
        // The open data; each router (each app server) keeps its own exports and markers.
        .merge(
            Router::new()
                .route(paths::SPACES_GEOJSON, get(opendata::geojson))
                .route(paths::SPACES_CSV, get(opendata::csv))
                .route(paths::MAP_MARKERS, get(opendata::markers))
                .route(paths::BOUNDARIES, get(opendata::boundaries))
                .layer(Extension(Arc::new(opendata::ExportCache::new(
                    opendata::MAX_EXPORT_BYTES,
                ))))
                .layer(Extension(Arc::new(opendata::MarkersCache::new(
                    opendata::MAX_MARKERS_BYTES,
                )))),
        )
        // Spaces' photos (from the database: every app server has them).
        .route(paths::PHOTO, get(super::photos::public))
        .route(paths::SPACE_PHOTO, get(super::photos::of_space))
        .route(paths::ADMIN_PHOTO, get(super::photos::staff))
        .route(paths::MY_SPACE_PHOTO, get(super::photos::manager))
        // The public forms.
        .route(
            paths::JOIN,
            post(join::submit).layer(DefaultBodyLimit::max(join::MAX_BODY)),
        )
        .route(
            paths::EVENT,
            post(rsvp::register).layer(DefaultBodyLimit::max(rsvp::MAX_BODY)),
        )
        .route(paths::EVENT_CALENDAR, get(rsvp::calendar_file))
        .route(
            paths::RSVP,
            post(rsvp::cancel).layer(DefaultBodyLimit::max(1024)),
        )
        // The space managers' area.
        .route(paths::MY_SPACE, post(managers::request_link))
        .route(paths::MY_SPACE_LINK, post(managers::use_link))
        .route(paths::MY_SPACE_SIGN_OUT, post(managers::sign_out))
        .route(paths::MY_SPACE_MANAGERS, post(managers::invite))
        .route(
            paths::MY_SPACE_CONFIRM,
            post(confirmations::answer_confirmation).layer(DefaultBodyLimit::max(1024)),
        )
        .route(
            paths::MY_SPACE_EDIT,
            post(managers::propose).layer(DefaultBodyLimit::max(space_photo::MAX_BODY)),
        )
        // English addresses given out before the English twins existed.
        .route(paths::JOIN_EN, get(super::language::old_english))
        .route(paths::EVENTS_EN, get(super::language::old_english))
        .route(paths::EVENT_EN, get(super::language::old_english_event))
        // The staff area.
        .route(paths::SIGN_IN, post(sign_in::sign_in))
        .route(paths::SIGN_OUT, post(sign_in::sign_out))
        .route(paths::NEW_SPACE, post(spaces::create_space))
        .route(
            paths::ADMIN_SPACE,
            post(spaces::save_space).layer(DefaultBodyLimit::max(space_photo::MAX_BODY)),
        )
        .route(paths::ADMIN_SPACE_STATUS, post(spaces::change_status))
        .route(
            paths::ADMIN_SPACE_MANAGERS,
            post(space_managers::staff_managers),
        )
        .route(paths::EXPORT_SPACES_CSV, get(spaces::export_csv))
        .route(paths::EXPORT_SPACES_GEOJSON, get(spaces::export_geojson))
        .route(paths::STAFF, post(accounts::invite))
        .route(paths::STAFF_STATUS, post(accounts::set_account_disabled))
        .route(paths::STAFF_ROLE, post(accounts::set_account_role))
        .route(paths::STAFF_LINK, post(accounts::new_link))
        .route(paths::INVITATION, post(accounts::accept_invitation))
        .route(paths::FORGOT_PASSWORD, post(passwords::forgot))
        .route(paths::CHANGE_PASSWORD, post(passwords::change))
        .route(
            paths::IMPORT,
            post(imports::upload_import).layer(DefaultBodyLimit::max(
                crate::backend::import::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route(paths::IMPORT_DETAIL, post(imports::confirm_import))
        // The revert's confirmation step is shown at its own URL: opened again (a bookmark,
        // a reload), it leads back to the import's page.
        .route(
            paths::IMPORT_REVERT,
            post(imports::revert_import)
                .get(|Path(id): Path<i64>| async move { see_other(&paths::import(id)) }),
        )
        .route(paths::SUBMISSION, post(review::decide))
        .route(paths::MERGE, post(review::merge))
        .route(paths::REVISION, post(revisions::decide))
        .route(paths::EXPORT_SURVEY_CSV, get(review::survey_csv))
        .route(paths::NEW_EVENT, post(events::create))
        .route(paths::ADMIN_EVENT, post(events::save))
        .route(paths::ADMIN_EVENT_STATUS, post(events::change_status))
        .route(paths::ADMIN_EVENT_DISCARD, post(events::discard))
        .route(paths::EVENT_FOLLOW, post(events::follow))
        .route(paths::CHECK_IN, post(registrations::check_in))
        .route(paths::RSVP_CANCEL, post(registrations::cancel_rsvp))
        .route(paths::RSVP_ADD, post(registrations::add))
        .route(paths::RSVP_EDIT, post(registrations::correct))
        .route(paths::EVENT_RSVPS_CSV, get(registrations::export))
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn_with_state(
            (
                state.clone(),
                Arc::new(crate::web::page_cache::PageCache::new(
                    crate::web::page_cache::MAX_BYTES,
                )),
            ),
            crate::web::page_cache::serve,
        ))
        .layer(axum::middleware::from_fn(
            crate::web::security::server_fn_status,
        ))
        .layer(axum::middleware::from_fn(super::guard::private_headers))
        .layer(axum::middleware::from_fn(super::guard::readable_refusals))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            super::guard::same_origin_only,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::web::security::headers,
        ))
        // Bodies: small unless a route says otherwise (the join form, the import upload);
        // a request that takes longer than a minute is cut off.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Quality 1 for what is compressed per response (pages, server functions): on the event
        // page brotli's default here (4) took a fifth of the server's CPU under load, for
        // 12 % fewer bytes (4.2 KB instead of 4.8 KB). Static files are compressed once, at
        // quality 11 (`static_files`), the exports by their own cache (`opendata`).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(axum::middleware::from_fn(crate::web::security::refuse_nul))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::web::security::request_id,
        ))
        .with_state(state);
    // Before routing (a layer of the router itself runs after it): an English address becomes
    // the Italian one the routes above know.
    Router::new()
        .fallback_service(app)
        .layer(axum::middleware::from_fn(super::language::by_address))
}
