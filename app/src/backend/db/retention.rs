//! Data retention and people's rights over their data (GDPR). Personal data is kept only as
//! long as it serves: registrations of events that ended, requests to join that were rejected,
//! and e-mails already sent are erased after the retention period. One person's data can be
//! exported and erased on request.

use super::rsvps::{lock_event, promote_waiting};
use super::{Compose, Db, DbError};
use serde::Serialize;

/// What one retention round erased.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// Registrations of events ended before the cutoff, anonymised (counts stay).
    pub rsvps: u64,
    /// Rejected requests to join (with their space) deleted.
    pub submissions: u64,
    /// E-mails sent (or given up) before the cutoff, deleted.
    pub emails: u64,
}

/// Everything stored about one e-mail address.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PersonalData {
    pub email: String,
    pub registrations: Vec<RegistrationData>,
    pub join_requests: Vec<JoinRequestData>,
    /// The spaces the address manages.
    pub managed_spaces: Vec<ManagedData>,
    pub emails: Vec<EmailData>,
}

/// A space the address manages, as exported: its address on the site, how the address came
/// to manage it and when.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ManagedData {
    pub space: String,
    pub source: String,
    pub since: i64,
}

/// A registration, as exported to the person.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct RegistrationData {
    pub event: String,
    pub status: String,
    pub first_name: String,
    pub last_name: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub accessibility: Option<String>,
    pub registered_at: i64,
    pub checked_in_at: Option<i64>,
}

/// A request to join made as the contact person, as exported.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct JoinRequestData {
    pub reference: String,
    pub contact_name: String,
    pub contact_role: Option<String>,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub needs_other: Option<String>,
    pub vision: Option<String>,
    pub submitted_at: i64,
}

/// An e-mail to the address, as exported.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct EmailData {
    pub subject: String,
    pub queued_at: i64,
    pub sent_at: Option<i64>,
}

/// Blanks the personal fields of the registrations matched by `condition` (keeping status and
/// attendance, for the counts).
const ANONYMISE_RSVPS: &str = "UPDATE rsvps SET first_name = '', last_name = '', email = '', \
    email_key = 'erased:' || id, affiliation = NULL, space_id = NULL, role = NULL, \
    accessibility = NULL, token = 'erased:' || id, updated_at = $1 WHERE email <> '' AND ";

impl Db {
    /// Erases what is older than `days`: see [`RetentionReport`].
    pub async fn apply_retention(&self, now: i64, days: i64) -> Result<RetentionReport, DbError> {
        let cutoff = now - days * 86_400;
        let mut tx = self.begin_write().await?;
        let rsvps = sqlx::query(&format!(
            "{ANONYMISE_RSVPS} event_id IN (SELECT id FROM events WHERE ends_at < $2)"
        ))
        .bind(now)
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // A rejected request goes with the pending space it created (the submission follows
        // by cascade), then any organisation no space refers to any more.
        let submissions = sqlx::query(
            "DELETE FROM spaces WHERE status = 'rejected' AND id IN (SELECT space_id FROM \
             submissions WHERE decision = 'rejected' AND decided_at < $1)",
        )
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "DELETE FROM organisations WHERE NOT EXISTS \
             (SELECT 1 FROM spaces s WHERE s.organisation_id = organisations.id)",
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM email_bodies WHERE id IN \
             (SELECT id FROM email_outbox WHERE sent_at < $1 OR failed_at < $1)",
        )
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
        let emails = sqlx::query("DELETE FROM email_outbox WHERE sent_at < $1 OR failed_at < $1")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Requests to confirm a listing that have served.
        sqlx::query("DELETE FROM confirmation_requests WHERE sent_at < $1")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?;
        // Managers' sign-in links and sessions that ended (their addresses are personal data).
        sqlx::query("DELETE FROM manager_links WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM manager_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        // Changes kept for a manager whose session had ended: a day.
        sqlx::query("DELETE FROM manager_drafts WHERE created_at < $1")
            .bind(now - crate::backend::managers::DRAFT_TTL)
            .execute(&mut *tx)
            .await?;
        // Rate-limit records serve for a day at most (client addresses are personal data too).
        sqlx::query("DELETE FROM rate_limit_events WHERE at < $1")
            .bind(now - 86_400)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(RetentionReport {
            rsvps,
            submissions,
            emails,
        })
    }

    /// Everything stored about `email` (any case): registrations, requests to join made as the
    /// contact person, e-mails in the outbox.
    pub async fn personal_data(&self, email: &str) -> Result<PersonalData, DbError> {
        let key = crate::core::validate::rsvp::email_key(email);
        let registrations = sqlx::query_as(
            "SELECT e.slug AS event, r.status, r.first_name, r.last_name, r.affiliation, r.role, \
             r.accessibility, r.created_at AS registered_at, r.checked_in_at FROM rsvps r \
             JOIN events e ON e.id = r.event_id WHERE r.email_key = $1 ORDER BY r.id",
        )
        .bind(&key)
        .fetch_all(&self.pool)
        .await?;
        let join_requests = sqlx::query_as(
            "SELECT reference, contact_name, contact_role, contact_email, contact_phone, \
             needs_other, vision, submitted_at FROM submissions \
             WHERE lower(contact_email) = $1 ORDER BY id",
        )
        .bind(&key)
        .fetch_all(&self.pool)
        .await?;
        let managed_spaces = sqlx::query_as(
            "SELECT s.slug AS space, sm.source, sm.added_at AS since FROM space_managers sm \
             JOIN spaces s ON s.id = sm.space_id WHERE sm.email = $1 ORDER BY sm.added_at, s.slug",
        )
        .bind(&key)
        .fetch_all(&self.pool)
        .await?;
        let emails = sqlx::query_as(
            "SELECT subject, created_at AS queued_at, sent_at FROM email_outbox \
             WHERE lower(to_address) = $1 ORDER BY id",
        )
        .bind(&key)
        .fetch_all(&self.pool)
        .await?;
        Ok(PersonalData {
            email: key,
            registrations,
            join_requests,
            managed_spaces,
            emails,
        })
    }

    /// Erases what is stored about `email`: registrations for events still to come are
    /// cancelled first (their seats go to the waiting line), then every registration is
    /// anonymised; as contact person of a request to join, the contact details are blanked;
    /// e-mails to the address are deleted. Returns how many records changed.
    pub async fn erase_person(
        &self,
        email: &str,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<u64, DbError> {
        let key = crate::core::validate::rsvp::email_key(email);
        let mut tx = self.begin_write().await?;
        let seated: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT r.id, r.event_id FROM rsvps r JOIN events e ON e.id = r.event_id \
             WHERE r.email_key = $1 AND r.status = 'confirmed' AND e.ends_at > $2",
        )
        .bind(&key)
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        for (id, event_id) in &seated {
            lock_event(&mut tx, self.backend, *event_id).await?;
            sqlx::query("UPDATE rsvps SET status = 'cancelled', cancelled_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE events SET seats_taken = seats_taken - 1 WHERE id = $1")
                .bind(event_id)
                .execute(&mut *tx)
                .await?;
            promote_waiting(&mut tx, *event_id, now, compose).await?;
        }
        // Out of the waiting lines too (no seat changes hands).
        sqlx::query(
            "UPDATE rsvps SET status = 'cancelled', cancelled_at = $2 \
             WHERE email_key = $1 AND status = 'waiting'",
        )
        .bind(&key)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let mut changed = sqlx::query(&format!("{ANONYMISE_RSVPS} email_key = $2"))
            .bind(now)
            .bind(&key)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        changed += sqlx::query(
            "UPDATE submissions SET contact_name = '', contact_role = NULL, contact_email = '', \
             contact_phone = NULL WHERE lower(contact_email) = $1",
        )
        .bind(&key)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Their proposals stay (they are about the listing), without their address.
        changed += sqlx::query("UPDATE space_revisions SET email = '' WHERE email = $1")
            .bind(&key)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // No longer a manager: nor signed in, nor able to sign in.
        for table in [
            "space_managers",
            "manager_links",
            "manager_sessions",
            "confirmation_requests",
        ] {
            changed += sqlx::query(&format!("DELETE FROM {table} WHERE email = $1"))
                .bind(&key)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        sqlx::query(
            "DELETE FROM email_bodies WHERE id IN \
             (SELECT id FROM email_outbox WHERE lower(to_address) = $1)",
        )
        .bind(&key)
        .execute(&mut *tx)
        .await?;
        changed += sqlx::query("DELETE FROM email_outbox WHERE lower(to_address) = $1")
            .bind(&key)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(changed)
    }
}
