//! The space form (staff's editing, the import's rows, and the space part of the join form).

use super::{
    in_metro_area, is_email, is_phone, normalize_url, number, text, FieldErrors, FormField,
    Problem, ADDRESS_MAX, DESCRIPTION_MAX, EMAIL_MAX, HOURS_MAX, NAME_MAX, ORGANISATION_MAX,
    PHONE_MAX, PHOTO_ALT_MAX, SERVICES_MAX, URL_MAX,
};
use crate::core::geo::Boundaries;
use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind};
use serde::{Deserialize, Serialize};

/// The fields of the space form, in form order.
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
    /// The photo's part comes last in the form (see `ui::pages::admin::space_edit`).
    Photo,
    PhotoAlt,
    /// Not a field of the form: an import's column naming the address of whoever manages the
    /// space (the import adds it to its managers).
    Manager,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 20] = [
        Field::Name,
        Field::Kinds,
        Field::Description,
        Field::Services,
        Field::OpeningHours,
        Field::Address,
        Field::Municipality,
        Field::Lat,
        Field::Lon,
        Field::Precision,
        Field::Website,
        Field::Email,
        Field::Phone,
        Field::Organisation,
        Field::OrganisationKind,
        Field::OrganisationWebsite,
        Field::OrganisationDescription,
        Field::Photo,
        Field::PhotoAlt,
        Field::Manager,
    ];
}

impl FormField for Field {
    fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Kinds => "kinds",
            Field::Description => "description",
            Field::Services => "services",
            Field::OpeningHours => "opening_hours",
            Field::Photo => "photo",
            Field::PhotoAlt => "photo_alt",
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
            Field::Manager => "manager_email",
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
    /// The photo's name (see [`is_photo_name`]): the one shown, or one just uploaded; empty
    /// for none.
    #[serde(default)]
    pub photo: String,
    #[serde(default)]
    pub photo_alt: String,
}

/// Whether `name` can be a stored photo's name (24 lower-case hex digits of its digest).
pub fn is_photo_name(name: &str) -> bool {
    name.len() == 24 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl SpaceInput {
    /// Every field's value as typed, in form order (the kinds as their codes, comma-separated).
    pub fn values(&self) -> Vec<(Field, String)> {
        let kinds: Vec<&str> = SpaceKind::ALL
            .into_iter()
            .filter(|k| self.has_kind(*k))
            .map(|k| k.code())
            .collect();
        vec![
            (Field::Name, self.name.clone()),
            (Field::Kinds, kinds.join(", ")),
            (Field::Description, self.description.clone()),
            (Field::Services, self.services.clone()),
            (Field::OpeningHours, self.opening_hours.clone()),
            (Field::Address, self.address.clone()),
            (Field::Municipality, self.municipality.clone()),
            (Field::Lat, self.lat.clone()),
            (Field::Lon, self.lon.clone()),
            (Field::Precision, self.precision.clone()),
            (Field::Website, self.website.clone()),
            (Field::Email, self.email.clone()),
            (Field::Phone, self.phone.clone()),
            (Field::Organisation, self.organisation.clone()),
            (Field::OrganisationKind, self.organisation_kind.clone()),
            (
                Field::OrganisationWebsite,
                self.organisation_website.clone(),
            ),
            (
                Field::OrganisationDescription,
                self.organisation_description.clone(),
            ),
            (Field::Photo, self.photo.clone()),
            (Field::PhotoAlt, self.photo_alt.clone()),
        ]
    }

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
    /// The photo's name, and its text alternative (required with a photo).
    #[serde(default)]
    pub photo: Option<String>,
    #[serde(default)]
    pub photo_alt: Option<String>,
}

impl ValidSpace {
    /// A validated space as form values (to fill the edit form).
    pub fn as_input(&self) -> SpaceInput {
        let v = self;
        let on = |k| v.kinds.contains(&k).then(|| "on".to_owned());
        SpaceInput {
            name: v.name.clone(),
            kind_coworking: on(SpaceKind::Coworking),
            kind_fablab: on(SpaceKind::Fablab),
            kind_incubator_accelerator: on(SpaceKind::IncubatorAccelerator),
            description: v.description.clone().unwrap_or_default(),
            address: v.address.clone().unwrap_or_default(),
            municipality: v.municipality.clone(),
            lat: v.lat.to_string(),
            lon: v.lon.to_string(),
            precision: v.precision.code().to_owned(),
            website: v.website.clone().unwrap_or_default(),
            email: v.email.clone().unwrap_or_default(),
            phone: v.phone.clone().unwrap_or_default(),
            organisation: v.organisation.clone().unwrap_or_default(),
            organisation_kind: v
                .organisation_kind
                .map(|k| k.code().to_owned())
                .unwrap_or_default(),
            organisation_website: v.organisation_website.clone().unwrap_or_default(),
            organisation_description: v.organisation_description.clone().unwrap_or_default(),
            opening_hours: v.opening_hours.clone().unwrap_or_default(),
            services: v.services.clone().unwrap_or_default(),
            photo: v.photo.clone().unwrap_or_default(),
            photo_alt: v.photo_alt.clone().unwrap_or_default(),
        }
    }
}

/// Checks the space form. All problems are reported at once, in form order. A position placed
/// by hand (any precision but the municipality's point) must lie in the municipality named,
/// when `boundaries` know it (the browser may not have them yet; the server always has).
pub fn validate_space(
    input: &SpaceInput,
    boundaries: &Boundaries,
) -> Result<ValidSpace, FieldErrors<Field>> {
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
    if let (Some(lat), Some(lon)) = (lat, lon) {
        let placed = precision != PositionPrecision::Municipality;
        if let Some(problem) = boundaries
            .pin_problem(&municipality, lat, lon)
            .filter(|_| placed && errors.get(Field::Lat).is_none())
        {
            errors.add(Field::Lat, problem);
        }
    }
    let url = |value: &str, field: Field, errors: &mut FieldErrors<Field>| {
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
    let (photo, photo_alt) = match input.photo.trim() {
        "" => (None, None),
        name if !is_photo_name(name) => {
            errors.add(Field::Photo, Problem::PhotoMissing);
            (None, None)
        }
        name => {
            let alt = text(
                &input.photo_alt,
                PHOTO_ALT_MAX,
                false,
                Field::PhotoAlt,
                &mut errors,
            );
            if alt.is_none() && errors.get(Field::PhotoAlt).is_none() {
                errors.add(Field::PhotoAlt, Problem::Required);
            }
            (Some(name.to_owned()), alt)
        }
    };
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
        photo,
        photo_alt,
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
        let v = validate_space(&good(), &Boundaries::default()).unwrap();
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
        let errors = validate_space(&SpaceInput::default(), &Boundaries::default()).unwrap_err();
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
        assert!(validate_space(&i, &Boundaries::default()).is_ok());
        i.name = "Nome\u{0}nascosto".into();
        assert_eq!(
            validate_space(&i, &Boundaries::default())
                .unwrap_err()
                .get(Field::Name),
            Some(Problem::ControlCharacters)
        );
        // Invisible characters that make one name look like another.
        for spoof in ["Alma\u{200B}cube", "\u{202E}ebucamlA", "Alma\u{2060}cube"] {
            i.name = spoof.into();
            assert_eq!(
                validate_space(&i, &Boundaries::default())
                    .unwrap_err()
                    .get(Field::Name),
                Some(Problem::ControlCharacters),
                "{spoof:?}"
            );
        }
        i.name = "Caff\u{e8} \u{200D}".into(); // a joiner some scripts need: allowed
        assert!(validate_space(&i, &Boundaries::default()).is_ok());
        i.name = "x".repeat(NAME_MAX + 1);
        assert_eq!(
            validate_space(&i, &Boundaries::default())
                .unwrap_err()
                .get(Field::Name),
            Some(Problem::TooLong { max: NAME_MAX })
        );
        i.name = "é".repeat(NAME_MAX); // counted in characters, not bytes
        assert!(validate_space(&i, &Boundaries::default()).is_ok());

        let mut i = good();
        i.website = "javascript:alert(1)".into();
        i.email = "not an email".into();
        i.phone = "call me".into();
        i.municipality = "037006' OR 1=1".into();
        i.lat = "NaN".into();
        i.precision = "roughly".into();
        i.organisation_kind = "cult".into();
        let e = validate_space(&i, &Boundaries::default()).unwrap_err();
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
                validate_space(&i, &Boundaries::default())
                    .unwrap_err()
                    .get(Field::Lat),
                Some(Problem::OutsideArea),
                "{lat},{lon}"
            );
        }
        assert!(in_metro_area(44.713209, 11.306598)); // Pieve di Cento
        assert!(in_metro_area(44.1, 11.0));
    }

    #[test]
    fn a_photo_needs_its_description_and_a_well_formed_name() {
        let name = "0123456789abcdef01234567";
        let mut i = good();
        i.photo_alt = "Ignorata senza foto".into();
        let v = validate_space(&i, &Boundaries::default()).unwrap();
        assert_eq!((v.photo, v.photo_alt), (None, None));
        i.photo = name.into();
        i.photo_alt = "   ".into();
        let e = validate_space(&i, &Boundaries::default()).unwrap_err();
        assert_eq!(e.0, vec![(Field::PhotoAlt, Problem::Required)]);
        i.photo_alt = " La sala comune ".into();
        let v = validate_space(&i, &Boundaries::default()).unwrap();
        assert_eq!(v.photo.as_deref(), Some(name));
        assert_eq!(v.photo_alt.as_deref(), Some("La sala comune"));
        assert_eq!(v.as_input().photo, name);
        i.photo_alt = "x".repeat(PHOTO_ALT_MAX + 1);
        let e = validate_space(&i, &Boundaries::default()).unwrap_err();
        assert_eq!(
            e.get(Field::PhotoAlt),
            Some(Problem::TooLong { max: PHOTO_ALT_MAX })
        );
        // A name that is not a stored photo's (a forged form): refused, never looked up.
        for forged in ["../../etc/passwd", "0123456789ABCDEF01234567", "abc"] {
            i.photo = forged.into();
            let e = validate_space(&i, &Boundaries::default()).unwrap_err();
            assert_eq!(e.get(Field::Photo), Some(Problem::PhotoMissing), "{forged}");
        }
    }
}
