-- Indexes for a large directory (thousands of spaces) and for bursts of registrations.
--
-- The map page lists published spaces a page at a time in name order: the search text starts
-- with the name's search key, so this index walks them in order (a prefix keeps the key short:
-- index entries are limited in size; byte order, as on SQLite, whatever the database's locale).
CREATE INDEX spaces_directory ON spaces (status, (substr(search_text, 1, 200)) COLLATE "C", id);
-- The rate limiter forgets events older than a day on every call.
CREATE INDEX rate_limit_events_at ON rate_limit_events (at);
-- An RSVP whose "organisation or space" is exactly a mapped space's name is linked to it; the
-- lookup runs inside the registration's transaction, so it must not read every space.
CREATE INDEX spaces_name_lower ON spaces (lower(name));
