//! Validation of what people type, shared by the browser (instant feedback) and the server
//! (authoritative: every post is checked again). Pure functions, no I/O: the server adds the
//! checks that need the database (the municipality exists, the slug is free).

use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind, METRO_BOUNDS};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 600;
pub const ADDRESS_MAX: usize = 200;
pub const URL_MAX: usize = 300;
pub const EMAIL_MAX: usize = 254;
pub const PHONE_MAX: usize = 30;
pub const ORGANISATION_MAX: usize = 160;
pub const HOURS_MAX: usize = 300;
pub const SERVICES_MAX: usize = 600;
/// How far outside the metropolitan area's box a position may fall (degrees, ~5 km).
const AREA_MARGIN: f64 = 0.05;

/// The fields of the space form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Name,
    Kinds,
    Description,
    Services,
    OpeningHours,
    Address,
    Municipality,
    Lat,
    Lon,
    Precision,
    Website,
    Email,
    Phone,
    Organisation,
    OrganisationKind,
    OrganisationWebsite,
    OrganisationDescription,
    // The staff forms (inviting a colleague, choosing a password).
    StaffName,
    StaffEmail,
    Role,
    Password,
    PasswordConfirm,
    // The join form, beyond the space form's fields.
    OrganisationTaxCode,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
    Needs,
    NeedsOther,
    Vision,
    ConsentPrivacy,
    /// The form as a whole (a problem no one field explains).
    Form,
    /// Staff's reason for a decision.
    Reason,
    // The RSVP form.
    FirstName,
    LastName,
    AttendeeEmail,
    Affiliation,
    AttendeeRole,
    Accessibility,
    // The staff form of an event.
    EventSlug,
    TitleIt,
    TitleEn,
    SummaryIt,
    SummaryEn,
    DescriptionIt,
    DescriptionEn,
    ProgrammeIt,
    ProgrammeEn,
    StartsAt,
    EndsAt,
    VenueName,
    VenueAddress,
    VenueSpace,
    Organiser,
    EventEmail,
    Capacity,
    RsvpOpensAt,
    RsvpClosesAt,
}

impl Field {
    /// The form control's `name` and `id` suffix.
    pub fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Kinds => "kinds",
            Field::Description => "description",
            Field::Address => "address",
            Field::Municipality => "municipality",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::Precision => "precision",
            Field::Website => "website",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Organisation => "organisation",
            Field::OrganisationKind => "organisation_kind",
            Field::OrganisationWebsite => "organisation_website",
            Field::OrganisationDescription => "organisation_description",
            Field::StaffName => "staff_name",
            Field::StaffEmail => "staff_email",
            Field::Role => "role",
            Field::Password => "password",
            Field::PasswordConfirm => "password_confirm",
            Field::OpeningHours => "opening_hours",
            Field::Services => "services",
            Field::OrganisationTaxCode => "organisation_tax_code",
            Field::ContactName => "contact_name",
            Field::ContactRole => "contact_role",
            Field::ContactEmail => "contact_email",
            Field::ContactPhone => "contact_phone",
            Field::Needs => "needs",
            Field::NeedsOther => "needs_other",
            Field::Vision => "vision",
            Field::ConsentPrivacy => "consent_privacy",
            Field::Form => "form",
            Field::Reason => "motivo",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::AttendeeEmail => "attendee_email",
            Field::Affiliation => "affiliation",
            Field::AttendeeRole => "attendee_role",
            Field::Accessibility => "accessibility",
            Field::EventSlug => "slug",
            Field::TitleIt => "title_it",
            Field::TitleEn => "title_en",
            Field::SummaryIt => "summary_it",
            Field::SummaryEn => "summary_en",
            Field::DescriptionIt => "description_it",
            Field::DescriptionEn => "description_en",
            Field::ProgrammeIt => "programme_it",
            Field::ProgrammeEn => "programme_en",
            Field::StartsAt => "starts_at",
            Field::EndsAt => "ends_at",
            Field::VenueName => "venue_name",
            Field::VenueAddress => "venue_address",
            Field::VenueSpace => "venue_space",
            Field::Organiser => "organiser",
            Field::EventEmail => "contact_email",
            Field::Capacity => "capacity",
            Field::RsvpOpensAt => "rsvp_opens_at",
            Field::RsvpClosesAt => "rsvp_closes_at",
        }
    }
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
}

/// Problems by field, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(Field, Problem)>);

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: Field) -> Option<Problem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
    }

    pub fn first(&self) -> Option<Field> {
        self.0.first().map(|(f, _)| *f)
    }

    pub fn add(&mut self, field: Field, problem: Problem) {
        if self.get(field).is_none() {
            self.0.push((field, problem));
        }
    }
}

/// The space form as typed (every field a string, as it came from the browser).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind_coworking: Option<String>,
    #[serde(default)]
    pub kind_fablab: Option<String>,
    #[serde(default, rename = "kind_incubator-accelerator")]
    pub kind_incubator_accelerator: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub lat: String,
    #[serde(default)]
    pub lon: String,
    #[serde(default)]
    pub precision: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub organisation_kind: String,
    #[serde(default)]
    pub organisation_website: String,
    #[serde(default)]
    pub organisation_description: String,
    #[serde(default)]
    pub opening_hours: String,
    #[serde(default)]
    pub services: String,
}

impl SpaceInput {
    pub fn has_kind(&self, kind: SpaceKind) -> bool {
        match kind {
            SpaceKind::Coworking => self.kind_coworking.is_some(),
            SpaceKind::Fablab => self.kind_fablab.is_some(),
            SpaceKind::IncubatorAccelerator => self.kind_incubator_accelerator.is_some(),
        }
    }
}

/// A space that passed validation: trimmed, normalised, typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidSpace {
    pub name: String,
    pub kinds: Vec<SpaceKind>,
    pub description: Option<String>,
    pub address: Option<String>,
    pub municipality: String,
    pub lat: f64,
    pub lon: f64,
    pub precision: PositionPrecision,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
    pub organisation_kind: Option<OrganisationKind>,
    pub organisation_website: Option<String>,
    pub organisation_description: Option<String>,
    pub opening_hours: Option<String>,
    pub services: Option<String>,
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
fn text(
    value: &str,
    max: usize,
    multiline: bool,
    field: Field,
    errors: &mut FieldErrors,
) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let bad = value.chars().any(|c| {
        (c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || invisible(c)
    });
    if bad {
        errors.add(field, Problem::ControlCharacters);
        return None;
    }
    if value.chars().count() > max {
        errors.add(field, Problem::TooLong { max });
        return None;
    }
    Some(value.replace("\r\n", "\n"))
}

/// A decimal number, accepting the Italian comma.
fn number(value: &str, field: Field, errors: &mut FieldErrors) -> Option<f64> {
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

pub mod event;
pub mod join;
pub mod rsvp;

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 1024;

/// An admin's invitation of a colleague, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteInput {
    #[serde(default)]
    pub staff_name: String,
    #[serde(default)]
    pub staff_email: String,
    #[serde(default)]
    pub role: String,
}

/// A valid invitation: the e-mail lower-cased, the role known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidInvite {
    pub name: String,
    pub email: String,
    pub role: crate::core::model::Role,
}

/// Checks the invitation form.
pub fn validate_invite(input: &InviteInput) -> Result<ValidInvite, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = text(
        &input.staff_name,
        NAME_MAX,
        false,
        Field::StaffName,
        &mut errors,
    );
    if name.is_none() && errors.get(Field::StaffName).is_none() {
        errors.add(Field::StaffName, Problem::Required);
    }
    let email = text(
        &input.staff_email,
        EMAIL_MAX,
        false,
        Field::StaffEmail,
        &mut errors,
    )
    .map(|e| e.to_lowercase());
    match &email {
        None if errors.get(Field::StaffEmail).is_none() => {
            errors.add(Field::StaffEmail, Problem::Required)
        }
        Some(e) if !is_email(e) => errors.add(Field::StaffEmail, Problem::InvalidEmail),
        _ => {}
    }
    let role = crate::core::model::Role::from_code(input.role.trim());
    if role.is_none() {
        errors.add(Field::Role, Problem::UnknownChoice);
    }
    match (name, email, role) {
        (Some(name), Some(email), Some(role)) if errors.is_empty() => {
            Ok(ValidInvite { name, email, role })
        }
        _ => Err(errors),
    }
}

/// A new password and its confirmation: long enough (a passphrase beats symbols), not absurdly
/// long, typed the same twice. Nothing else is imposed (NIST SP 800-63B).
pub fn validate_new_password(password: &str, confirm: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    let chars = password.chars().count();
    if password.is_empty() {
        errors.add(Field::Password, Problem::Required);
    } else if chars < PASSWORD_MIN {
        errors.add(Field::Password, Problem::TooShort { min: PASSWORD_MIN });
    } else if chars > PASSWORD_MAX {
        errors.add(Field::Password, Problem::TooLong { max: PASSWORD_MAX });
    } else if password.chars().any(char::is_control) {
        errors.add(Field::Password, Problem::ControlCharacters);
    } else if password != confirm {
        errors.add(Field::PasswordConfirm, Problem::Mismatch);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Checks the space form. All problems are reported at once, in form order.
pub fn validate_space(input: &SpaceInput) -> Result<ValidSpace, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = text(&input.name, NAME_MAX, false, Field::Name, &mut errors);
    if name.is_none() && errors.get(Field::Name).is_none() {
        errors.add(Field::Name, Problem::Required);
    }
    let kinds: Vec<SpaceKind> = SpaceKind::ALL
        .into_iter()
        .filter(|k| input.has_kind(*k))
        .collect();
    if kinds.is_empty() {
        errors.add(Field::Kinds, Problem::ChooseAtLeastOne);
    }
    let description = text(
        &input.description,
        DESCRIPTION_MAX,
        true,
        Field::Description,
        &mut errors,
    );
    let address = text(
        &input.address,
        ADDRESS_MAX,
        false,
        Field::Address,
        &mut errors,
    );
    let municipality = input.municipality.trim().to_owned();
    if municipality.is_empty() {
        errors.add(Field::Municipality, Problem::Required);
    } else if municipality.len() != 6 || !municipality.bytes().all(|b| b.is_ascii_digit()) {
        errors.add(Field::Municipality, Problem::UnknownChoice);
    }
    let lat = number(&input.lat, Field::Lat, &mut errors);
    let lon = number(&input.lon, Field::Lon, &mut errors);
    if let (Some(lat), Some(lon)) = (lat, lon) {
        if !in_metro_area(lat, lon) {
            errors.add(Field::Lat, Problem::OutsideArea);
        }
    }
    let precision = match input.precision.trim() {
        "" => PositionPrecision::Exact,
        code => PositionPrecision::from_code(code).unwrap_or_else(|| {
            errors.add(Field::Precision, Problem::UnknownChoice);
            PositionPrecision::Exact
        }),
    };
    let url = |value: &str, field: Field, errors: &mut FieldErrors| {
        text(value, URL_MAX, false, field, errors).and_then(|v| {
            let normalized = normalize_url(&v);
            if normalized.is_none() {
                errors.add(field, Problem::InvalidUrl);
            }
            normalized
        })
    };
    let website = url(&input.website, Field::Website, &mut errors);
    let email = text(&input.email, EMAIL_MAX, false, Field::Email, &mut errors).and_then(|v| {
        if is_email(&v) {
            Some(v)
        } else {
            errors.add(Field::Email, Problem::InvalidEmail);
            None
        }
    });
    let phone = text(&input.phone, PHONE_MAX, false, Field::Phone, &mut errors).and_then(|v| {
        if is_phone(&v) {
            Some(v)
        } else {
            errors.add(Field::Phone, Problem::InvalidPhone);
            None
        }
    });
    let organisation = text(
        &input.organisation,
        ORGANISATION_MAX,
        false,
        Field::Organisation,
        &mut errors,
    );
    let organisation_kind = match input.organisation_kind.trim() {
        "" => None,
        code => {
            let kind = OrganisationKind::from_code(code);
            if kind.is_none() {
                errors.add(Field::OrganisationKind, Problem::UnknownChoice);
            }
            kind
        }
    };
    let organisation_website = url(
        &input.organisation_website,
        Field::OrganisationWebsite,
        &mut errors,
    );
    let organisation_description = text(
        &input.organisation_description,
        DESCRIPTION_MAX,
        true,
        Field::OrganisationDescription,
        &mut errors,
    );
    let opening_hours = text(
        &input.opening_hours,
        HOURS_MAX,
        true,
        Field::OpeningHours,
        &mut errors,
    );
    let services = text(
        &input.services,
        SERVICES_MAX,
        true,
        Field::Services,
        &mut errors,
    );
    if !errors.is_empty() {
        // Keep form order, whatever order the checks ran in.
        let order = |f: &Field| *f as usize;
        errors.0.sort_by_key(|(f, _)| order(f));
        return Err(errors);
    }
    Ok(ValidSpace {
        name: name.unwrap_or_default(),
        kinds,
        description,
        address,
        municipality,
        lat: lat.unwrap_or_default(),
        lon: lon.unwrap_or_default(),
        precision,
        website,
        email,
        phone,
        organisation,
        organisation_kind,
        organisation_website,
        organisation_description,
        opening_hours,
        services,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> SpaceInput {
        SpaceInput {
            name: "  Officina Nuova ".into(),
            kind_fablab: Some("on".into()),
            description: "Un fab lab\r\ncon stampanti 3D.".into(),
            municipality: "037006".into(),
            lat: "44,4949".into(),
            lon: "11.3426".into(),
            website: "officina.example.it".into(),
            email: "info@officina.example.it".into(),
            phone: "+39 051 123 4567".into(),
            organisation_kind: "association".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_space_is_normalised() {
        let v = validate_space(&good()).unwrap();
        assert_eq!(v.name, "Officina Nuova");
        assert_eq!(v.kinds, vec![SpaceKind::Fablab]);
        assert_eq!(
            v.description.as_deref(),
            Some("Un fab lab\ncon stampanti 3D.")
        );
        assert_eq!(v.lat, 44.4949);
        assert_eq!(v.website.as_deref(), Some("https://officina.example.it"));
        assert_eq!(v.precision, PositionPrecision::Exact);
        assert_eq!(v.organisation_kind, Some(OrganisationKind::Association));
        assert_eq!(v.address, None);
    }

    #[test]
    fn every_problem_is_reported_in_form_order() {
        let errors = validate_space(&SpaceInput::default()).unwrap_err();
        let fields: Vec<Field> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                Field::Name,
                Field::Kinds,
                Field::Municipality,
                Field::Lat,
                Field::Lon
            ]
        );
        assert_eq!(errors.get(Field::Name), Some(Problem::Required));
        assert_eq!(errors.first(), Some(Field::Name));
    }

    #[test]
    fn hostile_and_odd_input_is_refused_clearly() {
        let mut i = good();
        i.name = "<script>alert(1)</script>".into(); // just text: escaped when shown
        assert!(validate_space(&i).is_ok());
        i.name = "Nome\u{0}nascosto".into();
        assert_eq!(
            validate_space(&i).unwrap_err().get(Field::Name),
            Some(Problem::ControlCharacters)
        );
        // Invisible characters that make one name look like another.
        for spoof in ["Alma\u{200B}cube", "\u{202E}ebucamlA", "Alma\u{2060}cube"] {
            i.name = spoof.into();
            assert_eq!(
                validate_space(&i).unwrap_err().get(Field::Name),
                Some(Problem::ControlCharacters),
                "{spoof:?}"
            );
        }
        i.name = "Caff\u{e8} \u{200D}".into(); // a joiner some scripts need: allowed
        assert!(validate_space(&i).is_ok());
        i.name = "x".repeat(NAME_MAX + 1);
        assert_eq!(
            validate_space(&i).unwrap_err().get(Field::Name),
            Some(Problem::TooLong { max: NAME_MAX })
        );
        i.name = "é".repeat(NAME_MAX); // counted in characters, not bytes
        assert!(validate_space(&i).is_ok());

        let mut i = good();
        i.website = "javascript:alert(1)".into();
        i.email = "not an email".into();
        i.phone = "call me".into();
        i.municipality = "037006' OR 1=1".into();
        i.lat = "NaN".into();
        i.precision = "roughly".into();
        i.organisation_kind = "cult".into();
        let e = validate_space(&i).unwrap_err();
        assert_eq!(e.get(Field::Website), Some(Problem::InvalidUrl));
        assert_eq!(e.get(Field::Email), Some(Problem::InvalidEmail));
        assert_eq!(e.get(Field::Phone), Some(Problem::InvalidPhone));
        assert_eq!(e.get(Field::Municipality), Some(Problem::UnknownChoice));
        assert_eq!(e.get(Field::Lat), Some(Problem::NotANumber));
        assert_eq!(e.get(Field::Precision), Some(Problem::UnknownChoice));
        assert_eq!(e.get(Field::OrganisationKind), Some(Problem::UnknownChoice));
    }

    #[test]
    fn positions_outside_the_metropolitan_area_are_refused() {
        for (lat, lon) in [
            ("45.4642", "9.19"),
            ("0", "0"),
            ("44.49", "-11.34"),
            ("91", "11.3"),
        ] {
            let mut i = good();
            i.lat = lat.into();
            i.lon = lon.into();
            assert_eq!(
                validate_space(&i).unwrap_err().get(Field::Lat),
                Some(Problem::OutsideArea),
                "{lat},{lon}"
            );
        }
        assert!(in_metro_area(44.713209, 11.306598)); // Pieve di Cento
        assert!(in_metro_area(44.1, 11.0));
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

    #[test]
    fn invitations_need_a_name_an_email_and_a_known_role() {
        let ok = validate_invite(&InviteInput {
            staff_name: "  Anna Rossi ".into(),
            staff_email: "Anna.Rossi@CittaMetropolitana.bo.it".into(),
            role: "editor".into(),
        })
        .unwrap();
        assert_eq!(ok.name, "Anna Rossi");
        assert_eq!(ok.email, "anna.rossi@cittametropolitana.bo.it");
        assert_eq!(ok.role, crate::core::model::Role::Editor);
        let errors = validate_invite(&InviteInput {
            staff_name: "<script>\u{0}".into(),
            staff_email: "not an email".into(),
            role: "superuser".into(),
        })
        .unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (Field::StaffName, Problem::ControlCharacters),
                (Field::StaffEmail, Problem::InvalidEmail),
                (Field::Role, Problem::UnknownChoice),
            ]
        );
        let errors = validate_invite(&InviteInput::default()).unwrap_err();
        assert_eq!(errors.get(Field::StaffName), Some(Problem::Required));
        assert_eq!(errors.get(Field::StaffEmail), Some(Problem::Required));
    }

    #[test]
    fn new_passwords_are_long_enough_and_confirmed() {
        assert!(validate_new_password("una frase lunga", "una frase lunga").is_ok());
        let short = validate_new_password("corta", "corta").unwrap_err();
        assert_eq!(
            short.get(Field::Password),
            Some(Problem::TooShort { min: 12 })
        );
        let typo = validate_new_password("una frase lunga", "una frase lungha").unwrap_err();
        assert_eq!(typo.get(Field::PasswordConfirm), Some(Problem::Mismatch));
        let huge = "x".repeat(PASSWORD_MAX + 1);
        assert_eq!(
            validate_new_password(&huge, &huge)
                .unwrap_err()
                .get(Field::Password),
            Some(Problem::TooLong { max: PASSWORD_MAX })
        );
        assert_eq!(
            validate_new_password("", "")
                .unwrap_err()
                .get(Field::Password),
            Some(Problem::Required)
        );
    }
}
