//! What an import file may say, and how: the columns the importer understands with every
//! header that names each, and the ways a kind or a position's precision may be written. One
//! table each, read by the importer (`backend::import`) and listed in the import's help, so
//! the help never promises what the importer does not read. Pure, both builds.

use super::model::{OrganisationKind, PositionPrecision, SpaceKind};
use super::text::search_key;
use super::validate::space::Field;

/// A column the importer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Slug,
    Name,
    Kinds,
    Description,
    Address,
    Municipality,
    MunicipalityCode,
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
    OpeningHours,
    Services,
    ManagerEmail,
}

/// Each column with the headers that name it, as search keys (lower case, no accents, spaces
/// as underscores): our exports' names first, then the seed's and common Italian ones.
pub const COLUMNS: [(Col, &[&str]); 20] = [
    (Col::Slug, &["slug"]),
    (Col::Name, &["name", "nome", "nome_spazio"]),
    (
        Col::Kinds,
        &["kinds", "kind", "tipi", "tipo", "type", "tipologia"],
    ),
    (Col::Description, &["description", "descrizione"]),
    (Col::Address, &["address", "indirizzo"]),
    (Col::Municipality, &["municipality", "comune"]),
    (
        Col::MunicipalityCode,
        &[
            "municipality_istat",
            "municipality_code",
            "istat",
            "codice_istat",
        ],
    ),
    (Col::Lat, &["lat", "latitude", "latitudine"]),
    (
        Col::Lon,
        &["lon", "lng", "long", "longitude", "longitudine"],
    ),
    (
        Col::Precision,
        &[
            "position_precision",
            "precision",
            "precisione",
            "precisione_posizione",
        ],
    ),
    (Col::Website, &["website", "sito", "sito_web", "url", "web"]),
    (Col::Email, &["email", "e_mail", "mail"]),
    (Col::Phone, &["phone", "telefono", "tel"]),
    (
        Col::Organisation,
        &[
            "organisation",
            "organization",
            "organizzazione",
            "ente_gestore",
            "gestore",
        ],
    ),
    (
        Col::OrganisationKind,
        &[
            "organisation_kind",
            "organization_kind",
            "tipo_organizzazione",
        ],
    ),
    (
        Col::OrganisationWebsite,
        &[
            "organisation_website",
            "organization_website",
            "sito_organizzazione",
        ],
    ),
    (
        Col::OrganisationDescription,
        &[
            "organisation_description",
            "organization_description",
            "descrizione_organizzazione",
        ],
    ),
    (
        Col::OpeningHours,
        &["opening_hours", "orari", "orari_di_apertura", "orario"],
    ),
    (Col::Services, &["services", "servizi"]),
    (
        Col::ManagerEmail,
        &[
            "manager_email",
            "email_gestore",
            "e_mail_gestore",
            "email_del_gestore",
            "email_referente",
        ],
    ),
];

/// The column a header names.
pub fn column(header: &str) -> Option<Col> {
    let key = search_key(header).replace(' ', "_");
    COLUMNS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(col, _)| *col)
}

impl Col {
    /// The space form's field the column fills (the municipality's two columns fill one; the
    /// slug fills none: it names the space to update).
    pub fn field(self) -> Option<Field> {
        Some(match self {
            Col::Slug => return None,
            Col::Name => Field::Name,
            Col::Kinds => Field::Kinds,
            Col::Description => Field::Description,
            Col::Address => Field::Address,
            Col::Municipality | Col::MunicipalityCode => Field::Municipality,
            Col::Lat => Field::Lat,
            Col::Lon => Field::Lon,
            Col::Precision => Field::Precision,
            Col::Website => Field::Website,
            Col::Email => Field::Email,
            Col::Phone => Field::Phone,
            Col::Organisation => Field::Organisation,
            Col::OrganisationKind => Field::OrganisationKind,
            Col::OrganisationWebsite => Field::OrganisationWebsite,
            Col::OrganisationDescription => Field::OrganisationDescription,
            Col::OpeningHours => Field::OpeningHours,
            Col::Services => Field::Services,
            Col::ManagerEmail => Field::Manager,
        })
    }
}

/// How each kind may be written (search keys); several kinds in a cell are separated by
/// [`KIND_SEPARATORS`].
pub const KIND_NAMES: [(SpaceKind, &[&str]); 3] = [
    (
        SpaceKind::Coworking,
        &["coworking", "co working", "spazio di coworking"],
    ),
    (
        SpaceKind::Fablab,
        &[
            "fablab",
            "fab lab",
            "makerspace",
            "maker space",
            "fablab makerspace",
        ],
    ),
    (
        SpaceKind::IncubatorAccelerator,
        &[
            "incubator accelerator",
            "incubator",
            "accelerator",
            "incubatore",
            "acceleratore",
            "incubatore acceleratore",
            "incubatori acceleratori",
        ],
    ),
];

pub const KIND_SEPARATORS: [char; 5] = [';', ',', '|', '/', '+'];

/// The kinds a cell names, or `None` when a part of it names none.
pub fn kinds(value: &str) -> Option<Vec<SpaceKind>> {
    let mut out = Vec::new();
    for part in value.split(KIND_SEPARATORS) {
        let key = search_key(part);
        if key.is_empty() {
            continue;
        }
        let (kind, _) = KIND_NAMES
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))?;
        if !out.contains(kind) {
            out.push(*kind);
        }
    }
    Some(out)
}

/// How each precision may be written (search keys), its code first.
pub const PRECISION_NAMES: [(PositionPrecision, &[&str]); 3] = [
    (PositionPrecision::Exact, &["exact", "esatta", "precisa"]),
    (
        PositionPrecision::Approximate,
        &["approximate", "approssimativa", "approssimata"],
    ),
    (PositionPrecision::Municipality, &["municipality", "comune"]),
];

/// A precision cell as its code (what is not one of [`PRECISION_NAMES`] is kept as written,
/// for the space's checks to refuse).
pub fn precision_code(value: &str) -> String {
    code_of(value, &PRECISION_NAMES, PositionPrecision::code)
}

/// The code of the choice whose spellings `names` include the cell, else the cell as written.
fn code_of<T: Copy>(value: &str, names: &[(T, &[&str])], code: fn(T) -> &'static str) -> String {
    let key = search_key(value);
    names
        .iter()
        .find(|(_, spellings)| spellings.contains(&key.as_str()))
        .map_or_else(
            || value.trim().to_owned(),
            |(choice, _)| code(*choice).to_owned(),
        )
}

/// How each kind of organisation may be written (search keys), its code first.
pub const ORGANISATION_KIND_NAMES: [(OrganisationKind, &[&str]); 7] = [
    (
        OrganisationKind::Company,
        &["company", "impresa", "azienda", "societa"],
    ),
    (
        OrganisationKind::Association,
        &["association", "associazione"],
    ),
    (
        OrganisationKind::Cooperative,
        &["cooperative", "cooperativa"],
    ),
    (
        OrganisationKind::PublicBody,
        &["public body", "ente pubblico", "comune", "ente"],
    ),
    (OrganisationKind::University, &["university", "universita"]),
    (OrganisationKind::Foundation, &["foundation", "fondazione"]),
    (OrganisationKind::Other, &["other", "altro"]),
];

/// An organisation kind cell as its code (what is none of [`ORGANISATION_KIND_NAMES`] is kept
/// as written, for the space's checks to refuse).
pub fn organisation_kind_code(value: &str) -> String {
    code_of(value, &ORGANISATION_KIND_NAMES, OrganisationKind::code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_kinds_and_precisions_in_any_spelling() {
        assert_eq!(column("Nome"), Some(Col::Name));
        assert_eq!(column("Codice ISTAT"), Some(Col::MunicipalityCode));
        assert_eq!(column("Orari di apertura"), Some(Col::OpeningHours));
        assert_eq!(column("colore"), None);
        assert_eq!(
            kinds("Coworking; Fab Lab / incubatore"),
            Some(vec![
                SpaceKind::Coworking,
                SpaceKind::Fablab,
                SpaceKind::IncubatorAccelerator
            ])
        );
        assert_eq!(kinds(""), Some(vec![]));
        assert_eq!(kinds("coworking, piscina"), None);
        assert_eq!(precision_code("Precisa"), "exact");
        assert_eq!(precision_code(" approximate "), "approximate");
        assert_eq!(precision_code("boh"), "boh");
        assert_eq!(organisation_kind_code("Università"), "university");
        assert_eq!(organisation_kind_code("Ente pubblico"), "public-body");
        assert_eq!(organisation_kind_code("public-body"), "public-body");
        assert_eq!(organisation_kind_code("circolo"), "circolo");
    }

    #[test]
    fn no_header_names_two_columns() {
        let mut seen = std::collections::HashSet::new();
        for (_, names) in COLUMNS {
            for name in names {
                assert!(seen.insert(*name), "{name}");
            }
        }
    }
}
