-- Events and their RSVPs. Seats are counted on the event row itself: a registration takes a
-- seat with one conditional UPDATE (`seats_taken < capacity`), so two requests can never both
-- take the last one, and the CHECK makes the database refuse an overbooking whatever the code
-- does. Same schema in both flavours.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    -- /eventi/{slug}; stable once published.
    slug           TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'published', 'cancelled')),
    -- Texts in Italian, and in English where given (Italian stands in otherwise).
    title_it       TEXT NOT NULL,
    title_en       TEXT,
    summary_it     TEXT,
    summary_en     TEXT,
    description_it TEXT,
    description_en TEXT,
    -- One programme item per line.
    programme_it   TEXT,
    programme_en   TEXT,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    venue_name     TEXT NOT NULL,
    venue_address  TEXT NOT NULL,
    -- The venue when it is a mapped space; its position is then the space's unless given here.
    space_id       INTEGER REFERENCES spaces (id) ON DELETE SET NULL,
    lat            REAL,
    lon            REAL,
    organiser      TEXT NOT NULL,
    contact_email  TEXT NOT NULL,
    capacity       INTEGER NOT NULL CHECK (capacity >= 0),
    seats_taken    INTEGER NOT NULL DEFAULT 0,
    -- NULL: open from publication; closes at the start unless set.
    rsvp_opens_at  INTEGER,
    rsvp_closes_at INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (seats_taken >= 0 AND seats_taken <= capacity)
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE rsvps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    first_name    TEXT NOT NULL,
    last_name     TEXT NOT NULL,
    email         TEXT NOT NULL,
    -- Trimmed, lower-cased e-mail: one registration per address per event.
    email_key     TEXT NOT NULL,
    affiliation   TEXT,
    -- The mapped space named as the affiliation, when it is one.
    space_id      INTEGER REFERENCES spaces (id) ON DELETE SET NULL,
    role          TEXT,
    accessibility TEXT,
    lang          TEXT NOT NULL DEFAULT 'it',
    -- The personal link's secret (256 random bits): it lets its holder see and cancel this one
    -- registration, and later e-mails (promotion, reminder) must carry it again.
    token         TEXT NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    confirmed_at  INTEGER,
    cancelled_at  INTEGER,
    checked_in_at INTEGER,
    reminded_at   INTEGER,
    UNIQUE (event_id, email_key)
);
-- The waiting line in order, and the counts per status.
CREATE INDEX rsvps_line ON rsvps (event_id, status, id);
