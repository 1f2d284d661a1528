-- A join request about a space already on the map is merged into it: its information goes onto
-- the existing listing (chosen field by field), the request is closed as approved with
-- merged_into naming that listing, and the space the request had proposed is archived.
ALTER TABLE submissions ADD COLUMN merged_into INTEGER REFERENCES spaces (id) ON DELETE SET NULL;
