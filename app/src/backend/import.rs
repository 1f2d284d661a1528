//! Importing spaces from a file (server only). Two pure steps, so the preview and the
//! confirmation compute exactly the same thing: [`parse`] reads a CSV (comma or semicolon,
//! UTF-8 or Excel's Windows-1252, our own exports included) or a GeoJSON FeatureCollection into
//! rows of named values; [`plan`] matches each row to an existing space (by `slug`, else by name
//! and municipality), runs the same validation as the staff form over the existing values with
//! the file's columns laid on top, and says what applying it would do: create, update (which
//! fields), leave unchanged, or nothing because of errors. Importing the same file twice changes
//! nothing the second time.

use crate::backend::db::StaffSpace;
use crate::core::model::SpaceKind;
use crate::core::text::search_key;
use crate::core::validate::{validate_space, Field, FieldErrors, Problem, ValidSpace};
use crate::core::view::{
    ImportAction, ImportChangeView, ImportFileError, ImportMatchView, ImportRowView,
    MunicipalityOption,
};
use std::collections::{HashMap, HashSet};

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
}

/// The column a header names (our export's names, the seed's, and common Italian ones).
pub fn column(header: &str) -> Option<Col> {
    let key = search_key(header).replace(' ', "_");
    Some(match key.as_str() {
        "slug" => Col::Slug,
        "name" | "nome" | "nome_spazio" => Col::Name,
        "kinds" | "kind" | "tipi" | "tipo" | "type" | "tipologia" => Col::Kinds,
        "description" | "descrizione" => Col::Description,
        "address" | "indirizzo" => Col::Address,
        "municipality" | "comune" => Col::Municipality,
        "municipality_istat" | "municipality_code" | "istat" | "codice_istat" => {
            Col::MunicipalityCode
        }
        "lat" | "latitude" | "latitudine" => Col::Lat,
        "lon" | "lng" | "long" | "longitude" | "longitudine" => Col::Lon,
        "position_precision" | "precision" | "precisione" | "precisione_posizione" => {
            Col::Precision
        }
        "website" | "sito" | "sito_web" | "url" | "web" => Col::Website,
        "email" | "e_mail" | "mail" => Col::Email,
        "phone" | "telefono" | "tel" => Col::Phone,
        "organisation" | "organization" | "organizzazione" | "ente_gestore" | "gestore" => {
            Col::Organisation
        }
        "organisation_kind" | "organization_kind" | "tipo_organizzazione" => Col::OrganisationKind,
        "organisation_website" | "organization_website" | "sito_organizzazione" => {
            Col::OrganisationWebsite
        }
        "organisation_description" | "organization_description" | "descrizione_organizzazione" => {
            Col::OrganisationDescription
        }
        _ => return None,
    })
}

/// One row of the file: its line (CSV) or feature number (GeoJSON), and its known values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportRow {
    pub line: usize,
    pub values: HashMap<Col, String>,
}

/// A parsed file: its rows and the columns it has that the importer does not use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFile {
    pub rows: Vec<ImportRow>,
    pub ignored_columns: Vec<String>,
}

/// The file as text: UTF-8 (with or without BOM), or else Windows-1252 (what Excel writes for
/// "CSV" on Italian Windows), so accents survive either way. UTF-8 keeps the upload's buffer
/// (a file is up to 5 MB: no copy).
pub fn decode(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(err) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(err.as_bytes())
            .0
            .into_owned(),
    }
}

/// Undoes the apostrophe our Excel exports put before cells that a spreadsheet would take for
/// a formula (`'+39 051…` → `+39 051…`).
fn cell(value: &str) -> String {
    let v = value.trim();
    match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => v.to_owned(),
    }
}

/// Whether a file can be imported (what `parse` would refuse), without keeping its rows.
pub fn check(text: &str) -> Result<(), ImportFileError> {
    parse(text).map(drop)
}

/// Reads a CSV or GeoJSON file.
pub fn parse(text: &str) -> Result<ParsedFile, ImportFileError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(ImportFileError::Empty);
    }
    let parsed = if trimmed.starts_with('{') {
        parse_geojson(trimmed)?
    } else {
        parse_csv(trimmed)?
    };
    if parsed.rows.is_empty() {
        return Err(ImportFileError::Empty);
    }
    if parsed.rows.len() > MAX_ROWS {
        return Err(ImportFileError::TooManyRows { max: MAX_ROWS });
    }
    Ok(parsed)
}

fn parse_csv(text: &str) -> Result<ParsedFile, ImportFileError> {
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| ImportFileError::NotRecognised)?
        .clone();
    let columns: Vec<Option<Col>> = headers.iter().map(column).collect();
    let ignored_columns = headers
        .iter()
        .zip(&columns)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| crate::core::text::clip(h.trim(), COLUMN_CHARS))
        .take(MAX_IGNORED_REPORTED)
        .collect();
    let has = |c: Col| columns.contains(&Some(c));
    if !has(Col::Name) {
        return Err(ImportFileError::MissingColumn("name"));
    }
    if !has(Col::Municipality) && !has(Col::MunicipalityCode) {
        return Err(ImportFileError::MissingColumn("municipality"));
    }
    if !has(Col::Lat) || !has(Col::Lon) {
        return Err(ImportFileError::MissingColumn("lat, lon"));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| ImportFileError::NotRecognised)?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(ImportFileError::TooManyRows { max: MAX_ROWS });
        }
        // The spreadsheet row: the header is row 1. (`line()` miscounts CRLF files.)
        let line = record.position().map_or(0, |p| p.record() as usize + 1);
        let values = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(c, v)| c.map(|c| (c, cell(v))))
            .collect();
        rows.push(ImportRow { line, values });
    }
    Ok(ParsedFile {
        rows,
        ignored_columns,
    })
}

fn parse_geojson(text: &str) -> Result<ParsedFile, ImportFileError> {
    use serde_json::value::RawValue;
    use serde_json::Value;
    use std::borrow::Cow;
    use std::collections::BTreeMap;
    /// The document, its features left as borrowed text: a file of 5 MB parsed whole into
    /// values took several times that, most of it properties no column takes.
    #[derive(serde::Deserialize)]
    struct Collection<'a> {
        #[serde(rename = "type")]
        kind: Cow<'a, str>,
        #[serde(borrow)]
        features: Vec<&'a RawValue>,
    }
    #[derive(serde::Deserialize, Default)]
    struct Feature<'a> {
        #[serde(borrow)]
        properties: Option<&'a RawValue>,
        #[serde(borrow)]
        geometry: Option<&'a RawValue>,
    }
    let doc: Collection = serde_json::from_str(text).map_err(|_| ImportFileError::NotRecognised)?;
    if doc.kind != "FeatureCollection" {
        return Err(ImportFileError::NotRecognised);
    }
    let features = doc.features;
    if features.len() > MAX_ROWS {
        return Err(ImportFileError::TooManyRows { max: MAX_ROWS });
    }
    // Property names no column takes, in the order met (each feature's in name order): the
    // first few, cut, to report, and the same names whole, to tell a name already reported
    // (both stop growing at the first few: a hostile file may hold hundreds of thousands).
    let mut seen: std::collections::HashSet<Cow<str>> = std::collections::HashSet::new();
    let mut ignored: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(features.len());
    for (i, feature) in features.iter().enumerate() {
        // Anything but an object is a feature with no values.
        let feature: Feature = serde_json::from_str(feature.get()).unwrap_or_default();
        let mut values = HashMap::new();
        let props: Option<BTreeMap<Cow<str>, &RawValue>> = feature
            .properties
            .and_then(|p| serde_json::from_str(p.get()).ok());
        for (key, raw) in props.unwrap_or_default() {
            let Some(col) = column(&key) else {
                if ignored.len() < MAX_IGNORED_REPORTED && !seen.contains(&key) {
                    ignored.push(crate::core::text::clip(&key, COLUMN_CHARS));
                    seen.insert(key);
                }
                continue;
            };
            let text = match serde_json::from_str::<Value>(raw.get()).unwrap_or(Value::Null) {
                Value::Null => String::new(),
                Value::String(s) => cell(&s),
                Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
                    .join(";"),
                other => other.to_string(),
            };
            values.insert(col, text);
        }
        let geometry = feature
            .geometry
            .and_then(|g| serde_json::from_str::<Value>(g.get()).ok())
            .unwrap_or(Value::Null);
        if geometry["type"] == "Point" {
            if let (Some(lon), Some(lat)) = (
                geometry["coordinates"][0].as_f64(),
                geometry["coordinates"][1].as_f64(),
            ) {
                values.insert(Col::Lat, lat.to_string());
                values.insert(Col::Lon, lon.to_string());
            }
        }
        rows.push(ImportRow {
            line: i + 1,
            values,
        });
    }
    Ok(ParsedFile {
        rows,
        ignored_columns: ignored,
    })
}

/// The kinds a cell lists, by code or by usual name; `None` when one is not recognised.
fn kinds(value: &str) -> Option<Vec<SpaceKind>> {
    let mut out = Vec::new();
    for part in value.split([';', ',', '|', '/', '+']) {
        let key = search_key(part);
        let kind = match key.as_str() {
            "" => continue,
            "coworking" | "co working" | "spazio di coworking" => SpaceKind::Coworking,
            "fablab" | "fab lab" | "makerspace" | "maker space" | "fablab makerspace" => {
                SpaceKind::Fablab
            }
            "incubator accelerator"
            | "incubator"
            | "accelerator"
            | "incubatore"
            | "acceleratore"
            | "incubatore acceleratore"
            | "incubatori acceleratori" => SpaceKind::IncubatorAccelerator,
            _ => return None,
        };
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    Some(out)
}

/// Position precision by code or Italian name.
fn precision_code(value: &str) -> String {
    match search_key(value).as_str() {
        "esatta" | "precisa" => "exact".to_owned(),
        "approssimativa" | "approssimata" => "approximate".to_owned(),
        "comune" => "municipality".to_owned(),
        _ => value.trim().to_owned(),
    }
}

/// Cells that clear a stored value (an empty cell leaves it as it is).
pub const CLEAR_MARKERS: [&str; 4] = ["[vuoto]", "[cancella]", "[empty]", "[clear]"];

fn is_clear_marker(value: &str) -> bool {
    let v = value.trim();
    CLEAR_MARKERS.iter().any(|m| v.eq_ignore_ascii_case(m))
}

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
    Invalid(FieldErrors),
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
        }
    }
}

/// The most characters of a row's name or municipality the preview shows (a valid name has at
/// most `NAME_MAX`).
const SHOWN_CHARS: usize = crate::core::validate::NAME_MAX + 10;

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
                        extra.add(Field::Municipality, Problem::UnknownChoice);
                        None
                    }),
                _ => None,
            };
            if code
                .as_deref()
                .is_some_and(|c| !municipalities.iter().any(|m| m.istat_code == c))
            {
                extra.add(Field::Municipality, Problem::UnknownChoice);
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
            let mut input = target
                .map(|s| crate::backend::db::as_input(&s.current))
                .unwrap_or_default();
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
                        None => extra.add(Field::Kinds, Problem::UnknownChoice),
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
                    Col::OrganisationKind => input.organisation_kind = value,
                    Col::OrganisationWebsite => input.organisation_website = value,
                    Col::OrganisationDescription => input.organisation_description = value,
                    Col::OpeningHours => input.opening_hours = value,
                    Col::Services => input.services = value,
                }
            }
            if let Some(code) = &code {
                input.municipality = code.clone();
            }
            let result = validate_space(&input);
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
                outcome,
            }
        })
        .collect()
}

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
        .filter(|r| r.action != ImportAction::Unchanged)
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
    // Each row let go once applied: a plan of thousands of rows is megabytes, and an import
    // runs for minutes beside everything else.
    for (i, p) in claimed.planned.into_iter().enumerate() {
        let mark = crate::backend::db::ImportMark {
            import_id: claimed.id,
            line: p.line as i64,
        };
        match p.outcome {
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
            }
            Outcome::Update {
                id, version, valid, ..
            } => {
                let saved = db
                    .update_space_as(id, &valid, version, actor, "import", now(), Some(mark))
                    .await?;
                // Changed (or deleted) by someone since the plan: left alone, and reported.
                if !matches!(saved, crate::backend::db::Saved::Done { .. }) {
                    report.updated -= 1;
                    report.conflicts += 1;
                }
            }
            Outcome::Unchanged { .. } | Outcome::Invalid(_) => {}
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
    use super::*;
    use crate::core::model::{PositionPrecision, SpaceStatus};

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
                (Field::Municipality, Problem::UnknownChoice),
                (Field::Lat, Problem::OutsideArea)
            ]))
        );
        let Outcome::Invalid(errors) = &p[4].outcome else {
            panic!()
        };
        assert_eq!(errors.get(Field::Kinds), Some(Problem::UnknownChoice));
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
