//! Staff authentication (server only): argon2id password hashes, sessions stored in the database
//! behind an opaque cookie, and throttling then lockout of repeated failed sign-ins — per e-mail
//! (known or not, so the lockout reveals nothing) and per client address.

use crate::db::{Db, DbError, Failures};
use crate::model::{Role, StaffUser};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

pub const SESSION_COOKIE: &str = "spazi_session";
/// The cookie (and so the session) is only sent to the staff area.
pub const COOKIE_PATH: &str = "/admin";
/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: i64 = 2 * 3600;
/// …and in any case this long after sign-in.
pub const ABSOLUTE_TIMEOUT: i64 = 12 * 3600;
/// Failures are counted over this window, and a lockout lasts this long after the last one.
pub const LOCK_WINDOW: i64 = 15 * 60;
pub const MAX_EMAIL_FAILURES: i64 = 5;
pub const MAX_ADDRESS_FAILURES: i64 = 20;
/// `last_seen_at` is written at most this often, to spare the database a write per request.
const TOUCH_EVERY: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Hashes a password with argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`; false for a malformed hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the account does not exist, so that answering takes as long
/// as for a real account.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password("not a real password").unwrap_or_default())
}

/// E-mails are compared trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// 32 random bytes, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// A secret that sorts by the time it was made: 64 hex characters, the first 16 the time in
/// microseconds since 1970 (by the system clock) and the other 48 random (192 bits). For
/// secrets kept in a unique index and made in bursts — registrations' personal links: random
/// ones land on a random page of the index each, so a group of registrations rewrote as many
/// pages of it as it had registrations (on SQLite, about a third of the log written per
/// registration); these are added at the index's end, a page or two per group. The time in a
/// personal link tells its holder when they registered, which the page says anyway.
pub fn new_ordered_token() -> String {
    let micros = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&micros.to_be_bytes());
    OsRng.fill_bytes(&mut bytes[8..]);
    hex(&bytes)
}

/// What the database stores instead of the cookie's token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `Set-Cookie` value for a new session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path={COOKIE_PATH}; Max-Age={ABSOLUTE_TIMEOUT}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; Path={COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Reads one cookie from a `Cookie` header value.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v.trim())
    })
}

#[derive(Debug)]
pub enum SignIn {
    /// Signed in: put `token` in the cookie.
    Success {
        user: StaffUser,
        token: String,
    },
    WrongCredentials,
    /// Too many failures: try again after `retry_after` seconds.
    Locked {
        retry_after: i64,
    },
}

fn locked_for(failures: &Failures, now: i64) -> Option<i64> {
    let until = |latest: Option<i64>| latest.unwrap_or(now) + LOCK_WINDOW - now;
    if failures.by_email >= MAX_EMAIL_FAILURES {
        Some(until(failures.email_latest).max(1))
    } else if failures.by_address >= MAX_ADDRESS_FAILURES {
        Some(until(failures.address_latest).max(1))
    } else {
        None
    }
}

/// Checks the credentials, slowing down repeated failures and refusing while locked, and opens
/// a new session on success (a new token every time: sessions are never reused across sign-ins).
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
    now: i64,
) -> Result<SignIn, AuthError> {
    let email = normalize_email(email);
    let failures = db
        .recent_failures(&email, address, now - LOCK_WINDOW)
        .await?;
    if let Some(retry_after) = locked_for(&failures, now) {
        return Ok(SignIn::Locked { retry_after });
    }
    // Slow down guessing before the lock: one more second for each failure past the second.
    let delay = (failures.by_email - 2).clamp(0, 3) as u64;
    if delay > 0 {
        tokio::time::sleep(std::time::Duration::from_secs(delay)).await;
    }
    let record = db.staff_by_email(&email).await?;
    let password = password.to_owned();
    let stored = record
        .as_ref()
        .filter(|r| r.disabled == 0)
        .map(|r| r.password_hash.clone());
    // Hashing is CPU-heavy: keep it off the async workers.
    let ok = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => verify_password(&password, &hash),
        None => {
            let _ = verify_password(&password, dummy_hash());
            false
        }
    })
    .await
    .unwrap_or(false);
    db.record_sign_in_attempt(&email, address, ok, now).await?;
    let Some(record) = record.filter(|_| ok) else {
        let after = Failures {
            by_email: failures.by_email + 1,
            email_latest: Some(now),
            by_address: failures.by_address + 1,
            address_latest: Some(now),
        };
        return Ok(match locked_for(&after, now) {
            Some(retry_after) => SignIn::Locked { retry_after },
            None => SignIn::WrongCredentials,
        });
    };
    let token = new_token();
    db.create_session(
        &token_hash(&token),
        record.id,
        &new_token(),
        now,
        now + ABSOLUTE_TIMEOUT,
    )
    .await?;
    Ok(SignIn::Success {
        user: record.user(),
        token,
    })
}

/// A signed-in staff member and their session's CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: StaffUser,
    pub csrf_token: String,
    pub token_hash: String,
}

/// The live session of a cookie token: `None` when unknown, expired (then deleted) or the
/// account is disabled.
pub async fn session(db: &Db, token: &str, now: i64) -> Result<Option<Session>, DbError> {
    let hash = token_hash(token);
    let Some(rec) = db.session(&hash).await? else {
        return Ok(None);
    };
    if now >= rec.expires_at || now - rec.last_seen_at >= IDLE_TIMEOUT {
        db.delete_session(&hash).await?;
        return Ok(None);
    }
    if now - rec.last_seen_at >= TOUCH_EVERY {
        db.touch_session(&hash, now).await?;
    }
    Ok(Some(Session {
        user: StaffUser {
            id: rec.user_id,
            email: rec.email,
            name: rec.name,
            role: Role::from_code(&rec.role).unwrap_or(Role::Editor),
        },
        csrf_token: rec.csrf_token,
        token_hash: hash,
    }))
}

/// Creates a staff account (the first admin comes from the command line). The e-mail is
/// normalised; `Ok(None)` when it is taken.
pub async fn create_staff(
    db: &Db,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
    actor: (Option<i64>, &str),
    now: i64,
) -> Result<Option<i64>, AuthError> {
    let hash = hash_password(password)?;
    Ok(db
        .create_staff(
            &normalize_email(email),
            name.trim(),
            role,
            &hash,
            actor,
            now,
        )
        .await?)
}

/// How long an invitation or access link works.
pub const INVITATION_TTL: i64 = 7 * 24 * 3600;

/// Invites a colleague with the link token `token` (from [`new_token`]): creates the account
/// (no password yet) and queues `mail` (the invitation e-mail) in the same transaction.
/// Returns the account id; `Ok(None)` when the e-mail is taken.
pub async fn invite(
    db: &Db,
    invite: &crate::validate::ValidInvite,
    token: &str,
    mail: Option<&crate::mail::Email>,
    actor: (Option<i64>, &str),
    now: i64,
) -> Result<Option<i64>, DbError> {
    db.invite_staff(
        invite,
        &token_hash(token),
        now + INVITATION_TTL,
        mail,
        actor,
        now,
    )
    .await
}

/// A fresh access link `token` for an existing account, with its e-mail queued alongside;
/// `Ok(false)` when there is no such account.
pub async fn access_link(
    db: &Db,
    user_id: i64,
    token: &str,
    mail: Option<&crate::mail::Email>,
    actor: (Option<i64>, &str),
    now: i64,
) -> Result<bool, DbError> {
    db.new_access_link(
        user_id,
        &token_hash(token),
        now + INVITATION_TTL,
        mail,
        actor,
        now,
    )
    .await
}

/// Sets the password of the invitation's account (the caller validated it); `Ok(None)` when
/// the link is unknown, used or expired.
pub async fn accept_invitation(
    db: &Db,
    token: &str,
    password: &str,
    now: i64,
) -> Result<Option<StaffUser>, AuthError> {
    if db
        .invitation_account(&token_hash(token), now)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let password = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AuthError::Hash(e.to_string()))??;
    Ok(db.accept_invitation(&token_hash(token), &hash, now).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash_password("correct horse battery").unwrap();
        let b = hash_password("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "a random salt each time");
        assert!(verify_password("correct horse battery", &a));
        assert!(!verify_password("correct horse batterz", &a));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let t1 = new_token();
        let t2 = new_token();
        assert_eq!(t1.len(), 64);
        assert_ne!(t1, t2);
        assert_ne!(token_hash(&t1), t1);
        assert_eq!(token_hash(&t1), token_hash(&t1));
    }

    #[test]
    fn ordered_tokens_sort_by_time_and_end_random() {
        let tokens: Vec<String> = (0..50)
            .map(|_| {
                std::thread::sleep(std::time::Duration::from_micros(2));
                new_ordered_token()
            })
            .collect();
        for t in &tokens {
            assert_eq!(t.len(), 64);
            assert!(t
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        }
        assert!(
            tokens.windows(2).all(|w| w[0] < w[1]),
            "made later, sorted after"
        );
        // The first 16 characters are the time; the other 48 differ between any two.
        let ends: std::collections::HashSet<&str> = tokens.iter().map(|t| &t[16..]).collect();
        assert_eq!(ends.len(), tokens.len());
        let micros = u64::from_str_radix(&tokens[0][..16], 16).unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_micros() as u64;
        assert!(now >= micros && now - micros < 60_000_000);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_on_https() {
        let c = session_cookie("abc", false);
        assert!(c.starts_with("spazi_session=abc; Path=/admin;"));
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        assert!(session_cookie("abc", true).ends_with("; Secure"));
        assert!(clear_session_cookie(false).contains("Max-Age=0"));
        assert_eq!(
            cookie_value("a=1; spazi_session=xyz", SESSION_COOKIE),
            Some("xyz")
        );
        assert_eq!(cookie_value("spazi_sessionx=1", SESSION_COOKIE), None);
    }

    #[test]
    fn lock_starts_at_the_limit_and_lasts_the_window() {
        let f = |by_email, by_address| Failures {
            by_email,
            email_latest: Some(1000),
            by_address,
            address_latest: Some(1000),
        };
        assert_eq!(locked_for(&f(4, 0), 1000), None);
        assert_eq!(locked_for(&f(5, 0), 1000), Some(LOCK_WINDOW));
        assert_eq!(locked_for(&f(5, 0), 1000 + 60), Some(LOCK_WINDOW - 60));
        assert_eq!(locked_for(&f(0, 20), 1000), Some(LOCK_WINDOW));
        assert_eq!(locked_for(&f(0, 19), 1000), None);
    }
}
