-- An import's file is kept compressed (gzip) in content_gz; content stays for the imports
-- stored before, and is empty for the new ones. A file of megabytes stored as one text value
-- was copied several times over on its way into the database and back (issue 21).
ALTER TABLE space_imports ADD COLUMN content_gz BLOB;
