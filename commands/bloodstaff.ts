import { z } from 'zod';
import { defineCommand } from '../src/engine/command.ts';
import { UserError } from '../src/engine/errors.ts';
import { Outcome } from '../src/engine/outcome.ts';
import { hospitalNamed } from './lib/drives/hospital.ts';
import { PersonTarget, resolvePerson } from './lib/people.ts';

/**
 * `/bloodstaff PERSON HOSPITAL` names a hospital or PMI staff member, who may then ask for blood for
 * that hospital (`/blood O+ 3`); each such request waits for a coordinator's verification.
 * `/bloodstaff PERSON off` ends it. The hospital is registered when it is new, as `/blood` does.
 */
export default defineCommand({
  names: { en: ['bloodstaff'], id: ['petugasdarah'] },
  role: 'coordinator',
  args: z.string().trim(),
  run(ctx, text) {
    const [who = '', ...rest] = text.split(/\s+/);
    const where = rest.join(' ').trim();
    if (!PersonTarget.safeParse(who).success || !where)
      throw new UserError('error-usage', { usage: ctx.t('cmd-bloodstaff-usage') });
    const person = resolvePerson(ctx.ledger, who);
    if (/^(off|berhenti|hapus)$/i.test(where)) {
      if (!ctx.ledger.hospitals.removeStaff(ctx.actor, person))
        throw new UserError('bloodstaff-not-staff', { person });
      return new Outcome()
        .reply('bloodstaff-removed', { person })
        .notify(person, 'bloodstaff-removed-person');
    }
    const hospital = hospitalNamed(ctx, where);
    ctx.ledger.hospitals.setStaff(ctx.actor, person, hospital.id, ctx.sender.id);
    return new Outcome()
      .reply('bloodstaff-added', { person, hospital: hospital.name })
      .notify(person, 'bloodstaff-added-person', { hospital: hospital.name });
  },
});
