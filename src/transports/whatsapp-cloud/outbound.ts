import type { Choice, OutboundMessage } from '../../domain/message.ts';
import { TransportError } from '../../engine/errors.ts';
import { withNumberedChoices } from '../../engine/numbered-choices.ts';
import { splitText } from '../../engine/split-text.ts';

/** The Cloud API's documented limits (characters). */
const TEXT_LIMIT = 4096;
const INTERACTIVE_BODY_LIMIT = 1024;
const BUTTON_TITLE_LIMIT = 20;
const MAX_BUTTONS = 3;
const ROW_TITLE_LIMIT = 24;
const ROW_DESCRIPTION_LIMIT = 72;
const MAX_ROWS = 10;
/** A template's text parameter: one line, no tab, no run of more than four spaces. */
const TEMPLATE_PARAM_LIMIT = 1024;

/** The body of one `POST /{phone-number-id}/messages`, less `messaging_product` and `to`. */
export type GraphSend = Record<string, unknown> & { type: string };

/** The list's opening button, the one label the core did not write: language-neutral, as the hints. */
const LIST_BUTTON = 'Pilih / Choose';

/**
 * One outbound message as Cloud API sends, in order. Choices become reply buttons (up to 3 short
 * labels) or a list (up to 10), else numbered lines the core matches; a location request is the
 * platform's own. A long text goes as several parts, the last one carrying the choices.
 */
export function toCloudSends(message: OutboundMessage): GraphSend[] {
  const choices = message.choices ?? [];
  const interactive = message.ask === 'location' || (choices.length > 0 && choices.length <= MAX_ROWS);
  // More choices than a list holds: numbered lines, answered with the number as on WhatsApp Web.
  const text = interactive ? message.text : withNumberedChoices(message.text, choices, message.ask);
  const parts = splitText(text, interactive ? INTERACTIVE_BODY_LIMIT : TEXT_LIMIT);
  const last = parts.pop() ?? '';
  const sends: GraphSend[] = parts.map(textSend);
  if (!interactive) sends.push(textSend(last));
  else if (message.ask === 'location')
    sends.push(
      interactiveSend({
        type: 'location_request_message',
        body: { text: last },
        action: { name: 'send_location' },
      }),
    );
  else sends.push(interactiveSend(choiceAction(last, choices)));
  return sends;
}

const textSend = (body: string): GraphSend => ({ type: 'text', text: { body, preview_url: false } });
const interactiveSend = (interactive: Record<string, unknown>): GraphSend => ({
  type: 'interactive',
  interactive,
});

function choiceAction(body: string, choices: readonly Choice[]): Record<string, unknown> {
  if (choices.length <= MAX_BUTTONS && choices.every((c) => c.label.length <= BUTTON_TITLE_LIMIT))
    return {
      type: 'button',
      body: { text: body },
      action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.value, title: c.label } })) },
    };
  return {
    type: 'list',
    body: { text: body },
    action: {
      button: LIST_BUTTON,
      sections: [
        {
          rows: choices.map((c) => ({
            id: c.value,
            title: clip(c.label, ROW_TITLE_LIMIT),
            // A label too long for the title is shown whole below it.
            ...(c.label.length > ROW_TITLE_LIMIT
              ? { description: clip(c.label, ROW_DESCRIPTION_LIMIT) }
              : {}),
          })),
        },
      ],
    },
  };
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * The text of a notice as a template's one body parameter, or undefined when it cannot be one: a
 * template parameter is a single line of limited length, so a longer notice is held, not cut.
 */
export function templateParameter(text: string): string | undefined {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' · ')
    .replace(/\t/g, ' ')
    .replace(/ {4,}/g, '   ');
  return line.length > 0 && line.length <= TEMPLATE_PARAM_LIMIT ? line : undefined;
}

export function templateSend(name: string, language: string, parameter: string): GraphSend {
  return {
    type: 'template',
    template: {
      name,
      language: { code: language },
      components: [{ type: 'body', parameters: [{ type: 'text', text: parameter }] }],
    },
  };
}

/** A Graph API error as the Cloud API answers it: `{ error: { code, message, ... } }`. */
export interface GraphError {
  status: number;
  code: number | undefined;
  message: string;
}

/** Outside the 24-hour customer-service window: only a template may open the conversation. */
export const OUTSIDE_WINDOW = 131047;
/** The access token is invalid, expired or lacks the permission: only the operator can fix it. */
export const TOKEN_CODES = new Set([0, 10, 190, 200]);

/** Every Graph API failure as the outbox's TransportError; the outbox alone decides what follows. */
export function toTransportError(e: GraphError, what: string): TransportError {
  const text = `whatsapp-cloud ${what}: ${e.status} ${e.code ?? '-'} ${e.message}`.slice(0, 300);
  switch (e.code) {
    case 130429: // throughput of the number reached
      return TransportError.retry(text, 5_000);
    case 131056: // too many messages to this one person in a short time (the pair rate)
      return TransportError.retry(text, 10_000);
    case 131026: // undeliverable: no WhatsApp on the number, or an app too old
      return TransportError.unreachable(text);
    default:
      if (e.status === 429) return TransportError.retry(text, 10_000);
      if (e.status >= 500 || e.code === 1 || e.code === 2 || e.code === 131000)
        return TransportError.retry(text);
      // A refused token waits for the operator (retried, never dropped); the transport reports it in health.
      if (e.code !== undefined && TOKEN_CODES.has(e.code)) return TransportError.retry(text, 60_000);
      return TransportError.permanent(text);
  }
}
