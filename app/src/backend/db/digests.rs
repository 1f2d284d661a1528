//! Staff who follow events, and their daily digest: each morning one e-mail per member of staff
//! with the registrations and cancellations of the events they follow since their last digest
//! — made once per person and day whatever the number of app servers (each person's digest is
//! claimed by the update that moves their `digest_until`), and only when there is news.

use super::outbox::enqueue;
use super::rsvps::counts;
use super::{Db, DbError};
use crate::backend::mail::Email;
use crate::core::view::event::RsvpCounts;

/// What a digest says about one followed event.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestEvent {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub capacity: i64,
    /// The people who registered in the window ("Anna Rossi"), in order.
    pub new: Vec<String>,
    /// The people whose registration was cancelled in the window.
    pub cancelled: Vec<String>,
    pub counts: RsvpCounts,
}

/// Writes the digest e-mail of a member of staff: (address, name, their events with news).
pub type DigestCompose<'a> = &'a (dyn Fn(&str, &str, &[DigestEvent]) -> Email + Send + Sync);

impl Db {
    /// Staff member `user_id` follows event `event_id` (`true`) or stops (`false`).
    pub async fn set_following(
        &self,
        user_id: i64,
        event_id: i64,
        follow: bool,
        now: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        if follow {
            sqlx::query(
                "INSERT INTO event_follows (user_id, event_id, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id, event_id) DO NOTHING",
            )
            .bind(user_id)
            .bind(event_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query("DELETE FROM event_follows WHERE user_id = $1 AND event_id = $2")
                .bind(user_id)
                .bind(event_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Whether staff member `user_id` follows event `event_id`.
    pub async fn is_following(&self, user_id: i64, event_id: i64) -> Result<bool, DbError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT event_id FROM event_follows WHERE user_id = $1 AND event_id = $2",
        )
        .bind(user_id)
        .bind(event_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// Queues the digests due at `moment` (today's digest time; `now` is at or after it): for
    /// each active member of staff who follows events and has had no digest since `moment`,
    /// their window (since their last digest, or the last day) is claimed and, when their
    /// events had registrations or cancellations in it, one e-mail is queued. Returns how many.
    pub async fn queue_digests(
        &self,
        now: i64,
        moment: i64,
        compose: DigestCompose<'_>,
    ) -> Result<usize, DbError> {
        let due: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
            "SELECT u.id, u.email, u.name, u.digest_until FROM staff_users u \
             WHERE u.disabled = 0 AND (u.digest_until IS NULL OR u.digest_until < $1) \
             AND EXISTS (SELECT 1 FROM event_follows f WHERE f.user_id = u.id) ORDER BY u.id",
        )
        .bind(moment)
        .fetch_all(&self.pool)
        .await?;
        let mut queued = 0;
        for (user, email, name, until) in due {
            let mut tx = self.begin_write().await?;
            // Claimed by whoever moves it first (another app server may be at the same point).
            let claimed = sqlx::query(
                "UPDATE staff_users SET digest_until = $2 \
                 WHERE id = $1 AND COALESCE(digest_until, -1) = $3",
            )
            .bind(user)
            .bind(now)
            .bind(until.unwrap_or(-1))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                continue;
            }
            let since = until.unwrap_or(now - 86_400);
            let events = digest_events(&mut tx, user, (since, now)).await?;
            if !events.is_empty() {
                enqueue(&mut tx, &compose(&email, &name, &events), now).await?;
                queued += 1;
            }
            tx.commit().await?;
        }
        Ok(queued)
    }
}

/// The followed events of `user` with registrations or cancellations in `(since, until]`.
async fn digest_events(
    conn: &mut sqlx::AnyConnection,
    user: i64,
    (since, until): (i64, i64),
) -> Result<Vec<DigestEvent>, DbError> {
    let followed: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT e.id, e.title_it, e.starts_at, e.capacity FROM event_follows f \
         JOIN events e ON e.id = f.event_id WHERE f.user_id = $1 ORDER BY e.starts_at, e.id",
    )
    .bind(user)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for (id, title, starts_at, capacity) in followed {
        let people = |column: &'static str| {
            format!(
                "SELECT first_name, last_name FROM rsvps WHERE event_id = $1 \
                 AND {column} > $2 AND {column} <= $3 ORDER BY {column}, id"
            )
        };
        let mut names = Vec::new();
        for column in ["created_at", "cancelled_at"] {
            let rows: Vec<(String, String)> = sqlx::query_as(&people(column))
                .bind(id)
                .bind(since)
                .bind(until)
                .fetch_all(&mut *conn)
                .await?;
            names.push(
                rows.into_iter()
                    .map(|(first, last)| format!("{first} {last}"))
                    .collect::<Vec<_>>(),
            );
        }
        let cancelled = names.pop().unwrap_or_default();
        let new = names.pop().unwrap_or_default();
        if new.is_empty() && cancelled.is_empty() {
            continue;
        }
        out.push(DigestEvent {
            id,
            title,
            starts_at,
            capacity,
            new,
            cancelled,
            counts: counts(conn, id).await?,
        });
    }
    Ok(out)
}
