//! The municipalities' boundaries and the question forms ask of them: does a pin lie inside
//! the municipality it names? Pure, in both builds: the server checks every posted position
//! with [`Boundaries::pin_problem`], and the browser asks the same of the same boundaries
//! (sent to it as [`Boundaries::encode`]'s compact text) while the pin is being placed.
//!
//! The boundaries are simplified for the web (see `seed/README.md`): a border may be off by a
//! few hundred metres, so a pin up to [`BORDER_TOLERANCE_M`] outside is still taken as inside.
//! What the check is for is a tap on Bologna for a space in Imola, tens of kilometres away.

use std::collections::BTreeMap;

/// How far outside its (simplified) boundary a pin may lie and still count as inside, in metres.
pub const BORDER_TOLERANCE_M: f64 = 500.0;

/// A point as (longitude, latitude), the order of GeoJSON.
pub type LonLat = [f64; 2];

/// One municipality's outline: its rings (outer rings and holes of one or more polygons).
/// A point is inside when it is inside an odd number of rings (holes and islands alike).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    pub rings: Vec<Vec<LonLat>>,
}

/// A rectangle as ((south, west), (north, east)), the order Leaflet's bounds take.
pub type Bounds = ((f64, f64), (f64, f64));

impl Outline {
    /// Inside by the even-odd rule.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let [x1, y1] = ring[i];
                let [x2, y2] = ring[(i + 1) % n];
                if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1) {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// The distance from a point to the nearest edge, in metres (a local flat projection:
    /// precise enough within a municipality).
    pub fn distance_to_border_m(&self, lat: f64, lon: f64) -> f64 {
        let kx = 111_320.0 * lat.to_radians().cos();
        let ky = 110_540.0;
        let mut best = f64::INFINITY;
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let [x1, y1] = ring[i];
                let [x2, y2] = ring[(i + 1) % n];
                let (ax, ay) = ((x1 - lon) * kx, (y1 - lat) * ky);
                let (bx, by) = ((x2 - lon) * kx, (y2 - lat) * ky);
                let (dx, dy) = (bx - ax, by - ay);
                let len2 = dx * dx + dy * dy;
                let t = if len2 == 0.0 {
                    0.0
                } else {
                    (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
                };
                let (px, py) = (ax + t * dx, ay + t * dy);
                best = best.min((px * px + py * py).sqrt());
            }
        }
        best
    }

    /// Inside, or outside by no more than [`BORDER_TOLERANCE_M`].
    pub fn takes(&self, lat: f64, lon: f64) -> bool {
        self.contains(lat, lon) || self.distance_to_border_m(lat, lon) <= BORDER_TOLERANCE_M
    }

    /// The smallest rectangle around the outline.
    pub fn bounds(&self) -> Option<Bounds> {
        let mut points = self.rings.iter().flatten();
        let [lon, lat] = *points.next()?;
        let mut b = ((lat, lon), (lat, lon));
        for &[lon, lat] in points {
            b.0 .0 = b.0 .0.min(lat);
            b.0 .1 = b.0 .1.min(lon);
            b.1 .0 = b.1 .0.max(lat);
            b.1 .1 = b.1 .1.max(lon);
        }
        Some(b)
    }
}

/// A drawing of an outline: longitude and latitude onto the plane of an SVG picture of a given
/// width, north up, a degree of longitude shortened by the cosine of the latitude (so shapes are
/// not stretched at Bologna's latitude), with a margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    /// Picture units per degree of latitude.
    scale: f64,
    /// How much shorter a degree of longitude is.
    shrink: f64,
    margin: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// The projection that fits `outline` into a picture `width` units wide.
    pub fn fitting(outline: &Outline, width: f64) -> Option<Projection> {
        let ((south, west), (north, east)) = outline.bounds()?;
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let margin = width * 0.03;
        let span = ((east - west) * shrink).max(1e-9);
        let scale = (width - 2.0 * margin) / span;
        Some(Projection {
            west,
            north,
            scale,
            shrink,
            margin,
            width,
            height: ((north - south) * scale + 2.0 * margin).ceil(),
        })
    }

    /// Where a point falls in the picture, `(x, y)`.
    pub fn point(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            self.margin + (lon - self.west) * self.shrink * self.scale,
            self.margin + (self.north - lat) * self.scale,
        )
    }

    /// The outline as an SVG path (`d`): one closed figure per ring, to one decimal.
    pub fn path(&self, outline: &Outline) -> String {
        let mut d = String::new();
        for ring in &outline.rings {
            for (i, &[lon, lat]) in ring.iter().enumerate() {
                let (x, y) = self.point(lat, lon);
                d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }));
            }
            d.push('Z');
        }
        d
    }
}

/// Every municipality's outline, by ISTAT code.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Boundaries(pub BTreeMap<String, Outline>);

/// Why a boundaries document could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("boundaries document, line {line}: {what}")]
pub struct BoundariesError {
    pub line: usize,
    pub what: &'static str,
}

impl Boundaries {
    pub fn get(&self, istat_code: &str) -> Option<&Outline> {
        self.0.get(istat_code.trim())
    }

    /// `Some(Problem::OutsideMunicipality)` when the municipality's outline is known and the
    /// point is not within it (with the tolerance); nothing to say otherwise — an unknown or
    /// missing municipality is another check's business.
    pub fn pin_problem(
        &self,
        istat_code: &str,
        lat: f64,
        lon: f64,
    ) -> Option<crate::core::validate::Problem> {
        let outline = self.get(istat_code)?;
        (!outline.takes(lat, lon)).then_some(crate::core::validate::Problem::OutsideMunicipality)
    }

    /// The compact text the browser is sent: one line per municipality, its code, then its
    /// rings separated by `|`, each ring's points `lon,lat` separated by spaces.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for (code, outline) in &self.0 {
            out.push_str(code);
            out.push(':');
            for (r, ring) in outline.rings.iter().enumerate() {
                if r > 0 {
                    out.push('|');
                }
                for (p, [lon, lat]) in ring.iter().enumerate() {
                    if p > 0 {
                        out.push(' ');
                    }
                    out.push_str(&format!("{lon},{lat}"));
                }
            }
            out.push('\n');
        }
        out
    }

    /// Reads [`Boundaries::encode`]'s text.
    pub fn decode(doc: &str) -> Result<Boundaries, BoundariesError> {
        let mut all = BTreeMap::new();
        for (i, line) in doc.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let error = |what| BoundariesError { line: i + 1, what };
            let (code, rings) = line.split_once(':').ok_or(error("no code"))?;
            let rings = rings
                .split('|')
                .map(|ring| {
                    ring.split(' ')
                        .map(|point| {
                            let (lon, lat) = point.split_once(',')?;
                            Some([lon.parse().ok()?, lat.parse().ok()?])
                        })
                        .collect::<Option<Vec<LonLat>>>()
                        .filter(|r| r.len() >= 3)
                        .ok_or(error("not a ring of points"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            all.insert(code.to_owned(), Outline { rings });
        }
        Ok(Boundaries(all))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_projection_fits_the_outline_into_the_picture() {
        let square = Outline {
            rings: vec![vec![
                [11.0, 44.0],
                [11.2, 44.0],
                [11.2, 44.2],
                [11.0, 44.2],
                [11.0, 44.0],
            ]],
        };
        let p = Projection::fitting(&square, 300.0).unwrap();
        let (x0, y0) = p.point(44.2, 11.0);
        let (x1, y1) = p.point(44.0, 11.2);
        assert!(
            (x0 - 9.0).abs() < 1e-9 && (y0 - 9.0).abs() < 1e-9,
            "{x0} {y0}"
        );
        assert!((x1 - 291.0).abs() < 1e-9, "{x1}");
        // A degree of longitude is shorter than one of latitude here: the square is taller.
        assert!(y1 > x1, "{y1}");
        assert!(p.height >= y1 + 9.0 - 1.0);
        let d = p.path(&square);
        assert!(
            d.starts_with("M9.0 401.7L291.0 401.7L291.0 9.0L") && d.ends_with('Z'),
            "{d}"
        );
        assert_eq!(Projection::fitting(&Outline::default(), 300.0), None);
    }
    use crate::core::validate::Problem;

    /// A 0.1° square around (44.5, 11.5) with a 0.02° hole in its middle.
    fn square_with_hole() -> Outline {
        Outline {
            rings: vec![
                vec![
                    [11.45, 44.45],
                    [11.55, 44.45],
                    [11.55, 44.55],
                    [11.45, 44.55],
                ],
                vec![
                    [11.49, 44.49],
                    [11.51, 44.49],
                    [11.51, 44.51],
                    [11.49, 44.51],
                ],
            ],
        }
    }

    #[test]
    fn inside_outside_and_holes() {
        let o = square_with_hole();
        assert!(o.contains(44.46, 11.46));
        assert!(!o.contains(44.5, 11.5), "in the hole");
        assert!(!o.contains(44.6, 11.5));
        assert_eq!(o.bounds(), Some(((44.45, 11.45), (44.55, 11.55))));
    }

    #[test]
    fn a_pin_just_over_the_simplified_border_is_taken_one_far_away_is_not() {
        let o = square_with_hole();
        // 0.003° of latitude north of the border: about 330 m.
        assert!(o.takes(44.553, 11.5));
        // 0.01°: about 1.1 km.
        assert!(!o.takes(44.56, 11.5));
        let d = o.distance_to_border_m(44.56, 11.5);
        assert!((1_050.0..1_150.0).contains(&d), "{d}");
        let b = Boundaries([("037006".to_owned(), o)].into_iter().collect());
        assert_eq!(b.pin_problem("037006", 44.46, 11.46), None);
        assert_eq!(
            b.pin_problem("037006", 44.7, 11.5),
            Some(Problem::OutsideMunicipality)
        );
        assert_eq!(
            b.pin_problem("999999", 44.7, 11.5),
            None,
            "unknown: not this check"
        );
    }

    #[test]
    fn the_compact_text_round_trips_and_refuses_what_it_did_not_write() {
        let b = Boundaries(
            [("037006".to_owned(), square_with_hole())]
                .into_iter()
                .collect(),
        );
        assert_eq!(Boundaries::decode(&b.encode()), Ok(b));
        assert!(Boundaries::decode("037006").is_err());
        assert!(Boundaries::decode("037006:1,2 3,4").is_err());
        assert!(Boundaries::decode("037006:1,2 3,x 5,6").is_err());
    }
}
