//! What the server hands the pages to render (and the islands, through their props): one type
//! per page or row, built from the database by `backend`, with the vocabulary of `core::model`.
//! Row types of the database stay in `backend::db`.

use super::model::*;
use serde::{Deserialize, Serialize};

pub mod event;
pub mod managers;
pub mod municipality;
pub mod search;

pub use managers::*;
pub use municipality::*;

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

/// A request in the staff queue, with the spaces of the map it may repeat (for the waiting
/// ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    pub row: SubmissionRow,
    pub duplicates: Vec<Duplicate>,
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
    pub space: crate::core::validate::space::SpaceInput,
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
    /// The listing it was merged into (id, name), when it was.
    pub merged_into: Option<(i64, String)>,
}

/// The page that merges a join request into the listing it repeats: both spaces' values, side
/// by side, and the versions they were read at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergePage {
    pub request: SubmissionRow,
    pub request_version: i64,
    /// The values the request proposes (its space's, as corrected by staff).
    pub proposed: crate::core::validate::space::SpaceInput,
    pub target_id: i64,
    pub target_status: SpaceStatus,
    pub target_version: i64,
    pub target: crate::core::validate::space::SpaceInput,
    /// The names of the two municipalities (request's, listing's).
    pub municipalities: (String, String),
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
    /// When its information was last confirmed (see `Freshness`), if ever.
    pub confirmed_at: Option<i64>,
    /// Its photo, if it has one.
    #[serde(default)]
    pub photo: Option<ListingPhoto>,
}

impl SpaceSummary {
    /// Where it is, in words: its address and municipality, or the municipality alone.
    pub fn place(&self) -> String {
        match &self.address {
            Some(address) => format!("{address}, {}", self.municipality),
            None => self.municipality.clone(),
        }
    }
}

/// A listing's photo: its name (see `paths::photo`) and its text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingPhoto {
    pub name: String,
    pub alt: String,
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
    /// It has a photo (the popup shows it, from `paths::space_photo`: a name per space would
    /// weigh ~60 KB in the markers document of 4,500 spaces with photos).
    #[serde(default)]
    pub photo: bool,
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
            photo: s.photo.is_some(),
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
    /// Its pin lies outside the municipality it names (a space stored before the forms checked
    /// it, or by another way in): staff are asked to correct it.
    pub outside: bool,
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
    /// The join requests merged into it (id, reference).
    pub merged: Vec<(i64, String)>,
    /// Who manages it.
    pub managers: Vec<SpaceManager>,
    /// Its managers' changes are published at once (staff trust them).
    pub managers_trusted: bool,
    pub input: crate::core::validate::space::SpaceInput,
    pub municipalities: Vec<MunicipalityOption>,
    pub audit: Vec<AuditView>,
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
    /// A spreadsheet's own format (Excel, OpenDocument): to be saved as CSV first.
    Spreadsheet,
    /// A column every row needs (its name as our exports spell it).
    MissingColumn(&'static str),
    TooManyRows {
        max: usize,
    },
    /// The form's token no longer matches the session (signed out and in again elsewhere).
    StaleForm,
    /// The file could not be stored now (the database busy or down).
    Busy,
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
    pub errors: Vec<(
        crate::core::validate::space::Field,
        crate::core::validate::Problem,
    )>,
    /// What the row has in the fields it has wrong, as typed (clipped).
    pub typed: Vec<(crate::core::validate::space::Field, String)>,
    /// The addresses the row makes managers of its space.
    #[serde(default)]
    pub managers: Vec<String>,
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
    pub field: crate::core::validate::space::Field,
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
    /// Addresses made managers of the rows' spaces.
    #[serde(default)]
    pub managers: i64,
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

/// Where the base map comes from (configured on the server, see `backend::context::Config`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapSettings {
    /// Tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; empty for none.
    pub tile_url: String,
    /// Attribution HTML shown in the corner of the map.
    pub attribution: String,
}

/// What the privacy notice takes from the installation's settings: how long personal data is
/// kept once it has served (`SPAZI_RETENTION_DAYS`) and how to reach the data protection
/// officer (`SPAZI_DPO_CONTACT`; empty: through the controller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrivacyFacts {
    pub retention_days: i64,
    pub dpo_contact: String,
}
