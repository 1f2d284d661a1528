//! The e-mail outbox against a real SMTP receiver started by the test (a small sink speaking
//! SMTP on a local port, not a mock of lettre): the mail server down, then up — every message
//! delivered exactly once, none lost; rolled-back messages never sent; two workers sharing the
//! work without sending anything twice; giving up after too many attempts.

use crate::support::{on_both_backends, TestDb};
use app::backend::db::{enqueue, OutboxCounts};
use app::backend::mail::{Email, Mailer};
use app::backend::outbox::{self, MAX_ATTEMPTS};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server: records each message's data; when "down" it answers 421 and hangs up.
pub struct SmtpSink {
    pub port: u16,
    up: Arc<AtomicBool>,
    messages: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let messages = Arc::new(Mutex::new(Vec::new()));
        let (up2, messages2) = (up.clone(), messages.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (up, messages) = (up2.clone(), messages2.clone());
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    if !up.load(Ordering::SeqCst) {
                        let _ = write.write_all(b"421 sink is down\r\n").await;
                        return;
                    }
                    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                    let mut lines = BufReader::new(read).lines();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let verb = line
                            .split(' ')
                            .next()
                            .unwrap_or_default()
                            .to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250-sink\r\n250 8BITMIME\r\n",
                            "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
                            "DATA" => {
                                let _ = write.write_all(b"354 go on\r\n").await;
                                let mut data = String::new();
                                while let Ok(Some(l)) = lines.next_line().await {
                                    if l == "." {
                                        break;
                                    }
                                    data.push_str(l.strip_prefix('.').unwrap_or(&l));
                                    data.push('\n');
                                }
                                messages.lock().unwrap().push(data);
                                b"250 queued\r\n"
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                return;
                            }
                            _ => b"502 not implemented\r\n",
                        };
                        if write.write_all(reply).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        SmtpSink { port, up, messages }
    }

    pub fn set_up(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }

    pub fn messages(&self) -> Vec<String> {
        self.messages.lock().unwrap().clone()
    }

    pub fn mailer(&self) -> Mailer {
        Mailer::from_config(
            &format!("smtp://127.0.0.1:{}", self.port),
            "",
            "Spazi <noreply@example.it>",
            "",
        )
        .unwrap()
    }
}

fn email(n: usize) -> Email {
    Email {
        to: format!("persona{n}@example.it"),
        subject: format!("Messaggio {n}"),
        text: format!("Testo del messaggio {n}."),
        ..Default::default()
    }
}

/// The subjects the sink received, each with how many times.
fn subjects(sink: &SmtpSink) -> Vec<String> {
    let mut s: Vec<String> = sink
        .messages()
        .iter()
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("Subject: ").map(str::to_owned))
        })
        .collect();
    s.sort();
    s
}

async fn mail_server_down_then_up(t: &TestDb) {
    let sink = SmtpSink::start().await;
    let mailer = sink.mailer();
    let now = 1_700_000_000;
    // Five messages committed with their transaction; one whose transaction rolls back.
    let mut tx = t.db.pool().begin().await.unwrap();
    for n in 1..=5 {
        enqueue(&mut tx, &email(n), now).await.unwrap();
    }
    tx.commit().await.unwrap();
    let mut tx = t.db.pool().begin().await.unwrap();
    enqueue(&mut tx, &email(99), now).await.unwrap();
    tx.rollback().await.unwrap();

    sink.set_up(false);
    assert_eq!(
        outbox::run_once(&t.db, &mailer, "w1", now).await.unwrap(),
        0
    );
    assert_eq!(
        t.db.outbox_counts().await.unwrap(),
        OutboxCounts {
            waiting: 5,
            sent: 0,
            failed: 0
        }
    );
    // Not due again before the backoff.
    assert_eq!(
        outbox::run_once(&t.db, &mailer, "w1", now + 10)
            .await
            .unwrap(),
        0
    );
    assert!(sink.messages().is_empty());

    sink.set_up(true);
    assert_eq!(
        outbox::run_once(&t.db, &mailer, "w1", now + 31)
            .await
            .unwrap(),
        5
    );
    assert_eq!(
        outbox::run_once(&t.db, &mailer, "w1", now + 4000)
            .await
            .unwrap(),
        0
    );
    let expected: Vec<String> = (1..=5).map(|n| format!("Messaggio {n}")).collect();
    assert_eq!(
        subjects(&sink),
        expected,
        "each delivered once, the rolled-back one never"
    );
    assert!(sink.messages()[0].contains("Testo del messaggio"));
    assert_eq!(
        t.db.outbox_counts().await.unwrap(),
        OutboxCounts {
            waiting: 0,
            sent: 5,
            failed: 0
        }
    );
}
on_both_backends!(mail_server_down_then_up);

async fn two_workers_share_without_duplicates(t: &TestDb) {
    let sink = SmtpSink::start().await;
    let now = 1_700_000_000;
    for n in 1..=60 {
        t.db.enqueue_email(&email(n), now).await.unwrap();
    }
    let workers = ["a", "b"].map(|w| {
        let (db, mailer) = (t.db.clone(), sink.mailer());
        tokio::spawn(async move {
            let mut sent = 0;
            loop {
                let n = outbox::run_once(&db, &mailer, w, now).await.unwrap();
                if n == 0 {
                    break sent;
                }
                sent += n;
            }
        })
    });
    let mut total = 0;
    for w in workers {
        total += w.await.unwrap();
    }
    assert_eq!(total, 60);
    let got = subjects(&sink);
    assert_eq!(got.len(), 60);
    assert_eq!(
        got.iter().collect::<HashSet<_>>().len(),
        60,
        "no message sent twice"
    );
}
on_both_backends!(two_workers_share_without_duplicates);

async fn gives_up_after_too_many_attempts(t: &TestDb) {
    let sink = SmtpSink::start().await;
    sink.set_up(false);
    let mailer = sink.mailer();
    t.db.enqueue_email(&email(1), 0).await.unwrap();
    // A lease that ran out (the worker died) frees the message for another worker.
    let claimed =
        t.db.claim_emails("dead", 0, outbox::LEASE, 10)
            .await
            .unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(t
        .db
        .claim_emails("other", 1, outbox::LEASE, 10)
        .await
        .unwrap()
        .is_empty());
    let mut at = outbox::LEASE + 1;
    for _ in 1..MAX_ATTEMPTS {
        outbox::run_once(&t.db, &mailer, "w", at).await.unwrap();
        at += 3601;
    }
    assert_eq!(
        t.db.outbox_counts().await.unwrap(),
        OutboxCounts {
            waiting: 0,
            sent: 0,
            failed: 1
        }
    );
    sink.set_up(true);
    assert_eq!(
        outbox::run_once(&t.db, &mailer, "w", at + 10_000)
            .await
            .unwrap(),
        0
    );
}
on_both_backends!(gives_up_after_too_many_attempts);

/// The migration that moved a message's content to `email_bodies` (0011) keeps what was queued
/// before it: a database at migration 0010 with a message waiting, migrated, sends it whole.
async fn queued_content_survives_the_split(t: &TestDb, backend: &str) {
    let dir =
        std::env::temp_dir().join(format!("spazi_migrations_{backend}_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(backend);
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.as_str() < "0011" {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    sqlx::migrate::Migrator::new(dir.as_path())
        .await
        .unwrap()
        .run(t.db.pool())
        .await
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    sqlx::query(
        "INSERT INTO email_outbox (to_address, subject, body_text, body_html, attachments_json, \
         created_at, available_at) VALUES ('anna@example.it', 'Iscrizione confermata', \
         'Testo', '<p>Testo</p>', \
         '[{\"filename\":\"evento.ics\",\"content_type\":\"text/calendar\",\"content\":\"BEGIN:VCALENDAR\"}]', \
         5, 5)",
    )
    .execute(t.db.pool())
    .await
    .unwrap();

    t.db.migrate().await.unwrap();
    let claimed = t.db.claim_emails("w", 10, outbox::LEASE, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let email = &claimed[0].email;
    assert_eq!(
        (
            email.to.as_str(),
            email.subject.as_str(),
            email.text.as_str(),
            email.html.as_deref()
        ),
        (
            "anna@example.it",
            "Iscrizione confermata",
            "Testo",
            Some("<p>Testo</p>")
        )
    );
    assert_eq!(email.attachments.len(), 1);
    assert_eq!(email.attachments[0].filename, "evento.ics");
    assert_eq!(email.attachments[0].content, "BEGIN:VCALENDAR");
    // New messages are queued and claimed with their content too.
    t.db.enqueue_email(&email_with_html(2), 20).await.unwrap();
    let claimed = t.db.claim_emails("w", 30, outbox::LEASE, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].email, email_with_html(2));
}

fn email_with_html(n: usize) -> Email {
    Email {
        html: Some(format!("<p>Messaggio {n}</p>")),
        ..email(n)
    }
}

#[tokio::test]
async fn queued_content_survives_the_split_sqlite() {
    let t = TestDb::sqlite_unmigrated().await;
    queued_content_survives_the_split(&t, "sqlite").await;
    t.finish().await;
}

#[tokio::test]
async fn queued_content_survives_the_split_postgres() {
    let t = TestDb::postgres_unmigrated().await;
    queued_content_survives_the_split(&t, "postgres").await;
    t.finish().await;
}
