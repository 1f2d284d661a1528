-- When a listing's information was last confirmed (issue 27): by a staff edit, an approved
-- join request or manager's proposal, or a manager's confirmation. Pages say it, and say it
-- plainly once it is older than the confirmation period. Same schema in both flavours.
ALTER TABLE spaces ADD COLUMN confirmed_at INTEGER;

-- Approving a join request (a decision, publishing its space, a merge) confirms the listing it
-- goes into, in the same transaction, whatever path approves it.
CREATE TRIGGER submissions_approved_confirms AFTER UPDATE OF decision ON submissions
WHEN NEW.decision = 'approved' AND OLD.decision IS NOT 'approved'
BEGIN
    UPDATE spaces SET confirmed_at = COALESCE(NEW.decided_at, 0)
    WHERE id = COALESCE(NEW.merged_into, NEW.space_id);
END;

-- Listings confirmed before the column existed: the last time staff saved or approved them
-- (the 2021 list, imported and never reviewed since, stays unconfirmed).
UPDATE spaces SET confirmed_at = (
    SELECT MAX(a.at) FROM audit_log a
    WHERE a.entity = 'space' AND a.entity_id = spaces.id AND a.actor_id IS NOT NULL
      AND a.action IN ('create', 'update', 'approved', 'merge')
);
