-- Joining the Forum: what a space tells about itself beyond the map's fields, the submission
-- (contact person, survey, consents) kept beside the pending space it created, and the rate
-- limits of public forms. Same schema in both flavours.
ALTER TABLE spaces ADD COLUMN opening_hours TEXT;
ALTER TABLE spaces ADD COLUMN services TEXT;
-- Partita IVA or codice fiscale, checked when given; never published.
ALTER TABLE organisations ADD COLUMN tax_code TEXT;

CREATE TABLE submissions (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Shown to the submitter and quoted in e-mails, e.g. "ADR-7K3M-9QXT".
    reference        TEXT NOT NULL UNIQUE,
    space_id         BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    -- The contact person: for staff only, never published.
    contact_name     TEXT NOT NULL,
    contact_role     TEXT,
    contact_email    TEXT NOT NULL,
    contact_phone    TEXT,
    -- The Forum survey: needs as a JSON list of codes, free texts.
    needs_json       TEXT NOT NULL DEFAULT '[]',
    needs_other      TEXT,
    vision           TEXT,
    -- When the privacy notice was accepted; the optional consent to be contacted (0/1).
    consent_privacy_at BIGINT NOT NULL,
    consent_contact  BIGINT NOT NULL DEFAULT 0 CHECK (consent_contact IN (0, 1)),
    lang             TEXT NOT NULL DEFAULT 'it',
    submitted_at     BIGINT NOT NULL,
    -- Staff review: NULL while pending; 'approved', 'changes-requested' or 'rejected'.
    decision         TEXT CHECK (decision IN ('approved', 'changes-requested', 'rejected')),
    decision_reason  TEXT,
    decided_by       BIGINT REFERENCES staff_users (id) ON DELETE SET NULL,
    decided_at       BIGINT
);
CREATE INDEX submissions_space ON submissions (space_id);

-- Events counted by the public forms' rate limits (per client address), pruned as they age.
CREATE TABLE rate_limit_events (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bucket TEXT NOT NULL,
    client TEXT NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX rate_limit_events_lookup ON rate_limit_events (bucket, client, at);
