-- Managers asked to confirm their listing (issue 27): once the confirmation period has passed,
-- each manager of a published space gets an e-mail with a link of their own (stored as
-- SHA-256) to confirm the information, update it, or say the space has closed; one reminder a
-- month later; then the space is overdue for staff. Same schema in both flavours.
CREATE TABLE confirmation_requests (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id    INTEGER NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    lang        TEXT NOT NULL DEFAULT 'it',
    token_hash  TEXT NOT NULL UNIQUE,
    sent_at     INTEGER NOT NULL,
    -- A reminder (sent when a request went unanswered for a month) is a row of its own, with
    -- its own link; the request it reminds of records when it went.
    is_reminder INTEGER NOT NULL DEFAULT 0 CHECK (is_reminder IN (0, 1)),
    reminded_at INTEGER,
    -- How the manager answered: confirmed, wants to update it, or it has closed.
    answered_at INTEGER,
    answer      TEXT CHECK (answer IN ('confirmed', 'update', 'closed'))
);
CREATE INDEX confirmation_requests_space ON confirmation_requests (space_id, sent_at);
CREATE INDEX confirmation_requests_waiting ON confirmation_requests (answered_at, sent_at);
