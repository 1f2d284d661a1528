//! Two app servers on one PostgreSQL, as behind a load balancer: each with its own pool and its
//! own e-mail worker, nothing shared in memory. RSVPs sent to both at once stay exact (never
//! more confirmed than seats, one line in order), and every e-mail goes out exactly once.

use crate::outbox::SmtpSink;
use crate::staff::{body_text, ORIGIN};
use crate::support::TestDb;
use app::backend::clock::Clock;
use app::backend::context::{AppState, Config};
use app::backend::db::Db;
use app::core::model::event::EventStatus;
use app::core::validate::event::ValidEvent;
use app::web::router::router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use leptos::config::LeptosOptions;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;
use tower::ServiceExt;

const NOW: i64 = 1_898_503_200;

fn instance(db: Db, url: &str) -> axum::Router {
    router(AppState {
        leptos_options: LeptosOptions::builder()
            .output_name("spazi")
            .site_root("target/site")
            .build(),
        db,
        config: Arc::new(Config {
            database_url: url.to_owned(),
            ..Config::default()
        }),
        outbox: Default::default(),
        clock: Clock::fixed(NOW),
    })
}

#[tokio::test]
async fn two_app_servers_on_one_postgres_stay_exact() {
    const SEATS: i64 = 6;
    const PEOPLE: usize = 80;
    let t = TestDb::postgres().await;
    t.db.seed(NOW).await.unwrap();
    let second = Db::connect(&t.url).await.unwrap();
    let servers = [
        instance(t.db.clone(), &t.url),
        instance(second.clone(), &t.url),
    ];
    let event = ValidEvent {
        slug: "due-server".into(),
        title_it: "Incontro su due server".into(),
        starts_at: NOW + 86_400 * 5,
        ends_at: NOW + 86_400 * 5 + 7200,
        venue_name: "Sala".into(),
        venue_address: "Via Zamboni 13, Bologna".into(),
        organiser: "Città metropolitana di Bologna".into(),
        contact_email: "progimpresa@cittametropolitana.bo.it".into(),
        capacity: SEATS,
        ..Default::default()
    };
    let id =
        t.db.insert_event(&event, EventStatus::Published, NOW)
            .await
            .unwrap();
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, NOW - 60);

    // Everyone at once, alternating between the two servers, each from their own address.
    let mut tasks = Vec::new();
    for i in 0..PEOPLE {
        let server = servers[i % 2].clone();
        let body = format!(
            "started={token}&fax=&first_name=P{i}&last_name=Rossi&attendee_email=p{i}%40example.it\
             &affiliation=&attendee_role=&accessibility=&consent_privacy=on"
        );
        tasks.push(tokio::spawn(async move {
            let mut req = Request::post("/eventi/due-server")
                .header(header::HOST, "spazi.test")
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap();
            let peer: SocketAddr = ([10, 1, (i / 250) as u8, (i % 250) as u8 + 1], 40_000).into();
            req.extensions_mut().insert(ConnectInfo(peer));
            let res = server.oneshot(req).await.unwrap();
            let status = res.status();
            (status, body_text(res).await)
        }));
    }
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    }
    let counts = t.db.rsvp_counts(id).await.unwrap();
    assert_eq!(counts.confirmed, SEATS);
    assert_eq!(counts.waiting, PEOPLE as i64 - SEATS);
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (SEATS, SEATS));

    // Each server's worker sends from its own pool; every e-mail is delivered once.
    let sink = SmtpSink::start().await;
    let workers = [("server-1", t.db.clone()), ("server-2", second.clone())].map(|(name, db)| {
        let mailer = sink.mailer();
        tokio::spawn(async move {
            let mut sent = 0;
            loop {
                let n = app::backend::outbox::run_once(&db, &mailer, name, NOW)
                    .await
                    .unwrap();
                if n == 0 {
                    break sent;
                }
                sent += n;
            }
        })
    });
    let mut sent = Vec::new();
    for w in workers {
        sent.push(w.await.unwrap());
    }
    assert_eq!(sent.iter().sum::<usize>(), PEOPLE);
    let recipients: Vec<String> = sink
        .messages()
        .iter()
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("To: ").map(str::to_owned))
        })
        .collect();
    assert_eq!(recipients.len(), PEOPLE);
    assert_eq!(
        recipients.iter().collect::<HashSet<_>>().len(),
        PEOPLE,
        "nobody e-mailed twice"
    );
    second.close().await;
    t.finish().await;
}

/// The database goes away for a while (connections cut, new ones refused) and comes back: the
/// server answers a clear 503 meanwhile and recovers by itself, no restart.
#[tokio::test]
async fn the_database_away_then_back_gives_503_then_recovers() {
    use sqlx::{AnyConnection, Connection, Executor};
    let t = TestDb::postgres().await;
    t.db.seed(NOW).await.unwrap();
    let app = instance(t.db.clone(), &t.url);
    let get = |uri: &'static str| {
        let app = app.clone();
        async move {
            let res = app
                .oneshot(Request::get(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            res.status()
        }
    };
    assert_eq!(get("/readyz").await, StatusCode::OK);
    assert_eq!(get("/eventi").await, StatusCode::OK);

    let name = t.url.rsplit('/').next().unwrap().to_owned();
    let mut admin = AnyConnection::connect(&crate::support::postgres_admin_url())
        .await
        .unwrap();
    let away = |allow: bool| {
        format!(
            "ALTER DATABASE {name} ALLOW_CONNECTIONS {}",
            if allow { "true" } else { "false" }
        )
    };
    admin.execute(away(false).as_str()).await.unwrap();
    admin
        .execute(
            format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            )
            .as_str(),
        )
        .await
        .unwrap();
    // Away: not ready, pages and writes answer 503 (never a hang, never a 500).
    assert_eq!(get("/readyz").await, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(get("/eventi").await, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        get("/healthz").await,
        StatusCode::OK,
        "the process itself is fine"
    );

    // Back: the pool reconnects on its own.
    admin.execute(away(true).as_str()).await.unwrap();
    admin.close().await.unwrap();
    let mut ready = false;
    for _ in 0..50 {
        if get("/readyz").await == StatusCode::OK {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(ready, "ready again without a restart");
    assert_eq!(get("/eventi").await, StatusCode::OK);
    t.finish().await;
}
