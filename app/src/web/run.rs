//! Starting the server: configuration, database (created, migrated, seeded), the workers
//! (outbox, maintenance, SQLite checkpoints), then serving until Ctrl-C or SIGTERM.

use super::router::router;
use crate::backend::context::{AppState, Config};
use crate::backend::db::{Db, DbError};
use leptos::prelude::get_configuration;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("Leptos configuration: {0}")]
    Leptos(String),
    #[error("database: {0}")]
    Db(#[from] DbError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Serve(std::io::Error),
    #[error("e-mail settings: {0}")]
    Mail(#[from] crate::backend::mail::MailError),
    #[error("{0}")]
    Config(String),
}

/// Starts Spazi: configuration, database (created, migrated, seeded), then serves until
/// Ctrl-C or SIGTERM.
pub async fn run() -> Result<(), StartError> {
    let conf = get_configuration(None).map_err(|e| StartError::Leptos(e.to_string()))?;
    let leptos_options = conf.leptos_options;
    let addr = leptos_options.site_addr;
    let mut config = Config::from_env().map_err(StartError::Config)?;
    config
        .require_public_url(addr)
        .map_err(StartError::Config)?;
    let clock =
        crate::backend::clock::Clock::from_setting(&config.now).map_err(StartError::Config)?;
    if clock.is_shifted() {
        tracing::warn!(
            now = %crate::core::datetime::utc_iso(clock.now()),
            "SPAZI_NOW is set: the application runs at a chosen time, not the real one"
        );
    }
    crate::web::static_files::prepare(std::path::Path::new(&*leptos_options.site_root));
    let db = Db::open(&config.database_url, clock.now()).await?;
    tracing::info!(backend = ?db.backend(), "database ready");
    let mailer = crate::backend::mail::Mailer::from_config(
        &config.smtp_url.0,
        &config.mail_dir,
        &config.mail_from,
        &config.reply_to,
    )?;
    let outbox = crate::backend::outbox::OutboxSignal::default();
    // The workers stop with the server (after the round they are in).
    let (stop_workers, workers_stop) = tokio::sync::watch::channel(());
    let stopped = |mut rx: tokio::sync::watch::Receiver<()>| async move {
        let _ = rx.changed().await;
    };
    let worker = tokio::spawn(crate::backend::outbox::run(
        db.clone(),
        mailer,
        outbox.clone(),
        clock,
        stopped(workers_stop.clone()),
    ));
    let base = config.base_url().to_owned();
    let maintenance = tokio::spawn(crate::backend::maintenance::run(
        db.clone(),
        clock,
        crate::backend::maintenance::Settings {
            base,
            retention_days: config.retention_days,
            digest_hour: config.digest_hour,
            confirm_days: config.freshness().days,
        },
        outbox.clone(),
        stopped(workers_stop.clone()),
    ));
    let checkpointer = (db.backend() == crate::backend::db::Backend::Sqlite).then(|| {
        tokio::spawn(crate::backend::maintenance::checkpoints(
            db.clone(),
            stopped(workers_stop),
        ))
    });
    let state = AppState {
        leptos_options,
        db: db.clone(),
        config: Arc::new(config),
        outbox,
        clock,
    };
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    tracing::info!("listening on http://{addr}");
    // Writes that make no progress are cut off; `tap_io` only makes axum hand each request
    // its client's address (`ConnectInfo`) through the wrapper.
    use axum::serve::ListenerExt;
    let listener =
        crate::web::listener::TimeoutListener::new(listener, crate::web::listener::WRITE_TIMEOUT)
            .tap_io(|_| {});
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartError::Serve)?;
    let _ = stop_workers.send(());
    let _ = worker.await;
    let _ = maintenance.await;
    if let Some(checkpointer) = checkpointer {
        let _ = checkpointer.await;
    }
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
