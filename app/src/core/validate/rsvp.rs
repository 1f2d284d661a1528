//! The RSVP form of an event: who is coming (first and last name, e-mail), from which
//! organisation or space, in what role, any accessibility needs, and the consent to the privacy
//! notice. Pure, shared by the browser and the server.

use super::{is_email, text, FieldErrors, FormField, Problem};
use serde::{Deserialize, Serialize};

/// The problems this form's checks can report (the browser's helper gets these messages).
pub const PROBLEMS: [Problem; 5] = [
    Problem::Required,
    Problem::TooLong { max: 0 },
    Problem::ControlCharacters,
    Problem::InvalidEmail,
    Problem::MustAccept,
];

/// The fields of the RSVP form, in form order (`Form`: a problem no one field explains).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    FirstName,
    LastName,
    Email,
    Affiliation,
    Role,
    Accessibility,
    ConsentPrivacy,
    /// Staff adding a registration: the person is here now (checked in at once).
    Present,
    /// Staff adding a registration to a full event: confirmed beyond the seats.
    BeyondCapacity,
    /// Staff adding someone named like a registration already there: another person indeed.
    SameNameOk,
    /// The answer to the question asked when many registrations come from one network.
    Answer,
    Form,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 12] = [
        Field::FirstName,
        Field::LastName,
        Field::Email,
        Field::Affiliation,
        Field::Role,
        Field::Accessibility,
        Field::ConsentPrivacy,
        Field::Present,
        Field::BeyondCapacity,
        Field::SameNameOk,
        Field::Answer,
        Field::Form,
    ];
}

impl FormField for Field {
    fn name(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Email => "attendee_email",
            Field::Affiliation => "affiliation",
            Field::Role => "attendee_role",
            Field::Accessibility => "accessibility",
            Field::ConsentPrivacy => "consent_privacy",
            Field::Present => "present",
            Field::BeyondCapacity => "beyond_capacity",
            Field::SameNameOk => "same_name_ok",
            Field::Answer => crate::core::view::event::ANSWER,
            Field::Form => "form",
        }
    }
}

pub const PERSON_NAME_MAX: usize = 80;
pub const AFFILIATION_MAX: usize = super::ORGANISATION_MAX;
pub const ROLE_MAX: usize = 120;
pub const ACCESSIBILITY_MAX: usize = 500;

/// The RSVP form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RsvpInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// The organisation or space (one of the mapped spaces, or any name).
    pub affiliation: String,
    pub role: String,
    pub accessibility: String,
    pub consent_privacy: Option<String>,
}

impl RsvpInput {
    /// The form from its posted name/value pairs: unknown names are ignored, a name given
    /// twice keeps its last value.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> RsvpInput {
        let mut input = RsvpInput::default();
        for (name, value) in pairs {
            let v = value.to_owned();
            match name {
                "first_name" => input.first_name = v,
                "last_name" => input.last_name = v,
                "attendee_email" => input.email = v,
                "affiliation" => input.affiliation = v,
                "attendee_role" => input.role = v,
                "accessibility" => input.accessibility = v,
                "consent_privacy" => input.consent_privacy = Some("on".to_owned()),
                _ => {}
            }
        }
        input
    }
}

/// The details staff correct in a registration, in form order.
pub const DETAILS: [Field; 6] = [
    Field::FirstName,
    Field::LastName,
    Field::Email,
    Field::Affiliation,
    Field::Role,
    Field::Accessibility,
];

impl RsvpInput {
    /// One detail's value (`None` for a field that is not a detail).
    pub fn detail(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::FirstName => &self.first_name,
            Field::LastName => &self.last_name,
            Field::Email => &self.email,
            Field::Affiliation => &self.affiliation,
            Field::Role => &self.role,
            Field::Accessibility => &self.accessibility,
            _ => return None,
        })
    }

    fn detail_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Email => &mut self.email,
            Field::Affiliation => &mut self.affiliation,
            Field::Role => &mut self.role,
            Field::Accessibility => &mut self.accessibility,
            _ => return None,
        })
    }

    /// A registration's details as stored, as the form shows them.
    pub fn of(v: &ValidRsvp) -> RsvpInput {
        RsvpInput {
            first_name: v.first_name.clone(),
            last_name: v.last_name.clone(),
            email: v.email.clone(),
            affiliation: v.affiliation.clone().unwrap_or_default(),
            role: v.role.clone().unwrap_or_default(),
            accessibility: v.accessibility.clone().unwrap_or_default(),
            consent_privacy: None,
        }
    }
}

/// Staff's correction of a registration that changed since their form was read (a colleague
/// corrected it too): each detail they left as read (`base`) takes the saved value, each they
/// changed keeps what they typed. The details both changed, differently, are returned: then
/// nothing may be saved until staff have seen the saved values.
pub fn merge_correction(
    typed: &RsvpInput,
    base: &RsvpInput,
    saved: &RsvpInput,
) -> (RsvpInput, Vec<Field>) {
    let same = |a: &str, b: &str| a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim();
    let mut merged = typed.clone();
    let mut clashes = Vec::new();
    for field in DETAILS {
        let (Some(mine), Some(read), Some(now)) =
            (typed.detail(field), base.detail(field), saved.detail(field))
        else {
            continue;
        };
        if same(mine, read) {
            if let Some(slot) = merged.detail_mut(field) {
                *slot = now.to_owned();
            }
        } else if !same(now, read) && !same(mine, now) {
            clashes.push(field);
        }
    }
    (merged, clashes)
}

/// An RSVP that passed validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidRsvp {
    pub first_name: String,
    pub last_name: String,
    /// Empty only in a registration staff added for someone without e-mail.
    pub email: String,
    /// The e-mail as compared for "one RSVP per e-mail per event": trimmed and lower-cased.
    pub email_key: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub accessibility: Option<String>,
}

/// The key that makes two spellings of one address the same registration.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks the RSVP form. All problems at once, in form order.
pub fn validate_rsvp(input: &RsvpInput) -> Result<ValidRsvp, FieldErrors<Field>> {
    check(input, false)
}

/// Checks a registration staff add (a phone call, a walk-in at the door): the same rules,
/// but the e-mail may be left empty (someone without one gets no e-mails) and the privacy
/// notice is not ticked by staff (they tell the person about it).
pub fn validate_staff_rsvp(input: &RsvpInput) -> Result<ValidRsvp, FieldErrors<Field>> {
    check(input, true)
}

fn check(input: &RsvpInput, by_staff: bool) -> Result<ValidRsvp, FieldErrors<Field>> {
    let mut errors = FieldErrors::default();
    let required = |value: &str, max: usize, field: Field, errors: &mut FieldErrors<Field>| {
        let v = text(value, max, false, field, errors);
        if v.is_none() && errors.get(field).is_none() {
            errors.add(field, Problem::Required);
        }
        v
    };
    let first_name = required(
        &input.first_name,
        PERSON_NAME_MAX,
        Field::FirstName,
        &mut errors,
    );
    let last_name = required(
        &input.last_name,
        PERSON_NAME_MAX,
        Field::LastName,
        &mut errors,
    );
    let email = if by_staff {
        // Empty is allowed: an address without a problem, or none.
        let typed = text(
            &input.email,
            super::EMAIL_MAX,
            false,
            Field::Email,
            &mut errors,
        );
        errors
            .get(Field::Email)
            .is_none()
            .then(|| typed.unwrap_or_default())
    } else {
        required(&input.email, super::EMAIL_MAX, Field::Email, &mut errors)
    };
    if email
        .as_deref()
        .is_some_and(|e| !e.is_empty() && !is_email(e))
    {
        errors.add(Field::Email, Problem::InvalidEmail);
    }
    let affiliation = text(
        &input.affiliation,
        AFFILIATION_MAX,
        false,
        Field::Affiliation,
        &mut errors,
    );
    let role = text(&input.role, ROLE_MAX, false, Field::Role, &mut errors);
    let accessibility = text(
        &input.accessibility,
        ACCESSIBILITY_MAX,
        true,
        Field::Accessibility,
        &mut errors,
    );
    if input.consent_privacy.is_none() && !by_staff {
        errors.add(Field::ConsentPrivacy, Problem::MustAccept);
    }
    match (first_name, last_name, email) {
        (Some(first_name), Some(last_name), Some(email)) if errors.is_empty() => Ok(ValidRsvp {
            email_key: email_key(&email),
            first_name,
            last_name,
            email,
            affiliation,
            role,
            accessibility,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> RsvpInput {
        RsvpInput {
            first_name: " Anna ".into(),
            last_name: "Rossi".into(),
            email: "Anna.Rossi@Example.it".into(),
            affiliation: "Opificio Golinelli".into(),
            role: "Coordinatrice".into(),
            accessibility: "Accesso in sedia a rotelle\r\nInterprete LIS".into(),
            consent_privacy: Some("on".into()),
        }
    }

    #[test]
    fn a_good_rsvp_is_trimmed_and_keyed() {
        let v = validate_rsvp(&good()).unwrap();
        assert_eq!(v.first_name, "Anna");
        assert_eq!(v.email, "Anna.Rossi@Example.it");
        assert_eq!(v.email_key, "anna.rossi@example.it");
        assert_eq!(
            v.accessibility.as_deref(),
            Some("Accesso in sedia a rotelle\nInterprete LIS")
        );
        let minimal = RsvpInput {
            affiliation: String::new(),
            role: " ".into(),
            accessibility: String::new(),
            ..good()
        };
        let v = validate_rsvp(&minimal).unwrap();
        assert_eq!((v.affiliation, v.role, v.accessibility), (None, None, None));
    }

    #[test]
    fn every_problem_is_reported_beside_its_field_in_form_order() {
        let errors = validate_rsvp(&RsvpInput::default()).unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (Field::FirstName, Problem::Required),
                (Field::LastName, Problem::Required),
                (Field::Email, Problem::Required),
                (Field::ConsentPrivacy, Problem::MustAccept),
            ]
        );
        let errors = validate_rsvp(&RsvpInput {
            email: "anna@".into(),
            ..good()
        })
        .unwrap_err();
        assert_eq!(errors.0, vec![(Field::Email, Problem::InvalidEmail)]);
    }

    #[test]
    fn staff_may_leave_the_email_empty_but_not_wrong() {
        let walk_in = RsvpInput {
            email: " ".into(),
            consent_privacy: None,
            ..good()
        };
        assert!(validate_rsvp(&walk_in).is_err());
        let v = validate_staff_rsvp(&walk_in).unwrap();
        assert_eq!((v.email.as_str(), v.email_key.as_str()), ("", ""));
        let v = validate_staff_rsvp(&good()).unwrap();
        assert_eq!(v.email_key, "anna.rossi@example.it");
        let errors = validate_staff_rsvp(&RsvpInput {
            first_name: String::new(),
            email: "anna@".into(),
            ..walk_in
        })
        .unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (Field::FirstName, Problem::Required),
                (Field::Email, Problem::InvalidEmail)
            ]
        );
    }

    #[test]
    fn hostile_input_is_refused_not_trusted() {
        let errors = validate_rsvp(&RsvpInput {
            first_name: "x".repeat(10_000),
            last_name: "Rossi\u{0}".into(),
            email: "<script>@x.it".into(),
            role: "a\nb".into(),
            accessibility: "ü".repeat(ACCESSIBILITY_MAX + 1),
            ..good()
        })
        .unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (
                    Field::FirstName,
                    Problem::TooLong {
                        max: PERSON_NAME_MAX
                    }
                ),
                (Field::LastName, Problem::ControlCharacters),
                (Field::Email, Problem::InvalidEmail),
                (Field::Role, Problem::ControlCharacters),
                (
                    Field::Accessibility,
                    Problem::TooLong {
                        max: ACCESSIBILITY_MAX
                    }
                ),
            ]
        );
        // Markup is text: it is stored as typed and escaped wherever it is shown.
        let v = validate_rsvp(&RsvpInput {
            affiliation: "<b>Lab</b>".into(),
            ..good()
        })
        .unwrap();
        assert_eq!(v.affiliation.as_deref(), Some("<b>Lab</b>"));
    }

    #[test]
    fn a_correction_takes_a_colleagues_other_changes_and_stops_at_the_same_ones() {
        let base = RsvpInput {
            first_name: "Anna".into(),
            last_name: "Rosi".into(),
            email: "anna@example.it".into(),
            ..Default::default()
        };
        // Staff fix the surname; meanwhile a colleague added the accessibility needs.
        let typed = RsvpInput {
            last_name: "Rossi".into(),
            ..base.clone()
        };
        let saved = RsvpInput {
            accessibility: "Sedia a rotelle".into(),
            ..base.clone()
        };
        let (merged, clashes) = merge_correction(&typed, &base, &saved);
        assert!(clashes.is_empty());
        assert_eq!(merged.last_name, "Rossi");
        assert_eq!(merged.accessibility, "Sedia a rotelle");
        // The same fix made by both is no clash; two different ones are.
        let same_fix = RsvpInput {
            last_name: "Rossi ".into(),
            ..saved.clone()
        };
        assert!(merge_correction(&typed, &base, &same_fix).1.is_empty());
        let other_fix = RsvpInput {
            last_name: "Russo".into(),
            ..saved
        };
        let (merged, clashes) = merge_correction(&typed, &base, &other_fix);
        assert_eq!(clashes, vec![Field::LastName]);
        assert_eq!(
            merged.last_name, "Rossi",
            "what was typed stays in the form"
        );
    }

    #[test]
    fn posted_pairs_fill_the_form() {
        let input = RsvpInput::from_pairs([
            ("first_name", "Anna"),
            ("attendee_email", "a@b.it"),
            ("consent_privacy", "on"),
            ("fax", "robot"),
            ("first_name", "Anna Maria"),
        ]);
        assert_eq!(input.first_name, "Anna Maria");
        assert_eq!(input.email, "a@b.it");
        assert!(input.consent_privacy.is_some());
    }
}
