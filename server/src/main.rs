//! The Spazi server binary. All the work is in `app::server`; this only sets up logging.

use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    if let Err(err) = app::server::run().await {
        tracing::error!("{err}");
        std::process::exit(1);
    }
}
