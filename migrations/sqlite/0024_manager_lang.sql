-- The language each manager reads Spazi in (issue 27), for the e-mails sent without a request
-- of theirs (the yearly request to confirm, its reminder): the language of their join request,
-- then of the managers' area where they last asked for a sign-in link. Same in both flavours.
ALTER TABLE space_managers ADD COLUMN lang TEXT NOT NULL DEFAULT 'it';

UPDATE space_managers SET lang = COALESCE((
    SELECT s.lang FROM submissions s
    WHERE lower(trim(s.contact_email)) = space_managers.email AND s.decision = 'approved'
    ORDER BY s.id DESC LIMIT 1), 'it')
WHERE source = 'request';

DROP TRIGGER submissions_approved_manager;
CREATE TRIGGER submissions_approved_manager AFTER UPDATE OF decision ON submissions
WHEN NEW.decision = 'approved' AND OLD.decision IS NOT 'approved'
BEGIN
    INSERT OR IGNORE INTO space_managers (space_id, email, added_at, source, lang)
    VALUES (COALESCE(NEW.merged_into, NEW.space_id), lower(trim(NEW.contact_email)),
            COALESCE(NEW.decided_at, 0), 'request', NEW.lang);
END;
