-- Versions of the data behind cached pages (see app::page_cache). Triggers raise a version in
-- the same transaction as the change, so whoever reads the new version also reads the new data,
-- from any app server.
CREATE TABLE data_versions (
    name    TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('directory', 0);

CREATE FUNCTION raise_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
    RETURN NULL;
END
$$;

-- The directory (map page): published spaces, their kinds, the municipalities. Changes to
-- spaces that are not published, before or after, do not show there. The triggers run at
-- commit (deferred constraint triggers): the version row is locked only then, after every
-- other lock of the transaction, so two writers can never wait on each other through it.
CREATE CONSTRAINT TRIGGER spaces_directory_insert AFTER INSERT ON spaces
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (NEW.status = 'published') EXECUTE FUNCTION raise_directory_version();
CREATE CONSTRAINT TRIGGER spaces_directory_update AFTER UPDATE ON spaces
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION raise_directory_version();
CREATE CONSTRAINT TRIGGER spaces_directory_delete AFTER DELETE ON spaces
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (OLD.status = 'published') EXECUTE FUNCTION raise_directory_version();
CREATE CONSTRAINT TRIGGER space_kinds_directory AFTER INSERT OR UPDATE OR DELETE ON space_kinds
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_directory_version();
CREATE CONSTRAINT TRIGGER municipalities_directory AFTER INSERT OR UPDATE OR DELETE ON municipalities
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_directory_version();
