-- Staff imports of spaces from a CSV or GeoJSON file: the file is kept (so the preview, the
-- confirmation and the audit all refer to exactly what was uploaded, on any app server), and
-- applying it records its progress here so that any page load can show it. Same schema in the
-- sqlite and postgres flavours.
CREATE TABLE space_imports (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filename    TEXT NOT NULL,
    -- The file decoded to UTF-8.
    content     TEXT NOT NULL,
    -- Status given to the spaces the import creates: 'pending' or 'published'.
    new_status  TEXT NOT NULL CHECK (new_status IN ('pending', 'published')),
    created_by  BIGINT REFERENCES staff_users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    -- Set when applying starts; rows_done counts the rows handled so far, out of rows_total.
    started_at  BIGINT,
    rows_total  BIGINT NOT NULL DEFAULT 0,
    rows_done   BIGINT NOT NULL DEFAULT 0,
    -- Heartbeat of the worker applying it: a stalled import (server restarted) can be resumed.
    beat_at     BIGINT,
    finished_at BIGINT,
    -- Counts when finished, as JSON: {"created": n, "updated": n, "unchanged": n, "errors": n}.
    report_json TEXT
);
