//! `/api/incorpora` (`paths::EMBED_PREVIEW`): what the embed builder's choices make, for its
//! live preview (`ui::islands::embed_preview`): the builder's query as its form sends it, and
//! `per`, the language of the builder's page. Plain text, one line each
//! (`core::embed::EmbedOptions::preview_lines`), from the same code that renders the builder
//! without JavaScript.

use crate::backend::context::AppState;
use crate::core::embed::EmbedOptions;
use crate::core::filter::values_of;
use crate::core::lang::Lang;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `GET /api/incorpora?cosa=…&tipo=…&…&per=it`.
pub(crate) async fn preview(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let page_lang = values_of(&params, "per")
        .pop()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let options = EmbedOptions::from_builder(|key| values_of(&params, key), page_lang);
    let title = options.lang.texts().embed.frame_title(options.widget);
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        options.preview_lines(state.config.base_url(), title, page_lang),
    )
        .into_response()
}
