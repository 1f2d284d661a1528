-- Who uploaded each photo (issue 27): a manager may put in their listing only a photo they
-- uploaded themselves (or the one it has, or the one its waiting proposal has), and see only
-- those; a photo's name is a digest of its bytes, so two people uploading the same picture
-- share one photo and each has an upload. Staff upload as `staff`. Same in both flavours.
CREATE TABLE photo_uploads (
    digest     TEXT NOT NULL REFERENCES photos (digest) ON DELETE CASCADE,
    uploader   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (digest, uploader)
);
