//! The domain's vocabulary, shared by the server and the browser: the kinds, statuses, roles
//! and decisions a space, a request or an account can have, with their stable codes (the same in
//! the database, the URLs, the forms and the open data). What pages show is in `core::view`.

use serde::{Deserialize, Serialize};

pub mod event;

/// A space photo's sizes (3:2, JPEG), each at its own address: the list's thumbnails (shown
/// 120 CSS px wide), the map's popups (and thumbnails on 3× screens), the space page on phones
/// (and 1× screens), the space page on wide 2× screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoSize {
    Thumb,
    Card,
    Phone,
    Page,
}

impl PhotoSize {
    pub const ALL: [PhotoSize; 4] = [
        PhotoSize::Thumb,
        PhotoSize::Card,
        PhotoSize::Phone,
        PhotoSize::Page,
    ];

    /// Its width in pixels (its height is two thirds of it).
    pub const fn width(self) -> u32 {
        match self {
            PhotoSize::Thumb => 240,
            PhotoSize::Card => 360,
            PhotoSize::Phone => 720,
            PhotoSize::Page => 1200,
        }
    }

    pub fn from_width(width: &str) -> Option<PhotoSize> {
        Self::ALL
            .into_iter()
            .find(|s| s.width().to_string() == width)
    }

    /// `srcset` of these sizes of the photo at `address(size)`.
    pub fn srcset(sizes: &[PhotoSize], address: impl Fn(PhotoSize) -> String) -> String {
        sizes
            .iter()
            .map(|&size| format!("{} {}w", address(size), size.width()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The audit trail's actor for what the public join form did (a listing proposed).
pub const JOIN_FORM_ACTOR: &str = "join form";

/// The three kinds of the official 2021 mapping. A space has one or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpaceKind {
    Coworking,
    /// Fab labs, makerspaces included.
    Fablab,
    IncubatorAccelerator,
}

impl SpaceKind {
    pub const ALL: [SpaceKind; 3] = [
        SpaceKind::Coworking,
        SpaceKind::Fablab,
        SpaceKind::IncubatorAccelerator,
    ];

    /// The stable code used in the database, URLs and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            SpaceKind::Coworking => "coworking",
            SpaceKind::Fablab => "fablab",
            SpaceKind::IncubatorAccelerator => "incubator-accelerator",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// One letter drawn on the map marker, so kinds are told apart without relying on colour.
    pub fn letter(self) -> char {
        match self {
            SpaceKind::Coworking => 'C',
            SpaceKind::Fablab => 'F',
            SpaceKind::IncubatorAccelerator => 'I',
        }
    }
}

/// Review status. Only `Published` spaces are public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpaceStatus {
    Pending,
    Published,
    Rejected,
    Archived,
}

impl SpaceStatus {
    pub const ALL: [SpaceStatus; 4] = [
        SpaceStatus::Pending,
        SpaceStatus::Published,
        SpaceStatus::Rejected,
        SpaceStatus::Archived,
    ];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            SpaceStatus::Pending => "pending",
            SpaceStatus::Published => "published",
            SpaceStatus::Rejected => "rejected",
            SpaceStatus::Archived => "archived",
        }
    }
}

/// How much to trust a space's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PositionPrecision {
    /// Placed on the building.
    Exact,
    /// Placed by street: accurate to a few hundred metres.
    Approximate,
    /// No street position known: placed at the municipality's representative point.
    Municipality,
}

impl PositionPrecision {
    pub const ALL: [PositionPrecision; 3] = [
        PositionPrecision::Exact,
        PositionPrecision::Approximate,
        PositionPrecision::Municipality,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PositionPrecision::Exact => "exact",
            PositionPrecision::Approximate => "approximate",
            PositionPrecision::Municipality => "municipality",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// What a space may need from the administration (the Forum survey's checklist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    Visibility,
    Networking,
    Funding,
    Training,
    Premises,
    Bureaucracy,
    Events,
    Businesses,
}

impl Need {
    pub const ALL: [Need; 8] = [
        Need::Visibility,
        Need::Networking,
        Need::Funding,
        Need::Training,
        Need::Premises,
        Need::Bureaucracy,
        Need::Events,
        Need::Businesses,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Need::Visibility => "visibility",
            Need::Networking => "networking",
            Need::Funding => "funding",
            Need::Training => "training",
            Need::Premises => "premises",
            Need::Bureaucracy => "bureaucracy",
            Need::Events => "events",
            Need::Businesses => "businesses",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.code() == code)
    }
}

/// Staff's decision on a join request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// The space is published with its organisation.
    Approved,
    /// The submitter is asked to send corrections; the space stays pending.
    ChangesRequested,
    /// Not part of the network; the space is kept as rejected (not public).
    Rejected,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::ChangesRequested => "changes-requested",
            Decision::Rejected => "rejected",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Decision::Approved,
            Decision::ChangesRequested,
            Decision::Rejected,
        ]
        .into_iter()
        .find(|d| d.code() == code)
    }
}

/// The kind of organisation that runs a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationKind {
    Company,
    Association,
    Cooperative,
    PublicBody,
    University,
    Foundation,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 7] = [
        OrganisationKind::Company,
        OrganisationKind::Association,
        OrganisationKind::Cooperative,
        OrganisationKind::PublicBody,
        OrganisationKind::University,
        OrganisationKind::Foundation,
        OrganisationKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrganisationKind::Company => "company",
            OrganisationKind::Association => "association",
            OrganisationKind::Cooperative => "cooperative",
            OrganisationKind::PublicBody => "public-body",
            OrganisationKind::University => "university",
            OrganisationKind::Foundation => "foundation",
            OrganisationKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What a staff account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Spaces, submissions and events.
    Editor,
    /// Everything, including staff accounts.
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Whether this role may do what `required` allows (admins may do everything).
    pub fn allows(self, required: Role) -> bool {
        self >= required
    }
}

/// The fields of the open-data exports (CSV columns and GeoJSON properties, plus `lat`/`lon`).
pub const OPEN_DATA_FIELDS: [&str; 19] = [
    "slug",
    "name",
    "kinds",
    "description",
    "address",
    "municipality",
    "municipality_istat",
    "lat",
    "lon",
    "position_precision",
    "organisation",
    "organisation_kind",
    "website",
    "email",
    "phone",
    "source",
    "page",
    "updated",
    "confirmed",
];

/// The area the map opens on when there is nothing to fit: the Città metropolitana di Bologna
/// (south-west and north-east corners, WGS84).
pub const METRO_BOUNDS: ((f64, f64), (f64, f64)) = ((44.05, 10.80), (44.81, 11.85));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in SpaceKind::ALL {
            assert_eq!(SpaceKind::from_code(k.code()), Some(k));
        }
        for p in PositionPrecision::ALL {
            assert_eq!(PositionPrecision::from_code(p.code()), Some(p));
        }
        for k in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::from_code(k.code()), Some(k));
        }
        assert_eq!(SpaceKind::from_code("bakery"), None);
        for r in [Role::Editor, Role::Admin] {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn admins_may_do_what_editors_may() {
        assert!(Role::Admin.allows(Role::Editor));
        assert!(Role::Admin.allows(Role::Admin));
        assert!(Role::Editor.allows(Role::Editor));
        assert!(!Role::Editor.allows(Role::Admin));
    }

    #[test]
    fn serde_names_are_the_codes() {
        for k in SpaceKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
        for k in OrganisationKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
    }
}
