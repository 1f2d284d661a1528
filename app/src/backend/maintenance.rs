//! The maintenance worker (server only), one in every app server: every few minutes it queues
//! the day-before reminders that are due, and every hour it applies the data retention period.
//! Both are safe with several app servers: reminders are claimed row by row
//! (`Db::queue_reminders`), and erasing twice erases nothing more. On SQLite the server also
//! runs [`checkpoints`], which keeps the write-ahead log short off the writers' path.

use crate::backend::clock::Clock;
use crate::backend::db::Db;
use crate::backend::outbox::OutboxSignal;
use std::time::Duration;

/// How often the worker wakes.
pub const EVERY: Duration = Duration::from_secs(300);
/// Retention runs on one wake-up in this many (hourly).
const RETENTION_EVERY: u32 = 12;

/// Runs until `shutdown` completes. `base` is the site's address for links in e-mails;
/// `retention_days` how long personal data is kept (see `Db::apply_retention`).
pub async fn run(
    db: Db,
    clock: Clock,
    base: String,
    retention_days: i64,
    outbox: OutboxSignal,
    shutdown: impl std::future::Future<Output = ()>,
) {
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
        if round.is_multiple_of(RETENTION_EVERY) {
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
