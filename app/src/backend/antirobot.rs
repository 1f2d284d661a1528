//! The anti-robot checks of the public forms (the join form, the RSVP form): a honeypot field
//! people never see, and a signed "shown at" token that must be a few seconds old and not stale.

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

fn sign(secret: &str, at: i64) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(format!("join-form:{at}").as_bytes());
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
