//! The map page's filters, shared by the page, the server query and (later) the open-data API.
//! They live in the URL query (`?tipo=fablab&comune=037006&q=lab`) so a filtered view can be
//! shared and is rendered by the server.

use crate::core::model::SpaceKind;
use serde::{Deserialize, Serialize};

/// Longest search text accepted; anything longer is cut (never an error: it is a GET filter).
pub const MAX_QUERY_CHARS: usize = 100;

/// The most municipalities one filter names: every municipality of the area (55), so a
/// filter is never refused, and a made-up list cannot grow a query without bound.
pub const MAX_MUNICIPALITIES: usize = 55;

/// A filter of the directory. Any of several kinds, in any of several municipalities (an
/// embedded map may show a union of municipalities), and words of free text. An empty list
/// means "any". Kept normalised ([`SpaceFilter::normalised`]): sorted, without repeats,
/// bounded, so that one view has one address (the page cache's key) and one query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceFilter {
    pub kinds: Vec<SpaceKind>,
    /// ISTAT codes of municipalities.
    pub municipalities: Vec<String>,
    /// Free text, as typed (trimmed and bounded).
    pub q: Option<String>,
}

/// Whether `code` looks like an ISTAT municipality code (six digits).
fn is_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `code` is of the metropolitan area (ISTAT 037001–037062).
fn in_area(code: &str) -> bool {
    code.strip_prefix("037")
        .and_then(|n| n.parse::<u16>().ok())
        .is_some_and(|n| (1..=62).contains(&n))
}

impl SpaceFilter {
    /// A filter of one kind and/or one municipality.
    pub fn of(kind: Option<SpaceKind>, municipality: Option<&str>) -> Self {
        SpaceFilter {
            kinds: kind.into_iter().collect(),
            municipalities: municipality.into_iter().map(str::to_owned).collect(),
            q: None,
        }
        .normalised()
    }

    /// Reads the filter from query parameters, ignoring what is not understood: an unknown kind
    /// or a malformed municipality code is dropped rather than failing the page. `get_all`
    /// gives every value of a parameter (a form's checkboxes repeat it); a value may also list
    /// several, separated by commas (`tipo=coworking,fablab`), as [`SpaceFilter::to_query`]
    /// writes them.
    pub fn from_params(get_all: impl Fn(&str) -> Vec<String>) -> Self {
        let split = |key: &str| -> Vec<String> {
            get_all(key)
                .iter()
                .flat_map(|v| v.split(','))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect()
        };
        let kinds = split("tipo")
            .iter()
            .filter_map(|k| SpaceKind::from_code(k))
            .collect();
        let municipalities = split("comune").into_iter().filter(|c| is_code(c)).collect();
        let q = get_all("q")
            .last()
            .map(|q| q.trim().chars().take(MAX_QUERY_CHARS).collect::<String>())
            .filter(|q| !q.is_empty());
        SpaceFilter {
            kinds,
            municipalities,
            q,
        }
        .normalised()
    }

    /// [`SpaceFilter::from_params`] of a query's name–value pairs.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        Self::from_params(|key| values_of(pairs, key))
    }

    /// The same filter, sorted, without repeats or malformed codes, within the bounds (what
    /// a server function does first with a filter a client sent).
    pub fn normalised(mut self) -> Self {
        self.kinds.sort();
        self.kinds.dedup();
        self.municipalities.retain(|c| is_code(c));
        self.municipalities.sort();
        self.municipalities.dedup();
        self.municipalities.truncate(MAX_MUNICIPALITIES);
        self.q = self
            .q
            .map(|q| q.trim().chars().take(MAX_QUERY_CHARS).collect::<String>())
            .filter(|q| !q.is_empty());
        self
    }

    /// Whether every municipality named has a code of the metropolitan area (ISTAT
    /// 037001–037062). The caches keep pages and exports only for those, so a stream of
    /// made-up codes (any six digits are read as one) cannot flush them.
    pub fn municipality_in_area(&self) -> bool {
        self.municipalities.iter().all(|code| in_area(code))
    }

    /// The same filter without the municipalities outside the metropolitan area: what an
    /// embed keeps (its code is pasted into other sites, so it names no made-up place).
    pub fn within_area(mut self) -> Self {
        self.municipalities.retain(|code| in_area(code));
        self
    }

    /// Whether the pages and documents of this filter may be kept by the caches: no text (a
    /// long tail), at most one municipality, of the area (the views of every union of
    /// municipalities, or of made-up codes, would flush the useful ones).
    pub fn cacheable(&self) -> bool {
        self.q.is_none() && self.municipalities.len() <= 1 && self.municipality_in_area()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.municipalities.is_empty() && self.q.is_none()
    }

    /// The one kind chosen, when exactly one is.
    pub fn single_kind(&self) -> Option<SpaceKind> {
        match self.kinds.as_slice() {
            [kind] => Some(*kind),
            _ => None,
        }
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
    /// Several values of a parameter are separated by commas.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.kinds.is_empty() {
            let codes: Vec<&str> = self.kinds.iter().map(|k| k.code()).collect();
            parts.push(format!("tipo={}", codes.join(",")));
        }
        if !self.municipalities.is_empty() {
            parts.push(format!("comune={}", self.municipalities.join(",")));
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

/// Every value of `key` among a query's name–value pairs, in order.
pub fn values_of(pairs: &[(String, String)], key: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(name, _)| name == key)
        .map(|(_, value)| value.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_metropolitan_area_s_codes_are_in_the_area() {
        let area = |code: &str| parse(&[("comune", code)]).municipality_in_area();
        assert!(parse(&[]).municipality_in_area());
        assert!(area("037006") && area("037001") && area("037062"));
        assert!(!area("037000") && !area("037063") && !area("999999") && !area("058091"));
        assert!(!area("037006,058091"));
    }

    fn parse(pairs: &[(&str, &str)]) -> SpaceFilter {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        SpaceFilter::from_pairs(&pairs)
    }

    #[test]
    fn parses_known_values() {
        let f = parse(&[("tipo", "fablab"), ("comune", "037006"), ("q", "  Lab ")]);
        assert_eq!(f.kinds, vec![SpaceKind::Fablab]);
        assert_eq!(f.single_kind(), Some(SpaceKind::Fablab));
        assert_eq!(f.municipalities, vec!["037006".to_owned()]);
        assert_eq!(f.q.as_deref(), Some("Lab"));
        assert!(!f.is_empty());
    }

    #[test]
    fn several_values_repeated_or_with_commas_are_one_sorted_set() {
        let repeated = parse(&[
            ("tipo", "fablab"),
            ("tipo", "coworking"),
            ("comune", "037048"),
            ("comune", "037006"),
            ("comune", "037048"),
        ]);
        let commas = parse(&[("tipo", "coworking,fablab,"), ("comune", "037006, 037048")]);
        assert_eq!(repeated, commas);
        assert_eq!(
            repeated.kinds,
            vec![SpaceKind::Coworking, SpaceKind::Fablab]
        );
        assert_eq!(repeated.single_kind(), None);
        assert_eq!(
            repeated.to_query(),
            "tipo=coworking,fablab&comune=037006,037048"
        );
        assert_eq!(
            parse(&[("tipo", "coworking,fablab"), ("comune", "037006,037048")]).to_query(),
            repeated.to_query()
        );
    }

    #[test]
    fn drops_what_it_does_not_understand() {
        let f = parse(&[("tipo", "bakery"), ("comune", "37006'--"), ("q", "   ")]);
        assert_eq!(f, SpaceFilter::default());
        assert!(f.is_empty());
        let some = parse(&[("tipo", "bakery,fablab"), ("comune", "x,037006")]);
        assert_eq!(
            some,
            SpaceFilter::of(Some(SpaceKind::Fablab), Some("037006"))
        );
    }

    #[test]
    fn bounds_the_search_text_and_the_municipalities() {
        let long = "a".repeat(10_000);
        let f = parse(&[("q", &long)]);
        assert_eq!(f.q.unwrap().chars().count(), MAX_QUERY_CHARS);
        let many: Vec<String> = (0..10_000).map(|n| format!("{:06}", n)).collect();
        let f = parse(&[("comune", &many.join(","))]);
        assert_eq!(f.municipalities.len(), MAX_MUNICIPALITIES);
        // What a client sends to a server function is bounded the same way.
        let sent = SpaceFilter {
            kinds: vec![SpaceKind::Fablab; 1000],
            municipalities: many,
            q: Some(long),
        }
        .normalised();
        assert_eq!(sent.kinds.len(), 1);
        assert_eq!(sent.municipalities.len(), MAX_MUNICIPALITIES);
    }

    #[test]
    fn query_round_trips() {
        let f = SpaceFilter {
            kinds: vec![SpaceKind::IncubatorAccelerator],
            municipalities: vec!["037048".into()],
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
