-- The staff area: accounts, sessions, sign-in attempts, and the audit trail.
-- SQLite flavour; migrations/postgres/0002_staff.sql is the same schema. Same type rules as 0001.

-- Staff accounts. Passwords are argon2id PHC strings, never anything reversible.
CREATE TABLE staff_users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Stored lower-cased and trimmed by the application, so UNIQUE is case-insensitive.
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    -- 'admin' manages staff accounts and everything else; 'editor' spaces, submissions, events.
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    password_hash TEXT NOT NULL,
    -- 0/1: a disabled account cannot sign in and its sessions stop working at once.
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- Sessions live in the database so that several app servers can share them. The cookie holds a
-- random token; only its SHA-256 is stored, so a leaked table does not leak sessions.
CREATE TABLE staff_sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    -- Per-session token that every staff form must echo (defence in depth beside the Origin check).
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    -- Idle expiry is measured from here; absolute expiry is expires_at.
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- Every sign-in attempt, by e-mail as typed (known or not, so lockout does not reveal which
-- accounts exist) and by client address; pruned after a day.
CREATE TABLE sign_in_attempts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    email   TEXT NOT NULL,
    address TEXT NOT NULL,
    success INTEGER NOT NULL CHECK (success IN (0, 1)),
    at      INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (email, at);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at);

-- Who changed what and when: one row per staff action, with the changed fields before and after
-- as JSON objects ({"field": value}).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- NULL for actions from the command line; the e-mail is copied so the trail survives the account.
    actor_id    INTEGER REFERENCES staff_users (id) ON DELETE SET NULL,
    actor_email TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    before_json TEXT,
    after_json  TEXT,
    at          INTEGER NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
