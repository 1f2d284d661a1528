//! A large, realistic-looking data set for benchmarks and load tests (`server generate`): spaces
//! spread over the 55 municipalities (more where more people live), organisations, events and
//! their registrations. Deterministic: the same numbers give the same data. Generated rows are
//! marked (`source = 'synthetic'`, `@example.org` addresses), and the command refuses a database
//! that already holds them, so it is never run twice by mistake.

use super::seed::{find_or_insert_organisation, insert_space, NewSpace};
use super::{Db, DbError};
use crate::core::model::event::EventStatus;
use crate::core::model::{PositionPrecision, SpaceKind, SpaceStatus};
use crate::core::validate::event::ValidEvent;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct SyntheticSpec {
    pub spaces: usize,
    pub events: usize,
    pub rsvps: usize,
    /// Published spaces (the seed's first) given a photo of their own, made up with the detail
    /// of a real one (its bytes near the budgets), for the page-weight benchmarks.
    pub photos: usize,
}

/// What was generated, and where a benchmark can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticReport {
    pub spaces: usize,
    pub events: usize,
    pub rsvps: usize,
    pub photos: usize,
    /// An upcoming published event with seats to spare (for load-testing registrations).
    pub open_event_slug: Option<String>,
    /// One generated space's slug (for load-testing a space page).
    pub sample_space_slug: Option<String>,
}

const SOURCE: &str = "synthetic";

/// splitmix64: small, fast, good enough for made-up data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Uniform in [-1, 1).
    fn signed_unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
}

const PREFIXES: &[&str] = &[
    "Coworking",
    "FabLab",
    "Officina",
    "Spazio",
    "Hub",
    "Laboratorio",
    "Incubatore",
    "Cantiere",
    "Makerspace",
    "Casa",
    "Bottega",
    "Polo",
];
const NAMES: &[&str] = &[
    "Aurora",
    "Reno",
    "Savena",
    "Idice",
    "Santerno",
    "Navile",
    "Lame",
    "Torri",
    "Portici",
    "Colli",
    "Canapa",
    "Fornace",
    "Filanda",
    "Mulino",
    "Ferrovia",
    "Sillaro",
    "Setta",
    "Lavino",
    "Samoggia",
    "Zena",
    "Dozza",
    "Appennino",
    "Pianura",
    "Corte",
    "Chiusa",
    "Darsena",
    "Ponte",
    "Stazione",
    "Piazza",
    "Borgo",
];
const STREETS: &[&str] = &[
    "via Roma",
    "via Garibaldi",
    "via Mazzini",
    "via Matteotti",
    "via dell'Industria",
    "via del Lavoro",
    "piazza della Libertà",
    "via Emilia",
    "via dei Mille",
    "viale della Repubblica",
];
const ORG_SUFFIXES: &[&str] = &[
    "S.r.l.",
    "Società cooperativa",
    "APS",
    "Fondazione",
    "Associazione",
    "S.p.A.",
];
const WORDS: &[&str] = &[
    "postazioni",
    "sala riunioni",
    "stampa 3D",
    "taglio laser",
    "mentoring",
    "eventi",
    "formazione",
    "startup",
    "artigianato digitale",
    "comunità",
    "programmi di accelerazione",
    "fibra ottica",
    "laboratorio di elettronica",
    "spazio bimbi",
];

impl Db {
    /// Inserts the synthetic data set; see the module documentation.
    pub async fn generate_synthetic(
        &self,
        spec: SyntheticSpec,
        now: i64,
    ) -> Result<SyntheticReport, DbError> {
        let mut tx = self.begin_write().await?;
        let existing: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM spaces WHERE source = $1 LIMIT 1")
                .bind(SOURCE)
                .fetch_optional(&mut *tx)
                .await?;
        if existing.is_some() {
            return Err(DbError::Seed(
                "this database already holds generated data".into(),
            ));
        }
        let municipalities: Vec<(String, String, i64, f64, f64)> = sqlx::query_as(
            "SELECT istat_code, name, population, lat, lon FROM municipalities ORDER BY istat_code",
        )
        .fetch_all(&mut *tx)
        .await?;
        if municipalities.is_empty() {
            return Err(DbError::Seed(
                "no municipalities: migrate and seed first".into(),
            ));
        }
        // Weighted by the square root of the population: Bologna gets the most, every
        // municipality some.
        let weights: Vec<f64> = municipalities
            .iter()
            .map(|m| (m.2.max(1) as f64).sqrt())
            .collect();
        let total_weight: f64 = weights.iter().sum();
        let mut rng = Rng(0x5EED_2022);
        let mut report = SyntheticReport {
            spaces: 0,
            events: 0,
            rsvps: 0,
            photos: 0,
            open_event_slug: None,
            sample_space_slug: None,
        };

        let mut space_ids = Vec::with_capacity(spec.spaces);
        for n in 0..spec.spaces {
            let mut x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total_weight;
            let mut idx = 0;
            while idx + 1 < weights.len() && x >= weights[idx] {
                x -= weights[idx];
                idx += 1;
            }
            let (code, municipality, _, lat0, lon0) = &municipalities[idx];
            let name = format!("{} {} {}", rng.pick(PREFIXES), rng.pick(NAMES), n + 1);
            let kinds: Vec<SpaceKind> = match rng.below(10) {
                0..=4 => vec![SpaceKind::Coworking],
                5..=6 => vec![SpaceKind::Fablab],
                7 => vec![SpaceKind::IncubatorAccelerator],
                8 => vec![SpaceKind::Coworking, SpaceKind::Fablab],
                _ => vec![SpaceKind::Coworking, SpaceKind::IncubatorAccelerator],
            };
            let description = format!(
                "Uno spazio a {municipality} con {}, {} e {}.",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS)
            );
            let address = format!("{} {}", rng.pick(STREETS), 1 + rng.below(120));
            let org_name = format!("{} {}", rng.pick(NAMES), rng.pick(ORG_SUFFIXES));
            let org_id = find_or_insert_organisation(&mut tx, &org_name, now).await?;
            let slug_base = crate::core::text::slugify(&name);
            let website = format!("https://{slug_base}.example.org");
            // Within about 3 km of the municipality's point.
            let lat = lat0 + rng.signed_unit() * 0.027;
            let lon = lon0 + rng.signed_unit() * 0.037;
            let (id, slug) = insert_space(
                &mut tx,
                &NewSpace {
                    name: &name,
                    kinds: &kinds,
                    description: Some(&description),
                    organisation_id: Some(org_id),
                    organisation_name: Some(&org_name),
                    address: Some(&address),
                    municipality_code: code,
                    municipality_name: municipality,
                    lat,
                    lon,
                    precision: if rng.below(8) == 0 {
                        PositionPrecision::Approximate
                    } else {
                        PositionPrecision::Exact
                    },
                    website: Some(&website),
                    email: None,
                    phone: None,
                    // Most are on the map; a few wait for review or were archived.
                    status: match rng.below(20) {
                        0 => SpaceStatus::Pending,
                        1 => SpaceStatus::Archived,
                        _ => SpaceStatus::Published,
                    },
                    source: Some(SOURCE),
                    note: None,
                },
                now,
            )
            .await?;
            if report.sample_space_slug.is_none() {
                report.sample_space_slug = Some(slug);
            }
            space_ids.push(id);
            report.spaces += 1;
        }

        // Events: a third in the past, the rest in the coming year, all published.
        let mut events: Vec<(i64, i64, i64)> = Vec::new(); // (id, capacity, starts_at)
        for n in 0..spec.events {
            let day = 86_400;
            let starts_at = if n % 3 == 0 {
                now - (30 + 20 * n as i64) * day
            } else {
                now + (7 + 14 * n as i64) * day
            } / 3600
                * 3600;
            let capacity = [80, 150, 400, 5_000, 100_000][n % 5];
            let venue = space_ids.get(rng.below(space_ids.len().max(1)));
            let slug = format!("incontro-forum-{}", n + 1);
            let event = ValidEvent {
                slug: slug.clone(),
                title_it: format!("Incontro del Forum n. {}", n + 1),
                title_en: Some(format!("Forum meeting no. {}", n + 1)),
                summary_it: Some("Un incontro di lavoro della rete degli spazi.".into()),
                summary_en: Some("A working meeting of the network of spaces.".into()),
                description_it: Some(
                    "Gli spazi della rete si incontrano per fare il punto sui lavori del Forum."
                        .into(),
                ),
                description_en: Some(
                    "The spaces of the network meet to take stock of the Forum's work.".into(),
                ),
                programme_it: Some("17:00 Accoglienza\n17:30 Lavori\n18:45 Conclusioni".into()),
                programme_en: Some("17:00 Welcome\n17:30 Work\n18:45 Closing".into()),
                starts_at,
                ends_at: starts_at + 2 * 3600,
                venue_name: "Sala del Consiglio".into(),
                venue_address: "via Zamboni 13, Bologna".into(),
                venue_space: venue.copied(),
                organiser: "Città metropolitana di Bologna".into(),
                contact_email: "progimpresa@cittametropolitana.bo.it".into(),
                capacity,
                rsvp_opens_at: None,
                rsvp_closes_at: None,
                ..Default::default()
            };
            let id =
                super::events::insert_event(&mut tx, &event, EventStatus::Published, now).await?;
            if starts_at > now && capacity >= 100_000 && report.open_event_slug.is_none() {
                report.open_event_slug = Some(slug);
            }
            events.push((id, capacity, starts_at));
            report.events += 1;
        }

        // Registrations: spread over the events; the first `capacity` of each are confirmed,
        // then a waiting line; one in twenty cancelled.
        if !events.is_empty() {
            let mut taken = vec![0i64; events.len()];
            for n in 0..spec.rsvps {
                let e = n % events.len();
                let (event_id, capacity, starts_at) = events[e];
                let cancelled = rng.below(20) == 0;
                let status = if cancelled {
                    "cancelled"
                } else if taken[e] < capacity {
                    taken[e] += 1;
                    "confirmed"
                } else {
                    "waiting"
                };
                let email = format!("persona{n}@example.org");
                let created = starts_at.min(now) - 86_400 - (n as i64 % 86_400);
                sqlx::query(
                    "INSERT INTO rsvps (event_id, status, first_name, last_name, email, email_key, \
                     affiliation, lang, token, created_at, updated_at, confirmed_at, cancelled_at) \
                     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $9, $10, $11)",
                )
                .bind(event_id)
                .bind(status)
                .bind(*rng.pick(NAMES))
                .bind(format!("Rossi {n}"))
                .bind(&email)
                .bind(format!("{} {}", rng.pick(PREFIXES), rng.pick(NAMES)))
                .bind(if n % 4 == 0 { "en" } else { "it" })
                .bind(crate::backend::auth::new_ordered_token())
                .bind(created)
                .bind((status == "confirmed").then_some(created))
                .bind(cancelled.then_some(created + 3600))
                .execute(&mut *tx)
                .await?;
                report.rsvps += 1;
            }
            for (e, (event_id, _, _)) in events.iter().enumerate() {
                sqlx::query("UPDATE events SET seats_taken = $1 WHERE id = $2")
                    .bind(taken[e])
                    .bind(event_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        report.photos = self.give_photos(spec.photos, &mut rng, now).await?;
        // Fresh statistics, as a long-running database would have: both query planners
        // choose their indexes from them.
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(report)
    }

    /// Gives `n` published spaces without one a made-up photo (through the uploads' own
    /// processing); how many.
    async fn give_photos(&self, n: usize, rng: &mut Rng, now: i64) -> Result<usize, DbError> {
        let spaces: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, name FROM spaces WHERE status = 'published' AND photo IS NULL \
             ORDER BY id LIMIT $1",
        )
        .bind(n as i64)
        .fetch_all(&self.pool)
        .await?;
        for (id, name) in &spaces {
            let upload = made_up_photo(rng);
            let photo = crate::backend::photos::process(&upload)
                .map_err(|e| DbError::Seed(format!("a made-up photo: {e:?}")))?;
            self.store_photo(&photo, "staff", now).await?;
            sqlx::query("UPDATE spaces SET photo = $1, photo_alt = $2 WHERE id = $3")
                .bind(&photo.digest)
                .bind(format!("Uno scorcio di {name}"))
                .bind(id)
                .execute(&self.pool)
                .await?;
        }
        Ok(spaces.len())
    }
}

/// A phone-sized picture with a photo's detail: soft gradients in random colours and grain,
/// as JPEG (what a phone sends).
fn made_up_photo(rng: &mut Rng) -> Vec<u8> {
    use image::codecs::jpeg::JpegEncoder;
    let (width, height) = (1600u32, 1200u32);
    let base: Vec<f64> = (0..6).map(|_| rng.signed_unit() * 0.5 + 0.5).collect();
    let mut grain = Rng(rng.next());
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let (u, v) = (
            f64::from(x) / f64::from(width),
            f64::from(y) / f64::from(height),
        );
        let mut channel = |i: usize| {
            let wave =
                ((u * 7.0 + base[i] * 6.0).sin() + (v * 5.0 + base[i + 3] * 4.0).cos()) / 4.0;
            let noise = (grain.next() % 48) as f64 / 255.0;
            ((base[i] * 0.6 + wave + 0.2 + noise).clamp(0.0, 1.0) * 255.0) as u8
        };
        image::Rgb([channel(0), channel(1), channel(2)])
    });
    let mut out = Vec::new();
    let _ = JpegEncoder::new_with_quality(&mut out, 90).encode_image(&picture);
    out
}
