//! Getting to a place: the links that lead people there. An exact position (known to the
//! building) gives directions and the phone's maps app; any other position is no place to go,
//! so the address is what counts, with a search for it. Pure and shared.

use crate::core::text::query_encode;

/// Directions to a point on OpenStreetMap (the visitor picks where they start).
pub fn directions_url(lat: f64, lon: f64) -> String {
    format!(
        "https://www.openstreetmap.org/directions?from=&to={lat:.6}%2C{lon:.6}#map=17/{lat:.6}/{lon:.6}"
    )
}

/// A point for the phone's maps app (`geo:` URI, RFC 5870).
pub fn geo_uri(lat: f64, lon: f64) -> String {
    format!("geo:{lat:.6},{lon:.6}")
}

/// A search for an address on OpenStreetMap.
pub fn address_search_url(address: &str) -> String {
    format!(
        "https://www.openstreetmap.org/search?query={}",
        query_encode(address)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_point_or_the_address() {
        assert_eq!(
            directions_url(44.5, 11.34),
            "https://www.openstreetmap.org/directions?from=&to=44.500000%2C11.340000#map=17/44.500000/11.340000"
        );
        assert_eq!(geo_uri(44.5, 11.34), "geo:44.500000,11.340000");
        assert_eq!(
            address_search_url("Via della Ferriera 4, Bologna"),
            "https://www.openstreetmap.org/search?query=Via+della+Ferriera+4%2C+Bologna"
        );
    }
}
