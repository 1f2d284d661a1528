-- Changes proposed by a space's manager (issue 27): the public listing stays as it is until
-- staff approve. Same schema in the sqlite and postgres flavours.
CREATE TABLE space_revisions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    space_id     BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
    -- The manager who proposed it (an address of space_managers when proposed) and the
    -- language they wrote in (the decision's e-mail is in it).
    email        TEXT NOT NULL,
    lang         TEXT NOT NULL DEFAULT 'it',
    -- The listing's values as the manager's form showed them, and as they sent it (JSON of
    -- the space form): approving applies only what the manager changed, over the listing as
    -- it is then (staff may have changed other fields meanwhile).
    base_json     TEXT NOT NULL,
    proposed_json TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    -- 'pending' until staff decide; a newer proposal for the space supersedes a pending one.
    status       TEXT NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
    reason       TEXT,
    decided_by   BIGINT REFERENCES staff_users (id) ON DELETE SET NULL,
    decided_at   BIGINT
);
CREATE INDEX space_revisions_space ON space_revisions (space_id, status);
CREATE INDEX space_revisions_status ON space_revisions (status, created_at);
