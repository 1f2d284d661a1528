//! The outbox worker (server only): every app server runs one. It claims due e-mails, sends
//! them, and marks them sent; a failure (mail server down) is retried with exponential backoff,
//! up to `MAX_ATTEMPTS`. Rows live in the database, so nothing is lost when the mail server or
//! the app server is down, and several app servers share the work without sending a message
//! twice in normal operation. (A server killed between the SMTP server's acceptance and the
//! "sent" mark — made once per round, for the round's messages — sends those messages again
//! after their lease: at-least-once, with the same Message-ID so mail systems can tell.)

use crate::backend::db::{Db, DbError};
use crate::backend::mail::Mailer;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// A claimed message is the worker's for this long (seconds).
pub const LEASE: i64 = 120;
/// Messages claimed per round. Each round is two write transactions (the claim, the "sent"
/// mark) that take their turn with the registrations' groups on SQLite's one writer: under a
/// burst of registrations, rounds of 20 were three in four of the writer's turns, and rounds
/// of 100 made registrations 10–20 % faster. A round of 100 over SMTP (tens of milliseconds
/// a message) stays well within `LEASE`; a server killed mid-round sends that round again.
const BATCH: i64 = 100;
/// After this many failed attempts a message is given up (and shown to staff).
pub const MAX_ATTEMPTS: i64 = 12;
/// How long the worker sleeps when there is nothing to send (it is woken earlier when a
/// message is queued by this server).
const IDLE: Duration = Duration::from_secs(5);

/// Seconds to wait after the `attempts`-th failure: 30 s, 1 min, 2 min, … capped at 1 hour.
pub fn backoff(attempts: i64) -> i64 {
    let exp = attempts.clamp(1, 16) - 1;
    (30_i64 << exp).min(3600)
}

/// One round: claims due messages and tries each once, then marks the ones sent in one
/// transaction (a write per message would compete with the requests' writes under SQLite's
/// single writer). Returns how many were sent.
pub async fn run_once(db: &Db, mailer: &Mailer, worker: &str, now: i64) -> Result<usize, DbError> {
    // The two writes of a round run on the writers' thread, like the requests' (see
    // `Db::on_writer`): they hold SQLite's write lock too.
    let owner = worker.to_owned();
    let batch = db
        .on_writer(move |db| async move { db.claim_emails(&owner, now, LEASE, BATCH).await })
        .await?;
    let mut sent = Vec::with_capacity(batch.len());
    for message in batch {
        let message_id = mailer.message_id(message.id);
        match mailer.send(&message.email, &message_id).await {
            Ok(()) => sent.push(message.id),
            Err(err) => {
                let retry_at =
                    (message.attempts < MAX_ATTEMPTS).then(|| now + backoff(message.attempts));
                tracing::warn!(email = message.id, attempts = message.attempts, error = %err, "sending an e-mail failed");
                db.email_failed(message.id, worker, &err.to_string(), retry_at, now)
                    .await?;
            }
        }
    }
    let count = sent.len();
    let owner = worker.to_owned();
    db.on_writer(move |db| async move { db.emails_sent(&sent, &owner, now).await })
        .await?;
    Ok(count)
}

/// The handle to wake the worker when a message was queued.
#[derive(Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Runs the worker until `shutdown` resolves; finishes the round in progress first.
pub async fn run(
    db: Db,
    mailer: Mailer,
    signal: OutboxSignal,
    clock: crate::backend::clock::Clock,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let worker = format!(
        "{}-{}",
        std::process::id(),
        crate::backend::auth::new_token().get(..8).unwrap_or("w")
    );
    tokio::pin!(shutdown);
    loop {
        let more = match run_once(&db, &mailer, &worker, clock.now()).await {
            Ok(n) => n as i64 == BATCH,
            Err(err) => {
                tracing::error!(error = %err, "outbox round failed");
                false
            }
        };
        if more {
            continue;
        }
        tokio::select! {
            _ = &mut shutdown => break,
            _ = signal.0.notified() => {}
            _ = tokio::time::sleep(IDLE) => {}
        }
    }
    tracing::info!("outbox worker stopped");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff(1), 30);
        assert_eq!(backoff(2), 60);
        assert_eq!(backoff(3), 120);
        assert_eq!(backoff(8), 3600);
        assert_eq!(backoff(100), 3600);
    }
}
