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

use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind};

pub use crate::core::lang::{Lang, LANG_COOKIE};

/// Every catalogue key the code uses, with the variables it passes (for the checks of
/// `catalog::check`).
#[cfg(feature = "ssr")]
pub fn keys_used() -> Vec<(String, Vec<&'static str>)> {
    let structs: [&[(&str, &str, &[&str])]; 4] = [
        events::EventTexts::KEYS,
        join::JoinTexts::KEYS,
        mail::MailTexts::KEYS,
        review::ReviewTexts::KEYS,
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
    pub admin: &'static AdminTexts,
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
    admin: &ADMIN_IT,
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
    admin: &ADMIN_EN,
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

/// The words of the staff area.
pub struct AdminTexts {
    pub area: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub signed_out: &'static str,
    pub wrong_credentials: &'static str,
    pub locked: fn(i64) -> String,
    pub unavailable: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: fn(&str, &str) -> String,
    pub role_admin: &'static str,
    pub role_editor: &'static str,
    pub spaces_heading: &'static str,
    pub status: &'static str,
    pub all_statuses: &'static str,
    pub status_pending: &'static str,
    pub status_published: &'static str,
    pub status_rejected: &'static str,
    pub status_archived: &'static str,
    pub name: &'static str,
    pub municipality: &'static str,
    pub updated: &'static str,
    pub search: &'static str,
    pub filter: &'static str,
    pub count: fn(usize) -> String,
    pub edit: &'static str,
    pub publish: &'static str,
    pub unpublish: &'static str,
    pub archive: &'static str,
    pub public_page: &'static str,
    pub saved: &'static str,
    pub save: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub changes: &'static str,
    pub fix_errors: &'static str,
    pub choose: &'static str,
    pub not_given: &'static str,
    pub section_space: &'static str,
    pub section_position: &'static str,
    pub section_contacts: &'static str,
    pub section_organisation: &'static str,
    pub precision_exact: &'static str,
    pub precision_approximate: &'static str,
    pub precision_municipality: &'static str,
    pub max_chars_fmt: fn(usize) -> String,
    pub new_space: &'static str,
    pub new_space_intro: &'static str,
    pub create: &'static str,
    pub export_all: &'static str,
    pub import_link: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_columns_title: &'static str,
    pub import_columns: &'static str,
    pub import_file: &'static str,
    pub import_file_hint: &'static str,
    pub import_new_status: &'static str,
    pub import_preview_button: &'static str,
    pub import_recent: &'static str,
    pub import_done: &'static str,
    pub import_not_applied: &'static str,
    pub import_preview: &'static str,
    pub import_to_create: fn(i64) -> String,
    pub import_to_update: fn(i64) -> String,
    pub import_unchanged: fn(i64) -> String,
    pub import_with_errors: fn(i64) -> String,
    pub import_created: fn(i64) -> String,
    pub import_updated: fn(i64) -> String,
    pub import_ignored: &'static str,
    pub import_errors_skipped: &'static str,
    pub import_new_status_note: fn(&str) -> String,
    pub import_confirm: fn(i64) -> String,
    pub import_nothing: &'static str,
    pub import_line: &'static str,
    pub import_outcome: &'static str,
    pub import_details: &'static str,
    pub import_more_rows: fn(usize) -> String,
    pub import_running: &'static str,
    pub import_progress: fn(i64, i64) -> String,
    pub import_stalled: &'static str,
    pub import_resume: &'static str,
    pub import_done_title: &'static str,
    /// The same report's heading once the import was reverted.
    pub import_done_before_revert: &'static str,
    pub import_back: &'static str,
    pub import_another: &'static str,
    pub import_uploaded: fn(&str) -> String,
    pub import_action_create: &'static str,
    pub import_action_update: &'static str,
    pub import_action_unchanged: &'static str,
    pub import_action_error: &'static str,
    pub import_no_file: &'static str,
    pub import_stale_form: &'static str,
    pub import_busy: &'static str,
    pub import_empty: &'static str,
    pub import_too_large: fn(usize) -> String,
    pub import_not_recognised: &'static str,
    pub import_missing_column: fn(&str) -> String,
    pub import_too_many_rows: fn(usize) -> String,
    pub import_include_archived: &'static str,
    pub import_changed_notice: &'static str,
    pub import_matched: &'static str,
    pub import_by_slug: &'static str,
    pub import_by_name: &'static str,
    pub import_undoes: &'static str,
    pub import_undo_warning: fn(usize) -> String,
    pub import_none_value: &'static str,
    pub import_conflicts: fn(i64) -> String,
    pub import_revert_title: &'static str,
    pub import_revert_effects: fn(i64, i64) -> String,
    pub import_revert_changed: &'static str,
    pub import_revert_leave: &'static str,
    pub import_revert_button: &'static str,
    pub import_revert_confirm_title: &'static str,
    pub import_revert_confirm_button: &'static str,
    pub import_revert_back: &'static str,
    pub import_revert_blocked: &'static str,
    pub import_reverted: fn(&str, i64) -> String,
    pub import_reverted_short: &'static str,
    pub import_deleted_space: &'static str,
    pub import_line_of: fn(i64) -> String,
    pub conflict_title: &'static str,
    pub conflict_body: &'static str,
    pub conflict_saved_value: &'static str,
    pub status_stale: &'static str,
    pub from_request: &'static str,
    pub archive_step: &'static str,
    pub archive_effect: &'static str,
    pub archive_confirm: &'static str,
    pub unpublish_step: &'static str,
    pub unpublish_effect: &'static str,
    pub unpublish_confirm: &'static str,
    pub off_map_effect: &'static str,
    pub disable_step: &'static str,
    pub disable_effect: fn(&str) -> String,
    pub disable_confirm: &'static str,
    pub account_stale: &'static str,
    pub last_admin: &'static str,
    pub publish_approves: fn(&str) -> String,
    pub role_confirm: &'static str,
    pub session_ended: &'static str,
    pub resumed: &'static str,
    pub staff_link: &'static str,
    pub import_short: &'static str,
    pub last_sign_in: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden: &'static str,
    pub staff_title: &'static str,
    pub link_for: fn(&str) -> String,
    pub link_explain: &'static str,
    pub link_label: &'static str,
    pub role_heading: &'static str,
    pub account_state: &'static str,
    pub actions: &'static str,
    pub invite_heading: &'static str,
    pub invite_intro: &'static str,
    pub invite: &'static str,
    pub recent_changes: &'static str,
    pub account: &'static str,
    pub account_disabled: &'static str,
    pub account_invited: &'static str,
    pub account_active: &'static str,
    pub you: &'static str,
    pub make_admin: &'static str,
    pub make_editor: &'static str,
    pub role_admin_explain: &'static str,
    pub role_editor_explain: &'static str,
    pub enable: &'static str,
    pub disable: &'static str,
    pub new_link: &'static str,
    pub invitation_title: &'static str,
    pub welcome: fn(&str) -> String,
    pub invitation_intro: &'static str,
    pub set_password: &'static str,
    pub password_hint_fmt: fn(usize) -> String,
    pub invitation_dead_title: &'static str,
    pub invitation_dead: &'static str,
    pub password_set: &'static str,
    /// Audit action codes in words.
    pub action_labels: &'static [(&'static str, &'static str)],
    pub approximate_filter: &'static str,
    pub approximate_count: fn(usize) -> String,
}

impl AdminTexts {
    pub fn status(&self, status: crate::core::model::SpaceStatus) -> &'static str {
        use crate::core::model::SpaceStatus::*;
        match status {
            Pending => self.status_pending,
            Published => self.status_published,
            Rejected => self.status_rejected,
            Archived => self.status_archived,
        }
    }

    pub fn precision(&self, p: crate::core::model::PositionPrecision) -> &'static str {
        use crate::core::model::PositionPrecision::*;
        match p {
            Exact => self.precision_exact,
            Approximate => self.precision_approximate,
            Municipality => self.precision_municipality,
        }
    }

    pub fn max_chars(&self, max: usize) -> String {
        (self.max_chars_fmt)(max)
    }

    pub fn import_file_error(&self, e: crate::core::view::ImportFileError) -> String {
        use crate::core::view::ImportFileError::*;
        match e {
            NoFile => self.import_no_file.to_owned(),
            Empty => self.import_empty.to_owned(),
            TooLarge { max_mb } => (self.import_too_large)(max_mb),
            NotRecognised => self.import_not_recognised.to_owned(),
            MissingColumn(c) => (self.import_missing_column)(c),
            TooManyRows { max } => (self.import_too_many_rows)(max),
            StaleForm => self.import_stale_form.to_owned(),
            Busy => self.import_busy.to_owned(),
        }
    }

    pub fn make_role(&self, role: crate::core::model::Role) -> &'static str {
        match role {
            crate::core::model::Role::Admin => self.make_admin,
            crate::core::model::Role::Editor => self.make_editor,
        }
    }

    pub fn role_explain(&self, role: crate::core::model::Role) -> &'static str {
        match role {
            crate::core::model::Role::Admin => self.role_admin_explain,
            crate::core::model::Role::Editor => self.role_editor_explain,
        }
    }

    pub fn password_hint(&self, min: usize) -> String {
        (self.password_hint_fmt)(min)
    }

    /// An audit action in words (the code itself when it has none).
    pub fn action(&self, code: &str) -> String {
        self.action_labels
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, label)| (*label).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }

    pub fn role(&self, role: crate::core::model::Role) -> &'static str {
        match role {
            crate::core::model::Role::Admin => self.role_admin,
            crate::core::model::Role::Editor => self.role_editor,
        }
    }
}

pub static ADMIN_IT: AdminTexts = AdminTexts {
    area: "Area riservata",
    sign_in_title: "Accesso allo staff",
    sign_in_intro:
        "Area riservata al personale di Progetti d'impresa della Città metropolitana di Bologna.",
    email: "Email",
    password: "Password",
    sign_in: "Accedi",
    signed_out: "Sei uscito dall'area riservata.",
    wrong_credentials: "Email o password non corretti. Controlla e riprova.",
    locked: |m| {
        format!("Troppi tentativi di accesso non riusciti: per sicurezza l'accesso è bloccato. Riprova tra {m} minut{}.", if m == 1 { "o" } else { "i" })
    },
    unavailable: "Il servizio non è disponibile in questo momento. Riprova tra qualche minuto.",
    sign_out: "Esci",
    signed_in_as: |name, role| format!("Hai effettuato l'accesso come {name} ({role})."),
    role_admin: "amministratore",
    role_editor: "redattore",
    spaces_heading: "Spazi",
    status: "Stato",
    all_statuses: "Tutti gli stati",
    status_pending: "In attesa",
    status_published: "Pubblicato",
    status_rejected: "Respinto",
    status_archived: "Archiviato",
    name: "Nome",
    municipality: "Comune",
    updated: "Aggiornato",
    search: "Cerca",
    filter: "Filtra",
    count: |n| {
        if n == 1 {
            "1 spazio".to_owned()
        } else {
            format!("{n} spazi")
        }
    },
    edit: "Modifica",
    publish: "Pubblica",
    unpublish: "Rimetti in attesa",
    archive: "Archivia",
    public_page: "Vedi la pagina pubblica",
    saved: "Modifiche salvate.",
    save: "Salva le modifiche",
    history: "Storico delle modifiche",
    no_history: "Nessuna modifica registrata.",
    when: "Quando",
    who: "Chi",
    what: "Azione",
    changes: "Modifiche",
    fix_errors: "Correggi questi campi",
    choose: "Scegli…",
    not_given: "Non indicato",
    section_space: "Lo spazio",
    section_position: "Dove si trova",
    section_contacts: "Contatti pubblici",
    section_organisation: "Organizzazione",
    precision_exact: "Esatta (sull'edificio)",
    precision_approximate: "Approssimativa (per via)",
    precision_municipality: "Solo il comune",
    max_chars_fmt: |m| format!("Al massimo {m} caratteri."),
    new_space: "Nuovo spazio",
    new_space_intro: "Lo spazio viene creato «in attesa»: pubblicalo dalla sua pagina quando è pronto. I campi con * sono obbligatori.",
    create: "Crea lo spazio",
    export_all: "Esporta tutti gli spazi (ogni stato)",
    import_link: "Importa da file (CSV o GeoJSON)",
    import_title: "Importa spazi da file",
    import_intro: "Carica un file CSV (anche salvato da Excel) o GeoJSON: vedrai prima un'anteprima di cosa cambierebbe — spazi da creare, da aggiornare, righe con errori — e nulla cambia finché non confermi. Importare di nuovo lo stesso file non cambia nulla.",
    import_columns_title: "Quali colonne servono",
    import_columns: "Obbligatorie: name (o nome), municipality (o comune, oppure municipality_istat), lat e lon (o le coordinate GeoJSON). Facoltative: slug, kinds (coworking, fablab, incubator-accelerator; più valori separati da ;), description, address, position_precision (exact, approximate, municipality), website, email, phone, organisation, organisation_kind, organisation_website, organisation_description. Le esportazioni dello staff hanno già queste colonne. Uno spazio esistente è riconosciuto dallo slug, altrimenti da nome e comune (se il nome corrisponde a più spazi, la riga è segnalata: aggiungi lo slug). Le celle piene sostituiscono i valori salvati; le celle vuote e le colonne assenti li lasciano com'erano; per cancellare un valore scrivi [vuoto]. Gli spazi con una richiesta di adesione in revisione, quelli respinti e (se non scegli altrimenti) quelli archiviati non vengono mai modificati.",
    import_file: "File",
    import_file_hint: "CSV o GeoJSON, al massimo 5 MB e 10.000 righe.",
    import_new_status: "Stato degli spazi nuovi",
    import_preview_button: "Carica e mostra l'anteprima",
    import_recent: "Importazioni recenti",
    import_done: "applicata",
    import_not_applied: "non applicata",
    import_preview: "Anteprima",
    import_to_create: |n| format!("Da creare: {n}"),
    import_to_update: |n| format!("Da aggiornare: {n}"),
    import_unchanged: |n| format!("Senza modifiche: {n}"),
    import_with_errors: |n| format!("Con errori (non importate): {n}"),
    import_created: |n| format!("Creati: {n}"),
    import_updated: |n| format!("Aggiornati: {n}"),
    import_ignored: "Colonne ignorate",
    import_errors_skipped: "Le righe con errori non vengono importate: correggi il file e caricalo di nuovo (le righe già importate resteranno senza modifiche).",
    import_new_status_note: |s| format!("Gli spazi nuovi avranno lo stato «{s}»."),
    import_confirm: |n| if n == 1 { "Conferma e importa (1 spazio)".to_owned() } else { format!("Conferma e importa ({n} spazi)") },
    import_nothing: "Non c'è nulla da importare: ogni riga è già come nel file, oppure ha errori.",
    import_line: "Riga",
    import_outcome: "Esito",
    import_details: "Dettagli",
    import_more_rows: |n| format!("…e altre {n} righe non mostrate."),
    import_running: "Importazione in corso",
    import_progress: |d, t| format!("{d} righe su {t}"),
    import_stalled: "L'importazione si è interrotta (per esempio per un riavvio del server). Puoi riprenderla: le righe già importate non verranno ripetute.",
    import_resume: "Riprendi l'importazione",
    import_done_title: "Importazione completata",
    import_done_before_revert: "Che cosa aveva fatto l'importazione",
    import_back: "Torna all'elenco degli spazi",
    import_another: "Importa un altro file",
    import_uploaded: |w| format!("Caricato il {w}."),
    import_action_create: "nuovo",
    import_action_update: "aggiornamento",
    import_action_unchanged: "senza modifiche",
    import_action_error: "errore",
    import_no_file: "Scegli un file da caricare.",
    import_stale_form: "Il modulo non era più valido (la sessione è cambiata): scegli di nuovo il file e caricalo.",
    import_busy: "Il file non è stato salvato: il server è occupato. Riprova tra qualche istante.",
    import_empty: "Il file non contiene righe da importare.",
    import_too_large: |mb| format!("Il file è troppo grande: al massimo {mb} MB."),
    import_not_recognised: "Il file non è un CSV o un GeoJSON (FeatureCollection) leggibile.",
    import_missing_column: |c| format!("Manca una colonna obbligatoria: {c}."),
    import_too_many_rows: |n| format!("Il file ha troppe righe: al massimo {n}. Dividilo in più file."),
    import_include_archived: "Aggiorna anche gli spazi archiviati (altrimenti le righe che li riguardano sono segnalate e lasciate da parte)",
    import_changed_notice: "Alcuni spazi sono cambiati dopo l'anteprima che avevi davanti: questa è l'anteprima aggiornata. Controllala e conferma di nuovo.",
    import_matched: "Spazio esistente",
    import_by_slug: "riconosciuto dallo slug",
    import_by_name: "riconosciuto da nome e comune",
    import_undoes: "annulla una correzione fatta a mano dallo staff",
    import_undo_warning: |n| if n == 1 { "Una modifica annullerebbe una correzione fatta a mano dallo staff: è segnata nella tabella.".to_owned() } else { format!("{n} modifiche annullerebbero correzioni fatte a mano dallo staff: sono segnate nella tabella.") },
    import_none_value: "(vuoto)",
    import_conflicts: |n| format!("Lasciati com'erano perché modificati dopo l'anteprima: {n}"),
    import_revert_title: "Annullare l'importazione",
    import_revert_effects: |remove, restore| format!("Annullandola, gli spazi creati dall'importazione ({remove}) saranno eliminati e gli spazi che ha aggiornato ({restore}) torneranno ai valori di prima."),
    import_revert_changed: "Questi spazi sono stati modificati dopo l'importazione (o uno spazio creato è il luogo di un evento): l'annullamento non li tocca.",
    import_revert_leave: "Annulla il resto e lascia questi spazi come sono ora",
    import_revert_button: "Annulla l'importazione…",
    import_revert_confirm_title: "Confermi l'annullamento dell'importazione?",
    import_revert_confirm_button: "Sì, annulla l'importazione",
    import_revert_back: "No, torna al resoconto",
    import_revert_blocked: "Alcuni spazi sono stati modificati dopo l'importazione: non è stato annullato nulla. Scegli se annullare il resto lasciandoli come sono.",
    import_reverted: |when, left| match left {
        0 => format!("Importazione annullata il {when}: gli spazi sono tornati come prima."),
        1 => format!("Importazione annullata il {when}, tranne uno spazio modificato dopo l'importazione, rimasto com'era."),
        n => format!("Importazione annullata il {when}, tranne {n} spazi modificati dopo l'importazione, rimasti com'erano."),
    },
    import_reverted_short: "annullata",
    import_deleted_space: "(spazio eliminato)",
    import_line_of: |n| format!("riga {n}"),
    conflict_title: "Qualcun altro ha salvato questo spazio mentre lo modificavi",
    conflict_body: "Le tue modifiche non sono state salvate: sono ancora nel modulo qui sotto, insieme a quelle del collega ai campi che non avevi toccato. Qui sotto trovi il valore salvato di ogni campo in cui il modulo è diverso. Controlla, poi salva di nuovo.",
    conflict_saved_value: "Valore salvato ora:",
    status_stale: "Lo spazio è stato modificato da qualcun altro dopo che hai aperto questa pagina: nulla è cambiato. Controlla la versione attuale e riprova.",
    from_request: "Richiesta di adesione",
    archive_step: "Archivia…",
    archive_effect: "Archiviato, lo spazio resta nel registro dello staff ma non è più pubblico, e le importazioni non lo modificano. Potrai pubblicarlo di nuovo.",
    archive_confirm: "Sì, archivia lo spazio",
    unpublish_step: "Rimetti in attesa…",
    unpublish_effect: "Lo spazio torna in attesa di revisione; se è arrivato da una richiesta di adesione già decisa, la richiesta torna in coda. Nessuna e-mail viene inviata.",
    unpublish_confirm: "Sì, rimetti in attesa",
    off_map_effect: "Lo spazio sparirà dalla mappa, dall'elenco e dai dati aperti; la sua pagina pubblica non sarà più raggiungibile.",
    disable_step: "Disattiva…",
    disable_effect: |name| format!("{name} non potrà più accedere: le sue sessioni aperte e i link d'accesso non ancora usati smettono di valere subito. Potrai riattivare l'account."),
    disable_confirm: "Sì, disattiva",
    account_stale: "L'account è stato modificato da un altro amministratore dopo che hai aperto questa pagina: non è cambiato nulla. Controlla lo stato attuale e riprova.",
    last_admin: "Non è cambiato nulla: deve restare almeno un amministratore attivo (e chi agisce deve esserlo ancora).",
    publish_approves: |r| format!("Pubblicando lo spazio approvi la richiesta di adesione {r}: chi l'ha inviata riceverà un'email."),
    role_confirm: "Sì, cambia il ruolo",
    session_ended: "La sessione è scaduta prima che il modulo arrivasse, e non è stato salvato nulla. Accedi di nuovo: ritroverai il modulo con quello che avevi scritto.",
    resumed: "Ecco il modulo con quello che avevi scritto prima che la sessione scadesse: non è ancora salvato. Controlla e salva.",
    staff_link: "Account dello staff",
    import_short: "Importa",
    last_sign_in: "Ultimo accesso",
    forbidden_title: "Accesso non consentito",
    forbidden: "Il tuo ruolo non permette di vedere questa pagina. Se ti serve, chiedi a un amministratore dello staff.",
    staff_title: "Account dello staff",
    link_for: |name| format!("Link di accesso per {name}"),
    link_explain: "Copia il link e invialo alla persona (per esempio via email): con il link sceglie la sua password. Vale 7 giorni e si può usare una volta sola. Non verrà mostrato di nuovo.",
    link_label: "Link di accesso",
    role_heading: "Ruolo",
    account_state: "Stato",
    actions: "Azioni",
    invite_heading: "Invita una collega o un collega",
    invite_intro: "L'account viene creato senza password: la persona la sceglie con il link che riceverai qui.",
    invite: "Invita",
    recent_changes: "Modifiche recenti agli account",
    account: "Account",
    account_disabled: "disattivato",
    account_invited: "invitato (link non ancora usato)",
    account_active: "attivo",
    you: "(tu)",
    make_admin: "Rendi amministratore",
    make_editor: "Rendi redattore",
    role_admin_explain: "gestisce anche gli account dello staff",
    role_editor_explain: "gestisce spazi, adesioni ed eventi",
    enable: "Riattiva",
    disable: "Disattiva",
    new_link: "Nuovo link di accesso",
    invitation_title: "Scegli la tua password",
    welcome: |name| format!("Benvenuta o benvenuto, {name}"),
    invitation_intro: "Scegli la password per accedere all'area riservata di Spazi per l'innovazione.",
    set_password: "Salva la password",
    password_hint_fmt: |min| format!("Almeno {min} caratteri. Una frase di più parole è sicura e facile da ricordare."),
    invitation_dead_title: "Link non più valido",
    invitation_dead: "Questo link è già stato usato oppure è scaduto. Chiedi un nuovo link a un amministratore dello staff (progimpresa@cittametropolitana.bo.it).",
    password_set: "Password salvata. Ora puoi accedere.",
    action_labels: &[
        ("create", "creazione"),
        ("update", "modifica"),
        ("status", "cambio di stato"),
        ("import", "importazione"),
        ("invite", "invito"),
        ("access_link", "nuovo link di accesso"),
        ("set_password", "password scelta"),
        ("disable", "disattivazione"),
        ("enable", "riattivazione"),
        ("role", "cambio di ruolo"),
        ("sign_in", "accesso"),
        ("sign_out", "uscita"),
    ],
    approximate_filter: "Solo posizioni approssimative (da correggere)",
    approximate_count: |n| if n == 1 { "1 spazio ha una posizione approssimativa da correggere".to_owned() } else { format!("{n} spazi hanno una posizione approssimativa da correggere") },
};

pub static ADMIN_EN: AdminTexts = AdminTexts {
    area: "Staff area",
    sign_in_title: "Staff sign-in",
    sign_in_intro: "For the staff of Progetti d'impresa, Città metropolitana di Bologna.",
    email: "Email",
    password: "Password",
    sign_in: "Sign in",
    signed_out: "You have signed out.",
    wrong_credentials: "Wrong email or password. Please check and try again.",
    locked: |m| {
        format!("Too many failed sign-in attempts: sign-in is locked for safety. Try again in {m} minute{}.", if m == 1 { "" } else { "s" })
    },
    unavailable: "The service is unavailable right now. Please try again in a few minutes.",
    sign_out: "Sign out",
    signed_in_as: |name, role| format!("Signed in as {name} ({role})."),
    role_admin: "administrator",
    role_editor: "editor",
    spaces_heading: "Spaces",
    status: "Status",
    all_statuses: "All statuses",
    status_pending: "Pending",
    status_published: "Published",
    status_rejected: "Rejected",
    status_archived: "Archived",
    name: "Name",
    municipality: "Municipality",
    updated: "Updated",
    search: "Search",
    filter: "Filter",
    count: |n| {
        if n == 1 {
            "1 space".to_owned()
        } else {
            format!("{n} spaces")
        }
    },
    edit: "Edit",
    publish: "Publish",
    unpublish: "Back to pending",
    archive: "Archive",
    public_page: "See the public page",
    saved: "Changes saved.",
    save: "Save changes",
    history: "History of changes",
    no_history: "No changes recorded.",
    when: "When",
    who: "Who",
    what: "Action",
    changes: "Changes",
    fix_errors: "Please correct these fields",
    choose: "Choose…",
    not_given: "Not given",
    section_space: "The space",
    section_position: "Where it is",
    section_contacts: "Public contacts",
    section_organisation: "Organisation",
    precision_exact: "Exact (on the building)",
    precision_approximate: "Approximate (by street)",
    precision_municipality: "Municipality only",
    max_chars_fmt: |m| format!("At most {m} characters."),
    new_space: "New space",
    new_space_intro: "The space is created as pending: publish it from its page when it is ready. Fields marked * are required.",
    create: "Create the space",
    export_all: "Export every space (all statuses)",
    import_link: "Import from a file (CSV or GeoJSON)",
    import_title: "Import spaces from a file",
    import_intro: "Upload a CSV file (saved from Excel is fine) or a GeoJSON file: you first see a preview of what would change — spaces to create, to update, rows with errors — and nothing changes until you confirm. Importing the same file again changes nothing.",
    import_columns_title: "Which columns are needed",
    import_columns: "Required: name (or nome), municipality (or comune, or municipality_istat), lat and lon (or the GeoJSON coordinates). Optional: slug, kinds (coworking, fablab, incubator-accelerator; several separated by ;), description, address, position_precision (exact, approximate, municipality), website, email, phone, organisation, organisation_kind, organisation_website, organisation_description. The staff exports already have these columns. An existing space is recognised by its slug, else by name and municipality (a name that fits several spaces is reported: add the slug). Filled cells replace the stored values; empty cells and missing columns leave them as they were; to clear a value write [empty]. Spaces with a join request under review, rejected ones and (unless you choose otherwise) archived ones are never changed.",
    import_file: "File",
    import_file_hint: "CSV or GeoJSON, at most 5 MB and 10,000 rows.",
    import_new_status: "Status of new spaces",
    import_preview_button: "Upload and preview",
    import_recent: "Recent imports",
    import_done: "applied",
    import_not_applied: "not applied",
    import_preview: "Preview",
    import_to_create: |n| format!("To create: {n}"),
    import_to_update: |n| format!("To update: {n}"),
    import_unchanged: |n| format!("Unchanged: {n}"),
    import_with_errors: |n| format!("With errors (not imported): {n}"),
    import_created: |n| format!("Created: {n}"),
    import_updated: |n| format!("Updated: {n}"),
    import_ignored: "Columns ignored",
    import_errors_skipped: "Rows with errors are not imported: correct the file and upload it again (rows already imported will stay unchanged).",
    import_new_status_note: |s| format!("New spaces will have the status “{s}”."),
    import_confirm: |n| if n == 1 { "Confirm and import (1 space)".to_owned() } else { format!("Confirm and import ({n} spaces)") },
    import_nothing: "There is nothing to import: every row is already as in the file, or has errors.",
    import_line: "Line",
    import_outcome: "Outcome",
    import_details: "Details",
    import_more_rows: |n| format!("…and {n} more rows not shown."),
    import_running: "Import in progress",
    import_progress: |d, t| format!("{d} of {t} rows"),
    import_stalled: "The import stopped (the server restarted, for example). You can resume it: rows already imported will not be repeated.",
    import_resume: "Resume the import",
    import_done_title: "Import complete",
    import_done_before_revert: "What the import had done",
    import_back: "Back to the list of spaces",
    import_another: "Import another file",
    import_uploaded: |w| format!("Uploaded on {w}."),
    import_action_create: "new",
    import_action_update: "update",
    import_action_unchanged: "unchanged",
    import_action_error: "error",
    import_no_file: "Choose a file to upload.",
    import_stale_form: "The form was no longer valid (your session changed): choose the file again and upload it.",
    import_busy: "The file was not saved: the server is busy. Try again in a moment.",
    import_empty: "The file has no rows to import.",
    import_too_large: |mb| format!("The file is too large: at most {mb} MB."),
    import_not_recognised: "The file is not a readable CSV or GeoJSON (FeatureCollection).",
    import_missing_column: |c| format!("A required column is missing: {c}."),
    import_too_many_rows: |n| format!("The file has too many rows: at most {n}. Split it into several files."),
    import_include_archived: "Also update archived spaces (otherwise the rows about them are reported and left aside)",
    import_changed_notice: "Some spaces changed after the preview you were looking at: this is the updated preview. Check it and confirm again.",
    import_matched: "Existing space",
    import_by_slug: "recognised by its slug",
    import_by_name: "recognised by name and municipality",
    import_undoes: "undoes a correction staff made by hand",
    import_undo_warning: |n| if n == 1 { "One change would undo a correction staff made by hand: it is marked in the table.".to_owned() } else { format!("{n} changes would undo corrections staff made by hand: they are marked in the table.") },
    import_none_value: "(empty)",
    import_conflicts: |n| format!("Left as they were because they changed after the preview: {n}"),
    import_revert_title: "Reverting the import",
    import_revert_effects: |remove, restore| format!("Reverting it deletes the spaces the import created ({remove}) and puts the spaces it updated ({restore}) back to their earlier values."),
    import_revert_changed: "These spaces were changed after the import (or a created space is an event's venue): reverting leaves them alone.",
    import_revert_leave: "Revert the rest and leave these spaces as they are now",
    import_revert_button: "Revert the import…",
    import_revert_confirm_title: "Revert the import?",
    import_revert_confirm_button: "Yes, revert the import",
    import_revert_back: "No, back to the report",
    import_revert_blocked: "Some spaces were changed after the import: nothing was reverted. Choose whether to revert the rest and leave them as they are.",
    import_reverted: |when, left| match left {
        0 => format!("Import reverted on {when}: the spaces are back as they were."),
        1 => format!("Import reverted on {when}, except one space changed after the import, left as it was."),
        n => format!("Import reverted on {when}, except {n} spaces changed after the import, left as they were."),
    },
    import_reverted_short: "reverted",
    import_deleted_space: "(space deleted)",
    import_line_of: |n| format!("line {n}"),
    conflict_title: "Someone else saved this space while you were editing it",
    conflict_body: "Your changes were not saved: they are still in the form below, together with your colleague's changes to the fields you had not touched. Below is the saved value of every field where the form differs. Check, then save again.",
    conflict_saved_value: "Saved value now:",
    status_stale: "The space was changed by someone else after you opened this page: nothing changed. Check the current version and try again.",
    from_request: "Join request",
    archive_step: "Archive…",
    archive_effect: "Archived, the space stays in the staff register but is no longer public, and imports do not change it. You can publish it again.",
    archive_confirm: "Yes, archive the space",
    unpublish_step: "Put back to pending…",
    unpublish_effect: "The space goes back to pending review; if it came from a join request already decided, the request goes back to the queue. No e-mail is sent.",
    unpublish_confirm: "Yes, put it back to pending",
    off_map_effect: "The space will disappear from the map, the list and the open data; its public page will no longer be reachable.",
    disable_step: "Disable…",
    disable_effect: |name| format!("{name} will no longer be able to sign in: their open sessions and unused access links stop working at once. You can enable the account again."),
    disable_confirm: "Yes, disable",
    account_stale: "The account was changed by another administrator after you opened this page: nothing changed. Check its current state and try again.",
    last_admin: "Nothing changed: at least one enabled administrator must remain (and whoever acts must still be one).",
    publish_approves: |r| format!("Publishing the space approves join request {r}: the person who sent it will be e-mailed."),
    role_confirm: "Yes, change the role",
    session_ended: "Your session had ended before the form arrived, and nothing was saved. Sign in again: you will find the form with what you had written.",
    resumed: "Here is the form with what you wrote before your session ended: it is not saved yet. Check it and save.",
    staff_link: "Staff accounts",
    import_short: "Import",
    last_sign_in: "Last sign-in",
    forbidden_title: "Not allowed",
    forbidden: "Your role does not allow you to see this page. If you need it, ask a staff administrator.",
    staff_title: "Staff accounts",
    link_for: |name| format!("Access link for {name}"),
    link_explain: "Copy the link and send it to them (by email, for example): with it they choose their password. It is valid for 7 days and works once. It will not be shown again.",
    link_label: "Access link",
    role_heading: "Role",
    account_state: "State",
    actions: "Actions",
    invite_heading: "Invite a colleague",
    invite_intro: "The account is created without a password: they choose one with the link you will get here.",
    invite: "Invite",
    recent_changes: "Recent changes to accounts",
    account: "Account",
    account_disabled: "disabled",
    account_invited: "invited (link not used yet)",
    account_active: "active",
    you: "(you)",
    make_admin: "Make administrator",
    make_editor: "Make editor",
    role_admin_explain: "also manages staff accounts",
    role_editor_explain: "manages spaces, submissions and events",
    enable: "Enable",
    disable: "Disable",
    new_link: "New access link",
    invitation_title: "Choose your password",
    welcome: |name| format!("Welcome, {name}"),
    invitation_intro: "Choose the password for the staff area of Spazi per l'innovazione.",
    set_password: "Save the password",
    password_hint_fmt: |min| format!("At least {min} characters. A phrase of several words is safe and easy to remember."),
    invitation_dead_title: "This link no longer works",
    invitation_dead: "This link has already been used or has expired. Ask a staff administrator for a new one (progimpresa@cittametropolitana.bo.it).",
    password_set: "Password saved. You can sign in now.",
    action_labels: &[
        ("create", "created"),
        ("update", "edited"),
        ("status", "status changed"),
        ("import", "imported"),
        ("invite", "invited"),
        ("access_link", "new access link"),
        ("set_password", "password chosen"),
        ("disable", "disabled"),
        ("enable", "enabled"),
        ("role", "role changed"),
        ("sign_in", "signed in"),
        ("sign_out", "signed out"),
    ],
    approximate_filter: "Approximate positions only (to correct)",
    approximate_count: |n| if n == 1 { "1 space has an approximate position to correct".to_owned() } else { format!("{n} spaces have an approximate position to correct") },
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
