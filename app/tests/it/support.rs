//! Test databases. SQLite: a new file in a temporary directory. PostgreSQL: a new database on
//! the server at `SPAZI_TEST_POSTGRES_URL` (default: this machine's, postgres@127.0.0.1:5432),
//! created for the test and dropped by `TestDb::finish`.

use app::backend::db::Db;
use sqlx::{AnyConnection, Connection, Executor};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

pub fn postgres_admin_url() -> String {
    std::env::var("SPAZI_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

pub enum Cleanup {
    SqliteDir(std::path::PathBuf),
    PostgresDb(String),
}

pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

impl TestDb {
    /// An empty, migrated SQLite database (not seeded).
    pub async fn sqlite() -> TestDb {
        let t = TestDb::sqlite_unmigrated().await;
        t.db.migrate().await.expect("migrate sqlite");
        t
    }

    /// An empty SQLite database without any table (to test a migration).
    pub async fn sqlite_unmigrated() -> TestDb {
        let dir = std::env::temp_dir().join(unique("spazi_it"));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}/spazi.db?mode=rwc", dir.display());
        let db = Db::connect(&url).await.expect("connect sqlite");
        TestDb {
            db,
            url,
            cleanup: Cleanup::SqliteDir(dir),
        }
    }

    /// An empty, migrated PostgreSQL database (not seeded).
    pub async fn postgres() -> TestDb {
        let t = TestDb::postgres_unmigrated().await;
        t.db.migrate().await.expect("migrate postgres");
        t
    }

    /// An empty PostgreSQL database without any table (to test a migration).
    pub async fn postgres_unmigrated() -> TestDb {
        sqlx::any::install_default_drivers();
        let admin = postgres_admin_url();
        let name = unique("spazi_it");
        let mut conn = AnyConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL is needed for these tests ({admin}): {e}"));
        conn.execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create test database");
        conn.close().await.ok();
        let (base, _) = admin
            .rsplit_once('/')
            .expect("database URL with a database name");
        let url = format!("{base}/{name}");
        let db = Db::connect(&url).await.expect("connect postgres");
        TestDb {
            db,
            url,
            cleanup: Cleanup::PostgresDb(name),
        }
    }

    /// Closes the pool and removes the database.
    pub async fn finish(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::SqliteDir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PostgresDb(name) => {
                let mut conn = AnyConnection::connect(&postgres_admin_url()).await.unwrap();
                conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await
                    .unwrap();
            }
        }
    }
}

/// Runs the async test function `$name(&TestDb)` once on SQLite and once on PostgreSQL, as the
/// tests `$name::sqlite` and `$name::postgres`.
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let t = $crate::support::TestDb::sqlite().await;
                super::$name(&t).await;
                t.finish().await;
            }

            #[tokio::test]
            async fn postgres() {
                let t = $crate::support::TestDb::postgres().await;
                super::$name(&t).await;
                t.finish().await;
            }
        }
    };
}
pub(crate) use on_both_backends;
