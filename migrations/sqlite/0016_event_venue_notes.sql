-- What an event's page says about its venue beyond the address: how to get there (public
-- transport, bike, parking) and the venue's accessibility, each in Italian and optionally
-- English, as staff write them.
ALTER TABLE events ADD COLUMN travel_it TEXT;
ALTER TABLE events ADD COLUMN travel_en TEXT;
ALTER TABLE events ADD COLUMN access_it TEXT;
ALTER TABLE events ADD COLUMN access_en TEXT;
