//! The anti-robot checks of the public forms (the join form, the RSVP form): a honeypot field
//! people never see, a signed "shown at" token that must be a few seconds old and not stale,
//! and — for the many registrations a shared network sends (an office, a university, a
//! coworking's Wi-Fi) — a question a person answers instead of being turned away.

use crate::core::validate::Problem;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A person needs more than this to fill the form in (seconds; the browser's helper holds a
/// quicker sending back until then).
pub use crate::core::validate::MIN_FILL_SECONDS;
/// A form older than this must be reloaded (seconds).
pub const MAX_FORM_AGE: i64 = 24 * 3600;
/// The honeypot: a field people never see (hidden with CSS and from assistive technology).
pub const HONEYPOT: &str = "fax";
/// The fields of a question: its signed numbers, and the answer typed.
pub use crate::core::view::event::{Question, ANSWER, QUESTION};

fn sign(secret: &str, at: i64) -> String {
    mac(secret, &format!("join-form:{at}"))
}

fn mac(secret: &str, message: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(message.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A signed "this form was shown at" token for the form's hidden field.
pub fn form_token(secret: &str, now: i64) -> String {
    format!("{now}.{}", sign(secret, now))
}

/// Whether a token is genuine, at least `MIN_FILL_SECONDS` and at most `MAX_FORM_AGE` old.
pub fn token_ok(secret: &str, token: &str, now: i64) -> bool {
    let Some((at, mac)) = token.split_once('.') else {
        return false;
    };
    let Ok(at) = at.parse::<i64>() else {
        return false;
    };
    let age = now - at;
    super::auth::same_secret(&sign(secret, at), mac)
        && (MIN_FILL_SECONDS..=MAX_FORM_AGE).contains(&age)
}

/// The posted "shown at" token when it is genuine and not stale, however young: the form
/// shown again after a refusal for haste keeps it, so that the seconds already spent count
/// (a new token would refuse a quick second try too).
pub fn carried_token(secret: &str, pairs: &[(String, String)], now: i64) -> Option<String> {
    let token = form_value(pairs, "started");
    let (at, mac) = token.split_once('.')?;
    let at = at.parse::<i64>().ok()?;
    let age = now - at;
    (super::auth::same_secret(&sign(secret, at), mac) && (0..=MAX_FORM_AGE).contains(&age))
        .then(|| token.to_owned())
}

/// How long a question stays answerable (seconds).
pub const QUESTION_AGE: i64 = 1800;

fn sign_question(secret: &str, a: u8, b: u8, at: i64, about: &str) -> String {
    mac(secret, &format!("question:{a}:{b}:{at}:{about}"))
}

/// A question for the request `about` (an event and an e-mail address: its answer serves no
/// other): the sum of two numbers from 2 to 9.
pub fn question(secret: &str, now: i64, about: &str) -> Question {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let pick = || 2 + (OsRng.next_u32() % 8) as u8;
    let (a, b) = (pick(), pick());
    Question {
        a,
        b,
        token: format!("{a}.{b}.{now}.{}", sign_question(secret, a, b, now, about)),
    }
}

/// Whether the form carries a genuine, fresh question for `about` (`question`) answered right
/// (`answer`, digits).
pub fn answered(secret: &str, pairs: &[(String, String)], now: i64, about: &str) -> bool {
    let parts: Vec<&str> = form_value(pairs, QUESTION).split('.').collect();
    let [a, b, at, signature] = parts[..] else {
        return false;
    };
    let (Ok(a), Ok(b), Ok(at)) = (a.parse::<u8>(), b.parse::<u8>(), at.parse::<i64>()) else {
        return false;
    };
    let answer = form_value(pairs, ANSWER).trim().parse::<u16>().ok();
    super::auth::same_secret(&sign_question(secret, a, b, at, about), signature)
        && (0..=QUESTION_AGE).contains(&(now - at))
        && answer == Some(u16::from(a) + u16::from(b))
}

/// The last value of a posted field (empty when absent).
pub fn form_value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// The anti-robot checks of a public form (the join form, the RSVP form), before anything
/// else: the honeypot field must be empty, and the signed "shown at" token genuine and at
/// least `MIN_FILL_SECONDS` old.
pub fn robot_check(secret: &str, pairs: &[(String, String)], now: i64) -> Result<(), Problem> {
    if !form_value(pairs, HONEYPOT).is_empty() {
        tracing::info!("public form: honeypot filled, refused");
        return Err(Problem::Refused);
    }
    if !token_ok(secret, form_value(pairs, "started"), now) {
        return Err(Problem::TooFast);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_is_answered_once_right_for_its_own_request_while_fresh() {
        let q = question("secret", 1000, "evento a@b.it");
        assert!((2..=9).contains(&q.a) && (2..=9).contains(&q.b));
        let posted = |token: &str, answer: &str| {
            vec![
                (QUESTION.to_owned(), token.to_owned()),
                (ANSWER.to_owned(), answer.to_owned()),
            ]
        };
        let right = (q.a + q.b).to_string();
        assert!(answered(
            "secret",
            &posted(&q.token, &right),
            1010,
            "evento a@b.it"
        ));
        assert!(answered(
            "secret",
            &posted(&q.token, &format!(" {right} ")),
            1010,
            "evento a@b.it"
        ));
        let wrong = (q.a + q.b + 1).to_string();
        assert!(!answered(
            "secret",
            &posted(&q.token, &wrong),
            1010,
            "evento a@b.it"
        ));
        assert!(
            !answered("secret", &posted(&q.token, &right), 1010, "evento c@d.it"),
            "another's"
        );
        assert!(!answered(
            "other",
            &posted(&q.token, &right),
            1010,
            "evento a@b.it"
        ));
        assert!(!answered(
            "secret",
            &posted(&q.token, &right),
            1000 + QUESTION_AGE + 1,
            "evento a@b.it"
        ));
        // Easier numbers in the same signature: refused.
        let forged = format!("1.1{}", &q.token[3..]);
        assert!(!answered(
            "secret",
            &posted(&forged, "2"),
            1010,
            "evento a@b.it"
        ));
        assert!(!answered("secret", &posted("", ""), 1010, "evento a@b.it"));
    }

    #[test]
    fn form_tokens_need_their_signature_and_some_seconds() {
        let t = form_token("secret", 1000);
        assert!(
            !token_ok("secret", &t, 1000 + MIN_FILL_SECONDS - 1),
            "too fast"
        );
        assert!(token_ok("secret", &t, 1000 + MIN_FILL_SECONDS));
        // Refused for haste, the form keeps its token; a forged or stale one is not kept.
        let posted = |token: &str| vec![("started".to_owned(), token.to_owned())];
        assert_eq!(carried_token("secret", &posted(&t), 1001), Some(t.clone()));
        assert_eq!(carried_token("other", &posted(&t), 1001), None);
        assert_eq!(
            carried_token("secret", &posted(&t), 1000 + MAX_FORM_AGE + 1),
            None
        );
        assert_eq!(carried_token("secret", &posted("1000.00"), 1001), None);
        assert!(!token_ok("secret", &t, 1000 + MAX_FORM_AGE + 1), "too old");
        assert!(
            !token_ok("other secret", &t, 1010),
            "another installation's"
        );
        assert!(
            !token_ok("secret", &t.replace("1000.", "900."), 1010),
            "forged time"
        );
        assert!(!token_ok("secret", "", 1010));
        assert!(!token_ok("secret", "abc.def", 1010));
    }
}
