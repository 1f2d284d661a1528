//! Reading an import file: its bytes decoded, CSV or GeoJSON read into rows of named values
//! (the columns the importer understands are `core::import_columns`).

use super::{COLUMN_CHARS, MAX_IGNORED_REPORTED, MAX_ROWS};
use crate::core::import_columns::{column, Col};
use crate::core::view::ImportFileError;
use std::collections::HashMap;

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

/// Refuses, before reading it as text, a file that is a spreadsheet's own format (an Excel
/// `.xlsx` or an OpenDocument `.ods` is a zip archive; an old `.xls` a compound file) — staff
/// are told to save it as CSV — or any other binary file.
pub fn recognise(bytes: &[u8]) -> Result<(), ImportFileError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const COMPOUND: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(ZIP) || bytes.starts_with(COMPOUND) {
        return Err(ImportFileError::Spreadsheet);
    }
    // Text has no NUL bytes (UTF-16 text, which has, is not read either).
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(ImportFileError::NotRecognised);
    }
    Ok(())
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
pub(super) fn cell(value: &str) -> String {
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

/// Cells that clear a stored value (an empty cell leaves it as it is).
pub const CLEAR_MARKERS: [&str; 4] = ["[vuoto]", "[cancella]", "[empty]", "[clear]"];

pub(super) fn is_clear_marker(value: &str) -> bool {
    let v = value.trim();
    CLEAR_MARKERS.iter().any(|m| v.eq_ignore_ascii_case(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheets_and_binaries_are_told_apart_from_text() {
        assert_eq!(
            recognise(b"PK\x03\x04\x14\x00\x06\x00"),
            Err(ImportFileError::Spreadsheet)
        );
        assert_eq!(
            recognise(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"),
            Err(ImportFileError::Spreadsheet)
        );
        assert_eq!(
            recognise(b"\x89PNG\r\n\x1a\n\x00\x00"),
            Err(ImportFileError::NotRecognised)
        );
        assert_eq!(recognise("nome;comune\nDumBO;Bologna".as_bytes()), Ok(()));
    }
}
