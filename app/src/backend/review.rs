//! Reviewing join requests (server side): what a request's staff page shows (with the spaces
//! it may duplicate), the survey's answers, and recording a decision with its e-mail.

use super::context::AppState;
use super::db::{Db, DbError, StaffSpace, SubmissionRecord};
use crate::core::model::{Decision, PositionPrecision, SpaceStatus};
use crate::core::text::search_key;
use crate::core::view::{Duplicate, SubmissionPage, SurveySummary};

/// Words that say nothing about which space it is.
const STOPWORDS: [&str; 14] = [
    "spazio",
    "spazi",
    "coworking",
    "cowo",
    "fablab",
    "fab",
    "lab",
    "di",
    "del",
    "della",
    "il",
    "la",
    "the",
    "e",
];

/// A name's meaningful words: not the stopwords, nor the words of its municipality's name
/// (two spaces of Bologna both saying "Bologna" are not alike for it).
fn words(name: &str, town: &[String]) -> Vec<String> {
    search_key(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w) && !town.iter().any(|t| t == w))
        .map(str::to_owned)
        .collect()
}

/// The name without spaces or punctuation: "The Fab Lab" and "TheFabLab" are one name.
fn compact(name: &str) -> String {
    search_key(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// One compact name holds the other whole (one of them long enough to mean something):
/// "TheFabLab" and "The Fab Lab Bologna".
fn same_compact(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.chars().count() >= 8 && long.contains(short))
}

/// Metres between two points (haversine).
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().asin()
}

/// Spaces of the same municipality (`town`: its name) that look like `space`: a similar name
/// (most of the meaningful words shared, or the same letters however spaced) or, when both
/// have a street-level position, within 150 m.
pub fn duplicates(space: &StaffSpace, others: &[StaffSpace], town: &str) -> Vec<Duplicate> {
    let town: Vec<String> = search_key(town)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let mine = words(&space.current.name, &town);
    let my_letters = compact(&space.current.name);
    let located = |s: &StaffSpace| s.current.precision != PositionPrecision::Municipality;
    others
        .iter()
        .filter(|o| o.id != space.id && o.current.municipality == space.current.municipality)
        .filter(|o| o.status != SpaceStatus::Rejected)
        .filter_map(|o| {
            let theirs = words(&o.current.name, &town);
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            let smaller = mine.len().min(theirs.len()).max(1);
            let similar = (shared * 2 >= smaller && shared > 0)
                || same_compact(&my_letters, &compact(&o.current.name));
            let distance = (located(space) && located(o)).then(|| {
                distance_m(
                    (space.current.lat, space.current.lon),
                    (o.current.lat, o.current.lon),
                )
            });
            (similar || distance.is_some_and(|d| d < 150.0)).then(|| Duplicate {
                id: o.id,
                name: o.current.name.clone(),
                status: o.status,
                distance_m: distance.map(|d| d.round() as i64),
            })
        })
        .collect()
}

/// The staff queue: every request, waiting ones first, each waiting one with the spaces it may
/// repeat.
pub async fn queue(db: &Db) -> Result<Vec<crate::core::view::QueueRow>, DbError> {
    let rows = db.submissions().await?;
    let spaces = db.all_staff_spaces().await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let duplicates = match row.decision {
                None => spaces
                    .iter()
                    .find(|s| s.id == row.space_id)
                    .map(|space| duplicates(space, &spaces, &row.municipality))
                    .unwrap_or_default(),
                Some(_) => Vec::new(),
            };
            crate::core::view::QueueRow { row, duplicates }
        })
        .collect())
}

/// One request as its staff page shows it.
pub async fn page(db: &Db, id: i64) -> Result<Option<SubmissionPage>, DbError> {
    let Some((row, record)) = db.submission(id).await? else {
        return Ok(None);
    };
    let spaces = db.all_staff_spaces().await?;
    let Some(space) = spaces.iter().find(|s| s.id == row.space_id) else {
        return Ok(None);
    };
    let marker = crate::core::view::MapMarker {
        slug: space.slug.clone(),
        name: space.current.name.clone(),
        kinds: space.current.kinds.clone(),
        municipality: row.municipality.clone(),
        lat: space.current.lat,
        lon: space.current.lon,
        approximate: space.current.precision != PositionPrecision::Exact,
        photo: false,
    };
    Ok(Some(SubmissionPage {
        space_status: space.status,
        space: space.current.as_input(),
        organisation_tax_code: record.tax_code.clone(),
        marker,
        needs: record.needs(),
        contact_name: record.contact_name,
        contact_role: record.contact_role,
        contact_email: record.contact_email,
        contact_phone: record.contact_phone,
        needs_other: record.needs_other,
        vision: record.vision,
        consent_contact: record.consent_contact != 0,
        lang: record.lang,
        decision_reason: record.decision_reason,
        decided_at: record.decided_at,
        version: record.version,
        duplicates: duplicates(space, &spaces, &row.municipality),
        merged_into: record
            .merged_into
            .and_then(|id| spaces.iter().find(|s| s.id == id))
            .map(|s| (s.id, s.current.name.clone())),
        row,
    }))
}

/// The survey's answers, aggregated.
pub async fn survey(db: &Db) -> Result<SurveySummary, DbError> {
    let answers = db.survey_answers().await?;
    let mut needs: Vec<(crate::core::model::Need, usize)> = crate::core::model::Need::ALL
        .into_iter()
        .map(|n| {
            (
                n,
                answers
                    .iter()
                    .filter(|(_, r)| r.needs().contains(&n))
                    .count(),
            )
        })
        .collect();
    needs.sort_by_key(|(n, c)| (std::cmp::Reverse(*c), *n));
    let texts = |f: fn(&SubmissionRecord) -> &Option<String>| -> Vec<(String, String)> {
        answers
            .iter()
            .filter_map(|(row, r)| f(r).clone().map(|t| (row.space_name.clone(), t)))
            .collect()
    };
    Ok(SurveySummary {
        responses: answers.len(),
        needs,
        needs_other: texts(|r| &r.needs_other),
        visions: texts(|r| &r.vision),
    })
}

/// Records a decision on request `id` with its e-mail to the submitter (whichever page staff
/// act from: the request's, or its space's status buttons). `Ok(false)` when there is no such
/// request.
pub async fn record_decision(
    state: &AppState,
    id: i64,
    decision: Decision,
    reason: &str,
    expected: Option<i64>,
    actor: (i64, &str),
) -> Result<bool, DbError> {
    let Some((row, record)) = state.db.submission(id).await? else {
        return Ok(false);
    };
    let Some(space) = state.db.staff_space(row.space_id).await? else {
        return Ok(false);
    };
    // The space's page in the language the request was sent in.
    let lang = crate::i18n::Lang::from_code(&record.lang).unwrap_or_default();
    let page = crate::core::paths::in_lang(&crate::core::paths::space(&space.slug), lang);
    let link = format!("{}{page}", state.config.base_url());
    let email = super::emails::decision(&row, &record, decision, reason, &link);
    let reason = (!reason.is_empty()).then_some(reason);
    let done = state
        .db
        .decide_submission(
            id,
            decision,
            reason,
            &email,
            expected,
            actor,
            state.clock.now(),
        )
        .await?;
    if done {
        state.outbox.wake();
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::space::ValidSpace;

    fn space(id: i64, name: &str, lat: f64, lon: f64, precision: PositionPrecision) -> StaffSpace {
        StaffSpace {
            id,
            slug: format!("s{id}"),
            status: SpaceStatus::Published,
            version: 1,
            current: ValidSpace {
                name: name.into(),
                kinds: vec![],
                description: None,
                address: None,
                municipality: "037006".into(),
                lat,
                lon,
                precision,
                website: None,
                email: None,
                phone: None,
                organisation: None,
                organisation_kind: None,
                organisation_website: None,
                organisation_description: None,
                opening_hours: None,
                services: None,
                photo: None,
                photo_alt: None,
            },
        }
    }

    #[test]
    fn duplicates_by_name_or_distance() {
        let new = space(
            1,
            "Coworking Kilowatt Serre",
            44.4812,
            11.3530,
            PositionPrecision::Exact,
        );
        let others = vec![
            new.clone(),
            space(
                2,
                "Le Serre dei Giardini – Kilowatt",
                44.49,
                11.36,
                PositionPrecision::Approximate,
            ),
            space(
                3,
                "Officina Lontana",
                44.4813,
                11.3531,
                PositionPrecision::Exact,
            ),
            space(
                4,
                "Officina Altrove",
                44.4813,
                11.3531,
                PositionPrecision::Municipality,
            ),
            space(5, "Coworking Altro", 44.50, 11.30, PositionPrecision::Exact),
        ];
        let found = duplicates(&new, &others, "Bologna");
        let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
        assert_eq!(
            ids,
            [2, 3],
            "a shared name, or 15 m away; not the municipality point nor a shared 'coworking'"
        );
        assert!(found[1].distance_m.unwrap() < 20);
        // The same letters, however spaced; not a short name inside another.
        let fab = space(6, "The Fab Lab", 44.52, 11.31, PositionPrecision::Exact);
        let named = |n: &str| space(7, n, 44.40, 11.20, PositionPrecision::Exact);
        assert_eq!(duplicates(&fab, &[named("TheFabLab")], "Bologna").len(), 1);
        assert_eq!(
            duplicates(&fab, &[named("THE FAB-LAB Bologna")], "Bologna").len(),
            1
        );
        // Sharing only the town's name is no likeness.
        let dumbo = space(9, "Dumbo Bologna", 44.52, 11.31, PositionPrecision::Exact);
        assert!(duplicates(&dumbo, &[named("TheFabLab Bologna")], "Bologna").is_empty());
        let san_lazzaro = space(
            10,
            "Cowo San Lazzaro",
            44.47,
            11.40,
            PositionPrecision::Exact,
        );
        let other = space(
            11,
            "Lab San Lazzaro Hub",
            44.42,
            11.45,
            PositionPrecision::Exact,
        );
        assert!(duplicates(&san_lazzaro, &[other], "San Lazzaro di Savena").is_empty());
        let lab = space(8, "Lab", 44.52, 11.31, PositionPrecision::Exact);
        assert!(duplicates(&lab, &[named("Laboratorio Aperto")], "Bologna").is_empty());
        assert!((distance_m((44.4949, 11.3426), (44.3535, 11.7141)) - 33_500.0).abs() < 1_500.0);
    }
}
