-- An e-mail's content (about 2.5 KB with its calendar file) apart from its delivery state.
-- Content is written once; the state is rewritten when a worker claims the message and again
-- when it is sent. With both in one row, every claim and every "sent" mark rewrote a whole
-- database page per message; the state rows are small (a few dozen to a page). Under a burst
-- of registrations SQLite's log per registration went from 12.2 to 11.4 KB (most of the rest
-- is the random pages of the unique indexes on rsvps).
-- The id is the outbox row's, without a foreign key: on PostgreSQL the check locks the outbox
-- row for every insert, which cost a third of the registrations a second under a burst. What
-- deletes outbox rows (retention, erasure) deletes their content first, in one transaction.
CREATE TABLE email_bodies (
    id               BIGINT PRIMARY KEY,
    body_text        TEXT NOT NULL,
    body_html        TEXT,
    -- JSON list of text attachments: [{"filename", "content_type", "content"}] (calendar files).
    attachments_json TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO email_bodies (id, body_text, body_html, attachments_json)
    SELECT id, body_text, body_html, attachments_json FROM email_outbox;
ALTER TABLE email_outbox DROP COLUMN body_text;
ALTER TABLE email_outbox DROP COLUMN body_html;
ALTER TABLE email_outbox DROP COLUMN attachments_json;
