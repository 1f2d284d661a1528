//! Registrations for events, committed in groups. Every registration of a process goes through
//! one queue; a task takes what is waiting (up to [`MAX_BATCH`]) and registers it all in one
//! transaction: the event's row is read (and on PostgreSQL locked) once for the group, and with
//! it which of the group's addresses are registered already; the clients' rate-limit counts
//! and the spaces the affiliations name are read with one query each for the group; seats and
//! places in line are counted in memory against the event row and taken with one conditional
//! `UPDATE`; and the new registrations, the e-mails and the rate-limit records are written with
//! a few multi-row inserts, in arrival order (the ids order the waiting line). A group is then
//! a handful of statements whatever its size, and shares one commit — which is what a burst of
//! registrations for one event needs: they are serialised by the event anyway (see `events`),
//! so their cost is the time each holds it. Only an address registered before costs
//! statements of its own (read the registration; delete it when it was cancelled).
//!
//! A registration that would change nothing (unknown or closed event, a client over its limit)
//! writes nothing, so no savepoints are needed. If the group's transaction fails, each of its
//! registrations is tried again alone, so one bad request cannot fail the others.
//!
//! On SQLite the task runs on the writers' thread (see `Db::on_writer`). On PostgreSQL each
//! app server has its own queue; the groups of different servers take the events' row locks in
//! the order of the events' slugs, so they wait for each other but never deadlock.

use super::events::{event_row, event_row_by_id, EventRow};
use super::outbox::enqueue_many;
use super::rsvps::{notice, queue_position, RsvpRow};
use super::{Backend, Db, DbError, Notice, NoticeKind, Params, RsvpOutcome};
use crate::backend::mail::Email;
use crate::core::model::event::{EventStatus, RsvpStatus, Window};
use crate::core::validate::rsvp::ValidRsvp;
use crate::i18n::Lang;
use sqlx::AnyConnection;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// The most registrations committed together: enough for every connection of a burst, few
/// enough that the first of them does not wait long for the last.
pub const MAX_BATCH: usize = 128;

/// Registrations waiting for the batch task; beyond this, senders wait (backpressure).
const QUEUE: usize = 1024;

/// Writes the e-mail about a [`Notice`] (see `crate::backend::rsvp_mail::composer`).
pub type Composer = Arc<dyn Fn(&Notice) -> Email + Send + Sync>;

/// A request to register someone for an event.
pub struct Registration {
    pub slug: String,
    pub rsvp: ValidRsvp,
    pub lang: Lang,
    pub now: i64,
    pub compose: Composer,
    /// Counted against this limit in the same transaction; refused (`TooMany`) when over it.
    pub limit: Option<ClientLimit>,
    /// Past this many requests of its client within `limit`'s window, a request must come
    /// with a question answered (`answered`); otherwise `ChallengeNeeded`, nothing stored. A
    /// network many people share (an office, a university) is asked, not turned away.
    pub ask_from: Option<i64>,
    /// The request came with the question answered right.
    pub answered: bool,
    /// The e-mail about it is counted against this limit of its recipient (see
    /// `submissions::MAX_MAILS_PER_RECIPIENT`), and not sent when over it: the registration
    /// itself goes ahead.
    pub mail_limit: Option<ClientLimit>,
    /// An address already registered is e-mailed its confirmation again (someone who lost it
    /// asks again on the form). Not for "register again" on the personal page: a second tap
    /// there is the same request, not a lost e-mail.
    pub resend: bool,
}

impl Registration {
    pub fn new(slug: &str, rsvp: ValidRsvp, lang: Lang, now: i64, compose: Composer) -> Self {
        Registration {
            slug: slug.to_owned(),
            rsvp,
            lang,
            now,
            compose,
            limit: None,
            ask_from: None,
            answered: false,
            mail_limit: None,
            resend: true,
        }
    }
}

/// At most `max` requests (registrations, join requests, e-mails) of `client` in `bucket`
/// over `window` seconds.
#[derive(Debug, Clone)]
pub struct ClientLimit {
    pub bucket: &'static str,
    pub client: String,
    pub window: i64,
    pub max: i64,
}

type Reply = oneshot::Sender<Result<RsvpOutcome, DbError>>;

/// The sending end of a process's registration queue, started on first use.
pub(super) type Queue = Arc<std::sync::OnceLock<mpsc::Sender<(Registration, Reply)>>>;

impl Db {
    /// Registers someone for an event — see the module documentation and `events`. The
    /// e-mail is written by `compose` and queued in the same transaction.
    pub async fn register(&self, registration: Registration) -> Result<RsvpOutcome, DbError> {
        let queue = self
            .registrations
            .get_or_init(|| self.start_registrations());
        let (reply, answer) = oneshot::channel();
        queue
            .send((registration, reply))
            .await
            .map_err(|_| DbError::Writer("the registrations' queue is closed".into()))?;
        answer
            .await
            .map_err(|_| DbError::Writer("the registrations' task stopped".into()))?
    }

    fn start_registrations(&self) -> mpsc::Sender<(Registration, Reply)> {
        let (sender, receiver) = mpsc::channel(QUEUE);
        // The task's handle has no queue of its own: it ends when the last handle that can
        // send to it is dropped.
        let db = Db {
            registrations: Default::default(),
            ..self.clone()
        };
        let task = run(db, receiver);
        match self.backend {
            Backend::Sqlite => drop(super::writer_runtime().spawn(task)),
            Backend::Postgres => drop(tokio::spawn(task)),
        }
        sender
    }

    async fn register_group(&self, mut group: Vec<(Registration, Reply)>) {
        // Stable: arrival order is kept within each event.
        group.sort_by(|a, b| a.0.slug.cmp(&b.0.slug));
        let (jobs, replies): (Vec<_>, Vec<_>) = group.into_iter().unzip();
        match self.register_together(&jobs).await {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(Ok(outcome));
                }
            }
            Err(err) if jobs.len() == 1 => {
                let _ = replies.into_iter().next().map(|reply| reply.send(Err(err)));
            }
            Err(err) => {
                tracing::warn!(%err, registrations = jobs.len(), "a group of registrations failed: each is tried alone");
                for (job, reply) in jobs.iter().zip(replies) {
                    let outcome = self
                        .register_together(std::slice::from_ref(job))
                        .await
                        .map(|mut outcomes| outcomes.remove(0));
                    let _ = reply.send(outcome);
                }
            }
        }
    }

    /// `jobs` in one transaction, in order: all of them or none.
    async fn register_together(&self, jobs: &[Registration]) -> Result<Vec<RsvpOutcome>, DbError> {
        let mut tx = self.begin_write().await?;
        let mut group = Group::default();
        group.read_ahead(&mut tx, jobs).await?;
        let mut outcomes = Vec::with_capacity(jobs.len());
        for job in jobs {
            outcomes.push(group.register(&mut tx, self.backend, job).await?);
        }
        group.write(&mut tx).await?;
        tx.commit().await?;
        Ok(outcomes)
    }
}

async fn run(db: Db, mut queue: mpsc::Receiver<(Registration, Reply)>) {
    let mut group = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut group, MAX_BATCH).await > 0 {
        db.register_group(std::mem::take(&mut group)).await;
    }
}

/// What a group's transaction has read and has still to write.
#[derive(Default)]
struct Group {
    /// Each event by slug, read under its lock, with the group's seats and line counted in.
    events: HashMap<String, Option<EventRow>>,
    /// Seats taken by the group, by event id.
    seats: HashMap<i64, i64>,
    /// Requests already counted in the database, by (bucket, window) and client (read ahead).
    stored: HashMap<(&'static str, i64), HashMap<String, i64>>,
    /// The mapped space each affiliation names, if any (read ahead).
    spaces: HashMap<String, Option<i64>>,
    /// The addresses of the group, by event slug (read ahead from the jobs).
    addresses: HashMap<String, BTreeSet<String>>,
    /// Those of them already registered (in any status) when the event was locked.
    existing: HashSet<(i64, String)>,
    /// New registrations to insert, in order (their ids make the waiting line's order).
    inserts: Vec<Insert>,
    /// Each new registration's index in `inserts`, by event id and address.
    fresh: HashMap<(i64, String), usize>,
    /// Rate-limit records to write: bucket, client, time.
    counted: Vec<(&'static str, String, i64)>,
    /// E-mails and the time each was queued.
    emails: Vec<(Email, i64)>,
}

impl Group {
    /// Reads what the registrations need from other tables — their clients' counts and the
    /// spaces their affiliations name — in a query each for the whole group instead of one
    /// each per registration. The counts are taken from the group's earliest window, so a
    /// request at most a second older than a registration's own window may count too.
    async fn read_ahead(
        &mut self,
        conn: &mut AnyConnection,
        jobs: &[Registration],
    ) -> Result<(), DbError> {
        let mut clients: HashMap<(&'static str, i64), (i64, BTreeSet<&str>)> = HashMap::new();
        for job in jobs {
            for limit in job.limit.iter().chain(&job.mail_limit) {
                let (since, names) = clients
                    .entry((limit.bucket, limit.window))
                    .or_insert((i64::MAX, BTreeSet::new()));
                *since = (*since).min(job.now - limit.window);
                names.insert(&limit.client);
            }
        }
        for ((bucket, window), (since, names)) in clients {
            let names: Vec<&str> = names.into_iter().collect();
            let counts = self.stored.entry((bucket, window)).or_default();
            for chunk in names.chunks(500) {
                let mut params = Params::on(conn);
                let sql = format!(
                    "SELECT client, COUNT(*) FROM rate_limit_events \
                     WHERE bucket = {} AND at > {} AND client IN ({}) GROUP BY client",
                    params.one(),
                    params.one(),
                    params.list(chunk.len())
                );
                let mut query = sqlx::query_as::<_, (String, i64)>(&sql)
                    .bind(bucket)
                    .bind(since);
                for name in chunk {
                    query = query.bind(*name);
                }
                counts.extend(query.fetch_all(&mut *conn).await?);
            }
        }
        for job in jobs {
            self.addresses
                .entry(job.slug.clone())
                .or_default()
                .insert(job.rsvp.email_key.clone());
        }
        let affiliations: BTreeSet<&str> = jobs
            .iter()
            .filter_map(|j| j.rsvp.affiliation.as_deref())
            .collect();
        let affiliations: Vec<&str> = affiliations.into_iter().collect();
        for chunk in affiliations.chunks(200) {
            // The affiliation names a mapped space when it is exactly one's name.
            let mut params = Params::on(conn);
            let names = (0..chunk.len())
                .map(|_| format!("SELECT CAST({} AS TEXT) AS name", params.one()))
                .collect::<Vec<_>>()
                .join(" UNION ALL ");
            let sql = format!(
                "SELECT k.name, (SELECT s.id FROM spaces s WHERE s.status = 'published' \
                 AND lower(s.name) = lower(k.name) ORDER BY s.id LIMIT 1) FROM ({names}) k"
            );
            let mut query = sqlx::query_as::<_, (String, Option<i64>)>(&sql);
            for name in chunk {
                query = query.bind(*name);
            }
            self.spaces.extend(query.fetch_all(&mut *conn).await?);
        }
        Ok(())
    }

    /// Which of the group's addresses for event `slug` are registered already: read once the
    /// event is locked, so no other group can register them meanwhile.
    async fn read_registered(
        &mut self,
        conn: &mut AnyConnection,
        event_id: i64,
        slug: &str,
    ) -> Result<(), DbError> {
        let addresses: Vec<&String> = self.addresses.get(slug).into_iter().flatten().collect();
        for chunk in addresses.chunks(500) {
            let mut params = Params::on(conn);
            let sql = format!(
                "SELECT email_key FROM rsvps WHERE event_id = {} AND email_key IN ({})",
                params.one(),
                params.list(chunk.len())
            );
            let mut query = sqlx::query_as::<_, (String,)>(&sql).bind(event_id);
            for address in chunk {
                query = query.bind(*address);
            }
            for (address,) in query.fetch_all(&mut *conn).await? {
                self.existing.insert((event_id, address));
            }
        }
        Ok(())
    }

    async fn register(
        &mut self,
        conn: &mut AnyConnection,
        backend: Backend,
        job: &Registration,
    ) -> Result<RsvpOutcome, DbError> {
        let now = job.now;
        if let Some(limit) = &job.limit {
            let count = self.requests_of(limit, now);
            if count >= limit.max {
                return Ok(RsvpOutcome::TooMany);
            }
            if !job.answered && job.ask_from.is_some_and(|from| count >= from) {
                return Ok(RsvpOutcome::ChallengeNeeded);
            }
        }
        if !self.events.contains_key(&job.slug) {
            let event = locked_event(conn, backend, &job.slug).await?;
            if let Some(event) = &event {
                self.read_registered(conn, event.id, &job.slug).await?;
            }
            self.events.insert(job.slug.clone(), event);
        }
        let Some(Some(event)) = self.events.get_mut(&job.slug) else {
            return Ok(RsvpOutcome::NoSuchEvent);
        };
        if EventStatus::from_code(&event.status).unwrap_or(EventStatus::Draft) == EventStatus::Draft
        {
            return Ok(RsvpOutcome::NoSuchEvent);
        }
        let window = event.view(job.lang).window(now);
        if window != Window::Open {
            return Ok(RsvpOutcome::NotOpen(window));
        }
        let v = &job.rsvp;
        let key = (event.id, v.email_key.clone());
        if let Some(&index) = self.fresh.get(&key) {
            // Registered earlier in this group: nobody has left the line since.
            let earlier = &self.inserts[index];
            let (status, position) = (earlier.status, earlier.position);
            let email = (job.compose)(&notice(
                NoticeKind::Resent,
                event,
                &earlier.row(),
                status,
                position,
            ));
            if job.resend {
                self.send(email, job);
            }
            count(&mut self.counted, job);
            return Ok(RsvpOutcome::AlreadyRegistered);
        }
        if self.existing.remove(&key) {
            let existing: Option<RsvpRow> = sqlx::query_as(&format!(
                "SELECT {} FROM rsvps r WHERE r.event_id = $1 AND r.email_key = $2",
                super::rsvps::RSVP_COLUMNS
            ))
            .bind(event.id)
            .bind(&v.email_key)
            .fetch_optional(&mut *conn)
            .await?;
            if let Some(r) = existing {
                let current = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Cancelled);
                if current != RsvpStatus::Cancelled {
                    let position = match current {
                        RsvpStatus::Waiting => Some(queue_position(conn, event.id, r.id).await?),
                        _ => None,
                    };
                    let email =
                        (job.compose)(&notice(NoticeKind::Resent, event, &r, current, position));
                    if job.resend {
                        self.send(email, job);
                    }
                    count(&mut self.counted, job);
                    // Still there for a later registration of the group with the same address.
                    self.existing.insert(key);
                    return Ok(RsvpOutcome::AlreadyRegistered);
                }
                // Registering again after cancelling: a new registration, at the end of the
                // line, with a new link.
                sqlx::query("DELETE FROM rsvps WHERE id = $1")
                    .bind(r.id)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        // A new registration. A seat if one is free and nobody is waiting for it; else the end
        // of the line. The event's row was read under its lock and counts this group's
        // registrations; everyone waiting was registered before, under the same lock.
        let seated = event.seats_taken < event.capacity && event.waiting == 0;
        let (status, position) = if seated {
            event.seats_taken += 1;
            *self.seats.entry(event.id).or_default() += 1;
            (RsvpStatus::Confirmed, None)
        } else {
            event.waiting += 1;
            (RsvpStatus::Waiting, Some(event.waiting))
        };
        let insert = Insert {
            event_id: event.id,
            status,
            position,
            rsvp: v.clone(),
            space: v
                .affiliation
                .as_deref()
                .and_then(|name| self.spaces.get(name).copied().flatten()),
            lang: job.lang,
            token: crate::backend::auth::new_ordered_token(),
            now,
        };
        let kind = match status {
            RsvpStatus::Confirmed => NoticeKind::Confirmed,
            _ => NoticeKind::Waiting,
        };
        let email = (job.compose)(&notice(kind, event, &insert.row(), status, position));
        self.send(email, job);
        count(&mut self.counted, job);
        let token = insert.token.clone();
        self.fresh.insert(key, self.inserts.len());
        self.inserts.push(insert);
        Ok(RsvpOutcome::Registered {
            status,
            token,
            queue_position: position,
        })
    }

    /// Whether `client` is over `limit` at `now` (see [`Group::requests_of`]).
    fn over(&self, limit: &ClientLimit, now: i64) -> bool {
        self.requests_of(limit, now) >= limit.max
    }

    /// The requests of `limit`'s client within its window at `now`: what the database held
    /// when the group was read, and what the group has counted since.
    fn requests_of(&self, limit: &ClientLimit, now: i64) -> i64 {
        let since = now - limit.window;
        let stored = self
            .stored
            .get(&(limit.bucket, limit.window))
            .and_then(|counts| counts.get(&limit.client))
            .copied()
            .unwrap_or(0);
        let here = self
            .counted
            .iter()
            .filter(|(b, c, at)| *b == limit.bucket && *c == limit.client && *at > since)
            .count() as i64;
        stored + here
    }

    /// Queues `email` about `job` — unless its recipient has had their day's e-mails from the
    /// public forms — and counts it.
    fn send(&mut self, email: Email, job: &Registration) {
        if let Some(limit) = &job.mail_limit {
            if self.over(limit, job.now) {
                tracing::warn!("registration e-mail not sent: its address had its day's e-mails");
                return;
            }
            self.counted
                .push((limit.bucket, limit.client.clone(), job.now));
        }
        self.emails.push((email, job.now));
    }

    /// Writes the new registrations, the seats, the rate-limit records and the e-mails of the
    /// group. A registration inserted meanwhile (which the event's lock rules out) fails the
    /// group on the unique address, and its registrations are then tried one by one.
    async fn write(self, conn: &mut AnyConnection) -> Result<(), DbError> {
        for chunk in self.inserts.chunks(64) {
            // Fifteen values a row; the time is both created_at and updated_at.
            let mut params = Params::on(conn);
            let rows: Vec<String> = (0..chunk.len())
                .map(|_| format!("({})", params.list(15)))
                .collect();
            let sql = format!(
                "INSERT INTO rsvps (event_id, status, first_name, last_name, email, email_key, \
                 affiliation, space_id, role, accessibility, lang, token, created_at, updated_at, \
                 confirmed_at) VALUES {}",
                rows.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for r in chunk {
                let v = &r.rsvp;
                query = query
                    .bind(r.event_id)
                    .bind(r.status.code())
                    .bind(&v.first_name)
                    .bind(&v.last_name)
                    .bind(&v.email)
                    .bind(&v.email_key)
                    .bind(&v.affiliation)
                    .bind(r.space)
                    .bind(&v.role)
                    .bind(&v.accessibility)
                    .bind(r.lang.code())
                    .bind(&r.token)
                    .bind(r.now)
                    .bind(r.now)
                    .bind((r.status == RsvpStatus::Confirmed).then_some(r.now));
            }
            query.execute(&mut *conn).await?;
        }
        for (event, seats) in &self.seats {
            // Never beyond capacity, whatever was counted (the table's CHECK says so too).
            let updated = sqlx::query(
                "UPDATE events SET seats_taken = seats_taken + $2 \
                 WHERE id = $1 AND seats_taken + $2 <= capacity",
            )
            .bind(event)
            .bind(seats)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if updated != 1 {
                return Err(DbError::SeatsMoved(*event));
            }
        }
        for chunk in self.counted.chunks(200) {
            let mut params = Params::on(conn);
            let rows: Vec<String> = (0..chunk.len())
                .map(|_| format!("({})", params.list(3)))
                .collect();
            let sql = format!(
                "INSERT INTO rate_limit_events (bucket, client, at) VALUES {}",
                rows.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for (bucket, client, at) in chunk {
                query = query.bind(*bucket).bind(client).bind(*at);
            }
            query.execute(&mut *conn).await?;
        }
        enqueue_many(conn, &self.emails).await
    }
}

/// A new registration, inserted with the rest of its group (see `Group::write`).
struct Insert {
    event_id: i64,
    status: RsvpStatus,
    /// The place in line when waiting.
    position: Option<i64>,
    rsvp: ValidRsvp,
    /// The mapped space the affiliation names.
    space: Option<i64>,
    lang: Lang,
    token: String,
    now: i64,
}

impl Insert {
    /// As the row it will be, for its e-mail; the id is given by the insert, and no e-mail
    /// shows it.
    fn row(&self) -> RsvpRow {
        let v = &self.rsvp;
        RsvpRow {
            id: 0,
            event_id: self.event_id,
            status: self.status.code().to_owned(),
            first_name: v.first_name.clone(),
            last_name: v.last_name.clone(),
            email: v.email.clone(),
            affiliation: v.affiliation.clone(),
            role: v.role.clone(),
            accessibility: v.accessibility.clone(),
            lang: self.lang.code().to_owned(),
            token: self.token.clone(),
            created_at: self.now,
        }
    }
}

/// Records the request of `job` against its limit.
fn count(counted: &mut Vec<(&'static str, String, i64)>, job: &Registration) {
    if let Some(limit) = &job.limit {
        counted.push((limit.bucket, limit.client.clone(), job.now));
    }
}

/// The event `slug`, read under its lock (PostgreSQL locks the row until commit; SQLite's
/// `BEGIN IMMEDIATE` already admits one writer at a time).
async fn locked_event(
    conn: &mut AnyConnection,
    backend: Backend,
    slug: &str,
) -> Result<Option<EventRow>, DbError> {
    Ok(match backend {
        Backend::Postgres => {
            let id: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM events WHERE slug = $1 FOR UPDATE")
                    .bind(slug)
                    .fetch_optional(&mut *conn)
                    .await?;
            match id {
                Some((id,)) => Some(event_row_by_id(conn, id).await?),
                None => None,
            }
        }
        Backend::Sqlite => event_row(conn, "e.slug = $1", slug).await?,
    })
}
