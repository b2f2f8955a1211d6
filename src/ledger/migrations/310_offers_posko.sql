-- Mobilising resources (issue 27): what donors offer, the collection posts (posko) goods pass through,
-- and the matches a coordinator confirms between a verified request and an offer.

-- An offer (`O-n`). The donor's point, address and phone are personal (erased by /forget); the area,
-- the items and the dates are the structured fields groups and exports may show.
CREATE TABLE offers (
  id          INTEGER PRIMARY KEY,
  donor       TEXT    NOT NULL,
  lat         REAL,
  lon         REAL,
  address     TEXT,
  area        TEXT,
  until       INTEGER NOT NULL,
  delivery    TEXT    NOT NULL DEFAULT 'brings' CHECK (delivery IN ('brings', 'pickup')),
  contact     TEXT,
  status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'expired', 'withdrawn')),
  renew_asked INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX offers_status ON offers (status, area);
CREATE INDEX offers_donor ON offers (donor);

-- One line of an offer: a catalog item (or `other` with the donor's words) and how much of it is left
-- to match. `committed` grows with each match, so an offer is never pledged twice.
CREATE TABLE offer_items (
  offer_id  INTEGER NOT NULL REFERENCES offers (id),
  line      INTEGER NOT NULL,
  item      TEXT    NOT NULL,
  text      TEXT,
  qty       REAL,
  unit      TEXT,
  committed REAL    NOT NULL DEFAULT 0 CHECK (committed >= 0),
  PRIMARY KEY (offer_id, line)
);
CREATE INDEX offer_items_item ON offer_items (item);

-- A collection post (`K-n`). Its contact is public by design: people must be able to reach it.
CREATE TABLE posko (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  lat        REAL,
  lon        REAL,
  address    TEXT,
  area       TEXT,
  hours      TEXT,
  accepts    TEXT    NOT NULL DEFAULT '[]',
  contact    TEXT,
  created_by TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Goods received (+) and handed out (-) at a posko; the stock is their sum, never below zero.
CREATE TABLE stock_movements (
  id       INTEGER PRIMARY KEY,
  posko_id INTEGER NOT NULL REFERENCES posko (id),
  item     TEXT    NOT NULL,
  unit     TEXT,
  qty      REAL    NOT NULL,
  actor    TEXT    NOT NULL,
  at       INTEGER NOT NULL
);
CREATE INDEX stock_movements_posko ON stock_movements (posko_id, item);

-- A confirmed match: `qty` of one item of an offer pledged to a request, then brought to a posko and
-- delivered. Made only by a coordinator's /match, never silently.
CREATE TABLE matches (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES requests (id),
  offer_id   INTEGER NOT NULL REFERENCES offers (id),
  line       INTEGER NOT NULL,
  item       TEXT    NOT NULL,
  qty        REAL,
  status     TEXT    NOT NULL DEFAULT 'pledged' CHECK (status IN ('pledged', 'at-posko', 'delivered', 'cancelled')),
  posko_id   INTEGER REFERENCES posko (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX matches_request ON matches (request_id);
CREATE INDEX matches_offer ON matches (offer_id);
