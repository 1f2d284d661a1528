-- The open-data exports (app::opendata, cached per directory data version like the map page)
-- show each space's organisation: a change to an organisation raises the version too.
-- Organisations change rarely, so no narrower condition. (An insert changes nothing shown
-- until a space refers to it, which raises the version itself.)
CREATE TRIGGER organisations_directory_update AFTER UPDATE ON organisations
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
CREATE TRIGGER organisations_directory_delete AFTER DELETE ON organisations
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
END;
