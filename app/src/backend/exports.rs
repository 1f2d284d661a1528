//! The directory's documents for reuse: GeoJSON and CSV of the spaces (open data, staff
//! exports) and CSV for Italian spreadsheets (staff's lists of registrations and answers).
//! Bytes only: the HTTP side (caching, compression, conditional requests) is `web::opendata`.

use crate::core::model::PhotoSize;
use crate::core::paths;
use crate::core::text::iso_date;
use crate::core::view::SpaceDetail;
use serde_json::{json, Value};

pub const LICENSE_NAME: &str = "CC BY 4.0";
pub const LICENSE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
pub const ATTRIBUTION: &str =
    "Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione";

/// The FeatureCollection: one Point feature per space, `[lon, lat]` as GeoJSON wants; with
/// `with_status` (staff exports) each feature also says its review status. Written feature by
/// feature: only the document and one feature are in memory, not a tree of the whole.
pub fn geojson_document(spaces: &[SpaceDetail], with_status: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(512 + spaces.len() * 600);
    let head = json!({
        "type": "FeatureCollection",
        "license": { "name": LICENSE_NAME, "url": LICENSE_URL },
        "attribution": ATTRIBUTION,
    });
    // Serialising a `Value` to memory cannot fail.
    let _ = serde_json::to_writer(&mut out, &head);
    out.pop(); // the closing brace: the features follow
    out.extend_from_slice(b",\"features\":[");
    for (i, d) in spaces.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let _ = serde_json::to_writer(&mut out, &geojson_feature(d, with_status));
    }
    out.extend_from_slice(b"]}");
    out
}

fn geojson_feature(d: &SpaceDetail, with_status: bool) -> Value {
    let s = &d.summary;
    let mut feature = json!({
        "type": "Feature",
        "id": s.slug,
        "geometry": { "type": "Point", "coordinates": [s.lon, s.lat] },
        "properties": {
            "slug": s.slug,
            "name": s.name,
            "kinds": s.kinds.iter().map(|k| k.code()).collect::<Vec<_>>(),
            "description": s.description,
            "address": s.address,
            "municipality": s.municipality,
            "municipality_istat": s.municipality_code,
            "position_precision": s.precision.code(),
            "organisation": d.organisation.as_ref().map(|o| &o.name),
            "organisation_kind": d.organisation.as_ref().and_then(|o| o.kind).map(|k| k.code()),
            "website": d.website,
            "email": d.email,
            "phone": d.phone,
            "source": d.source,
            "page": paths::space(&s.slug),
            "updated": iso_date(d.updated_at),
            "confirmed": s.confirmed_at.map(iso_date),
        }
    });
    if with_status {
        feature["properties"]["status"] = json!(d.status.code());
    }
    feature
}

/// What the staff's CSV adds to the open data's columns, after them: every field the import
/// reads back (so an export, edited and imported, changes only what was edited), the photo
/// and who manages each space.
pub const STAFF_FIELDS: [&str; 7] = [
    "organisation_website",
    "organisation_description",
    "opening_hours",
    "services",
    "photo",
    "photo_alt",
    "manager_email",
];

/// The staff's CSV: a first `status` column, [`STAFF_FIELDS`] at the end; `managers` the
/// addresses managing each space, by slug.
pub struct StaffColumns<'a> {
    pub managers: &'a std::collections::HashMap<String, Vec<String>>,
}

/// The CSV of `spaces` (see `csv`); `staff` (staff exports) adds their columns.
pub fn csv_document(
    spaces: &[SpaceDetail],
    excel: bool,
    staff: Option<&StaffColumns>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .terminator(if excel {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(&mut out);
        let staff_only: &[&str] = if staff.is_some() { &STAFF_FIELDS } else { &[] };
        w.write_record(
            staff
                .map(|_| "status")
                .into_iter()
                .chain(crate::core::model::OPEN_DATA_FIELDS)
                .chain(staff_only.iter().copied()),
        )?;
        for d in spaces {
            let s = &d.summary;
            let kinds: Vec<&str> = s.kinds.iter().map(|k| k.code()).collect();
            let cell = |v: Option<&str>| -> String {
                let v = v.unwrap_or_default();
                if excel {
                    defuse_formula(v)
                } else {
                    v.to_owned()
                }
            };
            let status = staff.map(|_| d.status.code().to_owned());
            let organisation = d.organisation.as_ref();
            let extra = staff.map(|staff| {
                [
                    cell(organisation.and_then(|o| o.website.as_deref())),
                    cell(organisation.and_then(|o| o.description.as_deref())),
                    cell(d.opening_hours.as_deref()),
                    cell(d.services.as_deref()),
                    s.photo
                        .as_ref()
                        .map(|p| paths::photo(&p.name, PhotoSize::Page))
                        .unwrap_or_default(),
                    cell(s.photo.as_ref().map(|p| p.alt.as_str())),
                    staff
                        .managers
                        .get(&s.slug)
                        .map(|m| m.join(", "))
                        .unwrap_or_default(),
                ]
            });
            w.write_record(
                status
                    .into_iter()
                    .chain([
                        cell(Some(&s.slug)),
                        cell(Some(&s.name)),
                        kinds.join(";"),
                        cell(s.description.as_deref()),
                        cell(s.address.as_deref()),
                        cell(Some(&s.municipality)),
                        s.municipality_code.clone(),
                        s.lat.to_string(),
                        s.lon.to_string(),
                        s.precision.code().to_owned(),
                        cell(organisation.map(|o| o.name.as_str())),
                        organisation
                            .and_then(|o| o.kind)
                            .map(|k| k.code().to_owned())
                            .unwrap_or_default(),
                        cell(d.website.as_deref()),
                        cell(d.email.as_deref()),
                        cell(d.phone.as_deref()),
                        cell(d.source.as_deref()),
                        paths::space(&s.slug),
                        iso_date(d.updated_at),
                        s.confirmed_at.map(iso_date).unwrap_or_default(),
                    ])
                    .chain(extra.into_iter().flatten()),
            )?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A CSV document for Excel in Italy: UTF-8 with a BOM (so accents open right), semicolons,
/// CRLF. Cells are written as given: defuse user text with [`defuse_formula`] first.
pub fn excel_csv<R: IntoIterator<Item = String>>(
    header: &[&str],
    records: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header)?;
        for record in records {
            w.write_record(record)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
/// apostrophe (OWASP's advice against CSV injection).
pub fn defuse_formula(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("+39 051 123"), "'+39 051 123");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("Città"), "Città");
        assert_eq!(defuse_formula(""), "");
    }
}
