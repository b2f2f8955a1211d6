import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/domain/message.ts';
import { readWebhook } from '../../src/transports/whatsapp-cloud/inbound.ts';
import {
  templateParameter,
  toCloudSends,
  toTransportError,
} from '../../src/transports/whatsapp-cloud/outbound.ts';
import { CLOUD, FakeGraphApi } from '../support/fake-graph-api.ts';

const to = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 1,
  chat: { transport: 'whatsapp-cloud', chatId: '6281200000001', kind: 'private' },
  kind: 'reply',
  text,
  ...extra,
});

type Interactive = {
  type: string;
  body: { text: string };
  action: {
    buttons?: { reply: { id: string; title: string } }[];
    sections?: { rows: { id: string; title: string; description?: string }[] }[];
  };
};

describe('outbound messages as the Cloud API takes them', () => {
  const label = fc.string({ minLength: 1, maxLength: 60 });
  const choices = fc.array(fc.record({ value: fc.string({ minLength: 1, maxLength: 64 }), label }), {
    minLength: 0,
    maxLength: 14,
  });

  it('keep every platform limit, and every choice stays answerable, for any text and choices', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9000 }), choices, (text, cs) => {
        const sends = toCloudSends(to(text, { choices: cs }));
        for (const s of sends.slice(0, -1)) expect(s.type).toBe('text');
        for (const s of sends) {
          if (s.type === 'text') expect((s.text as { body: string }).body.length).toBeLessThanOrEqual(4096);
        }
        const last = sends.at(-1)!;
        if (cs.length === 0 || cs.length > 10) {
          expect(last.type).toBe('text');
          // More than a list holds: numbered lines, answered with the number.
          if (cs.length > 10) expect((last.text as { body: string }).body).toContain(`${cs.length}. `);
          return;
        }
        const i = last.interactive as Interactive;
        expect(i.body.text.length).toBeLessThanOrEqual(1024);
        if (i.type === 'button') {
          expect(i.action.buttons!.length).toBeLessThanOrEqual(3);
          expect(i.action.buttons!.every((b) => b.reply.title.length <= 20)).toBe(true);
          expect(i.action.buttons!.map((b) => b.reply.id)).toEqual(cs.map((c) => c.value));
        } else {
          const rows = i.action.sections![0]!.rows;
          expect(rows.length).toBeLessThanOrEqual(10);
          expect(rows.every((r) => r.title.length <= 24 && (r.description ?? '').length <= 72)).toBe(true);
          expect(rows.map((r) => r.id)).toEqual(cs.map((c) => c.value));
        }
      }),
    );
  });

  it('asks for a location with the platform’s own request', () => {
    const [send] = toCloudSends(to('Where are you?', { ask: 'location' }));
    expect(send).toMatchObject({
      type: 'interactive',
      interactive: { type: 'location_request_message', action: { name: 'send_location' } },
    });
  });

  it('carries a notice in a template only when it fits one parameter line', () => {
    expect(templateParameter('R-3 is verified.\n\nThank you')).toBe('R-3 is verified. · Thank you');
    expect(templateParameter('x'.repeat(1025))).toBeUndefined();
    expect(templateParameter('  \n ')).toBeUndefined();
  });
});

describe('Graph API errors', () => {
  it.each([
    [131047, 400, 'permanent'],
    [130429, 400, 'retry'],
    [131056, 400, 'retry'],
    [131026, 400, 'unreachable'],
    [190, 401, 'retry'],
    [131000, 500, 'retry'],
    [100, 400, 'permanent'],
  ])('code %i (HTTP %i) is a %s failure', (code, status, kind) => {
    expect(toTransportError({ status, code, message: 'x' }, 'send').failure.kind).toBe(kind);
  });

  it('rate limits are retried after a wait, never given up on', () => {
    for (const code of [130429, 131056])
      expect(toTransportError({ status: 400, code, message: 'x' }, 'send').retryAfterMs).toBeGreaterThan(0);
  });
});

describe('webhook payloads', () => {
  const graph = new FakeGraphApi();

  it('read text, locations, contacts and button presses into the core’s messages', () => {
    const read = (content: Record<string, unknown>) =>
      readWebhook(graph.message('6281200000009', content), CLOUD.phoneNumberId).messages[0];
    expect(read(FakeGraphApi.text('SOS'))).toMatchObject({
      chat: { transport: 'whatsapp-cloud', chatId: '6281200000009', kind: 'private' },
      sender: { id: 'whatsapp-cloud:6281200000009', displayName: 'Siti' },
      content: { kind: 'text', text: 'SOS' },
    });
    expect(read(FakeGraphApi.location(-7.9, 110.3))).toMatchObject({
      content: { kind: 'location', lat: -7.9 },
    });
    expect(read(FakeGraphApi.button('skip'))).toMatchObject({ content: { kind: 'choice', value: 'skip' } });
    expect(
      read({
        type: 'contacts',
        contacts: [{ phones: [{ phone: '+62 812-0000-0009', wa_id: '6281200000009' }] }],
      }),
    ).toMatchObject({ content: { kind: 'contact', own: true } });
    expect(read({ type: 'sticker', sticker: { id: '1' } })).toMatchObject({
      content: { kind: 'unsupported', what: 'sticker' },
    });
  });

  it('ignore another number’s traffic and anything that is not WhatsApp Business', () => {
    expect(readWebhook(graph.message('6281200000009', FakeGraphApi.text('hi')), '999').messages).toEqual([]);
    expect(readWebhook({ object: 'page', entry: [] }, CLOUD.phoneNumberId).messages).toEqual([]);
  });

  it('never throw, whatever arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (payload) => {
        readWebhook(payload, CLOUD.phoneNumberId);
        readWebhook(
          {
            object: 'whatsapp_business_account',
            entry: [{ changes: [{ field: 'messages', value: payload }] }],
          },
          CLOUD.phoneNumberId,
        );
      }),
    );
  });

  it('read status callbacks, leaving out those that say nothing of delivery', () => {
    const statuses = readWebhook(graph.status('wamid.out1', 'failed', 131047), CLOUD.phoneNumberId).statuses;
    expect(statuses).toEqual([
      expect.objectContaining({ platformMessageId: 'wamid.out1', status: 'failed', errorCode: 131047 }),
    ]);
    expect(readWebhook(graph.status('wamid.out1', 'warning'), CLOUD.phoneNumberId).statuses).toEqual([]);
  });
});
