//! The data layer: the only module with SQL. One code path for SQLite (the embedded default) and
//! PostgreSQL (the scale-out path) through sqlx's `Any` driver and portable SQL: `$n`
//! placeholders, `ON CONFLICT`, `RETURNING`, plain column types (see migrations/).

mod audit;
mod confirmations;
mod digests;
mod door;
mod events;
mod imports;
mod manager_sessions;
mod managers;
mod merge;
mod municipalities;
mod outbox;
mod passwords;
mod photos;
mod registrations;
mod retention;
mod review;
mod revisions;
mod rsvp_edit;
mod rsvps;
mod search;
mod seed;
mod sessions;
mod spaces;
mod staff;
mod staff_events;
mod staff_spaces;
mod submissions;
mod synthetic;
mod transfer;

pub use audit::{audit_view, change_list, insert_audit, AuditEntry, AuditRecord};
pub use confirmations::{
    ComposeConfirmation, ConfirmationMail, ConfirmationRecord, NewToken, REMIND_AFTER,
};
pub use digests::{DigestCompose, DigestEvent};
pub use door::{Addition, AGAIN_WITHIN};
pub use imports::{ChangedSince, ImportChange, ImportRecord, RevertPlan, Reverted};
pub use manager_sessions::ManagerSessionRecord;
pub use managers::ManagerSource;
pub use merge::Merged;
pub use outbox::{enqueue, OutboxCounts, OutboxMessage};
pub use photos::{PhotoSize, StoredPhoto};
pub use registrations::{ClientLimit, Composer, Registration};
pub use retention::{PersonalData, RetentionReport};
pub use review::SubmissionRecord;
pub use revisions::{Approved, RevisionRecord};
pub use rsvp_edit::Correction;
pub use rsvps::{CancelOutcome, Compose, Notice, NoticeKind, RsvpOutcome};
pub use seed::{find_or_insert_organisation, insert_space, NewSpace, SeedReport};
pub use sessions::{Failures, SessionRecord};
pub use staff::{AccountChange, StaffRecord, NO_PASSWORD};
pub use staff_events::EventSave;
pub use staff_spaces::{diff, ImportMark, Saved, StaffSpace};
pub use submissions::{
    recipient_limit, SubmissionSummary, MAX_MAILS_PER_RECIPIENT, RECIPIENT_WINDOW,
};
pub use synthetic::{SyntheticReport, SyntheticSpec};
pub use transfer::{TransferReport, DERIVED_TABLES, TABLES};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::str::FromStr;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("DATABASE_URL must start with sqlite: or postgres: (got {0:?})")]
    UnsupportedUrl(String),
    #[error("could not create the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("seed data is invalid: {0}")]
    Seed(String),
    #[error("{0}")]
    Backup(String),
    #[error("{0}")]
    Transfer(String),
    #[error("the writers' thread stopped: {0}")]
    Writer(String),
    #[error("a group of registrations counted more seats than event {0} has left")]
    SeatsMoved(i64),
}

impl DbError {
    /// Whether the database refused a value itself rather than failing: PostgreSQL's text
    /// cannot hold a NUL character (SQLite's can), so a key or a name with one is an answer
    /// about the input — no such record can exist — not an outage.
    pub fn is_bad_input(&self) -> bool {
        match self {
            DbError::Sqlx(sqlx::Error::Database(e)) => {
                matches!(e.code().as_deref(), Some("22021" | "22P05"))
            }
            _ => false,
        }
    }
}

/// The SQLite writers' thread (see [`Db::on_writer`]): a single-threaded runtime, started on
/// first use and shared by the process.
fn writer_runtime() -> &'static tokio::runtime::Handle {
    static WRITER: std::sync::OnceLock<tokio::runtime::Handle> = std::sync::OnceLock::new();
    WRITER.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .thread_name("spazi-writer")
            .build()
            .expect("the writers' runtime starts");
        let handle = runtime.handle().clone();
        std::thread::Builder::new()
            .name("spazi-writer".into())
            .spawn(move || runtime.block_on(std::future::pending::<()>()))
            .expect("the writers' thread starts");
        handle
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Self, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }
}

/// A write transaction (see `Db::begin_write`): used like sqlx's `Transaction` (`&mut *tx` is
/// the connection), and on SQLite it holds the writers' turn until it is committed or dropped.
pub struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// The database handle: a pool and which backend is behind it. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer at a time; its writers take turns here, in order, rather than in
    /// SQLite's busy handler, which sleeps and retries (up to 100 ms a time) and under a burst of
    /// registrations turns a sub-millisecond transaction into a long, unfair wait. One per
    /// database handle, so per process: a SQLite installation is one process by nature.
    write_gate: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// The installation's form-signing secret, once read (see `form_secret`).
    form_secret: std::sync::Arc<tokio::sync::OnceCell<String>>,
    /// The process's registration queue (see `registrations`), started on first use.
    registrations: registrations::Queue,
}

impl Db {
    /// Connects (creating the SQLite file and its directory when needed), without migrating.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        if backend == Backend::Sqlite {
            ensure_sqlite_dir(url)?;
        }
        let options = AnyConnectOptions::from_str(url)?.disable_statement_logging();
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Wait for a lock instead of failing at once; NORMAL is durable in WAL
                        // mode except on power loss; SQLite leaves foreign keys off by default.
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        // Checkpoints are the server's checkpointer's job (`checkpoint`), not
                        // the committing writer's: a checkpoint waits for the disk (fsync), and
                        // inside a commit that wait stalls every registration queued behind it.
                        // This is the backstop if nothing checkpoints (about 40 MB of WAL).
                        conn.execute("PRAGMA wal_autocheckpoint = 10000").await?;
                        // Each connection keeps its own page cache (2 MB by default, eight
                        // connections): under a burst of writes they filled and the server's
                        // memory grew with them. The file's pages stay in the system's cache,
                        // so a smaller one costs a system call, not a disk read.
                        conn.execute("PRAGMA cache_size = -512").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // Persistent for the file: readers never block the writer.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        Ok(Db {
            pool,
            backend,
            write_gate: Default::default(),
            form_secret: Default::default(),
            registrations: Default::default(),
        })
    }

    /// Connects, applies the migrations of the backend, and loads the seed data (stamped
    /// `now`, from the application's clock).
    pub async fn open(url: &str, now: i64) -> Result<Db, DbError> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        db.seed(now).await?;
        Ok(db)
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// A transaction that will write: on SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a read followed by a write never fails with SQLITE_BUSY.
    pub async fn begin_write(&self) -> Result<WriteTx, DbError> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let turn = self.write_gate.clone().lock_owned().await;
                WriteTx {
                    tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
                    _turn: Some(turn),
                }
            }
            Backend::Postgres => WriteTx {
                tx: self.pool.begin().await?,
                _turn: None,
            },
        })
    }

    /// Runs one writing statement in the writers' turn (see `begin_write`): a statement sent
    /// straight to the pool waits in SQLite's busy handler instead, which sleeps and retries,
    /// and behind a long run of turns (an import of thousands of rows) gave up after its
    /// 10 s timeout ("database is locked").
    pub async fn write_one<'q>(
        &self,
        statement: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<sqlx::any::AnyQueryResult, DbError> {
        let mut tx = self.begin_write().await?;
        let done = statement.execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Runs a write `job` (built from this handle) where its turn is not slowed by the rest of
    /// the server: on SQLite, on the writers' own thread. A transaction holds SQLite's only
    /// write lock while each of its statements goes to the connection's thread and back; on
    /// the request runtime, every one of those wake-ups waits behind the tasks of every other
    /// request, so under load the lock is held mostly while waiting. On the writers' thread
    /// the transaction runs without that queue. PostgreSQL runs the job where it is.
    pub async fn on_writer<T, F, Fut>(&self, job: F) -> Result<T, DbError>
    where
        F: FnOnce(Db) -> Fut,
        Fut: std::future::Future<Output = Result<T, DbError>> + Send + 'static,
        T: Send + 'static,
    {
        let future = job(self.clone());
        match self.backend {
            Backend::Postgres => future.await,
            Backend::Sqlite => match writer_runtime().spawn(future).await {
                Ok(result) => result,
                Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
                Err(err) => Err(DbError::Writer(err.to_string())),
            },
        }
    }

    /// Copies what the SQLite write-ahead log holds into the database file, as far as readers
    /// allow, without holding up writers (`PASSIVE`); the disk waits happen here, on a pool
    /// connection's thread, instead of in a writer's commit. Returns the log's length in pages.
    /// Nothing to do on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<i64, DbError> {
        if self.backend != Backend::Sqlite {
            return Ok(0);
        }
        let (_busy, log, _done): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.pool)
            .await?;
        Ok(log)
    }

    /// Writes a consistent copy of a SQLite database to `to` (a new file), without stopping
    /// writers for longer than the copy takes. PostgreSQL is backed up with its own tools.
    pub async fn backup_sqlite(&self, to: &std::path::Path) -> Result<(), DbError> {
        if self.backend != Backend::Sqlite {
            return Err(DbError::Backup(
                "backup copies SQLite databases; back up PostgreSQL with pg_dump".into(),
            ));
        }
        if to.exists() {
            return Err(DbError::Backup(format!(
                "{} exists already: choose a new file",
                to.display()
            )));
        }
        let path = to
            .to_str()
            .ok_or_else(|| DbError::Backup("the backup path must be valid UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The placeholders of a statement written at run time (multi-row inserts, `IN` lists), in the
/// order they are written: `$1, $2, …` on PostgreSQL; on SQLite anonymous `?`s, each taking the
/// next value. SQLite looks a numbered parameter's name up by scanning the statement's list of
/// names, and sqlx asks it for every parameter's name when it binds, so the n values of
/// `$1 … $n` took time in n² to bind: 2 % of the server's CPU time during a burst of RSVPs (an
/// insert of 64 registrations has 896 values), spent while holding the write lock. Anonymous
/// ones have no name to look up. So each value is bound once, in the order of its placeholder,
/// and a statement never mixes the two kinds (sqlx numbers anonymous ones from the first value).
struct Params {
    numbered: bool,
    next: usize,
}

impl Params {
    /// The placeholders of a new statement for `backend`.
    fn new(backend: Backend) -> Self {
        Params {
            numbered: backend != Backend::Sqlite,
            next: 1,
        }
    }

    /// The placeholders of a new statement on `conn`'s database.
    fn on(conn: &sqlx::AnyConnection) -> Self {
        Params::new(if conn.backend_name().eq_ignore_ascii_case("sqlite") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        })
    }

    /// The next value's placeholder.
    fn one(&mut self) -> String {
        self.next += 1;
        if self.numbered {
            format!("${}", self.next - 1)
        } else {
            "?".to_owned()
        }
    }

    /// The next `count` values' placeholders, comma-separated: "$3, $4, $5" or "?, ?, ?".
    fn list(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| self.one())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Creates the directory of a `sqlite:` URL's file, so the first start needs no setup.
fn ensure_sqlite_dir(url: &str) -> Result<(), DbError> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path.starts_with(':') {
        return Ok(()); // in memory
    }
    if let Some(dir) = std::path::Path::new(path).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|source| DbError::DataDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
    }
    Ok(())
}
