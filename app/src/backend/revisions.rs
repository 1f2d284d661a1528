//! What approving a manager's proposal would do: the manager's changes (the fields they
//! changed from what their form showed) over the listing as it is now — staff may have changed
//! other fields since — checked with the space form's rules, and the difference from the
//! listing, field by field.

use crate::backend::db::{change_list, diff, Db, DbError, RevisionRecord, StaffSpace};
use crate::backend::edits::merge_edits;
use crate::core::validate::space::{validate_space, Field, SpaceInput, ValidSpace};
use crate::core::validate::FieldErrors;

/// A proposal with the listing it would change.
pub struct Proposal {
    pub revision: RevisionRecord,
    pub space: StaffSpace,
    /// The listing now with the manager's changes.
    pub merged: SpaceInput,
    /// `merged` checked (a municipality's outline may have been corrected meanwhile).
    pub valid: Result<ValidSpace, FieldErrors<Field>>,
}

impl Proposal {
    /// (field, now, proposed) of what approving would change.
    pub fn changes(&self) -> Vec<(String, String, String)> {
        let Ok(valid) = &self.valid else {
            return Vec::new();
        };
        let (old, new) = diff(&self.space.current, valid);
        match (old, new) {
            (serde_json::Value::Object(old), serde_json::Value::Object(new)) => {
                change_list(&old, &new)
            }
            _ => Vec::new(),
        }
    }
}

/// Proposal `id` and what approving it would do; `None` when it or its space is gone.
pub async fn proposal(db: &Db, id: i64) -> Result<Option<Proposal>, DbError> {
    let Some(revision) = db.revision(id).await? else {
        return Ok(None);
    };
    let Some(space) = db.staff_space(revision.space_id).await? else {
        return Ok(None);
    };
    let proposed: SpaceInput = serde_json::from_str(&revision.proposed_json).unwrap_or_default();
    let now = space.current.as_input();
    let merged = merge_edits(&proposed, &revision.base_json, &now).unwrap_or(proposed);
    let valid = validate_space(&merged, crate::backend::boundaries::all());
    Ok(Some(Proposal {
        revision,
        space,
        merged,
        valid,
    }))
}
