import { afterEach, describe, expect, it } from 'vitest';
import { WhatsAppPacer } from '../../src/outbox/pacing/whatsapp.ts';
import { WhatsAppRig } from '../support/whatsapp-rig.ts';

/** The feature flows as WhatsApp people go through them: no buttons, numbers for choices, native shares. */

const SARI = '6281234567890@c.us';
const BUDI = '6285550001111@c.us';
const GROUP = '120363041234567890@g.us';
const OWN_CARD =
  'BEGIN:VCARD\nVERSION:3.0\nFN:Sari\nTEL;type=CELL;waid=6281234567890:+62 812-3456-7890\nEND:VCARD';

let rig: WhatsAppRig;
afterEach(() => rig.close());

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
    const row = rig.h.ledger.db.prepare('SELECT people_count, urgency, contact FROM requests').get();
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

    expect((await rig.say(SARI, 'need 20 water @ -7.93,110.39')).join()).toContain('R-1');
    await rig.say(SARI, { type: 'vcard', body: OWN_CARD, vCards: [OWN_CARD] });
    const verified = await rig.say(BUDI, 'verify R-1');
    expect(verified.join('\n')).toContain('R-1 is verified and announced to 1 group(s)');
    const announced = rig.sentTo(GROUP).at(-1)!;
    expect(announced).toContain('Supply request R-1');
    expect(announced).not.toMatch(/6281234567890|812-3456/);
    expect(rig.sentTo(SARI).at(-1)).toContain('checked by a coordinator');
  });
});
