-- A manager's changes that arrived after their session had ended (issue 27): kept for a day,
-- for the browser that sent them (a cookie holds the key, stored here as SHA-256), and put
-- back in the editor once they sign in again — nothing typed is lost. The form's text fields,
-- url-encoded as sent. Same schema in both flavours.
CREATE TABLE manager_drafts (
    token_hash TEXT PRIMARY KEY,
    space_id   BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    fields     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
