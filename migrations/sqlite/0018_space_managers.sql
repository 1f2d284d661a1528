-- Space managers (issue 27): the people who keep a listing current, signed in by a link
-- e-mailed to them instead of a password. Same schema in the sqlite and postgres flavours.

-- Who manages a space: addresses (normalised: trimmed, lower-case), not accounts. An address
-- reaches exactly the spaces listed for it here, checked on every request, so removing a row
-- takes the space away from a signed-in manager at once. `source` says how it got here: the
-- contact of an approved join request, staff, an import, or a co-manager's invitation.
CREATE TABLE space_managers (
    space_id INTEGER NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    email    TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    source   TEXT NOT NULL CHECK (source IN ('request', 'staff', 'import', 'manager')),
    PRIMARY KEY (space_id, email)
);
CREATE INDEX space_managers_email ON space_managers (email);

-- Sign-in links: single use (deleted as they are used), 30 minutes, stored as SHA-256 only.
CREATE TABLE manager_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    email      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX manager_links_email ON manager_links (email, created_at);

-- Managers' sessions: their own table and cookie, never a staff session.
CREATE TABLE manager_sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    email        TEXT NOT NULL,
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX manager_sessions_email ON manager_sessions (email);

-- The contact person of an approved join request manages its space (the listing it was merged
-- into, for a merged request): whatever path approves it (a decision, publishing the space, a
-- merge), in the same transaction.
CREATE TRIGGER submissions_approved_manager AFTER UPDATE OF decision ON submissions
WHEN NEW.decision = 'approved' AND OLD.decision IS NOT 'approved'
BEGIN
    INSERT OR IGNORE INTO space_managers (space_id, email, added_at, source)
    VALUES (COALESCE(NEW.merged_into, NEW.space_id), lower(trim(NEW.contact_email)),
            COALESCE(NEW.decided_at, 0), 'request');
END;

-- The requests approved before managers existed.
INSERT INTO space_managers (space_id, email, added_at, source)
SELECT COALESCE(merged_into, space_id), lower(trim(contact_email)), COALESCE(decided_at, 0), 'request'
FROM submissions WHERE decision = 'approved'
ON CONFLICT DO NOTHING;
