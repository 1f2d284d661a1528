-- The open-data exports (app::opendata, cached per directory data version like the map page)
-- show each space's organisation: a change to an organisation raises the version too.
-- Organisations change rarely, so no narrower condition. (An insert changes nothing shown
-- until a space refers to it, which raises the version itself.)
CREATE CONSTRAINT TRIGGER organisations_directory AFTER UPDATE OR DELETE ON organisations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_directory_version();
