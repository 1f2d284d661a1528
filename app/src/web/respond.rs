//! How the web layer answers: a page rendered again (a form with its errors), a redirect
//! after a post, the service unavailable.

use crate::backend::context::AppState;
use crate::ui::app::shell;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use leptos::prelude::*;

/// The value of `key` in a request's query (the first one), when there is one.
pub(crate) fn query_value(uri: &axum::http::Uri, key: &str) -> Option<String> {
    url::form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

pub(crate) fn unavailable(what: &str, err: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %err, "{what} failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

pub(crate) fn see_other(location: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

/// Renders the Leptos page at `uri` (as a GET, with the request's headers) with extra context.
pub(crate) async fn render_page<C: Clone + Send + Sync + 'static>(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    context: C,
    status: StatusCode,
) -> Response {
    let app_state = state.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            provide_context(app_state.config.map_settings());
            provide_context(app_state.config.privacy_facts());
            provide_context(app_state.config.freshness());
            provide_context(context.clone());
            crate::web::security::provide_request_nonce();
        },
        move || shell(options.clone()),
    );
    let mut req = Request::builder().method(Method::GET).uri(uri.clone());
    for (name, value) in headers {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            req = req.header(name, value);
        }
    }
    let Ok(req) = req.body(Body::empty()) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut res = handler(req).await;
    *res.status_mut() = status;
    res
}
