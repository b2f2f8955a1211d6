-- Numbers a coordinator registered as public (a post's hotline): the redaction lets them through.
-- `key` is the number's canonical digits (62812...), so every way of writing it matches.
CREATE TABLE public_contacts (
  key        TEXT    PRIMARY KEY,
  number     TEXT    NOT NULL,
  label      TEXT    NOT NULL,
  added_by   TEXT    NOT NULL,
  created_at INTEGER NOT NULL
);
