//! The shared domain types: what the server reads from the database and the pages (and islands)
//! render. One type per entity; row types stay in `db`.

use serde::{Deserialize, Serialize};

pub mod event;

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

/// A join request in the staff queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionRow {
    pub id: i64,
    pub reference: String,
    pub space_id: i64,
    pub space_name: String,
    pub municipality: String,
    pub submitted_at: i64,
    pub decision: Option<Decision>,
}

/// An existing space that looks like the one a request presents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    pub id: i64,
    pub name: String,
    pub status: SpaceStatus,
    /// Metres between the two, when both have a street-level position.
    pub distance_m: Option<i64>,
}

/// Everything the staff page of one join request shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionPage {
    pub row: SubmissionRow,
    pub space_status: SpaceStatus,
    pub space: crate::validate::SpaceInput,
    pub organisation_tax_code: Option<String>,
    pub marker: MapMarker,
    pub contact_name: String,
    pub contact_role: Option<String>,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub needs: Vec<Need>,
    pub needs_other: Option<String>,
    pub vision: Option<String>,
    pub consent_contact: bool,
    pub lang: String,
    pub decision_reason: Option<String>,
    pub decided_at: Option<i64>,
    pub duplicates: Vec<Duplicate>,
    /// The version the page shows (the decision form sends it back).
    pub version: i64,
}

/// The survey answers of every request not rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveySummary {
    pub responses: usize,
    /// Each need with how many chose it, most chosen first.
    pub needs: Vec<(Need, usize)>,
    /// (space, free text) pairs.
    pub needs_other: Vec<(String, String)>,
    pub visions: Vec<(String, String)>,
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

/// A municipality as offered in filters and forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityOption {
    pub istat_code: String,
    pub name: String,
    /// Published spaces in it.
    pub spaces: i64,
}

/// A published space as listed on the map page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpaceSummary {
    pub slug: String,
    pub name: String,
    pub kinds: Vec<SpaceKind>,
    pub description: Option<String>,
    pub address: Option<String>,
    pub municipality_code: String,
    pub municipality: String,
    pub organisation: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision: PositionPrecision,
}

/// One page of the map page's list: the spaces of page `page` (from 1) and how many match in
/// all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub spaces: Vec<SpaceSummary>,
}

impl DirectoryPage {
    /// How many pages the whole list takes (at least 1).
    pub fn pages(&self) -> u32 {
        let per = self.per_page.max(1) as usize;
        u32::try_from(self.total.div_ceil(per).max(1)).unwrap_or(u32::MAX)
    }
}

/// The organisation behind a space, as shown on the space page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub kind: Option<OrganisationKind>,
    pub website: Option<String>,
    pub description: Option<String>,
}

/// Everything public about one space.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpaceDetail {
    pub summary: SpaceSummary,
    /// Always `Published` for what public pages and exports see.
    pub status: SpaceStatus,
    pub organisation: Option<Organisation>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub source: Option<String>,
    /// Unix seconds, UTC.
    pub updated_at: i64,
    pub opening_hours: Option<String>,
    pub services: Option<String>,
}

/// What the map island needs to draw one marker: kept small, since it travels in the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapMarker {
    pub slug: String,
    pub name: String,
    pub kinds: Vec<SpaceKind>,
    pub municipality: String,
    pub lat: f64,
    pub lon: f64,
    pub approximate: bool,
}

impl From<&SpaceSummary> for MapMarker {
    fn from(s: &SpaceSummary) -> Self {
        MapMarker {
            slug: s.slug.clone(),
            name: s.name.clone(),
            kinds: s.kinds.clone(),
            municipality: s.municipality.clone(),
            lat: s.lat,
            lon: s.lon,
            approximate: s.precision != PositionPrecision::Exact,
        }
    }
}

/// A space as listed in the staff area (any status).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffSpaceRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub status: SpaceStatus,
    pub municipality: String,
    pub precision: PositionPrecision,
    pub updated_at: i64,
}

/// One entry of a space's audit trail, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub at: i64,
    pub actor: String,
    pub action: String,
    /// The record it is about (a staff account on the accounts page).
    pub entity_id: Option<i64>,
    /// (field, before, after), values as compact JSON.
    pub changes: Vec<(String, String, String)>,
}

/// Everything the staff edit page of a space shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffSpacePage {
    pub id: i64,
    pub slug: String,
    pub status: SpaceStatus,
    /// The version the page shows (its forms send it back).
    pub version: i64,
    /// The form's values as read, serialised: sent back with the form, so that a save that
    /// meets a colleague's keeps the fields this user did not touch as the colleague left them.
    pub base: String,
    /// The join request the space came from: (id, reference, waiting for a decision).
    pub request: Option<(i64, String, bool)>,
    pub input: crate::validate::SpaceInput,
    pub municipalities: Vec<MunicipalityOption>,
    pub audit: Vec<AuditView>,
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

/// A signed-in staff member, as pages see them. Deliberately without the password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// A staff account as the admins' page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    /// Invited and the link not used yet: no password.
    pub invited: bool,
    pub created_at: i64,
    pub last_sign_in: Option<i64>,
    /// The version the page shows (its buttons send it back).
    pub version: i64,
}

/// Everything the staff-accounts page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffAccountsPage {
    pub accounts: Vec<StaffAccount>,
    /// Recent changes to accounts, newest first.
    pub audit: Vec<AuditView>,
}

/// Why an uploaded file cannot be imported at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFileError {
    NoFile,
    Empty,
    TooLarge {
        max_mb: usize,
    },
    NotRecognised,
    /// A column every row needs (its name as our exports spell it).
    MissingColumn(&'static str),
    TooManyRows {
        max: usize,
    },
}

/// What importing a row does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportAction {
    Create,
    Update,
    Unchanged,
    Error,
}

/// One row of an import preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRowView {
    /// Line of the CSV file (or feature number of a GeoJSON file).
    pub line: usize,
    pub name: String,
    pub municipality: String,
    /// The existing space the row is about, and why.
    pub matched: Option<ImportMatchView>,
    /// The spaces a name fits when it fits several.
    pub candidates: Vec<ImportMatchView>,
    pub action: ImportAction,
    /// The fields an update changes, old and new.
    pub changes: Vec<ImportChangeView>,
    pub errors: Vec<(crate::validate::Field, crate::validate::Problem)>,
}

/// The existing space an import row was matched to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportMatchView {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub status: SpaceStatus,
    /// By the file's `slug` column (else by name and municipality).
    pub by_slug: bool,
}

/// One field an import row changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportChangeView {
    pub field: crate::validate::Field,
    pub old: String,
    pub new: String,
    /// The stored value was last set by hand in the staff area.
    pub undoes_staff_edit: bool,
}

/// Where an import stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportState {
    /// Uploaded; the preview waits for confirmation.
    Preview,
    /// Being applied; `stalled` when its worker stopped (the server restarted) and it can be
    /// resumed.
    Running {
        done: i64,
        total: i64,
        stalled: bool,
    },
    Finished {
        report: ImportReport,
    },
}

/// Counts of an applied import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub errors: i64,
    /// Rows left alone because their space changed after the preview.
    #[serde(default)]
    pub conflicts: i64,
}

/// Everything an import's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPage {
    pub id: i64,
    pub filename: String,
    pub created_at: i64,
    pub new_status: SpaceStatus,
    pub state: ImportState,
    pub ignored_columns: Vec<String>,
    /// Counts of the preview (what confirming would do now).
    pub preview: ImportReport,
    /// The rows to show: errors, creations and updates (unchanged rows are only counted),
    /// at most `IMPORT_ROWS_SHOWN`.
    pub rows: Vec<ImportRowView>,
    /// Rows not shown because of the limit.
    pub rows_hidden: usize,
    /// The digest of the plan the preview shows (the confirmation sends it back).
    pub digest: String,
    /// Whether rows may update archived spaces.
    pub include_archived: bool,
    /// When the applied import was reverted, and how many spaces that left as they were.
    pub reverted_at: Option<i64>,
    pub reverted_left: i64,
    /// What reverting it would do now (an applied import not reverted yet).
    pub revert: Option<ImportRevertView>,
}

/// What reverting an applied import would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRevertView {
    pub remove: i64,
    pub restore: i64,
    /// Spaces changed since the import: left alone.
    pub changed_since: Vec<ImportChangedView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportChangedView {
    pub space_id: i64,
    pub line: i64,
    /// `None` when the space was deleted.
    pub name: Option<String>,
}

pub const IMPORT_ROWS_SHOWN: usize = 500;

/// An import in the list of recent ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportListItem {
    pub id: i64,
    pub filename: String,
    pub created_at: i64,
    pub by: String,
    pub finished: bool,
    pub reverted: bool,
}

/// The fields of the open-data exports (CSV columns and GeoJSON properties, plus `lat`/`lon`).
pub const OPEN_DATA_FIELDS: [&str; 18] = [
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
