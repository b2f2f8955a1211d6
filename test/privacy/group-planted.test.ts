import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/domain/message.ts';
import { scheduledJobs } from '../../src/schedule/jobs.ts';
import { Harness, type Person } from '../support/harness.ts';
import { addVolunteer } from '../support/volunteers.ts';

/**
 * Groups are built from fields (issue 23): whatever a person of any role types in a group (or in
 * private, where it leads to an announcement), with records that hold planted personal data, no
 * group-bound outbox row holds any of it. The planted values are words the redaction does not know
 * (names, a street, a note, a reason), so only construction keeps them out, not the redaction. Both
 * groups listen (issue 34): what people write there becomes drafts and alerts, never a group post.
 */

const GROUP = { transport: 'telegram' as const, chatId: '-100', kind: 'group' as const };
const ADMIN = 'telegram:1';
const COORDINATOR = 'telegram:900';
const VOLUNTEER = 'telegram:701';
const ANYONE = 'telegram:600';

/** Each planted value, and what of it would betray a leak. */
const PLANTED = {
  address: 'Jl. Mawar No. 5 RT 02',
  name: 'Bu Siti Rahayu',
  note: 'kunci di bawah pot bunga',
  reason: 'suami sakit jantung',
  volunteerName: 'Pak Darto Wiryo',
  point: '-7.912345,110.335678',
  phone: '0812-3456-7890',
};
const TELLTALES = [
  'Mawar',
  'Siti',
  'Rahayu',
  'kunci',
  'jantung',
  'Darto',
  'Wiryo',
  '912345',
  '335678',
  '3456',
];

const WA_GROUP = { transport: 'whatsapp' as const, chatId: '120363001@g.us', kind: 'group' as const };
const WA = {
  anyone: 'whatsapp:628110000600@c.us',
  volunteer: 'whatsapp:628110000701@c.us',
  coordinator: 'whatsapp:628110000900@c.us',
};

/** Who types, and the group they type in: every role, on Telegram and on WhatsApp. */
const SENDERS: Record<string, Person & { group: ChatRef }> = {
  anyone: { id: ANYONE, group: GROUP },
  volunteer: { id: VOLUNTEER, group: GROUP },
  coordinator: { id: COORDINATOR, group: GROUP },
  admin: { id: ADMIN, group: GROUP },
  anonymous: { id: 'telegram:chat:-100', pseudo: true, group: GROUP },
  'whatsapp anyone': { id: WA.anyone, group: WA_GROUP },
  'whatsapp volunteer': { id: WA.volunteer, group: WA_GROUP },
  'whatsapp coordinator': { id: WA.coordinator, group: WA_GROUP },
};
const inGroup = ({ group, ...person }: Person & { group: ChatRef }): Person => ({ ...person, chat: group });
const inPrivate = ({ group: _group, ...person }: Person & { group: ChatRef }): Person => person;

/** Every command with arguments that name the records (and, where a command takes text, planted text). */
const LINES = [
  '/start',
  '/help',
  '/whoami',
  '/lang en',
  '/lang zz',
  '/status',
  '/cancel',
  '/cancel R-1',
  `/need 20 air, antar ke rumah ${PLANTED.name} ${PLANTED.address} untuk 4 orang @ Imogiri`,
  `/sos ${PLANTED.address} rumah ${PLANTED.name}`,
  `SOS ${PLANTED.point} ${PLANTED.address}`,
  'tolong kirim air',
  '/rescued',
  '/rescued S-1',
  `/volunteer`,
  '/available Imogiri',
  '/off',
  '/tasks',
  '/take R-1',
  '/take S-1',
  '/done R-1',
  '/done S-1',
  '/leave',
  '/open',
  '/verify R-1',
  '/verify R-1 ok',
  '/verify R-2',
  '/ack S-1',
  `/locate S-1 ${PLANTED.point}`,
  '/assign R-1 V-1',
  '/assign S-1 V-1',
  '/dup R-2 R-1',
  `/close R-1 ${PLANTED.reason}`,
  `/close S-1 ${PLANTED.reason}`,
  `/reject R-2 ${PLANTED.reason}`,
  '/stillneeded R-1 yes',
  '/triage',
  '/register all',
  '/groups',
  '/sitrep',
  '/volunteers',
  '/export requests',
  '/broadcast all Posko Imogiri buka 08.00',
  '/schedule in 5m all Posko Imogiri buka 08.00',
  '/schedules',
  '/unschedule B-1',
  '/publiccontact list',
  `/grant ${ANYONE} coordinator`,
  `/revoke ${ANYONE}`,
  '/forget',
  // listen mode (issue 34): chatter in the listened groups with planted data, and the drafts it makes
  '/listen on',
  '/listen',
  `butuh selimut 10 lembar untuk keluarga ${PLANTED.name} di ${PLANTED.address}, hubungi ${PLANTED.phone}`,
  `ada lansia terjebak di rumah ${PLANTED.name} ${PLANTED.address}, air naik`,
  `kami punya 20 selimut, yg butuh hubungi ${PLANTED.volunteerName} ${PLANTED.phone}`,
  `${PLANTED.note}, ${PLANTED.reason}`,
  '/draft',
  '/draft D-1',
  '/draft D-1 edit',
  `/draft D-1 edit 20 blankets @ ${PLANTED.address}`,
  '/draft D-1 confirm',
  '/draft D-2 rescue',
  '/draft D-3 merge D-1',
  '/draft D-3 discard',
  '/listen off',
  // answers to whatever dialog is open, with planted text
  PLANTED.address,
  PLANTED.name,
  PLANTED.note,
  PLANTED.phone,
  '4',
  '1',
  'ya',
  'skip',
];

function seeded(): Harness {
  const h = new Harness({ ADMINS: ADMIN, AREAS: 'DIY/Bantul/Imogiri@-7.93,110.39;DIY/Sleman' });
  h.grant(COORDINATOR, 'coordinator');
  addVolunteer(h, VOLUNTEER, {
    name: PLANTED.volunteerName,
    phone: PLANTED.phone,
    area: 'DIY/Bantul/Imogiri',
  });
  h.grant(WA.coordinator, 'coordinator');
  addVolunteer(h, WA.volunteer, { name: PLANTED.volunteerName, phone: PLANTED.phone, area: 'DIY/Bantul' });
  h.send({ id: COORDINATOR, chat: GROUP }, '/register all');
  h.send({ id: WA.coordinator, chat: WA_GROUP }, '/register all');
  h.send({ id: COORDINATOR, chat: GROUP }, '/listen on');
  h.send({ id: WA.coordinator, chat: WA_GROUP }, '/listen on');
  for (const [i, who] of ['telegram:500', 'telegram:502'].entries()) {
    h.clock.advance(61_000);
    h.send(
      who,
      `/need 20 air, 5 kg beras, antar ke rumah ${PLANTED.name} ${PLANTED.address} untuk 4 orang @ Imogiri`,
    );
    h.db
      .prepare(
        'UPDATE requests SET notes = ?, contact = ?, address = ?, lat = -7.912345, lon = 110.335678 WHERE id = ?',
      )
      .run(PLANTED.note, PLANTED.phone, PLANTED.address, i + 1);
  }
  h.clock.advance(61_000);
  h.send('telegram:501', `SOS ${PLANTED.point} ${PLANTED.address} rumah ${PLANTED.name}`);
  h.db.prepare('UPDATE rescues SET contact = ?, address = ?').run(PLANTED.phone, PLANTED.address);
  h.newRows();
  return h;
}

function groupLeaks(h: Harness): string[] {
  const rows = h.db
    .prepare(
      "SELECT text FROM outbox WHERE chat_kind = 'group' OR chat_id LIKE '-%' OR chat_id LIKE 'chat:%'",
    )
    .pluck()
    .all() as string[];
  // Free text is stored lowercased and without punctuation: compare the same way.
  return rows.flatMap((text) =>
    TELLTALES.filter((t) => text.toLowerCase().includes(t.toLowerCase())).map((t) => `${t} in: ${text}`),
  );
}

function runJobs(h: Harness): void {
  h.clock.advance(30 * 60_000);
  for (const job of scheduledJobs(h.config)) if (job.name !== 'retention') h.core.runJob(job.name, job.rule);
}

describe('no group-bound row holds planted personal data', () => {
  it('every command of the catalog, typed in a group by every role, then the scheduled jobs', () => {
    const h = seeded();
    try {
      for (const [role, sender] of Object.entries(SENDERS))
        for (const line of LINES) {
          h.clock.advance(61_000);
          h.send(inGroup(sender), line);
          expect(groupLeaks(h), `${role}: ${line}`).toEqual([]);
        }
      runJobs(h);
      expect(groupLeaks(h)).toEqual([]);
      // Listening read the planted chatter (three drafts: other roles' repeats are the same words), and the
      // danger escalated to the other group.
      expect(h.count('drafts')).toBe(3);
      expect(
        h.db
          .prepare("SELECT COUNT(*) FROM outbox WHERE chat_kind = 'group' AND text LIKE '%may be in danger%'")
          .pluck()
          .get(),
      ).toBeGreaterThan(0);
      // Nothing anyone is entitled to was refused: only answers to the sender standing for the chat.
      const refused = h.db
        .prepare(
          "SELECT DISTINCT json_extract(payload, '$.reason') FROM events WHERE kind = 'outbound.refused'",
        )
        .pluck()
        .all();
      expect(refused).toEqual(['sender-not-a-person']);
      // The sweep reached the places where leaks were possible, in both groups.
      const perGroup = h.db
        .prepare(
          "SELECT chat_id, COUNT(*) n FROM outbox WHERE chat_kind = 'group' GROUP BY chat_id ORDER BY chat_id",
        )
        .all() as { chat_id: string; n: number }[];
      expect(perGroup.map((g) => g.chat_id)).toEqual(['-100', WA_GROUP.chatId]);
      for (const g of perGroup) expect(g.n).toBeGreaterThan(30);
    } finally {
      h.close();
    }
  });

  it('generated sequences of commands and answers, by any role, in the group or in private', () => {
    const step = fc.record({
      role: fc.constantFrom(...Object.keys(SENDERS)),
      line: fc.constantFrom(...LINES),
      inGroup: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        const h = seeded();
        try {
          for (const s of steps) {
            h.clock.advance(61_000);
            const sender = SENDERS[s.role]!;
            // A sender standing for a chat writes only there.
            h.send(s.inGroup || sender.pseudo ? inGroup(sender) : inPrivate(sender), s.line);
          }
          runJobs(h);
          expect(groupLeaks(h)).toEqual([]);
        } finally {
          h.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
