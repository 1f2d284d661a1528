//! The staff form of an event: texts in Italian (required) and English (optional), date and
//! time as Rome wall-clock values (`<input type="datetime-local">`), the venue (a mapped space
//! or any place), capacity and the registration window. Pure and shared; the server adds what
//! only the database knows (the slug is free, the capacity is not below the seats taken).

use super::{is_email, text, FieldErrors, FormField, Problem};
use crate::core::datetime::parse_local;
use serde::{Deserialize, Serialize};

/// The fields of the event form, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Slug,
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
    TravelIt,
    TravelEn,
    AccessIt,
    AccessEn,
    Organiser,
    Email,
    Capacity,
    RsvpOpensAt,
    RsvpClosesAt,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 23] = [
        Field::Slug,
        Field::TitleIt,
        Field::TitleEn,
        Field::SummaryIt,
        Field::SummaryEn,
        Field::DescriptionIt,
        Field::DescriptionEn,
        Field::ProgrammeIt,
        Field::ProgrammeEn,
        Field::StartsAt,
        Field::EndsAt,
        Field::VenueName,
        Field::VenueAddress,
        Field::VenueSpace,
        Field::TravelIt,
        Field::TravelEn,
        Field::AccessIt,
        Field::AccessEn,
        Field::Organiser,
        Field::Email,
        Field::Capacity,
        Field::RsvpOpensAt,
        Field::RsvpClosesAt,
    ];
}

impl FormField for Field {
    fn name(self) -> &'static str {
        match self {
            Field::Slug => "slug",
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
            Field::TravelIt => "travel_it",
            Field::TravelEn => "travel_en",
            Field::AccessIt => "access_it",
            Field::AccessEn => "access_en",
            Field::Organiser => "organiser",
            Field::Email => "contact_email",
            Field::Capacity => "capacity",
            Field::RsvpOpensAt => "rsvp_opens_at",
            Field::RsvpClosesAt => "rsvp_closes_at",
        }
    }
}

pub const TITLE_MAX: usize = 160;
pub const SUMMARY_MAX: usize = 300;
pub const EVENT_DESCRIPTION_MAX: usize = 4000;
pub const PROGRAMME_MAX: usize = 2000;
pub const VENUE_MAX: usize = 160;
/// Getting there (public transport, bike, parking) and the venue's accessibility, each.
pub const VENUE_NOTES_MAX: usize = 1000;
pub const SLUG_MAX: usize = 80;
pub const CAPACITY_MAX: i64 = 100_000;

/// The event form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventInput {
    pub slug: String,
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
    pub description_it: String,
    pub description_en: String,
    pub programme_it: String,
    pub programme_en: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue_name: String,
    pub venue_address: String,
    /// The id of the mapped space that hosts it, or empty.
    pub venue_space: String,
    pub organiser: String,
    pub contact_email: String,
    pub capacity: String,
    pub rsvp_opens_at: String,
    pub rsvp_closes_at: String,
    pub travel_it: String,
    pub travel_en: String,
    pub access_it: String,
    pub access_en: String,
}

impl EventInput {
    /// Every field's value as typed, in form order.
    pub fn values(&self) -> Vec<(Field, String)> {
        [
            (Field::Slug, &self.slug),
            (Field::TitleIt, &self.title_it),
            (Field::TitleEn, &self.title_en),
            (Field::SummaryIt, &self.summary_it),
            (Field::SummaryEn, &self.summary_en),
            (Field::DescriptionIt, &self.description_it),
            (Field::DescriptionEn, &self.description_en),
            (Field::ProgrammeIt, &self.programme_it),
            (Field::ProgrammeEn, &self.programme_en),
            (Field::StartsAt, &self.starts_at),
            (Field::EndsAt, &self.ends_at),
            (Field::VenueName, &self.venue_name),
            (Field::VenueAddress, &self.venue_address),
            (Field::VenueSpace, &self.venue_space),
            (Field::TravelIt, &self.travel_it),
            (Field::TravelEn, &self.travel_en),
            (Field::AccessIt, &self.access_it),
            (Field::AccessEn, &self.access_en),
            (Field::Organiser, &self.organiser),
            (Field::Email, &self.contact_email),
            (Field::Capacity, &self.capacity),
            (Field::RsvpOpensAt, &self.rsvp_opens_at),
            (Field::RsvpClosesAt, &self.rsvp_closes_at),
        ]
        .into_iter()
        .map(|(f, v)| (f, v.clone()))
        .collect()
    }
}

/// An event form that passed validation (also how events are stored).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ValidEvent {
    pub slug: String,
    pub title_it: String,
    pub title_en: Option<String>,
    pub summary_it: Option<String>,
    pub summary_en: Option<String>,
    pub description_it: Option<String>,
    pub description_en: Option<String>,
    pub programme_it: Option<String>,
    pub programme_en: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue_name: String,
    pub venue_address: String,
    pub venue_space: Option<i64>,
    pub organiser: String,
    pub contact_email: String,
    pub capacity: i64,
    pub rsvp_opens_at: Option<i64>,
    pub rsvp_closes_at: Option<i64>,
    /// Getting there: public transport, bike, parking (one note per line).
    pub travel_it: Option<String>,
    pub travel_en: Option<String>,
    /// The venue's accessibility: step-free entrance, lifts, toilets, hearing loop…
    pub access_it: Option<String>,
    pub access_en: Option<String>,
}

impl ValidEvent {
    /// A valid event as the form shows it again.
    pub fn as_input(&self) -> EventInput {
        let v = self;
        let local = |t: Option<i64>| {
            t.map(crate::core::datetime::to_local_input)
                .unwrap_or_default()
        };
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        EventInput {
            slug: v.slug.clone(),
            title_it: v.title_it.clone(),
            title_en: s(&v.title_en),
            summary_it: s(&v.summary_it),
            summary_en: s(&v.summary_en),
            description_it: s(&v.description_it),
            description_en: s(&v.description_en),
            programme_it: s(&v.programme_it),
            programme_en: s(&v.programme_en),
            starts_at: local(Some(v.starts_at)),
            ends_at: local(Some(v.ends_at)),
            venue_name: v.venue_name.clone(),
            venue_address: v.venue_address.clone(),
            venue_space: v.venue_space.map(|id| id.to_string()).unwrap_or_default(),
            organiser: v.organiser.clone(),
            contact_email: v.contact_email.clone(),
            capacity: v.capacity.to_string(),
            rsvp_opens_at: local(v.rsvp_opens_at),
            rsvp_closes_at: local(v.rsvp_closes_at),
            travel_it: s(&v.travel_it),
            travel_en: s(&v.travel_en),
            access_it: s(&v.access_it),
            access_en: s(&v.access_en),
        }
    }
}

/// A slug people can read and type: lower-case letters, digits and single hyphens.
pub fn is_slug(slug: &str) -> bool {
    (3..=SLUG_MAX).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

fn required(
    value: &str,
    max: usize,
    field: Field,
    errors: &mut FieldErrors<Field>,
) -> Option<String> {
    let v = text(value, max, false, field, errors);
    if v.is_none() && errors.get(field).is_none() {
        errors.add(field, Problem::Required);
    }
    v
}

fn when(value: &str, field: Field, needed: bool, errors: &mut FieldErrors<Field>) -> Option<i64> {
    if value.trim().is_empty() {
        if needed {
            errors.add(field, Problem::Required);
        }
        return None;
    }
    let parsed = parse_local(value);
    if parsed.is_none() {
        errors.add(field, Problem::InvalidDate);
    }
    parsed
}

/// Checks the event form. All problems at once, in form order.
pub fn validate_event(input: &EventInput) -> Result<ValidEvent, FieldErrors<Field>> {
    let mut errors = FieldErrors::default();
    let title_it = required(&input.title_it, TITLE_MAX, Field::TitleIt, &mut errors);
    let title_en = text(
        &input.title_en,
        TITLE_MAX,
        false,
        Field::TitleEn,
        &mut errors,
    );
    let slug = input.slug.trim().to_owned();
    let slug = if slug.is_empty() {
        title_it.as_deref().map(crate::core::text::slugify)
    } else if is_slug(&slug) {
        Some(slug)
    } else {
        errors.add(Field::Slug, Problem::InvalidSlug);
        None
    };
    let long = |v: &str, max, f, e: &mut FieldErrors<Field>| text(v, max, true, f, e);
    let summary_it = long(
        &input.summary_it,
        SUMMARY_MAX,
        Field::SummaryIt,
        &mut errors,
    );
    let summary_en = long(
        &input.summary_en,
        SUMMARY_MAX,
        Field::SummaryEn,
        &mut errors,
    );
    let description_it = long(
        &input.description_it,
        EVENT_DESCRIPTION_MAX,
        Field::DescriptionIt,
        &mut errors,
    );
    let description_en = long(
        &input.description_en,
        EVENT_DESCRIPTION_MAX,
        Field::DescriptionEn,
        &mut errors,
    );
    let programme_it = long(
        &input.programme_it,
        PROGRAMME_MAX,
        Field::ProgrammeIt,
        &mut errors,
    );
    let programme_en = long(
        &input.programme_en,
        PROGRAMME_MAX,
        Field::ProgrammeEn,
        &mut errors,
    );
    let notes = |value: &str, field, errors: &mut FieldErrors<Field>| {
        long(value, VENUE_NOTES_MAX, field, errors)
    };
    let travel_it = notes(&input.travel_it, Field::TravelIt, &mut errors);
    let travel_en = notes(&input.travel_en, Field::TravelEn, &mut errors);
    let access_it = notes(&input.access_it, Field::AccessIt, &mut errors);
    let access_en = notes(&input.access_en, Field::AccessEn, &mut errors);
    let starts_at = when(&input.starts_at, Field::StartsAt, true, &mut errors);
    let ends_at = when(&input.ends_at, Field::EndsAt, true, &mut errors);
    if let (Some(s), Some(e)) = (starts_at, ends_at) {
        if e <= s {
            errors.add(Field::EndsAt, Problem::EndBeforeStart);
        }
    }
    let venue_name = required(&input.venue_name, VENUE_MAX, Field::VenueName, &mut errors);
    let venue_address = required(
        &input.venue_address,
        super::ADDRESS_MAX,
        Field::VenueAddress,
        &mut errors,
    );
    let venue_space = match input.venue_space.trim() {
        "" => None,
        id => match id.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add(Field::VenueSpace, Problem::UnknownChoice);
                None
            }
        },
    };
    let organiser = required(
        &input.organiser,
        super::ORGANISATION_MAX,
        Field::Organiser,
        &mut errors,
    );
    let contact_email = required(
        &input.contact_email,
        super::EMAIL_MAX,
        Field::Email,
        &mut errors,
    );
    if contact_email.as_deref().is_some_and(|e| !is_email(e)) {
        errors.add(Field::Email, Problem::InvalidEmail);
    }
    let capacity = match input.capacity.trim() {
        "" => {
            errors.add(Field::Capacity, Problem::Required);
            None
        }
        c => match c.parse::<i64>() {
            Ok(n) if (0..=CAPACITY_MAX).contains(&n) => Some(n),
            _ => {
                errors.add(
                    Field::Capacity,
                    Problem::OutOfRange {
                        min: 0,
                        max: CAPACITY_MAX,
                    },
                );
                None
            }
        },
    };
    let rsvp_opens_at = when(&input.rsvp_opens_at, Field::RsvpOpensAt, false, &mut errors);
    let rsvp_closes_at = when(
        &input.rsvp_closes_at,
        Field::RsvpClosesAt,
        false,
        &mut errors,
    );
    if let (Some(o), Some(c)) = (rsvp_opens_at, rsvp_closes_at.or(starts_at)) {
        if c <= o {
            let field = if rsvp_closes_at.is_some() {
                Field::RsvpClosesAt
            } else {
                Field::RsvpOpensAt
            };
            errors.add(field, Problem::EndBeforeStart);
        }
    }
    if let (Some(c), Some(e)) = (rsvp_closes_at, ends_at) {
        if c > e {
            errors.add(Field::RsvpClosesAt, Problem::AfterTheEnd);
        }
    }
    match (
        slug,
        title_it,
        starts_at,
        ends_at,
        venue_name,
        venue_address,
        organiser,
        contact_email,
        capacity,
    ) {
        (
            Some(slug),
            Some(title_it),
            Some(starts_at),
            Some(ends_at),
            Some(venue_name),
            Some(venue_address),
            Some(organiser),
            Some(contact_email),
            Some(capacity),
        ) if errors.is_empty() => Ok(ValidEvent {
            slug,
            title_it,
            title_en,
            summary_it,
            summary_en,
            description_it,
            description_en,
            programme_it,
            programme_en,
            starts_at,
            ends_at,
            venue_name,
            venue_address,
            venue_space,
            organiser,
            contact_email,
            capacity,
            rsvp_opens_at,
            rsvp_closes_at,
            travel_it,
            travel_en,
            access_it,
            access_en,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> EventInput {
        EventInput {
            title_it: "Secondo incontro del Forum".into(),
            starts_at: "2022-10-20T17:00".into(),
            ends_at: "2022-10-20T19:00".into(),
            venue_name: "Palazzo Malvezzi".into(),
            venue_address: "Via Zamboni 13, Bologna".into(),
            organiser: "Città metropolitana di Bologna".into(),
            contact_email: "progimpresa@cittametropolitana.bo.it".into(),
            capacity: "60".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_event_gets_a_slug_and_rome_times() {
        let v = validate_event(&good()).unwrap();
        assert_eq!(v.slug, "secondo-incontro-del-forum");
        // 20 October 2022 is still summer time: 17:00 in Rome is 15:00 UTC.
        assert_eq!(
            crate::core::datetime::utc_basic(v.starts_at),
            "20221020T150000Z"
        );
        assert_eq!(v.capacity, 60);
        assert_eq!(
            (v.rsvp_opens_at, v.rsvp_closes_at, v.venue_space),
            (None, None, None)
        );
        let v = validate_event(&EventInput {
            slug: "forum-ottobre".into(),
            venue_space: "7".into(),
            rsvp_opens_at: "2022-10-01T09:00".into(),
            rsvp_closes_at: "2022-10-19T12:00".into(),
            ..good()
        })
        .unwrap();
        assert_eq!(v.slug, "forum-ottobre");
        assert_eq!(v.venue_space, Some(7));
        assert!(v.rsvp_opens_at < v.rsvp_closes_at);
    }

    #[test]
    fn every_problem_is_reported_in_form_order() {
        let errors = validate_event(&EventInput::default()).unwrap_err();
        let fields: Vec<Field> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                Field::TitleIt,
                Field::StartsAt,
                Field::EndsAt,
                Field::VenueName,
                Field::VenueAddress,
                Field::Organiser,
                Field::Email,
                Field::Capacity,
            ]
        );
        let errors = validate_event(&EventInput {
            slug: "Con Spazi!".into(),
            ends_at: "2022-10-20T16:00".into(),
            capacity: "-1".into(),
            contact_email: "nessuno".into(),
            rsvp_closes_at: "2022-10-21T10:00".into(),
            starts_at: "20/10/2022".into(),
            ..good()
        })
        .unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (Field::Slug, Problem::InvalidSlug),
                (Field::StartsAt, Problem::InvalidDate),
                (Field::Email, Problem::InvalidEmail),
                (
                    Field::Capacity,
                    Problem::OutOfRange {
                        min: 0,
                        max: CAPACITY_MAX
                    }
                ),
                (Field::RsvpClosesAt, Problem::AfterTheEnd),
            ]
        );
        let errors = validate_event(&EventInput {
            ends_at: "2022-10-20T16:00".into(),
            rsvp_opens_at: "2022-10-21T09:00".into(),
            capacity: "molti".into(),
            ..good()
        })
        .unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                (Field::EndsAt, Problem::EndBeforeStart),
                (
                    Field::Capacity,
                    Problem::OutOfRange {
                        min: 0,
                        max: CAPACITY_MAX
                    }
                ),
                (Field::RsvpOpensAt, Problem::EndBeforeStart),
            ]
        );
    }

    #[test]
    fn slugs_are_plain() {
        assert!(is_slug("lancio-forum-2022"));
        assert!(!is_slug("ab"));
        assert!(!is_slug("-a-b"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("Lancio"));
        assert!(!is_slug("lancio/2022"));
    }
}
