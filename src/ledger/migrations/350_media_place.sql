-- Where a photo's EXIF said it was taken, when that was recent (issue 30): offered to the sender as their
-- location ("Is this where you are?") when none is known. Erased with the row. `place_offer`: null (not
-- offered), 'open' (asked, waiting for yes or no), 'taken', 'declined', or 'lapsed' (answered otherwise).
ALTER TABLE attachments ADD COLUMN place_lat REAL;
ALTER TABLE attachments ADD COLUMN place_lon REAL;
ALTER TABLE attachments ADD COLUMN place_offer TEXT;
