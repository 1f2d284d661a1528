-- Two more sizes of each space photo (issue 27), so no page loads more pixels than it shows:
-- 240 pixels wide for the list's thumbnails (shown 120 CSS px wide; they loaded the 360-pixel
-- size), 720 for the space page on phones (it loaded the 1200-pixel size, twice the bytes).
-- Photos stored before have neither until maintenance makes them from a larger stored size;
-- until then that larger size is served at their addresses.
ALTER TABLE photos ADD COLUMN thumb BYTEA;
ALTER TABLE photos ADD COLUMN phone BYTEA;
