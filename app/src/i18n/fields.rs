//! The labels of the forms' fields, one `impl` per form; the words are in
//! `locales/<lang>/fields.ftl`.

use super::Texts;
use crate::core::validate::{account, event, join, review, rsvp, space, FormField};

/// A form's field that has a label in each language.
pub trait Labelled: FormField {
    /// The label's key in `locales/<lang>/fields.ftl`.
    fn label_key(self) -> &'static str;

    fn label(self, t: &Texts) -> &'static str {
        t.word(self.label_key())
    }
}

/// The labels of the space form.
impl Labelled for space::Field {
    fn label_key(self) -> &'static str {
        use space::Field::*;
        match self {
            Name => "fields-space-name",
            Kinds => "fields-space-kinds",
            Description => "fields-space-description",
            Services => "fields-space-services",
            OpeningHours => "fields-space-opening-hours",
            Photo => "fields-space-photo",
            PhotoAlt => "fields-space-photo-alt",
            Address => "fields-space-address",
            Municipality => "fields-space-municipality",
            Lat => "fields-space-lat",
            Lon => "fields-space-lon",
            Precision => "fields-space-precision",
            Website => "fields-space-website",
            Email => "fields-space-email",
            Phone => "fields-space-phone",
            Organisation => "fields-space-organisation",
            OrganisationKind => "fields-space-organisation-kind",
            OrganisationWebsite => "fields-space-organisation-website",
            OrganisationDescription => "fields-space-organisation-description",
            Manager => "fields-space-manager-email",
        }
    }
}

/// The labels of the staff account forms.
impl Labelled for account::Field {
    fn label_key(self) -> &'static str {
        use account::Field::*;
        match self {
            Name => "fields-account-name",
            Email => "fields-account-email",
            Role => "fields-account-role",
            CurrentPassword => "fields-account-current-password",
            Password => "fields-account-password",
            PasswordConfirm => "fields-account-password-confirm",
        }
    }
}

/// The labels of the join form (the space's fields as in the space form).
impl Labelled for join::Field {
    fn label_key(self) -> &'static str {
        use join::Field::*;
        match self {
            Space(f) => f.label_key(),
            OrganisationTaxCode => "fields-join-organisation-tax-code",
            ContactName => "fields-join-contact-name",
            ContactRole => "fields-join-contact-role",
            ContactEmail => "fields-join-contact-email",
            ContactPhone => "fields-join-contact-phone",
            Needs => "fields-join-needs",
            NeedsOther => "fields-join-needs-other",
            Vision => "fields-join-vision",
            ConsentPrivacy => "fields-join-consent-privacy",
            Form => "fields-join-form",
        }
    }
}

/// The labels of the RSVP form.
impl Labelled for rsvp::Field {
    fn label_key(self) -> &'static str {
        use rsvp::Field::*;
        match self {
            FirstName => "fields-rsvp-first-name",
            LastName => "fields-rsvp-last-name",
            Email => "fields-rsvp-email",
            Affiliation => "fields-rsvp-affiliation",
            Role => "fields-rsvp-role",
            Accessibility => "fields-rsvp-accessibility",
            Present => "fields-rsvp-present",
            BeyondCapacity => "fields-rsvp-beyond-capacity",
            SameNameOk => "fields-rsvp-same-name-ok",
            Answer => "fields-rsvp-answer",
            // The same words as the join form's.
            ConsentPrivacy => join::Field::ConsentPrivacy.label_key(),
            // The same words as the join form's.
            Form => join::Field::Form.label_key(),
        }
    }
}

/// The labels of the event form.
impl Labelled for event::Field {
    fn label_key(self) -> &'static str {
        use event::Field::*;
        match self {
            Slug => "fields-event-slug",
            TitleIt => "fields-event-title-it",
            TitleEn => "fields-event-title-en",
            SummaryIt => "fields-event-summary-it",
            SummaryEn => "fields-event-summary-en",
            DescriptionIt => "fields-event-description-it",
            DescriptionEn => "fields-event-description-en",
            ProgrammeIt => "fields-event-programme-it",
            ProgrammeEn => "fields-event-programme-en",
            StartsAt => "fields-event-starts-at",
            EndsAt => "fields-event-ends-at",
            VenueName => "fields-event-venue-name",
            VenueAddress => "fields-event-venue-address",
            VenueSpace => "fields-event-venue-space",
            TravelIt => "fields-event-travel-it",
            TravelEn => "fields-event-travel-en",
            AccessIt => "fields-event-access-it",
            AccessEn => "fields-event-access-en",
            Organiser => "fields-event-organiser",
            Email => "fields-event-email",
            Capacity => "fields-event-capacity",
            RsvpOpensAt => "fields-event-rsvp-opens-at",
            RsvpClosesAt => "fields-event-rsvp-closes-at",
        }
    }
}

/// The labels of the decision on a join request.
impl Labelled for review::Field {
    fn label_key(self) -> &'static str {
        use review::Field::*;
        match self {
            Reason => "fields-review-reason",
        }
    }
}
