import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.ts';
import { COORDINATOR, group, statusOf, volunteer_ } from './support.ts';

let h: Harness;
beforeEach(() => {
  h = new Harness();
  h.grant(COORDINATOR, 'coordinator');
});
afterEach(() => h.close());

const ANI = { id: 'telegram:301', language: 'id' };
const BEN = 'telegram:302';

/** Ani's request with a phone number, an exact point and a street address. */
function aniRequest(): number {
  // A minute apart, so flood control (20 messages a minute) never holds Ani's answers back.
  h.clock.advance(61_000);
  h.send(ANI, '/butuh');
  for (const a of [
    '20 air, popok',
    '7',
    'Jl. Imogiri Timur No. 12, Imogiri',
    '4',
    '0812 3456 7890',
    'rumah cat biru',
  ])
    h.send(ANI, a);
  h.newRows();
  return h.db.prepare('SELECT MAX(id) FROM requests').pluck().get() as number;
}
const toPerson = (rows: { chat_id: string; text: string }[], personId: string) =>
  rows.filter((r) => r.chat_id === personId.split(':')[1]).map((r) => r.text);

describe('the requester hears about every change, in their language', () => {
  it('verified, assigned, closed', () => {
    const id = aniRequest();
    expect(toPerson(h.send(COORDINATOR, `/verify R-${id}`), ANI.id)).toEqual([
      `Permintaan Anda R-${id} sudah diperiksa koordinator dan sekarang bisa dilihat relawan.`,
    ]);
    const v = volunteer_(h, 'telegram:401');
    const assigned = h.send(COORDINATOR, `/assign R-${id} V-${v}`);
    expect(toPerson(assigned, ANI.id)[0]).toContain(
      `Seorang relawan sudah mengambil permintaan Anda R-${id}`,
    );
    const toVolunteer = toPerson(assigned, 'telegram:401')[0]!;
    // The assigned volunteer sees the full record: address, exact point, contact, note.
    expect(toVolunteer).toContain('Jl. Imogiri Timur No. 12, Imogiri');
    expect(toVolunteer).toContain('081234567890');
    expect(toVolunteer).toContain('rumah cat biru');
    expect(toVolunteer).toContain('20 water, diapers');
    h.db.prepare("UPDATE requests SET status = 'delivered' WHERE id = ?").run(id);
    expect(toPerson(h.send(COORDINATOR, `/close R-${id} diterima`), ANI.id)[0]).toContain(
      `Permintaan Anda R-${id} sudah ditutup (diterima)`,
    );
  });

  it('rejected with the reason, and a duplicate with the request followed instead', () => {
    const first = aniRequest();
    expect(h.say(COORDINATOR, `/reject R-${first}`)).toContain('give the reason');
    expect(statusOf(h, first)).toBe('new');
    const rej = h.send(COORDINATOR, `/tolak R-${first} di luar wilayah kami`);
    expect(toPerson(rej, ANI.id)[0]).toContain('tidak dapat diterima: di luar wilayah kami');
    const a = aniRequest();
    const b = aniRequest();
    expect(toPerson(h.send(COORDINATOR, `/dup R-${b} R-${a} same family`), ANI.id)[0]).toContain(
      `Permintaan Anda R-${b} sama dengan R-${a}`,
    );
    expect(h.db.prepare('SELECT duplicate_of FROM requests WHERE id = ?').pluck().get(b)).toBe(a);
    expect(h.say(COORDINATOR, `/dup R-${a} R-${a}`)).toContain('cannot be a duplicate of itself');
    expect(h.say(COORDINATOR, `/dup R-${a} R-${first}`)).toContain(`R-${first} is "rejected"`);
  });

  it('hands a request to another volunteer and tells the first one', () => {
    const id = aniRequest();
    h.send(COORDINATOR, `/verify R-${id}`);
    const v1 = volunteer_(h, 'telegram:411');
    const v2 = volunteer_(h, 'telegram:412');
    h.send(COORDINATOR, `/assign R-${id} V-${v1}`);
    expect(h.say(COORDINATOR, `/assign R-${id} V-${v1}`)).toContain(`already with V-${v1}`);
    const rows = h.send(COORDINATOR, `/assign R-${id} v${v2} has a truck`);
    expect(toPerson(rows, 'telegram:411')[0]).toContain('given to another volunteer');
    expect(toPerson(rows, 'telegram:412')[0]).toContain(`You have been given supply request R-${id}`);
    const left = volunteer_(h, 'telegram:413', 'left');
    expect(h.say(COORDINATOR, `/assign R-${id} V-${left}`)).toContain('no longer an active volunteer');
    expect(h.say(COORDINATOR, `/assign R-${id} V-999`)).toContain('There is no volunteer V-999');
    expect(h.say(COORDINATOR, `/assign R-${id} Budi`)).toContain('is not a volunteer');
  });
});

describe('announcements to supply groups', () => {
  it('go to registered groups of the area and above, with no phone, address or exact point', () => {
    const bantul = group(h, '-1001', 'DIY/Bantul');
    const whole = group(h, '-1002', null);
    group(h, '-1003', 'DIY/Sleman');
    group(h, '-1004', 'DIY/Bantul', ['rescue']);
    const id = aniRequest();
    h.db.prepare('UPDATE requests SET lat = -7.927123, lon = 110.393789 WHERE id = ?').run(id);
    const rows = h.send(COORDINATOR, `/verify R-${id}`);
    expect(rows[0]!.text).toContain('announced to 2 group(s)');
    const announced = rows.filter((r) => r.kind === 'group');
    expect(announced.map((r) => r.group_id).sort()).toEqual([bantul, whole].sort());
    for (const r of announced) {
      expect(r.text).toContain(`R-${id}`);
      expect(r.text).toContain('DIY/Bantul/Imogiri ~-7.93,110.39');
      expect(r.text).not.toMatch(/0812|3456|7890|6281/);
      expect(r.text).not.toContain('Jl. Imogiri Timur');
      expect(r.text).not.toContain('rumah cat biru');
      expect(r.text).not.toMatch(/\d+\.\d{3,}/);
    }
  });

  it('reach only region-wide groups for a request outside every known area', () => {
    group(h, '-1001', 'DIY/Bantul');
    const whole = group(h, '-1002', null);
    h.send(BEN, '/need 5 tents for 4 people @ -6.2,106.8');
    expect(h.say(COORDINATOR, '/open')).toContain('outside the known areas');
    const rows = h.send(COORDINATOR, '/verify R-1').filter((r) => r.kind === 'group');
    expect(rows.map((r) => r.group_id)).toEqual([whole]);
    expect(rows[0]!.text).toContain('in ~-6.20,106.80: 5 tents');
  });
});

describe('likely duplicates at /verify', () => {
  it('flags the same requester and the same area with shared items, and changes nothing until confirmed', () => {
    const a = aniRequest();
    h.send(BEN, '/need 10 water for 4 people @ Imogiri');
    const ben = h.db.prepare('SELECT MAX(id) FROM requests').pluck().get() as number;
    h.send('telegram:303', '/need 3 tents for 4 people @ Imogiri');
    h.send('telegram:304', '/need 10 water for 4 people @ Sleman');
    const b = aniRequest();
    const warning = h.send(COORDINATOR, `/verify R-${b}`)[0]!;
    expect(warning.text).toContain(`R-${b} may be a duplicate of`);
    expect(warning.text).toContain(`R-${a} (same person`);
    expect(warning.text).toContain(`R-${ben} (same area and items`);
    expect(warning.text.split('\n').filter((l) => /^R-\d+ \(/.test(l))).toHaveLength(2);
    expect(JSON.parse(warning.extra!).choices.map((c: { value: string }) => c.value)).toEqual([
      `/dup R-${b} R-${a}`,
      `/dup R-${b} R-${ben}`,
      `/verify R-${b} ok`,
    ]);
    expect(statusOf(h, b)).toBe('new');
    expect(h.say(COORDINATOR, '1')).toContain(`R-${b} is marked as a duplicate of R-${a}`);
    expect(statusOf(h, b)).toBe('duplicate');
  });

  it('forgets requests older than 24 hours', () => {
    aniRequest();
    h.clock.advance(25 * 3_600_000);
    const b = aniRequest();
    expect(h.say(COORDINATOR, `/verify R-${b}`)).toContain('is verified');
  });
});

describe('/cancel R-n', () => {
  it('cancels the sender own request, tells the volunteer, and refuses anyone else', () => {
    const id = aniRequest();
    h.send(COORDINATOR, `/verify R-${id}`);
    const v = volunteer_(h, 'telegram:421');
    h.send(COORDINATOR, `/assign R-${id} V-${v}`);
    expect(h.say(BEN, `/cancel R-${id}`)).toContain(`R-${id} is not one of your requests`);
    expect(h.say(COORDINATOR, `/cancel R-${id}`)).toContain('not one of your requests');
    expect(statusOf(h, id)).toBe('assigned');
    const rows = h.send(ANI, `/batal R-${id}`);
    expect(toPerson(rows, ANI.id)[0]).toContain(`Permintaan Anda R-${id} sudah dibatalkan`);
    expect(toPerson(rows, 'telegram:421')[0]).toContain(`cancelled supply request R-${id}`);
    expect(statusOf(h, id)).toBe('cancelled');
    expect(h.say(BEN, '/cancel R-999')).toContain('There is no request R-999');
    expect(h.say(BEN, '/cancel S-4')).toContain('S-4 is not a supply request');
    expect(h.say(BEN, '/cancel please')).toContain('Use it like this');
  });
});

describe('/status', () => {
  it('lists the person own requests and rescue cases with their states', () => {
    expect(h.say(BEN, '/status')).toContain('You have no requests');
    h.send(BEN, '/need 10 water for 4 people @ Sleman');
    h.send(BEN, '/need 2 tarps for 4 people @ Sleman');
    h.send(COORDINATOR, '/verify R-2 ok');
    h.send('telegram:399', '/need 1 soap for 4 people @ Sleman');
    h.db
      .prepare(`INSERT INTO rescues (reporter, area, status, created_at, updated_at)
        VALUES (?, 'DIY/Sleman', 'acknowledged', 0, 0)`)
      .run(BEN);
    const out = h.say(BEN, '/status');
    expect(out).toContain('R-1: 10 water · new, waiting for a check');
    expect(out).toContain('R-2: 2 tarps · verified, waiting for a volunteer');
    expect(out).toContain('S-1 (rescue, DIY/Sleman) · seen by coordinators');
    expect(out).not.toContain('R-3');
  });
});

describe('/open', () => {
  it('lists live requests by urgency, then people, then age, ten to a page', () => {
    const make = (text: string, urgency: string, people: number) => {
      h.send(BEN, `/need ${text} for 4 people @ Sleman`);
      const id = h.db.prepare('SELECT MAX(id) FROM requests').pluck().get() as number;
      h.db.prepare('UPDATE requests SET urgency = ?, people_count = ? WHERE id = ?').run(urgency, people, id);
      h.clock.advance(60_000);
      return id;
    };
    const low = make('soap', 'low', 100);
    const critSmall = make('water', 'critical', 2);
    const critBig = make('rice', 'critical', 50);
    const highOld = make('tarp', 'high', 5);
    const highNew = make('tent', 'high', 5);
    const closed = make('eggs', 'critical', 900);
    h.db.prepare("UPDATE requests SET status = 'closed' WHERE id = ?").run(closed);
    for (let i = 0; i < 8; i++) make(`${i + 1} blanket`, 'normal', 1);
    h.clock.advance(3 * 3_600_000);
    const page1 = h.send(COORDINATOR, '/open')[0]!;
    const refs = page1.text
      .split('\n')
      .slice(1)
      .map((l) => l.split(' · ')[0]);
    expect(refs.slice(0, 5)).toEqual(
      [critBig, critSmall, highOld, highNew, 'x']
        .slice(0, 4)
        .map((i) => `R-${i}`)
        .concat(refs[4]!),
    );
    expect(refs).toHaveLength(10);
    expect(refs).not.toContain(`R-${closed}`);
    expect(refs).not.toContain(`R-${low}`);
    expect(page1.text).toContain('Open supply requests in all areas (13), page 1 of 2');
    expect(page1.text).toContain('R-3 · Critical · 50 people · 3 h');
    expect(JSON.parse(page1.extra!).choices).toEqual([{ value: '/open 2', label: 'Page 2' }]);
    const page2 = h.say(COORDINATOR, '1');
    expect(page2).toContain('page 2 of 2');
    expect(page2.split('\n').at(-1)).toContain(`R-${low} · Low`);
    expect(h.say(COORDINATOR, '/terbuka 9')).toContain('There is no page 9');
    expect(h.say(COORDINATOR, '/open Atlantis')).toContain('I do not know the area "Atlantis"');
  });

  it('narrows to an area and everything below it', () => {
    h.send(BEN, '/need 10 water for 4 people @ Imogiri');
    h.send(BEN, '/need 2 tarps for 4 people @ Bantul');
    h.send(BEN, '/need 3 tents for 4 people @ Sleman');
    const bantul = h.say(COORDINATOR, '/open Bantul');
    expect(bantul).toContain('Open supply requests in DIY/Bantul (2)');
    expect(bantul).toContain('R-1 ·');
    expect(bantul).toContain('R-2 ·');
    expect(bantul).not.toContain('R-3 ·');
    expect(h.say(COORDINATOR, '/terbuka Imogiri 1')).toContain('R-1 ·');
    expect(h.say(COORDINATOR, '/open Kulon Progo')).toContain('No open supply requests (DIY/Kulon Progo)');
  });
});
