//! Importing spaces from a file (server only). Two pure steps, so the preview and the
//! confirmation compute exactly the same thing: [`parse`] reads a CSV (comma or semicolon,
//! UTF-8 or Excel's Windows-1252, our own exports included) or a GeoJSON FeatureCollection into
//! rows of named values; [`plan`] matches each row to an existing space (by `slug`, else by name
//! and municipality), runs the same validation as the staff form over the existing values with
//! the file's columns laid on top, and says what applying it would do: create, update (which
//! fields), leave unchanged, or nothing because of errors. Importing the same file twice changes
//! nothing the second time.

mod parse;
mod plan;

pub use parse::{check, decode, parse, recognise, ImportRow, ParsedFile, CLEAR_MARKERS};
pub use plan::{
    changes, plan, Existing, FieldChange, Matched, MatchedBy, Options, Outcome, Planned,
};

/// One import file held, parsed and planned at a time per process: an upload (its file up to
/// 5 MB and its rows), a preview or a confirmation (the rows, every space and the plan) each
/// takes this turn, so a burst of them waits instead of multiplying the server's memory.
pub static TURN: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// Largest file accepted (bytes).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most rows in one file.
pub const MAX_ROWS: usize = 10_000;
/// The most unknown column or property names an import reports (a hostile file may hold
/// hundreds of thousands).
pub const MAX_IGNORED_REPORTED: usize = 50;
/// The most characters of an unknown column's name that an import reports.
pub const COLUMN_CHARS: usize = 60;

/// How long an applying import may go without a heartbeat before another request may resume
/// it (its server was restarted, say).
pub const STALL_AFTER: i64 = 30;
/// Progress is written every this many rows.
const PROGRESS_EVERY: usize = 20;

/// The plan of a stored import against the spaces as they are now.
pub async fn plan_stored(
    db: &crate::backend::db::Db,
    record: &crate::backend::db::ImportRecord,
) -> Result<(ParsedFile, Vec<Planned>), crate::backend::db::DbError> {
    // A stored file parsed when it was uploaded; should that ever fail now, it has no rows.
    let parsed = parse(&record.content).unwrap_or_default();
    let existing = Existing::load(db).await?;
    let municipalities = db.all_municipalities().await?;
    let planned = plan(&parsed.rows, &existing, &municipalities, record.options());
    Ok((parsed, planned))
}

/// A short digest of a plan: the confirmation carries the digest of the preview it confirms,
/// and a plan that no longer matches it (a colleague changed a space meanwhile) is shown again
/// instead of applied.
pub fn digest(planned: &[Planned]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    /// The plan's text streamed into the hash (a 10,000-row plan is megabytes as a string).
    struct Hashing(Sha256);
    impl Write for Hashing {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.update(s.as_bytes());
            Ok(())
        }
    }
    let mut hashing = Hashing(Sha256::new());
    let _ = write!(hashing, "{planned:?}");
    let hash = hashing.0.finalize();
    hash.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// Counts of a plan.
pub fn count(planned: &[Planned]) -> crate::core::view::ImportReport {
    let mut r = crate::core::view::ImportReport::default();
    for p in planned {
        match p.outcome {
            Outcome::Create(_) => r.created += 1,
            Outcome::Update { .. } => r.updated += 1,
            Outcome::Unchanged { .. } => r.unchanged += 1,
            Outcome::Invalid(_) => r.errors += 1,
        }
        // The preview counts the managers to be added (the report, those added).
        r.managers += p.managers.len() as i64;
    }
    r
}

/// The page of an import: its state, and while it waits for confirmation, the preview.
/// `None` when there is no such import.
pub async fn page(
    db: &crate::backend::db::Db,
    id: i64,
    now: i64,
) -> Result<Option<crate::core::view::ImportPage>, crate::backend::db::DbError> {
    use crate::core::view::{ImportAction, ImportState, IMPORT_ROWS_SHOWN};
    // The file (up to 5 MB) is read under the turn too.
    let _turn = TURN.acquire().await;
    let Some(record) = db.import_record(id).await? else {
        return Ok(None);
    };
    let record = &record;
    let state = match (record.finished_at, record.started_at) {
        (Some(_), _) => ImportState::Finished {
            report: record.report(),
        },
        (None, Some(_)) => ImportState::Running {
            done: record.rows_done,
            total: record.rows_total,
            stalled: record.beat_at.unwrap_or(0) < now - STALL_AFTER,
        },
        (None, None) => ImportState::Preview,
    };
    let (parsed, planned) = if state == ImportState::Preview {
        plan_stored(db, record).await?
    } else {
        (parse(&record.content).unwrap_or_default(), Vec::new())
    };
    let mut shown: Vec<_> = planned
        .iter()
        .map(Planned::view)
        // An unchanged row that names a new manager is shown: confirming does something.
        .filter(|r| r.action != ImportAction::Unchanged || !r.managers.is_empty())
        .collect();
    // The rows in error first: a file of thousands of rows must not hide them past the rows
    // shown (each keeps its line number; the rest stay in file order).
    shown.sort_by_key(|r| r.action != ImportAction::Error);
    let rows_hidden = shown.len().saturating_sub(IMPORT_ROWS_SHOWN);
    let revert = if record.finished_at.is_some() && record.reverted_at.is_none() {
        let plan = db.revert_plan(record.id).await?;
        Some(crate::core::view::ImportRevertView {
            remove: plan.remove,
            restore: plan.restore,
            changed_since: plan
                .changed_since
                .into_iter()
                .map(|c| crate::core::view::ImportChangedView {
                    space_id: c.space_id,
                    line: c.line,
                    name: c.name,
                })
                .collect(),
        })
    } else {
        None
    };
    Ok(Some(crate::core::view::ImportPage {
        id: record.id,
        filename: record.filename.clone(),
        created_at: record.created_at,
        new_status: record.new_status(),
        state,
        ignored_columns: parsed.ignored_columns,
        preview: count(&planned),
        rows: shown.into_iter().take(IMPORT_ROWS_SHOWN).collect(),
        rows_hidden,
        digest: digest(&planned),
        include_archived: record.include_archived != 0,
        reverted_at: record.reverted_at,
        reverted_left: record.reverted_left,
        revert,
    }))
}

/// An import claimed for applying, with its plan.
pub struct Claimed {
    pub id: i64,
    pub status: crate::core::model::SpaceStatus,
    pub planned: Vec<Planned>,
}

/// Claims a stored import for applying (when confirmed with the digest of the plan the
/// preview showed, or to resume a stalled one).
pub async fn claim(
    db: &crate::backend::db::Db,
    id: i64,
    confirmed: Option<&str>,
    now: i64,
) -> Result<Claim, crate::backend::db::DbError> {
    let _turn = TURN.acquire().await;
    let Some(record) = db.import_record(id).await? else {
        return Ok(Claim::NotNow);
    };
    let (_, planned) = plan_stored(db, &record).await?;
    // A first confirmation must be of the plan as it is now; resuming a stalled import
    // (started already) applies the rows not yet applied, each checked against its version.
    if record.started_at.is_none() && confirmed != Some(digest(&planned).as_str()) {
        return Ok(Claim::Changed);
    }
    if !db
        .claim_import(id, planned.len() as i64, now, now - STALL_AFTER)
        .await?
    {
        return Ok(Claim::NotNow);
    }
    Ok(Claim::Claimed(Claimed {
        id,
        status: record.new_status(),
        planned,
    }))
}

/// What asking to apply an import came to.
pub enum Claim {
    Claimed(Claimed),
    /// The plan is not the one shown in the preview: it must be looked at again.
    Changed,
    /// No such import, it is finished, or another worker is applying it.
    NotNow,
}

/// Applies a claimed import (in the background after the confirmation): each row in its own
/// transaction with its audit entry, the progress written as it goes. If it is cut short (the
/// server stops), claiming it again resumes it: the rows already applied are then unchanged.
pub async fn apply(
    db: &crate::backend::db::Db,
    claimed: Claimed,
    actor: (i64, &str),
    clock: crate::backend::clock::Clock,
) -> Result<(), crate::backend::db::DbError> {
    let now = || clock.now();
    let mut report = count(&claimed.planned);
    report.managers = 0;
    // Each row let go once applied: a plan of thousands of rows is megabytes, and an import
    // runs for minutes beside everything else.
    for (i, p) in claimed.planned.into_iter().enumerate() {
        let mark = crate::backend::db::ImportMark {
            import_id: claimed.id,
            line: p.line as i64,
        };
        // The space the row wrote (or left as it was), for its manager.
        let space = match p.outcome {
            Outcome::Create(valid) => {
                let created = db
                    .create_space_as(&valid, claimed.status, actor, "import", now(), Some(mark))
                    .await?;
                // Created meanwhile by someone else (the same file confirmed twice at once,
                // a join request): not created twice, and reported.
                if created.is_none() {
                    report.created -= 1;
                    report.conflicts += 1;
                }
                created
            }
            Outcome::Update {
                id, version, valid, ..
            } => {
                let saved = db
                    .update_space_as(id, &valid, version, actor, "import", now(), Some(mark))
                    .await?;
                // Changed (or deleted) by someone since the plan: left alone, and reported.
                if matches!(saved, crate::backend::db::Saved::Done { .. }) {
                    Some(id)
                } else {
                    report.updated -= 1;
                    report.conflicts += 1;
                    None
                }
            }
            Outcome::Unchanged { id } => Some(id),
            Outcome::Invalid(_) => None,
        };
        if let Some(space) = space {
            let by = (Some(actor.0), actor.1);
            let source = crate::backend::db::ManagerSource::Import;
            for email in &p.managers {
                if db
                    .add_space_manager(space, email, source, by, now())
                    .await?
                {
                    report.managers += 1;
                }
            }
        }
        if (i + 1) % PROGRESS_EVERY == 0 {
            db.import_progress(claimed.id, (i + 1) as i64, now())
                .await?;
        }
    }
    db.finish_import(claimed.id, &report, now()).await
}

#[cfg(test)]
mod tests {
    use super::parse::*;
    use super::plan::*;
    use super::*;
    use crate::backend::db::StaffSpace;
    use crate::core::model::SpaceKind;
    use crate::core::model::{PositionPrecision, SpaceStatus};
    use crate::core::validate::space::{Field, ValidSpace};
    use crate::core::validate::{FieldErrors, Problem};
    use crate::core::view::{ImportAction, ImportFileError, MunicipalityOption};

    fn municipalities() -> Vec<MunicipalityOption> {
        [
            ("037006", "Bologna"),
            ("037032", "Imola"),
            ("037011", "Casalecchio di Reno"),
        ]
        .into_iter()
        .map(|(c, n)| MunicipalityOption {
            istat_code: c.into(),
            name: n.into(),
            spaces: 0,
        })
        .collect()
    }

    fn existing() -> Vec<StaffSpace> {
        vec![StaffSpace {
            id: 7,
            slug: "dumbo".into(),
            status: SpaceStatus::Published,
            version: 1,
            current: ValidSpace {
                name: "DumBO".into(),
                kinds: vec![SpaceKind::Coworking],
                description: Some("Spazio di rigenerazione urbana".into()),
                address: Some("Via Camillo Casarini 19".into()),
                municipality: "037006".into(),
                lat: 44.501,
                lon: 11.3226,
                precision: PositionPrecision::Approximate,
                website: Some("https://dumbospace.it".into()),
                email: None,
                phone: Some("+39 051 000000".into()),
                organisation: Some("Associazione DumBO".into()),
                organisation_kind: None,
                organisation_website: None,
                organisation_description: None,
                opening_hours: None,
                services: None,
                photo: None,
                photo_alt: None,
            },
        }]
    }

    fn plan_text(text: &str) -> Vec<Planned> {
        plan(
            &parse(text).unwrap().rows,
            &Existing::of(existing()),
            &municipalities(),
            Options::default(),
        )
    }

    #[test]
    fn our_excel_export_round_trips_unchanged() {
        // Semicolons, BOM, CRLF, a defused phone, columns the importer ignores.
        let text = "\u{feff}status;slug;name;kinds;description;address;municipality;municipality_istat;lat;lon;position_precision;organisation;organisation_kind;website;email;phone;source;page;updated\r\n\
published;dumbo;DumBO;coworking;Spazio di rigenerazione urbana;Via Camillo Casarini 19;Bologna;037006;44.501;11.3226;approximate;Associazione DumBO;;https://dumbospace.it;;'+39 051 000000;staff;/spazi/dumbo;2026-11-01\r\n";
        let parsed = parse(text).unwrap();
        assert_eq!(
            parsed.ignored_columns,
            ["status", "source", "page", "updated"]
        );
        let planned = plan(
            &parsed.rows,
            &Existing::of(existing()),
            &municipalities(),
            Options::default(),
        );
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].outcome, Outcome::Unchanged { id: 7 });
        assert_eq!(planned[0].line, 2);
    }

    #[test]
    fn rows_create_update_or_explain_their_errors() {
        let text = "name,kinds,comune,address,lat,lon,precisione\n\
Dumbo,coworking;fablab,bologna,,44.501,11.3226,approssimativa\n\
Nuovo spazio,Incubatore,Imola,Via Emilia 1,\"44,35\",11.71,esatta\n\
Nuovo Spazio,coworking,Imola,,44.35,11.71,\n\
Lontano,coworking,Milano,,45.46,9.19,\n\
Fuori,palestra,Bologna,,45.46,9.19,\n\
<script>alert(1)</script>,coworking,Bologna,,44.5,11.3,\n";
        let p = plan_text(text);
        // Matched by name and municipality (case and accents aside). Filled cells replace
        // stored values; the empty address cell and the columns the file lacks (description,
        // website…) keep them.
        match &p[0].outcome {
            Outcome::Update {
                id,
                version,
                valid,
                changes,
            } => {
                assert_eq!((*id, *version), (7, 1));
                let fields: Vec<Field> = changes.iter().map(|c| c.field).collect();
                assert_eq!(fields, [Field::Name, Field::Kinds]);
                assert_eq!(
                    (changes[0].old.as_str(), changes[0].new.as_str()),
                    ("DumBO", "Dumbo")
                );
                assert_eq!(changes[1].new, "coworking, fablab");
                assert!(!changes[0].undoes_staff_edit);
                assert_eq!(valid.website.as_deref(), Some("https://dumbospace.it"));
                assert_eq!(valid.address.as_deref(), Some("Via Camillo Casarini 19"));
            }
            other => panic!("{other:?}"),
        }
        let matched = p[0].matched.as_ref().unwrap();
        assert_eq!(
            (matched.id, matched.by),
            (7, MatchedBy::NameAndMunicipality)
        );
        match &p[1].outcome {
            Outcome::Create(v) => {
                assert_eq!(v.kinds, [SpaceKind::IncubatorAccelerator]);
                assert_eq!(v.municipality, "037032");
                assert_eq!(v.lat, 44.35);
                assert_eq!(v.precision, PositionPrecision::Exact);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(p[1].municipality, "Imola");
        // The same new space twice in one file.
        assert_eq!(
            p[2].outcome,
            Outcome::Invalid(FieldErrors(vec![(
                Field::Name,
                Problem::DuplicateRow { line: 3 }
            )]))
        );
        // An unknown municipality; an unknown kind and a position outside the area.
        assert_eq!(
            p[3].outcome,
            Outcome::Invalid(FieldErrors(vec![
                (Field::Municipality, Problem::UnknownMunicipality),
                (Field::Lat, Problem::OutsideArea)
            ]))
        );
        // What the row says is shown beside each problem.
        assert_eq!(p[3].typed[0].0, Field::Municipality);
        assert!(!p[3].typed[0].1.is_empty());
        let Outcome::Invalid(errors) = &p[4].outcome else {
            panic!()
        };
        assert_eq!(errors.get(Field::Kinds), Some(Problem::UnknownKind));
        assert_eq!(errors.get(Field::Lat), Some(Problem::OutsideArea));
        // Markup is just text: validated like any name (escaped when shown).
        assert!(matches!(p[5].outcome, Outcome::Create(_)));
    }

    #[test]
    fn the_preview_shows_enough_of_a_huge_cell_to_recognise_its_row() {
        let huge = "x".repeat(70_000);
        let p = plan_text(&format!(
            "name,kinds,comune,lat,lon\n{huge},coworking,{huge},44.5,11.3\n"
        ));
        let row = p[0].view();
        assert_eq!(row.action, ImportAction::Error);
        assert!(row.errors.iter().any(|(f, _)| *f == Field::Name));
        assert_eq!(row.name.chars().count(), SHOWN_CHARS + 1);
        assert!(row.name.ends_with('…'));
        assert!(row.municipality.chars().count() <= SHOWN_CHARS + 1);
    }

    #[test]
    fn geojson_features_and_windows_1252() {
        let doc = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[11.71,44.35]},
             "properties":{"name":"Officina","kinds":["fablab"],"municipality_istat":"37032","colore":"blu"}},
            {"type":"Feature","geometry":null,"properties":{"name":"Senza posizione","kinds":"coworking","municipality":"Imola"}}
        ]}"#;
        let parsed = parse(doc).unwrap();
        assert_eq!(parsed.ignored_columns, ["colore"]);
        // Thousands of distinct unknown names: each looked up once, the first few reported.
        let props: Vec<String> = (0..20_000).map(|i| format!("\"x{i}\":{i}")).collect();
        let many = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","geometry":null,"properties":{{"name":"A",{}}}}}]}}"#,
            props.join(",")
        );
        let hostile = parse(&many).unwrap();
        assert_eq!(hostile.ignored_columns.len(), MAX_IGNORED_REPORTED);
        // Names of tens of kilobytes are reported cut (the preview page showed them whole).
        let long = "k".repeat(70_000);
        let doc = format!(
            r#"{{"type":"FeatureCollection","features":[{{"properties":{{"name":"A","{long}":1}}}}]}}"#
        );
        let reported = &parse(&doc).unwrap().ignored_columns;
        assert_eq!(reported[0].chars().count(), COLUMN_CHARS + 1);
        let csv = format!("name,municipality,lat,lon,{long}\nA,Bologna,44.5,11.3,x\n");
        let reported = &parse(&csv).unwrap().ignored_columns;
        assert_eq!(reported[0].chars().count(), COLUMN_CHARS + 1);
        assert_eq!(hostile.ignored_columns[0], "x0");
        let p = plan(
            &parsed.rows,
            &Existing::of(existing()),
            &municipalities(),
            Options::default(),
        );
        assert!(
            matches!(&p[0].outcome, Outcome::Create(v) if v.municipality == "037032" && v.lon == 11.71)
        );
        let Outcome::Invalid(errors) = &p[1].outcome else {
            panic!()
        };
        assert_eq!(errors.get(Field::Lat), Some(Problem::Required));

        // "Città" saved by Excel as Windows-1252.
        let bytes = b"name;kinds;comune;lat;lon\r\nSpazio Citt\xe0;coworking;Casalecchio di Reno;44.47;11.27\r\n";
        let text = decode(bytes.to_vec());
        assert!(text.contains("Spazio Città"));
        let p = plan(
            &parse(&text).unwrap().rows,
            &Existing::of(existing()),
            &municipalities(),
            Options::default(),
        );
        assert!(matches!(&p[0].outcome, Outcome::Create(v) if v.name == "Spazio Città"));
    }

    #[test]
    fn rows_never_touch_what_they_must_not() {
        let dumbo = existing().remove(0);
        let space = |id: i64, slug: &str, name: &str, status: SpaceStatus| StaffSpace {
            id,
            slug: slug.into(),
            status,
            version: 3,
            current: ValidSpace {
                name: name.into(),
                ..dumbo.current.clone()
            },
        };
        let mut existing = Existing::of(vec![
            dumbo.clone(),
            // A citizen's request under review with the same name as a published space.
            space(8, "fablab-reno", "FabLab Reno", SpaceStatus::Published),
            space(9, "fablab-reno-2", "Fablab Reno", SpaceStatus::Pending),
            space(10, "vecchio", "Vecchio spazio", SpaceStatus::Archived),
            space(11, "respinto", "Spazio respinto", SpaceStatus::Rejected),
            space(12, "in-revisione", "In revisione", SpaceStatus::Pending),
        ]);
        existing.under_review.insert(12);
        existing.hand_edited.insert((7, "website".into()));
        let text = "slug,name,comune,lat,lon,website,address,description\n\
,FabLab Reno,Bologna,44.5,11.3,,,\n\
fablab-reno,FabLab Reno,Bologna,44.5,11.3,https://fablabreno.it,,\n\
,Vecchio spazio,Bologna,44.5,11.3,https://vecchio.it,,\n\
,Spazio respinto,Bologna,44.5,11.3,https://r.it,,\n\
,In revisione,Bologna,44.5,11.3,https://x.it,,\n\
dumbo,DumBO,Bologna,44.501,11.3226,https://dumbo.example,[vuoto],[cancella]\n";
        let rows = parse(text).unwrap().rows;
        let p = plan(&rows, &existing, &municipalities(), Options::default());
        let error = |i: usize| match &p[i].outcome {
            Outcome::Invalid(e) => e.get(Field::Name),
            other => panic!("row {i}: {other:?}"),
        };
        // Two spaces answer to the name: refused, the file must say the slug.
        assert_eq!(error(0), Some(Problem::AmbiguousMatch { count: 2 }));
        assert_eq!(p[0].matched, None);
        // With the slug, the published one is updated, and the row says how it matched.
        assert!(matches!(
            &p[1].outcome,
            Outcome::Update {
                id: 8,
                version: 3,
                ..
            }
        ));
        assert_eq!(p[1].matched.as_ref().unwrap().by, MatchedBy::Slug);
        assert_eq!(error(2), Some(Problem::NotUpdatable));
        assert_eq!(error(3), Some(Problem::NotUpdatable));
        assert_eq!(error(4), Some(Problem::UnderReview));
        // Clear markers empty a value; a change over a hand-made correction is flagged.
        let Outcome::Update { changes, valid, .. } = &p[5].outcome else {
            panic!("{:?}", p[5].outcome)
        };
        assert_eq!(valid.address, None);
        assert_eq!(valid.description, None);
        let website = changes.iter().find(|c| c.field == Field::Website).unwrap();
        assert_eq!(
            (
                website.old.as_str(),
                website.new.as_str(),
                website.undoes_staff_edit
            ),
            ("https://dumbospace.it", "https://dumbo.example", true)
        );
        let address = changes.iter().find(|c| c.field == Field::Address).unwrap();
        assert_eq!(
            (address.new.as_str(), address.undoes_staff_edit),
            ("", false)
        );
        // Archived spaces may be included when asked; rejected ones never.
        let p = plan(
            &rows,
            &existing,
            &municipalities(),
            Options {
                include_archived: true,
            },
        );
        assert!(matches!(&p[2].outcome, Outcome::Update { id: 10, .. }));
        assert!(matches!(&p[3].outcome, Outcome::Invalid(_)));
    }

    #[test]
    fn files_that_are_not_imports_say_why() {
        assert_eq!(parse(""), Err(ImportFileError::Empty));
        assert_eq!(parse("name,comune,lat,lon\n"), Err(ImportFileError::Empty));
        assert_eq!(
            parse("nome,comune\nX,Bologna\n"),
            Err(ImportFileError::MissingColumn("lat, lon"))
        );
        assert_eq!(
            parse("titolo,lat,lon\nX,1,2\n"),
            Err(ImportFileError::MissingColumn("name"))
        );
        assert_eq!(
            parse("{\"type\":\"Feature\"}"),
            Err(ImportFileError::NotRecognised)
        );
        assert_eq!(parse("{not json"), Err(ImportFileError::NotRecognised));
        let many = format!(
            "name,comune,lat,lon\n{}",
            "X,Bologna,44.5,11.3\n".repeat(MAX_ROWS + 1)
        );
        assert_eq!(
            parse(&many),
            Err(ImportFileError::TooManyRows { max: MAX_ROWS })
        );
    }
}
