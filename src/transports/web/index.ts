import { commandOf, type DashboardAction } from '../../domain/dashboard.ts';
import type { Choice, InboundMessage, OutboundMessage, PersonId } from '../../domain/message.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';

/** An answer of the bot shown in a coordinator's open dashboards. */
export interface WebReply {
  id: number;
  text: string;
  choices?: Choice[];
}

/**
 * The dashboard as a chat transport: a coordinator's click is the command they would type, sent from
 * them (their own person id) in a private chat of this transport, so the inbox records it once, the
 * same handler and role check decide, and the answer comes back here to the pages they have open.
 * Notices to coordinators, people and groups go where the chat sends them, as from any other chat.
 */
export class WebTransport implements Transport {
  readonly name = 'web' as const;
  private intake: Intake | undefined;
  private readonly pages = new Map<PersonId, Set<(reply: WebReply) => void>>();

  async start(intake: Intake): Promise<void> {
    this.intake = intake;
  }

  /** Hands an action to the core; `recorded` is false for a repeat of the same action (a double click). */
  act(personId: PersonId, action: DashboardAction, at = Date.now()): { recorded: boolean } {
    if (!this.intake) throw new Error('the web transport is not started');
    const message: InboundMessage = {
      chat: { transport: 'web', chatId: personId, kind: 'private' },
      messageId: action.id,
      sender: { id: personId },
      at,
      content: commandOf(action.act),
    };
    return { recorded: this.intake.receive([message]).recorded === 1 };
  }

  /** A page that shows this coordinator's answers; returns how to stop. */
  listen(personId: PersonId, page: (reply: WebReply) => void): () => void {
    const set = this.pages.get(personId) ?? new Set();
    this.pages.set(personId, set);
    set.add(page);
    return () => {
      set.delete(page);
      if (set.size === 0) this.pages.delete(personId);
    };
  }

  /** An answer no page is open for is not lost: it stays in the outbox, and the next click answers anew. */
  async send(message: OutboundMessage): Promise<SendResult> {
    const reply: WebReply = {
      id: message.id,
      text: message.text,
      ...(message.choices ? { choices: message.choices } : {}),
    };
    for (const page of this.pages.get(message.chat.chatId) ?? []) page(reply);
    return { platformMessageId: String(message.id) };
  }

  async stop(): Promise<void> {
    this.intake = undefined;
  }

  health(): TransportHealth {
    return { ok: true, state: 'ready' };
  }
}
