//! Registrations for events, committed in groups. Every registration of a process goes through
//! one queue; a task takes what is waiting (up to [`MAX_BATCH`]) and registers it all in one
//! transaction: the event's row is read (and on PostgreSQL locked) once for the group, seats
//! are counted in memory against that row and written with one conditional `UPDATE`, and the
//! e-mails and rate-limit records are written with a few multi-row inserts. A registration is
//! then two statements (its rate-limit count and its insert) instead of ten, and the group
//! shares one commit — which is what a burst of registrations for one event needs: they are
//! serialised by the event anyway (see `events`), so their cost is the time each holds it.
//!
//! A registration that would change nothing (unknown or closed event, a client over its limit)
//! writes nothing, so no savepoints are needed. If the group's transaction fails, each of its
//! registrations is tried again alone, so one bad request cannot fail the others.
//!
//! On SQLite the task runs on the writers' thread (see `Db::on_writer`). On PostgreSQL each
//! app server has its own queue; the groups of different servers take the events' row locks in
//! the order of the events' slugs, so they wait for each other but never deadlock.

use super::events::{event_row_by_id, notice, queue_position, EventRow, RsvpRow, EVENT_SELECT};
use super::outbox::enqueue_many;
use super::submissions::count_recent;
use super::{Backend, Db, DbError, Notice, NoticeKind, RsvpOutcome};
use crate::i18n::Lang;
use crate::mail::Email;
use crate::model::event::{EventStatus, RsvpStatus, Window};
use crate::validate::rsvp::ValidRsvp;
use sqlx::AnyConnection;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// The most registrations committed together: enough for every connection of a burst, few
/// enough that the first of them does not wait long for the last.
pub const MAX_BATCH: usize = 128;

/// Registrations waiting for the batch task; beyond this, senders wait (backpressure).
const QUEUE: usize = 1024;

/// Writes the e-mail about a [`Notice`] (see `crate::events::composer`).
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
        }
    }
}

/// At most `max` registrations of `client` over `window` seconds (see `RateLimit`).
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
    /// Rate-limit records: bucket, client, time.
    counted: Vec<(&'static str, String, i64)>,
    /// E-mails and the time each was queued.
    emails: Vec<(Email, i64)>,
}

impl Group {
    async fn register(
        &mut self,
        conn: &mut AnyConnection,
        backend: Backend,
        job: &Registration,
    ) -> Result<RsvpOutcome, DbError> {
        let now = job.now;
        if let Some(limit) = &job.limit {
            let since = now - limit.window;
            let stored = count_recent(conn, limit.bucket, &limit.client, since).await?;
            let here = self
                .counted
                .iter()
                .filter(|(b, c, at)| *b == limit.bucket && *c == limit.client && *at > since)
                .count() as i64;
            if stored + here >= limit.max {
                return Ok(RsvpOutcome::TooMany);
            }
        }
        if !self.events.contains_key(&job.slug) {
            let event = locked_event(conn, backend, &job.slug).await?;
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
        // The affiliation names a mapped space when it is exactly one's name.
        let space: Option<(i64,)> =
            match &v.affiliation {
                Some(name) => sqlx::query_as(
                    "SELECT id FROM spaces WHERE status = 'published' AND lower(name) = lower($1) \
                     ORDER BY id LIMIT 1",
                )
                .bind(name)
                .fetch_optional(&mut *conn)
                .await?,
                None => None,
            };
        // Most addresses are new: insert first, and look at the existing registration only when
        // the address has one. Three rounds at most: a cancelled registration is replaced.
        for _ in 0..3 {
            // A seat if one is free and nobody is waiting for it; else the end of the line. The
            // event's row was read under its lock and counts this group's registrations.
            let seated = event.seats_taken < event.capacity && event.waiting == 0;
            let status = if seated {
                RsvpStatus::Confirmed
            } else {
                RsvpStatus::Waiting
            };
            let token = crate::auth::new_token();
            let inserted: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO rsvps (event_id, status, first_name, last_name, email, email_key, \
                 affiliation, space_id, role, accessibility, lang, token, created_at, updated_at, \
                 confirmed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) \
                 ON CONFLICT (event_id, email_key) DO NOTHING RETURNING id",
            )
            .bind(event.id)
            .bind(status.code())
            .bind(&v.first_name)
            .bind(&v.last_name)
            .bind(&v.email)
            .bind(&v.email_key)
            .bind(&v.affiliation)
            .bind(space.map(|(id,)| id))
            .bind(&v.role)
            .bind(&v.accessibility)
            .bind(job.lang.code())
            .bind(&token)
            .bind(now)
            .bind(seated.then_some(now))
            .fetch_optional(&mut *conn)
            .await?;
            if let Some((id,)) = inserted {
                // Everyone waiting was inserted before, under the same lock: the new one is
                // last in line.
                let position = if seated {
                    event.seats_taken += 1;
                    *self.seats.entry(event.id).or_default() += 1;
                    None
                } else {
                    event.waiting += 1;
                    Some(event.waiting)
                };
                let row = RsvpRow {
                    id,
                    event_id: event.id,
                    status: status.code().to_owned(),
                    first_name: v.first_name.clone(),
                    last_name: v.last_name.clone(),
                    email: v.email.clone(),
                    affiliation: v.affiliation.clone(),
                    role: v.role.clone(),
                    accessibility: v.accessibility.clone(),
                    lang: job.lang.code().to_owned(),
                    token: token.clone(),
                    created_at: now,
                };
                let kind = match status {
                    RsvpStatus::Confirmed => NoticeKind::Confirmed,
                    _ => NoticeKind::Waiting,
                };
                let email = (job.compose)(&notice(kind, event, &row, status, position));
                self.emails.push((email, now));
                count(&mut self.counted, job);
                return Ok(RsvpOutcome::Registered {
                    status,
                    token,
                    queue_position: position,
                });
            }
            let existing: Option<RsvpRow> = sqlx::query_as(&format!(
                "SELECT {} FROM rsvps r WHERE r.event_id = $1 AND r.email_key = $2",
                super::events::RSVP_COLUMNS
            ))
            .bind(event.id)
            .bind(&v.email_key)
            .fetch_optional(&mut *conn)
            .await?;
            let Some(r) = existing else { continue };
            let current = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Cancelled);
            if current != RsvpStatus::Cancelled {
                let position = match current {
                    RsvpStatus::Waiting => Some(queue_position(conn, event.id, r.id).await?),
                    _ => None,
                };
                let email =
                    (job.compose)(&notice(NoticeKind::Resent, event, &r, current, position));
                self.emails.push((email, now));
                count(&mut self.counted, job);
                return Ok(RsvpOutcome::AlreadyRegistered);
            }
            // Registering again after cancelling: a new registration, at the end of the line,
            // with a new link.
            sqlx::query("DELETE FROM rsvps WHERE id = $1")
                .bind(r.id)
                .execute(&mut *conn)
                .await?;
        }
        // Unreachable in practice: the rounds above find or insert the row.
        Err(DbError::Sqlx(sqlx::Error::RowNotFound))
    }

    /// Writes the seats, the rate-limit records and the e-mails of the group.
    async fn write(self, conn: &mut AnyConnection) -> Result<(), DbError> {
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
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
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
        Backend::Sqlite => {
            sqlx::query_as::<_, EventRow>(&format!("{EVENT_SELECT} WHERE e.slug = $1"))
                .bind(slug)
                .fetch_optional(&mut *conn)
                .await?
        }
    })
}
