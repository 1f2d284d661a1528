-- The public directory: municipalities (reference data), organisations, spaces and their kinds.
--
-- PostgreSQL flavour of migrations/sqlite/0001_spaces.sql (keep the two in step). Types are the
-- plain ones sqlx's `Any` driver can decode on both backends:
-- BIGINT for ids and timestamps (Unix epoch seconds, UTC), DOUBLE PRECISION for coordinates,
-- TEXT for everything else. Enumerations are TEXT guarded by CHECK constraints, so a bad value
-- cannot be stored even by hand.

-- The 55 comuni of the Città metropolitana di Bologna. Reference data, keyed by ISTAT code
-- (six digits, with the leading zero: '037006' is Bologna), upserted from seed/ at every start.
CREATE TABLE municipalities (
    istat_code     TEXT PRIMARY KEY NOT NULL CHECK (char_length(istat_code) = 6),
    name           TEXT NOT NULL,
    cadastral_code TEXT NOT NULL,
    population     BIGINT NOT NULL,
    -- A representative point, used as the fallback position and for "map per municipality".
    lat            DOUBLE PRECISION NOT NULL,
    lon            DOUBLE PRECISION NOT NULL
);

-- Who runs a space. Its own table: one organisation may run several spaces.
CREATE TABLE organisations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    -- NULL when not known (the seed data does not say); the join form always asks.
    kind        TEXT CHECK (kind IN ('company', 'association', 'cooperative', 'public-body',
                                     'university', 'foundation', 'other')),
    website     TEXT,
    description TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE spaces (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stable public identifier used in /spazi/{slug}; never reused, never changed by a rename.
    slug               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    description        TEXT,
    organisation_id    BIGINT REFERENCES organisations (id),
    address            TEXT,
    municipality_code  TEXT NOT NULL REFERENCES municipalities (istat_code),
    lat                DOUBLE PRECISION NOT NULL,
    lon                DOUBLE PRECISION NOT NULL,
    -- 'exact': placed on the building; 'approximate': placed by street (a few hundred metres);
    -- 'municipality': no street position known, placed at the municipality's point.
    position_precision TEXT NOT NULL DEFAULT 'exact'
                       CHECK (position_precision IN ('exact', 'approximate', 'municipality')),
    website            TEXT,
    email              TEXT,
    phone              TEXT,
    -- Only 'published' spaces are public.
    status             TEXT NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'published', 'rejected', 'archived')),
    -- Where the record comes from (press release, web page, join form…) and staff notes on it.
    source             TEXT,
    note               TEXT,
    -- Lower-cased, accent-folded name + description + address + organisation + municipality,
    -- computed by the application (app::filter::search_key) so search is portable and
    -- accent-insensitive on both backends.
    search_text        TEXT NOT NULL DEFAULT '',
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX spaces_status_municipality ON spaces (status, municipality_code);

-- One or more kinds per space, from the three of the official 2021 mapping.
CREATE TABLE space_kinds (
    space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('coworking', 'fablab', 'incubator-accelerator')),
    PRIMARY KEY (space_id, kind)
);
CREATE INDEX space_kinds_kind ON space_kinds (kind, space_id);

-- Small key/value facts about this installation, e.g. which one-time seeds have been applied.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
