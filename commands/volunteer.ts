import { z } from 'zod';
import { type Choice, type InboundContent, phoneOfPersonId } from '../src/domain/message.ts';
import { SPOKEN_LANGUAGES } from '../src/domain/skills.ts';
import { type CommandContext, defineCommand } from '../src/engine/command.ts';
import { matchChoices } from '../src/engine/dialog.ts';
import { UserError } from '../src/engine/errors.ts';
import type { ChoiceSpec, Outcome } from '../src/engine/outcome.ts';

import { answerSkills, askSkills } from './lib/volunteer-skills.ts';
import { placeFrom, skillLabels, vref } from './lib/volunteers.ts';

/** The sign-up dialog's answers so far (kept in the ledger between messages). */
const SignUp = z.object({
  name: z.string().optional(),
  skills: z.array(z.string()).optional(),
  /** Skills pressed so far on a keyboard (Telegram), until "done". */
  picked: z.array(z.string()).optional(),
  place: z
    .object({
      area: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      areaLat: z.number().nullable(),
      areaLon: z.number().nullable(),
    })
    .optional(),
  languages: z.array(z.string()).optional(),
  phone: z.string().nullable().optional(),
});
type SignUp = z.infer<typeof SignUp>;

/** The areas worth offering as buttons: the first level with a choice (one province: its regencies). */
function offeredAreas(ctx: CommandContext): ChoiceSpec[] {
  let level = ctx.areas.children();
  while (level.length === 1) level = ctx.areas.children(level[0]!.path);
  return level.slice(0, 12).map((a) => ({ value: a.path, label: a.name }));
}

const PHONE = /^\+?[\d\s-]{6,20}$/;

function several(
  input: InboundContent,
  choices: readonly Choice[],
  refusal: string,
  allowed: readonly string[],
): string[] {
  if (input.kind === 'choice' && allowed.includes(input.value)) return [input.value];
  const picked = input.kind === 'text' ? matchChoices(input.text, choices) : undefined;
  if (!picked) {
    const answer = input.kind === 'text' ? input.text.slice(0, 80) : '';
    throw new UserError(refusal, { answer });
  }
  return picked.map((c) => c.value);
}

function finish(ctx: CommandContext, data: SignUp, out: Outcome): void {
  const place = data.place!;
  const { volunteer, created } = ctx.ledger.volunteers.signUp(ctx.actor, ctx.sender.id, {
    name: data.name!,
    skills: data.skills!,
    ...place,
    languages: data.languages!,
    phone: data.phone ?? null,
  });
  out.reply(created ? 'volunteer-registered' : 'volunteer-updated', {
    name: data.name!,
    ref: vref(volunteer),
    skills: skillLabels(ctx, volunteer.skills),
    area: place.area ?? (place.lat !== null ? `${place.lat}, ${place.lon}` : ctx.t('volunteer-no-area')),
    phone: ctx.t(volunteer.phone ? 'choice-yes' : 'choice-no'),
  });
  // Blood donors register as part of signing up (issue 32): asked once, with the consent /donor asks.
  if (created && !ctx.ledger.blood.donor(ctx.sender.id))
    out.reply('volunteer-donor-offer', {}, { choices: [{ value: '/donor', key: 'volunteer-donor-yes' }] });
}

/** /volunteer: name, skills, area or location, languages, consent to share a phone number (SPEC 2, 3). */
export default defineCommand<string, SignUp>({
  names: { en: ['volunteer'], id: ['relawan'] },
  role: 'anyone',
  where: 'private',
  dialog: {
    data: SignUp,
    start: () => ({}),
    steps: [
      {
        id: 'name',
        ask(ctx) {
          const known = ctx.ledger.volunteers.byPerson(ctx.sender.id)?.name ?? ctx.sender.displayName;
          return {
            key: 'volunteer-ask-name',
            ...(known
              ? { choices: [{ value: known.slice(0, 64), label: known.slice(0, 64), typed: true }] }
              : {}),
          };
        },
        answer(_ctx, input, data) {
          const name = input.kind === 'text' ? input.text.trim() : input.kind === 'choice' ? input.value : '';
          if (name.length === 0 || name.length > 80 || name.startsWith('/'))
            throw new UserError('volunteer-bad-name');
          return { ...data, name };
        },
      },
      {
        id: 'skills',
        ask: (ctx, data) => askSkills(ctx, data.picked ?? []),
        answer: (ctx, input, data, _out, choices) => answerSkills(ctx, input, data, choices),
        again: (data) => data.skills === undefined,
      },
      {
        id: 'area',
        ask: (ctx) => ({ key: 'volunteer-ask-area', choices: offeredAreas(ctx), ask: 'location' }),
        answer: (ctx, input, data) => ({ ...data, place: placeFrom(ctx, input) }),
      },
      {
        id: 'languages',
        ask: () => ({
          key: 'volunteer-ask-languages',
          choices: SPOKEN_LANGUAGES.map((l) => ({ value: l, key: `spoken-${l}` })),
        }),
        answer: (_ctx, input, data, _out, choices) => ({
          ...data,
          languages: several(input, choices, 'volunteer-bad-languages', SPOKEN_LANGUAGES),
        }),
      },
      {
        id: 'phone',
        ask(ctx) {
          const own = phoneOfPersonId(ctx.sender.id);
          const no = { value: 'no', key: 'choice-no' };
          return own
            ? {
                key: 'volunteer-ask-phone-whatsapp',
                args: { phone: own },
                choices: [{ value: 'yes', key: 'choice-yes' }, no],
              }
            : { key: 'volunteer-ask-phone', choices: [no], ask: 'contact' };
        },
        answer(ctx, input, data) {
          const own = phoneOfPersonId(ctx.sender.id);
          if (input.kind === 'choice' && input.value === 'no') return { ...data, phone: null };
          if (input.kind === 'choice' && input.value === 'yes' && own) return { ...data, phone: own };
          if (input.kind === 'contact') {
            if (!input.own) throw new UserError('volunteer-phone-not-own');
            return { ...data, phone: input.phone };
          }
          if (input.kind === 'text' && PHONE.test(input.text.trim()))
            return { ...data, phone: input.text.trim().replace(/[\s-]/g, '') };
          throw new UserError('volunteer-bad-phone');
        },
      },
    ],
    finish,
  },
});
