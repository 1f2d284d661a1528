//! The map page's filters, shared by the page, the server query and (later) the open-data API.
//! They live in the URL query (`?tipo=fablab&comune=037006&q=lab`) so a filtered view can be
//! shared and is rendered by the server.

use crate::core::model::SpaceKind;
use serde::{Deserialize, Serialize};

/// Longest search text accepted; anything longer is cut (never an error: it is a GET filter).
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceFilter {
    pub kind: Option<SpaceKind>,
    /// ISTAT code of a municipality.
    pub municipality: Option<String>,
    /// Free text, as typed (trimmed and bounded).
    pub q: Option<String>,
}

impl SpaceFilter {
    /// Reads the filter from query parameters, ignoring what is not understood: an unknown kind
    /// or a malformed municipality code is dropped rather than failing the page.
    pub fn from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let kind = get("tipo").and_then(SpaceKind::from_code);
        let municipality = get("comune")
            .map(str::trim)
            .filter(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_owned);
        let q = get("q")
            .map(|q| q.trim().chars().take(MAX_QUERY_CHARS).collect::<String>())
            .filter(|q| !q.is_empty());
        SpaceFilter {
            kind,
            municipality,
            q,
        }
    }

    /// Whether the municipality, when there is one, has a code of the metropolitan area (ISTAT
    /// 037001–037062). The caches keep pages and exports only for those, so a stream of
    /// made-up codes (any six digits are read as one) cannot flush them.
    pub fn municipality_in_area(&self) -> bool {
        self.municipality.as_deref().is_none_or(|code| {
            code.strip_prefix("037")
                .and_then(|n| n.parse::<u16>().ok())
                .is_some_and(|n| (1..=62).contains(&n))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.municipality.is_none() && self.q.is_none()
    }

    /// The search words, normalised like the stored search text.
    pub fn search_words(&self) -> Vec<String> {
        self.q
            .as_deref()
            .map(crate::core::text::search_key)
            .unwrap_or_default()
            .split(' ')
            .filter(|w| !w.is_empty())
            .take(10)
            .map(str::to_owned)
            .collect()
    }

    /// The query string (without `?`) that reproduces this filter; empty when unfiltered.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(k) = self.kind {
            parts.push(format!("tipo={}", k.code()));
        }
        if let Some(m) = &self.municipality {
            parts.push(format!("comune={m}"));
        }
        if let Some(q) = &self.q {
            parts.push(format!("q={}", crate::core::text::query_encode(q)));
        }
        parts.join("&")
    }

    /// The list's page number from the query (`pagina`, 1 when absent or not a number).
    pub fn page_from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> u32 {
        get("pagina")
            .and_then(|p| p.trim().parse::<u32>().ok())
            .unwrap_or(1)
    }

    /// The query string of page `page` of this filter's list, as the page links write it
    /// (`pagina` only past the first page).
    pub fn page_query(&self, page: u32) -> String {
        let mut query = self.to_query();
        if page > 1 {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("pagina={page}"));
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn only_the_metropolitan_area_s_codes_are_in_the_area() {
        let area = |code: &str| parse(&[("comune", code)]).municipality_in_area();
        assert!(parse(&[]).municipality_in_area());
        assert!(area("037006") && area("037001") && area("037062"));
        assert!(!area("037000") && !area("037063") && !area("999999") && !area("058091"));
    }

    fn parse(pairs: &[(&str, &str)]) -> SpaceFilter {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        SpaceFilter::from_params(|k| map.get(k).map(String::as_str))
    }

    #[test]
    fn parses_known_values() {
        let f = parse(&[("tipo", "fablab"), ("comune", "037006"), ("q", "  Lab ")]);
        assert_eq!(f.kind, Some(SpaceKind::Fablab));
        assert_eq!(f.municipality.as_deref(), Some("037006"));
        assert_eq!(f.q.as_deref(), Some("Lab"));
        assert!(!f.is_empty());
    }

    #[test]
    fn drops_what_it_does_not_understand() {
        let f = parse(&[("tipo", "bakery"), ("comune", "37006'--"), ("q", "   ")]);
        assert_eq!(f, SpaceFilter::default());
        assert!(f.is_empty());
    }

    #[test]
    fn bounds_the_search_text() {
        let long = "a".repeat(10_000);
        let f = parse(&[("q", &long)]);
        assert_eq!(f.q.unwrap().chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn query_round_trips() {
        let f = SpaceFilter {
            kind: Some(SpaceKind::IncubatorAccelerator),
            municipality: Some("037048".into()),
            q: Some("città & co".into()),
        };
        let q = f.to_query();
        assert_eq!(
            q,
            "tipo=incubator-accelerator&comune=037048&q=citt%C3%A0+%26+co"
        );
        assert_eq!(SpaceFilter::default().to_query(), "");
    }

    #[test]
    fn search_words_are_normalised() {
        let f = parse(&[("q", "Fab-Lab  CITTÀ")]);
        assert_eq!(f.search_words(), vec!["fab", "lab", "citta"]);
    }
}
