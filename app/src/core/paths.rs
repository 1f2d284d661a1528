//! Every URL of the site, named once. A URL with a parameter is a pattern in axum's syntax
//! (`/spazi/{slug}`): the router matches it as it is, and pages, forms and redirects build the
//! address with the function of the same name (`space(slug)`), which fills the pattern in.
//! The page table in `ui::app` has to spell its patterns as literals (Leptos's `path!` takes
//! nothing else); a test there checks each of them against `PAGES`.

use super::lang::Lang;
use std::fmt::Display;

// The public pages.
pub const HOME: &str = "/";
pub const SPACE: &str = "/spazi/{slug}";
pub const OPEN_DATA: &str = "/dati-aperti";
pub const PRIVACY: &str = "/privacy";
pub const JOIN: &str = "/aderisci";
pub const JOIN_SENT: &str = "/aderisci/inviata/{reference}";
pub const EVENTS: &str = "/eventi";
/// An event's page; its RSVP form posts here too.
pub const EVENT: &str = "/eventi/{slug}";
/// A registration's own page (the link in its e-mail); its cancellation posts here too.
pub const RSVP: &str = "/prenotazione/{token}";
/// Space managers' area: signed out, the form that e-mails a sign-in link (it posts here);
/// signed in, the spaces the address manages.
pub const MY_SPACE: &str = "/il-mio-spazio";
/// A manager's sign-in link (the one in the e-mail): a page with one button, which posts here
/// (a mail scanner that opens links does not use it up).
pub const MY_SPACE_LINK: &str = "/il-mio-spazio/accesso/{token}";
/// A manager's link to confirm their listing (from the yearly e-mail): the listing and three
/// buttons — confirm, update, closed — which post here.
pub const MY_SPACE_CONFIRM: &str = "/il-mio-spazio/conferma/{token}";
/// A manager's colleagues on one of their spaces; they invite another here (the form posts
/// here).
pub const MY_SPACE_MANAGERS: &str = "/il-mio-spazio/gestori/{id}";
/// A manager proposes changes to one of their spaces (the form posts here).
pub const MY_SPACE_EDIT: &str = "/il-mio-spazio/spazi/{id}";
/// A space's photo (`{digest}-{width}.jpg`, see [`photo`]): published
/// listings' photos for everyone; any stored photo for staff (at `/admin/foto/…`) and for
/// signed-in managers (at `/il-mio-spazio/foto/…`, where their cookie goes) — a proposal's.
pub const PHOTO: &str = "/foto/{file}";
/// A published space's photo at the cards' size, by the space's slug (the map's popups: the
/// markers document says only whether a space has a photo).
pub const SPACE_PHOTO: &str = "/foto/spazio/{slug}";
pub const ADMIN_PHOTO: &str = "/admin/foto/{file}";
pub const MY_SPACE_PHOTO: &str = "/il-mio-spazio/foto/{file}";
/// The municipalities of the area, each with a link to its page.
pub const MUNICIPALITIES: &str = "/comuni";
/// A municipality's page (by its name's slug): its spaces, events, outline and the code to
/// embed its map.
pub const MUNICIPALITY: &str = "/comuni/{slug}";
/// The builder of the map (or the events) for other sites: choose, preview, copy the code.
pub const EMBED: &str = "/incorpora";
/// The map as other sites frame it (`core::embed`: `?tipo=…&comune=…&elenco=0`): no site
/// header, every link opening a new tab. With [`EMBEDDED_EVENTS`], the only pages another site
/// may frame ([`framable`]).
pub const EMBEDDED_MAP: &str = "/incorporata";
/// The Forum's upcoming events as other sites frame them.
pub const EMBEDDED_EVENTS: &str = "/incorporata/eventi";
/// One space as other sites frame it (what a pasted space's address becomes, see [`OEMBED`]).
pub const EMBEDDED_SPACE: &str = "/incorporata/spazi/{slug}";
/// One event as other sites frame it.
pub const EMBEDDED_EVENT: &str = "/incorporata/eventi/{slug}";

// The staff pages.
pub const ADMIN: &str = "/admin";
pub const SIGN_IN: &str = "/admin/accedi";
pub const NEW_SPACE: &str = "/admin/spazi/nuovo";
pub const ADMIN_SPACE: &str = "/admin/spazi/{id}";
/// A space's managers; staff add or remove one here (the post names the address and the
/// action).
pub const ADMIN_SPACE_MANAGERS: &str = "/admin/spazi/{id}/gestori";
pub const STAFF: &str = "/admin/staff";
pub const ADMIN_EVENTS: &str = "/admin/eventi";
pub const NEW_EVENT: &str = "/admin/eventi/nuovo";
pub const ADMIN_EVENT: &str = "/admin/eventi/{id}";
pub const EVENT_RSVPS: &str = "/admin/eventi/{id}/iscrizioni";
pub const CHECK_IN: &str = "/admin/eventi/{id}/ingresso";
pub const DOOR_LIST: &str = "/admin/eventi/{id}/lista";
/// Staff cancel a registration (`?iscrizione=` names it on the page; the post carries it).
pub const RSVP_CANCEL: &str = "/admin/eventi/{id}/annulla-iscrizione";
/// Staff add a registration (`?da=ingresso` when they came from the door screen).
pub const RSVP_ADD: &str = "/admin/eventi/{id}/aggiungi-iscrizione";
/// Staff correct a registration's details (`?iscrizione=` names it; the post carries it).
pub const RSVP_EDIT: &str = "/admin/eventi/{id}/modifica-iscrizione";
pub const SUBMISSIONS: &str = "/admin/adesioni";
pub const SUBMISSION: &str = "/admin/adesioni/{id}";
/// Merge a request into the listing it repeats (`?spazio=` names the listing).
pub const MERGE: &str = "/admin/adesioni/{id}/unisci";
pub const SURVEY: &str = "/admin/questionario";
/// The changes managers proposed, waiting for staff.
pub const REVISIONS: &str = "/admin/modifiche";
/// One proposal: what it would change; approving or rejecting it posts here.
pub const REVISION: &str = "/admin/modifiche/{id}";
pub const IMPORT: &str = "/admin/importa";
pub const IMPORT_DETAIL: &str = "/admin/importa/{id}";
pub const INVITATION: &str = "/admin/invito/{token}";
/// The staff's search across everything (`?q=`).
pub const STAFF_SEARCH: &str = "/admin/cerca";
/// "Password dimenticata?": the form that e-mails a link to choose a new one.
pub const FORGOT_PASSWORD: &str = "/admin/password-dimenticata";
/// A signed-in member of staff changes their password.
pub const CHANGE_PASSWORD: &str = "/admin/password";

/// Every page the Leptos router renders, as `ui::app`'s table lists them.
pub const PAGES: [&str; 48] = [
    HOME,
    MUNICIPALITIES,
    MUNICIPALITY,
    EMBED,
    EMBEDDED_MAP,
    EMBEDDED_EVENTS,
    EMBEDDED_SPACE,
    EMBEDDED_EVENT,
    SPACE,
    OPEN_DATA,
    PRIVACY,
    JOIN,
    JOIN_SENT,
    EVENTS,
    EVENT,
    RSVP,
    MY_SPACE,
    MY_SPACE_LINK,
    MY_SPACE_EDIT,
    MY_SPACE_CONFIRM,
    MY_SPACE_MANAGERS,
    ADMIN,
    SIGN_IN,
    NEW_SPACE,
    ADMIN_SPACE,
    ADMIN_SPACE_MANAGERS,
    STAFF,
    ADMIN_EVENTS,
    NEW_EVENT,
    ADMIN_EVENT,
    EVENT_RSVPS,
    CHECK_IN,
    DOOR_LIST,
    RSVP_CANCEL,
    RSVP_ADD,
    RSVP_EDIT,
    SUBMISSIONS,
    SUBMISSION,
    MERGE,
    SURVEY,
    REVISIONS,
    REVISION,
    IMPORT,
    IMPORT_DETAIL,
    INVITATION,
    FORGOT_PASSWORD,
    CHANGE_PASSWORD,
    STAFF_SEARCH,
];

// What is not a page: files, form actions of their own, redirects, probes.
/// oEmbed (`?url=…&maxwidth=…&maxheight=…`): what a site that speaks it embeds for an address
/// of the map, a space or an event (see `web::oembed`).
pub const OEMBED: &str = "/oembed";
/// What the embed builder's choices make (its query), for its live preview
/// (`core::embed::EmbedOptions::preview_lines`).
pub const EMBED_PREVIEW: &str = "/api/incorpora";
pub const SPACES_GEOJSON: &str = "/api/spazi.geojson";
pub const SPACES_CSV: &str = "/api/spazi.csv";
/// The map's markers, one line per space (`ui::islands::map` reads it).
pub const MAP_MARKERS: &str = "/api/spazi/mappa.txt";
/// The municipalities' boundaries, one line each (`core::geo::Boundaries::encode`).
pub const BOUNDARIES: &str = "/api/confini-comunali.txt";
pub const EVENT_CALENDAR: &str = "/eventi/{slug}/calendario.ics";
/// Sets the language cookie, then goes back to `?next=`: the staff area's switch (the public
/// pages have an address per language, see [`TWINS`]).
pub const LANGUAGE: &str = "/lingua/{code}";
/// English addresses given out before the public pages had their English twins: they lead
/// there for good (`308`).
pub const JOIN_EN: &str = "/join";
pub const EVENTS_EN: &str = "/events";
pub const EVENT_EN: &str = "/events/{slug}";

/// Where the English addresses begin.
pub const EN_ROOT: &str = "/en";

/// Each public page's address in Italian (the one the router knows) and its English twin. A
/// link shared from an English page opens in English: the address carries the language, not
/// a cookie. `web::language` turns an English address into its Italian one before routing.
pub const TWINS: [(&str, &str); 23] = [
    (HOME, "/en/"),
    (MUNICIPALITIES, "/en/municipalities"),
    (MUNICIPALITY, "/en/municipalities/{slug}"),
    (EMBED, "/en/embed"),
    (EMBEDDED_MAP, "/en/embedded"),
    (EMBEDDED_EVENTS, "/en/embedded/events"),
    (EMBEDDED_SPACE, "/en/embedded/spaces/{slug}"),
    (EMBEDDED_EVENT, "/en/embedded/events/{slug}"),
    (SPACE, "/en/spaces/{slug}"),
    (OPEN_DATA, "/en/open-data"),
    (PRIVACY, "/en/privacy"),
    (JOIN, "/en/join"),
    (JOIN_SENT, "/en/join/sent/{reference}"),
    (EVENTS, "/en/events"),
    (EVENT, "/en/events/{slug}"),
    (EVENT_CALENDAR, "/en/events/{slug}/calendar.ics"),
    (RSVP, "/en/registration/{token}"),
    (MY_SPACE, "/en/my-space"),
    (MY_SPACE_LINK, "/en/my-space/sign-in/{token}"),
    (MY_SPACE_SIGN_OUT, "/en/my-space/sign-out"),
    (MY_SPACE_EDIT, "/en/my-space/spaces/{id}"),
    (MY_SPACE_CONFIRM, "/en/my-space/confirm/{token}"),
    (MY_SPACE_MANAGERS, "/en/my-space/managers/{id}"),
];

/// `path` matched against `pattern`: the parameter's value (one segment, not empty), or `""`
/// for a pattern without one.
fn matches<'a>(pattern: &str, path: &'a str) -> Option<&'a str> {
    match (pattern.find('{'), pattern.find('}')) {
        (Some(open), Some(close)) if open < close => {
            let value = path
                .strip_prefix(&pattern[..open])?
                .strip_suffix(&pattern[close + 1..])?;
            (!value.is_empty() && !value.contains('/')).then_some(value)
        }
        _ => (path == pattern).then_some(""),
    }
}

/// The language an address decides: English under [`EN_ROOT`], Italian for the Italian
/// address of a public page; `None` for the rest (the staff area, files, unknown addresses),
/// whose language is the visitor's choice.
pub fn lang_of(path: &str) -> Option<Lang> {
    if path == EN_ROOT || path.starts_with("/en/") {
        Some(Lang::En)
    } else {
        TWINS
            .iter()
            .any(|(it, _)| matches(it, path).is_some())
            .then_some(Lang::It)
    }
}

/// Whether the page at `path` (its Italian address, as the router knows it) may be framed by
/// other sites: the embedded map, events, space and event, nothing else.
pub fn framable(path: &str) -> bool {
    path == EMBEDDED_MAP
        || path == EMBEDDED_EVENTS
        || matches(EMBEDDED_SPACE, path).is_some()
        || matches(EMBEDDED_EVENT, path).is_some()
}

/// The value of the one parameter of `pattern` in `path` (`Some("")` for a pattern without
/// one), when `path` matches it.
pub fn param<'a>(pattern: &str, path: &'a str) -> Option<&'a str> {
    matches(pattern, path)
}

/// The Italian address of an English one (its path only), as the router knows it: `None` when
/// `path` is not the English twin of a public page.
pub fn italian(path: &str) -> Option<String> {
    if path == EN_ROOT {
        return Some(HOME.to_owned());
    }
    TWINS
        .iter()
        .find_map(|(it, en)| matches(en, path).map(|value| fill(it, value)))
}

/// A link to `target` (a public page's address in either language, with its query and
/// fragment if any) for a page in `lang`: its Italian address or its English twin. Addresses
/// without a twin (files, the staff area) stay as they are.
pub fn in_lang(target: &str, lang: Lang) -> String {
    let split = target.find(['?', '#']).unwrap_or(target.len());
    let (path, rest) = target.split_at(split);
    let italian = if lang_of(path) == Some(Lang::En) {
        match italian(path) {
            Some(italian) => italian,
            None => return target.to_owned(),
        }
    } else {
        path.to_owned()
    };
    let twin = match lang {
        Lang::It => Some(italian),
        Lang::En => TWINS
            .iter()
            .find_map(|(it, en)| matches(it, &italian).map(|value| fill(en, value))),
    };
    twin.map_or_else(|| target.to_owned(), |twin| twin + rest)
}
pub const HEALTH: &str = "/healthz";
pub const READY: &str = "/readyz";
pub const SIGN_OUT: &str = "/admin/esci";
/// A manager signs out.
pub const MY_SPACE_SIGN_OUT: &str = "/il-mio-spazio/esci";
pub const ADMIN_SPACE_STATUS: &str = "/admin/spazi/{id}/stato";
pub const EXPORT_SPACES_CSV: &str = "/admin/esporta/spazi.csv";
pub const EXPORT_SPACES_GEOJSON: &str = "/admin/esporta/spazi.geojson";
pub const EXPORT_SURVEY_CSV: &str = "/admin/esporta/questionario.csv";
pub const STAFF_STATUS: &str = "/admin/staff/{id}/stato";
pub const STAFF_ROLE: &str = "/admin/staff/{id}/ruolo";
pub const STAFF_LINK: &str = "/admin/staff/{id}/link";
pub const IMPORT_REVERT: &str = "/admin/importa/{id}/annulla";
pub const ADMIN_EVENT_STATUS: &str = "/admin/eventi/{id}/stato";
pub const ADMIN_EVENT_DISCARD: &str = "/admin/eventi/{id}/elimina";
pub const EVENT_RSVPS_CSV: &str = "/admin/eventi/{id}/iscrizioni.csv";
/// Staff follow an event (its daily digest) or stop.
pub const EVENT_FOLLOW: &str = "/admin/eventi/{id}/segui";

/// The prefixes of the server functions (`#[server(prefix = …)]` takes only a literal: the
/// `api` files spell these, and a test in `api` checks them).
pub const PUBLIC_FUNCTIONS: &str = "/api/fn";
pub const STAFF_FUNCTIONS: &str = "/admin/api";

/// Pages whose last segment is a bearer secret: a registration's personal link, a staff
/// invitation (an account takeover for whoever reads it). Kept out of the logs.
pub const SECRET_PREFIXES: [&str; 7] = [
    "/prenotazione/",
    "/en/registration/",
    "/admin/invito/",
    "/il-mio-spazio/accesso/",
    "/en/my-space/sign-in/",
    "/il-mio-spazio/conferma/",
    "/en/my-space/confirm/",
];

/// The pattern with its one `{parameter}` replaced by `value`.
pub fn fill(pattern: &str, value: impl Display) -> String {
    match (pattern.find('{'), pattern.find('}')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{value}{}", &pattern[..open], &pattern[close + 1..])
        }
        _ => pattern.to_owned(),
    }
}

/// The part of a pattern before its parameter (`/admin/spazi/` of `/admin/spazi/{id}`).
pub fn prefix(pattern: &str) -> &str {
    pattern.find('{').map_or(pattern, |open| &pattern[..open])
}

pub fn space(slug: &str) -> String {
    fill(SPACE, slug)
}
pub fn join_sent(reference: &str) -> String {
    fill(JOIN_SENT, reference)
}
pub fn event(slug: &str) -> String {
    fill(EVENT, slug)
}
/// The page of the municipality named `name`.
pub fn municipality(name: &str) -> String {
    fill(MUNICIPALITY, crate::core::text::slugify(name))
}
pub fn embedded_space(slug: &str) -> String {
    fill(EMBEDDED_SPACE, slug)
}
pub fn embedded_event(slug: &str) -> String {
    fill(EMBEDDED_EVENT, slug)
}
pub fn event_calendar(slug: &str) -> String {
    fill(EVENT_CALENDAR, slug)
}
pub fn rsvp(token: &str) -> String {
    fill(RSVP, token)
}
pub fn my_space_link(token: &str) -> String {
    fill(MY_SPACE_LINK, token)
}
pub fn my_space_confirm(token: &str) -> String {
    fill(MY_SPACE_CONFIRM, token)
}
pub fn my_space_managers(id: i64) -> String {
    fill(MY_SPACE_MANAGERS, id)
}
/// The address of photo `digest` at `size`, under `pattern` ([`PHOTO`], [`ADMIN_PHOTO`] or
/// [`MY_SPACE_PHOTO`]).
pub fn photo_at(pattern: &str, digest: &str, size: crate::core::model::PhotoSize) -> String {
    fill(pattern, format!("{digest}-{}.jpg", size.width()))
}
/// The card-sized photo of published space `slug` (see [`SPACE_PHOTO`]).
pub fn space_photo(slug: &str) -> String {
    fill(SPACE_PHOTO, slug)
}
/// A published photo's address (see [`photo_at`]).
pub fn photo(digest: &str, size: crate::core::model::PhotoSize) -> String {
    photo_at(PHOTO, digest, size)
}
pub fn my_space_edit(id: i64) -> String {
    fill(MY_SPACE_EDIT, id)
}
pub fn revision(id: i64) -> String {
    fill(REVISION, id)
}
pub fn admin_space_managers(id: i64) -> String {
    fill(ADMIN_SPACE_MANAGERS, id)
}
pub fn language(code: &str) -> String {
    fill(LANGUAGE, code)
}
pub fn admin_space(id: i64) -> String {
    fill(ADMIN_SPACE, id)
}
pub fn admin_space_status(id: i64) -> String {
    fill(ADMIN_SPACE_STATUS, id)
}
pub fn staff_status(id: i64) -> String {
    fill(STAFF_STATUS, id)
}
pub fn staff_role(id: i64) -> String {
    fill(STAFF_ROLE, id)
}
pub fn staff_link(id: i64) -> String {
    fill(STAFF_LINK, id)
}
pub fn invitation(token: &str) -> String {
    fill(INVITATION, token)
}
pub fn import(id: i64) -> String {
    fill(IMPORT_DETAIL, id)
}
pub fn import_revert(id: i64) -> String {
    fill(IMPORT_REVERT, id)
}
pub fn submission(id: i64) -> String {
    fill(SUBMISSION, id)
}
pub fn admin_event(id: i64) -> String {
    fill(ADMIN_EVENT, id)
}
pub fn admin_event_status(id: i64) -> String {
    fill(ADMIN_EVENT_STATUS, id)
}
pub fn admin_event_discard(id: i64) -> String {
    fill(ADMIN_EVENT_DISCARD, id)
}
pub fn event_rsvps(id: i64) -> String {
    fill(EVENT_RSVPS, id)
}
/// `base` with the non-empty query `parts` joined by `&` (no `?` when there are none).
pub fn with_query(base: &str, parts: &[&str]) -> String {
    let parts: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", parts.join("&"))
    }
}

/// A space's page reached from the map filtered by `filter` (a query string, maybe empty): the
/// page's "back to the map" returns to the same filter.
pub fn space_from_map(slug: &str, filter: &str) -> String {
    if filter.is_empty() {
        space(slug)
    } else {
        format!("{}?{filter}", space(slug))
    }
}

/// The map filtered by `filter` (a query string, maybe empty), landing on its results.
pub fn map_results(filter: &str) -> String {
    if filter.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{filter}#risultati")
    }
}

pub fn event_rsvps_csv(id: i64) -> String {
    fill(EVENT_RSVPS_CSV, id)
}
pub fn event_follow(id: i64) -> String {
    fill(EVENT_FOLLOW, id)
}
pub fn check_in(id: i64) -> String {
    fill(CHECK_IN, id)
}
pub fn door_list(id: i64) -> String {
    fill(DOOR_LIST, id)
}
pub fn rsvp_cancel(id: i64, rsvp: i64) -> String {
    format!("{}?iscrizione={rsvp}", fill(RSVP_CANCEL, id))
}
pub fn rsvp_edit(id: i64, rsvp: i64) -> String {
    format!("{}?iscrizione={rsvp}", fill(RSVP_EDIT, id))
}
/// The form to add a registration; `from_door` brings staff back to the door screen.
pub fn rsvp_add(id: i64, from_door: bool) -> String {
    let page = fill(RSVP_ADD, id);
    if from_door {
        format!("{page}?da=ingresso")
    } else {
        page
    }
}

/// The page that merges request `id` into listing `space`.
pub fn merge(id: i64, space: i64) -> String {
    format!("{}?spazio={space}", fill(MERGE, id))
}

/// The query that opens a space's edit page from its join request: saved, it goes back there.
pub const FROM_REQUEST: (&str, &str) = ("da", "richiesta");

/// A space's edit page opened from its join request (see [`FROM_REQUEST`]).
pub fn admin_space_from_request(id: i64) -> String {
    format!("{}?{}={}", admin_space(id), FROM_REQUEST.0, FROM_REQUEST.1)
}

/// The sign-in page that comes back to `next` (a local path, query-encoded by the caller
/// when it has a query of its own).
pub fn sign_in_then(next: &str) -> String {
    format!("{SIGN_IN}?next={next}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_filled_in() {
        assert_eq!(space("fablab-bologna"), "/spazi/fablab-bologna");
        assert_eq!(admin_space_status(7), "/admin/spazi/7/stato");
        assert_eq!(event_calendar("lancio"), "/eventi/lancio/calendario.ics");
        assert_eq!(fill(ADMIN, 3), "/admin");
        assert_eq!(prefix(SUBMISSION), "/admin/adesioni/");
        assert_eq!(prefix(SURVEY), SURVEY);
    }

    #[test]
    fn queries_join_only_their_non_empty_parts() {
        assert_eq!(with_query("/", &[]), "/");
        assert_eq!(with_query("/", &["", ""]), "/");
        assert_eq!(with_query("/a", &["x=1", "", "y=2"]), "/a?x=1&y=2");
    }

    #[test]
    fn only_the_embedded_pages_are_framable() {
        for path in [
            EMBEDDED_MAP,
            EMBEDDED_EVENTS,
            "/incorporata/spazi/vz19",
            "/incorporata/eventi/lancio-forum-2022",
        ] {
            assert!(framable(path), "{path}");
        }
        for path in [
            HOME,
            EMBED,
            "/incorporata/",
            "/incorporata/spazi/",
            "/incorporata/spazi/a/b",
            "/spazi/vz19",
            "/eventi",
            "/admin",
        ] {
            assert!(!framable(path), "{path}");
        }
    }

    #[test]
    fn each_url_is_named_once() {
        let twins = TWINS.map(|(_, en)| en);
        let all = [
            PAGES.as_slice(),
            twins.as_slice(),
            &[
                OEMBED,
                EMBED_PREVIEW,
                BOUNDARIES,
                SPACES_GEOJSON,
                SPACES_CSV,
                MAP_MARKERS,
                EVENT_CALENDAR,
                LANGUAGE,
                JOIN_EN,
                EVENTS_EN,
                EVENT_EN,
                HEALTH,
                READY,
                SIGN_OUT,
                ADMIN_SPACE_STATUS,
                EXPORT_SPACES_CSV,
                EXPORT_SPACES_GEOJSON,
                EXPORT_SURVEY_CSV,
                STAFF_STATUS,
                STAFF_ROLE,
                STAFF_LINK,
                IMPORT_REVERT,
                ADMIN_EVENT_STATUS,
                ADMIN_EVENT_DISCARD,
                EVENT_RSVPS_CSV,
                EVENT_FOLLOW,
            ],
        ]
        .concat();
        let mut seen = std::collections::HashSet::new();
        for url in all {
            assert!(url.starts_with('/'), "{url}");
            assert!(
                url.matches('{').count() <= 1,
                "one parameter at most: {url}"
            );
            assert!(seen.insert(url), "named twice: {url}");
        }
    }

    /// The English twin of the Italian address `it`.
    fn english(it: &str) -> &'static str {
        TWINS.iter().find(|(i, _)| *i == it).unwrap().1
    }

    #[test]
    fn secret_pages_are_pages() {
        assert_eq!(
            SECRET_PREFIXES,
            [
                prefix(RSVP),
                prefix(english(RSVP)),
                prefix(INVITATION),
                prefix(MY_SPACE_LINK),
                prefix(english(MY_SPACE_LINK)),
                prefix(MY_SPACE_CONFIRM),
                prefix(english(MY_SPACE_CONFIRM))
            ]
        );
    }

    #[test]
    fn each_public_page_has_an_english_twin() {
        assert_eq!(in_lang("/", Lang::En), "/en/");
        assert_eq!(
            in_lang("/?tipo=fablab#risultati", Lang::En),
            "/en/?tipo=fablab#risultati"
        );
        assert_eq!(in_lang(&event("lancio"), Lang::En), "/en/events/lancio");
        assert_eq!(
            in_lang(&event_calendar("lancio"), Lang::En),
            "/en/events/lancio/calendar.ics"
        );
        assert_eq!(in_lang(&event("lancio"), Lang::It), "/eventi/lancio");
        assert_eq!(
            in_lang("/en/events/lancio?a=1", Lang::It),
            "/eventi/lancio?a=1"
        );
        assert_eq!(in_lang("/en/events/lancio", Lang::En), "/en/events/lancio");
        assert_eq!(in_lang("/en/nothing", Lang::It), "/en/nothing");
        assert_eq!(in_lang(&admin_event(3), Lang::En), "/admin/eventi/3");
        assert_eq!(in_lang(SPACES_CSV, Lang::En), SPACES_CSV);
        for (it, en) in TWINS {
            let (it_page, en_page) = (fill(it, "x-1"), fill(en, "x-1"));
            assert_eq!(in_lang(&it_page, Lang::En), en_page);
            assert_eq!(italian(&en_page).as_deref(), Some(it_page.as_str()));
            assert_eq!(lang_of(&en_page), Some(Lang::En));
            assert_eq!(lang_of(&it_page), Some(Lang::It));
            assert!(en.starts_with("/en/"), "{en}");
        }
        assert_eq!(italian("/en").as_deref(), Some("/"));
        assert_eq!(italian("/en/nothing"), None);
        assert_eq!(italian("/en/events/a/b"), None);
        assert_eq!(italian("/en/spaces/"), None);
        assert_eq!(lang_of("/en/nothing"), Some(Lang::En));
        assert_eq!(lang_of("/english"), None);
        assert_eq!(lang_of("/admin"), None);
        assert_eq!(lang_of("/spazi/a/b"), None);
    }
}
