import { Harness } from './harness.ts';

/** A person to forget (issue 15), with a value of each kind planted where /forget must reach it. */

export const COORDINATOR = 'telegram:900';
export const VOLUNTEER = 'telegram:300';
export const NUMBER = '6281255501234';
export const PERSON = { id: `whatsapp:${NUMBER}@c.us`, name: 'Sulastri Wibowo' };
export const PLANTED = {
  name: 'Sulastri Wibowo',
  contact: '081399887766',
  address: 'Jl. Kenanga Rahasia 17',
  note: 'kunci di bawah pot melati',
  dialog: 'mbak rukmini',
  reason: 'pakdhe sudah pindah ke Klaten',
};
export const RESCUE_ADDRESS = 'Dusun Jetis RT 04';
export const DAY = 86_400_000;

/**
 * A ledger where that person has a rescue in progress, a supply request held by a volunteer, a request a
 * coordinator rejected with a reason, and a dialog left half-way.
 */
export function personToForget(): Harness {
  const h = new Harness({ ADMINS: COORDINATOR, RETENTION_DAYS: '30' });
  h.send(VOLUNTEER, '/volunteer');
  for (const answer of ['Rina', 'boat', 'Imogiri', '1', 'No']) h.send(VOLUNTEER, answer);
  h.send(PERSON, `SOS ${RESCUE_ADDRESS} Imogiri, 3 orang, air naik, ${PLANTED.contact}`);
  h.send(PERSON, { kind: 'location', lat: -7.912345, lon: 110.335678 });
  h.send(PERSON, `/need 20 water @ Imogiri, ${PLANTED.address}, ${PLANTED.note}`);
  h.send(PERSON, '4');
  h.send(COORDINATOR, '/verify R-1 ok');
  h.send(COORDINATOR, '/assign R-1 V-1');
  // A reason a coordinator typed about their request lives in the coordinator's own message too.
  h.send(PERSON, '/need 5 rice @ Imogiri');
  h.send(PERSON, '2');
  h.send(COORDINATOR, `/reject R-2 ${PLANTED.reason}`);
  h.send(PERSON, '/need');
  h.send(PERSON, `20 water, ${PLANTED.dialog}`);
  return h;
}
