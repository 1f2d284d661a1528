-- Nothing staff do may lose data (issue 22). Same schema in the sqlite and postgres flavours.

-- Optimistic concurrency: every record staff edit carries a version, raised by each change
-- made through the staff area (or an import, or a review decision). An edit form sends the
-- version it was read at; a save against a newer one is refused and both are shown.
ALTER TABLE spaces ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE submissions ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE staff_users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- When an event was first made public: a draft cancelled before that stays private.
-- (Events already published or cancelled count as published.)
ALTER TABLE events ADD COLUMN published_at BIGINT;
UPDATE events SET published_at = updated_at WHERE status IN ('published', 'cancelled');

-- Imports: whether rows may update archived spaces, and the revert of an applied import.
ALTER TABLE space_imports ADD COLUMN include_archived BIGINT NOT NULL DEFAULT 0;
ALTER TABLE space_imports ADD COLUMN reverted_at BIGINT;
-- How many of its spaces a revert left as they were (changed since the import).
ALTER TABLE space_imports ADD COLUMN reverted_left BIGINT NOT NULL DEFAULT 0;
ALTER TABLE space_imports ADD COLUMN reverted_by BIGINT REFERENCES staff_users (id) ON DELETE SET NULL;

-- What each applied import did to each space, so that it can be shown and reverted: the
-- values before (an update) and after, and the space's version right after the change (a
-- space whose version moved on was changed since, and is not reverted blindly). No foreign
-- key on space_id: reverting a creation deletes the space, and the row stays as the record.
CREATE TABLE import_changes (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id     BIGINT NOT NULL REFERENCES space_imports (id) ON DELETE CASCADE,
    space_id      BIGINT NOT NULL,
    line          BIGINT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('create', 'update')),
    before_json   TEXT,
    after_json    TEXT NOT NULL,
    version_after BIGINT NOT NULL,
    UNIQUE (import_id, space_id)
);
