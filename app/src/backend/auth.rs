//! Staff authentication (server only): argon2id password hashes, sessions stored in the database
//! behind an opaque cookie, and throttling then lockout of repeated failed sign-ins — per e-mail
//! (known or not, so the lockout reveals nothing) and per client address.

use crate::backend::db::{Db, DbError, Failures, StaffRecord};
use crate::core::model::Role;
use crate::core::paths;
use crate::core::view::StaffUser;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

pub const SESSION_COOKIE: &str = "spazi_session";
/// The cookie (and so the session) is only sent to the staff area.
pub const COOKIE_PATH: &str = paths::ADMIN;
/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: i64 = 2 * 3600;
/// …and in any case this long after sign-in.
pub const ABSOLUTE_TIMEOUT: i64 = 12 * 3600;
/// Failures are counted over this window, and a lockout lasts this long after the last one.
pub const LOCK_WINDOW: i64 = 15 * 60;
pub const MAX_EMAIL_FAILURES: i64 = 5;
pub const MAX_ADDRESS_FAILURES: i64 = 20;
/// `last_seen_at` is written at most this often, to spare the database a write per request.
pub const TOUCH_EVERY: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Busy(#[from] Busy),
}

/// argon2id's memory cost (KiB), passes and lanes for new hashes: 7 MiB and five passes, one
/// of the settings OWASP's password storage cheat sheet gives as equally strong as 19 MiB and
/// two passes (argon2's default). Each check holds its memory for the duration, so the smaller
/// one keeps the server's memory low when sign-ins come together. Hashes made with other
/// settings still verify with theirs (they are in the PHC string).
pub const ARGON2_MEMORY_KIB: u32 = 7 * 1024;
pub const ARGON2_PASSES: u32 = 5;

fn argon2() -> Argon2<'static> {
    let params = argon2::Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, 1, None)
        .expect("argon2 parameters within range");
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// Hashes a password with argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`. A hash that is not one — an invited
/// account without a password yet — is answered after checking against [`dummy_hash`], so it
/// takes as long as a real account's: the time of an answer tells no account apart.
pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => argon2_verify(password, &parsed),
        Err(_) => {
            if let Ok(dummy) = PasswordHash::new(dummy_hash()) {
                let _ = argon2_verify(password, &dummy);
            }
            false
        }
    }
}

thread_local! {
    /// How many argon2 verifications this thread has run (for the tests: an account without a
    /// password must cost as much as a real one).
    static VERIFICATIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn argon2_verify(password: &str, parsed: &PasswordHash<'_>) -> bool {
    VERIFICATIONS.with(|n| n.set(n.get() + 1));
    argon2()
        .verify_password(password.as_bytes(), parsed)
        .is_ok()
}

/// A hash to verify against when the account does not exist, so that answering takes as long
/// as for a real account.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password("not a real password").unwrap_or_default())
}

/// How many passwords this process hashes or checks at once. Each takes argon2's memory
/// ([`ARGON2_MEMORY_KIB`]) and a core for a fraction of a second, so the memory of password
/// work stays bounded (14 MiB) whatever the number of simultaneous sign-ins.
pub const HASHING_SLOTS: usize = 2;
/// How many requests may wait for a hashing slot; more are answered as busy at once (503 with
/// `Retry-After`), so a flood of sign-ins holds neither memory nor threads.
pub const HASHING_QUEUE: usize = 64;
/// How long a request waits for a hashing slot before it is answered as busy.
pub const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(20);
/// Seconds a client is asked to wait when the hashing slots stayed full.
pub const BUSY_RETRY_AFTER: u64 = 10;
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(HASHING_SLOTS);
static HASHING_WAITERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The server had no hashing slot free in time: answer 503 with `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("every password-hashing slot is busy")]
pub struct Busy;

/// Runs password work `f` on the blocking pool, at most [`HASHING_SLOTS`] at a time, behind
/// at most [`HASHING_QUEUE`] others waiting, for at most [`HASHING_WAIT`].
pub async fn hashing<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, Busy> {
    use std::sync::atomic::Ordering;
    struct Waiting;
    impl Drop for Waiting {
        fn drop(&mut self) {
            HASHING_WAITERS.fetch_sub(1, Ordering::AcqRel);
        }
    }
    let slot = match HASHING.try_acquire() {
        Ok(slot) => slot,
        Err(_) => {
            if HASHING_WAITERS.fetch_add(1, Ordering::AcqRel) >= HASHING_QUEUE {
                HASHING_WAITERS.fetch_sub(1, Ordering::AcqRel);
                return Err(Busy);
            }
            let _waiting = Waiting;
            tokio::time::timeout(HASHING_WAIT, HASHING.acquire())
                .await
                .map_err(|_| Busy)?
                .map_err(|_| Busy)?
        }
    };
    let result = tokio::task::spawn_blocking(f).await.map_err(|_| Busy);
    drop(slot);
    result
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

/// Whether two secrets (CSRF tokens, signatures) are equal, in time that does not depend on
/// where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
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
    /// The server's password checks are all busy: try again shortly (nothing was counted).
    Busy,
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
///
/// The lockout holds whatever the concurrency, on one app server or many: each attempt is
/// recorded as a failure — in the same transaction that counts the earlier ones — before its
/// password is checked, and turned into a success only after; so at most
/// [`MAX_EMAIL_FAILURES`] guesses per e-mail and [`MAX_ADDRESS_FAILURES`] per address are ever
/// checked in a window.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
    now: i64,
) -> Result<SignIn, AuthError> {
    Ok(
        match check_credentials(db, email, password, address, now).await? {
            Checked::Good(record) => SignIn::Success {
                user: record.user(),
                token: start_session(db, record.id, now).await?,
            },
            Checked::Wrong => SignIn::WrongCredentials,
            Checked::Locked { retry_after } => SignIn::Locked { retry_after },
            Checked::Busy => SignIn::Busy,
        },
    )
}

/// What checking an e-mail and a password came to.
enum Checked {
    Good(StaffRecord),
    Wrong,
    Locked { retry_after: i64 },
    Busy,
}

/// Checks a password against an account under the lockout of [`sign_in`] (which the
/// "current password" of a password change goes through too).
async fn check_credentials(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
    now: i64,
) -> Result<Checked, AuthError> {
    let email = normalize_email(email);
    let reserved = db
        .reserve_sign_in(&email, address, now - LOCK_WINDOW, now, |f| {
            locked_for(f, now).is_some()
        })
        .await?;
    let (attempt, failures) = match reserved {
        Ok(reserved) => reserved,
        Err(failures) => {
            return Ok(Checked::Locked {
                retry_after: locked_for(&failures, now).unwrap_or(LOCK_WINDOW),
            })
        }
    };
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
    // An unknown or disabled account is checked against the dummy hash: the same work.
    let checked = hashing(move || {
        verify_password(&password, stored.as_deref().unwrap_or_else(|| dummy_hash()))
            && stored.is_some()
    })
    .await;
    let ok = match checked {
        Ok(ok) => ok,
        Err(Busy) => {
            db.settle_sign_in(attempt, None).await?;
            return Ok(Checked::Busy);
        }
    };
    db.settle_sign_in(attempt, Some(ok)).await?;
    let Some(record) = record.filter(|_| ok) else {
        let after = Failures {
            by_email: failures.by_email + 1,
            email_latest: Some(now),
            by_address: failures.by_address + 1,
            address_latest: Some(now),
        };
        return Ok(match locked_for(&after, now) {
            Some(retry_after) => Checked::Locked { retry_after },
            None => Checked::Wrong,
        });
    };
    Ok(Checked::Good(record))
}

/// A new session for staff member `user_id` (after a good password, or once they have chosen
/// theirs): its token, for the cookie.
pub async fn start_session(db: &Db, user_id: i64, now: i64) -> Result<String, AuthError> {
    let token = new_token();
    db.create_session(
        &token_hash(&token),
        user_id,
        &new_token(),
        now,
        now + ABSOLUTE_TIMEOUT,
    )
    .await?;
    Ok(token)
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
    let password = password.to_owned();
    let hash = hashing(move || hash_password(&password)).await??;
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

pub mod passwords;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash_password("correct horse battery").unwrap();
        let b = hash_password("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"), "{a}");
        // A hash made with argon2's default settings (19 MiB, two passes) still verifies.
        let salt = SaltString::generate(&mut OsRng);
        let old = Argon2::default()
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string();
        assert!(old.contains("m=19456,t=2"));
        assert!(verify_password("correct horse battery", &old));
        assert!(!verify_password("correct horse batterz", &old));
        assert_ne!(a, b, "a random salt each time");
        assert!(verify_password("correct horse battery", &a));
        assert!(!verify_password("correct horse batterz", &a));
        assert!(!verify_password("anything", "not a hash"));
    }

    /// However many requests hash at once, at most `HASHING_SLOTS` run and `HASHING_QUEUE`
    /// wait; the others are told the server is busy at once.
    #[tokio::test]
    async fn password_work_is_bounded() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MOST: AtomicUsize = AtomicUsize::new(0);
        let extra = 10;
        let tasks: Vec<_> = (0..HASHING_SLOTS + HASHING_QUEUE + extra)
            .map(|_| {
                tokio::spawn(hashing(|| {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    MOST.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        let mut busy = 0;
        for t in tasks {
            if t.await.unwrap().is_err() {
                busy += 1;
            }
        }
        assert_eq!(busy, extra);
        assert!(MOST.load(Ordering::SeqCst) <= HASHING_SLOTS);
    }

    #[test]
    fn accounts_without_a_password_cost_a_full_check() {
        let _ = dummy_hash();
        let runs = || VERIFICATIONS.with(|n| n.get());
        let real = hash_password("correct horse battery").unwrap();
        for hash in [real.as_str(), "", "not a hash", "$argon2id$broken"] {
            let before = runs();
            assert!(!verify_password("wrong", hash));
            assert_eq!(runs(), before + 1, "one argon2 check for {hash:?}");
        }
    }

    #[test]
    fn secrets_compare_whole() {
        let t = new_token();
        assert!(same_secret(&t, &t.clone()));
        assert!(!same_secret(&t, &t[..63]));
        assert!(!same_secret(&t, &new_token()));
        assert!(!same_secret("", &t));
        assert!(same_secret("", ""));
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
