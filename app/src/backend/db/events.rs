//! Events and RSVPs. The rule that matters: **no overbooking, ever**. Registrations for an event
//! take turns on its row (PostgreSQL locks it until commit; SQLite's `BEGIN IMMEDIATE` admits
//! one writer at a time), are committed in groups (`registrations`), and take seats with a
//! conditional `UPDATE events SET seats_taken = … WHERE … <= capacity`; the table's CHECK
//! refuses any count above capacity. Whoever gets no seat joins the waiting line, in order;
//! a cancellation frees the seat and promotes the first in line in the same transaction. Every
//! e-mail about it is queued in that transaction too (the outbox).

use super::{Db, DbError};
use crate::core::model::event::EventStatus;
use crate::core::validate::event::ValidEvent;
use crate::core::view::event::{EventView, EventsPage};
use crate::i18n::Lang;
use sqlx::AnyConnection;

/// The event columns, with the venue space and the length of the waiting line.
pub(super) const EVENT_SELECT: &str =
    "SELECT e.id, e.slug, e.status, e.version, e.title_it, e.title_en, e.summary_it, \
    e.summary_en, e.description_it, e.description_en, e.programme_it, e.programme_en, \
    e.starts_at, e.ends_at, e.venue_name, e.venue_address, e.space_id, e.lat, e.lon, e.organiser, \
    e.contact_email, e.capacity, e.seats_taken, e.rsvp_opens_at, e.rsvp_closes_at, \
    e.travel_it, e.travel_en, e.access_it, e.access_en, \
    s.slug AS space_slug, s.name AS space_name, s.status AS space_status, \
    s.lat AS space_lat, s.lon AS space_lon, s.position_precision AS space_precision, \
    (SELECT COUNT(*) FROM rsvps w WHERE w.event_id = e.id AND w.status = 'waiting') AS waiting \
    FROM events e LEFT JOIN spaces s ON s.id = e.space_id";

#[derive(sqlx::FromRow, Debug, Clone)]
pub(super) struct EventRow {
    pub(super) id: i64,
    pub(super) slug: String,
    pub(super) status: String,
    pub(super) version: i64,
    pub(super) title_it: String,
    pub(super) title_en: Option<String>,
    pub(super) summary_it: Option<String>,
    pub(super) summary_en: Option<String>,
    pub(super) description_it: Option<String>,
    pub(super) description_en: Option<String>,
    pub(super) programme_it: Option<String>,
    pub(super) programme_en: Option<String>,
    pub(super) travel_it: Option<String>,
    pub(super) travel_en: Option<String>,
    pub(super) access_it: Option<String>,
    pub(super) access_en: Option<String>,
    pub(super) starts_at: i64,
    pub(super) ends_at: i64,
    pub(super) venue_name: String,
    pub(super) venue_address: String,
    pub(super) space_id: Option<i64>,
    pub(super) lat: Option<f64>,
    pub(super) lon: Option<f64>,
    pub(super) organiser: String,
    pub(super) contact_email: String,
    pub(super) capacity: i64,
    pub(super) seats_taken: i64,
    pub(super) rsvp_opens_at: Option<i64>,
    pub(super) rsvp_closes_at: Option<i64>,
    pub(super) space_slug: Option<String>,
    pub(super) space_name: Option<String>,
    pub(super) space_status: Option<String>,
    pub(super) space_lat: Option<f64>,
    pub(super) space_lon: Option<f64>,
    pub(super) space_precision: Option<String>,
    pub(super) waiting: i64,
}

impl EventRow {
    /// The event in `lang`, Italian standing in for missing English.
    pub(super) fn view(&self, lang: Lang) -> EventView {
        // The text in the page's language, or Italian, and whether it fell back to Italian.
        let pick = |it: Option<&str>, en: Option<&str>| -> (String, bool) {
            let en = en.map(str::trim).filter(|s| !s.is_empty());
            let it = it.unwrap_or_default().trim();
            match (lang, en) {
                (Lang::En, Some(en)) => (en.to_owned(), false),
                (Lang::En, None) => (it.to_owned(), !it.is_empty()),
                _ => (it.to_owned(), false),
            }
        };
        let (title, title_it) = pick(Some(&self.title_it), self.title_en.as_deref());
        let (summary, summary_it) = pick(self.summary_it.as_deref(), self.summary_en.as_deref());
        let (description, description_it) = pick(
            self.description_it.as_deref(),
            self.description_en.as_deref(),
        );
        let (programme, programme_it) =
            pick(self.programme_it.as_deref(), self.programme_en.as_deref());
        let (travel, travel_it) = pick(self.travel_it.as_deref(), self.travel_en.as_deref());
        let (access, access_it) = pick(self.access_it.as_deref(), self.access_en.as_deref());
        let in_italian = crate::core::view::event::InItalian {
            title: title_it,
            summary: summary_it,
            description: description_it,
            programme: programme_it,
            travel: travel_it,
            access: access_it,
        };
        let public_space = self.space_status.as_deref() == Some("published");
        // A place to go only when it is known to the building: a venue space placed by its
        // street or its municipality gives the page and calendars no point to navigate to.
        let exact_space = self.space_precision.as_deref()
            == Some(crate::core::model::PositionPrecision::Exact.code());
        let (lat, lon) = match (self.lat, self.lon) {
            (Some(lat), Some(lon)) => (Some(lat), Some(lon)),
            _ if exact_space => (self.space_lat, self.space_lon),
            _ => (None, None),
        };
        EventView {
            id: self.id,
            slug: self.slug.clone(),
            status: EventStatus::from_code(&self.status).unwrap_or(EventStatus::Draft),
            title,
            summary,
            description,
            programme: programme
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            travel,
            access,
            in_italian,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            venue_name: self.venue_name.clone(),
            venue_address: self.venue_address.clone(),
            lat,
            lon,
            venue_space: match (&self.space_slug, &self.space_name) {
                (Some(slug), Some(name)) if public_space => Some((slug.clone(), name.clone())),
                _ => None,
            },
            organiser: self.organiser.clone(),
            contact_email: self.contact_email.clone(),
            capacity: self.capacity,
            seats_taken: self.seats_taken,
            waiting: self.waiting,
            rsvp_opens_at: self.rsvp_opens_at,
            rsvp_closes_at: self.rsvp_closes_at,
        }
    }
}

/// The condition of a public event page: published or cancelled, by slug (`$1`).
/// Public events: published ones, and cancelled ones that were public before (a draft never
/// becomes public).
const PUBLIC_BY_SLUG: &str =
    "e.slug = $1 AND e.status IN ('published', 'cancelled') AND e.published_at IS NOT NULL";

pub(super) async fn event_row(
    conn: &mut AnyConnection,
    condition: &str,
    value: &str,
) -> Result<Option<EventRow>, DbError> {
    Ok(
        sqlx::query_as::<_, EventRow>(&format!("{EVENT_SELECT} WHERE {condition}"))
            .bind(value)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub(super) async fn event_row_by_id(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<EventRow, DbError> {
    Ok(
        sqlx::query_as::<_, EventRow>(&format!("{EVENT_SELECT} WHERE e.id = $1"))
            .bind(id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

impl Db {
    /// Stores an event; returns its id.
    pub async fn insert_event(
        &self,
        e: &ValidEvent,
        status: EventStatus,
        now: i64,
    ) -> Result<i64, DbError> {
        let mut conn = self.pool.acquire().await?;
        insert_event(&mut conn, e, status, now).await
    }

    /// The public events page: published and cancelled events, upcoming and past.
    pub async fn public_events(&self, lang: Lang, now: i64) -> Result<EventsPage, DbError> {
        let rows: Vec<EventRow> = sqlx::query_as(&format!(
            "{EVENT_SELECT} WHERE e.status IN ('published', 'cancelled') \
             AND e.published_at IS NOT NULL ORDER BY e.starts_at, e.id"
        ))
        .fetch_all(&self.pool)
        .await?;
        let (past, upcoming): (Vec<_>, Vec<_>) = rows
            .iter()
            .map(|r| r.view(lang))
            .partition(|e| e.is_past(now));
        Ok(EventsPage {
            upcoming,
            past: past.into_iter().rev().collect(),
            now,
        })
    }

    /// A published (or cancelled) event by its slug.
    pub async fn public_event(&self, slug: &str, lang: Lang) -> Result<Option<EventView>, DbError> {
        let mut conn = self.pool.acquire().await?;
        Ok(event_row(&mut conn, PUBLIC_BY_SLUG, slug)
            .await?
            .map(|r| r.view(lang)))
    }

    /// A published (or cancelled) event by its slug, with the names of the published spaces
    /// for the form's "organisation or space" suggestions — `None` when there are more than
    /// `limit` (counted first, up to the limit: sorting every name only to find there are too
    /// many would cost every view). One query: the event page is read far more than written.
    pub async fn public_event_page(
        &self,
        slug: &str,
        lang: Lang,
        limit: usize,
    ) -> Result<Option<(EventView, Option<Vec<String>>)>, DbError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            event: EventRow,
            /// NULL when there are more than `limit`; empty when there are none.
            names: Option<String>,
        }
        // A character no name can hold (validation refuses control characters).
        const SEPARATOR: &str = "\u{1f}";
        let over = limit + 1;
        let sql = EVENT_SELECT.replacen(
            " FROM events e",
            &format!(
                ", CASE WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM spaces \
                 WHERE status = 'published' LIMIT {over}) p) <= {limit} \
                 THEN COALESCE((SELECT string_agg(name, $2 ORDER BY name) FROM spaces \
                 WHERE status = 'published'), '') END AS names \
                 FROM events e"
            ),
            1,
        );
        let row: Option<Row> = sqlx::query_as(&format!("{sql} WHERE {PUBLIC_BY_SLUG}"))
            .bind(slug)
            .bind(SEPARATOR)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| {
            let names = r.names.map(|n| {
                n.split(SEPARATOR)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect()
            });
            (r.event.view(lang), names)
        }))
    }

    /// The id of an event by slug (any status).
    pub async fn event_id(&self, slug: &str) -> Result<Option<i64>, DbError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM events WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id,)| id))
    }
}

/// A query with an event's twenty-three stored values bound next, in the order of
/// [`ValidEvent`]'s fields (slug first, `access_en` last): inserting and updating an event
/// share it.
pub(super) type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

pub(super) fn bind_event<'q>(query: AnyQuery<'q>, e: &'q ValidEvent) -> AnyQuery<'q> {
    query
        .bind(&e.slug)
        .bind(&e.title_it)
        .bind(&e.title_en)
        .bind(&e.summary_it)
        .bind(&e.summary_en)
        .bind(&e.description_it)
        .bind(&e.description_en)
        .bind(&e.programme_it)
        .bind(&e.programme_en)
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(&e.venue_name)
        .bind(&e.venue_address)
        .bind(e.venue_space)
        .bind(&e.organiser)
        .bind(&e.contact_email)
        .bind(e.capacity)
        .bind(e.rsvp_opens_at)
        .bind(e.rsvp_closes_at)
        .bind(&e.travel_it)
        .bind(&e.travel_en)
        .bind(&e.access_it)
        .bind(&e.access_en)
}

pub(super) async fn insert_event(
    conn: &mut AnyConnection,
    e: &ValidEvent,
    status: EventStatus,
    now: i64,
) -> Result<i64, DbError> {
    let insert = sqlx::query(
        "INSERT INTO events (slug, title_it, title_en, summary_it, summary_en, description_it, \
         description_en, programme_it, programme_en, starts_at, ends_at, venue_name, \
         venue_address, space_id, organiser, contact_email, capacity, rsvp_opens_at, \
         rsvp_closes_at, travel_it, travel_en, access_it, access_en, status, created_at, \
         updated_at, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
         $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $25, \
         CASE WHEN $24 = 'draft' THEN NULL ELSE $25 END) RETURNING id",
    );
    let row = bind_event(insert, e)
        .bind(status.code())
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
    let id: i64 = sqlx::Row::try_get(&row, 0)?;
    Ok(id)
}

/// The launch venue, a mapped space of the seed data.
pub(super) const LAUNCH_VENUE: &str = "BIG – Boost Innovation Garage";

/// The Forum's launch, the first event of the seed data: Monday 6 June 2022, 17:00–19:00 in
/// Bologna. Its capacity is a starting figure staff can change.
pub(super) fn launch_event(space_id: Option<i64>) -> ValidEvent {
    let at = |local: &str| crate::core::datetime::parse_local(local).unwrap_or_default();
    let text = |s: &str| Some(s.to_owned());
    ValidEvent {
        slug: "lancio-forum-2022".into(),
        title_it: "Nasce il Forum metropolitano degli spazi per l'innovazione".into(),
        title_en: text("Launch of the Metropolitan Forum of Innovation Spaces"),
        summary_it: text(
            "L'incontro di lancio del Forum: coworking, fab lab e makerspace, incubatori e \
             acceleratori dell'area metropolitana di Bologna si incontrano con la Città \
             metropolitana.",
        ),
        summary_en: text(
            "The Forum's launch meeting: coworking spaces, fab labs and makerspaces, incubators \
             and accelerators of the Bologna metropolitan area meet the Città metropolitana.",
        ),
        description_it: text(
            "La Città metropolitana di Bologna, con il servizio Progetti d'impresa e la \
             Fondazione per l'Innovazione Urbana, avvia il Forum metropolitano degli spazi per \
             l'innovazione: una rete dei luoghi che sostengono chi crea impresa e innova nei 55 \
             comuni dell'area metropolitana, e un dialogo stabile tra questi spazi e \
             l'amministrazione.\n\nDopo la prima mappatura degli spazi, pubblicata nel novembre \
             2021, il lancio è l'occasione per conoscersi, presentare la mappa e raccogliere i \
             bisogni e le idee di ciascuno spazio per il lavoro comune dei prossimi mesi.\n\n\
             L'incontro è aperto a chi gestisce o anima uno spazio per l'innovazione e a chi è \
             interessato alla rete. La partecipazione è gratuita; i posti sono limitati, per \
             questo chiediamo di registrarsi.",
        ),
        description_en: text(
            "The Città metropolitana di Bologna, with its Progetti d'impresa service and the \
             Fondazione per l'Innovazione Urbana, starts the Metropolitan Forum of Innovation \
             Spaces: a network of the places that support people who start businesses and \
             innovate across the 55 municipalities of the metropolitan area, and a standing \
             dialogue between these spaces and the administration.\n\nAfter the first mapping \
             of the spaces, published in November 2021, the launch is a chance to meet, to \
             present the map and to gather each space's needs and ideas for the work ahead.\n\n\
             The meeting is open to those who run or animate an innovation space and to anyone \
             interested in the network. Attendance is free; seats are limited, so please \
             register.",
        ),
        programme_it: text(
            "17:00 Accoglienza e registrazione\n\
             17:15 Saluti della Città metropolitana di Bologna\n\
             17:30 La mappa degli spazi per l'innovazione\n\
             18:00 Il Forum: obiettivi e prossimi passi, con la Fondazione per l'Innovazione Urbana\n\
             18:30 Dialogo con gli spazi\n\
             19:00 Chiusura",
        ),
        programme_en: text(
            "17:00 Welcome and registration\n\
             17:15 Opening by the Città metropolitana di Bologna\n\
             17:30 The map of innovation spaces\n\
             18:00 The Forum: aims and next steps, with the Fondazione per l'Innovazione Urbana\n\
             18:30 Open dialogue with the spaces\n\
             19:00 Close",
        ),
        starts_at: at("2022-06-06T17:00"),
        ends_at: at("2022-06-06T19:00"),
        venue_name: LAUNCH_VENUE.into(),
        venue_address: "Via della Ferriera 4, Bologna".into(),
        venue_space: space_id,
        // Names only, the same in both languages (the field has one).
        organiser: "Città metropolitana di Bologna – Progetti d'impresa · Fondazione per \
                    l'Innovazione Urbana"
            .into(),
        contact_email: "progimpresa@cittametropolitana.bo.it".into(),
        capacity: 80,
        rsvp_opens_at: None,
        rsvp_closes_at: None,
        ..Default::default()
    }
}
