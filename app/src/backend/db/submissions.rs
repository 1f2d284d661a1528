//! Join-form submissions: the pending space, its new organisation, the contact and survey, and
//! the e-mails about it — one transaction. Also the public forms' rate limits and the secret
//! that signs form timestamps (kept in the database so every app server shares it).

use super::{ClientLimit, Db, DbError};
use crate::backend::mail::Email;
use crate::core::model::{PositionPrecision, SpaceStatus};
use crate::core::validate::join::ValidJoin;

/// What the confirmation page shows about a submission (nothing personal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionSummary {
    pub reference: String,
    pub space_name: String,
    pub municipality: String,
}

/// The public forms send official mail to whatever address is typed in them: at most this
/// many such messages (confirmations, "you are already registered") go to one address a day,
/// whatever the number of forms sent, so nobody can use Spazi to flood a mailbox. Past it the
/// request still counts (the pages show the reference or the personal link); only the e-mail
/// is not sent.
pub const MAX_MAILS_PER_RECIPIENT: i64 = 5;
/// The window of [`MAX_MAILS_PER_RECIPIENT`] (a day) and its bucket in `rate_limit_events`.
pub const RECIPIENT_WINDOW: i64 = 86_400;
pub const RECIPIENT_BUCKET: &str = "mail-to";

/// The limit of public-form e-mails to `address` (see [`MAX_MAILS_PER_RECIPIENT`]).
pub fn recipient_limit(address: &str) -> ClientLimit {
    ClientLimit {
        bucket: RECIPIENT_BUCKET,
        client: crate::backend::auth::normalize_email(address),
        window: RECIPIENT_WINDOW,
        max: MAX_MAILS_PER_RECIPIENT,
    }
}

/// Counts this request against `limit` in the caller's transaction: `false` (nothing recorded)
/// when the client is over it. Records older than a day are deleted by the hourly retention
/// (`apply_retention`), not here: a burst of requests costs one count and one insert each. On
/// PostgreSQL concurrent requests of one client may both pass at the very limit, which is
/// acceptable for a rate limit.
pub(super) async fn within_rate_limit(
    conn: &mut sqlx::AnyConnection,
    limit: &ClientLimit,
    now: i64,
) -> Result<bool, DbError> {
    // Two statements: one `INSERT … SELECT … WHERE (count) < max` reads the table it writes,
    // which SQLite does through a temporary table — measured slower.
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM rate_limit_events WHERE bucket = $1 AND client = $2 AND at > $3",
    )
    .bind(limit.bucket)
    .bind(&limit.client)
    .bind(now - limit.window)
    .fetch_one(&mut *conn)
    .await?;
    if count >= limit.max {
        return Ok(false);
    }
    sqlx::query("INSERT INTO rate_limit_events (bucket, client, at) VALUES ($1, $2, $3)")
        .bind(limit.bucket)
        .bind(&limit.client)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

impl Db {
    /// Stores a submission and queues its e-mails — `confirmation` to the address typed in the
    /// form only within [`MAX_MAILS_PER_RECIPIENT`], `others` (to staff, written knowing the
    /// submission's id, to link to it) always; returns the new space's id. The municipality
    /// must exist (checked by the caller). A space with no position given is placed at its
    /// municipality's point.
    pub async fn create_submission(
        &self,
        v: &ValidJoin,
        reference: &str,
        lang: &str,
        confirmation: Option<&Email>,
        others: &(dyn Fn(i64) -> Vec<Email> + Sync),
        now: i64,
    ) -> Result<i64, DbError> {
        let s = &v.space;
        let mut tx = self.begin_write().await?;
        let (municipality, m_lat, m_lon): (String, f64, f64) =
            sqlx::query_as("SELECT name, lat, lon FROM municipalities WHERE istat_code = $1")
                .bind(&s.municipality)
                .fetch_one(&mut *tx)
                .await?;
        let (lat, lon) = if s.precision == PositionPrecision::Municipality {
            (m_lat, m_lon)
        } else {
            (s.lat, s.lon)
        };
        // Always a new organisation: a public form must never change a published one (staff
        // merge duplicates when reviewing).
        let (organisation_id,): (i64,) = sqlx::query_as(
            "INSERT INTO organisations (name, kind, website, description, tax_code, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(&s.organisation)
        .bind(s.organisation_kind.map(|k| k.code()))
        .bind(&s.organisation_website)
        .bind(&s.organisation_description)
        .bind(&v.organisation_tax_code)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let (space_id, _) = super::insert_space(
            &mut tx,
            &super::NewSpace {
                name: &s.name,
                kinds: &s.kinds,
                description: s.description.as_deref(),
                organisation_id: Some(organisation_id),
                organisation_name: s.organisation.as_deref(),
                address: s.address.as_deref(),
                municipality_code: &s.municipality,
                municipality_name: &municipality,
                lat,
                lon,
                precision: s.precision,
                website: s.website.as_deref(),
                email: s.email.as_deref(),
                phone: s.phone.as_deref(),
                status: SpaceStatus::Pending,
                source: Some("join-form"),
                note: None,
            },
            now,
        )
        .await?;
        sqlx::query("UPDATE spaces SET opening_hours = $1, services = $2 WHERE id = $3")
            .bind(&s.opening_hours)
            .bind(&s.services)
            .bind(space_id)
            .execute(&mut *tx)
            .await?;
        // The listing's history starts with the request that proposed it.
        super::insert_audit(
            &mut tx,
            &super::AuditEntry {
                actor_id: None,
                actor_email: crate::core::model::JOIN_FORM_ACTOR,
                action: "create",
                entity: "space",
                entity_id: Some(space_id),
                before: None,
                after: Some(serde_json::json!({
                    "name": s.name,
                    "status": SpaceStatus::Pending.code(),
                })),
            },
            now,
        )
        .await?;
        let needs: Vec<&str> = v.needs.iter().map(|n| n.code()).collect();
        let (submission_id,): (i64,) = sqlx::query_as(
            "INSERT INTO submissions (reference, space_id, contact_name, contact_role, contact_email, \
             contact_phone, needs_json, needs_other, vision, consent_privacy_at, consent_contact, \
             lang, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $10) \
             RETURNING id",
        )
        .bind(reference)
        .bind(space_id)
        .bind(&v.contact_name)
        .bind(&v.contact_role)
        .bind(&v.contact_email)
        .bind(&v.contact_phone)
        .bind(serde_json::to_string(&needs).unwrap_or_else(|_| "[]".into()))
        .bind(&v.needs_other)
        .bind(&v.vision)
        .bind(now)
        .bind(i64::from(v.consent_contact))
        .bind(lang)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(confirmation) = confirmation {
            let limit = recipient_limit(&confirmation.to);
            let allowed = within_rate_limit(&mut tx, &limit, now).await?;
            if allowed {
                super::enqueue(&mut tx, confirmation, now).await?;
            } else {
                tracing::warn!(
                    reference,
                    "confirmation not sent: its address had its day's e-mails"
                );
            }
        }
        for email in others(submission_id) {
            super::enqueue(&mut tx, &email, now).await?;
        }
        tx.commit().await?;
        Ok(space_id)
    }

    pub async fn submission_summary(
        &self,
        reference: &str,
    ) -> Result<Option<SubmissionSummary>, DbError> {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT sub.reference, s.name, m.name FROM submissions sub \
             JOIN spaces s ON s.id = sub.space_id \
             JOIN municipalities m ON m.istat_code = s.municipality_code \
             WHERE sub.reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        Ok(
            row.map(|(reference, space_name, municipality)| SubmissionSummary {
                reference,
                space_name,
                municipality,
            }),
        )
    }

    /// Counts a request against `limit` unless the client is over it; `true` when it was
    /// allowed. Shared by every app server.
    pub async fn rate_limit(&self, limit: &ClientLimit, now: i64) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let allowed = within_rate_limit(&mut tx, limit, now).await?;
        tx.commit().await?;
        Ok(allowed)
    }

    /// The installation's secret for signing form timestamps, created on first use.
    pub async fn form_secret(&self) -> Result<String, DbError> {
        // Made once per installation and never changed: read once per process (every page
        // with a form and every form post needs it; a write per call would queue behind
        // SQLite's writers).
        self.form_secret
            .get_or_try_init(|| async {
                sqlx::query(
                    "INSERT INTO app_meta (key, value) VALUES ('form-secret', $1) \
                     ON CONFLICT (key) DO NOTHING",
                )
                .bind(crate::backend::auth::new_token())
                .execute(&self.pool)
                .await?;
                let (value,): (String,) =
                    sqlx::query_as("SELECT value FROM app_meta WHERE key = 'form-secret'")
                        .fetch_one(&self.pool)
                        .await?;
                Ok::<_, DbError>(value)
            })
            .await
            .cloned()
    }
}
