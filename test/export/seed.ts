import type { Harness } from '../support/harness.ts';

/** Hostile and personal values the exports must quote, neutralise or leave out. */
export const PHONE = '+6281234567890';
export const REQUESTER = 'whatsapp:6281298765432@c.us';
export const GROUP_TITLE = 'Posko "Imogiri", RT 3\nBantul';
// The link is on an allow-listed public host: a link to any other host is removed by the redaction.
export const FORMULAS = ['=HYPERLINK("https://bnpb.go.id")', '+1+1', '-1+1', '@SUM(A1)', '\tcmd', '\rcmd'];

/** A small disaster: two supply requests, two rescues (one without coordinates), a volunteer, groups, a broadcast. */
export function seed(h: Harness): void {
  const db = h.db;
  const at = h.clock.now;
  const day = 86_400_000;
  db.prepare(
    `INSERT INTO volunteers (id, person_id, name, skills, area, lat, lon, phone, created_at, updated_at)
     VALUES (1, 'telegram:300', 'Ani Rahma', '["medical","boat"]', 'DIY/Bantul/Imogiri', -7.912345, 110.391234, ?, ?, ?)`,
  ).run(PHONE, at, at);
  const request = db.prepare(
    `INSERT INTO requests (id, requester, items, people_count, lat, lon, address, area, urgency, contact, notes,
       status, assigned_volunteer, created_at, updated_at)
     VALUES (@id, @requester, @items, @people, @lat, @lon, @address, @area, 'high', @contact, @notes, @status, @vol, @at, @at)`,
  );
  request.run({
    id: 1,
    requester: REQUESTER,
    items: JSON.stringify([
      { item: 'water', qty: 20, unit: 'l' },
      { item: 'other', qty: 2, text: FORMULAS[0] },
    ]),
    people: 12,
    lat: -7.801234,
    lon: 110.364567,
    address: 'Jl. Imogiri Timur km 8, rumah pak Budi',
    area: 'DIY/Bantul/Imogiri',
    contact: PHONE,
    notes: `call me at ${PHONE}`,
    status: 'verified',
    vol: 1,
    at: at - 3 * day,
  });
  request.run({
    id: 2,
    requester: 'telegram:301',
    items: JSON.stringify([{ item: 'rice', qty: 5, unit: 'kg' }]),
    people: 3,
    lat: null,
    lon: null,
    address: null,
    area: 'DIY/Sleman',
    contact: null,
    notes: null,
    status: 'new',
    vol: null,
    at,
  });
  const rescue = db.prepare(
    `INSERT INTO rescues (id, reporter, lat, lon, area, people_count, conditions, contact, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  rescue.run(
    1,
    REQUESTER,
    -7.955555,
    110.377777,
    'DIY/Bantul',
    4,
    '["children","trapped"]',
    PHONE,
    'open',
    at,
    at,
  );
  rescue.run(2, 'telegram:302', null, null, 'DIY/Sleman', 1, '[]', null, 'acknowledged', at, at);
  const group = db.prepare(
    `INSERT INTO groups (id, transport, chat_id, title, topics, area, created_at, updated_at)
     VALUES (?, 'telegram', ?, ?, '["rescue"]', 'DIY/Bantul', ?, ?)`,
  );
  group.run(1, '-1001', GROUP_TITLE, at, at);
  FORMULAS.forEach((title, i) => {
    group.run(i + 2, `-100${i + 2}`, title, at, at);
  });
  db.prepare(
    `INSERT INTO broadcasts (id, author, text, target, state, created_at, updated_at)
     VALUES (1, 'telegram:400', 'Air bersih di posko, 10:00', 'supply DIY/Bantul', 'done', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO outbox (transport, chat_id, chat_kind, kind, text, broadcast_id, group_id, state, next_at, created_at)
     VALUES ('telegram', '-1001', 'group', 'group', 'x', 1, 1, 'sent', ?, ?)`,
  ).run(at, at);
  // The broadcast's delivery row is history, not something a test's message caused.
  h.newRows();
}
