//! `/oembed` (oEmbed 1.0, <https://oembed.com>): a site that speaks it (WordPress, most CMSs)
//! turns a pasted address of the map (with its filter), the events, a space or an event into the framed
//! page that shows it. The answer is JSON of type `rich`: an `<iframe>` of the embedded page
//! (`paths::EMBEDDED_MAP`, `paths::EMBEDDED_SPACE`, `paths::EMBEDDED_EVENT`) no wider or taller
//! than `maxwidth` and `maxheight`. An address that is not of this site, or of no page that
//! can be embedded, or of a space or event that is not public, is `404`; a format other than
//! JSON is `501`, as the specification says.

use crate::backend::context::AppState;
use crate::core::embed::{attribute, EmbedOptions, Widget};
use crate::core::lang::Lang;
use crate::core::paths;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// What a pasted address stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pasted {
    /// The map, with its filter and language, or the events (`/eventi`): what the builder
    /// would have made of it.
    Map(EmbedOptions),
    Space {
        slug: String,
        lang: Lang,
    },
    Event {
        slug: String,
        lang: Lang,
    },
}

/// `url` as an address of the site at `base_url` that can be embedded, or `None`.
pub fn pasted(url: &str, base_url: &str) -> Option<Pasted> {
    let url = url::Url::parse(url.trim()).ok()?;
    let base = url::Url::parse(base_url).ok()?;
    // The same host and port; or the other scheme on its default port (a site behind HTTPS
    // is pasted both ways).
    let same_place = url.host_str() == base.host_str()
        && if url.scheme() == base.scheme() {
            url.port_or_known_default() == base.port_or_known_default()
        } else {
            url.port().is_none() && base.port().is_none()
        };
    if !same_place || !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let path = url.path();
    let lang = paths::lang_of(path)?;
    let italian = match lang {
        Lang::En => paths::italian(path)?,
        Lang::It => path.to_owned(),
    };
    if italian == paths::HOME {
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let mut filter = crate::core::filter::SpaceFilter::from_pairs(&pairs).within_area();
        filter.q = None;
        return Some(Pasted::Map(EmbedOptions {
            filter,
            lang,
            ..EmbedOptions::default()
        }));
    }
    // The events' page: the events widget.
    if italian == paths::EVENTS {
        return Some(Pasted::Map(EmbedOptions {
            widget: Widget::Events,
            lang,
            ..EmbedOptions::default()
        }));
    }
    let slug = |pattern: &str| {
        paths::param(pattern, &italian)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    if let Some(slug) = slug(paths::SPACE) {
        return Some(Pasted::Space { slug, lang });
    }
    slug(paths::EVENT).map(|slug| Pasted::Event { slug, lang })
}

/// The oEmbed answer (the fields of a `rich` type).
#[derive(Debug, Serialize)]
pub struct Answer {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: &'static str,
    pub title: String,
    pub provider_name: String,
    pub provider_url: String,
    pub cache_age: u32,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

/// Who provides the embeds, in the site's first language: the site and its owner.
fn provider_name() -> String {
    let t = Lang::It.texts();
    format!("{} – {}", t.site_name, t.owner)
}

/// How long a consumer may keep an answer (seconds): a renamed space shows in the frame at
/// once; only the title kept by the consumer may lag.
const CACHE_AGE: u32 = 3600;

/// `GET /oembed`.
pub(crate) async fn oembed(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let get = |key: &str| {
        params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    if get("format").is_some_and(|f| f != "json") {
        return StatusCode::NOT_IMPLEMENTED.into_response();
    }
    let Some(pasted) = get("url").and_then(|u| pasted(u, state.config.base_url())) else {
        return not_found();
    };
    // The consumer's bounds are kept exactly, however small (oEmbed 1.0, 2.3.4: a rich answer
    // must not exceed them); no bound, or a zero, leaves the frame's own size.
    let bound = |key: &str| {
        get(key)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|v| *v > 0)
    };
    let (max_width, max_height) = (bound("maxwidth"), bound("maxheight"));
    let (title, framed, width, height) = match &pasted {
        Pasted::Map(options) => {
            let title = options
                .lang
                .texts()
                .embed
                .frame_title(options.widget)
                .to_owned();
            (title, options.framed_path(), 800, options.height)
        }
        Pasted::Space { slug, lang } => match state.db.published_space(slug).await {
            Ok(Some(space)) => (
                space.summary.name,
                paths::in_lang(&paths::embedded_space(slug), *lang),
                600,
                420,
            ),
            Ok(None) => return not_found(),
            Err(err) => return crate::web::respond::unavailable("oembed space", &err),
        },
        Pasted::Event { slug, lang } => match state.db.public_event_page(slug, *lang, 0).await {
            Ok(Some((event, _))) => (
                event.title,
                paths::in_lang(&paths::embedded_event(slug), *lang),
                600,
                320,
            ),
            Ok(None) => return not_found(),
            Err(err) => return crate::web::respond::unavailable("oembed event", &err),
        },
    };
    let width = max_width.map_or(width, |m| m.min(width));
    let height = max_height.map_or(height, |m| m.min(height));
    let base = state.config.base_url();
    let html = format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"{width}\" height=\"{height}\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\" \
         referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
        src = attribute(&format!("{base}{framed}")),
        title = attribute(&title),
    );
    let answer = Answer {
        kind: "rich",
        version: "1.0",
        title,
        provider_name: provider_name(),
        provider_url: format!("{base}/"),
        cache_age: CACHE_AGE,
        html,
        width,
        height,
    };
    let mut res = axum::Json(answer).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res
}

/// No page of this site to embed at that address (no body: the callers are programs).
fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::SpaceKind;

    const BASE: &str = "https://spazi.example.it";

    #[test]
    fn pasted_addresses_of_the_map_a_space_and_an_event() {
        let Some(Pasted::Map(options)) = pasted(
            "https://spazi.example.it/en/?tipo=fablab&comune=037006,037048&q=x",
            BASE,
        ) else {
            panic!("the map");
        };
        assert_eq!(options.lang, Lang::En);
        assert_eq!(options.filter.kinds, vec![SpaceKind::Fablab]);
        assert_eq!(options.filter.q, None);
        assert_eq!(
            options.framed_path(),
            "/en/embedded?tipo=fablab&comune=037006,037048"
        );
        assert!(matches!(
            pasted("https://spazi.example.it", BASE),
            Some(Pasted::Map(_))
        ));
        assert_eq!(
            pasted("http://spazi.example.it/spazi/vz19", BASE),
            Some(Pasted::Space {
                slug: "vz19".into(),
                lang: Lang::It
            })
        );
        assert_eq!(
            pasted(
                "https://spazi.example.it/en/events/lancio-forum-2022#rsvp",
                BASE
            ),
            Some(Pasted::Event {
                slug: "lancio-forum-2022".into(),
                lang: Lang::En
            })
        );
    }

    #[test]
    fn other_addresses_are_not_pasted() {
        for url in [
            "",
            "not a url",
            "https://evil.example/spazi/vz19",
            "https://spazi.example.it.evil.example/spazi/vz19",
            "https://spazi.example.it:8443/spazi/vz19",
            "javascript:alert(1)",
            "https://spazi.example.it/admin/spazi/3",
            "https://spazi.example.it/aderisci",
            "https://spazi.example.it/spazi/",
            "https://spazi.example.it/spazi/a/b",
            "https://spazi.example.it/prenotazione/secret",
            "https://spazi.example.it/incorporata",
        ] {
            assert_eq!(pasted(url, BASE), None, "{url}");
        }
    }
}
