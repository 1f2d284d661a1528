//! Merging a join request into the listing of the map it repeats (server only): the page that
//! shows both side by side, the listing's new values from the fields staff chose, and the
//! merge itself with its e-mail to the submitter (see `Db::merge_request`).

use super::context::AppState;
use super::db::{Db, DbError, Merged};
use crate::core::model::SpaceStatus;
use crate::core::validate::space::{validate_space, Field, SpaceInput};
use crate::core::validate::FieldErrors;
use crate::core::view::MergePage;

/// The merge page of request `id` into space `target`: `None` when either is unknown, the
/// request's own space is the target, or the listing is rejected.
pub async fn page(db: &Db, id: i64, target: i64) -> Result<Option<MergePage>, DbError> {
    let Some((row, record)) = db.submission(id).await? else {
        return Ok(None);
    };
    if row.space_id == target {
        return Ok(None);
    }
    let (Some(own), Some(listing)) = (
        db.staff_space(row.space_id).await?,
        db.staff_space(target).await?,
    ) else {
        return Ok(None);
    };
    if listing.status == SpaceStatus::Rejected {
        return Ok(None);
    }
    let name = |code: String| async move {
        Ok::<_, DbError>(db.municipality_name(&code).await?.unwrap_or(code))
    };
    let municipalities = (
        name(own.current.municipality.clone()).await?,
        name(listing.current.municipality.clone()).await?,
    );
    Ok(Some(MergePage {
        request: row,
        request_version: record.version,
        proposed: own.current.as_input(),
        target_id: listing.id,
        target_status: listing.status,
        target_version: listing.version,
        target: listing.current.as_input(),
        municipalities,
    }))
}

/// The listing's values with `fields` taken from the request's (a position is taken whole:
/// latitude, longitude and precision together).
pub fn merged_input(listing: &SpaceInput, request: &SpaceInput, fields: &[Field]) -> SpaceInput {
    let mut out = listing.clone();
    let r = request.clone();
    for field in fields {
        match field {
            Field::Name => out.name = r.name.clone(),
            Field::Kinds => {
                out.kind_coworking = r.kind_coworking.clone();
                out.kind_fablab = r.kind_fablab.clone();
                out.kind_incubator_accelerator = r.kind_incubator_accelerator.clone();
            }
            Field::Description => out.description = r.description.clone(),
            Field::Services => out.services = r.services.clone(),
            Field::OpeningHours => out.opening_hours = r.opening_hours.clone(),
            // Not a field of a listing (an import's column).
            Field::Manager => {}
            // A photo and its description are one fact too.
            Field::Photo | Field::PhotoAlt => {
                out.photo = r.photo.clone();
                out.photo_alt = r.photo_alt.clone();
            }
            Field::Address => out.address = r.address.clone(),
            Field::Municipality => out.municipality = r.municipality.clone(),
            // A point and how precise it is are one fact: never half of it.
            Field::Lat | Field::Lon | Field::Precision => {
                out.lat = r.lat.clone();
                out.lon = r.lon.clone();
                out.precision = r.precision.clone();
            }
            Field::Website => out.website = r.website.clone(),
            Field::Email => out.email = r.email.clone(),
            Field::Phone => out.phone = r.phone.clone(),
            Field::Organisation => out.organisation = r.organisation.clone(),
            Field::OrganisationKind => out.organisation_kind = r.organisation_kind.clone(),
            Field::OrganisationWebsite => out.organisation_website = r.organisation_website.clone(),
            Field::OrganisationDescription => {
                out.organisation_description = r.organisation_description.clone()
            }
        }
    }
    out
}

/// What a merge came to, for the page.
#[derive(Debug)]
pub enum Outcome {
    Merged(Merged),
    /// The values chosen make no valid listing (shown beside the fields' names).
    Invalid(FieldErrors<Field>),
    NotFound,
}

/// Merges request `id` (at `versions.0`) into listing `target` (at `versions.1`), taking
/// `fields` from the request; e-mails the submitter in their language.
pub async fn merge(
    state: &AppState,
    (id, target): (i64, i64),
    versions: (i64, i64),
    fields: &[Field],
    actor: (i64, &str),
) -> Result<Outcome, DbError> {
    let Some(page) = page(&state.db, id, target).await? else {
        return Ok(Outcome::NotFound);
    };
    let input = merged_input(&page.target, &page.proposed, fields);
    let valid = match validate_space(&input, crate::backend::boundaries::all()) {
        Ok(v) => v,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let Some((_, record)) = state.db.submission(id).await? else {
        return Ok(Outcome::NotFound);
    };
    let Some(listing) = state.db.staff_space(target).await? else {
        return Ok(Outcome::NotFound);
    };
    let lang = crate::i18n::Lang::from_code(&record.lang).unwrap_or_default();
    let link = format!(
        "{}{}",
        state.config.base_url(),
        crate::core::paths::in_lang(&crate::core::paths::space(&listing.slug), lang)
    );
    let email =
        crate::backend::emails::merged(&record, &page.request.reference, &valid.name, &link);
    let done = state
        .db
        .merge_request(
            (id, versions.0),
            (target, versions.1),
            &valid,
            &email,
            actor,
            state.clock.now(),
        )
        .await?;
    if done == Merged::Done {
        state.outbox.wake();
    }
    Ok(Outcome::Merged(done))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_fields_and_only_those_come_from_the_request() {
        let listing = SpaceInput {
            name: "DumBO".into(),
            address: "Via Casarini 19".into(),
            lat: "44.50".into(),
            lon: "11.32".into(),
            kind_coworking: Some("on".into()),
            ..Default::default()
        };
        let request = SpaceInput {
            name: "DumBO Bologna".into(),
            address: "Via Camillo Casarini 19".into(),
            website: "https://dumbospace.it".into(),
            lat: "44.51".into(),
            lon: "11.33".into(),
            kind_fablab: Some("on".into()),
            ..Default::default()
        };
        let merged = merged_input(
            &listing,
            &request,
            &[Field::Website, Field::Lat, Field::Kinds],
        );
        assert_eq!(merged.name, "DumBO");
        assert_eq!(merged.address, "Via Casarini 19");
        assert_eq!(merged.website, "https://dumbospace.it");
        assert_eq!(
            (merged.lat.as_str(), merged.lon.as_str()),
            ("44.51", "11.33")
        );
        assert_eq!(merged.kind_coworking, None);
        assert_eq!(merged.kind_fablab.as_deref(), Some("on"));
    }
}
