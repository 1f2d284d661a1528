-- The transactional outbox: an e-mail is a row written in the same transaction as what it
-- tells about (a submission, an RSVP), so it is never lost and never sent for something that
-- was rolled back. Workers on any app server claim rows for a while (a lease), send them over
-- SMTP, and mark them sent — or schedule a retry with backoff. Same schema in both flavours.
CREATE TABLE email_outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT,
    -- JSON list of text attachments: [{"filename", "content_type", "content"}] (calendar files).
    attachments_json TEXT NOT NULL DEFAULT '[]',
    created_at       INTEGER NOT NULL,
    -- Not before this time (retries are pushed back).
    available_at     INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    -- The worker holding it and until when; a lease that runs out frees the row again.
    claimed_by       TEXT,
    claimed_until    INTEGER,
    sent_at          INTEGER,
    -- Given up after too many attempts (shown to staff; can be retried by hand).
    failed_at        INTEGER
);
CREATE INDEX email_outbox_due ON email_outbox (sent_at, failed_at, available_at);
