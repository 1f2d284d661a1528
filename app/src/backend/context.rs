//! What every part of the server shares: the configuration read at start and the state each
//! request handler, page and server function is given (database, clock, outbox signal).

use super::db::Db;
use crate::core::view::MapSettings;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Settings read from the environment at start (Leptos' own, such as `LEPTOS_SITE_ADDR`, are
/// read by Leptos).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default: `sqlite://data/spazi.db`) or `postgres://…`.
    pub database_url: String,
    /// `SPAZI_TILE_URL`: the map tile URL template; empty to draw no base map.
    pub tile_url: String,
    /// `SPAZI_TILE_ATTRIBUTION`: the attribution shown on the map (HTML, trusted).
    pub tile_attribution: String,
    /// `SPAZI_PUBLIC_URL`: the address users reach the site at, e.g. `https://spazi.example.it`.
    /// When it is `https://…`, cookies are marked `Secure`.
    pub public_url: String,
    /// `SPAZI_SMTP_URL`: where e-mail is sent, e.g. `smtp://user:pass@mail.example.it:587?tls=required`;
    /// empty (the default) writes each message as a file into `mail_dir` instead.
    pub smtp_url: Secret,
    /// `SPAZI_MAIL_DIR` (default `data/mail`): the folder of the development mail files.
    pub mail_dir: String,
    /// `SPAZI_MAIL_FROM`: the sender of every e-mail.
    pub mail_from: String,
    /// `SPAZI_STAFF_EMAIL`: where staff notifications go (new join requests).
    pub staff_email: String,
    /// `SPAZI_REPLY_TO` (default: the staff address): where replies to every e-mail go (the
    /// sender is a no-reply address); empty for none.
    pub reply_to: String,
    /// `SPAZI_RETENTION_DAYS` (default 365): how long personal data is kept once it has served
    /// (registrations after their event, rejected requests, sent e-mails).
    pub retention_days: i64,
    /// `SPAZI_DPO_CONTACT`: how to reach the data protection officer (an e-mail address or a
    /// line of text), named in the privacy notice; empty: through the controller's contact.
    pub dpo_contact: String,
    /// `SPAZI_DIGEST_HOUR` (default 8; `off` for none): the hour, Rome time, at which staff get
    /// the daily digest of the events they follow.
    pub digest_hour: Option<u8>,
    /// `SPAZI_CONFIRM_DAYS` (default 365): how long a listing's confirmed information holds;
    /// past it, its pages say so (and its managers are asked to confirm it).
    pub confirm_days: i64,
    /// `SPAZI_TRUSTED_PROXIES`: addresses of the reverse proxies in front of the server
    /// (comma-separated IPs); from them, the client's address is read from `X-Forwarded-For`.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// `SPAZI_EMBED_ORIGINS`: the sites that may frame the embedded map and events
    /// (comma-separated origins, e.g. `https://www.comune.bologna.it, https://*.comune.imola.bo.it`);
    /// empty (the default): any site. No other page may be framed by any site.
    pub embed_origins: Vec<String>,
    /// `SPAZI_NOW`: run as if it were this instant (RFC 3339, e.g. `2022-06-01T10:00:00+02:00`;
    /// the clock then runs on from there) — for demonstrations; empty for the real time.
    pub now: String,
}

/// A setting that must never be printed (it may hold a password).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

/// The address of absolute links when none is configured (the CLI commands; see
/// [`Config::base_url`]).
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:3000";

pub const DEFAULT_MAIL_FROM: &str = "Spazi per l'innovazione <noreply@spazi.localhost>";

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/spazi.db?mode=rwc";
pub const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// The same words on Italian and English pages (OpenStreetMap's short credit, linked to its
/// copyright page); every page's footer says it in full, in its language.
pub const DEFAULT_TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

/// `origin` as a CSP source (`https://host[:port]`, the host's first label may be `*`), or
/// `None` when it is not one: a path, a query, spaces or quotes would change the policy.
fn embed_origin(origin: &str) -> Option<String> {
    let (scheme, host) = origin.trim_end_matches('/').split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let bare = host.strip_prefix("*.").unwrap_or(host);
    let (name, port) = bare.rsplit_once(':').unwrap_or((bare, ""));
    let name_ok = !name.is_empty()
        && name.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let port_ok = port.is_empty() || port.parse::<u16>().is_ok();
    (name_ok && port_ok).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

impl Config {
    /// The settings from the environment, checked: every problem is reported at once, in words
    /// for the operator, and the server refuses to start on any of them.
    pub fn from_env() -> Result<Config, String> {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        let mut problems = Vec::new();
        let public_url = var("SPAZI_PUBLIC_URL", "").trim().to_owned();
        let is_web = public_url.starts_with("https://") || public_url.starts_with("http://");
        if !public_url.is_empty() && !is_web {
            problems.push(format!(
                "SPAZI_PUBLIC_URL must start with https:// or http:// (got {public_url:?})"
            ));
        }
        let now = var("SPAZI_NOW", "");
        if let Err(err) = crate::backend::clock::Clock::from_setting(&now) {
            problems.push(err);
        }
        let mut trusted_proxies = Vec::new();
        for a in var("SPAZI_TRUSTED_PROXIES", "").split(',').map(str::trim) {
            match a.parse() {
                Ok(ip) => trusted_proxies.push(ip),
                Err(_) if a.is_empty() => {}
                Err(_) => problems.push(format!(
                    "SPAZI_TRUSTED_PROXIES must list IP addresses, separated by commas (got {a:?})"
                )),
            }
        }
        let mut embed_origins = Vec::new();
        for origin in var("SPAZI_EMBED_ORIGINS", "").split(',').map(str::trim) {
            match embed_origin(origin) {
                Some(origin) => embed_origins.push(origin),
                None if origin.is_empty() => {}
                None => problems.push(format!(
                    "SPAZI_EMBED_ORIGINS must list web origins such as https://www.comune.bologna.it, \
                     separated by commas (got {origin:?})"
                )),
            }
        }
        let retention = var("SPAZI_RETENTION_DAYS", "365");
        let retention_days = match retention.trim().parse::<i64>() {
            Ok(d) if (1..=3650).contains(&d) => d,
            _ => {
                problems.push(format!(
                    "SPAZI_RETENTION_DAYS must be a number of days from 1 to 3650 (got {retention:?})"
                ));
                365
            }
        };
        let confirm = var("SPAZI_CONFIRM_DAYS", "365");
        let confirm_days = match confirm.trim().parse::<i64>() {
            Ok(d) if (30..=3650).contains(&d) => d,
            _ => {
                problems.push(format!(
                    "SPAZI_CONFIRM_DAYS must be a number of days from 30 to 3650 (got {confirm:?})"
                ));
                365
            }
        };
        let digest = var("SPAZI_DIGEST_HOUR", "8");
        let digest_hour = match digest.trim() {
            "off" | "" => None,
            hour => match hour.parse::<u8>() {
                Ok(h) if h < 24 => Some(h),
                _ => {
                    problems.push(format!(
                        "SPAZI_DIGEST_HOUR must be an hour from 0 to 23, or off (got {digest:?})"
                    ));
                    None
                }
            },
        };
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        Ok(Config {
            database_url: var("DATABASE_URL", DEFAULT_DATABASE_URL),
            tile_url: var("SPAZI_TILE_URL", DEFAULT_TILE_URL),
            tile_attribution: var("SPAZI_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION),
            public_url,
            smtp_url: Secret(var("SPAZI_SMTP_URL", "")),
            mail_dir: var("SPAZI_MAIL_DIR", "data/mail"),
            mail_from: var("SPAZI_MAIL_FROM", DEFAULT_MAIL_FROM),
            reply_to: std::env::var("SPAZI_REPLY_TO").unwrap_or_else(|_| {
                var("SPAZI_STAFF_EMAIL", "progimpresa@cittametropolitana.bo.it")
            }),
            staff_email: var("SPAZI_STAFF_EMAIL", "progimpresa@cittametropolitana.bo.it"),
            now,
            trusted_proxies,
            embed_origins,
            retention_days,
            dpo_contact: var("SPAZI_DPO_CONTACT", ""),
            digest_hour,
            confirm_days,
        })
    }

    /// The site's address for absolute links — in e-mails, calendar files, anything cached —
    /// without a trailing slash. It comes from configuration only, never from a request's
    /// `Host`: `SPAZI_PUBLIC_URL`, or, when that is empty, the loopback address the server
    /// listens on (see [`Config::require_public_url`]).
    pub fn base_url(&self) -> &str {
        match self.public_url.trim_end_matches('/') {
            "" => DEFAULT_PUBLIC_URL,
            url => url,
        }
    }

    /// Checks that absolute links have an address to use when the server listens on `addr`:
    /// with `SPAZI_PUBLIC_URL` empty, a loopback address becomes the public one (development);
    /// any other address is refused — the links would otherwise name whatever the client
    /// claimed to be visiting.
    pub fn require_public_url(&mut self, addr: std::net::SocketAddr) -> Result<(), String> {
        if !self.public_url.is_empty() {
            return Ok(());
        }
        if addr.ip().is_loopback() {
            self.public_url = format!("http://{addr}");
            Ok(())
        } else {
            Err(format!(
                "SPAZI_PUBLIC_URL must be set (e.g. https://spazi.cittametropolitana.bo.it) when \
                 listening on {addr}: links in e-mails and calendar files are built from it"
            ))
        }
    }

    /// Who may frame the embedded pages, as a CSP `frame-ancestors` source list: this site
    /// and the origins of `SPAZI_EMBED_ORIGINS`, or any site when it is empty.
    pub fn embed_ancestors(&self) -> String {
        if self.embed_origins.is_empty() {
            "*".to_owned()
        } else {
            format!("'self' {}", self.embed_origins.join(" "))
        }
    }

    /// Whether cookies must carry `Secure` (the site is served over HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn privacy_facts(&self) -> crate::core::view::PrivacyFacts {
        crate::core::view::PrivacyFacts {
            retention_days: self.retention_days,
            dpo_contact: self.dpo_contact.trim().to_owned(),
        }
    }

    /// How long a confirmation holds, for the pages (365 days unless set).
    pub fn freshness(&self) -> crate::core::view::Freshness {
        match self.confirm_days {
            0 => crate::core::view::Freshness::default(),
            days => crate::core::view::Freshness { days },
        }
    }

    pub fn map_settings(&self) -> MapSettings {
        MapSettings {
            tile_url: self.tile_url.clone(),
            attribution: self.tile_attribution.clone(),
        }
    }
}

/// Everything a request handler may need. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub config: Arc<Config>,
    /// Wakes this server's outbox worker when an e-mail was queued.
    pub outbox: crate::backend::outbox::OutboxSignal,
    /// The one source of "now".
    pub clock: crate::backend::clock::Clock,
}

#[cfg(test)]
mod tests {
    use super::{embed_origin, Config};

    #[test]
    fn embed_origins_are_origins_and_nothing_more() {
        assert_eq!(
            embed_origin("https://www.Comune.Bologna.it/").as_deref(),
            Some("https://www.comune.bologna.it")
        );
        assert_eq!(
            embed_origin("https://*.comune.imola.bo.it").as_deref(),
            Some("https://*.comune.imola.bo.it")
        );
        assert_eq!(
            embed_origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        for bad in [
            "",
            "www.comune.bologna.it",
            "ftp://x.it",
            "https://x.it/path",
            "https://x.it; script-src *",
            "https://x.it 'unsafe-inline'",
            "https://x.it:99999",
            "https://",
            "https://a..b",
        ] {
            assert_eq!(embed_origin(bad), None, "{bad}");
        }
        assert_eq!(Config::default().embed_ancestors(), "*");
        let some = Config {
            embed_origins: vec!["https://www.comune.bologna.it".into()],
            ..Config::default()
        };
        assert_eq!(
            some.embed_ancestors(),
            "'self' https://www.comune.bologna.it"
        );
    }

    #[test]
    fn absolute_links_need_a_configured_address_off_loopback() {
        let mut local = Config::default();
        local
            .require_public_url("127.0.0.1:3000".parse().unwrap())
            .unwrap();
        assert_eq!(local.base_url(), "http://127.0.0.1:3000");
        let mut local6 = Config::default();
        local6
            .require_public_url("[::1]:8080".parse().unwrap())
            .unwrap();
        assert_eq!(local6.base_url(), "http://[::1]:8080");
        let err = Config::default()
            .require_public_url("0.0.0.0:3000".parse().unwrap())
            .unwrap_err();
        assert!(err.contains("SPAZI_PUBLIC_URL"));
        let mut public = Config {
            public_url: "https://spazi.example.it/".into(),
            ..Config::default()
        };
        public
            .require_public_url("0.0.0.0:3000".parse().unwrap())
            .unwrap();
        assert_eq!(public.base_url(), "https://spazi.example.it");
    }
}
