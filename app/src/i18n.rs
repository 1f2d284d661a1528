//! Italian first, English second. Every user-facing string lives here, in one struct per
//! language, so a missing translation is a compile error rather than a blank on the page.
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
pub mod events;
pub mod fields;
pub mod islands;
pub mod join;
pub mod mail;
pub mod review;
pub mod staff;

use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind};

pub use crate::core::lang::{Lang, LANG_COOKIE};

/// Every catalogue key the code uses, with the variables it passes (for the checks of
/// `catalog::check`).
#[cfg(feature = "ssr")]
pub fn keys_used() -> Vec<(String, Vec<&'static str>)> {
    let structs: [&[(&str, &str, &[&str])]; 5] = [
        events::EventTexts::KEYS,
        join::JoinTexts::KEYS,
        mail::MailTexts::KEYS,
        review::ReviewTexts::KEYS,
        staff::AdminTexts::KEYS,
    ];
    structs
        .iter()
        .flat_map(|keys| keys.iter())
        .map(|(prefix, field, vars)| (catalog::key(prefix, field), vars.to_vec()))
        .collect()
}

/// The words of a language (the type itself is part of `core`, which formats dates in it).
impl Lang {
    /// Every word of the interface. Not for the islands: see [`Lang::islands`].
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::It => &IT,
            Lang::En => &EN,
        }
    }

    /// The words the islands use. Islands (and what they call in the browser) take their words
    /// from here only: reaching [`Lang::texts`] from them would put every text of the site, in
    /// both languages, into the WASM bundle (15 KB of its 147 KB brotli, 2026-11-27).
    pub fn islands(self) -> &'static islands::IslandTexts {
        match self {
            Lang::It => &islands::IT,
            Lang::En => &islands::EN,
        }
    }
}

/// All the words of the interface, in one language.
pub struct Texts {
    pub lang: Lang,
    /// The staff area.
    pub admin: &'static std::sync::LazyLock<staff::AdminTexts>,
    /// The join form and the privacy notice.
    pub join: &'static std::sync::LazyLock<join::JoinTexts>,
    /// The e-mails about join requests and staff accounts.
    pub mail: &'static std::sync::LazyLock<mail::MailTexts>,
    /// Staff review of join requests and the survey.
    pub review: &'static std::sync::LazyLock<review::ReviewTexts>,
    /// Events, RSVPs and their e-mails.
    pub events: &'static std::sync::LazyLock<events::EventTexts>,
    pub site_name: &'static str,
    pub forum_name: &'static str,
    pub owner: &'static str,
    pub skip_to_content: &'static str,
    pub nav_map: &'static str,
    /// The switch's label, written in the *other* language.
    pub switch_language: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_description: &'static str,
    pub filters_heading: &'static str,
    pub filter_kind: &'static str,
    pub filter_all_kinds: &'static str,
    pub filter_municipality: &'static str,
    pub filter_all_municipalities: &'static str,
    pub filter_search: &'static str,
    pub filter_search_hint: &'static str,
    pub filter_apply: &'static str,
    pub filter_clear: &'static str,
    pub results: fn(usize) -> String,
    pub no_results: &'static str,
    pub list_heading: &'static str,
    /// The list's page navigation: its label, "page n of m", previous and next.
    pub pagination_label: &'static str,
    pub page_of: fn(u32, u32) -> String,
    pub page_previous: &'static str,
    pub page_next: &'static str,
    /// "Page n" for a page link's accessible name.
    pub page_n: fn(u32) -> String,
    pub legend: &'static str,
    pub map_needs_js: &'static str,
    pub address: &'static str,
    pub municipality: &'static str,
    pub kinds: &'static str,
    pub contacts: &'static str,
    pub website: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub no_contacts: &'static str,
    pub organisation: &'static str,
    pub run_by: &'static str,
    pub organisation_kind: &'static str,
    pub position: &'static str,
    pub data_source: &'static str,
    pub last_updated: &'static str,
    pub back_to_map: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub error_title: &'static str,
    pub error_text: &'static str,
    pub footer_service: &'static str,
    pub footer_contact: &'static str,
    pub nav_open_data: &'static str,
    pub open_data_title: &'static str,
    pub open_data_intro: &'static str,
    pub open_data_formats: &'static str,
    pub open_data_geojson: &'static str,
    pub open_data_csv: &'static str,
    pub open_data_csv_excel: &'static str,
    pub open_data_filters: &'static str,
    pub open_data_example: &'static str,
    pub open_data_fields: &'static str,
    pub open_data_precision: &'static str,
    pub open_data_cache: &'static str,
    pub download_filtered: &'static str,
    pub footer_data: &'static str,
}

impl Texts {
    pub fn kind(&self, kind: SpaceKind) -> &'static str {
        self.lang.islands().kind(kind)
    }

    pub fn organisation_kind(&self, kind: OrganisationKind) -> &'static str {
        use OrganisationKind::*;
        match (self.lang == Lang::It, kind) {
            (true, Company) => "Impresa",
            (true, Association) => "Associazione",
            (true, Cooperative) => "Cooperativa",
            (true, PublicBody) => "Ente pubblico",
            (true, University) => "Università",
            (true, Foundation) => "Fondazione",
            (true, Other) => "Altro",
            (false, Company) => "Company",
            (false, Association) => "Association",
            (false, Cooperative) => "Cooperative",
            (false, PublicBody) => "Public body",
            (false, University) => "University",
            (false, Foundation) => "Foundation",
            (false, Other) => "Other",
        }
    }

    /// A warning about the position, or `None` when it is exact.
    pub fn precision_note(&self, precision: PositionPrecision) -> Option<&'static str> {
        let it = self.lang == Lang::It;
        match precision {
            PositionPrecision::Exact => None,
            PositionPrecision::Approximate if it => {
                Some("Posizione approssimativa: indicata per via, con un margine di qualche centinaio di metri.")
            }
            PositionPrecision::Approximate => {
                Some("Approximate position: placed by street, accurate to a few hundred metres.")
            }
            PositionPrecision::Municipality if it => {
                Some("Posizione approssimativa: l'indirizzo esatto non è noto, lo spazio è indicato al centro del comune.")
            }
            PositionPrecision::Municipality => {
                Some("Approximate position: the exact address is not known, so the space is shown at the centre of its municipality.")
            }
        }
    }

    /// The label of a form's field.
    pub fn field<F: fields::Labelled>(&self, field: F) -> &'static str {
        field.label(self)
    }

    /// What is wrong with a field, in words.
    pub fn problem(&self, problem: crate::core::validate::Problem) -> String {
        self.lang.islands().problem(problem)
    }

    /// Short form of the same warning, for cards and popups.
    pub fn precision_short(&self, precision: PositionPrecision) -> Option<&'static str> {
        self.lang.islands().precision_short(precision)
    }
}

pub static IT: Texts = Texts {
    lang: Lang::It,
    admin: &staff::ADMIN_IT,
    join: &join::JOIN_IT,
    mail: &mail::MAIL_IT,
    review: &review::REVIEW_IT,
    events: &events::EVENTS_IT,
    site_name: "Spazi per l'innovazione",
    forum_name: "Forum metropolitano degli spazi per l'innovazione",
    owner: "Città metropolitana di Bologna",
    skip_to_content: "Vai al contenuto principale",
    nav_map: "Mappa degli spazi",
    switch_language: "English",
    home_title: "Mappa degli spazi per l'innovazione",
    home_intro: "Coworking, fab lab e makerspace, incubatori e acceleratori nei 55 comuni della Città metropolitana di Bologna: la rete del Forum metropolitano degli spazi per l'innovazione.",
    home_description: "La mappa degli spazi collaborativi per l'innovazione della Città metropolitana di Bologna: coworking, fab lab, incubatori e acceleratori.",
    filters_heading: "Filtra gli spazi",
    filter_kind: "Tipo di spazio",
    filter_all_kinds: "Tutti i tipi",
    filter_municipality: "Comune",
    filter_all_municipalities: "Tutti i comuni",
    filter_search: "Cerca",
    filter_search_hint: "Nome, indirizzo, organizzazione…",
    filter_apply: "Applica i filtri",
    filter_clear: "Azzera i filtri",
    results: |n| match n {
        0 => "Nessuno spazio trovato".to_owned(),
        1 => "1 spazio trovato".to_owned(),
        n => format!("{n} spazi trovati"),
    },
    no_results: "Nessuno spazio corrisponde ai filtri scelti. Prova ad azzerarli.",
    list_heading: "Elenco degli spazi",
    pagination_label: "Pagine dell'elenco",
    page_of: |n, m| format!("Pagina {n} di {m}"),
    page_previous: "Pagina precedente",
    page_next: "Pagina successiva",
    page_n: |n| format!("Pagina {n}"),
    legend: "Legenda",
    map_needs_js: "La mappa interattiva richiede JavaScript. L'elenco qui sotto contiene tutti gli spazi trovati.",
    address: "Indirizzo",
    municipality: "Comune",
    kinds: "Tipo di spazio",
    contacts: "Contatti",
    website: "Sito web",
    email: "Email",
    phone: "Telefono",
    no_contacts: "Nessun contatto pubblico disponibile.",
    organisation: "Organizzazione",
    run_by: "Gestito da",
    organisation_kind: "Tipo di organizzazione",
    position: "Posizione",
    data_source: "Fonte dei dati",
    last_updated: "Ultimo aggiornamento",
    back_to_map: "Torna alla mappa",
    not_found_title: "Pagina non trovata",
    not_found_text: "La pagina che cerchi non esiste o non è più pubblica.",
    error_title: "Si è verificato un errore",
    error_text: "Non è stato possibile completare la richiesta. Riprova tra qualche minuto.",
    footer_service: "Un servizio di Progetti d'impresa – Città metropolitana di Bologna, con la Fondazione per l'Innovazione Urbana.",
    footer_contact: "Contatti",
    nav_open_data: "Dati aperti",
    open_data_title: "Dati aperti",
    open_data_intro: "L'elenco degli spazi pubblicati sulla mappa è un dato aperto, con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi riutilizzarlo liberamente citando la fonte «Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione».",
    open_data_formats: "Formati",
    open_data_geojson: "GeoJSON (RFC 7946), per mappe e sistemi GIS: un punto per ogni spazio.",
    open_data_csv: "CSV (RFC 4180, UTF-8, separato da virgole), per programmi e analisi.",
    open_data_csv_excel: "CSV per fogli di calcolo in italiano (separato da punto e virgola, si apre in Excel con le lettere accentate corrette).",
    open_data_filters: "Gli stessi filtri della mappa valgono come parametri: tipo (coworking, fablab, incubator-accelerator), comune (codice ISTAT del comune) e q (testo libero). Per esempio, i fab lab di Pieve di Cento:",
    open_data_example: "Esempio",
    open_data_fields: "Campi",
    open_data_precision: "Il campo position_precision indica quanto è precisa la posizione: exact (sull'edificio), approximate (indicata per via, con un margine di qualche centinaio di metri) o municipality (indirizzo non noto: lo spazio è al centro del comune).",
    open_data_cache: "Le risposte si possono tenere in cache per cinque minuti e portano un ETag, per scaricare di nuovo solo quando i dati cambiano.",
    download_filtered: "Scarica questi dati",
    footer_data: "Dati della mappa © contributori di OpenStreetMap.",
};

pub static EN: Texts = Texts {
    lang: Lang::En,
    admin: &staff::ADMIN_EN,
    join: &join::JOIN_EN,
    mail: &mail::MAIL_EN,
    review: &review::REVIEW_EN,
    events: &events::EVENTS_EN,
    site_name: "Innovation spaces",
    forum_name: "Metropolitan Forum of Innovation Spaces",
    owner: "Città metropolitana di Bologna",
    skip_to_content: "Skip to main content",
    nav_map: "Map of the spaces",
    switch_language: "Italiano",
    home_title: "Map of innovation spaces",
    home_intro: "Coworking spaces, fab labs and makerspaces, incubators and accelerators across the 55 municipalities of the Città metropolitana di Bologna: the network of the Metropolitan Forum of Innovation Spaces.",
    home_description: "The map of collaborative innovation spaces of the Città metropolitana di Bologna: coworking spaces, fab labs, incubators and accelerators.",
    filters_heading: "Filter the spaces",
    filter_kind: "Kind of space",
    filter_all_kinds: "All kinds",
    filter_municipality: "Municipality",
    filter_all_municipalities: "All municipalities",
    filter_search: "Search",
    filter_search_hint: "Name, address, organisation…",
    filter_apply: "Apply filters",
    filter_clear: "Clear filters",
    results: |n| match n {
        0 => "No spaces found".to_owned(),
        1 => "1 space found".to_owned(),
        n => format!("{n} spaces found"),
    },
    no_results: "No space matches these filters. Try clearing them.",
    list_heading: "List of spaces",
    pagination_label: "Pages of the list",
    page_of: |n, m| format!("Page {n} of {m}"),
    page_previous: "Previous page",
    page_next: "Next page",
    page_n: |n| format!("Page {n}"),
    legend: "Legend",
    map_needs_js: "The interactive map needs JavaScript. The list below contains every space found.",
    address: "Address",
    municipality: "Municipality",
    kinds: "Kind of space",
    contacts: "Contacts",
    website: "Website",
    email: "Email",
    phone: "Phone",
    no_contacts: "No public contact details available.",
    organisation: "Organisation",
    run_by: "Run by",
    organisation_kind: "Kind of organisation",
    position: "Position",
    data_source: "Data source",
    last_updated: "Last updated",
    back_to_map: "Back to the map",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist or is no longer public.",
    error_title: "Something went wrong",
    error_text: "The request could not be completed. Please try again in a few minutes.",
    footer_service: "A service of Progetti d'impresa – Città metropolitana di Bologna, with the Fondazione per l'Innovazione Urbana.",
    footer_contact: "Contact",
    nav_open_data: "Open data",
    open_data_title: "Open data",
    open_data_intro: "The list of spaces published on the map is open data, under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): reuse it freely, crediting «Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione».",
    open_data_formats: "Formats",
    open_data_geojson: "GeoJSON (RFC 7946), for maps and GIS: one point per space.",
    open_data_csv: "CSV (RFC 4180, UTF-8, comma-separated), for programs and analysis.",
    open_data_csv_excel: "CSV for spreadsheets set to Italian (semicolon-separated; opens in Excel with accents intact).",
    open_data_filters: "The filters of the map work as parameters: tipo (coworking, fablab, incubator-accelerator), comune (the municipality's ISTAT code) and q (free text). For example, the fab labs of Pieve di Cento:",
    open_data_example: "Example",
    open_data_fields: "Fields",
    open_data_precision: "The position_precision field says how precise the position is: exact (on the building), approximate (placed by street, within a few hundred metres) or municipality (address unknown: the space is at the centre of its municipality).",
    open_data_cache: "Responses may be cached for five minutes and carry an ETag, so clients download again only when the data changes.",
    download_filtered: "Download this data",
    footer_data: "Map data © OpenStreetMap contributors.",
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

    #[test]
    fn the_islands_words_are_the_pages_words_in_the_same_language() {
        for lang in [Lang::It, Lang::En] {
            let islands = lang.islands();
            assert_eq!(islands.lang, lang);
            assert_eq!(
                lang.texts().kind(SpaceKind::Coworking),
                islands.kind(SpaceKind::Coworking)
            );
        }
        assert_eq!(
            (Lang::It.islands().cluster_here)(3),
            "3 spazi in questo punto"
        );
        assert_eq!(
            (Lang::En.islands().chars_left)(10, 500),
            "10 of 500 characters left"
        );
        assert_eq!(
            Lang::It
                .islands()
                .problem(crate::core::validate::Problem::Required),
            "Questo campo è obbligatorio."
        );
    }
}
