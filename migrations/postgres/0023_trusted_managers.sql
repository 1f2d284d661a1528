-- Spaces whose managers staff trust (issue 27): a change a manager of such a space proposes is
-- published at once instead of waiting for staff. It is still a proposal on record, marked
-- as published by the manager (`space_revisions.by_manager`) and audited as the manager's, so
-- staff see what each manager published. Same schema in both flavours.
ALTER TABLE spaces ADD COLUMN managers_trusted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE space_revisions ADD COLUMN by_manager BIGINT NOT NULL DEFAULT 0;
