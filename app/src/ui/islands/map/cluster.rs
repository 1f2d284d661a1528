//! Clustering of the directory map's markers: which discs to draw at a zoom level. Plain Rust
//! (no browser types), so it is unit-tested natively and runs in the browser's WASM.
//!
//! Greedy distance clustering on a grid, as supercluster and Leaflet.markercluster do it: at
//! zoom *z*, taking the points in their given order, each point not yet clustered gathers every
//! unclustered point within `radius` screen pixels of it. A grid of `radius`-sized cells finds
//! the neighbours, so a zoom level costs O(n): a few milliseconds for thousands of spaces,
//! computed once per zoom level the visitor reaches — instead of building every Leaflet marker
//! and a cluster tree for all zoom levels before the map can be used.
//!
//! A disc is drawn where the point that gathered it lies (not at its members' mean): those
//! points are more than `radius` apart, so no two discs ever overlap when they are at most
//! `radius` across — each stays a whole touch target (WCAG 2.5.8).

use std::collections::HashMap;

/// Web Mercator at zoom 0, normalised to the unit square (Leaflet's EPSG:3857): x east from
/// −180°, y south from ≈85°N (latitudes nearer the poles, irrelevant here, are clamped at
/// ≈89°). Multiply by `256 · 2^z` for Leaflet's pixel coordinates at zoom `z`.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    let sin = lat.to_radians().sin().clamp(-0.9999, 0.9999);
    let x = (lon + 180.0) / 360.0;
    let y = 0.5 - ((1.0 + sin) / (1.0 - sin)).ln() / (4.0 * std::f64::consts::PI);
    (x, y)
}

/// The inverse of `project`: (latitude, longitude).
pub fn unproject(x: f64, y: f64) -> (f64, f64) {
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    (lat, x * 360.0 - 180.0)
}

/// Pixels across the world at `zoom` (Leaflet's 256-pixel tiles).
fn world_pixels(zoom: u8) -> f64 {
    256.0 * f64::from(1u32 << zoom.min(30))
}

/// One disc on the map: a single space (`members.len() == 1`) or a cluster of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Where to draw it, projected (see `project`): its first member's position.
    pub x: f64,
    pub y: f64,
    /// Indexes into the clustered points, the first being the point that gathered the rest.
    pub members: Vec<usize>,
}

impl Cluster {
    /// A key that names the same disc across redraws at the same zoom (a single space keeps
    /// its key at every zoom, so its open popup survives zooming and panning).
    pub fn key(&self, zoom: u8) -> (u8, usize) {
        match self.members.as_slice() {
            [only] => (u8::MAX, *only),
            members => (zoom, members[0]),
        }
    }
}

/// The discs for `points` (projected, see `project`) at `zoom`, each gathering the points within
/// `radius` pixels of its first one; every point is in exactly one disc.
pub fn clusters(points: &[(f64, f64)], zoom: u8, radius: f64) -> Vec<Cluster> {
    let scale = world_pixels(zoom);
    let cell = |(x, y): (f64, f64)| {
        (
            (x * scale / radius).floor() as i64,
            (y * scale / radius).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, &p) in points.iter().enumerate() {
        grid.entry(cell(p)).or_default().push(i);
    }
    let limit = (radius / scale).powi(2);
    let mut taken = vec![false; points.len()];
    let mut out = Vec::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        if taken[i] {
            continue;
        }
        let (cx, cy) = cell((x, y));
        let mut members = vec![i];
        taken[i] = true;
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                for &j in grid.get(&(gx, gy)).map(Vec::as_slice).unwrap_or_default() {
                    let (px, py) = points[j];
                    if !taken[j] && (px - x).powi(2) + (py - y).powi(2) <= limit {
                        taken[j] = true;
                        members.push(j);
                    }
                }
            }
        }
        out.push(Cluster { x, y, members });
    }
    out
}

/// Whether every member of `members` lies at the same spot (zooming in cannot part them).
pub fn same_spot(points: &[(f64, f64)], members: &[usize]) -> bool {
    let mut positions = members.iter().map(|&i| points[i]);
    match positions.next() {
        Some(first) => positions.all(|p| p == first),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points `metres` apart along a parallel near Bologna.
    fn row(n: usize, metres: f64) -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| project(44.49, 11.34 + i as f64 * metres / 79_500.0))
            .collect()
    }

    #[test]
    fn projection_matches_leaflets_web_mercator() {
        let (x, y) = project(0.0, 0.0);
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        // Bologna's pixel at zoom 10, as Leaflet's map.project gives it: (139331.4, 94817.6).
        let (x, y) = project(44.4949, 11.3426);
        let s = world_pixels(10);
        assert!((x * s - 139_331.4).abs() < 0.1, "{}", x * s);
        assert!((y * s - 94_817.6).abs() < 0.1, "{}", y * s);
        let (lat, lon) = unproject(x, y);
        assert!((lat - 44.4949).abs() < 1e-9 && (lon - 11.3426).abs() < 1e-9);
    }

    #[test]
    fn far_zoomed_out_everything_is_one_cluster_and_zoomed_in_none() {
        let points = row(50, 100.0); // 5 km of spaces, 100 m apart
        let out = clusters(&points, 7, 40.0);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].members.len(), 50);
        // At zoom 18 a pixel is about 0.4 m: every space stands alone.
        let out = clusters(&points, 18, 40.0);
        assert_eq!(out.len(), 50);
        assert!(out.iter().all(|c| c.members.len() == 1));
    }

    #[test]
    fn every_point_is_in_exactly_one_disc_at_every_zoom() {
        // A scatter with clumps: a deterministic pseudo-random walk.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let points: Vec<_> = (0..2000)
            .map(|_| project(44.0 + next() * 0.8, 10.8 + next() * 1.2))
            .collect();
        for zoom in 7..=19 {
            let out = clusters(&points, zoom, 40.0);
            let mut seen = vec![0u8; points.len()];
            for c in &out {
                for &m in &c.members {
                    seen[m] += 1;
                }
                // Every member lies within the radius of the one that gathered it, where the
                // disc is drawn.
                let (x0, y0) = points[c.members[0]];
                assert_eq!((c.x, c.y), (x0, y0));
                for &m in &c.members {
                    let (x, y) = points[m];
                    let d = ((x - x0).powi(2) + (y - y0).powi(2)).sqrt() * world_pixels(zoom);
                    assert!(d <= 40.0 + 1e-6, "zoom {zoom}: {d} px");
                }
            }
            assert!(seen.iter().all(|&s| s == 1), "zoom {zoom}");
            // No two discs closer than the radius: none covers another.
            for (i, a) in out.iter().enumerate() {
                for b in &out[i + 1..] {
                    let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt() * world_pixels(zoom);
                    assert!(d > 40.0, "zoom {zoom}: discs {d} px apart");
                }
            }
        }
    }

    #[test]
    fn a_cluster_is_drawn_at_and_keyed_by_its_first_member() {
        let points = vec![(0.5, 0.5), (0.5 + 1e-9, 0.5), (0.9, 0.9)];
        let out = clusters(&points, 10, 40.0);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].members, vec![0, 1]);
        assert_eq!((out[0].x, out[0].y), (0.5, 0.5));
        assert_eq!(out[0].key(10), (10, 0));
        // A single space has one key at every zoom.
        assert_eq!(out[1].key(10), (u8::MAX, 2));
        assert_eq!(out[1].key(12), (u8::MAX, 2));
    }

    #[test]
    fn spaces_at_one_spot_are_told_apart_from_spaces_close_together() {
        let points = vec![(0.5, 0.5), (0.5, 0.5), (0.5, 0.5 + 1e-9)];
        assert!(same_spot(&points, &[0, 1]));
        assert!(!same_spot(&points, &[0, 1, 2]));
        assert!(same_spot(&points, &[2]));
    }
}
