-- Versions of the data behind cached pages (see app::page_cache). Triggers raise a version in
-- the same transaction as the change, so whoever reads the new version also reads the new data,
-- from any app server.
CREATE TABLE data_versions (
    name    TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('directory', 0);

-- The directory (map page): published spaces, their kinds, the municipalities. Changes to
-- spaces that are not published, before or after, do not show there.
CREATE TRIGGER spaces_directory_insert AFTER INSERT ON spaces
WHEN NEW.status = 'published'
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER spaces_directory_update AFTER UPDATE ON spaces
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER spaces_directory_delete AFTER DELETE ON spaces
WHEN OLD.status = 'published'
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER space_kinds_directory_insert AFTER INSERT ON space_kinds
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER space_kinds_directory_update AFTER UPDATE ON space_kinds
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER space_kinds_directory_delete AFTER DELETE ON space_kinds
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER municipalities_directory_insert AFTER INSERT ON municipalities
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER municipalities_directory_update AFTER UPDATE ON municipalities
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER municipalities_directory_delete AFTER DELETE ON municipalities
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
