//! The Spazi server binary: serves the site (no arguments), or runs an administrative command.
//! All the work is in `app`; this parses the command line and sets up logging.

use app::core::model::Role;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// Rust's allocations go to mimalloc: with glibc's allocator, `malloc` and `free` took about a
/// seventh of the server's CPU time while it registered RSVPs (a `perf` profile of the RSVP
/// step: `_int_malloc`, `_int_free`, `malloc_consolidate`, and threads waiting for each other
/// on the arenas' locks, which `limit_malloc_arenas` makes few). SQLite's own allocations stay
/// with glibc. See `tune_allocator` for its settings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc by default commits its arenas' memory up front on Linux and gives freed pages back
/// to the system a second later: under the RSVP load the server's peak resident memory was
/// 57–61 MB instead of glibc's 37 (the target is under 64 MB, and the exports add to it).
/// Committing on demand and giving pages back at once: 37–40 MB for the same throughput
/// (alternating runs, `bench/ab.mjs`). The options must be set before mimalloc makes its first
/// arena, at the first allocation, before `main` (set from `main`, the peak was still 48–53
/// MB): so this runs as a constructor ordered before mimalloc's own (priority 101), and
/// allocates nothing. `MIMALLOC_ARENA_EAGER_COMMIT` and `MIMALLOC_PURGE_DELAY` in the
/// environment still decide, when set.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[link_section = ".init_array.00100"]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" fn tune_allocator() {
    // mimalloc 3.3's `mi_option_e` (include/mimalloc.h of libmimalloc-sys 0.1.49, pinned).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    for (option, variable) in [
        (ARENA_EAGER_COMMIT, c"MIMALLOC_ARENA_EAGER_COMMIT"),
        (PURGE_DELAY, c"MIMALLOC_PURGE_DELAY"),
    ] {
        // SAFETY: before any thread exists, getenv reads the environment and mi_option_set
        // writes one entry (a valid index for this version) of the allocator's options.
        unsafe {
            if libc::getenv(variable.as_ptr()).is_null() {
                libmimalloc_sys::mi_option_set(option, 0);
            }
        }
    }
}

#[derive(Parser)]
#[command(
    name = "server",
    about = "Spazi: the web platform of the Forum metropolitano degli spazi per l'innovazione"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (the default).
    Serve,
    /// Copy the SQLite database to a new file while the server runs (a consistent snapshot).
    /// For PostgreSQL use pg_dump (see the README).
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Copy this installation's SQLite database (DATABASE_URL) into a new, empty PostgreSQL
    /// database, which is migrated first. Stop the server while it runs.
    Transfer {
        /// The PostgreSQL database, e.g. postgres://spazi@db/spazi.
        #[arg(long)]
        to: String,
    },
    /// Add a large made-up data set (spaces, events, registrations) for benchmarks and load
    /// tests. Never on a real installation: the rows are marked, but they are published.
    Generate {
        #[arg(long, default_value_t = 5_000)]
        spaces: usize,
        #[arg(long, default_value_t = 20)]
        events: usize,
        #[arg(long, default_value_t = 50_000)]
        rsvps: usize,
        /// Published spaces given a made-up photo (the seed's first).
        #[arg(long, default_value_t = 0)]
        photos: usize,
    },
    /// One person's data (GDPR requests), by e-mail address.
    Person {
        #[command(subcommand)]
        action: PersonAction,
    },
    /// Manage staff accounts.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Compress the site's static files once at brotli's best quality (`serve` runs it in a
    /// child process at start; see app::web::static_files).
    #[command(hide = true)]
    Precompress { site_root: std::path::PathBuf },
}

#[derive(Subcommand)]
enum AdminAction {
    /// Create a staff account in the database of DATABASE_URL. The password is prompted on a
    /// terminal, or read from the first line of standard input — never from the command line.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Amministratore")]
        name: String,
        #[arg(long, value_enum, default_value_t = RoleArg::Admin)]
        role: RoleArg,
    },
}

#[derive(Subcommand)]
enum PersonAction {
    /// Print, as JSON, everything stored about the address (access and portability).
    Export {
        #[arg(long)]
        email: String,
    },
    /// Erase everything stored about the address: registrations for events to come are
    /// cancelled (the seats go to the waiting list), then all are anonymised; contact details
    /// of requests to join are blanked; e-mails to the address are deleted.
    Erase {
        #[arg(long)]
        email: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Editor,
}

fn read_password() -> std::io::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Password (again): ")?;
        if first != again {
            return Err(std::io::Error::other("the two passwords differ"));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// The end of an administrative command: its message on standard output and success, or on
/// standard error and failure.
fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run()),
        Err(err) => {
            eprintln!("Cannot start the runtime: {err}");
            ExitCode::FAILURE
        }
    }
}

/// glibc's allocator (SQLite's, since Rust's allocations go to mimalloc) gives threads up to
/// eight arenas per core, each keeping the memory it freed: under load the server's threads
/// (request workers, SQLite's connection threads, the writers' thread, blocking file writes)
/// grew its resident memory from about 50 to 70–80 MB with no more data in use, when glibc
/// served everything. Two arenas, set before any thread starts, measured 54 MB.
/// And SQLite's large buffers (a row of megabytes: an import's file, written or read) are
/// mapped on their own and given back when freed: by default glibc raises that threshold
/// after the first such buffer is freed, and then keeps the next ones in an arena, where the
/// memory stayed with the process after each import upload.
/// `MALLOC_ARENA_MAX` and `MALLOC_MMAP_THRESHOLD_` in the environment still decide, when set.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    for (option, value, variable) in [
        (libc::M_ARENA_MAX, 2, "MALLOC_ARENA_MAX"),
        (libc::M_MMAP_THRESHOLD, 256 * 1024, "MALLOC_MMAP_THRESHOLD_"),
    ] {
        if std::env::var_os(variable).is_none() {
            // SAFETY: mallopt only sets an allocator parameter; called before any other
            // thread exists.
            unsafe {
                libc::mallopt(option, value);
            }
        }
    }
}

async fn run() -> ExitCode {
    // Logs: human-readable lines, or one JSON object per line (SPAZI_LOG_FORMAT=json) for a
    // log collector; each request's lines carry its id (see app::web::security).
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    if std::env::var("SPAZI_LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => match app::web::run::run().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                tracing::error!("{err}");
                ExitCode::FAILURE
            }
        },
        Command::Person { action } => {
            let result = match action {
                PersonAction::Export { email } => app::backend::cli::export_person(&email).await,
                PersonAction::Erase { email } => app::backend::cli::erase_person(&email).await,
            };
            finish(result)
        }
        Command::Generate {
            spaces,
            events,
            rsvps,
            photos,
        } => finish(
            app::backend::cli::generate(app::backend::db::SyntheticSpec {
                spaces,
                events,
                rsvps,
                photos,
            })
            .await,
        ),
        Command::Precompress { site_root } => {
            match app::web::static_files::compress_all(&site_root) {
                Ok(_) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("Cannot precompress {}: {err}", site_root.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Transfer { to } => finish(app::backend::cli::transfer(&to).await),
        Command::Backup { to } => finish(app::backend::cli::backup(&to).await),
        Command::Admin {
            action: AdminAction::Create { email, name, role },
        } => {
            let password = match read_password() {
                Ok(p) => p,
                Err(err) => {
                    eprintln!("Cannot read the password: {err}");
                    return ExitCode::FAILURE;
                }
            };
            let role = match role {
                RoleArg::Admin => Role::Admin,
                RoleArg::Editor => Role::Editor,
            };
            finish(app::backend::cli::create_staff_account(&email, &name, role, &password).await)
        }
    }
}
