//! What another site embeds — the map of the spaces or the Forum's upcoming events — and how:
//! the choices of the builder (`paths::EMBED`), the address of the page they frame
//! (`paths::EMBEDDED_MAP`, `paths::EMBEDDED_EVENTS`), and the code a web editor pastes.

use crate::core::filter::SpaceFilter;
use crate::core::lang::Lang;
use crate::core::paths;

/// What is embedded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Widget {
    #[default]
    Map,
    Events,
}

impl Widget {
    pub const ALL: [Widget; 2] = [Widget::Map, Widget::Events];

    /// Its value in the builder's address (`cosa=`).
    pub fn code(self) -> &'static str {
        match self {
            Widget::Map => "mappa",
            Widget::Events => "eventi",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// The frame's height in pixels, one of a few (a select, so no value can be wrong).
pub const HEIGHTS: [u32; 4] = [400, 560, 720, 900];
/// The height chosen when none is.
pub const DEFAULT_HEIGHT: u32 = 560;

/// The most spaces an embedded map lists beside it (the rest are a link away: the full map).
pub const LIST_MAX: u32 = 100;
/// The most events an embedded events list shows.
pub const EVENTS_MAX: usize = 5;

/// A web editor's choices in the builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    pub widget: Widget,
    /// Kinds and municipalities (no search text: an embed shows a place, not a query).
    pub filter: SpaceFilter,
    /// The list of the spaces beside (or, on a phone, under) the map.
    pub list: bool,
    pub height: u32,
    pub lang: Lang,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            widget: Widget::Map,
            filter: SpaceFilter::default(),
            list: true,
            height: DEFAULT_HEIGHT,
            lang: Lang::It,
        }
    }
}

impl EmbedOptions {
    /// The builder's choices from its address: `cosa`, `tipo`, `comune`, `elenco`, `altezza`,
    /// `lingua`. Its form sends `scelto=1`, so that an unticked "list" box (which sends
    /// nothing) is told from a first visit (the list shown). What is not understood is the
    /// default; `lang` is the page's when `lingua` says nothing.
    pub fn from_builder(get_all: impl Fn(&str) -> Vec<String>, lang: Lang) -> Self {
        let last = |key: &str| get_all(key).pop();
        let sent = last("scelto").is_some();
        let list = match last("elenco").as_deref() {
            Some("0") => false,
            Some(_) => true,
            None => !sent,
        };
        let mut filter = SpaceFilter::from_params(&get_all).within_area();
        filter.q = None;
        EmbedOptions {
            widget: last("cosa")
                .and_then(|c| Widget::from_code(&c))
                .unwrap_or_default(),
            filter,
            list,
            height: last("altezza")
                .and_then(|h| h.trim().parse().ok())
                .filter(|h| HEIGHTS.contains(h))
                .unwrap_or(DEFAULT_HEIGHT),
            lang: last("lingua")
                .and_then(|l| Lang::from_code(&l))
                .unwrap_or(lang),
        }
    }

    /// The framed page's query (without `?`): the map's filter and `elenco=0` without the
    /// list; nothing for the events.
    pub fn framed_query(&self) -> String {
        match self.widget {
            Widget::Events => String::new(),
            Widget::Map => {
                let mut query = self.filter.to_query();
                if !self.list {
                    if !query.is_empty() {
                        query.push('&');
                    }
                    query.push_str("elenco=0");
                }
                query
            }
        }
    }

    /// The framed page's address (path and query), in the chosen language.
    pub fn framed_path(&self) -> String {
        let page = match self.widget {
            Widget::Map => paths::EMBEDDED_MAP,
            Widget::Events => paths::EMBEDDED_EVENTS,
        };
        paths::with_query(&paths::in_lang(page, self.lang), &[&self.framed_query()])
    }

    /// The full page the embed stands for, for a plain link: the map with the same filter, or
    /// the events.
    pub fn full_path(&self) -> String {
        match self.widget {
            Widget::Map => paths::with_query(
                &paths::in_lang(paths::HOME, self.lang),
                &[&self.filter.to_query()],
            ),
            Widget::Events => paths::in_lang(paths::EVENTS, self.lang),
        }
    }

    /// The builder's own address with these choices (a municipality's page links to it).
    pub fn builder_path(&self, page_lang: Lang) -> String {
        let mut parts = vec![format!("cosa={}", self.widget.code())];
        let filter = self.filter.to_query();
        if !filter.is_empty() {
            parts.push(filter);
        }
        parts.push(format!("elenco={}", u8::from(self.list)));
        parts.push(format!("altezza={}", self.height));
        parts.push(format!("lingua={}", self.lang.code()));
        parts.push("scelto=1".to_owned());
        format!(
            "{}?{}",
            paths::in_lang(paths::EMBED, page_lang),
            parts.join("&")
        )
    }

    /// The code to paste: an `<iframe>` of the framed page at `base_url` (the site's address,
    /// from configuration), named by `title` for screen readers, as wide as its column and
    /// as tall as chosen, loaded only when scrolled near.
    pub fn snippet(&self, base_url: &str, title: &str) -> String {
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" width=\"800\" height=\"{h}\" \
             style=\"width:100%;max-width:100%;height:{h}px;border:0\" loading=\"lazy\" \
             referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
            src = attribute(&format!("{base_url}{}", self.framed_path())),
            title = attribute(title),
            h = self.height,
        )
    }
}

impl EmbedOptions {
    /// What the builder shows for these choices, one per line, as its live preview receives
    /// them (`paths::EMBED_PREVIEW`): the framed page's address, its height, the frame's
    /// `title`, the code, the plain link, and the builder's own address with these choices in
    /// `page_lang` and in the other language (for its language switch). `base_url` and `title`
    /// as for [`EmbedOptions::snippet`]; none holds a line break.
    pub fn preview_lines(&self, base_url: &str, title: &str, page_lang: Lang) -> String {
        [
            self.framed_path(),
            self.height.to_string(),
            title.to_owned(),
            self.snippet(base_url, title),
            format!("{base_url}{}", self.full_path()),
            self.builder_path(page_lang),
            self.builder_path(page_lang.other()),
        ]
        .join("\n")
    }
}

/// `text` escaped for a double-quoted HTML attribute.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The address of the oEmbed answer for the page at `page` (its path and query, in its
/// language) of the site at `base_url`: what a page names in its
/// `<link rel="alternate" type="application/json+oembed">`.
pub fn oembed_discovery(base_url: &str, page: &str) -> String {
    format!(
        "{base_url}{}?url={}&format=json",
        paths::OEMBED,
        crate::core::text::query_encode(&format!("{base_url}{page}"))
    )
}

/// Whether a framed map shows its list: yes unless its address says `elenco=0`.
pub fn list_from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> bool {
    get("elenco").map(str::trim) != Some("0")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::SpaceKind;

    fn builder(pairs: &[(&str, &str)], lang: Lang) -> EmbedOptions {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        EmbedOptions::from_builder(|k| crate::core::filter::values_of(&pairs, k), lang)
    }

    #[test]
    fn a_first_visit_shows_the_whole_map_with_its_list() {
        let o = builder(&[], Lang::En);
        assert_eq!(
            o,
            EmbedOptions {
                lang: Lang::En,
                ..EmbedOptions::default()
            }
        );
        assert_eq!(o.framed_path(), "/en/embedded");
        assert_eq!(o.full_path(), "/en/");
    }

    #[test]
    fn the_builder_s_choices_make_the_framed_address() {
        let o = builder(
            &[
                ("cosa", "mappa"),
                ("tipo", "fablab"),
                ("tipo", "coworking"),
                ("comune", "037006"),
                ("comune", "037048"),
                ("altezza", "720"),
                ("lingua", "it"),
                ("scelto", "1"),
                ("q", "ignored"),
            ],
            Lang::En,
        );
        assert_eq!(
            o.filter.kinds,
            vec![SpaceKind::Coworking, SpaceKind::Fablab]
        );
        assert!(!o.list, "an unticked box sends nothing");
        assert_eq!(o.height, 720);
        assert_eq!(
            o.framed_path(),
            "/incorporata?tipo=coworking,fablab&comune=037006,037048&elenco=0"
        );
        assert_eq!(
            o.full_path(),
            "/?tipo=coworking,fablab&comune=037006,037048"
        );
        // The builder's address gives the same choices back.
        let back = o.builder_path(Lang::En);
        let query = back.split_once('?').unwrap().1;
        let pairs: Vec<(&str, &str)> = query
            .split('&')
            .map(|p| p.split_once('=').unwrap())
            .collect();
        assert_eq!(builder(&pairs, Lang::En), o);
        assert!(back.starts_with("/en/embed?"));
    }

    #[test]
    fn what_is_not_understood_is_the_default() {
        let o = builder(
            &[
                ("cosa", "x"),
                ("altezza", "99999"),
                ("lingua", "fr"),
                ("elenco", "yes"),
            ],
            Lang::It,
        );
        assert_eq!(o, EmbedOptions::default());
    }

    #[test]
    fn the_events_widget_has_no_filter_in_its_address() {
        let o = builder(&[("cosa", "eventi"), ("comune", "037006")], Lang::En);
        assert_eq!(o.framed_path(), "/en/embedded/events");
        assert_eq!(o.full_path(), "/en/events");
    }

    #[test]
    fn the_snippet_is_an_escaped_iframe() {
        let o = builder(
            &[("tipo", "fablab"), ("comune", "037006"), ("scelto", "1")],
            Lang::It,
        );
        let code = o.snippet("https://spazi.example.it", "Spazi \"<b>\" & co");
        assert_eq!(
            code,
            "<iframe src=\"https://spazi.example.it/incorporata?tipo=fablab&amp;comune=037006&amp;elenco=0\" \
             title=\"Spazi &quot;&lt;b&gt;&quot; &amp; co\" width=\"800\" height=\"560\" \
             style=\"width:100%;max-width:100%;height:560px;border:0\" loading=\"lazy\" \
             referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"
        );
    }

    #[test]
    fn the_oembed_discovery_link_names_the_page() {
        assert_eq!(
            oembed_discovery("https://spazi.example.it", "/spazi/vz19"),
            "https://spazi.example.it/oembed?url=https%3A%2F%2Fspazi.example.it%2Fspazi%2Fvz19&format=json"
        );
    }

    #[test]
    fn a_framed_map_shows_its_list_unless_told_not_to() {
        assert!(list_from_params(|_| None));
        assert!(list_from_params(|_| Some("1")));
        assert!(!list_from_params(|_| Some("0")));
    }
}
