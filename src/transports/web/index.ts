import { commandOf, type DashboardAction } from '../../domain/dashboard.ts';
import type { InboundMessage, OutboundMessage, PersonId } from '../../domain/message.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';

/**
 * The dashboard as a chat transport: a coordinator's click is the command they would type, sent from
 * them (their own person id) in a private chat of this transport, so the inbox records it once, the
 * same handler and role check decide, and the answer is written to the outbox for that chat. Notices
 * to coordinators, people and groups go where the chat sends them, as from any other chat.
 */
export class WebTransport implements Transport {
  readonly name = 'web' as const;
  private intake: Intake | undefined;

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

  /**
   * Nothing to hand over: the coordinator's open pages read their answers from the outbox (the event
   * stream, src/http/dashboard/live.ts), in whichever process serves them; the row is marked sent.
   */
  async send(message: OutboundMessage): Promise<SendResult> {
    return { platformMessageId: String(message.id) };
  }

  async stop(): Promise<void> {
    this.intake = undefined;
  }

  health(): TransportHealth {
    return { ok: true, state: 'ready' };
  }
}
