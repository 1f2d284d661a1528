//! The directory map's markers document (`/api/spazi/mappa.txt`): what the map island needs of
//! every published space matching the filter, as plain tab-separated text that the WASM reads
//! in one pass from one string. The first version was JSON, which the browser parsed and the
//! WASM then walked field by field through `js-sys` — 80–130 ms for 4,541 spaces on a desktop
//! CPU, four times that on Lighthouse's phone, all of it blocking the main thread;
//! this costs a few milliseconds, and the document is smaller (no quotes, brackets or
//! per-row municipality index).
//!
//! ```text
//! spazi-markers/3<TAB>coworking<TAB>fablab<TAB>incubator-accelerator
//! <TAB>Bologna
//! BIG – Boost Innovation Garage<TAB>44.52346<TAB>11.36584<TAB>1
//! A space with a position to check<TAB>44.49<TAB>11.34<TAB>3<TAB>1
//! A space whose slug is not its name's<TAB>44.5<TAB>11.3<TAB>2<TAB>0<TAB>its-slug
//! A space with a photo<TAB>44.5<TAB>11.3<TAB>2<TAB>0<TAB><TAB>1
//! ```
//!
//! The first line names the format and lists the kind codes: bit *i* of a row's kind bits is
//! the *i*-th code. A line starting with a tab names the municipality of the rows after it
//! (rows come grouped by municipality, in name order, which also compresses best). A row is
//! name, latitude, longitude (5 decimals, about a metre), kind bits, then optionally `1` when
//! the position is approximate, then the slug only when `text::slugify(name)` does not give it
//! (nearly always it does: the browser derives it with the same function; empty when a photo
//! follows), then `1` if it has a photo (served by its slug: version 2 carried the photo's
//! 24-character name, ~60 KB for 4,500 spaces with photos). Tabs and line breaks inside names
//! become spaces, and an empty name one space.

use crate::core::model::SpaceKind;
use crate::core::view::MapMarker;

/// The first field of the first line: the format and its version.
const MAGIC: &str = "spazi-markers/3";

/// The document's media type.
pub const CONTENT_TYPE: &str = "text/plain; charset=utf-8";

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MarkersDocError {
    #[error("not a markers document")]
    Header,
    #[error("markers document, line {0}: malformed row")]
    Row(usize),
}

/// One line's worth of text: tabs and line breaks become spaces.
fn field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\t', '\n', '\r']) {
        text.replace(['\t', '\n', '\r'], " ").into()
    } else {
        text.into()
    }
}

/// The document of `markers` (see the module's documentation); sorts them.
pub fn encode(markers: &mut [MapMarker]) -> String {
    use std::fmt::Write;
    let round = |x: f64| (x * 1e5).round() / 1e5;
    markers.sort_by(|a, b| (&a.municipality, &a.name).cmp(&(&b.municipality, &b.name)));
    let mut doc = String::with_capacity(64 + markers.len() * 48);
    doc.push_str(MAGIC);
    for kind in SpaceKind::ALL {
        doc.push('\t');
        doc.push_str(kind.code());
    }
    doc.push('\n');
    let mut municipality: Option<&str> = None;
    for m in markers.iter() {
        if municipality != Some(m.municipality.as_str()) {
            municipality = Some(&m.municipality);
            doc.push('\t');
            doc.push_str(&field(&m.municipality));
            doc.push('\n');
        }
        let bits: u32 = SpaceKind::ALL
            .iter()
            .enumerate()
            .filter(|(_, k)| m.kinds.contains(k))
            .map(|(i, _)| 1 << i)
            .sum();
        // A row never starts with a tab (that is a municipality line), even for an empty name.
        let name = match field(&m.name) {
            name if name.is_empty() => " ".into(),
            name => name,
        };
        // Writing to a String cannot fail.
        let _ = write!(doc, "{name}\t{}\t{}\t{bits}", round(m.lat), round(m.lon));
        let derived = m.slug == crate::core::text::slugify(&name);
        if m.approximate || !derived || m.photo {
            doc.push_str(if m.approximate { "\t1" } else { "\t0" });
        }
        if !derived || m.photo {
            doc.push('\t');
            if !derived {
                doc.push_str(&m.slug);
            }
        }
        if m.photo {
            doc.push_str("\t1");
        }
        doc.push('\n');
    }
    doc
}

/// The markers of a document made by `encode`, in its order, read at once (the tests' reading;
/// the browser reads [`Rows`] in slices, see `leaflet_js::fetch_markers`).
pub fn decode(doc: &str) -> Result<Vec<MapMarker>, MarkersDocError> {
    let rows = Rows::new(doc)?;
    let mut markers = Vec::with_capacity(rows.estimate());
    for row in rows {
        markers.push(row?);
    }
    Ok(markers)
}

/// The rows of a markers document, read one at a time: the browser reads a few hundred, then
/// lets the page answer input before the next (see `leaflet_js::fetch_markers`).
pub struct Rows<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    /// Bit i of a row is the kind of the i-th code (unknown codes are skipped).
    kinds: Vec<Option<SpaceKind>>,
    municipality: &'a str,
    /// A rough count of the rows, from the document's length.
    estimate: usize,
}

impl<'a> Rows<'a> {
    /// Reads the header line.
    pub fn new(doc: &'a str) -> Result<Self, MarkersDocError> {
        let mut lines = doc.lines();
        let mut header = lines.next().ok_or(MarkersDocError::Header)?.split('\t');
        if header.next() != Some(MAGIC) {
            return Err(MarkersDocError::Header);
        }
        Ok(Rows {
            lines: lines.enumerate(),
            kinds: header.map(SpaceKind::from_code).collect(),
            municipality: "",
            estimate: doc.len() / 40,
        })
    }

    /// About how many rows the document holds (from its length), to size a vector.
    pub fn estimate(&self) -> usize {
        self.estimate
    }

    fn row(&self, line: &str) -> Option<MapMarker> {
        let mut fields = line.split('\t');
        let name = fields.next().filter(|n| !n.is_empty())?;
        let lat: f64 = fields.next()?.parse().ok()?;
        let lon: f64 = fields.next()?.parse().ok()?;
        let bits: u32 = fields.next()?.parse().ok()?;
        let approximate = fields.next().is_some_and(|a| a == "1");
        let slug = match fields.next() {
            Some(slug) if !slug.is_empty() => slug.to_owned(),
            _ => crate::core::text::slugify(name),
        };
        let photo = fields.next() == Some("1");
        Some(MapMarker {
            slug,
            name: name.to_owned(),
            kinds: self
                .kinds
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .filter_map(|(_, k)| *k)
                .collect(),
            municipality: self.municipality.to_owned(),
            lat,
            lon,
            approximate,
            photo,
        })
    }
}

impl Iterator for Rows<'_> {
    type Item = Result<MapMarker, MarkersDocError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (i, line) = self.lines.next()?;
            if let Some(name) = line.strip_prefix('\t') {
                self.municipality = name;
                continue;
            }
            return Some(self.row(line).ok_or(MarkersDocError::Row(i + 2)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(name: &str, slug: &str, municipality: &str, kinds: &[SpaceKind]) -> MapMarker {
        MapMarker {
            slug: slug.to_owned(),
            name: name.to_owned(),
            kinds: kinds.to_vec(),
            municipality: municipality.to_owned(),
            lat: 44.493_671_2,
            lon: 11.343_029_9,
            approximate: false,
            photo: false,
        }
    }

    #[test]
    fn round_trips_grouped_by_municipality_with_slugs_only_when_needed() {
        let mut markers = vec![
            marker(
                "MUG – Magazzini Generativi",
                "mug-magazzini-generativi",
                "Bologna",
                &[SpaceKind::Coworking, SpaceKind::IncubatorAccelerator],
            ),
            MapMarker {
                approximate: true,
                ..marker(
                    "Fab Lab Imola",
                    "fab-lab-imola-2",
                    "Imola",
                    &[SpaceKind::Fablab],
                )
            },
            marker("Atelier", "atelier", "Bologna", &[]),
            MapMarker {
                photo: true,
                ..marker("Con foto", "con-foto", "Bologna", &[SpaceKind::Fablab])
            },
        ];
        let doc = encode(&mut markers);
        assert_eq!(
            doc,
            "spazi-markers/3\tcoworking\tfablab\tincubator-accelerator\n\
             \tBologna\n\
             Atelier\t44.49367\t11.34303\t0\n\
             Con foto\t44.49367\t11.34303\t2\t0\t\t1\n\
             MUG – Magazzini Generativi\t44.49367\t11.34303\t5\n\
             \tImola\n\
             Fab Lab Imola\t44.49367\t11.34303\t2\t1\tfab-lab-imola-2\n"
        );
        let decoded = decode(&doc).unwrap();
        let rounded = |m: &MapMarker| MapMarker {
            lat: 44.49367,
            lon: 11.34303,
            ..m.clone()
        };
        assert_eq!(decoded, markers.iter().map(rounded).collect::<Vec<_>>());
    }

    #[test]
    fn names_cannot_break_the_format() {
        let mut markers = vec![marker(
            "Tab\there\nand a line\r\n",
            "whatever",
            "Castel\tSan Pietro\nTerme",
            &[SpaceKind::Fablab],
        )];
        let decoded = decode(&encode(&mut markers)).unwrap();
        assert_eq!(decoded.len(), 1);
        assert_eq!(decoded[0].name, "Tab here and a line  ");
        assert_eq!(decoded[0].municipality, "Castel San Pietro Terme");
        assert_eq!(decoded[0].slug, "whatever");
        assert_eq!(decoded[0].kinds, vec![SpaceKind::Fablab]);
    }

    #[test]
    fn an_empty_name_is_still_a_row() {
        let mut markers = vec![
            marker("", "spazio-7", "Bologna", &[]),
            marker("Dopo", "dopo", "Bologna", &[]),
        ];
        let decoded = decode(&encode(&mut markers)).unwrap();
        assert_eq!(decoded.len(), 2);
        assert_eq!(
            (decoded[0].name.as_str(), decoded[0].slug.as_str()),
            (" ", "spazio-7")
        );
        assert_eq!(decoded[1].municipality, "Bologna");
    }

    #[test]
    fn refuses_what_it_did_not_write() {
        assert_eq!(decode(""), Err(MarkersDocError::Header));
        assert_eq!(decode("{\"spaces\": []}"), Err(MarkersDocError::Header));
        assert_eq!(decode("spazi-markers/3\tcoworking\n").unwrap(), vec![]);
        assert_eq!(
            decode("spazi-markers/3\tcoworking\n\tBologna\nNo coordinates\t44.5\n"),
            Err(MarkersDocError::Row(3))
        );
    }
}
