//! The data layer on both backends: migrations, the seed loader, the public queries.

use crate::support::{on_both_backends, TestDb};
use app::backend::db::{find_or_insert_organisation, insert_space, NewSpace};
use app::core::filter::SpaceFilter;
use app::core::model::{PositionPrecision, SpaceKind, SpaceStatus};

async fn seed_loads_everything_once(t: &TestDb) {
    let first = t.db.seed(1_700_000_000).await.unwrap();
    assert_eq!(first.municipalities, 55);
    assert_eq!(first.spaces_inserted, 12);
    assert_eq!(t.db.municipality_count().await.unwrap(), 55);

    // A second start changes nothing.
    let second = t.db.seed(1_700_000_100).await.unwrap();
    assert_eq!(second.spaces_inserted, 0);
    let all =
        t.db.published_spaces(&SpaceFilter::default())
            .await
            .unwrap();
    assert_eq!(all.len(), 12);
    assert_eq!(t.db.municipality_count().await.unwrap(), 55);
}
on_both_backends!(seed_loads_everything_once);

async fn seed_keeps_sources_and_empty_fields(t: &TestDb) {
    t.db.seed(1_700_000_000).await.unwrap();
    let big =
        t.db.published_space("big-boost-innovation-garage")
            .await
            .unwrap()
            .expect("BIG is seeded");
    assert_eq!(big.summary.name, "BIG – Boost Innovation Garage");
    assert_eq!(
        big.summary.kinds,
        vec![SpaceKind::Coworking, SpaceKind::IncubatorAccelerator]
    );
    assert_eq!(big.summary.address.as_deref(), Some("Via della Ferriera 4"));
    assert_eq!(big.summary.municipality, "Bologna");
    assert_eq!(big.summary.precision, PositionPrecision::Municipality);
    assert!(big
        .source
        .unwrap()
        .contains("cittametropolitana.bo.it (26/05/2022)"));
    assert_eq!(
        big.organisation.as_ref().map(|o| o.name.as_str()),
        Some("Fondazione Carisbo e Techgarage")
    );
    // Empty in the source: stays empty, never invented.
    assert_eq!(big.website, None);
    assert_eq!(big.organisation.unwrap().kind, None);

    let fa_lab = t.db.published_space("fa-lab").await.unwrap().unwrap();
    assert_eq!(fa_lab.summary.address, None);
    assert_eq!(fa_lab.organisation, None);
    assert_eq!(fa_lab.summary.municipality, "Castel Maggiore");
}
on_both_backends!(seed_keeps_sources_and_empty_fields);

async fn filters_by_kind_municipality_and_text(t: &TestDb) {
    t.db.seed(1_700_000_000).await.unwrap();
    let names = |spaces: Vec<app::core::view::SpaceSummary>| -> Vec<String> {
        spaces.into_iter().map(|s| s.name).collect()
    };

    let fablabs =
        t.db.published_spaces(&SpaceFilter::of(Some(SpaceKind::Fablab), None))
            .await
            .unwrap();
    assert_eq!(
        names(fablabs),
        vec!["AlmaLabor", "Fa-Lab", "FabLab Reno", "TheFabLab Bologna"]
    );

    let pieve =
        t.db.published_spaces(&SpaceFilter::of(None, Some("037048")))
            .await
            .unwrap();
    assert_eq!(names(pieve), vec!["FabLab Reno", "VZ19"]);

    let both =
        t.db.published_spaces(&SpaceFilter::of(Some(SpaceKind::Coworking), Some("037048")))
            .await
            .unwrap();
    assert_eq!(names(both), vec!["VZ19"]);

    // Several kinds, several municipalities: any of them.
    let union =
        t.db.published_spaces(
            &SpaceFilter {
                kinds: vec![SpaceKind::Coworking, SpaceKind::Fablab],
                municipalities: vec!["037048".into(), "037006".into()],
                q: None,
            }
            .normalised(),
        )
        .await
        .unwrap();
    let expected = {
        let all =
            t.db.published_details(&SpaceFilter::default())
                .await
                .unwrap();
        let mut names: Vec<String> = all
            .into_iter()
            .filter(|d| {
                ["037048", "037006"].contains(&d.summary.municipality_code.as_str())
                    && d.summary
                        .kinds
                        .iter()
                        .any(|k| [SpaceKind::Coworking, SpaceKind::Fablab].contains(k))
            })
            .map(|d| d.summary.name)
            .collect();
        names.sort_by_cached_key(|n| app::core::text::search_key(n));
        names
    };
    assert!(expected.len() > 2, "{expected:?}");
    assert_eq!(names(union), expected);

    // Text: case and accents ignored, every word must match, organisation names count.
    let golinelli =
        t.db.published_spaces(&SpaceFilter {
            q: Some("FONDAZIONE golinelli".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(names(golinelli), vec!["Opificio Golinelli – G-Factor"]);
    let by_town =
        t.db.published_spaces(&SpaceFilter {
            q: Some("Pieve di Cènto".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_town.len(), 2);

    // Hostile text is just text.
    for hostile in ["%", "_", "' OR 1=1 --", "<script>", "\\"] {
        let found =
            t.db.published_spaces(&SpaceFilter {
                q: Some(hostile.into()),
                ..Default::default()
            })
            .await
            .unwrap();
        // Never an error; at most every space (text without letters or digits filters nothing).
        assert!(found.len() <= 12, "{hostile}: {}", found.len());
    }
    let script =
        t.db.published_spaces(&SpaceFilter {
            q: Some("<script>alert(1)</script>".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(script.is_empty());
}
on_both_backends!(filters_by_kind_municipality_and_text);

async fn only_published_spaces_are_public(t: &TestDb) {
    t.db.seed(1_700_000_000).await.unwrap();
    let mut conn = t.db.pool().acquire().await.unwrap();
    let org = find_or_insert_organisation(&mut conn, "Kilowatt", 1)
        .await
        .unwrap();
    for (name, status) in [
        ("Spazio in attesa", SpaceStatus::Pending),
        ("Spazio respinto", SpaceStatus::Rejected),
        ("Spazio archiviato", SpaceStatus::Archived),
    ] {
        insert_space(
            &mut conn,
            &NewSpace {
                name,
                kinds: &[SpaceKind::Coworking],
                description: Some("Descrizione"),
                organisation_id: Some(org),
                organisation_name: Some("Kilowatt"),
                address: None,
                municipality_code: "037006",
                municipality_name: "Bologna",
                lat: 44.49,
                lon: 11.34,
                precision: PositionPrecision::Exact,
                website: None,
                email: None,
                phone: None,
                status,
                source: None,
                note: None,
            },
            1,
        )
        .await
        .unwrap();
    }
    drop(conn);
    let all =
        t.db.published_spaces(&SpaceFilter::default())
            .await
            .unwrap();
    assert_eq!(all.len(), 12);
    assert!(all.iter().all(|s| !s.name.starts_with("Spazio ")));
    assert!(t
        .db
        .published_space("spazio-in-attesa")
        .await
        .unwrap()
        .is_none());
    assert!(t
        .db
        .published_space("spazio-archiviato")
        .await
        .unwrap()
        .is_none());
    // Counts in the municipality filter are of published spaces only.
    let bologna =
        t.db.municipalities_with_spaces(&[])
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.istat_code == "037006")
            .unwrap();
    assert_eq!(bologna.spaces, 8);
}
on_both_backends!(only_published_spaces_are_public);

async fn slugs_stay_unique(t: &TestDb) {
    t.db.seed(1_700_000_000).await.unwrap();
    let mut conn = t.db.pool().acquire().await.unwrap();
    let mut slugs = Vec::new();
    for _ in 0..3 {
        let (_, slug) = insert_space(
            &mut conn,
            &NewSpace {
                name: "DumBO",
                kinds: &[SpaceKind::Coworking],
                description: None,
                organisation_id: None,
                organisation_name: None,
                address: None,
                municipality_code: "037006",
                municipality_name: "Bologna",
                lat: 44.5,
                lon: 11.3,
                precision: PositionPrecision::Approximate,
                website: None,
                email: None,
                phone: None,
                status: SpaceStatus::Pending,
                source: None,
                note: None,
            },
            1,
        )
        .await
        .unwrap();
        slugs.push(slug);
    }
    assert_eq!(slugs, vec!["dumbo-2", "dumbo-3", "dumbo-4"]);
}
on_both_backends!(slugs_stay_unique);

async fn municipality_filter_lists_only_places_with_spaces(t: &TestDb) {
    t.db.seed(1_700_000_000).await.unwrap();
    let options = t.db.municipalities_with_spaces(&[]).await.unwrap();
    let names: Vec<&str> = options.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Bentivoglio",
            "Bologna",
            "Castel Maggiore",
            "Pieve di Cento"
        ]
    );
    assert_eq!(options.iter().map(|m| m.spaces).sum::<i64>(), 12);
}
on_both_backends!(municipality_filter_lists_only_places_with_spaces);

#[tokio::test]
async fn open_creates_the_sqlite_file_and_its_directory() {
    let dir = std::env::temp_dir().join(format!("spazi_open_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let url = format!("sqlite://{}/nested/spazi.db?mode=rwc", dir.display());
    let db = app::backend::db::Db::open(&url, 1_700_000_000)
        .await
        .unwrap();
    assert!(dir.join("nested/spazi.db").exists());
    assert_eq!(
        db.published_spaces(&SpaceFilter::default())
            .await
            .unwrap()
            .len(),
        12
    );
    db.close().await;
    // Opening again (a restart) migrates nothing new and seeds nothing twice.
    let db = app::backend::db::Db::open(&url, 1_700_000_000)
        .await
        .unwrap();
    assert_eq!(
        db.published_spaces(&SpaceFilter::default())
            .await
            .unwrap()
            .len(),
        12
    );
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn unsupported_urls_are_refused_clearly() {
    let err = app::backend::db::Db::connect("mysql://localhost/x")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("sqlite: or postgres:"), "{err}");
}

/// The online backup: a consistent copy while the database is in use, refused over an
/// existing file and on PostgreSQL (pg_dump's job).
#[tokio::test]
async fn sqlite_backups_are_complete_copies() {
    let t = TestDb::sqlite().await;
    t.db.seed(1_700_000_000).await.unwrap();
    let dir = std::env::temp_dir().join(format!("spazi_backup_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("copia's.db");
    let _ = std::fs::remove_file(&file);
    t.db.backup_sqlite(&file).await.unwrap();
    assert!(t.db.backup_sqlite(&file).await.is_err(), "never overwrites");
    let copy = app::backend::db::Db::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    let count = |db: &app::backend::db::Db| {
        let db = db.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM spaces")
                .fetch_one(db.pool())
                .await
                .unwrap();
            n
        }
    };
    assert_eq!(count(&copy).await, count(&t.db).await);
    assert!(count(&copy).await > 0);
    copy.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
    let pg = TestDb::postgres().await;
    assert!(pg.db.backup_sqlite(&dir.join("x.db")).await.is_err());
    pg.finish().await;
    t.finish().await;
}

/// Moving an installation from SQLite to PostgreSQL: every row, ids included; the copy works
/// as the live database afterwards (new rows get fresh ids, seeding adds nothing twice).
#[tokio::test]
async fn sqlite_data_moves_to_postgres() {
    use app::core::model::event::EventStatus;
    let src = TestDb::sqlite().await;
    src.db.seed(1_700_000_000).await.unwrap();
    app::backend::auth::create_staff(
        &src.db,
        "admin@example.it",
        "Admin",
        app::core::model::Role::Admin,
        "una password lunga e sicura",
        (None, "test"),
        1_700_000_000,
    )
    .await
    .unwrap();
    let rsvp = app::core::validate::rsvp::validate_rsvp(&app::core::validate::rsvp::RsvpInput {
        first_name: "Anna".into(),
        last_name: "Rossi".into(),
        email: "anna@example.it".into(),
        consent_privacy: Some("on".into()),
        ..Default::default()
    })
    .unwrap();
    let june = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let compose = |n: &app::backend::db::Notice| app::backend::mail::Email {
        to: n.email.clone(),
        subject: "ok".into(),
        ..Default::default()
    };
    src.db
        .register(app::backend::db::Registration::new(
            "lancio-forum-2022",
            rsvp,
            app::i18n::Lang::It,
            june,
            std::sync::Arc::new(compose),
        ))
        .await
        .unwrap();

    let dest = TestDb::postgres().await;
    let report = src.db.transfer_to(&dest.db).await.unwrap();
    assert_eq!(report.len(), app::backend::db::TABLES.len());
    for (table, copied) in &report {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(dest.db.pool())
            .await
            .unwrap();
        assert_eq!(n as u64, *copied, "{table}");
    }
    let copied = |t: &str| report.iter().find(|(n, _)| *n == t).unwrap().1;
    assert_eq!(copied("spaces"), 12);
    assert_eq!(
        (
            copied("rsvps"),
            copied("staff_users"),
            copied("email_outbox"),
            copied("email_bodies")
        ),
        (1, 1, 1, 1)
    );
    // A second transfer into a database with data is refused.
    assert!(src.db.transfer_to(&dest.db).await.is_err());
    // The copy is live: the same registration, sequences past the copied ids, seed idempotent.
    let id = dest
        .db
        .event_id("lancio-forum-2022")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(dest.db.rsvp_counts(id).await.unwrap().confirmed, 1);
    assert_eq!(dest.db.seats_taken(id).await.unwrap().0, 1);
    let new_event = app::core::validate::event::ValidEvent {
        slug: "dopo-il-trasloco".into(),
        title_it: "Dopo".into(),
        starts_at: june + 86_400,
        ends_at: june + 90_000,
        venue_name: "Sala".into(),
        venue_address: "Via Zamboni 13".into(),
        organiser: "Città metropolitana".into(),
        contact_email: "progimpresa@cittametropolitana.bo.it".into(),
        capacity: 5,
        ..Default::default()
    };
    let new_id = dest
        .db
        .insert_event(&new_event, EventStatus::Published, june)
        .await
        .unwrap();
    assert!(new_id > id);
    let report = dest.db.seed(1_700_000_000).await.unwrap();
    assert_eq!(report.spaces_inserted, 0);
    src.finish().await;
    dest.finish().await;
}

/// The transfer's table lists name every table the migrations create.
#[test]
fn the_transfer_knows_every_table() {
    let mut created = Vec::new();
    for entry in std::fs::read_dir("../migrations/postgres").unwrap() {
        let sql = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in sql.split("CREATE TABLE ").skip(1) {
            created.push(part.split_whitespace().next().unwrap().to_owned());
        }
    }
    created.sort();
    let mut listed: Vec<String> = app::backend::db::TABLES
        .iter()
        .chain(app::backend::db::DERIVED_TABLES.iter())
        .map(|t| t.to_string())
        .collect();
    listed.sort();
    assert_eq!(created, listed);
}

/// The write-ahead log is checkpointed by the server's checkpointer, not inside a writer's
/// commit (where its disk waits would stall every registration behind it); SQLite's own
/// automatic checkpoint stays as a far backstop.
async fn the_log_is_checkpointed_off_the_writers_path(t: &TestDb) {
    t.db.seed(1_700_000_000).await.unwrap();
    let pages = t.db.checkpoint().await.unwrap();
    if t.db.backend() == app::backend::db::Backend::Postgres {
        assert_eq!(pages, 0, "nothing to do on PostgreSQL");
        return;
    }
    assert!(pages > 0, "the seed went through the log");
    let (auto,): (i64,) = sqlx::query_as("PRAGMA wal_autocheckpoint")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!(auto, 10_000);
    // Everything in the log is now in the database file: a second pass has nothing left.
    let (busy, log, done): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!((busy, done), (0, log));
}
on_both_backends!(the_log_is_checkpointed_off_the_writers_path);
