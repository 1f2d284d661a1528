//! The municipalities' boundaries (`seed/municipalities.geojson`, with its provenance in
//! `seed/README.md`), built into the binary and read once: every app server has the same, so
//! nothing about them is shared at run time. The forms' checks ask them through
//! `core::geo::Boundaries`; the browser gets them as [`document`].

use crate::core::geo::{Boundaries, LonLat, Outline};
use std::sync::OnceLock;

const GEOJSON: &str = include_str!("../../../seed/municipalities.geojson");

/// Every municipality's outline, by ISTAT code.
pub fn all() -> &'static Boundaries {
    static ALL: OnceLock<Boundaries> = OnceLock::new();
    ALL.get_or_init(|| {
        parse(GEOJSON).expect("seed/municipalities.geojson is a valid FeatureCollection")
    })
}

/// The boundaries as `core::geo`'s compact text, for the browser's pin picker.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| all().encode())
}

/// A FeatureCollection of Polygons and MultiPolygons with an `istat` property.
fn parse(geojson: &str) -> Result<Boundaries, String> {
    let doc: serde_json::Value = serde_json::from_str(geojson).map_err(|e| e.to_string())?;
    let features = doc["features"].as_array().ok_or("no features")?;
    let mut all = Boundaries::default();
    for feature in features {
        let code = feature["properties"]["istat"]
            .as_str()
            .ok_or("a feature without an istat code")?;
        let geometry = &feature["geometry"];
        let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .ok_or("MultiPolygon without coordinates")?
                .iter()
                .collect(),
            _ => return Err(format!("{code}: not a polygon")),
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for ring in polygon.as_array().ok_or("a polygon without rings")? {
                let points = ring
                    .as_array()
                    .ok_or("a ring without points")?
                    .iter()
                    .map(|p| Some([p[0].as_f64()?, p[1].as_f64()?]))
                    .collect::<Option<Vec<LonLat>>>()
                    .ok_or_else(|| format!("{code}: a point that is not two numbers"))?;
                rings.push(points);
            }
        }
        all.0.insert(code.to_owned(), Outline { rings });
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_55_municipalities_each_around_its_own_point_and_the_seed_spaces() {
        let b = all();
        assert_eq!(b.0.len(), 55);
        // Each municipality's representative point (seed/municipalities.csv) is inside it.
        let csv = include_str!("../../../seed/municipalities.csv");
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let (code, lat, lon) = (col("istat_code"), col("lat"), col("lon"));
        for line in lines.filter(|l| !l.is_empty()) {
            let f: Vec<&str> = line.split(',').collect();
            let (la, lo) = (f[lat].parse().unwrap(), f[lon].parse().unwrap());
            assert_eq!(b.pin_problem(f[code], la, lo), None, "{line}");
        }
        // Every seed space placed by street lies in its municipality.
        let mut spaces =
            csv::Reader::from_reader(include_str!("../../../seed/spaces-2022.csv").as_bytes());
        for row in spaces.records() {
            let row = row.unwrap();
            let (la, lo) = (row[5].parse().unwrap(), row[6].parse().unwrap());
            if &row[7] != "municipality" {
                assert_eq!(b.pin_problem(&row[2], la, lo), None, "{}", &row[0]);
            }
        }
        // Imola's middle is not in Bologna.
        assert!(b.pin_problem("037006", 44.3533, 11.7141).is_some());
        assert_eq!(b.pin_problem("037032", 44.3533, 11.7141), None);
        assert_eq!(Boundaries::decode(document()).as_ref(), Ok(b));
    }
}
