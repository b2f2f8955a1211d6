-- Pseudonymous ledger (issue 15): events name people by `P-n`, and the platform address behind each
-- pseudonym (a WhatsApp id is a phone number) lives here alone. Forgetting a person sets it NULL; the
-- number is never given to anyone else. The code step in src/ledger/rechain.ts then rewrites the
-- events already stored with pseudonyms and re-chains them (see README, Privacy).
CREATE TABLE pseudonyms (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  address   TEXT    UNIQUE,
  erased_at INTEGER
);
