//! Italian first, English second. Every user-facing word lives in the Fluent files,
//! `locales/<lang>/*.ftl` (read by `catalog`, checked against the keys the code uses by its
//! tests); the structs here name them for the code. The islands get theirs as props
//! (`i18n::islands`).
//!
//! The language is chosen per request from the `lang` cookie (set by `/lingua/{code}`), so the
//! server renders the right one and the choice is remembered; Italian when there is no cookie.

/// Declares a struct of words whose values come from the Fluent catalogue
/// (`locales/<lang>/*.ftl`): a field without parameters is a word (`&'static str`), one with
/// parameters a message formatted with them (`(t.mail.approved)(space, link)`), its variables
/// named as the parameters. A field's key is `prefix-field`, underscores as hyphens; `KEYS`
/// lists them with their variables for the checks. In the browser build the struct exists
/// but cannot be loaded: the islands take their words as props.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub struct $name:ident in $prefix:literal {
            $(
                $(#[$fmeta:meta])*
                $field:ident $( ( $($arg:ident : $ty:ty),* ) )?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: words!(@type $( ($($ty),*) )?),
            )*
        }

        impl $name {
            /// The catalogue's prefix and field names of these words, with their variables.
            pub const KEYS: &'static [(&'static str, &'static str, &'static [&'static str])] = &[
                $( ($prefix, stringify!($field), &[$( $(stringify!($arg)),* )?]), )*
            ];

            /// The words of `lang`, from the catalogue.
            #[cfg(feature = "ssr")]
            pub fn load(lang: $crate::i18n::Lang) -> Self {
                $name {
                    $( $field: words!(@load lang, $prefix, $field $( ($($arg: $ty),*) )?), )*
                }
            }

            #[cfg(not(feature = "ssr"))]
            pub fn load(_: $crate::i18n::Lang) -> Self {
                unreachable!("the browser takes its words as the islands' props")
            }
        }
    };
    (@type) => { &'static str };
    (@type ($($ty:ty),*)) => { Box<dyn Fn($($ty),*) -> String + Send + Sync> };
    (@load $lang:ident, $prefix:literal, $field:ident) => {
        $crate::i18n::catalog::word($lang, &$crate::i18n::catalog::key($prefix, stringify!($field)))
    };
    (@load $lang:ident, $prefix:literal, $field:ident ($($arg:ident : $ty:ty),*)) => {{
        let key = $crate::i18n::catalog::key($prefix, stringify!($field));
        Box::new(move |$($arg: $ty),*| {
            $crate::i18n::catalog::format(
                $lang,
                &key,
                &[$((stringify!($arg), $crate::i18n::catalog::Arg::from($arg))),*],
            )
        })
    }};
}

#[cfg(feature = "ssr")]
pub mod catalog;
pub mod embed;
pub mod events;
pub mod fields;
pub mod islands;
pub mod join;
pub mod mail;
pub mod managers;
pub mod municipality;
pub mod review;
pub mod site;
pub mod staff;

use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind};

pub use crate::core::lang::{Lang, LANG_COOKIE};

/// Every catalogue key the code uses, with the variables it passes (for the checks of
/// `catalog::check`).
#[cfg(feature = "ssr")]
pub fn keys_used() -> Vec<(String, Vec<&'static str>)> {
    let structs: [&[(&str, &str, &[&str])]; 9] = [
        embed::EmbedTexts::KEYS,
        municipality::MunicipalityTexts::KEYS,
        events::EventTexts::KEYS,
        managers::ManagerTexts::KEYS,
        join::JoinTexts::KEYS,
        mail::MailTexts::KEYS,
        review::ReviewTexts::KEYS,
        site::SiteTexts::KEYS,
        staff::AdminTexts::KEYS,
    ];
    use crate::core::validate as form;
    use fields::Labelled;
    let labels = (form::space::Field::ALL.map(Labelled::label_key).into_iter())
        .chain(form::account::Field::ALL.map(Labelled::label_key))
        .chain(form::join::Field::ALL.map(Labelled::label_key))
        .chain(form::rsvp::Field::ALL.map(Labelled::label_key))
        .chain(form::event::Field::ALL.map(Labelled::label_key))
        .chain(form::review::Field::ALL.map(Labelled::label_key));
    let problems = crate::core::validate::Problem::ALL.map(|p| {
        let vars = p.args().into_iter().map(|(name, _)| name).collect();
        (format!("validation-{}", p.code()), vars)
    });
    let islands = islands::KEYS.map(|(key, vars)| (key.to_owned(), vars.to_vec()));
    let mut used: Vec<(String, Vec<&'static str>)> = structs
        .iter()
        .flat_map(|keys| keys.iter())
        .map(|(prefix, field, vars)| (catalog::key(prefix, field), vars.to_vec()))
        .chain(labels.map(|key| (key.to_owned(), Vec::new())))
        .chain(problems)
        .chain(islands)
        .collect();
    used.sort();
    used.dedup();
    used
}

/// The words of a language (the type itself is part of `core`, which formats dates in it).
impl Lang {
    /// Every word of the interface, on the server. Not for the islands: they get theirs as
    /// props (`i18n::islands`).
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::It => &IT,
            Lang::En => &EN,
        }
    }
}

/// All the words of the interface, in one language: the site's own (`SiteTexts`, reached
/// through `Deref`: `t.site_name`) and each area's.
pub struct Texts {
    pub lang: Lang,
    /// The staff area.
    pub admin: &'static std::sync::LazyLock<staff::AdminTexts>,
    /// The builder of embeds and the pages other sites frame.
    pub embed: &'static std::sync::LazyLock<embed::EmbedTexts>,
    /// The join form and the privacy notice.
    pub join: &'static std::sync::LazyLock<join::JoinTexts>,
    /// The e-mails about join requests and staff accounts.
    pub mail: &'static std::sync::LazyLock<mail::MailTexts>,
    /// The municipalities' pages.
    pub municipalities: &'static std::sync::LazyLock<municipality::MunicipalityTexts>,
    /// The space managers' area (and the staff's list of a space's managers).
    pub managers: &'static std::sync::LazyLock<managers::ManagerTexts>,
    /// Staff review of join requests and the survey.
    pub review: &'static std::sync::LazyLock<review::ReviewTexts>,
    /// Events, RSVPs and their e-mails.
    pub events: &'static std::sync::LazyLock<events::EventTexts>,
    /// The public site's words.
    pub site: &'static std::sync::LazyLock<site::SiteTexts>,
}

impl std::ops::Deref for Texts {
    type Target = site::SiteTexts;

    fn deref(&self) -> &site::SiteTexts {
        self.site
    }
}

impl Texts {
    /// A word of the catalogue by key, for words chosen at run time (a field's label).
    #[cfg(feature = "ssr")]
    pub fn word(&self, key: &str) -> &'static str {
        catalog::word(self.lang, key)
    }

    #[cfg(not(feature = "ssr"))]
    pub fn word(&self, key: &str) -> &'static str {
        unreachable!("the browser takes its words as the islands' props: {key}")
    }

    pub fn kind(&self, kind: SpaceKind) -> &'static str {
        match kind {
            SpaceKind::Coworking => self.kind_coworking,
            SpaceKind::Fablab => self.kind_fablab,
            SpaceKind::IncubatorAccelerator => self.kind_incubator_accelerator,
        }
    }

    pub fn organisation_kind(&self, kind: OrganisationKind) -> &'static str {
        use OrganisationKind::*;
        match kind {
            Company => self.organisation_kind_company,
            Association => self.organisation_kind_association,
            Cooperative => self.organisation_kind_cooperative,
            PublicBody => self.organisation_kind_public_body,
            University => self.organisation_kind_university,
            Foundation => self.organisation_kind_foundation,
            Other => self.organisation_kind_other,
        }
    }

    /// A listing's source in words: the codes the site writes itself, else as written.
    pub fn source_words(&self, source: &str) -> String {
        match source {
            "join-form" => self.source_join_form.to_owned(),
            "staff" => self.source_staff.to_owned(),
            other => other.to_owned(),
        }
    }

    /// A warning about the position, or `None` when it is exact.
    pub fn precision_note(&self, precision: PositionPrecision) -> Option<&'static str> {
        match precision {
            PositionPrecision::Exact => None,
            PositionPrecision::Approximate => Some(self.precision_note_approximate),
            PositionPrecision::Municipality => Some(self.precision_note_municipality),
        }
    }

    /// The label of a form's field.
    pub fn field<F: fields::Labelled>(&self, field: F) -> &'static str {
        field.label(self)
    }

    /// What is wrong with a field, in words (`validation.ftl`).
    #[cfg(feature = "ssr")]
    pub fn problem(&self, problem: crate::core::validate::Problem) -> String {
        let args: Vec<_> = problem
            .args()
            .into_iter()
            .map(|(name, n)| (name, n.into()))
            .collect();
        catalog::format(self.lang, &format!("validation-{}", problem.code()), &args)
    }

    #[cfg(not(feature = "ssr"))]
    pub fn problem(&self, problem: crate::core::validate::Problem) -> String {
        unreachable!("the browser takes its words as the islands' props: {problem:?}")
    }

    /// How fresh a listing's information is, in words: when it was last confirmed (said
    /// plainly once past the period), or that it never was; `true` when it is not fresh.
    pub fn confirmed_words(
        &self,
        confirmed_at: Option<i64>,
        freshness: crate::core::view::Freshness,
        now: i64,
    ) -> (String, bool) {
        match confirmed_at {
            None => (self.site.not_confirmed.to_owned(), true),
            Some(at) => {
                let date = crate::core::datetime::day_date(at, self.lang);
                if freshness.stale(at, now) {
                    ((self.site.confirmed_stale)(&date), true)
                } else {
                    ((self.site.confirmed_on)(&date), false)
                }
            }
        }
    }

    /// Short form of the precision warning, for cards and popups.
    pub fn precision_short(&self, precision: PositionPrecision) -> Option<&'static str> {
        (precision != PositionPrecision::Exact).then_some(self.site.precision_short)
    }
}

pub static IT: Texts = Texts {
    lang: Lang::It,
    admin: &staff::ADMIN_IT,
    embed: &embed::EMBED_IT,
    join: &join::JOIN_IT,
    mail: &mail::MAIL_IT,
    managers: &managers::MANAGERS_IT,
    municipalities: &municipality::MUNICIPALITY_IT,
    review: &review::REVIEW_IT,
    events: &events::EVENTS_IT,
    site: &site::SITE_IT,
};

pub static EN: Texts = Texts {
    lang: Lang::En,
    admin: &staff::ADMIN_EN,
    embed: &embed::EMBED_EN,
    join: &join::JOIN_EN,
    mail: &mail::MAIL_EN,
    managers: &managers::MANAGERS_EN,
    municipalities: &municipality::MUNICIPALITY_EN,
    review: &review::REVIEW_EN,
    events: &events::EVENTS_EN,
    site: &site::SITE_EN,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cookie() {
        assert_eq!(Lang::from_cookie_header("lang=en"), Some(Lang::En));
        assert_eq!(
            Lang::from_cookie_header("a=b; lang=it; c=d"),
            Some(Lang::It)
        );
        assert_eq!(Lang::from_cookie_header("lang=xx"), None);
        assert_eq!(Lang::from_cookie_header("xlang=en"), None);
        assert_eq!(Lang::from_cookie_header(""), None);
    }

    #[test]
    fn each_language_has_its_own_labels() {
        assert_eq!(
            Lang::It.texts().kind(SpaceKind::Fablab),
            "Fab lab e makerspace"
        );
        assert_eq!(
            Lang::En.texts().kind(SpaceKind::Fablab),
            "Fab lab and makerspace"
        );
        assert_eq!((Lang::It.texts().results)(2), "2 spazi trovati");
        assert_eq!((Lang::En.texts().results)(1), "1 space found");
        assert!(Lang::En
            .texts()
            .precision_note(PositionPrecision::Exact)
            .is_none());
    }
}
