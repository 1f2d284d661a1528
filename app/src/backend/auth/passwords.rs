//! Invitations, access links and new passwords: a colleague invited by an admin, a fresh
//! link from an admin, a link asked for by someone who forgot their password (e-mailed, the
//! same answer for unknown addresses), the checks of a new password, and a signed-in member of
//! staff changing theirs.

use super::{hash_password, hashing, token_hash, AuthError};
use crate::backend::db::{Db, DbError};
use crate::core::view::StaffUser;

/// How long an invitation or access link works.
pub const INVITATION_TTL: i64 = 7 * 24 * 3600;

/// Invites a colleague with the link token `token` (from [`new_token`]): creates the account
/// (no password yet) and queues `mail` (the invitation e-mail) in the same transaction.
/// Returns the account id; `Ok(None)` when the e-mail is taken.
pub async fn invite(
    db: &Db,
    invite: &crate::core::validate::account::ValidInvite,
    token: &str,
    mail: Option<&crate::backend::mail::Email>,
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
    mail: Option<&crate::backend::mail::Email>,
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

/// What choosing a password through an invitation link came to.
#[derive(Debug)]
pub enum Accepted {
    User(StaffUser),
    /// The link is unknown, used or expired.
    DeadLink,
    /// The password is not acceptable (with the problems to show beside its fields).
    Refused(crate::core::validate::FieldErrors<crate::core::validate::account::Field>),
}

impl Accepted {
    /// The account, when the password was set.
    pub fn user(self) -> Option<StaffUser> {
        match self {
            Accepted::User(user) => Some(user),
            _ => None,
        }
    }
}

/// Words a password of this site must not be built from, besides the account's own details.
const SITE_WORDS: [&str; 6] = [
    "spazi",
    "forum",
    "bologna",
    "innovazione",
    "metropolitana",
    "admin",
];

/// The most characters of a new password that are scored: the estimator's work grows faster
/// than the length, and a longer phrase is not guessable because of what follows.
const SCORED_CHARS: usize = 100;

/// Whether a new password is among the common and breached passwords of the estimator's
/// dictionaries, built from the account's details, or otherwise guessable in fewer than 10^10
/// tries (zxcvbn's "safely unguessable"). Server only: the dictionaries stay out of the WASM.
pub fn guessable(password: &str, account: &[&str]) -> bool {
    let head: String = password.chars().take(SCORED_CHARS).collect();
    // The account's details whole, in parts, and run together ("Anna Rossi": "annarossi").
    let mut words: Vec<String> = SITE_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for detail in account {
        let detail = detail.to_lowercase();
        let local = detail.split('@').next().unwrap_or_default();
        words.push(local.replace(['.', ' ', '-', '_'], ""));
        words.extend(
            detail
                .split(['@', '.', ' ', '-', '_'])
                .filter(|w| w.len() > 2)
                .map(str::to_owned),
        );
        words.push(detail);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    zxcvbn::zxcvbn(&head, &words).score() < zxcvbn::Score::Three
}

/// The shared checks of a new password (length, confirmation), then the guessability check.
pub fn check_new_password(
    password: &str,
    confirm: &str,
    account: &[&str],
) -> Result<(), crate::core::validate::FieldErrors<crate::core::validate::account::Field>> {
    use crate::core::validate::account::Field;
    use crate::core::validate::{FieldErrors, Problem};
    crate::core::validate::account::validate_new_password(password, confirm)?;
    if guessable(password, account) {
        let mut errors = FieldErrors::default();
        errors.add(Field::Password, Problem::Guessable);
        return Err(errors);
    }
    Ok(())
}

/// Sets the password of the invitation's account once it passes [`check_new_password`].
pub async fn accept_invitation(
    db: &Db,
    token: &str,
    password: &str,
    confirm: &str,
    now: i64,
) -> Result<Accepted, AuthError> {
    let Some(account) = db.invitation_account(&token_hash(token), now).await? else {
        return Ok(Accepted::DeadLink);
    };
    if let Err(errors) = check_new_password(password, confirm, &[&account.email, &account.name]) {
        return Ok(Accepted::Refused(errors));
    }
    // A forgotten password's link: not the password the account had (the link stays usable).
    if account.password_hash != crate::backend::db::NO_PASSWORD {
        let (typed, stored) = (password.to_owned(), account.password_hash.clone());
        if hashing(move || super::verify_password(&typed, &stored)).await? {
            use crate::core::validate::account::Field;
            use crate::core::validate::{FieldErrors, Problem};
            return Ok(Accepted::Refused(FieldErrors(vec![(
                Field::Password,
                Problem::SameAsCurrent,
            )])));
        }
    }
    let password = password.to_owned();
    let hash = hashing(move || hash_password(&password)).await??;
    Ok(
        match db.accept_invitation(&token_hash(token), &hash, now).await? {
            Some(user) => Accepted::User(user),
            None => Accepted::DeadLink,
        },
    )
}

/// How long a link asked for through "Password dimenticata?" works.
pub const RESET_TTL: i64 = 2 * 3600;
/// While an account's last link is younger than this, asking again makes no new one.
pub const RESET_EVERY: i64 = 10 * 60;

/// Someone who forgot their password asks for a link to choose a new one: for an active
/// account a fresh link is e-mailed (`mail` writes it from the account's stored address, its
/// name and the link's token; see `Db::password_reset_link`), for any other address nothing is done. What they
/// are told must be the same either way, and must not wait for this (the caller spawns it),
/// so that neither the words nor the time of the answer say whether the address has an
/// account. `true` when an e-mail was queued.
pub async fn request_reset(
    db: &Db,
    email: &str,
    mail: impl FnOnce(&str, &str, &str) -> crate::backend::mail::Email,
    now: i64,
) -> Result<bool, DbError> {
    let email = super::normalize_email(email);
    // Most requests under a flood are for no account: a read, no write.
    let active = db.staff_by_email(&email).await?.filter(|r| r.disabled == 0);
    if active.is_none() {
        return Ok(false);
    }
    let token = super::new_token();
    db.password_reset_link(
        &email,
        (&token_hash(&token), now + RESET_TTL),
        |to, name| mail(to, name, &token),
        now,
        RESET_EVERY,
    )
    .await
}

/// What changing one's password came to.
#[derive(Debug)]
pub enum Changed {
    Done,
    /// With the problems to show beside the fields.
    Refused(crate::core::validate::FieldErrors<crate::core::validate::account::Field>),
    /// Too many wrong passwords: the sign-in's lockout.
    Locked {
        retry_after: i64,
    },
    /// The password checks are all busy: try again shortly.
    Busy,
}

/// A signed-in member of staff changes their password: the new one passes
/// [`check_new_password`], the current one is checked under the sign-in's lockout (a stolen
/// session cannot be used to guess it), then `Db::change_password` ends their other sessions
/// and links.
pub async fn change_password(
    db: &Db,
    session: &super::Session,
    (current, password, confirm): (&str, &str, &str),
    address: &str,
    now: i64,
) -> Result<Changed, AuthError> {
    use crate::core::validate::account::Field;
    use crate::core::validate::{FieldErrors, Problem};
    let user = &session.user;
    let mut errors = FieldErrors::default();
    if current.is_empty() {
        errors.add(Field::CurrentPassword, Problem::Required);
    }
    if let Err(more) = check_new_password(password, confirm, &[&user.email, &user.name]) {
        errors.0.extend(more.0);
    }
    if !errors.is_empty() {
        return Ok(Changed::Refused(errors));
    }
    match super::check_credentials(db, &user.email, current, address, now).await? {
        // The same password again changes nothing a thief would fear.
        super::Checked::Good(_) if password == current => {
            return Ok(Changed::Refused(FieldErrors(vec![(
                Field::Password,
                Problem::SameAsCurrent,
            )])))
        }
        super::Checked::Good(_) => {}
        super::Checked::Wrong => {
            return Ok(Changed::Refused(FieldErrors(vec![(
                Field::CurrentPassword,
                Problem::WrongPassword,
            )])))
        }
        super::Checked::Locked { retry_after } => return Ok(Changed::Locked { retry_after }),
        super::Checked::Busy => return Ok(Changed::Busy),
    }
    let password = password.to_owned();
    let Ok(hash) = hashing(move || hash_password(&password)).await else {
        return Ok(Changed::Busy);
    };
    db.change_password((user.id, &user.email), &hash?, &session.token_hash, now)
        .await?;
    Ok(Changed::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_personal_passwords_are_refused() {
        use crate::core::validate::account::Field;
        use crate::core::validate::Problem;
        let account = ["anna.rossi@comune.bologna.it", "Anna Rossi"];
        let weak = [
            "passwordpassword",
            "123456789012",
            "qwertyuiopasdf",
            "iloveyou1234",
            "annarossi2022",
            "spazibologna1",
            "Password1234!",
        ];
        let accepted: Vec<_> = weak
            .iter()
            .filter(|w| {
                check_new_password(w, w, &account).map_err(|e| e.get(Field::Password))
                    != Err(Some(Problem::Guessable))
            })
            .collect();
        assert!(accepted.is_empty(), "accepted: {accepted:?}");
        for fine in [
            "una password per i test e2e",
            "la password dell'amministratore",
            "una frase lunga per la collega",
            "cavallo batteria graffetta corretta",
        ] {
            assert_eq!(check_new_password(fine, fine, &account), Ok(()), "{fine}");
        }
        // Length and confirmation come first, as in the browser.
        assert_eq!(
            check_new_password("corta", "corta", &account)
                .unwrap_err()
                .get(Field::Password),
            Some(Problem::TooShort { min: 12 })
        );
        // The longest password accepted is scored on its first characters only.
        let long = "a".repeat(crate::core::validate::account::PASSWORD_MAX);
        assert!(guessable(&long, &account));
    }
}
