import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneOfPersonId } from '../../src/domain/message.ts';

describe('the phone number behind a person id', () => {
  it('is the number of a WhatsApp person id, for every E.164 length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{6,14}$/), (digits) => {
        expect(phoneOfPersonId(`whatsapp:${digits}@c.us`)).toBe(`+${digits}`);
      }),
    );
  });

  it.each([
    'telegram:6281234567890',
    'whatsapp:6281234567890@lid',
    'whatsapp:120363025246125888@g.us',
    'whatsapp:1234567890123456@c.us',
    'whatsapp:chat:6281234567890@c.us',
    'console:6281234567890',
  ])('is none for %s', (id) => {
    expect(phoneOfPersonId(id)).toBeUndefined();
  });
});
