import { answerWord } from '../domain/answer-words.ts';
import type { InboundContent, PhotoPlace, StoredMedia } from '../domain/message.ts';
import { formatRef } from '../domain/refs.ts';
import type { CommandContext } from './command.ts';
import { COMMAND_CHOICES, isExpired } from './dialog.ts';
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
  /** Sent by the volunteer who reported the task done: proof of delivery (or of the rescue). */
  proof?: boolean;
  /** When it became the sender's: opened by them, or reported done by them. */
  at: number;
}

/**
 * What the sender's media of the last hour belongs to, the newest of: their own rescue case or
 * supply request opened in the last hour, or the task they reported done (/done) in the last hour.
 */
function recentSubject(ctx: CommandContext): Subject | undefined {
  const since = ctx.now - ATTACH_WINDOW_MS;
  const found: Subject[] = [];
  const rescue = ctx.ledger.rescues.activeBy(ctx.sender.id, since);
  if (rescue) {
    const team = ctx.ledger.rescues.teamOf(rescue);
    found.push({ ref: formatRef('S', rescue.id), at: rescue.createdAt, ...(team ? { assignee: team } : {}) });
  }
  const request = ctx.ledger.requests
    .ofRequester(ctx.sender.id, 1)
    .find((r) => r.createdAt >= since && ['new', 'verified', 'assigned'].includes(r.status));
  if (request) {
    const volunteer =
      request.assignedVolunteer === null ? undefined : ctx.ledger.volunteers.get(request.assignedVolunteer);
    found.push({
      ref: formatRef('R', request.id),
      at: request.createdAt,
      ...(volunteer ? { assignee: volunteer.personId } : {}),
    });
  }
  const volunteer = ctx.ledger.volunteers.byPerson(ctx.sender.id);
  const done = volunteer && ctx.ledger.tasks.doneBy(volunteer.id, since);
  if (done) found.push({ ...done, proof: true });
  return found.sort((a, b) => b.at - a.at)[0];
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
    out.toCoordinators(subject.proof ? 'media-forward-proof' : `media-forward-${a.type}`, args, media);
    if (subject.assignee && subject.assignee !== ctx.sender.id)
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

/** A photo's place is offered when the photo was taken within this long before it was sent. */
export const PHOTO_PLACE_MAX_AGE_MS = 24 * 3_600_000;
/** A camera's clock with no zone may be this far from UTC (UTC-12 to UTC+14). */
const ANY_ZONE_MS = 14 * 3_600_000;

/**
 * The place a photo's EXIF gives, if the photo was taken recently enough to say where the sender is
 * now (an old photo of the same street says nothing of today). A photo with no time is not recent.
 */
export function recentPlace(
  place: PhotoPlace | undefined,
  sentAt: number,
): { lat: number; lon: number } | undefined {
  if (place?.takenAt === undefined) return undefined;
  const slack = place.zoned ? 10 * 60_000 : ANY_ZONE_MS;
  const age = sentAt - place.takenAt;
  return age >= -slack && age <= PHOTO_PLACE_MAX_AGE_MS + slack
    ? { lat: place.lat, lon: place.lon }
    : undefined;
}

/** The yes and no of "Is this where you are?": command-like, so numbers and words find them too. */
export const PHOTO_PLACE = '/photo-place';
const PLACE_CHOICES = [
  { value: `${PHOTO_PLACE} yes`, key: 'media-gps-yes' },
  { value: `${PHOTO_PLACE} no`, key: 'media-gps-no' },
];

/**
 * Whether nothing tells where the sender is: a dialog is asking for the place (SOS, /need, /offer), or,
 * outside a dialog, their rescue case of the last hour has no point.
 */
function placeUnknown(ctx: CommandContext): boolean {
  const dialog = ctx.ledger.dialogs.get(ctx.sender.id, ctx.chat);
  if (dialog && dialog.command !== COMMAND_CHOICES && !isExpired(dialog, ctx.now))
    return dialog.step === 'location';
  const rescue = ctx.ledger.rescues.activeBy(ctx.sender.id, ctx.now - ATTACH_WINDOW_MS);
  return rescue !== undefined && rescue.lat === null;
}

/**
 * After a private message: if the sender sent a photo with a recent place in the last hour and where
 * they are is still unknown, they are asked once whether that is where they are.
 */
export function offerPhotoPlace(ctx: CommandContext, out: Outcome): void {
  const photo = ctx.ledger.attachments.placeToOffer(ctx.sender.id, ctx.now - ATTACH_WINDOW_MS);
  if (!photo?.place || !placeUnknown(ctx)) return;
  ctx.ledger.attachments.setPlaceOffer(photo.id, 'open');
  // As text: a number formatted for the language would write Indonesian decimals with a comma.
  const args = { lat: photo.place.lat.toFixed(5), lon: photo.place.lon.toFixed(5) };
  out.reply('media-gps-ask', args, { choices: PLACE_CHOICES });
}

/** The answer a message gives to "Is this where you are?": a button, its number, or a yes or no word. */
export function placeAnswer(content: InboundContent): 'yes' | 'no' | undefined {
  if (content.kind === 'choice') {
    const picked = PLACE_CHOICES.find((c) => c.value === content.value);
    return picked ? (picked.value.endsWith(' yes') ? 'yes' : 'no') : undefined;
  }
  if (content.kind !== 'text') return undefined;
  const text = content.text.trim();
  if (text === '1') return 'yes';
  if (text === '2') return 'no';
  const word = answerWord(text);
  return word === 'yes' ? 'yes' : word === 'no' ? 'no' : undefined;
}
