import { z } from 'zod';
import { readCoordinates } from '../src/domain/coordinates.ts';
import { parseItems } from '../src/domain/items.ts';
import type { InboundContent } from '../src/domain/message.ts';
import { readRescueIntent } from '../src/domain/rescue-intent.ts';
import { type Command, type CommandContext, defineCommand } from '../src/engine/command.ts';
import { startDialog, startDialogWith } from '../src/engine/dialog.ts';
import { UserError } from '../src/engine/errors.ts';
import type { Outcome } from '../src/engine/outcome.ts';

const TriageData = z.object({
  /** What the person wrote first, kept for whichever path they choose. */
  text: z.string(),
  path: z.enum(['rescue', 'supply']).optional(),
  /** A location shared as the answer: people in danger, and this is where. */
  lat: z.number().optional(),
  lon: z.number().optional(),
});
type TriageData = z.infer<typeof TriageData>;

const commandNamed = (ctx: CommandContext, name: string): Command => {
  const c = ctx.commands.find((x) => x.name === name);
  if (!c) throw new Error(`command /${name} is not registered`);
  return c;
};

function pathOf(input: InboundContent): Pick<TriageData, 'path' | 'lat' | 'lon'> {
  if (input.kind === 'choice' && (input.value === 'rescue' || input.value === 'supply'))
    return { path: input.value };
  if (input.kind === 'location') return { path: 'rescue', lat: input.lat, lon: input.lon };
  // Coordinates typed as the answer are a location sent the only way the person could.
  const point = input.kind === 'text' ? readCoordinates(input.text) : undefined;
  if (point?.kind === 'point') return { path: 'rescue', lat: point.lat, lon: point.lon };
  if (point) throw new UserError('coordinates-out-of-range', { written: point.written });
  // "ada yang terjebak!" instead of a button is the rescue answer too.
  if (input.kind === 'text' && readRescueIntent(`tolong ${input.text}`)?.decision === 'rescue')
    return { path: 'rescue' };
  throw new UserError('triage-invalid');
}

function toRescue(ctx: CommandContext, data: TriageData, out: Outcome): void {
  // A point shared as the answer is where the people are: it reads as coordinates after the text.
  const point = data.lat !== undefined && data.lon !== undefined ? ` ${data.lat},${data.lon}` : '';
  out.merge(startDialog(ctx, commandNamed(ctx, 'sos'), `${data.text}${point}`));
}

function toSupply(ctx: CommandContext, data: TriageData, out: Outcome): void {
  const parsed = parseItems(data.text);
  out.merge(
    startDialogWith(ctx, commandNamed(ctx, 'need'), {
      ...(parsed.ok ? { items: parsed.items } : {}),
      note: data.text.slice(0, 500),
    }),
  );
}

/**
 * "Tolong ..." that may be "help!" or "please": one question with two buttons, and the first answer
 * decides. The rescue path starts from the text already written, as if it had followed SOS; the supply
 * path keeps it as the request's note and reads the items in it. See src/domain/rescue-intent.ts.
 */
export default defineCommand<string, TriageData>({
  names: { en: ['triage'], id: ['pilah'] },
  role: 'anyone',
  hidden: true,
  intent: 'ask',
  dialog: {
    data: TriageData,
    start: (_ctx, text) => ({ text }),
    steps: [
      {
        id: 'path',
        ask: () => ({
          key: 'triage-ask',
          choices: [
            { value: 'rescue', key: 'triage-rescue' },
            { value: 'supply', key: 'triage-supply' },
          ],
        }),
        answer: (_ctx, input, data) => ({ ...data, ...pathOf(input) }),
      },
    ],
    finish(ctx, data, out) {
      if (data.path === 'rescue') toRescue(ctx, data, out);
      else toSupply(ctx, data, out);
    },
  },
});
