import type { StoredMedia } from '../domain/message.ts';
import { formatRef } from '../domain/refs.ts';
import type { CommandContext } from './command.ts';
import { Outcome } from './outcome.ts';

/** Media sent within this long after a case or request was opened belongs to it. */
export const ATTACH_WINDOW_MS = 60 * 60_000;

/**
 * The "neither" answer to "what is this photo about?" (the other two start /sos and /need). A command-like
 * value, so a typed "3" finds it among the offered choices.
 */
export const MEDIA_NEITHER = '/media-neither';

interface Subject {
  ref: string;
  /** The assigned volunteer or team, who sees the media too. */
  assignee?: string;
}

/** The sender's case or request opened in the last hour, the newest of the two. */
function recentSubject(ctx: CommandContext): Subject | undefined {
  const since = ctx.now - ATTACH_WINDOW_MS;
  const rescue = ctx.ledger.rescues.activeBy(ctx.sender.id, since);
  const request = ctx.ledger.requests
    .ofRequester(ctx.sender.id, 1)
    .find((r) => r.createdAt >= since && ['new', 'verified', 'assigned'].includes(r.status));
  if (rescue && (!request || rescue.createdAt >= request.createdAt)) {
    const team = ctx.ledger.rescues.teamOf(rescue);
    return { ref: formatRef('S', rescue.id), ...(team ? { assignee: team } : {}) };
  }
  if (!request) return undefined;
  const volunteer =
    request.assignedVolunteer === null ? undefined : ctx.ledger.volunteers.get(request.assignedVolunteer);
  return { ref: formatRef('R', request.id), ...(volunteer ? { assignee: volunteer.personId } : {}) };
}

/**
 * Attaches the sender's media not yet attached (sent in the last hour) to their case or request opened
 * in the last hour, and forwards each privately to the coordinators and the assigned volunteer with the
 * reference. Runs after every private message, so media sent during the SOS or /need dialog joins the
 * record once the dialog made it. Returns the reference attached to, if any.
 */
export function attachPending(ctx: CommandContext, out: Outcome): string | undefined {
  const waiting = ctx.ledger.attachments.unattached(ctx.sender.id, ctx.now - ATTACH_WINDOW_MS);
  if (waiting.length === 0) return undefined;
  const subject = recentSubject(ctx);
  if (!subject) return undefined;
  const name = ctx.person.display_name ?? ctx.sender.id;
  for (const a of waiting) {
    ctx.ledger.attachments.attach(a.id, subject.ref);
    ctx.ledger.events.append(ctx.actor, {
      kind: 'media.attached',
      payload: { subject: subject.ref, type: a.type, bytes: a.bytes },
    });
    const media: StoredMedia = { type: a.type, sha256: a.sha256, bytes: a.bytes, mime: a.mime };
    const args = { ref: subject.ref, name };
    out.toCoordinators(`media-forward-${a.type}`, args, media);
    if (subject.assignee)
      out.notify(subject.assignee, `media-forward-${a.type}`, args, { media }, 'assignee');
  }
  return subject.ref;
}

/** Media outside a dialog with no recent case or request: one question, what it is about. */
export function askAboutMedia(): Outcome {
  return new Outcome().reply('media-ask', undefined, {
    choices: [
      { value: '/sos', key: 'media-ask-rescue' },
      { value: '/need', key: 'media-ask-supply' },
      { value: MEDIA_NEITHER, key: 'media-ask-neither' },
    ],
  });
}
