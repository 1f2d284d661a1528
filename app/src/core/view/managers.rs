//! What the space managers' pages and the staff's review of their proposals show: a
//! manager's area and editor, the proposals, and how fresh the published listings are.

use super::MunicipalityOption;
use crate::core::model::*;
use serde::{Deserialize, Serialize};

/// How long a listing's confirmation holds (`SPAZI_CONFIRM_DAYS`), provided to the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Freshness {
    pub days: i64,
}

impl Default for Freshness {
    fn default() -> Self {
        Freshness { days: 365 }
    }
}

impl Freshness {
    /// Whether information confirmed at `confirmed_at` is past the period at `now`.
    pub fn stale(self, confirmed_at: i64, now: i64) -> bool {
        now - confirmed_at > self.days * 86_400
    }
}

/// How fresh the published listings are, for staff: confirmed within the period, to be
/// confirmed, overdue (no answer after the reminder; counted in neither other), without a
/// manager, reported closed by one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreshnessCounts {
    pub confirmed: i64,
    pub due: i64,
    pub overdue: i64,
    pub no_manager: i64,
    pub closed: i64,
}

/// One of the freshness groups of the published listings, as the staff's list filters them
/// (`/admin?freschezza=…`): the same groups [`FreshnessCounts`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FreshnessGroup {
    Confirmed,
    Due,
    Overdue,
    NoManager,
    Closed,
}

impl FreshnessGroup {
    pub const ALL: [FreshnessGroup; 5] = [
        FreshnessGroup::Confirmed,
        FreshnessGroup::Due,
        FreshnessGroup::Overdue,
        FreshnessGroup::NoManager,
        FreshnessGroup::Closed,
    ];

    /// Its value in the address.
    pub fn code(self) -> &'static str {
        match self {
            FreshnessGroup::Confirmed => "confermati",
            FreshnessGroup::Due => "da-confermare",
            FreshnessGroup::Overdue => "scaduti",
            FreshnessGroup::NoManager => "senza-gestore",
            FreshnessGroup::Closed => "chiusi",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }

    /// How many of `counts` are in it.
    pub fn count(self, counts: &FreshnessCounts) -> i64 {
        match self {
            FreshnessGroup::Confirmed => counts.confirmed,
            FreshnessGroup::Due => counts.due,
            FreshnessGroup::Overdue => counts.overdue,
            FreshnessGroup::NoManager => counts.no_manager,
            FreshnessGroup::Closed => counts.closed,
        }
    }
}

/// A space as its manager's area lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedSpace {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub municipality: String,
    pub status: SpaceStatus,
    /// The latest change its managers proposed, if any.
    pub proposal: Option<ProposalState>,
}

/// Where a manager's proposal stands: `pending`, `approved` or `rejected`, since when (sent,
/// or decided), and the reason of a rejection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalState {
    pub status: String,
    pub at: i64,
    pub reason: Option<String>,
}

/// A manager's form of changes to one of their spaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManagerEditor {
    pub csrf_token: String,
    pub space: ManagedSpace,
    /// The values to show: the listing's, or those of the proposal waiting.
    pub input: crate::core::validate::space::SpaceInput,
    /// The values the proposal will be read against, serialised (see `StaffSpacePage::base`).
    pub base: String,
    pub municipalities: Vec<MunicipalityOption>,
    /// The values are those this browser sent after the session had ended, kept.
    pub restored: bool,
    /// Staff trust the space's managers: changes are published at once.
    pub trusted: bool,
    /// The values are those of the manager's proposal staff did not approve (its reason is
    /// `space.proposal`), to correct and send again.
    #[serde(default)]
    pub from_rejected: bool,
}

/// A proposal in the staff's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionRow {
    pub id: i64,
    pub space_id: i64,
    pub space_name: String,
    pub email: String,
    pub created_at: i64,
}

/// The staff's list of proposals (`api::revisions_to_review`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionLists {
    /// Waiting for a decision, oldest first.
    pub pending: Vec<RevisionRow>,
    /// Published by the managers of trusted spaces lately, newest first.
    pub published: Vec<RevisionRow>,
    /// The proposal just decided: its space's name, and whether it was approved.
    pub decided: Option<(String, bool)>,
}

/// A proposal as staff decide on it: what approving would change in the listing now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionPage {
    pub row: RevisionRow,
    pub status: String,
    pub reason: Option<String>,
    /// When it was decided (Unix seconds), once it was.
    #[serde(default)]
    pub decided_at: Option<i64>,
    /// The listing's version the page shows (approving sends it back).
    pub version: i64,
    /// (field, now, proposed), values as text.
    pub changes: Vec<(String, String, String)>,
    /// The proposal no longer passes the space form's checks over the listing as it is now.
    pub invalid: bool,
    pub municipalities: Vec<MunicipalityOption>,
    /// The listing now with the manager's changes, as form values: staff may edit it before
    /// approving.
    pub merged: crate::core::validate::space::SpaceInput,
    /// `merged` serialised: the form carries it back, so a correction that meets a colleague's
    /// decision or save is compared with what this page showed (`backend::edits::merge_edits`).
    #[serde(default)]
    pub base: String,
}

/// A signed-in manager's area: who they are, their session's CSRF token, their spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagerArea {
    pub email: String,
    pub csrf_token: String,
    pub spaces: Vec<ManagedSpace>,
}

/// One of a space's managers, as staff see them: the address, how it got there
/// (`request`, `staff`, `import`, `manager`) and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpaceManager {
    pub email: String,
    pub source: String,
    pub added_at: i64,
}
