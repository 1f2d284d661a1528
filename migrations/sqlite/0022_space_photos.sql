-- A photo per space (issue 27). An upload is decoded within limits, cropped to 3:2 and
-- re-encoded as JPEG at two widths with no metadata (`backend::photos`); both sizes are stored
-- here, in the database, so that every app server serves them. A photo is named by a digest
-- of its bytes: the listing (and a proposal, a form shown again) refers to it by that name, and
-- its addresses never change, so browsers keep it for a year. Photos that no listing and no
-- waiting proposal uses are deleted after a day (`maintenance`).
CREATE TABLE photos (
    digest     TEXT PRIMARY KEY,
    card       BLOB NOT NULL,
    page       BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
ALTER TABLE spaces ADD COLUMN photo TEXT REFERENCES photos (digest);
ALTER TABLE spaces ADD COLUMN photo_alt TEXT;
