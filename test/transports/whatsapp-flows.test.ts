import { afterEach, describe, expect, it, vi } from 'vitest';
import { WhatsAppPacer } from '../../src/outbox/pacing/whatsapp.ts';
import { WhatsAppRig } from '../support/whatsapp-rig.ts';

/** The feature flows as WhatsApp people go through them: no buttons, numbers for choices, native shares. */

const SARI = '6281234567890@c.us';
const BUDI = '6285550001111@c.us';
const GROUP = '120363041234567890@g.us';
const OWN_CARD =
  'BEGIN:VCARD\nVERSION:3.0\nFN:Sari\nTEL;type=CELL;waid=6281234567890:+62 812-3456-7890\nEND:VCARD';

let rig: WhatsAppRig;
afterEach(async () => {
  vi.useRealTimers();
  await rig.close();
});

describe('supply request over WhatsApp', () => {
  it('runs the /need dialog with numbered answers, a location share and the person’s own contact card', async () => {
    rig = await new WhatsAppRig().connect();
    expect((await rig.say(SARI, 'need')).join()).toContain('What do you need?');
    expect(await rig.say(SARI, '20 water, 5 kg rice')).toEqual([
      "For how many people? Send a number.\n\n1. I don't know",
    ]);
    expect((await rig.say(SARI, '12')).join()).toMatch(
      /Share your location.*\n\n📍 📎 › Location \/ Lokasi$/s,
    );
    const urgency = await rig.say(SARI, {
      type: 'location',
      location: { latitude: -7.93, longitude: 110.39 },
    });
    expect(urgency.join()).toMatch(/How urgent.*\n1\. Low\n2\. Normal\n3\. High\n4\. Critical\n\(1-4\)$/s);
    expect((await rig.say(SARI, '3')).join()).toMatch(
      /phone number.*\n1\. Skip\n\n👤 📎 › Contact \/ Kontak$/s,
    );
    expect((await rig.say(SARI, { type: 'vcard', body: OWN_CARD, vCards: [OWN_CARD] })).join()).toContain(
      'Anything else',
    );
    const done = (await rig.say(SARI, '1')).join();
    expect(done).toContain('Your request is R-1: 20 water, 5 kg rice.');
    expect(done).toContain('DIY/Bantul/Imogiri · urgency High');
    const row = rig.h.db.prepare('SELECT people_count, urgency, contact FROM requests').get();
    expect(row).toEqual({ people_count: 12, urgency: 'high', contact: '+6281234567890' });
  });

  it('registers a group, and a verified request is announced there without the requester’s number', async () => {
    rig = await new WhatsAppRig(
      {},
      (t) =>
        new WhatsAppPacer({ minGapMs: 0, groupGapMs: 0, jitterMs: 0 }, () => t.health().state === 'ready'),
    );
    await rig.connect();
    rig.h.grant(`whatsapp:${BUDI}`, 'coordinator');
    expect((await rig.say(GROUP, 'register supply DIY/Bantul', BUDI)).join()).toContain(
      'This group is now G-1',
    );
    expect(rig.h.ledger.groups.get(1)).toMatchObject({
      transport: 'whatsapp',
      chat_id: GROUP,
      topics: ['supply'],
      active: true,
    });

    expect((await rig.say(SARI, 'need 20 water for 4 people @ -7.93,110.39')).join()).toContain('R-1');
    await rig.say(SARI, { type: 'vcard', body: OWN_CARD, vCards: [OWN_CARD] });
    const verified = await rig.say(BUDI, 'verify R-1');
    expect(verified.join('\n')).toContain('R-1 is verified and announced to 1 group(s)');
    const announced = rig.sentTo(GROUP).at(-1)!;
    expect(announced).toContain('Supply request R-1');
    expect(announced).not.toMatch(/6281234567890|812-3456/);
    expect(rig.sentTo(SARI).at(-1)).toContain('checked by a coordinator');
  });
});

describe('broadcast over WhatsApp', () => {
  it('reaches each registered group paced apart, and tells the author when all have it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pacing = { minGapMs: 5_000, groupGapMs: 30_000, jitterMs: 0 };
    rig = new WhatsAppRig({}, (t) => new WhatsAppPacer(pacing, () => t.health().state === 'ready'));
    await rig.connect();
    const { h } = rig;
    const SECOND = '120363049999999999@g.us';
    h.grant(`whatsapp:${BUDI}`, 'coordinator');
    // Registration replies go at once: they answer the coordinator who just wrote.
    await rig.say(GROUP, 'register rescue DIY/Bantul', BUDI);
    await rig.say(SECOND, 'daftar semua', BUDI);
    expect(h.count('groups')).toBe(2);

    const start = h.clock.now;
    const at = new Map<string, number>();
    const record = () => {
      for (const m of rig.clients.flatMap((c) => c.sent)) {
        const key = `${m.chatId} ${m.content.slice(0, 20)}`;
        if (!at.has(key)) at.set(key, h.clock.now - start);
      }
    };
    rig.client.receive(
      { from: BUDI, body: 'broadcast all Air bersih tiba di posko Imogiri 15:00' },
      h.clock.now,
    );
    for (let t = 0; t < 50_000; t += 100) {
      h.clock.advance(100);
      await vi.advanceTimersByTimeAsync(100);
      record();
    }
    expect([...at.entries()].filter(([k]) => !k.includes('This group'))).toEqual([
      [`${BUDI} B-1 is on its way to`, 100],
      // Each group heard the bot's registration answer at `start`: 30 s per group, 5 s between sends.
      [`${GROUP} Air bersih tiba di p`, 30_000],
      [`${SECOND} Air bersih tiba di p`, 35_000],
      [`${BUDI} B-1 delivered: all 2`, 40_000],
    ]);
  });
});

describe('volunteer sign-up over WhatsApp', () => {
  it('answers every step with numbers and a district name, consenting to the WhatsApp number itself', async () => {
    rig = await new WhatsAppRig().connect();
    expect((await rig.say(SARI, 'volunteer')).join()).toContain('What is your name?');
    expect((await rig.say(SARI, 'Sari')).join()).toMatch(/\n1\. medical\n.*\n10\. other\n\(1-10\)$/s);
    expect((await rig.say(SARI, '1,3')).join()).toContain('📍 📎 › Location / Lokasi');
    expect((await rig.say(SARI, 'Imogiri')).join()).toContain('Which languages');
    expect((await rig.say(SARI, '1')).join()).toMatch(/this number \(\+6281234567890\)\?\n\n1\. Yes\n2\. No/);
    expect((await rig.say(SARI, '1')).join()).toContain('You are volunteer V-1');
    const row = rig.h.db.prepare('SELECT person_id, skills, area, phone FROM volunteers').get();
    expect(row).toEqual({
      person_id: `whatsapp:${SARI}`,
      skills: '["medical","boat"]',
      area: 'DIY/Bantul/Imogiri',
      phone: '+6281234567890',
    });
  });
});

describe('rescue over WhatsApp', () => {
  it('a location share followed by a bare SOS opens a case at once; numbers enrich it', async () => {
    rig = await new WhatsAppRig().connect();
    await rig.say(BUDI, { type: 'location', location: { latitude: -7.93, longitude: 110.39 } });
    const opened = await rig.say(BUDI, 'SOS');
    expect(opened[0]).toContain('Your rescue report is S-1');
    expect(opened[1]).toMatch(/How many people.*\n\n1\. skip$/s);
    expect((await rig.say(BUDI, '4')).join()).toMatch(
      /\n1\. injured\n.*\n7\. none of these\n8\. skip\n\(1-8\)$/s,
    );
    expect((await rig.say(BUDI, '1, 5')).join()).toContain('S-1: 4 people; injured, trapped');
    const row = rig.h.db
      .prepare('SELECT reporter, lat, lon, area, people_count, conditions FROM rescues')
      .get();
    expect(row).toEqual({
      reporter: `whatsapp:${BUDI}`,
      lat: -7.93,
      lon: 110.39,
      area: 'DIY/Bantul/Imogiri',
      people_count: 4,
      conditions: '["injured","trapped"]',
    });
  });
});
