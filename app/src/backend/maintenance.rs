//! The maintenance worker (server only), one in every app server: every few minutes it queues
//! the day-before reminders that are due and, from the digest hour on, the staff's daily
//! digests; every hour it applies the data retention period, deletes unused photos and makes
//! the sizes photos stored before them lack. All are safe with several app
//! servers: reminders are claimed row by row (`Db::queue_reminders`), digests person by person
//! (`Db::queue_digests`), and erasing twice erases nothing more. On SQLite the server also
//! runs [`checkpoints`], which keeps the write-ahead log short off the writers' path.

use crate::backend::clock::Clock;
use crate::backend::db::Db;
use crate::backend::outbox::OutboxSignal;
use std::time::Duration;

/// How often the worker wakes.
pub const EVERY: Duration = Duration::from_secs(300);
/// Retention runs on one wake-up in this many (hourly).
const RETENTION_EVERY: u32 = 12;

/// What the worker is set to do: `base` is the site's address for links in e-mails;
/// `retention_days` how long personal data is kept (see `Db::apply_retention`); `digest_hour`
/// when the staff's digests go (Rome time; `None`: never).
pub struct Settings {
    pub base: String,
    pub retention_days: i64,
    pub digest_hour: Option<u8>,
    /// How long a listing's confirmation holds (days): past it, its managers are asked.
    pub confirm_days: i64,
}

/// Asks the managers of the listings whose confirmation has lapsed, and reminds those who did
/// not answer (see `Db::queue_confirmations`).
pub async fn confirmations(
    db: &Db,
    now: i64,
    settings: &Settings,
) -> Result<usize, crate::backend::db::DbError> {
    let compose = crate::backend::emails::confirmation_composer(settings.base.clone());
    db.queue_confirmations(
        now,
        settings.confirm_days * 86_400,
        &crate::backend::managers::confirmation_token,
        &compose,
    )
    .await
}

/// Queues the staff's digests when today's digest time has come (see `Db::queue_digests`).
pub async fn digests(
    db: &Db,
    now: i64,
    settings: &Settings,
) -> Result<usize, crate::backend::db::DbError> {
    let Some(hour) = settings.digest_hour else {
        return Ok(0);
    };
    let moment = crate::core::datetime::same_day_at(now, hour);
    if now < moment {
        return Ok(0);
    }
    let base = settings.base.clone();
    let compose = move |to: &str, name: &str, events: &[crate::backend::db::DigestEvent]| {
        crate::backend::emails::digest(to, name, events, &base)
    };
    db.queue_digests(now, moment, &compose).await
}

/// Makes the sizes photos stored before them lack (the phones' from the page size, the
/// thumbnails from the cards'), one photo at a time in the photos' turn; how many were made.
/// One that does not decode keeps the larger size in that place, so it is not tried again. Two
/// app servers doing it at once only make the same bytes twice.
pub async fn photo_sizes(db: &Db) -> Result<usize, crate::backend::db::DbError> {
    use crate::core::model::PhotoSize;
    let mut made = 0;
    for size in [PhotoSize::Thumb, PhotoSize::Phone] {
        loop {
            let batch = db.photos_without(size, 20).await?;
            if batch.is_empty() {
                break;
            }
            for (digest, larger) in batch {
                let _turn = crate::backend::photos::TURN.acquire().await;
                let made_here = tokio::task::spawn_blocking(move || {
                    crate::backend::photos::resized(&larger, size).unwrap_or(larger)
                })
                .await;
                // Only a panic in the decoder gets here: tried again in an hour.
                let Ok(bytes) = made_here else {
                    return Ok(made);
                };
                db.set_photo_size(&digest, size, &bytes).await?;
                made += 1;
            }
        }
    }
    Ok(made)
}

/// Runs until `shutdown` completes.
pub async fn run(
    db: Db,
    clock: Clock,
    settings: Settings,
    outbox: OutboxSignal,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let (base, retention_days) = (settings.base.clone(), settings.retention_days);
    tokio::pin!(shutdown);
    let mut tick = tokio::time::interval(EVERY);
    let mut round: u32 = 0;
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            _ = tick.tick() => {}
        }
        let now = clock.now();
        match db
            .queue_reminders(now, &crate::backend::rsvp_mail::composer(base.clone(), now))
            .await
        {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(reminders = n, "event reminders queued");
                outbox.wake();
            }
            Err(err) => tracing::error!(error = %err, "queueing event reminders failed"),
        }
        match digests(&db, now, &settings).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(digests = n, "staff digests queued");
                outbox.wake();
            }
            Err(err) => tracing::error!(error = %err, "queueing staff digests failed"),
        }
        if round.is_multiple_of(RETENTION_EVERY) {
            match confirmations(&db, now, &settings).await {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(emails = n, "managers asked to confirm their listings");
                    outbox.wake();
                }
                Err(err) => tracing::error!(error = %err, "asking managers to confirm failed"),
            }
            match db.apply_retention(now, retention_days).await {
                Ok(r) if r == Default::default() => {}
                Ok(r) => tracing::info!(
                    rsvps = r.rsvps,
                    submissions = r.submissions,
                    emails = r.emails,
                    "personal data past the retention period erased"
                ),
                Err(err) => tracing::error!(error = %err, "applying data retention failed"),
            }
            // A photo uploaded with a form that was never sent, or replaced since.
            match db.delete_unused_photos(now - 86_400).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(photos = n, "unused photos deleted"),
                Err(err) => tracing::error!(error = %err, "deleting unused photos failed"),
            }
            match photo_sizes(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(sizes = n, "photos' missing sizes made"),
                Err(err) => tracing::error!(error = %err, "making photos' missing sizes failed"),
            }
        }
        round = round.wrapping_add(1);
    }
}

/// How often the SQLite checkpointer runs (see [`checkpoints`]). Each checkpoint ends with the
/// disk's flush (fsync) of what it copied, and while that runs the writers' commits slow down:
/// under a burst of registrations, checkpoints every 500 ms flushed about 4,000 pages each and
/// put the slowest registrations at 54–92 ms; every 100 ms, 40–45 ms in five runs of six
/// (alternating runs, README's performance section). With nothing new in the log a checkpoint
/// is one cheap statement.
pub const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);

/// The SQLite checkpointer, until `shutdown` completes: keeps the write-ahead log short so that
/// no writer's commit has to checkpoint it (see `Db::checkpoint`). SQLite is one process, so
/// one checkpointer; PostgreSQL needs none.
pub async fn checkpoints(db: Db, shutdown: impl std::future::Future<Output = ()>) {
    tokio::pin!(shutdown);
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            _ = tick.tick() => {}
        }
        if let Err(err) = db.checkpoint().await {
            tracing::warn!(error = %err, "checkpointing the SQLite log failed");
        }
    }
}
