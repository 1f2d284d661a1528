//! Planning an import: each row matched to an existing space and validated with the file's
//! values laid over the stored ones, and what applying it would change.

use super::parse::{is_clear_marker, ImportRow};
use crate::backend::db::StaffSpace;
use crate::core::import_columns::{kinds, organisation_kind_code, precision_code, Col, COLUMNS};
use crate::core::model::SpaceKind;
use crate::core::text::clip;
use crate::core::text::search_key;
use crate::core::validate::space::{validate_space, Field, ValidSpace};
use crate::core::validate::{FieldErrors, Problem};
use crate::core::view::{
    ImportAction, ImportChangeView, ImportMatchView, ImportRowView, MunicipalityOption,
};
use std::collections::{HashMap, HashSet};

/// The spaces an import is matched against, with what the plan needs to know about them.
#[derive(Debug, Clone, Default)]
pub struct Existing {
    pub spaces: Vec<StaffSpace>,
    /// Spaces whose join request waits for a decision (or for the changes staff asked):
    /// an import never touches them.
    pub under_review: HashSet<i64>,
    /// (space, field) whose latest change was made by hand in the staff area, after any
    /// import: an import changing it undoes a colleague's correction, and the preview says so.
    pub hand_edited: HashSet<(i64, String)>,
    /// (space, address) of every space's managers: a row naming one already there adds none.
    pub managers: HashSet<(i64, String)>,
}

impl Existing {
    pub fn of(spaces: Vec<StaffSpace>) -> Self {
        Existing {
            spaces,
            ..Default::default()
        }
    }

    /// Everything from the database.
    pub async fn load(db: &crate::backend::db::Db) -> Result<Self, crate::backend::db::DbError> {
        Ok(Existing {
            spaces: db.all_staff_spaces().await?,
            under_review: db.spaces_under_review().await?,
            hand_edited: db.hand_edited_fields().await?,
            managers: db.all_space_managers().await?,
        })
    }
}

/// The choices made at upload.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Rows may update archived spaces (otherwise they are refused, like rejected ones).
    pub include_archived: bool,
}

/// One field an update changes: the stored value and the file's (as the audit trail shows
/// them, an empty string for none).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: Field,
    pub old: String,
    pub new: String,
    /// The stored value was last set by hand in the staff area.
    pub undoes_staff_edit: bool,
}

/// What applying one row would do.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Create(ValidSpace),
    Update {
        id: i64,
        /// The version of the space the plan was made against: applying it to a space
        /// changed since is refused for that row.
        version: i64,
        valid: ValidSpace,
        changes: Vec<FieldChange>,
    },
    Unchanged {
        id: i64,
    },
    Invalid(FieldErrors<Field>),
}

/// Why a row was matched to an existing space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Slug,
    NameAndMunicipality,
}

/// The existing space a row was matched to.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub status: crate::core::model::SpaceStatus,
    pub by: MatchedBy,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub line: usize,
    pub name: String,
    pub municipality: String,
    pub matched: Option<Matched>,
    /// The spaces a name fits when it fits several (the row is refused: the slug decides).
    pub candidates: Vec<Matched>,
    pub outcome: Outcome,
    /// What the row has in the fields it has wrong (clipped).
    pub typed: Vec<(Field, String)>,
    /// The addresses the row makes managers of its space (`manager_email`: one or several,
    /// as the staff export writes them), those that are not managers already.
    pub managers: Vec<String>,
}

impl Planned {
    /// The row as the preview shows it.
    pub fn view(&self) -> ImportRowView {
        let (action, changes, errors) = match &self.outcome {
            Outcome::Create(_) => (ImportAction::Create, Vec::new(), Vec::new()),
            Outcome::Update { changes, .. } => (
                ImportAction::Update,
                changes
                    .iter()
                    .map(|c| ImportChangeView {
                        field: c.field,
                        old: c.old.clone(),
                        new: c.new.clone(),
                        undoes_staff_edit: c.undoes_staff_edit,
                    })
                    .collect(),
                Vec::new(),
            ),
            Outcome::Unchanged { .. } => (ImportAction::Unchanged, Vec::new(), Vec::new()),
            Outcome::Invalid(e) => (ImportAction::Error, Vec::new(), e.0.clone()),
        };
        let view = |m: &Matched| ImportMatchView {
            id: m.id,
            slug: m.slug.clone(),
            name: m.name.clone(),
            status: m.status,
            by_slug: m.by == MatchedBy::Slug,
        };
        ImportRowView {
            line: self.line,
            // A hostile file's cells may be tens of kilobytes each: the preview shows what is
            // enough to recognise the row (its errors say the rest).
            name: crate::core::text::clip(&self.name, SHOWN_CHARS),
            municipality: crate::core::text::clip(&self.municipality, SHOWN_CHARS),
            matched: self.matched.as_ref().map(view),
            candidates: self.candidates.iter().map(view).collect(),
            action,
            changes,
            errors,
            typed: self.typed.clone(),
            managers: self.managers.clone(),
        }
    }
}

/// The most characters of a row's name or municipality the preview shows (a valid name has at
/// most `NAME_MAX`).
pub(super) const SHOWN_CHARS: usize = crate::core::validate::NAME_MAX + 10;

/// The fields of a `ValidSpace`, by their serialised names, in form order.
const SPACE_FIELDS: [(&str, Field); 17] = [
    ("name", Field::Name),
    ("kinds", Field::Kinds),
    ("description", Field::Description),
    ("address", Field::Address),
    ("municipality", Field::Municipality),
    ("lat", Field::Lat),
    ("lon", Field::Lon),
    ("precision", Field::Precision),
    ("website", Field::Website),
    ("email", Field::Email),
    ("phone", Field::Phone),
    ("organisation", Field::Organisation),
    ("organisation_kind", Field::OrganisationKind),
    ("organisation_website", Field::OrganisationWebsite),
    ("organisation_description", Field::OrganisationDescription),
    ("opening_hours", Field::OpeningHours),
    ("services", Field::Services),
];

/// A serialised value as one line of text.
fn shown(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// The fields whose values differ (by their serialised form, as the audit trail shows them),
/// old and new, in form order.
pub fn changes(
    id: i64,
    before: &ValidSpace,
    after: &ValidSpace,
    hand_edited: &HashSet<(i64, String)>,
) -> Vec<FieldChange> {
    use serde_json::Value;
    let (Ok(Value::Object(b)), Ok(Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    SPACE_FIELDS
        .iter()
        .filter_map(|(key, field)| {
            let (old, new) = (b.get(*key)?, a.get(*key)?);
            (old != new).then(|| FieldChange {
                field: *field,
                old: shown(old),
                new: shown(new),
                undoes_staff_edit: hand_edited.contains(&(id, (*key).to_owned())),
            })
        })
        .collect()
}

/// Decides what each row would do against the spaces that exist now. A row is matched by its
/// `slug`, else by name and municipality; it never touches a space under review, a rejected
/// one, or an archived one unless `options` allow it, and a name that fits several spaces is
/// refused (the file must then say the slug). Empty cells leave stored values as they are; a
/// [`CLEAR_MARKERS`] cell clears one.
pub fn plan(
    rows: &[ImportRow],
    existing: &Existing,
    municipalities: &[MunicipalityOption],
    options: Options,
) -> Vec<Planned> {
    use crate::core::model::SpaceStatus;
    let by_slug: HashMap<&str, &StaffSpace> = existing
        .spaces
        .iter()
        .map(|s| (s.slug.as_str(), s))
        .collect();
    let mut by_name: HashMap<(String, &str), Vec<&StaffSpace>> = HashMap::new();
    for s in &existing.spaces {
        by_name
            .entry((search_key(&s.current.name), s.current.municipality.as_str()))
            .or_default()
            .push(s);
    }
    let by_municipality_name: HashMap<String, &MunicipalityOption> = municipalities
        .iter()
        .map(|m| (search_key(&m.name), m))
        .collect();
    // Which row already claimed a space (existing id, or name and municipality of a new one).
    let mut claimed: HashMap<String, usize> = HashMap::new();

    rows.iter()
        .map(|row| {
            let get = |c: Col| {
                row.values
                    .get(&c)
                    .map(String::as_str)
                    .filter(|v| !v.trim().is_empty())
            };
            let mut extra = FieldErrors::default();
            // The municipality: by ISTAT code, else by name.
            let code = match (get(Col::MunicipalityCode), get(Col::Municipality)) {
                (Some(code), _) => {
                    // Excel drops the leading zero of "037006".
                    let digits = code.trim();
                    let code = if digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()) {
                        format!("0{digits}")
                    } else {
                        digits.to_owned()
                    };
                    Some(code)
                }
                (_, Some(name)) => by_municipality_name
                    .get(&search_key(name))
                    .map(|m| m.istat_code.clone())
                    .or_else(|| {
                        extra.add(Field::Municipality, Problem::UnknownMunicipality);
                        None
                    }),
                _ => None,
            };
            if code
                .as_deref()
                .is_some_and(|c| !municipalities.iter().any(|m| m.istat_code == c))
            {
                extra.add(Field::Municipality, Problem::UnknownMunicipality);
            }
            // Whoever manages the space: addresses separated by commas, semicolons or spaces
            // (the staff export's `manager_email`), or nothing. One malformed: the row refused.
            let mut managers: Vec<String> = Vec::new();
            for part in get(Col::ManagerEmail)
                .unwrap_or_default()
                .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .filter(|part| !part.is_empty())
                // "[vuoto]" clears nothing here: the column only adds managers.
                .filter(|part| !super::parse::CLEAR_MARKERS.contains(&part.to_lowercase().as_str()))
            {
                let email = crate::backend::auth::normalize_email(part);
                if !crate::core::validate::is_email(&email) {
                    extra.add(Field::Manager, Problem::InvalidEmail);
                } else if !managers.contains(&email) {
                    managers.push(email);
                }
            }
            let name = get(Col::Name).unwrap_or_default().trim().to_owned();
            // The space the row is about: by slug, else by name in the municipality — among the
            // spaces it may update when there are several of that name (a citizen's request
            // under review named like a mapped space does not make the row ambiguous).
            let updatable = |s: &StaffSpace| {
                !existing.under_review.contains(&s.id)
                    && s.status != SpaceStatus::Rejected
                    && (s.status != SpaceStatus::Archived || options.include_archived)
            };
            let mut also = Vec::new();
            let (target, by) = match get(Col::Slug).and_then(|s| by_slug.get(s.trim())) {
                Some(s) => (Some(*s), MatchedBy::Slug),
                None => {
                    let all = code
                        .as_deref()
                        .and_then(|c| by_name.get(&(search_key(&name), c)))
                        .map(Vec::as_slice)
                        .unwrap_or_default();
                    let eligible: Vec<&StaffSpace> =
                        all.iter().copied().filter(|s| updatable(s)).collect();
                    let candidates: Vec<&StaffSpace> = if eligible.is_empty() {
                        all.to_vec()
                    } else {
                        eligible
                    };
                    if candidates.len() > 1 {
                        extra.add(
                            Field::Name,
                            Problem::AmbiguousMatch {
                                count: candidates.len(),
                            },
                        );
                        also = candidates.clone();
                    }
                    (
                        (candidates.len() == 1).then(|| candidates[0]),
                        MatchedBy::NameAndMunicipality,
                    )
                }
            };
            if let Some(s) = target {
                if existing.under_review.contains(&s.id) {
                    extra.add(Field::Name, Problem::UnderReview);
                } else if s.status == SpaceStatus::Rejected
                    || (s.status == SpaceStatus::Archived && !options.include_archived)
                {
                    extra.add(Field::Name, Problem::NotUpdatable);
                }
            }

            // Start from what is stored (or nothing), then lay the file's values on top: an
            // empty cell keeps the stored value, a clear marker empties it.
            let mut input = target.map(|s| s.current.as_input()).unwrap_or_default();
            for (col, raw) in &row.values {
                let value = if is_clear_marker(raw) {
                    String::new()
                } else if raw.trim().is_empty() {
                    continue;
                } else {
                    raw.clone()
                };
                match col {
                    Col::Slug | Col::MunicipalityCode | Col::Municipality => {}
                    Col::Name => input.name = value,
                    Col::Kinds => match kinds(&value) {
                        Some(list) => {
                            let on = |k| list.contains(&k).then(|| "on".to_owned());
                            input.kind_coworking = on(SpaceKind::Coworking);
                            input.kind_fablab = on(SpaceKind::Fablab);
                            input.kind_incubator_accelerator = on(SpaceKind::IncubatorAccelerator);
                        }
                        None => extra.add(Field::Kinds, Problem::UnknownKind),
                    },
                    Col::Description => input.description = value,
                    Col::Address => input.address = value,
                    Col::Lat => input.lat = value,
                    Col::Lon => input.lon = value,
                    Col::Precision => input.precision = precision_code(&value),
                    Col::Website => input.website = value,
                    Col::Email => input.email = value,
                    Col::Phone => input.phone = value,
                    Col::Organisation => input.organisation = value,
                    Col::OrganisationKind => {
                        input.organisation_kind = organisation_kind_code(&value)
                    }
                    Col::OrganisationWebsite => input.organisation_website = value,
                    Col::OrganisationDescription => input.organisation_description = value,
                    Col::OpeningHours => input.opening_hours = value,
                    Col::Services => input.services = value,
                    Col::ManagerEmail => {}
                }
            }
            if let Some(code) = &code {
                input.municipality = code.clone();
            }
            let result = validate_space(&input, crate::backend::boundaries::all());
            let outcome = match result {
                Ok(_) | Err(_) if !extra.is_empty() => {
                    let mut errors = extra;
                    if let Err(more) = &result {
                        for (f, p) in &more.0 {
                            errors.add(*f, *p);
                        }
                    }
                    Outcome::Invalid(errors)
                }
                Err(errors) => Outcome::Invalid(errors),
                Ok(valid) => {
                    let key = match target {
                        Some(s) => format!("id:{}", s.id),
                        None => format!("new:{}:{}", search_key(&valid.name), valid.municipality),
                    };
                    if let Some(first) = claimed.get(&key) {
                        Outcome::Invalid(FieldErrors(vec![(
                            Field::Name,
                            Problem::DuplicateRow { line: *first },
                        )]))
                    } else {
                        claimed.insert(key, row.line);
                        match target {
                            None => Outcome::Create(valid),
                            Some(s) => {
                                let mut changes =
                                    changes(s.id, &s.current, &valid, &existing.hand_edited);
                                for c in &mut changes {
                                    if c.field == Field::Municipality {
                                        let name = |code: &str| {
                                            municipalities
                                                .iter()
                                                .find(|m| m.istat_code == code)
                                                .map_or_else(|| code.to_owned(), |m| m.name.clone())
                                        };
                                        c.old = name(&c.old);
                                        c.new = name(&c.new);
                                    }
                                }
                                if changes.is_empty() {
                                    Outcome::Unchanged { id: s.id }
                                } else {
                                    Outcome::Update {
                                        id: s.id,
                                        version: s.version,
                                        valid,
                                        changes,
                                    }
                                }
                            }
                        }
                    }
                }
            };
            let municipality = code
                .as_deref()
                .and_then(|c| municipalities.iter().find(|m| m.istat_code == c))
                .map(|m| m.name.clone())
                .unwrap_or_default();
            // What the row has in each field it has wrong, to show beside the problem (the
            // municipality's code before its name: the code is what was read).
            let typed = match &outcome {
                Outcome::Invalid(errors) => errors
                    .0
                    .iter()
                    .map(|(field, _)| {
                        let cell = std::iter::once(Col::MunicipalityCode)
                            .chain(COLUMNS.iter().map(|(col, _)| *col))
                            .filter(|col| col.field() == Some(*field))
                            .find_map(get)
                            .unwrap_or_default();
                        (*field, clip(cell.trim(), SHOWN_CHARS))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Planned {
                line: row.line,
                name,
                municipality,
                matched: target.map(|s| Matched {
                    id: s.id,
                    slug: s.slug.clone(),
                    name: s.current.name.clone(),
                    status: s.status,
                    by,
                }),
                candidates: also
                    .into_iter()
                    .map(|s| Matched {
                        id: s.id,
                        slug: s.slug.clone(),
                        name: s.current.name.clone(),
                        status: s.status,
                        by,
                    })
                    .collect(),
                managers: managers
                    .into_iter()
                    .filter(|email| {
                        let known = |id: i64| existing.managers.contains(&(id, email.clone()));
                        !matches!(&outcome, Outcome::Invalid(_))
                            && !target.is_some_and(|s| known(s.id))
                    })
                    .collect(),
                outcome,
                typed,
            }
        })
        .collect()
}
