//! The words the islands show. The server reads them from the catalogue
//! (`locales/<lang>/*.ftl`) and gives each island the few it needs as props, so the WASM
//! carries no translation runtime and no dictionary: a message with numbers comes as a
//! template (`{n} spazi in questo punto`), with its variant for one, that the island fills in.
//!
//! Each island's words travel as one list of strings, read by position through the methods
//! below: the browser's bundle then carries a single decoder (of a list of strings) instead of
//! one per struct — 3.7 KB of brotli when they were structs.

use crate::core::model::SpaceKind;
use crate::core::validate::Problem;
use serde::{Deserialize, Serialize};

/// The catalogue's keys of the islands' own words, with their variables (for the checks of
/// the locale files; the kinds and the precision warning are the site's words).
pub const KEYS: [(&str, &[&str]); 19] = [
    ("map-label", &[]),
    ("map-open-space", &[]),
    ("map-cluster-zoom", &["n"]),
    ("map-cluster-here", &["n"]),
    ("map-zoom-in", &[]),
    ("map-zoom-out", &[]),
    ("map-close-popup", &[]),
    ("map-pin-label", &[]),
    ("map-pin-hint", &[]),
    ("map-pin-marker", &[]),
    ("map-pin-centre", &[]),
    ("map-use-location", &[]),
    ("map-locating", &[]),
    ("map-located", &[]),
    ("map-not-located", &[]),
    ("forms-draft-restored", &[]),
    ("forms-chars-left", &["left", "max"]),
    ("forms-chars-over", &["over", "max"]),
    ("forms-sending", &[]),
];

/// One island's words in `lang`, built once per language and process (`cells`, one per
/// language) and cloned into each page's props: a page pays a copy, never a Fluent call.
pub fn cached<T: Clone>(
    cells: &'static [std::sync::OnceLock<T>; 2],
    lang: crate::core::lang::Lang,
    build: impl FnOnce() -> T,
) -> T {
    let cell = match lang {
        crate::core::lang::Lang::It => &cells[0],
        crate::core::lang::Lang::En => &cells[1],
    };
    cell.get_or_init(build).clone()
}

/// A message's text with its variables (`{name}`) filled in.
fn fill(template: &str, vars: &[(&str, i64)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in vars {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// A list of words read by position; a missing one reads as empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Words(Vec<String>);

impl Words {
    fn get(&self, at: usize) -> &str {
        self.0.get(at).map_or("", String::as_str)
    }

    /// The message with numbers at `at` (its variant for one at `at`, the other at `at + 1`:
    /// Italian and English say things differently only for one), said for `n`.
    fn say(&self, at: usize, n: i64, vars: &[(&str, i64)]) -> String {
        fill(self.get(if n == 1 { at } else { at + 1 }), vars)
    }

    /// Appends the message at `key` as two templates (for one, for the others).
    #[cfg(feature = "ssr")]
    fn push_template(&mut self, lang: crate::core::lang::Lang, key: &str) {
        let (one, other) = crate::i18n::catalog::template(lang, key);
        self.0.extend([one, other]);
    }

    #[cfg(feature = "ssr")]
    fn push_word(&mut self, lang: crate::core::lang::Lang, key: &str) {
        self.0
            .push(crate::i18n::catalog::word(lang, key).to_owned());
    }
}

/// The directory's map and a space's map: its accessible name, a popup's link, the clusters'
/// names, the warning for a position that is not exact, the kinds of space.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MapWords(Words);

impl MapWords {
    const LABEL: usize = 0;
    const OPEN_SPACE: usize = 1;
    const APPROXIMATE: usize = 2;
    const CLUSTER_ZOOM: usize = 3;
    const CLUSTER_HERE: usize = 5;
    /// Then one per kind, by [`SpaceKind::ALL`]'s order.
    const KINDS: usize = 7;

    #[cfg(not(feature = "ssr"))]
    pub fn new(_: crate::core::lang::Lang) -> MapWords {
        unreachable!("the server gives the islands their words")
    }

    #[cfg(feature = "ssr")]
    pub fn new(lang: crate::core::lang::Lang) -> MapWords {
        let t = lang.texts();
        let mut w = Words(Vec::new());
        w.push_word(lang, "map-label");
        w.push_word(lang, "map-open-space");
        w.0.push(t.precision_short.to_owned());
        w.push_template(lang, "map-cluster-zoom");
        w.push_template(lang, "map-cluster-here");
        w.0.extend(SpaceKind::ALL.iter().map(|k| t.kind(*k).to_owned()));
        w.push_word(lang, "map-zoom-in");
        w.push_word(lang, "map-zoom-out");
        w.push_word(lang, "map-close-popup");
        MapWords(w)
    }

    pub fn label(&self) -> &str {
        self.0.get(Self::LABEL)
    }

    pub fn open_space(&self) -> &str {
        self.0.get(Self::OPEN_SPACE)
    }

    /// The popup's warning for a position that is not exact.
    pub fn approximate(&self) -> &str {
        self.0.get(Self::APPROXIMATE)
    }

    /// A cluster of `n` spaces to zoom into.
    pub fn cluster_zoom(&self, n: usize) -> String {
        let n = n as i64;
        self.0.say(Self::CLUSTER_ZOOM, n, &[("n", n)])
    }

    /// A cluster of `n` spaces at one spot (a click lists them).
    pub fn cluster_here(&self, n: usize) -> String {
        let n = n as i64;
        self.0.say(Self::CLUSTER_HERE, n, &[("n", n)])
    }

    pub fn kind(&self, kind: SpaceKind) -> &str {
        let i = SpaceKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(usize::MAX);
        self.0.get(Self::KINDS.saturating_add(i))
    }

    /// The names of the map's own buttons: zoom in, zoom out, close the popup.
    #[cfg(feature = "hydrate")]
    pub fn controls(&self) -> ControlWords {
        let at = Self::KINDS + SpaceKind::ALL.len();
        ControlWords {
            zoom_in: self.0.get(at).to_owned(),
            zoom_out: self.0.get(at + 1).to_owned(),
            close_popup: self.0.get(at + 2).to_owned(),
        }
    }
}

/// The words a map's own controls need (browser only).
#[cfg(feature = "hydrate")]
pub struct ControlWords {
    pub zoom_in: String,
    pub zoom_out: String,
    pub close_popup: String,
}

/// The map with a pin on the forms: its accessible name and its hint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PinWords(Words);

impl PinWords {
    #[cfg(not(feature = "ssr"))]
    pub fn new(_: crate::core::lang::Lang) -> PinWords {
        unreachable!("the server gives the islands their words")
    }

    #[cfg(feature = "ssr")]
    pub fn new(lang: crate::core::lang::Lang) -> PinWords {
        let mut w = Words(Vec::new());
        w.push_word(lang, "map-pin-label");
        w.push_word(lang, "map-pin-hint");
        w.push_word(lang, "map-pin-marker");
        w.push_word(lang, "map-pin-centre");
        w.push_word(lang, "validation-outside-municipality");
        w.push_word(lang, "map-zoom-in");
        w.push_word(lang, "map-zoom-out");
        PinWords(w)
    }

    pub fn label(&self) -> &str {
        self.0.get(0)
    }

    pub fn hint(&self) -> &str {
        self.0.get(1)
    }

    /// The pin's name, saying it moves with the arrow keys.
    pub fn marker(&self) -> &str {
        self.0.get(2)
    }

    /// The button that puts the pin at the map's centre (for keyboards).
    pub fn centre(&self) -> &str {
        self.0.get(3)
    }

    /// `Problem::OutsideMunicipality`'s message.
    pub fn outside_municipality(&self) -> &str {
        self.0.get(4)
    }

    /// The names of the map's zoom buttons.
    #[cfg(feature = "hydrate")]
    pub fn controls(&self) -> ControlWords {
        ControlWords {
            zoom_in: self.0.get(5).to_owned(),
            zoom_out: self.0.get(6).to_owned(),
            close_popup: String::new(),
        }
    }
}

/// The public forms' helper: "use my location", the draft, the characters left (or too
/// many), and the
/// messages of the problems its form's checks can find (`Problem::IN_THE_BROWSER` for the join
/// form, `validate::rsvp::PROBLEMS` for the RSVP form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AssistWords(Words);

impl AssistWords {
    const USE_LOCATION: usize = 0;
    const LOCATING: usize = 1;
    const LOCATED: usize = 2;
    const NOT_LOCATED: usize = 3;
    const DRAFT_RESTORED: usize = 4;
    const CHARS_LEFT: usize = 5;
    const CHARS_OVER: usize = 7;
    const SENDING: usize = 9;
    /// Then three per problem: its code, its message for one, for the others.
    const PROBLEMS: usize = 10;

    #[cfg(not(feature = "ssr"))]
    pub fn new(_: crate::core::lang::Lang, _: &[Problem]) -> AssistWords {
        unreachable!("the server gives the islands their words")
    }

    #[cfg(feature = "ssr")]
    pub fn new(lang: crate::core::lang::Lang, problems: &[Problem]) -> AssistWords {
        let mut w = Words(Vec::new());
        for key in [
            "map-use-location",
            "map-locating",
            "map-located",
            "map-not-located",
        ] {
            w.push_word(lang, key);
        }
        w.push_word(lang, "forms-draft-restored");
        w.push_template(lang, "forms-chars-left");
        w.push_template(lang, "forms-chars-over");
        w.push_word(lang, "forms-sending");
        for p in problems {
            w.0.push(p.code().to_owned());
            w.push_template(lang, &format!("validation-{}", p.code()));
        }
        AssistWords(w)
    }

    pub fn use_location(&self) -> &str {
        self.0.get(Self::USE_LOCATION)
    }

    pub fn locating(&self) -> &str {
        self.0.get(Self::LOCATING)
    }

    pub fn located(&self) -> &str {
        self.0.get(Self::LOCATED)
    }

    pub fn not_located(&self) -> &str {
        self.0.get(Self::NOT_LOCATED)
    }

    pub fn draft_restored(&self) -> &str {
        self.0.get(Self::DRAFT_RESTORED)
    }

    /// Said while a form sent very soon is held back for its last seconds.
    pub fn sending(&self) -> &str {
        self.0.get(Self::SENDING)
    }

    /// What is wrong with a field, in words (the server's words: the same message).
    pub fn problem(&self, problem: Problem) -> String {
        let args = problem.args();
        let n = args.first().map_or(0, |(_, n)| *n);
        let list = &self.0 .0;
        let found = (Self::PROBLEMS..list.len())
            .step_by(3)
            .find(|&at| list[at] == problem.code());
        found.map_or_else(String::new, |at| self.0.say(at + 1, n, &args))
    }

    /// A long text's characters left.
    pub fn chars_left(&self, left: usize, max: usize) -> String {
        let (left, max) = (left as i64, max as i64);
        self.0
            .say(Self::CHARS_LEFT, left, &[("left", left), ("max", max)])
    }

    /// A text's characters past its limit.
    pub fn chars_over(&self, over: usize, max: usize) -> String {
        let (over, max) = (over as i64, max as i64);
        self.0
            .say(Self::CHARS_OVER, over, &[("over", over), ("max", max)])
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::core::lang::Lang;

    #[test]
    fn the_islands_say_what_the_pages_say() {
        for lang in [Lang::It, Lang::En] {
            let t = lang.texts();
            let assist = AssistWords::new(lang, Problem::IN_THE_BROWSER);
            for problem in [
                Problem::Required,
                Problem::TooLong { max: 600 },
                Problem::MustAccept,
            ] {
                assert_eq!(assist.problem(problem), t.problem(problem));
            }
            let map = MapWords::new(lang);
            assert_eq!(map.kind(SpaceKind::Fablab), t.kind(SpaceKind::Fablab));
            let pin = PinWords::new(lang);
            let all = [
                map.label(),
                map.open_space(),
                map.approximate(),
                pin.hint(),
                assist.located(),
                assist.draft_restored(),
                assist.sending(),
            ];
            for word in all {
                assert!(
                    !word.starts_with("map-") && !word.starts_with("forms-"),
                    "{word}"
                );
            }
        }
        let it = MapWords::new(Lang::It);
        assert_eq!(it.cluster_here(3), "3 spazi in questo punto");
        assert_eq!(it.cluster_zoom(12), "12 spazi: ingrandisci la mappa");
        assert_eq!(
            it.kind(SpaceKind::IncubatorAccelerator),
            "Incubatore e acceleratore"
        );
        let it = AssistWords::new(Lang::It, &[]);
        assert_eq!(it.chars_left(1, 600), "1 carattere disponibile su 600");
        assert_eq!(it.chars_left(10, 600), "10 caratteri disponibili su 600");
        assert_eq!(
            AssistWords::new(Lang::En, &[]).chars_left(10, 500),
            "10 of 500 characters left"
        );
        assert_eq!(
            it.chars_over(1, 600),
            "1 carattere di troppo: il massimo è 600"
        );
        assert_eq!(
            it.chars_over(60, 600),
            "60 caratteri di troppo: il massimo è 600"
        );
    }
}
