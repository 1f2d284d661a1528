//! The words the islands show. The server reads them from the catalogue
//! (`locales/<lang>/*.ftl`) and gives each island the few it needs as props, so the WASM
//! carries no translation runtime and no dictionary: a message with numbers comes as a
//! template (`{n} spazi in questo punto`) that [`Template::say`] fills in.

use crate::core::model::SpaceKind;
use crate::core::validate::Problem;
use serde::{Deserialize, Serialize};

/// The catalogue's keys of the islands' own words, with their variables (for the checks of
/// the locale files; the kinds and the precision warning are the site's words).
pub const KEYS: [(&str, &[&str]); 12] = [
    ("map-label", &[]),
    ("map-open-space", &[]),
    ("map-cluster-zoom", &["n"]),
    ("map-cluster-here", &["n"]),
    ("map-pin-label", &[]),
    ("map-pin-hint", &[]),
    ("map-use-location", &[]),
    ("map-locating", &[]),
    ("map-located", &[]),
    ("map-not-located", &[]),
    ("forms-draft-restored", &[]),
    ("forms-chars-left", &["left", "max"]),
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

/// A message with numbers in it: its text with each variable as `{name}`, and, when the
/// language says it differently for one, that variant too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub other: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one: Option<String>,
}

impl Template {
    /// The message for `n` (which chooses the variant: Italian and English say one thing
    /// differently only for one) with its variables filled in.
    pub fn say(&self, n: i64, vars: &[(&str, i64)]) -> String {
        let text = match &self.one {
            Some(one) if n == 1 => one,
            _ => &self.other,
        };
        let mut text = text.clone();
        for (name, value) in vars {
            text = text.replace(&format!("{{{name}}}"), &value.to_string());
        }
        text
    }

    #[cfg(feature = "ssr")]
    pub fn load(lang: crate::core::lang::Lang, key: &str) -> Template {
        let (one, other) = crate::i18n::catalog::template(lang, key);
        Template {
            one: (one != other).then_some(one),
            other,
        }
    }
}

/// The directory's map and a space's map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapWords {
    /// The map's accessible name.
    pub label: String,
    /// A popup's link to the space's page.
    pub open_space: String,
    /// A cluster's name: zoom in to part them / they share one spot (a click lists them).
    pub cluster_zoom: Template,
    pub cluster_here: Template,
    /// The popup's warning for a position that is not exact.
    pub approximate: String,
    /// The kinds of space, by [`SpaceKind::ALL`]'s order.
    pub kinds: Vec<String>,
}

impl MapWords {
    #[cfg(not(feature = "ssr"))]
    pub fn new(_: crate::core::lang::Lang) -> MapWords {
        unreachable!("the server gives the islands their words")
    }

    #[cfg(feature = "ssr")]
    pub fn new(lang: crate::core::lang::Lang) -> MapWords {
        use crate::i18n::catalog::word;
        let t = lang.texts();
        MapWords {
            label: word(lang, "map-label").to_owned(),
            open_space: word(lang, "map-open-space").to_owned(),
            cluster_zoom: Template::load(lang, "map-cluster-zoom"),
            cluster_here: Template::load(lang, "map-cluster-here"),
            approximate: t.precision_short.to_owned(),
            kinds: SpaceKind::ALL
                .iter()
                .map(|k| t.kind(*k).to_owned())
                .collect(),
        }
    }

    /// A cluster of `n` spaces to zoom into.
    pub fn cluster_zoom(&self, n: usize) -> String {
        let n = n as i64;
        self.cluster_zoom.say(n, &[("n", n)])
    }

    /// A cluster of `n` spaces at one spot.
    pub fn cluster_here(&self, n: usize) -> String {
        let n = n as i64;
        self.cluster_here.say(n, &[("n", n)])
    }

    pub fn kind(&self, kind: SpaceKind) -> &str {
        let i = SpaceKind::ALL.iter().position(|k| *k == kind);
        i.and_then(|i| self.kinds.get(i)).map_or("", String::as_str)
    }
}

/// The map with a pin on the forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinWords {
    pub label: String,
    pub hint: String,
}

impl PinWords {
    #[cfg(not(feature = "ssr"))]
    pub fn new(_: crate::core::lang::Lang) -> PinWords {
        unreachable!("the server gives the islands their words")
    }

    #[cfg(feature = "ssr")]
    pub fn new(lang: crate::core::lang::Lang) -> PinWords {
        use crate::i18n::catalog::word;
        PinWords {
            label: word(lang, "map-pin-label").to_owned(),
            hint: word(lang, "map-pin-hint").to_owned(),
        }
    }
}

/// The public forms' helper: "use my location", the draft, the characters left, and the
/// messages of the problems its form's checks can find (`Problem::IN_THE_BROWSER` for the join
/// form, `validate::rsvp::PROBLEMS` for the RSVP form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssistWords {
    pub use_location: String,
    pub locating: String,
    pub located: String,
    pub not_located: String,
    pub draft_restored: String,
    pub chars_left: Template,
    /// By [`Problem::code`].
    pub problems: Vec<(String, Template)>,
}

impl AssistWords {
    #[cfg(not(feature = "ssr"))]
    pub fn new(_: crate::core::lang::Lang, _: &[Problem]) -> AssistWords {
        unreachable!("the server gives the islands their words")
    }

    #[cfg(feature = "ssr")]
    pub fn new(lang: crate::core::lang::Lang, problems: &[Problem]) -> AssistWords {
        use crate::i18n::catalog::word;
        AssistWords {
            use_location: word(lang, "map-use-location").to_owned(),
            locating: word(lang, "map-locating").to_owned(),
            located: word(lang, "map-located").to_owned(),
            not_located: word(lang, "map-not-located").to_owned(),
            draft_restored: word(lang, "forms-draft-restored").to_owned(),
            chars_left: Template::load(lang, "forms-chars-left"),
            problems: problems
                .iter()
                .map(|p| {
                    let key = format!("validation-{}", p.code());
                    (p.code().to_owned(), Template::load(lang, &key))
                })
                .collect(),
        }
    }

    /// What is wrong with a field, in words (the server's words: the same message).
    pub fn problem(&self, problem: Problem) -> String {
        let args = problem.args();
        let n = args.first().map_or(0, |(_, n)| *n);
        self.problems
            .iter()
            .find(|(code, _)| code == problem.code())
            .map(|(_, template)| template.say(n, &args))
            .unwrap_or_default()
    }

    /// A long text's characters left.
    pub fn chars_left(&self, left: usize, max: usize) -> String {
        let (left, max) = (left as i64, max as i64);
        self.chars_left.say(left, &[("left", left), ("max", max)])
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
            let all = [
                &map.label,
                &map.open_space,
                &map.cluster_here.other,
                &PinWords::new(lang).hint,
                &assist.located,
                &assist.draft_restored,
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
        let it = AssistWords::new(Lang::It, &[]);
        assert_eq!(it.chars_left(1, 600), "1 carattere disponibile su 600");
        assert_eq!(it.chars_left(10, 600), "10 caratteri disponibili su 600");
        assert_eq!(
            AssistWords::new(Lang::En, &[]).chars_left(10, 500),
            "10 of 500 characters left"
        );
    }
}
