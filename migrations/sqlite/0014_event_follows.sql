-- Staff follow events: each morning (SPAZI_DIGEST_HOUR, Rome time) a member of staff who
-- follows events gets one e-mail with the registrations and cancellations since the last one.
-- digest_until is the end of the window of the last digest made for them (NULL: none yet).
CREATE TABLE event_follows (
    user_id    INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, event_id)
);
CREATE INDEX event_follows_event ON event_follows (event_id);
ALTER TABLE staff_users ADD COLUMN digest_until INTEGER;
