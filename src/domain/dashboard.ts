import { z } from 'zod';
import { draftCommand } from './draft-commands.ts';
import type { InboundContent } from './message.ts';

/** A sign-in link opens the dashboard once, within 10 minutes of being made. */
export const LINK_TTL_MS = 10 * 60_000;
/** A dashboard session not used for 12 hours is over. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;

const requestRef = z.string().regex(/^R-\d{1,9}$/);
const rescueRef = z.string().regex(/^S-\d{1,9}$/);
const taskRef = z.string().regex(/^[RS]-\d{1,9}$/);
const volunteerRef = z.string().regex(/^V-\d{1,9}$/);
const draftRef = z.string().regex(/^D-\d{1,9}$/);
// One line: a reason is typed like the rest of a chat command.
const reason = z
  .string()
  .max(500)
  .transform((s) => s.replace(/\s+/g, ' ').trim());

/**
 * What a coordinator can do from the dashboard: each is the chat command it stands for, so the same
 * handler, role check and transition rules decide (`commandOf`). `id` is made by the page when the
 * action is shown, so a double click sends the same message twice and the inbox records it once.
 */
export const DashboardActionSchema = z.object({
  id: z.string().regex(/^[\w-]{8,64}$/),
  act: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('verify'), ref: requestRef, anyway: z.boolean().optional() }),
    z.object({ kind: z.literal('dup'), ref: requestRef, original: requestRef }),
    z.object({ kind: z.literal('assign'), ref: taskRef, volunteer: volunteerRef }),
    z.object({ kind: z.literal('close'), ref: taskRef, reason: reason.optional() }),
    z.object({ kind: z.literal('reject'), ref: requestRef, reason: reason.pipe(z.string().min(1)) }),
    z.object({ kind: z.literal('ack'), ref: rescueRef }),
    z.object({
      kind: z.literal('locate'),
      ref: rescueRef,
      lat: z.number().finite().min(-90).max(90),
      lon: z.number().finite().min(-180).max(180),
    }),
    /** A listen-mode draft decided, as by the buttons under it in the chat. */
    z.object({ kind: z.literal('draft'), ref: draftRef, decision: z.enum(['confirm', 'discard', 'rescue']) }),
    /** A button of a reply shown in the page (`/dup R-3 R-1` offered by `/verify`). */
    z.object({ kind: z.literal('choice'), value: z.string().min(1).max(64) }),
  ]),
});
export type DashboardAction = z.infer<typeof DashboardActionSchema>;

const point = (n: number) => n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');

/** The chat message an action is: the command a coordinator would type, or the button they would press. */
export function commandOf(act: DashboardAction['act']): InboundContent {
  const text = (t: string): InboundContent => ({ kind: 'text', text: t });
  switch (act.kind) {
    case 'verify':
      return text(`/verify ${act.ref}${act.anyway ? ' ok' : ''}`);
    case 'dup':
      return text(`/dup ${act.ref} ${act.original}`);
    case 'assign':
      return text(`/assign ${act.ref} ${act.volunteer}`);
    case 'close':
      return text(`/close ${act.ref}${act.reason ? ` ${act.reason}` : ''}`);
    case 'reject':
      return text(`/reject ${act.ref} ${act.reason}`);
    case 'ack':
      return text(`/ack ${act.ref}`);
    case 'locate':
      return text(`/locate ${act.ref} ${point(act.lat)},${point(act.lon)}`);
    case 'draft':
      return text(draftCommand(act.ref, act.decision));
    case 'choice':
      return { kind: 'choice', value: act.value };
  }
}
