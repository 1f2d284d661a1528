//! Space managers signed in without a password: a link e-mailed on request (single use,
//! [`LINK_TTL`], stored as SHA-256 only, only for an address that manages a space, within the
//! recipient's and the client's limits; the same answer whoever asks), then a session of its
//! own — its own table, its own cookie sent only to the managers' area — that expires like a
//! staff session and reaches only the spaces its address manages, checked on every request.

use crate::backend::auth::{new_token, token_hash, ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, TOUCH_EVERY};
use crate::backend::db::{ClientLimit, Db, DbError};
use crate::backend::mail::Email;
use crate::core::lang::Lang;
use crate::core::paths;

/// How long a sign-in link works.
pub const LINK_TTL: i64 = 30 * 60;
/// The managers' session cookie (never the staff's `spazi_session`).
pub const COOKIE: &str = "spazi_manager";
/// Sign-in links one client address may have made per hour (for addresses that manage a
/// space; the others cost nothing but a read).
pub const LINKS_PER_CLIENT: i64 = 10;

/// The limit of sign-in links asked for from the client address `client`.
pub fn client_limit(client: &str) -> ClientLimit {
    ClientLimit {
        bucket: "manager-link",
        client: client.to_owned(),
        window: 3600,
        max: LINKS_PER_CLIENT,
    }
}

/// A manager asks for a sign-in link for `email`: when the address manages a space and the
/// limits allow, a link is stored and `mail` (given the link's token) queued; for any other
/// address nothing is done. The caller answers the same either way, before this runs.
/// `true` when an e-mail was queued.
pub async fn request_link(
    db: &Db,
    email: &str,
    from: &ClientLimit,
    mail: impl FnOnce(&str) -> Email,
    now: i64,
) -> Result<bool, DbError> {
    let email = crate::backend::auth::normalize_email(email);
    let token = new_token();
    db.manager_sign_in_link(
        &email,
        (&token_hash(&token), now + LINK_TTL),
        from,
        || mail(&token),
        now,
    )
    .await
}

/// Uses sign-in link `token`: the new session's token (for the cookie), or `None` when the
/// link is used, expired or unknown.
pub async fn sign_in(db: &Db, token: &str, now: i64) -> Result<Option<String>, DbError> {
    let session = new_token();
    let opened = db
        .use_manager_link(
            &token_hash(token),
            (&token_hash(&session), &new_token(), now + ABSOLUTE_TIMEOUT),
            now,
        )
        .await?;
    Ok(opened.map(|_| session))
}

/// A new link of a request to confirm a listing: its secret and the hash that is stored.
pub fn confirmation_token() -> (String, String) {
    let token = new_token();
    let hash = token_hash(&token);
    (token, hash)
}

/// What answering a request to confirm came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answered {
    /// The listing is confirmed now.
    Confirmed,
    /// The manager wants to update it: a new session's token (for the cookie) and the space.
    Update { session: String, space_id: i64 },
    /// Staff are told the space has closed.
    Closed,
    /// The link was used already, has expired, or is unknown.
    Dead,
    /// "Update" on a link older than [`UPDATE_SIGN_IN_TTL`]: nothing done (the link still
    /// confirms); the manager asks for a sign-in link instead.
    TooOldToSignIn,
}

/// How long a confirmation link's "update" signs its holder in: a sign-in link lasts 30
/// minutes, and a link lying in a mailbox for months should not open the editor.
pub const UPDATE_SIGN_IN_TTL: i64 = 7 * 86_400;

/// Answers the request of link `token` (`confirmed`, `update` or `closed`; `staff` writes the
/// e-mail that tells staff of a closure, given the space's name, id and the manager's address).
pub async fn answer(
    db: &Db,
    token: &str,
    answer: &str,
    staff: impl FnOnce(&str, i64, &str) -> Email,
    now: i64,
) -> Result<Answered, DbError> {
    let Some(record) = db.confirmation(&token_hash(token), now).await? else {
        return Ok(Answered::Dead);
    };
    if answer == "update" && now - record.sent_at > UPDATE_SIGN_IN_TTL {
        return Ok(Answered::TooOldToSignIn);
    }
    let answered = db
        .answer_confirmation(
            &record,
            answer,
            |r| staff(&r.space_name, r.space_id, &r.email),
            now,
        )
        .await?;
    if !answered {
        return Ok(Answered::Dead);
    }
    Ok(match answer {
        "confirmed" => Answered::Confirmed,
        "closed" => Answered::Closed,
        _ => {
            let session = new_token();
            db.open_manager_session(
                &record.email,
                (&token_hash(&session), &new_token(), now + ABSOLUTE_TIMEOUT),
                now,
            )
            .await?;
            Answered::Update {
                session,
                space_id: record.space_id,
            }
        }
    })
}

/// A signed-in manager: their address and their session's CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagerSession {
    pub email: String,
    pub csrf_token: String,
    pub token_hash: String,
}

/// The live session of a cookie token: `None` when unknown or expired (then deleted).
pub async fn session(db: &Db, token: &str, now: i64) -> Result<Option<ManagerSession>, DbError> {
    let hash = token_hash(token);
    let Some(record) = db.manager_session(&hash).await? else {
        return Ok(None);
    };
    if now >= record.expires_at || now - record.last_seen_at >= IDLE_TIMEOUT {
        db.delete_manager_session(&hash).await?;
        return Ok(None);
    }
    if now - record.last_seen_at >= TOUCH_EVERY {
        db.touch_manager_session(&hash, now).await?;
    }
    Ok(Some(ManagerSession {
        email: record.email,
        csrf_token: record.csrf_token,
        token_hash: hash,
    }))
}

/// The cookie that keeps, for one browser, the changes a manager sent after their session had
/// ended (`manager_drafts`), until they sign in again and send them.
pub const DRAFT_COOKIE: &str = "spazi_bozza";
/// How long such changes are kept.
pub const DRAFT_TTL: i64 = 86_400;
/// The most text a kept draft may hold (the space form's fields are far less).
pub const DRAFT_MAX: usize = 64 * 1024;

/// How many drafts one client address may leave an hour (a draft needs no session: the form
/// came after it ended, or from a browser that no longer has its cookie).
pub const DRAFTS_PER_CLIENT: i64 = 20;

/// The limit of the drafts client address `client` leaves.
pub fn draft_limit(client: &str) -> ClientLimit {
    ClientLimit {
        bucket: "manager-draft",
        client: client.to_owned(),
        window: 3600,
        max: DRAFTS_PER_CLIENT,
    }
}

/// Keeps `fields` (a space form's text fields, url-encoded) for space `space_id`: in place of
/// the draft this browser keeps already (`kept`, its cookie's token), else as a new one within
/// the client's limit (`from`). The cookie's token, or `None` when there is too much of it to
/// keep or the client has left too many.
pub async fn keep_draft(
    db: &Db,
    (space_id, fields): (i64, &str),
    kept: Option<&str>,
    from: &ClientLimit,
    now: i64,
) -> Result<Option<String>, DbError> {
    if fields.len() > DRAFT_MAX {
        return Ok(None);
    }
    if let Some(kept) = kept {
        if db
            .replace_manager_draft(&token_hash(kept), space_id, fields, now - DRAFT_TTL, now)
            .await?
        {
            return Ok(Some(kept.to_owned()));
        }
    }
    let token = new_token();
    let kept = db
        .store_manager_draft(&token_hash(&token), space_id, fields, from, now)
        .await?;
    Ok(kept.then_some(token))
}

/// The draft of a cookie token, if it is still kept: its space and its fields.
pub async fn draft(db: &Db, token: &str, now: i64) -> Result<Option<(i64, String)>, DbError> {
    db.manager_draft(&token_hash(token), now - DRAFT_TTL).await
}

/// The `Set-Cookie` values that hold a draft's token (`None`: that forget it), one per path.
pub fn draft_cookies(token: Option<&str>, secure: bool) -> [String; 2] {
    let secure = if secure { "; Secure" } else { "" };
    cookie_paths().map(|path| match token {
        Some(token) => format!(
            "{DRAFT_COOKIE}={token}; Path={path}; Max-Age={DRAFT_TTL}; HttpOnly; SameSite=Lax{secure}"
        ),
        None => format!("{DRAFT_COOKIE}=; Path={path}; Max-Age=0; HttpOnly; SameSite=Lax{secure}"),
    })
}

/// The paths the cookie is sent to: the managers' area at its Italian and its English address.
fn cookie_paths() -> [String; 2] {
    [
        paths::MY_SPACE.to_owned(),
        paths::in_lang(paths::MY_SPACE, Lang::En),
    ]
}

/// The `Set-Cookie` values of a new session (`None`: the ones that end it), one per path.
pub fn cookies(token: Option<&str>, secure: bool) -> [String; 2] {
    let secure = if secure { "; Secure" } else { "" };
    cookie_paths().map(|path| match token {
        Some(token) => format!(
            "{COOKIE}={token}; Path={path}; Max-Age={ABSOLUTE_TIMEOUT}; HttpOnly; SameSite=Lax{secure}"
        ),
        None => format!("{COOKIE}=; Path={path}; Max-Age=0; HttpOnly; SameSite=Lax{secure}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_reaches_the_managers_area_only_in_both_languages() {
        let [it, en] = cookies(Some("abc"), true);
        assert!(
            it.starts_with("spazi_manager=abc; Path=/il-mio-spazio;"),
            "{it}"
        );
        assert!(
            en.starts_with("spazi_manager=abc; Path=/en/my-space;"),
            "{en}"
        );
        for c in [&it, &en] {
            assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.ends_with("Secure"));
        }
        assert!(cookies(None, false).iter().all(|c| c.contains("Max-Age=0")));
    }
}
