//! The join form (`/aderisci`): the space (the same rules as the staff form, with the position
//! optional — without it the space is placed at its municipality until staff correct it), the
//! organisation, the contact person, the survey and the consents. Pure, shared by the browser
//! and the server.

use super::space::{self, validate_space, SpaceInput};
use super::{is_email, is_phone, text, FieldErrors, FormField, Problem};
use crate::core::geo::Boundaries;
use crate::core::model::{Need, PositionPrecision};
use serde::{Deserialize, Serialize};

pub use super::{HOURS_MAX, SERVICES_MAX};
pub const SURVEY_MAX: usize = 2000;
pub const ROLE_MAX: usize = 120;

/// The fields of the join form: the space form's, then the join form's own, in form order
/// (`Form`: a problem no one field explains).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Space(space::Field),
    OrganisationTaxCode,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
    Needs,
    NeedsOther,
    Vision,
    ConsentPrivacy,
    Form,
}

impl Field {
    /// Every field, in form order (the join form's own: the space form's are `space::Field::ALL`).
    pub const ALL: [Field; 10] = [
        Field::OrganisationTaxCode,
        Field::ContactName,
        Field::ContactRole,
        Field::ContactEmail,
        Field::ContactPhone,
        Field::Needs,
        Field::NeedsOther,
        Field::Vision,
        Field::ConsentPrivacy,
        Field::Form,
    ];
}

impl From<space::Field> for Field {
    fn from(field: space::Field) -> Self {
        Field::Space(field)
    }
}

impl FormField for Field {
    fn name(self) -> &'static str {
        match self {
            Field::Space(f) => f.name(),
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
        }
    }
}

/// The join form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JoinInput {
    #[serde(flatten)]
    pub space: SpaceInput,
    #[serde(default)]
    pub organisation_tax_code: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_role: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    /// Need codes ticked (the form posts `need_<code>=on`; see [`JoinInput::set_needs_from`]).
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub needs_other: String,
    #[serde(default)]
    pub vision: String,
    #[serde(default)]
    pub consent_privacy: Option<String>,
    #[serde(default)]
    pub consent_contact: Option<String>,
}

impl JoinInput {
    /// The form from its posted name/value pairs (the server's body, the browser's fields):
    /// unknown names are ignored, a name given twice keeps its last value.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> JoinInput {
        let mut input = JoinInput::default();
        let on = || Some("on".to_owned());
        for (name, value) in pairs {
            let v = value.to_owned();
            let s = &mut input.space;
            match name {
                "name" => s.name = v,
                "kind_coworking" => s.kind_coworking = on(),
                "kind_fablab" => s.kind_fablab = on(),
                "kind_incubator-accelerator" => s.kind_incubator_accelerator = on(),
                "description" => s.description = v,
                "address" => s.address = v,
                "municipality" => s.municipality = v,
                "lat" => s.lat = v,
                "lon" => s.lon = v,
                "website" => s.website = v,
                "email" => s.email = v,
                "phone" => s.phone = v,
                "organisation" => s.organisation = v,
                "organisation_kind" => s.organisation_kind = v,
                "organisation_website" => s.organisation_website = v,
                "organisation_description" => s.organisation_description = v,
                "opening_hours" => s.opening_hours = v,
                "services" => s.services = v,
                "organisation_tax_code" => input.organisation_tax_code = v,
                "contact_name" => input.contact_name = v,
                "contact_role" => input.contact_role = v,
                "contact_email" => input.contact_email = v,
                "contact_phone" => input.contact_phone = v,
                "needs_other" => input.needs_other = v,
                "vision" => input.vision = v,
                "consent_privacy" => input.consent_privacy = on(),
                "consent_contact" => input.consent_contact = on(),
                other => {
                    if let Some(code) = other.strip_prefix("need_") {
                        if !input.needs.iter().any(|n| n == code) {
                            input.needs.push(code.to_owned());
                        }
                    }
                }
            }
        }
        input
    }

    pub fn has_need(&self, need: Need) -> bool {
        self.needs.iter().any(|n| n == need.code())
    }
}

/// A join form that passed validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidJoin {
    pub space: space::ValidSpace,
    pub organisation_tax_code: Option<String>,
    pub contact_name: String,
    pub contact_role: Option<String>,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub needs: Vec<Need>,
    pub needs_other: Option<String>,
    pub vision: Option<String>,
    pub consent_contact: bool,
}

/// Where a space with no position given is placed until staff correct it: the municipality's
/// point (filled in by the server, which knows it). Before that, this placeholder passes the
/// area check.
const PLACEHOLDER: (&str, &str) = ("44.4949", "11.3426");

/// Checks the join form. All problems at once, in form order.
pub fn validate_join(
    input: &JoinInput,
    boundaries: &Boundaries,
) -> Result<ValidJoin, FieldErrors<Field>> {
    let mut errors = FieldErrors::default();
    // The space: the staff form's rules; the position is optional here.
    let mut space = input.space.clone();
    let positioned = !space.lat.trim().is_empty() || !space.lon.trim().is_empty();
    if positioned {
        space.precision = PositionPrecision::Exact.code().to_owned();
    } else {
        (space.lat, space.lon) = (PLACEHOLDER.0.to_owned(), PLACEHOLDER.1.to_owned());
        space.precision = PositionPrecision::Municipality.code().to_owned();
    }
    let space = match validate_space(&space, boundaries) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.0.extend(e.within::<Field>().0);
            None
        }
    };
    // The organisation's name is required here (staff may leave it empty).
    if input.space.organisation.trim().is_empty()
        && errors.get(space::Field::Organisation).is_none()
    {
        errors.add(space::Field::Organisation, Problem::Required);
    }
    if input.space.organisation_kind.trim().is_empty() {
        errors.add(space::Field::OrganisationKind, Problem::Required);
    }
    let organisation_tax_code = text(
        &input.organisation_tax_code,
        20,
        false,
        Field::OrganisationTaxCode,
        &mut errors,
    )
    .and_then(|v| match normalize_tax_code(&v) {
        Some(code) => Some(code),
        None => {
            errors.add(Field::OrganisationTaxCode, Problem::InvalidTaxCode);
            None
        }
    });
    let contact_name = text(
        &input.contact_name,
        super::NAME_MAX,
        false,
        Field::ContactName,
        &mut errors,
    );
    if contact_name.is_none() && errors.get(Field::ContactName).is_none() {
        errors.add(Field::ContactName, Problem::Required);
    }
    let contact_role = text(
        &input.contact_role,
        ROLE_MAX,
        false,
        Field::ContactRole,
        &mut errors,
    );
    let contact_email = text(
        &input.contact_email,
        super::EMAIL_MAX,
        false,
        Field::ContactEmail,
        &mut errors,
    );
    match &contact_email {
        None if errors.get(Field::ContactEmail).is_none() => {
            errors.add(Field::ContactEmail, Problem::Required)
        }
        Some(e) if !is_email(e) => errors.add(Field::ContactEmail, Problem::InvalidEmail),
        _ => {}
    }
    let contact_phone = text(
        &input.contact_phone,
        super::PHONE_MAX,
        false,
        Field::ContactPhone,
        &mut errors,
    )
    .and_then(|p| {
        if is_phone(&p) {
            Some(p)
        } else {
            errors.add(Field::ContactPhone, Problem::InvalidPhone);
            None
        }
    });
    let mut needs: Vec<Need> = input
        .needs
        .iter()
        .filter_map(|c| Need::from_code(c))
        .collect();
    needs.sort();
    needs.dedup();
    if needs.len() != input.needs.len() && errors.get(Field::Needs).is_none() {
        // Unknown codes (a tampered form) or the same one twice.
        let unique: std::collections::HashSet<&String> = input.needs.iter().collect();
        if unique.len() != needs.len() {
            errors.add(Field::Needs, Problem::UnknownChoice);
        }
    }
    let needs_other = text(
        &input.needs_other,
        SURVEY_MAX,
        true,
        Field::NeedsOther,
        &mut errors,
    );
    let vision = text(&input.vision, SURVEY_MAX, true, Field::Vision, &mut errors);
    if input.consent_privacy.is_none() {
        errors.add(Field::ConsentPrivacy, Problem::MustAccept);
    }
    match (space, contact_name, contact_email) {
        (Some(space), Some(contact_name), Some(contact_email)) if errors.is_empty() => {
            Ok(ValidJoin {
                space,
                organisation_tax_code,
                contact_name,
                contact_role,
                contact_email: contact_email.to_lowercase(),
                contact_phone,
                needs,
                needs_other,
                vision,
                consent_contact: input.consent_contact.is_some(),
            })
        }
        _ => Err(errors),
    }
}

/// A partita IVA (11 digits, with its check digit; an `IT` prefix is allowed) or a codice
/// fiscale (16 characters, with its check letter), normalised to upper case without spaces.
pub fn normalize_tax_code(value: &str) -> Option<String> {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let v = v
        .strip_prefix("IT")
        .filter(|r| r.len() == 11)
        .unwrap_or(&v)
        .to_owned();
    if v.len() == 11 && v.bytes().all(|b| b.is_ascii_digit()) {
        return partita_iva_ok(&v).then_some(v);
    }
    if v.len() == 16 && v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return codice_fiscale_ok(&v).then_some(v);
    }
    None
}

fn partita_iva_ok(v: &str) -> bool {
    let d: Vec<u32> = v.bytes().map(|b| u32::from(b - b'0')).collect();
    let mut sum = 0;
    for (i, &x) in d[..10].iter().enumerate() {
        sum += if i % 2 == 0 {
            x
        } else {
            let y = x * 2;
            if y > 9 {
                y - 9
            } else {
                y
            }
        };
    }
    (10 - sum % 10) % 10 == d[10]
}

fn codice_fiscale_ok(v: &str) -> bool {
    // Values of characters in odd positions (1st, 3rd, …) for digits/letters 0-9, A-Z.
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let value = |c: u8, odd: bool| -> Option<u32> {
        let idx = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A'),
            _ => return None,
        };
        Some(if odd { ODD[idx as usize] } else { idx })
    };
    let bytes = v.as_bytes();
    let mut sum = 0;
    for (i, &c) in bytes[..15].iter().enumerate() {
        match value(c, i % 2 == 0) {
            Some(x) => sum += x,
            None => return false,
        }
    }
    bytes[15] == b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::SpaceKind;

    pub fn good() -> JoinInput {
        JoinInput {
            space: SpaceInput {
                name: "Officina Comune".into(),
                kind_fablab: Some("on".into()),
                description: "Un laboratorio aperto.".into(),
                address: "Via Emilia 10".into(),
                municipality: "037032".into(),
                organisation: "Associazione Officina".into(),
                organisation_kind: "association".into(),
                ..Default::default()
            },
            contact_name: "Maria Bianchi".into(),
            contact_email: "Maria@Example.it".into(),
            needs: vec!["funding".into(), "networking".into()],
            vision: "Una rete che condivide attrezzature.".into(),
            consent_privacy: Some("on".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_submission_without_position_is_placed_at_the_municipality() {
        let v = validate_join(&good(), &Boundaries::default()).unwrap();
        assert_eq!(v.space.kinds, [SpaceKind::Fablab]);
        assert_eq!(v.space.precision, PositionPrecision::Municipality);
        assert_eq!(v.contact_email, "maria@example.it");
        assert_eq!(v.needs, [Need::Networking, Need::Funding]);
        assert!(!v.consent_contact);
        let mut with_pin = good();
        (with_pin.space.lat, with_pin.space.lon) = ("44,3535".into(), "11.7141".into());
        let v = validate_join(&with_pin, &Boundaries::default()).unwrap();
        assert_eq!(v.space.precision, PositionPrecision::Exact);
        assert_eq!(v.space.lat, 44.3535);
    }

    #[test]
    fn every_problem_beside_its_field() {
        let input = JoinInput {
            space: SpaceInput {
                name: "<script>alert(1)</script>".repeat(10),
                lat: "45.46".into(),
                lon: "9.19".into(),
                website: "javascript:alert(1)".into(),
                ..Default::default()
            },
            organisation_tax_code: "12345678901".into(),
            contact_email: "maria@".into(),
            contact_phone: "chiamami".into(),
            needs: vec!["everything".into()],
            vision: "x".repeat(SURVEY_MAX + 1),
            ..Default::default()
        };
        let e = validate_join(&input, &Boundaries::default()).unwrap_err();
        for (field, problem) in [
            (
                Field::Space(space::Field::Name),
                Problem::TooLong {
                    max: super::super::NAME_MAX,
                },
            ),
            (Field::Space(space::Field::Kinds), Problem::ChooseAtLeastOne),
            (Field::Space(space::Field::Municipality), Problem::Required),
            (Field::Space(space::Field::Lat), Problem::OutsideArea),
            (Field::Space(space::Field::Website), Problem::InvalidUrl),
            (Field::Space(space::Field::Organisation), Problem::Required),
            (
                Field::Space(space::Field::OrganisationKind),
                Problem::Required,
            ),
            (Field::OrganisationTaxCode, Problem::InvalidTaxCode),
            (Field::ContactName, Problem::Required),
            (Field::ContactEmail, Problem::InvalidEmail),
            (Field::ContactPhone, Problem::InvalidPhone),
            (Field::Needs, Problem::UnknownChoice),
            (Field::Vision, Problem::TooLong { max: SURVEY_MAX }),
            (Field::ConsentPrivacy, Problem::MustAccept),
        ] {
            assert_eq!(e.get(field), Some(problem), "{field:?}");
        }
        // Odd Unicode: a right-to-left override or a NUL is refused, accents are fine.
        let mut odd = good();
        odd.contact_name = "Maria\u{202e}Bianchi".into();
        assert_eq!(
            validate_join(&odd, &Boundaries::default())
                .unwrap_err()
                .get(Field::ContactName),
            Some(Problem::ControlCharacters),
            "a bidirectional override can make one name read as another"
        );
        odd.contact_name = "Maria\u{0}".into();
        assert_eq!(
            validate_join(&odd, &Boundaries::default())
                .unwrap_err()
                .get(Field::ContactName),
            Some(Problem::ControlCharacters)
        );
        odd.contact_name = "Zoë Ćosić-Müller".into();
        assert!(validate_join(&odd, &Boundaries::default()).is_ok());
    }

    #[test]
    fn the_form_is_read_from_its_pairs() {
        let input = JoinInput::from_pairs([
            ("name", "Officina"),
            ("kind_fablab", "on"),
            ("need_funding", "on"),
            ("need_funding", "on"),
            ("need_made-up", "on"),
            ("consent_privacy", "on"),
            ("started", "123.abc"),
            ("name", "Officina Comune"),
        ]);
        assert_eq!(input.space.name, "Officina Comune");
        assert!(input.space.has_kind(SpaceKind::Fablab));
        assert_eq!(input.needs, ["funding", "made-up"]);
        assert_eq!(
            validate_join(&input, &Boundaries::default())
                .unwrap_err()
                .get(Field::Needs),
            Some(Problem::UnknownChoice),
            "unknown codes are refused, not dropped"
        );
    }

    #[test]
    fn tax_codes_are_checked() {
        // A partita IVA with a correct check digit, with and without prefix and spaces.
        assert_eq!(
            normalize_tax_code("03428581205").as_deref(),
            Some("03428581205")
        );
        assert_eq!(
            normalize_tax_code("IT 034 285 812 05").as_deref(),
            Some("03428581205")
        );
        assert_eq!(normalize_tax_code("03428581206"), None);
        // A personal codice fiscale (the textbook example) and a typo in it.
        assert_eq!(
            normalize_tax_code("rssmra85t10a562s").as_deref(),
            Some("RSSMRA85T10A562S")
        );
        assert_eq!(normalize_tax_code("RSSMRA85T10A562T"), None);
        assert_eq!(normalize_tax_code("abc"), None);
    }
}
