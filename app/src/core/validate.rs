//! Validation of what people type, shared by the browser (instant feedback) and the server
//! (authoritative: every post is checked again). Pure functions, no I/O: the server adds the
//! checks that need the database (the municipality exists, the slug is free).
//!
//! Each form has its own `Field` enum in its module (`space`, `join`, `rsvp`, `event`,
//! `account`, `review`): a form's errors can only name that form's fields. What the forms share
//! is here: the limits, [`Problem`], [`FieldErrors`] and the text checks.

use crate::core::model::METRO_BOUNDS;
use serde::{Deserialize, Serialize};

/// A person needs at least this long to fill a public form in (seconds): quicker posts are
/// refused as a robot's (`backend::antirobot`), so the browser's helper holds a quicker
/// sending back until then.
pub const MIN_FILL_SECONDS: i64 = 4;

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 600;
pub const ADDRESS_MAX: usize = 200;
pub const URL_MAX: usize = 300;
pub const EMAIL_MAX: usize = 254;
pub const PHONE_MAX: usize = 30;
pub const ORGANISATION_MAX: usize = 160;
pub const HOURS_MAX: usize = 300;
pub const SERVICES_MAX: usize = 600;
/// A photo's text alternative (what it shows, for those who cannot see it).
pub const PHOTO_ALT_MAX: usize = 200;
/// How far outside the metropolitan area's box a position may fall (degrees, ~5 km).
const AREA_MARGIN: f64 = 0.05;

pub mod account;
pub mod event;
pub mod join;
pub mod review;
pub mod rsvp;
pub mod space;

/// A field of one form.
pub trait FormField: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static {
    /// The form control's `name` and `id` (the error beside it is `{name}-error`).
    fn name(self) -> &'static str;
}

/// What is wrong with a field; turned into words by `i18n::Texts::problem`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    ControlCharacters,
    ChooseAtLeastOne,
    UnknownChoice,
    NotANumber,
    OutsideArea,
    /// A pin outside the municipality the form names (see `core::geo`).
    OutsideMunicipality,
    InvalidUrl,
    InvalidEmail,
    InvalidPhone,
    TooShort {
        min: usize,
    },
    Mismatch,
    /// Already used by another record (an e-mail address of a staff account).
    Taken,
    /// An import row about the same space as an earlier row of the file.
    DuplicateRow {
        line: usize,
    },
    /// Not a valid partita IVA or codice fiscale.
    InvalidTaxCode,
    /// A box that must be ticked (the privacy notice).
    MustAccept,
    /// Sent faster than a person fills the form in (a robot, or a form reloaded from cache).
    TooFast,
    /// Refused without details (an anti-spam check).
    Refused,
    /// Too many submissions from one client address.
    TooMany,
    /// The event takes no registrations now (not yet open, closed, over or cancelled).
    RegistrationClosed,
    /// Not a date and time.
    InvalidDate,
    /// An end (or closing) that does not come after its start (or opening).
    EndBeforeStart,
    /// Registrations closing after the event has ended.
    AfterTheEnd,
    /// Not lower-case letters, digits and single hyphens.
    InvalidSlug,
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// A capacity below the seats already taken.
    BelowTaken {
        taken: i64,
    },
    /// A password found in the lists of common and breached passwords, or as easy to guess
    /// (checked on the server only: the dictionaries stay out of the browser's bundle).
    Guessable,
    /// An import row whose name fits several spaces of the municipality.
    AmbiguousMatch {
        count: usize,
    },
    /// An import row about a space whose join request is under review.
    UnderReview,
    /// An import row about a rejected space, or an archived one when they were not included.
    NotUpdatable,
    /// An address already registered for the event (staff adding a registration).
    AlreadyRegistered,
    /// Every seat taken (staff adding a registration may confirm it beyond them).
    EventFull {
        capacity: i64,
    },
    /// Not the account's password (changing it asks for the current one).
    WrongPassword,
    /// An import row's municipality that is none of the metropolitan area's.
    UnknownMunicipality,
    /// An import row's kind that is none the importer knows.
    UnknownKind,
    /// A new password that is the current one.
    SameAsCurrent,
    /// Someone of the same name is registered already (staff adding a registration).
    SameName,
    /// Many requests from one network: a question to answer before going on.
    QuestionNeeded,
    /// The question's answer was wrong (or the question too old): a new one is asked.
    WrongAnswer,
    /// An upload that is not a JPEG, PNG or WebP picture (or one that does not decode).
    NotAPhoto,
    /// A photo file over the limit.
    PhotoTooLarge {
        max_mb: usize,
    },
    /// A photo too small to show, or with too many pixels to decode.
    PhotoDimensions,
    /// A photo the form refers to that is no longer stored (a form kept open for days).
    PhotoMissing,
}

impl Problem {
    /// Every kind of problem (the numbers are placeholders), for the checks of the locale
    /// files: each has its message, `validation-` and its [`code`](Problem::code). The first
    /// ones are [`IN_THE_BROWSER`](Problem::IN_THE_BROWSER).
    pub const ALL: [Problem; 44] = [
        Problem::Required,
        Problem::TooLong { max: 0 },
        Problem::ControlCharacters,
        Problem::ChooseAtLeastOne,
        Problem::UnknownChoice,
        Problem::NotANumber,
        Problem::OutsideArea,
        Problem::OutsideMunicipality,
        Problem::InvalidUrl,
        Problem::InvalidEmail,
        Problem::InvalidPhone,
        Problem::InvalidTaxCode,
        Problem::MustAccept,
        // The space form's check of a photo's name (the browser never sends a wrong one).
        Problem::PhotoMissing,
        // The server's alone.
        Problem::TooShort { min: 0 },
        Problem::Mismatch,
        Problem::Taken,
        Problem::DuplicateRow { line: 0 },
        Problem::TooFast,
        Problem::Refused,
        Problem::TooMany,
        Problem::RegistrationClosed,
        Problem::InvalidDate,
        Problem::EndBeforeStart,
        Problem::AfterTheEnd,
        Problem::InvalidSlug,
        Problem::OutOfRange { min: 0, max: 0 },
        Problem::BelowTaken { taken: 0 },
        Problem::Guessable,
        Problem::AmbiguousMatch { count: 0 },
        Problem::UnderReview,
        Problem::NotUpdatable,
        Problem::AlreadyRegistered,
        Problem::EventFull { capacity: 0 },
        Problem::WrongPassword,
        Problem::UnknownMunicipality,
        Problem::UnknownKind,
        Problem::SameAsCurrent,
        Problem::SameName,
        Problem::QuestionNeeded,
        Problem::WrongAnswer,
        Problem::NotAPhoto,
        Problem::PhotoTooLarge { max_mb: 0 },
        Problem::PhotoDimensions,
    ];

    /// The problems the public forms' shared checks (the join form's, the RSVP form's) can
    /// report: the server gives the browser's form helper these messages, and only these.
    pub const IN_THE_BROWSER: &'static [Problem] = Problem::ALL.split_at(14).0;

    /// The kind of problem, as the end of its message's key (`validation-too-long`).
    pub fn code(self) -> &'static str {
        use Problem::*;
        match self {
            Required => "required",
            TooLong { .. } => "too-long",
            ControlCharacters => "control-characters",
            ChooseAtLeastOne => "choose-at-least-one",
            UnknownChoice => "unknown-choice",
            NotANumber => "not-a-number",
            OutsideArea => "outside-area",
            OutsideMunicipality => "outside-municipality",
            InvalidUrl => "invalid-url",
            InvalidEmail => "invalid-email",
            InvalidPhone => "invalid-phone",
            TooShort { .. } => "too-short",
            Mismatch => "mismatch",
            Taken => "taken",
            DuplicateRow { .. } => "duplicate-row",
            InvalidTaxCode => "invalid-tax-code",
            MustAccept => "must-accept",
            TooFast => "too-fast",
            Refused => "refused",
            TooMany => "too-many",
            RegistrationClosed => "registration-closed",
            InvalidDate => "invalid-date",
            EndBeforeStart => "end-before-start",
            AfterTheEnd => "after-the-end",
            InvalidSlug => "invalid-slug",
            OutOfRange { .. } => "out-of-range",
            BelowTaken { .. } => "below-taken",
            Guessable => "guessable",
            AmbiguousMatch { .. } => "ambiguous-match",
            UnderReview => "under-review",
            NotUpdatable => "not-updatable",
            AlreadyRegistered => "already-registered",
            EventFull { .. } => "event-full",
            WrongPassword => "wrong-password",
            UnknownMunicipality => "unknown-municipality",
            UnknownKind => "unknown-kind",
            SameAsCurrent => "same-as-current",
            SameName => "same-name",
            QuestionNeeded => "question-needed",
            WrongAnswer => "wrong-answer",
            NotAPhoto => "not-a-photo",
            PhotoTooLarge { .. } => "photo-too-large",
            PhotoDimensions => "photo-dimensions",
            PhotoMissing => "photo-missing",
        }
    }

    /// The numbers its message says, by the message's variable names.
    pub fn args(self) -> Vec<(&'static str, i64)> {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        match self {
            Problem::TooLong { max } => vec![("max", count(max))],
            Problem::TooShort { min } => vec![("min", count(min))],
            Problem::DuplicateRow { line } => vec![("line", count(line))],
            Problem::AmbiguousMatch { count: n } => vec![("count", count(n))],
            Problem::OutOfRange { min, max } => vec![("min", min), ("max", max)],
            Problem::BelowTaken { taken } => vec![("taken", taken)],
            Problem::EventFull { capacity } => vec![("capacity", capacity)],
            Problem::PhotoTooLarge { max_mb } => vec![("max", count(max_mb))],
            _ => Vec::new(),
        }
    }
}

/// Problems by field, in form order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors<F>(pub Vec<(F, Problem)>);

impl<F> Default for FieldErrors<F> {
    fn default() -> Self {
        FieldErrors(Vec::new())
    }
}

impl<F: FormField> FieldErrors<F> {
    /// One problem.
    pub fn one(field: impl Into<F>, problem: Problem) -> Self {
        FieldErrors(vec![(field.into(), problem)])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: impl Into<F>) -> Option<Problem> {
        let field = field.into();
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
    }

    pub fn first(&self) -> Option<F> {
        self.0.first().map(|(f, _)| *f)
    }

    pub fn add(&mut self, field: impl Into<F>, problem: Problem) {
        let field = field.into();
        if self.get(field).is_none() {
            self.0.push((field, problem));
        }
    }

    /// The same problems as errors of a form that contains this one (the join form holds the
    /// space form).
    pub fn within<G: FormField + From<F>>(self) -> FieldErrors<G> {
        FieldErrors(self.0.into_iter().map(|(f, p)| (f.into(), p)).collect())
    }
}

/// Characters that change how text is shown without being seen: bidirectional embeddings,
/// overrides and isolates (they can make "Almacube" read as something else), and zero-width
/// spaces and joiners that split a name into a look-alike of another ("Alma\u{200B}cube").
/// The joiners some scripts need (U+200C, U+200D) stay allowed.
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Trims; refuses control characters (newlines allowed where `multiline`) and invisible
/// formatting characters ([`invisible`]); bounds the length. `Ok(None)` for an empty value.
fn checked_text(value: &str, max: usize, multiline: bool) -> Result<Option<String>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let bad = value.chars().any(|c| {
        (c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || invisible(c)
    });
    if bad {
        return Err(Problem::ControlCharacters);
    }
    if value.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(Some(value.replace("\r\n", "\n")))
}

/// [`checked_text`], its problem recorded against `field` (the check itself is not generic:
/// one copy of it serves every form in the browser's bundle).
fn text<F: FormField>(
    value: &str,
    max: usize,
    multiline: bool,
    field: F,
    errors: &mut FieldErrors<F>,
) -> Option<String> {
    checked_text(value, max, multiline).unwrap_or_else(|problem| {
        errors.add(field, problem);
        None
    })
}

/// A decimal number, accepting the Italian comma.
fn number<F: FormField>(value: &str, field: F, errors: &mut FieldErrors<F>) -> Option<f64> {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, Problem::Required);
        return None;
    }
    match value.replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            errors.add(field, Problem::NotANumber);
            None
        }
    }
}

/// `https://…` or `http://…` with a host; a bare domain gets `https://`.
pub fn normalize_url(value: &str) -> Option<String> {
    let value = value.trim();
    let with_scheme = if value.contains("://") {
        value.to_owned()
    } else {
        format!("https://{value}")
    };
    let lower = with_scheme.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let no_spaces = !with_scheme.chars().any(char::is_whitespace);
    (host_ok && no_spaces).then_some(with_scheme)
}

/// An address typed alone in a form ("send me a link"): trimmed and cut to 254 characters,
/// with what is wrong with it, if anything.
pub fn typed_email(raw: &str) -> (String, Option<Problem>) {
    let email: String = raw.trim().chars().take(254).collect();
    let problem = if email.is_empty() {
        Some(Problem::Required)
    } else if !is_email(&email) {
        Some(Problem::InvalidEmail)
    } else {
        None
    };
    (email, problem)
}

/// A plausible address: a plain local part (letters, digits and `.!#$%&'*+/=?^_`{|}~-`, no
/// dot at either end or twice in a row) and a dotted ASCII domain (labels of letters, digits
/// and hyphens). Quoted local parts, backslashes and look-alike characters are refused: they
/// reach the same mailbox under other spellings (`"anna"@x.it` is `anna@x.it`), which would
/// let one address be counted as many. (Whether it exists is for e-mail to find out.)
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let dotted =
        |s: &str| !s.is_empty() && !s.starts_with('.') && !s.ends_with('.') && !s.contains("..");
    let local_ok = dotted(local)
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let domain_ok = dotted(domain)
        && domain.contains('.')
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// Digits with the usual separators, 6 to 15 digits (E.164 has at most 15).
pub fn is_phone(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'))
        && value.chars().skip(1).all(|c| c != '+')
}

/// Whether a position lies in (or just around) the Città metropolitana di Bologna.
pub fn in_metro_area(lat: f64, lon: f64) -> bool {
    let ((s, w), (n, e)) = METRO_BOUNDS;
    (s - AREA_MARGIN..=n + AREA_MARGIN).contains(&lat)
        && (w - AREA_MARGIN..=e + AREA_MARGIN).contains(&lon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_has_a_message_for_every_problem_the_public_forms_report() {
        let own = include_str!("validate.rs");
        let shared =
            &own[own.find("/// Problems by field").unwrap()..own.find("#[cfg(test)]").unwrap()];
        let sources = [
            shared,
            include_str!("validate/space.rs"),
            include_str!("validate/join.rs"),
            include_str!("validate/rsvp.rs"),
        ];
        let browser: Vec<&str> = Problem::IN_THE_BROWSER.iter().map(|p| p.code()).collect();
        let rsvp: Vec<&str> = rsvp::PROBLEMS.iter().map(|p| p.code()).collect();
        for (file, source) in sources.into_iter().enumerate() {
            for (at, _) in source.match_indices("Problem::") {
                let name: String = source[at + 9..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                let problem = Problem::ALL
                    .into_iter()
                    .find(|p| format!("{p:?}").split([' ', '{']).next() == Some(name.as_str()))
                    .unwrap_or_else(|| panic!("Problem::{name} is not in Problem::ALL"));
                assert!(
                    browser.contains(&problem.code()),
                    "Problem::{name} is not in IN_THE_BROWSER"
                );
                // The RSVP form's checks: its own and the shared text checks.
                let shared_text = ["Required", "TooLong", "ControlCharacters"];
                if file == 3 || (file == 0 && shared_text.contains(&name.as_str())) {
                    assert!(
                        rsvp.contains(&problem.code()),
                        "Problem::{name} is not in rsvp::PROBLEMS"
                    );
                }
            }
        }
        let mut codes: Vec<&str> = Problem::ALL.iter().map(|p| p.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(
            codes.len(),
            Problem::ALL.len(),
            "a problem listed twice in ALL"
        );
    }

    #[test]
    fn urls_emails_phones() {
        assert_eq!(normalize_url("http://x.it/a b"), None);
        assert_eq!(
            normalize_url("https://www.comune.bologna.it/x?y=1").as_deref(),
            Some("https://www.comune.bologna.it/x?y=1")
        );
        assert_eq!(normalize_url("ftp://x.it"), None);
        assert_eq!(normalize_url("localhost"), None);
        assert!(is_email("progimpresa@cittametropolitana.bo.it"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a@@b.it"));
        assert!(!is_email("<a@b.it>"));
        assert!(is_email("anna.rossi+forum@comune.imola.bo.it"));
        assert!(is_email("o'brien@example.it"));
        // Other spellings of one mailbox, and look-alikes, are refused.
        for other in [
            "\"anna\"@example.it",
            "a\\nna@example.it",
            "anna@ｅxample.it",
            "ánna@example.it",
            ".anna@example.it",
            "an..na@example.it",
            "anna@example..it",
            "anna@-example.it",
            "anna@example.it.",
            "anna @example.it",
        ] {
            assert!(!is_email(other), "{other}");
        }
        assert!(is_phone("051 659 8111"));
        assert!(is_phone("+39 (051) 659-8111"));
        assert!(!is_phone("12345"));
        assert!(!is_phone("39+051659811"));
    }
}
